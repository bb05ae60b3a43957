package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shapes describe-subnets, create-subnet, describe-network-interfaces and describe-security-groups output takes
 * (the whole listing, one object as create-subnet prints it, one object as {@code --query 'Subnets[0]'} prints it),
 * the subnet sizes AWS allows, and what the scenario and its notes then say: each problem named with its file and
 * field path. Fixtures are this project's own, in the CLI's shapes.
 */
class SubnetEniGroupShapesTest {

    @TempDir
    Path dir;

    /** A describe-subnets subnet object of vpc-1 in eu-west-1a, with {@code extra} fields appended. */
    static String subnetWith(String id, String cidr, int available, String extra) {
        return "{\"AvailabilityZone\": \"eu-west-1a\", \"AvailableIpAddressCount\": " + available + ", \"CidrBlock\": \""
                + cidr + "\", \"SubnetId\": \"" + id + "\", \"VpcId\": \"vpc-1\"" + extra + "}";
    }

    private static String subnet(String id, String cidr, int available, String name) {
        return subnetWith(id, cidr, available, name == null ? ""
                : ", \"Tags\": [{\"Key\": \"Name\", \"Value\": \"" + name + "\"}]");
    }

    private static String functionOn(String... subnets) {
        return "{\"Functions\": [{\"FunctionName\": \"api\", \"MemorySize\": 512, \"Timeout\": 30, \"VpcConfig\":"
                + " {\"SubnetIds\": [\"" + String.join("\", \"", subnets) + "\"], \"SecurityGroupIds\": [\"sg-1\"],"
                + " \"VpcId\": \"vpc-1\"}}]}";
    }

