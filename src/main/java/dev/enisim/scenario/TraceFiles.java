package dev.enisim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The trace files a scenario reads ({@code trace: {file: ...}} anywhere in it), as it spells them and as paths
 * beside the scenario: what a resumed experiment must see unchanged, and what no output may be written over.
 */
public final class TraceFiles {

    private TraceFiles() {
    }

    /** The {@code file} of every {@code trace} in {@code tree}, as spelled, sorted. */
    public static SortedSet<String> named(JsonNode tree) {
        SortedSet<String> files = new TreeSet<>();
        collect(tree, files);
        return files;
    }

    /** The trace files of the scenario {@code scenarioFile}, resolved beside it (none when it cannot be read). */
    public static List<Path> of(Path scenarioFile) {
        JsonNode tree;
        try {
            tree = ScenarioLoader.readTree(scenarioFile);
        } catch (ScenarioException e) {
            return List.of(); // its own problem is reported where it is read
        }
        return named(tree).stream().map(f -> resolve(scenarioFile, f)).filter(p -> p != null).toList();
    }

    /** A trace's path as the loader resolves it: relative to the scenario's folder; null if not a path. */
    public static Path resolve(Path scenarioFile, String file) {
        try {
            return scenarioFile.toAbsolutePath().resolveSibling(file);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private static void collect(JsonNode node, SortedSet<String> files) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            JsonNode trace = node.get("trace");
            if (trace != null && trace.isObject() && trace.path("file").isTextual()) {
                files.add(trace.get("file").asText());
            }
        }
        node.forEach(child -> collect(child, files));
    }
}
