package dev.enisim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.TestFiles;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One app deployed into two workload accounts: each account's list-functions has a function {@code api}. import
 * refused the pair ("does not yet write two accounts' functions of one name"); a scenario holds them, each in its
 * account, labelled {@code <account>:<name>}. One account's function described in two files stays one function (its
 * descriptions merged, a note naming both files). Fixtures are this project's own, in the CLI's shapes.
 */
class SameNameImportTest {

    @TempDir
    Path dir;

    private static final String SUBNETS = """
            {"Subnets": [{"AvailabilityZone": "eu-west-1a", "AvailableIpAddressCount": 240,
              "CidrBlock": "10.0.0.0/24", "State": "available", "SubnetId": "subnet-0aaaa0000000000a1",
              "VpcId": "vpc-0shared000000001", "OwnerId": "111111111111"},
             {"AvailabilityZone": "eu-west-1b", "AvailableIpAddressCount": 100,
              "CidrBlock": "10.0.1.0/24", "State": "available", "SubnetId": "subnet-0bbbb0000000000b1",
              "VpcId": "vpc-0shared000000001", "OwnerId": "111111111111"}]}
            """;

    /** A list-functions listing of function {@code name} of {@code account}, of {@code memory} MB on {@code subnet}. */
    private static String functions(String account, String name, int memory, String subnet) {
        return """
                {"Functions": [{"FunctionName": "NAME", "FunctionArn": "arn:aws:lambda:eu-west-1:ACCT:function:NAME",
                  "Runtime": "python3.12", "Role": "arn:aws:iam::ACCT:role/r", "MemorySize": MEM, "Timeout": 10,
                  "VpcConfig": {"SubnetIds": ["SUBNET"], "SecurityGroupIds": ["sg-0a0000000000000a1"],
                    "VpcId": "vpc-0shared000000001"},
                  "State": "Active", "LastUpdateStatus": "Successful", "PackageType": "Zip"}]}
                """.replace("NAME", name).replace("ACCT", account).replace("MEM", Integer.toString(memory))
                .replace("SUBNET", subnet);
    }

    /** Account 222222222222's list-functions: api, 256 MB, on subnet a. */
    private Path two() throws Exception {
        return TestFiles.write(dir, "functions-222.json", functions("222222222222", "api", 256,
                "subnet-0aaaa0000000000a1"));
    }

    /** Account 333333333333's list-functions: api, 1,024 MB, on subnet b. */
    private Path three() throws Exception {
        return TestFiles.write(dir, "functions-333.json", functions("333333333333", "api", 1024,
                "subnet-0bbbb0000000000b1"));
    }

    private ImportCommandTest.Result importing(Path out, Path... functionFiles) throws Exception {
        Path s = TestFiles.write(dir, "subnets.json", SUBNETS);
        List<String> args = new java.util.ArrayList<>(List.of("import", "--name", "landing", "--subnets",
                s.toString(), "--functions"));
        for (Path f : functionFiles) {
            args.add(f.toString());
        }
        args.addAll(List.of("-o", out.toString()));
        return ImportCommandTest.run(args.toArray(String[]::new));
    }

    @Test
    void twoAccountsFunctionsOfOneNameAreImportedEachInItsAccount() throws Exception {
        Path f2 = two();
        Path f3 = three();
        Path out = dir.resolve("landing.yaml");
        ImportCommandTest.Result r = importing(out, f2, f3);
        assertEquals(0, r.code(), r.out() + r.err());
        Scenario sc = ScenarioLoader.load(out);
        assertEquals(List.of("222222222222:api", "333333333333:api"),
                sc.functions().stream().map(Scenario.Function::name).toList());
        assertEquals("222222222222", sc.accounts().of("222222222222:api"));
        assertEquals("333333333333", sc.accounts().of("333333333333:api"));
        Scenario.Function two = sc.functions().get(0);
        Scenario.Function three = sc.functions().get(1);
        assertEquals(256, two.memoryMb(), "each account's figures stay its own");
        assertEquals(1024, three.memoryMb());
        assertEquals(List.of("subnet-0aaaa0000000000a1"), two.subnetIds());
        assertEquals(List.of("subnet-0bbbb0000000000b1"), three.subnetIds());
        String text = Files.readString(out);
        assertTrue(text.contains("  - name: api\n    account: \"222222222222\""), text);
        assertTrue(text.contains("  - name: api\n    account: \"333333333333\""), text);
    }

