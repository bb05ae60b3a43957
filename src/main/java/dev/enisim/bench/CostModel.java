package dev.enisim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The cost model: CPU ns per event (the simulating thread's CPU time; wall ns too) of the {@code loss} workload
 * split over 1, 100, 1,000 and 10,000 functions
 * ({@link Workloads#lossSplit}), once with an ENI key per function and once with one key for all, the same
 * traffic and event count throughout, so that the curve is what functions and keys cost.
 */
public final class CostModel {

    /** The function counts measured. */
    public static final int[] FUNCTIONS = {1, 100, 1_000, 10_000};

    /**
     * One point: {@code functions} functions over {@code keys} keys, its bench figures: {@code nsPerEvent} wall,
     * {@code cpuNsPerEvent} the simulating thread's CPU time over the whole run (building the simulation and its
     * result included: with 10,000 functions and a few hundred events each, mostly set-up), and
     * {@code steadyCpuNsPerEvent} the same in the steady state (from a tenth of the simulated time to its end,
     * without the building): what an event costs once the run is going, what the chart draws.
     */
    public record Point(int functions, int keys, double nsPerEvent, double cpuNsPerEvent,
            double steadyCpuNsPerEvent, double bytesPerEvent, long peakHeapBytes, long retainedHeapBytes,
            Bench.Result result) {
    }

    private CostModel() {
    }

    /** Measures one point's scenario: its bench figures under the point's name. */
    @FunctionalInterface
    public interface Runner {
        Bench.Result run(String name, JsonNode scenario) throws ScenarioException, IOException;
    }

    /**
     * Measures every point in this JVM: for each count of {@code functions} (ascending), a key per function, then
     * one key for all (a single function is measured once); {@code arrivals} arrivals per run, {@code repeat} timed
     * runs each.
     */
    public static List<Point> measure(int[] functions, long arrivals, int repeat, Consumer<String> progress)
            throws ScenarioException, IOException {
        return measure(functions, arrivals,
                (name, tree) -> Bench.run(name, ScenarioLoader.parseTree(tree, name), repeat, progress));
    }

    /** Measures every point (in the order above) with {@code runner}: e.g. each in a JVM of its own. */
    public static List<Point> measure(int[] functions, long arrivals, Runner runner)
            throws ScenarioException, IOException {
        List<Point> points = new ArrayList<>();
        for (boolean ownKeys : new boolean[] {true, false}) {
            for (int n : functions) {
                if (n == 1 && !ownKeys) {
                    continue; // one function has one key either way
                }
                String name = "cost-" + n + (ownKeys ? "-keys" : "-1key");
                Bench.Result r = runner.run(name, Workloads.lossSplit(n, ownKeys, arrivals));
                points.add(new Point(n, ownKeys ? n : 1, 1e9 / r.eventsPerSecond(),
                        1e9 / r.eventsPerCpuSecond(), 1e9 / r.steadyEventsPerCpuSecond(), r.bytesPerEvent(),
                        r.peakHeapBytes(), r.retainedHeapBytes(), r));
            }
        }
        return points;
    }
}
