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

    /** The traces' text of the scenario being read on this thread (a Spark executor's: {@link #withShipped}). */
    private static final ThreadLocal<java.util.Map<String, String>> SHIPPED = new ThreadLocal<>();

    /** A scenario's reading, which may refuse it. */
    interface Reading<T> {
        T read() throws ScenarioException;
    }

    /** {@code reading} done with the traces' text {@code shipped} ({@link #shipped}). */
    static <T> T withShipped(java.util.Map<String, String> shipped, Reading<T> reading) throws ScenarioException {
        SHIPPED.set(shipped);
        try {
            return reading.read();
        } finally {
            SHIPPED.remove();
        }
    }

    /** The shipped text of the trace the scenario spells {@code file}, or null: read it from the disk. */
    static String shipped(String file) {
        java.util.Map<String, String> m = SHIPPED.get();
        return m == null ? null : m.get(file);
    }

    /**
     * The text of each trace file {@code tree} names (as spelled) that the scenario {@code source} may read (in or
     * below its folder or an {@link ReadScope#OPTION} one) and that can be read as UTF-8: what a Spark driver reads
     * once and sends with every point, so that an executor needs nothing but the jar (a scenario with a trace failed
     * every point on a cluster: "trace file not found", the executor's working folder). A file left out is read
     * where the scenario is read, and its problem said there.
     */
    public static java.util.SortedMap<String, String> contents(JsonNode tree, String source) {
        java.util.SortedMap<String, String> out = new java.util.TreeMap<>();
        Path scenarioFile;
        try {
            scenarioFile = Path.of(source);
        } catch (InvalidPathException e) {
            return out;
        }
        Path folder = scenarioFile.toAbsolutePath().getParent();
        for (String file : named(tree)) {
            Path p = resolve(scenarioFile, file);
            if (p == null || folder == null || ReadScope.refusal(folder, p, file) != null
                    || !java.nio.file.Files.isRegularFile(p) || InputText.kernelFile(p)) {
                continue;
            }
            try {
                out.put(file, java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(
                        java.nio.file.Files.readAllBytes(p))).toString());
            } catch (java.io.IOException e) {
                // read where the scenario is read, which says why
            }
        }
        return out;
    }
}
