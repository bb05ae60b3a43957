package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.network.Cidr;
import dev.enisim.workload.ArrivalSpec;
import dev.enisim.workload.DistributionSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading scenario files and text: every field, every default, YAML and JSON, and files that cannot be read. */
class ScenarioLoaderTest {

    private static final double INF = Double.POSITIVE_INFINITY;
    private static final long S = 1_000_000L;

    /** Every field of the format written out, none at its default. */
    private static final String FULL = """
            name: full.example_1
            description: every field set
            seed: 42
            duration: 2h
            bucket: 30s
            account:
              concurrencyLimit: 2000
              unreservedMinimum: 200
            vpcs:
              - id: vpc-main
                eniQuota: 250
                tenancy: default
                subnets:
                  - id: subnet-a
                    cidr: 10.0.1.0/28
                    az: us-east-1a
                    otherUsedIps: 3
                  - { id: subnet-b, cidr: 10.0.16.0/20, az: us-east-1b }
                securityGroups: [sg-app, sg-db]
              - id: vpc-other
                subnets: [{ id: subnet-c, cidr: 10.0.1.0/24, az: us-east-1a }]
            hyperplane:
              eniCreateTime: { dist: lognormal, median: 90s, p99: 6m, cap: 10m }
              attachExistingTime: 2s
              connectionsPerEni: 1000
              eniRetryBackoff: 10m
            functions:
              - name: orders-api
                memoryMb: 1024
                timeout: 10s
                vpcConfig: { subnetIds: [subnet-b, subnet-a], securityGroupIds: [sg-db, sg-app] }
                reservedConcurrency: 200
                duration: { dist: lognormal, median: 120ms, p99: 2s }
                connectionsPerInvocation: 2
                arrivals: { poisson: 3000/m, from: 5m, until: 1h }
                createdAt: 1m
              - name: worker
                duration: { dist: uniform, min: 100ms, max: 400ms }
                arrivals: { constant: 2/s }
              - name: exp
                duration: { dist: exponential, mean: 200ms }
                arrivals: { none: true }
              - name: norm
                duration: { dist: normal, mean: 1s, stddev: 250ms, cap: 3s }
                arrivals: { poisson: 10/h }
              - name: const
                duration: { dist: constant, value: 1.5s }
                arrivals: { constant: 2/d }
            """;

    /** The small valid scenario the validation tests edit. */
    private static final String GOOD = ScenarioValidationTest.GOOD;

    @TempDir
    Path dir;

    @Test
    void aFullScenarioReadsEveryField() throws ScenarioException {
        Scenario s = ScenarioLoader.parse(FULL, "full.yaml");
        assertEquals("full.example_1", s.name());
        assertEquals("every field set", s.description());
        assertEquals(42, s.seed());
        assertEquals(7200 * S, s.durationMicros());
        assertEquals(30 * S, s.bucketMicros());
        assertEquals(new Scenario.Account(2000, 200, 5000), s.account());
        assertEquals("full.yaml", s.source());

        assertEquals(List.of("vpc-main", "vpc-other"), s.vpcs().stream().map(Scenario.Vpc::id).toList());
        Scenario.Vpc main = s.vpcs().get(0);
        assertEquals(250, main.eniQuota());
        assertEquals(List.of("sg-app", "sg-db"), main.securityGroups());
        assertEquals(new Scenario.Subnet("subnet-a", Cidr.parse("10.0.1.0/28"), "us-east-1a", 3),
                main.subnets().get(0));
        assertEquals(new Scenario.Subnet("subnet-b", Cidr.parse("10.0.16.0/20"), "us-east-1b", 0),
                main.subnets().get(1));
        // subnets of different VPCs may overlap: only one VPC's subnets must not
        assertEquals("subnet-c", s.vpcs().get(1).subnets().get(0).id());

        Scenario.Hyperplane h = s.hyperplane();
        assertEquals(new DistributionSpec.LogNormal(90 * S, 360 * S, 600 * S), h.eniCreateTime());
        assertEquals(new DistributionSpec.Constant(2 * S), h.attachExistingTime());
        assertEquals(1000, h.connectionsPerEni());
        assertEquals(600 * S, h.eniRetryBackoffMicros());

        Scenario.Function f = s.functions().get(0);
        assertEquals("orders-api", f.name());
        assertEquals(1024, f.memoryMb());
        assertEquals(10 * S, f.timeoutMicros());
        // order as written: Lambda keeps the lists as given, ENI keys sort them where it matters
        assertEquals(new Scenario.VpcConfig(List.of("subnet-b", "subnet-a"), List.of("sg-db", "sg-app")),
                f.vpcConfig());
        assertEquals(OptionalInt.of(200), f.reservedConcurrency());
        assertEquals(new DistributionSpec.LogNormal(120_000, 2 * S, INF), f.duration());
        assertEquals(2, f.connectionsPerInvocation());
        assertEquals(new ArrivalSpec.Poisson(50, 300 * S, 3600 * S), f.arrivals());
        assertEquals(60 * S, f.createdAtMicros());

        List<Scenario.Function> fs = s.functions();
        assertEquals(List.of("orders-api", "worker", "exp", "norm", "const"),
                fs.stream().map(Scenario.Function::name).toList());
        assertEquals(new DistributionSpec.Uniform(100_000, 400_000, INF), fs.get(1).duration());
        assertEquals(new ArrivalSpec.Constant(2, 0, Long.MAX_VALUE), fs.get(1).arrivals());
        assertEquals(new DistributionSpec.Exponential(200_000, INF), fs.get(2).duration());
        assertEquals(new ArrivalSpec.None(), fs.get(2).arrivals());
        assertEquals(new DistributionSpec.Normal(S, 250_000, 3 * S), fs.get(3).duration());
        assertEquals(10 / 3600.0, ((ArrivalSpec.Poisson) fs.get(3).arrivals()).ratePerSecond(), 1e-15);
        assertEquals(new DistributionSpec.Constant(1_500_000, INF), fs.get(4).duration());
        assertEquals(2 / 86400.0, ((ArrivalSpec.Constant) fs.get(4).arrivals()).ratePerSecond(), 1e-15);
    }

