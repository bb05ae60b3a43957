package dev.enisim.report.chart;

import dev.enisim.metrics.RunSummary;
import dev.enisim.report.chart.ChartStyle.TimeUnit;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.data.xy.XYIntervalSeries;
import org.jfree.data.xy.XYIntervalSeriesCollection;

/**
 * A Gantt-style state timeline: one lane per function (Pending, Active, Inactive, Failed, Deleted) and one per
 * ENI (Creating, InUse, Deleting, Orphaned), one colour per state.
 */
public final class StateTimeline {

    /** ENIs shown at most (the first created); a month-long run can make many. */
    static final int MAX_ENI_LANES = 40;
    /** Functions shown at most (Failed ones first, then in the scenario's order). */
    static final int MAX_FUNCTION_LANES = 40;

    /** One bar: a lane, a state, and its interval in seconds. */
    public record Spell(String lane, String state, double fromSeconds, double toSeconds) {
    }

    private StateTimeline() {
    }

    /** Every spell of every function and (the first {@value #MAX_ENI_LANES}) ENI, lanes in order. */
    public static List<Spell> spells(RunResult r) {
        double end = r.summary().simulatedSeconds();
        List<Spell> out = new ArrayList<>();
        for (Map.Entry<String, RunSummary.FunctionSummary> f : shownFunctions(r)) {
            List<RunSummary.Transition> ts = f.getValue().transitions();
            for (int i = 0; i < ts.size(); i++) {
                double to = i + 1 < ts.size() ? ts.get(i + 1).atSeconds() : end;
                if (to > ts.get(i).atSeconds() || i + 1 == ts.size()) {
                    out.add(new Spell(f.getKey(), ts.get(i).state().name(), ts.get(i).atSeconds(), Math.max(to,
                            ts.get(i).atSeconds())));
                }
            }
        }
        int n = 0;
        for (var e : r.enis()) {
            if (n++ >= MAX_ENI_LANES) {
                break;
            }
            String lane = e.id() + " " + e.key();
            double ended = e.endedSeconds().orElse(end);
            double ready = e.readySeconds().orElse(end);
            out.add(new Spell(lane, "Creating", e.createdSeconds(), ready));
            if (e.readySeconds().isPresent()) {
                out.add(new Spell(lane, "InUse", ready, e.deletionRequestedSeconds().orElse(ended)));
            }
            if (e.deletionRequestedSeconds().isPresent()) {
                out.add(new Spell(lane, "Deleting", e.deletionRequestedSeconds().getAsDouble(),
                        e.orphanedSeconds().orElse(ended)));
            }
            if (e.orphanedSeconds().isPresent()) {
                out.add(new Spell(lane, "Orphaned", e.orphanedSeconds().getAsDouble(), ended));
            }
        }
        return out;
    }

    private static List<Map.Entry<String, RunSummary.FunctionSummary>> shownFunctions(RunResult r) {
        List<Map.Entry<String, RunSummary.FunctionSummary>> all = new ArrayList<>(r.summary().functions().entrySet());
        List<Map.Entry<String, RunSummary.FunctionSummary>> out = new ArrayList<>();
        for (var f : all) {
            if (f.getValue().finalState().equals("Failed") && out.size() < MAX_FUNCTION_LANES) {
                out.add(f);
            }
        }
        for (var f : all) {
            if (!f.getValue().finalState().equals("Failed") && out.size() < MAX_FUNCTION_LANES) {
                out.add(f);
            }
        }
        out.sort(java.util.Comparator.comparingInt(all::indexOf));
        return out;
    }

