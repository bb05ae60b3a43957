package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.unwrapped;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.Scenario.Function.Existing;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Import of the shapes real AWS CLI / SDK output takes (issue 12, "Import of real AWS output"): whatever the files
 * hold, the result is either a scenario that loads or input problems with file and path, never a crash.
 */
class RealOutputTest {

    static final Path REAL = Path.of("src/test/resources/importer/real");
    static final Path SUBNETS1 = REAL.resolve("subnets-page1.json");
    static final Path SUBNETS2 = REAL.resolve("subnets-page2.json");

    @TempDir
    Path dir;

    private static Importer.Inputs in(List<Path> subnets, List<Path> functions) {
        return new Importer.Inputs(subnets, functions, List.of(), List.of(), List.of());
    }

    private Scenario load(String yaml) throws Exception {
        return ScenarioLoader.load(write(dir, "imported.yaml", yaml));
    }

    private static Scenario.Function fn(Scenario s, String name) {
        return s.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }

    private static final String TWO_SUBNETS = """
            {"Subnets": [
              {"AvailabilityZone": "eu-central-1a", "AvailableIpAddressCount": 240, "CidrBlock": "10.20.1.0/24",
               "SubnetId": "subnet-0aa11bb22cc33dd44", "VpcId": "vpc-0f0e0d0c0b0a09080"},
              {"AvailabilityZone": "eu-central-1b", "AvailableIpAddressCount": 250, "CidrBlock": "10.20.2.0/24",
               "SubnetId": "subnet-0ee55ff66aa77bb88", "VpcId": "vpc-0f0e0d0c0b0a09080"}]}
            """;

    private static String config(String name, String extra) {
        return "{\"FunctionName\": \"" + name + "\", \"MemorySize\": 256, \"Timeout\": 10, \"Version\": \"$LATEST\","
                + " \"VpcConfig\": {\"SubnetIds\": [\"subnet-0aa11bb22cc33dd44\"], \"SecurityGroupIds\":"
                + " [\"sg-0123abcd4567ef890\"], \"VpcId\": \"vpc-0f0e0d0c0b0a09080\"}" + extra + "}\n";
    }

    // --- names, CIDRs and groups the scenario loader refuses ---

