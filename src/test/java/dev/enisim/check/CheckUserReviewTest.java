package dev.enisim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;

/** What a user's review of {@code enisim check} found in expectations: each case failed or passed wrongly before. */
class CheckUserReviewTest {

    @TempDir
    Path dir;

    /** api on a /28 with room: every invocation succeeds, so latencies are numbers. */
    private Path served(String... expectations) throws Exception {
        return CheckReviewFixesTest.small(dir, "served", "10m", "", expectations);
    }

    /** subnet-c's 11 usable addresses all used by others: nothing succeeds, so latencies are null. */
    private Path starved(String... expectations) throws Exception {
        return CheckReviewFixesTest.small(dir, "starved", "2m", ", otherUsedIps: 11", expectations);
    }

    private static List<Checker.Result> results(Path f, int replications) throws ScenarioException {
        return Checker.check(f, List.of(), replications, 1).results();
    }

    @Test
    void aComparisonWithNullIsValidWhateverTheRunGives() throws Exception {
        for (int replications : new int[] {1, 3}) {
            List<Checker.Result> r = results(served("latencyMillis.p99 == null", "latencyMillis.p99 != null",
                    "functions.api.latencyMillis.p50 == null"), replications);
            assertFalse(r.get(0).passed(), "a number is not null");
            assertTrue(r.get(0).actual().matches(replications == 1 ? "[0-9.]+" : "mean [0-9.]+ \\(95% CI .*, n=3\\)"),
                    "the value it has: " + r.get(0).actual());
            assertTrue(r.get(1).passed(), r.get(1).actual());
            assertFalse(r.get(2).passed());

            r = results(starved("latencyMillis.p99 == null", "latencyMillis.p99 != null",
                    "functions.api.finalReasonCode == Idle"), replications);
            assertTrue(r.get(0).passed(), r.get(0).actual());
            assertFalse(r.get(1).passed());
            assertEquals(replications == 1 ? "none (no invocation succeeded: latencyMillis.count is 0)"
                    : "none in 3 of 3 replications (no invocation succeeded: latencyMillis.count is 0)",
                    r.get(1).actual());
        }
    }

    @Test
    void nullIsComparedWithEqualityOnlyAndNotWithAMean() {
        IllegalArgumentException lt = assertThrows(IllegalArgumentException.class,
                () -> Expectation.parse("latencyMillis.p99 < null"));
        assertEquals("'latencyMillis.p99 < null': null takes == or != (whether the metric has no value), not '<'",
                lt.getMessage());
        IllegalArgumentException mean = assertThrows(IllegalArgumentException.class,
                () -> Expectation.parse("mean(latencyMillis.p99) != null"));
        assertTrue(mean.getMessage().contains("compare the metric itself, e.g. 'latencyMillis.p99 == null'"),
                mean.getMessage());
    }

    @Test
    void aTextMetricThatIsNullFailsATextComparison() throws Exception {
        Checker.Result r = results(served("functions.api.finalReasonCode == Idle",
                "functions.api.finalReasonCode == null"), 1).get(0);
        assertFalse(r.passed());
        // said as a number compared with a null says it, one way (r6, C2: it was "null" here)
        assertEquals("none (the summary has null there)", r.actual());
    }