    /** "40 of 246 ENIs shown (the first created)", or "" when every lane is drawn. */
    public static String note(RunResult r) {
        List<String> parts = new ArrayList<>();
        int fns = r.summary().functions().size();
        if (fns > MAX_FUNCTION_LANES) {
            parts.add(MAX_FUNCTION_LANES + " of " + String.format(java.util.Locale.ROOT, "%,d", fns)
                    + " functions shown (Failed ones first)");
        }
        if (r.enis().size() > MAX_ENI_LANES) {
            parts.add(MAX_ENI_LANES + " of " + String.format(java.util.Locale.ROOT, "%,d", r.enis().size())
                    + " ENIs shown (the first created; all in enis.csv)");
        }
        return String.join("; ", parts);
    }

    static JFreeChart chart(RunResult r) {
        return build(r).chart();
    }

    /** Pixel height that gives every lane room, and the action labels their lane above the bars. */
    static int height(RunResult r) {
        return build(r).height();
    }

    /** The chart and the height it is laid out for. */
    private record Built(JFreeChart chart, int height) {
    }

    /** Pixels above the bars for the labels: a margin, then a row each. */
    static final double LANE_MARGIN = 6;
    static final double ROW_PIXELS = 14;
    /** Rows of labels at most; an action whose label finds no room in them is a line alone. */
    static final int LABEL_ROWS = 5;
    /** The most actions marked (a line each). */
    static final int MAX_MARKERS = 1_000;
    /** Half a bar's height, in lanes (a lane is 1). */
    static final double BAR_HALF = 0.35;

