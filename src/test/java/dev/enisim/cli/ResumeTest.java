package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import dev.enisim.experiment.Designs;
import dev.enisim.experiment.EnisimBuild;
import dev.enisim.experiment.Experiment;
import dev.enisim.experiment.InProcessRunner;
import dev.enisim.experiment.PointRunner;
import dev.enisim.experiment.PointSpec;
import dev.enisim.experiment.PointTask;
import dev.enisim.experiment.SweepDesign;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A sweep killed part-way and run again resumes, and ends with the files of an uninterrupted run. */
class ResumeTest {

    @TempDir
    Path dir;

    /** Dies (as a kill would) once {@code limit} results are back. */
    private record DyingRunner(int limit) implements PointRunner {
        @Override
        public void run(PointSpec spec, List<PointTask> tasks, Consumer<String> sink) {
            int[] n = {0};
            new InProcessRunner(1).run(spec, tasks, line -> {
                if (n[0]++ == limit) {
                    throw new IllegalStateException("killed");
                }
                sink.accept(line);
            });
        }

        @Override
        public String describe() {
            return "dying";
        }
    }

    @Test
    void aResumedSweepRunsOnlyTheMissingPointsAndWritesTheSameFiles() throws Exception {
        Path f = EngineEquivalenceTest.scenario(dir);
        List<String> vary = List.of("hyperplane.eniCreateTime.median=20s..3m", "traffic=0.5..2");
        String[] args = {"sweep", f.toString(), "--design", "sobol", "--points", "6", "--vary", vary.get(0),
            "--vary", vary.get(1), "--metric", "enis.peak", "--metric", "invocations.succeeded"};
        Path whole = dir.resolve("whole");
        Result a = CliTest.run(EngineEquivalenceTest.concat(args, "--out", whole.toString(), "-q"));
        assertEquals(0, a.code(), a.err());

        // an interrupted run of the same experiment: 3 points done, then a torn line where the kill struck
        Path resumed = dir.resolve("resumed");
        Path progress = Experiment.progressFile(resumed);
        PointSpec spec = PointSpec.of(ScenarioLoader.readTree(f), f.toString(), dev.enisim.experiment.Sweep.measured(
                List.of("enis.peak", "invocations.succeeded")), 1);
        SweepDesign design = SweepDesign.of(vary, Designs.Kind.SOBOL, 6, 1);
        assertThrows(IllegalStateException.class, () -> Experiment.run(spec, design.points(), new DyingRunner(3),
                progress, line -> { }));
        assertEquals(1 + 3, Files.readAllLines(progress).size(), "the header and the three points done");
        Files.writeString(progress, "{\"i\":4,\"values\":{\"hyper", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Result b = CliTest.run(EngineEquivalenceTest.concat(args, "--out", resumed.toString()));
        assertEquals(0, b.code(), b.err());
        assertTrue(b.err().contains("resuming: 3 of 6 points already done"), b.err());
        assertTrue(b.err().contains("3 points to run"), b.err());
        assertTrue(b.err().contains("6 of 6 points done, 0 could not run"), b.err());
        EngineEquivalenceTest.assertSameFiles(whole, resumed);
        assertTrue(!Files.exists(progress), "the progress file goes once the outputs are written");
    }

    /**
     * Points computed by another enisim (another version or build: another model, maybe other results) are not mixed
     * with this one's: the resume is refused, one line, naming the file and both enisims and how to start afresh; the
     * progress file is left as it was. The fingerprint named the experiment only, so they were mixed (a review).
     */
    @Test
    void aResumeOfAnotherEnisimsPointsIsRefused() throws Exception {
        Path f = EngineEquivalenceTest.scenario(dir);
        List<String> vary = List.of("hyperplane.eniCreateTime.median=20s..3m", "traffic=0.5..2");
        String[] args = {"sweep", f.toString(), "--design", "sobol", "--points", "4", "--vary", vary.get(0),
            "--vary", vary.get(1), "--metric", "enis.peak", "--set", "duration=3m"};
        Path out = dir.resolve("out");
        Path progress = Experiment.progressFile(out);
        PointSpec spec = PointSpec.of(dev.enisim.scenario.Overrides.apply(ScenarioLoader.readTree(f),
                List.of("duration=3m"), f.toString()), f.toString(), dev.enisim.experiment.Sweep.measured(
                List.of("enis.peak")), 1);
        SweepDesign design = SweepDesign.of(vary, Designs.Kind.SOBOL, 4, 1);
        assertThrows(IllegalStateException.class, () -> Experiment.run(spec, design.points(), new DyingRunner(2),
                progress, line -> { }));
        List<String> lines = Files.readAllLines(progress);
        EnisimBuild here = EnisimBuild.current();
        assertEquals(3, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith(",\"enisim\":\"" + here.version() + "\",\"build\":\"" + here.build()
                + "\"}"), "the header names the enisim: " + lines.get(0));
        String experiment = lines.get(0).substring(0, lines.get(0).indexOf(",\"enisim\""));

        // another version (or build) of enisim
        String older = experiment + ",\"enisim\":\"0.0.9\",\"build\":\"0123456789ab\"}";
        Files.writeString(progress, older + "\n" + lines.get(1) + "\n" + lines.get(2) + "\n");
        String before = Files.readString(progress);
        Result r = CliTest.run(EngineEquivalenceTest.concat(args, "--out", out.toString()));
        assertEquals(2, r.code(), r.err());
        assertEquals("enisim: the progress file " + progress + " holds 2 points of this experiment computed by enisim"
                + " 0.0.9 (build 0123456789ab), not by this enisim " + here + ": resuming would mix two models'"
                + " results; delete it to start afresh (every point runs again), or finish the run with that enisim",
                r.err().strip());
        assertEquals(before, Files.readString(progress), "left as it was");
        assertTrue(!Files.exists(out));

        // a progress file from before they named their enisim (the session's start jar wrote this header)
        Files.writeString(progress, experiment + "}\n" + lines.get(1) + "\n" + lines.get(2) + "\n");
        Result old = CliTest.run(EngineEquivalenceTest.concat(args, "--out", out.toString(), "-q"));
        assertEquals(2, old.code(), old.err());
        assertTrue(old.err().strip().lines().count() == 1 && old.err().contains("the progress file " + progress
                + " holds 2 points of this experiment computed by an enisim from before progress files named"
                + " theirs (December 2026), not by this enisim " + here), old.err());

        // the same enisim resumes; deleted, the run starts afresh: the same files either way
        Files.writeString(progress, String.join("\n", lines) + "\n");
        Result same = CliTest.run(EngineEquivalenceTest.concat(args, "--out", out.toString()));
        assertEquals(0, same.code(), same.err());
        assertTrue(same.err().contains("resuming: 2 of 4 points already done"), same.err());
        Path fresh = dir.resolve("fresh");
        assertEquals(0, CliTest.run(EngineEquivalenceTest.concat(args, "--out", fresh.toString(), "-q")).code());
        EngineEquivalenceTest.assertSameFiles(fresh, out);
    }

    @Test
    void aFileInThePlaceOfTheProgressFileThatEnisimDidNotWriteIsLeftAlone() throws Exception {
        Path f = EngineEquivalenceTest.scenario(dir);
        Path out = dir.resolve("out");
        Path progress = Experiment.progressFile(out);
        Files.writeString(progress, "my notes\n");
        Result r = CliTest.run("sweep", f.toString(), "--vary", "traffic=1,2", "--out", out.toString(), "-q");
        assertEquals(2, r.code());
        assertTrue(r.err().contains("was not written by enisim"), r.err());
        assertEquals("my notes\n", Files.readString(progress));
        assertTrue(!Files.exists(out));
    }

    /**
     * A full disk as the sweep starts (a child JVM whose file-size limit, ulimit -f 0, fails every write): exit 2 with
     * one line, and nothing left behind. The progress file was left empty, and the next run refused it as "not
     * written by enisim" (an input review).
     */
    @Test
    void aFullDiskLeavesNoProgressFileBehind() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        Path f = EngineEquivalenceTest.scenario(dir);
        Path out = dir.resolve("out");
        String jvm = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("/bin/sh", "-c", "ulimit -f 0 && exec \"$0\" -XX:-UsePerfData -cp \"$1\" "
                + "dev.enisim.cli.Main sweep \"$2\" --vary traffic=1,2 --out \"$3\" -q", jvm,
                System.getProperty("java.class.path"), f.toString(), out.toString()).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(2, p.waitFor(), text);
        assertTrue(text.startsWith("enisim: ") && !text.contains("\tat ") && text.strip().lines().count() == 1, text);
        try (var left = Files.list(dir)) {
            assertEquals(List.of(f.getFileName().toString()), left.map(x -> x.getFileName().toString()).sorted()
                    .toList(), "only the scenario is left");
        }
        Result again = CliTest.run("sweep", f.toString(), "--vary", "traffic=1,2", "--out", out.toString(), "-q");
        assertEquals(0, again.code(), again.err());
    }

