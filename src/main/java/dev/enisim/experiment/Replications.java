package dev.enisim.experiment;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs replications 0..n-1 of a scenario. Replication r draws every stream from (scenario seed, r, stream name),
 * so results do not depend on the order or the thread the replications run in: parallel equals sequential.
 */
public final class Replications {

    private Replications() {
    }

    /** Runs {@code n} replications, on up to {@code threads} threads (1 = sequential), in replication order. */
    public static List<RunResult> run(Scenario scenario, int n, int threads) {
        if (n < 1) {
            throw new IllegalArgumentException("replications must be >= 1: " + n);
        }
        if (threads <= 1 || n == 1) {
            List<RunResult> out = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                out.add(new Simulation(scenario, r).run());
            }
            return out;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n));
        try {
            List<Future<RunResult>> futures = new ArrayList<>();
            for (int r = 0; r < n; r++) {
                int rep = r;
                futures.add(pool.submit(() -> new Simulation(scenario, rep).run()));
            }
            List<RunResult> out = new ArrayList<>();
            for (Future<RunResult> f : futures) {
                out.add(Tasks.await(f::get));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

}
