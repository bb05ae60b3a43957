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

    /**
     * The clean-up waits for a write under way, then removes everything it made: a write is held open (a step of
     * SafeOutput's, as a file being written is), the clean-up started beside it does not finish while it is held,
     * and finishes once it ends; the write held open completed, and nothing is left.
     */
    @Test
    void theCleanUpWaitsForTheWriteUnderWay() throws Exception {
        try (SafeOutput.Staging s = SafeOutput.stage(Path.of("out"), dir)) {
            CountDownLatch writing = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            java.util.concurrent.atomic.AtomicReference<Throwable> failed = new java.util.concurrent.atomic.AtomicReference<>();
            Thread writer = new Thread(() -> {
                try {
                    s.write("report.html", bytes("<html>"));
                    SafeOutput.guarded(() -> { // a write under way, held until released
                        writing.countDown();
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            throw new IOException(e);
                        }
                        return null;
                    });
                } catch (Throwable e) {
                    failed.set(e);
                }
            });
            writer.setDaemon(true); // a failing assertion below must not leave the JVM waiting for it
            writer.start();
            CountDownLatch cleaned = new CountDownLatch(1);
            try {
                assertTrue(writing.await(60, TimeUnit.SECONDS), "the write is under way");
                Thread hook = new Thread(() -> {
                    SafeOutput.cleanUp();
                    cleaned.countDown();
                });
                hook.setDaemon(true);
                hook.start();
                assertFalse(cleaned.await(300, TimeUnit.MILLISECONDS), "the clean-up waits while a write is under way");
                assertEquals(1, entries().size(), "nothing removed yet: " + entries());
            } finally {
                release.countDown();
            }
            assertTrue(cleaned.await(60, TimeUnit.SECONDS), "the clean-up finished once the write ended");
            writer.join(60_000);
            assertEquals(null, failed.get(), "the write held open completed");
            assertEquals(List.of(), entries(), "no temporary folder left");
            assertThrows(IOException.class, () -> s.write("late.txt", bytes("x")), "no write after the clean-up");
        }
    }
}
