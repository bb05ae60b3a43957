package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Spark is a provided dependency: a plain {@code java -jar} must never load it. Only SparkRunner imports it, and
 * nothing names SparkRunner but PointRunners, which loads it by name after checking that Spark is there.
 */
class SparkConfinementTest {

    @Test
    void onlySparkRunnerImportsSparkAndOnlyPointRunnersLoadsIt() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/java/dev/enisim"))) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".java")).toList();
            List<String> importing = all.stream().filter(p -> read(p).contains("import org.apache.spark"))
                    .map(p -> p.getFileName().toString()).toList();
            assertEquals(List.of("SparkRunner.java"), importing);
            List<String> naming = all.stream().filter(p -> !p.getFileName().toString().equals("SparkRunner.java"))
                    .filter(p -> read(p).contains("SparkRunner")).map(p -> p.getFileName().toString()).sorted()
                    .toList();
            assertEquals(List.of("PointRunner.java", "PointRunners.java", "package-info.java"), naming,
                    "PointRunner and package-info only in their documentation");
            assertEquals(true, read(Path.of("src/main/java/dev/enisim/experiment/PointRunners.java"))
                    .contains("Class.forName(\"dev.enisim.experiment.SparkRunner\")"));
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
