package dev.enisim.importer;

import static dev.enisim.importer.CloudWatchResultsTest.result;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The top of an imported scenario: the header's lines that depend on what was given (traffic, a Failed function,
 * reservations), the bucket of a week-long run, the account line (a limit below Lambda's 100 unreserved, the Region's
 * interfaces at EC2's default quota and beyond, none outside the VPCs), several accounts and a VPC owner with no
 * function, and a function's vpcConfig and account lines. Fixtures are this project's own, in the CLI's shapes.
 */
class ScenarioHeaderEdgesTest {

    @TempDir
    Path dir;

    private static final String SUBNET = """
            {"Subnets": [{"AvailabilityZone": "eu-west-1a", "AvailableIpAddressCount": 240, "CidrBlock": "10.0.0.0/24",
              "SubnetId": "subnet-a", "VpcId": "vpc-1", "OwnerId": "999999999999",
              "Ipv6CidrBlockAssociationSet": [{"Ipv6CidrBlock": "2600:1f14:aaa:bb00::/64",
                "Ipv6CidrBlockState": {"State": "associated"}}]}]}
            """;

    private static String function(String name, String fields) {
        return "{\"FunctionName\": \"" + name + "\", \"MemorySize\": 512, \"Timeout\": 30" + fields + ", \"VpcConfig\":"
                + " {\"SubnetIds\": [\"subnet-a\"], \"SecurityGroupIds\": [\"sg-1\"], \"VpcId\": \"vpc-1\","
                + " \"Ipv6AllowedForDualStack\": false}}";
    }

    private static String arn(String account, String name) {
        return ", \"FunctionArn\": \"arn:aws:lambda:eu-west-1:" + account + ":function:" + name + "\"";
    }

    private String importing(String functions, List<Path> enis, List<Path> metrics, List<Path> settings,
            long defaultDuration) throws Exception {
        String yaml = Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", SUBNET)),
                List.of(write(dir, "functions.json", functions)), enis, List.of(), metrics, settings, Map.of()),
                new Importer.Options("t", defaultDuration, 0, 0));
        ScenarioLoader.parse(yaml, "t");
        return yaml;
    }

    private String importing(String functions) throws Exception {
        return importing(functions, List.of(), List.of(), List.of(), 3600);
    }

    private static String line(String yaml, String part) {
        return yaml.lines().filter(l -> l.contains(part)).findFirst().orElseThrow(() -> new AssertionError(yaml));
    }

    @Test
    void theHeaderSaysTrafficOnlyWhenCloudWatchGaveSome() throws Exception {
        String plain = importing("{\"Functions\": [" + function("api", "") + "]}");
        assertTrue(plain.contains("and their state at time 0 (`existing`, see below).\n#\n"), plain);
        Path m = write(dir, "m.json", "{\"MetricDataResults\": [" + result("api_invocations", "Invocations",
                "[1795168800, 1795169100]", "[3.0, 4.0]") + "]}");
        String traffic = importing("{\"Functions\": [" + function("api", "") + "]}", List.of(), List.of(m), List.of(),
                3600);
        assertTrue(traffic.contains("(`existing`, see below);\n# traffic: CloudWatch Invocations (Sum) per period as"
                + " Poisson phases, and mean Duration (Average).\n"), traffic);
    }

    @Test
    void aFailedFunctionIsExplainedInTheHeader() throws Exception {
        String failed = importing("{\"Functions\": [" + function("api", ", \"State\": \"Failed\"") + "]}");
        assertTrue(failed.contains("\n# A function saved Failed starts `existing: Failed` with its `stateReasonCode`"),
                failed);
        assertFalse(importing("{\"Functions\": [" + function("api", "") + "]}").contains("# A function saved Failed"));
    }

    @Test
    void reservationsFromGetFunctionLeaveNoListFunctionsPlaceholder() throws Exception {
        String got = importing("{\"Configuration\": " + function("api", "") + ", \"Concurrency\":"
                + " {\"ReservedConcurrentExecutions\": 10}}");
        assertFalse(got.contains("reservedConcurrency: none where list-functions was the source"), got);
        assertTrue(importing("{\"Functions\": [" + function("api", "") + "]}").contains("#   - reservedConcurrency:"
                + " none where list-functions was the source"));
    }

    @Test
    void aWeekLongRunIsBucketedByTheHour() throws Exception {
        String fns = "{\"Functions\": [" + function("api", "") + "]}";
        assertTrue(importing(fns, List.of(), List.of(), List.of(), 7 * 86_400).contains("\nduration: 7d\nbucket: 1h\n"));
        assertTrue(importing(fns, List.of(), List.of(), List.of(), 7 * 86_400 - 1).contains("\nbucket: 1m\n"));
    }

    private Path settings(int limit) throws Exception {
        return write(dir, "settings.json", "{\"AccountLimit\": {\"ConcurrentExecutions\": " + limit
                + ", \"UnreservedConcurrentExecutions\": " + limit + "}}");
    }

    @Test
    void aLimitBelowLambdasUnreservedHundredIsTheUnreservedMinimumOfEachAccount() throws Exception {
        String one = importing("{\"Functions\": [" + function("api", "") + "]}", List.of(), List.of(),
                List.of(settings(50)), 3600);
        assertTrue(one.contains("\naccount: { concurrencyLimit: 50, unreservedMinimum: 50 }   # get-account-settings;"
                + " unreservedMinimum: the whole limit, below Lambda's 100 unreserved: no function can reserve any\n"),
                one);
        String usual = importing("{\"Functions\": [" + function("api", "") + "]}", List.of(), List.of(),
                List.of(settings(1000)), 3600);
        assertTrue(usual.contains("\naccount: { concurrencyLimit: 1000 }   # get-account-settings\n"), usual);
        String two = importing("{\"Functions\": [" + function("a", arn("222222222222", "a")) + ", "
                + function("b", arn("333333333333", "b")) + "]}", List.of(), List.of(), List.of(settings(50)), 3600);
        assertTrue(two.contains("\naccounts:\n  - { id: \"222222222222\", concurrencyLimit: 50, unreservedMinimum: 50 }"
                + "   # get-account-settings; unreservedMinimum: the whole limit"), two);
        assertTrue(two.contains("\n  - { id: \"333333333333\", concurrencyLimit: 50, unreservedMinimum: 50 }   #"
                + " get-account-settings (it does not name its account: the same for each)\n"), two);
        assertTrue(two.contains("\n  - { id: \"999999999999\" }   # owns vpc-1 (describe-subnets OwnerId); no function"
                + " of it imported\n"), two);
        String placeholder = importing("{\"Functions\": [" + function("a", arn("222222222222", "a")) + ", "
                + function("b", arn("333333333333", "b")) + "]}");
        assertTrue(placeholder.contains("\n  - { id: \"333333333333\", concurrencyLimit: 1000 }   # placeholder\n"),
                placeholder);
    }

    private Path enis(int outside) throws Exception {
        List<String> e = new ArrayList<>();
        e.add("{\"NetworkInterfaceId\": \"eni-l\", \"SubnetId\": \"subnet-a\", \"VpcId\": \"vpc-1\", \"InterfaceType\":"
                + " \"lambda\", \"Groups\": [{\"GroupId\": \"sg-1\"}]}");
        e.add("{\"NetworkInterfaceId\": \"eni-nat\", \"SubnetId\": \"subnet-a\", \"VpcId\": \"vpc-1\","
                + " \"InterfaceType\": \"nat_gateway\"}");
        for (int i = 0; i < outside; i++) {
            e.add("{\"NetworkInterfaceId\": \"eni-t" + i + "\", \"SubnetId\": \"subnet-x\", \"VpcId\": \"vpc-9\","
                    + " \"InterfaceType\": \"interface\"}");
        }
        return write(dir, "enis.json", "{\"NetworkInterfaces\": [" + String.join(", ", e) + "]}");
    }

    @Test
    void theRegionsInterfacesAtEc2sDefaultQuotaAreNotRaised() throws Exception {
        String fns = "{\"Functions\": [" + function("api", "") + "]}";
        // 4,998 outside the VPCs + 1 NAT gateway's in vpc-1 + 1 Lambda ENI recreated: 5,000, EC2's default
        String at = importing(fns, List.of(enis(4998)), List.of(), List.of(), 3600);
        assertTrue(line(at, "\naccount: ".substring(1)).equals("account: { concurrencyLimit: 1000,"
                + " otherNetworkInterfaces: 4998 }   # placeholder; otherNetworkInterfaces: describe-network-interfaces,"
                + " in no VPC's ENI quota: the Region's"), at);
        assertFalse(at.contains("networkInterfacesPerRegion"), at);
        String beyond = importing(fns, List.of(enis(4999)), List.of(), List.of(), 3600);
        assertTrue(line(beyond, "account: {").equals("account: { concurrencyLimit: 1000, networkInterfacesPerRegion:"
                + " 5001, otherNetworkInterfaces: 4999 }   # placeholder; networkInterfacesPerRegion: placeholder, raised"
                + " to hold the 5001 interfaces listed (see Service Quotas, L-DF5E4CA3); otherNetworkInterfaces:"
                + " describe-network-interfaces, in no VPC's ENI quota: the Region's"), beyond);
        assertTrue(beyond.contains("#   - account.networkInterfacesPerRegion: 5001, raised from EC2's default 5000"),
                beyond);
        // none outside: the account line says the placeholder alone
        String inside = importing(fns, List.of(enis(0)), List.of(), List.of(), 3600);
        assertTrue(inside.contains("\naccount: { concurrencyLimit: 1000 }   # placeholder\n"), inside);
    }

    @Test
    void aFunctionsLinesSayWhereItsAccountAndDualStackCameFrom() throws Exception {
        String yaml = importing("{\"Functions\": [" + function("a", arn("222222222222", "a")) + ", "
                + function("b", arn("333333333333", "b")) + ", " + function("c", "") + "]}");
        assertTrue(yaml.contains("  - name: a\n    account: \"222222222222\"   # FunctionArn\n"), yaml);
        assertTrue(yaml.contains("  - name: c\n    account: \"222222222222\"   # placeholder: no FunctionArn to tell"
                + " (NOTES)\n"), yaml);
        // Ipv6AllowedForDualStack false on a dual-stack subnet: not written
        assertTrue(yaml.contains("    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }\n"), yaml);
    }
}
