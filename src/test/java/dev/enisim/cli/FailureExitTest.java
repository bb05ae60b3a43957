package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.OutputRefused;
import dev.enisim.report.ReportWriter;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How each kind of failure ends a command ({@link Main#exitFor}): the user's and the environment's in one line with
 * exit 2 and no stack trace (running out of memory while drawing charts too), and a bug as an
 * internal error with its stack trace and exit 3 (it was 1, a failed check's code too: r6, B8).
 */
class FailureExitTest {

    private record Exit(int code, String err) {
    }

    private static Exit exit(Exception ex) {
        StringWriter w = new StringWriter();
        int code = Main.exitFor(ex, new PrintWriter(w, true));
        return new Exit(code, w.toString());
    }

    private static void oneLine(Exit e, int code, String line) {
        assertEquals(code, e.code());
        assertEquals(line + System.lineSeparator(), e.err(), "one line, no stack trace");
    }

    @Test
    void theUsersAndTheEnvironmentsFailuresAreOneLineAndExit2() {
        oneLine(exit(new ScenarioException("s.yaml", List.of(new Problem("functions[0].memoryMb", "expected 128 to"
                + " 10240, got 5")))), 2, new ScenarioException("s.yaml", List.of(new Problem("functions[0].memoryMb",
                "expected 128 to 10240, got 5"))).getMessage());
        oneLine(exit(new UserInputException("--replications must be at least 1")), 2,
                "enisim: --replications must be at least 1");
        oneLine(exit(new OutputRefused("notes is a file, not a folder enisim wrote")), 2,
                "enisim: notes is a file, not a folder enisim wrote");
        oneLine(exit(new NoSuchFileException("/gone/out")), 2, "enisim: no such file or folder: /gone/out");
        oneLine(exit(new IOException("cannot write out: No space left on device")), 2,
                "enisim: cannot write out: No space left on device");
        oneLine(exit(new UncheckedIOException(new IOException("Read-only file system"))), 2,
                "enisim: Read-only file system");
    }

    /**
     * The heap is the environment's limit: exit 2, as a run's own out of memory and as the README says (it was 1,
     * the one environment's failure that was not 2).
     */
    @Test
    void runningOutOfMemoryDrawingChartsIsOneLineAndExit2() {
        ReportWriter.ChartsFailed oom = new ReportWriter.ChartsFailed(Path.of("reports/r"), List.of(Path.of("a")),
                new OutOfMemoryError("Java heap space"));
        // the heap advised as a run's own out of memory advises it: its estimate (it said -Xmx4g whatever the run)
        double need = Math.max(9.5 * (1L << 30), 2.5 * Runtime.getRuntime().maxMemory());
        String advised = Main.heapOption(Main.advisedHeap(need, Runtime.getRuntime().maxMemory()));
        Main.noteEstimatedNeed(need);
        Exit said;
        try {
            said = exit(oom);
        } finally {
            Main.noteEstimatedNeed(0);
        }
        assertTrue(!advised.equals("4g") && advised.endsWith("g"), advised);
        oneLine(said, 2, "enisim: " + oom.message(advised));
        assertTrue(oom.message(advised).contains("; give Java more memory, e.g. java -Xmx" + advised
                + " -jar enisim.jar ...); the data files are in reports/r (1 files)"), oom.message(advised));
    }

    /**
     * The out-of-memory line advises a heap from the run's estimate (it said -Xmx16g whatever the estimate: 1.6 GiB
     * for an account's day at -Xmx512m), never less than twice the heap that ran out, and says when the simulation
     * had finished and what the report folder was left with (r4, r24: out of memory writing the report at 1 GiB).
     */
    @Test
    void theOutOfMemoryLineAdvisesAHeapFromTheEstimateAndSaysWhatWasLeft() {
        long mib = 1L << 20;
        String before = Main.outOfMemory(512 * mib, 1.6 * 1024 * mib, null, false);
        assertTrue(before.startsWith("enisim: out of memory (Java's heap may grow to 512 MiB; the run was estimated to"
                + " need about 1.6 GiB): a run keeps each time bucket's figures"), before);
        assertTrue(before.endsWith("or run Java with more heap (java -Xmx2g -jar enisim.jar ...)"), before);
        assertTrue(!before.contains("simulation had finished"), before);

        Path dir = Path.of("reports", "acct2000-day");
        String writing = Main.outOfMemory(1024 * mib, 1.6 * 1024 * mib, dir, true);
        assertTrue(writing.contains("): the simulation had finished; writing the report ran out of memory, and the"
                + " earlier report in " + dir + " was kept as it was; a run keeps "), writing);
        assertTrue(writing.endsWith("(java -Xmx2g -jar enisim.jar ...)"), writing);
        assertTrue(Main.outOfMemory(1024 * mib, 0, dir, false).contains("out of memory, and nothing was written to "
                + dir + "; "), "no earlier report");

        // no estimate made (0), or one below the heap that ran out: twice that heap, rounded up
        String none = Main.outOfMemory(300 * mib, 0, null, false);
        assertTrue(none.startsWith("enisim: out of memory (Java's heap may grow to 300 MiB): a run keeps ")
                && none.endsWith("(java -Xmx768m -jar enisim.jar ...)"), none);
        assertEquals("1g", Main.heapOption(Main.advisedHeap(100 * mib, 455 * mib)));
        assertEquals("512m", Main.heapOption(Main.advisedHeap(Double.NaN, 256 * mib)));
        assertEquals("10g", Main.heapOption(Main.advisedHeap(9.4 * 1024 * mib, 64 * mib)));
        assertEquals("3g", Main.heapOption(Main.advisedHeap(2.9 * 1024 * mib, 256 * mib)));
    }

    /** {@code run --help}'s exit codes said nothing of running out of memory (exit 2, as the README says). */
    @Test
    void runsHelpSaysRunningOutOfMemoryIsExit2() {
        CliTest.Result help = CliTest.run("run", "--help");
        String said = help.out().replaceAll("\\s+", " ");
        assertTrue(said.contains("2 bad input, a run estimated above --max-events, an output folder enisim did not"
                + " write, or the environment's limits (a full disk, out of memory: "), said);
    }

    @Test
    void aBugIsAnInternalErrorWithItsStackTraceAndExit3() {
        Exit bug = exit(new IllegalStateException("unhandled action"));
        assertEquals(3, bug.code());
        assertTrue(bug.err().startsWith("enisim: internal error: java.lang.IllegalStateException: unhandled action"
                + " (a bug in enisim, not a problem of the input: exit 3; its stack trace follows, for a bug report)"
                + System.lineSeparator() + "java.lang.IllegalStateException: unhandled action"), bug.err());
        assertTrue(bug.err().contains("\tat dev.enisim.cli.FailureExitTest"), "the stack trace: " + bug.err());
        Exit charts = exit(new ReportWriter.ChartsFailed(Path.of("r"), List.of(), new IllegalArgumentException("x")));
        assertEquals(3, charts.code());
        assertTrue(charts.err().startsWith("enisim: internal error: "), "charts failing for a bug: " + charts.err());
    }
}
