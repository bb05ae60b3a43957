package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.report.SummaryJson;
import dev.enisim.report.page.Page;
import dev.enisim.run.RunResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.junit.jupiter.api.Test;

/**
 * The colour-blind-safe palette (a teacher's review, finding 7) reached the PNG/SVG charts but not the page: its
 * invocations chart kept the old greens and two reds (#2E7D32, #C62828, #AD1457), all solid, and its Succeeded fill
 * the old green. The page now takes the image's colours and dash patterns from {@link Palette}, series by series.
 */
class PagePaletteTest {

    private static String hex(Color c) {
        return String.format("#%06X", c.getRGB() & 0xFFFFFF);
    }

    @Test
    void thePagesInvocationsChartHasTheImagesColoursAndDashes() throws Exception {
        RunResult r = TeacherChartsTest.run("quickstart");
        // the page's invocations chart and its panels (panelOf), in order, against the image's panels
        List<JsonNode> page = new ArrayList<>();
        for (JsonNode c : TeacherChartsTest.pageCharts(r).get("charts")) {
            if (c.get("id").asText().equals("invocations") || c.path("panelOf").asText().equals("invocations")) {
                c.get("series").forEach(page::add);
            }
        }
        JFreeChart png = TeacherChartsTest.png(r, "invocations");
        List<String> keys = new ArrayList<>();
        List<XYItemRenderer> renderers = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (org.jfree.chart.plot.XYPlot p : TeacherChartsTest.panels(png)) {
            for (int i = 0; i < p.getDataset().getSeriesCount(); i++) {
                keys.add(String.valueOf(p.getDataset().getSeriesKey(i)));
                renderers.add(p.getRenderer());
                index.add(i);
            }
        }
        assertEquals(keys.size(), page.size(), "the same outcomes");
        assertTrue(page.size() >= 4, "the premise: quickstart has function errors and two invoke errors");
        List<Charts.Outcome> outcomes = Charts.outcomes(r);
        Set<String> looks = new HashSet<>();
        for (int i = 0; i < page.size(); i++) {
            JsonNode s = page.get(i);
            assertEquals(keys.get(i), s.get("label").asText());
            XYItemRenderer renderer = renderers.get(i);
            assertEquals(hex((Color) renderer.getSeriesPaint(index.get(i))), s.get("color").asText().toUpperCase(),
                    s.get("label") + ": the image's colour");
            float[] dash = ((BasicStroke) renderer.getSeriesStroke(index.get(i))).getDashArray();
            int n = 0; // the outcome's place in the palette's order (succeeded, function errors, throttles, exceptions)
            while (!outcomes.get(n).name().equals(keys.get(i))) {
                n++;
            }
            if (i == 0) {
                assertEquals(Palette.SUCCEEDED, s.get("color").asText());
                assertTrue(dash == null && s.get("dash") == null, "Succeeded is solid");
            } else {
                assertEquals(outcomes.get(n).colour(), s.get("color").asText(), keys.get(i));
                assertTrue(s.get("dash") != null && s.get("dash").isArray(), s.get("label") + " has no dash pattern");
                assertEquals(dash.length, s.get("dash").size(), s.get("label").asText());
                for (int k = 0; k < dash.length; k++) {
                    assertEquals(dash[k], s.get("dash").get(k).floatValue(), 1e-6, s.get("label") + " dash " + k);
                    assertEquals(Palette.ERROR_DASHES[n - 1][k], s.get("dash").get(k).floatValue(), 1e-6);
                }
            }
            assertTrue(looks.add(s.get("color").asText() + s.get("dash")), s.get("label") + " looks like another");
        }
        assertEquals(Palette.FUNCTION_ERRORS, outcomes.get(1).colour());
        assertEquals(Palette.THROTTLES, outcomes.get(2).colour());
        assertEquals(Palette.ERRORS[0], outcomes.get(3).colour());
        assertEquals(Palette.ERRORS[1], outcomes.get(4).colour());
    }

    @Test
    void thePagesOtherChartsAndStylesUseThePalette() throws Exception {
        RunResult r = TeacherChartsTest.run("quickstart");
        JsonNode charts = TeacherChartsTest.pageCharts(r);
        JsonNode latency = TeacherChartsTest.pageChart(charts, "latency").get("series");
        for (int i = 0; i < latency.size(); i++) {
            assertEquals(Palette.SERIES[i], latency.get(i).get("color").asText(), "latency " + i + " as latency.png");
        }
        assertEquals(Palette.TOTAL, TeacherChartsTest.series(TeacherChartsTest.pageChart(charts, "concurrency"),
                "account").get("color").asText());
        for (JsonNode c : charts.get("charts")) {
            for (JsonNode l : c.get("lines")) {
                assertFalse(Set.of("#C62828", "#6A1B9A", "#9E9E9E0").contains(l.get("color").asText()), c.get("id")
                        + ": " + l);
            }
        }
        // the page's own drawing: the palette as CSS properties, the old greens gone from its style and script
        String styles = Page.styles();
        assertTrue(styles.contains("--state-Active:" + Palette.STATES.get("Active")), "the palette in the CSS");
        assertFalse(styles.toUpperCase().contains("#2E7D32;STROKE-WIDTH"), "the topology's edges in the old green");
        assertTrue(styles.contains(".edge{fill:none;stroke:var(--state-Active)"), "the edges in Active's colour");
        String js = new String(Page.class.getResourceAsStream("/dev/enisim/report/page/charts.js").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertFalse(js.contains("rgba(46,125,50"), "Succeeded's fill in the old green");
    }

    @Test
    void theComparePageUsesThePalette() throws Exception {
        RunResult a = TeacherChartsTest.run("az-outage");
        String html = Page.compareScripts(a, "A", a, "B");
        JsonNode data = SummaryJson.mapper().readTree(html.substring(html.indexOf('{'), html.indexOf("</script>")));
        JsonNode s = data.get("charts").get("charts").get(0).get("series");
        assertEquals(Palette.SERIES[0], s.get(0).get("color").asText());
        assertEquals(Palette.SERIES[1], s.get(1).get("color").asText());
    }

    /** The topology player's legend and nodes: Failed hatched and so named, as in the state timeline. */
    @Test
    void thePlayersFailedIsHatchedAndSoNamed() throws Exception {
        String section = Page.topologySection();
        assertTrue(section.contains("Failed (hatched)"), "the legend names the hatching");
        assertTrue(section.contains("repeating-linear-gradient(45deg," + Palette.STATES.get("Failed")),
                "the legend's swatch is hatched");
        String html = new String(dev.enisim.report.ReportWriter.render(TeacherChartsTest.run("az-outage"))
                .get("report.html"), java.nio.charset.StandardCharsets.UTF_8);
        JsonNode topology = SummaryJson.mapper().readTree(html.substring(html.indexOf("{", html.indexOf(
                "id=\"enisim-data\"")), html.indexOf("</script>", html.indexOf("id=\"enisim-data\""))))
                .get("topology");
        assertEquals("[\"Failed\"]", String.valueOf(topology.get("hatched")), "the player's hatched states");
    }
}
