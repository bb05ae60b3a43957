package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.unwrapped;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a platform team's own exports showed the import getting wrong: a Lambda ENI in a subnet the (filtered)
 * describe-subnets output does not list, whose VpcId is a simulated VPC, holds a slot of that VPC's quota; SnapStart
 * is said beside the function; a function judged idle gets no invented traffic; a VpcId that is not its subnets' VPC
 * is refused; one VPC with subnets of two owners is noted; a shared VPC is noted once; messages name the function and
 * the command its State came from. Fixtures are this project's own, in the CLI's shapes.
 */
class ImportAccountExportsReviewTest {

    @TempDir
    Path dir;

    private static String subnet(String id, String cidr, int available, String owner) {
        return "{\"AvailabilityZone\": \"eu-central-1a\", \"AvailableIpAddressCount\": " + available + ", \"CidrBlock\": \""
                + cidr + "\", \"SubnetId\": \"" + id + "\", \"VpcId\": \"vpc-1\"" + (owner == null ? ""
                : ", \"OwnerId\": \"" + owner + "\"") + "}";
    }

    private static String subnets(String... subnets) {
        return "{\"Subnets\": [" + String.join(", ", subnets) + "]}";
    }

    /** A function on {@code subnetIds} with sg-1 (VpcId vpc-1 unless {@code vpcConfigExtra} says otherwise). */
    private static String function(String name, String fields, String vpcConfig) {
        return "{\"FunctionName\": \"" + name + "\", \"Runtime\": \"java21\", \"MemorySize\": 1024, \"Timeout\": 30"
                + fields + ", \"VpcConfig\": " + vpcConfig + "}";
    }

    private static String vpcConfig(String group, String vpcId, String... subnetIds) {
        return "{\"SubnetIds\": [\"" + String.join("\", \"", subnetIds) + "\"], \"SecurityGroupIds\": [\"" + group
                + "\"], \"VpcId\": \"" + vpcId + "\"}";
    }

    private static String functions(String... functions) {
        return "{\"Functions\": [" + String.join(", ", functions) + "]}";
    }

    private static String lambdaEni(String id, String subnet, String vpc, String group) {
        return "{\"NetworkInterfaceId\": \"" + id + "\", \"SubnetId\": \"" + subnet + "\", \"VpcId\": \"" + vpc + "\","
                + " \"InterfaceType\": \"lambda\", \"Attachment\": {\"AttachmentId\": \"ela-attach-" + id.substring(4)
                + "\"}, \"Groups\": [{\"GroupId\": \"" + group + "\"}]}";
    }

    private static String enis(String... enis) {
        return "{\"NetworkInterfaces\": [" + String.join(", ", enis) + "]}";
    }

    private String importing(String subnets, String functions, String enis, String metrics) throws Exception {
        Importer.Inputs in = new Importer.Inputs(List.of(write(dir, "subnets.json", subnets)),
                List.of(write(dir, "functions.json", functions)),
                enis == null ? List.of() : List.of(write(dir, "enis.json", enis)), List.of(),
                metrics == null ? List.of() : List.of(write(dir, "metrics.json", metrics)), List.of(), Map.of());
        String yaml = Importer.scenario(in, "t", 3600);
        ScenarioLoader.parse(yaml, "t");
        return yaml;
    }

    private static String line(String yaml, String part) {
        return yaml.lines().filter(l -> l.contains(part)).findFirst().orElseThrow(() -> new AssertionError(yaml));
    }

    /** The lines of function {@code name}'s entry. */
    private static String entry(String yaml, String name) {
        int at = yaml.indexOf("  - name: " + name + "\n");
        assertTrue(at >= 0, yaml);
        int end = yaml.indexOf("  - name: ", at + 1);
        return yaml.substring(at, end < 0 ? yaml.length() : end);
    }

    @Test
    void aLambdaEniInASubnetNotDescribedCountsInTheVpcItsVpcIdNames() throws Exception {
        // describe-subnets saved for the Lambda subnets only, describe-network-interfaces for the whole VPC: eni-2 is
        // a Lambda ENI of a function not imported, in subnet-z of vpc-1; eni-3 is in a VPC not simulated at all
        String yaml = importing(subnets(subnet("subnet-a", "10.0.0.0/24", 250, null)),
                functions(function("api", "", vpcConfig("sg-1", "vpc-1", "subnet-a"))),
                enis(lambdaEni("eni-1", "subnet-a", "vpc-1", "sg-1"), lambdaEni("eni-2", "subnet-z", "vpc-1", "sg-9"),
                        lambdaEni("eni-3", "subnet-y", "vpc-other", "sg-8")), null);
        assertTrue(line(yaml, "otherUsedEnis:").startsWith("    otherUsedEnis: 1   # 1 Lambda ENI(s) in subnets no"
                + " describe-subnets file lists, of this VPC by their VpcId"), yaml);
        assertTrue(line(yaml, "account:").contains("otherNetworkInterfaces: 1 "), yaml);
        String notes = unwrapped(yaml);
        assertTrue(notes.contains("vpc-1: 1 Lambda ENI(s) in subnet(s) no describe-subnets file lists (subnet-z) name"
                + " this VPC as their VpcId: each holds a slot of its Hyperplane ENI quota"), notes);
        assertTrue(notes.contains("1 Lambda ENI(s) in subnets no describe-subnets file lists: in no simulated VPC"),
                notes);
    }

