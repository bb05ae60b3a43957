package dev.enisim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.experiment.ValidationSuite;
import dev.enisim.run.Progress;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures of a bench run are computed from its samples as documented (no timing is asserted). */
class BenchTest {

    /** A small M/M/5/5 loss system as a Lambda scenario: offered load 3 Erlangs, 20,000 s (60,000 arrivals). */
    static final String TINY_LOSS = """
            name: tiny-loss
            seed: 3
            duration: 20000s
            bucket: 1m
            account: { concurrencyLimit: 5, unreservedMinimum: 0 }
            vpcs:
              - id: vpc-t
                subnets: [ { id: subnet-t, cidr: 10.9.0.0/24, az: us-east-1a } ]
                securityGroups: [sg-t]
            functions:
              - name: f
                timeout: 900s
                initDuration: 0s
                vpcConfig: { subnetIds: [subnet-t], securityGroupIds: [sg-t] }
                duration: { dist: exponential, mean: 1s }
                connectionsPerInvocation: 1
                arrivals: { poisson: 3/s }
            """;

    static Scenario tinyLoss() throws Exception {
        return ScenarioLoader.parse(TINY_LOSS, "tiny-loss.yaml");
    }

    @Test
    void aRunReportsCountsRatesMemoryAndAllocation() throws Exception {
        List<String> progress = new ArrayList<>();
        Bench.Result r = Bench.run("tiny", tinyLoss(), 3, progress::add);
        assertEquals(List.of("tiny: warm-up", "tiny: run 1 of 3", "tiny: run 2 of 3", "tiny: run 3 of 3"), progress);
        assertEquals(3, r.repeats());
        // the admitted end in the run (but the few in flight at its end): Erlang B(5, 3) = 0.110 of the arrivals are
        // throttled, so about 0.89 of them complete (60,000 arrivals: a standard error near 0.002)
        assertEquals(1 - r.erlangB().theory(), (double) r.completions() / r.arrivals(), 0.02,
                "completions " + r.completions() + " of " + r.arrivals() + " arrivals");
        assertTrue(r.events() >= r.arrivals() + r.completions(), "arrivals and completions are events");
        assertEquals(60_000, r.arrivals(), 1_000);
        assertEquals(20_000, r.simulatedSeconds());
        assertEquals(r.events() / r.wallSeconds(), r.eventsPerSecond(), 1e-6 * r.eventsPerSecond());
        assertEquals(r.invocations() / r.wallSeconds(), r.invocationsPerSecond(), 1e-6 * r.invocationsPerSecond());
        assertTrue(r.eventsPerSecondMin() <= r.eventsPerSecond() && r.eventsPerSecond() <= r.eventsPerSecondMax());
        assertTrue(r.invocationsPerSecondMin() <= r.invocationsPerSecond()
                && r.invocationsPerSecond() <= r.invocationsPerSecondMax());
        assertTrue(r.peakHeapBytes() > 0, "peak heap measured");
        // measured, not zero (a run allocates its buckets, series and result; no longer a completion event per
        // invocation: aLossWorkloadAllocatesNothingPerEvent holds that); nothing near a kilobyte per event
        assertTrue(r.bytesPerEvent() > 0 && r.bytesPerEvent() < 1000, "bytes per event " + r.bytesPerEvent());
    }

    /** The tiny loss workload cut to a twentieth, run once: the counts the hand-made samples below carry. */
    private record TinyRun(RunResult result, long events, long arrivals) {
        static TinyRun of() throws Exception {
            RunResult r = new Simulation(Bench.shortened(tinyLoss(), 20), 0).run();
            return new TinyRun(r, r.summary().events().total(), r.summary().events().arrivals());
        }

        /** A hand-made sample of this run: its wall and CPU seconds, and its steady part's events and CPU seconds. */
        Bench.Sample steady(double seconds, long steadyEvents, double steadyCpuSeconds) {
            return steady(seconds, seconds, steadyEvents, steadyCpuSeconds);
        }

        /** As {@link #steady(double, long, double)}, the whole run's CPU seconds apart from its wall seconds. */
        Bench.Sample steady(double seconds, double cpuSeconds, long steadyEvents, double steadyCpuSeconds) {
            return new Bench.Sample(seconds, events, arrivals, 100 * events, 5_000, 700, cpuSeconds, 0, steadyEvents,
                    steadyCpuSeconds);
        }

