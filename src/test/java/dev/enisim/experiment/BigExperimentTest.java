package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data engineer's review of big experiments: a trace on a Spark executor, a point whose run throws, two copies of
 * one experiment, a resume by another spelling of the scenario's path, and an engine that stops with none done.
 */
class BigExperimentTest {

    @TempDir
    Path dir;

    private static final String SCENARIO = """
            name: traced
            duration: 30m
            vpcs: [{id: vpc-t, securityGroups: [sg-t], subnets: [{id: subnet-t, cidr: 10.9.0.0/24, az: a}]}]
            functions:
              - {name: job, duration: 200ms, arrivals: {trace: {file: counts.csv, format: counts, interval: 5m}},
                 vpcConfig: {subnetIds: [subnet-t], securityGroupIds: [sg-t]}}
            """;

    /**
     * A scenario with a trace failed every point on a Spark cluster ("trace file not found", the executor's working
     * folder): the driver now reads the trace into the spec, and a point runs where the file is not.
     */
    @Test
    void aPointRunsFromTheTraceTheSpecCarriesWhereTheFileIsNot() throws Exception {
        Path yaml = dir.resolve("traced.yaml");
        Files.writeString(yaml, SCENARIO);
        Path csv = dir.resolve("counts.csv");
        Files.writeString(csv, "seconds,count\n0,30\n300,90\n600,10\n");
        JsonNode tree = ScenarioLoader.readTree(yaml);
        PointSpec spec = PointSpec.of(tree, yaml.toString(), List.of("invocations.total"), 1);
        Map<String, String> values = Map.of("traffic", "2");
        String here = PointTask.of(0, values).run(spec, tree);
        PointSpec shipped = spec.withTraces();
        assertEquals(Map.of("counts.csv", Files.readString(csv)), shipped.traces());
        Files.delete(csv); // an executor's disk: no copy of it
        assertTrue(PointTask.of(0, values).run(spec, tree).contains("trace file not found"), "read from the disk");
        String there = PointTask.of(0, values).run(shipped, shipped.tree());
        assertEquals(here, there, "the same point, from the trace the spec carries");
        assertTrue(PointCodec.decode(there).point().metrics().get("invocations.total").mean() > 0, there);
    }

    /** The Spark engine sends the traces' text with the points: its tasks see it in their spec. */
    @Test
    void sparkTasksGetTheTracesText() throws Exception {
        Path yaml = dir.resolve("traced.yaml");
        Files.writeString(yaml, SCENARIO);
        Files.writeString(dir.resolve("counts.csv"), "0,30\n");
        PointSpec spec = PointSpec.of(ScenarioLoader.readTree(yaml), yaml.toString(), List.of("m"), 1);
        List<String> seen = new ArrayList<>();
        try (SparkRunner spark = new SparkRunner("local[1]", 1, (task, s, tree) -> s.traces().toString())) {
            spark.run(spec, List.of(PointTask.of(0, Map.of("traffic", "1"))), seen::add);
        }
        assertEquals(List.of("{counts.csv=0,30\n}"), seen);
    }

    /**
     * One point whose run throws ended the whole study (exit 3, every resume hit it again): it is that point's
     * failure, said, and the other points run.
     */
    @Test
    void aRunThatThrowsIsThatPointsFailure() throws Exception {
        JsonNode tree = ScenarioLoader.readTree(Path.of("scenarios/quickstart.yaml"));
        Sweep.Point p = Sweep.point(tree, "quickstart.yaml", Map.of("duration", "1m"), List.of("enis.peak"), 0);
        assertTrue(p.problem().startsWith("the run failed: IllegalArgumentException: replications must be >= 1: 0"),
                p.problem());
        assertTrue(p.problem().contains("an enisim defect"), p.problem());
    }

    /** The resume was refused as another experiment when the same scenario was named by another path. */
    @Test
    void theSameScenarioByAnotherSpellingIsTheSameExperiment() throws Exception {
        JsonNode tree = ScenarioLoader.readTree(Path.of("scenarios/quickstart.yaml"));
        List<Map<String, String>> design = List.of(Map.of("traffic", "1"));
        String relative = Experiment.id(PointSpec.of(tree, "scenarios/quickstart.yaml", List.of("m"), 1), design);
        String absolute = Experiment.id(PointSpec.of(tree, Path.of("scenarios/../scenarios/quickstart.yaml")
                .toAbsolutePath().toString(), List.of("m"), 1), design);
        assertEquals(relative, absolute);
        assertFalse(relative.equals(Experiment.id(PointSpec.of(tree, "scenarios/diurnal-week.yaml", List.of("m"), 1),
                design)), "another file is another experiment");
    }

