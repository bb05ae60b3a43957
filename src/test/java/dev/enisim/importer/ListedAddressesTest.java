package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * describe-network-interfaces output that holds more addresses in a subnet than describe-subnets leaves in use
 * (usable - AvailableIpAddressCount): the files were saved at different times, and a note says so (it imported
 * silently, "4 free").
 */
class ListedAddressesTest {

    @TempDir
    Path dir;

    /** A /26 (59 usable) with 4 free: 55 in use. */
    private static final String SUBNETS = """
            {"Subnets": [{"AvailabilityZone": "eu-west-1c", "AvailableIpAddressCount": 4, "CidrBlock": "10.20.3.0/26",
              "SubnetId": "subnet-c", "VpcId": "vpc-1", "Tags": [{"Key": "Name", "Value": "shared-ecs-c"}]}]}
            """;

    private static final String FUNCTIONS = """
            {"Functions": [{"FunctionName": "api", "MemorySize": 512, "Timeout": 30,
              "VpcConfig": {"SubnetIds": ["subnet-c"], "SecurityGroupIds": ["sg-1"], "VpcId": "vpc-1"}}]}
            """;

    /** An EC2 instance's interface with {@code ips} private addresses, as describe-network-interfaces prints it. */
    private static String ec2(int n, int ips) {
        StringBuilder a = new StringBuilder();
        for (int i = 0; i < ips; i++) {
            a.append(i == 0 ? "" : ", ").append("{\"Primary\": ").append(i == 0).append(", \"PrivateIpAddress\":"
                    + " \"10.20.3.").append(n * 4 + i + 4).append("\"}");
        }
        return """
                {"AvailabilityZone": "eu-west-1c", "Description": "", "InterfaceType": "interface",
                 "NetworkInterfaceId": "eni-0ec2%05d", "PrivateIpAddress": "10.20.3.%d", "PrivateIpAddresses": [%s],
                 "RequesterManaged": false, "Status": "in-use", "SubnetId": "subnet-c", "VpcId": "vpc-1",
                 "Groups": [{"GroupName": "ecs", "GroupId": "sg-ecs"}]}""".formatted(n, n * 4 + 4, a);
    }

    private static final String LAMBDA = """
            {"AvailabilityZone": "eu-west-1c", "Description": "AWS Lambda VPC ENI-api-1234", "InterfaceType": "lambda",
             "NetworkInterfaceId": "eni-0lambda", "PrivateIpAddress": "10.20.3.60", "RequesterManaged": true,
             "Status": "in-use", "SubnetId": "subnet-c", "VpcId": "vpc-1",
             "Groups": [{"GroupName": "api", "GroupId": "sg-1"}]}""";

    private String importing(int ec2Enis, int ipsEach) throws Exception {
        StringBuilder enis = new StringBuilder("{\"NetworkInterfaces\": [").append(LAMBDA);
        for (int i = 0; i < ec2Enis; i++) {
            enis.append(",\n").append(ec2(i, ipsEach));
        }
        String yaml = Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", SUBNETS)),
                List.of(write(dir, "functions.json", FUNCTIONS)),
                List.of(write(dir, "enis.json", enis.append("]}").toString())), List.of(), List.of()), "t", 3600);
        ScenarioLoader.parse(yaml, "t");
        return ImporterTest.unwrapped(yaml);
    }

    @Test
    void moreAddressesListedThanInUseIsNoted() throws Exception {
        // 1 + 32 * 2 = 65 addresses listed, 55 in use
        String yaml = importing(32, 2);
        assertTrue(yaml.contains("subnet subnet-c (shared-ecs-c): the 33 network interface(s) listed there hold 65"
                + " address(es), more than the 55 in use by describe-subnets (59 usable - 4 AvailableIpAddressCount):"
                + " were describe-subnets and describe-network-interfaces saved at different times?"), yaml);
        // 1 + 27 * 2 = 55: as many as in use, no note
        assertFalse(importing(27, 2).contains("listed there hold"));
    }
}
