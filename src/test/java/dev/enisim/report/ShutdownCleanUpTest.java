package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shutdown hook's clean-up ({@link SafeOutput#cleanUp}) against a report still being written by the main
 * thread, which goes on running while the JVM shuts down: the interleavings that left a {@code .out.tmp-PID-N}
 * behind in {@code OutputSafetyTest.aTerminatedRunLeavesNoTemporaryFolder} now and then, made deterministic.
 */
class ShutdownCleanUpTest {

    @TempDir
    Path dir;

    @AfterEach
    void reopen() {
        SafeOutput.reopenAfterCleanUp();
    }

    private List<String> entries() throws IOException {
        try (Stream<Path> l = Files.list(dir)) {
            return l.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A file written after the clean-up used to recreate the removed temporary folder (createDirectories). */
    @Test
    void aWriteAfterTheCleanUpFailsAndRecreatesNothing() throws Exception {
        try (SafeOutput.Staging s = SafeOutput.stage(Path.of("out"), dir)) {
            s.write("summary.json", bytes("{}"));
            assertEquals(1, entries().size(), "the temporary folder: " + entries());
            SafeOutput.cleanUp();
            assertEquals(List.of(), entries());
            assertThrows(IOException.class, () -> s.write("charts/concurrency.png", bytes("png")));
            assertEquals(List.of(), entries(), "nothing written after the clean-up");
            assertThrows(IOException.class, s::commit);
            assertEquals(List.of(), entries());
        }
        assertThrows(IOException.class, () -> SafeOutput.writeFile(Path.of("bench.json"), dir, null, bytes("{}")));
        assertEquals(List.of(), entries());
    }

    /** The clean-up waits for a write under way, then removes everything it made. */
    @Test
    void theCleanUpWaitsForTheWriteUnderWay() throws Exception {
        try (SafeOutput.Staging s = SafeOutput.stage(Path.of("out"), dir)) {
            CountDownLatch cleaned = new CountDownLatch(1);
            Thread hook = new Thread(() -> {
                SafeOutput.cleanUp();
                cleaned.countDown();
            });
            // a big file, so that the hook starts while it is being written (or just before: both must end clean)
            byte[] big = new byte[64 << 20];
            Thread writer = new Thread(() -> {
                try {
                    s.write("report.html", big);
                    s.write("charts/a.png", bytes("png"));
                } catch (IOException e) {
                    // expected once the clean-up has run
                }
            });
            writer.start();
            hook.start();
            assertTrue(cleaned.await(60, TimeUnit.SECONDS), "the clean-up finished");
            writer.join(60_000);
            assertFalse(writer.isAlive());
            assertEquals(List.of(), entries(), "no temporary folder left, whichever ran first");
        }
    }
}
