package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Experiment} on engines made up here (no simulation): results in design order, the progress file line by
 * line as results come back, a resume that runs only the points missing, another experiment's file replaced, an
 * engine's bad lines refused, and the progress lines (counts, failures, rate and ETA).
 */
class ExperimentRunTest {

    private static final PointSpec SPEC = new PointSpec("{}", "made-up", List.of("m"), 1);

    @TempDir
    Path dir;

    /** Points x=0, x=1, ...; a value starting with "bad" makes a failing point. */
    private static List<Map<String, String>> design(String... xs) {
        List<Map<String, String>> out = new ArrayList<>();
        for (String x : xs) {
            Map<String, String> p = new LinkedHashMap<>();
            p.put("x", x);
            out.add(p);
        }
        return out;
    }

    private static List<Map<String, String>> design(int n) {
        String[] xs = new String[n];
        for (int i = 0; i < n; i++) {
            xs[i] = Integer.toString(i);
        }
        return design(xs);
    }

    /** The result a made-up engine returns for a point: metric m = x, or a problem. */
    static String line(PointTask t) {
        return PointCodec.encode(t.index(), result(t.values()));
    }

    static Sweep.Point result(Map<String, String> values) {
        String x = values.get("x");
        return x.startsWith("bad") ? new Sweep.Point(values, Map.of(), "boom " + x)
                : new Sweep.Point(values, Map.of("m", MetricStats.of(new double[] {Double.parseDouble(x)})), null);
    }

    /** Hands back each task's line as it comes, in the order given, after {@code before} is called. */
    static class Engine implements PointRunner {
        final List<Integer> ran = new ArrayList<>();
        final List<PointTask> order;

        Engine() {
            this(null);
        }

        Engine(List<PointTask> order) {
            this.order = order;
        }

        void before(int n) {
        }

        @Override
        public void run(PointSpec spec, List<PointTask> tasks, Consumer<String> sink) {
            int n = 0;
            for (PointTask t : order == null ? tasks : order) {
                before(n++);
                ran.add(t.index());
                sink.accept(line(t));
            }
        }

        @Override
        public String describe() {
            return "made-up";
        }
    }

    /** Dies (as a kill would) once {@code limit} results are back. */
    private static final class Dying extends Engine {
        private final int limit;

        Dying(int limit) {
            this.limit = limit;
        }

        @Override
        void before(int n) {
            if (n == limit) {
                throw new IllegalStateException("killed");
            }
        }
    }

