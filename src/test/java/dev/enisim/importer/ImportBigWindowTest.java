package dev.enisim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.Main;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long CloudWatch window makes a scenario over the size a YAML scenario may have (a reviewer's 600 functions and
 * seven days of five-minute data: 49 MiB): the import says so, with the ways out, and writes nothing (exit 2), where
 * it crashed with SnakeYAML's code-point limit as an internal error (exit 1). The limit is lowered to 1 MiB with
 * ENISIM_MAX_YAML_MB in real processes (the variable is read from the environment), so the files stay small.
 */
class ImportBigWindowTest {

    @TempDir
    Path dir;

    private record Ran(int code, String out, String err) {
    }

    /** enisim in a process of its own, with ENISIM_MAX_YAML_MB set to {@code limitMib}. */
    private Ran enisim(String limitMib, List<String> args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile())
                .redirectError(dir.resolve("stderr.log").toFile()).redirectOutput(dir.resolve("stdout.log").toFile());
        pb.environment().put("ENISIM_MAX_YAML_MB", limitMib);
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("enisim " + args + " did not end in 120 s");
        }
        return new Ran(p.exitValue(), Files.readString(dir.resolve("stdout.log"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("stderr.log"), StandardCharsets.UTF_8));
    }

    @Test
    void aScenarioOverTheYamlLimitIsRefusedWithItsSizeAndTheWaysOutAndNothingWritten() throws Exception {
        // 20 functions, a day of one-minute periods: about 1.6 MiB of phases
        ImportBigAccountFiles files = new ImportBigAccountFiles(dir, 20, 1440, List.of(), null);
        Path out = dir.resolve("big.yaml");
        Ran refused = enisim("1", files.args(out));
        assertEquals(2, refused.code(), refused.err());
        assertFalse(refused.err().contains("internal error") || refused.err().contains("Exception"), refused.err());
        assertTrue(refused.err().matches("(?s)enisim: -o " + java.util.regex.Pattern.quote(out.toString())
                + ": the generated scenario is 1\\.\\d MiB, above the 1\\.0 MiB limit for YAML scenarios"
                + " \\(ENISIM_MAX_YAML_MB=1\\); nothing was written\\. Ways out: --resample 1h \\(or longer\\) sums"
                + " the CloudWatch periods into hourly ones.*; or ENISIM_MAX_YAML_MB=2 \\(or more\\) raises the limit,"
                + " for this import and for every command that reads the file.*512 MiB.*\n"), refused.err());
        assertFalse(Files.exists(out), "nothing written");
        try (var left = Files.list(dir)) {
            assertEquals(List.of(), left.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("big")
                    || n.startsWith(".big")).toList(), "no temporary file left");
        }

        // the ways out work: hourly periods fit the same limit, and the variable it names admits the file
        List<String> hourly = new ArrayList<>(files.args(out));
        hourly.addAll(List.of("--resample", "1h"));
        Ran resampled = enisim("1", hourly);
        assertEquals(0, resampled.code(), resampled.err());
        Ran raised = enisim("2", files.args(out));
        assertEquals(0, raised.code(), raised.err());
        long size = Files.size(out);
        assertTrue(size > 1 << 20 && size <= 2 << 20, "between the two limits: " + size);

        // the import's limit is the loader's: the file it wrote under 2 MiB loads under 2 MiB, not under 1 MiB
        assertEquals(0, enisim("2", List.of("validate", out.toString())).code());
        Ran tooBig = enisim("1", List.of("validate", out.toString()));
        assertEquals(2, tooBig.code(), tooBig.err());
        assertTrue(tooBig.err().contains("above the 1.0 MiB limit for YAML scenarios"), tooBig.err());
    }
}
