package dev.enisim.report;

import dev.enisim.report.chart.ChartFiles;
import dev.enisim.run.RunResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a run's report folder all at once: every file is rendered in memory, written to a temporary sibling
 * folder, and the folder is then moved into place (replacing an earlier report of the same name). Whatever
 * fails on the way, the destination is either the old report or the complete new one.
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
        files.put("narrative.txt", (String.join("\n", Narrative.lines(result)) + "\n")
                .getBytes(StandardCharsets.UTF_8));
        files.putAll(charts);
        return files;
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

    /** Renders and writes the report into {@code dir}; returns the paths written. */
    public static List<Path> write(RunResult result, Path dir) throws IOException {
        return writeFiles(render(result), dir);
    }

    /** Writes the given files as the whole content of {@code dir}, atomically as seen from outside. */
    public static List<Path> writeFiles(Map<String, byte[]> files, Path dir) throws IOException {
        Path target = dir.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".tmp-");
        readableByAll(staging);
        try {
            for (Map.Entry<String, byte[]> f : files.entrySet()) {
                Path file = staging.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.write(file, f.getValue());
            }
            Path old = null;
            if (Files.exists(target)) {
                old = Files.createTempDirectory(parent, "." + target.getFileName() + ".old-");
                Files.delete(old);
                move(target, old);
            }
            move(staging, target);
            if (old != null) {
                deleteTree(old);
            }
        } finally {
            if (Files.exists(staging)) {
                deleteTree(staging);
            }
        }
        return files.keySet().stream().map(target::resolve).toList();
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** Temporary folders are private (700); a report folder is an ordinary one (755). */
    private static void readableByAll(Path dir) throws IOException {
        try {
            Files.setPosixFilePermissions(dir, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    static void deleteTree(Path root) throws IOException {
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException exc) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
