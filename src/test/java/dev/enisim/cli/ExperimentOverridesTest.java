package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.cli.CliTest.Result;
import dev.enisim.experiment.MetricPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep} and {@code sensitivity} take {@code --set} as {@code run} does: applied to the scenario before the
 * grid or the design, and said in the outputs. A planner's review: "Unknown options: '--set', 'duration=5m'".
 */
class ExperimentOverridesTest {

    /** Erlang's loss system: one function, 25 reserved, 100/s of 200 ms (20 erlangs): throttles at any scale. */
    private static final String ERL = """
            name: erl
            seed: 5
            duration: 30m
            account: { concurrencyLimit: 1000 }
            functions:
              - name: api
                reservedConcurrency: 25
                duration: { dist: exponential, mean: 200ms }
                arrivals: { poisson: 100/s }
            """;

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        Path f = dir.resolve("erl.yaml");
        Files.writeString(f, ERL);
        return f;
    }

    private static double metric(Path summary, String path) throws Exception {
        JsonNode tree = new ObjectMapper().readTree(summary.toFile());
        return MetricPaths.find(tree, path).asDouble();
    }

    /** A sweep's point with --set is run's run with the same --set: the same counts, and the outputs say so. */
    @Test
    void aSweepWithSetRunsTheScenarioRunWouldRun() throws Exception {
        Path f = scenario();
        Path sw = dir.resolve("sw");
        Result r = CliTest.run("sweep", f.toString(), "--set", "duration=2m", "--set", "traffic=2", "--vary",
                "functions[api].memoryMb=128,256", "--metric", "invocations.throttled", "--metric",
                "invocations.succeeded", "--out", sw.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Run with overrides: --set duration=2m --set traffic=2"), r.out());
        assertTrue(Files.readString(sw.resolve("sweep.html")).contains("Run with overrides: <code>--set duration=2m"
                + " --set traffic=2</code>"));
        Path run = dir.resolve("run");
        Result rr = CliTest.run("run", f.toString(), "--set", "duration=2m", "--set", "traffic=2", "--set",
                "functions[api].memoryMb=128", "--out", run.toString(), "-q");
        assertEquals(0, rr.code(), rr.err());
        List<String> rows = Files.readAllLines(sw.resolve("sweep.csv"));
        assertTrue(rows.get(1).startsWith("128,"), rows.toString());
        String[] cells = rows.get(1).split(",");
        assertEquals(metric(run.resolve("summary.json"), "invocations.throttled"), Double.parseDouble(cells[1]),
                rows.toString());
        assertEquals(metric(run.resolve("summary.json"), "invocations.succeeded"), Double.parseDouble(cells[4]),
                rows.toString());
        assertTrue(metric(run.resolve("summary.json"), "invocations.throttled") > 0, "the premise: it throttles");
    }

    /** --set traffic=F and --vary traffic=G: the point runs F x G (as the README says). */
    @Test
    void aSetTrafficFactorMultipliesTheVariedOne() throws Exception {
        Path f = scenario();
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertEquals(0, CliTest.run("sweep", f.toString(), "--set", "duration=1m", "--set", "traffic=2", "--vary",
                "traffic=1.5", "--metric", "invocations.succeeded", "--out", a.toString(), "-q").code());
        assertEquals(0, CliTest.run("sweep", f.toString(), "--set", "duration=1m", "--vary", "traffic=3", "--metric",
                "invocations.succeeded", "--out", b.toString(), "-q").code());
        // the same run, and the same row: its traffic column says the 3 that ran (2 x 1.5), not the 1.5 varied
        assertEquals(Files.readAllLines(b.resolve("sweep.csv")).get(1), Files.readAllLines(a.resolve("sweep.csv"))
                .get(1));
        assertTrue(Files.readAllLines(a.resolve("sweep.csv")).get(1).startsWith("3,"));
    }

    /** sensitivity takes --set too, before its design; a bad one is refused at once, naming it, exit 2. */
    @Test
    void sensitivityTakesSetAndRefusesABadOne() throws Exception {
        Path f = scenario();
        Path out = dir.resolve("sens");
        Result r = CliTest.run("sensitivity", f.toString(), "--set", "duration=1m", "--vary",
                "functions[api].reservedConcurrency=20..30", "--metric", "invocations.throttled", "--samples", "2",
                "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Run with overrides: --set duration=1m"), r.out());
        assertTrue(Files.readString(out.resolve("sensitivity.html")).contains("Run with overrides: <code>--set"
                + " duration=1m</code>"));
        // the points ran a minute, not the file's half hour: about 100/s x 60 s invocations in all
        List<String> points = Files.readAllLines(out.resolve("points.csv"));
        Result s = CliTest.run("sensitivity", f.toString(), "--set", "duration=abc", "--metric",
                "invocations.throttled", "--out", dir.resolve("bad").toString(), "-q");
        assertEquals(2, s.code(), s.out());
        assertTrue(s.err().contains("duration") && s.err().contains("--set duration=abc"), s.err());
        assertTrue(!Files.exists(dir.resolve("bad")));
        int col = List.of(points.get(0).split(",")).indexOf("invocations.throttled.mean");
        for (String p : points.subList(1, points.size())) { // 100/s x 60 s x a few percent, not the half hour's
            double throttled = Double.parseDouble(p.split(",")[col]);
            assertTrue(throttled > 0 && throttled < 2000, p);
        }
    }

    /**
     * A traffic factor of 0 (no invocation: "the ENIs of the deployment only", a planner asked) is refused, saying
     * why and what to do instead: a small factor, as a Hyperplane ENI is made at the function's creation. The advice
     * holds: at 0.001 the deployment's ENIs are all there.
     */
    @Test
    void aZeroTrafficFactorIsRefusedSayingWhyAndWhatToDoInstead() throws Exception {
        Path f = dir.resolve("vpc.yaml");
        Files.writeString(f, """
                name: vpc
                duration: 10m
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                      - { id: subnet-b, cidr: 10.0.2.0/24, az: us-east-1b }
                    securityGroups: [sg-app]
                functions:
                  - name: api
                    vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-app] }
                    duration: 100ms
                    arrivals: { poisson: 5/s }
                """);
        Result run = CliTest.run("run", f.toString(), "--set", "traffic=0", "--out", dir.resolve("r0").toString(),
                "-q");
        assertEquals(2, run.code(), run.out());
        assertTrue(run.err().contains("--set traffic: expected a factor above 0 on every arrival rate"), run.err());
        assertTrue(run.err().contains("Hyperplane ENIs are made when it is created") && run.err().contains("0.001"),
                run.err());
        Result sweep = CliTest.run("sweep", f.toString(), "--vary", "traffic=0,1", "--out",
                dir.resolve("s0").toString(), "-q");
        assertEquals(2, sweep.code(), sweep.out());
        assertTrue(sweep.err().contains("traffic=0: a factor on every arrival rate must be above 0")
                && sweep.err().contains("for the ENIs of the deployment alone"), sweep.err());
        Path small = dir.resolve("small");
        assertEquals(0, CliTest.run("run", f.toString(), "--set", "traffic=0.001", "--out", small.toString(), "-q")
                .code());
        assertEquals(2, metric(small.resolve("summary.json"), "enis.peak"), "one ENI per subnet of the key");
    }
}
