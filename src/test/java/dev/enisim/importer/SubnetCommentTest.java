package dev.enisim.importer;

import static dev.enisim.importer.CloudWatchResultsTest.result;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The comment beside each imported subnet adds up, or says plainly where the files disagree: no "0 in use = 1 Lambda
 * ENI(s) recreated at time 0 + 0 other".
 */
class SubnetCommentTest {

    @TempDir
    Path dir;

    private static String subnet(int available) {
        return "{\"Subnets\": [{\"AvailabilityZone\": \"us-west-2a\", \"AvailableIpAddressCount\": " + available
                + ", \"CidrBlock\": \"10.0.1.0/24\", \"SubnetId\": \"subnet-a\", \"VpcId\": \"vpc-1\","
                + " \"Tags\": [{\"Key\": \"Name\", \"Value\": \"private-a\"}]}]}";
    }

    private static final String FUNCTION = """
            {"Functions": [{"FunctionName": "ledger", "MemorySize": 1024, "Timeout": 120,
              "VpcConfig": {"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["sg-1"], "VpcId": "vpc-1"}}]}
            """;

    private static String lambdaEni(String id, String group) {
        return "{\"NetworkInterfaceId\": \"" + id + "\", \"SubnetId\": \"subnet-a\", \"InterfaceType\": \"lambda\","
                + " \"Groups\": [{\"GroupId\": \"" + group + "\", \"GroupName\": \"g\"}]}";
    }

    private String importing(int available, String enis, String metrics) throws Exception {
        List<Path> m = metrics == null ? List.of() : List.of(write(dir, "metrics.json", metrics));
        String yaml = Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", subnet(available))),
                List.of(write(dir, "functions.json", FUNCTION)), List.of(write(dir, "enis.json", enis)), List.of(), m),
                "t", 3600);
        ScenarioLoader.parse(yaml, "t");
        return yaml;
    }

    private static String subnetLine(String yaml) {
        return yaml.lines().filter(l -> l.contains("{ id: subnet-a")).findFirst().orElseThrow();
    }

    @Test
    void moreEnisRecreatedThanAvailableIpAddressCountLeavesInUseIsSaidPlainly() throws Exception {
        // as in the derived samples: no Lambda ENI listed, yet the function starts Active as CloudWatch shows it
        // invoked, and describe-subnets shows every address free
        String metrics = "{\"MetricDataResults\": [" + result("ledger_invocations", "Invocations",
                "[\"2026-11-20T10:00:00Z\", \"2026-11-20T10:05:00Z\"]", "[2.0, 4.0]") + "]}";
        String line = subnetLine(importing(251, "{\"NetworkInterfaces\": []}", metrics));
        assertFalse(line.contains("0 in use = 1 Lambda ENI(s) recreated at time 0 + 0 other"), line);
        assertTrue(line.endsWith("name: private-a }   # 251 of 251 free; 0 in use, yet 1 Lambda ENI(s) are recreated here at"
                + " time 0 (none listed here): 1 more than AvailableIpAddressCount accounts for, so the run starts with"
                + " 250 free; 0 other"), line);
    }

    @Test
    void lambdaEnisListedThatAvailableIpAddressCountDoesNotAccountForAreSaidPlainly() throws Exception {
        // 1 address in use, but 3 Lambda ENIs listed: the key's, and two of keys no function starts with
        String enis = "{\"NetworkInterfaces\": [" + lambdaEni("eni-1", "sg-1") + ", " + lambdaEni("eni-2", "sg-old")
                + ", " + lambdaEni("eni-3", "sg-older") + "]}";
        String line = subnetLine(importing(250, enis, null));
        assertFalse(line.contains("+ 0 other (incl. 2"), "0 others cannot include 2 ENIs: " + line);
        assertTrue(line.endsWith("name: private-a }   # 250 of 251 free; 1 in use = 1 Lambda ENI(s) recreated at time 0 + 0"
                + " other; the ENI list shows 2 more Lambda ENI(s) here, of no imported key, that"
                + " AvailableIpAddressCount does not account for"), line);
        // 2 in use: one of the two is counted among the others, the other is not accounted for
        String two = subnetLine(importing(249, enis, null));
        assertTrue(two.endsWith("2 in use = 1 Lambda ENI(s) recreated at time 0 + 1 other (incl. 1 of the 2 Lambda"
                + " ENI(s) of no imported key listed here; AvailableIpAddressCount does not account for the other 1)"),
                two);
        // consistent files: as before
        String three = subnetLine(importing(248, enis, null));
        assertTrue(three.endsWith("3 in use = 1 Lambda ENI(s) recreated at time 0 + 2 other (incl. 2 Lambda ENI(s) of"
                + " no imported key)"), three);
    }
}
