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
            byState.get(s.state()).add(from, from, to, lane, lane - 0.35, lane + 0.35);
        }
        XYIntervalSeriesCollection data = new XYIntervalSeriesCollection();
        XYBarRenderer renderer = new XYBarRenderer();
        renderer.setUseYInterval(true);
        renderer.setBarPainter(new StandardXYBarPainter());
        renderer.setShadowVisible(false);
        int i = 0;
        for (Map.Entry<String, XYIntervalSeries> e : byState.entrySet()) {
            if (e.getValue().getItemCount() > 0) {
                data.addSeries(e.getValue());
                renderer.setSeriesPaint(i++, Charts.stateColors().get(e.getKey()));
            }
        }
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
        plot.getDomainAxis().setRange(0, Math.max(1e-9, r.summary().simulatedSeconds() / unit.seconds()));
        // a function's creation starts its lane, which says so; every other action (an AZ down, a deletion, a
        // redeploy) is labelled: az-outage's two dashed lines said nothing (a teacher's review)
        ChartStyle.markActions(plot, r.actions(), unit, a -> !startsALane(a.description()),
                r.summary().simulatedSeconds());
        Charts.note(chart, note(r));
        // the time axis runs to the plot's right edge: room for the last tick's label (it was cut to "02:0")
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 20));
        return chart;
    }

    /** Pixel height that gives every lane room. */
    static int height(RunResult r) {
        long lanes = spells(r).stream().map(Spell::lane).distinct().count();
        return (int) Math.max(300, 120 + 22 * lanes);
    }

    /** Whether an action is a function's creation (or its being in place at 0), which its lane shows. */
    static boolean startsALane(String description) {
        return description.startsWith("CreateFunction ") || description.startsWith("Existing function ");
    }

}
