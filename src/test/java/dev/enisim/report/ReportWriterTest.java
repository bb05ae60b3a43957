package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12: the data files are written before the charts, so a run whose charts fail keeps its result. */
class ReportWriterTest {

    @TempDir
    Path dir;

    /** A five-minute run of one function in one /28 (also {@link DiskRoomTest}'s). */
    static RunResult small() throws Exception {
        return new Simulation(ScenarioLoader.parse("""
                name: small
                duration: 5m
                vpcs:
                  - id: vpc-1
                    subnets: [{ id: subnet-a, cidr: 10.0.1.0/28, az: us-east-1a }]
                    securityGroups: [sg-app]
                functions:
                  - name: api
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                    duration: 100ms
                    arrivals: { poisson: 2/s }
                """, "small.yaml"), 0).run();
    }

    /**
     * Charts failing while the JVM shuts down (SIGTERM: a library refuses a shutdown hook) put nothing in place: a
     * report of data files alone replaced a whole one written before (seen once in about 45 SIGTERMs).
     */
    @Test
    void chartsFailingDuringShutdownLeaveTheEarlierReportWhole() throws Exception {
        RunResult r = small();
        ReportWriter.write(r, Path.of("out"), dir);
        String before = Files.readString(dir.resolve("out/report.html"));
        IOException e = assertThrows(IOException.class, () -> ReportWriter.write(r, Path.of("out"), dir, result -> {
            throw new IllegalStateException("Shutdown in progress");
        }, () -> true));
        assertEquals("cannot write out: enisim is shutting down (SIGINT or SIGTERM): nothing more is written; the"
                + " earlier report in out was kept as it was", e.getMessage(), "it says what it left");
        assertEquals(before, Files.readString(dir.resolve("out/report.html")), "the whole report stays");
        try (Stream<Path> l = Files.list(dir)) {
            assertEquals(List.of(dir.resolve("out")), l.toList(), "no temporary folder left");
        }
        assertFalse(SafeOutput.shuttingDown(), "a running JVM is not shutting down");
    }

    @Test
    void whenTheChartsRunOutOfMemoryTheDataFilesAreStillWritten() throws Exception {
        RunResult r = small();
        ReportWriter.ChartsFailed e = assertThrows(ReportWriter.ChartsFailed.class, () -> ReportWriter.write(r,
                Path.of("out"), dir, result -> {
                    throw new OutOfMemoryError("Java heap space");
                }));
        assertTrue(e.outOfMemory());
        assertTrue(e.getMessage().contains("-Xmx"), e.getMessage());
        Path out = dir.resolve("out");
        for (String f : List.of("summary.json", "timeseries.csv", "enis.csv", "narrative.txt")) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        assertEquals(SummaryJson.render(r.summary()), Files.readString(out.resolve("summary.json")));
        assertFalse(Files.exists(out.resolve("report.html")));
        String marker = Files.readString(out.resolve(SafeOutput.MARKER));
        assertTrue(marker.contains("summary.json") && !marker.contains("report.html"), marker);
        try (Stream<Path> l = Files.list(dir)) {
            assertEquals(List.of(out), l.toList(), "no temporary folder left");
        }
        // the data-only report is enisim's: the next run replaces it with a whole one
        List<Path> written = ReportWriter.write(r, Path.of("out"), dir);
        assertTrue(written.contains(out.resolve("report.html")), written.toString());
    }
}
