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
     * M/G/inf occupancy: connections held by in-flight invocations are c x Poisson(lambda E[D]) (no limit
     * binding): mean c lambda E[D] within 2%, variance c^2 lambda E[D] within 10%. Uniform durations (0.5 to
     * 1.5 s), 100/s, 3 connections per invocation, 3,000 s.
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
        double lambdaW = 100 * 1.0;
        assertEquals(3 * lambdaW, k.meanConnections(), 0.02 * 3 * lambdaW, "mean");
        assertEquals(9 * lambdaW, k.connectionsVariance(), 0.10 * 9 * lambdaW, "variance");
    }
}
