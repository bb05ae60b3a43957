package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import dev.enisim.experiment.Designs;
import dev.enisim.experiment.Experiment;
import dev.enisim.experiment.InProcessRunner;
import dev.enisim.experiment.PointRunner;
import dev.enisim.experiment.PointSpec;
import dev.enisim.experiment.PointTask;
import dev.enisim.experiment.SweepDesign;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep's event estimate is each point's own (an experimenter's review: the base scenario's estimate times the
 * points said "~1.08e+08 events, about 22s" of a sweep to 1,000x the traffic, which ran for hours; `--max-events`
 * never stopped a sweep whose values raised the traffic or the duration).
 */
class SweepBudgetTest {

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        // 1/s for 10 minutes: 600 arrivals, about 1,800 events a run
        return Files.writeString(dir.resolve("small.yaml"), dev.enisim.scenario.OneSubnetYaml.of("name: small\n"
                + "duration: 10m", "name: f\nduration: 100ms\narrivals: { poisson: 1/s }"));
    }

    @Test
    void aTrafficTheSweepRaisesCountsInTheEstimate() throws Exception {
        Path out = dir.resolve("sw");
        Result r = CliTest.run("sweep", scenario().toString(), "--vary", "traffic=1,1000", "--max-events", "1e5",
                "--out", out.toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("small (2 runs) would take ~1.50e+06 events"), r.err());
        assertFalse(Files.exists(out), "nothing ran, nothing written");
    }

    @Test
    void aDurationTheSweepLengthensCountsInTheEstimate() throws Exception {
        Result r = CliTest.run("sweep", scenario().toString(), "--vary", "duration=10m,1000h", "--replications",
                "2", "--max-events", "1e6", "--out", dir.resolve("sw").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("small (4 runs) would take ~1.80e+07 events"), r.err());
    }

    @Test
    void aSweepWithinTheBudgetRunsAndAPointTheScenarioRefusesCountsNothing() throws Exception {
        Result r = CliTest.run("sweep", scenario().toString(), "--vary", "traffic=1,2", "--vary",
                "functions[0].memoryMb=128,1", "--max-events", "1e4", "--out", dir.resolve("sw").toString(), "-q");
        assertEquals(1, r.code(), "a point failed (memoryMb 1), the others ran: " + r.out() + r.err());
        assertTrue(Files.exists(dir.resolve("sw/sweep.csv")), r.err());
    }

    /**
     * A resumed sweep is estimated by the points it still has to run (it was estimated whole: a sweep whose big point
     * was done before the interruption was refused on resuming by the budget it had passed).
     */
    @Test
    void aResumedSweepIsEstimatedByThePointsLeftToRun() throws Exception {
        Path f = scenario();
        Path out = dir.resolve("sw");
        List<String> vary = List.of("traffic=1000,1");
        // the experiment as the command builds it: the default metrics, and the failure metrics every sweep measures
        PointSpec spec = PointSpec.of(ScenarioLoader.readTree(f), f.toString(), dev.enisim.experiment.Sweep.measured(
                List.of("invocations.succeeded", "invocations.invokeErrors", "functionsFailed",
                        "invocations.throttled", "enis.peak", "latencyMillis.p99")), 1);
        // interrupted once the first point (the 1,000x one, ~1.8e6 events) is done
        PointRunner dying = new PointRunner() {
            @Override
            public void run(PointSpec s, List<PointTask> tasks, Consumer<String> sink) {
                int[] n = {0};
                new InProcessRunner(1).run(s, tasks, line -> {
                    if (n[0]++ == 1) {
                        throw new IllegalStateException("killed");
                    }
                    sink.accept(line);
                });
            }

            @Override
            public String describe() {
                return "dying";
            }
        };
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> Experiment.run(spec,
                SweepDesign.of(vary, Designs.Kind.GRID, 0, 0).points(), dying, Experiment.progressFile(out),
                line -> { }));

        Result r = CliTest.run("sweep", f.toString(), "--vary", vary.get(0), "--max-events", "1e5", "--out",
                out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("resuming: 1 of 2 points already done"), r.err());
        assertTrue(Files.exists(out.resolve("sweep.csv")), r.err());

        // a fresh run of the same sweep is still estimated whole, and refused
        Result fresh = CliTest.run("sweep", f.toString(), "--vary", vary.get(0), "--max-events", "1e5", "--out",
                dir.resolve("again").toString());
        assertEquals(2, fresh.code(), fresh.out() + fresh.err());
        assertTrue(fresh.err().contains("small (2 runs) would take ~1.50e+06 events"), fresh.err());
    }
}
