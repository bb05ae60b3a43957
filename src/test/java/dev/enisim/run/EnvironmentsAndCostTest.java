package dev.enisim.run;

import static dev.enisim.run.Scenarios.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.ArrivalSpec;
import dev.enisim.workload.DistributionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Time-averaged environments against M/G/inf theory, cold starts by outcome, and the cost against a hand sum. */
class EnvironmentsAndCostTest {

    private static Scenario.Function function(String name, int memoryMb, long timeoutMicros, DistributionSpec d,
            ArrivalSpec arrivals, DistributionSpec init, int provisioned, String architecture) {
        return Scenario.Function.builder(name, d, arrivals).memoryMb(memoryMb).timeoutMicros(timeoutMicros)
                .connectionsPerInvocation(0).initDuration(init).provisionedConcurrency(provisioned)
                .architecture(architecture).build();
    }

    /**
     * M/G/inf: on-demand environments running an invocation are the invocations in flight, so their time average
     * is lambda x E[D] whatever the keep-alive (no init). 50/s, constant 200 ms, 2,000 s: 10 within 2%.
     */
    @Test
    void busyEnvironmentsAreLambdaTimesDuration() {
        Scenarios s = new Scenarios();
        s.durationMicros = 2000 * SEC;
        s.function("f", List.of(), List.of(), -1, new DistributionSpec.Constant(200_000), 0, 50, 0);
        RunSummary r = new Simulation(s.build(), 0).run().summary();
        RunSummary.Environments e = r.functions().get("f").averageEnvironments();
        assertEquals(10, e.busy(), 0.2, "lambda E[D]");
        assertEquals(e.mean(), e.busy() + e.idle() + e.provisioned(), 1e-9, "the kinds partition the total");
        assertEquals(e.mean(), r.averageEnvironments().mean(), 1e-9, "one function: account = function");
    }

    /**
     * Mean environments = cold-start rate x mean lifetime, with the lifetime derived from the keep-alive rule:
     * at 0.05/s with 1 ms invocations (overlap negligible, so one environment at a time), an environment lives
     * from its cold start through every following gap shorter than the keep-alive K, then K after its last
     * invocation. The number of gaps it survives is geometric with p = P(gap > K) = e^{-lambda K}, so
     * L = d + K + (1 - p) / p x E[gap | gap < K]; then no environment for an Exp(lambda) wait, so the mean is
     * L / (L + 1 / lambda). K = 60 s (L = 382 s), 30 days (about 6,400 lifetimes): within 4%.
     */
    @Test
    void meanEnvironmentsMatchTheKeepAliveRule() {
        double lambda = 0.05;
        double k = 60;
        double d = 0.001;
        Scenarios s = new Scenarios();
        s.durationMicros = 30L * 86_400 * SEC;
        s.bucketMicros = 86_400 * SEC;
        s.scaling = Scenario.ScalingSpec.DEFAULT.withKeepAlive((long) (k * SEC));
        s.function("f", List.of(), List.of(), -1, new DistributionSpec.Constant(d * 1e6), 0, lambda, 0);
        RunSummary r = new Simulation(s.build(), 0).run().summary();
        double p = Math.exp(-lambda * k);
        double shortGap = (1 / lambda - (k + 1 / lambda) * p) / (1 - p);
        double lifetime = d + k + (1 - p) / p * shortGap;
        double expected = lifetime / (lifetime + 1 / lambda);
        double mean = r.functions().get("f").averageEnvironments().mean();
        assertEquals(expected, mean, 0.04 * expected, "L / (L + 1/lambda) = " + expected + " vs " + mean);
        // and Little's law with the measured cold-start rate gives the same lifetime
        double coldRate = r.coldStarts().total() / (s.durationMicros / 1e6);
        assertEquals(lifetime, mean / coldRate, 0.05 * lifetime, "mean / cold-start rate = lifetime");
    }

    /**
     * Warm routing under a short keep-alive (60 s; 1/s of exponential 2 s invocations, 24 h, common random
     * numbers): most-recently-used lets the others age out, so it has more cold starts and shorter lifetimes than
     * newest-first (about 2.5% and 3%); random keeps touching every idle environment, so few ever expire.
     */
    @Test
    void warmRoutingChangesColdStartsAndLifetimes() {
        RunSummary mru = routed(dev.enisim.model.WarmRouting.MOST_RECENTLY_USED);
        RunSummary newest = routed(dev.enisim.model.WarmRouting.NEWEST);
        RunSummary random = routed(dev.enisim.model.WarmRouting.RANDOM);
        double extra = mru.coldStarts().total() / (double) newest.coldStarts().total() - 1;
        assertTrue(extra > 0.01 && extra < 0.05, "MRU has 1-5% more cold starts than newest: " + extra);
        assertTrue(lifetime(mru) < lifetime(newest), lifetime(mru) + " vs " + lifetime(newest));
        assertTrue(random.coldStarts().total() < mru.coldStarts().total() / 5, "random: " + random.coldStarts());
        assertEquals(mru.averageEnvironments().busy(), newest.averageEnvironments().busy(), 0.01,
                "routing moves no work: busy environments are lambda E[D] under every policy");
    }

    private static RunSummary routed(dev.enisim.model.WarmRouting routing) {
        Scenarios s = new Scenarios();
        s.seed = 7;
        s.durationMicros = 86_400 * SEC;
        s.bucketMicros = 3600 * SEC;
        s.scaling = Scenario.ScalingSpec.DEFAULT.withKeepAlive(60 * SEC).withWarmRouting(routing);
        s.function("f", List.of(), List.of(), -1, new DistributionSpec.Exponential(2e6, Double.POSITIVE_INFINITY),
                0, 1, 0);
        return new Simulation(s.build(), 0).checkingInvariants().run().summary();
    }

