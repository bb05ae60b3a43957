package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.unwrapped;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.Scenario.Function.Existing;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An incident responder replaying a bad night from AWS exports (review r1, session 61): time 0 was silently the first
 * CloudWatch data point and no clock time was written; an Inactive function's StateReasonCode (its last restore
 * failed) was dropped; list-service-quotas' Concurrent executions (L-B99A9384) was ignored; a function saved Inactive
 * yet invoked per CloudWatch, a LastModified inside the window and an update InProgress whose old ENIs are listed
 * were not said; a Failed function given no traffic was also said to have placeholder traffic.
 */
class PostmortemReplayImportTest {

    @TempDir
    Path dir;

    private static final String SUBNETS = """
            {"Subnets": [{"AvailabilityZone": "us-east-1a", "AvailableIpAddressCount": 240,
              "CidrBlock": "10.0.0.0/24", "SubnetId": "subnet-a", "VpcId": "vpc-1", "OwnerId": "123456789012"}]}
            """;

    /** get-function-configuration output, in the AWS CLI's shape. */
    private static String function(String name, String groups, String state, String reason, String lastModified,
            String lastUpdate) {
        return """
                {
                    "FunctionName": "%1$s",
                    "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:%1$s",
                    "Runtime": "python3.12",
                    "Role": "arn:aws:iam::123456789012:role/%1$s-role",
                    "Handler": "app.handler",
                    "MemorySize": 512,
                    "Timeout": 30,
                    "Version": "$LATEST",
                    "PackageType": "Zip",
                    "Architectures": ["x86_64"],
                    "VpcConfig": {"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["%2$s"], "VpcId": "vpc-1",
                        "Ipv6AllowedForDualStack": false},
                    "State": "%3$s",%4$s
                    "LastUpdateStatus": "%6$s",
                    "LastModified": "%5$s"
                }
                """.formatted(name, groups, state, reason == null ? "" : "\n    \"StateReasonCode\": \"" + reason
                + "\",\n    \"StateReason\": \"The function could not be restored.\",", lastModified, lastUpdate);
    }

    /** describe-network-interfaces: orders-api's new key, and the key of its configuration before the update. */
    private static final String ENIS = """
            {"NetworkInterfaces": [
              {"NetworkInterfaceId": "eni-new", "SubnetId": "subnet-a", "VpcId": "vpc-1", "InterfaceType": "lambda",
               "Status": "in-use", "Groups": [{"GroupId": "sg-new", "GroupName": "orders-new"}]},
              {"NetworkInterfaceId": "eni-old", "SubnetId": "subnet-a", "VpcId": "vpc-1", "InterfaceType": "lambda",
               "Status": "in-use", "Groups": [{"GroupId": "sg-old", "GroupName": "orders-old"}]}]}
            """;

    /** get-metric-data saved for 22:00 to 02:00 UTC: orders-api from 22:30 on, nightly-report once at 01:00. */
    private static final String METRICS = """
            {"MetricDataResults": [
              {"Id": "orders_api_invocations", "Label": "orders-api Invocations",
               "Timestamps": ["2026-12-06T22:35:00Z", "2026-12-06T22:30:00Z"], "Values": [600.0, 600.0],
               "StatusCode": "Complete"},
              {"Id": "nightly_report_invocations", "Label": "nightly-report Invocations",
               "Timestamps": ["2026-12-07T01:00:00Z"], "Values": [5.0], "StatusCode": "Complete"}],
             "Messages": []}
            """;

    /** list-service-quotas --service-code lambda, with one quota import does not use. */
    private static final String QUOTAS = """
            {"Quotas": [
              {"ServiceCode": "lambda", "ServiceName": "AWS Lambda",
               "QuotaArn": "arn:aws:servicequotas:us-east-1:123456789012:lambda/L-9FEE3D26",
               "QuotaCode": "L-9FEE3D26", "QuotaName": "Elastic network interfaces per VPC", "Value": 250.0,
               "Unit": "None", "Adjustable": true, "GlobalQuota": false},
              {"ServiceCode": "lambda", "ServiceName": "AWS Lambda",
               "QuotaArn": "arn:aws:servicequotas:us-east-1:123456789012:lambda/L-B99A9384",
               "QuotaCode": "L-B99A9384", "QuotaName": "Concurrent executions", "Value": 400.0,
               "Unit": "None", "Adjustable": true, "GlobalQuota": false},
              {"ServiceCode": "lambda", "ServiceName": "AWS Lambda",
               "QuotaArn": "arn:aws:servicequotas:us-east-1:123456789012:lambda/L-2ACBD22F",
               "QuotaCode": "L-2ACBD22F", "QuotaName": "Function and layer storage", "Value": 75.0,
               "Unit": "Gigabytes", "Adjustable": true, "GlobalQuota": false}]}
            """;

