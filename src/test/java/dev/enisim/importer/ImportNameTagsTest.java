package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Name tags of real exports (describe-subnets' and describe-security-groups' {@code Tags}, {@code Key: Name}) go
 * into the scenario as display names: a subnet's {@code name}, the VPC's {@code securityGroupNames} (a group's Name
 * tag, else its GroupName), so the pages can say "private-a (subnet-...)".
 */
class ImportNameTagsTest {

    @TempDir
    Path dir;

    static final String SUBNETS = """
            {"Subnets": [
              {"AvailabilityZone": "eu-west-1a", "AvailableIpAddressCount": 240, "CidrBlock": "10.1.1.0/24",
               "SubnetId": "subnet-0a1b2c3d4e5f60789", "VpcId": "vpc-0f0e0d0c0b0a09081",
               "Tags": [{"Key": "team", "Value": "payments"}, {"Key": "Name", "Value": "private-a"}]},
              {"AvailabilityZone": "eu-west-1b", "AvailableIpAddressCount": 250, "CidrBlock": "10.1.2.0/24",
               "SubnetId": "subnet-0b1c2d3e4f5a60781", "VpcId": "vpc-0f0e0d0c0b0a09081",
               "Tags": [{"Key": "Name", "Value": "private b: payments #2"}]},
              {"AvailabilityZone": "eu-west-1c", "AvailableIpAddressCount": 250, "CidrBlock": "10.1.3.0/24",
               "SubnetId": "subnet-0c1d2e3f4a5b60782", "VpcId": "vpc-0f0e0d0c0b0a09081"}
            ]}
            """;

    static final String FUNCTIONS = """
            {"Functions": [{"FunctionName": "api", "MemorySize": 512, "Timeout": 10,
              "VpcConfig": {"SubnetIds": ["subnet-0a1b2c3d4e5f60789", "subnet-0b1c2d3e4f5a60781",
                                          "subnet-0c1d2e3f4a5b60782"],
                            "SecurityGroupIds": ["sg-0aaaaaaaaaaaaaaa1", "sg-0bbbbbbbbbbbbbbb2"],
                            "VpcId": "vpc-0f0e0d0c0b0a09081"}}]}
            """;

    static final String GROUPS = """
            {"SecurityGroups": [
              {"GroupId": "sg-0aaaaaaaaaaaaaaa1", "GroupName": "api-lambda-sg-1XYZ", "VpcId": "vpc-0f0e0d0c0b0a09081",
               "Tags": [{"Key": "Name", "Value": "api-lambda"}]},
              {"GroupId": "sg-0bbbbbbbbbbbbbbb2", "GroupName": "db-clients", "VpcId": "vpc-0f0e0d0c0b0a09081"}
            ]}
            """;

