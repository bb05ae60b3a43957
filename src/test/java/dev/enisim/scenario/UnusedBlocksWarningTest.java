package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Figures set where the run does not read them are warned of: `--set legacy.eniLimit=1` on a Hyperplane scenario,
 * or a legacy burst under per-function scaling, ran as if unset without a word (the CI team's review).
 */
class UnusedBlocksWarningTest {

    private static List<String> warnings(String head) throws Exception {
        return ScenarioLoader.warnings(ScenarioLoader.parse(OneSubnetYaml.of("name: u\nduration: 10m\n" + head,
                "name: f\nduration: 100ms\narrivals: { poisson: 1/s }"), "u.yaml"));
    }

    @Test
    void legacyFiguresUnderHyperplaneAreWarnedOf() throws Exception {
        assertEquals(List.of("u.yaml: legacy: its figures apply only under networkModel: legacy (this scenario runs"
                + " the Hyperplane model; compare-network-models and plan --both-network-models use them for the"
                + " legacy side)"), warnings("legacy: { eniLimit: 1 }"));
        assertEquals(List.of(), warnings("networkModel: legacy\nlegacy: { eniLimit: 100 }"), "read: no warning");
        assertEquals(List.of(), warnings(""), "nothing set, nothing said");
    }

    @Test
    void aLegacyBurstUnderPerFunctionScalingIsWarnedOf() throws Exception {
        List<String> w = warnings("scaling: { burst: 500 }");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("u.yaml: scaling: burst and burstIncreasePerMinute apply only with model:"
                + " legacy-burst"), w.get(0));
        assertEquals(List.of(), warnings("scaling: { model: legacy-burst, burst: 500 }"));
    }

    @Test
    void asyncAndSqsFiguresWithNoFunctionToReadThemAreWarnedOf() throws Exception {
        assertEquals(List.of("u.yaml: async: its figures apply only to functions with invocationType: Event (none"
                + " here): they change nothing"), warnings("async: { backoffFactor: 3 }"));
        assertEquals(List.of("u.yaml: sqs: its figures apply only to functions fed by an SQS queue"
                + " (eventSourceMapping; none here): they change nothing"), warnings("sqs: { maxBatches: 5 }"));
        assertEquals(List.of(), ScenarioLoader.warnings(ScenarioLoader.parse(OneSubnetYaml.of("name: u\nduration:"
                + " 10m\nasync: { backoffFactor: 3 }", "name: f\nduration: 100ms\ninvocationType: Event\narrivals:"
                + " { poisson: 1/s }"), "u.yaml")), "read by an Event function: no warning");
    }
}
