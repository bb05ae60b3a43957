package dev.enisim.importer;

import static dev.enisim.importer.CloudWatchResultsTest.result;
import static dev.enisim.importer.ImporterTest.unwrapped;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an account's files say that the scenario must keep: the Lambda ENIs of keys no function starts with (in the
 * VPC's quota, not only as addresses), a Pending function on ENIs that exist, a function invoked in the window though
 * its ENI was not listed, an update under way, an IPv6-only subnet, CloudWatch results of functions not imported, and
 * output saved in another format than the CLI's JSON.
 */
class ImportFidelityTest {

    @TempDir
    Path dir;

    /** subnet-a: a /24 (251 usable) with 240 free, in vpc-1. */
    private static final String SUBNET = """
            {"Subnets": [{"AvailabilityZone": "us-east-1a", "AvailableIpAddressCount": 240,
              "CidrBlock": "10.0.0.0/24", "SubnetId": "subnet-a", "VpcId": "vpc-1"}]}
            """;

    private static String eni(String id, String group) {
        return "{\"NetworkInterfaceId\": \"" + id + "\", \"SubnetId\": \"subnet-a\", \"InterfaceType\": \"lambda\","
                + " \"Groups\": [{\"GroupId\": \"" + group + "\", \"GroupName\": \"g\"}]}";
    }

    private static String function(String name, String group, String extra) {
        return "{\"FunctionName\": \"" + name + "\", \"MemorySize\": 512, \"Timeout\": 30, \"VpcConfig\":"
                + " {\"SubnetIds\": [\"subnet-a\"], \"SecurityGroupIds\": [\"" + group + "\"], \"VpcId\": \"vpc-1\"}"
                + extra + "}";
    }

    private static final String TWO_PERIODS = "[\"2026-11-20T10:00:00Z\", \"2026-11-20T10:05:00Z\"]";

