package dev.enisim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.enisim.scenario.ScenarioException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The {@code expect:} block as scenarios/README.md ("expect") writes it: a list of sentences; what is not one is a
 * problem at its index, every problem at once; and the sentences' edges (an interval of one value, thousands
 * separators, the words that belong to {@code ci(...)}).
 */
class ExpectBlockTest {

    private static List<Expectation> read(String yaml) throws ScenarioException {
        try {
            return ExpectReader.read(new ObjectMapper(new YAMLFactory()).readTree(yaml), "t.yaml");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
    }

    private static List<String> problems(String yaml) {
        return assertThrows(ScenarioException.class, () -> read(yaml)).problems().stream()
                .map(p -> p.path() + ": " + p.message()).toList();
    }

    @Test
    void anAbsentOrEmptyBlockHasNoExpectations() throws Exception {
        assertEquals(List.of(), read("name: x\n"));
        assertEquals(List.of(), read("name: x\nexpect:\n"), "expect: with nothing under it (YAML null)");
        assertEquals(List.of(), read("name: x\nexpect: []\n"));
    }

    @Test
    void whatIsNotAListOfSentencesIsAProblemAtItsPlace() {
        assertEquals(List.of("expect: expected a list of assertions like 'enis.peak <= 8'"),
                problems("name: x\nexpect: \"enis.peak <= 8\"\n"));
        assertEquals(List.of("expect[0]: expected an assertion sentence like 'invocations.errors.ResourceConflictException "
                        + "> 0' (quote it in YAML)", "expect[2]: expected 'METRIC OP VALUE' (OP: == != <= < >= > between "
                        + "within), or mean(METRIC) / ci(METRIC) ..., got 'enis.peak'"),
                problems("name: x\nexpect: [5, \"enis.peak <= 8\", \"enis.peak\"]\n"));
    }

    @Test
    void sentencesAtTheirEdges() {
        // an interval of one value: LOW = HIGH is allowed and inclusive
        Expectation one = Expectation.parse("enis.peak between 8 and 8");
        assertTrue(one.holds(8));
        assertFalse(one.holds(8.000001));
        // thousands separators are dropped from == operands, which then compare as numbers
        Expectation thousand = Expectation.parse("invocations.total == 1,000");
        assertEquals(List.of("1000"), thousand.operands());
        assertTrue(thousand.numericOperand());
        assertTrue(thousand.holds(1000));
        assertEquals(List.of("2.5e-3"), Expectation.parse("x != 2.5e-3").operands());
        // a text operand stays text (states, reason codes), quotes removed
        assertEquals(List.of("Active"), Expectation.parse("functions.f.finalState == \"Active\"").operands());
        assertFalse(Expectation.parse("functions.f.finalState == Active").numericOperand());
    }

    @Test
    void theWordsOfConfidenceIntervalsBelongToThem() {
        for (String word : List.of("contains", "below", "above")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Expectation.parse("enis.peak " + word + " 3"));
            assertEquals("'" + word + "' applies to ci(...), got 'enis.peak " + word + " 3'", e.getMessage());
            IllegalArgumentException mean = assertThrows(IllegalArgumentException.class,
                    () -> Expectation.parse("mean(enis.peak) " + word + " 3"));
            assertEquals("'" + word + "' applies to ci(...), got 'mean(enis.peak) " + word + " 3'", mean.getMessage());
        }
        for (String op : List.of("==", "<=", "between 1 and", "within 5% of")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Expectation.parse("ci(enis.peak) " + op + " 3"));
            assertEquals("ci(...) takes 'contains', 'below' or 'above', got 'ci(enis.peak) " + op + " 3'",
                    e.getMessage());
        }
        assertEquals(Expectation.Statistic.CI, Expectation.parse("ci(enis.peak) below 3").statistic());
        assertEquals(Expectation.Statistic.MEAN, Expectation.parse("mean(enis.peak) < 3").statistic());
        assertEquals(Expectation.Statistic.VALUE, Expectation.parse("enis.peak < 3").statistic());
    }
}
