package dev.enisim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/** Runs points on a thread pool of this JVM (the default engine). */
public final class InProcessRunner implements PointRunner {

    private final int threads;

    public InProcessRunner(int threads) {
        this.threads = Math.max(1, threads);
    }

    @Override
    public void run(PointSpec spec, List<PointTask> tasks, Consumer<String> sink) {
        if (tasks.isEmpty()) {
            return;
        }
        JsonNode tree = spec.tree();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, tasks.size()));
        try {
            CompletionService<String> done = new ExecutorCompletionService<>(pool);
            for (PointTask t : tasks) {
                done.submit(() -> t.run(spec, tree));
            }
            for (int i = 0; i < tasks.size(); i++) {
                sink.accept(Tasks.await(() -> done.take().get()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public String describe() {
        return "in-process, " + threads + (threads == 1 ? " thread" : " threads");
    }
}
