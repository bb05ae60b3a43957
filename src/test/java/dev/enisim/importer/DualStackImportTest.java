package dev.enisim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Dual-stack from real CLI output shapes: {@code aws lambda get-function-configuration} prints
 * {@code VpcConfig.Ipv6AllowedForDualStack}; {@code aws ec2 describe-subnets} prints a subnet's IPv6 block under
 * {@code Ipv6CidrBlockAssociationSet} (and {@code Ipv6Native: true}, no {@code CidrBlock}, for an IPv6-only subnet).
 * The fixture is this project's own, shaped like that output.
 */
class DualStackImportTest {

    @TempDir
    Path dir;

    private static final String SUBNETS = """
            {
              "Subnets": [
                {
                  "AvailabilityZone": "us-east-1a",
                  "AvailableIpAddressCount": 20,
                  "CidrBlock": "10.30.0.0/27",
                  "State": "available",
                  "SubnetId": "subnet-0aa1111111111111a",
                  "VpcId": "vpc-0123456789abcdef0",
                  "Ipv6Native": false,
                  "AssignIpv6AddressOnCreation": false,
                  "Ipv6CidrBlockAssociationSet": [
                    {
                      "AssociationId": "subnet-cidr-assoc-0a1b2c3d4e5f60718",
                      "Ipv6CidrBlock": "2600:1f18:4a3b:c100::/64",
                      "Ipv6CidrBlockState": { "State": "associated" }
                    }
                  ]
                },
                {
                  "AvailabilityZone": "us-east-1b",
                  "AvailableIpAddressCount": 250,
                  "CidrBlock": "10.30.1.0/24",
                  "State": "available",
                  "SubnetId": "subnet-0bb2222222222222b",
                  "VpcId": "vpc-0123456789abcdef0",
                  "Ipv6CidrBlockAssociationSet": []
                },
                {
                  "AvailabilityZone": "us-east-1c",
                  "AvailableIpAddressCount": 0,
                  "State": "available",
                  "SubnetId": "subnet-0cc3333333333333c",
                  "VpcId": "vpc-0123456789abcdef0",
                  "Ipv6Native": true,
                  "Ipv6CidrBlockAssociationSet": [
                    { "Ipv6CidrBlock": "2600:1f18:4a3b:c1ff::/64", "Ipv6CidrBlockState": { "State": "associated" } }
                  ]
                }
              ]
            }
            """;

    private static final String FUNCTION = """
            {
              "FunctionName": "api",
              "FunctionArn": "arn:aws:lambda:us-east-1:111111111111:function:api",
              "Runtime": "python3.12",
              "Role": "arn:aws:iam::111111111111:role/api-role",
              "MemorySize": 256,
              "Timeout": 10,
              "VpcConfig": {
                "SubnetIds": ["subnet-0aa1111111111111a"],
                "SecurityGroupIds": ["sg-0a11aa11aa11aa11a"],
                "VpcId": "vpc-0123456789abcdef0",
                "Ipv6AllowedForDualStack": true
              },
              "State": "Active",
              "LastUpdateStatus": "Successful",
              "Architectures": ["x86_64"]
            }
            """;

    /** The flag on a function whose subnet has no IPv6 block in the subnets given: left out (with a comment). */
    @Test
    void theFlagIsLeftOutWhenASubnetIsNotDualStack() throws Exception {
        String yaml = Importer.scenario(ImporterTest.only(ImporterTest.write(dir, "subnets.json", SUBNETS),
                ImporterTest.write(dir, "api.json", FUNCTION.replace("subnet-0aa1111111111111a",
                        "subnet-0bb2222222222222b"))), "ds", 3600);
        assertFalse(yaml.contains("ipv6AllowedForDualStack: true"), yaml);
        assertTrue(yaml.contains("# Ipv6AllowedForDualStack left out"), yaml);
        assertFalse(ScenarioLoader.load(ImporterTest.write(dir, "ds.yaml", yaml)).functions().get(0).vpcConfig()
                .ipv6AllowedForDualStack());
    }

    @Test
    void theFlagAndTheSubnetsIpv6BlocksAreImported() throws Exception {
        String yaml = Importer.scenario(ImporterTest.only(ImporterTest.write(dir, "subnets.json", SUBNETS),
                ImporterTest.write(dir, "api.json", FUNCTION)), "ds", 3600);
        assertTrue(yaml.contains("ipv6Cidr: \"2600:1f18:4a3b:c100::/64\"") || yaml.contains(
                "ipv6Cidr: 2600:1f18:4a3b:c100::/64"), yaml);
        assertTrue(yaml.contains("ipv6AllowedForDualStack: true"), yaml);
        assertFalse(yaml.contains("id: subnet-0cc3333333333333c"), "the IPv6-only subnet is left out: " + yaml);
        assertTrue(yaml.contains("subnet subnet-0cc3333333333333c is IPv6-only"), "and said so: " + yaml);
        Scenario s = ScenarioLoader.load(ImporterTest.write(dir, "ds.yaml", yaml));
        assertEquals(List.of("subnet-0aa1111111111111a", "subnet-0bb2222222222222b"),
                s.vpcs().get(0).subnets().stream().map(Scenario.Subnet::id).sorted().toList(), "the two with IPv4");
        Scenario.Subnet a = s.vpcs().get(0).subnets().stream().filter(x -> x.id().equals("subnet-0aa1111111111111a"))
                .findFirst().orElseThrow();
        assertEquals("2600:1f18:4a3b:c100::/64", a.ipv6Cidr());
        assertTrue(s.functions().get(0).vpcConfig().ipv6AllowedForDualStack());
        assertEquals(List.of(false), s.vpcs().get(0).subnets().stream()
                .filter(x -> x.id().equals("subnet-0bb2222222222222b")).map(Scenario.Subnet::dualStack).toList(),
                "an empty association set: IPv4 only");
    }
}