    private static Built build(RunResult r) {
        List<Spell> spells = spells(r);
        List<String> lanes = new ArrayList<>();
        for (Spell s : spells) {
            if (!lanes.contains(s.lane())) {
                lanes.add(s.lane());
            }
        }
        TimeUnit unit = Charts.unit(r);
        Map<String, XYIntervalSeries> byState = new LinkedHashMap<>();
        for (String state : Charts.stateColors().keySet()) {
            byState.put(state, new XYIntervalSeries(state));
        }
        for (Spell s : spells) {
            int lane = lanes.size() - 1 - lanes.indexOf(s.lane()); // first lane at the top
            double from = s.fromSeconds() / unit.seconds();
            double to = Math.max(s.toSeconds() / unit.seconds(), from);
            byState.get(s.state()).add(from, from, to, lane, lane - BAR_HALF, lane + BAR_HALF);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setShadowVisible(false);
        java.util.Set<Integer> hatched = new java.util.HashSet<>();
        int i = 0;
        for (Map.Entry<String, XYIntervalSeries> e : byState.entrySet()) {
            if (e.getValue().getItemCount() > 0) {
                data.addSeries(e.getValue());
                renderer.setSeriesPaint(i, Charts.stateColors().get(e.getKey()));
                if (Palette.HATCHED.contains(e.getKey())) {
                    hatched.add(i);
                }
                i++;
            }
        }
        // Failed is told by its hatching too, not by its colour alone (a teacher's review: Active and Failed were
        // one olive to a red/green colour-blind reader); the legend says so
        renderer.setBarPainter(new HatchingPainter(hatched));
        renderer.setLegendItemLabelGenerator((d, series) -> {
            String key = String.valueOf(d.getSeriesKey(series));
            return Palette.HATCHED.contains(key) ? key + " (hatched)" : key;
        });
        String[] labels = new String[lanes.size()];
        for (int l = 0; l < lanes.size(); l++) {
            labels[lanes.size() - 1 - l] = lanes.get(l);
        }
        SymbolAxis y = new SymbolAxis(null, labels);
        y.setTickLabelFont(ChartStyle.TICK);
        y.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(data, new NumberAxis(), y, renderer);
        JFreeChart chart = new JFreeChart("State timeline: functions and ENIs", ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, unit, null);
        double span = r.summary().simulatedSeconds();
        plot.getDomainAxis().setRange(0, Math.max(1e-9, span / unit.seconds()));
        y.setRange(-0.5, lanes.size() - 0.5);
        Charts.note(chart, note(r));
        // the time axis runs to the plot's right edge: room for the last tick's label (it was cut to "02:0")
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 20));
        // a function's creation starts its lane, which says so; every other action (an AZ down, a deletion, a
        // redeploy) is labelled: az-outage's two dashed lines said nothing (a teacher's review). The labels sit in
        // a lane of their own above the bars (they covered the top lanes' bars: teardown's "api deleted"), in rows
        // that keep them off each other, laid out against the plot's width as drawn
        int baseHeight = (int) Math.max(300, 120 + 22 * lanes.size());
        double width = dataArea(chart, baseHeight).getWidth();
        List<RunSummary.Action> actions = r.actions().subList(0, Math.min(r.actions().size(), MAX_MARKERS));
        List<Placed> placed = layout(actions, a -> !startsALane(a.description()), span, width);
        int rows = 0;
        for (Placed p : placed) {
            rows = Math.max(rows, p.row() + 1);
        }
        double lanePixels = rows == 0 ? 0 : LANE_MARGIN + ROW_PIXELS * rows + 2;
        int height = (int) Math.ceil(baseHeight + lanePixels);
        mark(plot, actions, placed, unit);
        if (rows > 0) {
            double area = dataArea(chart, height).getHeight();
            double perLane = Math.max(1, (area - lanePixels) / lanes.size());
            y.setRange(-0.5, lanes.size() - 0.5 + lanePixels / perLane);
        }
        return new Built(chart, height);
    }

    /** The plot's data area when the chart is drawn {@link ChartFiles#WIDTH} wide and {@code height} high. */
    private static java.awt.geom.Rectangle2D dataArea(JFreeChart chart, int height) {
        org.jfree.chart.ChartRenderingInfo info = new org.jfree.chart.ChartRenderingInfo();
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(1, 1,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING, java.awt.RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING,
                java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, ChartFiles.WIDTH, height), info);
        g.dispose();
        return info.getPlotInfo().getDataArea();
    }

    /** An action's label in the lane: its row (0 at the top) and whether it runs left of its line (at the right end). */
    record Placed(RunSummary.Action action, String label, int row, boolean leftOfLine) {
    }

    /** A label's width in pixels as drawn (the marker font), with room for other renderers of the SVG. */
    static double labelWidth(String label) {
        return ChartStyle.MARKER.getStringBounds(label, new java.awt.font.FontRenderContext(null, true, true))
                .getWidth() + 6;
    }

    /**
     * The labels of the actions {@code labelled} accepts, each in the first of {@value #LABEL_ROWS} rows where it
     * overlaps no other label (its extent measured against a plot {@code plotPixels} wide covering {@code
     * spanSeconds}); running left of its line where it would pass the plot's right edge. An action with no room is
     * left out (its line alone).
     */
    static List<Placed> layout(List<RunSummary.Action> actions,
            java.util.function.Predicate<RunSummary.Action> labelled, double spanSeconds, double plotPixels) {
        List<List<double[]>> taken = new ArrayList<>();
        for (int row = 0; row < LABEL_ROWS; row++) {
            taken.add(new ArrayList<>());
        }
        double perSecond = plotPixels / Math.max(spanSeconds, 1e-9);
        List<Placed> out = new ArrayList<>();
        for (RunSummary.Action a : actions) {
            if (!labelled.test(a)) {
                continue;
            }
            String label = Palette.shortLabel(a.description());
            double x = a.atSeconds() * perSecond;
            double w = labelWidth(label) + 4;
            boolean left = x + w > plotPixels && x - w >= 0;
            double from = left ? x - w : x;
            double to = left ? x : x + w;
            for (int row = 0; row < LABEL_ROWS; row++) {
                boolean free = true;
                for (double[] t : taken.get(row)) {
                    free &= to <= t[0] || from >= t[1];
                }
                if (free) {
                    taken.get(row).add(new double[] {from, to});
                    out.add(new Placed(a, label, row, left));
                    break;
                }
            }
        }
        return out;
    }

    /** A dashed line for every action; the placed ones labelled in their row of the lane above the bars. */
    private static void mark(XYPlot plot, List<RunSummary.Action> actions, List<Placed> placed, TimeUnit unit) {
        Map<RunSummary.Action, Placed> by = new java.util.IdentityHashMap<>();
        for (Placed p : placed) {
            by.put(p.action(), p);
        }
        for (RunSummary.Action a : actions) {
            org.jfree.chart.plot.ValueMarker m = new org.jfree.chart.plot.ValueMarker(a.atSeconds() / unit.seconds());
            m.setPaint(new java.awt.Color(0x9E9E9E));
            m.setStroke(new java.awt.BasicStroke(1f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER,
                    10f, new float[] {4f, 3f}, 0f));
            Placed p = by.get(a);
            if (p != null) {
                m.setLabel(p.label());
                m.setLabelFont(ChartStyle.MARKER);
                m.setLabelPaint(new java.awt.Color(0x424242));
                m.setLabelBackgroundColor(new java.awt.Color(255, 255, 255, 200));
                m.setLabelAnchor(p.leftOfLine() ? org.jfree.chart.ui.RectangleAnchor.TOP_LEFT
                        : org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
                m.setLabelTextAnchor(p.leftOfLine() ? org.jfree.chart.ui.TextAnchor.TOP_RIGHT
                        : org.jfree.chart.ui.TextAnchor.TOP_LEFT);
                m.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(LANE_MARGIN + ROW_PIXELS * p.row(), 2, 2, 2));
            }
            plot.addDomainMarker(m);
        }
    }

    /**
     * Paints bars as {@link StandardXYBarPainter} does, then white diagonal hatching over those of the {@code hatched}
     * series: plain lines computed inside the bar (no clip), aligned across bars, the same in the PNG and the SVG.
     */
    static final class HatchingPainter extends StandardXYBarPainter {
        private static final long serialVersionUID = 1L;
        static final double STEP = 7;
        private final java.util.Set<Integer> hatched;

        HatchingPainter(java.util.Set<Integer> hatched) {
            this.hatched = java.util.Set.copyOf(hatched);
        }

        @Override
        public void paintBar(java.awt.Graphics2D g2, XYBarRenderer renderer, int row, int column,
                java.awt.geom.RectangularShape bar, org.jfree.chart.ui.RectangleEdge base) {
            super.paintBar(g2, renderer, row, column, bar, base);
            if (!hatched.contains(row)) {
                return;
            }
            java.awt.Paint paint = g2.getPaint();
            java.awt.Stroke stroke = g2.getStroke();
            g2.setPaint(java.awt.Color.WHITE);
            g2.setStroke(new java.awt.BasicStroke(1.5f, java.awt.BasicStroke.CAP_BUTT, java.awt.BasicStroke.JOIN_MITER));
            double x0 = bar.getMinX();
            double x1 = bar.getMaxX();
            double y0 = bar.getMinY();
            double y1 = bar.getMaxY();
            // lines x = y + c, c a multiple of STEP so that the hatching of adjacent bars lines up; one path per bar,
            // its ends on half pixels (a line element each, in full precision, weighed 17 kB in one lane's SVG)
            java.awt.geom.Path2D.Double path = new java.awt.geom.Path2D.Double();
            for (double c = Math.floor((x0 - y1) / STEP) * STEP; c <= x1 - y0; c += STEP) {
                double lo = Math.max(y0, x0 - c);
                double hi = Math.min(y1, x1 - c);
                if (hi - lo > 0.5) {
                    path.moveTo(half(lo + c), half(lo));
                    path.lineTo(half(hi + c), half(hi));
                }
            }
            g2.draw(path);
            g2.setPaint(paint);
            g2.setStroke(stroke);
        }

        private static double half(double v) {
            return Math.round(v * 2) / 2.0;
        }
    }

    /** Whether an action is a function's creation (or its being in place at 0), which its lane shows. */
    static boolean startsALane(String description) {
        return description.startsWith("CreateFunction ") || description.startsWith("Existing function ");
    }

}
