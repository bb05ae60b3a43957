package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --warm-up} of run, compare and check: summary.json's field, the refusals, both sides of a comparison. */
class WarmUpOptionTest {

    @TempDir
    Path dir;

    /** 5/s for 10 min, 1 min buckets: about 3,000 invocations, 1,500 after a 5 min warm-up. */
    private Path scenario(String name, String duration, String expect) throws IOException {
        Path f = dir.resolve(name + ".yaml");
        Files.writeString(f, """
                name: %s
                duration: %s
                functions:
                  - name: api
                    duration: 100ms
                    arrivals: { poisson: 5/s }
                %s""".formatted(name, duration, expect));
        return f;
    }

    private static JsonNode summary(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    }

    @Test
    void runWritesWarmUpSecondsOnlyWithTheOption() throws IOException {
        Path f = scenario("warm", "10m", "");
        CliTest.Result plain = CliTest.run("run", f.toString(), "--out", dir.resolve("a").toString(), "-q");
        CliTest.Result warm = CliTest.run("run", f.toString(), "--out", dir.resolve("b").toString(), "-q",
                "--warm-up", "5m");
        assertEquals(0, plain.code(), plain.err());
        assertEquals(0, warm.code(), warm.err());
        JsonNode a = summary(dir.resolve("a"));
        JsonNode b = summary(dir.resolve("b"));
        assertFalse(a.has("warmUpSeconds"), "no field without the option: the file as it always was");
        assertEquals(300.0, b.get("warmUpSeconds").asDouble());
        long whole = a.at("/invocations/total").asLong();
        long after = b.at("/invocations/total").asLong();
        assertTrue(after > whole / 3 && after < 2 * whole / 3, after + " of " + whole);
        assertEquals(after, b.at("/events/arrivals").asLong());
        // the same run: the time series are the whole run's in both
        assertEquals(Files.readString(dir.resolve("a").resolve("timeseries.csv")),
                Files.readString(dir.resolve("b").resolve("timeseries.csv")));
        // the story is the whole run's in both; its last line, the cost, counts from the warm-up's end (as the page's)
        String storyA = Files.readString(dir.resolve("a").resolve("narrative.txt"));
        String storyB = Files.readString(dir.resolve("b").resolve("narrative.txt"));
        assertEquals(storyA.substring(0, storyA.lastIndexOf("\nEstimated cost $")),
                storyB.substring(0, storyB.lastIndexOf("\nEstimated cost $")));
        assertTrue(storyB.contains("\nEstimated cost $") && storyB.contains(" after the 5m warm-up ("), storyB);
        CliTest.Result said = CliTest.run("run", f.toString(), "--out", dir.resolve("c").toString(), "--warm-up", "5m");
        assertTrue(said.out().contains("Statistics after a 5m warm-up (--warm-up): events"), said.out());
        assertTrue(said.out().contains("counts only those that ran: " + String.format(java.util.Locale.ROOT, "%,d",
                after)), "CloudWatch's figure after the warm-up too: " + said.out());
        assertTrue(Files.readString(dir.resolve("c").resolve("report.html")).contains("statistics after a"));
        assertFalse(plain.out().contains("warm-up"), plain.out());
    }

    @Test
    void aWarmUpNotUnderTheDurationIsRefusedNamingBoth() throws IOException {
        Path f = scenario("short", "10m", "");
        CliTest.Result r = CliTest.run("run", f.toString(), "--out", dir.resolve("o").toString(), "--warm-up", "10m");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--warm-up 10m is not shorter than the duration of scenario 'short'")
                && r.err().contains(", 10m:"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(dir.resolve("o")), "no report");
    }

