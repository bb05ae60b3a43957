package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.SimEvent;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The variants of a scenario the planner runs: subnets resized (network address masked, other tenants' addresses
 * kept to what the size holds), the VPC quota and EC2's request limit lifted for the demand runs, the teardown
 * (every function deleted at the end, run on after), functions created at other times. Read only, no run.
 */
class PlanVariantsTest {

    private static Scenario scenario() throws Exception {
        return ScenarioLoader.parse("""
                name: variants
                duration: 10m
                bucket: 1m
                hyperplane: { ec2RequestLimit: { burst: 4, refill: 1/m } }
                vpcs:
                  - id: v
                    eniQuota: 50
                    subnets:
                      - { id: a, cidr: 10.0.1.64/26, az: a, otherUsedIps: 40 }
                      - { id: b, cidr: 10.0.2.0/24, az: b, otherUsedIps: 3, ipv6Cidr: "2600:1f18:1:2::/64" }
                    securityGroups: [sg-1]
                functions:
                  - { name: f, vpcConfig: { subnetIds: [a, b], securityGroupIds: [sg-1] }, duration: 50ms,
                      arrivals: { poisson: 1/s } }
                  - { name: g, createdAt: 2m, duration: 50ms, arrivals: { poisson: 1/s } }
                timeline:
                  - { at: 5m, action: deleteFunction, function: g }
                """, "variants");
    }

    /**
     * A key scaled out before the run ({@code enisAtStart}) starts so in every variant: the demand runs measured it
     * with one ENI, and the subnets it recommends would not have held its others.
     */
    @Test
    void theKeysScaledOutBeforeTheRunStayInEveryVariant() throws Exception {
        Scenario s = ScenarioLoader.parse("""
                name: scaled
                duration: 10m
                vpcs:
                  - id: v
                    subnets: [{ id: a, cidr: 10.0.1.0/24, az: a }]
                    securityGroups: [sg-1]
                    enisAtStart: [{ subnetId: a, securityGroupIds: [sg-1], enis: 3 }]
                functions:
                  - { name: f, existing: Active, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] },
                      duration: 50ms, arrivals: { poisson: 1/s } }
                """, "scaled");
        List<Scenario.KeyAtStart> keys = List.of(new Scenario.KeyAtStart("a", List.of("sg-1"), "", 3));
        assertEquals(keys, Variants.resize(s, Map.of("a", 28)).vpcs().get(0).enisAtStart());
        assertEquals(keys, Variants.unlimitedQuotas(s).vpcs().get(0).enisAtStart());
        assertEquals(Variants.NO_QUOTA, Variants.unlimitedQuotas(s).vpcs().get(0).eniQuota());
    }

    @Test
    void aResizedSubnetKeepsItsNetworkMaskedAndAtMostTheOthersItsSizeHolds() throws Exception {
        Scenario s = Variants.resize(scenario(), Map.of("a", 28, "b", 16));
        Scenario.Subnet a = s.vpcs().get(0).subnets().get(0);
        assertEquals("10.0.1.64/28", a.cidr().toString());
        assertEquals(11, a.otherUsedIps(), "40 others cannot be in a /28's 11 usable addresses");
        Scenario.Subnet b = s.vpcs().get(0).subnets().get(1);
        assertEquals("10.0.0.0/16", b.cidr().toString(), "the network address masked to the wider prefix");
        assertEquals(3, b.otherUsedIps());
        assertEquals("2600:1f18:1:2::/64", b.ipv6Cidr(), "a resized dual-stack subnet stays dual-stack");
        assertTrue(b.dualStack());
        assertEquals(null, a.ipv6Cidr(), "an IPv4-only subnet stays IPv4-only");
        assertEquals("a", a.id());
        assertEquals("b", b.az());
        assertEquals(50, s.vpcs().get(0).eniQuota(), "the rest of the VPC as it was");
        assertEquals(List.of("sg-1"), s.vpcs().get(0).securityGroups());
        Scenario.Subnet untouched = Variants.resize(scenario(), Map.of("b", 24)).vpcs().get(0).subnets().get(0);
        assertEquals("10.0.1.64/26", untouched.cidr().toString(), "a subnet not named stays");
        assertEquals(40, untouched.otherUsedIps());
    }

    @Test
    void theDemandRunsLiftTheVpcQuotaAndEc2sRequestLimit() throws Exception {
        Scenario s = Variants.unlimitedQuotas(scenario());
        assertEquals(Variants.NO_QUOTA, s.vpcs().get(0).eniQuota());
        assertTrue(s.hyperplane().ec2RequestLimit().isEmpty());
        assertEquals(2, s.vpcs().get(0).subnets().size());
        Scenario none = Variants.noEc2RequestLimit(s);
        assertSame(s, none, "nothing to lift");
    }

    @Test
    void theTeardownDeletesEveryFunctionAtTheEndAndRunsOn() throws Exception {
        Scenario base = scenario();
        Scenario down = Variants.teardown(base, 50 * 60_000_000L);
        assertEquals(60 * 60_000_000L, down.durationMicros(), "10 min and 50 more");
        assertEquals(List.of(new Scenario.At(10 * 60_000_000L, new SimEvent.DeleteFunction(0)),
                new Scenario.At(10 * 60_000_000L, new SimEvent.DeleteFunction(1))), down.timeline(),
                "the scenario's own deletion of g at 5m is not the question: the stack as configured");
        assertEquals(60_000_000L, down.bucketMicros());
        Scenario shortRun = Variants.with(base, base.vpcs(), base.functions(), base.timeline(), 30_000_000L);
        assertEquals(30_000_000L, shortRun.bucketMicros(), "no bucket longer than the run");
    }

    @Test
    void functionsAreCreatedAtTheTimesGivenAndTheOthersStayAsTheyWere() throws Exception {
        Scenario base = scenario();
        Scenario s = Variants.createdAt(base, Map.of("f", 30_000_000L, "g", 120_000_000L));
        assertEquals(30_000_000L, s.functions().get(0).createdAtMicros());
        assertSame(base.functions().get(1), s.functions().get(1), "g at its own time: the very same function");
        assertSame(base.functions().get(0), Variants.createdAt(base, Map.of()).functions().get(0));
    }
}
