package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.EX;
import static dev.enisim.importer.ImporterTest.only;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and inconsistent CLI output is rejected with the file, the JSON path and what was expected. */
class BrokenInputTest {

    @TempDir
    Path dir;

    private ScenarioException subnetsFile(String text) throws Exception {
        Path bad = write(dir, "subnets.json", text);
        return assertThrows(ScenarioException.class, () -> Importer.scenario(only(bad, EX.resolve("functions.json")),
                "x", 60));
    }

    private ScenarioException functionsFile(String text) throws Exception {
        Path bad = write(dir, "functions.json", text);
        return assertThrows(ScenarioException.class, () -> Importer.scenario(only(EX.resolve("subnets.json"), bad),
                "x", 60));
    }

    @Test
    void malformedJsonNamesTheFileAndTheLine() throws Exception {
        ScenarioException e = subnetsFile("""
                {"Subnets": [ {"SubnetId": "subnet-a", "VpcId": "vpc-1",
                  "CidrBlock": "10.0.0.0/24"
                """);
        assertEquals(dir.resolve("subnets.json").toString(), e.source());
        assertTrue(e.getMessage().contains("malformed JSON at line 3"), e.getMessage());
        assertTrue(e.getMessage().contains("expected the output of `aws ec2 describe-subnets`"), e.getMessage());
    }

    @Test
    void theOutputOfAnotherCommandIsRecognisedAsSuch() throws Exception {
        ScenarioException e = subnetsFile("{\"Reservations\": [{\"Instances\": []}]}");
        assertEquals("Subnets: expected a list 'Subnets', as `aws ec2 describe-subnets` prints (is this the output"
                + " of another command?)", e.problems().get(0).toString());
        ScenarioException table = subnetsFile("[]");
        assertTrue(table.getMessage().contains("expected the JSON object that `aws ec2 describe-subnets` prints"
                + " (saved with the default --output json)"), table.getMessage());
        ScenarioException missing = assertThrows(ScenarioException.class, () -> Importer.scenario(
                only(dir.resolve("nope.json"), EX.resolve("functions.json")), "x", 60));
        assertTrue(missing.getMessage().endsWith("nope.json: file not found"), missing.getMessage());
    }

    @Test
    void everyBrokenFieldIsReportedAtOnceWithItsPath() throws Exception {
        ScenarioException e = subnetsFile("""
                {"Subnets": [
                  {"SubnetId": "subnet-a", "VpcId": "vpc-1", "AvailabilityZone": "eu-west-1a",
                   "AvailableIpAddressCount": "many", "CidrBlock": "10.0.0.0/24"},
                  {"SubnetId": "subnet-b", "VpcId": "vpc-1", "AvailabilityZone": "eu-west-1b",
                   "AvailableIpAddressCount": 3},
                  {"SubnetId": "subnet-c", "VpcId": "vpc-1", "AvailabilityZone": "eu-west-1c",
                   "AvailableIpAddressCount": 300, "CidrBlock": "10.0.2.0/24"},
                  {"SubnetId": 42, "VpcId": "vpc-1", "AvailabilityZone": "eu-west-1c",
                   "AvailableIpAddressCount": 3, "CidrBlock": "10.0.3.0/33"}]}
                """);
        List<String> problems = e.problems().stream().map(Object::toString).toList();
        assertEquals(List.of(
                "Subnets[0].AvailableIpAddressCount: expected a whole number, got \"many\"",
                "Subnets[1].CidrBlock: missing (expected the subnet's IPv4 CIDR, like 10.0.1.0/24)",
                "Subnets[2].AvailableIpAddressCount: expected at most the 251 usable addresses of 10.0.2.0/24 (AWS"
                        + " reserves 5 per subnet), got 300",
                "Subnets[3].SubnetId: expected a string, got 42"), problems.subList(0, 4));
        assertTrue(problems.get(4).startsWith("Subnets[3].CidrBlock: "), problems.get(4));
        assertTrue(e.getMessage().startsWith(dir.resolve("subnets.json") + ":3: Subnets[0]"), "file first, at its line");
    }