    @ParameterizedTest
    @ValueSource(strings = {"enis.peak != NaN", "enis.peak > -Infinity", "enis.peak < 1e309", "enis.peak == 1e309",
        "enis.peak between 0 and Infinity", "enis.peak within 5% of 1e400", "enis.peak <= +Infinity"})
    void aNumberThatIsNotFiniteIsRefused(String sentence) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Expectation.parse(sentence));
        assertTrue(e.getMessage().startsWith("expected a finite number, got '"), e.getMessage());
    }

    @Test
    void onlyDecimalNumbersAreNumbers() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Expectation.parse("enis.peak < 5d"));
        assertEquals("expected a number, got '5d' in 'enis.peak < 5d'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Expectation.parse("enis.peak <= 0x10"));
        assertFalse(Expectation.parse("enis.peak == 0x10").numericOperand(), "a word, so bad input on a number");
        assertEquals(List.of("1.5E3"), Expectation.parse("enis.peak <= 1.5E3").operands());
        assertEquals(List.of("-.5"), Expectation.parse("enis.peak > -.5").operands());
        assertTrue(Expectation.parse("enis.peak == +2").holds(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {"enis.peak. == 3", "teardowns[0]. == 3", ".enis.peak == 3", "mean(enis.peak.) <= 3"})
    void aPathWithAnEmptyNameAtEitherEndIsRefused(String sentence) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Expectation.parse(sentence));
        assertTrue(e.getMessage().startsWith("expected a metric path like enis.peak, got '"), e.getMessage());
        assertTrue(e.getMessage().contains("(an empty name"), e.getMessage());
    }

    @Test
    void seedAndReplicationAreComparedAsTheyAre() throws Exception {
        Path f = served("seed == 7", "seed != 8", "replication == 0", "replication < 3", "seed == 8");
        for (int replications : new int[] {1, 3}) {
            List<Checker.Result> r = Checker.check(f, List.of("seed=7"), replications, 1).results();
            assertTrue(r.get(0).passed() && r.get(1).passed(), r.toString());
            assertEquals(replications == 1, r.get(2).passed(), r.get(2).actual());
            assertTrue(r.get(3).passed());
            assertFalse(r.get(4).passed());
            assertEquals("7", r.get(4).actual());
        }
        assertEquals("0 in 1 of 3, 1 in 1 of 3, 2 in 1 of 3",
                Checker.check(f, List.of("seed=7"), 3, 1).results().get(2).actual());
        Checker.Result big = Checker.check(served("seed < 0"), List.of("seed=1234567890123456789"), 1, 1).results()
                .get(0);
        assertFalse(big.passed());
        assertEquals("1234567890123456789", big.actual(), "a seed in full");
        ScenarioException x = assertThrows(ScenarioException.class,
                () -> results(served("mean(seed) == 7"), 2));
        assertEquals("expect[0]: 'mean(seed) == 7': 'seed' names the run rather than measures it, so it has no mean"
                + " or interval; compare it as it is, e.g. 'seed == 7'", x.problems().get(0).toString());
    }

    @Test
    void aControlCharacterIsShownAndNeverReachesTheXml() throws Exception {
        Expectation e = Expectation.parse("functions.api.finalState == Active\u0001");
        assertEquals("functions.api.finalState == Active\\u0001", e.text());
        Checker.ScenarioCheck c = new Checker.ScenarioCheck(dev.enisim.scenario.Scenario.builder("s\u0002", 60_000_000L)
                .build(), "s\u0003.yaml", 1, List.of(new Checker.Result(e, false, "Active\u0004\uD800")), List.of());
        String xml = JUnitXml.render(List.of(c), Map.of("s\u0003.yaml", List.of(new Baseline.Diff("a\u0005", "1",
                "2"))));
        Document d = parse(xml);
        assertEquals("functions.api.finalState == Active\\u0001",
                ((org.w3c.dom.Element) d.getElementsByTagName("testcase").item(0)).getAttribute("name"));
        assertTrue(d.getElementsByTagName("failure").item(0).getTextContent().contains("actual: Active\\u0004\\uD800"));
        Document bad = parse(JUnitXml.badInput("a.yaml: expect[0]: got 'x\u0001'\nb.yaml: (root): empty"));
        assertEquals("a.yaml: expect[0]: got 'x\\u0001'\nb.yaml: (root): empty",
                bad.getElementsByTagName("error").item(0).getTextContent(), "the lines stay lines");
    }

    @Test
    void visibleEscapesOnlyWhatCannotBeShownOrWritten() {
        assertEquals("a\tb é \uD83D\uDE00", Expectation.visible("a\tb é \uD83D\uDE00"), "a tab, a letter, a pair");
        assertEquals("\\u000A\\u000D\\u007F\\u0085", Expectation.visible("\n\r\u007F\u0085"));
        assertEquals("\\uDE00\\uD83Dx\\uD83D", Expectation.visible("\uDE00\uD83Dx\uD83D"), "lone surrogates");
        assertEquals("\\uFFFE\\uFFFF\uFFFD", Expectation.visible("\uFFFE\uFFFF\uFFFD"));
        assertEquals("", Expectation.visible(""));
    }

    @Test
    void everyFilesProblemsAreKeptWithIt() throws Exception {
        Path good = served("enis.peak >= 1");
        Path bad = CheckReviewFixesTest.small(dir, "bad", "10m", "", "enis.peak is one", "enis.peak < NaN");
        List<Checker.Input> in = Checker.loadAll(List.of(bad, dir.resolve("missing.yaml"), good), List.of());
        assertEquals(List.of(bad, dir.resolve("missing.yaml"), good), in.stream().map(Checker.Input::file).toList());
        assertEquals(2, in.get(0).problems().problems().size(), "both sentences: " + in.get(0).problems());
        assertEquals(null, in.get(0).loaded());
        assertEquals("file not found", in.get(1).problems().problems().get(0).toString());
        assertEquals(null, in.get(2).problems());
        assertEquals("served", in.get(2).loaded().scenario().name());
        assertEquals(Checker.check(in.get(2).loaded(), good.toString(), 1, 1).results().get(0).passed(), true);
    }

    @Test
    void anIdentifierTakesANumberAndNoInterval() throws Exception {
        Path f = served("ci(seed) contains 7");
        ScenarioException x = assertThrows(ScenarioException.class, () -> results(f, 2));
        assertTrue(x.getMessage().contains("'seed' names the run rather than measures it"), x.getMessage());
        ScenarioException text = assertThrows(ScenarioException.class, () -> results(served("replication == first"),
                1));
        assertEquals("expect[0]: 'replication == first': 'replication' is a number, compare it with one",
                text.problems().get(0).toString());
        assertEquals("expected a finite number, got 'NaN' in 'seed == NaN'",
                assertThrows(IllegalArgumentException.class, () -> Expectation.parse("seed == NaN")).getMessage());
    }

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
