package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The adversarial review: {@code enisim run tiny.yaml --out df1 > /dev/full} said only "cannot write to standard
 * output" (exit 2) though the report was written in full, so a user could think the run had failed. The line now says
 * the report was written; a command that wrote none keeps the line as it was (ReaderGoneTest).
 */
class FullStdoutAfterReportTest {

    private static final OutputStream FULL = new OutputStream() {
        @Override
        public void write(int b) throws IOException {
            throw new IOException("No space left on device");
        }
    };

    @TempDir
    Path dir;

    @Test
    void theLineSaysTheReportWasWrittenInFull() {
        Path out = dir.resolve("df1");
        StringWriter err = new StringWriter();
        int code = Main.execute(new Main.StandardOutput(FULL), new PrintWriter(err, true), "run",
                "scenarios/quickstart.yaml", "--set", "duration=2m", "--out", out.toString());
        assertEquals(2, code, err.toString());
        String last = err.toString().strip().lines().reduce((a, b) -> b).orElse("");
        assertEquals("enisim: cannot write to standard output (No space left on device); the report in " + out
                + " was written in full: only the lines for the terminal were lost", last);
        assertTrue(Files.isRegularFile(out.resolve("summary.json")) && Files.isRegularFile(out.resolve("report.html")));
    }

    @Test
    void aLaterCommandDoesNotInheritTheReport() {
        Path out = dir.resolve("df2");
        StringWriter err = new StringWriter();
        Main.execute(new Main.StandardOutput(FULL), new PrintWriter(err, true), "run", "scenarios/quickstart.yaml",
                "--set", "duration=2m", "--out", out.toString());
        StringWriter err2 = new StringWriter();
        int code = Main.execute(new Main.StandardOutput(FULL), new PrintWriter(err2, true), "--version");
        assertEquals(2, code);
        assertEquals("enisim: cannot write to standard output (No space left on device)", err2.toString().strip(),
                "a later command that wrote no report does not inherit the earlier one's");
    }
}
