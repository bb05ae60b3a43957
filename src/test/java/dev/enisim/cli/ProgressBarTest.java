package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void disabledProgressPrintsNothing() throws Exception {
        StringWriter err = new StringWriter();
        ProgressBar p = new ProgressBar(new PrintWriter(err), false);
        Thread.sleep(1100); // past the first second, when an enabled bar would draw
        for (int i = 0; i < 1000; i++) {
            p.update(i, 1000, i);
        }
        p.done();
        assertEquals("", err.toString());
    }

    @Test
    void aShortRunShowsNoProgressEvenOnATerminal() {
        StringWriter err = new StringWriter();
        ProgressBar p = new ProgressBar(new PrintWriter(err), true);
        p.update(500, 1000, 10);
        p.done();
        assertEquals("", err.toString(), "nothing before the first second");
    }

    @Test
    void aLongRunShowsSimulatedTimeAndEventsPerSecond() throws Exception {
        StringWriter err = new StringWriter();
        ProgressBar p = new ProgressBar(new PrintWriter(err), true, 120);
        Thread.sleep(1100);
        p.update(3_600_000_000L, 7_200_000_000L, 123_456);
        assertTrue(err.toString().contains("simulated 01:00:00 of 02:00:00 ( 50%)"), err.toString());
        assertTrue(err.toString().contains("123,456 events"), err.toString());
        assertTrue(err.toString().contains("events/s"), err.toString());
    }

    @Test
    void theLineFitsTheTerminalWidthWithElapsedTimeAndAnEta() {
        for (int width : new int[] {19, 39, 59, 79, 119}) {
            String line = ProgressBar.line(3_600_000_000L, 7_200_000_000L, 123_456_789, 30, width);
            assertEquals(width, line.length(), "fits " + width + ": '" + line + "'");
            assertTrue(line.contains("50%") && line.contains("ETA 30s"), line);
        }
        String at80 = ProgressBar.line(3_600_000_000L, 7_200_000_000L, 123_456_789, 30, 79);
        assertTrue(at80.contains("simulated 01:00:00 of 02:00:00") && at80.contains("elapsed 30s"), at80);
        String wide = ProgressBar.line(3_600_000_000L, 7_200_000_000L, 123_456_789, 30, 119);
        assertTrue(wide.contains("123,456,789 events") && wide.contains("4,115,226 events/s"), wide);
    }

    @Test
    void theWidthComesFromSttyWhenTheShellDoesNotExportColumns() {
        assertEquals(60, ProgressBar.columnsOf("24 60\n"));
        assertEquals(80, ProgressBar.columnsOf(""), "no answer (not a terminal): the classic width");
        assertEquals(80, ProgressBar.columnsOf("0 0\n"), "a terminal that reports no size");
        assertEquals(80, ProgressBar.columnsOf("stty: not a tty"));
    }

    @Test
    void longRunsCountDaysNotHundredsOfHours() {
        String line = ProgressBar.line(113L * 3_600_000_000L, 30L * 86_400_000_000L, 1, 1200, 79);
        assertTrue(line.contains("4d 17:00:00 of 30d 00:00:00"), line);
        assertTrue(line.contains("ETA 1h47m"), line);
        assertEquals("3m05s", ProgressBar.wall(185));
    }

    /** A clock the test moves: seconds of wall-clock time since the run began. */
    private static final class Clock implements java.util.function.LongSupplier {
        long nanos;

        @Override
        public long getAsLong() {
            return nanos;
        }

        void at(double seconds) {
            nanos = (long) (seconds * 1e9);
        }
    }

    @Test
    void withoutATerminalALongRunWritesALineEveryThirtySecondsAndAShortOneNothing() {
        StringWriter err = new StringWriter();
        Clock clock = new Clock();
        ProgressBar p = new ProgressBar(new PrintWriter(err), ProgressBar.Mode.LOG, 80, clock);
        clock.at(29.9);
        p.update(1_800_000_000L, 7_200_000_000L, 1_000);
        p.writing("reports/x");
        assertEquals("", err.toString(), "a run under 30 s says nothing, not even the report's writing");
        clock.at(30);
        p.update(3_600_000_000L, 7_200_000_000L, 123_456);
        clock.at(59.9);
        p.update(5_000_000_000L, 7_200_000_000L, 200_000);
        assertEquals("enisim: simulated 01:00:00 of 02:00:00 ( 50%)  123,456 events  4,115 events/s  elapsed 30s"
                + "  ETA 30s\n", err.toString().replace(System.lineSeparator(), "\n"), "one line, no carriage return");
        clock.at(60);
        p.update(5_400_000_000L, 7_200_000_000L, 300_000);
        p.writing("reports/x");
        p.done();
        List<String> lines = err.toString().lines().toList();
        assertEquals(3, lines.size(), err.toString());
        assertTrue(lines.get(1).startsWith("enisim: simulated 01:30:00 of 02:00:00 ( 75%)  300,000 events"),
                lines.get(1));
        assertEquals("enisim: writing the report to reports/x ...", lines.get(2));
    }

    @Test
    void onATerminalTheReportsWritingIsSaidOnTheProgressLineAndCleared() {
        StringWriter err = new StringWriter();
        Clock clock = new Clock();
        ProgressBar p = new ProgressBar(new PrintWriter(err), ProgressBar.Mode.TERMINAL, 60, clock);
        clock.at(2);
        p.update(3_600_000_000L, 7_200_000_000L, 123_456);
        p.writing("reports/x");
        String said = err.toString();
        assertTrue(said.endsWith("\r  writing the report to reports/x ..." + " ".repeat(59 - 37)), said);
        p.done();
        assertTrue(err.toString().endsWith("\r" + " ".repeat(59) + "\r"), "cleared");
    }

    @Test
    void quietShowsNothingHoweverLongTheRun() {
        StringWriter err = new StringWriter();
        Clock clock = new Clock();
        ProgressBar p = new ProgressBar(new PrintWriter(err), ProgressBar.Mode.OFF, 80, clock);
        clock.at(600);
        p.update(3_600_000_000L, 7_200_000_000L, 123_456);
        p.writing("reports/x");
        p.done();
        assertEquals("", err.toString());
    }

    /**
     * Progress goes to standard error, so whether it is redrawn is whether standard error is a terminal (the review's
     * r26: {@code 2> run.log} with standard output on a terminal got 49 carriage-return redraws in the log; standard
     * output redirected on a terminal got no progress), not whether {@code System.console()} is there.
     */
    @Test
    void theModeFollowsWhetherStandardErrorIsATerminal() {
        PrintWriter err = new PrintWriter(new StringWriter());
        assertEquals(ProgressBar.Mode.TERMINAL, ProgressBar.forRun(err, false, true).mode(),
                "standard error on a terminal (standard output redirected or not): redrawn");
        assertEquals(ProgressBar.Mode.LOG, ProgressBar.forRun(err, false, false).mode(),
                "standard error into a file (standard output on a terminal or not): log lines");
        assertEquals(ProgressBar.Mode.OFF, ProgressBar.forRun(err, true, true).mode());
        assertTrue(ProgressBar.isTerminal("/dev/pts/3"));
        assertTrue(ProgressBar.isTerminal("/dev/tty1"));
        assertFalse(ProgressBar.isTerminal("/tmp/r26.log"));
        assertFalse(ProgressBar.isTerminal("pipe:[123456]"));
        assertFalse(ProgressBar.isTerminal("/dev/null"));
    }

    /**
     * Replications show progress as one run does (the review's r9/r10: {@code run --replications 4 --parallel} said
     * nothing for 52 s): the replications done of N and where the running ones are, in a log line every 30 s.
     */
    @Test
    void replicationsSayHowManyAreDoneAndWhereTheRunningOnesAre() {
        StringWriter err = new StringWriter();
        Clock clock = new Clock();
        ProgressBar p = new ProgressBar(new PrintWriter(err), ProgressBar.Mode.LOG, 80, clock);
        long hour = 3_600_000_000L;
        clock.at(29);
        p.replications(0, 4, new long[] {hour / 2, hour / 4, 0, 0}, hour, 1_000);
        assertEquals("", err.toString(), "nothing under 30 s");
        clock.at(30);
        p.replications(1, 4, new long[] {hour, hour / 2, hour / 4, 0}, hour, 300_000);
        assertEquals("enisim: replications 1 of 4 done, running at 50%, 25% of 01:00:00 ( 43%)  300,000 events"
                + "  10,000 events/s  elapsed 30s  ETA 39s\n", err.toString().replace(System.lineSeparator(), "\n"));
        String line79 = ProgressBar.replicationsLine(1, 4, new long[] {hour, hour / 2, hour / 4, 0}, hour, 300_000,
                30, 79);
        assertEquals("  replications 1 of 4 done, running at 50%, 25% ( 43%)  ETA 39s", line79.stripTrailing(),
                "80 columns: the running ones' shares kept");
        String narrow = ProgressBar.replicationsLine(1, 4, new long[] {hour, hour / 2, hour / 4, 0}, hour, 300_000,
                30, 40);
        assertEquals(40, narrow.length());
        assertTrue(narrow.startsWith("  43% 1 of 4 replications  ETA 39s"), narrow);
        StringWriter tty = new StringWriter();
        ProgressBar t = new ProgressBar(new PrintWriter(tty), ProgressBar.Mode.TERMINAL, 60, clock);
        clock.at(32);
        t.replications(3, 4, new long[] {hour, hour, hour, hour / 2}, hour, 1);
        assertTrue(tty.toString().startsWith("\r  replications 3 of 4 done"), tty.toString());
        assertEquals(60, tty.toString().length(), "redrawn on one line that fits: " + tty);
    }
}
