package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.DiskSpace;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A sweep on a disk with a little room left: the trial write passes, and the disk filled hours in. Once the first
 * point's line is in the progress file, the points left are estimated at its size and, when they need more than the
 * disk has free, said at once in one warning line (quiet or not), the run going on; with room, nothing is said.
 */
class SweepRoomWarningTest extends InScratch {

    @AfterEach
    void restore() {
        DiskSpace.restore();
    }

    private static List<String> warnings(String err) {
        return err.lines().filter(l -> l.startsWith("warning:")).toList();
    }

    @Test
    void pointsLeftThatNeedMoreThanTheRoomAreSaidOnceAndTheSweepGoesOn() throws Exception {
        AtomicInteger asked = new AtomicInteger();
        // 100 bytes free when the first point is in; not known after (the report at the end is written as before)
        DiskSpace.set(place -> asked.getAndIncrement() == 0 ? 100 : 0);
        Scratch.Result r = s.run("sweep", "scenario.yaml", "--vary", "traffic=0.5..2:0.5", "--threads", "1", "-q",
                "--out", "out");
        Scratch.assertExit(0, r);
        List<String> w = warnings(r.err());
        assertEquals(1, w.size(), r.err());
        assertTrue(w.get(0).matches("warning: the 3 points left need about \\d\\.\\d KiB in the progress file "
                + Pattern.quote(s.work.resolve(".out.progress.jsonl").toString()) + " at the first point's size, and"
                + " 100 bytes are free on its disk: the run stops when the disk fills, keeping the points done \\(free"
                + " some space, and the same command run again resumes from them\\)"), w.get(0));
        assertTrue(Files.isDirectory(s.work.resolve("out")), "the sweep went on and wrote its report");
        assertFalse(Files.exists(s.work.resolve(".out.progress.jsonl")), "its progress file removed, as before");
    }

    @Test
    void aReportWithoutRoomAtTheEndIsRefusedInOneLineAndThePointsAreKeptForTheSameCommand() {
        DiskSpace.set(place -> 100);
        String[] sweep = {"sweep", "scenario.yaml", "--vary", "traffic=0.5..2:0.5", "--threads", "1", "-q", "--out",
            "out"};
        Scratch.Result r = s.run(sweep);
        Scratch.assertExit(2, r);
        List<String> lines = r.err().lines().toList();
        assertEquals(2, lines.size(), r.err()); // the warning, then the refusal
        assertTrue(lines.get(1).matches("enisim: " + Pattern.quote(s.work.resolve("out").toString()) + ": not enough room for this output folder: it needs \\d+\\.\\d KiB"
                + " and 100 bytes are free on the disk holding " + Pattern.quote(s.work.toString()) + " \\(said before"
                + " writing anything; nothing was written\\); free some space there, or give a folder on another disk;"
                + " the points run are kept in " + Pattern.quote(s.work.resolve(".out.progress.jsonl").toString())
                + ", so the same command run again resumes from them"), lines.get(1));
        assertFalse(Files.exists(s.work.resolve("out")), "no report folder");
        assertTrue(Files.isRegularFile(s.work.resolve(".out.progress.jsonl")), "the points kept");
        DiskSpace.restore();
        Scratch.Result again = s.run(sweep[0], sweep[1], sweep[2], sweep[3], sweep[4], sweep[5], "--out", "out");
        Scratch.assertExit(0, again);
        assertTrue(again.err().contains("resuming: 4 of 4 points already done"), again.err());
        assertTrue(Files.isDirectory(s.work.resolve("out")));
    }

    @Test
    void withRoomForThePointsLeftNothingIsSaid() {
        DiskSpace.set(place -> 1L << 40);
        Scratch.Result r = s.run("sweep", "scenario.yaml", "--vary", "traffic=0.5..2:0.5", "--threads", "1", "-q",
                "--out", "out");
        Scratch.assertExit(0, r);
        assertFalse(r.err().contains("warning"), r.err());
    }
}
