package dev.enisim.experiment;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs replications 0..n-1 of a scenario. Replication r draws every stream from (scenario seed, r, stream name),
 * so results do not depend on the order or the thread the replications run in: parallel equals sequential.
 */
public final class Replications {

    private Replications() {
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
        if (n < 1) {
            throw new IllegalArgumentException("replications must be >= 1: " + n);
        }
        if (threads <= 1 || n == 1) {
            List<T> out = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                out.add(then.apply(new Simulation(scenario, r).run()));
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n));
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                int rep = r;
                futures.add(pool.submit(() -> then.apply(new Simulation(scenario, rep).run())));
            }
            List<T> out = new ArrayList<>();
            for (Future<T> f : futures) {
                out.add(Tasks.await(f::get));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

}
