package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The subnet sizes (section 1) on small runs of 3 minutes, a warm-up of 30 s: the verification one size smaller
 * (until one replication runs out), the sizing notes' words for one replication and for several, the progress lines,
 * and the edges of a /16 that other tenants fill and of a smaller size they alone fill.
 */
class PlanSubnetsTest {

    private static Plan plan(String yaml, int replications, List<String> progress) throws Exception {
        return new Planner(ScenarioLoader.parse(yaml, "subnets"), replications, progress::add).warmUp(30_000_000L)
                .plan();
    }

    /**
     * {@link PlanPeaksTest}'s run over two replications: s1 (late's key refusing ports) sized on the formula, one size
     * smaller runs out at once; s2's one size smaller holds both replications.
     */
    @Test
    void twoReplicationsVerifyOneSizeSmallerUntilOneRunsOut() throws Exception {
        List<String> progress = new ArrayList<>();
        Plan p = plan(PlanPeaksTest.YAML, 2, progress);
        Plan.SubnetAdvice s1 = p.subnets().get(0);
        assertEquals("s1", s1.subnet());
        assertEquals(15, s1.peakLambdaIps(), s1.toString());
        assertEquals(16, s1.analyticLambdaIps(), "the refused connections' ENI added: " + s1);
        assertEquals(17, s1.warmUpLambdaIps(), "the warm-up's ENIs held more: " + s1);
        assertEquals(27, s1.recommendedPrefix(), "17 + 5 others: a /27 (27)");
        assertEquals(229, s1.headroomIps(), "251 - 5 - 17: the warm-up's ENIs keep their addresses");
        assertEquals(List.of(0L, 0, 1, 1), List.of(s1.failuresAtRecommended(), s1.runsFailedAtRecommended(),
                s1.runsOneSmaller(), s1.runsFailedOneSmaller()), "the /28 ran out in the first replication: " + s1);
        assertTrue(s1.failuresOneSmaller() > 0, s1.toString());
        Plan.SubnetAdvice s2 = p.subnets().get(1);
        assertEquals(27, s2.recommendedPrefix(), s2.toString());
        assertEquals(List.of(0L, 2, 0), List.of(s2.failuresOneSmaller(), s2.runsOneSmaller(),
                s2.runsFailedOneSmaller()), "s2's /28 held in both: " + s2);
        assertTrue(progress.contains("every subnet at its recommended size, replication 2 of 2, on random numbers the"
                + " sizes were not derived from"), progress.toString());
        assertTrue(progress.contains("s2 one size smaller (/28), replication 2 of 2, until one runs out"),
                progress.toString());
        assertFalse(progress.contains("s1 one size smaller (/28), replication 2 of 2, until one runs out"),
                "s1's verification stopped at the first that ran out: " + progress);
        assertEquals(1, p.sizingNotes().size(), p.sizingNotes().toString());
        String note = p.sizingNotes().get(0);
        assertTrue(note.startsWith("s1: its functions' invocations were refused for want of ports on their ENIs, up to"
                + " 909 in a run (the functions' refusals"), note);
        assertTrue(note.endsWith("and needs 16 ENIs: the recommended size holds that"), note);
    }

    /** One replication: "about" its refusals, not "up to ... in a run". */
    @Test
    void oneReplicationsNoteSaysAbout() throws Exception {
        Plan p = plan(PlanPeaksTest.YAML, 1, new ArrayList<>());
        String note = p.sizingNotes().get(0);
        assertTrue(note.startsWith("s1: its functions' invocations were refused for want of ports on their ENIs, about"
                + " 773 (the functions' refusals"), note);
    }

    /** The Region's quota of one network interface holds two keys' demand down: said, with the replications. */
    @Test
    void theRegionsQuotaNoteSaysInHowManyReplications() throws Exception {
        String yaml = """
                name: held
                seed: 1
                duration: 3m
                bucket: 10s
                account: { networkInterfacesPerRegion: 1 }
                vpcs:
                  - id: vpc-p
                    subnets: [{ id: sn, cidr: 10.1.0.0/24, az: a }]
                    securityGroups: [sg-1, sg-2]
                """ + PlanSizingNotesTest.TWO_KEYS_FUNCTIONS;
        String said = "the demand for IPs was measured while the Region's network-interface quota refused ENIs"
                + " (EniLimitExceeded, with every subnet at /16 and no VPC quota; networkInterfacesPerRegion%s): these"
                + " sizes are for what that quota let through; raise it and plan again";
        assertEquals(List.of(said.formatted("")), plan(yaml, 1, new ArrayList<>()).sizingNotes());
        assertEquals(List.of(said.formatted("; in 2 of 2 replications")), plan(yaml, 2, new ArrayList<>())
                .sizingNotes());
    }

