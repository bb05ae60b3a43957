package dev.enisim.experiment;

import java.util.List;
import java.util.function.Consumer;

/**
 * Runs the points of an experiment somewhere: in this JVM ({@link InProcessRunner}) or on Apache Spark
 * ({@code SparkRunner}, made by {@link PointRunners}). Every engine computes a point the same way
 * ({@link PointTask#run}) and hands back its result line, so the outputs do not depend on the engine.
 */
public interface PointRunner extends AutoCloseable {

    /**
     * Runs {@code tasks}, calling {@code sink} with each result line as soon as it is back, from one thread at
     * a time, in any order.
     */
    void run(PointSpec spec, List<PointTask> tasks, Consumer<String> sink);

    /**
     * A sink that takes the lines handed back together (a Spark job's) at once: the progress line then counts
     * them all; given them one at a time, it counted the first alone (a Spark job's first line said "1 of 150 points
     * done" and an ETA of an hour while 36 were back).
     */
    interface Batches extends Consumer<String> {
        void acceptAll(List<String> lines);
    }

    /** How the engine describes itself in progress lines ("in-process, 2 threads", "spark local[*]"). */
    String describe();

    @Override
    default void close() {
    }
}
