package dev.enisim.run;

import static dev.enisim.run.Scenarios.INF;
import static dev.enisim.run.Scenarios.SEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.Metric;
import dev.enisim.metrics.RunSummary;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.ArrivalSpec;
import dev.enisim.workload.DistributionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@link Simulation#warmingUp}: the run is the same from time 0 and the summary's statistics cover [warm-up, end).
 * The rule for an invocation in flight at the warm-up's end: it counts where it arrived (its outcome, latency, cold
 * start and billed usage are the warm-up's), while the levels it holds (concurrency, environments) are the levels
 * after the warm-up, as a gauge read then shows them. So after the warm-up, invocations = arrivals there.
 */
class WarmUpTest {

    /** A VPC function at 20/s of exponential durations (mean 2 s), with cold starts (200 ms init), for 10 min. */
    private static Scenario steady() {
        Scenarios s = new Scenarios();
        s.durationMicros = 600 * SEC;
        s.bucketMicros = 60 * SEC;
        s.eniCreate = new DistributionSpec.Constant(SEC);
        s.vpc("vpc", 500, List.of(Scenarios.subnet("s", "10.0.0.0/24", "az", 0)), List.of("sg"));
        s.function("f", List.of("s"), List.of("sg"), -1, new DistributionSpec.Exponential(2 * SEC, INF), 1, 20, 0,
                new DistributionSpec.Constant(200_000), 0, 0);
        return s.build();
    }

    /** Function f's series of {@code m}. */
    private static long[] f(RunResult r, Metric m) {
        return r.timeSeries().get(m, Metric.Scope.FUNCTION, "f").values();
    }

    private static long sumFrom(long[] values, int from) {
        long n = 0;
        for (int b = from; b < values.length; b++) {
            n += values[b];
        }
        return n;
    }

    private static long maxFrom(long[] values, int from) {
        long n = 0;
        for (int b = from; b < values.length; b++) {
            n = Math.max(n, values[b]);
        }
        return n;
    }

    /**
     * The validation: an M/M/c system far from its limit (Poisson arrivals at 50/s, exponential durations of mean
     * 60 s, c = 10,000: its mean occupancy is lambda / mu = 3,000) started empty, as every run starts, reaches it as
     * A (1 - exp(-mu t)): over the whole 10 min run the mean is A (1 - (1 - exp(-10)) / 10) = 2,700, 10% short;
     * after a 5 min warm-up (five mean durations) it is A (1 - (exp(-5) - exp(-10)) / 5) = 2,996. The time average
     * over 300 s of an M/M/inf occupancy varies by about sqrt(2 A / (mu T)) = 35; the mean of 3 replications by 20,
     * so each is checked within 3% (90, 4.5 of them): the warm-up's within 3% of the theory, the whole run's within
     * 3% of its own transient figure, and the warm-up's the nearer to A in every replication.
     */
    @Test
    void meanConcurrencyAfterTheWarmUpIsTheStationaryOne() {
        double a = 3000;
        double whole = 0;
        double after = 0;
        int n = 3;
        for (int rep = 0; rep < n; rep++) {
            Scenarios s = new Scenarios();
            s.durationMicros = 600 * SEC;
            s.bucketMicros = 60 * SEC;
            s.concurrencyLimit = 10_000;
            s.function("mmc", List.of(), List.of(), -1, new DistributionSpec.Exponential(60 * SEC, INF), 0, 50, 0);
            Scenario scenario = s.build();
            RunSummary all = new Simulation(scenario, rep).run().summary();
            RunSummary warm = new Simulation(scenario, rep).warmingUp(300 * SEC).run().summary();
            assertEquals(0, all.invocations().throttled(), "the limit does not bind");
            assertTrue(Math.abs(warm.averageConcurrentExecutions() - a) < Math.abs(all.averageConcurrentExecutions()
                    - a), "replication " + rep + ": " + warm.averageConcurrentExecutions() + " after the warm-up vs "
                    + all.averageConcurrentExecutions() + " over the whole run");
            whole += all.averageConcurrentExecutions() / n;
            after += warm.averageConcurrentExecutions() / n;
        }
        assertEquals(a * (1 - (Math.exp(-5) - Math.exp(-10)) / 5), after, 0.03 * a, "after the warm-up");
        assertEquals(a * (1 - (1 - Math.exp(-10)) / 10), whole, 0.03 * a, "the whole run (from empty)");
    }

