package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemSource;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.CompositeTitle;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.title.Title;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.junit.jupiter.api.Test;

/**
 * The chart files (PNG/SVG) mark the run's lifecycle moments as the page's charts do (LifecycleMoments: Inactive,
 * restores, refusals, Failed, scale-outs, ENIs deleted or orphaned): they marked the timeline's actions alone, so
 * idle-reclaim's enis.png drew "batch-report existing" at 0d and nothing at its Inactive steps (14d, 34d) nor at its
 * restores (20d, 40d). The same moments (same merging, at most 20), in the page's vermillion and dotted, apart from the
 * actions' dashed grey, a key naming both under the legend, labels clear of each other, and the moments in the SVG's
 * text alternative.
 */
class ChartFilesMomentsTest {

    /** A colour of the page's script: {@code var MOMENT = '#D55E00'}. */
    static String pageColour(String name) throws Exception {
        String js = new String(ChartFilesMomentsTest.class.getResourceAsStream("/dev/enisim/report/page/charts.js")
                .readAllBytes(), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("\\b" + name + " = '(#[0-9A-Fa-f]{6})'").matcher(js);
        assertTrue(m.find(), name + " in charts.js");
        return m.group(1).toUpperCase();
    }

    private static String hex(Object paint) {
        return paint instanceof Color c ? String.format("#%06X", c.getRGB() & 0xFFFFFF) : String.valueOf(paint);
    }

    private static List<XYPlot> plots(JFreeChart c) {
        return c.getPlot() instanceof CombinedDomainXYPlot p ? p.getSubplots() : List.of((XYPlot) c.getPlot());
    }

    private static List<ValueMarker> markers(XYPlot p) {
        List<ValueMarker> out = new ArrayList<>();
        if (p.getDomainMarkers(Layer.FOREGROUND) != null) {
            for (Object o : p.getDomainMarkers(Layer.FOREGROUND)) {
                out.add((ValueMarker) o);
            }
        }
        return out;
    }

    /** A moment's marker: its line in the page's vermillion, or its label in the page's darker vermillion. */
    private static boolean moment(ValueMarker m, String line, String ink) {
        return hex(m.getPaint()).equals(line) || (m.getLabel() != null && hex(m.getLabelPaint()).equals(ink));
    }

    /** The labels of a chart's moments, in order (each a count in "+N more"). */
    private static List<String> momentLabels(JFreeChart c, String line, String ink) {
        List<String> out = new ArrayList<>();
        for (XYPlot p : plots(c)) {
            for (ValueMarker m : markers(p)) {
                if (moment(m, line, ink) && m.getLabel() != null) {
                    out.add(m.getLabel());
                }
            }
        }
        return out;
    }

    /** The legend items of every legend the chart draws, its series' and any key (in a title of its own). */
    private static List<LegendItem> keyItems(JFreeChart c) {
        List<LegendItem> out = new ArrayList<>();
        List<Title> titles = new ArrayList<>();
        for (int i = 0; i < c.getSubtitleCount(); i++) {
            titles.add(c.getSubtitle(i));
        }
        for (int i = 0; i < titles.size(); i++) {
            if (titles.get(i) instanceof CompositeTitle ct) {
                for (Object b : ct.getContainer().getBlocks()) {
                    if (b instanceof Title t) {
                        titles.add(t);
                    }
                }
            } else if (titles.get(i) instanceof LegendTitle l && l != c.getLegend()) {
                for (LegendItemSource s : l.getSources()) {
                    for (java.util.Iterator<?> it = s.getLegendItems().iterator(); it.hasNext();) {
                        out.add((LegendItem) it.next());
                    }
                }
            }
        }
        return out;
    }

    @Test
    void idleReclaimsChartFilesMarkItsInactiveStepsRestoresAndDeletedEnis() throws Exception {
        String line = pageColour("MOMENT");
        String ink = pageColour("MOMENT_INK");
        String action = pageColour("ACTION");
        RunResult r = TeacherChartsTest.run("idle-reclaim");
        List<String> told = List.of("2 functions Inactive", "2 ENIs deleted", "2 functions restoring",
                "2 functions Inactive", "2 ENIs deleted", "2 functions restoring");
        int charts = 0;
        for (Charts.Chart c : Charts.all(r)) {
            if (c.name().equals("timeline")) { // its lanes draw the states themselves
                continue;
            }
            charts++;
            assertEquals(told, momentLabels(c.chart(), line, ink), c.name());
            XYPlot top = plots(c.chart()).get(0);
            List<Double> lines = new ArrayList<>();
            BasicStroke momentStroke = null;
            BasicStroke actionStroke = null;
            for (ValueMarker m : markers(top)) {
                if (hex(m.getPaint()).equals(line)) {
                    lines.add(m.getValue());
                    momentStroke = (BasicStroke) m.getStroke();
                } else if (hex(m.getPaint()).equals(action)) {
                    actionStroke = (BasicStroke) m.getStroke();
                }
            }
            // on the time axis in days: the steps at 14d and 34d (10 min after 0:00), the restores at 20d and 40d
            assertEquals(4, lines.size(), c.name() + ": " + lines);
            for (int i = 0; i < 4; i++) {
                assertEquals(new double[] {14, 20, 34, 40}[i], lines.get(i), 0.02, c.name() + ": " + lines);
            }
            assertTrue(momentStroke.getLineWidth() > 1.5f, "thicker than the actions' 1 px");
            if (actionStroke != null) {
                assertFalse(Arrays.equals(momentStroke.getDashArray(), actionStroke.getDashArray()),
                        c.name() + ": moments dotted, actions dashed");
            }
            assertNotEquals(line, action);
            List<String> key = new ArrayList<>();
            for (LegendItem item : keyItems(c.chart())) {
                key.add(item.getLabel());
                if (item.getLabel().startsWith("lifecycle moment")) {
                    assertEquals(line, hex(item.getLinePaint()), c.name() + ": the key draws the moments' line");
                    assertTrue(item.isLineVisible());
                }
            }
            assertTrue(key.stream().anyMatch(k -> k.startsWith("lifecycle moment (Inactive")), c.name() + ": " + key);
            assertEquals(!c.name().equals("subnet-ips"), key.contains("timeline action"), c.name() + ": " + key);
        }
        assertTrue(charts >= 8, "charts: " + charts);
        String desc = new String(ChartFiles.svg(TeacherChartsTest.png(r, "enis"), 1000, 420), StandardCharsets.UTF_8);
        desc = desc.substring(desc.indexOf("<desc>"), desc.indexOf("</desc>"));
        assertTrue(desc.contains("Lifecycle moments marked (dotted lines): 14d 00:10 2 functions Inactive; 14d 00:15 2"
                + " ENIs deleted; 20d 2 functions restoring;"), desc);
    }

    /** Every moment told by a chart that labels them: a label of its own, or counted in one's "+N more". */
    @Test
    void everyMomentIsToldAndMergedAsOnThePage() throws Exception {
        String line = pageColour("MOMENT");
        String ink = pageColour("MOMENT_INK");
        Pattern more = Pattern.compile(" \\+(\\d+) more$");
        for (String scenario : List.of("quota-500", "teardown", "quickstart", "orphaned-enis", "shared-eni-65k")) {
            RunResult r = TeacherChartsTest.run(scenario);
            List<LifecycleMoments.Marker> moments = LifecycleMoments.of(r);
            assertFalse(moments.isEmpty(), scenario);
            for (String name : List.of("invocations", "concurrency", "enis", "connections", "subnet-ips")) {
                int n = 0;
                for (String label : momentLabels(TeacherChartsTest.png(r, name), line, ink)) {
                    Matcher m = more.matcher(label);
                    n += 1 + (m.find() ? Integer.parseInt(m.group(1)) : 0);
                }
                assertEquals(moments.size(), n, scenario + " " + name + ": " + momentLabels(TeacherChartsTest.png(r,
                        name), line, ink));
            }
        }
    }

    /**
     * No label runs into another, an action's or a moment's, as each chart is drawn at its size (the text's width
     * measured, not estimated), and each stays inside the image.
     */
    @Test
    void noLabelRunsIntoAnotherAsDrawn() throws Exception {
        String line = pageColour("MOMENT");
        String ink = pageColour("MOMENT_INK");
        List<String> problems = new ArrayList<>();
        int momentsChecked = 0;
        for (String scenario : List.of("idle-reclaim", "teardown", "quota-500", "quickstart", "orphaned-enis",
                "shared-eni-65k", "az-outage", "redeploy-new-subnets")) {
            RunResult r = TeacherChartsTest.run(scenario);
            for (Charts.Chart c : Charts.all(r)) {
                if (c.name().equals("timeline")) {
                    continue;
                }
                ActionLabelsOffLinesTest.Drawn d = ActionLabelsOffLinesTest.Drawn.of(c, r);
                JFreeChart chart = d.chart();
                Graphics2D g = d.g();
                List<XYPlot> plots = plots(chart);
                for (int i = 0; i < plots.size(); i++) {
                    XYPlot plot = plots.get(i);
                    Rectangle2D area = d.area(i);
                    List<double[]> boxes = new ArrayList<>();
                    List<String> labels = new ArrayList<>();
                    for (ValueMarker m : markers(plot)) {
                        if (m.getLabel() == null) {
                            continue;
                        }
                        Font f = m.getLabelFont();
                        double w = g.getFontMetrics(f).stringWidth(m.getLabel());
                        double x = chart.getXYPlot().getDomainAxis().valueToJava2D(m.getValue(), area,
                                plot.getDomainAxisEdge());
                        boolean left = m.getLabelAnchor() == RectangleAnchor.TOP_LEFT;
                        double x0 = left ? x - m.getLabelOffset().getRight() - w : x + m.getLabelOffset().getLeft();
                        double y0 = area.getMinY() + m.getLabelOffset().getTop();
                        double[] box = {x0, y0, x0 + w, y0 + g.getFontMetrics(f).getHeight() - 1};
                        if (box[0] < 0 || box[2] > ChartFiles.WIDTH) {
                            problems.add(scenario + " " + c.name() + ": \"" + m.getLabel() + "\" leaves the image");
                        }
                        for (int k = 0; k < boxes.size(); k++) {
                            double[] o = boxes.get(k);
                            boolean momentHere = moment(m, line, ink) || labels.get(k).startsWith("*");
                            if (momentHere && box[0] < o[2] && o[0] < box[2] && box[1] < o[3] && o[1] < box[3]) {
                                problems.add(scenario + " " + c.name() + " panel " + i + ": \"" + m.getLabel()
                                        + "\" runs into \"" + labels.get(k) + "\"");
                            }
                        }
                        boxes.add(box);
                        labels.add((moment(m, line, ink) ? "*" : "") + m.getLabel());
                        momentsChecked += moment(m, line, ink) ? 1 : 0;
                    }
                }
                g.dispose();
            }
        }
        assertTrue(momentsChecked > 50, "moment labels checked: " + momentsChecked);
        assertEquals(List.of(), problems);
    }

    /** The chart files' line colours are the page's (charts.js), said once in the palette. */
    @Test
    void theLinesColoursAreThePagesOwn() throws Exception {
        assertEquals(Palette.MOMENT, pageColour("MOMENT"));
        assertEquals(Palette.MOMENT_INK, pageColour("MOMENT_INK"));
        assertEquals(Palette.ACTION, pageColour("ACTION"));
    }
}
