package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.DiskSpace;
import dev.enisim.report.OutputSize;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A run that passed the room check before simulating, on a disk that then had too little room, was refused at its
 * write with the data files' bytes alone ("it needs 30.2 MiB" of a report of 45: a review of big runs, fiftieth
 * pass), so that freeing what it said was not enough. It now says, in one line and exit 2, what the whole report
 * needs (its data files' bytes and, estimated, its charts' and report.html's) and what is free.
 */
class ReportRoomWordsTest extends InScratch {

    private static final String SIZE = "\\d+\\.\\d [KM]iB";
    private static final Pattern SAID = Pattern.compile("enisim: (\\S+): not enough room for this output folder: it"
            + " needs about (" + SIZE + "), the whole report \\(its data files (" + SIZE + ") and, estimated, its"
            + " charts and report.html about (" + SIZE + ")\\), and 2\\.0 KiB are free on the disk holding (\\S+)"
            + " \\(said before writing anything; nothing was written\\); free some space there, or give a folder on"
            + " another disk");

    @AfterEach
    void restore() {
        DiskSpace.restore();
    }

    /** The bytes of a folder's files (its marker included). */
    private static long bytes(Path dir) throws Exception {
        return RoomBeforeRunTest.bytes(dir);
    }

    /** "10.4 KiB" or "1.0 MiB" in bytes. */
    private static double bytes(String said) {
        String[] p = said.split(" ");
        return Double.parseDouble(p[0]) * (p[1].equals("MiB") ? 1024 * 1024 : 1024);
    }

    @Test
    void aReportRefusedAtItsWriteSaysWhatTheWholeReportNeeds() throws Exception {
        Scratch.assertExit(0, s.run("run", "scenario.yaml", "-q", "--out", "whole"));
        long whole = bytes(s.work.resolve("whole"));
        Map<String, String> before = s.snapshot();
        // room before the run (the estimate's check), then a disk that filled while it ran
        AtomicInteger asked = new AtomicInteger();
        DiskSpace.set(place -> asked.getAndIncrement() == 0 ? 1L << 40 : 2048);
        Scratch.Result r = s.run("run", "scenario.yaml", "-q", "--out", "out");
        Scratch.assertExit(2, r);
        List<String> lines = r.err().lines().toList();
        assertEquals(1, lines.size(), r.err());
        Matcher m = SAID.matcher(lines.get(0));
        assertTrue(m.matches(), lines.get(0));
        double needs = bytes(m.group(2));
        double data = bytes(m.group(3));
        double rest = bytes(m.group(4));
        assertEquals(s.work.resolve("out").toString(), m.group(1));
        assertEquals(s.work.toString(), m.group(5));
        assertTrue(needs >= whole, "the whole report's bytes, " + whole + ", at least: " + needs);
        assertTrue(data < whole && data > 0, "its data files' part, counted: " + data);
        long estimate = OutputSize.chartsAndPage(ScenarioLoader.load(s.work.resolve("scenario.yaml"), List.of(),
                null));
        assertEquals(estimate, rest, 0.051 * 1024 * 1024, "the charts' and page's estimate");
        assertEquals(needs, data + rest, 0.051 * 1024 * 1024 + 0.051 * 1024);
        assertEquals(before, s.snapshot(), "nothing made");
    }
}