    @Test
    void aWarmUpOffTheBucketsOrNotADurationIsRefused() throws IOException {
        Path f = scenario("buckets", "10m", "");
        CliTest.Result r = CliTest.run("run", f.toString(), "--warm-up", "90s");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--warm-up 90s is not a whole number of the buckets of scenario 'buckets'")
                && r.err().contains("bucket: 1m"), r.err());
        for (String bad : new String[] {"soon", "0", "-5m"}) {
            CliTest.Result b = CliTest.run("run", f.toString(), "--warm-up", bad);
            assertEquals(2, b.code(), bad + ": " + b.err());
            assertTrue(b.err().contains("--warm-up: expected a duration"), b.err());
        }
    }

    @Test
    void compareCutsBothSidesAndRefusesAWarmUpPastB() throws IOException {
        Path a = scenario("side-a", "10m", "");
        Path b = scenario("side-b", "4m", "");
        CliTest.Result r = CliTest.run("compare", a.toString(), "--set", "functions[0].arrivals.poisson=6/s",
                "--replications", "2", "--warm-up", "5m");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("; statistics after a 5m warm-up (--warm-up)"), r.out());
        CliTest.Result past = CliTest.run("compare", a.toString(), b.toString(), "--warm-up", "5m");
        assertEquals(2, past.code(), past.err());
        assertTrue(past.err().contains("--warm-up 5m is not shorter than the duration of scenario 'side-b'"),
                past.err());
        assertFalse(past.err().contains("'side-a'"), "A is long enough: " + past.err());
    }

    /** check's assertions read the summary after the warm-up: about 1,500 invocations there, 3,000 in the run. */
    @Test
    void checkAssertsOnTheSummaryAfterTheWarmUp() throws IOException {
        Path f = scenario("checked", "10m", "expect:\n  - \"invocations.total < 2200\"\n");
        CliTest.Result whole = CliTest.run("check", f.toString());
        CliTest.Result warm = CliTest.run("check", f.toString(), "--warm-up", "5m");
        assertEquals(1, whole.code(), whole.out());
        assertEquals(0, warm.code(), warm.out() + warm.err());
        CliTest.Result past = CliTest.run("check", f.toString(), "--warm-up", "1h");
        assertEquals(2, past.code(), past.err());
        assertTrue(past.err().contains("--warm-up 1h is not shorter than the duration of scenario 'checked'"),
                past.err());
    }

    /** The first data row's cell under {@code column} of a CSV file. */
    private static String cell(Path csv, String column, int row) throws IOException {
        java.util.List<String> lines = Files.readAllLines(csv);
        java.util.List<String> header = java.util.Arrays.asList(lines.get(0).split(",", -1));
        assertTrue(header.contains(column), column + " in " + header);
        return lines.get(row).split(",", -1)[header.indexOf(column)];
    }

    /**
     * sweep --warm-up: each point's runs counted after it (about half of the 10 minutes' invocations), said once in
     * sweep.json (and nowhere without it); a point whose own duration the warm-up does not fit fails, saying so.
     */
    @Test
    void sweepCountsAfterTheWarmUpAndSaysItOnce() throws IOException {
        Path f = scenario("warm", "10m", "");
        Path a = dir.resolve("sa");
        Path b = dir.resolve("sb");
        CliTest.Result plain = CliTest.run("sweep", f.toString(), "--vary", "functions[0].memoryMb=128,256",
                "--metric", "invocations.total", "--out", a.toString(), "-q");
        CliTest.Result warm = CliTest.run("sweep", f.toString(), "--vary", "functions[0].memoryMb=128,256",
                "--metric", "invocations.total", "--out", b.toString(), "-q", "--warm-up", "5m");
        assertEquals(0, plain.code(), plain.err());
        assertEquals(0, warm.code(), warm.err());
        JsonNode ja = new ObjectMapper().readTree(a.resolve("sweep.json").toFile());
        JsonNode jb = new ObjectMapper().readTree(b.resolve("sweep.json").toFile());
        assertFalse(ja.has("warmUp"), ja.toString());
        assertEquals("5m", jb.get("warmUp").asText());
        double whole = Double.parseDouble(cell(a.resolve("sweep.csv"), "invocations.total.mean", 1));
        double after = Double.parseDouble(cell(b.resolve("sweep.csv"), "invocations.total.mean", 1));
        assertTrue(after > whole / 3 && after < 2 * whole / 3, after + " of " + whole);
        CliTest.Result short_ = CliTest.run("sweep", f.toString(), "--vary", "duration=4m,10m", "--metric",
                "invocations.total", "--out", dir.resolve("sc").toString(), "-q", "--warm-up", "5m");
        assertEquals(1, short_.code(), short_.out() + short_.err());
        assertTrue((short_.out() + short_.err()).contains("--warm-up 5m is not shorter than this point's duration, 4m"),
                short_.out() + short_.err());
        CliTest.Result bad = CliTest.run("sweep", f.toString(), "--vary", "functions[0].memoryMb=128,256",
                "--out", dir.resolve("sd").toString(), "-q", "--warm-up", "90s");
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--warm-up 90s is not a whole number of the buckets"), bad.err());
    }

    /** sensitivity --warm-up: the points' runs counted after it, said once in sensitivity.json. */
    @Test
    void sensitivityCountsAfterTheWarmUpAndSaysItOnce() throws IOException {
        Path f = scenario("warm", "10m", "");
        Path a = dir.resolve("na");
        Path b = dir.resolve("nb");
        CliTest.Result plain = CliTest.run("sensitivity", f.toString(), "--vary", "functions[0].memoryMb=128..256",
                "--metric", "invocations.total", "--samples", "2", "--out", a.toString(), "-q");
        CliTest.Result warm = CliTest.run("sensitivity", f.toString(), "--vary", "functions[0].memoryMb=128..256",
                "--metric", "invocations.total", "--samples", "2", "--out", b.toString(), "-q", "--warm-up", "5m");
        assertEquals(0, plain.code(), plain.err());
        assertEquals(0, warm.code(), warm.err());
        JsonNode ja = new ObjectMapper().readTree(a.resolve("sensitivity.json").toFile());
        JsonNode jb = new ObjectMapper().readTree(b.resolve("sensitivity.json").toFile());
        assertFalse(ja.has("warmUp"), ja.toString());
        assertEquals("5m", jb.get("warmUp").asText());
        double whole = Double.parseDouble(cell(a.resolve("points.csv"), "invocations.total.mean", 1));
        double after = Double.parseDouble(cell(b.resolve("points.csv"), "invocations.total.mean", 1));
        assertTrue(after > whole / 3 && after < 2 * whole / 3, after + " of " + whole);
    }
}
