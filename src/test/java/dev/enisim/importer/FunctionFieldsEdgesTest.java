package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A function's fields at their edges: Lambda's limits of 16 subnets and 5 security groups, the model's largest
 * memory and timeout, a null Timeout, a State enisim does not know, published versions left out, an ARN too short
 * to name an account, and --concurrency for a function no file lists. Fixtures are this project's own, in the CLI's
 * shapes.
 */
class FunctionFieldsEdgesTest {

    @TempDir
    Path dir;

    /** describe-subnets output of N /24 subnets of vpc-1, subnet-0 to subnet-(N-1), 200 addresses free each. */
    private static String subnets(int n) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            s.add("{\"AvailabilityZone\": \"eu-west-1a\", \"AvailableIpAddressCount\": 200, \"CidrBlock\": \"10.0." + i
                    + ".0/24\", \"SubnetId\": \"subnet-" + i + "\", \"VpcId\": \"vpc-1\"}");
        }
        return "{\"Subnets\": [" + String.join(", ", s) + "]}";
    }

    private static String function(String name, String fields, int subnets, int groups) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < subnets; i++) {
            s.add("\"subnet-" + i + "\"");
        }
        List<String> g = new ArrayList<>();
        for (int i = 0; i < groups; i++) {
            g.add("\"sg-" + i + "\"");
        }
        return "{\"FunctionName\": \"" + name + "\"" + fields + ", \"VpcConfig\": {\"SubnetIds\": [" + String.join(", ", s)
                + "], \"SecurityGroupIds\": [" + String.join(", ", g) + "], \"VpcId\": \"vpc-1\"}}";
    }

    private static String listing(String... functions) {
        return "{\"Functions\": [" + String.join(", ", functions) + "]}";
    }

    private String importing(String subnets, String functions) throws Exception {
        String yaml = Importer.scenario(ImporterTest.only(write(dir, "subnets.json", subnets), write(dir,
                "functions.json", functions)), "t", 3600);
        ScenarioLoader.parse(yaml, "t");
        return yaml;
    }

    private ScenarioException refused(String subnets, String functions) {
        return assertThrows(ScenarioException.class, () -> importing(subnets, functions));
    }

    @Test
    void sixteenSubnetsAndFiveSecurityGroupsAreLambdasLimits() throws Exception {
        String yaml = importing(subnets(17), listing(function("api", ", \"MemorySize\": 512, \"Timeout\": 30", 16,
                5)));
        assertTrue(yaml.contains("subnet-15"), yaml);
        assertTrue(yaml.contains("sg-4"), yaml);
        Path file = dir.resolve("functions.json");
        ScenarioException subnets = refused(subnets(17), listing(function("api", "", 17, 1)));
        assertTrue(subnets.getMessage().contains(file + ":1: Functions[0].VpcConfig: api: expected at most 16 subnets"
                + " and 5 security groups (Lambda's limits), got 17 and 1"), subnets.getMessage());
        ScenarioException groups = refused(subnets(17), listing(function("api", "", 1, 6)));
        assertTrue(groups.getMessage().contains(file + ":1: Functions[0].VpcConfig: api: expected at most 16 subnets"
                + " and 5 security groups (Lambda's limits), got 1 and 6"), groups.getMessage());
    }

    @Test
    void theModelsLargestMemoryAndTimeoutAreTheFunctionsOwn() throws Exception {
        String yaml = importing(subnets(1), listing(function("api", ", \"MemorySize\": 10240, \"Timeout\": 900", 1, 1),
                function("job", ", \"MemorySize\": 10241, \"Timeout\": 901", 1, 1)));
        assertTrue(yaml.contains("    memoryMb: 10240\n    timeout: 15m\n"), yaml);
        assertTrue(yaml.contains("    memoryMb: 10240   # placeholder: MemorySize 10241 MB is beyond the model's 10240"
                + " MB\n    timeout: 15m   # placeholder: Timeout 901 s is beyond the model's 900 s\n"), yaml);
    }

    @Test
    void aNullTimeoutIsTakenAsNotSaved() throws Exception {
        String yaml = importing(subnets(1), listing(function("api", ", \"MemorySize\": 512, \"Timeout\": null", 1, 1)));
        assertTrue(yaml.contains("    timeout: 3s   # placeholder: Timeout not in the saved output: Lambda's default\n"),
                yaml);
    }

    @Test
    void anUnknownStateLeavesTheStartToTheNetworkInterfaces() throws Exception {
        String yaml = importing(subnets(1), listing(function("api", ", \"State\": \"Hibernating\"", 1, 1)));
        assertTrue(yaml.contains("    existing: Active   # assumed: no describe-network-interfaces output to tell\n"),
                yaml);
        assertTrue(ImporterTest.unwrapped(yaml).contains("State 'Hibernating' is unknown to enisim"), yaml);
    }

    @Test
    void publishedVersionsLeftOutAreCounted() throws Exception {
        // api saved only as versions 1 to 3 (its newest is used, two left out); job as $LATEST and version 1
        String yaml = importing(subnets(1), listing(
                function("api", ", \"Version\": \"1\", \"MemorySize\": 128", 1, 1),
                function("api", ", \"Version\": \"2\", \"MemorySize\": 256", 1, 1),
                function("api", ", \"Version\": \"3\", \"MemorySize\": 512", 1, 1),
                function("job", ", \"Version\": \"$LATEST\", \"MemorySize\": 1024", 1, 1),
                function("job", ", \"Version\": \"1\", \"MemorySize\": 2048", 1, 1)));
        String notes = ImporterTest.unwrapped(yaml);
        assertTrue(notes.contains("function api: only published version(s) saved; its configuration is taken from"
                + " version 3"), notes);
        assertTrue(notes.contains("3 published version(s) left out: only each function's $LATEST is imported"), notes);
    }

    @Test
    void anArnTooShortToNameAnAccountNamesNone() throws Exception {
        String yaml = importing(subnets(1), listing(
                function("a", ", \"FunctionArn\": \"arn:aws:lambda:eu-west-1:222222222222:function:a\"", 1, 1),
                function("b", ", \"FunctionArn\": \"arn:aws:lambda:eu-west-1:333333333333\"", 1, 1)));
        assertTrue(yaml.contains("\naccount: { concurrencyLimit: 1000"), yaml);
        assertFalse(yaml.contains("333333333333\""), yaml);
    }

    @Test
    void concurrencyForAFunctionNoFileListsIsNamedOnlyWhenEveryFunctionsFileWasRead() throws Exception {
        Path subnets = write(dir, "subnets.json", subnets(1));
        Path functions = write(dir, "functions.json", listing(function("api", "", 1, 1)));
        Path concurrency = write(dir, "concurrency.json", "{\"ReservedConcurrentExecutions\": 5}");
        ScenarioException unknown = assertThrows(ScenarioException.class, () -> Importer.scenario(
                new Importer.Inputs(List.of(subnets), List.of(functions), List.of(), List.of(), List.of(), List.of(),
                        Map.of("nope", concurrency)), "t", 3600));
        assertTrue(unknown.getMessage().contains(concurrency + ": --concurrency names function 'nope', which no"
                + " --functions file lists (known: api)"), unknown.getMessage());
        // a functions file refused: 'nope' may be in it, so only that file's problem is said
        Path broken = write(dir, "broken.json", "{\"Functions\": [{\"FunctionName\": 7}]}");
        ScenarioException partly = assertThrows(ScenarioException.class, () -> Importer.scenario(
                new Importer.Inputs(List.of(subnets), List.of(functions, broken), List.of(), List.of(), List.of(),
                        List.of(), Map.of("nope", concurrency)), "t", 3600));
        assertTrue(partly.getMessage().contains(broken + ":1: Functions[0].FunctionName: expected a string, got 7"),
                partly.getMessage());
        assertFalse(partly.getMessage().contains("--concurrency names"), partly.getMessage());
    }

    @Test
    void aVersionThatIsNoNumberIsRefused() {
        ScenarioException e = refused(subnets(1), listing(function("api", ", \"Version\": \"beta\"", 1, 1)));
        assertTrue(e.getMessage().contains(dir.resolve("functions.json") + ":1: Functions[0].Version: expected $LATEST or"
                + " a version number, got 'beta'"), e.getMessage());
    }

    @Test
    void concurrencyWhenNoFunctionIsListedNamesNoKnownOnes() throws Exception {
        Path concurrency = write(dir, "concurrency.json", "{\"ReservedConcurrentExecutions\": 5}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Importer.scenario(new Importer.Inputs(
                List.of(write(dir, "subnets.json", subnets(1))), List.of(write(dir, "functions.json",
                "{\"Functions\": []}")), List.of(), List.of(), List.of(), List.of(), Map.of("nope", concurrency)), "t",
                3600));
        assertTrue(e.getMessage().contains(concurrency + ": --concurrency names function 'nope', which no"
                + " --functions file lists\n") || e.getMessage().endsWith("which no --functions file lists"),
                e.getMessage());
        assertFalse(e.getMessage().contains("(known: )"), e.getMessage());
    }
}

