package dev.enisim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentences without spaces around a symbol (r6, C4) and figures with thousands separators (C3). */
class ExpectationWordingTest {

    @Test
    void aSymbolWithoutSpacesParsesAsWithThem() {
        for (String[] pair : new String[][] {{"enis.peak==3", "enis.peak == 3"}, {"enis.peak<=3", "enis.peak <= 3"},
                {"enis.peak >=3", "enis.peak >= 3"}, {"enis.peak> -3", "enis.peak > -3"},
                {"mean(enis.peak)<8", "mean(enis.peak) < 8"}, {"functions.a.finalState!=Failed",
                    "functions.a.finalState != Failed"}, {"eniKeys.subnet-a+[sg-app].peakEnis>=1,000",
                    "eniKeys.subnet-a+[sg-app].peakEnis >= 1,000"}}) {
            Expectation unspaced = Expectation.parse(pair[0]);
            Expectation spaced = Expectation.parse(pair[1]);
            assertEquals(spaced.path(), unspaced.path(), pair[0]);
            assertEquals(spaced.op(), unspaced.op(), pair[0]);
            assertEquals(spaced.operands(), unspaced.operands(), pair[0]);
            assertEquals(spaced.statistic(), unspaced.statistic(), pair[0]);
            assertEquals(pair[0], unspaced.text(), "shown as written");
        }
        for (String refused : List.of("x >>> 3", "enis.peak =< 1", "enis.peak = 8", "enis.peak=8", "enis.peak<", "==3")) {
            assertThrows(IllegalArgumentException.class, () -> Expectation.parse(refused), refused);
        }
    }

    @Test
    void figuresAreGroupedOnlyWhenTheSentenceGroupsItsNumber() {
        assertTrue(Expectation.parse("enis.peak <= 1,000").grouped());
        assertTrue(Expectation.parse("x between 0 and 1,000,000").grouped());
        assertFalse(Expectation.parse("enis.peak <= 1000").grouped());
        assertFalse(Expectation.parse("functions.a,b.x <= 5").grouped(), "a comma in a name is no separator");
        assertEquals("119,084", Checker.grouped("119084", true));
        assertEquals("119084", Checker.grouped("119084", false));
        assertEquals("-1,090,241.3", Checker.grouped("-1090241.3", true));
        assertEquals("999", Checker.grouped("999", true));
        assertEquals("0.000123", Checker.grouped("0.000123", true));
        assertEquals("1.5E+20", Checker.grouped("1.5E+20", true), "an exponent form is left as it is");
    }
}