    @Test
    void everyOptionalFieldHasItsDocumentedDefault() throws ScenarioException {
        Scenario s = ScenarioLoader.parse("""
                name: minimal
                duration: 10m
                vpcs:
                  - id: vpc-1
                    subnets: [{ id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }]
                functions:
                  - name: f
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                """, "minimal.yaml");
        assertEquals("", s.description());
        assertEquals(1, s.seed());
        assertEquals(60 * S, s.bucketMicros());
        assertEquals(new Scenario.Account(1000, 100, 5000), s.account());
        Scenario.Vpc vpc = s.vpcs().get(0);
        assertEquals(500, vpc.eniQuota());
        assertEquals(List.of(), vpc.securityGroups());
        assertEquals(0, vpc.subnets().get(0).otherUsedIps());

        Scenario.Hyperplane h = s.hyperplane();
        assertEquals(new DistributionSpec.LogNormal(75 * S, 300 * S, INF), h.eniCreateTime());
        assertEquals(new DistributionSpec.Constant(5 * S), h.attachExistingTime());
        assertEquals(65_000, h.connectionsPerEni());
        assertEquals(300 * S, h.eniRetryBackoffMicros());

        Scenario.Function f = s.functions().get(0);
        assertEquals(128, f.memoryMb());
        assertEquals(3 * S, f.timeoutMicros());
        assertEquals(Scenario.VpcConfig.NONE, f.vpcConfig());
        assertEquals(OptionalInt.empty(), f.reservedConcurrency());
        assertEquals(new DistributionSpec.Constant(100_000), f.duration());
        assertEquals(1, f.connectionsPerInvocation());
        assertEquals(new ArrivalSpec.Poisson(1, 0, Long.MAX_VALUE), f.arrivals());
        assertEquals(0, f.createdAtMicros());
        assertEquals("f-role", f.role());
        assertEquals(14 * 86_400_000_000L, h.idleReclaimAfterMicros());
    }

    @Test
    void emptyVpcConfigListsMeanNotAttached() throws ScenarioException {
        Scenario s = ScenarioLoader.parse(GOOD.replace("{ subnetIds: [subnet-a], securityGroupIds: [sg-app] }",
                "{ subnetIds: [], securityGroupIds: [] }"), "x.yaml");
        assertEquals(Scenario.VpcConfig.NONE, s.functions().get(0).vpcConfig());
    }

    @Test
    void theExampleInTheReadmeLoads() throws Exception {
        String readme = Files.readString(Path.of("scenarios/README.md"));
        int start = readme.indexOf("```yaml\nname: example");
        assertTrue(start >= 0, "the README has a complete example");
        String yaml = readme.substring(start + "```yaml\n".length(), readme.indexOf("```", start + 7));
        Scenario s = ScenarioLoader.parse(yaml, "README.md example");
        assertEquals("example", s.name());
    }

