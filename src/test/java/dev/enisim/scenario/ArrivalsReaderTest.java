package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.workload.ArrivalSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArrivalsReaderTest {

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

    private String error(String arrivals) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load(arrivals));
        return e.getMessage();
    }

    @Test
    void everyShapeReads() throws Exception {
        assertTrue(load("{poisson: 5/s}").functions().get(0).arrivals() instanceof ArrivalSpec.Poisson);
        ArrivalSpec.Diurnal d = (ArrivalSpec.Diurnal) load("{diurnal: {peak: 80/s, trough: 20/s}}").functions().get(0)
                .arrivals();
        assertEquals(50, d.meanPerSecond(), 1e-9);
        ArrivalSpec.Bursts b = (ArrivalSpec.Bursts) load("{bursts: {base: 1/s, rate: 100/s, duration: 30s, at: [10m, 40m]}}")
                .functions().get(0).arrivals();
        assertEquals(2, b.startsMicros().length);
        ArrivalSpec.Superposition phases = (ArrivalSpec.Superposition) load(
                "[{constant: 10/s, until: 10m}, {poisson: 50/s, from: 30m, until: 40m}]").functions().get(0).arrivals();
        assertEquals(2, phases.parts().size());
    }

    @Test
    void tracesReadTimestampsAndCountsRelativeToTheScenario() throws Exception {
        Files.writeString(dir.resolve("ts.csv"), "timestamp\n0.5\n1.25\n1.25\n7\n");
        ArrivalSpec.Trace t = (ArrivalSpec.Trace) load("{trace: {file: ts.csv}}").functions().get(0).arrivals();
        assertEquals(4, t.timesMicros().length);
        assertEquals(1_250_000, t.timesMicros()[1]);
        Files.writeString(dir.resolve("counts.csv"), "start,count\n0,2\n60,0\n120,4\n");
        ArrivalSpec.Trace c = (ArrivalSpec.Trace) load("{trace: {file: counts.csv, format: counts, interval: 1m}}")
                .functions().get(0).arrivals();
        assertEquals(6, c.timesMicros().length);
        assertEquals(135_000_000, c.timesMicros()[3], "4 arrivals spread evenly over [120 s, 180 s)");
    }

    @Test
    void badTracesNameTheFileAndLine() throws Exception {
        assertTrue(error("{trace: {file: missing.csv}}").contains("functions[0].arrivals.trace.file: trace file not found"));
        Files.writeString(dir.resolve("bad.csv"), "1\n2\nsoon\n");
        assertTrue(error("{trace: {file: bad.csv}}").contains("bad.csv line 3: expected a time in seconds, got 'soon'"));
        Files.writeString(dir.resolve("back.csv"), "1\n5\n3\n");
        assertTrue(error("{trace: {file: back.csv}}").contains("back.csv line 3: times must not go back"));
        Files.writeString(dir.resolve("neg.csv"), "0,5\n60,-2\n");
        assertTrue(error("{trace: {file: neg.csv, format: counts}}").contains("neg.csv line 2: a count cannot be negative"));
    }

    @Test
    void badShapesSayWhatWasExpected() {
        assertTrue(error("{poisson: 5/s, constant: 1/s}").contains("expected exactly one of"));
        assertTrue(error("{diurnal: {peak: 5/s, trough: 9/s}}").contains("trough: must not exceed peak"));
        assertTrue(error("{bursts: {rate: 9/s, duration: 1m, at: [1m, 90s]}}").contains("bursts overlap"));
        assertTrue(error("[]").contains("an empty list"));
    }
}
