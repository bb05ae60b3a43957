package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A subnet whose warm-up held more ENIs than the traffic after it, and a key asleep in the runs (an {@code existing:
 * Inactive} function not invoked): the recommended size holds both at once, the warm-up's ENIs (each keeps its
 * address until Lambda deletes it) and an address for the asleep key when its function wakes. Counting the asleep key
 * only beside the peak after the warm-up (a mutant applied by hand, session 51: PlanInactiveKeysTest's subnet has no
 * warm-up to speak of) left it out of the size.
 */
class PlanAsleepKeysBesideTheWarmUpTest {

    @Test
    void theSizeHoldsTheWarmUpsEnisAndTheAsleepKey() throws Exception {
        // PlanPeaksTest's run, s1 with 10 other tenants, and a function asleep on s1 on a security group of its own
        String yaml = PlanPeaksTest.YAML
                .replace("{ id: s1, cidr: 10.1.0.0/24, az: a, otherUsedIps: 5 }",
                        "{ id: s1, cidr: 10.1.0.0/24, az: a, otherUsedIps: 10 }")
                .replace("securityGroups: [sg-a, sg-b]", "securityGroups: [sg-a, sg-b, sg-z]")
                .replace("  - name: plain\n", "  - { name: asleep, existing: Inactive, vpcConfig: { subnetIds: [s1],"
                        + " securityGroupIds: [sg-z] }, duration: 1s, arrivals: { none: true } }\n  - name: plain\n");
        Plan p = new Planner(ScenarioLoader.parse(yaml, "asleep-beside-warm-up"), 1, line -> { })
                .warmUp(30_000_000L).plan();
        Plan.SubnetAdvice s1 = p.subnets().get(0);
        assertEquals("s1", s1.subnet());
        assertEquals(1, s1.inactiveKeys(), s1.toString());
        assertTrue(s1.warmUpLambdaIps() > s1.peakLambdaIps(), "the warm-up held more than the peak: " + s1);
        long demand = s1.warmUpLambdaIps() + s1.inactiveKeys() + s1.otherUsedIps();
        assertTrue(s1.recommendedUsableIps() >= demand, "the size holds the warm-up's " + s1.warmUpLambdaIps()
                + " ENIs, the asleep key and the others' " + s1.otherUsedIps() + ": " + s1);
        assertEquals(17, s1.warmUpLambdaIps(), s1.toString());
        assertEquals(26, s1.recommendedPrefix(), "17 + 1 + 10 = 28 addresses, one more than a /27's 27: " + s1);
        assertEquals(251 - 10 - (17 + 1), s1.headroomIps(), "the headroom now: what the ENIs held, the warm-up's"
                + " too, and the asleep key: " + s1);
    }
}