    /** Mean environment lifetime by Little's law: mean environments / cold-start rate. */
    private static double lifetime(RunSummary r) {
        return r.averageEnvironments().mean() / (r.coldStarts().total() / r.simulatedSeconds());
    }

    /**
     * Every cold start is counted by outcome, timeouts included: exponential 2 s invocations with the default 3 s
     * timeout time out e^{-1.5} = 22% of the time, cold or warm; the successful cold starts alone (what
     * latencyMillis.coldStarts counts) miss them.
     */
    @Test
    void coldStartsByOutcomeSumToAllColdStarts() {
        Scenarios s = new Scenarios();
        s.durationMicros = 20_000 * SEC;
        s.scaling = Scenario.ScalingSpec.DEFAULT.withKeepAlive(SEC); // short keep-alive: many cold starts
        s.functions.add(function("f", 128, 3 * SEC, new DistributionSpec.Exponential(2e6, Double.POSITIVE_INFINITY),
                new ArrivalSpec.Poisson(0.2, 0, Long.MAX_VALUE), new DistributionSpec.Constant(0), 0, "x86_64"));
        RunSummary r = new Simulation(s.build(), 0).run().summary();
        RunSummary.ColdStarts c = r.functions().get("f").coldStarts();
        long sum = c.byOutcome().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(c.total(), sum, "by outcome sums to all cold starts");
        long timedOut = c.byOutcome().getOrDefault("TaskTimedOut", 0L);
        assertEquals(c.total(), r.functions().get("f").latencyMillis().coldStarts() + timedOut,
                "successful cold starts + timed-out ones");
        assertEquals(Math.exp(-1.5), timedOut / (double) c.total(), 0.03, "a fifth of cold starts time out");
        assertEquals(c.total() + c.warmStarts(), r.invocations().succeeded() + r.invocations().functionErrors(),
                "every admitted invocation is a cold or a warm start");
        assertEquals(c.total() / (double) (c.total() + c.warmStarts()), c.probability(), 1e-12);
        assertTrue(c.total() > 1000, "enough cold starts: " + c.total());
    }

    /**
     * The cost of a constant workload against a hand calculation from the default price table (us-east-1):
     * 10/s for 1,800 s of 100 ms at 1,024 MB arm64 with a 300 ms init; the first four arrivals (0, 0.1, 0.2,
     * 0.3 s) each find the earlier environments still busy, so four cold starts.
     */
    @Test
    void constantWorkloadCostsWhatTheHandCalculationSays() {
        Scenarios s = new Scenarios();
        s.functions.add(function("f", 1024, 3 * SEC, new DistributionSpec.Constant(100_000),
                new ArrivalSpec.Constant(10, 0, 1800 * SEC - 1), new DistributionSpec.Constant(300_000), 0, "arm64"));
        RunSummary r = new Simulation(s.build(), 0).run().summary();
        assertEquals(18_000, r.invocations().succeeded());
        assertEquals(4, r.coldStarts().total());
        double requests = 18_000 * 0.20 / 1e6;
        double duration = 18_000 * 0.1 * 1.0 * 0.0000133334;
        double init = 4 * 0.3 * 1.0 * 0.0000133334;
        RunSummary.Cost c = r.cost();
        assertEquals(requests, c.requests(), 1e-12);
        assertEquals(duration, c.duration(), 1e-12);
        assertEquals(init, c.init(), 1e-12);
        assertEquals(0, c.provisioned() + c.provisionedDuration() + c.natGateway(), 0);
        assertEquals(requests + duration + init, c.total(), 1e-12);
        assertEquals(c, r.functions().get("f").cost(), "one function: total = function");
    }

    /**
     * Provisioned concurrency: 2 environments of 2,048 MB x86_64 allocated for the whole hour (a multiple of the
     * 5-minute rounding), and 1/s of 100 ms invocations all on them, billed at the duration-on-PC rate; no INIT.
     */
    @Test
    void provisionedConcurrencyCostsItsAllocatedTimeAndItsInvocations() {
        Scenarios s = new Scenarios();
        s.functions.add(function("f", 2048, 3 * SEC, new DistributionSpec.Constant(100_000),
                new ArrivalSpec.Constant(1, 0, 3600 * SEC - 1), new DistributionSpec.Constant(300_000), 2,
                "x86_64"));
        RunSummary r = new Simulation(s.build(), 0).run().summary();
        long n = r.invocations().succeeded();
        assertEquals(3600, n);
        assertEquals(0, r.coldStarts().total());
        assertEquals(2, r.functions().get("f").averageEnvironments().provisioned(), 1e-9);
        RunSummary.Cost c = r.cost();
        assertEquals(2 * 2.0 * 3600 * 0.0000041667, c.provisioned(), 1e-12);
        assertEquals(n * 0.1 * 2.0 * 0.0000097222, c.provisionedDuration(), 1e-12);
        assertEquals(n * 0.20 / 1e6, c.requests(), 1e-12);
        assertEquals(0, c.duration() + c.init(), 0);
    }

    /** A keep-warm ping every 7 days for 30 days: 5 pings, each a request and 1 ms at 128 MB x86_64. */
    @Test
    void keepWarmPingsCostTheirRequestsAndAMillisecond() {
        double each = 0.20 / 1e6 + 128 / 1024.0 * 0.001 * 0.0000166667;
        assertEquals(5 * each, dev.enisim.metrics.CostEstimate.keepWarmPerMonth(dev.enisim.scenario.PriceTable.DEFAULT,
                128, "x86_64", 7 * 86_400), 1e-15);
    }
}
