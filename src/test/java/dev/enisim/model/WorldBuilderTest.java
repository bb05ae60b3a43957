package dev.enisim.model;

import static dev.enisim.model.WorldHarness.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.model.function.State;
import dev.enisim.model.network.Cidr;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The world is built once: what is added before {@code build()} is the world; nothing can be added after. */
class WorldBuilderTest {

    @Test
    void nothingCanBeAddedOnceTheWorldIsBuilt() {
        WorldHarness h = WorldHarness.standard();
        h.function("api", List.of("subnet-1"), List.of("sg-a"));
        h.world();
        assertThrows(IllegalStateException.class, () -> h.build.addVpc("vpc-2", 500));
        assertThrows(IllegalStateException.class, () -> h.build.addSubnet("vpc-1", "subnet-3",
                Cidr.parse("10.0.3.0/24"), "az-1", 0));
        assertThrows(IllegalStateException.class, () -> h.build.addSecurityGroup("vpc-1", "sg-c"));
        assertThrows(IllegalStateException.class, () -> h.function("late", List.of("subnet-1"), List.of("sg-a")));
        assertThrows(IllegalStateException.class, h.build::build, "built once");
        assertEquals(1, h.world().snapshot().functions().size());
    }

    @Test
    void indicesAreTheOrderThingsWereAdded() {
        WorldHarness h = WorldHarness.standard(); // sg-a, sg-b; subnet-1, subnet-2
        assertEquals(new SimEvent.VpcConfig(List.of(1, 0), List.of(1)),
                h.vpc(List.of("subnet-2", "subnet-1"), List.of("sg-b")));
    }

    /** A CreateFunction without a VpcConfig re-creates the function with the one it had; with one, it switches. */
    @Test
    void aRecreationKeepsTheCurrentVpcConfigUnlessGivenOne() {
        WorldHarness h = WorldHarness.standard();
        int f = h.function("api", List.of("subnet-2"), List.of("sg-a"));
        h.create(f, 0);
        h.at(100 * SEC, new SimEvent.DeleteFunction(f));
        h.create(f, 200 * SEC);
        h.advanceTo(300 * SEC);
        assertEquals(State.Active, h.state(f));
        assertEquals(List.of("subnet-2"), h.world().function(f).binding().subnetIds());
        h.at(400 * SEC, new SimEvent.DeleteFunction(f));
        h.at(500 * SEC, new SimEvent.CreateFunction(f, SimEvent.VpcConfig.NONE));
        h.advanceTo(500 * SEC);
        assertEquals(State.Active, h.state(f), "no VpcConfig: Active at once");
        assertEquals(List.of(), h.world().function(f).binding().subnetIds());
    }
}
