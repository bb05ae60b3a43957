package dev.enisim.bench;

import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Series;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Runs a workload scenario: a warm-up (a tenth of its simulated time), then {@code repeat} timed runs. Each run
 * measures wall time, events, invocations, the bytes this thread allocated (HotSpot's counter) and the heap's
 * peak (the heap pools' peak usage, reset before the run).
 */
public final class Bench {

    /** One timed run. */
    public record Sample(double wallSeconds, long events, long invocations, long allocatedBytes, long peakHeapBytes) {
        public double eventsPerSecond() {
            return events / wallSeconds;
        }

        public double invocationsPerSecond() {
            return invocations / wallSeconds;
        }
    }

    /**
     * A workload's figures: medians over the repeats with min and max of the rates.
     *
     * @param events          arrivals + completions + the model's other events (also given separately)
     * @param erlangB         for the loss workload: the theory, the simulated throttled fraction and its 95% CI
     *                        by batch means; null otherwise
     */
    public record Result(String workload, int repeats, long events, long arrivals, long completions, long otherEvents,
            long invocations, double wallSeconds, double eventsPerSecond, double eventsPerSecondMin,
            double eventsPerSecondMax, double invocationsPerSecond, long peakHeapBytes, double bytesPerEvent,
            ErlangCheck erlangB) {
    }

    /** The loss workload's check against Erlang B. */
    public record ErlangCheck(int servers, double offered, double theory, double simulated, double ciLow,
            double ciHigh, boolean passed) {
    }

    private Bench() {
    }

    public static Result run(String name, Scenario scenario, int repeat, Consumer<String> progress) {
        progress.accept(name + ": warm-up");
        new Simulation(shortened(scenario, 10), 0).run();
        List<Sample> samples = new ArrayList<>();
        RunResult last = null;
        for (int i = 0; i < repeat; i++) {
            progress.accept(name + ": run " + (i + 1) + " of " + repeat);
            System.gc();
            resetPeaks();
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long tid = Thread.currentThread().getId();
            long allocated0 = threads.getThreadAllocatedBytes(tid);
            long t0 = System.nanoTime();
            last = new Simulation(scenario, 0).run();
            double wall = (System.nanoTime() - t0) / 1e9;
            long allocated = threads.getThreadAllocatedBytes(tid) - allocated0;
            RunSummary.Events e = last.summary().events();
            samples.add(new Sample(wall, e.total(), e.arrivals(), allocated, peakHeap()));
        }
        double[] rates = samples.stream().mapToDouble(Sample::eventsPerSecond).sorted().toArray();
        Sample median = samples.stream().sorted((a, b) -> Double.compare(a.eventsPerSecond(), b.eventsPerSecond()))
                .toList().get(samples.size() / 2);
        RunSummary.Events e = last.summary().events();
        return new Result(name, repeat, e.total(), e.arrivals(), e.completions(), e.other(), e.arrivals(),
                median.wallSeconds(), median.eventsPerSecond(), rates[0], rates[rates.length - 1],
                median.invocationsPerSecond(), samples.stream().mapToLong(Sample::peakHeapBytes).max().orElse(0),
                (double) median.allocatedBytes() / median.events(), erlang(last));
    }

    /** The scenario with its simulated time divided by {@code factor} (for the warm-up). */
    static Scenario shortened(Scenario s, int factor) {
        long d = Math.max(s.bucketMicros(), s.durationMicros() / factor);
        return new Scenario(s.name(), s.description(), s.seed(), d, Math.min(s.bucketMicros(), d), s.account(),
                s.vpcs(), s.hyperplane(), s.functions(), s.timeline(), s.networkModel(), s.scaling(), s.legacy(),
                s.source());
    }

    /**
     * For a single function without reserved concurrency and exponential durations (the loss workload): Erlang
     * B(c, lambda E[D]) beside the simulated throttled fraction, with a 95% interval from 20 batch means of the
     * account's per-bucket Throttles / (Invocations + Throttles), the first batch dropped as warm-up.
     */
    static ErlangCheck erlang(RunResult r) {
        Scenario s = r.scenario();
        if (s.functions().size() != 1 || !(s.functions().get(0).duration()
                instanceof dev.enisim.workload.DistributionSpec.Exponential exp)
                || !(s.functions().get(0).arrivals() instanceof dev.enisim.workload.ArrivalSpec.Poisson p)) {
            return null;
        }
        int c = s.account().concurrencyLimit();
        double a = p.ratePerSecond() * exp.mean() / 1e6;
        long[] throttles = series(r, "Throttles");
        long[] invocations = series(r, "Invocations");
        int batches = 20;
        int per = throttles.length / (batches + 1);
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
        double theory = dev.enisim.experiment.ValidationSuite.erlangB(c, a);
        double low = st.getMean() - half;
        double high = st.getMean() + half;
        return new ErlangCheck(c, a, theory, st.getMean(), low, high, low <= theory && theory <= high);
    }

    private static long[] series(RunResult r, String metric) {
        for (Series s : r.timeSeries().series()) {
            if (s.scope().equals("account") && s.metric().equals(metric)) {
                return s.values();
            }
        }
        long[] none = new long[r.timeSeries().buckets()];
        Arrays.fill(none, 0);
        return none;
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
}