    /** {@code n} points varying x over 0, 1, ... (ProgressTrustTest's too). */
    static List<Map<String, String>> design(int n) {
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("x", Integer.toString(i));
            out.add(p);
        }
        return out;
    }

    /** Hands back {@code done} points, then stops as Spark does when it gives up. */
    private record Stopping(int done) implements PointRunner {
        @Override
        public void run(PointSpec spec, List<PointTask> tasks, Consumer<String> sink) {
            for (int i = 0; i < done; i++) {
                sink.accept(ExperimentRunTest.line(tasks.get(i)));
            }
            throw new EngineStopped("Spark stopped before every point was back");
        }

        @Override
        public String describe() {
            return "stopping";
        }
    }

    private static final PointSpec SPEC = new PointSpec("{}", "made-up", List.of("m"), 1);

    /**
     * An unreachable Spark master said "the points done so far are kept" with none done, and left a header-only
     * progress file: what is kept is counted.
     */
    @Test
    void anEngineThatStopsSaysWhatIsKept() throws Exception {
        Path progress = dir.resolve(".out.progress.jsonl");
        ExperimentException none = assertThrows(ExperimentException.class, () -> Experiment.run(SPEC, design(3),
                new Stopping(0), progress, line -> { }));
        assertTrue(none.getMessage().endsWith("; no point was done, nothing is left behind"), none.getMessage());
        assertFalse(Files.exists(progress), "no header-only progress file left");
        ExperimentException some = assertThrows(ExperimentException.class, () -> Experiment.run(SPEC, design(3),
                new Stopping(1), progress, line -> { }));
        assertTrue(some.getMessage().endsWith("; the 1 of 3 points done are kept in " + progress + ": run the same"
                + " command again to resume"), some.getMessage());
        assertEquals(1, Experiment.kept(progress));
        assertFalse(Files.exists(ProgressLock.of(progress)), "the lock is given up");
    }

    /**
     * Two copies of one experiment ran at once, both running the points left: a second copy is refused while the
     * first holds the lock; a lock left by a process that is gone is taken over, with a note.
     */
    @Test
    void aSecondCopyIsRefusedAndAStaleLockTakenOver() throws Exception {
        Path progress = dir.resolve(".out.progress.jsonl");
        Path lock = ProgressLock.of(progress);
        assertEquals(dir.resolve(".out.progress.lock"), lock);
        Files.writeString(lock, ProgressLock.self() + "\n"); // a live process: this one
        ExperimentException refused = assertThrows(ExperimentException.class, () -> Experiment.run(SPEC, design(2),
                new Stopping(2), progress, line -> { }));
        assertTrue(refused.getMessage().startsWith("another enisim (process " + ProcessHandle.current().pid()
                + " on ") && refused.getMessage().contains("its lock file " + lock), refused.getMessage());
        assertFalse(Files.exists(progress), "nothing run");
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        String host = ProgressLock.self().substring(ProgressLock.self().indexOf('@') + 1);
        Files.writeString(lock, gone.pid() + "@" + host + "\n");
        List<String> notes = new ArrayList<>();
        List<Sweep.Point> points = Experiment.run(SPEC, design(2), new ExperimentRunTest.Engine(), progress,
                line -> { }, notes::add);
        assertEquals(2, points.size());
        assertEquals(List.of("the lock file " + lock + " was left by process " + gone.pid() + " on " + host
                + ", which no longer runs: taken over"), notes);
        assertFalse(Files.exists(lock), "given up at the end");
        Files.writeString(lock, "12@another-host\n");
        ExperimentException elsewhere = assertThrows(ExperimentException.class, () -> Experiment.run(SPEC,
                design(3), new ExperimentRunTest.Engine(), progress, line -> { }));
        assertTrue(elsewhere.getMessage().contains("process 12 on another-host"), elsewhere.getMessage());
    }
}