    /**
     * The same run (the same events, draws, series, ENIs and state history) and a summary of the buckets from the
     * warm-up on: counts are the series' sums there, peaks their maxima, the latency and cold starts of the
     * invocations that started there; the ENIs, subnets, keys and transitions the whole run's.
     */
    @Test
    void theSummaryCountsFromTheWarmUpAndTheRunIsTheSame() {
        Scenario scenario = steady();
        RunResult all = new Simulation(scenario, 0).run();
        RunResult warm = new Simulation(scenario, 0).warmingUp(240 * SEC).run();
        int from = 4;
        RunSummary w = warm.summary();
        RunSummary a = all.summary();
        assertEquals(240.0, w.warmUpSeconds());
        assertNull(a.warmUpSeconds());
        // the same run: every series, every ENI, the narrative's journal, the whole-run sections
        for (Metric m : new Metric[] {Metric.INVOCATIONS, Metric.CONCURRENT_EXECUTIONS, Metric.COLD_STARTS}) {
            assertArrayEquals(f(all, m), f(warm, m), m.name());
        }
        assertEquals(all.enis(), warm.enis());
        assertEquals(all.journal(), warm.journal());
        assertEquals(a.enis(), w.enis());
        assertEquals(a.subnets(), w.subnets());
        assertEquals(a.eniKeys(), w.eniKeys());
        assertEquals(a.functions().get("f").transitions(), w.functions().get("f").transitions());
        // counts from the warm-up's bucket on
        long[] invocations = f(all, Metric.INVOCATIONS);
        assertEquals(sumFrom(invocations, from), w.invocations().total());
        assertEquals(w.invocations().total(), w.events().arrivals(), "after the warm-up, invocations = arrivals");
        assertTrue(a.invocations().throttled() + a.invocations().errors().values().stream().mapToLong(Long::longValue)
                .sum() > 0, "the warm-up's refusals (Pending: its ENI), in no series of Invocations (as CloudWatch's)");
        assertEquals(0, w.invocations().throttled() + w.invocations().errors().values().stream()
                .mapToLong(Long::longValue).sum(), "none after it");
        assertTrue(w.events().total() < a.events().total() && w.events().total() > 0);
        long[] cold = f(all, Metric.COLD_STARTS);
        assertEquals(sumFrom(cold, from), w.coldStarts().total());
        assertEquals(w.invocations().succeeded(), w.latencyMillis().count(), "a latency per success that started");
        assertEquals(w.invocations().succeeded(), w.functions().get("f").latencyMillis().count());
        assertEquals(w.coldStarts().total(), w.latencyMillis().coldStarts());
        assertEquals(w.invocations().succeeded(), w.cost().requests() / a.cost().requests()
                * a.invocations().succeeded(), 1e-6, "billed requests: those after the warm-up");
        assertEquals(maxFrom(all.timeSeries().account(Metric.CONCURRENT_EXECUTIONS).values(), from),
                w.peakConcurrentExecutions());
        assertEquals(maxFrom(f(all, Metric.ENVIRONMENTS), from),
                w.functions().get("f").peakEnvironments());
        assertEquals(w.averageConcurrentExecutions(), w.averageEnvironments().busy(), 1e-9);
        assertTrue(w.coldStarts().total() < a.coldStarts().total(), "the first environments' cold starts left out");
    }

