package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import dev.enisim.workload.DistributionSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlannerTest {

    /** On two threads: the plan of one ({@link PlanThreadsTest}), in about half the time. */
    private static Plan plan(Scenario s, int replications) {
        return new Planner(s, replications, line -> { }).threads(2).plan();
    }

    @Test
    void smallestPrefixCountsTheFiveReservedAddresses() {
        assertEquals(28, Planner.smallestPrefixFor(11));
        assertEquals(27, Planner.smallestPrefixFor(12));
        assertEquals(24, Planner.smallestPrefixFor(251));
        assertEquals(23, Planner.smallestPrefixFor(252));
        assertEquals(16, Planner.smallestPrefixFor(1_000_000), "no subnet is larger than a /16");
    }

    /** A /28 has 11 usable addresses; with 3 used by others it fits exactly 8 ENIs. */
    @Test
    void aSlash28WithThreeUsedByOthersFitsExactlyEightEnis() throws Exception {
        StringBuilder y = new StringBuilder("""
                name: eight
                duration: 30m
                vpcs:
                  - id: v
                    subnets:
                      - { id: tiny, cidr: 10.0.0.0/28, az: a, otherUsedIps: 3 }
                    securityGroups: [sg-1, sg-2, sg-3, sg-4, sg-5, sg-6, sg-7, sg-8]
                functions:
                """);
        for (int i = 1; i <= 8; i++) {
            // existing: deployed already, so no invocation meets a function still Pending on its first ENI
            y.append("  - { name: f").append(i).append(", existing: Active, vpcConfig: { subnetIds: [tiny],")
                    .append(" securityGroupIds: [sg-").append(i).append("] }, duration: 100ms, arrivals: { poisson: 1/s } }\n");
        }
        Plan p = plan(ScenarioLoader.parse(y.toString(), "eight"), 2);
        Plan.SubnetAdvice s = p.subnets().get(0);
        assertEquals(8, s.peakLambdaIps());
        assertEquals(8, s.analyticLambdaIps());
        assertEquals(28, s.recommendedPrefix());
        assertEquals(0, s.headroomIps());
        assertEquals(0, s.failuresAtRecommended());
        assertEquals(-1, s.failuresOneSmaller(), "nothing smaller than a /28");
        assertEquals(7, p.vpcs().get(0).savedByConsolidating(), "8 keys -> 1 with one security-group set");
        assertEquals(List.of(), p.failedFunctions(), "no function ends Failed");
        assertEquals(List.of(), p.failsAsIs(), "deployed already: nothing fails as it is");
        assertEquals(8, p.idle().size(), "keep-warm advice for every function");
    }

    /** The recommendation verified: no IP failure at the recommended size, some one size smaller. */
    @Test
    void quickstartSubnetRecommendationIsVerified() throws Exception {
        Plan p = plan(ScenarioLoader.load(Path.of("scenarios/quickstart.yaml")), 2);
        Plan.SubnetAdvice a = p.subnets().get(0);
        assertEquals("subnet-a", a.subnet());
        assertEquals(5, a.peakLambdaIps(), "five keys use subnet-a");
        assertEquals(27, a.recommendedPrefix(), "5 + 7 others = 12 > 11 usable in a /28");
        assertEquals(0, a.failuresAtRecommended());
        assertTrue(a.failuresOneSmaller() > 0);
        assertEquals(-1, a.headroomIps());
        Plan.SubnetAdvice b = p.subnets().get(1);
        assertEquals("subnet-b", b.subnet());
        assertEquals(26, b.recommendedPrefix());
        assertEquals(Plan.SubnetAdvice.OTHERS_DO_NOT_FIT, b.failuresOneSmaller(),
                "a /27 (27 usable) cannot hold subnet-b's 40 other addresses: not run, said so");
        assertEquals(List.of("IP"), p.headroom().limitsHit(), "the quickstart is already short of IPs");
        Plan.Headroom after = p.headroom().atRecommendedSizes();
        assertTrue(after != null && after.firstLimitAtMultiplier() != null && after.firstLimitAtMultiplier() > 2
                && !after.limitsHit().contains("IP"), "at the recommended sizes the IP limit is gone and the"
                + " headroom is the next limit's: " + after);
        assertEquals(List.of("notifications"), p.failedFunctions());
        assertTrue(p.failsAsIs().contains("notifications ends Failed (SubnetOutOfIPAddresses)"), p.failsAsIs().toString());
        assertTrue(p.failsAsIs().stream().anyMatch(f -> f.contains(" fail with SubnetIPAddressLimitReachedException, of ")),
                p.failsAsIs().toString());
        assertEquals(5, p.idle().size(), "no keep-warm advice for notifications, which ends Failed");
        assertTrue(p.idle().stream().noneMatch(i -> i.function().equals("notifications")));
        assertTrue(p.idle().stream().allMatch(i -> i.failsAfterLongerQuiet() && i.passesAfterShorterQuiet()));
    }

    /** Concurrency limit 100, 50/s x 1 s: no throttle at x1; Erlang B gives throttles well before x2. */
    @Test
    void trafficHeadroomFindsTheConcurrencyLimit() throws Exception {
        Scenario s = ScenarioLoader.parse("""
                name: head
                duration: 20m
                account: { concurrencyLimit: 100, unreservedMinimum: 0 }
                functions:
                  - name: f
                    initDuration: 0s
                    duration: { dist: exponential, mean: 1s }
                    timeout: 60s
                    arrivals: { poisson: 50/s }
                """, "head");
        Plan.Headroom h = plan(s, 1).headroom();
        assertNotNull(h.firstLimitAtMultiplier());
        assertTrue(h.firstLimitAtMultiplier() > 1 && h.firstLimitAtMultiplier() <= 2, "x" + h.firstLimitAtMultiplier());
        assertEquals(List.of("concurrency"), h.limitsHit());
    }

    @Test
    void teardownQuantilesOfTheMaximum() {
        DistributionSpec.LogNormal d = new DistributionSpec.LogNormal(600e6, 2100e6, 2700e6);
        double[] one = Planner.maxQuantiles(d, 1);
        assertEquals(600, one[0], 1e-6, "one ENI: the median deletion time");
        assertEquals(2100, one[1], 1e-3, "and its p99");
        double[] many = Planner.maxQuantiles(d, 50);
        assertEquals(2700, many[1], 1e-6, "the 45-minute cap");
        double[] constant = Planner.maxQuantiles(new DistributionSpec.Constant(60e6), 7);
        assertEquals(60, constant[0], 0);
    }

    @Test
    void simulatedTeardownAgreesWithTheAnalyticMedian() throws Exception {
        Scenario base = ScenarioLoader.load(Path.of("scenarios/teardown.yaml"));
        Plan.TeardownWait t = plan(base, 40).teardown();
        assertEquals(5, t.enis());
        // median of the max of 5 draws; 40 replications: within 25%
        assertEquals(t.analyticP50Seconds(), t.p50Seconds(), 0.25 * t.analyticP50Seconds());
        assertTrue(t.p99Seconds() <= 45 * 60 + 1e-6);
    }

    /** Asked for both network models, the legacy sizing of a Hyperplane scenario follows the 3 GB rule. */
    @Test
    void subnetsAreSizedUnderBothNetworkModelsWhenAsked() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/legacy-vs-hyperplane.yaml"));
        Plan p = new Planner(s.withNetworkModel(dev.enisim.model.NetworkModel.HYPERPLANE), 1, true, line -> { })
                .plan();
        assertEquals("hyperplane", p.networkModel());
        assertEquals(1, p.subnets().get(0).peakLambdaIps(), "Hyperplane: one shared ENI per subnet");
        assertEquals(2, p.subnetsUnderOtherModel().size());
        assertTrue(p.subnetsUnderOtherModel().get(0).peakLambdaIps() > 100, "legacy: an ENI per 2 environments");
        assertTrue(p.subnetsUnderOtherModel().get(0).recommendedPrefix() < p.subnets().get(0).recommendedPrefix());
    }
}
