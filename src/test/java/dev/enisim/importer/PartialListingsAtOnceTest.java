package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Three listings each saved as its first page only: all three are refused in one run (they came one at a time). */
class PartialListingsAtOnceTest {

    @TempDir
    Path dir;

    @Test
    void everyPartialListingIsReportedAtOnce() throws Exception {
        Path subnets = write(dir, "subnets.json", """
                {"Subnets": [{"AvailabilityZone": "us-east-1a", "AvailableIpAddressCount": 200,
                  "CidrBlock": "10.0.0.0/24", "SubnetId": "subnet-a", "VpcId": "vpc-1"}],
                 "NextToken": "eyJOZXh0VG9rZW4iOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ=="}
                """);
        Path functions = write(dir, "functions.json", """
                {"Functions": [{"FunctionName": "api", "MemorySize": 128, "Timeout": 3,
                  "VpcConfig": {"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["sg-1"], "VpcId": "vpc-1"}}],
                 "NextMarker": "eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ=="}
                """);
        Path enis = write(dir, "enis.json", """
                {"NetworkInterfaces": [{"NetworkInterfaceId": "eni-1", "SubnetId": "subnet-a", "VpcId": "vpc-1",
                  "InterfaceType": "lambda", "Groups": [{"GroupName": "api", "GroupId": "sg-1"}]}],
                 "NextToken": "eyJOZXh0VG9rZW4iOiBudWxsfQ=="}
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> Importer.run(new Importer.Inputs(
                List.of(subnets), List.of(functions), List.of(enis), List.of(), List.of()),
                Importer.Options.named("p", 600)));
        String all = e.getMessage();
        for (String s : List.of("subnets.json:3: NextToken: `aws ec2 describe-subnets` output",
                "functions.json:3: NextMarker: `aws lambda list-functions` output",
                "enis.json:3: NextToken: `aws ec2 describe-network-interfaces` output")) {
            assertTrue(all.contains(s), s + " in: " + all);
        }
    }
}
