package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.workload.ArrivalSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrivalsReaderTest {

    private static final long SEC = 1_000_000L;

    @TempDir
    Path dir;

    private Scenario load(String arrivals) throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, """
                name: shapes
                duration: 1h
                functions:
                  - name: f
                    duration: 10ms
                    arrivals: %s
                """.formatted(arrivals));
        return ScenarioLoader.load(f);
    }

    private ArrivalSpec arrivals(String arrivals) throws Exception {
        return load(arrivals).functions().get(0).arrivals();
    }

    private String error(String arrivals) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load(arrivals));
        return e.getMessage();
    }

    private void assertError(String arrivals, String expected) {
        String message = error(arrivals);
        assertTrue(message.contains(expected), "expected '" + expected + "' in:\n" + message);
    }

    @Test
    void everyShapeReads() throws Exception {
        assertTrue(arrivals("{poisson: 5/s}") instanceof ArrivalSpec.Poisson);
        ArrivalSpec.Diurnal d = (ArrivalSpec.Diurnal) arrivals("{diurnal: {peak: 80/s, trough: 20/s}}");
        assertEquals(50, d.meanPerSecond(), 1e-9);
        assertEquals(14 * 3600 * SEC, d.peakAtMicros(), "peak at 14:00 by default");
        assertEquals(0, ((ArrivalSpec.Diurnal) arrivals("{diurnal: {peak: 8/s, trough: 0/s}}")).troughPerSecond(),
                "a trough of no traffic");
        ArrivalSpec.Bursts b = (ArrivalSpec.Bursts) arrivals(
                "{bursts: {base: 1/s, rate: 100/s, duration: 30s, at: [40m, 10m]}}");
        assertArrayEquals(new long[] {600 * SEC, 2400 * SEC}, b.startsMicros(), "sorted");
        ArrivalSpec.Superposition phases = (ArrivalSpec.Superposition) arrivals(
                "[{constant: 10/s, until: 10m}, {poisson: 50/s, from: 30m, until: 40m}]");
        assertEquals(2, phases.parts().size());
        assertEquals(1800 * SEC, phases.parts().get(1).fromMicros());
    }

    @Test
    void schedulesReadPhasesQuietPeriodsAndRepeat() throws Exception {
        ArrivalSpec.Schedule s = (ArrivalSpec.Schedule) arrivals("{schedule: {repeat: true, phases: "
                + "[{quiet: 8h}, {rate: 30/s, for: 10h}, {quiet: 6h}]}, from: 1d, until: 8d}");
        assertArrayEquals(new long[] {8 * 3600 * SEC, 10 * 3600 * SEC, 6 * 3600 * SEC}, s.phaseMicros());
        assertArrayEquals(new double[] {0, 30, 0}, s.ratesPerSecond());
        assertTrue(s.repeat());
        assertEquals(86_400 * SEC, s.cycleMicros());
        assertEquals(86_400 * SEC, s.fromMicros());
        assertFalse(((ArrivalSpec.Schedule) arrivals("{schedule: {phases: [{rate: 1/s, for: 1m}]}}")).repeat());
    }

    @Test
    void badSchedulesSayWhatWasExpected() {
        assertError("{schedule: {phases: []}}", "schedule.phases: is required");
        assertError("{schedule: {phases: [{quiet: 1h}]}}", "schedule.phases: every phase is quiet");
        assertError("{schedule: {phases: [{rate: 1/s, quiet: 1h}]}}",
                "schedule.phases[0]: expected either {rate: RATE, for: DURATION} or {quiet: DURATION}");
        assertError("{schedule: {phases: [{rate: 1/s}]}}", "schedule.phases[0].for: is required");
        assertError("{schedule: {phases: [{for: 1h}]}}", "schedule.phases[0].rate: is required (or write {quiet");
        assertError("{schedule: {phases: [{rate: 1/s, for: 0s}]}}", "phases[0].for: must be longer than 0s");
        assertError("{schedule: {phases: [{rate: 1/s, for: 1m}], repeat: yes please}}",
                "schedule.repeat: expected true or false");
        assertError("{schedule: {phases: [{rate: 1/s, fro: 1m}]}}",
                "unknown key 'fro' (expected one of: rate, for, quiet)");
    }

    @Test
    void tracesReadTimestampsAndCountsRelativeToTheScenario() throws Exception {
        Files.writeString(dir.resolve("ts.csv"), "timestamp,requestId\n# a comment\n0.5,a\n1.25,b\n\n1.25,c\n7,d\n");
        ArrivalSpec.Trace t = (ArrivalSpec.Trace) arrivals("{trace: {file: ts.csv}}");
        assertArrayEquals(new long[] {500_000, 1_250_000, 7_000_000}, t.startsMicros(), "equal times share a row");
        assertArrayEquals(new long[] {1, 2, 1}, t.counts());
        assertEquals(4, t.recorded());
        Files.createDirectories(dir.resolve("traces"));
        Files.writeString(dir.resolve("traces/counts.csv"), "start,count\n0,2\n60,0\n120,4\n");
        ArrivalSpec.Trace c = (ArrivalSpec.Trace) arrivals(
                "{trace: {file: traces/counts.csv, format: counts, interval: 1m}}");
        assertEquals(6, c.recorded());
        assertEquals(60 * SEC, c.intervalMicros());
        assertEquals(135 * SEC, ArrivalSpec.Trace.spread(120 * SEC, 60 * SEC, 4, 1),
                "4 arrivals spread evenly over [120 s, 180 s)");
        Files.writeString(dir.resolve("noheader.csv"), "3\n4\n");
        assertEquals(2, ((ArrivalSpec.Trace) arrivals("{trace: {file: noheader.csv}}")).recorded(),
                "a first line that is a number is data");
    }

    /** Writes {@code content} as t.csv and expects {@code "t.csv line N: ..."} with the given settings. */
    private void assertTraceError(String content, String settings, String expected) throws Exception {
        Files.writeString(dir.resolve("t.csv"), content);
        assertError("{trace: {file: t.csv" + settings + "}}", "t.csv " + expected);
    }

    @Test
    void badTracesNameTheFileAndLine() throws Exception {
        assertError("{trace: {file: missing.csv}}", "functions[0].arrivals.trace.file: trace file not found: ");
        assertError("{trace: {file: missing.csv}}", "missing.csv ('missing.csv', relative to the scenario's folder)");
        String counts = ", format: counts";
        assertTraceError("1\n2\nsoon\n", "", "line 3: expected a time in seconds, got 'soon'");
        assertTraceError("time\n1\n5\n3\n", "", "line 4: times must not go back (3 s after 5.0 s)");
        assertTraceError("0,5\n60,-2\n", counts, "line 2: a count cannot be negative: -2");
        assertTraceError("-1\n2\n", "", "line 1: a time must not be negative: -1");
        assertTraceError("1\nInfinity\n", "", "line 2: expected a time in seconds, got 'Infinity'");
        assertTraceError("0,1.5\n", counts, "line 1: expected a whole count, got '1.5'");
        assertTraceError("0,1\n60\n", counts, "line 2: expected 'seconds,count', got '60'");
        assertTraceError("120,1\n60,1\n", counts, "line 2: rows must be in time order");
        assertTraceError("0,1\n30,1\n", counts + ", interval: 1m",
                "line 2: rows overlap: 30 s is less than one interval (60.0 s) after");
    }

    @Test
    void badTraceSettingsAreReported() {
        assertError("{trace: {file: x.csv, format: json}}", "trace.format: expected 'timestamps' or 'counts'");
        assertError("{trace: {file: x.csv, interval: 1m}}", "trace.interval: applies to format: counts only");
        assertError("{trace: {file: x.csv, format: counts, interval: 0s}}", "trace.interval: must be longer than 0s");
        assertError("{trace: {format: counts}}", "trace.file: is required");
    }

    @Test
    void badShapesSayWhatWasExpected() {
        assertError("{poisson: 5/s, constant: 1/s}", "expected exactly one of");
        assertError("{diurnal: {peak: 5/s, trough: 9/s}}", "trough: must not exceed peak");
        assertError("{bursts: {rate: 9/s, duration: 1m, at: [1m, 90s]}}",
                "bursts.at: bursts overlap: the one at 90.0 s starts before the one at 60.0 s ends");
        assertError("{bursts: {rate: 9/s, duration: 0s, at: [1m]}}", "bursts.duration: must be longer than 0s");
        assertError("{poisson: 0/s}", "a rate must be positive");
        assertError("[]", "an empty list");
        assertError("{poisson: 5/s, from: 1h, until: 30m}", "until: must be after from");
    }

    @Test
    void everyBadPartOfAListIsReportedAtOnce() {
        String message = error("[{poisson: 5}, {constant: 1/s}, {diurnal: {peak: 1/s}}]");
        assertTrue(message.contains("arrivals[0].poisson"), message);
        assertTrue(message.contains("arrivals[2].diurnal: expected peak: RATE and trough: RATE"), message);
        assertFalse(message.contains("arrivals[1]"), message);
    }
}
