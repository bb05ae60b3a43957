package dev.enisim.report.chart;

import dev.enisim.run.RunResult;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Renders charts to PNG and SVG bytes, headless and deterministic (no timestamps, fixed sizes). */
public final class ChartFiles {

    static final int WIDTH = 1000;
    static final int HEIGHT = 420;

    private ChartFiles() {
    }

    /** The height in pixels a chart of the run is drawn ({@link #WIDTH} wide). */
    static int height(Charts.Chart c, RunResult r) {
        return c.name().equals("timeline") ? StateTimeline.height(r)
                : c.name().equals("subnet-ips") ? Math.max(HEIGHT, 120 + 150 * r.summary().subnets().size())
                : c.name().equals("invocations") ? Charts.invocationsHeight(r)
                : c.name().equals("async-events") ? Charts.queueHeight(Charts.asyncPanels(r, "").size())
                : c.name().equals("sqs-queues") ? Charts.queueHeight(Charts.sqsPanels(r, "").size()) : HEIGHT;
    }

    /** {@code charts/<name>.png} and {@code charts/<name>.svg} for every chart of the run. */
    public static Map<String, byte[]> render(RunResult r) {
        List<Charts.Chart> charts = Charts.all(r);
        int[] heights = new int[charts.size()];
        int tallest = 1;
        for (int i = 0; i < charts.size(); i++) {
            heights[i] = height(charts.get(i), r);
            tallest = Math.max(tallest, heights[i]);
        }
        Canvas canvas = new Canvas(WIDTH * tallest); // before any chart's bytes are held
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < charts.size(); i++) {
            Charts.Chart c = charts.get(i);
            roomForActionLabels(c.chart(), WIDTH, heights[i]);
            files.put("charts/" + c.name() + ".png", png(c.chart(), WIDTH, heights[i], canvas));
            files.put("charts/" + c.name() + ".svg", svg(c.chart(), WIDTH, heights[i]));
        }
        return files;
    }

    /**
     * The pixels every PNG of a report is drawn on, one after the other: one array, as large as the tallest chart's,
     * allocated once before the charts' bytes are held. An image's pixels are one array the collector cannot move
     * (G1's humongous objects: a timeline of 1,000 x 1,896 pixels is 7.2 MiB), which needs a free run of regions;
     * drawn as the last of ten such arrays, with the other charts' bytes held, a timeline ran out of memory in a heap
     * that had 20 MiB free after a full collection ({@code quota-500} at -Xmx44m, one run in five).
     */
    static final class Canvas {
        private static final int[] MASKS = {0xff0000, 0xff00, 0xff};
        private static final java.awt.image.DirectColorModel RGB = new java.awt.image.DirectColorModel(24, MASKS[0],
                MASKS[1], MASKS[2], 0);
        private final int[] pixels;

        Canvas(int pixels) {
            this.pixels = new int[pixels];
        }

        /**
         * A black {@code width} x {@code height} image on these pixels (a larger one on pixels of its own), as {@code
         * new BufferedImage(width, height, TYPE_INT_RGB)} would be.
         */
        BufferedImage image(int width, int height) {
            int n = Math.multiplyExact(width, height);
            int[] px = n <= pixels.length ? pixels : new int[n];
            java.util.Arrays.fill(px, 0, n, 0);
            java.awt.image.WritableRaster raster = java.awt.image.Raster.createPackedRaster(
                    new java.awt.image.DataBufferInt(px, n), width, height, width, MASKS, null);
            return new BufferedImage(RGB, raster, false, null);
        }
    }

    /** The last pixel of an action label's row {@code row} below its plot's top (its offset, its text, 2 px). */
    static double labelBottom(int row) {
        return 4 + 14 * row + ChartStyle.MARKER.getSize2D() * 1.3 + 2;
    }

    /**
     * Raises each panel's value axis so that its action labels (the rows {@link ChartStyle#markActions} put them in
     * down the plot) sit above the highest value it plots, its lines' included: the axis' upper margin kept a fixed
     * share of the plot's height, and shared-eni-65k's fifth label ("svc-05 created +15 more") lay across the
     * connections chart's capacity line. Measured on the chart as drawn at {@code width} x {@code height} (the data
     * area of each panel), before its PNG and SVG are drawn; a panel with no label, or lanes (the state timeline),
     * is left as it is.
     */
    static void roomForActionLabels(JFreeChart chart, int width, int height) {
        if (!(chart.getPlot() instanceof org.jfree.chart.plot.XYPlot top)) {
            return;
        }
        List<org.jfree.chart.plot.XYPlot> plots = top instanceof org.jfree.chart.plot.CombinedDomainXYPlot c
                ? c.getSubplots() : List.of(top);
        int[] rows = new int[plots.size()];
        boolean any = false;
        for (int i = 0; i < plots.size(); i++) {
            rows[i] = labelRows(plots.get(i));
            any |= rows[i] > 0;
        }
        if (!any) {
            return;
        }
        BufferedImage image = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
            chart.draw(g, new Rectangle2D.Double(0, 0, width, height), info);
            for (int i = 0; i < plots.size(); i++) {
                org.jfree.chart.plot.XYPlot plot = plots.get(i);
                if (rows[i] == 0 || !(plot.getRangeAxis() instanceof org.jfree.chart.axis.NumberAxis y)
                        || y instanceof org.jfree.chart.axis.SymbolAxis || y.isInverted()) {
                    continue;
                }
                Rectangle2D area = plots.size() > 1 || top instanceof org.jfree.chart.plot.CombinedDomainXYPlot
                        ? info.getPlotInfo().getSubplotInfo(i).getDataArea() : info.getPlotInfo().getDataArea();
                double highest = highest(plot);
                double band = labelBottom(rows[i] - 1);
                org.jfree.data.Range range = y.getRange();
                if (Double.isNaN(highest) || highest <= range.getLowerBound() || area.getHeight() <= band * 1.5) {
                    continue;
                }
                double at = y.valueToJava2D(highest, area, plot.getRangeAxisEdge());
                if (at >= area.getMinY() + band) {
                    continue;
                }
                // the highest value band px below the plot's top: lower + (highest - lower) * H / (H - band)
                double lower = range.getLowerBound();
                double upper = lower + (highest - lower) * area.getHeight() / (area.getHeight() - band);
                y.setRange(new org.jfree.data.Range(lower, upper), true, false);
            }
        } finally {
            g.dispose();
        }
    }

    /** How many rows of action labels the plot's markers use (0: none labelled). */
    static int labelRows(org.jfree.chart.plot.XYPlot plot) {
        int rows = 0;
        for (org.jfree.chart.ui.Layer layer : List.of(org.jfree.chart.ui.Layer.FOREGROUND,
                org.jfree.chart.ui.Layer.BACKGROUND)) {
            java.util.Collection<?> markers = plot.getDomainMarkers(layer);
            if (markers == null) {
                continue;
            }
            for (Object o : markers) {
                org.jfree.chart.plot.Marker m = (org.jfree.chart.plot.Marker) o;
                if (m.getLabel() != null && !m.getLabel().isEmpty()) {
                    rows = Math.max(rows, (int) Math.round((m.getLabelOffset().getTop() - 4) / 14) + 1);
                }
            }
        }
        return rows;
    }

    /** The highest value the plot draws: its series' and its value markers' (a quota's line). */
    static double highest(org.jfree.chart.plot.XYPlot plot) {
        double max = Double.NaN;
        for (int d = 0; d < plot.getDatasetCount(); d++) {
            if (plot.getDataset(d) != null) {
                Number n = org.jfree.data.general.DatasetUtils.findMaximumRangeValue(plot.getDataset(d));
                if (n != null && !Double.isNaN(n.doubleValue())) {
                    max = Double.isNaN(max) ? n.doubleValue() : Math.max(max, n.doubleValue());
                }
            }
        }
        for (org.jfree.chart.ui.Layer layer : List.of(org.jfree.chart.ui.Layer.FOREGROUND,
                org.jfree.chart.ui.Layer.BACKGROUND)) {
            java.util.Collection<?> markers = plot.getRangeMarkers(layer);
            if (markers != null) {
                for (Object o : markers) {
                    if (o instanceof org.jfree.chart.plot.ValueMarker v) {
                        max = Double.isNaN(max) ? v.getValue() : Math.max(max, v.getValue());
                    }
                }
            }
        }
        return max;
    }

    static {
        // PNGs are encoded into memory: no temporary cache file in java.io.tmpdir, so a full or read-only /tmp (a
        // CI runner's) does not fail the charts with "Can't create cache file!" or "I/O error writing PNG file!"
        ImageIO.setUseCache(false);
    }

    /** The chart as a PNG, encoded in memory. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        return png(chart, width, height, null);
    }

    /** As above, drawn on {@code canvas}'s pixels (null: on pixels of its own). */
    static byte[] png(JFreeChart chart, int width, int height, Canvas canvas) {
        ImageIO.setUseCache(false); // also here: another class may have turned the cache back on

        BufferedImage image = canvas == null ? new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB)
                : canvas.image(width, height);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * The chart as an SVG document, with a text alternative: its title as the document's {@code <title>} (its
     * accessible name) and what is plotted as its {@code <desc>} ({@link #describe}); a screen reader had nothing to
     * read (a teacher's review).
     */
    public static byte[] svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix("enisim-"); // the default prefix comes from the clock: same chart, different bytes
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        String doc = g.getSVGDocument();
        int open = doc.indexOf("<svg");
        int end = open < 0 ? -1 : doc.indexOf('>', open);
        if (end > 0) { // the first children of the root, where a reader looks for them
            doc = doc.substring(0, end + 1) + "<title>" + xml(title(chart)) + "</title><desc>" + xml(describe(chart))
                    + "</desc>" + doc.substring(end + 1);
        }
        return doc.getBytes(StandardCharsets.UTF_8);
    }

    /** The chart's title, or "Chart" when it has none. */
    static String title(JFreeChart chart) {
        return chart.getTitle() == null || chart.getTitle().getText() == null ? "Chart" : chart.getTitle().getText();
    }

    /** Series named in a description at most; the rest are counted. */
    static final int MAX_NAMED = 12;

    /**
     * What a chart plots, in words: its axes, its series (or lanes, or bars) and its notes, e.g. "Line chart.
     * Horizontal axis: Simulated time (hh:mm). Vertical axis: Invocations per 1 min. Series: Succeeded, Function
     * errors (dashed), ...".
     */
    static String describe(JFreeChart chart) {
        StringBuilder b = new StringBuilder();
        org.jfree.chart.plot.Plot plot = chart.getPlot();
        if (plot instanceof org.jfree.chart.plot.XYPlot xy) {
            boolean timeline = xy.getRangeAxis() instanceof org.jfree.chart.axis.SymbolAxis;
            b.append(timeline ? "State timeline: one lane per function and ENI, a bar per state over time."
                    : xy instanceof org.jfree.chart.plot.CombinedDomainXYPlot ? "Line charts, one panel each."
                    : "Line chart.");
            axis(b, "Horizontal axis", xy.getDomainAxis());
            if (xy instanceof org.jfree.chart.plot.CombinedDomainXYPlot combined) {
                java.util.Set<String> said = new java.util.HashSet<>(); // one sentence per label: subnet-ips said its twice
                for (org.jfree.chart.plot.XYPlot p : combined.getSubplots()) {
                    for (Object a : p.getAnnotations()) { // a panel's heading (the invocations' failure panels)
                        if (a instanceof org.jfree.chart.annotations.XYTitleAnnotation h
                                && h.getTitle() instanceof org.jfree.chart.title.TextTitle t) {
                            b.append(" Panel: ").append(t.getText()).append('.');
                        }
                    }
                    if (p.getRangeAxis() != null && said.add(String.valueOf(p.getRangeAxis().getLabel()))) {
                        axis(b, "Vertical axis", p.getRangeAxis());
                    }
                }
            } else if (timeline) {
                String[] lanes = ((org.jfree.chart.axis.SymbolAxis) xy.getRangeAxis()).getSymbols();
                java.util.List<String> top = new java.util.ArrayList<>();
                for (int i = lanes.length - 1; i >= 0; i--) {
                    top.add(lanes[i]);
                }
                names(b, "Lanes", top);
            } else {
                axis(b, "Vertical axis", xy.getRangeAxis());
            }
        } else if (plot instanceof org.jfree.chart.plot.CategoryPlot cat) {
            b.append("Bar chart.");
            java.util.List<String> categories = new java.util.ArrayList<>();
            for (Object c : cat.getCategories() == null ? java.util.List.of() : cat.getCategories()) {
                categories.add(String.valueOf(c));
            }
            names(b, "Bars for", categories);
            axis(b, "Value axis", cat.getRangeAxis());
        } else {
            b.append("Chart.");
        }
        java.util.List<String> series = new java.util.ArrayList<>();
        for (java.util.Iterator<?> it = plot.getLegendItems().iterator(); it.hasNext();) {
            org.jfree.chart.LegendItem item = (org.jfree.chart.LegendItem) it.next();
            boolean dashed = item.getLineStroke() instanceof java.awt.BasicStroke s && s.getDashArray() != null
                    && item.isLineVisible();
            series.add(item.getLabel() + (dashed ? " (dashed)" : ""));
        }
        names(b, "Series", series);
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t && t.getText() != null
                    && !t.getText().isEmpty()) {
                b.append(' ').append(t.getText()).append(t.getText().endsWith(".") ? "" : ".");
            }
        }
        if (plot instanceof org.jfree.chart.plot.XYPlot xy
                && !(xy.getRangeAxis() instanceof org.jfree.chart.axis.SymbolAxis)) {
            stories(b, xy);
            actions(b, xy);
        }
        moments(b, plot);
        return b.toString();
    }

    /** The time axis' own format of a value of it ("00:50"), or the value in the axis' unit. */
    private static String at(org.jfree.chart.plot.XYPlot top, double x) {
        java.text.NumberFormat clock = top.getDomainAxis() instanceof org.jfree.chart.axis.NumberAxis a
                ? a.getNumberFormatOverride() : null;
        return clock == null ? String.format(Locale.ROOT, "%,.1f", x) : clock.format(x);
    }

    private static List<org.jfree.chart.plot.XYPlot> plots(org.jfree.chart.plot.XYPlot top) {
        return top instanceof org.jfree.chart.plot.CombinedDomainXYPlot c ? c.getSubplots() : List.of(top);
    }

    /**
     * What each line did (at most {@value #MAX_NAMED}), as the page's text alternative tells it: its highest value
     * and when, and on a panel of free IPs its lowest first, or when it first reached 0 ("subnet-a: reached 0 at
     * 00:50"); the description named the axes and the series, and no value (a review).
     */
    private static void stories(StringBuilder b, org.jfree.chart.plot.XYPlot top) {
        List<String> parts = new java.util.ArrayList<>();
        int lines = 0;
        for (org.jfree.chart.plot.XYPlot p : plots(top)) {
            boolean low = p.getRangeAxis() != null && p.getRangeAxis().getLabel() != null
                    && p.getRangeAxis().getLabel().toLowerCase(Locale.ROOT).startsWith("free ");
            for (int d = 0; d < p.getDatasetCount(); d++) {
                org.jfree.data.xy.XYDataset set = p.getDataset(d);
                for (int k = 0; set != null && k < set.getSeriesCount(); k++) {
                    if (lines++ >= MAX_NAMED) {
                        continue;
                    }
                    double high = Double.NaN;
                    double highAt = 0;
                    double least = Double.NaN;
                    double leastAt = 0;
                    for (int i = 0; i < set.getItemCount(k); i++) {
                        double y = set.getYValue(k, i);
                        if (Double.isNaN(y)) {
                            continue;
                        }
                        if (Double.isNaN(high) || y > high) {
                            high = y;
                            highAt = set.getXValue(k, i);
                        }
                        if (Double.isNaN(least) || y < least) {
                            least = y;
                            leastAt = set.getXValue(k, i);
                        }
                    }
                    if (Double.isNaN(high)) {
                        continue;
                    }
                    String highest = "highest " + figure(high) + " at " + at(top, highAt);
                    parts.add(set.getSeriesKey(k) + ": " + (!low ? highest : (least == 0 ? "reached 0 at "
                            : "lowest " + figure(least) + " at ") + at(top, leastAt) + (least == high ? ""
                            : ", " + highest)));
                }
            }
        }
        if (!parts.isEmpty()) {
            b.append(' ').append(String.join("; ", parts)).append(lines > MAX_NAMED ? "; and " + (lines - MAX_NAMED)
                    + " more lines." : ".");
        }
    }

    /** A value as the page writes it: whole with thousands separators, else to one decimal. */
    private static String figure(double v) {
        return v == Math.rint(v) ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%,.1f", v);
    }

    /** "Timeline actions marked (dashed lines): 00:30 create orders-api; ...": each labelled action line. */
    private static void actions(StringBuilder b, org.jfree.chart.plot.XYPlot top) {
        java.util.Map<Double, String> told = new java.util.TreeMap<>();
        for (org.jfree.chart.plot.XYPlot p : plots(top)) {
            java.util.Collection<?> markers = p.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
            for (Object o : markers == null ? List.of() : markers) {
                if (o instanceof org.jfree.chart.plot.ValueMarker m && !(o instanceof ChartStyle.MomentLine)
                        && ChartStyle.ACTION.equals(m.getPaint()) && m.getLabel() != null) {
                    told.putIfAbsent(m.getValue(), m.getLabel());
                }
            }
        }
        if (!told.isEmpty()) {
            List<String> parts = new java.util.ArrayList<>();
            told.forEach((x, label) -> parts.add(at(top, x) + " " + label));
            b.append(" Timeline actions marked (dashed lines): ").append(String.join("; ", parts)).append('.');
        }
    }

    /**
     * "Lifecycle moments marked (dotted lines): 14d 00:10 2 functions Inactive; ...", each moment the chart marks
     * ({@link ChartStyle.MomentLine}) at its time as the time axis writes it, as the page's text alternative of a
     * chart lists them.
     */
    private static void moments(StringBuilder b, org.jfree.chart.plot.Plot plot) {
        if (!(plot instanceof org.jfree.chart.plot.XYPlot top)) {
            return;
        }
        List<org.jfree.chart.plot.XYPlot> plots = top instanceof org.jfree.chart.plot.CombinedDomainXYPlot c
                ? c.getSubplots() : List.of(top);
        java.util.Map<LifecycleMoments.Marker, Double> told = new LinkedHashMap<>(); // each moment: its axis value
        for (org.jfree.chart.plot.XYPlot p : plots) {
            java.util.Collection<?> markers = p.getDomainMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
            for (Object o : markers == null ? List.of() : markers) {
                if (o instanceof ChartStyle.MomentLine m) {
                    for (LifecycleMoments.Marker x : m.moments()) {
                        told.putIfAbsent(x, x.atSeconds() / m.unitSeconds());
                    }
                }
            }
        }
        if (told.isEmpty()) {
            return;
        }
        java.text.NumberFormat clock = top.getDomainAxis() instanceof org.jfree.chart.axis.NumberAxis x
                ? x.getNumberFormatOverride() : null;
        List<String> parts = new java.util.ArrayList<>();
        told.entrySet().stream().sorted(java.util.Map.Entry.comparingByValue()).forEach(e -> parts.add(
                (clock == null ? ActionMarkers.span(e.getKey().atSeconds()) : clock.format(e.getValue())) + " "
                        + e.getKey().label()));
        b.append(" Lifecycle moments marked (dotted lines): ").append(String.join("; ", parts)).append('.');
    }

    private static void axis(StringBuilder b, String which, org.jfree.chart.axis.Axis axis) {
        if (axis != null && axis.getLabel() != null && !axis.getLabel().isEmpty()) {
            b.append(' ').append(which).append(": ").append(axis.getLabel()).append('.');
        }
    }

    private static void names(StringBuilder b, String what, java.util.List<String> names) {
        if (names.isEmpty()) {
            return;
        }
        b.append(' ').append(what).append(": ").append(String.join(", ", names.subList(0, Math.min(MAX_NAMED,
                names.size()))));
        if (names.size() > MAX_NAMED) {
            b.append(" and ").append(names.size() - MAX_NAMED).append(" more");
        }
        b.append('.');
    }

    /** Text for XML content: &amp;, &lt; and &gt; escaped. */
    static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
