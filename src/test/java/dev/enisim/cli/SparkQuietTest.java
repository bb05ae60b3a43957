package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep on embedded Spark shows enisim's progress and result only, as the README's command runs it (a JVM of its
 * own: Spark decides its logging once per JVM): Spark's and Hadoop's own lines ("Using Spark's default log4j
 * profile", WARN lines of Utils and NativeCodeLoader, shutdown lines) were printed among them. Spark's lines show
 * when asked for, with Spark's own setting, spark.log.level.
 */
class SparkQuietTest {

    @TempDir
    Path dir;

    private record Child(int code, String out, String err) {
    }

    /** enisim in a JVM of its own, with the test JVM's class path (Spark's jars) and Spark's --add-opens. */
    private static Child enisim(List<String> jvmOptions, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData"));
        for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (a.startsWith("--add-opens") || a.startsWith("-Dio.netty") || a.startsWith("-Djdk.reflect")) {
                cmd.add(a);
            }
        }
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).start();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getErrorStream().readAllBytes();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Child(p.waitFor(), out, new String(err.get(), StandardCharsets.UTF_8));
    }

    @Test
    void aSparkSweepShowsOnlyEnisimsLinesUnlessSparksAreAskedFor() throws Exception {
        Path f = EngineEquivalenceTest.scenario(dir);
        String[] sweep = {"sweep", f.toString(), "--vary", "traffic=1,2", "--metric", "enis.peak"};
        Path local = dir.resolve("in-process");
        Result a = CliTest.run(EngineEquivalenceTest.concat(sweep, "--out", local.toString()));
        assertEquals(0, a.code(), a.err());

        Path quiet = dir.resolve("spark");
        Child b = enisim(List.of(), EngineEquivalenceTest.concat(sweep, "--out", quiet.toString(), "--engine", "spark",
                "--spark-master", "local[1]"));
        assertEquals(0, b.code(), b.err());
        assertEquals(a.out().replace(local.toString(), "DIR"), b.out().replace(quiet.toString(), "DIR"),
                "the result as in-process, nothing else on stdout");
        List<String> lines = b.err().lines().toList();
        assertEquals("  2 points to run (spark local[1], 1 slot)", lines.get(0), b.err());
        for (String line : lines.subList(1, lines.size())) {
            assertTrue(line.matches("  [12] of 2 points done, 0 could not run, .*"), "only enisim's progress lines: " + b.err());
        }
        EngineEquivalenceTest.assertSameFiles(local, quiet);

        // asked for (Spark's setting, -Dspark.log.level or spark-submit's --conf): Spark's own lines, from the start
        Path asked = dir.resolve("asked");
        Child c = enisim(List.of("-Dspark.log.level=INFO"), EngineEquivalenceTest.concat(sweep, "--out",
                asked.toString(), "--engine", "spark", "--spark-master", "local[1]", "-q"));
        assertEquals(0, c.code(), c.err());
        assertTrue(c.err().contains(" INFO SparkContext: Running Spark version "), c.err());
        assertEquals(b.out().replace(quiet.toString(), "DIR"), c.out().replace(asked.toString(), "DIR"));
        assertTrue(Files.isRegularFile(asked.resolve("sweep.csv")));
    }
}
