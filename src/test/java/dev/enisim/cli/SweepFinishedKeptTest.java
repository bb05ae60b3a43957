package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data engineer's review: a finished sweep was replaced without a word by the next sweep into the same folder (the
 * default, reports/NAME-sweep, is every sweep of a scenario's); and a --vary path's problem was said as --set's.
 */
class SweepFinishedKeptTest {

    @TempDir
    Path dir;

    private static final String YAML = dev.enisim.scenario.OneSubnetYaml.of("name: k\nduration: 2m", """
            name: api
            memoryMb: 512
            timeout: 10s
            duration: { dist: constant, value: 100ms }
            arrivals: { constant: 1/s }
            """);

    private static String[] sweep(Path f, Path out, String vary, String... more) {
        return with(more, "sweep", f.toString(), "--vary", vary, "--metric", "enis.peak", "--out", out.toString(),
                "-q");
    }

    private static String[] sensitivity(Path f, Path out, String samples, String... more) {
        return with(more, "sensitivity", f.toString(), "--vary", "traffic=0.5..2", "--samples", samples, "--metric",
                "invocations.total", "--out", out.toString(), "-q");
    }

    /** {@code base}'s arguments, then {@code more}. */
    private static String[] with(String[] more, String... base) {
        String[] all = java.util.Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    /**
     * Runs {@code first} into {@code out}, then {@code first} again (the same experiment: rewritten, exit 0), then
     * {@code other}: refused (exit 2) with {@code out}'s {@code file} kept as it was and nothing run. Returns what
     * {@code other} said.
     */
    private static Result keptAgainst(Path out, String file, String[] first, String[] other) throws Exception {
        assertEquals(0, CliTest.run(first).code());
        byte[] kept = Files.readAllBytes(out.resolve(file));
        Result same = CliTest.run(first);
        assertEquals(0, same.code(), "the same experiment again rewrites it: " + same.err());
        Result refused = CliTest.run(other);
        assertEquals(2, refused.code(), refused.err());
        assertTrue(java.util.Arrays.equals(kept, Files.readAllBytes(out.resolve(file))), "kept");
        assertTrue(!Files.exists(dev.enisim.experiment.Experiment.progressFile(out)), "nothing ran");
        return refused;
    }

    @Test
    void aFinishedSweepOfAnotherExperimentIsKeptUnlessReplaceIsGiven() throws Exception {
        Path f = Files.writeString(dir.resolve("k.yaml"), YAML);
        Path out = dir.resolve("out");
        Result other = keptAgainst(out, "sweep.csv", sweep(f, out, "traffic=1,2"), sweep(f, out, "traffic=1,3"));
        assertTrue(other.err().contains(out + " holds a finished sweep of another experiment (its sweep.json's vary"
                + " differ); it is kept: give another --out, or add --replace to replace it"), other.err());
        Result replaced = CliTest.run(sweep(f, out, "traffic=1,3", "--replace"));
        assertEquals(0, replaced.code(), replaced.err());
        assertTrue(Files.readString(out.resolve("sweep.csv")).contains("\n3,"), Files.readString(out.resolve(
                "sweep.csv")));
    }

    /**
     * The leftover of the same review: sensitivity's default folder, reports/NAME-sensitivity, is every analysis of a
     * scenario's, and the next one replaced the last one's results (hours of points) without a word.
     */
    @Test
    void aFinishedSensitivityAnalysisOfAnotherExperimentIsKeptUnlessReplaceIsGiven() throws Exception {
        Path f = Files.writeString(dir.resolve("k.yaml"), YAML);
        Path out = dir.resolve("sens");
        Result other = keptAgainst(out, "points.csv", sensitivity(f, out, "2"), sensitivity(f, out, "3"));
        String experiment = new com.fasterxml.jackson.databind.ObjectMapper().readTree(out.resolve(
                "sensitivity.json").toFile()).path("experiment").asText();
        assertEquals(64, experiment.length(), "sensitivity.json names its experiment");
        assertTrue(other.err().contains(out + " holds a finished sensitivity analysis of another experiment (its"
                + " sensitivity.json's design.samples differ); it is kept: give another --out, or add --replace to"
                + " replace it"), other.err());
        Result warm = CliTest.run(sensitivity(f, out, "2", "--warm-up", "1m"));
        assertEquals(2, warm.code(), warm.err());
        assertTrue(warm.err().contains("(its sensitivity.json's warmUp differ)"), warm.err());
        Result after = CliTest.run(sensitivity(f, out, "2", "--warm-up", "1m", "--replace"));
        assertTrue(after.out().contains("Statistics after a 1m warm-up (--warm-up) in every run\n"), after.out());
        Result replaced = CliTest.run(sensitivity(f, out, "3", "--replace"));
        assertEquals(0, replaced.code(), replaced.err());
        assertEquals(3 * 2, Files.readAllLines(out.resolve("points.csv")).size() - 1, "3 trajectories of 2 points");
    }

    /** A sweep told apart by --warm-up alone names it (it said that a trace, the path or --set traffic differed). */
    @Test
    void aSweepThatDiffersByItsWarmUpAloneSaysSo() throws Exception {
        Path f = Files.writeString(dir.resolve("k.yaml"), YAML);
        Path out = dir.resolve("warm");
        assertEquals(0, CliTest.run(sweep(f, out, "traffic=1,2", "--warm-up", "1m")).code());
        Result none = CliTest.run(sweep(f, out, "traffic=1,2"));
        assertEquals(2, none.code(), none.err());
        assertTrue(none.err().contains("(its sweep.json's warmUp differ)"), none.err());
        Result again = CliTest.run(sweep(f, out, "traffic=1,2", "--warm-up", "1m"));
        assertEquals(0, again.code(), "the same again");
        // the figures are said to be after it, on the terminal and the page (neither said it)
        assertTrue(again.out().contains("Statistics after a 1m warm-up (--warm-up) in every run\n"), again.out());
        assertTrue(Files.readString(out.resolve("sweep.html")).contains("; statistics after a 1m warm-up (--warm-up)"
                + " in every run</p>"), "the page");
    }

    @Test
    void aVaryPathsProblemNamesVary() throws Exception {
        Path f = Files.writeString(dir.resolve("k.yaml"), YAML);
        Result r = CliTest.run(sweep(f, dir.resolve("o"), "functions[nope].memoryMb=128,256"));
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--vary functions[nope].memoryMb: no element named 'nope'"), r.err());
        assertTrue(!r.err().contains("--set functions[nope]"), r.err());
    }
}