    private Importer.Inputs inputs() throws Exception {
        return new Importer.Inputs(List.of(write(dir, "subnets.json", SUBNETS)), List.of(
                write(dir, "orders.json", function("orders-api", "sg-new", "Active", null,
                        "2026-12-06T23:10:00.000+0000", "InProgress")),
                write(dir, "nightly.json", function("nightly-report", "sg-report", "Inactive",
                        "SubnetOutOfIPAddresses", "2026-11-01T08:00:00.000+0000", "Successful")),
                write(dir, "cleanup.json", function("old-cleanup", "sg-report", "Failed", "SubnetOutOfIPAddresses",
                        "2026-11-01T08:00:00.000+0000", "Failed"))),
                List.of(write(dir, "enis.json", ENIS)), List.of(), List.of(write(dir, "metrics.json", METRICS)));
    }

    private String importing(Importer.Options options) throws Exception {
        return Importer.run(inputs(), options, new Importer.Extra(Map.of(), List.of(write(dir, "quotas.json",
                QUOTAS)))).yaml();
    }

    private static Importer.Options night() {
        return Importer.Options.named("night", 86_400);
    }

    @Test
    void withoutTheWindowTimeZeroIsTheFirstDataPointWrittenAsStartsAtAndSaidSo() throws Exception {
        String yaml = importing(night());
        assertTrue(yaml.contains("\nstartsAt: 2026-12-06T22:30:00Z   # the first CloudWatch data point: time 0 (TIME 0"
                + " above)\n"), yaml);
        assertTrue(unwrapped(yaml).replace("\n# ", " ").contains("TIME 0 is startsAt, 2026-12-06T22:30:00Z (UTC), the"
                + " first CloudWatch data point (get-metric-data output does not say the window's start: `enisim"
                + " import --start-time` gives it). Every arrivals `from` and `until` and every `timeline[*].at` is an"
                + " offset from it: an action at 23:40 UTC is `at: 1h10m`, or the date-time itself (`at:"
                + " 2026-12-06T23:40:00Z`)."), yaml);
        Scenario s = ScenarioLoader.parse(yaml, "night");
        assertEquals(Instant.parse("2026-12-06T22:30:00Z"), s.startsAt().orElseThrow());
        assertTrue(yaml.contains("      - { poisson: 120/m, from: 0s, until: 10m }"), yaml);
    }

    @Test
    void startAndEndTimeMakeTheQueriedWindowTheRun() throws Exception {
        String yaml = importing(night().window(Instant.parse("2026-12-06T22:00:00Z"),
                Instant.parse("2026-12-07T02:00:00Z")));
        assertTrue(yaml.contains("\nstartsAt: 2026-12-06T22:00:00Z   # --start-time: time 0 (TIME 0 above)\n"
                + "duration: 4h\n"), yaml);
        assertTrue(unwrapped(yaml).replace("\n# ", " ").contains("TIME 0 is startsAt, 2026-12-06T22:00:00Z (UTC), the"
                + " CloudWatch window's start (--start-time)."), yaml);
        assertTrue(yaml.contains("      - { poisson: 120/m, from: 30m, until: 40m }"), yaml);
        Scenario s = ScenarioLoader.parse(yaml, "night");
        assertEquals(Instant.parse("2026-12-06T22:00:00Z"), s.startsAt().orElseThrow());
        assertEquals(4 * 3_600_000_000L, s.durationMicros());
    }

