package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A security review interrupted a sweep, changed a point's mean in its progress file (520461.13 to 42.0, its interval
 * and runs left as they were), gave the file to another user and ran the sweep again as root: "resuming: 2 of 6
 * points already done", and sweep.csv said the made-up mean outside its own interval. A progress file of another
 * user, or with a point line that contradicts itself, is not resumed: refused (exit 2) naming the file (and the
 * line), or with --replace started afresh.
 */
class ProgressTrustTest {

    private static final PointSpec SPEC = new PointSpec("{}", "made-up", List.of("m"), 3);

    @TempDir
    Path dir;

    /** A point of three runs, x, x + 1 and x + 5, kept with its runs as a sweep keeps them. */
    private static Sweep.Point point(Map<String, String> values) {
        double x = Double.parseDouble(values.get("x"));
        double[] runs = {x, x + 1, x + 5};
        return new Sweep.Point(values, Map.of("m", MetricStats.ofMetric("m", runs, true)), null,
                Map.of("m", List.of(x, x + 1, x + 5)));
    }

    /** Hands back each task's point, counting them. */
    private static final class Engine implements PointRunner {
        final List<Integer> ran = new ArrayList<>();

        @Override
        public void run(PointSpec spec, List<PointTask> tasks, java.util.function.Consumer<String> sink) {
            for (PointTask t : tasks) {
                ran.add(t.index());
                sink.accept(PointCodec.encode(t.index(), point(t.values())));
            }
        }

        @Override
        public String describe() {
            return "made-up";
        }
    }

    /** The progress file of {@code d} with its first {@code done} points, as an interrupted run leaves it. */
    private Path interrupted(List<Map<String, String>> d, int done) throws Exception {
        Path file = dir.resolve(".out.progress.jsonl");
        StringBuilder b = new StringBuilder(Experiment.header(Experiment.fingerprint(SPEC, d),
                Experiment.about(SPEC, d))).append('\n');
        for (int i = 0; i < done; i++) {
            b.append(PointCodec.encode(i, point(d.get(i)))).append('\n');
        }
        return Files.writeString(file, b, StandardCharsets.UTF_8);
    }

    /** {@code file}'s line {@code number} (1: the header) with {@code from} replaced by {@code to}. */
    private static void edit(Path file, int number, String from, String to) throws Exception {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        assertTrue(lines.get(number - 1).contains(from), lines.get(number - 1));
        lines.set(number - 1, lines.get(number - 1).replace(from, to));
        Files.write(file, lines);
    }

    @Test
    void aPointLineThatContradictsItselfIsRefusedNamingTheFileAndTheLine() throws Exception {
        List<Map<String, String>> d = BigExperimentTest.design(4);
        List<Sweep.Point> whole = Experiment.run(SPEC, d, new Engine(), null, l -> { });
        // point 1: runs 1, 2 and 6, mean 3.0, its interval clamped at 0
        MetricStats one = MetricStats.ofMetric("m", new double[] {1, 2, 6}, true);
        String interval = "[0.0, " + one.ciHigh() + "]";
        List<String> said = new ArrayList<>();
        for (Map.Entry<String, String> e : List.of(Map.entry("\"mean\":3.0", "\"mean\":42.0"),
                Map.entry("[1.0,2.0,6.0]", "[1.0,2.0,9.0]"), Map.entry("[1.0,2.0,6.0]", "[1.0,2.0]"),
                Map.entry("\"n\":3", "\"n\":0"))) {
            Path file = interrupted(d, 2);
            edit(file, 3, e.getKey(), e.getValue());
            List<String> before = Files.readAllLines(file);
            Engine engine = new Engine();
            ExperimentException refused = assertThrows(ExperimentException.class,
                    () -> Experiment.run(SPEC, d, engine, file, l -> { }));
            String m = refused.getMessage();
            assertTrue(m.startsWith("the progress file " + file + " is not resumed: its line 3 is corrupt: its m "),
                    m);
            assertTrue(m.endsWith("; enisim resumes only points as it wrote them. Add --replace to start this"
                    + " experiment afresh (every point runs again; the file is replaced), or give another --out"), m);
            said.add(m.substring(m.indexOf("its m "), m.indexOf("; enisim")));
            assertEquals(List.of(), engine.ran, "nothing run");
            assertEquals(before, Files.readAllLines(file), "the file kept as it was");
            assertThrows(ExperimentException.class, () -> Experiment.pending(SPEC, d, dir.resolve("out")),
                    "said before the budget is estimated");
        }
        assertEquals(List.of("its m mean 42.0 lies outside its own interval " + interval,
                "its m mean 3.0 is not the mean of its runs, 4.0", "its m is counted over 3 runs, and 2 runs are"
                + " listed", "its m is counted over 0 runs"), said);

        // --replace: started afresh, every point run again, the results those of an uninterrupted run
        Path file = interrupted(d, 2);
        edit(file, 3, "\"mean\":3.0", "\"mean\":42.0");
        assertEquals(d, Experiment.pending(SPEC, d, dir.resolve("out"), true), "every point left to run");
        Engine engine = new Engine();
        List<String> lines = new ArrayList<>();
        assertEquals(whole, Experiment.run(SPEC, d, engine, file, lines::add, w -> { }, true));
        assertEquals(List.of(0, 1, 2, 3), engine.ran);
        assertEquals("the progress file " + file + " is not resumed, its line 3 is corrupt: its m mean 42.0 lies"
                + " outside its own interval " + interval + ": starting over, as --replace asks", lines.get(0));
        assertEquals(5, Files.readAllLines(file).size(), "the header and the four points, none of the old file's");
    }

