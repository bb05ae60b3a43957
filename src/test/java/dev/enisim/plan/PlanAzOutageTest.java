package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * When the plan says a function's invocations fail because its Availability Zones go down ({@link Planner#outageOf}):
 * only when every subnet of it is in a zone the timeline takes down within the run, each spell said from its start to
 * its end (or the run's end). Read off the scenario alone: no run.
 */
class PlanAzOutageTest {

    /** A VPC of three subnets in zones a, b and c, a function on each set of them; the timeline is appended. */
    private static Scenario scenario(String timeline) throws Exception {
        return ScenarioLoader.parse("""
                name: azs
                duration: 30m
                vpcs:
                  - id: v
                    subnets:
                      - { id: s1, cidr: 10.0.0.0/24, az: a }
                      - { id: s2, cidr: 10.0.1.0/24, az: b }
                      - { id: s3, cidr: 10.0.2.0/24, az: c }
                    securityGroups: [sg]
                functions:
                  - { name: inA, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg] }, duration: 1s,
                      arrivals: { poisson: 1/s } }
                  - { name: inAB, vpcConfig: { subnetIds: [s2, s1], securityGroupIds: [sg] }, duration: 1s,
                      arrivals: { poisson: 1/s } }
                  - { name: inC, vpcConfig: { subnetIds: [s3], securityGroupIds: [sg] }, duration: 1s,
                      arrivals: { poisson: 1/s } }
                  - { name: noVpc, duration: 1s, arrivals: { poisson: 1/s } }
                timeline:
                """ + timeline, "azs");
    }

    private static String outage(Scenario s, String function) {
        for (Scenario.Function f : s.functions()) {
            if (f.name().equals(function)) {
                return new Planner(s, 1, line -> { }).outageOf(f);
            }
        }
        throw new AssertionError(function);
    }

    @Test
    void aSpellIsSaidFromItsStartToItsEndOrTheRunsEnd() throws Exception {
        Scenario p = scenario("""
                  - { at: 10m, action: azOutage, az: a, until: 20m }
                  - { at: 25m, action: azOutage, az: c }
                """);
        assertEquals("a from 10 min to 20 min, azOutage", outage(p, "inA"));
        assertEquals("c from 25 min to the run's end, azOutage", outage(p, "inC"));
        assertNull(outage(p, "inAB"), "b stays up: its invocations go there");
        assertNull(outage(p, "noVpc"), "no subnet, no zone");
    }

    /** Each zone's spells, in the zones' order, when all of a function's zones go down (not necessarily together). */
    @Test
    void everyZoneOfTheFunctionDownIsAnOutageWithEachSpell() throws Exception {
        Scenario p = scenario("""
                  - { at: 1m, action: azOutage, az: a, until: 2m }
                  - { at: 5m, action: azOutage, az: b, until: 6m }
                  - { at: 8m, action: azOutage, az: a, until: 9m }
                """);
        assertEquals("a from 1 min to 2 min, a from 8 min to 9 min, b from 5 min to 6 min, azOutage",
                outage(p, "inAB"));
    }

    /**
     * A zone taken down again while it is down stays down from its first start to the first recovery, as in the run
     * (one flag per zone, set in time order); the timeline lists each outage's end right after its start, so read in
     * its order the second spell (3 min) came after the first's end (5 min) and was said "from 3 min to 8 min". A
     * zone taken down at the run's very end (30 min) is no outage within it.
     */
    @Test
    void overlappingSpellsAreTheRunsAndASpellAtTheRunsEndIsNone() throws Exception {
        Scenario p = scenario("""
                  - { at: 1m, action: azOutage, az: a, until: 5m }
                  - { at: 3m, action: azOutage, az: a, until: 8m }
                  - { at: 30m, action: azOutage, az: c }
                """);
        assertEquals("a from 1 min to 5 min, azOutage", outage(p, "inA"));
        assertNull(outage(p, "inC"));
        Scenario open = scenario("""
                  - { at: 1m, action: azOutage, az: a, until: 5m }
                  - { at: 3m, action: azOutage, az: a }
                """);
        assertEquals("a from 1 min to 5 min, azOutage", outage(open, "inA"),
                "back up at 5 min for the rest of the run");
    }
}