    @Test
    void snapStartIsSaidBesideTheFunctionAndInTheNotes() throws Exception {
        String yaml = importing(subnets(subnet("subnet-a", "10.0.0.0/24", 249, null)),
                functions(function("ledger", ", \"SnapStart\": {\"ApplyOn\": \"PublishedVersions\","
                        + " \"OptimizationStatus\": \"On\"}", vpcConfig("sg-1", "vpc-1", "subnet-a")),
                        function("plain", ", \"SnapStart\": {\"ApplyOn\": \"None\", \"OptimizationStatus\": \"Off\"}",
                                vpcConfig("sg-1", "vpc-1", "subnet-a"))), null, null);
        assertTrue(entry(yaml, "ledger").contains("\n    # SnapStart (ApplyOn PublishedVersions): not modelled (README,"
                + " Modelling assumptions): cold starts of published versions are full inits here, slower than a"
                + " restore from a snapshot\n    runtime: java21   # init time from the measured preset\n"), yaml);
        assertFalse(entry(yaml, "plain").contains("SnapStart"), yaml);
        // as JSON, the comment stands beside the runtime, the value it is about (a comment line: the value after it)
        com.fasterxml.jackson.databind.JsonNode comments = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(JsonScenario.of(yaml)).path("x-enisim-import").path("comments");
        List<String> at = new java.util.ArrayList<>();
        comments.forEach(c -> {
            if (c.path("comment").asText().startsWith("SnapStart")) {
                at.add(c.path("at").asText());
            }
        });
        assertEquals(List.of("/functions/0/runtime"), at, comments.toString());
        assertTrue(unwrapped(yaml).contains("1 function(s) have SnapStart on (ApplyOn PublishedVersions): ledger."
                + " SnapStart is not modelled (README, Modelling assumptions)"), yaml);
    }

    @Test
    void aFunctionJudgedIdleGetsNoInventedTraffic() throws Exception {
        // api's ENI is listed (Active), idle's key has none (Inactive); CloudWatch has a result for neither
        String metrics = "{\"MetricDataResults\": [" + CloudWatchResultsTest.result("other_invocations",
                "other Invocations", "[\"2026-11-20T08:05:00Z\", \"2026-11-20T08:00:00Z\"]", "[3.0, 2.0]") + "]}";
        String fns = functions(function("api", "", vpcConfig("sg-1", "vpc-1", "subnet-a")),
                function("idle", "", vpcConfig("sg-2", "vpc-1", "subnet-a")),
                function("other", "", vpcConfig("sg-1", "vpc-1", "subnet-a")));
        String yaml = importing(subnets(subnet("subnet-a", "10.0.0.0/24", 250, null)), fns,
                enis(lambdaEni("eni-1", "subnet-a", "vpc-1", "sg-1")), metrics);
        assertTrue(entry(yaml, "idle").contains("    existing: Inactive"), yaml);
        assertTrue(entry(yaml, "idle").contains("    arrivals: { none: true }   # placeholder: Inactive (idle) and no"
                + " CloudWatch Invocations: no traffic invented\n"), yaml);
        assertTrue(entry(yaml, "api").contains("    arrivals: { poisson: 1/s }   # placeholder\n"), yaml);
        String text = unwrapped(yaml);
        assertTrue(text.contains("#   - functions[idle].arrivals: none (Inactive, idle, and no CloudWatch Invocations:"
                + " no traffic invented)"), text);
        assertTrue(text.contains("idle starts Inactive (idle, its ENIs reclaimed) and has no CloudWatch Invocations"
                + " result: no traffic is invented for a function judged idle"), text);
        assertTrue(text.contains("api: no CloudWatch Invocations result; its traffic is a placeholder"), text);
        assertFalse(text.contains("idle: no CloudWatch Invocations result; its traffic is a placeholder"), text);
        // the notes stay where the window's are: before the states' own
        assertTrue(text.indexOf("api: no CloudWatch Invocations result") < text.indexOf("idle starts Inactive"), text);
    }

