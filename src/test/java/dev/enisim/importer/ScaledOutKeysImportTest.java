package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key (subnet + security-group set) whose functions scaled out holds several Lambda Hyperplane ENIs: the import
 * starts the key with all of them ({@code vpcs[*].enisAtStart}), as Lambda's own, not in {@code otherUsedEnis} as
 * another service's (which held their quota slots for the whole run and never let them go with the key). Each
 * listed ENI's address is counted once: in the recreated ENI, not also in {@code otherUsedIps}. Fixtures are this
 * project's own, in the shapes the AWS CLI prints.
 */
class ScaledOutKeysImportTest {

    @TempDir
    Path dir;

    /** describe-subnets: a /24 (251 usable) with 240 free, so 11 addresses in use. */
    static final String SUBNETS = """
            {
              "Subnets": [
                {
                  "AvailabilityZone": "eu-west-1a",
                  "AvailabilityZoneId": "euw1-az1",
                  "AvailableIpAddressCount": 240,
                  "CidrBlock": "10.30.1.0/24",
                  "DefaultForAz": false,
                  "MapPublicIpOnLaunch": false,
                  "State": "available",
                  "SubnetId": "subnet-0aaa1111bbbb2222c",
                  "VpcId": "vpc-0ddd3333eeee4444f",
                  "OwnerId": "123456789012",
                  "AssignIpv6AddressOnCreation": false,
                  "Ipv6CidrBlockAssociationSet": [],
                  "Tags": [ { "Key": "Name", "Value": "private-a" } ],
                  "SubnetArn": "arn:aws:ec2:eu-west-1:123456789012:subnet/subnet-0aaa1111bbbb2222c",
                  "Ipv6Native": false
                }
              ]
            }
            """;

    /** list-functions: one function on that subnet with one security group. */
    static final String FUNCTIONS = """
            {
              "Functions": [
                {
                  "FunctionName": "orders-api",
                  "FunctionArn": "arn:aws:lambda:eu-west-1:123456789012:function:orders-api",
                  "Runtime": "python3.12",
                  "Role": "arn:aws:iam::123456789012:role/orders-api-role",
                  "Handler": "app.handler",
                  "MemorySize": 512,
                  "Timeout": 10,
                  "VpcConfig": {
                    "SubnetIds": ["subnet-0aaa1111bbbb2222c"],
                    "SecurityGroupIds": ["sg-0123456789abcdef0"],
                    "VpcId": "vpc-0ddd3333eeee4444f",
                    "Ipv6AllowedForDualStack": false
                  },
                  "Version": "$LATEST",
                  "PackageType": "Zip",
                  "Architectures": ["x86_64"],
                  "State": "Active",
                  "LastUpdateStatus": "Successful"
                }
              ]
            }
            """;

    /** One network interface of describe-network-interfaces output. */
    private static String eni(String id, String type, String description, String group, String ip, String status,
            String attachment) {
        return """
                {
                  "Attachment": %7$s,
                  "AvailabilityZone": "eu-west-1a",
                  "Description": "%3$s",
                  "Groups": [ { "GroupName": "g", "GroupId": "%4$s" } ],
                  "InterfaceType": "%2$s",
                  "Ipv6Addresses": [],
                  "MacAddress": "02:aa:11:bb:22:cc",
                  "NetworkInterfaceId": "%1$s",
                  "OwnerId": "123456789012",
                  "PrivateDnsName": "ip-%5$s.eu-west-1.compute.internal",
                  "PrivateIpAddress": "%5$s",
                  "PrivateIpAddresses": [ { "Primary": true, "PrivateIpAddress": "%5$s" } ],
                  "RequesterId": "AROAEXAMPLEEXAMPLE:123456789012",
                  "RequesterManaged": true,
                  "SourceDestCheck": true,
                  "Status": "%6$s",
                  "SubnetId": "subnet-0aaa1111bbbb2222c",
                  "TagSet": [],
                  "VpcId": "vpc-0ddd3333eeee4444f"
                }""".formatted(id, type, description, group, ip, status, attachment);
    }

    private static final String HYPERPLANE = """
            { "AttachmentId": "ela-attach-0a1b2c3d4e5f60718", "DeleteOnTermination": false, "DeviceIndex": 1,
              "InstanceOwnerId": "amazon-aws", "Status": "attached" }""";

