package dev.enisim.run;

import static dev.enisim.run.Scenarios.INF;
import static dev.enisim.run.Scenarios.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.metrics.RunSummary;
import dev.enisim.workload.DistributionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The simulator against queueing theory (domain.md section 9), with the tolerances stated in each test. */
class QueueingTheoryTest {

    /**
     * Little's law: mean concurrency = admitted arrival rate x mean time in the system. Log-normal durations
     * (median 100 ms, p99 1 s: mean 163.2 ms), 200/s, no limit binding, 3,000 s: within 2%.
     */
    @Test
    void littlesLaw() {
        Scenarios s = new Scenarios();
        s.durationMicros = 3000 * SEC;
        s.bucketMicros = 60 * SEC;
        DistributionSpec.LogNormal d = new DistributionSpec.LogNormal(100_000, 1_000_000, INF);
        s.function("f", List.of(), List.of(), -1, d, 0, 200, 0);
        RunSummary r = new Simulation(s.build(), 0).run().summary();
        double admitted = (r.invocations().succeeded() + r.invocations().functionErrors()) / 3000.0;
        double expected = admitted * d.mean() / 1e6;
        assertEquals(0, r.invocations().throttled());
        assertEquals(expected, r.averageConcurrentExecutions(), 0.02 * expected,
                "L = lambda W: " + expected + " vs " + r.averageConcurrentExecutions());
    }

    /**
     * M/G/inf occupancy: connections held by in-flight invocations are c x Poisson(lambda E[D]) once stationary (no
     * limit binding). Uniform durations (0.5 to 1.5 s), 100/s, 3 connections per invocation, 3,000 s, measured over
     * the whole run, which starts empty: Pending for the 1 s its ENI takes, then building up. The theory is that of
     * this window and start (VALIDATION.md, EmptyStartMGInf): mean 299.846, variance 939.439, not the stationary 300
     * and 900 (which this test compared with at 2% and 10% until a simulation expert's review). One replication's
     * figures vary: VALIDATION.md's 10 replications give a standard deviation of about 0.56 for the mean and 21.6 for
     * the variance, so each is checked within 4 of them (2.2 and 86: a chance failure about once in 16,000 runs). One
     * replication cannot tell 939.4 from 900 (39 apart, under 2 standard deviations): validate-model's 10
     * replications and its interval do (ValidationSuiteTest runs them).
     */
    @Test
    void connectionOccupancyIsMGInfinity() {
        Scenarios s = new Scenarios();
        s.durationMicros = 3000 * SEC;
        s.bucketMicros = 60 * SEC;
        s.eniCreate = new DistributionSpec.Constant(SEC);
        s.vpc("vpc", 500, List.of(Scenarios.subnet("s", "10.0.0.0/24", "az", 0)), List.of("sg"));
        s.function("f", List.of("s"), List.of("sg"), -1, new DistributionSpec.Uniform(500_000, 1_500_000, INF), 3,
                100, 0);
        RunSummary r = new Simulation(s.build(), 0).run().summary();
        RunSummary.KeySummary k = r.eniKeys().get("s+[sg]");
        assertEquals(299.846, k.meanConnections(), 4 * 0.56, "mean (empty start)");
        assertEquals(939.439, k.connectionsVariance(), 4 * 21.6, "variance (empty start)");
    }
}
