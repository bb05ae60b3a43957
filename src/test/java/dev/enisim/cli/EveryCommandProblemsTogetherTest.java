package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * explain, compare-network-models, sensitivity, validate-model and bench say every problem of their options, their
 * scenarios (workloads) and their outputs at once (exit 2), as run and compare do (RunAndCompareProblemsTogetherTest).
 * An adversarial user's review: {@code explain in/types.yaml --trace userdir} said the scenario's problems, and the
 * refusal of --trace only on the next try; the old code of each of these said one problem (or one class of them).
 */
class EveryCommandProblemsTogetherTest {

    @TempDir
    Path dir;

    private String bad;
    private String folder;

    @BeforeEach
    void files() throws Exception {
        bad = Files.writeString(dir.resolve("bad.yaml"), "name: bad\nduration: -5m\nfunctions: []\n").toString();
        folder = Files.createDirectories(dir.resolve("userdir")).toString();
    }

    private static Result together(String... args) {
        Result r = CliTest.run(args);
        assertEquals(2, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        return r;
    }

    private static void says(Result r, String... lines) {
        for (String line : lines) {
            assertTrue(r.err().contains(line), "'" + line + "' in:\n" + r.err());
        }
    }

    private static final String MAX_EVENTS = "enisim: --max-events must be a finite number of events, 1 or more, got -1";
    private static final String NEGATIVE = "bad.yaml:2: duration: a duration cannot be negative: '-5m'";

    @Test
    void explainAndCompareNetworkModels() {
        says(together("explain", bad, "--trace", folder, "--max-events", "-1"), MAX_EVENTS, NEGATIVE,
                "enisim: --trace " + folder + " is a folder; give a file name");
        says(together("compare-network-models", bad, "--html", folder, "--max-events", "-1"), MAX_EVENTS, NEGATIVE,
                "enisim: --html " + folder + " is a folder; give a file name");
    }

    @Test
    void sensitivitySaysItsSamplesWithABrokenScenario() {
        says(together("sensitivity", bad, "--metric", "enis.peak", "--samples", "0", "--max-events", "-1", "--out",
                dir.resolve("sens").toString()), "enisim: --samples must be at least 2", MAX_EVENTS, NEGATIVE);
    }

    @Test
    void validateModel() {
        says(together("validate-model", "--replications", "0", "--markdown", folder),
                "enisim: --replications must be at least 2 (for a confidence interval)",
                "enisim: --markdown " + folder + " is a folder; give a file name");
    }

    @Test
    void bench() {
        Result bench = together("bench", "nosuch", "--repeat", "0", "--forks", "0", "--json", folder,
                "--cost-model", dir.resolve("none/chart.svg").toString());
        says(bench, "enisim: --repeat must be at least 1", "enisim: --forks must be at least 1",
                "enisim: " + dir.resolve("none/chart.svg") + ": no such directory " + dir.resolve("none"),
                "enisim: no workload 'nosuch'");
        says(together("bench", bad, "--json", folder), "enisim: --json " + folder + " is a folder; give a file name",
                "duration: a duration cannot be negative: '-5m'");
    }
}
