package dev.enisim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Text of the user's files written into the scenario's comments and quoted values ({@link ScenarioWriter#c},
 * {@link ScenarioWriter#q}): each code point at the edges of what YAML prints as it is, so that the comment neither
 * ends the line early nor makes the loader refuse the file, and nothing printable is escaped needlessly.
 */
class CommentTextEscapesTest {

    private static String of(int... cps) {
        return new String(cps, 0, cps.length);
    }

    @Test
    void printableEdgesAreKeptAsTheyAre() {
        int[] kept = {0x20, 0x7E, 0xA0, 0xD7FF, 0x2027, 0x202A, 0xE000, 0xFEFE, 0xFF00, 0xFFFD, 0x10000, 0x10FFFF};
        for (int cp : kept) {
            assertEquals(of(cp), ScenarioWriter.c(of(cp)), Integer.toHexString(cp));
        }
    }

    @Test
    void nonPrintablesAndYamlLineBreaksAreEscaped() {
        assertEquals("\\u001F", ScenarioWriter.c(of(0x1F)));
        assertEquals("\\u007F", ScenarioWriter.c(of(0x7F)));
        assertEquals("\\u009F", ScenarioWriter.c(of(0x9F)));
        assertEquals("\\u0085", ScenarioWriter.c(of(0x85)), "NEL breaks a line in YAML 1.1");
        assertEquals("\\u2028", ScenarioWriter.c(of(0x2028)));
        assertEquals("\\u2029", ScenarioWriter.c(of(0x2029)));
        assertEquals("\\uD800", ScenarioWriter.c(of(0xD800)), "a lone surrogate");
        assertEquals("\\uDFFF", ScenarioWriter.c(of(0xDFFF)));
        assertEquals("\\uFEFF", ScenarioWriter.c(of(0xFEFF)), "a BOM, which some readers drop");
        assertEquals("\\uFFFE", ScenarioWriter.c(of(0xFFFE)));
        assertEquals("\\uFFFF", ScenarioWriter.c(of(0xFFFF)), "the last of the four-digit escapes");
        assertEquals("a\\nb\\rc\\td\\", ScenarioWriter.c("a\nb\rc\td\\"), "a backslash as itself");
        assertNull(ScenarioWriter.c(null), "no text: nothing to write");
    }

    @Test
    void escapedTextLoadsBackAsWritten() throws Exception {
        String name = of('a', 0x1F, 0x2028, 0xFFFF, 0xFEFF, 'b', 0x10FFFF);
        String yaml = "name: t\ndescription: " + ScenarioWriter.q(name) + "   # " + ScenarioWriter.c(name) + "\n"
                + "duration: 1m\nvpcs: []\nfunctions:\n  - { name: f, duration: 100ms, arrivals: { poisson: 1/s } }\n";
        assertEquals(name, ScenarioLoader.parse(yaml, "t").description(), yaml);
    }

    @Test
    void plainScalarsOnlyWhenTheyReadBackAsThemselves() {
        assertEquals("orders-api", ScenarioWriter.q("orders-api"));
        assertEquals("\"0x1F\"", ScenarioWriter.q("0x1F"), "read as the number 31 when plain");
        assertTrue(ScenarioWriter.readsBackAsString("subnet-0a1b"));
        assertFalse(ScenarioWriter.readsBackAsString("0x1F"));
    }
}
