package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.unwrapped;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.Scenario.Function.Existing;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function saved {@code State: Pending} with {@code StateReasonCode: Restoring} (the first invocation after a
 * quiet spell found it Inactive: Lambda restores its ENIs) was imported as a function being created at time 0, so
 * its invocations failed with ResourceConflictException (409). AWS answers a restoring function's invocations with
 * ResourceNotReadyException (502) (functions-states.html; domain reference, "Invoke while Inactive"): it now starts
 * Inactive, and the first invocation restores it.
 */
class RestoringFunctionImportTest {

    @TempDir
    Path dir;

    private static final String SUBNET = """
            {"Subnets": [{"AvailabilityZone": "eu-west-1a", "AvailableIpAddressCount": 240,
              "CidrBlock": "10.0.0.0/24", "SubnetId": "subnet-a", "VpcId": "vpc-1"}]}
            """;

    private static String function(String state, String reason) {
        return """
                {"Configuration": {"FunctionName": "checkout", "MemorySize": 512, "Timeout": 30,
                  "Role": "arn:aws:iam::210987654321:role/checkout-role",
                  "VpcConfig": {"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["sg-1"], "VpcId": "vpc-1"},
                  "State": "%s", "StateReasonCode": "%s"}}
                """.formatted(state, reason);
    }

    private String importing(String functions, String enis) throws Exception {
        List<Path> e = enis == null ? List.of() : List.of(write(dir, "enis.json", enis));
        return Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", SUBNET)),
                List.of(write(dir, "functions.json", functions)), e, List.of(), List.of()), "t", 600);
    }

    @Test
    void aRestoringFunctionStartsInactiveAndItsInvocationsAreNotReady() throws Exception {
        String yaml = importing(function("Pending", "Restoring"), "{\"NetworkInterfaces\": []}");
        Scenario s = ScenarioLoader.parse(yaml, "t");
        assertEquals(Existing.INACTIVE, s.functions().get(0).existing(), yaml);
        assertTrue(yaml.contains("existing: Inactive   # State Pending (Restoring): being restored after an Inactive"
                + " spell"), yaml);
        assertTrue(unwrapped(yaml).contains("checkout was Pending (StateReasonCode Restoring): Lambda was restoring its"
                + " ENIs after an Inactive spell, not creating the function"), yaml);
        RunSummary.Invocations inv = new Simulation(s, 0).run().summary().functions().get("checkout").invocations();
        assertTrue(inv.errors().get("ResourceNotReadyException") > 0, inv.errors().toString());
        assertEquals(0, inv.errors().get("ResourceConflictException"), inv.errors().toString());
    }

    @Test
    void aRestoringFunctionWhoseEnisAreListedStartsActiveAndACreatingOneIsCreatedAgain() throws Exception {
        String eni = "{\"NetworkInterfaces\": [{\"NetworkInterfaceId\": \"eni-1\", \"SubnetId\": \"subnet-a\","
                + " \"InterfaceType\": \"lambda\", \"Groups\": [{\"GroupId\": \"sg-1\", \"GroupName\": \"g\"}]}]}";
        String yaml = importing(function("Pending", "Restoring"), eni);
        assertEquals(Existing.ACTIVE, ScenarioLoader.parse(yaml, "t").functions().get(0).existing(), yaml);
        String creating = importing(function("Pending", "Creating"), "{\"NetworkInterfaces\": []}");
        assertEquals(Existing.NO, ScenarioLoader.parse(creating, "t").functions().get(0).existing(), creating);
        assertTrue(creating.contains("createdAt: 0s   # State Pending"), creating);
    }
}
