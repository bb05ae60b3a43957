package dev.enisim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;

/** One point of a design: its index in the design and the values of its varied parameters (in order). */
public record PointTask(int index, LinkedHashMap<String, String> values) implements Serializable {

    public static PointTask of(int index, Map<String, String> values) {
        return new PointTask(index, new LinkedHashMap<>(values));
    }

    /** Runs the point (on any thread or machine) and returns its result line (see {@link PointCodec}). */
    public String run(PointSpec spec, JsonNode tree) {
        return PointCodec.encode(index, Sweep.point(tree, spec.source(), values, spec.metrics(),
                spec.replications(), spec.traffic(), spec.warmUpMicros(), spec.traces()));
    }

    /** How an engine computes one point: {@link #run} (a test watches it or injects a failure). */
    @FunctionalInterface
    interface Compute extends Serializable {
        String run(PointTask task, PointSpec spec, JsonNode tree);
    }
}
