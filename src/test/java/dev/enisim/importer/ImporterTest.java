package dev.enisim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.metrics.RunSummary;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.Scenario.Function.Existing;
import dev.enisim.scenario.ScenarioLoader;
import dev.enisim.workload.ArrivalSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import of realistic CLI output (scenarios/import-example) and of partial output: the scenario loads and runs. */
class ImporterTest {

    static final Path EX = Path.of("scenarios/import-example");
    static final String SHARED = "subnet-0c3b2a1f0e9d8c7b6";

    @TempDir
    Path dir;

    static Importer.Inputs example(Path folder) {
        return new Importer.Inputs(List.of(folder.resolve("subnets.json")), List.of(folder.resolve("functions.json")),
                List.of(folder.resolve("enis.json")), List.of(folder.resolve("security-groups.json")),
                List.of(folder.resolve("invocations.json")));
    }

    static Importer.Inputs only(Path subnets, Path... functions) {
        return new Importer.Inputs(List.of(subnets), List.of(functions), List.of(), List.of(), List.of());
    }

    /** describe-subnets output with one subnet, subnet-a (10.0.0.0/24 in vpc-1, 200 addresses free). */
    static final String ONE_SUBNET = """
            {"Subnets": [{"AvailabilityZone": "us-east-1a", "AvailableIpAddressCount": 200,
              "CidrBlock": "10.0.0.0/24", "SubnetId": "subnet-a", "VpcId": "vpc-1"}]}
            """;

