package dev.enisim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code enisim bench} interrupted: README promises "Interrupted (Ctrl-C, SIGTERM), enisim removes its temporary
 * folder". Until the sixtieth pass a SIGTERM ended the bench (exit 143) but left its forked JVM ({@code ... Main
 * bench --no-fork}) measuring on and its {@code enisim-bench-PID-...} folder behind (r2's item 6).
 */
class BenchInterruptedTest {

    /**
     * A real bench in a JVM of its own, its temporary folder in a folder of this test's ({@code java.io.tmpdir},
     * passed on to the fork too), sent SIGTERM ({@link Process#destroy}) while its fork measures: the fork is
     * stopped and the folder removed.
     */
    @Test
    void sigtermStopsTheForkAndRemovesTheTemporaryFolder(@TempDir Path dir) throws Exception {
        Path tmp = Files.createDirectory(dir.resolve("tmp"));
        Path scenario = dir.resolve("tiny.yaml");
        Files.writeString(scenario, BenchTest.TINY_LOSS);
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.io.tmpdir=" + tmp, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "bench", "--repeat", "200", "--no-references", "--json",
                dir.resolve("b.json").toString(), "--set", "duration=200000s", scenario.toString());
        Path err = dir.resolve("stderr.log");
        Process bench = new ProcessBuilder(cmd).redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        ProcessHandle fork = null;
        try {
            fork = forkOf(bench);
            assertTrue(fork != null, "the bench started no fork within 120 s: " + read(err));
            assertEquals(1, entries(tmp).size(), "the fork's temporary folder is made before it starts");
            bench.destroy(); // SIGTERM
            assertTrue(bench.waitFor(60, TimeUnit.SECONDS), "the bench ended on SIGTERM");
            assertEquals(143, bench.exitValue(), read(err));
            assertTrue(gone(fork), "the forked JVM (pid " + fork.pid() + ") is stopped with the bench");
            assertEquals(List.of(), entries(tmp), "the bench's temporary folder is removed");
        } finally {
            bench.destroyForcibly();
            if (fork != null) {
                fork.destroyForcibly();
            }
        }
    }

    /** The temporary folder goes with what it holds; a link in it is removed as a link, what it leads to kept. */
    @Test
    void removingTheTemporaryFolderNeverFollowsALinkOutOfIt(@TempDir Path dir) throws Exception {
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Path kept = Files.writeString(outside.resolve("kept.txt"), "not the bench's");
        Path tmp = ForkedJvm.temporaryFolder("enisim-bench-test-");
        try {
            Files.writeString(tmp.resolve("bench.json"), "{}");
            Files.createSymbolicLink(tmp.resolve("link-to-folder"), outside);
            Files.createSymbolicLink(tmp.resolve("link-to-file"), kept);
            Files.createDirectory(tmp.resolve("sub"));
            Files.createSymbolicLink(tmp.resolve("sub").resolve("link"), outside);
        } finally {
            ForkedJvm.removeFolder(tmp);
        }
        assertFalse(Files.exists(tmp), "the folder and what it held are removed");
        assertEquals("not the bench's", Files.readString(kept), "what a link leads to is kept");
        assertEquals(1, entries(outside).size());
        ForkedJvm.removeFolder(tmp); // removed already: nothing to do, no failure
    }

    /** The bench's fork once it runs (its one child: the bench starts no other process), or null. */
    private static ProcessHandle forkOf(Process bench) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline && bench.isAlive()) {
            Optional<ProcessHandle> fork = bench.children().findFirst();
            if (fork.isPresent()) {
                return fork.get();
            }
            Thread.sleep(50);
        }
        return null;
    }

    /** Whether {@code p} has ended, or ends within 10 s (a process gone is not reaped at once). */
    private static boolean gone(ProcessHandle p) throws InterruptedException {
        for (int i = 0; i < 200 && p.isAlive(); i++) {
            Thread.sleep(50);
        }
        return !p.isAlive();
    }

    private static List<Path> entries(Path folder) throws java.io.IOException {
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    private static String read(Path file) throws java.io.IOException {
        return Files.readString(file, StandardCharsets.UTF_8);
    }
}
