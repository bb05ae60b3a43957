package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code aws ec2 describe-subnets --query Subnets} (and describe-network-interfaces' --query NetworkInterfaces)
 * print a bare array of the CLI's own objects: read as the listing, as list-functions' is (it was refused element
 * by element with "expected a list 'Subnets'", followed by "no describe-subnets file lists" for every function).
 */
class QueryArrayTest {

    @TempDir
    Path dir;

    private static final String SUBNET_A = """
            {
                "AvailabilityZone": "us-east-1a", "AvailabilityZoneId": "use1-az1", "AvailableIpAddressCount": 248,
                "CidrBlock": "10.0.1.0/24", "DefaultForAz": false, "MapPublicIpOnLaunch": false, "State": "available",
                "SubnetId": "subnet-a", "VpcId": "vpc-1", "OwnerId": "123456789012", "AssignIpv6AddressOnCreation": false,
                "Ipv6CidrBlockAssociationSet": [], "Tags": [{"Key": "Name", "Value": "private-a"}],
                "SubnetArn": "arn:aws:ec2:us-east-1:123456789012:subnet/subnet-a"
            }""";
    private static final String SUBNET_B = SUBNET_A.replace("subnet-a", "subnet-b").replace("10.0.1.0", "10.0.2.0")
            .replace("us-east-1a", "us-east-1b").replace("private-a", "private-b");

    private static final String FUNCTIONS = """
            [
                {"FunctionName": "api", "Runtime": "python3.12", "MemorySize": 256, "Timeout": 10,
                 "VpcConfig": {"SubnetIds": ["subnet-a", "subnet-b"], "SecurityGroupIds": ["sg-1"], "VpcId": "vpc-1"}}
            ]
            """;

    private static final String ENI = """
            {"NetworkInterfaceId": "eni-1", "SubnetId": "%s", "VpcId": "vpc-1", "InterfaceType": "lambda",
             "Status": "in-use", "PrivateIpAddress": "10.0.1.9", "Groups": [{"GroupName": "api", "GroupId": "sg-1"}]}""";

    private String importing(String subnets, String enis) throws Exception {
        return ImporterTest.unsealed(Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", subnets)),
                List.of(write(dir, "functions.json", FUNCTIONS)), List.of(write(dir, "enis.json", enis)), List.of(),
                List.of()), "q", 600));
    }

    @Test
    void aBareArrayOfSubnetsAndInterfacesIsTheListing() throws Exception {
        String enis = "[" + ENI.formatted("subnet-a") + ", " + ENI.formatted("subnet-b").replace("eni-1", "eni-2") + "]";
        String bare = importing("[" + SUBNET_A + ", " + SUBNET_B + "]", enis);
        String whole = importing("{\"Subnets\": [" + SUBNET_A + ", " + SUBNET_B + "]}",
                "{\"NetworkInterfaces\": " + enis + "}");
        assertEquals(whole, bare);
        assertTrue(bare.contains("existing: Active   # a Lambda ENI seen for each of its 2 key(s)"), bare);
    }

    @Test
    void aRefusedSubnetsFileBringsNoFollowOnProblems() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> importing(
                "{\"Vpcs\": [{\"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.0/16\"}]}", // describe-vpcs
                "{\"NetworkInterfaces\": []}"));
        String all = e.getMessage();
        assertTrue(all.contains("subnets.json: Subnets: expected a list 'Subnets'"), all);
        assertFalse(all.contains("which no describe-subnets file lists"), all);
    }
}