    static Path write(Path dir, String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** The header's long list items joined back into one line each (they are wrapped at word boundaries). */
    static String unwrapped(String yaml) {
        return unsealed(yaml).replace("\n#     ", " ");
    }

    /**
     * The scenario without its last line, the checksum of the lines above ({@link ImportSeal}): two imports whose
     * headers name different input files differ in that line too, and only there.
     */
    static String unsealed(String yaml) {
        assertTrue(ImportSeal.intact(yaml), "sealed as the import writes it");
        return yaml.substring(0, yaml.lastIndexOf(ImportSeal.PREFIX));
    }

    private Scenario load(String yaml) throws Exception {
        return ScenarioLoader.load(write(dir, "imported.yaml", yaml));
    }

    @Test
    void theExampleAccountBecomesAScenarioThatLoadsAndRuns() throws Exception {
        Scenario s = load(Importer.scenario(example(EX), "shop", 86_400));
        Scenario.Vpc vpc = s.vpcs().get(0);
        assertEquals(List.of("subnet-0f1e2d3c4b5a69788", "subnet-09a8b7c6d5e4f3a21", SHARED),
                vpc.subnets().stream().map(Scenario.Subnet::id).toList(), "sorted by AZ");
        // usable - AvailableIpAddressCount - the keys whose ENI the scenario recreates at time 0
        assertEquals(List.of(251 - 231 - 2, 251 - 238 - 2, 59 - 4 - 1),
                vpc.subnets().stream().map(Scenario.Subnet::otherUsedIps).toList());
        assertEquals(List.of("sg-0a11aa11aa11aa11a", "sg-0b22bb22bb22bb22b", "sg-0c33cc33cc33cc33c",
                "sg-0d44dd44dd44dd44d"), vpc.securityGroups(), "the groups functions use, not ECS's or EKS's");
        assertEquals(List.of("audit-export", "checkout-api", "checkout-worker", "invoice-render", "thumbnailer"),
                s.functions().stream().map(Scenario.Function::name).toList());
        assertEquals(2 * 3600 * 1_000_000L, s.durationMicros(), "the two hours of CloudWatch data");
        Scenario.Function api = s.functions().get(1);
        assertEquals(1024, api.memoryMb());
        assertEquals(10_000_000L, api.timeoutMicros());
        assertEquals("checkout-role", api.role());
        assertEquals(Existing.ACTIVE, api.existing(), "enis.json has its ENI in each of its 3 subnets");
        assertEquals(23, ((ArrivalSpec.Superposition) api.arrivals()).parts().size(),
                "24 five-minute periods, the two equal ones at the peak merged");
        assertEquals(Existing.INACTIVE, s.functions().get(0).existing(), "audit-export's key has no ENI");
        assertTrue(s.functions().get(4).vpcConfig().subnetIds().isEmpty(), "thumbnailer is not in a VPC");
        assertEquals(Existing.ACTIVE, s.functions().get(4).existing());

        assertInstanceOf(ArrivalSpec.None.class, s.functions().get(0).arrivals(),
                "audit-export is idle and CloudWatch has nothing of it: no traffic invented");

        RunSummary r = new Simulation(s, 0).run().summary();
        assertEquals(0, r.invocations().errors().get("ResourceConflictException"), "nobody is Pending at the start");
        assertEquals(5, r.enis().created(), "5 keys recreated at time 0; audit-export, not invoked, stays Inactive");
        assertEquals(0, r.functions().get("audit-export").invocations().total(), "no invented call of the idle one");
        assertEquals(0, r.invocations().errors().get("ResourceNotReadyException"), "so no failure from it");
        assertEquals(231, r.subnets().get("subnet-0f1e2d3c4b5a69788").finalAvailableIps(),
                "the simulation starts with the free addresses the account has");
        assertEquals(4, r.subnets().get(SHARED).minAvailableIps(), "the shared subnet: no restore of audit-export");
        long invocations = r.functions().get("checkout-api").invocations().total();
        long cloudWatch = 435_292; // the sum of checkout-api's 24 periods in invocations.json
        assertTrue(Math.abs(invocations - cloudWatch) < 4 * Math.sqrt(cloudWatch), invocations + " vs " + cloudWatch);
    }

    @Test
    void theCommittedExampleIsWhatImportMakes() throws Exception {
        assertEquals(Files.readString(EX.resolve("scenario.yaml")), Importer.scenario(example(EX), Importer.Options
                .named("shop-eu-west-1", 86_400).window(java.time.Instant.parse("2026-11-20T08:00:00Z"),
                java.time.Instant.parse("2026-11-20T10:00:00Z"))), "regenerate with the README's import command");
    }

    @Test
    void theOrderTheCliListsThingsInDoesNotMatter() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Random random = new Random(7);
        String[][] lists = {{"subnets.json", "Subnets"}, {"functions.json", "Functions"},
            {"enis.json", "NetworkInterfaces"}, {"security-groups.json", "SecurityGroups"},
            {"invocations.json", "MetricDataResults"}};
        for (String[] l : lists) {
            ObjectNode root = (ObjectNode) json.readTree(EX.resolve(l[0]).toFile());
            List<JsonNode> items = new ArrayList<>();
            root.get(l[1]).forEach(items::add);
            Collections.shuffle(items, random);
            for (JsonNode item : items) {
                reverse(item, "Timestamps"); // get-metric-data --scan-by TimestampAscending
                reverse(item, "Values");
                reverse(item.path("VpcConfig"), "SubnetIds");
            }
            root.putArray(l[1]).addAll(items);
            json.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(l[0]).toFile(), root);
        }
        String shuffled = unwrapped(Importer.scenario(example(dir), "shop-eu-west-1", 86_400));
        assertEquals(unwrapped(Importer.scenario(example(EX), "shop-eu-west-1", 86_400)),
                shuffled.replace(dir.toString(), EX.toString()));
    }

    private static void reverse(JsonNode parent, String key) {
        if (parent.get(key) instanceof ArrayNode a) {
            List<JsonNode> items = new ArrayList<>();
            a.forEach(items::add);
            Collections.reverse(items);
            a.removeAll().addAll(items);
        }
    }

    @Test
    void perFunctionConfigurationsWithTheirStateAndNothingElse() throws Exception {
        // get-function-configuration prints State (list-functions does not), get-function wraps it in Configuration
        Path a = write(dir, "api.json", """
                {"FunctionName": "checkout-api", "FunctionArn": "arn:aws:lambda:eu-west-1:123456789012:function:checkout-api",
                 "Runtime": "python3.12", "Role": "arn:aws:iam::123456789012:role/service-role/checkout-role",
                 "MemorySize": 1024, "Timeout": 10, "Version": "$LATEST",
                 "VpcConfig": {"SubnetIds": ["subnet-0f1e2d3c4b5a69788"], "SecurityGroupIds": ["sg-0a11aa11aa11aa11a"],
                               "VpcId": "vpc-0a1b2c3d4e5f60718", "Ipv6AllowedForDualStack": false},
                 "State": "Inactive", "StateReason": "The function is inactive because it has been idle.",
                 "StateReasonCode": "Idle", "LastUpdateStatus": "Successful", "SomethingNew": {"added": "in 2027"}}
                """);
        Path b = write(dir, "worker.json", """
                {"Configuration": {"FunctionName": "checkout-worker", "MemorySize": 512, "Timeout": 60,
                  "VpcConfig": {"SubnetIds": ["subnet-0f1e2d3c4b5a69788"], "SecurityGroupIds": ["sg-0b22bb22bb22bb22b"]},
                  "State": "Pending", "StateReasonCode": "Creating"},
                 "Code": {"RepositoryType": "S3", "Location": "https://awslambda-eu-west-1-tasks.s3.eu-west-1.amazonaws.com/x"}}
                """);
        Path c = write(dir, "thumbs.json", """
                {"FunctionName": "thumbnailer", "MemorySize": 1536,
                 "VpcConfig": {"SubnetIds": [], "SecurityGroupIds": [], "VpcId": ""}, "State": "Active"}
                """);
        String yaml = unwrapped(Importer.scenario(only(EX.resolve("subnets.json"), a, b, c), "partial", 3600));
        Scenario s = load(yaml);
        assertEquals(3_600_000_000L, s.durationMicros(), "no CloudWatch data: the duration asked for");
        assertEquals(Existing.INACTIVE, s.functions().get(0).existing(), "State Inactive");
        assertEquals("checkout-role", s.functions().get(0).role(), "the role's name, without its path");
        assertEquals(Existing.NO, s.functions().get(1).existing(), "a Pending function is created at time 0");
        assertEquals(3_000_000L, s.functions().get(2).timeoutMicros(), "Lambda's default when Timeout is absent");
        assertTrue(s.functions().get(2).vpcConfig().subnetIds().isEmpty(), "empty VpcConfig lists: not in a VPC");
        // State Inactive (Idle) and no CloudWatch data: no traffic invented for a function judged idle
        assertInstanceOf(ArrivalSpec.None.class, s.functions().get(0).arrivals(), "no invented traffic");
        assertInstanceOf(ArrivalSpec.Poisson.class, s.functions().get(2).arrivals(), "placeholder traffic");
        assertTrue(yaml.contains("    arrivals: { poisson: 1/s }   # placeholder\n"));
        assertTrue(yaml.contains("#   - functions[checkout-api].arrivals: none (Inactive, idle, and no CloudWatch"
                + " Invocations: no traffic invented)\n"), yaml);
        assertTrue(yaml.contains("#   - functions[thumbnailer].arrivals: 1/s (no CloudWatch Invocations)\n"), yaml);
        assertTrue(yaml.contains("checkout-worker was Pending: it is created at time 0"), "said in the notes");
        // a subnet none of these functions recreates an ENI in: every address in use is someone else's
        assertEquals(251 - 231, s.vpcs().get(0).subnets().get(0).otherUsedIps());
        // Pending (being created) and no CloudWatch data: no traffic invented (r1: 121 invented
        // ResourceConflictExceptions); given some, its calls meet the Pending function as in AWS
        assertInstanceOf(ArrivalSpec.None.class, s.functions().get(1).arrivals(), "no invented traffic");
        String given = yaml.replaceFirst("arrivals: \\{ none: true \\}   # Pending[^\n]*", "arrivals: { poisson: 1/s }");
        RunSummary r = new Simulation(load(given), 0).run().summary();
        assertEquals("Active", r.functions().get("checkout-worker").finalState(), "Pending, then its ENI is ready");
        assertTrue(r.functions().get("checkout-worker").invocations().errors().get("ResourceConflictException") > 0);
    }

    @Test
    void withoutNetworkInterfacesTheFunctionsAreTakenAsActive() throws Exception {
        Importer.Inputs in = new Importer.Inputs(List.of(EX.resolve("subnets.json")),
                List.of(EX.resolve("functions.json")), List.of(), List.of(), List.of());
        String yaml = Importer.scenario(in, "no-enis", 600);
        Scenario s = load(yaml);
        assertTrue(s.functions().stream().allMatch(f -> f.existing() == Existing.ACTIVE));
        assertTrue(yaml.contains("existing: Active   # assumed: no describe-network-interfaces output to tell"));
        // audit-export's key counts too now: the shared subnet's 55 used addresses include its (assumed) ENI
        assertEquals(59 - 4 - 2, s.vpcs().get(0).subnets().get(2).otherUsedIps());
        RunSummary r = new Simulation(s, 0).run().summary();
        assertEquals(4, r.subnets().get(SHARED).finalAvailableIps(), "AvailableIpAddressCount, as in the account");
    }

    @Test
    void publishedVersionsAndIpv6OnlySubnetsAreLeftOutAndSaidSo() throws Exception {
        Path subnets = write(dir, "subnets.json", """
                {"Subnets": [
                  {"AvailabilityZone": "eu-west-1a", "AvailableIpAddressCount": 9, "CidrBlock": "10.0.0.0/28",
                   "State": "available", "SubnetId": "subnet-aaa", "VpcId": "vpc-1"},
                  {"AvailabilityZone": "eu-west-1b", "AvailableIpAddressCount": 0, "Ipv6Native": true,
                   "Ipv6CidrBlockAssociationSet": [{"Ipv6CidrBlock": "2a05:d018::/64"}], "SubnetId": "subnet-v6", "VpcId": "vpc-1"}]}
                """);
        Path functions = write(dir, "functions.json", """
                {"Functions": [
                  {"FunctionName": "api", "Version": "$LATEST", "VpcConfig": {"SubnetIds": ["subnet-aaa"], "SecurityGroupIds": ["sg-1"]}},
                  {"FunctionName": "api", "Version": "1", "VpcConfig": {"SubnetIds": ["subnet-aaa"], "SecurityGroupIds": ["sg-1"]}},
                  {"FunctionName": "api", "Version": "2", "VpcConfig": {"SubnetIds": ["subnet-aaa"], "SecurityGroupIds": ["sg-1"]}}],
                 "NextMarker": null}
                """);
        String yaml = unwrapped(Importer.scenario(only(subnets, functions), "versions", 600));
        Scenario s = load(yaml);
        assertEquals(1, s.functions().size());
        assertEquals(1, s.vpcs().get(0).subnets().size());
        assertEquals(11 - 9 - 1, s.vpcs().get(0).subnets().get(0).otherUsedIps(), "a /28 has 11 usable addresses");
        assertTrue(yaml.contains("2 published version(s) left out: only each function's $LATEST is imported"), yaml);
        assertTrue(yaml.contains("subnet subnet-v6 is IPv6-only"), yaml);
        assertFalse(yaml.contains("subnet-v6, "), "not in the scenario");
    }

    @Test
    void namesYamlWouldMisreadAreQuoted() {
        assertEquals("\"true\"", ScenarioWriter.q("true"));
        assertEquals("\"1234\"", ScenarioWriter.q("1234"));
        assertEquals("\"a b\"", ScenarioWriter.q("a b"));
        assertEquals("orders-api", ScenarioWriter.q("orders-api"));
        assertEquals("1h5m", ScenarioWriter.time(3900));
        assertEquals("0s", ScenarioWriter.time(0));
        assertEquals("2208.4/m", ScenarioWriter.rate(11_042, 300));
        assertEquals("7/h", ScenarioWriter.rate(7, 3600));
        assertEquals("0.33333333/s", ScenarioWriter.rate(10, 30));
    }
}