    @Test
    void brokenFunctionsAreRejected() throws Exception {
        ScenarioException e = functionsFile("""
                {"Functions": [
                  {"FunctionName": "a", "MemorySize": 64, "Timeout": 5401},
                  {"FunctionName": "b", "VpcConfig": {"SubnetIds": ["subnet-0f1e2d3c4b5a69788"], "SecurityGroupIds": []}},
                  {"MemorySize": 128},
                  {"FunctionName": "c", "VpcConfig": "vpc-1"}]}
                """);
        assertEquals(List.of(
                "Functions[0].MemorySize: expected 128 to 32768, got 64",
                "Functions[0].Timeout: expected 1 to 5400, got 5401",
                "Functions[1].VpcConfig: b: expected both SubnetIds and SecurityGroupIds, or neither (not in a VPC);"
                        + " got 1 subnet(s) and 0 security group(s)",
                "Functions[2].FunctionName: missing (expected a string)",
                "Functions[3].VpcConfig: expected an object {SubnetIds, SecurityGroupIds, VpcId}, got \"vpc-1\""),
                e.problems().stream().map(Object::toString).toList());
        ScenarioException none = functionsFile("{\"Functions\": []}");
        assertTrue(none.getMessage().contains("no function found"), none.getMessage());
    }

    @Test
    void filesThatContradictEachOtherAreRejected() throws Exception {
        ScenarioException lost = functionsFile("""
                {"Functions": [{"FunctionName": "lost", "VpcConfig": {"SubnetIds": ["subnet-nowhere"],
                 "SecurityGroupIds": ["sg-1"]}}]}
                """);
        assertEquals("Functions[0].VpcConfig.SubnetIds: lost uses subnet subnet-nowhere, which no describe-subnets"
                + " file lists (save the subnets of every VPC the functions use)", lost.problems().get(0).toString());
        Path subnets = write(dir, "two-vpcs.json", """
                {"Subnets": [
                  {"SubnetId": "subnet-a", "VpcId": "vpc-1", "AvailabilityZone": "a", "AvailableIpAddressCount": 9, "CidrBlock": "10.0.0.0/28"},
                  {"SubnetId": "subnet-b", "VpcId": "vpc-2", "AvailabilityZone": "b", "AvailableIpAddressCount": 9, "CidrBlock": "10.1.0.0/28"}]}
                """);
        Path fn = write(dir, "fn.json", """
                {"FunctionName": "split", "VpcConfig": {"SubnetIds": ["subnet-a", "subnet-b"], "SecurityGroupIds": ["sg-1"]}}
                """);
        ScenarioException split = assertThrows(ScenarioException.class, () -> Importer.scenario(only(subnets, fn), "x",
                60));
        assertEquals("VpcConfig.SubnetIds: expected subnets of one VPC, got subnets of [vpc-1, vpc-2]",
                split.problems().get(0).toString());
        Path groups = write(dir, "groups.json", """
                {"SecurityGroups": [{"GroupId": "sg-1", "GroupName": "elsewhere", "VpcId": "vpc-2", "IpPermissions": []}]}
                """);
        Path one = write(dir, "one.json", """
                {"FunctionName": "f", "VpcConfig": {"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["sg-1"]}}
                """);
        ScenarioException wrongVpc = assertThrows(ScenarioException.class, () -> Importer.scenario(new Importer.Inputs(
                List.of(subnets), List.of(one), List.of(), List.of(groups), List.of()), "x", 60));
        assertEquals("VpcConfig.SecurityGroupIds: security group sg-1 is in vpc-2 (describe-security-groups), but"
                + " the function's subnets are in vpc-1", wrongVpc.problems().get(0).toString());
        assertEquals(one.toString(), wrongVpc.source());
    }

