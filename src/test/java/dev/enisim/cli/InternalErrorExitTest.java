package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An internal error (an unexpected exception or error: a bug in enisim) ends every command with exit 3, one line
 * saying it is a bug and that its stack trace follows, then the trace (r6, B8: it was exit 1, the code of a failed
 * check, so a CI job could not tell a broken tool from a broken change). The bug is injected through the command
 * tree {@link Main#execute(CommandLine, PrintWriter, PrintWriter, String...)} runs: a command added to it that
 * throws, handled by Main exactly as a real command's failure is.
 */
class InternalErrorExitTest {

    @TempDir
    Path dir;

    /** A command that fails as a bug would: by throwing what it was given. */
    @CommandLine.Command(name = "boom")
    static final class Boom implements Callable<Integer> {
        private final Throwable bug;

        Boom(Throwable bug) {
            this.bug = bug;
        }

        @Override
        public Integer call() throws Exception {
            if (bug instanceof Exception e) {
                throw e;
            }
            throw (Error) bug;
        }
    }

    private record Ended(int code, String out, String err) {
    }

    private Ended run(Throwable bug) {
        CommandLine tree = Main.commandTree(dir);
        tree.addSubcommand("boom", new Boom(bug));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(tree, new PrintWriter(out, true), new PrintWriter(err, true), "boom");
        return new Ended(code, out.toString(), err.toString());
    }

    @Test
    void anUnexpectedExceptionIsExit3WithOneLineAndItsStackTrace() {
        Ended e = run(new IllegalStateException("an ENI in two pools"));
        assertEquals(Main.INTERNAL_ERROR, e.code());
        assertEquals(3, e.code(), "3: neither a failed verdict (1) nor bad input (2)");
        assertEquals("", e.out());
        String first = e.err().lines().findFirst().orElse("");
        assertEquals("enisim: internal error: java.lang.IllegalStateException: an ENI in two pools (a bug in enisim,"
                + " not a problem of the input: exit 3; its stack trace follows, for a bug report)", first);
        assertTrue(e.err().contains("\tat dev.enisim.cli.InternalErrorExitTest."), "the trace: " + e.err());
    }

    /** An Error (a stack overflow) is a bug too: picocli passes it through, and the JVM exited 1 with its trace. */
    @Test
    void anErrorIsAnInternalErrorToo() {
        Ended e = run(new StackOverflowError("deep"));
        assertEquals(3, e.code(), e.err());
        assertTrue(e.err().startsWith("enisim: internal error: java.lang.StackOverflowError: deep (a bug in enisim"),
                e.err());
        assertTrue(e.err().contains("\tat dev.enisim.cli.InternalErrorExitTest"), e.err());
    }

    /** Bad input stays 2, one line, whatever command: the seam changes nothing of the user's failures. */
    @Test
    void badInputStaysExit2WithoutATrace() {
        Ended e = run(new UserInputException("--replications must be at least 1"));
        assertEquals(2, e.code());
        assertEquals("enisim: --replications must be at least 1" + System.lineSeparator(), e.err());
    }

    /** Every command's --help that lists exit codes lists 3, and none calls 1 an internal error any more. */
    @Test
    void everyHelpThatListsExitCodesSays3IsAnInternalError() {
        for (String command : new String[] {"run", "check", "explain", "compare", "compare-network-models", "sweep",
                "sensitivity", "plan", "import", "gate", "validate-model", "validate", "bench"}) {
            StringWriter out = new StringWriter();
            Main.execute(dir, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), command,
                    "--help");
            String help = out.toString().replaceAll("\\s+", " ");
            assertTrue(help.contains("3 internal error (a bug in enisim)") || help.contains("3 on an internal error (a"
                    + " bug in enisim)") || help.contains("(3: an internal error, a bug in enisim)"), command + ": "
                    + help);
            assertTrue(!help.contains("1 internal error"), command + ": " + help);
        }
        StringWriter out = new StringWriter();
        Main.execute(dir, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true), "--help");
        String help = out.toString().replaceAll("\\s+", " ");
        assertTrue(help.contains("3 an internal error (a bug in enisim: its stack trace on stderr)"), help);
        assertTrue(!help.contains("1 internal error"), help);
    }
}
