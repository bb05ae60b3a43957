package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.unwrapped;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A VpcConfig update under way when the exports were saved (review r1 of session 61, item 4): get-function-configuration
 * prints LastUpdateStatus InProgress and the new VpcConfig, while describe-network-interfaces lists the function's ENIs
 * on the key before it. Import replays it: the function starts on the old key, a timeline updateVpcConfig moves it to
 * the printed one, and the run releases the old key's ENIs (none left as other tenants' for the whole run).
 */
class InProgressUpdateReplayTest {

    @TempDir
    Path dir;

    private static final String SUBNETS = """
            {"Subnets": [
              {"AvailabilityZone": "us-east-1a", "AvailableIpAddressCount": 246, "CidrBlock": "10.1.1.0/24",
               "SubnetId": "subnet-a", "VpcId": "vpc-1", "OwnerId": "123456789012"},
              {"AvailabilityZone": "us-east-1b", "AvailableIpAddressCount": 246, "CidrBlock": "10.1.2.0/24",
               "SubnetId": "subnet-b", "VpcId": "vpc-1", "OwnerId": "123456789012"}]}
            """;

    /** get-function-configuration of a function on subnet-a and subnet-b, as the AWS CLI prints it. */
    private static String function(String name, String groups, String lastUpdate) {
        return """
                {
                    "FunctionName": "%1$s",
                    "FunctionArn": "arn:aws:lambda:us-east-1:123456789012:function:%1$s",
                    "Runtime": "python3.12",
                    "Role": "arn:aws:iam::123456789012:role/%1$s-role",
                    "MemorySize": 512,
                    "Timeout": 30,
                    "Version": "$LATEST",
                    "PackageType": "Zip",
                    "Architectures": ["x86_64"],
                    "VpcConfig": {"SubnetIds": ["subnet-a", "subnet-b"], "SecurityGroupIds": [%2$s],
                        "VpcId": "vpc-1", "Ipv6AllowedForDualStack": false},
                    "State": "Active",
                    "LastUpdateStatus": "%3$s",
                    "LastModified": "2026-12-06T23:10:00.000+0000"
                }
                """.formatted(name, groups, lastUpdate);
    }

    /** One Lambda ENI of describe-network-interfaces, described as Lambda describes it. */
    private static String eni(String id, String subnet, String group, String describedFor) {
        return """
                {"AvailabilityZone": "us-east-1a", "Description": "AWS Lambda VPC ENI-%4$s-3f1c2a4e",
                 "Groups": [{"GroupId": "%3$s", "GroupName": "g"}], "InterfaceType": "lambda",
                 "NetworkInterfaceId": "%1$s", "PrivateIpAddress": "10.1.1.10", "Status": "in-use",
                 "SubnetId": "%2$s", "VpcId": "vpc-1", "RequesterManaged": false, "OwnerId": "123456789012"}
                """.formatted(id, subnet, group, describedFor);
    }

    /** orders-api's two ENIs on its old key (sg-old), and another function's (not imported) on sg-other. */
    private static final String ENIS = "{\"NetworkInterfaces\": [" + eni("eni-a1", "subnet-a", "sg-old", "orders-api")
            + ", " + eni("eni-b1", "subnet-b", "sg-old", "orders-api") + ", " + eni("eni-a3", "subnet-a", "sg-other",
            "ingest-burst") + "]}";

    private static final String NEW_GROUPS = "\"sg-old\", \"sg-new\"";

    private String importing(String functions, String enis, Importer.Options options) throws Exception {
        return Importer.run(new Importer.Inputs(List.of(write(dir, "subnets.json", SUBNETS)), List.of(write(dir,
                "functions.json", functions)), List.of(write(dir, "enis.json", enis)), List.of(), List.of()),
                options).yaml();
    }

    private String importing(String functions) throws Exception {
        return importing(functions, ENIS, Importer.Options.named("night", 7200));
    }

