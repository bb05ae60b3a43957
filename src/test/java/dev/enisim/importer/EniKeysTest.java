package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.Scenario.Function.Existing;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lambda ENIs listed by describe-network-interfaces belong to the key (subnet + security-group set) they match: a
 * function seen in only some of its subnets starts Active (with a note), and the ENIs of an imported key, the
 * first or more (Hyperplane scaled out), are not called "of no imported key": a started key starts with them all.
 */
class EniKeysTest {

    @TempDir
    Path dir;

    private static final String SUBNETS = """
            {
                "Subnets": [
                    {"AvailabilityZone": "eu-west-1a", "AvailableIpAddressCount": 245, "CidrBlock": "10.20.1.0/24",
                     "SubnetId": "subnet-a", "VpcId": "vpc-1", "Tags": [{"Key": "Name", "Value": "private-a"}]},
                    {"AvailabilityZone": "eu-west-1b", "AvailableIpAddressCount": 245, "CidrBlock": "10.20.2.0/24",
                     "SubnetId": "subnet-b", "VpcId": "vpc-1", "Tags": [{"Key": "Name", "Value": "private-b"}]},
                    {"AvailabilityZone": "eu-west-1c", "AvailableIpAddressCount": 245, "CidrBlock": "10.20.3.0/24",
                     "SubnetId": "subnet-c", "VpcId": "vpc-1", "Tags": [{"Key": "Name", "Value": "private-c"}]}
                ]
            }
            """;

    private static final String FUNCTIONS = """
            {
                "Functions": [
                    {"FunctionName": "checkout-api", "Runtime": "python3.12", "MemorySize": 512, "Timeout": 30,
                     "VpcConfig": {"SubnetIds": ["subnet-a", "subnet-b", "subnet-c"],
                                   "SecurityGroupIds": ["sg-1"], "VpcId": "vpc-1"}}
                ]
            }
            """;

    private static String eni(String id, String subnet, String group) {
        return """
                {"NetworkInterfaceId": "%s", "SubnetId": "%s", "VpcId": "vpc-1", "InterfaceType": "lambda",
                 "RequesterId": "AROAEXAMPLE:abc", "RequesterManaged": true, "Status": "in-use",
                 "Description": "AWS Lambda VPC ENI-checkout-api-0f1e2d3c", "PrivateIpAddress": "10.20.0.9",
                 "Groups": [{"GroupName": "checkout", "GroupId": "%s"}]}""".formatted(id, subnet, group);
    }

    private String importing(String... enis) throws Exception {
        String yaml = Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", SUBNETS)),
                List.of(write(dir, "functions.json", FUNCTIONS)),
                List.of(write(dir, "enis.json", "{\"NetworkInterfaces\": [" + String.join(",\n", enis) + "]}")),
                List.of(), List.of()), "t", 3600);
        return yaml;
    }

    private static String line(String yaml, String subnet) {
        return yaml.lines().filter(l -> l.contains("{ id: " + subnet)).findFirst().orElseThrow();
    }

    @Test
    void aFunctionSeenInSomeOfItsSubnetsStartsActive() throws Exception {
        String yaml = importing(eni("eni-1", "subnet-a", "sg-1"), eni("eni-2", "subnet-b", "sg-1"));
        Scenario s = ScenarioLoader.parse(yaml, "t");
        assertEquals(Existing.ACTIVE, s.functions().get(0).existing());
        assertTrue(ImporterTest.unwrapped(yaml).contains("checkout-api: a Lambda ENI seen for 2 of its 3 keys, none in"
                + " subnet-c"), yaml);
        for (String subnet : List.of("subnet-a", "subnet-b")) {
            String l = line(yaml, subnet);
            assertFalse(l.contains("no imported key"), l);
            assertTrue(l.endsWith("1 Lambda ENI(s) recreated at time 0 + 5 other"), l);
        }
        assertFalse(yaml.contains("otherUsedEnis"), "no ENI beyond one per key");
        // none seen at all: reclaimed while idle, as before
        String none = importing(eni("eni-9", "subnet-a", "sg-other"));
        assertEquals(Existing.INACTIVE, ScenarioLoader.parse(none, "t").functions().get(0).existing());
        assertTrue(line(none, "subnet-a").contains("(incl. 1 Lambda ENI(s) of no imported key)"));
    }

    @Test
    void moreEnisOfAnImportedKeyAreItsOwnScaledOut() throws Exception {
        String yaml = importing(eni("eni-1", "subnet-a", "sg-1"), eni("eni-2", "subnet-b", "sg-1"),
                eni("eni-3", "subnet-c", "sg-1"), eni("eni-4", "subnet-a", "sg-1"), eni("eni-5", "subnet-a", "sg-1"),
                eni("eni-6", "subnet-a", "sg-old"));
        Scenario s = ScenarioLoader.parse(yaml, "t");
        // the key's 3 are its own, recreated at time 0 (enisAtStart); only the one of no imported key is another's
        String a = line(yaml, "subnet-a");
        assertTrue(a.endsWith("3 Lambda ENI(s) recreated at time 0 (1 key(s), 1 of them scaled out: enisAtStart) + 3"
                + " other (incl. 1 Lambda ENI(s) of no imported key)"), a);
        assertEquals(List.of(new Scenario.KeyAtStart("subnet-a", List.of("sg-1"), "", 3)),
                s.vpcs().get(0).enisAtStart(), yaml);
        assertTrue(yaml.contains("otherUsedEnis: 1   # 1 Lambda ENI(s) listed that no key the functions start with"
                + " takes (1 of no imported key: old versions, other functions, changed VpcConfigs)"), yaml);
    }
}