    /**
     * An invocation in flight at the warm-up's end: arrivals only in the first 30 s, each running 120 s, a warm-up of
     * 60 s. After it no invocation arrives: none counted, no latency, no cold start, nothing billed; but every one of
     * them ends after it (completions) and their concurrency is the level then (peak and average above 0).
     */
    @Test
    void anInvocationInFlightCountsWhereItArrivedAndHoldsItsLevelAfter() {
        Scenarios s = new Scenarios();
        s.durationMicros = 300 * SEC;
        s.bucketMicros = 60 * SEC;
        s.functions.add(Scenario.Function.builder("f", new DistributionSpec.Constant(120 * SEC),
                new ArrivalSpec.Poisson(2, 0, 30 * SEC)).timeoutMicros(900 * SEC).build());
        Scenario scenario = s.build();
        RunSummary a = new Simulation(scenario, 0).run().summary();
        RunSummary w = new Simulation(scenario, 0).warmingUp(60 * SEC).run().summary();
        assertTrue(a.invocations().total() > 20, "arrivals in the warm-up: " + a.invocations().total());
        assertEquals(0, w.invocations().total());
        assertEquals(0, w.events().arrivals());
        assertEquals(0, w.latencyMillis().count());
        assertEquals(0, w.coldStarts().total());
        assertEquals(0, w.cost().requests());
        assertEquals(a.invocations().total(), w.events().completions(), "each ends after the warm-up");
        assertEquals(a.peakConcurrentExecutions(), w.peakConcurrentExecutions(), "all in flight at 60 s");
        assertTrue(w.averageConcurrentExecutions() > 0);
    }

    /**
     * Provisioned concurrency configured all along (10 of 1 GB, 20 minutes): after a 10-minute warm-up its spell is
     * billed from the warm-up's end, 10 minutes, half the whole run's 20; its invocations on provisioned concurrency
     * are those after the warm-up (about half of the run's at a steady 2/s).
     */
    @Test
    void provisionedConcurrencyIsBilledAfterTheWarmUp() {
        Scenarios s = new Scenarios();
        s.durationMicros = 1200 * SEC;
        s.functions.add(Scenario.Function.builder("p", new DistributionSpec.Constant(SEC),
                new ArrivalSpec.Poisson(2, 0, Long.MAX_VALUE)).memoryMb(1024).provisionedConcurrency(10).build());
        Scenario scenario = s.build();
        RunSummary a = new Simulation(scenario, 0).run().summary();
        RunSummary w = new Simulation(scenario, 0).warmingUp(600 * SEC).run().summary();
        RunSummary.Cost.Spell whole = a.functions().get("p").cost().provisionedSpells().get(0);
        RunSummary.Cost.Spell after = w.functions().get("p").cost().provisionedSpells().get(0);
        assertEquals(20, whole.billedMinutes());
        assertEquals(10, after.billedMinutes());
        assertEquals(600.0, after.from());
        assertEquals(a.cost().provisioned() / 2, w.cost().provisioned(), 1e-12);
        long all = a.provisionedConcurrency().get("p").invocations();
        long late = w.provisionedConcurrency().get("p").invocations();
        assertEquals(w.invocations().succeeded(), late, "every invocation after it ran on provisioned concurrency");
        assertTrue(late > all / 3 && late < all * 2 / 3, late + " of " + all);
    }

    /** A warm-up must be a whole number of buckets, under the duration (the CLI says so first). */
    @Test
    void aWarmUpOffTheBucketsOrTooLongIsRefused() {
        Scenario scenario = steady();
        assertThrows(IllegalArgumentException.class, () -> new Simulation(scenario, 0).warmingUp(90 * SEC));
        assertThrows(IllegalArgumentException.class, () -> new Simulation(scenario, 0).warmingUp(600 * SEC));
        assertThrows(IllegalArgumentException.class, () -> new Simulation(scenario, 0).warmingUp(-60 * SEC));
        assertNull(new Simulation(scenario, 0).warmingUp(0).run().summary().warmUpSeconds(), "0: none");
    }
}
