package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.unwrapped;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.Scenario.Function.Existing;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function saved {@code "State": "Failed"} (get-function-configuration) was imported as one created again at time 0
 * ("as if again"), so the simulation could show it Active: an on-call SRE importing during an incident was told the
 * function recovers. AWS keeps a function whose creation failed Failed until it is deleted and recreated (domain
 * reference, section 2): it is now imported {@code existing: Failed} with its StateReasonCode, and simulated so.
 */
class FailedFunctionImportTest {

    @TempDir
    Path dir;

    private static final String SUBNET = """
            {"Subnets": [{"AvailabilityZone": "eu-west-1a", "AvailableIpAddressCount": 240,
              "CidrBlock": "10.0.0.0/24", "SubnetId": "subnet-a", "VpcId": "vpc-1"}]}
            """;

    /** get-function-configuration's output (the shape of the AWS CLI's), State Failed; {@code reason} null: none. */
    private static String function(String reason) {
        return """
                {
                    "FunctionName": "checkout",
                    "FunctionArn": "arn:aws:lambda:eu-west-1:210987654321:function:checkout",
                    "Runtime": "python3.12",
                    "Role": "arn:aws:iam::210987654321:role/checkout-role",
                    "Handler": "app.handler",
                    "CodeSize": 5120,
                    "Timeout": 30,
                    "MemorySize": 512,
                    "LastModified": "2026-12-04T21:13:05.000+0000",
                    "Version": "$LATEST",
                    "VpcConfig": {"SubnetIds": ["subnet-a"], "SecurityGroupIds": ["sg-1"], "VpcId": "vpc-1"},
                    "TracingConfig": {"Mode": "PassThrough"},
                    "State": "Failed",%s
                    "LastUpdateStatus": "Failed",
                    "PackageType": "Zip",
                    "Architectures": ["x86_64"]
                }
                """.formatted(reason == null ? "" : """

                    "StateReason": "Lambda was unable to configure access to your environment variables.",
                    "StateReasonCode": "%s",""".formatted(reason));
    }

    private String importing(String functions) throws Exception {
        return Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json", SUBNET)),
                List.of(write(dir, "functions.json", functions)), List.of(write(dir, "enis.json",
                "{\"NetworkInterfaces\": []}")), List.of(), List.of()), "t", 600);
    }

    @Test
    void aFunctionSavedFailedStartsFailedWithItsReasonAndNeverGoesActive() throws Exception {
        String yaml = importing(function("SubnetOutOfIPAddresses"));
        Scenario s = ScenarioLoader.parse(yaml, "t");
        Scenario.Function f = s.functions().get(0);
        assertEquals(Existing.FAILED, f.existing(), yaml);
        assertEquals(StateReasonCode.SubnetOutOfIPAddresses, f.failedReason(), yaml);
        assertTrue(yaml.contains("    existing: Failed   # State Failed (SubnetOutOfIPAddresses)"
                + " (get-function-configuration): its creation failed\n"
                + "    stateReasonCode: SubnetOutOfIPAddresses   # StateReasonCode (get-function-configuration)\n"), yaml);
        assertFalse(yaml.contains("as if again"), yaml);
        assertTrue(unwrapped(yaml).contains("checkout was Failed (StateReasonCode SubnetOutOfIPAddresses): its creation"
                + " failed, and Lambda keeps it Failed until it is deleted and recreated"), yaml);
        RunResult r = new Simulation(s, 0).checkingInvariants().run();
        RunSummary.FunctionSummary fs = r.summary().functions().get("checkout");
        assertEquals("Failed", fs.finalState());
        assertEquals(StateReasonCode.SubnetOutOfIPAddresses, fs.finalReasonCode());
        assertTrue(fs.transitions().stream().noneMatch(t -> t.state() == dev.enisim.model.function.State.Active),
                fs.transitions().toString());
        assertEquals(0, fs.invocations().succeeded());
        assertEquals(0, r.summary().eniKeys().get("subnet-a+[sg-1]").peakEnis(), "no ENI");
    }

    @Test
    void aReasonEnisimDoesNotSimulateOrNoneIsInternalError() throws Exception {
        String yaml = importing(function("InvalidZipFileException"));
        Scenario.Function f = ScenarioLoader.parse(yaml, "t").functions().get(0);
        assertEquals(Existing.FAILED, f.existing(), yaml);
        assertEquals(StateReasonCode.InternalError, f.failedReason(), yaml);
        assertTrue(yaml.contains("    stateReasonCode: InternalError   # stands for InvalidZipFileException, which enisim"
                + " does not simulate (NOTES)\n"), yaml);
        assertTrue(unwrapped(yaml).contains("StateReasonCode InvalidZipFileException is not one enisim simulates:"
                + " stateReasonCode InternalError stands for it"), yaml);
        String none = importing(function(null));
        assertEquals(StateReasonCode.InternalError, ScenarioLoader.parse(none, "t").functions().get(0).failedReason(),
                none);
        assertTrue(none.contains("    stateReasonCode: InternalError   # none saved: the default\n"), none);
    }

    /**
     * r1: a Failed function without CloudWatch data was given a placeholder 1/s, so the run counted thousands of
     * failed invocations and its page advised larger subnets for subnets with room. Invocations count only calls that
     * ran, so none is invented for it (as for an idle Inactive one), and the note says AWS's fix; a Pending one (being
     * created) likewise, whose invented calls read as ResourceConflictExceptions.
     */
    @Test
    void aFailedOrPendingFunctionWithoutCloudWatchDataGetsNoInventedTraffic() throws Exception {
        String yaml = importing(function("SubnetOutOfIPAddresses"));
        assertTrue(yaml.contains("    arrivals: { none: true }   # Failed, and no CloudWatch Invocations: no traffic"
                + " invented\n"), yaml);
        assertTrue(unwrapped(yaml).contains("checkout is Failed with no CloudWatch Invocations, so no traffic is"
                + " invented (arrivals: none)"), yaml);
        assertTrue(unwrapped(yaml).contains("AWS's fix is to delete and recreate the function"), yaml);
        Scenario s = ScenarioLoader.parse(yaml, "t");
        RunResult r = new Simulation(s, 0).checkingInvariants().run();
        assertEquals(0, r.summary().functions().get("checkout").invocations().total(), "no invented invocation");
        String pending = importing(function(null).replace("\"State\": \"Failed\"", "\"State\": \"Pending\"")
                .replace("\"LastUpdateStatus\": \"Failed\"", "\"LastUpdateStatus\": \"InProgress\""));
        assertTrue(pending.contains("    arrivals: { none: true }   # Pending (being created), and no CloudWatch"
                + " Invocations: no traffic invented\n"), pending);
        assertTrue(unwrapped(pending).contains("checkout is Pending (being created) with no CloudWatch Invocations"),
                pending);
        RunResult rp = new Simulation(ScenarioLoader.parse(pending, "t"), 0).checkingInvariants().run();
        assertEquals(0, rp.summary().functions().get("checkout").invocations().total(), "no invented invocation");
    }
}