    private String importing(String subnets, String functions, String enis, String groups) throws Exception {
        String yaml = Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", subnets)),
                List.of(write(dir, "functions.json", functions)),
                enis == null ? List.of() : List.of(write(dir, "enis.json", enis)),
                groups == null ? List.of() : List.of(write(dir, "groups.json", groups)), List.of()), "t", 3600);
        ScenarioLoader.parse(yaml, "t");
        return yaml;
    }

    private ScenarioException refused(String subnets, String functions, String enis, String groups) {
        return assertThrows(ScenarioException.class, () -> importing(subnets, functions, enis, groups));
    }

    private static String line(String yaml, String part) {
        return yaml.lines().filter(l -> l.contains(part)).findFirst().orElseThrow(() -> new AssertionError(yaml));
    }

    @Test
    void subnetsFromSlash16ToSlash28AreImported() throws Exception {
        String yaml = importing("{\"Subnets\": [" + subnet("subnet-big", "10.0.0.0/16", 65_000, "big") + ", "
                + subnet("subnet-small", "10.1.0.0/28", 10, "small") + "]}", functionOn("subnet-big", "subnet-small"),
                null, null);
        Scenario s = ScenarioLoader.parse(yaml, "t");
        assertEquals(2, s.vpcs().get(0).subnets().size(), yaml);
        assertTrue(line(yaml, "subnet-big").contains("name: big }   # 65000 of 65531 free"), yaml);
        assertTrue(line(yaml, "subnet-small").contains("name: small }   # 10 of 11 free"), yaml);
    }

    @Test
    void aPrefixAwsDoesNotAllowIsRefusedWithItsPath() {
        Path subnets = dir.resolve("subnets.json");
        ScenarioException wide = refused("{\"Subnets\": [" + subnet("subnet-a", "10.0.0.0/15", 100, null) + "]}",
                functionOn("subnet-a"), null, null);
        assertTrue(wide.getMessage().contains(prefixRule(subnets, "10.0.0.0/15")), wide.getMessage());
        ScenarioException narrow = refused("{\"Subnets\": [" + subnet("subnet-a", "10.0.0.0/29", 1, null) + "]}",
                functionOn("subnet-a"), null, null);
        assertTrue(narrow.getMessage().contains(prefixRule(subnets, "10.0.0.0/29")), narrow.getMessage());
    }

    @Test
    void hostBitsAtAPrefixAwsDoesNotAllowSayThePrefixRuleWithNoHintItWouldRefuse() {
        Path subnets = dir.resolve("subnets.json");
        // '10.0.1.0/15' had said "did you mean 10.0.0.0/15?", a value the prefix rule then refused
        ScenarioException wide = refused("{\"Subnets\": [" + subnet("subnet-a", "10.0.1.0/15", 100, null) + "]}",
                functionOn("subnet-a"), null, null);
        assertTrue(wide.getMessage().contains(prefixRule(subnets, "10.0.1.0/15")
                + "; '10.0.1.0/15' also has host bits set"),
                wide.getMessage());
        assertFalse(wide.getMessage().contains("did you mean"), wide.getMessage());
        ScenarioException narrow = refused("{\"Subnets\": [" + subnet("subnet-a", "10.0.1.4/29", 1, null) + "]}",
                functionOn("subnet-a"), null, null);
        assertTrue(narrow.getMessage().contains(prefixRule(subnets, "10.0.1.4/29")
                + "; '10.0.1.4/29' also has host bits set"),
                narrow.getMessage());
        // a prefix AWS allows keeps the hint: it is accepted
        ScenarioException allowed = refused("{\"Subnets\": [" + subnet("subnet-a", "10.0.1.1/24", 100, null)
                + "]}", functionOn("subnet-a"), null, null);
        assertTrue(allowed.getMessage().contains(subnets + ":1: Subnets[0].CidrBlock: '10.0.1.1/24' has host bits"
                + " set; did you mean 10.0.1.0/24?"), allowed.getMessage());
    }

    /** /16 and /28, the edges AWS allows, keep the hint for host bits: the prefix rule is not theirs to say. */
    @Test
    void hostBitsAtTheEdgePrefixesAwsAllowsKeepTheHint() {
        Path subnets = dir.resolve("subnets.json");
        ScenarioException widest = refused("{\"Subnets\": [" + subnet("subnet-a", "10.0.1.0/16", 100, null) + "]}",
                functionOn("subnet-a"), null, null);
        assertTrue(widest.getMessage().contains(subnets + ":1: Subnets[0].CidrBlock: '10.0.1.0/16' has host bits"
                + " set; did you mean 10.0.0.0/16?"), widest.getMessage());
        ScenarioException narrowest = refused("{\"Subnets\": [" + subnet("subnet-a", "10.0.1.4/28", 5, null)
                + "]}", functionOn("subnet-a"), null, null);
        assertTrue(narrowest.getMessage().contains(subnets + ":1: Subnets[0].CidrBlock: '10.0.1.4/28' has host bits"
                + " set; did you mean 10.0.1.0/28?"), narrowest.getMessage());
        assertFalse(widest.getMessage().contains("expected a prefix") || narrowest.getMessage()
                .contains("expected a prefix"), widest.getMessage() + narrowest.getMessage());
    }

    @Test
    void createSubnetsOutputAndOneQueriedSubnetNameTheirFieldsAsThemselves() throws Exception {
        Path subnets = dir.resolve("subnets.json");
        // create-subnet prints {"Subnet": {...}}
        String created = importing("{\"Subnet\": " + subnet("subnet-a", "10.0.0.0/24", 251, "new") + "}",
                functionOn("subnet-a"), null, null);
        assertTrue(line(created, "{ id: subnet-a").contains("name: new }   # 251 of 251 free"), created);
        ScenarioException one = refused("{\"Subnet\": " + subnet("subnet-a", "10.0.0.0/30", 1, null) + "}",
                functionOn("subnet-a"), null, null);
        assertTrue(one.getMessage().contains(subnets + ":1: Subnet.CidrBlock: expected a prefix from /16 to /28"),
                one.getMessage());
        // describe-subnets --query 'Subnets[0]' prints the subnet object alone
        ScenarioException bare = refused(subnet("subnet-a", "10.0.0.0/30", 1, null), functionOn("subnet-a"), null,
                null);
        assertTrue(bare.getMessage().contains(subnets + ":1: CidrBlock: expected a prefix from /16 to /28"),
                bare.getMessage());
    }

    @Test
    void aSubnetWithoutANameTagIsCommentedWithItsFiguresAlone() throws Exception {
        String yaml = importing("{\"Subnets\": [" + subnet("subnet-a", "10.0.0.0/24", 250, null) + "]}",
                functionOn("subnet-a"), null, null);
        assertTrue(line(yaml, "{ id: subnet-a").endsWith("}   # 250 of 251 free; 1 in use = 1 Lambda ENI(s) recreated"
                + " at time 0 + 0 other"), yaml);
    }

    /** A /26 (59 usable), 50 free: 9 in use by describe-subnets. */
    private static final String SLASH26 = "{\"Subnets\": [" + subnet("subnet-c", "10.20.3.0/26", 50, null) + "]}";

    private static final String LAMBDA_ENI = "{\"NetworkInterfaceId\": \"eni-0lambda\", \"SubnetId\": \"subnet-c\","
            + " \"InterfaceType\": \"lambda\", \"VpcId\": \"vpc-1\", \"Groups\": [{\"GroupId\": \"sg-1\"}]}";

    @Test
    void delegatedPrefixesAndInterfacesWithoutAnIdAreCountedInTheListedAddresses() throws Exception {
        // the Lambda ENI: 1 address; an instance with 2 private addresses and two /28 prefixes delegated: 2 + 32;
        // an interface saved without its NetworkInterfaceId: 1. In all 36, more than the 9 in use.
        String notes = ImporterTest.unwrapped(importing(SLASH26, functionOn("subnet-c"), WITH_PREFIXES, null));
        assertTrue(notes.contains("subnet subnet-c: the 3 network interface(s) listed there hold 36 address(es), more"
                + " than the 9 in use by describe-subnets (59 usable - 50 AvailableIpAddressCount)"), notes);
        assertTrue(notes.contains("The run starts with AvailableIpAddressCount's 50 free; with the listing's, it would"
                + " have 23 (save both again"), notes);
    }

    private static final String WITH_PREFIXES = "{\"NetworkInterfaces\": [" + LAMBDA_ENI + ", {\"NetworkInterfaceId\":"
            + " \"eni-0ec2\", \"SubnetId\": \"subnet-c\", \"InterfaceType\": \"interface\", \"PrivateIpAddresses\":"
            + " [{\"PrivateIpAddress\": \"10.20.3.10\"}, {\"PrivateIpAddress\": \"10.20.3.11\"}], \"Ipv4Prefixes\":"
            + " [{\"Ipv4Prefix\": \"10.20.3.32/28\"}, {\"Ipv4Prefix\": \"10.20.3.48/28\"}], \"Groups\": []},"
            + " {\"SubnetId\": \"subnet-c\", \"InterfaceType\": \"interface\", \"PrivateIpAddress\": \"10.20.3.12\","
            + " \"Groups\": []}]}";

    /** An EC2 instance's interface with 2 private addresses and two /28 prefixes delegated: 34 addresses. */
    private static final String EC2_WITH_PREFIXES = "{\"NetworkInterfaceId\": \"eni-0ec2\", \"SubnetId\": \"subnet-c\","
            + " \"InterfaceType\": \"interface\", \"PrivateIpAddresses\": [{\"PrivateIpAddress\": \"10.20.3.10\"},"
            + " {\"PrivateIpAddress\": \"10.20.3.11\"}], \"Ipv4Prefixes\": [{\"Ipv4Prefix\": \"10.20.3.32/28\"},"
            + " {\"Ipv4Prefix\": \"10.20.3.48/28\"}], \"Groups\": []}";

    /** The import of subnet-c and a function on it, with describe-network-interfaces output in two files. */
    private String importingTwice(String first, String again) throws Exception {
        Path a = write(dir, "enis.json", first);
        Path b = write(dir, "enis-again.json", again);
        return Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", SLASH26)),
                List.of(write(dir, "functions.json", functionOn("subnet-c"))), List.of(a, b), List.of(), List.of()),
                "t", 3600);
    }

    @Test
    void anInterfaceDescribedInTwoFilesHoldsItsAddressesOnce() throws Exception {
        // the whole listing, then the instance's interface alone, saved again (the same NetworkInterfaceId)
        String yaml = importingTwice("{\"NetworkInterfaces\": [" + LAMBDA_ENI + ", " + EC2_WITH_PREFIXES + "]}",
                "{\"NetworkInterfaces\": [" + EC2_WITH_PREFIXES + "]}");
        assertTrue(ImporterTest.unwrapped(yaml).contains("subnet subnet-c: the 2 network interface(s) listed there hold"
                + " 35 address(es)"), yaml);
    }

    @Test
    void otherServicesInterfacesAreCountedByKindEvenWithoutAnId() throws Exception {
        // a NAT gateway as the EC2 API names its type (natGateway), an interface of no type with a Hyperplane
        // attachment, and two VPC endpoints saved without their NetworkInterfaceId
        String enis = "{\"NetworkInterfaces\": [" + LAMBDA_ENI + ", {\"NetworkInterfaceId\": \"eni-0nat\", \"SubnetId\":"
                + " \"subnet-c\", \"VpcId\": \"vpc-1\", \"InterfaceType\": \"natGateway\"}, {\"NetworkInterfaceId\":"
                + " \"eni-0ela\", \"SubnetId\": \"subnet-c\", \"VpcId\": \"vpc-1\", \"Attachment\": {\"AttachmentId\":"
                + " \"ela-attach-0a1b\"}}, {\"SubnetId\": \"subnet-c\", \"VpcId\": \"vpc-1\", \"InterfaceType\":"
                + " \"vpc_endpoint\"}, {\"SubnetId\": \"subnet-c\", \"VpcId\": \"vpc-1\", \"InterfaceType\":"
                + " \"vpc_endpoint\"}]}";
        String notes = ImporterTest.unwrapped(importing(SLASH26, functionOn("subnet-c"), enis, null));
        assertTrue(notes.contains("vpc-1: otherUsedEnis counts 4 other services' network interface(s) against the VPC's"
                + " Hyperplane ENI quota: on an assumption, 1 interface with a Hyperplane attachment (ela-attach-),"
                + " 1 nat_gateway, 2 vpc_endpoint (Hyperplane-managed"), notes);
        assertTrue(line(notes, "otherUsedEnis:").contains("otherUsedEnis: 4"), notes);
    }

    @Test
    void oneInterfaceQueriedAloneIsReadAndItsMissingGroupsNamed() throws Exception {
        Path enis = dir.resolve("enis.json");
        // describe-network-interfaces --query 'NetworkInterfaces[0]': the interface object alone
        String one = importing(SLASH26, functionOn("subnet-c"), LAMBDA_ENI, null);
        assertTrue(line(one, "existing:").contains("existing: Active"), one);
        ScenarioException noGroups = refused(SLASH26, functionOn("subnet-c"), LAMBDA_ENI.replace(", \"Groups\":"
                + " [{\"GroupId\": \"sg-1\"}]", ""), null);
        assertTrue(noGroups.getMessage().contains(enis + ": Groups: expected a list of {GroupName, GroupId}, got"
                + " null"), noGroups.getMessage());
        ScenarioException listed = refused(SLASH26, functionOn("subnet-c"), "{\"NetworkInterfaces\": ["
                + LAMBDA_ENI.replace("[{\"GroupId\": \"sg-1\"}]", "\"sg-1\"") + "]}", null);
        assertTrue(listed.getMessage().contains(enis + ":1: NetworkInterfaces[0].Groups: expected a list of {GroupName,"
                + " GroupId}, got \"sg-1\""), listed.getMessage());
    }

    @Test
    void oneSecurityGroupQueriedAloneIsReadAndItsMissingVpcNamed() throws Exception {
        Path groups = dir.resolve("groups.json");
        // describe-security-groups --query 'SecurityGroups[0]': the group object alone
        String one = importing(SLASH26, functionOn("subnet-c"), null, "{\"GroupId\": \"sg-1\", \"GroupName\":"
                + " \"api-sg\", \"VpcId\": \"vpc-1\"}");
        assertTrue(line(one, "securityGroups:").endsWith("securityGroups: [sg-1]"), one);
        assertTrue(line(one, "securityGroupNames:").endsWith("securityGroupNames: [{ id: sg-1, name: api-sg }]   # GroupName"
                + " (describe-security-groups): labels only"), one);
        ScenarioException bare = refused(SLASH26, functionOn("subnet-c"), null, "{\"GroupId\": \"sg-1\"}");
        assertTrue(bare.getMessage().contains(groups + ": VpcId: missing (expected a string)"), bare.getMessage());
        assertFalse(bare.getMessage().contains("SecurityGroups"), bare.getMessage());
        ScenarioException listed = refused(SLASH26, functionOn("subnet-c"), null, "{\"SecurityGroups\":"
                + " [{\"GroupId\": \"sg-1\"}]}");
        assertTrue(listed.getMessage().contains(groups + ":1: SecurityGroups[0].VpcId: missing (expected a string)"),
                listed.getMessage());
    }

    @Test
    void aNatGatewaysInterfaceInTwoFilesIsCountedOnce() throws Exception {
        String nat = "{\"NetworkInterfaceId\": \"eni-0nat\", \"SubnetId\": \"subnet-c\", \"VpcId\": \"vpc-1\","
                + " \"InterfaceType\": \"nat_gateway\"}";
        String yaml = importingTwice("{\"NetworkInterfaces\": [" + LAMBDA_ENI + ", " + nat + "]}",
                "{\"NetworkInterfaces\": [" + nat + "]}");
        assertTrue(ImporterTest.unwrapped(yaml).contains("vpc-1: otherUsedEnis counts 1 other services' network"
                + " interface(s)"), yaml);
        assertEquals(1, ScenarioLoader.parse(yaml, "t").vpcs().get(0).otherUsedEnis(), yaml);
    }

    /** The refusal of a subnet file's first CidrBlock whose prefix AWS does not allow for a subnet. */
    private static String prefixRule(Path subnets, String cidr) {
        return subnets + ":1: Subnets[0].CidrBlock: expected a prefix from /16 to /28 (the sizes AWS allows for a"
                + " subnet), got " + cidr;
    }
}
