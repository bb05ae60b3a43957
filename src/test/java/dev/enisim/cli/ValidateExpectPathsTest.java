package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate said ok to an expect block naming a metric no run has; check failed on it after the whole run (then, from
 * pass 61, refused it before any run, and validate does too).
 */
class ValidateExpectPathsTest {

    @TempDir
    Path dir;

    @Test
    void aMisspeltExpectMetricIsRefusedWithTheClosestPaths() throws Exception {
        Path f = Files.writeString(dir.resolve("small.yaml"), CheckCommandTest.SMALL + "expect:\n"
                + "  - \"enis.peek == 1\"\n  - \"enis.peak == 1\"\n  - \"teardowns[0].waitSeconds < 60\"\n"
                + "  - \"functions.api.latencyMillis.p99 < 500\"\n");
        CliTest.Result r = CliTest.run("validate", f.toString());
        assertEquals(2, r.code(), "check refuses it before any run, and so does validate: " + r.err());
        assertTrue(r.err().contains(f + ":14: expect[0]: unknown metric 'enis.peek' (did you mean: enis.peak"),
                r.err());
        assertFalse(r.err().contains("warning:"), r.err());
        assertFalse(r.err().contains("expect[1]") || r.err().contains("expect[2]") || r.err().contains("expect[3]"),
                "known paths, and a list element only a longer run may have: " + r.err());
    }

    @Test
    void everyCommittedScenariosExpectBlockValidatesWithoutAWarning() throws Exception {
        try (var files = Files.list(Path.of("scenarios"))) {
            String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("validate"), files
                    .map(Path::toString).filter(n -> n.endsWith(".yaml")).sorted()).toArray(String[]::new);
            CliTest.Result r = CliTest.run(args);
            assertEquals(0, r.code(), r.err());
            assertFalse(r.err().contains("expect["), r.err());
        }
    }
}
