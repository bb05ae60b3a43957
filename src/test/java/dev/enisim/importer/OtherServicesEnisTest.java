package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.unwrapped;
import static dev.enisim.importer.ImporterTest.write;
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
 * Other services' network interfaces in describe-network-interfaces output: EFS mount targets share the VPC's
 * Hyperplane ENI quota with Lambda's [doc], other Hyperplane-managed interfaces are counted on an assumption, and the
 * rest (EC2 instances', RDS's, ...) hold addresses only.
 */
class OtherServicesEnisTest {

    @TempDir
    Path dir;

    /** subnet-a: a /24 (251 usable) with 200 free, in vpc-1. */
    private static final String SUBNET = """
            {"Subnets": [{"AvailabilityZone": "eu-west-1a", "AvailableIpAddressCount": 200,
              "CidrBlock": "10.0.0.0/24", "SubnetId": "subnet-a", "VpcId": "vpc-1", "State": "available"}]}
            """;

    private static final String FUNCTION = """
            {"Functions": [{"FunctionName": "api", "MemorySize": 256, "Timeout": 3,
              "VpcConfig": {"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["sg-1"], "VpcId": "vpc-1"}}]}
            """;

    /** One interface as describe-network-interfaces prints it; {@code attachment} null: none (detached). */
    private static String eni(String id, String type, String description, String subnet, String vpc,
            String attachment) {
        return "{\"NetworkInterfaceId\": \"" + id + "\"" + (type == null ? "" : ", \"InterfaceType\": \"" + type + "\"")
                + ", \"Description\": \"" + description + "\", \"SubnetId\": \"" + subnet + "\", \"VpcId\": \"" + vpc
                + "\", \"Groups\": [{\"GroupId\": \"sg-1\", \"GroupName\": \"a\"}], \"Status\": \"in-use\""
                + (attachment == null ? "" : ", \"Attachment\": {\"AttachmentId\": \"" + attachment
                + "\", \"Status\": \"attached\", \"InstanceOwnerId\": \"amazon-aws\"}") + "}";
    }

    private static final String LAMBDA = eni("eni-l", "lambda", "AWS Lambda VPC ENI-api-1234", "subnet-a", "vpc-1",
            "ela-attach-0l");

