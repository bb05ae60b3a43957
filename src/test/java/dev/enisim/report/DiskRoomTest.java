package dev.enisim.report;

import static dev.enisim.TestFiles.names;
import static dev.enisim.TestFiles.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.SafeOutput.Mark;
import dev.enisim.report.SafeOutput.Planned;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttributeView;
import java.nio.file.attribute.FileStoreAttributeView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk with a little room left passes the trial write (a few KiB free), and the write at the end of a run of
 * minutes then failed as "No space left on device". Where enisim knows every byte before it writes, it compares them
 * with the file system's usable space first and refuses in one line, with what is needed and what is free, before it
 * makes anything; with room, or when the file system cannot tell its space, it writes as before.
 */
class DiskRoomTest {

    private static final Mark MARK = Mark.startingWith("{\n  \"scenario\"");

    @TempDir
    Path work;

    @AfterEach
    void restore() {
        dev.enisim.run.Disk.usableSpace = dev.enisim.run.Disk.FILE_STORE_SPACE;
    }

    private static Map<String, byte[]> files(int bytes) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("summary.json", new byte[bytes]);
        files.put("charts/a.svg", text("<svg/>\n"));
        return files;
    }

    /** A file store as {@link SafeOutput#room} reads it: its usable and unallocated bytes, nothing else. */
    private static java.nio.file.FileStore store(long usable, long unallocated) {
        return new java.nio.file.FileStore() {
            @Override public String name() { return "fake"; }
            @Override public String type() { return "fake"; }
            @Override public boolean isReadOnly() { return false; }
            @Override public long getTotalSpace() { return Math.max(usable, unallocated); }
            @Override public long getUsableSpace() { return usable; }
            @Override public long getUnallocatedSpace() { return unallocated; }
            @Override public boolean supportsFileAttributeView(Class<? extends FileAttributeView> t) { return false; }
            @Override public boolean supportsFileAttributeView(String name) { return false; }
            @Override public <V extends FileStoreAttributeView> V getFileStoreAttributeView(Class<V> t) {
                return null;
            }
            @Override public Object getAttribute(String attribute) { return null; }
        };
    }

    /**
     * Root may write into the blocks a file system keeps for it (ext4's 5%), which the usable space leaves out: the
     * room counted is the larger figure, so root on a disk with only its reserve left is not refused room it has.
     */
    @Test
    void theRoomCountedIsTheLargerOfTheUsableAndTheUnallocatedSpace() throws Exception {
        assertEquals(5_000, SafeOutput.room(store(100, 5_000)), "the reserve root may take");
        assertEquals(5_000, SafeOutput.room(store(5_000, 100)));
        assertEquals(0, SafeOutput.room(store(0, 0)), "a store that cannot tell: written as before");
    }

    @Test
    void aFolderWithoutRoomIsRefusedInOneLineAndNothingIsMade() throws Exception {
        dev.enisim.run.Disk.usableSpace = place -> 40 * 1024;
        OutputRefused e = assertThrows(OutputRefused.class,
                () -> SafeOutput.writeFolder(Path.of("out/run"), work, files(3 * 1024 * 1024)));
        assertEquals("out/run: not enough room for this output folder: it needs 3.0 MiB and 40.0 KiB are free on the"
                + " disk holding " + work + " (said before writing anything; nothing was written); free some space"
                + " there, or give a folder on another disk", e.getMessage());
        assertEquals(List.of(), names(work), "no folder, no temporary entry");
    }

    @Test
    void anExistingReportStaysAndOnlyTheNewBytesAreNeeded() throws Exception {
        SafeOutput.writeFolder(Path.of("out"), work, files(100));
        // the files' bytes, the marker's header and a line per file (checksum, two spaces, name, newline)
        long needed = 1000 + 7 + SafeOutput.MARKER_HEADER.length() + 2 * (64 + 2 + 1) + "summary.json".length()
                + "charts/a.svg".length();
        dev.enisim.run.Disk.usableSpace = place -> needed; // just enough: the raw bytes, no block rounding
        SafeOutput.writeFolder(Path.of("out"), work, files(1000));
        assertEquals(1000, Files.size(work.resolve("out/summary.json")), "written: the raw bytes fit");
        dev.enisim.run.Disk.usableSpace = place -> 99;
        assertThrows(OutputRefused.class, () -> SafeOutput.writeFolder(Path.of("out"), work, files(100)));
        assertEquals(1000, Files.size(work.resolve("out/summary.json")), "the earlier report kept as it was");
        assertEquals(List.of("out"), names(work), "no temporary entry");
    }

    @Test
    void aFileSystemThatCannotTellItsSpaceIsWrittenAsBefore() throws Exception {
        dev.enisim.run.Disk.usableSpace = place -> 0;
        SafeOutput.writeFolder(Path.of("out"), work, files(5000));
        SafeOutput.writeFile(Path.of("one.txt"), work, null, new byte[5000]);
        assertEquals(5000, Files.size(work.resolve("out/summary.json")));
        assertEquals(5000, Files.size(work.resolve("one.txt")));
    }

    @Test
    void aSingleFileWithoutRoomIsRefusedAndTheExistingOneKept() throws Exception {
        Files.writeString(work.resolve("junit.xml"), "old");
        dev.enisim.run.Disk.usableSpace = place -> 2 * 1024 * 1024;
        OutputRefused e = assertThrows(OutputRefused.class,
                () -> SafeOutput.writeFile(Path.of("deep/er/junit.xml"), work, null, new byte[5 * 1024 * 1024]));
        assertEquals("deep/er/junit.xml: not enough room for this file: it needs 5.0 MiB and 2.0 MiB are free on the"
                + " disk holding " + work + " (said before writing anything; nothing was written); free some space"
                + " there, or give a path on another disk", e.getMessage());
        assertThrows(OutputRefused.class,
                () -> SafeOutput.writeFile(Path.of("junit.xml"), work, null, new byte[5 * 1024 * 1024]));
        assertEquals("old", Files.readString(work.resolve("junit.xml")));
        assertEquals(List.of("junit.xml"), names(work), "no folder made, no temporary file");
    }

    @Test
    void figuresThatWouldReadAlikeAreGivenInBytes() throws Exception {
        dev.enisim.run.Disk.usableSpace = place -> 1_048_580; // 1.0 MiB, as the 1,048,600 needed would read
        OutputRefused e = assertThrows(OutputRefused.class,
                () -> SafeOutput.writeFile(Path.of("f.txt"), work, null, new byte[1_048_600]));
        assertTrue(e.getMessage().contains("it needs 1048600 bytes and 1048580 bytes are free"), e.getMessage());
    }

    @Test
    void filesWrittenTogetherAreSummedAndNoneIsChanged() throws Exception {
        String ours = "{\n  \"scenario\" : \"a\" }\n";
        Files.createDirectories(work.resolve("base"));
        Files.writeString(work.resolve("base/a.json"), ours);
        byte[] big = text("{\n  \"scenario\" : \"" + "x".repeat(600) + "\" }\n");
        dev.enisim.run.Disk.usableSpace = place -> 1000; // each fits alone, not the two
        OutputRefused e = assertThrows(OutputRefused.class, () -> SafeOutput.writeFilesTogether(List.of(
                new Planned(Path.of("base/a.json"), MARK, big), new Planned(Path.of("base/b.json"), MARK, big)),
                work));
        assertTrue(e.getMessage().startsWith("base/a.json: not enough room for the 2 files written together with it:"
                + " they need 1.2 KiB and 1000 bytes are free on the disk holding " + work.resolve("base")), e.getMessage());
        assertEquals(ours, Files.readString(work.resolve("base/a.json")));
        assertEquals(List.of("a.json"), names(work.resolve("base")));
    }

    private static RunResult small() throws Exception {
        return ReportWriterTest.small();
    }

    @Test
    void aRunReportWithoutRoomForItsDataIsRefusedBeforeAnythingIsMade() throws Exception {
        RunResult r = small();
        dev.enisim.run.Disk.usableSpace = place -> 1024;
        OutputRefused e = assertThrows(OutputRefused.class, () -> ReportWriter.write(r, Path.of("out"), work));
        assertTrue(e.getMessage().startsWith("out: not enough room for this output folder: it needs "),
                e.getMessage());
        assertEquals(List.of(), names(work));
    }

    @Test
    void aRunReportWithRoomForItsDataButNotItsChartsLeavesNothing() throws Exception {
        RunResult r = small();
        ReportWriter.write(r, Path.of("out"), work);
        String before = Files.readString(work.resolve("out/report.html"));
        AtomicInteger asked = new AtomicInteger();
        // room for the data files, asked first; then a disk that filled meanwhile
        dev.enisim.run.Disk.usableSpace = place -> asked.getAndIncrement() == 0 ? 1L << 30 : 2048;
        OutputRefused e = assertThrows(OutputRefused.class, () -> ReportWriter.write(r, Path.of("out"), work));
        assertTrue(e.getMessage().startsWith("out: not enough room for this output folder: it needs "),
                e.getMessage());
        assertEquals(2, asked.get());
        assertEquals(before, Files.readString(work.resolve("out/report.html")), "the earlier report stays whole");
        assertEquals(List.of("out"), names(work), "no temporary folder left");
    }

    @Test
    void withRoomARunReportIsWrittenAsBefore() throws Exception {
        RunResult r = small();
        ReportWriter.write(r, Path.of("a"), work);
        dev.enisim.run.Disk.usableSpace = place -> 1L << 40;
        ReportWriter.write(r, Path.of("b"), work);
        for (String f : names(work.resolve("a"))) {
            if (!Files.isDirectory(work.resolve("a").resolve(f))) {
                assertEquals(Files.readString(work.resolve("a").resolve(f)),
                        Files.readString(work.resolve("b").resolve(f)), f);
            }
        }
    }
}