    private static String lambda(String id, String group, String ip, String status) {
        return eni(id, "lambda", "AWS Lambda VPC ENI-orders-api-1a2b3c4d-1111-2222-3333-aaaabbbbcccc", group, ip,
                status, "available".equals(status) ? "null" : HYPERPLANE);
    }

    /**
     * The key of orders-api scaled out to 3 ENIs (two in use, one available), one Lambda ENI of a security group no
     * imported function uses, an EFS mount target and an EC2 instance's interface: 6 listed, 11 addresses in use.
     */
    static final String ENIS = "{\n  \"NetworkInterfaces\": [\n" + String.join(",\n",
            lambda("eni-0a00000000000001a", "sg-0123456789abcdef0", "10.30.1.21", "in-use"),
            lambda("eni-0a00000000000002a", "sg-0123456789abcdef0", "10.30.1.22", "in-use"),
            lambda("eni-0a00000000000003a", "sg-0123456789abcdef0", "10.30.1.23", "available"),
            lambda("eni-0a00000000000004a", "sg-0fedcba9876543210", "10.30.1.24", "in-use"),
            eni("eni-0a00000000000005a", "efs", "EFS mount target for fs-0123abcd (fsmt-0123abcd)",
                    "sg-0fedcba9876543210", "10.30.1.25", "in-use", "null"),
            eni("eni-0a00000000000006a", "interface", "", "sg-0fedcba9876543210", "10.30.1.26", "in-use",
                    "{ \"AttachmentId\": \"eni-attach-0123\", \"InstanceId\": \"i-0123\", \"Status\": \"attached\" }"))
            + "\n  ]\n}\n";

