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
        return read("/dev/enisim/report/page/" + name);
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
