package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code vpcs[*].enisAtStart}: a key Hyperplane scaled out before the run starts with that many in-use ENIs when an
 * existing Active function uses it, each made at time 0 as the first is (an address of the subnet, a slot of the VPC's
 * quota and of the Region's network interfaces, the key's pool), and then kept or let go by the model's usual rules:
 * while the key has a user, and deleted all together when it has none (idle reclaim).
 */
class EnisAtStartTest {

    private static final String SCENARIO = """
            name: scaled-out
            duration: 10m
            vpcs:
              - id: vpc-1
                otherUsedEnis: 2
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a, otherUsedIps: 10 }
                  - { id: subnet-b, cidr: 10.0.2.0/24, az: us-east-1b }
                securityGroups: [sg-app, sg-db]
                enisAtStart:
                  - { subnetId: subnet-a, securityGroupIds: [sg-db, sg-app], enis: 3 }
            functions:
              - name: api
                existing: Active
                vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-app, sg-db] }
                duration: 100ms
                arrivals: { poisson: 5/s }
              - name: worker
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-db, sg-app] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    private static RunResult run(String yaml) throws Exception {
        return new Simulation(ScenarioLoader.parse(yaml, "t"), 0).checkingInvariants().run();
    }

    private static long onKey(RunResult r, String key) {
        return r.enis().stream().filter(e -> e.key().equals(key)).count();
    }

    @Test
    void theKeyStartsWithItsEnisEachTakingAnAddressAndASlot() throws Exception {
        RunResult r = run(SCENARIO);
        // two functions on the key: 3 ENIs, not 3 each; subnet-b's key, not listed, starts with one
        assertEquals(3, onKey(r, "subnet-a+[sg-app,sg-db]"), r.enis().toString());
        assertEquals(1, onKey(r, "subnet-b+[sg-app,sg-db]"), r.enis().toString());
        for (RunResult.EniLifetime e : r.enis()) {
            assertEquals(0.0, e.createdSeconds(), e.id());
            assertEquals(0.0, e.readySeconds().orElseThrow(), e.id());
            assertEquals("InUse", e.finalState(), e.id());
        }
        RunSummary s = r.summary();
        assertEquals(4, s.enis().inPlaceAtStart());
        assertEquals(0, s.enis().createdDuringRun());
        assertEquals(251 - 10 - 3, s.subnets().get("subnet-a").minAvailableIps());
        assertEquals(251 - 1, s.subnets().get("subnet-b").minAvailableIps());
        assertEquals(4, s.vpcs().get("vpc-1").peakEnis());
        assertEquals(2, s.vpcs().get("vpc-1").otherUsedEnis());
        assertEquals(6, s.region().peakNetworkInterfaces(), "4 Lambda ENIs + 2 others'");
        assertEquals("Active", s.functions().get("api").finalState());
    }

    @Test
    void withoutTheFieldEveryKeyStartsWithOne() throws Exception {
        RunResult r = run(SCENARIO.replaceAll("(?s)    enisAtStart:\n.*?\n(?=functions:)", ""));
        assertEquals(1, onKey(r, "subnet-a+[sg-app,sg-db]"));
        assertEquals(251 - 10 - 1, r.summary().subnets().get("subnet-a").minAvailableIps());
    }

    @Test
    void theyGoWithTheKeyWhenItsFunctionsAreReclaimedIdle() throws Exception {
        String idle = SCENARIO.replace("duration: 10m", "duration: 1h")
                .replace("arrivals: { poisson: 5/s }", "arrivals: { none: true }")
                .replace("arrivals: { poisson: 1/s }", "arrivals: { none: true }")
                + "hyperplane: { idleReclaimAfter: 5m, eniDeleteTime: 1m }\n";
        RunResult r = run(idle);
        assertEquals(4, r.enis().size());
        for (RunResult.EniLifetime e : r.enis()) {
            assertEquals("Deleted", e.finalState(), e.id());
            assertEquals(360.0, e.endedSeconds().orElseThrow(), e.id() + ": reclaimed at 5m, deleted a minute later");
        }
        assertEquals(251 - 10, r.summary().subnets().get("subnet-a").finalAvailableIps(), "the 3 addresses freed");
        assertEquals("Inactive", r.summary().functions().get("api").finalState());
    }

    @Test
    void thoseThatDoNotFitFailTheFunctionAsTheFirstWould() throws Exception {
        // a /28 has 11 usable addresses: 9 others leave 2, the key needs 3
        RunResult r = run(SCENARIO.replace("cidr: 10.0.1.0/24, az: us-east-1a, otherUsedIps: 10",
                "cidr: 10.0.1.0/28, az: us-east-1a, otherUsedIps: 9"));
        RunSummary s = r.summary();
        assertEquals("Failed", s.functions().get("api").finalState());
        assertEquals("SubnetOutOfIPAddresses", s.functions().get("api").finalReasonCode().name());
        assertTrue(s.functions().get("api").transitions().stream().anyMatch(t -> t.cause().equals(
                "its existing ENI 3 of 3 for subnet-a+[sg-app,sg-db] does not fit")),
                s.functions().get("api").transitions().toString());
        assertEquals(0, s.subnets().get("subnet-a").minAvailableIps(), "the 2 that fit are in place");
    }

    @Test
    void aKeyOfAnotherAccountIsItsOwn() throws Exception {
        String two = """
                name: two-accounts
                duration: 5m
                accounts:
                  - { id: "111111111111" }
                  - { id: "222222222222" }
                vpcs:
                  - id: vpc-1
                    subnets: [{ id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }]
                    securityGroups: [sg-app]
                    enisAtStart:
                      - { subnetId: subnet-a, securityGroupIds: [sg-app], account: "222222222222", enis: 2 }
                functions:
                  - name: a
                    existing: Active
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                  - name: b
                    account: "222222222222"
                    existing: Active
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                """;
        RunResult r = run(two);
        assertEquals(1, onKey(r, "111111111111:subnet-a+[sg-app]"), r.enis().toString());
        assertEquals(2, onKey(r, "222222222222:subnet-a+[sg-app]"), r.enis().toString());
        assertEquals(List.of(), r.enis().stream().filter(e -> e.createdSeconds() > 0).toList());
    }
}