    private String importing(String... enis) throws Exception {
        Path e = write(dir, "enis.json", "{\"NetworkInterfaces\": [" + String.join(", ", enis) + "]}");
        String yaml = Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", SUBNET)),
                List.of(write(dir, "functions.json", FUNCTION)), List.of(e), List.of(), List.of()), "t", 3600);
        return unwrapped(yaml);
    }

    @Test
    void efsMountTargetsCountAgainstTheVpcsEniQuota() throws Exception {
        // the review's case: one Lambda ENI and two EFS mount targets, one typed efs, one an interface described so
        String yaml = importing(LAMBDA,
                eni("eni-e1", "efs", "EFS mount target for fs-0123 (fsmt-0123)", "subnet-a", "vpc-1", "ela-attach-0e1"),
                eni("eni-e2", "interface", "EFS mount target for fs-0456 (fsmt-0456)", "subnet-a", "vpc-1", null));
        Scenario s = ScenarioLoader.parse(yaml, "t");
        assertEquals(2, s.vpcs().get(0).otherUsedEnis(), yaml);
        assertEquals(500, s.vpcs().get(0).eniQuota());
        assertTrue(yaml.contains("otherUsedEnis: 2   # 2 EFS mount target ENI(s) (the quota is shared with EFS [doc])\n"),
                yaml);
        assertTrue(yaml.contains("vpc-1: otherUsedEnis counts 2 other services' network interface(s) against the VPC's"
                + " Hyperplane ENI quota: 2 EFS mount target ENI(s), as Lambda's quota is \"shared with other services,"
                + " such as Amazon EFS\" [doc]\n"), "said in the notes\n" + yaml);
        assertFalse(yaml.contains("on an assumption"), yaml);
        // their addresses are other tenants', as AvailableIpAddressCount says: 51 in use = 1 Lambda ENI + 50 others
        assertEquals(50, s.vpcs().get(0).subnets().get(0).otherUsedIps());
    }

    @Test
    void otherHyperplaneInterfacesCountOnAnAssumptionAndOrdinaryOnesDoNot() throws Exception {
        String yaml = importing(LAMBDA,
                eni("eni-n", "nat_gateway", "Interface for NAT Gateway nat-0abc", "subnet-a", "vpc-1", "ela-attach-0n"),
                eni("eni-v", "vpc_endpoint", "VPC Endpoint Interface vpce-0abc", "subnet-a", "vpc-1", null),
                eni("eni-b", "interface", "ELB app/orders-alb/0123", "subnet-a", "vpc-1", "ela-attach-0b"),
                eni("eni-i", null, "my network interface", "subnet-a", "vpc-1", "eni-attach-66c4350a"),
                eni("eni-r", "interface", "RDSNetworkInterface", "subnet-a", "vpc-1", null),
                eni("eni-t", "interface", "arn:aws:ecs:eu-west-1:123456789012:attachment/4f1c", "subnet-a", "vpc-1",
                        "eni-attach-0t"));
        Scenario s = ScenarioLoader.parse(yaml, "t");
        assertEquals(3, s.vpcs().get(0).otherUsedEnis(), yaml);
        assertTrue(yaml.contains("otherUsedEnis: 3   # assumed to share the quota: 1 interface with a Hyperplane"
                + " attachment (ela-attach-), 1 nat_gateway, 1 vpc_endpoint\n"), yaml);
        assertTrue(yaml.contains("on an assumption, 1 interface with a Hyperplane attachment (ela-attach-), 1"
                + " nat_gateway, 1 vpc_endpoint (Hyperplane-managed, as Lambda's ENIs are; AWS names only EFS, so lower"
                + " otherUsedEnis if these do not count in your account)"), yaml);
        assertTrue(yaml.contains("3 other network interface(s) listed are not counted in otherUsedEnis"), yaml);
        assertEquals(3, s.account().otherNetworkInterfaces(), "the ordinary ones count against the Region's only");
    }

    @Test
    void anEfsInterfaceCountsInTheVpcItNamesAndOneOfAnUnknownVpcIsLeftOut() throws Exception {
        String yaml = importing(LAMBDA,
                eni("eni-e1", "efs", "EFS mount target for fs-1", "subnet-not-saved", "vpc-1", null),
                eni("eni-e2", "efs", "EFS mount target for fs-2", "subnet-x", "vpc-other", null));
        Scenario s = ScenarioLoader.parse(yaml, "t");
        assertEquals(1, s.vpcs().get(0).otherUsedEnis(), yaml);
        assertTrue(yaml.contains("1 other services' ENI(s) of the Hyperplane ENI quota in VPCs no describe-subnets file"
                + " lists: in no simulated VPC, counted only against the Region's network interfaces"
                + " (account.otherNetworkInterfaces)"), yaml);
        assertEquals(1, s.account().otherNetworkInterfaces(), "still in the Region");
    }

    /**
     * Every interface listed is in the Region: those in no VPC's Hyperplane ENI quota (EC2 instances', ECS tasks',
     * and Lambda's or other services' in subnets no describe-subnets file lists) go to
     * account.otherNetworkInterfaces, and the run's Region count holds them (they went only into otherUsedIps, so
     * an account of thousands of ECS interfaces never met EC2's 5,000 in the run).
     */
    @Test
    void interfacesInNoVpcsQuotaCountAgainstTheRegion() throws Exception {
        String yaml = importing(LAMBDA,
                eni("eni-i", null, "my network interface", "subnet-a", "vpc-1", "eni-attach-66c4350a"),
                eni("eni-t", "interface", "arn:aws:ecs:eu-west-1:123456789012:attachment/4f1c", "subnet-a", "vpc-1",
                        "eni-attach-0t"),
                eni("eni-x", "interface", "an instance elsewhere", "subnet-x", "vpc-other", "eni-attach-0x"),
                eni("eni-l2", "lambda", "AWS Lambda VPC ENI-other-1", "subnet-x", "vpc-other", "ela-attach-0y"),
                eni("eni-v", "vpc_endpoint", "VPC Endpoint Interface vpce-0abc", "subnet-a", "vpc-1", null));
        Scenario s = ScenarioLoader.parse(yaml, "t");
        assertEquals(4, s.account().otherNetworkInterfaces(), "eni-i, eni-t, eni-x and eni-l2: " + yaml);
        assertEquals(1, s.vpcs().get(0).otherUsedEnis(), "the endpoint shares the VPC's quota");
        assertTrue(yaml.contains("account: { concurrencyLimit: 1000, otherNetworkInterfaces: 4 }   # placeholder;"
                + " otherNetworkInterfaces: describe-network-interfaces, in no VPC's ENI quota: the Region's\n"), yaml);
        // 5b: the one in a subnet no describe-subnets file lists has no address in any otherUsedIps
        assertTrue(yaml.contains("3 other network interface(s) listed are not counted in otherUsedEnis: not EFS's nor"
                + " Hyperplane-managed (EC2 instances', RDS's, ECS and EKS tasks', yours), they do not share a"
                + " VPC's Hyperplane ENI quota; they count against the Region's network interfaces"
                + " (account.otherNetworkInterfaces); the address of each of the 2 in described subnets (InterfaceType interface 2)"
                + " is in its subnet's otherUsedIps, as AvailableIpAddressCount shows it; 1 in subnets no"
                + " describe-subnets file lists hold addresses of no simulated subnet"), yaml);
        assertTrue(yaml.contains("1 Lambda ENI(s) in subnets no describe-subnets file lists: in no simulated VPC,"
                + " counted only against the Region's network interfaces (account.otherNetworkInterfaces)"), yaml);
        // the run: 1 Lambda ENI recreated + 1 endpoint + 4 others
        var summary = new dev.enisim.run.Simulation(s, 0).run().summary();
        assertEquals(6, summary.region().peakNetworkInterfaces());
        assertEquals(4L, summary.region().otherNetworkInterfaces());
        assertEquals(1, summary.region().finalOtherUsedEnis(), "the VPCs' otherUsedEnis alone, as before");
    }

    /** 5a: the same listing given twice counts each interface once, in the note and in the scenario. */
    @Test
    void theSameListingTwiceCountsEachInterfaceOnce() throws Exception {
        String listing = "{\"NetworkInterfaces\": [" + LAMBDA + ", " + eni("eni-i", null, "mine", "subnet-a", "vpc-1",
                null) + ", " + eni("eni-r", "interface", "RDSNetworkInterface", "subnet-a", "vpc-1", null) + "]}";
        Path e = write(dir, "enis.json", listing);
        String yaml = unwrapped(Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", SUBNET)),
                List.of(write(dir, "functions.json", FUNCTION)), List.of(e, e), List.of(), List.of()), "t", 3600));
        assertTrue(yaml.contains("- 2 other network interface(s) listed are not counted"), yaml);
        assertFalse(yaml.contains("4 other network interface(s)"), yaml);
        assertEquals(2, ScenarioLoader.parse(yaml, "t").account().otherNetworkInterfaces());
    }

    /** More interfaces listed than EC2's default 5,000: the account's quota is raised, and the file loads. */
    @Test
    void moreThanTheDefaultRegionQuotaListedRaisesIt() throws Exception {
        StringBuilder enis = new StringBuilder(LAMBDA);
        for (int i = 0; i < 5000; i++) {
            enis.append(", ").append(eni("eni-t" + i, "interface", "ecs task " + i, "subnet-x", "vpc-other", null));
        }
        String yaml = importing(enis.toString());
        Scenario s = ScenarioLoader.parse(yaml, "t");
        assertEquals(5001, s.account().networkInterfacesPerRegion(), "5,000 others + 1 Lambda ENI recreated");
        assertEquals(5000, s.account().otherNetworkInterfaces());
        assertTrue(yaml.contains("account.networkInterfacesPerRegion: 5001, raised from EC2's default 5000 to hold"
                + " the interfaces listed"), yaml);
    }

    @Test
    void lambdaEnisOfOtherKeysAndOtherServicesEnisAddUpAndRaiseTheQuotaWhenNeeded() throws Exception {
        StringBuilder enis = new StringBuilder(LAMBDA);
        enis.append(", ").append(eni("eni-old", "lambda", "AWS Lambda VPC ENI-old-1", "subnet-a", "vpc-1", null)
                .replace("\"sg-1\"", "\"sg-old\""));
        for (int i = 0; i < 499; i++) {
            enis.append(", ").append(eni("eni-e" + i, "efs", "EFS mount target for fs-" + i, "subnet-a", "vpc-1",
                    null));
        }
        String yaml = importing(enis.toString());
        Scenario s = ScenarioLoader.parse(yaml, "t");
        assertEquals(500, s.vpcs().get(0).otherUsedEnis(), yaml);
        assertEquals(501, s.vpcs().get(0).eniQuota(), "1 recreated + 1 Lambda ENI of no key + 499 EFS");
        assertTrue(yaml.contains("eniQuota: 501   # placeholder, raised to hold the 501 ENIs listed (2 Lambda's, 499"
                + " other services')\n"), yaml);
        assertTrue(yaml.contains("otherUsedEnis: 500   # 499 EFS mount target ENI(s) (the quota is shared with EFS"
                + " [doc]); 1 Lambda ENI(s) listed that no key the functions start with takes"), yaml);
    }
}
