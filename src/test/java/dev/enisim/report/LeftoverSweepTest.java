package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which folders named as a killed run's leftovers ({@code .NAME.tmp-PID-N} of a process that is gone) are swept:
 * one whose marker enisim kept (an empty folder made for the file being written included), and nothing else: not
 * one whose marker lacks enisim's header, names two files without checksums, or which holds an empty folder the
 * marker does not account for; nor, when the output is a single file, a folder of that name's shape.
 */
class LeftoverSweepTest {

    /** Beyond Linux's largest process id: never a live process. */
    private static final long GONE = 99_999_999L;

    @TempDir
    Path work;

    private Path leftover(int n, String marker) throws Exception {
        Path dir = Files.createDirectories(work.resolve(".out.tmp-" + GONE + "-" + n));
        Files.writeString(dir.resolve(SafeOutput.MARKER), marker);
        return dir;
    }

    private static String summed(String name, String content) {
        return SafeOutput.markerText(Map.of(name, content.getBytes(StandardCharsets.UTF_8)))
                .substring(SafeOutput.MARKER_HEADER.length());
    }

    @Test
    void aKilledRunsFolderMadeForTheFileBeingWrittenIsSwept() throws Exception {
        Path killed = leftover(1, SafeOutput.MARKER_HEADER + "summary.json\n" + summed("summary.json", "{}")
                + "charts/a.svg\n");
        Files.writeString(killed.resolve("summary.json"), "{}");
        Files.createDirectories(killed.resolve("charts")); // made, the file not begun yet
        SafeOutput.sweepStale(work, "out", true);
        assertFalse(Files.exists(killed));
    }

    @Test
    void aLeftoverIsKeptUnlessItsMarkerIsOneEnisimKept() throws Exception {
        Path noHeader = leftover(1, "# another tool's list\n" + summed("summary.json", "{}"));
        Files.writeString(noHeader.resolve("summary.json"), "{}");
        Path twoBegun = leftover(2, SafeOutput.MARKER_HEADER + "thesis.tex\nreport.html\n");
        Files.writeString(twoBegun.resolve("report.html"), "the user's page");
        Path emptyFolder = leftover(3, SafeOutput.MARKER_HEADER + summed("summary.json", "{}"));
        Files.writeString(emptyFolder.resolve("summary.json"), "{}");
        Files.createDirectories(emptyFolder.resolve("notes"));
        Path emptyMarker = leftover(4, "");
        Files.writeString(emptyMarker.resolve("thesis.tex"), "mine");
        SafeOutput.sweepStale(work, "out", true);
        assertTrue(Files.exists(noHeader.resolve("summary.json")), "no header: not enisim's marker");
        assertTrue(Files.exists(twoBegun.resolve("report.html")), "two files named, neither summed");
        assertTrue(Files.exists(emptyFolder.resolve("notes")), "a folder the marker does not account for");
        assertTrue(Files.exists(emptyMarker.resolve("thesis.tex")), "an empty marker");
    }

    @Test
    void aFolderIsNoLeftoverOfASingleFile() throws Exception {
        Path folder = leftover(1, SafeOutput.MARKER_HEADER + summed("summary.json", "{}"));
        Files.writeString(folder.resolve("summary.json"), "{}");
        SafeOutput.sweepStale(work, "out", false);
        assertTrue(Files.exists(folder.resolve("summary.json")));
        SafeOutput.sweepStale(work, "out", true);
        assertFalse(Files.exists(folder), "as a folder output's leftover it is swept");
    }
}
