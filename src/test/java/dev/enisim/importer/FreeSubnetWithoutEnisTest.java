package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario.Function.Existing;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Without describe-network-interfaces output, a function whose subnets describe-subnets shows wholly free has no
 * ENI: it starts Inactive with a note, not Active on an ENI invented at time 0 (which took 1 of a /28's 11).
 */
class FreeSubnetWithoutEnisTest {

    @TempDir
    Path dir;

    private static String subnets(int availableA, int availableB) {
        return """
                {"Subnets": [
                  {"AvailabilityZone": "us-east-1a", "AvailableIpAddressCount": %d, "CidrBlock": "10.1.0.0/28",
                   "SubnetId": "subnet-a", "VpcId": "vpc-1", "Tags": [{"Key": "Name", "Value": "tiny-a"}]},
                  {"AvailabilityZone": "us-east-1b", "AvailableIpAddressCount": %d, "CidrBlock": "10.1.0.16/28",
                   "SubnetId": "subnet-b", "VpcId": "vpc-1", "Tags": [{"Key": "Name", "Value": "tiny-b"}]}]}
                """.formatted(availableA, availableB);
    }

    private static final String FUNCTIONS = """
            {"Functions": [{"FunctionName": "existing-fn", "Runtime": "python3.12", "MemorySize": 128, "Timeout": 3,
              "VpcConfig": {"SubnetIds": ["subnet-a", "subnet-b"], "SecurityGroupIds": ["sg-1"], "VpcId": "vpc-1"}}]}
            """;

    private String importing(int a, int b) throws Exception {
        return Importer.scenario(ImporterTest.only(write(dir, "subnets.json", subnets(a, b)),
                write(dir, "functions.json", FUNCTIONS)), "free", 600);
    }

    @Test
    void whollyFreeSubnetsMeanNoEni() throws Exception {
        String yaml = importing(11, 11);
        assertEquals(Existing.INACTIVE, ScenarioLoader.parse(yaml, "t").functions().get(0).existing());
        assertTrue(ImporterTest.unwrapped(yaml).contains("existing-fn: no describe-network-interfaces output, and"
                + " AvailableIpAddressCount shows every address of its subnet(s) free, so it has no ENI: it starts"
                + " Inactive"), yaml);
        assertTrue(yaml.contains("name: tiny-a }   # 11 of 11 free; 0 in use = 0 Lambda ENI(s) recreated at time 0 + 0 other"),
                yaml);
    }

    @Test
    void anAddressInUseInOneSubnetKeepsTheAssumption() throws Exception {
        String yaml = importing(10, 11);
        assertEquals(Existing.ACTIVE, ScenarioLoader.parse(yaml, "t").functions().get(0).existing());
        assertTrue(ImporterTest.unwrapped(yaml).contains("existing-fn: taken as Active (no"
                + " describe-network-interfaces output to tell), though AvailableIpAddressCount shows every address of"
                + " subnet-b free"), yaml);
        assertEquals(Existing.ACTIVE, ScenarioLoader.parse(importing(9, 10), "t").functions().get(0).existing());
    }
}