    @Test
    void functionNamesTheScenarioRefusesAreLeftOutWithANote() throws Exception {
        Path subnets = write(dir, "subnets.json", TWO_SUBNETS);
        Path functions = write(dir, "functions.json", "{\"Functions\": [" + config("<function-name:1>", "") + ","
                + config("", "") + "," + config("payments-api", "") + "]}");
        String yaml = unwrapped(Importer.scenario(in(List.of(subnets), List.of(functions)), "names", 600));
        Scenario s = load(yaml);
        assertEquals(List.of("payments-api"), s.functions().stream().map(Scenario.Function::name).toList());
        assertTrue(yaml.contains("function '<function-name:1>' (" + functions + ", Functions[0]) left out: a function"
                + " name is 1 to 64 letters"), yaml);
        assertTrue(yaml.contains("function '' (" + functions + ", Functions[1]) left out"), yaml);

        Path none = write(dir, "none.json", config("<function-name:1>", ""));
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Importer.scenario(in(List.of(subnets), List.of(none)), "names", 600));
        assertTrue(e.getMessage().contains("no function found: a scenario needs at least one (function"
                + " '<function-name:1>'"), e.getMessage());
    }

    @Test
    void overlappingSubnetsKeepTheOneInUseOrAreAnInputProblem() throws Exception {
        // saves from before and after a subnet was re-created: the same CIDR twice in one VPC
        Path subnets = write(dir, "subnets.json", """
                {"Subnets": [
                  {"AvailabilityZone": "eu-central-1a", "AvailableIpAddressCount": 251, "CidrBlock": "10.20.1.0/24",
                   "SubnetId": "subnet-0old0000000000000", "VpcId": "vpc-0f0e0d0c0b0a09080"},
                  {"AvailabilityZone": "eu-central-1a", "AvailableIpAddressCount": 240, "CidrBlock": "10.20.1.0/24",
                   "SubnetId": "subnet-0aa11bb22cc33dd44", "VpcId": "vpc-0f0e0d0c0b0a09080"}]}
                """);
        Path functions = write(dir, "functions.json", config("payments-api", ""));
        String yaml = unwrapped(Importer.scenario(in(List.of(subnets), List.of(functions)), "overlap", 600));
        Scenario s = load(yaml);
        assertEquals(List.of("subnet-0aa11bb22cc33dd44"), s.vpcs().get(0).subnets().stream()
                .map(Scenario.Subnet::id).toList());
        assertTrue(yaml.contains("subnet subnet-0old0000000000000 (10.20.1.0/24) overlaps subnet-0aa11bb22cc33dd44"
                + " (10.20.1.0/24) in vpc-0f0e0d0c0b0a09080: left out"), yaml);

        Path both = write(dir, "both.json", "{\"Functions\": [" + config("payments-api", "") + ","
                + config("old-api", "").replace("subnet-0aa11bb22cc33dd44", "subnet-0old0000000000000") + "]}");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Importer.scenario(in(List.of(subnets), List.of(both)), "overlap", 600));
        assertEquals(subnets.toString(), e.source());
        assertTrue(e.problems().get(0).toString().startsWith("Subnets[0].CidrBlock: 10.20.1.0/24 of"
                + " subnet-0old0000000000000 overlaps 10.20.1.0/24 of subnet-0aa11bb22cc33dd44 (" + subnets
                + ", Subnets[1])"), e.getMessage());
    }

    @Test
    void oneSecurityGroupInTwoVpcsIsAnInputProblem() throws Exception {
        Path subnets = write(dir, "subnets.json", """
                {"Subnets": [
                  {"AvailabilityZone": "us-west-2a", "AvailableIpAddressCount": 4000, "CidrBlock": "10.0.0.0/20",
                   "SubnetId": "subnet-1a2b3c4d", "VpcId": "vpc-0ee975135dEXAMPLE"},
                  {"AvailabilityZone": "us-west-2b", "AvailableIpAddressCount": 4000, "CidrBlock": "10.1.0.0/20",
                   "SubnetId": "subnet-5e6f7a8b", "VpcId": "vpc-3EXAMPLE"}]}
                """);
        Path functions = write(dir, "functions.json", """
                {"Functions": [
                  {"FunctionName": "my-function", "Version": "$LATEST", "MemorySize": 256, "Timeout": 3,
                   "VpcConfig": {"SubnetIds": ["subnet-1a2b3c4d"], "SecurityGroupIds": ["sg-903004f8"]}},
                  {"FunctionName": "my-python-function", "Version": "$LATEST", "MemorySize": 128, "Timeout": 3,
                   "VpcConfig": {"SubnetIds": ["subnet-5e6f7a8b"], "SecurityGroupIds": ["sg-903004f8"]}}]}
                """);
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Importer.scenario(in(List.of(subnets), List.of(functions)), "sg", 600));
        assertEquals(1, e.problems().size(), e.getMessage());
        assertTrue(e.problems().get(0).toString().startsWith("Functions[1].VpcConfig.SecurityGroupIds: security"
                + " group sg-903004f8 is used here with subnets of vpc-3EXAMPLE and by my-function"), e.getMessage());
    }

    // --- pages ---

    @Test
    void onePageOfAListingIsRefusedUnlessAllowedAndEveryPageIsAccepted() throws Exception {
        Path functions = REAL.resolve("get-function-appended.json");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Importer.scenario(in(List.of(SUBNETS1), List.of(functions)), "pages", 600));
        assertEquals(SUBNETS1.toString(), e.source());
        assertTrue(e.problems().get(0).toString().startsWith("NextToken: `aws ec2 describe-subnets` output in "
                + SUBNETS1 + " (NextToken) is one page of a longer listing"), e.getMessage());
        assertTrue(e.getMessage().contains("--allow-partial"), e.getMessage());

        Importer.Result partial = Importer.run(in(List.of(SUBNETS1), List.of(write(dir, "f.json",
                config("payments-api", "")))), new Importer.Options("pages", 600, 0, 0, true));
        assertEquals(1, partial.warnings().size());
        assertTrue(partial.yaml().contains("#   - PARTIAL: `aws ec2 describe-subnets` output"), partial.yaml());
        assertEquals(1, load(partial.yaml()).vpcs().get(0).subnets().size());

        Scenario all = load(Importer.scenario(in(List.of(SUBNETS1, SUBNETS2), List.of(functions)), "pages", 600));
        assertEquals(2, all.vpcs().get(0).subnets().size(), "both pages");

        // list-functions: a non-empty NextMarker is a page; "" is the last one
        Path page1 = REAL.resolve("list-functions-page1.json");
        ScenarioException f = assertThrows(ScenarioException.class,
                () -> Importer.scenario(in(List.of(SUBNETS1, SUBNETS2), List.of(page1)), "pages", 600));
        assertTrue(f.getMessage().contains("NextMarker: `aws lambda list-functions` output"), f.getMessage());
        Scenario two = load(Importer.scenario(in(List.of(SUBNETS1, SUBNETS2), List.of(page1,
                REAL.resolve("list-functions-page2.json"))), "pages", 600));
        assertEquals(List.of("payments-api", "payments-reconcile"), two.functions().stream()
                .map(Scenario.Function::name).toList());
    }

    // --- several documents in one file ---

    @Test
    void appendedDocumentsAndJqSlurpedArraysAreAllRead() throws Exception {
        Path appended = REAL.resolve("get-function-appended.json");
        String yaml = Importer.scenario(in(List.of(SUBNETS1, SUBNETS2), List.of(appended)), "docs", 600);
        Scenario s = load(yaml);
        assertEquals(List.of("payments-api", "payments-reconcile", "payments-webhook"), s.functions().stream()
                .map(Scenario.Function::name).toList());
        assertEquals(Existing.ACTIVE, fn(s, "payments-api").existing());
        assertEquals(Existing.INACTIVE, fn(s, "payments-reconcile").existing());
        assertEquals(Existing.NO, fn(s, "payments-webhook").existing(), "Pending: created at time 0");

        // jq -s . get-function-appended.json > slurped.json
        String text = Files.readString(appended);
        String slurped = "[" + text.replace("}\n{", "},\n{").replace("}{", "},{") + "]";
        Path jq = write(dir, "slurped.json", slurped);
        assertEquals(ImporterTest.unsealed(yaml), ImporterTest.unsealed(Importer.scenario(in(List.of(SUBNETS1,
                SUBNETS2), List.of(jq)), "docs", 600)).replace(jq.toString(), appended.toString()));

        // problems name the document
        Path broken = write(dir, "broken.json", config("a", "") + config("b", ", \"MemorySize\": \"big\"")
                .replace("\"MemorySize\": 256, ", ""));
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Importer.scenario(in(List.of(SUBNETS1, SUBNETS2), List.of(broken)), "docs", 600));
        assertEquals("[1].MemorySize: expected a whole number, got \"big\"", e.problems().get(0).toString());
    }

    // --- concurrency ---

    @Test
    void reservedConcurrencyAndTheAccountLimitAreImported() throws Exception {
        Importer.Inputs inputs = new Importer.Inputs(List.of(SUBNETS1, SUBNETS2),
                List.of(REAL.resolve("get-function-appended.json")), List.of(), List.of(), List.of(),
                List.of(REAL.resolve("get-account-settings.json")),
                Map.of("payments-reconcile", REAL.resolve("get-function-concurrency.json")));
        String yaml = Importer.scenario(inputs, Importer.Options.named("conc", 600));
        Scenario s = load(yaml);
        assertEquals(40, fn(s, "payments-api").reservedConcurrency().getAsInt(), "get-function's Concurrency");
        assertEquals(25, fn(s, "payments-reconcile").reservedConcurrency().getAsInt(), "get-function-concurrency");
        assertTrue(fn(s, "payments-webhook").reservedConcurrency().isEmpty());
        assertEquals(3000, s.account().concurrencyLimit(), "get-account-settings");
        assertTrue(yaml.contains("account: { concurrencyLimit: 3000 }   # get-account-settings"), yaml);

        Path bare = REAL.resolve("get-function-concurrency.json");
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Importer.scenario(in(List.of(SUBNETS1, SUBNETS2), List.of(bare)), "conc", 600));
        assertTrue(e.getMessage().contains("give it as --concurrency FUNCTION=FILE"), e.getMessage());

        // more reserved than the placeholder limit allows: the placeholder is raised, the scenario loads
        Path big = write(dir, "big.json", "{\"Concurrency\": {\"ReservedConcurrentExecutions\": 1500},"
                + " \"Configuration\": " + config("payments-api", "") + "}");
        String raised = Importer.scenario(in(List.of(SUBNETS1, SUBNETS2), List.of(big)), "conc", 600);
        assertEquals(1600, load(raised).account().concurrencyLimit());
        assertTrue(raised.contains("concurrencyLimit: 1600 }   # placeholder"), raised);
    }

    // --- encodings ---

    @Test
    void powerShellEncodingsAreDetected() throws Exception {
        Path functions = write(dir, "f.json", config("payments-api", "").replace("subnet-0aa11bb22cc33dd44",
                "subnet-0ee55ff66aa77bb88"));
        String plain = Importer.scenario(in(List.of(SUBNETS2), List.of(functions)), "enc", 600);
        String text = Files.readString(SUBNETS2).replace("\n", "\r\n"); // PowerShell writes CRLF
        byte[][] variants = {
            concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, text.getBytes(StandardCharsets.UTF_8)),
            concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)), // `>` in 5.1
            concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE)),
            text.getBytes(StandardCharsets.UTF_16LE)}; // no mark
        for (byte[] v : variants) {
            Path p = dir.resolve("subnets.json");
            Files.write(p, v);
            assertEquals(ImporterTest.unsealed(plain), ImporterTest.unsealed(Importer.scenario(in(List.of(p),
                    List.of(functions)), "enc", 600)).replace(p.toString(), SUBNETS2.toString()));
        }
        Path garbage = dir.resolve("garbage.json");
        Files.write(garbage, new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'});
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Importer.scenario(in(List.of(garbage), List.of(functions)), "enc", 600));
        assertTrue(e.getMessage().contains("not text (neither UTF-8 nor UTF-16)"), e.getMessage());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    // --- CloudWatch from AWS CLI v1 ---

    @Test
    void cloudWatchEpochTimestampsAreRead() throws Exception {
        Path functions = write(dir, "f.json", config("payments-api", ""));
        Importer.Inputs inputs = new Importer.Inputs(List.of(SUBNETS1, SUBNETS2), List.of(functions), List.of(),
                List.of(), List.of(REAL.resolve("get-metric-data-cliv1.json")));
        String yaml = Importer.scenario(inputs, Importer.Options.named("v1", 600));
        Scenario s = load(yaml);
        assertEquals(15 * 60 * 1_000_000L, s.durationMicros(), "three 5-minute periods");
        assertTrue(yaml.contains("- { poisson: 60/m, from: 0s, until: 5m }   # 300"), yaml);
        assertTrue(yaml.contains("- { poisson: 180/m, from: 5m, until: 10m }   # 900"), yaml);
        assertTrue(yaml.contains("mean: 129ms"), "invocation-weighted Duration (300 x 110 + 900 x 140 + 600 x"
                + " 120.5) / 1800 = 128.5: " + yaml);
    }

    // --- State, ranges, missing figures ---

    @Test
    void newerStatesAreMappedAndSaidSo() throws Exception {
        Path functions = write(dir, "f.json", config("gone", ", \"State\": \"Deleting\"")
                + config("quiet", ", \"State\": \"Deactivated\"") + config("winding", ", \"State\": \"Deactivating\"")
                + config("locked", ", \"State\": \"ActiveNonInvocable\"") + config("odd", ", \"State\": \"Sleeping\""));
        String yaml = unwrapped(Importer.scenario(in(List.of(SUBNETS1, SUBNETS2), List.of(functions)), "st", 600));
        Scenario s = load(yaml);
        assertEquals(List.of("locked", "odd", "quiet", "winding"), s.functions().stream()
                .map(Scenario.Function::name).toList(), "Deleting is left out");
        assertEquals(Existing.INACTIVE, fn(s, "quiet").existing());
        assertEquals(Existing.INACTIVE, fn(s, "winding").existing());
        assertEquals(Existing.ACTIVE, fn(s, "locked").existing());
        assertTrue(yaml.contains("left out: its State is Deleting"), yaml);
        assertTrue(yaml.contains("is ActiveNonInvocable: imported as Active"), yaml);
        assertTrue(yaml.contains("State 'Sleeping' is unknown to enisim"), yaml);
    }

    @Test
    void figuresBeyondTheModelAndMissingOnesArePlaceholders() throws Exception {
        Path functions = write(dir, "f.json", config("big", "").replace("\"MemorySize\": 256, \"Timeout\": 10",
                "\"MemorySize\": 32768, \"Timeout\": 5400")
                + config("bare", "").replace("\"MemorySize\": 256, \"Timeout\": 10, ", "")
                + config("managed", ", \"CapacityProviderConfig\": {\"LambdaManagedInstancesCapacityProviderConfig\":"
                + " {\"CapacityProviderArn\": \"arn:aws:lambda:eu-central-1:210987654321:capacity-provider:cp\"}}"));
        String yaml = Importer.scenario(in(List.of(SUBNETS1, SUBNETS2), List.of(functions)), "ranges", 600);
        Scenario s = load(yaml);
        assertEquals(List.of("bare", "big"), s.functions().stream().map(Scenario.Function::name).toList());
        assertEquals(10_240, fn(s, "big").memoryMb());
        assertEquals(900_000_000L, fn(s, "big").timeoutMicros());
        assertTrue(yaml.contains("memoryMb: 10240   # placeholder: MemorySize 32768 MB is beyond the model's 10240"
                + " MB"), yaml);
        assertTrue(yaml.contains("timeout: 15m   # placeholder: Timeout 5400 s is beyond the model's 900 s"), yaml);
        assertTrue(yaml.contains("memoryMb: 128   # placeholder: MemorySize not in the saved output"), yaml);
        assertTrue(yaml.contains("timeout: 3s   # placeholder: Timeout not in the saved output"), yaml);
        assertTrue(unwrapped(yaml).contains("#   - functions[bare].memoryMb: MemorySize not in the saved output"), yaml);
        assertTrue(unwrapped(yaml).contains("'managed'") && unwrapped(yaml).contains("left out: it runs on a capacity"
                + " provider"), yaml);
    }

    @Test
    void aPublishedVersionAloneIsImported() throws Exception {
        Path v2 = REAL.resolve("get-function-configuration-version-2.json");
        String yaml = unwrapped(Importer.scenario(in(List.of(SUBNETS1, SUBNETS2), List.of(v2)), "v2", 600));
        Scenario s = load(yaml);
        assertEquals(List.of("payments-api"), s.functions().stream().map(Scenario.Function::name).toList());
        assertEquals(512, s.functions().get(0).memoryMb());
        assertTrue(yaml.contains("function payments-api: only published version(s) saved; its configuration is"
                + " taken from version 2"), yaml);
        assertFalse(yaml.contains("published version(s) left out"), yaml);
    }

    @Test
    void createSubnetOutputAndIpv6OnlySubnetsWithoutIpv6Native() throws Exception {
        // aws ec2 create-subnet prints {"Subnet": {...}}; an IPv6-only one has no CidrBlock (and, there, no Ipv6Native)
        Path created = write(dir, "created.json", """
                {"Subnet": {"AvailabilityZone": "eu-central-1a", "AvailableIpAddressCount": 251,
                  "CidrBlock": "10.20.1.0/24", "SubnetId": "subnet-0aa11bb22cc33dd44", "VpcId": "vpc-0f0e0d0c0b0a09080",
                  "State": "available", "Ipv6CidrBlockAssociationSet": []}}
                """);
        Path v6 = write(dir, "v6.json", """
                {"Subnet": {"AvailabilityZone": "eu-central-1a", "AvailableIpAddressCount": 0,
                  "SubnetId": "subnet-0v6v6v6v6v6v6v6v6", "VpcId": "vpc-0f0e0d0c0b0a09080", "State": "available",
                  "Ipv6CidrBlockAssociationSet": [{"AssociationId": "subnet-cidr-assoc-0123", "Ipv6CidrBlock":
                  "2600:1f13:cfe:3660::/64", "Ipv6CidrBlockState": {"State": "associated"}}]}}
                """);
        Path functions = write(dir, "f.json", config("payments-api", ""));
        String yaml = unwrapped(Importer.scenario(in(List.of(created, v6), List.of(functions)), "created", 600));
        assertEquals(1, load(yaml).vpcs().get(0).subnets().size());
        assertTrue(yaml.contains("subnet subnet-0v6v6v6v6v6v6v6v6 is IPv6-only"), yaml);

        Path gone = write(dir, "gone.json", config("payments-api", ", \"State\": \"Deleting\""));
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> Importer.scenario(in(List.of(created, v6), List.of(gone)), "created", 600));
        assertTrue(e.getMessage().endsWith("no function found: a scenario needs at least one (function 'payments-api'"
                + " (" + gone + ") left out: its State is Deleting)"), e.getMessage());
    }
}
