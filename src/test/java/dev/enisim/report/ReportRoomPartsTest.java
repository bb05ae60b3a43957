package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.chart.ChartFiles;
import dev.enisim.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report refused at its write for room said its data files' bytes alone (a review of big runs, fiftieth pass). It
 * says the whole report's, with its parts: at the first check the data files' bytes and the charts' and page's
 * estimate ({@link OutputSize#chartsAndPage}), refused there, before the charts are drawn, when the share of that
 * estimate they are sure to take does not fit beside the data files; at the second, once drawn, to the byte.
 */
class ReportRoomPartsTest {

    @TempDir
    Path work;

    @AfterEach
    void restore() {
        dev.enisim.run.Disk.usableSpace = dev.enisim.run.Disk.FILE_STORE_SPACE;
    }

    private static long bytes(Path dir, boolean chartsAndPageOnly) throws Exception {
        long n = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String rel = dir.relativize(p).toString();
                if (!chartsAndPageOnly || rel.startsWith("charts/") || rel.equals("report.html")) {
                    n += Files.size(p);
                }
            }
        }
        return n;
    }

    @Test
    void refusedOnceDrawnItSaysTheWholeReportToTheByte() throws Exception {
        RunResult r = ReportWriterTest.small();
        ReportWriter.write(r, Path.of("first"), work);
        long whole = bytes(work.resolve("first"), false);
        long drawn = bytes(work.resolve("first"), true);
        AtomicInteger asked = new AtomicInteger();
        dev.enisim.run.Disk.usableSpace = place -> asked.getAndIncrement() == 0 ? 1L << 40 : 2048;
        OutputRefused e = assertThrows(OutputRefused.class, () -> ReportWriter.write(r, Path.of("out"), work));
        String said = e.getMessage();
        assertTrue(said.startsWith("out: not enough room for this output folder: it needs "
                + SafeOutput.sizes(whole, 1)[0] + ", the whole report (its data files "), said);
        assertTrue(said.contains(", written, and its charts and report.html "), said);
        // said once the data files were written: not "said before writing anything" (r2's item 7)
        assertTrue(said.endsWith(" (said after writing its data files, which were removed: nothing is left); free"
                + " some space there, or give a folder on another disk"), said);
        assertFalse(said.contains("\n"), "one line");
        // the charts' and page's part: their files and their lines in the folder's marker
        long lines = 0;
        try (Stream<Path> files = Files.walk(work.resolve("first"))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                String rel = work.resolve("first").relativize(p).toString();
                lines += rel.startsWith("charts/") || rel.equals("report.html") ? 64 + 2 + rel.length() + 1 : 0;
            }
        }
        assertTrue(said.contains("its charts and report.html " + SafeOutput.sizes(drawn + lines, 1)[0] + "),"),
                said);
        assertEquals(List.of("first"), names(), "nothing else made");
    }

    /** Refused once drawn over an earlier report: the data files written are removed, the earlier report kept. */
    @Test
    void refusedOnceDrawnOverAnEarlierReportItSaysThatReportWasKept() throws Exception {
        RunResult r = ReportWriterTest.small();
        ReportWriter.write(r, Path.of("first"), work);
        Map<Path, byte[]> before = contents(work.resolve("first"));
        AtomicInteger asked = new AtomicInteger();
        dev.enisim.run.Disk.usableSpace = place -> asked.getAndIncrement() == 0 ? 1L << 40 : 2048;
        OutputRefused e = assertThrows(OutputRefused.class, () -> ReportWriter.write(r, Path.of("first"), work));
        assertTrue(e.getMessage().contains(" (said after writing its data files, which were removed: the earlier"
                + " report in first was kept as it was); free some space there"), e.getMessage());
        assertEquals(List.of("first"), names(), "no temporary folder left");
        Map<Path, byte[]> after = contents(work.resolve("first"));
        assertEquals(before.keySet(), after.keySet());
        before.forEach((p, b) -> assertArrayEquals(b, after.get(p), p.toString()));
    }

    private static Map<Path, byte[]> contents(Path dir) throws Exception {
        Map<Path, byte[]> m = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                m.put(dir.relativize(p), Files.readAllBytes(p));
            }
        }
        return m;
    }

    /** Room for the data files, not for them and what the charts are sure to take: refused before drawing them. */
    @Test
    void withoutRoomForTheChartsBesideTheDataFilesItIsRefusedBeforeTheyAreDrawn() throws Exception {
        RunResult r = ReportWriterTest.small();
        ReportWriter.write(r, Path.of("first"), work);
        long whole = bytes(work.resolve("first"), false);
        long data = whole - bytes(work.resolve("first"), true);
        long later = OutputSize.chartsAndPage(r.scenario());
        long room = data + (long) (0.3 * later);
        dev.enisim.run.Disk.usableSpace = place -> room;
        AtomicBoolean drawn = new AtomicBoolean();
        OutputRefused e = assertThrows(OutputRefused.class, () -> ReportWriter.write(r, Path.of("out"), work,
                result -> {
                    drawn.set(true);
                    return ChartFiles.render(result);
                }));
        assertFalse(drawn.get(), "refused before the charts were drawn");
        assertTrue(e.getMessage().contains(", the whole report (its data files ") && e.getMessage().contains(
                " and, estimated, its charts and report.html about " + SafeOutput.sizes(later, 1)[0] + "), and "
                + SafeOutput.sizes(1, room)[1] + " are free"), e.getMessage());
        assertEquals(List.of("first"), names());
        // with room for all of it, written as before
        dev.enisim.run.Disk.usableSpace = place -> whole;
        ReportWriter.write(r, Path.of("out"), work);
        assertEquals(whole, bytes(work.resolve("out"), false));
    }

    private List<String> names() throws Exception {
        try (var l = Files.list(work)) {
            return l.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