    @Test
    void theFunctionStartsOnTheOldKeyAndTheTimelineUpdatesItToThePrintedOne() throws Exception {
        String yaml = importing(function("orders-api", NEW_GROUPS, "InProgress"));
        assertTrue(yaml.contains("    vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-old] }   #"
                + " as its listed ENIs show: the update under way moves it (timeline, NOTES)\n"), yaml);
        assertTrue(yaml.contains("\ntimeline:\n  - { at: 0s, action: updateVpcConfig, function: orders-api, vpcConfig:"
                + " { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-new, sg-old] } }   # LastUpdateStatus"
                + " InProgress when saved: the VpcConfig printed, at time 0 (NOTES)\n"), yaml);
        String notes = unwrapped(yaml);
        assertTrue(notes.contains("orders-api: LastUpdateStatus InProgress when saved, and describe-network-interfaces"
                + " lists 2 Lambda ENI(s) of it on security groups [sg-old] in subnet-a, subnet-b (their Description"
                + " names it), none on the VpcConfig printed: the update was under way, and Lambda had not switched to"
                + " it. Replayed:"), notes);
        assertFalse(notes.contains("the scenario starts from the configuration printed"), "what import no longer"
                + " does is not said: " + notes);
        assertFalse(notes.contains("counts those ENIs as other tenants'"), notes);
        // only ingest-burst's ENI (another function's, not imported) is other users'; orders-api's old ones are its own
        assertTrue(yaml.contains("    otherUsedEnis: 1   #"), yaml);
        Scenario s = ScenarioLoader.parse(yaml, "night");
        assertEquals(1, s.vpcs().get(0).otherUsedEnis());

        RunSummary run = new Simulation(s, 0).run().summary();
        RunSummary.FunctionSummary f = run.functions().get("orders-api");
        assertEquals("Successful", f.lastUpdateStatus());
        assertEquals(LastUpdateStatus.InProgress, f.updates().get(0).lastUpdateStatus());
        assertEquals(0.0, f.updates().get(0).atSeconds());
        assertTrue(f.updates().get(1).atSeconds() > 0, "InProgress until the new ENIs are ready: " + f.updates());
        RunSummary.Teardown t = run.teardowns().get(0);
        assertEquals(List.of("orders-api", "updateVpcConfig", 0.0, 2), List.of(t.function(), t.action(),
                t.requestedAtSeconds(), t.enis()));
        assertNotNull(t.waitSeconds(), "both old ENIs deleted within the run");
        assertEquals(2, run.enis().inPlaceAtStart());
        assertEquals(2, run.enis().deleted());
    }

    @Test
    void insideTheWindowTheUpdateIsPutAtItsLastModified() throws Exception {
        String yaml = importing(function("orders-api", NEW_GROUPS, "InProgress"), ENIS, Importer.Options.named(
                "night", 7200).window(Instant.parse("2026-12-06T22:00:00Z"), Instant.parse("2026-12-07T02:00:00Z")));
        assertTrue(yaml.contains("  - { at: 1h10m, action: updateVpcConfig, function: orders-api, vpcConfig: {"
                + " subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-new, sg-old] } }   # LastUpdateStatus"
                + " InProgress when saved: the VpcConfig printed, at its LastModified (NOTES)\n"), yaml);
        assertFalse(unwrapped(yaml).contains("orders-api: LastModified"), "the change is on the timeline already: "
                + yaml);
    }

    @Test
    void oldEnisAnotherFunctionSharesStayAfterTheUpdate() throws Exception {
        String yaml = importing("{\"Functions\": [" + function("orders-api", NEW_GROUPS, "InProgress") + ", "
                + function("reports", "\"sg-old\"", "Successful") + "]}");
        assertTrue(yaml.contains("action: updateVpcConfig, function: orders-api"), yaml);
        RunSummary run = new Simulation(ScenarioLoader.parse(yaml, "night"), 0).run().summary();
        assertEquals("Successful", run.functions().get("orders-api").lastUpdateStatus());
        assertEquals(0, run.enis().deleted(), "reports still uses the old key: its ENIs stay");
        assertTrue(run.teardowns().stream().noneMatch(t -> t.enis() > 0), run.teardowns().toString());
    }

    @Test
    void withTheNewKeysEnisListedOrNoUpdateUnderWayNothingIsReplayed() throws Exception {
        String both = importing(function("orders-api", NEW_GROUPS, "InProgress"), ENIS.replace("]}", ", "
                + eni("eni-a2", "subnet-a", "sg-new\"}, {\"GroupId\": \"sg-old", "orders-api") + "]}"),
                Importer.Options.named("night", 7200));
        assertFalse(both.contains("timeline:"), "Lambda had made the new ENIs: it starts on them, as before\n" + both);
        assertTrue(unwrapped(both).contains("orders-api: LastUpdateStatus InProgress, an update was under way when this"
                + " was saved: the scenario starts from the configuration printed"), both);
        String done = importing(function("orders-api", NEW_GROUPS, "Successful"));
        assertFalse(done.contains("timeline:"), done);
        assertTrue(done.contains("securityGroupIds: [sg-new, sg-old] }\n"), done);
    }
}
