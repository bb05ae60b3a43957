package dev.enisim.bench;

import dev.enisim.experiment.ValidationSuite;
import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Metric;
import dev.enisim.metrics.Series;
import dev.enisim.run.Progress;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.ArrivalSpec;
import dev.enisim.workload.DistributionSpec;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Runs a workload scenario: a warm-up (a tenth of its simulated time, or tenths until the JIT is quiet: {@link
 * Warmup}), then {@code repeat} timed runs. Each run
 * measures wall time, events, invocations, the bytes this thread allocated (HotSpot's counter) and the heap's
 * peak (the heap pools' peak usage, reset before the run, garbage included); after it, outside the timing, what
 * the finished simulation retains (the live heap after a full collection with the simulation held, less the live
 * heap before it: the run's own state, as opposed to how much garbage the collector let pile up).
 */
public final class Bench {

    /** One timed run. */
    public record Sample(double wallSeconds, long events, long invocations, long allocatedBytes, long peakHeapBytes,
            long retainedHeapBytes, double cpuSeconds, long steadyAllocatedBytes, long steadyEvents,
            double steadyCpuSeconds) {
        /** A run whose CPU time was not measured apart (taken as its wall time). */
        public Sample(double wallSeconds, long events, long invocations, long allocatedBytes, long peakHeapBytes,
                long retainedHeapBytes) {
            this(wallSeconds, events, invocations, allocatedBytes, peakHeapBytes, retainedHeapBytes, wallSeconds);
        }

        /** A run whose steady state was not measured apart (taken as the whole run). */
        public Sample(double wallSeconds, long events, long invocations, long allocatedBytes, long peakHeapBytes,
                long retainedHeapBytes, double cpuSeconds) {
            this(wallSeconds, events, invocations, allocatedBytes, peakHeapBytes, retainedHeapBytes, cpuSeconds,
                    allocatedBytes, events, cpuSeconds);
        }

        /** Bytes allocated per event in the steady state (the whole run's when it had none apart). */
        public double steadyBytesPerEvent() {
            return steadyEvents > 0 ? (double) steadyAllocatedBytes / steadyEvents : (double) allocatedBytes / events;
        }

        /**
         * Events per second of this thread's CPU time in the steady state (the whole run's when it had none apart):
         * without the building of the simulation and of its result, and without the first tenth of the simulated
         * time, so that a run of many functions and few events each is not measured by its set-up.
         */
        public double steadyEventsPerCpuSecond() {
            return steadyEvents > 0 && steadyCpuSeconds > 0 ? steadyEvents / steadyCpuSeconds : eventsPerCpuSecond();
        }

        /** Events per second of this thread's CPU time: what other processes on the machine disturb least. */
        public double eventsPerCpuSecond() {
            return events / cpuSeconds;
        }

        public double eventsPerSecond() {
            return events / wallSeconds;
        }

        public double invocationsPerSecond() {
            return invocations / wallSeconds;
        }
    }

    /**
     * A workload's figures: rates are the median run's, with the min and max over the repeats; memory is the
     * largest over the repeats.
     *
     * @param events        arrivals + completions + the model's other events (also given separately)
     * @param invocations   arrivals (every invocation, whatever its outcome)
     * @param bytesPerEvent allocated by the simulating thread per event, in the median run (the whole run: building
     *                      the simulation and its result included)
     * @param steadyBytesPerEvent the same in the steady state: from a tenth of the simulated time to its end, not
     *                      counting the building of the simulation and of its result (median run)
     * @param eventsPerCpuSecond events per second of the simulating thread's CPU time, median over the repeats:
     *                      steadier than the wall rate when other processes share the cores
     * @param steadyEventsPerCpuSecond the same in the steady state (from a tenth of the simulated time to its end,
     *                      without the building of the simulation and of its result), median over the repeats
     * @param erlangB       for a pure loss workload: the theory, the simulated throttled fraction and its 95% CI
     *                      by batch means; null otherwise
     * @param warmup        what the warm-up before the timed runs did (tenths, compile time); null where not known
     */
    public record Result(String workload, int repeats, long events, long arrivals, long completions, long otherEvents,
            long invocations, double simulatedSeconds, double wallSeconds, double eventsPerSecond,
            double eventsPerSecondMin, double eventsPerSecondMax, double invocationsPerSecond,
            double invocationsPerSecondMin, double invocationsPerSecondMax, long peakHeapBytes, long retainedHeapBytes,
            double bytesPerEvent, ErlangCheck erlangB, double eventsPerCpuSecond, double steadyBytesPerEvent,
            double steadyEventsPerCpuSecond, Warmup.Done warmup) {
        /** Figures without a warm-up's account (a test's, or one measured before pass 15). */
        public Result(String workload, int repeats, long events, long arrivals, long completions, long otherEvents,
                long invocations, double simulatedSeconds, double wallSeconds, double eventsPerSecond,
                double eventsPerSecondMin, double eventsPerSecondMax, double invocationsPerSecond,
                double invocationsPerSecondMin, double invocationsPerSecondMax, long peakHeapBytes,
                long retainedHeapBytes, double bytesPerEvent, ErlangCheck erlangB, double eventsPerCpuSecond,
                double steadyBytesPerEvent, double steadyEventsPerCpuSecond) {
            this(workload, repeats, events, arrivals, completions, otherEvents, invocations, simulatedSeconds,
                    wallSeconds, eventsPerSecond, eventsPerSecondMin, eventsPerSecondMax, invocationsPerSecond,
                    invocationsPerSecondMin, invocationsPerSecondMax, peakHeapBytes, retainedHeapBytes, bytesPerEvent,
                    erlangB, eventsPerCpuSecond, steadyBytesPerEvent, steadyEventsPerCpuSecond, null);
        }

        /** The same figures under another workload name (a generated scenario measured from a file). */
        public Result named(String name) {
            return new Result(name, repeats, events, arrivals, completions, otherEvents, invocations,
                    simulatedSeconds, wallSeconds, eventsPerSecond, eventsPerSecondMin, eventsPerSecondMax,
                    invocationsPerSecond, invocationsPerSecondMin, invocationsPerSecondMax, peakHeapBytes,
                    retainedHeapBytes, bytesPerEvent, erlangB, eventsPerCpuSecond, steadyBytesPerEvent,
                    steadyEventsPerCpuSecond, warmup);
        }

        /** The same figures with the account of the warm-up that preceded them. */
        Result warmedBy(Warmup.Done done) {
            return new Result(workload, repeats, events, arrivals, completions, otherEvents, invocations,
                    simulatedSeconds, wallSeconds, eventsPerSecond, eventsPerSecondMin, eventsPerSecondMax,
                    invocationsPerSecond, invocationsPerSecondMin, invocationsPerSecondMax, peakHeapBytes,
                    retainedHeapBytes, bytesPerEvent, erlangB, eventsPerCpuSecond, steadyBytesPerEvent,
                    steadyEventsPerCpuSecond, done);
        }
    }

    /** The loss check: Erlang B(servers, offered) against the simulated throttled fraction and its interval. */
    public record ErlangCheck(int servers, double offered, double theory, double simulated, double ciLow,
            double ciHigh, boolean passed) {
    }

    /**
     * A reference simulator on a loss workload, measured like the model: the same warm-up rule (runs of a tenth of
     * the arrivals until the JIT is quiet, {@link Warmup}), then {@code repeats} timed runs; rates are the median
     * run's with min and max, bytes per event the median run's.
     *
     * @param lostFraction       the reference's own lost fraction (beside Erlang B: it must agree, or it is not the
     *                           same workload)
     * @param modelOverReference the model's median events/s over the reference's, both from this run
     * @param modelOverReferenceCpu the same ratio of events per CPU second (steadier on a shared machine)
     * @param warmup             what the warm-up before the timed runs did; null where not known (a test's figures)
     */
    public record ReferenceResult(String name, String description, String workload, int repeats, long events,
            long arrivals, double lostFraction, double wallSeconds, double eventsPerSecond, double eventsPerSecondMin,
            double eventsPerSecondMax, double bytesPerEvent, double modelOverReference, double eventsPerCpuSecond,
            double modelOverReferenceCpu, Warmup.Done warmup) {

        /** Figures without a warm-up's account (a test's). */
        public ReferenceResult(String name, String description, String workload, int repeats, long events,
                long arrivals, double lostFraction, double wallSeconds, double eventsPerSecond,
                double eventsPerSecondMin, double eventsPerSecondMax, double bytesPerEvent, double modelOverReference,
                double eventsPerCpuSecond, double modelOverReferenceCpu) {
            this(name, description, workload, repeats, events, arrivals, lostFraction, wallSeconds, eventsPerSecond,
                    eventsPerSecondMin, eventsPerSecondMax, bytesPerEvent, modelOverReference, eventsPerCpuSecond,
                    modelOverReferenceCpu, null);
        }

        /**
         * The same figures with the ratios taken against {@code model} (the model's median fork, when the reference's
         * own median fork ran beside another of the model's).
         */
        public ReferenceResult against(Result model) {
            return new ReferenceResult(name, description, workload, repeats, events, arrivals, lostFraction,
                    wallSeconds, eventsPerSecond, eventsPerSecondMin, eventsPerSecondMax, bytesPerEvent,
                    model.eventsPerSecond() / eventsPerSecond, eventsPerCpuSecond,
                    model.eventsPerCpuSecond() / eventsPerCpuSecond, warmup);
        }
    }

    private Bench() {
    }

    /** This thread's CPU time and allocated bytes: HotSpot's counters ({@link #HOTSPOT}), or a test's own. */
    interface ThreadCounters {
        long cpuNanos();

        long allocatedBytes();
    }

    /** The counters of the thread that creates it (HotSpot's per-thread CPU time and allocation). */
    static ThreadCounters hotspot() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long tid = Thread.currentThread().getId();
        return new ThreadCounters() {
            @Override
            public long cpuNanos() {
                return threads.getThreadCpuTime(tid);
            }

            @Override
            public long allocatedBytes() {
                return threads.getThreadAllocatedBytes(tid);
            }
        };
    }

    /** Wall time, this thread's CPU time and its allocated bytes over one timed run. */
    static final class Meter {
        private final ThreadCounters threads;
        private long allocated0;
        private long cpu0;
        private long t0;

        Meter(ThreadCounters threads) {
            this.threads = threads;
        }

        void start() {
            allocated0 = threads.allocatedBytes();
            cpu0 = threads.cpuNanos();
            t0 = System.nanoTime();
        }

        Sample stop(long events, long invocations, long peak, long retained) {
            double wall = (System.nanoTime() - t0) / 1e9;
            double cpu = (threads.cpuNanos() - cpu0) / 1e9;
            long allocated = threads.allocatedBytes() - allocated0;
            return new Sample(wall, events, invocations, allocated, peak, retained, cpu, steadyBytes, steadyEvents,
                    steadyCpuNanos / 1e9);
        }

        private long steadyBytes;
        private long steadyEvents;
        private long steadyCpuNanos;

        /**
         * A progress listener that measures the steady state: this thread's allocation, its CPU time and the events
         * delivered from the first slice at or past a tenth of the simulated time to the end of the last (four
         * counter reads a run).
         */
        Progress steady() {
            steadyBytes = 0;
            steadyEvents = 0;
            steadyCpuNanos = 0;
            return new Progress() {
                private long bytes0 = -1;
                private long events0;
                private long cpu0;

                @Override
                public void update(long simulatedMicros, long totalMicros, long events) {
                    if (bytes0 < 0 && simulatedMicros >= totalMicros / 10 && simulatedMicros < totalMicros) {
                        bytes0 = threads.allocatedBytes();
                        cpu0 = threads.cpuNanos();
                        events0 = events;
                    } else if (bytes0 >= 0 && simulatedMicros >= totalMicros) {
                        steadyCpuNanos = threads.cpuNanos() - cpu0;
                        steadyBytes = threads.allocatedBytes() - bytes0;
                        steadyEvents = events - events0;
                    }
                }
            };
        }
    }

    /** {@link #reference(ReferenceSimulator, Result, int, Warmup.Mode, Consumer)} after a warm-up of one tenth. */
    public static ReferenceResult reference(ReferenceSimulator sim, Result model, int repeat,
            Consumer<String> progress) {
        return reference(sim, model, repeat, Warmup.Mode.TENTH, progress);
    }

    /**
     * Runs {@code sim} on the loss workload {@code model} measured (which must carry an Erlang check): the warm-up
     * {@code warmup} says, as the model's ({@link Warmup}: runs of a tenth of the arrivals), then {@code repeat}
     * timed runs. Up to round 2's thirty-fifth pass a reference warmed up for one tenth only, while the model ran
     * tenths until the JIT was quiet: the priority-queue simulator's first timed runs then still measured C2 at
     * work (HISTORY, thirty-fifth pass).
     */
    public static ReferenceResult reference(ReferenceSimulator sim, Result model, int repeat, Warmup.Mode warmup,
            Consumer<String> progress) {
        ErlangCheck e = model.erlangB();
        if (e == null) {
            throw new IllegalArgumentException(model.workload() + " is not a pure loss workload");
        }
        String name = model.workload() + " on " + sim.name();
        progress.accept(name + ": warm-up");
        long tenth = Math.max(1, model.arrivals() / 10);
        Warmup.Done warmed = Warmup.run(warmup, () -> sim.run(e.servers(), e.offered(), tenth, 0), Warmup.hotspot(),
                System::nanoTime, n -> progress.accept(name + ": warm-up, tenth " + n));
        Meter meter = new Meter(hotspot());
        List<Sample> samples = new ArrayList<>();
        ReferenceSimulator.LossRun last = null;
        for (int i = 0; i < repeat; i++) {
            progress.accept(name + ": run " + (i + 1) + " of " + repeat);
            System.gc();
            meter.start();
            last = sim.run(e.servers(), e.offered(), model.arrivals(), i + 1);
            samples.add(meter.stop(last.events(), last.arrivals(), 0, 0));
        }
        samples.sort(Comparator.comparingDouble(Sample::eventsPerSecond));
        Sample median = samples.get(samples.size() / 2);
        return new ReferenceResult(sim.name(), sim.description(), model.workload(), repeat, last.events(),
                last.arrivals(), (double) last.lost() / last.arrivals(), median.wallSeconds(),
                median.eventsPerSecond(), samples.get(0).eventsPerSecond(),
                samples.get(samples.size() - 1).eventsPerSecond(), (double) median.allocatedBytes() / median.events(),
                model.eventsPerSecond() / median.eventsPerSecond(), medianCpuRate(samples),
                model.eventsPerCpuSecond() / medianCpuRate(samples), warmed);
    }

    /** Every reference simulator on the class path (the jar's own, and the tests' when they are there). */
    public static List<ReferenceSimulator> references() {
        List<ReferenceSimulator> all = new ArrayList<>();
        for (ReferenceSimulator r : java.util.ServiceLoader.load(ReferenceSimulator.class)) {
            all.add(r);
        }
        all.sort(Comparator.comparing(ReferenceSimulator::name));
        return all;
    }

    /** {@link #run(String, Scenario, int, Warmup.Mode, Consumer)} after a warm-up of one tenth. */
    public static Result run(String name, Scenario scenario, int repeat, Consumer<String> progress) {
        return run(name, scenario, repeat, Warmup.Mode.TENTH, progress);
    }

    /**
     * Measures {@code scenario}: the warm-up {@code warmup} says ({@link Warmup}), then {@code repeat} timed runs;
     * the result carries the warm-up's account.
     */
    public static Result run(String name, Scenario scenario, int repeat, Warmup.Mode warmup,
            Consumer<String> progress) {
        if (repeat < 1) {
            throw new IllegalArgumentException("repeat must be at least 1: " + repeat);
        }
        progress.accept(name + ": warm-up");
        Scenario tenth = shortened(scenario, 10);
        Warmup.Done warmed = Warmup.run(warmup, () -> new Simulation(tenth, 0).run(), Warmup.hotspot(),
                System::nanoTime, n -> progress.accept(name + ": warm-up, tenth " + n));
        Meter meter = new Meter(hotspot());
        List<Sample> samples = new ArrayList<>();
        RunResult last = null;
        for (int i = 0; i < repeat; i++) {
            progress.accept(name + ": run " + (i + 1) + " of " + repeat);
            last = null;
            long before = liveHeap(null);
            resetPeaks();
            meter.start();
            Simulation sim = new Simulation(scenario, 0);
            last = sim.run(meter.steady());
            RunSummary.Events e = last.summary().events();
            Sample sample = meter.stop(e.total(), e.arrivals(), peakHeap(), 0);
            long retained = liveHeap(sim) - before;
            samples.add(new Sample(sample.wallSeconds(), sample.events(), sample.invocations(),
                    sample.allocatedBytes(), sample.peakHeapBytes(), retained, sample.cpuSeconds(),
                    sample.steadyAllocatedBytes(), sample.steadyEvents(), sample.steadyCpuSeconds()));
        }
        return summarize(name, scenario, samples, last).warmedBy(warmed);
    }

    /** The figures of {@code samples} (at least one), with the last run's counts and Erlang check. */
    static Result summarize(String name, Scenario scenario, List<Sample> samples, RunResult last) {
        List<Sample> byRate = new ArrayList<>(samples);
        byRate.sort(Comparator.comparingDouble(Sample::eventsPerSecond));
        Sample median = byRate.get(byRate.size() / 2);
        long peak = 0;
        long live = 0;
        double invMin = Double.MAX_VALUE;
        double invMax = 0;
        for (Sample s : samples) {
            peak = Math.max(peak, s.peakHeapBytes());
            live = Math.max(live, s.retainedHeapBytes());
            invMin = Math.min(invMin, s.invocationsPerSecond());
            invMax = Math.max(invMax, s.invocationsPerSecond());
        }
        RunSummary.Events e = last.summary().events();
        return new Result(name, samples.size(), e.total(), e.arrivals(), e.completions(), e.other(), e.arrivals(),
                scenario.durationMicros() / 1e6, median.wallSeconds(), median.eventsPerSecond(),
                byRate.get(0).eventsPerSecond(), byRate.get(byRate.size() - 1).eventsPerSecond(),
                median.invocationsPerSecond(), invMin, invMax, peak, live,
                (double) median.allocatedBytes() / median.events(), erlang(last), medianCpuRate(samples),
                median.steadyBytesPerEvent(), median(samples, Sample::steadyEventsPerCpuSecond));
    }

    private static double medianCpuRate(List<Sample> samples) {
        return median(samples, Sample::eventsPerCpuSecond);
    }

    /** The median of {@code figure} over {@code samples} (the upper one of an even count). */
    private static double median(List<Sample> samples, java.util.function.ToDoubleFunction<Sample> figure) {
        double[] r = new double[samples.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = figure.applyAsDouble(samples.get(i));
        }
        Arrays.sort(r);
        return r[r.length / 2];
    }

    /** The scenario with its simulated time divided by {@code factor} (for the warm-up). */
    static Scenario shortened(Scenario s, int factor) {
        long d = Math.max(s.bucketMicros(), s.durationMicros() / factor);
        return s.withDuration(d, Math.min(s.bucketMicros(), d));
    }

    /**
     * For a pure loss system, Erlang B beside the simulated throttled fraction: functions that all draw on the
     * account's unreserved pool with Poisson arrivals, exponential durations and no init time or timeline. Many
     * Poisson streams sharing c servers see one blocking probability, B(c, sum of lambda x E[D]). The 95% interval
     * is from 20 batch means of the account's per-bucket Throttles / (Invocations + Throttles), the first batch
     * dropped as warm-up. Null when the workload is not such a system.
     */
    static ErlangCheck erlang(RunResult r) {
        Scenario s = r.scenario();
        double offered = offeredLoad(s);
        if (Double.isNaN(offered)) {
            return null;
        }
        long[] throttles = series(r, Metric.THROTTLES);
        long[] invocations = series(r, Metric.INVOCATIONS);
        int batches = ERLANG_BATCHES;
        int per = throttles.length / (batches + 1);
        if (per == 0) {
            return null;
        }
        SummaryStatistics st = new SummaryStatistics();
        for (int b = 1; b <= batches; b++) {
            long t = 0;
            long n = 0;
            for (int i = b * per; i < (b + 1) * per; i++) {
                t += throttles[i];
                n += throttles[i] + invocations[i];
            }
            st.addValue(n == 0 ? 0 : (double) t / n);
        }
        double half = new TDistribution(null, batches - 1).inverseCumulativeProbability(0.975)
                * st.getStandardDeviation() / Math.sqrt(batches);
        int c = s.account().concurrencyLimit();
        double theory = ValidationSuite.erlangB(c, offered);
        double low = st.getMean() - half;
        double high = st.getMean() + half;
        return new ErlangCheck(c, offered, theory, st.getMean(), low, high, low <= theory && theory <= high);
    }

    /** Batch means of the Erlang B check's interval (one more batch is dropped as warm-up). */
    static final int ERLANG_BATCHES = 20;

    /**
     * The offered load in Erlangs (the sum of rate x mean duration) of a pure loss system (see {@link #erlang}), NaN
     * when {@code s} is not one.
     */
    static double offeredLoad(Scenario s) {
        if (s.functions().isEmpty() || !s.timeline().isEmpty()) {
            return Double.NaN;
        }
        double offered = 0;
        for (Scenario.Function f : s.functions()) {
            if (!(f.duration() instanceof DistributionSpec.Exponential exp)
                    || !(f.arrivals() instanceof ArrivalSpec.Poisson p) || f.reservedConcurrency().isPresent()
                    || !(f.initDuration() instanceof DistributionSpec.Constant init) || init.value() != 0
                    || f.provisionedConcurrency() > 0) {
                return Double.NaN;
            }
            offered += p.ratePerSecond() * exp.mean() / 1e6;
        }
        return offered;
    }

    /**
     * Why a pure loss workload got no Erlang B check (and so no reference simulators): its run has too few buckets
     * for the check's batch means; null when it is not a pure loss system or has enough. A {@code --set
     * duration=10m} on {@code loss} (10 one-minute buckets) lost the check and the references without a word.
     */
    public static String whyNoErlangCheck(Scenario s) {
        if (Double.isNaN(offeredLoad(s))) {
            return null;
        }
        long buckets = (s.durationMicros() + s.bucketMicros() - 1) / s.bucketMicros(); // as the recorders count them
        if (buckets >= ERLANG_BATCHES + 1) {
            return null;
        }
        return "no Erlang B check, so no reference simulators: a pure loss workload, but its run has " + buckets
                + " bucket" + (buckets == 1 ? "" : "s") + " and the check's " + ERLANG_BATCHES
                + " batch means need at least " + (ERLANG_BATCHES + 1) + " (a longer duration, or a shorter bucket)";
    }

    private static long[] series(RunResult r, Metric metric) {
        Series s = r.timeSeries().account(metric);
        return s == null ? new long[r.timeSeries().buckets()] : s.values();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeap() {
        long n = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                n += p.getPeakUsage().getUsed();
            }
        }
        return n;
    }

    /** Heap in use after a full collection while {@code keep} (the finished simulation) is still reachable. */
    private static long liveHeap(Object keep) {
        System.gc();
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        java.lang.ref.Reference.reachabilityFence(keep);
        return used;
    }
}
