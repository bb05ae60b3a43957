package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.model.network.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Building a world: the indices the builders hand out (timeline actions refer to VPCs, subnets and gateways by
 * them), a VPC whose quota other services already share, and ids the scenario never declared (a bug of the caller:
 * the loader reports them to the user first).
 */
class BuildingTest {

    @Test
    void buildersHandOutIndicesInOrder() {
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC);
        assertEquals(0, h.build.addVpc("vpc-a", 500));
        assertEquals(1, h.build.addVpc("vpc-b", 10, 4));
        h.build.addSecurityGroup("vpc-b", "sg");
        assertEquals(0, h.build.addSubnet("vpc-a", "s-a", Cidr.parse("10.0.0.0/24"), "az-1", 0));
        assertEquals(1, h.build.addSubnet("vpc-b", "s-b", Cidr.parse("10.1.0.0/24"), "az-2", 0));
        assertEquals(0, h.build.addNatGateway("vpc-a", "nat-a", "az-1", 1));
        assertEquals(1, h.build.addNatGateway("vpc-b", "nat-b", "az-2", 1));
        WorldSnapshot s = h.world().snapshot();
        assertEquals(4, s.vpcs().get(1).otherUsedEnis());
        assertEquals(4, s.region().otherEnis());
        assertEquals(4, s.region().peak());
        assertEquals(WorldHarness.REGION_DEFAULT, s.region().limit());
        assertEquals("s-b", s.subnets().get(1).id());
        assertEquals(1, s.subnets().get(1).vpc());
    }

    @Test
    void otherServicesEnisBeyondAVpcsQuotaAreCappedAtIt() {
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC);
        h.build.addVpc("vpc", 10, 12);
        assertEquals(10, h.world().snapshot().vpcs().get(0).otherUsedEnis());
        assertEquals(10, h.world().snapshot().region().otherEnis());
    }

    @Test
    void theRegionsLimitCapsOtherServicesEnisAcrossVpcs() {
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * SEC, 5 * SEC, Scaling.DEFAULT, null, 6);
        h.build.addVpc("vpc-a", 10, 4);
        h.build.addVpc("vpc-b", 10, 4);
        assertEquals(2, h.world().snapshot().vpcs().get(1).otherUsedEnis(), "6 in the Region - 4 in vpc-a");
        assertEquals(6, h.world().snapshot().region().peak());
    }

    @Test
    void idsTheScenarioNeverDeclaredAreRefusedWithTheirName() {
        WorldHarness h = WorldHarness.standard();
        assertEquals("unknown VPC vpc-x", assertThrows(IllegalArgumentException.class,
                () -> h.build.addSubnet("vpc-x", "s", Cidr.parse("10.9.0.0/24"), "az-1", 0)).getMessage());
        assertEquals("unknown subnet subnet-x", assertThrows(IllegalArgumentException.class,
                () -> h.function("f", List.of("subnet-x"), List.of("sg-a"))).getMessage());
        assertEquals("unknown security group sg-x", assertThrows(IllegalArgumentException.class,
                () -> h.function("g", List.of("subnet-1"), List.of("sg-x"))).getMessage());
    }
}