        /** The figures of {@code samples} of this run, under the full tiny workload. */
        Bench.Result summarize(List<Bench.Sample> samples) throws Exception {
            return Bench.summarize("x", tinyLoss(), samples, result);
        }
    }

    @Test
    void theMedianRunGivesTheRateAndTheExtremesItsRange() throws Exception {
        TinyRun run = TinyRun.of();
        long events = run.events();
        long arrivals = run.arrivals();
        List<Bench.Sample> samples = List.of(
                new Bench.Sample(2.0, events, arrivals, 100 * events, 5_000, 700),
                new Bench.Sample(1.0, events, arrivals, 300 * events, 9_000, 900),
                new Bench.Sample(4.0, events, arrivals, 200 * events, 7_000, 800));
        Bench.Result r = run.summarize(samples);
        assertEquals(2.0, r.wallSeconds());
        assertEquals(events / 2.0, r.eventsPerSecond());
        assertEquals(events / 4.0, r.eventsPerSecondMin());
        assertEquals(events / 1.0, r.eventsPerSecondMax());
        assertEquals(arrivals / 4.0, r.invocationsPerSecondMin());
        assertEquals(arrivals / 1.0, r.invocationsPerSecondMax());
        assertEquals(100.0, r.bytesPerEvent(), 1e-9, "the median run's allocation");
        assertEquals(9_000, r.peakHeapBytes(), "the largest peak");
        assertEquals(900, r.retainedHeapBytes(), "the largest retained heap");
    }

    @Test
    void theSteadyRateIsTheSteadyPartsEventsOverItsCpuTimeAndItsMedianIsTakenApart() throws Exception {
        TinyRun run = TinyRun.of();
        // wall seconds 2, 1, 4: the median run by wall rate is the first. Its whole-run CPU seconds (0.5) and its
        // steady rate (700/1.0) are neither median: the CPU rates are events over 0.5, 1 and 3 s (median: over 1 s,
        // the second run's), the steady rates 700, 900/0.5 and 800/0.1 = 700, 1,800 and 8,000 (median 1,800, the
        // second run's). A median taken from the median run, not figure by figure, fails both.
        List<Bench.Sample> samples = List.of(run.steady(2.0, 0.5, 700, 1.0), run.steady(1.0, 1.0, 900, 0.5),
                run.steady(4.0, 3.0, 800, 0.1));
        long events = run.events();
        long arrivals = run.arrivals();
        assertEquals(1_800.0, samples.get(1).steadyEventsPerCpuSecond(), 1e-9);
        Bench.Result r = run.summarize(samples);
        assertEquals(events / 2.0, r.eventsPerSecond(), 1e-9, "the median run by wall rate: the first");
        assertEquals(events / 1.0, r.eventsPerCpuSecond(), 1e-9, "the median of the whole runs' CPU rates, taken apart");
        assertEquals(1_800.0, r.steadyEventsPerCpuSecond(), 1e-9, "the median of the steady rates, taken apart");
        // a run measured without a steady part: its whole run's CPU rate
        Bench.Sample whole = new Bench.Sample(2.0, events, arrivals, 100 * events, 5_000, 700, 0.5);
        assertEquals(events / 0.5, whole.steadyEventsPerCpuSecond(), 1e-9);
        assertEquals(events / 0.5, new Bench.Sample(2.0, events, arrivals, 100 * events, 5_000, 700, 0.5, 0, 0, 0)
                .steadyEventsPerCpuSecond(), 1e-9, "no steady events: the whole run");
        assertEquals(events / 0.5, new Bench.Sample(2.0, events, arrivals, 100 * events, 5_000, 700, 0.5, 0, 10, 0)
                .steadyEventsPerCpuSecond(), 1e-9, "no steady CPU time measured: the whole run");
    }

    /** Counters the test sets by hand. */
    private static final class HandCounters implements Bench.ThreadCounters {
        long cpu;
        long allocated;

        @Override
        public long cpuNanos() {
            return cpu;
        }

        @Override
        public long allocatedBytes() {
            return allocated;
        }
    }