    /** Points as enisim writes them, a replication without a value (NaN) among them, are resumed as before. */
    @Test
    void pointsAsEnisimWroteThemAreResumed() throws Exception {
        List<Map<String, String>> d = BigExperimentTest.design(3);
        Path file = interrupted(d, 2);
        Map<String, String> values = Map.of("x", "2");
        Sweep.Point gap = new Sweep.Point(values, Map.of("m", MetricStats.ofMetric("m", new double[] {2, 7}, true)),
                null, Map.of("m", List.of(2.0, Double.NaN, 7.0)));
        Files.writeString(file, PointCodec.encode(2, gap) + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        assertNull(PointCodec.inconsistency(gap));
        Engine engine = new Engine();
        List<String> lines = new ArrayList<>();
        List<Sweep.Point> all = Experiment.run(SPEC, d, engine, file, lines::add);
        assertEquals(List.of(), engine.ran);
        assertEquals("resuming: 3 of 3 points already done (" + file + ")", lines.get(0));
        assertEquals(gap, all.get(2));
        // a rare count: its interval clamped at 0 and raised to the Poisson interval, the mean inside it still
        for (double[] runs : List.of(new double[] {0, 0, 1}, new double[] {0, 0, 0}, new double[] {5, 5, 5},
                new double[] {1e12, 1e12 + 1, 1e12 + 3})) {
            MetricStats s = MetricStats.ofMetric("invocations.throttled", runs, true);
            List<Double> kept = new ArrayList<>();
            for (double r : runs) {
                kept.add(r);
            }
            Sweep.Point p = new Sweep.Point(values, Map.of("invocations.throttled", s), null,
                    Map.of("invocations.throttled", kept));
            assertNull(PointCodec.inconsistency(PointCodec.decode(PointCodec.encode(0, p)).point()), s.toString());
        }
    }

    /** Root resuming a progress file given to another user: refused, or with --replace started afresh as root's. */
    @Test
    void aProgressFileOfAnotherUserIsRefusedOrWithReplaceStartedAfresh() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "only root gives a file away");
        UserPrincipal nobody;
        try {
            nobody = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        } catch (java.io.IOException e) {
            assumeTrue(false, "no user nobody here");
            return;
        }
        List<Map<String, String>> d = BigExperimentTest.design(4);
        Path file = interrupted(d, 2);
        assertNull(Experiment.otherOwner(file), "the user's own file");
        Files.setOwner(file, nobody);
        assertEquals("nobody", Experiment.otherOwner(file));
        Engine engine = new Engine();
        ExperimentException refused = assertThrows(ExperimentException.class,
                () -> Experiment.run(SPEC, d, engine, file, l -> { }));
        assertEquals("the progress file " + file + " is not resumed: it belongs to nobody, not to this user (root);"
                + " enisim resumes only a progress file of the user running it, as another's may hold figures enisim"
                + " did not compute. Add --replace to start this experiment afresh (every point runs again; the file"
                + " is replaced), or give another --out", refused.getMessage());
        assertEquals(List.of(), engine.ran);
        assertEquals(nobody, Files.getOwner(file), "kept as it was");
        assertThrows(ExperimentException.class, () -> Experiment.pending(SPEC, d, dir.resolve("out")));

        List<String> lines = new ArrayList<>();
        Experiment.run(SPEC, d, engine, file, lines::add, w -> { }, true);
        assertEquals(List.of(0, 1, 2, 3), engine.ran);
        assertTrue(lines.get(0).contains("is not resumed, it belongs to nobody, not to this user (root): starting"
                + " over, as --replace asks"), lines.toString());
        assertNull(Experiment.otherOwner(file), "the new file is root's: not given to nobody again");
    }
}
