package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The page's own scripts are embedded without their indentation and whole-line comments; the code is kept. */
class AssetsTest {

    @Test
    void bareDropsWholeLineCommentsAndIndentationOnly() {
        String js = "/* one\n * two\n */\n(function () {\n  // a line comment\n  var a = 1; // kept with its code\n"
                + "  /** short */ var b = '/* not a comment */';\n  var c = a * 2; /*\n  still a comment\n  */ c++;\n"
                + "})();\n";
        assertEquals("(function () {\nvar a = 1; // kept with its code\nvar b = '/* not a comment */';\n"
                + "var c = a * 2; /*\nstill a comment\n*/ c++;\n})();\n", Assets.bare(js));
    }

    @Test
    void theEmbeddedChartsScriptIsSmallerAndKeepsItsCode() {
        String raw = new String(readRaw("charts.js"), java.nio.charset.StandardCharsets.UTF_8);
        String bare = Assets.own("charts.js");
        assertTrue(bare.length() < raw.length() * 0.8, bare.length() + " of " + raw.length());
        assertFalse(bare.contains("\n  "), "no indentation left");
        for (String code : new String[] {"function markerLayout(u, ctx, dpr) {", "function yRange(spec) {",
                "queueMicrotask(", "window.enisim = {charts: charts, clock: clock, data: data};"}) {
            assertTrue(bare.contains(code), code);
        }
    }

    private static byte[] readRaw(String name) {
        try (var in = Assets.class.getResourceAsStream("/dev/enisim/report/page/" + name)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
