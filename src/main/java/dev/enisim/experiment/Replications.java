package dev.enisim.experiment;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs replications 0..n-1 of a scenario. Replication r draws every stream from (scenario seed, r, stream name),
 * so results do not depend on the order or the thread the replications run in: parallel equals sequential.
 */
public final class Replications {

    private Replications() {
    }

    /**
     * Told how far the replications have got: {@code done} of {@code n} finished, and the simulated time each one
     * has reached ({@code simulatedMicros[r]}, {@code totalMicros} when done, 0 before it starts) of
     * {@code totalMicros}, and the events delivered in all. Called from the threads that run them, one at a time.
     */
    @FunctionalInterface
    public interface Watch {
        void update(int done, int n, long[] simulatedMicros, long totalMicros, long events);

        Watch NONE = (d, n, s, t, e) -> { };
    }

    /** Runs {@code n} replications, on up to {@code threads} threads (1 = sequential), in replication order. */
    public static List<RunResult> run(Scenario scenario, int n, int threads) {
        return run(scenario, n, threads, Function.identity());
    }

    /**
     * Runs {@code n} replications and applies {@code then} to each result on the thread that ran it (so that
     * the work each replication needs afterwards, e.g. its summary's JSON, is done in parallel too, and a result
     * can be dropped as soon as it is digested); returns the digests in replication order.
     */
    public static <T> List<T> run(Scenario scenario, int n, int threads, Function<RunResult, T> then) {
        return run(scenario, n, threads, 0, Double.POSITIVE_INFINITY, then, Watch.NONE);
    }

    /**
     * As above, a replication started only when its {@code need} (the heap one run is estimated to take) fits beside
     * those running in {@code heapBytes} ({@link HeapPool}: one runs alone when it does not fit even so), and
     * {@code watch} told of their progress.
     */
    public static <T> List<T> run(Scenario scenario, int n, int threads, double need, double heapBytes,
            Function<RunResult, T> then, Watch watch) {
        return run(scenario, 0, n, threads, need, heapBytes, then, watch);
    }

    /** As {@link #run(Scenario, int, int)}, each run's statistics after a warm-up of {@code warmUpMicros} (0: none). */
    public static List<RunResult> run(Scenario scenario, long warmUpMicros, int n, int threads) {
        return run(scenario, warmUpMicros, n, threads, 0, Double.POSITIVE_INFINITY, Function.identity(), Watch.NONE);
    }

    /**
     * As above, each run's statistics after a warm-up of {@code warmUpMicros} (0: none; {@link
     * Simulation#warmingUp}).
     */
    public static <T> List<T> run(Scenario scenario, long warmUpMicros, int n, int threads, double need,
            double heapBytes, Function<RunResult, T> then, Watch watch) {
        if (n < 1) {
            throw new IllegalArgumentException("replications must be >= 1: " + n);
        }
        Tally tally = new Tally(n, scenario.durationMicros(), watch);
        if (threads <= 1 || n == 1) {
            List<T> out = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                out.add(one(scenario, warmUpMicros, r, then, tally));
            }
            return out;
        }
        try (HeapPool pool = new HeapPool(Math.min(threads, n), heapBytes, "enisim-replication")) {
            List<Future<T>> futures = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                int rep = r;
                futures.add(pool.submit(need, () -> one(scenario, warmUpMicros, rep, then, tally)));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(Tasks.await(f::get));
            }
            return out;
        }
    }

    private static <T> T one(Scenario scenario, long warmUpMicros, int r, Function<RunResult, T> then, Tally tally) {
        T t = then.apply(new Simulation(scenario, r).warmingUp(warmUpMicros).run((s, total, e) -> tally.update(r, s, e,
                false)));
        tally.update(r, scenario.durationMicros(), -1, true);
        return t;
    }

    /** The replications' progress, summed for the watch. */
    private static final class Tally {

        private final long[] simulated;
        private final long[] events;
        private final long total;
        private final Watch watch;
        private int done;

        Tally(int n, long total, Watch watch) {
            this.simulated = new long[n];
            this.events = new long[n];
            this.total = total;
            this.watch = watch;
        }

        synchronized void update(int r, long simulatedMicros, long delivered, boolean finished) {
            simulated[r] = finished ? total : simulatedMicros;
            if (delivered >= 0) {
                events[r] = delivered;
            }
            if (finished) {
                done++;
            }
            long sum = 0;
            for (long e : events) {
                sum += e;
            }
            watch.update(done, simulated.length, simulated.clone(), total, sum);
        }
    }
}
