package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.unwrapped;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cost estimate uses us-east-1 list prices: an account imported from another Region's files (its AZ names, its
 * FunctionArns) is told so, with what to set; files from several Regions are questioned.
 */
class PricesRegionTest {

    @TempDir
    Path dir;

    private String importing(String az, String arn) throws Exception {
        Path subnets = write(dir, "subnets.json", ImporterTest.ONE_SUBNET.replace("us-east-1a", az));
        Path functions = write(dir, "functions.json", "{\"Functions\": [{\"FunctionName\": \"api\""
                + (arn == null ? "" : ", \"FunctionArn\": \"" + arn + "\"")
                + ", \"VpcConfig\": {\"SubnetIds\": [\"subnet-a\"], \"SecurityGroupIds\": [\"sg-1\"]}}]}");
        return unwrapped(Importer.scenario(new Importer.Inputs(List.of(subnets), List.of(functions), List.of(),
                List.of(), List.of()), "r", 600));
    }

    @Test
    void anotherRegionsFilesAreToldTheirPricesAreUsEast1s() throws Exception {
        String yaml = importing("us-west-2b", "arn:aws:lambda:us-west-2:123456789012:function:api");
        assertTrue(yaml.contains("these files are from us-west-2 (AvailabilityZone us-west-2b), and the cost estimate"
                + " uses us-east-1 list prices (the defaults of `prices`): set `prices` to us-west-2's rates, with"
                + " `prices: { region: us-west-2 }` to label them"
                + " (scenarios/README.md, `prices`)"), yaml);
        assertFalse(importing("us-east-1a", "arn:aws:lambda:us-east-1:123456789012:function:api")
                .contains("list prices"), "us-east-1's files: the defaults are theirs");
    }

    @Test
    void filesOfSeveralRegionsAreQuestioned() throws Exception {
        String yaml = importing("us-west-2b", "arn:aws:lambda:eu-west-1:123456789012:function:api");
        assertTrue(yaml.contains("the files show several AWS Regions: eu-west-1 (FunctionArn"
                + " arn:aws:lambda:eu-west-1:123456789012:function:api); us-west-2 (AvailabilityZone us-west-2b). A"
                + " scenario is one Region: were these files saved from the same account and Region?"), yaml);
    }

    @Test
    void filesOfSeveralRegionsAreSaidOnTheTerminalToo() throws Exception {
        // a planner who mixed two profiles' files saw exit 0 and only "Wrote ...": the question must reach the
        // terminal, where ImportCommand prints each notice as "Note: ..."
        Path subnets = write(dir, "subnets.json", ImporterTest.ONE_SUBNET.replace("us-east-1a", "us-west-2b"));
        Path functions = write(dir, "functions.json", "{\"Functions\": [{\"FunctionName\": \"api\", \"FunctionArn\":"
                + " \"arn:aws:lambda:eu-west-1:123456789012:function:api\", \"VpcConfig\": {\"SubnetIds\":"
                + " [\"subnet-a\"], \"SecurityGroupIds\": [\"sg-1\"]}}]}");
        Importer.Result r = Importer.run(new Importer.Inputs(List.of(subnets), List.of(functions), List.of(),
                List.of(), List.of()), Importer.Options.named("r", 600));
        assertEquals(List.of("the files show 2 AWS Regions (eu-west-1, us-west-2), and a scenario is one Region:"
                + " check the files were saved from the same account and Region (the NOTES at the file's top name"
                + " each Region's files)"), r.notices());
        Path one = write(dir, "one.json", ImporterTest.ONE_SUBNET.replace("us-east-1a", "us-west-2b"));
        assertTrue(Importer.run(new Importer.Inputs(List.of(one), List.of(write(dir, "f1.json",
                "{\"Functions\": [{\"FunctionName\": \"api\", \"VpcConfig\": {\"SubnetIds\": [\"subnet-a\"],"
                + " \"SecurityGroupIds\": [\"sg-1\"]}}]}")), List.of(), List.of(), List.of()),
                Importer.Options.named("r", 600)).notices().isEmpty(), "one Region: no notice");
    }

    @Test
    void theRegionOfAZoneName() {
        assertEquals("us-west-2", Account.regionOfZone("us-west-2a"));
        assertEquals("us-west-2", Account.regionOfZone("us-west-2-lax-1a"));
        assertEquals("us-gov-west-1", Account.regionOfZone("us-gov-west-1b"));
        assertEquals("ap-southeast-1", Account.regionOfZone("ap-southeast-1c"));
        assertNull(Account.regionOfZone("use1-az1"));
        assertNull(Account.regionOfZone(null));
    }
}
