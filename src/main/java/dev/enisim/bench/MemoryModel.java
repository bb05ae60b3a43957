package dev.enisim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;

/**
 * Memory per function and per ENI key of {@code many-functions} (issue 16): the heap a finished run retains
 * ({@link Bench.Result#retainedHeapBytes}, its result included) at {@link #FEW} and {@link #MANY} functions with 500
 * security-group sets (1,000 ENI keys), and at {@link #FEW} functions with 50 sets (100 keys). Per function: the
 * difference between the first two over the functions added; per key: the difference between the first and the
 * third over the keys removed (the same functions and traffic, fewer keys).
 */
public final class MemoryModel {

    public static final int FEW = 1_000;
    public static final int MANY = 2_000;
    public static final int MANY_KEYS_GROUPS = 500;
    public static final int FEW_KEYS_GROUPS = 50;

    /** One run: {@code functions} functions, {@code keys} ENI keys, its bench figures. */
    public record Point(int functions, int keys, long events, long retainedHeapBytes, long peakHeapBytes,
            Bench.Result result) {
    }

    /** Bytes retained per function and per key, from the three points. */
    public record Figure(double bytesPerFunction, double bytesPerKey, double simulatedSeconds, List<Point> points) {
    }

    /** A change to a generated scenario tree (the bench's {@code --set}). */
    public interface Edit {
        JsonNode apply(JsonNode tree) throws ScenarioException;
    }

    private MemoryModel() {
    }

    /**
     * Measures the three points, each one timed run after a warm-up; {@code edit} changes each generated tree
     * before it is parsed (the bench's {@code --set}: e.g. a shorter duration).
     */
    public static Figure measure(Edit edit, java.util.function.Consumer<String> progress)
            throws ScenarioException {
        Point few = point(FEW, MANY_KEYS_GROUPS, edit, progress);
        Point many = point(MANY, MANY_KEYS_GROUPS, edit, progress);
        Point fewKeys = point(FEW, FEW_KEYS_GROUPS, edit, progress);
        return of(List.of(few, many, fewKeys), few.result().simulatedSeconds());
    }

    /** The figure of three points: {@code FEW} functions with many keys, {@code MANY} with as many, {@code FEW} with fewer. */
    static Figure of(List<Point> points, double simulatedSeconds) {
        Point few = points.get(0);
        Point many = points.get(1);
        Point fewKeys = points.get(2);
        double perFunction = (double) (many.retainedHeapBytes() - few.retainedHeapBytes())
                / (many.functions() - few.functions());
        double perKey = (double) (few.retainedHeapBytes() - fewKeys.retainedHeapBytes())
                / (few.keys() - fewKeys.keys());
        return new Figure(perFunction, perKey, simulatedSeconds, points);
    }

    private static Point point(int functions, int groups, Edit edit,
            java.util.function.Consumer<String> progress) throws ScenarioException {
        String name = "memory-" + functions + "-functions-" + 2 * groups + "-keys";
        Bench.Result r = Bench.run(name, ScenarioLoader.parseTree(edit.apply(Workloads.manyFunctions(functions,
                groups)), name), 1, progress);
        return new Point(functions, 2 * groups, r.events(), r.retainedHeapBytes(), r.peakHeapBytes(), r);
    }
}
