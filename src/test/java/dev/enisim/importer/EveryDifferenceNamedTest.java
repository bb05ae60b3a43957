package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A subnet and a function each described in two files that disagree on every field the import reads: the note
 * names each of them with both values (earlier vs later), a value the earlier or the later file lacks as "(none)".
 * Fixtures are this project's own, in the CLI's shapes.
 */
class EveryDifferenceNamedTest {

    @TempDir
    Path dir;

    /** describe-subnets output saved first: no Name tag, no IPv6 CIDR, an OwnerId. */
    private static final String EARLIER_SUBNETS = """
            {"Subnets": [{"AvailabilityZone": "eu-west-1a", "AvailableIpAddressCount": 200, "CidrBlock": "10.0.0.0/24",
              "SubnetId": "subnet-a", "VpcId": "vpc-1", "OwnerId": "111111111111"},
             {"AvailabilityZone": "eu-west-1b", "AvailableIpAddressCount": 250, "CidrBlock": "10.9.1.0/24",
              "SubnetId": "subnet-b", "VpcId": "vpc-2", "Tags": [{"Key": "Name", "Value": "b"}],
              "Ipv6CidrBlockAssociationSet": [{"Ipv6CidrBlock": "2600:1f14:aaa:bb01::/64",
                "Ipv6CidrBlockState": {"State": "associated"}}]}]}
            """;

    /** The same subnet-a saved later: every field read differs, and it has no OwnerId. */
    private static final String LATER_SUBNETS = """
            {"Subnets": [{"AvailabilityZone": "eu-west-1b", "AvailableIpAddressCount": 100, "CidrBlock": "10.9.0.0/24",
              "SubnetId": "subnet-a", "VpcId": "vpc-2", "Tags": [{"Key": "Name", "Value": "app-a"}],
              "Ipv6CidrBlockAssociationSet": [{"Ipv6CidrBlock": "2600:1f14:aaa:bb00::/64",
                "Ipv6CidrBlockState": {"State": "associated"}}]}]}
            """;

    /** list-functions output saved first. */
    private static final String EARLIER_FUNCTIONS = """
            {"Functions": [{"FunctionName": "api", "MemorySize": 512, "Timeout": 30, "State": "Active",
              "Role": "arn:aws:iam::111111111111:role/api-old", "Runtime": "nodejs20.x", "Architectures": ["x86_64"],
              "PackageType": "Zip",
              "VpcConfig": {"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["sg-1"], "VpcId": "vpc-2",
                "Ipv6AllowedForDualStack": false}}]}
            """;

    /** get-function output of the same function saved later, with its reserved concurrency. */
    private static final String LATER_FUNCTION = """
            {"Configuration": {"FunctionName": "api", "MemorySize": 1024, "Timeout": 60, "State": "Inactive",
              "Role": "arn:aws:iam::111111111111:role/api-new", "Runtime": "python3.12", "Architectures": ["arm64"],
              "PackageType": "Image",
              "VpcConfig": {"SubnetIds": ["subnet-a", "subnet-b"], "SecurityGroupIds": ["sg-2"], "VpcId": "vpc-2",
                "Ipv6AllowedForDualStack": true}},
             "Concurrency": {"ReservedConcurrentExecutions": 5}}
            """;

    @Test
    void everyFieldThatDiffersIsNamedWithBothValues() throws Exception {
        Path earlierSubnets = write(dir, "subnets-1.json", EARLIER_SUBNETS);
        Path laterSubnets = write(dir, "subnets-2.json", LATER_SUBNETS);
        String yaml = Importer.scenario(new Importer.Inputs(List.of(earlierSubnets, laterSubnets),
                List.of(write(dir, "functions-1.json", EARLIER_FUNCTIONS), write(dir, "functions-2.json",
                        LATER_FUNCTION)), List.of(), List.of(), List.of()), "t", 3600);
        ScenarioLoader.parse(yaml, "t");
        String notes = ImporterTest.unwrapped(yaml);
        assertTrue(notes.contains("subnet subnet-a is described more than once: the later description (" + laterSubnets
                + ", Subnets[0]) is used, not the earlier (" + earlierSubnets + ", Subnets[0]); they differ (earlier vs"
                + " later): VpcId vpc-1 vs vpc-2; CidrBlock 10.0.0.0/24 vs 10.9.0.0/24; AvailabilityZone eu-west-1a vs"
                + " eu-west-1b; AvailableIpAddressCount 200 vs 100; Ipv6CidrBlock (none) vs 2600:1f14:aaa:bb00::/64;"
                + " OwnerId 111111111111 vs (none); Name tag (none) vs app-a"), notes);
        assertTrue(notes.contains("; they differ (earlier vs later): MemorySize 512 vs 1024; Timeout 30 vs 60;"
                + " VpcConfig.SubnetIds [subnet-a] vs [subnet-a, subnet-b]; VpcConfig.SecurityGroupIds [sg-1] vs"
                + " [sg-2]; VpcConfig.Ipv6AllowedForDualStack false vs true; State Active vs Inactive; Role api-old vs"
                + " api-new; ReservedConcurrentExecutions (none) vs 5; Runtime nodejs20.x vs python3.12; Architectures"
                + " x86_64 vs arm64; PackageType Zip vs Image"), notes);
    }
}
