package dev.enisim.report;

import static dev.enisim.TestFiles.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.SafeOutput.Mark;
import dev.enisim.report.SafeOutput.Planned;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SafeOutput}'s edges that PIT found unpinned (session 46): the figures a refusal for room gives (what a folder's
 * marker adds, what a folder being written has written, each unit's boundary), the refusal before a run at its
 * boundary and the disk it names, the checks of a path on its way (a link that leads nowhere, a folder name of 255
 * bytes and of 256), the empty probe file a killed trial leaves in an output folder, a named pipe where a file is
 * asked, and whether two paths name one place.
 */
class SafeOutputEdgesTest {

    /** Beyond Linux's largest process id: never a live process. */
    private static final long GONE = 99_999_999L;
    private static final int HEADER = SafeOutput.MARKER_HEADER.length();

    @TempDir
    Path work;

    @AfterEach
    void restore() {
        dev.enisim.run.Disk.usableSpace = dev.enisim.run.Disk.FILE_STORE_SPACE;
    }

    @Test
    void aFoldersRoomCountsEachFileWithItsLineInTheMarker() {
        dev.enisim.run.Disk.usableSpace = place -> 1;
        OutputRefused e = assertThrows(OutputRefused.class, () -> SafeOutput.writeFolder(Path.of("out"), work,
                Map.of("a.txt", new byte[10])));
        // the marker's header, then the file (10) and its line: 64 hex digits, two spaces, the name (5), a line break
        assertEquals("out: not enough room for this output folder: it needs " + (HEADER + 10 + 64 + 2 + 5 + 1)
                + " bytes and 1 bytes are free on the disk holding " + work + " (said before writing anything; nothing"
                + " was written); free some space there, or give a folder on another disk", e.getMessage());
    }

    @Test
    void aFolderBeingWrittenShowsWhatItHasWrittenInItsFigures() throws Exception {
        try (SafeOutput.Staging s = SafeOutput.stage(Path.of("out"), work)) {
            s.write("a.txt", new byte[10]);
            dev.enisim.run.Disk.usableSpace = place -> 1;
            OutputRefused e = assertThrows(OutputRefused.class, () -> s.checkRoom(100));
            long written = HEADER + 10 + 64 + 2 + 5 + 1;
            assertTrue(e.getMessage().startsWith("out: not enough room for this output folder: it needs "
                    + (written + 100) + " bytes and " + (written + 1) + " bytes are free"), e.getMessage());
            assertTrue(e.getMessage().contains(" (said after writing its files so far, which were removed: nothing is"
                    + " left); "), e.getMessage());
        }
    }

    @Test
    void eachUnitBeginsAtItsOwnBoundary() {
        long kib = 1024;
        assertArrayEquals(new String[] {"1023 bytes", "0 bytes"}, SafeOutput.sizes(kib - 1, 0));
        assertArrayEquals(new String[] {"1.0 KiB", "0 bytes"}, SafeOutput.sizes(kib, 0));
        assertArrayEquals(new String[] {"1.0 MiB", "0 bytes"}, SafeOutput.sizes(kib * kib, 0));
        assertArrayEquals(new String[] {"1.0 GiB", "0 bytes"}, SafeOutput.sizes(kib * kib * kib, 0));
        assertArrayEquals(new String[] {"1.0 TiB", "0 bytes"}, SafeOutput.sizes(kib * kib * kib * kib, 0));
        assertArrayEquals(new String[] {"2,048.0 TiB", "512.0 GiB"}, SafeOutput.sizes(2048 * kib * kib * kib * kib,
                512 * kib * kib * kib));
    }

    @Test
    void aSingleFileWrittenAsASetIsRefusedForRoomAsOneFile() {
        dev.enisim.run.Disk.usableSpace = place -> 1;
        OutputRefused e = assertThrows(OutputRefused.class, () -> SafeOutput.writeFilesTogether(List.of(
                new Planned(Path.of("a.json"), null, new byte[10])), work));
        assertTrue(e.getMessage().startsWith("a.json: not enough room for this file: it needs 10 bytes and 1 bytes"),
                e.getMessage());
    }

    /** A write that fits to the byte is made: the room is never refused where it would have fitted. */
    @Test
    void aWriteOfExactlyTheRoomLeftIsMade() throws Exception {
        dev.enisim.run.Disk.usableSpace = place -> 10;
        SafeOutput.writeFile(Path.of("a.bin"), work, null, new byte[10]);
        assertEquals(10, Files.size(work.resolve("a.bin")));
    }