    @Test
    void theSteadyPartBeginsAtTheFirstSlicePastATenthAndEndsWithTheRun() {
        HandCounters c = new HandCounters();
        Bench.Meter meter = new Bench.Meter(c);
        c.cpu = 100;
        c.allocated = 1_000;
        meter.start();
        Progress p = meter.steady();
        c.cpu = 150;
        c.allocated = 5_000; // building the simulation: left out of the steady part
        p.update(9, 100, 10); // before a tenth of the simulated time
        c.cpu = 200;
        c.allocated = 6_000;
        p.update(10, 100, 40); // the first slice at a tenth: the steady part begins here
        c.cpu = 900;
        c.allocated = 6_500;
        p.update(50, 100, 200); // within it
        c.cpu = 1_200;
        c.allocated = 7_000;
        p.update(100, 100, 440); // the end of the simulated time: 400 events over 1,000 ns and 1,000 bytes
        c.cpu = 1_500;
        c.allocated = 9_000; // building the result: left out too
        Bench.Sample s = meter.stop(440, 220, 0, 0);
        assertEquals(1_400e-9, s.cpuSeconds(), 1e-18, "the whole run");
        assertEquals(8_000, s.allocatedBytes());
        assertEquals(400, s.steadyEvents());
        assertEquals(1_000e-9, s.steadyCpuSeconds(), 1e-18);
        assertEquals(1_000, s.steadyAllocatedBytes());
        assertEquals(400 / 1e-6, s.steadyEventsPerCpuSecond(), 1e-3);
        assertEquals(2.5, s.steadyBytesPerEvent(), 1e-12);
        assertEquals(440 / 1.4e-6, s.eventsPerCpuSecond(), 1e-3);

        // a run that never reaches a tenth's slice before its end has no steady part apart: the whole run's figures
        Bench.Meter brief = new Bench.Meter(c);
        brief.start();
        Progress q = brief.steady();
        c.cpu = 2_000;
        q.update(100, 100, 30);
        Bench.Sample t = brief.stop(30, 15, 0, 0);
        assertEquals(0, t.steadyEvents());
        assertEquals(30 / 500e-9, t.steadyEventsPerCpuSecond(), 1e-3);
    }

    @Test
    void aLossSystemIsCheckedAgainstErlangB() throws Exception {
        Bench.ErlangCheck e = Bench.erlang(new Simulation(tinyLoss(), 0).run());
        assertNotNull(e);
        assertEquals(5, e.servers());
        assertEquals(3.0, e.offered(), 1e-12);
        assertEquals(ValidationSuite.erlangB(5, 3.0), e.theory(), 1e-15);
        assertEquals(0.11, e.theory(), 0.001);
        assertTrue(e.ciLow() < e.simulated() && e.simulated() < e.ciHigh());
        assertEquals(e.ciLow() <= e.theory() && e.theory() <= e.ciHigh(), e.passed());
        assertTrue(e.passed(), "seed 3: B(5, 3) = " + e.theory() + " in [" + e.ciLow() + ", " + e.ciHigh() + "]");
    }

    @Test
    void otherWorkloadsHaveNoErlangCheck() throws Exception {
        String lognormal = TINY_LOSS.replace("{ dist: exponential, mean: 1s }",
                "{ dist: lognormal, median: 1s, p99: 5s }");
        assertNull(Bench.erlang(new Simulation(ScenarioLoader.parse(lognormal, "x.yaml"), 0).run()));
        String cold = TINY_LOSS.replace("initDuration: 0s", "initDuration: 200ms");
        assertNull(Bench.erlang(new Simulation(ScenarioLoader.parse(cold, "x.yaml"), 0).run()));
    }

    @Test
    void theWarmUpIsATenthOfTheRun() throws Exception {
        Scenario s = Bench.shortened(tinyLoss(), 10);
        assertEquals(2_000_000_000L, s.durationMicros());
        assertEquals(60_000_000L, s.bucketMicros());
    }

    /**
     * In steady state an invocation allocates nothing: its end is a reused slot of the model's table of invocations
     * in flight, not a new event object (it was 20 bytes per event). What remains is per bucket, not per event.
     */
    @Test
    void aLossWorkloadAllocatesNothingPerEvent() throws Exception {
        Scenario s = ScenarioLoader.parse(TINY_LOSS.replace("duration: 20000s", "duration: 40000s")
                .replace("concurrencyLimit: 5", "concurrencyLimit: 40").replace("poisson: 3/s", "poisson: 30/s"),
                "steady.yaml");
        Bench.Result r = Bench.run("steady", s, 1, line -> { });
        assertTrue(r.events() > 2_000_000, "a long enough run: " + r.events());
        assertTrue(r.bytesPerEvent() < 1.0, r.bytesPerEvent() + " bytes allocated per event");
    }
}