    /** A /16 with 65,530 addresses taken and one ENI: exactly full (65,531), which fits: nothing to say. */
    @Test
    void aSlashSixteenExactlyFullFits() throws Exception {
        Plan p = plan(oneFunction("big", "10.1.0.0/16", 65530, ""), 1, new ArrayList<>());
        assertEquals(List.of(), p.sizingNotes());
        assertEquals(16, p.subnets().get(0).recommendedPrefix());
        assertEquals(0, p.subnets().get(0).headroomIps());
    }

    /**
     * Other tenants grow to fill a /16 (65,531) at minute 2, after the function's ENI took its address: it never ran
     * out, but it needs 65,532 addresses, which no size holds.
     */
    @Test
    void aNeedPastASlashSixteenIsSaid() throws Exception {
        Plan p = plan(oneFunction("big", "10.1.0.0/16", 65000, """
                timeline:
                  - { at: 2m, action: setOtherUsedIps, subnet: big, otherUsedIps: 65531 }
                """), 1, new ArrayList<>());
        assertEquals(List.of("big needs 65,532 addresses (Lambda's 1 and other tenants' 65,531 at their most during"
                + " the run), more than a /16 holds (65,531): no subnet size fits; give the functions more subnets"),
                p.sizingNotes());
    }

    /**
     * Seed 7: the demand run (replication 0) held one ENI of 10 connections, so a /28 with the others' 10 addresses;
     * the verification (replication 1) at 3/s of exponential 1 s needs a second and runs out: said, with the size to
     * take.
     */
    @Test
    void aVerificationThatRunsOutAtTheRecommendedSizeIsSaid() throws Exception {
        Plan p = plan("""
                name: scan
                seed: 7
                duration: 3m
                bucket: 10s
                hyperplane: { connectionsPerEni: 10 }
                vpcs:
                  - id: v
                    subnets: [{ id: sn, cidr: 10.1.0.0/24, az: a, otherUsedIps: 10 }]
                    securityGroups: [sg-1]
                functions:
                  - name: f
                    existing: Active
                    vpcConfig: { subnetIds: [sn], securityGroupIds: [sg-1] }
                    initDuration: 0s
                    duration: { dist: exponential, mean: 1s }
                    arrivals: { poisson: 3/s }
                """, 1, new ArrayList<>());
        Plan.SubnetAdvice a = p.subnets().get(0);
        assertEquals(List.of(28, 6L, 1, 1), List.of(a.recommendedPrefix(), a.failuresAtRecommended(),
                a.runsAtRecommended(), a.runsFailedAtRecommended()), a.toString());
        assertEquals(List.of("sn ran out at /28 in 1 of 1 replications the size was not derived from (6 IP failures):"
                + " the most of the 1 it was sized on is passed in some runs; take /27 or plan again with more"
                + " --replications"), p.sizingNotes());
    }

    /** Other tenants' 11 addresses fill a /28 (11 usable) exactly: the /28 is still tried (and runs out). */
    @Test
    void aSmallerSizeTheOthersExactlyFillIsTried() throws Exception {
        Plan.SubnetAdvice a = edge(11);
        assertEquals(27, a.recommendedPrefix(), a.toString());
        assertEquals(1, a.runsOneSmaller(), a.toString());
        assertEquals(1, a.runsFailedOneSmaller(), a.toString());
        assertTrue(a.failuresOneSmaller() > 0, a.toString());
    }

    /** One function at 2/s for 3 minutes in a /24 with {@code others} addresses of other tenants': its advice. */
    private static Plan.SubnetAdvice edge(int others) throws Exception {
        return plan(oneFunction("sn", "10.1.0.0/24", others, ""), 1, new ArrayList<>()).subnets().get(0);
    }

    /**
     * One existing function at 2/s for 3 minutes in subnet {@code subnet} ({@code cidr}, {@code others} addresses of
     * other tenants'), then {@code more} (a timeline, or nothing).
     */
    private static String oneFunction(String subnet, String cidr, long others, String more) {
        return """
                name: edge
                seed: 1
                duration: 3m
                bucket: 10s
                vpcs:
                  - id: v
                    subnets: [{ id: %1$s, cidr: %2$s, az: a, otherUsedIps: %3$d }]
                    securityGroups: [sg-1]
                functions:
                  - { name: one, existing: Active, vpcConfig: { subnetIds: [%1$s], securityGroupIds: [sg-1] },
                      duration: 100ms, arrivals: { poisson: 2/s } }
                """.formatted(subnet, cidr, others) + more;
    }

    /** A /28, the smallest size, with 5 addresses of others' (more than a /29's 3): no smaller size is tried. */
    @Test
    void theSmallestSizeHasNoSmallerOne() throws Exception {
        Plan.SubnetAdvice a = edge(5);
        assertEquals(28, a.recommendedPrefix(), a.toString());
        assertEquals(-1, a.failuresOneSmaller(), "none tried, not 'others do not fit': " + a);
        assertEquals(0, a.runsOneSmaller(), a.toString());
    }
}
