package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Session 45 (h4), a teacher's read of shared-eni-65k ("twenty services' DB pools on one subnet + SG push the shared ENI
 * past 65,000 connections"): its verdict said "for a network cause: Function error NoFreePortOnEni, 11,662 from
 * 00:00:52 to 00:01:56", a reason code, and nothing of the twenty services, their pools or the ENI they share. A verdict
 * that leads with the failure a key's full ENIs cause now tells that story first, in the domain's words and from the
 * run's data; the reason code stays in the detail that follows.
 */
class ConnectionsVerdictTest {

    @Test
    void sharedEni65kLeadsWithTheServicesThatFilledTheirSharedEni() throws Exception {
        String v = Verdicts.of("shared-eni-65k");
        assertTrue(v.startsWith("<p class=\"verdict bad\">The 20 functions sharing the ENI key subnet-db+[sg-db]"
                + " (svc-01, svc-02, svc-03 and 17 more: one subnet and security-group set, so one Hyperplane ENI)"
                + " opened up to 103,737 connections at once, past the 65,000 one ENI carries: each execution"
                + " environment held a pool of 40 (connectionsPerEnvironment) beside its invocations' own. Lambda"
                + " created a second ENI for the key at 00:01:27, ready at 00:02:54; meanwhile 16,808 invocations of"
                + " all 20 found no free port and failed (NoFreePortOnEni). Smaller pools (or a proxy in front of the"
                + " database), or the functions spread over more subnet and security-group keys, each with ENIs of"
                + " its own, would keep each key under 65,000. 85,075 of 1,439,492 invocations did not succeed"
                + " (5.9%); for a network cause: Function error NoFreePortOnEni, 16,808 from 00:01:27 to 00:02:54;"), v);
    }

    /** eni-not-ready: the same five-service story, its requests refused with ENINotReadyException instead. */
    @Test
    void eniNotReadyTellsTheSameStoryWithItsRefusals() throws Exception {
        String v = Verdicts.of("eni-not-ready");
        assertTrue(v.startsWith("<p class=\"verdict bad\">The 5 functions sharing the ENI key subnet-db+[sg-db]"
                + " (svc-1, svc-2, svc-3 and 2 more: one subnet and security-group set, so one Hyperplane ENI) opened"
                + " up to 100,346 connections at once, past the 65,000 one ENI carries: each execution environment"
                + " held a pool of 160 (connectionsPerEnvironment) beside its invocations' own. Lambda created a second"
                + " ENI for the key at 00:01:31, ready at 00:03:03; meanwhile 3,818 invocations of all 5 found the"
                + " key's ENIs full and were refused (ENINotReadyException)."), v);
    }

    /** One function alone on its key, its ENIs of 20 connections: the same story, read off this run. */
    @Test
    void aFunctionAloneOnItsKeyIsToldAsSuch() throws Exception {
        String v = Headlines.html(new dev.enisim.run.Simulation(dev.enisim.scenario.ScenarioLoader.parse("""
                name: alone
                description: One function's pools past its ENI's 20 connections.
                seed: 1
                duration: 10m
                bucket: 1m
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-a, cidr: 10.0.0.0/24, az: az-1 }
                    securityGroups: [sg-a]
                hyperplane:
                  connectionsPerEni: 20
                functions:
                  - name: f
                    existing: Active
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                    timeout: 10s
                    connectionsPerEnvironment: 5
                    duration: { dist: constant, value: 1s }
                    arrivals: { constant: 10/s }
                """, "alone.yaml"), 0).run());
        assertTrue(v.contains("<p class=\"verdict bad\">The function f, alone on the ENI key subnet-a+[sg-a], opened"
                + " up to "), v);
        assertTrue(v.contains(" connections at once, past the 20 one ENI carries: each execution environment held a"
                + " pool of 5 (connectionsPerEnvironment) beside its invocations' own. Lambda created a second ENI for"
                + " the key at "), v);
        assertTrue(v.contains(" of its invocations found no free port and failed (NoFreePortOnEni)."), v);
    }

    /** A verdict led by another failure has no such sentence (quickstart: its subnet out of IPs). */
    @Test
    void otherVerdictsDoNotTellIt() throws Exception {
        String v = Verdicts.of("quickstart");
        assertTrue(v.startsWith("<p class=\"verdict bad\">44,346 of 565,005 invocations did not succeed"), v);
    }
}