    @Test
    void manyIdleFunctionsWithoutCloudWatchAreSaidOnce() throws Exception {
        String metrics = "{\"MetricDataResults\": [" + CloudWatchResultsTest.result("api_invocations",
                "api Invocations", "[\"2026-11-20T08:05:00Z\", \"2026-11-20T08:00:00Z\"]", "[3.0, 2.0]") + "]}";
        List<String> fns = new java.util.ArrayList<>(List.of(function("api", "", vpcConfig("sg-1", "vpc-1",
                "subnet-a"))));
        for (int i = 1; i <= 6; i++) {
            fns.add(function("idle" + i, "", vpcConfig("sg-" + (i + 1), "vpc-1", "subnet-a")));
        }
        String yaml = importing(subnets(subnet("subnet-a", "10.0.0.0/24", 250, null)),
                functions(fns.toArray(String[]::new)), enis(lambdaEni("eni-1", "subnet-a", "vpc-1", "sg-1")), metrics);
        String text = unwrapped(yaml);
        assertTrue(text.contains("6 functions start Inactive (idle, their ENIs reclaimed) and have no CloudWatch"
                + " Invocations result: no traffic is invented for a function judged idle (`arrivals: { none: true }`,"
                + " a placeholder); give them arrivals to see their first invocations fail with"
                + " ResourceNotReadyException and restore their ENIs: idle1, idle2, idle3, idle4, idle5 and 1 more"),
                text);
        assertEquals(6, yaml.split("arrivals: \\{ none: true }   # placeholder", -1).length - 1, yaml);
    }

    @Test
    void aVpcIdThatIsNotTheSubnetsVpcIsRefused() throws Exception {
        ScenarioException e = assertThrows(ScenarioException.class, () -> importing(
                subnets(subnet("subnet-a", "10.0.0.0/24", 250, null)),
                functions(function("wrong-vpc", "", vpcConfig("sg-1", "vpc-9", "subnet-a"))), null, null));
        assertTrue(e.getMessage().contains("functions.json:1: Functions[0].VpcConfig.VpcId: wrong-vpc names VPC vpc-9,"
                + " but its subnets (subnet-a) are in vpc-1 (describe-subnets): expected the VPC of its subnets"),
                e.getMessage());
    }

    private static final String ARN = ", \"FunctionArn\": \"arn:aws:lambda:eu-central-1:111111111111:function:api\"";

    @Test
    void oneVpcWhoseSubnetsGiveTwoOwnersIsNoted() throws Exception {
        String yaml = importing(subnets(subnet("subnet-a", "10.0.0.0/24", 250, "111111111111"),
                subnet("subnet-b", "10.0.1.0/24", 251, "222222222222")),
                functions(function("api", ARN, vpcConfig("sg-1", "vpc-1", "subnet-a"))), null, null);
        assertTrue(unwrapped(yaml).contains("vpc-1: its subnets give several OwnerIds (subnet-a 111111111111, subnet-b"
                + " 222222222222), yet every subnet of a VPC is its owner's"), yaml);
    }

    @Test
    void aWholeSharedVpcIsNotedOnce() throws Exception {
        String yaml = importing(subnets(subnet("subnet-a", "10.0.0.0/24", 250, "222222222222"),
                subnet("subnet-b", "10.0.1.0/24", 250, "222222222222")),
                functions(function("api", ARN, vpcConfig("sg-1", "vpc-1", "subnet-a", "subnet-b"))), null, null);
        String text = unwrapped(yaml);
        assertEquals(1, text.split("shared through AWS RAM", -1).length - 1, text);
        assertTrue(text.contains("2 subnets of vpc-1 (subnet-a, subnet-b) are owned by account 222222222222"
                + " (describe-subnets OwnerId) and used by functions of account(s) 111111111111: subnets shared"
                + " through AWS RAM."), text);
        assertFalse(text.contains("several OwnerIds"), text);
    }

    @Test
    void aHalfVpcConfigNamesItsFunction() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> importing(
                subnets(subnet("subnet-a", "10.0.0.0/24", 250, null)),
                functions(function("half-config", "", "{\"SubnetIds\": [], \"SecurityGroupIds\": [\"sg-1\"]}")),
                null, null));
        assertTrue(e.getMessage().contains("Functions[0].VpcConfig: half-config: expected both SubnetIds and"
                + " SecurityGroupIds, or neither"), e.getMessage());
    }

    @Test
    void aStateFromGetFunctionSaysSo() throws Exception {
        String yaml = importing(subnets(subnet("subnet-a", "10.0.0.0/24", 249, null)),
                "{\"Configuration\": " + function("api", ", \"State\": \"Active\"", vpcConfig("sg-1", "vpc-1",
                        "subnet-a")) + ", \"Concurrency\": {\"ReservedConcurrentExecutions\": 50}}", null, null);
        assertTrue(entry(yaml, "api").contains("    existing: Active   # State Active (get-function)\n"), yaml);
    }
}
