package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refusal of too many events names what makes them many. An adversarial review: {@code compare tiny.yaml tiny.yaml
 * --replications 1000000000} said "shorten its duration or lower its rates" of a scenario whose one run is small: the
 * old code never named --replications (nor a sweep's points, a sensitivity run's samples).
 */
class BudgetFewerRunsTest {

    @TempDir
    Path dir;

    /** 10 arrivals a second for an hour: ~9.00e+04 events a run. */
    private String mix;

    @BeforeEach
    void scenario() throws Exception {
        mix = Files.writeString(dir.resolve("mix.yaml"), BudgetEventSharesTest.scenario("1h", "1m",
                List.of("hot", "warm"), List.of("6", "4"))).toString();
    }

    private static Result refused(String... args) {
        Result r = CliTest.run(args);
        assertEquals(2, r.code(), r.out() + r.err());
        return r;
    }

    @Test
    void replicationsAloneAreNamedWhenOneRunFits() {
        Result compare = refused("compare", mix, mix, "--replications", "1000000000");
        assertTrue(compare.err().contains("the comparison would take ~1.80e+14 events"), compare.err());
        assertTrue(compare.err().contains("; continue with --yes, or give fewer --replications (2,000,000,000 runs of"
                + " ~9.00e+04 events each)"), compare.err());
        assertFalse(compare.err().contains("shorten"), compare.err());
        Result run = refused("run", mix, "--out", dir.resolve("out").toString(), "--max-events", "1e5",
                "--replications", "3");
        assertTrue(run.err().contains("mix (3 runs) would take ~2.70e+05 events"), run.err());
        assertTrue(run.err().contains("; continue with --yes, or give fewer --replications (3 runs of ~9.00e+04 events"
                + " each)"), run.err());
        assertFalse(run.err().contains("rates"), "the traffic is not what to cut: " + run.err());
        Result check = refused("check", mix, "--max-events", "1e5", "--replications", "3");
        assertTrue(check.err().contains("give fewer --replications (3 runs of ~9.00e+04 events each)"), check.err());
    }

    @Test
    void bothAreNamedWhenOneRunIsTooLargeItself() {
        Result run = refused("run", mix, "--out", dir.resolve("out").toString(), "--max-events", "1000",
                "--replications", "3");
        assertTrue(run.err().contains("; continue with --yes, or shorten its duration or lower its rates, and give fewer"
                + " --replications (3 runs) (mix's events come from the traffic of its 2 functions, hot (60%),"
                + " warm (40%))"), run.err());
        Result one = refused("run", mix, "--out", dir.resolve("out").toString(), "--max-events", "1000");
        assertTrue(one.err().contains("; continue with --yes, or shorten its duration or lower its rates (its events"
                + " come from"), "one run: as before: " + one.err());
        Result models = refused("compare-network-models", mix, "--max-events", "1e5");
        assertTrue(models.err().contains("or shorten its duration or lower its rates ("), models.err());
        assertFalse(models.err().contains("--replications"), "it has none: " + models.err());
    }

    @Test
    void aSweepNamesItsPointsAndASensitivityRunItsSamples() {
        Result grid = refused("sweep", mix, "--vary", "functions[hot].memoryMb=128,256,512", "--max-events", "1e5",
                "--out", dir.resolve("sweep").toString());
        assertTrue(grid.err().contains("mix (3 runs) would take"), grid.err());
        assertTrue(grid.err().contains("give fewer --vary values (3 runs of ~9.00e+04 events each)"), grid.err());
        Result lhs = refused("sweep", mix, "--vary", "functions[hot].memoryMb=128..1024", "--design", "lhs",
                "--points", "4", "--replications", "2", "--max-events", "1e5", "--out", dir.resolve("lhs").toString());
        assertTrue(lhs.err().contains("give fewer --points or --replications (8 runs of ~9.00e+04 events each)"),
                lhs.err());
        Result sensitivity = refused("sensitivity", mix, "--metric", "invocations.total", "--vary",
                "functions[hot].memoryMb=128..1024", "--samples", "4", "--max-events", "1e5", "--out",
                dir.resolve("sens").toString());
        assertTrue(sensitivity.err().contains("give fewer --samples (8 runs of ~9.00e+04 events each)"),
                sensitivity.err());
    }
}
