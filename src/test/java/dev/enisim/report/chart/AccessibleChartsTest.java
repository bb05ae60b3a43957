package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.awt.BasicStroke;
import java.awt.Color;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * A teacher's review (0.1.0) of the chart files: no text alternative in the SVGs (finding 5); colours red/green
 * colour-blind readers could not tell apart, with nothing but colour to go by (finding 7); action labels drawn over the
 * state timeline's bars (finding 9); one tick, "210", on the free IPs of a subnet going from 207 to 210 (finding 14).
 */
class AccessibleChartsTest {

    // ---- finding 5: a title and a description in every SVG --------------------------------------------------------

    @Test
    void everySvgHasATitleAndADescriptionOfWhatIsPlotted() throws Exception {
        RunResult r = TeacherChartsTest.run("quickstart");
        Map<String, byte[]> files = ChartFiles.render(r);
        int svgs = 0;
        for (Charts.Chart c : Charts.all(r)) {
            byte[] svg = files.get("charts/" + c.name() + ".svg");
            Element root = parse(svg);
            Element title = firstChild(root, null);
            assertEquals("title", title.getTagName(), c.name() + ": the root's first child");
            assertEquals(c.chart().getTitle().getText(), title.getTextContent(), c.name());
            Element desc = firstChild(root, title);
            assertEquals("desc", desc.getTagName(), c.name() + ": a description after the title");
            assertTrue(desc.getTextContent().length() > 40, c.name() + ": " + desc.getTextContent());
            svgs++;
        }
        assertTrue(svgs >= 10, "every chart of the run: " + svgs);
        String invocations = parseDesc(files.get("charts/invocations.svg"));
        for (String said : List.of("Simulated time", "Succeeded per 1 min", "Succeeded",
                "ResourceConflictException (dashed)", "SubnetIPAddressLimitReachedException (dashed)")) {
            assertTrue(invocations.contains(said), "invocations: " + said + " in " + invocations);
        }
        String timeline = parseDesc(files.get("charts/timeline.svg"));
        for (String said : List.of("orders-api", "notifications", "Failed (hatched)", "InUse")) {
            assertTrue(timeline.contains(said), "timeline: " + said + " in " + timeline);
        }
    }

    /**
     * A chart file's description tells what its lines did and the actions it marks, as the page's text does: the
     * subnet chart said "Vertical axis: free IPs." twice and no value, never that subnet-a ran out (a review).
     */
    @Test
    void aDescriptionTellsTheLowestFreeIpsAndTheActions() throws Exception {
        Map<String, byte[]> files = ChartFiles.render(TeacherChartsTest.run("quickstart"));
        String subnets = parseDesc(files.get("charts/subnet-ips.svg"));
        assertTrue(subnets.matches(".*subnet-a[^;]*: reached 0 at \\d\\d:\\d\\d.*"), subnets);
        assertEquals(subnets.indexOf("Vertical axis: free IPs."), subnets.lastIndexOf("Vertical axis: free IPs."),
                "said once: " + subnets);
        String invocations = parseDesc(files.get("charts/invocations.svg"));
        assertTrue(invocations.contains("Succeeded: highest "), invocations);
        assertTrue(invocations.contains(" Timeline actions marked (dashed lines): "), invocations);
    }

    @Test
    void aDescriptionIsEscapedAndBounded() throws Exception {
        org.jfree.data.xy.XYSeriesCollection d = new org.jfree.data.xy.XYSeriesCollection();
        for (int i = 0; i < 30; i++) {
            d.addSeries(new org.jfree.data.xy.XYSeries("s<" + i + ">&", true, false));
        }
        JFreeChart chart = org.jfree.chart.ChartFactory.createXYLineChart("A & B <C>", "x", "y", d);
        Element root = parse(ChartFiles.svg(chart, 400, 300));
        assertEquals("A & B <C>", firstChild(root, null).getTextContent());
        String desc = firstChild(root, firstChild(root, null)).getTextContent();
        assertTrue(desc.contains("s<0>&") && desc.contains("and 18 more") && !desc.contains("s<12>&"), desc);
    }

    private static String parseDesc(byte[] svg) throws Exception {
        Element root = parse(svg);
        return firstChild(root, firstChild(root, null)).getTextContent();
    }

