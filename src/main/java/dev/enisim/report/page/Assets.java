package dev.enisim.report.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The page's scripts and styles, read from the classpath and inlined so that report.html works offline from
 * file://: uPlot (MIT licence, from its WebJar) and the report's own script and style.
 */
final class Assets {

    static final String UPLOT = "/META-INF/resources/webjars/uplot/1.6.30/dist/";

    private Assets() {
    }

    static String uplotJs() {
        return read(UPLOT + "uPlot.iife.min.js");
    }

    static String uplotCss() {
        return read(UPLOT + "uPlot.min.css");
    }

    static String own(String name) {
        String text = read("/dev/enisim/report/page/" + name);
        return name.endsWith(".js") ? bare(text) : text;
    }

    /**
     * A script as a page embeds it: without its indentation and its whole-line comments ({@code //} lines and
     * {@code /* ... *}{@code /} blocks that start a line), which stay in the source. Every page carries charts.js,
     * and a bound page (1,000 functions, under 410 kB) went over when its labels' layout and the story's lines came
     * with their comments. The scripts have no multi-line string, so no line of code is taken for a comment.
     */
    static String bare(String js) {
        StringBuilder b = new StringBuilder(js.length());
        boolean inBlock = false;
        for (String line : js.split("\n", -1)) {
            String t = line.strip();
            if (inBlock || t.startsWith("/*")) {
                int end = t.indexOf("*/", inBlock ? 0 : 2);
                inBlock = end < 0;
                t = end < 0 ? "" : t.substring(end + 2).strip();
            } else if (t.startsWith("//")) {
                t = "";
            }
            if (!t.isEmpty()) {
                b.append(t).append('\n');
            }
        }
        return b.toString();
    }

    /** A script body that is raw text for an HTML parser and a CDATA section for an XML one. */
    static String script(String js) {
        if (js.contains("]]>") || js.toLowerCase(java.util.Locale.ROOT).contains("</script")) {
            throw new IllegalStateException("script cannot be inlined as-is");
        }
        return "<script>//<![CDATA[\n" + js + "\n//]]></script>\n";
    }

    private static String read(String path) {
        try (InputStream in = Assets.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path + " (a broken build)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