    @Test
    void aStartTimeAfterTheFirstDataPointIsRefusedNamingBoth() throws Exception {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> importing(night().window(
                Instant.parse("2026-12-06T22:45:00Z"), null)));
        assertEquals("--start-time 2026-12-06T22:45:00Z: expected at or before the first CloudWatch data point,"
                + " 2026-12-06T22:30:00Z (give the --start-time the get-metric-data query was run with)",
                e.getMessage());
        IllegalArgumentException end = assertThrows(IllegalArgumentException.class, () -> importing(night().window(
                null, Instant.parse("2026-12-07T00:30:00Z"))));
        assertEquals("--end-time 2026-12-07T00:30:00Z: expected after the last CloudWatch data point,"
                + " 2026-12-07T01:00:00Z (give the --end-time the get-metric-data query was run with)",
                end.getMessage());
    }

    @Test
    void theCommandLineReadsTheWindowAndRefusesWhatIsNoDateTime() throws Exception {
        Path out = dir.resolve("night.yaml");
        ImportCommandTest.Result r = ImportCommandTest.run("import", "--subnets", write(dir, "s.json",
                SUBNETS).toString(), "--functions", write(dir, "f.json", function("orders-api", "sg-new", "Active",
                null, "2026-11-01T08:00:00.000+0000", "Successful")).toString(), "--metrics", write(dir, "m.json",
                METRICS).toString(), "--start-time", "2026-12-06T22:00:00Z", "--end-time", "2026-12-07T02:00:00", "-o",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(java.nio.file.Files.readString(out).contains("\nstartsAt: 2026-12-06T22:00:00Z   # --start-time"));
        assertTrue(java.nio.file.Files.readString(out).contains("\nduration: 4h\n"), "no zone: UTC, as the CLI reads");
        ImportCommandTest.Result bad = ImportCommandTest.run("import", "--subnets", dir.resolve("s.json").toString(),
                "--functions", dir.resolve("f.json").toString(), "--start-time", "22:00", "--end-time", "tomorrow",
                "-o", dir.resolve("x.yaml").toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().contains("--start-time: expected an ISO-8601 date-time such as 2026-12-06T22:00:00Z (as"
                + " given to aws cloudwatch get-metric-data), got '22:00'"), bad.err());
        assertTrue(bad.err().contains("--end-time: expected an ISO-8601 date-time"), "all problems at once: " + bad.err());
        assertFalse(bad.err().contains("\tat "), "no stack trace");
    }

    @Test
    void listServiceQuotasConcurrentExecutionsIsTheAccountsLimitAndUnusedCodesAreSaid() throws Exception {
        String yaml = importing(night());
        assertTrue(yaml.contains("\naccount: { concurrencyLimit: 400 }   # concurrencyLimit: Service Quotas: " + dir
                + "/quotas.json (Quotas[1], L-B99A9384)\n"), yaml);
        assertTrue(yaml.contains("#   " + dir + "/quotas.json (aws service-quotas list-service-quotas)\n"), yaml);
        assertTrue(unwrapped(yaml).contains(dir + "/quotas.json: 1 quota(s) import does not use, left out: L-2ACBD22F"
                + " of lambda (Function and layer storage) (it reads Lambda's L-9FEE3D26 and L-B99A9384, and vpc's"
                + " L-DF5E4CA3)"), yaml);
        assertFalse(yaml.contains("account.concurrencyLimit: 1000"), "no placeholder left: " + yaml);
        assertEquals(400, ScenarioLoader.parse(yaml, "night").account().concurrencyLimit());
    }

    @Test
    void anInactiveFunctionKeepsTheReasonItsLastRestoreFailedAndTheRunSaysIt() throws Exception {
        String yaml = importing(night());
        assertTrue(yaml.contains("    existing: Inactive   # State Inactive (SubnetOutOfIPAddresses)"
                + " (get-function-configuration): its last restore failed\n    stateReasonCode: SubnetOutOfIPAddresses"
                + "   # StateReasonCode (get-function-configuration): its last restore failed\n"), yaml);
        assertTrue(unwrapped(yaml).contains("nightly-report was Inactive with StateReasonCode SubnetOutOfIPAddresses:"
                + " its last restore failed for that reason"), yaml);
        Scenario s = ScenarioLoader.parse(yaml, "night");
        Scenario.Function f = s.functions().stream().filter(x -> x.name().equals("nightly-report")).findFirst()
                .orElseThrow();
        assertEquals(Existing.INACTIVE, f.existing());
        assertEquals(StateReasonCode.SubnetOutOfIPAddresses, f.failedReason());
        RunSummary.Transition first = new Simulation(s, 0).run().summary().functions().get("nightly-report")
                .transitions().stream().filter(t -> t.state() == State.Inactive).findFirst().orElseThrow();
        assertEquals(0.0, first.atSeconds());
        assertEquals(StateReasonCode.SubnetOutOfIPAddresses, first.reasonCode());
        assertEquals("existing function, its last restore failed (SubnetOutOfIPAddresses) before the run: no ENI",
                first.cause());
    }

    @Test
    void anIdleInactiveFunctionStaysIdle() throws Exception {
        String yaml = Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", SUBNETS)), List.of(
                write(dir, "idle.json", function("nightly-report", "sg-report", "Inactive", "Idle",
                        "2026-11-01T08:00:00.000+0000", "Successful"))), List.of(), List.of(), List.of()), "t", 600);
        assertTrue(yaml.contains("    existing: Inactive   # State Inactive (get-function-configuration)\n"), yaml);
        assertFalse(yaml.contains("stateReasonCode"), yaml);
        assertNull(ScenarioLoader.parse(yaml, "t").functions().get(0).failedReason());
    }

    @Test
    void anInactiveFunctionCloudWatchShowsInvokedIsSaidToContradict() throws Exception {
        assertTrue(unwrapped(importing(night())).contains("nightly-report: saved State Inactive"
                + " (get-function-configuration), yet CloudWatch counts 5 Invocations of it in the window, the first"
                + " at 2026-12-07T01:00:00Z: the files contradict each other, as Invocations count only calls that ran"
                + " and an Inactive function runs none until restored (was it saved before those calls, or after a"
                + " later idle spell?). Import kept the saved State, existing: Inactive, so in the run its first calls"
                + " fail with ResourceNotReadyException while it is restored; if it was Active in the window, set"
                + " existing: Active"));
    }

    @Test
    void aFailedFunctionGivenNoTrafficIsNotAlsoSaidToHavePlaceholderTraffic() throws Exception {
        String yaml = unwrapped(importing(night()));
        assertTrue(yaml.contains("old-cleanup is Failed with no CloudWatch Invocations, so no traffic is invented"),
                yaml);
        assertFalse(yaml.contains("old-cleanup: no CloudWatch Invocations result; its traffic is a placeholder"), yaml);
    }

    @Test
    void aLastModifiedInsideTheWindowIsSaidWithTheOffsetToPutTheChangeAt() throws Exception {
        String yaml = unwrapped(importing(night().window(Instant.parse("2026-12-06T22:00:00Z"),
                Instant.parse("2026-12-07T02:00:00Z"))));
        assertTrue(yaml.contains("orders-api: LastModified 2026-12-06T23:10:00Z is inside the window, 1h10m after"
                + " startsAt: the function was created or its configuration updated then, yet it starts as saved,"
                + " after that change, from time 0. To replay the change, put it on the timeline at `at: 1h10m`: if"
                + " it was created then, replace `existing` with `createdAt: 1h10m`; if it was updated, start it from"
                + " the configuration before and add an updateVpcConfig at `at: 1h10m`"), yaml);
        assertFalse(yaml.contains("nightly-report: LastModified"), "November is before the window: " + yaml);
    }

    @Test
    void anUpdateInProgressWhoseOldKeysEnisAreListedIsSaid() throws Exception {
        String yaml = unwrapped(importing(night()));
        assertTrue(yaml.contains("orders-api: its update was InProgress, and describe-network-interfaces lists 1"
                + " Lambda ENI(s) in its subnets on security groups [sg-old], which no imported function uses: likely"
                + " the configuration before the update."), yaml);
        assertFalse(yaml.contains("`updateVpcConfig` at 0s in the timeline models the switch"),
                "advice that did nothing (the function already starts on the new key): " + yaml);
    }
}
