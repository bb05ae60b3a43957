package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An SRE review: a write cut short (Ctrl-C, SIGTERM, a disk that filled while it was written) ended in one line
 * saying what failed and not what was left, so whoever read it went to look whether the report they had was still
 * there. The line now says it: the earlier report, kept as it was (a folder is replaced only once the new one is
 * whole), or, when there was none, that nothing was written.
 */
class SafeOutputCutShortTest {

    @TempDir
    Path work;

    @AfterEach
    void reopen() {
        SafeOutput.reopenAfterCleanUp();
    }

    /** A disk that fills part-way through a file (what the system says then). */
    private static void fillsUp(SafeOutput.Staging s) throws IOException {
        s.write("timeseries.csv", out -> {
            out.write(new byte[SafeOutput.BUFFER * 2]);
            throw new FileSystemException(null, null, "No space left on device");
        });
    }

    private List<String> names() throws IOException {
        try (Stream<Path> l = Files.list(work)) {
            return l.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aFullDiskSaysTheEarlierReportWasKeptAsItWas() throws Exception {
        SafeOutput.writeFolder(Path.of("out"), work, Map.of("summary.json", "{}\n".getBytes()));
        IOException e;
        try (SafeOutput.Staging s = SafeOutput.stage(Path.of("out"), work, 0)) {
            s.write("summary.json", "{\"new\": 1}\n".getBytes());
            e = assertThrows(IOException.class, () -> fillsUp(s));
        }
        assertEquals("cannot write out: No space left on device; the earlier report in out was kept as it was",
                e.getMessage());
        assertEquals("{}\n", Files.readString(work.resolve("out/summary.json")));
        assertEquals(List.of("out"), names());
    }

    @Test
    void aFullDiskWithNoEarlierReportSaysNothingWasWritten() throws Exception {
        IOException e;
        try (SafeOutput.Staging s = SafeOutput.stage(Path.of("reports/out"), work, 0)) {
            e = assertThrows(IOException.class, () -> fillsUp(s));
        }
        assertEquals("cannot write reports/out: No space left on device; nothing was written to reports/out",
                e.getMessage());
        assertEquals(List.of(), names(), "not even the folders made for it");
    }

    /** SIGINT or SIGTERM (the shutdown clean-up has run) before the folder's move into place, and before its start. */
    @Test
    void aShutdownSaysWhatItLeft() throws Exception {
        SafeOutput.writeFolder(Path.of("out"), work, Map.of("summary.json", "{}\n".getBytes()));
        IOException atCommit;
        try (SafeOutput.Staging s = SafeOutput.stage(Path.of("out"), work, 0)) {
            s.write("summary.json", "{\"new\": 1}\n".getBytes());
            SafeOutput.cleanUp();
            atCommit = assertThrows(IOException.class, s::commit);
        }
        assertEquals("cannot write out: enisim is shutting down (SIGINT or SIGTERM): nothing more is written; the"
                + " earlier report in out was kept as it was", atCommit.getMessage());
        assertEquals("{}\n", Files.readString(work.resolve("out/summary.json")));
        IOException atStart = assertThrows(IOException.class, () -> SafeOutput.stage(Path.of("fresh"), work, 0));
        assertEquals("cannot write fresh: enisim is shutting down (SIGINT or SIGTERM): nothing more is written;"
                + " nothing was written to fresh", atStart.getMessage());
        assertEquals(List.of("out"), names());
    }
}
