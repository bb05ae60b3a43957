package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Paths into a summary, their suggestions when wrong, and statistics over every numeric leaf. */
class MetricPathsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode tree(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    private static final String SUMMARY = "{'seed': 42, 'replication': %d, 'enis': {'peak': %d, 'final': 1},"
            + " 'eniKeys': {'subnet-a+[sg-app]': {'peakEnis': 1}, 'a.b': {'x': 2}},"
            + " 'functions': {'api': {'finalState': 'Active'}}, 'teardowns': [%s]}";

    private static JsonNode summary(int replication, int peak, String teardowns) throws Exception {
        return tree(SUMMARY.formatted(replication, peak, teardowns));
    }

    @Test
    void pathsFollowKeysWithDotsAndBracketsAndListIndexes() throws Exception {
        JsonNode s = summary(0, 8, "{'waitSeconds': 600}");
        assertEquals(8, MetricPaths.find(s, "enis.peak").asInt());
        assertEquals(1, MetricPaths.find(s, "eniKeys.subnet-a+[sg-app].peakEnis").asInt());
        assertEquals(2, MetricPaths.find(s, "eniKeys.a.b.x").asInt());
        assertEquals(600, MetricPaths.find(s, "teardowns[0].waitSeconds").asInt());
        assertEquals("Active", MetricPaths.find(s, "functions.api.finalState").asText());
        assertNull(MetricPaths.find(s, "teardowns[1].waitSeconds"));
        assertNull(MetricPaths.find(s, "enis.peak.more"));
    }

    @Test
    void anUnknownPathListsTheClosestAndItsNeighbours() throws Exception {
        JsonNode s = summary(0, 8, "");
        assertEquals("unknown metric 'enis.peek' (did you mean: enis.peak, enis.final)",
                MetricPaths.unknown(s, "enis.peek"));
        assertEquals("unknown metric 'functions.apj.finalState' (did you mean: functions.api.finalState)",
                MetricPaths.unknown(s, "functions.apj.finalState"));
        assertEquals("unknown metric 'teardowns[0].waitSeconds': 'teardowns' has 0 element(s) in this run",
                MetricPaths.unknown(s, "teardowns[0].waitSeconds"));
        assertEquals("'functions.api' is a group of metrics (functions.api.finalState): name one of them",
                MetricPaths.group(s, "functions.api"));
    }

    @Test
    void statisticsCoverEveryNumericLeafThatEveryReplicationHas() throws Exception {
        List<JsonNode> runs = List.of(summary(0, 8, "{'waitSeconds': 600}"),
                summary(1, 10, "{'waitSeconds': 700}, {'waitSeconds': 5}"));
        Map<String, MetricStats> stats = MetricStats.of(runs);
        assertEquals(List.of("enis.peak", "enis.final", "eniKeys.subnet-a+[sg-app].peakEnis", "eniKeys.a.b.x",
                "teardowns[0].waitSeconds"), List.copyOf(stats.keySet()), "no seed, replication or text; "
                + "teardowns[1] is only in one replication");
        assertEquals(9, stats.get("enis.peak").mean(), 1e-12);
        assertEquals(Math.sqrt(2), stats.get("enis.peak").sd(), 1e-12);
        assertEquals(650, stats.get("teardowns[0].waitSeconds").mean(), 1e-12);
        assertEquals(0, stats.get("enis.final").sd());
        assertEquals(1, stats.get("enis.final").ciLow());
    }

    /** The Student-t interval against a textbook value: n = 4, mean 10, sd 2 -> 10 +- 3.182446 x 2 / 2. */
    @Test
    void theIntervalIsStudentT() {
        MetricStats m = MetricStats.of(new double[] {8, 10, 12, 10 + 0});
        assertEquals(10, m.mean(), 1e-12);
        double sd = Math.sqrt(8.0 / 3);
        assertEquals(sd, m.sd(), 1e-12);
        assertEquals(10 - 3.182446305 * sd / 2, m.ciLow(), 1e-8);
        assertEquals(10 + 3.182446305 * sd / 2, m.ciHigh(), 1e-8);
        MetricStats one = MetricStats.of(new double[] {7});
        assertEquals(7, one.ciLow());
        assertEquals(7, one.ciHigh());
    }

    @Test
    void figuresPrintWholeOrToSixDigits() {
        assertEquals("3741", MetricStats.format(3741.0));
        assertEquals("37.8", MetricStats.format(37.8));
        assertEquals("0.0183846", MetricStats.format(0.018384615));
        assertEquals("-7194.4", MetricStats.format(-7194.4));
        assertEquals("1.23457E+15", MetricStats.format(1.23456789e15));
    }

    @Test
    void theLongestMatchingKeyWinsWhereverItStandsAndABadIndexFindsNothing() throws Exception {
        assertEquals(2, MetricPaths.find(tree("{'a': {'b': {'x': 1}}, 'a.b': {'x': 2}}"), "a.b.x").asInt());
        assertEquals(2, MetricPaths.find(tree("{'a.b': {'x': 2}, 'a': {'b': {'x': 1}}}"), "a.b.x").asInt());
        JsonNode s = summary(0, 8, "{'waitSeconds': 600}");
        assertNull(MetricPaths.find(s, "teardowns[0"), "no closing bracket");
        assertNull(MetricPaths.find(s, "teardowns[first].waitSeconds"));
        assertNull(MetricPaths.find(s, "enis[0]"), "not a list");
    }

    @Test
    void anIndexPastTheEndSaysHowLongTheListIs() throws Exception {
        JsonNode s = summary(0, 8, "{'waitSeconds': 600}, {'waitSeconds': 5}");
        assertEquals("unknown metric 'teardowns[2].waitSeconds': 'teardowns' has 2 element(s) in this run ([0] to"
                + " [1])", MetricPaths.unknown(s, "teardowns[2].waitSeconds"));
    }

    /** Five suggestions at most (then "..."); with nothing known, the top-level metrics; with none, no list. */
    @Test
    void suggestionsAreTheNeighboursOfWhereThePathStopsMatching() throws Exception {
        JsonNode g = tree("{'peak': 1, 'total': 2, 'g': {'a1': 1, 'a2': 2, 'a3': 3, 'a4': 4, 'a5': 5, 'a6': 6},"
                + " 'g[x]': 7, 'h': {'b': {'c': 1}}}");
        assertEquals("unknown metric 'g.zzzz' (did you mean: g.a1, g.a2, g.a3, g.a4, g.a5, ...)",
                MetricPaths.unknown(g, "g.zzzz"));
        assertEquals("unknown metric 'nothing' (did you mean: peak, total, g[x])", MetricPaths.unknown(g, "nothing"));
        assertEquals("unknown metric 'h.zz' (did you mean: h.b.c)", MetricPaths.unknown(g, "h.zz"));
        assertEquals("unknown metric 'nothing'", MetricPaths.unknown(tree("{'g': {'a': 1}}"), "nothing"));
        JsonNode five = tree("{'g': {'a1': 1, 'a2': 2, 'a3': 3, 'a4': 4, 'a5': 5}, 'gg': 1}");
        assertEquals("unknown metric 'g.zzzz' (did you mean: g.a1, g.a2, g.a3, g.a4, g.a5, ...)",
                MetricPaths.unknown(five, "g.zzzz"), "five: the list may go on");
        JsonNode four = tree("{'g': {'a1': 1, 'a2': 2, 'a3': 3, 'a4': 4}}");
        assertEquals("unknown metric 'g.zzzz' (did you mean: g.a1, g.a2, g.a3, g.a4)",
                MetricPaths.unknown(four, "g.zzzz"));
        assertEquals("unknown metric 'g.zzzz' (did you mean: g.a1, g[0])",
                MetricPaths.unknown(tree("{'g': {'a1': 1}, 'g[0]': 1}"), "g.zzzz"), "a key with a bracket");
    }

    @Test
    void aGroupListsFiveOfItsMetricsAndAListsElementsByIndex() throws Exception {
        JsonNode g = tree("{'g': {'a1': 1, 'a2': 2, 'a3': 3, 'a4': 4, 'a5': 5, 'a6': 6}}");
        assertEquals("'g' is a group of metrics (g.a1, g.a2, g.a3, g.a4, g.a5, ...): name one of them",
                MetricPaths.group(g, "g"));
        assertEquals("'teardowns' is a group of metrics (teardowns[0].waitSeconds): name one of them",
                MetricPaths.group(summary(0, 8, "{'waitSeconds': 600}"), "teardowns"));
    }

    @Test
    void figuresThatAreNotFiniteHugeOrTinyPrintAsJavaWritesThem() {
        assertEquals("NaN", MetricStats.format(Double.NaN));
        assertEquals("-Infinity", MetricStats.format(Double.NEGATIVE_INFINITY));
        assertEquals("1E+15", MetricStats.format(1e15), "from 1e15 on, not a whole number");
        assertEquals("999999999999999", MetricStats.format(999_999_999_999_999.0));
        assertEquals("1234567.5", MetricStats.format(1_234_567.5), "whole digits and one decimal (six digits, 1234570,"
                + " contradicted a difference of 2 beside it in compare)");
        assertEquals("-1234567.5", MetricStats.format(-1_234_567.5));
        assertEquals("1.5E-7", MetricStats.format(1.5e-7));
        assertEquals("0.0001", MetricStats.format(1e-4));
    }

    private static final java.util.concurrent.atomic.AtomicInteger FRESH = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * The interval of a count the other tests do not use is Student's t at that count. MetricStats keeps each count's
     * quantile once found (a speed-up no output can show): each run of this test takes a count no run has used yet in
     * this JVM, so the first value checked is the one computed now, and the second, from the kept quantile, must be the
     * same.
     */
    @Test
    void theIntervalOfAnyCountIsStudentTsTheFirstTimeAndFromTheKeptQuantile() {
        int n = 200 + FRESH.getAndIncrement();
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % 2;
        }
        MetricStats m = MetricStats.of(v);
        double t = new org.apache.commons.math3.distribution.TDistribution(null, n - 1)
                .inverseCumulativeProbability(0.975);
        assertEquals(m.mean() + t * m.sd() / Math.sqrt(n), m.ciHigh(), 1e-12);
        assertEquals(m, MetricStats.of(v), "the second time from the kept quantile: the same");
    }
}
