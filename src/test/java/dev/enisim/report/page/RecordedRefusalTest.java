package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.report.Narrative;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What refused a scale-out is what the model recorded, not what the free-IP buckets suggest afterwards. The story
 * used to infer it: every subnet of the function whose free IPs (a time-series bucket's minimum) touched 0 from one
 * retry back-off before the failures to their last, and for ENILimitReachedException the VPC's quota or the Region's
 * as their peaks said. A subnet full for a moment, or a Region full at another time, was named beside the one that
 * refused.
 */
class RecordedRefusalTest {

    /**
     * api on subnet-a and subnet-b; other tenants fill subnet-b from 01:00 to 01:30 and subnet-a from 01:00 on; the
     * burst at 02:00 scales out on both keys: subnet-a refuses, subnet-b (free again) gives its IPs. subnet-b's
     * bucket at 01:00 has 0 free IPs, within the back-off before the failures.
     */
    static final String BRIEFLY_FULL = """
            name: briefly-full
            duration: 10m
            vpcs:
              - id: v
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/28, az: a, otherUsedIps: 2 }
                  - { id: subnet-b, cidr: 10.0.1.0/28, az: b, otherUsedIps: 2 }
                securityGroups: [sg]
            hyperplane: { connectionsPerEni: 100 }
            functions:
              - name: api
                existing: Active
                vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg] }
                duration: 2s
                connectionsPerEnvironment: 60
                arrivals: { bursts: { rate: 10/s, duration: 10s, at: [2m] } }
            timeline:
              - { at: 1m, action: setOtherUsedIps, subnet: subnet-a, otherUsedIps: 10 }
              - { at: 1m, action: setOtherUsedIps, subnet: subnet-b, otherUsedIps: 10 }
              - { at: 90s, action: setOtherUsedIps, subnet: subnet-b, otherUsedIps: 2 }
            """;

    private static final String A = "subnet-a (10.0.0.0/28, 0 of 11 usable IPs free)";

    @Test
    void aSubnetFullOnlyForAMomentIsNotNamed() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(BRIEFLY_FULL, "t"), 0).run();
        String all = String.join("\n", Narrative.lines(r));
        assertTrue(all.contains("failed with SubnetIPAddressLimitReachedException"), all);
        assertTrue(all.contains("a scale-out refused; full: " + A + "\n"), all);
        assertFalse(all.contains("subnet-b (10.0.1.0/28"), all);
        Headlines.Failure f = Headlines.failures(r).stream()
                .filter(x -> x.outcome().equals("SubnetIPAddressLimitReachedException")).findFirst().orElseThrow();
        assertTrue(f.why().endsWith("; full: " + A), f.why());
        JsonNode topo = TopologyData.build(r);
        List<String> subjects = new ArrayList<>();
        topo.get("events").forEach(e -> {
            if (e.get("text").asText().contains("a scale-out refused")) {
                e.get("subjects").forEach(s -> subjects.add(s.asText()));
            }
        });
        assertEquals(List.of("api", "subnet-a"), subjects);
    }

    /**
     * The VPC's quota refuses api's scale-out at 02:00; the Region's interfaces are used up later, at 08:00, by other
     * services' ENIs in another VPC. The story said "v's ENI quota ... or the Region's 8 network interfaces".
     */
    @Test
    void theRegionFullAtAnotherTimeIsNotNamed() throws Exception {
        String yaml = """
                name: quota-not-region
                duration: 10m
                account: { networkInterfacesPerRegion: 8 }
                vpcs:
                  - id: v
                    eniQuota: 3
                    subnets: [{ id: subnet-a, cidr: 10.0.0.0/24, az: a, otherUsedIps: 2 }]
                    securityGroups: [sg]
                  - id: w
                    subnets: [{ id: subnet-w, cidr: 10.1.0.0/24, az: a }]
                    securityGroups: [sg-w]
                hyperplane: { connectionsPerEni: 100 }
                functions:
                  - name: api
                    existing: Active
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg] }
                    duration: 2s
                    connectionsPerEnvironment: 60
                    arrivals: { bursts: { rate: 5/s, duration: 10s, at: [2m] } }
                timeline:
                  - { at: 1m, action: setOtherUsedEnis, vpc: v, otherUsedEnis: 2 }
                  - { at: 8m, action: setOtherUsedEnis, vpc: w, otherUsedEnis: 5 }
                """;
        RunResult r = new Simulation(ScenarioLoader.parse(yaml, "t"), 0).run();
        String all = String.join("\n", Narrative.lines(r));
        assertTrue(all.contains("failed with ENILimitReachedException (HTTP 502) between 00:02:00 and 00:02:09, a scale-out"
                + " refused; full: v's ENI quota (3 Hyperplane ENIs, other services' counted)\n"), all);
        assertFalse(all.contains("the Region's 8 network interfaces"), all);
    }
}