    private static Element parse(byte[] svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg)).getDocumentElement();
    }

    /** The first element child of {@code parent} after {@code after} (null: the first). */
    private static Element firstChild(Element parent, Element after) {
        Node n = after == null ? parent.getFirstChild() : after.getNextSibling();
        while (n != null && n.getNodeType() != Node.ELEMENT_NODE) {
            n = n.getNextSibling();
        }
        assertTrue(n != null, "an element after " + (after == null ? "the start" : after.getTagName()));
        return (Element) n;
    }

    // ---- finding 7: colours apart under colour-vision deficiency, and a second encoding ---------------------------

    /** Machado, Oliveira and Fernandes (2009), severity 1, on linear RGB. */
    private static final double[][] PROTANOPIA = {{0.152286, 1.052583, -0.204868}, {0.114503, 0.786281, 0.099216},
        {-0.003882, -0.048116, 1.051998}};
    private static final double[][] DEUTERANOPIA = {{0.367322, 0.860646, -0.227968}, {0.280085, 0.672501, 0.047413},
        {-0.011820, 0.042940, 0.968881}};
    private static final double[][] NORMAL = {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}};
    /** CIE76 colour difference that two colours shown together keep under every vision (the old pairs: 16). */
    private static final double APART = 20;

    /** The smallest CIE76 difference of two colours for normal vision, protanopia and deuteranopia. */
    static double cvdDistance(Color a, Color b) {
        double least = Double.MAX_VALUE;
        for (double[][] m : new double[][][] {NORMAL, PROTANOPIA, DEUTERANOPIA}) {
            double[] x = lab(m, a);
            double[] y = lab(m, b);
            least = Math.min(least, Math.sqrt(Math.pow(x[0] - y[0], 2) + Math.pow(x[1] - y[1], 2)
                    + Math.pow(x[2] - y[2], 2)));
        }
        return least;
    }

    private static double[] lab(double[][] m, Color c) {
        double[] l = {Palette.linear(c.getRed()), Palette.linear(c.getGreen()), Palette.linear(c.getBlue())};
        double[] s = new double[3];
        for (int i = 0; i < 3; i++) {
            s[i] = Math.max(0, Math.min(1, m[i][0] * l[0] + m[i][1] * l[1] + m[i][2] * l[2]));
        }
        double x = (0.4124 * s[0] + 0.3576 * s[1] + 0.1805 * s[2]) / 0.95047;
        double y = 0.2126 * s[0] + 0.7152 * s[1] + 0.0722 * s[2];
        double z = (0.0193 * s[0] + 0.1192 * s[1] + 0.9505 * s[2]) / 1.08883;
        return new double[] {116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))};
    }

    private static double f(double t) {
        return t > 216.0 / 24389 ? Math.cbrt(t) : (24389.0 / 27 * t + 16) / 116;
    }

    private static void allApart(String what, List<String> names, List<Color> colours) {
        for (int i = 0; i < colours.size(); i++) {
            for (int j = 0; j < i; j++) {
                double d = cvdDistance(colours.get(i), colours.get(j));
                assertTrue(d >= APART, what + ": " + names.get(i) + " and " + names.get(j) + " only " + Math.round(d)
                        + " apart under simulated colour-vision deficiency");
            }
        }
    }

    @Test
    void theStatesStayApartForRedGreenColourBlindReaders() {
        List<String> states = new ArrayList<>(Palette.STATES.keySet());
        List<Color> colours = new ArrayList<>();
        for (String s : states) {
            colours.add(Color.decode(Palette.STATES.get(s)));
        }
        allApart("states (one legend)", states, colours); // the old Active and Failed: 16 under deuteranopia
        // and they differ in lightness, not in hue alone (the old pair: a ratio of 1.1)
        assertTrue(Palette.contrast(Palette.STATES.get("Active"), Palette.STATES.get("Failed")) >= 1.5,
                "Active and Failed in lightness: " + Palette.contrast(Palette.STATES.get("Active"),
                        Palette.STATES.get("Failed")));
    }

    @Test
    void invocationOutcomesAreToldByColourAndByDash() throws Exception {
        JFreeChart c = TeacherChartsTest.png(TeacherChartsTest.run("quickstart"), "invocations");
        List<String> names = new ArrayList<>();
        List<Color> colours = new ArrayList<>();
        Set<String> dashes = new HashSet<>();
        for (org.jfree.chart.plot.XYPlot p : TeacherChartsTest.panels(c)) { // the succeeded, then each failure panel
            XYItemRenderer lines = p.getRenderer();
            org.jfree.data.xy.XYDataset d = p.getDataset();
            for (int i = 0; i < d.getSeriesCount(); i++) {
                names.add(String.valueOf(d.getSeriesKey(i)));
                colours.add((Color) lines.getSeriesPaint(i));
                float[] dash = ((BasicStroke) lines.getSeriesStroke(i)).getDashArray();
                if (names.size() == 1) {
                    assertTrue(dash == null, "Succeeded solid");
                } else {
                    assertTrue(dash != null, names.get(names.size() - 1) + " dashed");
                    assertTrue(dashes.add(java.util.Arrays.toString(dash)), names.get(names.size() - 1)
                            + ": a dash of its own");
                }
            }
        }
        assertEquals(List.of("Succeeded", "SubnetIPAddressLimitReachedException", "ResourceConflictException",
                "Function errors"), names, "succeeded, then the outcomes that occurred, largest first");
        allApart("invocations", names, colours);
        // every colour the chart may take for an exception, up to the palette's length, apart from the others
        List<String> all = new ArrayList<>(List.of(Palette.SUCCEEDED, Palette.FUNCTION_ERRORS, Palette.THROTTLES));
        all.addAll(List.of(Palette.ERRORS).subList(0, 4));
        List<Color> decoded = new ArrayList<>();
        for (String h : all) {
            decoded.add(Color.decode(h));
        }
        allApart("outcome palette (the first four exceptions)", all, decoded);
    }

    /**
     * Every series colour, not the first five only, apart from every other and from the others' grey under simulated
     * deuteranopia and protanopia by {@value Palette#APART_CVD} in CIEDE2000 (an accessibility review: series 2
     * #C28600 and 6 #44AA00 were 2.6 apart under deuteranopia, quickstart's orders-worker and reports; 7 #EE4499 1.2
     * from the grey).
     */
    @Test
    void everySeriesColourStaysApartUnderDeuteranopiaAndProtanopia() {
        List<String> all = new ArrayList<>(List.of(Palette.SERIES));
        all.add(Palette.OTHERS);
        all.addAll(List.of(Palette.EXTRA)); // the colours past the ten, where no colouring from the ten exists
        List<String> near = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = 0; j < i; j++) {
                for (double[][] m : new double[][][] {DEUTERANOPIA, PROTANOPIA}) {
                    double d = PaletteDistinctTest.ciede2000(lab(m, Color.decode(all.get(i))),
                            lab(m, Color.decode(all.get(j))));
                    if (d < Palette.APART_CVD) {
                        near.add(all.get(j) + " and " + all.get(i) + (m == DEUTERANOPIA ? " deuteranopia "
                                : " protanopia ") + Math.round(d * 10) / 10.0);
                    }
                }
            }
        }
        assertEquals(List.of(), near, "CIEDE2000 under simulated colour-vision deficiency below " + Palette.APART_CVD);
    }

    /**
     * Colour is not the only cue where a chart draws many functions: the lines in the sixth to tenth colours each have
     * a dash of their own, in the chart files and on the page alike (quota-500: 110 functions, ten drawn a chart).
     */
    @Test
    void manyFunctionsLinesHaveADashBesidesTheirColour() throws Exception {
        RunResult r = TeacherChartsTest.run("quota-500");
        JFreeChart c = TeacherChartsTest.png(r, "concurrency"); // no same-values dashes over them
        XYItemRenderer lines = c.getXYPlot().getRenderer();
        Set<String> dashes = new HashSet<>();
        int dashed = 0;
        for (int i = 0; i < c.getXYPlot().getDataset().getSeriesCount(); i++) {
            Color colour = (Color) lines.getSeriesPaint(i);
            int rank = List.of(Palette.SERIES).indexOf(String.format("#%06X", colour.getRGB() & 0xFFFFFF));
            float[] dash = ((BasicStroke) lines.getSeriesStroke(i)).getDashArray();
            if (rank >= 5) {
                assertTrue(dash != null, c.getXYPlot().getDataset().getSeriesKey(i) + " in colour " + (rank + 1)
                        + ": dashed");
                dashes.add(java.util.Arrays.toString(dash));
                dashed++;
            }
        }
        assertTrue(dashed >= 4 && dashes.size() == dashed, "a dash each: " + dashes);
        int onPage = 0;
        for (com.fasterxml.jackson.databind.JsonNode chart : TeacherChartsTest.pageCharts(r).get("charts")) {
            for (com.fasterxml.jackson.databind.JsonNode x : chart.get("series")) {
                int rank = List.of(Palette.SERIES).indexOf(x.get("color").asText());
                if (x.get("scope").asText().equals("function") && rank >= 5) {
                    assertTrue(x.has("dash"), chart.get("id").asText() + " " + x.get("label").asText() + ": dashed");
                    onPage++;
                }
            }
        }
        assertTrue(onPage >= 4, "the page's lines in the sixth to tenth colours: " + onPage);
    }

    /** The timeline actions' grey line, 3:1 or more on white (WCAG 1.4.11): #9E9E9E was 2.68:1. */
    @Test
    void theTimelineActionsLineIsThreeToOneOnWhite() throws Exception {
        assertTrue(Palette.contrast(Palette.ACTION, "#FFFFFF") >= 3, Palette.ACTION + ": "
                + Palette.contrast(Palette.ACTION, "#FFFFFF"));
        String js = new String(Palette.class.getResourceAsStream("/dev/enisim/report/page/charts.js").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(js.contains("ACTION = '" + Palette.ACTION + "'"), "the page draws the same grey");
    }

    @Test
    void theMostRelevantSeriesColoursStayApart() {
        List<String> first = new ArrayList<>(List.of(Palette.SERIES).subList(0, 5));
        List<Color> colours = new ArrayList<>();
        for (String h : first) {
            colours.add(Color.decode(h));
        }
        allApart("the five most relevant series", first, colours);
        for (String h : first) {
            for (String grey : List.of(Palette.OTHERS, "#212121")) {
                assertTrue(cvdDistance(Color.decode(h), Color.decode(grey)) >= APART, h + " against " + grey);
            }
        }
    }

    @Test
    void failedBarsAreHatchedAndTheLegendSaysSo() throws Exception {
        RunResult r = TeacherChartsTest.run("quickstart"); // notifications is Failed from 01:00
        String svg = new String(ChartFiles.render(r).get("charts/timeline.svg"), StandardCharsets.UTF_8);
        Rect failed = null;
        for (Rect b : bars(svg)) {
            if (b.fill().equals(rgb(Palette.STATES.get("Failed")))) {
                failed = b;
            }
        }
        assertTrue(failed != null, "a Failed bar");
        int hatches = 0;
        Matcher m = Pattern.compile("<g style='[^']*stroke:rgb\\(255,255,255\\)[^']*'[^>]*><path d='([^']*)'")
                .matcher(svg);
        while (m.find()) {
            Matcher seg = Pattern.compile("M([-0-9.]+),([-0-9.]+)L([-0-9.]+),([-0-9.]+)").matcher(m.group(1));
            while (seg.find()) {
                if (failed.contains(Double.parseDouble(seg.group(1)), Double.parseDouble(seg.group(2)))
                        && failed.contains(Double.parseDouble(seg.group(3)), Double.parseDouble(seg.group(4)))) {
                    hatches++;
                }
            }
        }
        assertTrue(hatches >= 20, "hatching inside the Failed bar: " + hatches + " lines");
        assertTrue(svg.contains(">Failed (hatched)</text>"), "the legend says so");
    }

    // ---- finding 9: the action labels in a lane above the bars ----------------------------------------------------

    record Rect(double x, double y, double w, double h, String fill) {
        boolean intersects(Rect o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        /** Within the rectangle, give or take the half pixel hatching ends are rounded to. */
        boolean contains(double px, double py) {
            return px >= x - 0.5 && px <= x + w + 0.5 && py >= y - 0.5 && py <= y + h + 0.5;
        }
    }

    private static String rgb(String hex) {
        Color c = Color.decode(hex);
        return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
    }

    /** The state bars of a timeline SVG: rectangles filled with a state's colour. */
    static List<Rect> bars(String svg) {
        Set<String> fills = new HashSet<>();
        Palette.STATES.values().forEach(h -> fills.add(rgb(h)));
        List<Rect> out = new ArrayList<>();
        Matcher m = Pattern.compile("<rect x='([-0-9.]+)' y='([-0-9.]+)' width='([-0-9.]+)' height='([-0-9.]+)' "
                + "style='fill:(rgb\\([0-9,]+\\))'").matcher(svg);
        while (m.find()) {
            if (fills.contains(m.group(5))) {
                out.add(new Rect(Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                        Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4)), m.group(5)));
            }
        }
        return out;
    }

    /** The action labels of a timeline SVG (10 px text), each its box: baseline less the ascent to the descent. */
    static Map<String, Rect> labels(String svg) {
        Map<String, Rect> out = new java.util.LinkedHashMap<>();
        Matcher m = Pattern.compile("<text x='([-0-9.]+)' y='([-0-9.]+)' style='fill: rgb\\(66,66,66\\);[^']*"
                + "font-size: 10px;[^']*'[^>]*>([^<]*)</text>").matcher(svg);
        while (m.find()) {
            String text = m.group(3).replace("&gt;", ">").replace("&lt;", "<").replace("&amp;", "&");
            double x = Double.parseDouble(m.group(1));
            double y = Double.parseDouble(m.group(2));
            out.put(text, new Rect(x, y - 10, StateTimeline.labelWidth(text), 13, ""));
        }
        return out;
    }

    @Test
    void actionLabelsSitInALaneAboveTheBarsAndOffEachOther() throws Exception {
        Map<String, List<String>> expected = Map.of(
                "teardown", List.of("api:1 published", "api deleted", "worker deleted",
                        "migrations deleted"),
                "orphaned-enis", List.of("archive-sync deleted"),
                "az-outage", List.of("AZ us-east-1a down", "AZ us-east-1a back up"));
        for (Map.Entry<String, List<String>> e : expected.entrySet()) {
            RunResult r = TeacherChartsTest.run(e.getKey());
            String svg = new String(ChartFiles.render(r).get("charts/timeline.svg"), StandardCharsets.UTF_8);
            List<Rect> bars = bars(svg);
            Map<String, Rect> labels = labels(svg);
            assertFalse(bars.isEmpty(), e.getKey() + ": bars");
            assertTrue(labels.keySet().containsAll(e.getValue()), e.getKey() + ": " + labels.keySet());
            double barsTop = bars.stream().mapToDouble(Rect::y).min().orElseThrow();
            List<Map.Entry<String, Rect>> placed = new ArrayList<>(labels.entrySet());
            for (int i = 0; i < placed.size(); i++) {
                Rect box = placed.get(i).getValue();
                assertTrue(box.y() + box.h() <= barsTop, e.getKey() + ": " + placed.get(i).getKey()
                        + " reaches into the bars (" + (box.y() + box.h()) + " below their top " + barsTop + ")");
                for (Rect b : bars) {
                    assertFalse(box.intersects(b), e.getKey() + ": " + placed.get(i).getKey() + " over a bar " + b);
                }
                for (int j = 0; j < i; j++) {
                    assertFalse(box.intersects(placed.get(j).getValue()), e.getKey() + ": "
                            + placed.get(i).getKey() + " over " + placed.get(j).getKey());
                }
            }
        }
    }

    @Test
    void labelsAtTheSameMomentAreStaggeredAndOneAtTheRightEndRunsLeft() {
        List<dev.enisim.metrics.RunSummary.Action> actions = new ArrayList<>();
        for (String f : List.of("api", "worker", "migrations")) {
            actions.add(new dev.enisim.metrics.RunSummary.Action(3600, "DeleteFunction " + f));
        }
        actions.add(new dev.enisim.metrics.RunSummary.Action(7100, "DeleteFunction last"));
        List<StateTimeline.Placed> placed = StateTimeline.layout(actions, a -> true, 7200, 700);
        assertEquals(List.of(0, 1, 2, 0), placed.stream().map(StateTimeline.Placed::row).toList());
        assertEquals(List.of(false, false, false, true), placed.stream().map(StateTimeline.Placed::leftOfLine)
                .toList());
    }

    // ---- finding 14: readable ticks on a narrow free-IP axis ------------------------------------------------------

    /**
     * The ticks the page's chart library draws on {@code [min, max]} over {@code pixels}: the smallest step of 1, 2
     * or 5 times a power of ten at least 30 px apart (its integer axis), a tick at each multiple in the range.
     */
    static int pageTicks(double min, double max, double pixels) {
        for (long power = 1; ; power *= 10) {
            for (long step : new long[] {power, 2 * power, 5 * power}) {
                if (pixels * step / (max - min) >= 30) {
                    return (int) (Math.floor(max / step) - Math.ceil(min / step) + 1);
                }
            }
        }
    }

    @Test
    void aNarrowFreeIpAxisHasThreeWholeTicksOrMore() {
        long[][] cases = {{207, 210, 210, 210, 251}, {249, 251, 251, 251}, {11, 5, 0, 11}, {0, 0, 0, 251},
            {100, 101, 4091}, {3, 3, 3, 11}, {4000, 4012, 4091}, {120, 250, 251}, {0, 251, 251}};
        for (long[] c : cases) {
            long[] values = java.util.Arrays.copyOf(c, c.length - 1);
            long usable = c[c.length - 1];
            long[] range = Charts.freeIpRange(values, usable);
            long lo = java.util.Arrays.stream(values).min().orElseThrow();
            long hi = java.util.Arrays.stream(values).max().orElseThrow();
            String what = java.util.Arrays.toString(values) + " of " + usable + ": " + range[0] + " to " + range[1];
            assertTrue(range[0] <= lo && range[1] > hi, what + ": the data in view");
            for (int pixels = 60; pixels <= 400; pixels += 5) {
                assertTrue(pageTicks(range[0], range[1], pixels) >= 3, what + ": ticks on " + pixels + " px");
            }
            double top = Math.max(hi, usable <= range[1] ? usable : hi);
            assertTrue((range[1] - top) / (double) (range[1] - range[0]) >= 0.3, what + ": room for the labels");
        }
    }

    @Test
    void quickstartsSubnetPanelsHaveThreeWholeTicksOrMore() throws Exception {
        JFreeChart c = TeacherChartsTest.png(TeacherChartsTest.run("quickstart"), "subnet-ips");
        ChartFiles.png(c, ChartFiles.WIDTH, ChartFiles.HEIGHT); // lays the axes out
        for (Object p : ((org.jfree.chart.plot.CombinedDomainXYPlot) c.getPlot()).getSubplots()) {
            org.jfree.chart.axis.NumberAxis y = (org.jfree.chart.axis.NumberAxis) ((org.jfree.chart.plot.XYPlot) p)
                    .getRangeAxis();
            double step = y.getTickUnit().getSize();
            double ticks = Math.floor(y.getUpperBound() / step) - Math.ceil(y.getLowerBound() / step) + 1;
            assertTrue(ticks >= 3 && step == Math.rint(step), y.getRange() + " step " + step);
        }
        for (com.fasterxml.jackson.databind.JsonNode s : TeacherChartsTest.pageCharts(TeacherChartsTest.run(
                "quickstart")).get("charts")) {
            if (s.get("id").asText().startsWith("subnet-")) {
                // the page's small chart: about 100 px of plot
                assertTrue(pageTicks(s.get("yMin").asDouble(), s.get("yMax").asDouble(), 100) >= 3, s.get("id")
                        + ": " + s.get("yMin") + " to " + s.get("yMax"));
            }
        }
    }

    // ---- the files stay the same for the same scenario and seed ---------------------------------------------------

    @Test
    void chartFilesAreByteIdenticalForTheSameScenarioAndSeed() throws Exception {
        for (String scenario : List.of("teardown", "quickstart")) {
            RunResult a = new Simulation(ScenarioLoader.load(Path.of("scenarios/" + scenario + ".yaml")), 0).run();
            RunResult b = new Simulation(ScenarioLoader.load(Path.of("scenarios/" + scenario + ".yaml")), 0).run();
            Map<String, byte[]> x = ChartFiles.render(a);
            Map<String, byte[]> y = ChartFiles.render(b);
            assertEquals(x.keySet(), y.keySet());
            for (String name : x.keySet()) {
                assertArrayEquals(x.get(name), y.get(name), scenario + " " + name);
            }
        }
    }
}
