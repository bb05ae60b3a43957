package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.DiskSpace;
import dev.enisim.report.OutputSize;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run learns its report's exact size only once simulated: a long run on a disk without room for its report was
 * refused at its end, its simulation lost. Its report is now estimated from the scenario first, and a run is refused
 * before it is simulated when the estimate is clearly over the room (0.4 of it: the outputs measured took 0.55 to 1.0
 * of it); closer, it runs and the write is checked to the byte as before.
 */
class RoomBeforeRunTest extends InScratch {

    /** Thirty days at 500 invocations a second: about 4e9 events, many minutes if it were simulated. */
    private static final String[] LONG = {"--set", "duration=30d", "--set", "bucket=1h", "--set", "traffic=100",
        "--yes"};

    @AfterEach
    void restore() {
        DiskSpace.restore();
    }

    private static String[] args(String... first) {
        String[] all = new String[first.length + LONG.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(LONG, 0, all, first.length, LONG.length);
        return all;
    }

    private long estimate(String... sets) throws Exception {
        return OutputSize.report(ScenarioLoader.load(s.work.resolve("scenario.yaml"), List.of(sets), null));
    }

    /** Refused at once, in one line: a simulation of many minutes is not started (the test's timeout says so). */
    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void aLongRunWithoutRoomForItsReportIsRefusedBeforeItIsSimulated() throws Exception {
        Map<String, String> before = s.snapshot();
        DiskSpace.set(place -> 64 * 1024);
        long started = System.nanoTime();
        Scratch.Result r = s.run(args("run", "scenario.yaml", "-q", "--out", "out"));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        Scratch.assertExit(2, r);
        assertTrue(seconds < 30, "refused after " + seconds + " s: it simulated");
        assertEquals(List.of("enisim: " + s.work.resolve("out") + ": not enough room for this output folder: it needs about " + String.format(
                java.util.Locale.ROOT, "%.1f MiB", estimate("duration=30d", "bucket=1h", "traffic=100")
                / (1024.0 * 1024)) + " and 64.0 KiB are free on the disk holding " + s.work + " (said before"
                + " simulating; nothing was written); free some space there, or give a folder on another disk"),
                r.err().lines().toList());
        assertEquals(before, s.snapshot(), "nothing made");
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void replicationsWithoutRoomForTheirSummariesAreRefusedBeforeTheyAreSimulated() {
        DiskSpace.set(place -> 1000);
        Scratch.Result r = s.run(args("run", "scenario.yaml", "-q", "--out", "out", "--replications", "5"));
        Scratch.assertExit(2, r);
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().matches("(?s)enisim: " + Pattern.quote(s.work.resolve("out").toString()) + ": not enough room for this output folder: it needs about \\d+\\.\\d"
                + " KiB and 1000 bytes are free on the disk holding " + Pattern.quote(s.work.toString())
                + " \\(said before simulating; nothing was written\\).*"), r.err());
        assertTrue(Files.notExists(s.work.resolve("out")));
    }

    /** The bytes of a folder's files (its marker included). */
    static long bytes(Path dir) throws Exception {
        long n = 0;
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                n += Files.size(p);
            }
        }
        return n;
    }

    /**
     * The estimate is meant to be high: a run whose report fits to the byte, on a disk with less room than its
     * estimate, runs and is written whole (given less, it is refused at the write, as before: {@code DiskRoomTest}).
     */
    @Test
    void aRunThatFitsRunsThoughItsEstimateIsOverTheRoom() throws Exception {
        Scratch.assertExit(0, s.run("run", "scenario.yaml", "-q", "--out", "first"));
        long actual = bytes(s.work.resolve("first"));
        long estimate = estimate();
        assertTrue(actual < estimate && actual > 0.4 * estimate, actual + " of " + estimate);
        DiskSpace.set(place -> actual);
        Scratch.assertExit(0, s.run("run", "scenario.yaml", "-q", "--out", "out"));
        assertEquals(actual, bytes(s.work.resolve("out")), "written whole");

    }

    @Test
    void aDiskThatCannotTellItsSpaceRunsAsBefore() {
        DiskSpace.set(place -> 0);
        Scratch.assertExit(0, s.run("run", "scenario.yaml", "-q", "--out", "out"));
        assertTrue(Files.isRegularFile(s.work.resolve("out/report.html")));
    }

    /** One line, exit 2, nothing made, no run: what {@code command} says on a disk with {@code room} bytes free. */
    private String refusedBeforeRunning(long room, String... command) throws Exception {
        Map<String, String> before = s.snapshot();
        DiskSpace.set(place -> room);
        Scratch.Result r = s.run(args(command));
        Scratch.assertExit(2, r);
        List<String> lines = r.err().lines().toList();
        // check announces its long runs as it reads its inputs, then says every problem of them at once
        assertEquals(command[0].equals("check") ? List.of("enisim: scratch: ~3.24e+09 events, about 12m 16s")
                : List.of(), lines.subList(0, lines.size() - 1), r.err());
        assertEquals(before, s.snapshot(), "nothing made");
        return lines.get(lines.size() - 1);
    }

    private static String kib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }

    private static String words(String what, String needs, String free) {
        return ": not enough room for " + what + ": " + needs + " and " + free + " are free on the disk holding ";
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void explainsTraceWithoutRoomIsRefusedBeforeTheRun() throws Exception {
        // a function in a VPC and its key: 930 + 270 + 490 bytes; over 30 days two idle spells of both, 2 x 2 x 450
        String err = refusedBeforeRunning(500, "explain", "scenario.yaml", "--trace", "t.jsonl");
        assertTrue(err.startsWith("enisim: ") && err.contains("t.jsonl" + words("this file", "it needs about 3.4"
                + " KiB", "500 bytes")) && err.endsWith(" (said before simulating; nothing was written); free some"
                + " space there, or give a path on another disk"), err);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void comparePagesWithoutRoomAreRefusedBeforeTheRuns() throws Exception {
        String err = refusedBeforeRunning(1000, "compare", "scenario.yaml", "--html", "c.html");
        // a function over 360 chart points: 108,000 + 7,000 + 60 x 360 bytes (98,000 before session 57's compare page
        // said better/worse and not significant in words, its tables captioned: 1.03 of the estimate); and 90,000 + 80 x 360 + 30 (each 1,000
        // more since session 53's cards under 1,024 px in report.css, 3,000 more since session 55's chart moments and
        // swipe notes; compare's 4,000 more since session 56's function-state lines and internal rows); each with
        // the chart scripts' growth since they were fitted (67,024 bytes then: session 43's charts.js 1,865 more)
        long grown = dev.enisim.report.page.Page.chartScriptBytes() - 67_024;
        assertTrue(err.contains("c.html" + words("this file", "it needs about " + kib(136_600 + grown), "1000 bytes")),
                err);
        // compare-network-models: 2,000 more since session 60's note on Hyperplane's ResourceConflictException
        // (OutputSize.NETWORK_MODELS_REST 90,000 -> 92,000)
        err = refusedBeforeRunning(1000, "compare-network-models", "scenario.yaml", "--html", "n.html");
        assertTrue(err.contains("n.html" + words("this file", "it needs about " + kib(120_830 + grown), "1000 bytes")),
                err);
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void baselinesWithoutRoomAreRefusedBeforeTheRuns() throws Exception {
        String err = refusedBeforeRunning(1000, "check", "scenario.yaml", "--baseline", "base", "--update-baseline");
        assertTrue(err.contains("base" + words("the baseline", "it needs about 8.4 KiB", "1000 bytes")
                + s.work + " (said before simulating; nothing was written)"), err);
    }
}
