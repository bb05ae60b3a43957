package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.ReportWriter;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page's interactive charts shade a run's warm-up (run --warm-up) as its static charts do: a light grey band
 * over [0, warm-up) behind the lines, labelled "warm-up", and said in each chart's text alternative; a run without a
 * warm-up has neither.
 */
class WarmUpBandBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser(1280, 900);

    private static Path report(long warmUpMicros) throws Exception {
        Path dir = Path.of("target/browser/warm-up-" + warmUpMicros);
        ReportWriter.write(new Simulation(ScenarioLoader.load(Path.of("scenarios/burst-scaling.yaml")), 0)
                .warmingUp(warmUpMicros).run(), dir, Path.of("").toAbsolutePath());
        return dir.resolve("report.html");
    }

    /** For each chart: [its canvas' label, the band's [left, right) in CSS px or null, the band's grey share]. */
    @SuppressWarnings("unchecked")
    private static List<List<Object>> charts() {
        return (List<List<Object>>) browser.driver.executeScript("return window.enisim.charts.map(function (c) {"
                + " var u = c.u, b = u.enisimWarmUp, share = 0;"
                + " if (b) { var dpr = devicePixelRatio || 1, x0 = Math.ceil(b.left * dpr) + 1,"
                + "   w = Math.max(1, Math.floor(b.right * dpr) - x0 - 1);"
                + "   var px = u.ctx.getImageData(x0, u.bbox.top, w, u.bbox.height).data, grey = 0;"
                + "   for (var i = 0; i < px.length; i += 4) {"
                + "     if (px[i] === 0xee && px[i + 1] === 0xee && px[i + 2] === 0xee) { grey++; } }"
                + "   share = grey / (px.length / 4); }"
                + " return [u.ctx.canvas.getAttribute('aria-label'), b ? [b.left, b.right] : null, share]; })");
    }

    @Test
    void theWarmUpIsShadedAndSaid() throws Exception {
        browser.open(report(120_000_000L)); // 2 of the 10 minutes
        assertEquals(List.of(), browser.consoleErrors());
        shadedAndSaid(charts());
        browser.elementShot("#chart-list", "warm-up-band");
    }

    /** compare --warm-up --html: its charts shade the warm-up as the run page's do (they drew none). */
    @Test
    void theComparePagesChartsShadeTheWarmUpAndSayIt() throws Exception {
        Path page = Path.of("target/browser/warm-up-compare.html");
        java.nio.file.Files.createDirectories(page.getParent());
        java.nio.file.Files.writeString(page, dev.enisim.report.CompareWarmUpTest.page(120_000_000L));
        browser.open(page);
        assertEquals(List.of(), browser.consoleErrors());
        shadedAndSaid(charts());
        browser.elementShot("#chart-list", "warm-up-band-compare");
    }

    private static void shadedAndSaid(List<List<Object>> charts) {
        assertTrue(charts.size() >= 3, "charts: " + charts.size());
        for (List<Object> c : charts) {
            String label = (String) c.get(0);
            assertTrue(label.contains("Shaded light grey and labelled warm-up: 00:00:00 to 00:02:00"), label);
            @SuppressWarnings("unchecked")
            List<Number> band = (List<Number>) c.get(1);
            assertTrue(band != null && band.get(1).doubleValue() - band.get(0).doubleValue() > 20, label + ": "
                    + band);
            assertTrue(((Number) c.get(2)).doubleValue() > 0.5, "the band's pixels mostly its grey: " + c.get(2)
                    + " in " + label);
        }
    }

    @Test
    void noWarmUpNoBand() throws Exception {
        browser.open(report(0));
        assertEquals(List.of(), browser.consoleErrors());
        for (List<Object> c : charts()) {
            assertTrue(!((String) c.get(0)).contains("warm-up"), (String) c.get(0));
            assertEquals(null, c.get(1));
        }
    }
}
