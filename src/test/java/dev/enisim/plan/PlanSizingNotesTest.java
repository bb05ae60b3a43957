package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Subnet sizes measured under a limit that held the demand down (the ENI quota), or that no size fits (past a /16):
 * the plan printed them as answers, with nothing said.
 */
class PlanSizingNotesTest {

    private static Plan plan(String quota, String cidr, int others) throws Exception {
        return plan(quota, cidr, others, "");
    }

    /** Two functions in subnet {@code sn}, one on security group sg-1, one on sg-2 (two ENI keys), 2/s each. */
    static final String TWO_KEYS_FUNCTIONS = """
                functions:
                  - { name: one, vpcConfig: { subnetIds: [sn], securityGroupIds: [sg-1] }, duration: 100ms,
                      arrivals: { poisson: 2/s } }
                  - { name: two, vpcConfig: { subnetIds: [sn], securityGroupIds: [sg-2] }, duration: 100ms,
                      arrivals: { poisson: 2/s } }
                """;

    private static Plan plan(String quota, String cidr, int others, String head) throws Exception {
        return new Planner(ScenarioLoader.parse(head + """
                name: held
                duration: 20m
                vpcs:
                  - id: vpc-p
                    eniQuota: %s
                    subnets: [{ id: sn, cidr: %s, az: a, otherUsedIps: %d }]
                    securityGroups: [sg-1, sg-2]
                """.formatted(quota, cidr, others) + TWO_KEYS_FUNCTIONS, "held.yaml"), 1, line -> { }).plan();
    }

    @Test
    void aVpcQuotaThatHoldsTheDemandDownIsMeasuredPastAndSaidShort() throws Exception {
        // a planner's review: with the quota one short, section 2 said "peak 1 of 1" (what the quota let through),
        // where the design needs 2; the sizes were measured under the quota too, and a note said to plan again
        Plan held = plan("1", "10.1.0.0/24", 0);
        assertEquals(List.of(), held.sizingNotes(), "the demand run has no VPC quota in the way");
        Plan.VpcAdvice v = held.vpcs().get(0);
        assertEquals(2, v.peakEnis(), "both keys' ENIs: the design's need");
        assertEquals(1, v.eniQuota(), "the scenario's quota, not the demand run's");
        assertEquals(-1, v.room());
        assertTrue(PlanReport.text(held).contains("   vpc-p: peak 2 of 1 (1 ENI short);"), PlanReport.text(held));
        assertEquals(2, held.subnets().get(0).peakLambdaIps(), "the IPs both ENIs need");
        assertTrue(PlanReport.text(plan("3", "10.1.0.0/24", 0)).contains("   vpc-p: peak 2 of 3 (1 ENI spare);"));
        assertTrue(PlanReport.text(plan("2", "10.1.0.0/24", 0)).contains("   vpc-p: peak 2 of 2 (at the quota);"));
    }

    @Test
    void aDemandTheRegionsQuotaHeldDownIsSaidBesideTheSizes() throws Exception {
        Plan held = plan("10", "10.1.0.0/24", 0, "account: { networkInterfacesPerRegion: 1 }\n");
        assertEquals(1, held.sizingNotes().size(), held.sizingNotes().toString());
        assertTrue(held.sizingNotes().get(0).startsWith("the demand for IPs was measured while the Region's"
                + " network-interface quota refused ENIs"), held.sizingNotes().toString());
        assertTrue(PlanReport.text(held).contains("   (!) the demand for IPs was measured while the Region's"),
                PlanReport.text(held));
        assertEquals(List.of(), plan("10", "10.1.0.0/24", 0).sizingNotes(), "a quota that refused nothing");
    }

    @Test
    void aSubnetNoSizeFitsIsSaid() throws Exception {
        Plan full = plan("10", "10.1.0.0/16", 65_530);
        assertTrue(full.sizingNotes().stream().anyMatch(n -> n.equals("sn ran out of addresses even as a /16 (65,531"
                + " usable, other tenants' 65,530 at their most during the run): no subnet size fits; give the"
                + " functions more subnets")),
                full.sizingNotes().toString());
    }

    @Test
    void oneEniIsOneEni() throws Exception {
        Plan p = plan("10", "10.1.0.0/24", 0);
        assertEquals(2, p.teardown().enis(), "two keys");
        assertTrue(PlanReport.text(p).contains("waits for Lambda to delete 2 ENIs\n"), PlanReport.text(p));
        Plan one = new Plan(p.scenario(), p.seed(), p.networkModel(), p.failsAsIs(), p.failedFunctions(), p.subnets(),
                p.subnetsUnderOtherModel(), p.vpcs(), p.headroom(), new Plan.TeardownWait(20, 1, 900, 1900, 950,
                2000), p.idle(), p.assumptions());
        assertTrue(PlanReport.text(one).contains("waits for Lambda to delete 1 ENI\n"), PlanReport.text(one));
        assertTrue(PlanReport.html(one).contains("to delete its 1 ENI (a stack"), "the page too");
    }

    @Test
    void theTeardownP99OfFewRunsIsSaidToBeAboutTheirLargest() throws Exception {
        String text = PlanReport.text(plan("10", "10.1.0.0/24", 0));
        assertTrue(text.contains("p99 ") && text.contains(" (of 1 run: about the largest, not a p99);"), text);
        assertTrue(text.contains("   plan a timeout (CloudFormation's, Terraform's) on the analytic p99\n"), text);
        assertEquals(" (of 20 runs: about the largest, not a p99)", PlanReport.fewRuns(new Plan.TeardownWait(20, 2,
                600, 1500, 700, 2700)));
        assertEquals("", PlanReport.fewRuns(new Plan.TeardownWait(100, 2, 600, 2600, 700, 2700)));
    }

    @Test
    void theCheckColumnSaysWhatItCounts() throws Exception {
        // two keys' ENIs beside 10 other addresses: /27 fits, /28 (11 usable) leaves one key without an address
        Plan p = plan("10", "10.1.0.0/24", 10);
        assertTrue(p.subnets().get(0).failuresOneSmaller() > 0, p.subnets().toString());
        assertTrue(PlanReport.text(p).contains("   (check: failures for IPs in a re-run: invocations that found no"
                + " address, plus functions that could not be created)\n"), PlanReport.text(p));
        assertTrue(!PlanReport.text(plan("10", "10.1.0.0/24", 0)).contains("(check: "), "none to explain");
    }

    @Test
    void underTheLegacyModelTheQuotaIsTheRegionsLimit() throws Exception {
        Plan legacy = plan("3", "10.1.0.0/24", 0, "networkModel: legacy\nlegacy: { eniLimit: 40 }\n");
        assertEquals(40, legacy.vpcs().get(0).eniQuota(), "the limit the legacy run held the ENIs to");
    }
}
