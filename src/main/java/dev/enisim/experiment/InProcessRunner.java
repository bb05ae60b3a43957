package dev.enisim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.function.Consumer;
import java.util.function.ToDoubleFunction;

/**
 * Runs points on a thread pool of this JVM (the default engine), as many at once as fit in the heap
 * ({@link HeapPool}), each point's need estimated from its own scenario (its values may change the buckets: a sweep
 * of bucket=5m,1s ran a 1s point beside another and ran out of memory, a review's r13).
 */
public final class InProcessRunner implements PointRunner {

    private final int threads;
    private final ToDoubleFunction<Scenario> need;
    private final double heapBytes;
    private final PointTask.Compute compute;

    /** On {@code threads} threads, with no limit of the heap (a test's, a library's). */
    public InProcessRunner(int threads) {
        this(threads, s -> 0, Double.POSITIVE_INFINITY);
    }

    /**
     * On {@code threads} threads, a point started only when its {@code need} (the heap one run of its scenario is
     * estimated to take: its replications run one after another) fits beside those running in {@code heapBytes}.
     */
    public InProcessRunner(int threads, ToDoubleFunction<Scenario> need, double heapBytes) {
        this(threads, need, heapBytes, PointTask::run);
    }

    InProcessRunner(int threads, ToDoubleFunction<Scenario> need, double heapBytes, PointTask.Compute compute) {
        this.compute = compute;
        this.threads = Math.max(1, threads);
        this.need = need;
        this.heapBytes = heapBytes;
    }

    @Override
    public void run(PointSpec spec, List<PointTask> tasks, Consumer<String> sink) {
        if (tasks.isEmpty()) {
            return;
        }
        JsonNode tree = spec.tree();
        try (HeapPool pool = new HeapPool(Math.min(threads, tasks.size()), heapBytes, "enisim-point")) {
            CompletionService<String> done = new ExecutorCompletionService<>(pool.executor());
            for (PointTask t : tasks) {
                done.submit(pool.admitted(() -> need(spec, tree, t), () -> compute.run(t, spec, tree)));
            }
            for (int i = 0; i < tasks.size(); i++) {
                sink.accept(Tasks.await(() -> done.take().get()));
            }
        }
    }

    /** The heap {@code t} is estimated to need; none for values its scenario refuses (the point fails at once). */
    private double need(PointSpec spec, JsonNode tree, PointTask t) {
        if (heapBytes == Double.POSITIVE_INFINITY || threads == 1) {
            return 0; // nothing to hold back: not read
        }
        try {
            return need.applyAsDouble(Sweep.scenario(tree, spec.source(), t.values(), spec.traffic()));
        } catch (ScenarioException | RuntimeException e) {
            return 0;
        }
    }

    @Override
    public String describe() {
        return "in-process, " + threads + (threads == 1 ? " thread" : " threads");
    }
}
