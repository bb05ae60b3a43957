package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.report.PlanReport;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The thirty-second pass's leftovers of {@code plan}'s traffic headroom. On ec2-request-limit the headroom stopped
 * at x1.00 at the recommended sizes too (EC2's request limit refuses the deployment's twelfth ENI whatever the
 * subnets): the recommended design got no figure a planner could use. The plan now works out the rollout in waves
 * that EC2 accepts and searches the headroom of the design deployed that way. And the headroom's figure moved with
 * the seed with nothing said: the output says it is one seed's answer, and {@code --headroom-searches} runs several
 * on their own replications and gives the lowest with the spread.
 */
class PlanStaggeredHeadroomTest {

    /** Three services, a key each, in two subnets: six ENIs at once against a bucket of 4 calls refilled 1 a minute. */
    private static final String EC2 = """
            name: ec2waves
            seed: 5
            duration: 12m
            bucket: 30s
            vpcs:
              - id: v
                subnets:
                  - { id: s1, cidr: 10.0.0.0/24, az: us-east-1a }
                  - { id: s2, cidr: 10.0.1.0/24, az: us-east-1b }
                securityGroups: [sg-a, sg-b, sg-c]
            hyperplane:
              ec2RequestLimit: { burst: 4, refill: 1/m }
            functions:
              - name: a
                vpcConfig: { subnetIds: [s1, s2], securityGroupIds: [sg-a] }
                duration: 50ms
                arrivals: { poisson: 2/s }
              - name: b
                vpcConfig: { subnetIds: [s1, s2], securityGroupIds: [sg-b] }
                duration: 50ms
                arrivals: { poisson: 2/s }
              - name: c
                vpcConfig: { subnetIds: [s1, s2], securityGroupIds: [sg-c] }
                duration: 50ms
                arrivals: { poisson: 2/s }
            """;

    @Test
    void theRolloutWaitsForTheBucketsRefillAndSharedKeysCostNoCall() throws Exception {
        Plan.Staggered r = Planner.rollout(ScenarioLoader.parse(EC2, "ec2waves"));
        assertNull(r.cannot());
        assertEquals(4, r.burst());
        // a and b take the bucket's 4 calls at 0 s; c's 2 are there after 2 minutes, and a second more
        assertEquals(List.of(new Plan.Wave(0, List.of("a", "b"), 4), new Plan.Wave(121, List.of("c"), 2)), r.waves());
        assertEquals(Map.of("a", 0L, "b", 0L, "c", 121_000_000L), Planner.createdAt(r));

        // a fourth function on a's key asks for no ENI: it goes with the wave it is in
        Plan.Staggered shared = Planner.rollout(ScenarioLoader.parse(EC2 + """
                  - name: d
                    vpcConfig: { subnetIds: [s1, s2], securityGroupIds: [sg-a] }
                    duration: 50ms
                    arrivals: { poisson: 2/s }
                """, "ec2waves"));
        assertEquals(List.of(new Plan.Wave(0, List.of("a", "b"), 4), new Plan.Wave(121, List.of("c", "d"), 2)),
                shared.waves());

        // an existing Active function's keys are there: a new function on them calls EC2 for none
        Plan.Staggered existing = Planner.rollout(ScenarioLoader.parse(EC2.replace("""
                  - name: a
                    vpcConfig: { subnetIds: [s1, s2], securityGroupIds: [sg-a] }
                """, """
                  - name: a
                    existing: Active
                    vpcConfig: { subnetIds: [s1, s2], securityGroupIds: [sg-a] }
                """), "ec2waves"));
        assertEquals(List.of(new Plan.Wave(0, List.of("b", "c"), 4)), existing.waves());
    }

    @Test
    void noRolloutFitsAFunctionWithMoreKeysThanTheBurstNorOneThatEndsAfterTheRun() throws Exception {
        Plan.Staggered big = Planner.rollout(ScenarioLoader.parse(EC2.replace("burst: 4", "burst: 1"), "ec2waves"));
        assertNotNull(big.cannot());
        assertTrue(big.cannot().startsWith("a alone needs 2 new ENIs at once, more than EC2's bucket of 1 calls"),
                big.cannot());
        assertNull(big.headroom());
        Plan.Staggered slow = Planner.rollout(ScenarioLoader.parse(EC2.replace("refill: 1/m", "refill: 1/h"),
                "ec2waves"));
        assertTrue(slow.cannot().startsWith("the rollout's last wave (c) would start at 7201 s, after the run's"
                + " 720 s"), slow.cannot());
    }

