package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code enisim explain F | head}: the reader stops reading and enisim's next write meets a closed pipe. That is
 * the reader's choice, not an environment error: enisim ends silently with 141 (a Unix tool stopped by SIGPIPE),
 * where it printed "enisim: cannot write to standard output (Broken pipe)" and exited 2 (a newcomer's review).
 */
class ReaderGoneTest {

    @Test
    void aClosedPipeEndsSilentlyWith141() {
        OutputStream closed = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("Broken pipe");
            }
        };
        StringWriter err = new StringWriter();
        int code = Main.execute(new Main.StandardOutput(closed), new PrintWriter(err, true), "--version");
        assertEquals(Main.READER_GONE, code);
        assertEquals(141, code);
        assertEquals("", err.toString(), "nothing said");
    }

    @Test
    void aFullDiskIsStillSaidWithExitTwo() {
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                throw new IOException("No space left on device");
            }
        };
        StringWriter err = new StringWriter();
        int code = Main.execute(new Main.StandardOutput(full), new PrintWriter(err, true), "--version");
        assertEquals(2, code);
        assertEquals("enisim: cannot write to standard output (No space left on device)", err.toString().strip());
    }

    /** A real pipe whose reader is gone before enisim writes: the child JVM (which ignores SIGPIPE) meets EPIPE. */
    @Test
    void aRealPipeClosedByItsReader(@TempDir Path dir) throws Exception {
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "--help");
        Path err = dir.resolve("stderr.log");
        Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
        p.getInputStream().close(); // the reader is gone at once
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(141, p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
        assertEquals("", Files.readString(err, StandardCharsets.UTF_8).strip());
    }
}
