package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * A parser's complaint reads as enisim's own line: a deep nesting said "from
 * `StreamReadConstraints.getMaxNestingDepth()`", a truncated file "[Source: REDACTED ...]".
 */
class ParserMessageTest {

    private static String problem(String text, String source) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(text, source));
        return e.problems().get(0).toString();
    }

    @Test
    void aDeepNestingSaysHowDeepIsAllowed() {
        String deep = "{\"a\":".repeat(20_000) + "1" + "}".repeat(20_000);
        assertEquals("malformed JSON: nested deeper than 1,000 levels", problem(deep, "deep.json"));
        assertEquals("malformed YAML/JSON: nested deeper than 1,000 levels",
                problem("x: " + "[".repeat(20_000) + "]".repeat(20_000), "deep.yaml"));
    }

    @Test
    void aTruncatedFileSaysWhereTheUnclosedBlockOpened() {
        assertEquals("malformed JSON at line 1, column 31: the file ends inside an object (opened at line 1,"
                + " column 1)", problem("{\"name\": \"x\", \"duration\": \"1h\"", "t.json"));
        assertEquals("malformed JSON at line 1, column 24: the file ends inside a list (opened at line 1,"
                + " column 23)", problem("{\"name\": \"x\", \"vpcs\": [", "t.json"));
        assertEquals("malformed JSON at line 1, column 14: the file ends inside a quoted text",
                problem("{\"name\": \"abc", "t.json"));
    }

    @Test
    void jacksonInternalsAreDroppedFromAnyMessage() {
        String m = ParserMessage.clean("Unexpected character ('x' (code 120)) at [Source: REDACTED"
                + " (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 3, column: 7]"
                + " (through reference chain: java.util.ArrayList[0])");
        assertEquals("Unexpected character ('x' (code 120)) at line 3, column 7", m);
        assertFalse(ParserMessage.clean("String value length (30000000) exceeds the maximum allowed (20000000, from"
                + " `StreamReadConstraints.getMaxStringLength()`)").contains("StreamReadConstraints"));
    }
}