    private static List<String> read(Path p) {
        try {
            return Files.readAllLines(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String header(PointSpec spec, List<Map<String, String>> design) {
        return Experiment.header(Experiment.fingerprint(spec, design), Experiment.about(spec, design));
    }

    @Test
    void theProgressFileSitsNextToTheOutputFolder() {
        assertEquals(Path.of("/runs/.out.progress.jsonl"), Experiment.progressFile(Path.of("/runs/x/../out")));
    }

    @Test
    void resultsComeBackInDesignOrderWhateverOrderTheEngineReturnsThem() throws Exception {
        List<Map<String, String>> d = design("bad0", "1", "2", "3");
        List<PointTask> reversed = new ArrayList<>();
        for (int i = d.size() - 1; i >= 0; i--) {
            reversed.add(PointTask.of(i, d.get(i)));
        }
        List<String> lines = new ArrayList<>();
        List<Sweep.Point> all = Experiment.run(SPEC, d, new Engine(reversed), null, lines::add);
        List<Sweep.Point> expected = new ArrayList<>();
        for (Map<String, String> p : d) {
            expected.add(result(p));
        }
        assertEquals(expected, all);
        assertEquals("4 points to run (made-up)", lines.get(0), "no file: nothing resumed, nothing to replace");
        assertTrue(lines.get(1).startsWith("1 of 4 points done, 0 could not run, "), lines.toString());
        String last = lines.get(lines.size() - 1);
        assertTrue(last.startsWith("4 of 4 points done, 1 could not run, ")
                && last.endsWith(" ETA 0m00s (the last that could not run: {x=bad0}: boom bad0)"), last);
        assertTrue(!lines.get(1).contains("failed:"), "a point that did not fail: " + lines.get(1));
    }

    /** The header names the experiment before any point runs; each result is on disk as soon as it is back. */
    @Test
    void theProgressFileHoldsEachResultAsSoonAsItIsBack() throws Exception {
        Path file = dir.resolve("sub/.out.progress.jsonl");
        List<Map<String, String>> d = design(3);
        String header = header(SPEC, d);
        List<List<String>> seen = new ArrayList<>();
        Engine e = new Engine() {
            @Override
            void before(int n) {
                seen.add(read(file));
            }
        };
        Experiment.run(SPEC, d, e, file, l -> { });
        assertEquals(List.of(List.of(header), List.of(header, line(PointTask.of(0, d.get(0)))),
                List.of(header, line(PointTask.of(0, d.get(0))), line(PointTask.of(1, d.get(1))))), seen);
        assertEquals(4, read(file).size());
    }

    /** A link in the progress file's place (to another experiment's file) is refused, the file it points at kept. */
    @Test
    void aLinkInTheProgressFilesPlaceIsRefusedAndItsTargetKept() throws Exception {
        Path other = Files.writeString(dir.resolve("other.progress.jsonl"), "another experiment's points\n");
        Path link = Files.createSymbolicLink(dir.resolve(".out.progress.jsonl"), other);
        ExperimentException e = assertThrows(ExperimentException.class,
                () -> Experiment.run(SPEC, design(2), new Engine(), link, l -> { }));
        assertTrue(e.getMessage().contains("is a link or a folder, not the file enisim keeps there"), e.getMessage());
        assertEquals("another experiment's points\n", Files.readString(other));
        assertTrue(Files.isSymbolicLink(link));
    }

    @Test
    void aResumedRunRunsOnlyTheMissingPointsAndEndsAsAnUninterruptedOne() throws Exception {
        Path file = dir.resolve(".out.progress.jsonl");
        List<Map<String, String>> d = design("0", "bad1", "2", "3", "4");
        List<Sweep.Point> whole = Experiment.run(SPEC, d, new Engine(), null, l -> { });
        assertThrows(IllegalStateException.class, () -> Experiment.run(SPEC, d, new Dying(2), file, l -> { }));
        Files.writeString(file, "{\"i\":3,\"values\":{\"x\"", StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        Engine rest = new Engine();
        List<String> lines = new ArrayList<>();
        assertEquals(whole, Experiment.run(SPEC, d, rest, file, lines::add));
        assertEquals(List.of(2, 3, 4), rest.ran);
        assertEquals("resuming: 2 of 5 points already done (" + file + ")", lines.get(0));
        assertEquals("3 points to run (made-up)", lines.get(1));
        assertTrue(lines.get(2).startsWith("3 of 5 points done, 1 could not run, "), "the failed point resumed: " + lines);
        assertTrue(lines.get(lines.size() - 1).startsWith("5 of 5 points done, 1 could not run, "), lines.toString());
        List<String> kept = read(file);
        assertEquals(header(SPEC, d), kept.get(0), "the header kept, the torn line cut off");
        assertEquals(6, kept.size(), kept.toString());
        for (String l : kept.subList(1, kept.size())) {
            assertTrue(PointCodec.decode(l) != null, l);
        }

        Engine none = new Engine();
        List<String> again = new ArrayList<>();
        assertEquals(whole, Experiment.run(SPEC, d, none, file, again::add), "all done: read back from the file");
        assertEquals(List.of(), none.ran);
        assertEquals(List.of("resuming: 5 of 5 points already done (" + file + ")", "0 points to run (made-up)"),
                again);
    }

    /**
     * What decides the results names the experiment (not the engine). A data scientist's review: another
     * experiment's progress file (a changed command) was replaced without a word, its points lost; now it is refused,
     * kept, and what differs is named. One with no point done is replaced.
     */
    @Test
    void anotherExperimentsProgressFileIsRefusedNamingWhatDiffers() throws Exception {
        Path file = dir.resolve(".out.progress.jsonl");
        List<Map<String, String>> d = design(4);
        List<PointSpec> others = List.of(new PointSpec("{\"a\":1}", "made-up", List.of("m"), 1),
                new PointSpec("{}", "other", List.of("m"), 1), new PointSpec("{}", "made-up", List.of("n"), 1),
                new PointSpec("{}", "made-up", List.of("m"), 2), new PointSpec("{}", "made-up", List.of("m"), 1, 2));
        List<List<Map<String, String>>> designs = List.of(design("0", "1", "2", "4"), design(5));
        List<String> said = List.of("the scenario's content, its seed or a --set differs",
                "the scenario file differs (was " + Path.of("made-up").toAbsolutePath() + ", now "
                + Path.of("other").toAbsolutePath() + ")", // the path as one whatever its spelling
                "--metric differs (was [\"m\"], now [\"n\"])",
                "--replications differs (was 1, now 2)", "--set traffic differs (was 1.0, now 2.0)",
                "the design's points (--vary, --design, --method, --samples or --seed) differ (the same count, other"
                + " values)", "the design's points (--vary, --design, --method, --samples or --seed) differs (was 4,"
                + " now 5)");
        List<Object> changes = new ArrayList<>(others);
        changes.addAll(designs);
        for (int i = 0; i < changes.size(); i++) {
            Object other = changes.get(i);
            PointSpec spec = other instanceof PointSpec s ? s : SPEC;
            @SuppressWarnings("unchecked")
            List<Map<String, String>> design = other instanceof PointSpec ? d : (List<Map<String, String>>) other;
            Files.deleteIfExists(file);
            assertThrows(IllegalStateException.class, () -> Experiment.run(SPEC, d, new Dying(2), file, l -> { }));
            List<String> before = read(file);
            Engine all = new Engine();
            ExperimentException e = assertThrows(ExperimentException.class,
                    () -> Experiment.run(spec, design, all, file, l -> { }));
            assertTrue(e.getMessage().startsWith("the progress file " + file + " holds 2 points of another"
                    + " experiment: " + said.get(i) + "; it is kept: run the command that made it to resume it,"
                    + " give another --out, or delete the file to start this one afresh"), e.getMessage());
            assertEquals(0, all.ran.size(), other.toString());
            assertEquals(before, read(file), "kept as it was");
            assertThrows(ExperimentException.class, () -> Experiment.pending(spec, design, dir.resolve("out")),
                    "said before the budget is estimated");
        }
        // a file of another experiment with no point done holds nothing to lose: replaced
        Files.writeString(file, header(others.get(2), d) + "\n");
        List<String> lines = new ArrayList<>();
        Engine all = new Engine();
        Experiment.run(SPEC, d, all, file, lines::add);
        assertEquals(4, all.ran.size());
        assertEquals("the progress file " + file + " holds no point done: starting over", lines.get(0));
        assertEquals(header(SPEC, d), read(file).get(0));
        assertNotEquals(Experiment.fingerprint(SPEC, d), Experiment.fingerprint(SPEC, design(3)));
    }

    @Test
    void aFileThatEnisimDidNotWriteIsLeftAlone() throws Exception {
        Path file = dir.resolve(".out.progress.jsonl");
        for (String text : new String[] {"my notes\n", ""}) {
            Files.writeString(file, text);
            ExperimentException e = assertThrows(ExperimentException.class,
                    () -> Experiment.run(SPEC, design(2), new Engine(), file, l -> { }));
            assertTrue(e.getMessage().contains("was not written by enisim"), e.getMessage());
            assertEquals(text, Files.readString(file));
        }
    }

    /** A line for no point of this design, or for a point already read, is not taken on resuming. */
    @Test
    void resumingTakesEachPointOfTheDesignOnce() throws Exception {
        Path file = dir.resolve(".out.progress.jsonl");
        List<Map<String, String>> d = design(3);
        Sweep.Point other = result(Map.of("x", "7"));
        Files.write(file, List.of(header(SPEC, d), line(PointTask.of(0, d.get(0))), PointCodec.encode(0, other),
                PointCodec.encode(-1, other), PointCodec.encode(3, other), "not json"), StandardCharsets.UTF_8);
        Engine rest = new Engine();
        List<String> lines = new ArrayList<>();
        List<Sweep.Point> all = Experiment.run(SPEC, d, rest, file, lines::add);
        assertEquals(List.of(1, 2), rest.ran);
        assertEquals(result(d.get(0)), all.get(0), "the first line of a point is the one kept");
        assertEquals("resuming: 1 of 3 points already done (" + file + ")", lines.get(0));
    }

    @Test
    void anEngineThatReturnsABadOrRepeatedLineOrTooFewIsRefused() {
        List<Map<String, String>> d = design(2);
        for (List<String> returned : List.of(List.of("garbage"), List.of(line(PointTask.of(-1, d.get(0)))),
                List.of(line(PointTask.of(2, d.get(0)))), List.of(line(PointTask.of(1, d.get(1))),
                        line(PointTask.of(1, d.get(1)))))) {
            PointRunner bad = new Engine() {
                @Override
                public void run(PointSpec spec, List<PointTask> tasks, Consumer<String> sink) {
                    returned.forEach(sink);
                }
            };
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> Experiment.run(SPEC, d, bad, null, l -> { }), returned.toString());
            assertTrue(e.getMessage().startsWith("an engine returned a bad or repeated result: "), e.getMessage());
        }
        PointRunner short1 = new Engine(List.of(PointTask.of(1, d.get(1))));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Experiment.run(SPEC, d, short1, null, l -> { }));
        assertEquals("an engine finished without returning every point", e.getMessage());
    }

    /** At most a line a second, plus the first and the last: fifty points back at once make a few lines. */
    @Test
    void progressLinesAreThrottled() throws Exception {
        List<String> lines = new ArrayList<>();
        long start = System.nanoTime();
        Experiment.run(SPEC, design(50), new Engine(), null, lines::add);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        List<String> done = lines.stream().filter(l -> l.contains(" points done")).toList();
        assertTrue(done.size() >= 2 && done.size() <= 2 + seconds + 1, done.toString());
        assertTrue(done.get(0).startsWith("1 of 50 points done, 0 could not run, "), done.get(0));
        assertTrue(done.get(done.size() - 1).startsWith("50 of 50 points done, 0 could not run, "), done.toString());
    }

    private static final Pattern RATE = Pattern.compile(
            "(\\d+) of (\\d+) points done, \\d+ could not run, (\\d+\\.\\d\\d) points/s, ETA (?:(\\d+)h(\\d\\d)m|(\\d+)m(\\d\\d)s)");

    /** The line's ETA is the points left at the rate shown; an hour or more is shown as hours and minutes. */
    private static void assertEtaFollowsTheRate(String line) {
        Matcher m = RATE.matcher(line);
        assertTrue(m.matches(), line);
        double rate = Double.parseDouble(m.group(3));
        assertTrue(rate > 0, line);
        double left = Integer.parseInt(m.group(2)) - Integer.parseInt(m.group(1));
        double eta = left / rate;
        double tolerance = eta * 0.006 / rate + 1;
        if (eta >= 3600 + tolerance) {
            assertTrue(m.group(4) != null, "hours: " + line);
            assertEquals(eta, Integer.parseInt(m.group(4)) * 3600 + Integer.parseInt(m.group(5)) * 60, tolerance + 60,
                    line);
        } else if (eta < 3600 - tolerance) {
            assertTrue(m.group(6) != null, "minutes: " + line);
            assertEquals(eta, Integer.parseInt(m.group(6)) * 60 + Integer.parseInt(m.group(7)), tolerance + 1, line);
        }
    }

    /** The first point back after 200 ms of a large design: the ETA is the rest at that rate. */
    @Test
    void theEtaIsThePointsLeftAtTheRateSoFar() {
        for (int n : new int[] {20_000, 1_000}) {
            List<String> lines = new ArrayList<>();
            Engine slow = new Engine() {
                @Override
                void before(int k) {
                    if (k == 1) {
                        throw new IllegalStateException("stop");
                    }
                    sleep(200);
                }
            };
            assertThrows(IllegalStateException.class, () -> Experiment.run(SPEC, design(n), slow, null, lines::add));
            assertEquals(2, lines.size(), lines.toString());
            assertEtaFollowsTheRate(lines.get(1));
        }
    }

    /** The rate counts the points run since the start, not the ones resumed; the last line's ETA is zero. */
    @Test
    void theRateCountsOnlyThePointsRunNow() throws Exception {
        Path file = dir.resolve(".out.progress.jsonl");
        List<Map<String, String>> d = design(6);
        assertThrows(IllegalStateException.class, () -> Experiment.run(SPEC, d, new Dying(4), file, l -> { }));
        List<String> lines = new ArrayList<>();
        Engine slow = new Engine() {
            @Override
            void before(int k) {
                sleep(600);
            }
        };
        Experiment.run(SPEC, d, slow, file, lines::add);
        String last = lines.get(lines.size() - 1);
        Matcher m = RATE.matcher(last);
        assertTrue(m.matches() && last.startsWith("6 of 6 points done"), last);
        double rate = Double.parseDouble(m.group(3));
        assertTrue(rate > 0 && rate <= 2 / 1.2 + 0.01, "2 points in 1.2 s or more: " + last);
        assertTrue(last.endsWith("ETA 0m00s"), last);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