    @Test
    void oneAccountsFunctionInTwoFilesIsOneFunctionDescribedTwice() throws Exception {
        Path f2 = TestFiles.write(dir, "functions-a.json", functions("222222222222", "api", 256,
                "subnet-0aaaa0000000000a1"));
        Path again = TestFiles.write(dir, "functions-b.json", functions("222222222222", "api", 512,
                "subnet-0aaaa0000000000a1"));
        Path other = TestFiles.write(dir, "functions-333.json", functions("333333333333", "api", 1024,
                "subnet-0bbbb0000000000b1"));
        Path out = dir.resolve("landing.yaml");
        ImportCommandTest.Result r = importing(out, f2, again, other);
        assertEquals(0, r.code(), r.out() + r.err());
        Scenario sc = ScenarioLoader.load(out);
        assertEquals(List.of("222222222222:api", "333333333333:api"),
                sc.functions().stream().map(Scenario.Function::name).toList());
        String text = Files.readString(out).replaceAll("\n#\\s+", " ");
        assertTrue(text.contains("function 222222222222:api") && text.contains("functions-a.json")
                && text.contains("functions-b.json"), "the note names both files: " + text);
    }

    @Test
    void aDescriptionWithoutArnOfANameTwoAccountsHaveIsRefused() throws Exception {
        Path f2 = two();
        Path f3 = three();
        Path bare = TestFiles.write(dir, "api.json", """
                {"FunctionName": "api", "MemorySize": 128, "Timeout": 3, "State": "Active"}
                """);
        ImportCommandTest.Result r = importing(dir.resolve("landing.yaml"), f2, f3, bare);
        assertEquals(2, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("api.json") && r.err().contains("FunctionArn: function api has no FunctionArn,"
                + " and the files hold functions of that name in accounts 222222222222 and 333333333333"), r.err());
    }

    /** get-metric-data's result, StatusCode Complete, of two data points 300 s apart. */
    private static String metrics(String... results) {
        return "{\"MetricDataResults\": [" + String.join(", ", results) + "], \"Messages\": []}";
    }

    @Test
    void aCloudWatchQueryNamesSuchAFunctionWithItsAccount() throws Exception {
        Path file = TestFiles.write(dir, "m.json", metrics(
                CloudWatchResultsTest.result("m1", "222222222222:api Invocations", "[0, 300]", "[30, 60]"),
                CloudWatchResultsTest.result("api_333333333333_invocations", "Invocations", "[0, 300]", "[3, 6]")));
        CloudWatch cw = new CloudWatch(List.of("222222222222:api", "333333333333:api", "worker"),
                new java.util.ArrayList<>(), 0);
        cw.read(file);
        assertEquals(90.0, cw.traffic().get("222222222222:api").invocations().values().stream()
                .mapToDouble(Double::doubleValue).sum(), "the Label's account");
        assertEquals(9.0, cw.traffic().get("333333333333:api").invocations().values().stream()
                .mapToDouble(Double::doubleValue).sum(), "the Id's account");

        Path plain = TestFiles.write(dir, "plain.json", metrics(
                CloudWatchResultsTest.result("api_invocations", "Invocations", "[0, 300]", "[1, 2]")));
        CloudWatch other = new CloudWatch(List.of("222222222222:api", "333333333333:api"), new java.util.ArrayList<>(),
                0);
        dev.enisim.scenario.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.enisim.scenario.ScenarioException.class, () -> other.read(plain));
        assertTrue(e.problems().toString().contains("MetricDataResults[0].Id: 'api_invocations' (Label 'Invocations')"
                + " names api, a function of several accounts (222222222222:api and 333333333333:api), without its"
                + " account: give this query a Label with its account, like \"222222222222:api Invocations\""),
                e.problems().toString());
    }

    @Test
    void anSqsMappingGoesToTheFunctionOfItsArnsAccount() throws Exception {
        Path f2 = two();
        Path f3 = three();
        Path mappings = TestFiles.write(dir, "mappings.json", """
                {"EventSourceMappings": [{"UUID": "6d9bce8e-836b-442c-8070-74e77903c815", "BatchSize": 25,
                 "MaximumBatchingWindowInSeconds": 0,
                 "EventSourceArn": "arn:aws:sqs:eu-west-1:333333333333:orders-queue",
                 "FunctionArn": "arn:aws:lambda:eu-west-1:333333333333:function:api",
                 "LastModified": "2026-10-01T10:00:00+00:00", "State": "Enabled",
                 "StateTransitionReason": "USER_INITIATED", "FunctionResponseTypes": []}]}
                """);
        Path s = TestFiles.write(dir, "subnets.json", SUBNETS);
        Path out = dir.resolve("landing.yaml");
        ImportCommandTest.Result r = ImportCommandTest.run("import", "--name", "landing", "--subnets", s.toString(),
                "--functions", f2.toString(), f3.toString(), "--event-source-mappings", mappings.toString(), "-o",
                out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        Scenario sc = ScenarioLoader.load(out);
        assertTrue(sc.functions().get(1).sqs().isPresent(), "333333333333's api is fed by the queue");
        assertTrue(sc.functions().get(0).sqs().isEmpty(), "222222222222's api is not");
    }
}