    private String importing(String functions, String enis, String metrics) throws Exception {
        List<Path> e = enis == null ? List.of() : List.of(write(dir, "enis.json", enis));
        List<Path> m = metrics == null ? List.of() : List.of(write(dir, "metrics.json", metrics));
        String yaml = Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", SUBNET)),
                List.of(write(dir, "functions.json", functions)), e, List.of(), m), "t", 3600);
        ScenarioLoader.parse(yaml, "t"); // every import loads
        return unwrapped(yaml);
    }

    @Test
    void lambdaEnisOfKeysNoFunctionStartsWithCountAgainstTheVpcsQuota() throws Exception {
        // sg-old's ENI: an old version's, or a function not imported: its address is another tenant's, and so is
        // its slot of the VPC's Hyperplane ENI quota
        String yaml = importing("{\"Functions\": [" + function("api", "sg-1", "") + "]}",
                "{\"NetworkInterfaces\": [" + eni("eni-1", "sg-1") + ", " + eni("eni-2", "sg-old") + "]}", null);
        Scenario s = ScenarioLoader.parse(yaml, "t");
        assertEquals(1, s.vpcs().get(0).otherUsedEnis(), yaml);
        assertEquals(500, s.vpcs().get(0).eniQuota());
        assertTrue(yaml.contains("otherUsedIps: 10 }"), "11 in use = 1 recreated + 10 others\n" + yaml);
    }

    @Test
    void moreLambdaEnisThanTheDefaultQuotaRaiseThePlaceholder() throws Exception {
        StringBuilder enis = new StringBuilder("{\"NetworkInterfaces\": [" + eni("eni-0", "sg-1"));
        for (int i = 1; i <= 600; i++) {
            enis.append(", ").append(eni("eni-x" + i, "sg-" + (1000 + i)));
        }
        String subnet = SUBNET.replace("10.0.0.0/24", "10.0.0.0/20").replace("240", "3000");
        write(dir, "subnets.json", subnet);
        Path e = write(dir, "enis.json", enis + "]}");
        String yaml = unwrapped(Importer.scenario(new Importer.Inputs(List.of(dir.resolve("subnets.json")),
                List.of(write(dir, "functions.json", "{\"Functions\": [" + function("api", "sg-1", "") + "]}")),
                List.of(e), List.of(), List.of()), "t", 3600));
        Scenario s = ScenarioLoader.parse(yaml, "t");
        assertEquals(600, s.vpcs().get(0).otherUsedEnis());
        assertEquals(601, s.vpcs().get(0).eniQuota(), "the account holds 601 Lambda ENIs in the VPC: its quota is more");
        assertTrue(yaml.contains("eniQuota: 601   # placeholder, raised to hold the 601 Lambda ENIs listed"), yaml);
    }

    @Test
    void aPendingFunctionWhoseKeysHaveEnisStartsActiveOnThem() throws Exception {
        String yaml = importing("{\"Functions\": [" + function("new", "sg-1", ", \"State\": \"Pending\"") + "]}",
                "{\"NetworkInterfaces\": [" + eni("eni-1", "sg-1") + "]}", null);
        assertTrue(yaml.contains("existing: Active   # State Pending, with a Lambda ENI for each of its 1 key(s)"
                + " already"), yaml);
        assertTrue(yaml.contains("otherUsedIps: 10 }"), "the ENI is the key's, not another tenant's\n" + yaml);
        assertFalse(yaml.contains("otherUsedEnis"), yaml);
        // without its ENI it is created again at time 0, as before
        String without = importing("{\"Functions\": [" + function("new", "sg-1", ", \"State\": \"Pending\"") + "]}",
                "{\"NetworkInterfaces\": [" + eni("eni-1", "sg-other") + "]}", null);
        assertTrue(without.contains("createdAt: 0s   # State Pending"), without);
    }

    @Test
    void aFunctionInvokedInTheWindowIsNotTakenForInactive() throws Exception {
        String metrics = "{\"MetricDataResults\": [" + result("api_invocations", "Invocations", TWO_PERIODS,
                "[3.0, 0.0]") + ", " + result("idle_invocations", "Invocations", TWO_PERIODS, "[0.0, 0.0]") + "]}";
        String yaml = importing("{\"Functions\": [" + function("api", "sg-1", "") + ", " + function("idle", "sg-2", "")
                + "]}", "{\"NetworkInterfaces\": []}", metrics);
        assertTrue(yaml.contains("existing: Active   # invoked in the CloudWatch window, though no Lambda ENI was seen"
                + " in subnet-a"), yaml);
        assertTrue(yaml.contains("api: no Lambda ENI seen in subnet-a for [sg-1], yet CloudWatch shows it invoked"),
                yaml);
        assertTrue(yaml.contains("existing: Inactive   # no Lambda ENI seen in subnet-a for [sg-2]"),
                "not invoked: reclaimed while idle, as before\n" + yaml);
    }

    @Test
    void anUpdateUnderWayOrFailedIsSaid() throws Exception {
        String yaml = importing("{\"Functions\": [" + function("a", "sg-1", ", \"LastUpdateStatus\": \"InProgress\"")
                + ", " + function("b", "sg-1", ", \"LastUpdateStatus\": \"Failed\", \"LastUpdateStatusReasonCode\":"
                + " \"SubnetOutOfIPAddresses\"") + ", " + function("c", "sg-1", ", \"LastUpdateStatus\":"
                + " \"Successful\"") + "]}", null, null);
        assertTrue(yaml.contains("a: LastUpdateStatus InProgress, an update was under way when this was saved"), yaml);
        assertTrue(yaml.contains("b: LastUpdateStatus Failed (SubnetOutOfIPAddresses): the last update failed"), yaml);
        assertFalse(yaml.contains("c: LastUpdateStatus"), yaml);
    }

    @Test
    void fewerAddressesInUseThanTheEnisRecreatedIsSaid() throws Exception {
        write(dir, "subnets.json", SUBNET.replace("240", "251"));
        // State Active as get-function-configuration prints it (without it, and without --enis, a wholly free subnet
        // now makes the function start Inactive: FreeSubnetWithoutEnisTest)
        String yaml = unwrapped(Importer.scenario(new Importer.Inputs(List.of(dir.resolve("subnets.json")),
                List.of(write(dir, "functions.json", "{\"Functions\": [" + function("api", "sg-1",
                ", \"State\": \"Active\"") + "]}")), List.of(), List.of(), List.of()), "t", 3600));
        assertTrue(yaml.contains("subnet subnet-a: AvailableIpAddressCount leaves 0 address(es) in use, but the"
                + " functions starting Active need 1 ENI(s) there: the run starts with 1 fewer free"), yaml);
        String fine = importing("{\"Functions\": [" + function("api", "sg-1", "") + "]}", null, null);
        assertFalse(fine.contains("AvailableIpAddressCount leaves"), fine);
    }

    @Test
    void aFunctionOnAnIpv6OnlySubnetIsToldSo() throws Exception {
        Path subnets = write(dir, "subnets.json", """
                {"Subnets": [{"AvailabilityZone": "us-east-1a", "AvailableIpAddressCount": 0, "SubnetId": "subnet-6",
                  "VpcId": "vpc-1", "Ipv6Native": true,
                  "Ipv6CidrBlockAssociationSet": [{"Ipv6CidrBlock": "2600:1f18::/64",
                    "Ipv6CidrBlockState": {"State": "associated"}}]}]}
                """);
        Path functions = write(dir, "functions.json", "{\"Functions\": [" + function("v6", "sg-1", "")
                .replace("subnet-a", "subnet-6") + "]}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Importer.scenario(new Importer.Inputs(
                List.of(subnets), List.of(functions), List.of(), List.of(), List.of()), "t", 3600));
        assertEquals("Functions[0].VpcConfig.SubnetIds: v6 uses subnet subnet-6, which describe-subnets shows IPv6-only"
                + " (no CidrBlock): enisim does not connect functions to IPv6-only subnets (a Hyperplane ENI needs an"
                + " IPv4 address; scenarios/README.md, `ipv6Only`)", e.problems().get(0).toString());
    }

    @Test
    void cloudWatchResultsOfALongerNameAreNotGivenToAFunctionNamedByPartOfIt() throws Exception {
        String metrics = "{\"MetricDataResults\": [" + result("orders_api_invocations", "orders-api Invocations",
                TWO_PERIODS, "[24.0, 12.0]") + ", " + result("m1_orders_invocations", "Invocations", TWO_PERIODS,
                "[2.0, 4.0]") + ", " + result("m2", "prod orders Duration", TWO_PERIODS, "[80.0, 80.0]") + "]}";
        String yaml = importing("{\"Functions\": [" + function("orders", "sg-1", "") + "]}", null, metrics);
        assertTrue(yaml.contains("result orders_api_invocations (orders-api Invocations) in " + dir.resolve(
                "metrics.json") + " left out: its Id and Label name orders only as part of a longer name (another"
                + " function's?): name the function, then the metric, like orders_invocations"), yaml);
        // its own results: a tag before the name, a metric after it; a word apart in a Label is not part of the name
        assertTrue(yaml.contains("- { poisson: 0.4/m, from: 0s, until: 5m }   # 2\n"), yaml);
        assertTrue(yaml.contains("mean: 80ms"), yaml);
    }

    @Test
    void textOrTableOutputIsToldToBeSavedAsJson() throws Exception {
        Path text = write(dir, "subnets.txt", "SUBNETS\tFalse\tus-east-1a\t250\t10.0.0.0/24\tsubnet-a\tvpc-1\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> new Account().readSubnets(text));
        assertEquals("not JSON: it starts with 'SUBN...' (55 characters), as"
                + " `--output text`, `table` or `yaml` print; expected the output of `aws ec2 describe-subnets` saved"
                + " with `--output json` (the default)", e.problems().get(0).toString());
    }

    @Test
    void aQueryProjectionIsOneProblemSayingSo() throws Exception {
        Path projected = write(dir, "sgs.json", "[{\"ID\": \"sg-1\", \"Name\": \"a\"}, {\"ID\": \"sg-2\", \"Name\":"
                + " \"b\"}, {\"ID\": \"sg-3\", \"Name\": \"c\"}]");
        ScenarioException e = assertThrows(ScenarioException.class, () -> new Account().readSecurityGroups(projected));
        assertEquals(List.of("expected the output of `aws ec2 describe-security-groups` with its list"
                + " 'SecurityGroups'; got a JSON array of objects without it, as `--query` writes (save the command's"
                + " whole output, without --query)"), e.problems().stream().map(Object::toString).toList());
        // documents appended in one array (jq -s) still read, each with its own path
        Path two = write(dir, "two.json", "[{\"SecurityGroups\": [{\"GroupId\": \"sg-1\", \"VpcId\": \"vpc-1\"}]},"
                + " {\"SecurityGroups\": [{\"GroupId\": \"sg-2\", \"VpcId\": \"vpc-1\"}]}]");
        Account a = new Account();
        a.readSecurityGroups(two);
        assertEquals(2, a.groupVpc.size());
    }

    /** The words joined to a name, before and after it, at the edges of an Id or Label. */
    @Test
    void aNameJoinedToAnotherWordBeforeItIsPartOfALongerNameToo() throws Exception {
        String metrics = "{\"MetricDataResults\": [" + result("orders_api_invocations", "Invocations", TWO_PERIODS,
                "[5.0, 5.0]") + ", " + result("x_api_invocations", "Invocations", TWO_PERIODS, "[1.0, 2.0]") + ", "
                + result("m7", "-api- Duration", TWO_PERIODS, "[30.0, 30.0]") + "]}";
        String yaml = importing("{\"Functions\": [" + function("api", "sg-1", "") + "]}", null, metrics);
        assertTrue(yaml.contains("result orders_api_invocations (Invocations) in " + dir.resolve("metrics.json")
                + " left out: its Id and Label name api only as part of a longer name"), yaml);
        assertTrue(yaml.contains("- { poisson: 0.2/m, from: 0s, until: 5m }   # 1\n"), "x_ is a tag: api's own\n" + yaml);
        assertTrue(yaml.contains("mean: 30ms"), "a dash with no word beyond it joins nothing\n" + yaml);
    }

    @Test
    void asManyAddressesInUseAsEnisRecreatedIsNoContradictionAndOneFewerIsCountedRight() throws Exception {
        String two = "{\"Functions\": [" + function("a", "sg-1", "") + ", " + function("b", "sg-2", "") + "]}";
        write(dir, "subnets.json", SUBNET.replace("240", "249")); // 2 in use: the two keys' ENIs
        String equal = unwrapped(Importer.scenario(new Importer.Inputs(List.of(dir.resolve("subnets.json")),
                List.of(write(dir, "functions.json", two)), List.of(), List.of(), List.of()), "t", 3600));
        assertFalse(equal.contains("AvailableIpAddressCount leaves"), equal);
        write(dir, "subnets.json", SUBNET.replace("240", "250")); // 1 in use, 2 keys
        String short1 = unwrapped(Importer.scenario(new Importer.Inputs(List.of(dir.resolve("subnets.json")),
                List.of(write(dir, "functions.json", two)), List.of(), List.of(), List.of()), "t", 3600));
        assertTrue(short1.contains("leaves 1 address(es) in use, but the functions starting Active need 2 ENI(s)"
                + " there: the run starts with 1 fewer free"), short1);
    }

    @Test
    void aFailedUpdateWithoutAReasonCodeIsSaidWithoutOne() throws Exception {
        String yaml = importing("{\"Functions\": [" + function("a", "sg-1", ", \"LastUpdateStatus\": \"Failed\"")
                + "]}", null, null);
        assertTrue(yaml.contains("a: LastUpdateStatus Failed: the last update failed"), yaml);
    }
}
