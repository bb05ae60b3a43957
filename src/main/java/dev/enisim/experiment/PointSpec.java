package dev.enisim.experiment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.List;

/**
 * What every point of an experiment shares: the scenario tree (as JSON text, so it travels to a Spark executor
 * as it is), the name it is reported under, the metrics and the replications per point. A point is this plus
 * its values; replication r of every point draws from (scenario seed, r), so points share random numbers.
 */
public record PointSpec(String treeJson, String source, List<String> metrics, int replications, double traffic,
        long warmUpMicros, java.util.SortedMap<String, String> traces) implements Serializable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * {@code traffic}: a factor on every arrival rate of every point ({@code --set traffic=F}, 1 without one), times
     * a point's own {@code traffic} value. {@code warmUpMicros}: each run's statistics after a warm-up
     * ({@code --warm-up}; 0: the whole run). {@code traces}: the text of the trace files the scenario names, as
     * {@link #withTraces} reads them (empty: each point reads them from the disk where it runs).
     */
    public PointSpec {
        metrics = List.copyOf(metrics);
        traces = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(traces));
    }

    /** Each trace file read from the disk where the point runs. */
    public PointSpec(String treeJson, String source, List<String> metrics, int replications, double traffic,
            long warmUpMicros) {
        this(treeJson, source, metrics, replications, traffic, warmUpMicros, java.util.Collections.emptySortedMap());
    }

    /**
     * This spec with the text of every trace file its scenario names and may read (as spelled:
     * {@link dev.enisim.scenario.TraceFiles#contents}): read here, by a Spark driver, once, and sent with the points,
     * so that an executor reads none from its own disk (where it is not, or is another file).
     */
    public PointSpec withTraces() {
        JsonNode tree;
        try {
            tree = tree();
        } catch (IllegalStateException e) {
            return this; // a tree that cannot be read: each point fails as it would (no trace is named in it)
        }
        java.util.SortedMap<String, String> read = dev.enisim.scenario.TraceFiles.contents(tree, source);
        return read.isEmpty() ? this : new PointSpec(treeJson, source, metrics, replications, traffic, warmUpMicros, read);
    }

    /** Without a warm-up. */
    public PointSpec(String treeJson, String source, List<String> metrics, int replications, double traffic) {
        this(treeJson, source, metrics, replications, traffic, 0);
    }

    /** Without a traffic factor of its own (1). */
    public PointSpec(String treeJson, String source, List<String> metrics, int replications) {
        this(treeJson, source, metrics, replications, 1);
    }

    public static PointSpec of(JsonNode tree, String source, List<String> metrics, int replications) {
        return of(tree, source, metrics, replications, 1);
    }

    /** As {@link #of(JsonNode, String, List, int)}, every point's rates multiplied by {@code traffic}. */
    public static PointSpec of(JsonNode tree, String source, List<String> metrics, int replications,
            double traffic) {
        return of(tree, source, metrics, replications, traffic, 0);
    }

    /** As above, each run's statistics after a warm-up of {@code warmUpMicros} (0: none; {@code --warm-up}). */
    public static PointSpec of(JsonNode tree, String source, List<String> metrics, int replications,
            double traffic, long warmUpMicros) {
        try {
            return new PointSpec(JSON.writeValueAsString(tree), source, metrics, replications, traffic,
                    warmUpMicros);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario tree that cannot be written as JSON", e);
        }
    }

    /** The scenario tree. */
    public JsonNode tree() {
        try {
            return JSON.readTree(treeJson);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a scenario tree that cannot be read back", e);
        }
    }
}