    @Test
    void theRecommendedDesignGetsTheHeadroomOfItsStaggeredRollout() throws Exception {
        Scenario s = ScenarioLoader.parse(EC2, "ec2waves");
        RunSummary asIs = new Simulation(s, 0).run().summary();
        assertEquals("Failed", asIs.functions().get("c").finalState(), "the fixture: c is refused as it is");
        Plan p = new Planner(s, 1, line -> { }).plan();
        Plan.Headroom h = p.headroom();
        Plan.Headroom last = h.atRecommendedSizes() != null ? h.atRecommendedSizes() : h;
        assertEquals(1.0, last.firstLimitAtMultiplier(), "EC2's limit binds at today's traffic: " + last);
        assertTrue(last.limitsHit().contains(Planner.EC2_REQUEST), last.limitsHit().toString());
        Plan.Staggered st = h.staggered();
        assertNotNull(st, "the design gets a staggered rollout");
        assertEquals(121, st.waves().get(1).atSeconds());
        Plan.Headroom staggered = st.headroom();
        assertNotNull(staggered);
        assertTrue(staggered.firstLimitAtMultiplier() == null || staggered.firstLimitAtMultiplier() > 1,
                "the rollout in waves deploys every function: " + staggered);
        assertTrue(staggered.probes().get(0).limitsHit().isEmpty(), staggered.probes().toString());
        String text = PlanReport.text(p);
        assertTrue(text.contains("the functions created in waves that EC2's request limit accepts"
                + " (hyperplane.ec2RequestLimit: 4 calls at once, refilled at 1 a minute): "), text);
        assertTrue(text.contains("     rollout: create at 0 s a, b (4 new ENIs); at 121 s (2.0 min) c (2 new ENIs)"),
                text);
        String html = PlanReport.html(p);
        assertTrue(html.contains("Rollout: create at 0 s a, b (4 new ENIs); at 121 s (2.0 min) c (2 new ENIs).")
                , html);
        assertTrue(PlanReport.json(p).replaceAll("\\s", "").contains("\"staggered\":{\"burst\":4,"),
                PlanReport.json(p));

        // the rollout said is one the simulation accepts: c created at 121 s goes Active, at 119 s it is refused
        RunSummary at121 = new Simulation(Variants.createdAt(s, Planner.createdAt(st)), 0).run().summary();
        assertEquals("Active", at121.functions().get("c").finalState());
        RunSummary at119 = new Simulation(Variants.createdAt(s, Map.of("c", 119_000_000L)), 0).run().summary();
        assertEquals("Failed", at119.functions().get("c").finalState());
    }

    @Test
    void noStaggeredSearchWhenEc2sLimitDoesNotBind() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse(EC2.replace("burst: 4", "burst: 6"), "ec2waves"), 1,
                line -> { }).plan();
        assertNull(p.headroom().staggered(), p.headroom().toString());
        assertFalse(PlanReport.text(p).contains("created in waves"));
    }

    /** A reserved concurrency of 12 at 3/s of 1 s: the first limit moves with the seed. */
    private static final String RESERVED = PlanHeadroomReplicationsTest.RESERVED;

    @Test
    void oneSearchSaysItIsOneSeedsAnswer() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse(RESERVED, "reserved.yaml"), 3, line -> { }).plan();
        assertNotNull(p.headroom().lastClearMultiplier(), p.headroom().toString());
        assertTrue(p.headroom().searches().isEmpty());
        String text = PlanReport.text(p);
        assertTrue(text.contains("   (one search, on seed " + p.seed() + "'s replications 0-2: other random numbers"
                + " move the figure"), text);
        assertTrue(PlanReport.html(p).contains("One search, on seed " + p.seed() + "'s replications 0-2"));
    }

    @Test
    void severalSearchesGiveTheLowestAndTheSpread() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse(RESERVED, "reserved.yaml"), 1, line -> { }).headroomSearches(4)
                .plan();
        Plan.Headroom h = p.headroom();
        assertEquals(4, h.searches().size(), h.toString());
        assertEquals(h.firstLimitAtMultiplier(), h.searches().get(0).firstLimitAtMultiplier(), "the given is first");
        assertEquals(h.lastClearMultiplier(), h.searches().get(0).lastClearMultiplier());
        java.util.Set<Integer> firsts = new java.util.TreeSet<>();
        double lowest = Double.POSITIVE_INFINITY;
        double highest = 0;
        for (Plan.Search x : h.searches()) {
            firsts.add(x.firstReplication());
            assertNotNull(x.firstLimitAtMultiplier(), x.toString());
            lowest = Math.min(lowest, x.firstLimitAtMultiplier());
            highest = Math.max(highest, x.firstLimitAtMultiplier());
        }
        assertEquals(java.util.Set.of(0, 1, 2, 3), firsts, "each search on its own replication");
        assertEquals(lowest, h.firstLimitAtMultiplier(), "the answer is the lowest first limit");
        assertTrue(highest > lowest, "one run's rare event moves with the random numbers: " + h.searches());
        String text = PlanReport.text(p);
        assertTrue(text.contains("   (4 searches on seed " + p.seed() + ", each on its own replications: x"), text);
        assertTrue(text.contains(", given), x"), text);
        assertTrue(text.contains(": the first limit lies between x"), text);
        assertTrue(PlanReport.json(p).replaceAll("\\s", "").contains("\"searches\":[{\"firstReplication\":"),
                PlanReport.json(p));
    }
    /**
     * Keys of different accounts are different keys, whatever their subnet and security groups: two accounts' functions
     * on one subnet of a shared VPC and one security group each need an ENI of their own, so the second account's
     * waits for the refill (a bucket of one call, refilled once a minute: 61 s), and a function of the first account
     * on the same subnet and group asks for none.
     */
    @Test
    void eachAccountsFunctionsNeedTheirOwnEnisInTheRollout() throws Exception {
        Plan.Staggered r = Planner.rollout(ScenarioLoader.parse("""
                name: accounts
                duration: 10m
                accounts:
                  - { id: "111111111111" }
                  - { id: "222222222222" }
                vpcs:
                  - id: v
                    owner: "111111111111"
                    subnets: [{ id: s1, cidr: 10.0.0.0/24, az: us-east-1a }]
                    securityGroups: [sg-a]
                hyperplane:
                  ec2RequestLimit: { burst: 1, refill: 1/m }
                functions:
                  - { name: a, account: "111111111111", vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-a] },
                      duration: 50ms, arrivals: { poisson: 1/s } }
                  - { name: b, account: "222222222222", vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-a] },
                      duration: 50ms, arrivals: { poisson: 1/s } }
                  - { name: c, account: "111111111111", vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-a] },
                      duration: 50ms, arrivals: { poisson: 1/s } }
                """, "accounts"));
        assertNull(r.cannot());
        assertEquals(List.of(new Plan.Wave(0, List.of("a"), 1), new Plan.Wave(61, List.of("b", "c"), 1)), r.waves());
    }
}