    private String imported(String subnets, String groups) throws Exception {
        return Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", subnets)),
                List.of(write(dir, "functions.json", FUNCTIONS)), List.of(),
                groups == null ? List.of() : List.of(write(dir, "groups.json", groups)), List.of()), "named", 3600);
    }

    @Test
    void nameTagsAreWrittenAsTheScenariosNames() throws Exception {
        String yaml = imported(SUBNETS, GROUPS);
        assertTrue(yaml.contains("- { id: subnet-0a1b2c3d4e5f60789, cidr: 10.1.1.0/24, az: eu-west-1a, otherUsedIps: 10,"
                + " name: private-a }"), yaml);
        assertTrue(yaml.contains("name: \"private b: payments #2\" }"), "quoted where YAML needs it: " + yaml);
        assertTrue(yaml.contains("securityGroupNames: [{ id: sg-0aaaaaaaaaaaaaaa1, name: api-lambda }, { id:"
                + " sg-0bbbbbbbbbbbbbbb2, name: db-clients }]   # Name tag, else GroupName"), yaml);
        Scenario s = ScenarioLoader.load(write(dir, "named.yaml", yaml));
        Scenario.Vpc vpc = s.vpcs().get(0);
        assertEquals(List.of("private-a", "private b: payments #2"), vpc.subnets().stream().limit(2)
                .map(Scenario.Subnet::name).toList());
        assertNull(vpc.subnets().get(2).name(), "no Name tag, no name");
        assertEquals(Map.of("sg-0aaaaaaaaaaaaaaa1", "api-lambda", "sg-0bbbbbbbbbbbbbbb2", "db-clients"),
                vpc.groupNames(), "the Name tag, else the GroupName");
    }

    @Test
    void theVpcsNameTagComesFromDescribeVpcs() throws Exception {
        Path vpcs = write(dir, "vpcs.json", """
                {"Vpcs": [{"VpcId": "vpc-0f0e0d0c0b0a09081", "CidrBlock": "10.1.0.0/16", "State": "available",
                           "Tags": [{"Key": "Name", "Value": "payments-vpc"}]},
                          {"VpcId": "vpc-099999999999999999", "Tags": [{"Key": "Name", "Value": "another"}]}]}
                """);
        ImportCommandTest.Result r = ImportCommandTest.run("import", "--subnets", write(dir, "subnets.json", SUBNETS)
                .toString(), "--functions", write(dir, "functions.json", FUNCTIONS).toString(), "--vpcs",
                vpcs.toString(), "-o", dir.resolve("named.yaml").toString());
        assertEquals(0, r.code(), r.err());
        String yaml = java.nio.file.Files.readString(dir.resolve("named.yaml"));
        assertTrue(yaml.contains("  - id: vpc-0f0e0d0c0b0a09081\n    name: payments-vpc   # Name tag (describe-vpcs)"),
                yaml);
        assertTrue(yaml.contains("#   " + vpcs + " (aws ec2 describe-vpcs)"), "among the files read: " + yaml);
        assertFalse(yaml.contains("another"), "a VPC with no subnet imported is not in the scenario");
        assertEquals("payments-vpc", ScenarioLoader.load(dir.resolve("named.yaml")).vpcs().get(0).name());

        ImportCommandTest.Result wrong = ImportCommandTest.run("import", "--subnets", dir.resolve("subnets.json")
                .toString(), "--functions", dir.resolve("functions.json").toString(), "--vpcs",
                dir.resolve("subnets.json").toString(), "-o", dir.resolve("other.yaml").toString());
        assertEquals(2, wrong.code(), "describe-subnets output given as --vpcs: " + wrong.err());
    }

    @Test
    void oneVpcQueriedAloneIsReadAndAnUntaggedOneLeftUnnamed() throws Exception {
        // describe-vpcs --query 'Vpcs[0]': the VPC object alone
        Path one = write(dir, "vpc.json", "{\"VpcId\": \"vpc-0f0e0d0c0b0a09081\", \"Tags\": [{\"Key\": \"Name\","
                + " \"Value\": \"alone\"}]}");
        Importer.Inputs in = new Importer.Inputs(List.of(write(dir, "subnets.json", SUBNETS)),
                List.of(write(dir, "functions.json", FUNCTIONS)), List.of(), List.of(), List.of(), List.of(), Map.of(),
                List.of(one));
        assertTrue(Importer.scenario(in, "named", 3600).contains("  - id: vpc-0f0e0d0c0b0a09081\n    name: alone   #"));
        Path untagged = write(dir, "vpc.json", "{\"Vpcs\": [{\"VpcId\": \"vpc-0f0e0d0c0b0a09081\", \"Tags\": []}]}");
        String yaml = Importer.scenario(new Importer.Inputs(in.subnets(), in.functions(), List.of(), List.of(),
                List.of(), List.of(), Map.of(), List.of(untagged)), "named", 3600);
        assertTrue(yaml.contains("  - id: vpc-0f0e0d0c0b0a09081\n    eniQuota:"), yaml);
    }

    @Test
    void withoutDescribeSecurityGroupsNoGroupIsNamed() throws Exception {
        String yaml = imported(SUBNETS, null);
        assertFalse(yaml.contains("securityGroupNames"), yaml);
        assertEquals(Map.of(), ScenarioLoader.load(write(dir, "named.yaml", yaml)).vpcs().get(0).groupNames());
    }

    @Test
    void aNameTagTheScenarioCannotTakeStaysInTheComment() throws Exception {
        // AWS allows an empty tag value and any characters; the scenario's names are one line of 1 to 256
        String yaml = imported(SUBNETS.replace("\"private-a\"", "\"line one\\nline two\"")
                .replace("\"private b: payments #2\"", "\"\""), GROUPS);
        assertTrue(yaml.contains("otherUsedIps: 10 }   # line one\\nline two: 240 of 251 free"), yaml);
        Scenario s = ScenarioLoader.load(write(dir, "named.yaml", yaml));
        assertNull(s.vpcs().get(0).subnets().get(0).name());
        assertNull(s.vpcs().get(0).subnets().get(1).name());
    }

    @Test
    void aNameTagOf256CharactersIsTheSubnetsNameAndOneOf257StaysInTheComment() throws Exception {
        // the loader takes names of 1 to 256 characters: the longest it takes is imported as the name, not dropped
        String longest = "n".repeat(256);
        String tooLong = "m".repeat(257);
        String yaml = imported(SUBNETS.replace("\"private-a\"", "\"" + longest + "\"")
                .replace("\"private b: payments #2\"", "\"" + tooLong + "\""), GROUPS);
        assertTrue(yaml.contains("otherUsedIps: 10, name: " + longest + " }   # 240 of 251 free"), yaml);
        assertTrue(yaml.contains("otherUsedIps: 0 }   # " + tooLong + ": 250 of 251 free"), yaml);
        Scenario s = ScenarioLoader.load(write(dir, "named.yaml", yaml));
        assertEquals(longest, s.vpcs().get(0).subnets().get(0).name());
        assertNull(s.vpcs().get(0).subnets().get(1).name());
    }
}
