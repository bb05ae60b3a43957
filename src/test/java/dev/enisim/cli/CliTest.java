package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The command line as a user meets it: exit codes, messages, and no report after bad input. */
class CliTest {

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }

    static final String GOOD = """
            name: cli-test
            duration: 10m
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/28, az: us-east-1a, otherUsedIps: 3 }
                securityGroups: [sg-app]
            functions:
              - name: api
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                duration: 100ms
                arrivals: { poisson: 5/s }
            """;

    @Test
    void runWritesTheReportAndExitsZero() throws IOException {
        Path scenario = dir.resolve("good.yaml");
        Files.writeString(scenario, GOOD);
        Path out = dir.resolve("out");
        Result r = run("run", scenario.toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Invocations"), r.out());
        assertTrue(Files.exists(out.resolve("summary.json")));
        assertTrue(Files.exists(out.resolve("timeseries.csv")));
        assertTrue(Files.exists(out.resolve("enis.csv")));
        try (var files = Files.list(dir)) {
            assertEquals(2, files.count(), "no temporary folder left behind");
        }
    }

    @Test
    void seedOverridesTheScenarioSeed() throws IOException {
        Path scenario = dir.resolve("good.yaml");
        Files.writeString(scenario, GOOD);
        run("run", scenario.toString(), "--out", dir.resolve("a").toString(), "--seed", "5", "-q");
        String a = Files.readString(dir.resolve("a/summary.json"));
        assertTrue(a.contains("\"seed\" : 5"), a);
    }

    /** Each bad input exits 2, names the field and what was expected, and writes no report. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "unknown key        | 'duration: 10m'                  | 'duraton: 10m'                          | duraton: unknown key 'duraton'",
        "bad CIDR           | 10.0.1.0/28                      | 10.0.1.300/28                           | vpcs[0].subnets[0].cidr: expected an IPv4 CIDR block",
        "/29 subnet         | 10.0.1.0/28                      | 10.0.1.0/29                             | vpcs[0].subnets[0].cidr: expected a prefix from /16 to /28",
        "/15 subnet         | 10.0.1.0/28                      | 10.0.0.0/15                             | vpcs[0].subnets[0].cidr: expected a prefix from /16 to /28",
        "unknown subnet     | 'subnetIds: [subnet-a]'          | 'subnetIds: [subnet-x]'                 | functions[0].vpcConfig.subnetIds[0]: unknown subnet 'subnet-x'",
        "unknown SG         | 'securityGroupIds: [sg-app]'     | 'securityGroupIds: [sg-ap]'             | functions[0].vpcConfig.securityGroupIds[0]: unknown security group 'sg-ap'",
        "negative rate      | 'poisson: 5/s'                   | 'poisson: -5/s'                         | functions[0].arrivals.poisson: a rate must be positive",
        "no unit            | 'duration: 100ms'                | 'duration: 100'                         | functions[0].duration: expected a duration with a unit",
        "malformed YAML     | 'duration: 10m'                  | 'duration: [10m'                        | malformed YAML/JSON at line",
    })
    void badInputExitsTwoWithTheFieldPathAndNoReport(String what, String from, String to, String expected)
            throws IOException {
        Path scenario = dir.resolve("bad.yaml");
        String text = GOOD.replace(from, to);
        assertFalse(text.equals(GOOD), "the test must change the scenario");
        Files.writeString(scenario, text);
        Path out = dir.resolve("report");
        Result r = run("run", scenario.toString(), "--out", out.toString());
        assertEquals(2, r.code(), what + ": " + r.err());
        assertTrue(r.err().contains(scenario.toString()), "names the file: " + r.err());
        assertTrue(r.err().contains(expected), what + ": " + r.err());
        assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());
        assertFalse(Files.exists(out), "no report after bad input");
    }

    /**
     * An empty path resolves to the working folder itself: {@code --baseline ""} once wrote a baseline into the
     * folder the command was started in, a file nobody named (found by CommandLineFuzzProperties).
     */
    @ParameterizedTest
    @CsvSource({"check,--baseline,--update-baseline", "run,--out,-q", "check,--junit,--max-events=1000"})
    void anEmptyPathIsRefusedAndNothingIsWritten(String command, String option, String other) throws IOException {
        Path work = Files.createDirectories(dir.resolve("work"));
        Files.writeString(work.resolve("good.yaml"), GOOD);
        StringWriter err = new StringWriter();
        int code = Main.execute(work, new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
                command, "good.yaml", option, "", other);
        assertEquals(2, code, err.toString());
        assertTrue(err.toString().contains("a path is needed, not an empty string"), err.toString());
        try (var files = Files.list(work)) {
            assertEquals(java.util.List.of(work.resolve("good.yaml")), files.toList());
        }
    }

    @Test
    void aMissingFileExitsTwo() {
        Result r = run("run", dir.resolve("nope.yaml").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("file not found"), r.err());
    }

    @Test
    void everyProblemIsReportedAtOnce() throws IOException {
        Path scenario = dir.resolve("bad.yaml");
        Files.writeString(scenario, GOOD.replace("10.0.1.0/28", "10.0.1.0/30").replace("5/s", "5").replace(
                "100ms", "fast"));
        Result r = run("validate", scenario.toString());
        assertEquals(2, r.code());
        assertEquals(3, r.err().lines().filter(l -> l.matches(".*bad\\.yaml:\\d+: .*")).count(), r.err());
    }

    @Test
    void validateAcceptsEveryShippedScenario() throws IOException {
        try (var files = Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Result r = run("validate", f.toString());
                assertEquals(0, r.code(), f + ": " + r.err());
            }
        }
    }

    @Test
    void usageErrorsExitTwoAndHelpAndVersionZero() {
        assertEquals(2, run("run").code());
        assertEquals(2, run("frobnicate").code());
        Result help = run("--help");
        assertEquals(0, help.code());
        assertTrue(help.out().contains("run") && help.out().contains("validate"), help.out());
        Result version = run("--version");
        assertEquals(0, version.code());
        assertTrue(version.out().startsWith("enisim "), version.out());
    }
}