    @Test
    void brokenNetworkInterfacesAndSecurityGroupsAreRejected() throws Exception {
        Path enis = write(dir, "enis.json", """
                {"NetworkInterfaces": [
                  {"InterfaceType": "interface", "Description": "Primary network interface"},
                  {"InterfaceType": "lambda", "NetworkInterfaceId": "eni-1", "SubnetId": "subnet-0f1e2d3c4b5a69788",
                   "Groups": [{"GroupName": "x"}]},
                  {"Description": "AWS Lambda VPC ENI-old-fn-1234", "NetworkInterfaceId": "eni-2", "Groups": []}]}
                """);
        Path groups = write(dir, "groups.json", "{\"SecurityGroups\": [{\"GroupName\": \"default\"}]}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Importer.scenario(new Importer.Inputs(
                List.of(EX.resolve("subnets.json")), List.of(EX.resolve("functions.json")), List.of(enis), List.of(),
                List.of()), "x", 60));
        assertEquals(List.of("NetworkInterfaces[1].Groups[0].GroupId: missing (expected a string)",
                "NetworkInterfaces[2].SubnetId: missing (expected a string)"),
                e.problems().stream().map(Object::toString).toList(), "other tenants' interfaces are not checked");
        ScenarioException g = assertThrows(ScenarioException.class, () -> Importer.scenario(new Importer.Inputs(
                List.of(EX.resolve("subnets.json")), List.of(EX.resolve("functions.json")), List.of(), List.of(groups),
                List.of()), "x", 60));
        assertEquals(List.of("SecurityGroups[0].GroupId: missing (expected a string)",
                "SecurityGroups[0].VpcId: missing (expected a string)"),
                g.problems().stream().map(Object::toString).toList());
    }

    // --- every file's problems in one pass ---

    /** A subnets file with a refused entry (subnet-b: no CidrBlock) and one good subnet, subnet-a. */
    private static final String HALF_BROKEN_SUBNETS = """
            {"Subnets": [
              {"SubnetId": "subnet-a", "VpcId": "vpc-1", "AvailabilityZone": "eu-west-1a",
               "AvailableIpAddressCount": 200, "CidrBlock": "10.0.0.0/24"},
              {"SubnetId": "subnet-b", "VpcId": "vpc-1", "AvailabilityZone": "eu-west-1b",
               "AvailableIpAddressCount": 3}]}
            """;

    /** A functions file with a broken function and two that name subnets: one refused, one listed nowhere. */
    private static final String HALF_BROKEN_FUNCTIONS = """
            {"Functions": [
              {"FunctionName": "small", "MemorySize": 64},
              {"FunctionName": "on-b", "VpcConfig": {"SubnetIds": ["subnet-b"], "SecurityGroupIds": ["sg-1"]}},
              {"FunctionName": "lost", "VpcConfig": {"SubnetIds": ["subnet-nowhere"], "SecurityGroupIds": ["sg-1"]}}]}
            """;

    @Test
    void everyFilesProblemsAndTheProblemsBetweenThemComeInOnePass() throws Exception {
        Path subnets = write(dir, "subnets.json", HALF_BROKEN_SUBNETS);
        Path functions = write(dir, "functions.json", HALF_BROKEN_FUNCTIONS);
        Path enis = write(dir, "enis.json", "{\"NetworkInterfaces\": [{\"InterfaceType\": \"lambda\","
                + " \"NetworkInterfaceId\": \"eni-1\", \"Groups\": []}]}");
        Path metrics = write(dir, "metrics.json", "{\"MetricDataResults\": [{\"Id\": \"lost_invocations\","
                + " \"Timestamps\": [\"yesterday\"], \"Values\": [1]}]}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Importer.scenario(new Importer.Inputs(
                List.of(subnets), List.of(functions), List.of(enis), List.of(), List.of(metrics)), "x", 60));
        assertEquals(List.of(subnets.toString(), functions.toString(), enis.toString(), metrics.toString()),
                e.parts().stream().map(ScenarioException::source).toList(), "each file, in the order given");
        assertEquals(subnets.toString(), e.source(), "the first");
        assertEquals(List.of("Subnets[1].CidrBlock: missing (expected the subnet's IPv4 CIDR, like 10.0.1.0/24)"),
                e.problems().stream().map(Object::toString).toList());
        assertEquals(List.of("Functions[0].MemorySize: expected 128 to 32768, got 64",
                "Functions[2].VpcConfig.SubnetIds: lost uses subnet subnet-nowhere, which no describe-subnets file"
                        + " lists (save the subnets of every VPC the functions use)"),
                e.parts().get(1).problems().stream().map(Object::toString).toList(),
                "its own problem, and the one between files; none for subnet-b, refused with its own problem");
        assertEquals(List.of("NetworkInterfaces[0].SubnetId: missing (expected a string)"),
                e.parts().get(2).problems().stream().map(Object::toString).toList());
        assertTrue(e.parts().get(3).problems().get(0).toString().startsWith("MetricDataResults[0].Timestamps[0]:"
                + " expected an ISO-8601 time"), e.getMessage());
        List<String> lines = e.getMessage().lines().toList();
        assertEquals(5, lines.size(), e.getMessage());
        assertTrue(lines.get(0).startsWith(subnets + ":4: Subnets[1].CidrBlock"), e.getMessage());
        assertTrue(lines.get(2).startsWith(functions + ":4: Functions[2].VpcConfig.SubnetIds"), e.getMessage());
        assertTrue(lines.get(4).startsWith(metrics + ":1: MetricDataResults[0]"), e.getMessage());
    }

    @Test
    void aSubnetsFileThatIsNotJsonDoesNotMakeEverySubnetUnknown() throws Exception {
        Path subnets = write(dir, "subnets.json", "{\"Subnets\": [");
        Path functions = write(dir, "functions.json", HALF_BROKEN_FUNCTIONS);
        ScenarioException e = assertThrows(ScenarioException.class, () -> Importer.scenario(only(subnets, functions),
                "x", 60));
        assertEquals(2, e.parts().size(), e.getMessage());
        assertTrue(e.parts().get(0).problems().get(0).toString().contains("malformed JSON"), e.getMessage());
        assertEquals(List.of("Functions[0].MemorySize: expected 128 to 32768, got 64"),
                e.parts().get(1).problems().stream().map(Object::toString).toList(),
                "what the subnets file lists is unknown: no subnet is said to be missing");
    }

    @Test
    void theCommandListsEveryFileAtOnceWithExitTwo() throws Exception {
        Path subnets = write(dir, "subnets.json", HALF_BROKEN_SUBNETS);
        Path functions = write(dir, "functions.json", HALF_BROKEN_FUNCTIONS);
        Path out = dir.resolve("x.yaml");
        ImportCommandTest.Result r = ImportCommandTest.run("import", "--subnets", subnets.toString(), "--functions",
                functions.toString(), "-o", out.toString());
        assertEquals(2, r.code(), r.err());
        assertEquals(List.of(subnets + ":4: Subnets[1].CidrBlock: missing (expected the subnet's IPv4 CIDR, like"
                + " 10.0.1.0/24)", functions + ":2: Functions[0].MemorySize: expected 128 to 32768, got 64",
                functions + ":4: Functions[2].VpcConfig.SubnetIds: lost uses subnet subnet-nowhere, which no"
                + " describe-subnets file lists (save the subnets of every VPC the functions use)"),
                r.err().lines().toList());
        assertTrue(!java.nio.file.Files.exists(out));
    }

    /**
     * A device, a pipe or a huge file is refused without being read (a safety review: /dev/zero and a 3 GiB sparse
     * file ran out of memory, a stack trace; a pipe hung for ever).
     */
    @Test
    void aDeviceAPipeOrAHugeFileIsRefusedUnread() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(java.nio.file.Files.exists(Path.of("/dev/zero")), "/dev/zero");
        ScenarioException zero = assertThrows(ScenarioException.class, () -> Importer.scenario(
                only(Path.of("/dev/zero"), EX.resolve("functions.json")), "x", 60));
        assertTrue(zero.getMessage().contains("/dev/zero: is not a regular file (a device or a pipe)"),
                zero.getMessage());
        Path huge = dir.resolve("huge.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(CliJson.MAX_BYTES + 1); // sparse: no disk used
        }
        ScenarioException big = assertThrows(ScenarioException.class, () -> Importer.scenario(
                only(huge, EX.resolve("functions.json")), "x", 60));
        assertTrue(big.getMessage().contains("huge.json: is 513 MiB, above the 512 MiB limit"),
                big.getMessage());
        Path fifo = dir.resolve("pipe.json");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mk.waitFor() == 0, "mkfifo");
        ScenarioException pipe = assertThrows(ScenarioException.class, () -> Importer.scenario(
                only(fifo, EX.resolve("functions.json")), "x", 60));
        assertTrue(pipe.getMessage().contains("is not a regular file (a device or a pipe)"), pipe.getMessage());
    }
}
