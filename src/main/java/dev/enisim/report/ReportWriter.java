package dev.enisim.report;

import dev.enisim.report.chart.ChartFiles;
import dev.enisim.run.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's report folder all at once through {@link SafeOutput}: the files are written to a temporary
 * sibling folder, which is then moved into place (replacing an earlier report enisim wrote there, never anything
 * else). Whatever fails on the way, the destination is either the old report or the complete new one.
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /** The files of a report, by name, rendered from the result. */
    public static Map<String, byte[]> render(RunResult result) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("summary.json", SummaryJson.render(result.summary()).getBytes(StandardCharsets.UTF_8));
        files.put("timeseries.csv", TimeSeriesCsv.render(result.timeSeries()).getBytes(StandardCharsets.UTF_8));
        files.put("enis.csv", EnisCsv.render(result.enis()).getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> charts = ChartFiles.render(result);
        files.put("report.html", HtmlReport.render(result, charts, version()).getBytes(StandardCharsets.UTF_8));
        files.put("narrative.txt", narrative(result).getBytes(StandardCharsets.UTF_8));
        files.putAll(charts);
        return files;
    }

    /**
     * {@code narrative.txt}: what happened, line by line, and what it cost at the end (the page's cost line, as the
     * terminal says it); a run with {@code --set} overrides says so first (its summary records them), as the page's
     * header does.
     */
    static String narrative(RunResult result) {
        String cost = dev.enisim.report.page.CostLine.terminal(result.summary()); // last: what the run cost
        String story = String.join("\n", Narrative.lines(result)) + "\n" + (cost == null ? "" : cost + "\n");
        return result.overrides().isEmpty() ? story : overridesLine(result.overrides()) + "\n" + story;
    }

    /** The line with which a run's outputs say it had {@code --set} overrides: "Run with overrides: --set ...". */
    public static String overridesLine(List<String> overrides) {
        return "Run with overrides: " + dev.enisim.scenario.Overrides.options(overrides);
    }

    /** The version Maven wrote into the jar, for the report's header. */
    static String version() {
        try (var in = ReportWriter.class.getResourceAsStream("/dev/enisim/version.properties")) {
            java.util.Properties p = new java.util.Properties();
            if (in != null) {
                p.load(in);
            }
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /**
     * Renders and writes the report into {@code dir} (relative to {@code workingDir}); returns the paths written.
     * The data files are rendered and written first: if drawing the charts fails (too many series for the
     * memory, say), the report is still put in place with its data files and the failure is reported as
     * {@link ChartsFailed}, so the simulation's result is never lost.
     */
    public static List<Path> write(RunResult result, Path dir, Path workingDir) throws IOException {
        return write(result, dir, workingDir, ChartFiles::render);
    }

    /** As above, with the charts drawn by {@code charts} (a test can make them fail). */
    static List<Path> write(RunResult result, Path dir, Path workingDir,
            java.util.function.Function<RunResult, Map<String, byte[]>> charts) throws IOException {
        return write(result, dir, workingDir, charts, SafeOutput::shuttingDown);
    }

    /**
     * As above, {@code shuttingDown} telling whether the JVM is shutting down (a test can say it is): charts failing
     * then failed for that (a library refused a shutdown hook), and a report of data files alone must not replace a
     * whole one already in place, so nothing is put in place.
     */
    static List<Path> write(RunResult result, Path dir, Path workingDir,
            java.util.function.Function<RunResult, Map<String, byte[]>> charts,
            java.util.function.BooleanSupplier shuttingDown) throws IOException {
        // the data files rendered (timeseries.csv counted) before anything is made, so that a disk without room for
        // them is said at once; timeseries.csv is then written as it is made, never held (it may be larger than the
        // rest of the report and the heap's room together)
        byte[] summary = SummaryJson.render(result.summary()).getBytes(StandardCharsets.UTF_8);
        long csvBytes = TimeSeriesCsv.bytes(result.timeSeries());
        Map<String, byte[]> data = new java.util.LinkedHashMap<>();
        data.put("enis.csv", EnisCsv.render(result.enis()).getBytes(StandardCharsets.UTF_8));
        data.put("narrative.txt", narrative(result).getBytes(StandardCharsets.UTF_8));
        // the whole report is said when there is no room for it: the data files' bytes and the charts' and page's
        // estimate (a refusal of the data files' bytes alone sent a user to free too little)
        try (SafeOutput.Staging staging = SafeOutput.stage(dir, workingDir, bytes("summary.json", summary.length)
                + bytes("timeseries.csv", csvBytes) + bytes(data), OutputSize.chartsAndPage(result.scenario()))) {
            staging.write("summary.json", summary);
            summary = null;
            staging.write("timeseries.csv", out -> TimeSeriesCsv.write(result.timeSeries(), out));
            for (Map.Entry<String, byte[]> f : data.entrySet()) {
                staging.write(f.getKey(), f.getValue());
            }
            data = null; // written: no longer held while the charts are drawn
            Map<String, byte[]> drawn;
            byte[] html;
            try {
                drawn = charts.apply(result);
                html = HtmlReport.render(result, drawn, version()).getBytes(StandardCharsets.UTF_8);
            } catch (RuntimeException | OutOfMemoryError e) {
                if (shuttingDown.getAsBoolean()) {
                    throw staging.cutShort(new IOException("enisim is shutting down (SIGINT or SIGTERM): nothing more is"
                            + " written", e));
                }
                List<Path> written = staging.commit();
                throw new ChartsFailed(staging.target(), written, e);
            }
            staging.checkReportRoom(bytes(Map.of("report.html", html)) + bytes(drawn));
            staging.write("report.html", html);
            for (Map.Entry<String, byte[]> c : drawn.entrySet()) {
                staging.write(c.getKey(), c.getValue());
            }
            return staging.commit();
        }
    }

    /** The bytes {@code files} will take in an output folder: each file's, and its line in the folder's marker. */
    private static long bytes(Map<String, byte[]> files) {
        long n = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            n += bytes(f.getKey(), f.getValue().length);
        }
        return n;
    }

    /** The bytes a file {@code name} of {@code size} bytes takes in an output folder, its marker's line with it. */
    private static long bytes(String name, long size) {
        return size + 64 + 2 + name.getBytes(StandardCharsets.UTF_8).length + 1;
    }

    /** The report's data files were written, its charts and HTML could not be drawn. */
    public static final class ChartsFailed extends RuntimeException {
        private final Path dir;
        private final int written;

        public ChartsFailed(Path dir, List<Path> written, Throwable cause) {
            super(message(dir, written.size(), cause, "4g"), cause);
            this.dir = dir;
            this.written = written.size();
        }

        /** The message, out of memory advising {@code -Xmx<heap>} (the command's advice: its run's estimate). */
        public String message(String heap) {
            return message(dir, written, getCause(), heap);
        }

        private static String message(Path dir, int written, Throwable cause, String heap) {
            return "the charts and report.html could not be drawn (" + cause + (cause instanceof OutOfMemoryError
                    ? "; give Java more memory, e.g. java -Xmx" + heap + " -jar enisim.jar ..." : "")
                    + "); the data files are in " + dir + " (" + written + " files)";
        }

        /** Out of memory: a limit of the machine, not a bug (no stack trace). */
        public boolean outOfMemory() {
            return getCause() instanceof OutOfMemoryError;
        }
    }

    /** Writes the given files as the whole content of {@code dir}, atomically as seen from outside. */
    public static List<Path> writeFiles(Map<String, byte[]> files, Path dir, Path workingDir) throws IOException {
        return SafeOutput.writeFolder(dir, workingDir, files);
    }
}