    private String importing() throws Exception {
        return Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", SUBNETS)),
                List.of(write(dir, "functions.json", FUNCTIONS)), List.of(write(dir, "enis.json", ENIS)), List.of(),
                List.of()), "scaled-out", 120);
    }

    @Test
    void aKeyOfThreeLambdaEnisStartsWithThreeAndTheyAreNotOtherServices() throws Exception {
        String yaml = importing();
        Scenario s = ScenarioLoader.load(write(dir, "scaled-out.yaml", yaml));
        Scenario.Vpc vpc = s.vpcs().get(0);
        assertEquals(List.of(new Scenario.KeyAtStart("subnet-0aaa1111bbbb2222c", List.of("sg-0123456789abcdef0"), "",
                3)), vpc.enisAtStart(), yaml);
        // the Lambda ENI of no imported key and the EFS mount target only: not the key's 2 beyond its first
        assertEquals(2, vpc.otherUsedEnis(), yaml);
        // 11 in use = the key's 3 + 8 others (the Lambda ENI of no key, EFS's, the instance's, 5 unlisted)
        assertEquals(8, vpc.subnets().get(0).otherUsedIps(), yaml);
        assertTrue(yaml.contains("\n    enisAtStart:   # keys Hyperplane had scaled out: each starts with every Lambda"
                + " ENI listed for it (describe-network-interfaces), not one\n      - { subnetId:"
                + " subnet-0aaa1111bbbb2222c, securityGroupIds: [sg-0123456789abcdef0], enis: 3 }   # 3 Lambda ENIs"
                + " listed for this key (in-use or available)\n"), yaml);
        assertTrue(yaml.contains("11 in use = 3 Lambda ENI(s) recreated at time 0 (1 key(s), 1 of them scaled out:"
                + " enisAtStart) + 8 other (incl. 1 Lambda ENI(s) of no imported key)"), yaml);
        assertFalse(yaml.contains("Hyperplane scaled out)"), "no ENI of a started key is called another's: " + yaml);
        String notes = ImporterTest.unwrapped(yaml);
        assertTrue(notes.contains("vpc-0ddd3333eeee4444f: 1 key(s) start with more than one Lambda ENI, 3 in all"
                + " (subnet-0aaa1111bbbb2222c+[sg-0123456789abcdef0]: 3; vpcs[*].enisAtStart):"
                + " describe-network-interfaces lists that many for each (in-use or available), so Hyperplane had"
                + " scaled them out."), notes);
    }

    @Test
    void aRunStartsWithTheThreeEnisAndCountsEachListedAddressAndInterfaceOnce() throws Exception {
        Scenario s = ScenarioLoader.load(write(dir, "scaled-out.yaml", importing()));
        RunResult r = new Simulation(s, 0).run();
        List<RunResult.EniLifetime> enis = r.enis();
        assertEquals(3, enis.size(), "the key's 3 ENIs, no other: " + enis);
        for (RunResult.EniLifetime e : enis) {
            assertEquals("subnet-0aaa1111bbbb2222c+[sg-0123456789abcdef0]", e.key());
            assertEquals(0.0, e.createdSeconds(), e.id() + " in place at time 0");
            assertEquals(0.0, e.readySeconds().orElseThrow(), e.id() + " ready at time 0");
            assertEquals("InUse", e.finalState());
        }
        RunSummary sum = r.summary();
        assertEquals(3, sum.enis().inPlaceAtStart());
        // IPs: the run starts with exactly AvailableIpAddressCount free, each listed address counted once
        RunSummary.SubnetSummary subnet = sum.subnets().get("subnet-0aaa1111bbbb2222c");
        assertEquals(240, subnet.finalAvailableIps(), "251 usable - 3 Lambda ENIs - 8 others");
        assertEquals(240, subnet.minAvailableIps());
        // the VPC's quota: the key's 3 as Lambda's, the other Lambda ENI and EFS's as others': 5 = 4 Lambda + 1 EFS
        RunSummary.VpcSummary vpc = sum.vpcs().get("vpc-0ddd3333eeee4444f");
        assertEquals(3, vpc.peakEnis());
        assertEquals(2, vpc.otherUsedEnis());
        // the Region: every interface listed once (3 + 1 Lambda, EFS's, the instance's)
        assertEquals(6, sum.region().peakNetworkInterfaces());
        assertEquals(3, sum.region().finalLambdaEnis());
    }

    /** list-functions of one function of {@code account} on the subnet and security group above. */
    private static String functionOf(String name, String account) {
        return FUNCTIONS.replace("orders-api", name).replace("123456789012", account);
    }

    @Test
    void twoAccountsOnOneSubnetAndGroupGetTheEnisTheirOwnerIdNames() throws Exception {
        // 222222222222's key scaled out to 2, 333333333333's has 1; one more names neither account (whose key it
        // is, the listing does not say): it stays in otherUsedEnis, as before
        String owned = "{\n  \"NetworkInterfaces\": [\n" + String.join(",\n",
                lambda("eni-0b00000000000001b", "sg-0123456789abcdef0", "10.30.1.31", "in-use")
                        .replace("\"OwnerId\": \"123456789012\"", "\"OwnerId\": \"222222222222\""),
                lambda("eni-0b00000000000002b", "sg-0123456789abcdef0", "10.30.1.32", "in-use")
                        .replace("\"OwnerId\": \"123456789012\"", "\"OwnerId\": \"222222222222\""),
                lambda("eni-0b00000000000003b", "sg-0123456789abcdef0", "10.30.1.33", "in-use")
                        .replace("\"OwnerId\": \"123456789012\"", "\"OwnerId\": \"333333333333\""),
                lambda("eni-0b00000000000004b", "sg-0123456789abcdef0", "10.30.1.34", "in-use"))
                + "\n  ]\n}\n";
        String yaml = Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", SUBNETS)),
                List.of(write(dir, "orders.json", functionOf("orders-api", "222222222222")),
                        write(dir, "payments.json", functionOf("payments-api", "333333333333"))),
                List.of(write(dir, "enis.json", owned)), List.of(), List.of()), "two", 120);
        Scenario s = ScenarioLoader.load(write(dir, "two.yaml", yaml));
        Scenario.Vpc vpc = s.vpcs().get(0);
        assertEquals(List.of(new Scenario.KeyAtStart("subnet-0aaa1111bbbb2222c", List.of("sg-0123456789abcdef0"),
                "222222222222", 2)), vpc.enisAtStart(), yaml);
        assertEquals(1, vpc.otherUsedEnis(), yaml);
        assertTrue(yaml.contains("otherUsedEnis: 1   # 1 Lambda ENI(s) listed that no key the functions start with"
                + " takes (1 beyond one per key of a subnet and security groups several accounts start on, whose"
                + " OwnerId names none of them)"), yaml);
        // 11 in use = 2 + 1 recreated + 8 others (the one of neither account among them)
        assertEquals(8, vpc.subnets().get(0).otherUsedIps(), yaml);
        RunResult r = new Simulation(s, 0).run();
        assertEquals(2, r.enis().stream().filter(e -> e.key().startsWith("222222222222:")).count(), yaml);
        assertEquals(1, r.enis().stream().filter(e -> e.key().startsWith("333333333333:")).count(), yaml);
        assertEquals(240, r.summary().subnets().get("subnet-0aaa1111bbbb2222c").minAvailableIps());
    }
}
