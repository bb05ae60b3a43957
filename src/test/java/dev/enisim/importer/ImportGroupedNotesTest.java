package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.unwrapped;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The notes said of many functions fold past {@link Importer#GROUP_ABOVE} (five): the SnapStart note names the first
 * five then "and N more"; the notes on functions without a CloudWatch Invocations result are one line a function up
 * to five and one line for all above (six is pinned by {@link ImportBigHeaderGroupsTest} and {@link
 * ImportAccountExportsReviewTest}; these pin the fold of the SnapStart note, untested before session 52, and the
 * boundary at five, where each function still has its own line).
 */
class ImportGroupedNotesTest {

    @TempDir
    Path dir;

    private static String function(String name, String fields, String group) {
        return "{\"FunctionName\": \"" + name + "\", \"Runtime\": \"java21\", \"MemorySize\": 1024, \"Timeout\": 30"
                + fields + ", \"VpcConfig\": {\"SubnetIds\": [\"subnet-a\"], \"SecurityGroupIds\": [\"" + group
                + "\"], \"VpcId\": \"vpc-1\"}}";
    }

    private String importing(List<String> functions, String metrics) throws Exception {
        String subnets = "{\"Subnets\": [{\"AvailabilityZone\": \"eu-central-1a\", \"AvailableIpAddressCount\": 249,"
                + " \"CidrBlock\": \"10.0.0.0/24\", \"SubnetId\": \"subnet-a\", \"VpcId\": \"vpc-1\"}]}";
        String enis = "{\"NetworkInterfaces\": [{\"NetworkInterfaceId\": \"eni-1\", \"SubnetId\": \"subnet-a\","
                + " \"VpcId\": \"vpc-1\", \"InterfaceType\": \"lambda\", \"Attachment\": {\"AttachmentId\":"
                + " \"ela-attach-1\"}, \"Groups\": [{\"GroupId\": \"sg-1\"}]}]}";
        Importer.Inputs in = new Importer.Inputs(List.of(write(dir, "subnets.json", subnets)),
                List.of(write(dir, "functions.json", "{\"Functions\": [" + String.join(", ", functions) + "]}")),
                List.of(write(dir, "enis.json", enis)), List.of(),
                metrics == null ? List.of() : List.of(write(dir, "metrics.json", metrics)), List.of(), Map.of());
        String yaml = Importer.scenario(in, "t", 3600);
        ScenarioLoader.parse(yaml, "t");
        return yaml;
    }

    private static List<String> snapStarted(int n) {
        List<String> fns = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            fns.add(function("snap" + i, ", \"SnapStart\": {\"ApplyOn\": \"PublishedVersions\", \"OptimizationStatus\":"
                    + " \"On\"}", "sg-1"));
        }
        return fns;
    }

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void theSnapStartNoteOfMoreThanFiveFunctionsNamesTheFirstFiveAndHowManyMore() throws Exception {
        String yaml = importing(snapStarted(7), null);
        String text = unwrapped(yaml);
        assertTrue(text.contains("7 function(s) have SnapStart on (ApplyOn PublishedVersions): snap1, snap2, snap3,"
                + " snap4, snap5 and 2 more. SnapStart is not modelled (README, Modelling assumptions)"), text);
        assertFalse(text.contains("snap6."), text);
        assertEquals(1, count(text, "have SnapStart on"), text);
        // beside each function all the same
        assertEquals(7, count(yaml, "    # SnapStart (ApplyOn PublishedVersions): not modelled"), yaml);
    }

    @Test
    void theSnapStartNoteOfFiveFunctionsNamesEachAndNoMore() throws Exception {
        String text = unwrapped(importing(snapStarted(5), null));
        assertTrue(text.contains("5 function(s) have SnapStart on (ApplyOn PublishedVersions): snap1, snap2, snap3,"
                + " snap4, snap5. SnapStart is not modelled"), text);
        assertFalse(text.contains(" more. SnapStart"), text);
    }

    /**
     * Five functions without a result whose ENI is listed (Active: the placeholder rate) and five judged idle (no ENI
     * of their key: Inactive, no traffic): five lines of each, none grouped.
     */
    @Test
    void fiveFunctionsWithoutAResultOfEachKindHaveALineEach() throws Exception {
        String metrics = "{\"MetricDataResults\": [" + CloudWatchResultsTest.result("api_invocations",
                "api Invocations", "[\"2026-11-20T08:05:00Z\", \"2026-11-20T08:00:00Z\"]", "[3.0, 2.0]") + "]}";
        List<String> fns = new ArrayList<>(List.of(function("api", "", "sg-1")));
        for (int i = 1; i <= 5; i++) {
            fns.add(function("busy" + i, "", "sg-1"));
            fns.add(function("idle" + i, "", "sg-" + (i + 1)));
        }
        String yaml = importing(fns, metrics);
        String text = unwrapped(yaml);
        for (int i = 1; i <= 5; i++) {
            assertTrue(text.contains("busy" + i + ": no CloudWatch Invocations result; its traffic is a placeholder"),
                    text);
            assertTrue(text.contains("idle" + i + " starts Inactive (idle, its ENIs reclaimed) and has no CloudWatch"
                    + " Invocations result"), text);
        }
        assertFalse(text.contains("functions have no CloudWatch Invocations result"), text);
        assertFalse(text.contains("functions start Inactive"), text);
        assertEquals(5, count(yaml, "arrivals: { none: true }   # placeholder"), yaml);
        assertEquals(5, count(yaml, "    arrivals: { poisson: 1/s }   # placeholder\n"), yaml);
    }
}
