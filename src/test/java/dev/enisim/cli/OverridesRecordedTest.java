package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.cli.CliTest.Result;
import dev.enisim.report.SummaryJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every output of a run with {@code --set} says so (a capacity planner's review): {@code --set traffic=10} and a
 * subnet filled by {@code --set} were recorded nowhere; the page showed the file as written ("poisson: 50/s",
 * "otherUsedIps: 40"), summary.json and plan.json had no trace of them, and two summaries of the same scenario and
 * seed with different inputs could not be told apart. Without {@code --set}, nothing of this appears.
 */
class OverridesRecordedTest {

    @TempDir
    Path dir;

    private static final String TRAFFIC = "traffic=2";
    private static final String SUBNET = "vpcs[0].subnets[0].otherUsedIps=5";
    private static final String LINE = "Run with overrides: --set traffic=2 --set 'vpcs[0].subnets[0].otherUsedIps=5'";

    private Path scenario() throws Exception {
        return Files.writeString(dir.resolve("small.yaml"), CheckCommandTest.SMALL);
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The keys of a JSON object, in order. */
    private static List<String> keys(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    /** One run with both overrides, into {@code dir/out}; its terminal output. */
    private Result runWithOverrides() throws Exception {
        Result r = CliTest.run("run", scenario().toString(), "--set", TRAFFIC, "--set", SUBNET, "--out",
                dir.resolve("out").toString());
        assertEquals(0, r.code(), r.err());
        return r;
    }

    @Test
    void theTerminalSummarySaysSoUnderItsHeadline() throws Exception {
        Result r = runWithOverrides();
        assertEquals(LINE, r.out().lines().toList().get(1), r.out());
    }

    @Test
    void summaryJsonHasThemAsGivenInOrderBesideTheSeed() throws Exception {
        runWithOverrides();
        JsonNode summary = SummaryJson.mapper().readTree(dir.resolve("out/summary.json").toFile());
        assertEquals(List.of(TRAFFIC, SUBNET), texts(summary.get("overrides")), "as given, in order");
        assertEquals(List.of("scenario", "seed", "overrides"), keys(summary).subList(0, 3), "beside the seed");
    }

    @Test
    void thePagesHeaderSaysSo() throws Exception {
        runWithOverrides();
        String html = Files.readString(dir.resolve("out/report.html"));
        String header = html.substring(html.indexOf("<header>"), html.indexOf("</header>"));
        assertTrue(header.contains("Run with overrides: <code>--set traffic=2 --set"
                + " 'vpcs[0].subnets[0].otherUsedIps=5'</code>"), header);
    }

    @Test
    void thePagesScenarioSectionSaysTheFileIsAsWrittenAndWhatWasOverridden() throws Exception {
        runWithOverrides();
        String html = Files.readString(dir.resolve("out/report.html"));
        String section = html.substring(html.indexOf("<section id=\"scenario\">"));
        int note = section.indexOf("The file below is as written, not as run");
        assertTrue(note > 0 && note < section.indexOf("<pre>"), "the note is above the file's text: " + section);
        assertTrue(section.contains("<li><code>traffic = 2</code> (a factor on every arrival rate"), section);
        assertTrue(section.contains("<li><code>vpcs[0].subnets[0].otherUsedIps = 5</code></li>"), section);
        assertTrue(section.contains("otherUsedIps: 3"), "the file itself is shown as written: " + section);
    }

    @Test
    void narrativeTxtSaysSoFirst() throws Exception {
        runWithOverrides();
        assertTrue(Files.readString(dir.resolve("out/narrative.txt")).startsWith(LINE + "\n"));
    }

    @Test
    void withoutOverridesNothingIsSaid() throws Exception {
        Path out = dir.resolve("out");
        Result r = CliTest.run("run", scenario().toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("overrides"), r.out());
        assertFalse(SummaryJson.mapper().readTree(out.resolve("summary.json").toFile()).has("overrides"));
        assertFalse(Files.readString(out.resolve("report.html")).contains("overrides"));
        assertFalse(Files.readString(out.resolve("narrative.txt")).contains("overrides"));
    }

    @Test
    void twoSummariesOfTheSameScenarioAndSeedWithDifferentInputsAreToldApart() throws Exception {
        CliTest.run("run", scenario().toString(), "--out", dir.resolve("a").toString(), "-q");
        CliTest.run("run", scenario().toString(), "--set", TRAFFIC, "--out", dir.resolve("b").toString(), "-q");
        JsonNode a = SummaryJson.mapper().readTree(dir.resolve("a/summary.json").toFile());
        JsonNode b = SummaryJson.mapper().readTree(dir.resolve("b/summary.json").toFile());
        assertEquals(a.get("seed"), b.get("seed"));
        assertFalse(a.has("overrides"));
        assertEquals(List.of(TRAFFIC), texts(b.get("overrides")));
    }

    @Test
    void replicationsRecordThemInEverySummaryAndOnTheTerminal() throws Exception {
        Path out = dir.resolve("out");
        Result r = CliTest.run("run", scenario().toString(), "--set", TRAFFIC, "--set", SUBNET, "--replications",
                "2", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(LINE::equals), r.out());
        JsonNode summary = SummaryJson.mapper().readTree(out.resolve("summary.json").toFile());
        assertEquals(List.of(TRAFFIC, SUBNET), texts(summary.get("overrides")));
        assertEquals(List.of("scenario", "seed", "overrides", "replications"), keys(summary).subList(0, 4));
        assertFalse(summary.get("metrics").fieldNames().next().startsWith("overrides"), "not a metric");
        for (int i = 0; i < 2; i++) {
            JsonNode one = SummaryJson.mapper().readTree(out.resolve("summary-replication-" + i + ".json").toFile());
            assertEquals(List.of(TRAFFIC, SUBNET), texts(one.get("overrides")));
        }
        Path plain = dir.resolve("plain");
        assertEquals(0, CliTest.run("run", scenario().toString(), "--replications", "2", "--out", plain.toString(),
                "-q").code());
        assertFalse(SummaryJson.mapper().readTree(plain.resolve("summary.json").toFile()).has("overrides"));
    }

    @Test
    void aPlansJsonPageAndTextSayTheHeadroomIsOnTheOverriddenTraffic() throws Exception {
        Path out = dir.resolve("plan");
        Result r = CliTest.run("plan", scenario().toString(), "--set", "traffic=3", "--replications", "1", "--html",
                "-q", "--out", out.toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Run with overrides: --set traffic=3: every answer is of the scenario so changed,"
                + " not the file as written; the traffic multipliers are on the traffic as overridden (x1.00 is the"
                + " file's traffic times 3)."), r.out());
        JsonNode plan = SummaryJson.mapper().readTree(out.resolve("plan.json").toFile());
        assertEquals(List.of("traffic=3"), texts(plan.get("overrides")));
        assertEquals(List.of("scenario", "seed", "overrides"), keys(plan).subList(0, 3));
        String html = Files.readString(out.resolve("plan.html"));
        assertTrue(html.substring(0, html.indexOf("</header>")).contains("Run with overrides: --set traffic=3"),
                html);

        Path plain = dir.resolve("plain");
        assertEquals(0, CliTest.run("plan", scenario().toString(), "--replications", "1", "-q", "--out",
                plain.toString()).code());
        assertFalse(SummaryJson.mapper().readTree(plain.resolve("plan.json").toFile()).has("overrides"));
    }

    /** check of a scenario with an expectation, with both overrides, its Markdown and baseline into {@code dir}. */
    private Result checkWithOverrides() throws Exception {
        Path f = Files.writeString(dir.resolve("small.yaml"), CheckCommandTest.SMALL
                + "expect:\n  - \"enis.peak == 1\"\n");
        Result r = CliTest.run("check", f.toString(), "--set", TRAFFIC, "--set", SUBNET, "--step-summary",
                dir.resolve("summary.md").toString(), "--baseline", dir.resolve("baselines").toString(),
                "--update-baseline");
        assertEquals(0, r.code(), r.err());
        return r;
    }

    @Test
    void checkSaysSoUnderEachScenariosName() throws Exception {
        Result r = checkWithOverrides();
        assertTrue(r.out().contains("small (" + dir.resolve("small.yaml") + ")\n  " + LINE + "\n"), r.out());
    }

    @Test
    void checksStepSummarySaysSoUnderItsHeading() throws Exception {
        checkWithOverrides();
        String text = Files.readString(dir.resolve("summary.md"));
        assertTrue(text.startsWith("<!-- enisim step summary -->\n### enisim check: passed\n\nRun with overrides: `--set traffic=2 --set"
                + " 'vpcs[0].subnets[0].otherUsedIps=5'`\n\n1 scenario(s)"), text);
    }

    @Test
    void aBaselineRecordsThemAndACheckWithoutThemDriftsFromIt() throws Exception {
        checkWithOverrides();
        Path baselines = dir.resolve("baselines");
        JsonNode baseline = SummaryJson.mapper().readTree(baselines.resolve("small.summary.json").toFile());
        assertEquals(List.of(TRAFFIC, SUBNET), texts(baseline.get("overrides")));
        Result again = CliTest.run("check", dir.resolve("small.yaml").toString(), "--baseline", baselines.toString(),
                "--step-summary", "");
        assertEquals(1, again.code(), again.out() + again.err());
        assertTrue(again.out().contains("overrides[0]: traffic=2 -> (none)"), again.out());
    }

    @Test
    void theDriftPageOfACheckWithThemSaysSoInItsHeader() throws Exception {
        Path f = scenario();
        Path baselines = dir.resolve("baselines");
        assertEquals(0, CliTest.run("check", f.toString(), "--baseline", baselines.toString(), "--update-baseline",
                "--step-summary", "").code());
        Path page = dir.resolve("drift.html");
        Result r = CliTest.run("check", f.toString(), "--set", TRAFFIC, "--baseline", baselines.toString(), "--html",
                page.toString(), "--step-summary", "");
        assertEquals(1, r.code(), r.out() + r.err());
        String html = Files.readString(page);
        assertTrue(html.substring(0, html.indexOf("</header>")).contains("Run with overrides: <code>--set"
                + " traffic=2</code>"), html);
    }

    @Test
    void benchJsonRecordsThemAfterTheMachinesFigures() throws Exception {
        Path json = dir.resolve("bench.json");
        assertEquals(0, CliTest.run("bench", scenario().toString(), "--no-fork", "--repeat", "1", "--set",
                "duration=2m", "--json", json.toString()).code());
        JsonNode tree = SummaryJson.mapper().readTree(json.toFile());
        assertEquals(List.of("duration=2m"), texts(tree.get("overrides")));
    }

    @Test
    void explainSaysSoUnderItsHeadline() throws Exception {
        Result explain = CliTest.run("explain", scenario().toString(), "--set", TRAFFIC, "--set", SUBNET);
        assertEquals(0, explain.code(), explain.err());
        assertEquals(LINE, explain.out().lines().toList().get(1), explain.out());
    }

    @Test
    void compareNetworkModelsSaysSoOnTheTerminalAndOnItsPage() throws Exception {
        Path page = dir.resolve("models.html");
        Result models = CliTest.run("compare-network-models", scenario().toString(), "--set", TRAFFIC, "--set",
                SUBNET, "--html", page.toString());
        assertEquals(0, models.code(), models.err());
        assertEquals(LINE, models.out().lines().toList().get(1), models.out());
        assertTrue(Files.readString(page).contains("under both network models; Run with overrides: --set traffic=2"),
                Files.readString(page));
    }

    @Test
    void validateSaysWhatItFoundOkWith() throws Exception {
        Result validate = CliTest.run("validate", scenario().toString(), "--set", TRAFFIC, "--set", SUBNET);
        assertEquals(0, validate.code(), validate.err());
        assertTrue(validate.out().contains("simulated) with --set traffic=2 --set"
                + " 'vpcs[0].subnets[0].otherUsedIps=5'"), validate.out());
    }

    @Test
    void theOptionsAreWrittenAsAShellTakesThem() {
        assertEquals("", dev.enisim.scenario.Overrides.options(List.of()));
        assertEquals("--set traffic=10 --set 'functions[*].memoryMb=512' --set 'description=it'\\''s 10x'",
                dev.enisim.scenario.Overrides.options(List.of("traffic=10", "functions[*].memoryMb=512",
                        "description=it's 10x")));
    }
}
