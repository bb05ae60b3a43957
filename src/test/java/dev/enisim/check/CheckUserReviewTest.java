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

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