    /** A real kill: a child JVM running the sweep is killed (SIGKILL) once some points are in its progress file. */
    @Test
    void aSweepKilledForReallyResumesToTheSameFiles() throws Exception {
        Path f = EngineEquivalenceTest.scenario(dir);
        String[] args = {"sweep", f.toString(), "--design", "lhs", "--points", "24", "--threads", "1",
            "--vary", "duration=1h..2h", "--vary", "hyperplane.eniCreateTime.median=20s..3m",
            "--metric", "enis.peak", "--metric", "invocations.succeeded", "-q"};
        Path whole = dir.resolve("whole");
        assertEquals(0, CliTest.run(EngineEquivalenceTest.concat(args, "--out", whole.toString())).code());

        Path killed = dir.resolve("killed");
        Path progress = Experiment.progressFile(killed);
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "dev.enisim.cli.Main"));
        cmd.addAll(List.of(EngineEquivalenceTest.concat(args, "--out", killed.toString())));
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (lines(progress) < 1 + 2 && System.nanoTime() < deadline && child.isAlive()) {
            Thread.sleep(10);
        }
        child.destroyForcibly().waitFor();
        int done = lines(progress) - 1;
        assertTrue(done >= 2 && done < 24 && !Files.exists(killed), "killed part-way: " + done + " points done");

        // not quiet this time, so that it says it resumed (a run from scratch writes the same files)
        String[] loud = java.util.Arrays.stream(args).filter(a -> !a.equals("-q")).toArray(String[]::new);
        Result r = CliTest.run(EngineEquivalenceTest.concat(loud, "--out", killed.toString()));
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("resuming: " + done + " of 24 points already done"), r.err());
        EngineEquivalenceTest.assertSameFiles(whole, killed);
    }

    private static int lines(Path p) throws java.io.IOException {
        return Files.exists(p) ? (int) Files.readAllLines(p).stream().filter(l -> l.endsWith("}")).count() : 0;
    }

    /**
     * A trace edited between an interrupted sweep and its resumption is another experiment: the progress file's
     * fingerprint covers the traces the scenario reads (a safety review's resumed sweep mixed points of the old
     * trace, 1,730,610 succeeded, with points of the new, 173,061).
     */
    @Test
    void aTraceEditedBeforeTheResumptionIsRefusedAndNamed() throws Exception {
        Path trace = Files.writeString(dir.resolve("trace.csv"), "seconds,count\n0,600\n60,600\n120,600\n");
        Path f = Files.writeString(dir.resolve("traced.yaml"), dev.enisim.scenario.OneSubnetYaml.traced(
                "name: traced\nduration: 3m", "trace.csv"));
        List<String> vary = List.of("functions[f].memoryMb=128,256,512");
        Path out = dir.resolve("out");
        PointSpec spec = PointSpec.of(ScenarioLoader.readTree(f), f.toString(), dev.enisim.experiment.Sweep.measured(
                List.of("invocations.succeeded", "invocations.invokeErrors", "functionsFailed", "invocations.throttled",
                        "enis.peak", "latencyMillis.p99")), 1);
        SweepDesign design = SweepDesign.of(vary, Designs.Kind.GRID, 0, 0);
        assertThrows(IllegalStateException.class, () -> Experiment.run(spec, design.points(), new DyingRunner(1),
                Experiment.progressFile(out), line -> { }));
        assertEquals(1 + 1, Files.readAllLines(Experiment.progressFile(out)).size(), "one point done");

        Files.writeString(trace, "seconds,count\n0,60\n60,60\n120,60\n");
        Result r = CliTest.run("sweep", f.toString(), "--vary", vary.get(0), "--out", out.toString());
        // a data scientist's review: the changed experiment started over and replaced the saved points unasked;
        // now it is refused (exit 2), the file kept, the change named
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("holds 1 point of another experiment: a trace file the scenario reads (edited"
                + " since) differs; it is kept"), r.err());
        assertEquals(1 + 1, Files.readAllLines(Experiment.progressFile(out)).size(), "kept");
        Files.delete(Experiment.progressFile(out));
        Result again = CliTest.run("sweep", f.toString(), "--vary", vary.get(0), "--out", out.toString());
        assertEquals(0, again.code(), again.err());
        assertTrue(again.err().contains("3 points to run"), again.err());
    }
}
