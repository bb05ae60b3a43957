package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.cli.CliTest.Result;
import dev.enisim.plan.Plan;
import dev.enisim.report.PlanPageTest;
import dev.enisim.report.PlanReport;
import dev.enisim.report.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plan --assumptions}: the same questions answered under AWS's current text and under the field reports. */
class PlanAssumptionsTest {

    @TempDir
    Path dir;

    @Test
    @Tag("slow") // whole plans under both presets: left out of .ci/mutation's plan row, run by .ci/run
    void bothAnswersUnderEachPresetAndSetsThemSideBySide() throws Exception {
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, CheckCommandTest.SMALL);
        Path out = dir.resolve("plan");
        Result r = CliTest.run("plan", f.toString(), "--assumptions", "both", "--replications", "3", "-q", "--out",
                out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("network model, documented assumptions)"), r.out());
        assertTrue(r.out().contains("network model, field assumptions)"), r.out());
        assertTrue(r.out().contains("The answers side by side (documented | field"), r.out());
        assertFalse(Files.exists(out.resolve("plan.json")), "one file per preset, named after it");
        JsonNode documented = SummaryJson.mapper().readTree(out.resolve("plan-documented.json").toFile());
        JsonNode field = SummaryJson.mapper().readTree(out.resolve("plan-field.json").toFile());
        assertEquals("documented", documented.get("assumptions").asText());
        assertEquals("field", field.get("assumptions").asText());
        // AWS's "up to 20 minutes": no replication's teardown waits longer under documented
        JsonNode teardown = documented.get("teardown");
        assertTrue(teardown.get("enis").asInt() >= 1, "something is torn down: " + documented);
        assertTrue(teardown.get("p99Seconds").asDouble() > 0 && teardown.get("p99Seconds").asDouble() <= 1200,
                documented.toString());
    }

    /**
     * The progress counts the runs, "run k of at most N", k rising by the runs each line's variant took (two per
     * function for the idle rule), never past N, and the label of each preset's answer after the count.
     */
    @Test
    @Tag("slow") // whole plans under both presets: left out of .ci/mutation's plan row, run by .ci/run
    void theProgressCountsRunsAgainstTheMostThePlanCanTake() throws Exception {
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, CheckCommandTest.SMALL);
        Result r = CliTest.run("plan", f.toString(), "--assumptions", "both", "--out", dir.resolve("plan").toString());
        assertEquals(0, r.code(), r.err());
        List<String> lines = r.err().lines().filter(l -> l.startsWith("  run ")).toList();
        assertTrue(lines.get(0).matches("  run 1 of at most \\d+ \\(documented\\): the scenario as it is"),
                lines.get(0));
        java.util.regex.Pattern run = java.util.regex.Pattern.compile("  run (\\d+) of at most (\\d+) \\((\\w+)\\): ");
        java.util.Map<String, Integer> last = new java.util.HashMap<>();
        for (String l : lines) {
            java.util.regex.Matcher m = run.matcher(l);
            assertTrue(m.lookingAt(), l);
            int k = Integer.parseInt(m.group(1));
            assertTrue(k <= Integer.parseInt(m.group(2)), l);
            Integer before = last.put(m.group(3), k);
            assertTrue(before == null ? k == 1 : k > before, "each preset's count rises from 1: " + l);
        }
        assertEquals(java.util.Set.of("documented", "field"), last.keySet(), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.contains("(field): teardown, replication 1 of 20")), lines.toString());
    }

    /** Only the answers that differ between the presets are starred. */
    @Test
    void theSideBySideStarsWhatDiffers() {
        Plan field = PlanPageTest.shortPlan();
        Plan documented = new Plan(field.scenario(), field.seed(), field.networkModel(), field.failsAsIs(),
                field.failedFunctions(), field.subnets(), field.subnetsUnderOtherModel(), field.vpcs(),
                field.headroom(), new Plan.TeardownWait(20, 10, 700, 1150, 720, 1200), field.idle(), "documented");
        String text = PlanReport.contrast(List.of(documented, field));
        assertTrue(text.contains("(documented | field; * where they differ)"), text);
        // the figure to plan on is the analytic p99; the simulated one of 20 runs is about their largest
        assertTrue(text.contains("  * teardown wait p99 to plan on (analytic) 20 min | 33 min"), text);
        assertTrue(text.contains("  * teardown wait, largest simulated (not a p99) 19 min | 32 min"), text);
        assertTrue(text.contains("    subnet-a recommended         /27 | /27"), text);
        assertTrue(text.contains("    first limit at               x2.50 IP | x2.50 IP"), text);
    }

    @Test
    void aPresetThatDoesNotExistIsExitTwo() throws Exception {
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, CheckCommandTest.SMALL);
        Result r = CliTest.run("plan", f.toString(), "--assumptions", "docs", "--out", dir.resolve("p").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("--assumptions: expected documented, field or both, got 'docs'"), r.err());
    }
}
