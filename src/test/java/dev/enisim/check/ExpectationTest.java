package dev.enisim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ExpectationTest {

    @ParameterizedTest(name = "{0} with actual {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "enis.peak == 8           | 8    | true",
        "enis.peak == 8           | 9    | false",
        "enis.peak != 8           | 9    | true",
        "enis.peak <= 8           | 8    | true",
        "enis.peak <= 8           | 8.5  | false",
        "enis.peak < 8            | 8    | false",
        "enis.peak >= 8           | 8    | true",
        "enis.peak > 8            | 8    | false",
        "enis.peak > 8            | 9    | true",
        "enis.peak between 6 and 10 | 6  | true",
        "enis.peak between 6 and 10 | 10 | true",
        "enis.peak between 6 and 10 | 11 | false",
        "latencyMillis.p99 within 10% of 2000 | 2200 | true",
        "latencyMillis.p99 within 10% of 2000 | 2201 | false",
        "latencyMillis.p99 within 10% of 2000 | 1800 | true",
        "mean(invocations.throttled) <= 1,000 | 999 | true",
    })
    void numericOperators(String sentence, double actual, boolean holds) {
        assertEquals(holds, Expectation.parse(sentence).holds(actual));
    }

    @Test
    void confidenceIntervals() {
        assertTrue(Expectation.parse("ci(enis.peak) contains 8").holds(7.5, 8.5));
        assertFalse(Expectation.parse("ci(enis.peak) contains 9").holds(7.5, 8.5));
        assertTrue(Expectation.parse("ci(enis.peak) below 9").holds(7.5, 8.5));
        assertTrue(Expectation.parse("ci(enis.peak) above 7").holds(7.5, 8.5));
        assertFalse(Expectation.parse("ci(enis.peak) above 8").holds(7.5, 8.5));
        // the interval's ends: contains is inclusive, below and above are strict
        assertTrue(Expectation.parse("ci(enis.peak) contains 7.5").holds(7.5, 8.5));
        assertTrue(Expectation.parse("ci(enis.peak) contains 8.5").holds(7.5, 8.5));
        assertFalse(Expectation.parse("ci(enis.peak) contains 8.5").holds(7.5, 8.4));
        assertFalse(Expectation.parse("ci(enis.peak) below 8.5").holds(7.5, 8.5));
        assertFalse(Expectation.parse("ci(enis.peak) above 7.5").holds(7.5, 8.5));
        assertThrows(IllegalStateException.class, () -> Expectation.parse("ci(enis.peak) above 7").holds(8));
    }

    @Test
    void eachComparisonIsWrittenWithItsSymbol() {
        assertEquals(List.of("==", "!=", "<=", "<", ">=", ">", "between", "within", "contains", "below", "above"),
                Arrays.stream(Expectation.Op.values()).map(Expectation.Op::symbol).toList());
        Expectation e = Expectation.parse("  mean( invocations.total )  within 5% of 3,000 ");
        assertEquals(Expectation.Statistic.MEAN, e.statistic());
        assertEquals("invocations.total", e.path());
        assertEquals(Expectation.Op.WITHIN, e.op());
        assertEquals(List.of("5", "3000"), e.operands());
        assertEquals("mean( invocations.total )  within 5% of 3,000", e.text());
    }

    @Test
    void textEquality() {
        assertTrue(Expectation.parse("functions.api.finalState == Failed").holdsText("Failed"));
        assertTrue(Expectation.parse("functions.api.finalState != Active").holdsText("Failed"));
        assertTrue(Expectation.parse("functions.api.finalState == 'Active'").holdsText("Active"));
        assertThrows(IllegalArgumentException.class,
                () -> Expectation.parse("functions.api.finalState == Failed").holds(1, 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Expectation.parse("functions.api.finalState >= 3").holdsText("Active"));
        assertEquals("'functions.api.finalState >= 3': '>=' needs a number, but the metric is 'Active' (text takes =="
                + " or !=)", e.getMessage());
    }

    @ParameterizedTest(name = "[{0}]")
    @ValueSource(strings = {"enis.peak", "enis.peak is 8", "enis.peak <= many", "enis.peak between 1",
        "enis.peak within 10 of 8", "ci(enis.peak) <= 3", "enis.peak contains 3", "mean(enis.peak <= 3",
        "enis.peak between 10 and 6"})
    void malformedSentencesSayWhatWasExpected(String sentence) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Expectation.parse(sentence));
        assertTrue(e.getMessage().contains("expected") || e.getMessage().contains("takes")
                || e.getMessage().contains("applies"), e.getMessage());
    }
}
