package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.report.Narrative;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The player tells the narrative's spells (the teacher's review, findings 1 and 2): az-outage's player said "6,976
 * invocations of reports-single-az succeeded, 00:01:08 to 02:00:00" across the hour in which every call failed, listed
 * those failures at the "back up" step, and its subnet's history said nothing of the outage.
 */
class TopologySpellsTest {

    private static RunResult run(String scenario) throws Exception {
        return new Simulation(ScenarioLoader.load(Path.of("scenarios/" + scenario + ".yaml")), 0).run();
    }

    private static final Pattern SUCCEEDED = Pattern.compile("([0-9,]+) invocations? of (\\S+) succeeded");

    /** "N of F" of each spell of successes, in the order told. */
    private static List<String> successes(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = SUCCEEDED.matcher(l);
            if (m.find()) {
                out.add(m.group(1) + " of " + m.group(2));
            }
        }
        return out;
    }

    private static List<String> playerLines(JsonNode topo) {
        List<String> out = new ArrayList<>();
        topo.get("events").forEach(e -> out.add(e.get("text").asText()));
        return out;
    }

    @Test
    void azOutagesPlayerSplitsTheSuccessesAtTheOutageAndListsTheFailuresWhenItStarts() throws Exception {
        RunResult r = run("az-outage");
        JsonNode topo = TopologyData.build(r);
        List<String> single = successes(playerLines(topo)).stream().filter(l -> l.endsWith("reports-single-az"))
                .toList();
        assertEquals(List.of("3,515 of reports-single-az", "3,527 of reports-single-az"), single);
        JsonNode steps = topo.get("steps");
        int down = -1;
        int failures = -1;
        for (JsonNode e : topo.get("events")) {
            String text = e.get("text").asText();
            if (text.equals("Availability Zone us-east-1a down")) {
                down = e.get("step").asInt();
                List<String> subjects = new ArrayList<>();
                e.get("subjects").forEach(x -> subjects.add(x.asText()));
                assertTrue(subjects.contains("subnet-1a") && subjects.contains("reports-single-az")
                        && !subjects.contains("subnet-1b"), subjects.toString());
            } else if (text.contains("of reports-single-az failed with ServiceException")) {
                failures = e.get("step").asInt();
            }
        }
        assertEquals(1800.0, steps.get(down).asDouble());
        assertEquals(down, failures, "the outage's failures are listed at the step it starts");
        JsonNode subnets = topo.get("subnets");
        for (JsonNode s : subnets) {
            assertEquals(s.get("id").asText().equals("subnet-1a") ? "[[1800.0,5400.0]]" : "[]", s.get("down")
                    .toString(), s.toString());
        }
    }

    @Test
    void everyEventIsListedAtAStepAtItsTimeOrJustBefore() throws Exception {
        JsonNode topo = TopologyData.build(run("quickstart"));
        JsonNode steps = topo.get("steps");
        for (JsonNode e : topo.get("events")) {
            int i = e.get("step").asInt();
            double t = e.get("t").asDouble();
            if (e.get("kind").asText().equals("INVOCATIONS")) {
                assertTrue((i == 0 || steps.get(i).asDouble() <= t) && (i + 1 == steps.size()
                        || steps.get(i + 1).asDouble() > t), e.toString());
            } else {
                assertTrue(steps.get(i).asDouble() >= t && (i == 0 || steps.get(i - 1).asDouble() < t), e.toString());
            }
        }
    }

    @Test
    void thePlayerTellsTheNarrativesSpellsOfSuccesses() throws Exception {
        for (String s : List.of("az-outage", "idle-reclaim", "quickstart", "teardown", "orphaned-enis")) {
            RunResult r = run(s);
            assertEquals(successes(Narrative.lines(r)), successes(playerLines(TopologyData.build(r))), s);
        }
    }
}