    @Test
    void jsonWorksTooFromAFileOrText() throws Exception {
        String json = """
                {"name": "j", "duration": "1h",
                 "vpcs": [{"id": "v", "subnets": [{"id": "s", "cidr": "10.0.0.0/24", "az": "a"}],
                           "securityGroups": ["sg"]}],
                 "functions": [{"name": "f", "duration": {"dist": "exponential", "mean": "20ms"},
                                "vpcConfig": {"subnetIds": ["s"], "securityGroupIds": ["sg"]},
                                "arrivals": {"poisson": "5/s"}}]}
                """;
        Path file = dir.resolve("s.json");
        Files.writeString(file, json);
        Scenario fromFile = ScenarioLoader.load(file);
        assertEquals(List.of("s"), fromFile.functions().get(0).vpcConfig().subnetIds());
        assertEquals(new DistributionSpec.Exponential(20_000, INF), fromFile.functions().get(0).duration());
        // YAML reads JSON as well, whatever the file is called
        Path other = dir.resolve("s.scenario");
        Files.writeString(other, json);
        assertEquals(fromFile.functions(), ScenarioLoader.load(other).functions());
    }

    @Test
    void malformedJsonNamesLineAndColumn() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"name\": \"j\",\n \"duration\": \"1h\"\n \"functions\": []}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertEquals(1, e.problems().size());
        assertTrue(e.getMessage().startsWith(file + ": malformed JSON at line 3, column 2: "),
                e.getMessage());
    }

    @Test
    void aMissingFileIsOneProblem() {
        Path file = dir.resolve("nope.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertEquals(List.of(new Problem("", "file not found")), e.problems());
        assertEquals(file + ": file not found", e.getMessage());
        assertEquals(file.toString(), e.source());
    }

    @Test
    void malformedYamlIsOneProblemWithItsLine() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(GOOD.replace("duration: 1h", "duration: [1h"), "bad.yaml"));
        assertEquals(1, e.problems().size());
        assertEquals("", e.problems().get(0).path());
        // one line, naming where the parser gave up and where the construct it was reading began
        assertEquals("bad.yaml: malformed YAML/JSON at line 3, column 5: expected ',' or ']', but got : "
                + "(while parsing a flow sequence at line 2, column 11)", e.getMessage());
    }

    @Test
    void aRepeatedKeyIsAnErrorNotSilentlyTheLastValue() {
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(GOOD.replace("duration: 1h", "duration: 1h\nduration: 2h"), "dup.yaml"));
        assertEquals(List.of("duration: written twice (again at line 3; first at 2): a key is written once in a map"),
                e.problems().stream().map(Problem::toString).toList());
    }

    /**
     * A repeated key is said at its path and line with the file's other problems, all at once: the parser's
     * "Duplicate field 'duration'" at (root) hid the 13 others of an SRE review's file.
     */
    @Test
    void aRepeatedKeyIsSaidWithTheFilesOtherProblems() throws Exception {
        Path file = dir.resolve("dup.yaml");
        Files.writeString(file, GOOD.replace("    duration: 100ms\n", "    duration: 100ms\n    duration: 200ms\n")
                .replace("reservedConcurrency: 100", "memoryMb: 64").replace("poisson: 5/s", "poisson: -5/s"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        assertEquals(file + ":13: functions[0].duration: written twice (again at line 14; first at 13): a key is"
                + " written once in a map\n"
                + file + ":11: functions[0].memoryMb: expected a whole number from 128 to 10240, got 64\n"
                + file + ":15: functions[0].arrivals.poisson: a rate must be positive: '-5/s'", e.getMessage());
        // in a flow map too, and a repeated key inside a list's element
        ScenarioException flow = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(GOOD.replace(
                "subnetIds: [subnet-a],", "subnetIds: [subnet-a], subnetIds: [subnet-b],"), "t.yaml"));
        assertEquals(List.of("functions[0].vpcConfig.subnetIds: written twice (again at line 12; first at 12): a key"
                + " is written once in a map"), flow.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void emptyAndNonObjectFilesSayWhatIsExpected() {
        assertEquals("the file is empty", only("").message());
        assertEquals("expected a scenario (key: value pairs at the top level)", only("- a\n- b\n").message());
    }

    @Test
    void aScenarioFileLoadsFromDisk() throws Exception {
        Path file = dir.resolve("good.yml");
        Files.writeString(file, GOOD);
        Scenario s = ScenarioLoader.load(file);
        assertEquals("good", s.name());
        assertEquals(file.toString(), s.source());
        assertFalse(s.functions().isEmpty());
    }

    private static Problem only(String yaml) {
        return ScenarioValidationTest.only(yaml);
    }
}