    @Test
    void aRunIsRefusedBeforeItIsSimulatedOnlyWhenTheSureShareOfItsEstimateIsMoreThanTheRoom() throws Exception {
        List<Path> asked = new ArrayList<>();
        dev.enisim.run.Disk.usableSpace = place -> {
            asked.add(place);
            return 400;
        };
        SafeOutput.checkRoomBeforeRun(Path.of("out"), work, 1000, true); // 0.4 of 1000 fits in 400
        OutputRefused folder = assertThrows(OutputRefused.class, () -> SafeOutput.checkRoomBeforeRun(Path.of("out"),
                work, 1001, true));
        assertEquals("out: not enough room for this output folder: it needs about 1001 bytes and 400 bytes are free"
                + " on the disk holding " + work + " (said before simulating; nothing was written); free some space"
                + " there, or give a folder on another disk", folder.getMessage());
        OutputRefused file = assertThrows(OutputRefused.class, () -> SafeOutput.checkRoomBeforeRun(Path.of("r.json"),
                work, 2000, false));
        assertEquals("r.json: not enough room for this file: it needs about 2.0 KiB and 400 bytes are free on the disk"
                + " holding " + work + " (said before simulating; nothing was written); free some space there, or"
                + " give a path on another disk", file.getMessage());
        Files.createDirectories(work.resolve("bl"));
        asked.clear();
        OutputRefused baselines = assertThrows(OutputRefused.class, () -> SafeOutput.checkRoomBeforeRun(Path.of("bl"),
                work, 2000, "the 3 baselines"));
        assertEquals(List.of(work.resolve("bl")), asked, "the baselines' folder itself is where they land");
        assertTrue(baselines.getMessage().startsWith("bl: not enough room for the 3 baselines: they need about"),
                baselines.getMessage());
        assertTrue(baselines.getMessage().endsWith("give a folder on another disk"), baselines.getMessage());
    }

    @Test
    void theRoomOfARealDiskIsKnown() {
        assertTrue(SafeOutput.usableSpaceAt(work.resolve("missing/deeper")) > 0,
                "the nearest existing folder's disk tells its room");
    }

    @Test
    void aLinkThatLeadsNowhereOnTheWayIsRefusedBeforeARun() throws Exception {
        Files.createSymbolicLink(work.resolve("gone"), work.resolve("nowhere"));
        OutputRefused e = assertThrows(OutputRefused.class, () -> SafeOutput.checkFolder(Path.of("gone/out"), work));
        assertTrue(e.getMessage().startsWith("gone/out: gone is a symbolic link that leads nowhere"), e.getMessage());
        assertTrue(Files.notExists(work.resolve("nowhere")));
    }

    @Test
    void aFolderNameOnTheWayIsTakenUpTo255BytesAndRefusedAbove() {
        SafeOutput.checkFolder(Path.of("x".repeat(255) + "/out"), work);
        OutputRefused e = assertThrows(OutputRefused.class, () -> SafeOutput.checkFolder(Path.of("x".repeat(256)
                + "/out"), work));
        assertTrue(e.getMessage().contains(": the folder name " + "x".repeat(24) + "... has 256 bytes, more than the 255"),
                e.getMessage());
    }

    @Test
    void aProbeAKilledTrialLeftInAnOutputFolderIsNotTheUsers() throws Exception {
        SafeOutput.writeFolder(Path.of("out"), work, Map.of("summary.json", text("{}")));
        Path probe = Files.createFile(work.resolve("out/" + SafeOutput.MARKER + ".probe-" + GONE + "-1"));
        SafeOutput.checkFolder(Path.of("out"), work);
        Files.writeString(probe, "not empty: not a probe");
        assertThrows(OutputRefused.class, () -> SafeOutput.checkFolder(Path.of("out"), work));
        Files.delete(probe);
        Files.createFile(work.resolve("out/" + SafeOutput.MARKER + ".probe-" + ProcessHandle.current().pid() + "-1"));
        assertThrows(OutputRefused.class, () -> SafeOutput.checkFolder(Path.of("out"), work),
                "a live process's probe: a trial under way, not a leftover");
    }

    @Test
    void aNamedPipeWhereAFileIsAskedIsRefusedNotReplaced() throws Exception {
        Path fifo = work.resolve("pipe");
        boolean made;
        try {
            made = new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor() == 0;
        } catch (java.io.IOException e) {
            made = false;
        }
        Assumptions.assumeTrue(made, "mkfifo is not available here");
        OutputRefused e = assertThrows(OutputRefused.class, () -> SafeOutput.writeFile(Path.of("pipe"), work, null,
                text("x")));
        assertEquals("pipe is not a regular file; give a new file name", e.getMessage());
        assertTrue(Files.exists(fifo) && !Files.isRegularFile(fifo), "the pipe is left as it was");
    }

    @Test
    void twoPathsAreOnePlaceOnlyWhenTheyLeadToOneFile() throws Exception {
        Path a = Files.writeString(work.resolve("a"), "a");
        Path b = Files.writeString(work.resolve("b"), "b");
        assertFalse(SafeOutput.samePlace(a, b), "two files");
        assertTrue(SafeOutput.samePlace(a, Files.createLink(work.resolve("hard"), a)), "a hard link");
        Files.createDirectories(work.resolve("d"));
        Files.createSymbolicLink(work.resolve("dl"), work.resolve("d"));
        assertTrue(SafeOutput.samePlace(work.resolve("d/x"), work.resolve("dl/x")), "one file before it exists");
        assertFalse(SafeOutput.samePlace(work.resolve("d/x"), work.resolve("dl/y")));
        assertFalse(SafeOutput.samePlace(a, work.resolve("d/a")), "one exists, the other not");
        assertTrue(SafeOutput.inside(work.resolve("dl/x"), work.resolve("d")), "through the linked folder");
        assertFalse(SafeOutput.inside(work.resolve("a"), work.resolve("d")));
    }
}
