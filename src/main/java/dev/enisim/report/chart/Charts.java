package dev.enisim.report.chart;

import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Series;
import dev.enisim.metrics.TimeSeries;
import dev.enisim.report.chart.ChartStyle.TimeUnit;
import dev.enisim.run.RunResult;
import java.awt.BasicStroke;
import java.awt.Color;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StackedXYAreaRenderer2;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.DefaultTableXYDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a run, built from its {@link RunResult} only. Dataset builders are separate so that tests can
 * check the series without looking at pixels. Long runs are downsampled to at most {@link #MAX_POINTS} points
 * per series (counts summed, levels keeping their extremes).
 */
public final class Charts {

    /** A chart and the file name it is written under (without extension). */
    public record Chart(String name, String title, JFreeChart chart) {
    }

    static final int MAX_POINTS = 600;
    private static final int MAX_LINES = 10;

    private Charts() {
    }

    /** Every chart that has something to show for this run, in reading order. */
    public static List<Chart> all(RunResult r) {
        List<Chart> out = new ArrayList<>();
        out.add(new Chart("invocations", "Invocations by outcome", invocations(r)));
        if (latencyDataset(r).getSeriesCount() > 0) {
            out.add(new Chart("latency", "Latency of successful invocations", latency(r)));
        }
        out.add(new Chart("concurrency", "ConcurrentExecutions", concurrency(r)));
        XYSeriesCollection enis = perKey(r, "Sim.HyperplaneEniCount");
        if (enis.getSeriesCount() > 0) {
            out.add(new Chart("enis", "Hyperplane ENIs per key", line(r, "Hyperplane ENIs per key", "ENIs", enis,
                    true)));
            out.add(new Chart("connections", "Connections per key", connections(r)));
        }
        if (!r.summary().subnets().isEmpty()) {
            out.add(new Chart("subnet-ips", "Available IPs per subnet", subnets(r)));
        }
        if (!r.summary().functions().isEmpty()) {
            out.add(new Chart("timeline", "State timeline", StateTimeline.chart(r)));
        }
        return out;
    }

    static TimeUnit unit(RunResult r) {
        return TimeUnit.forDuration(r.summary().simulatedSeconds());
    }

    // ---- datasets -------------------------------------------------------------------------------------------

    static Series find(TimeSeries ts, String scope, String id, String metric, String statistic) {
        for (Series s : ts.series()) {
            if (s.scope().equals(scope) && s.id().equals(id) && s.metric().equals(metric)
                    && (statistic == null || s.statistic().equals(statistic))) {
                return s;
            }
        }
        return null;
    }

    /** x values of merged buckets (bucket starts) in the chart's time unit, and the merge factor. */
    private static XYSeries series(String key, long[] values, TimeSeries ts, TimeUnit unit, Downsample.Mode mode,
            double scale, boolean gaps) {
        int factor = Downsample.factor(values.length, MAX_POINTS);
        long[] merged = Downsample.merge(values, factor, mode);
        XYSeries s = new XYSeries(key, true, false);
        double step = ts.bucketMicros() * (double) factor / 1e6 / unit.seconds();
        for (int i = 0; i < merged.length; i++) {
            if (merged[i] < 0 && gaps) {
                s.add(i * step, null);
            } else {
                s.add(i * step, Math.max(0, merged[i]) * scale);
            }
        }
        return s;
    }

    /** The account's invocations per bucket, stacked by outcome: success, function errors, throttles, errors. */
    public static DefaultTableXYDataset invocationsDataset(RunResult r) {
        TimeSeries ts = r.timeSeries();
        TimeUnit u = unit(r);
        DefaultTableXYDataset d = new DefaultTableXYDataset();
        Series inv = find(ts, "account", "", "Invocations", null);
        Series err = find(ts, "account", "", "Errors", null);
        long[] ok = new long[ts.buckets()];
        for (int i = 0; i < ok.length; i++) {
            ok[i] = inv.values()[i] - err.values()[i];
        }
        d.addSeries(series("Succeeded", ok, ts, u, Downsample.Mode.SUM, 1, false));
        d.addSeries(series("Function errors", err.values(), ts, u, Downsample.Mode.SUM, 1, false));
        d.addSeries(series("Throttles (429)", find(ts, "account", "", "Throttles", null).values(), ts, u,
                Downsample.Mode.SUM, 1, false));
        for (Series s : ts.series()) {
            if (s.scope().equals("account") && s.metric().startsWith("Sim.InvokeErrors.")) {
                d.addSeries(series(s.metric().substring("Sim.InvokeErrors.".length()), s.values(), ts, u,
                        Downsample.Mode.SUM, 1, false));
            }
        }
        return d;
    }

    /** The account's latency p50/p90/p99 in milliseconds (gaps where nothing succeeded). */
    public static XYSeriesCollection latencyDataset(RunResult r) {
        XYSeriesCollection c = new XYSeriesCollection();
        TimeSeries ts = r.timeSeries();
        for (String stat : List.of("p50", "p90", "p99")) {
            Series s = find(ts, "account", "", "Duration", stat);
            if (s != null && java.util.Arrays.stream(s.values()).anyMatch(v -> v >= 0)) {
                c.addSeries(series(stat, s.values(), ts, unit(r), Downsample.Mode.MAX, 1e-3, true));
            }
        }
        return c;
    }

    /** One series per ENI key (the busiest {@value #MAX_LINES}) of {@code metric}. */
    public static XYSeriesCollection perKey(RunResult r, String metric) {
        XYSeriesCollection c = new XYSeriesCollection();
        List<Series> keys = new ArrayList<>();
        for (Series s : r.timeSeries().series()) {
            if (s.scope().equals("eniKey") && s.metric().equals(metric)
                    && java.util.Arrays.stream(s.values()).anyMatch(v -> v > 0)) {
                keys.add(s);
            }
        }
        keys.sort((a, b) -> Long.compare(max(b.values()), max(a.values())));
        for (Series s : keys.subList(0, Math.min(MAX_LINES, keys.size()))) {
            c.addSeries(series(s.id(), s.values(), r.timeSeries(), unit(r), Downsample.Mode.MAX, 1, false));
        }
        return c;
    }

    /** Free addresses per subnet, labelled with the subnet's usable size. */
    public static XYSeriesCollection subnetDataset(RunResult r) {
        XYSeriesCollection c = new XYSeriesCollection();
        Map<String, RunSummary.SubnetSummary> subnets = r.summary().subnets();
        for (Series s : r.timeSeries().series()) {
            if (s.scope().equals("subnet") && s.metric().equals("Sim.SubnetAvailableIps") && c.getSeriesCount()
                    < MAX_LINES) {
                RunSummary.SubnetSummary sub = subnets.get(s.id());
                c.addSeries(series(s.id() + " (" + sub.cidr() + ", " + sub.usableIps() + " usable)", s.values(),
                        r.timeSeries(), unit(r), Downsample.Mode.MIN, 1, false));
            }
        }
        return c;
    }

    private static long max(long[] v) {
        long m = Long.MIN_VALUE;
        for (long x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    // ---- charts ---------------------------------------------------------------------------------------------

    static JFreeChart invocations(RunResult r) {
        DefaultTableXYDataset d = invocationsDataset(r);
        NumberAxis x = new NumberAxis();
        NumberAxis y = new NumberAxis();
        StackedXYAreaRenderer2 renderer = new StackedXYAreaRenderer2();
        Color[] colors = {ChartStyle.SUCCESS, ChartStyle.FUNCTION_ERROR, ChartStyle.THROTTLE};
        for (int i = 0; i < d.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, i < 3 ? colors[i] : ChartStyle.ERRORS[(i - 3) % ChartStyle.ERRORS.length]);
        }
        XYPlot plot = new XYPlot(d, x, y, renderer);
        JFreeChart chart = new JFreeChart("Invocations by outcome", ChartStyle.TITLE,
                plot, true);
        ChartStyle.apply(chart, unit(r), "Invocations per " + bucketLabel(r, Downsample.factor(
                r.timeSeries().buckets(), MAX_POINTS)));
        ChartStyle.markActions(plot, r.actions(), unit(r));
        return chart;
    }

    static JFreeChart latency(RunResult r) {
        JFreeChart chart = line(r, "Latency of successful invocations (init + duration)", "Latency (ms)",
                latencyDataset(r), false);
        return chart;
    }

    static JFreeChart concurrency(RunResult r) {
        XYSeriesCollection c = new XYSeriesCollection();
        TimeSeries ts = r.timeSeries();
        c.addSeries(series("Account", find(ts, "account", "", "ConcurrentExecutions", null).values(), ts, unit(r),
                Downsample.Mode.MAX, 1, false));
        for (Map.Entry<String, RunSummary.FunctionSummary> f : r.summary().functions().entrySet()) {
            if (c.getSeriesCount() >= MAX_LINES) {
                break;
            }
            Series s = find(ts, "function", f.getKey(), "ConcurrentExecutions", null);
            if (s != null && max(s.values()) > 0) {
                c.addSeries(series(f.getKey(), s.values(), ts, unit(r), Downsample.Mode.MAX, 1, false));
            }
        }
        JFreeChart chart = line(r, "ConcurrentExecutions (maximum per bucket)", "Concurrent executions", c, true);
        XYPlot plot = chart.getXYPlot();
        ValueMarker limit = new ValueMarker(r.scenario().account().concurrencyLimit());
        limit.setPaint(ChartStyle.THROTTLE);
        limit.setStroke(new BasicStroke(1.5f));
        limit.setLabel("account limit " + r.scenario().account().concurrencyLimit());
        limit.setLabelFont(ChartStyle.MARKER);
        limit.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        limit.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
        plot.addRangeMarker(limit);
        for (var f : r.scenario().functions()) {
            if (f.reservedConcurrency().isPresent()) {
                ValueMarker m = new ValueMarker(f.reservedConcurrency().getAsInt());
                m.setPaint(new Color(0x90A4AE));
                m.setLabel(f.name() + " reserved " + f.reservedConcurrency().getAsInt());
                m.setLabelFont(ChartStyle.MARKER);
                m.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
                m.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
                plot.addRangeMarker(m);
            }
        }
        return chart;
    }

    static JFreeChart connections(RunResult r) {
        XYSeriesCollection c = perKey(r, "Sim.EniConnections");
        JFreeChart chart = line(r, "Connections per key (maximum per bucket)", "Connections", c, true);
        ValueMarker cap = new ValueMarker(r.scenario().hyperplane().connectionsPerEni());
        cap.setPaint(ChartStyle.ERRORS[0]);
        cap.setStroke(new BasicStroke(1.5f));
        cap.setLabel(String.format("%,d per ENI", r.scenario().hyperplane().connectionsPerEni()));
        cap.setLabelFont(ChartStyle.MARKER);
        cap.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        cap.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
        XYPlot plot = chart.getXYPlot();
        if (max(maxima(c)) * 2 >= r.scenario().hyperplane().connectionsPerEni()) {
            plot.addRangeMarker(cap); // only when the data come near it, or the scale would flatten them
        }
        return chart;
    }

    private static long[] maxima(XYSeriesCollection c) {
        long[] out = new long[c.getSeriesCount()];
        for (int i = 0; i < out.length; i++) {
            out[i] = (long) c.getSeries(i).getMaxY();
        }
        return out.length == 0 ? new long[] {0} : out;
    }

    /** One panel per subnet (its own scale), the usable size marked: a /28 running out stays visible. */
    static JFreeChart subnets(RunResult r) {
        XYSeriesCollection all = subnetDataset(r);
        org.jfree.chart.plot.CombinedDomainXYPlot combined =
                new org.jfree.chart.plot.CombinedDomainXYPlot(new NumberAxis());
        int i = 0;
        for (Map.Entry<String, RunSummary.SubnetSummary> e : r.summary().subnets().entrySet()) {
            if (i >= all.getSeriesCount()) {
                break;
            }
            XYSeriesCollection one = new XYSeriesCollection(all.getSeries(i));
            XYStepRenderer renderer = new XYStepRenderer();
            renderer.setSeriesPaint(0, ChartStyle.SERIES[i % ChartStyle.SERIES.length]);
            renderer.setSeriesStroke(0, new BasicStroke(2f));
            NumberAxis y = new NumberAxis("free IPs");
            y.setLabelFont(ChartStyle.TICK);
            y.setTickLabelFont(ChartStyle.TICK);
            y.setRange(0, e.getValue().usableIps() * 1.08);
            XYPlot p = new XYPlot(one, null, y, renderer);
            p.setBackgroundPaint(Color.WHITE);
            p.setRangeGridlinePaint(new Color(0xE0E0E0));
            p.setDomainGridlinePaint(new Color(0xE0E0E0));
            ValueMarker usable = new ValueMarker(e.getValue().usableIps());
            usable.setPaint(new Color(0x9E9E9E));
            usable.setLabel(e.getValue().usableIps() + " usable");
            usable.setLabelFont(ChartStyle.MARKER);
            usable.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
            usable.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
            p.addRangeMarker(usable);
            combined.add(p, 1);
            i++;
        }
        JFreeChart chart = new JFreeChart("Available IPs per subnet (minimum per bucket)", ChartStyle.TITLE, combined,
                true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.getLegend().setItemFont(ChartStyle.LABEL);
        NumberAxis x = (NumberAxis) combined.getDomainAxis();
        x.setLabel("Simulated time (" + unit(r).name() + ")");
        x.setLabelFont(ChartStyle.LABEL);
        x.setTickLabelFont(ChartStyle.TICK);
        return chart;
    }

    static JFreeChart line(RunResult r, String title, String yLabel, XYSeriesCollection d, boolean steps) {
        NumberAxis x = new NumberAxis();
        NumberAxis y = new NumberAxis();
        XYLineAndShapeRenderer renderer = steps ? new XYStepRenderer() : new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < d.getSeriesCount(); i++) {
            renderer.setSeriesPaint(i, ChartStyle.SERIES[i % ChartStyle.SERIES.length]);
            renderer.setSeriesStroke(i, new BasicStroke(i == 0 ? 2f : 1.5f));
        }
        XYPlot plot = new XYPlot(d, x, y, renderer);
        plot.setOrientation(PlotOrientation.VERTICAL);
        JFreeChart chart = new JFreeChart(title, ChartStyle.TITLE, plot, true);
        ChartStyle.apply(chart, unit(r), yLabel);
        ChartStyle.markActions(plot, r.actions(), unit(r));
        return chart;
    }

    private static String bucketLabel(RunResult r, int factor) {
        long s = r.timeSeries().bucketMicros() * factor / 1_000_000;
        if (s % 86_400 == 0) {
            return (s / 86_400) + " d";
        }
        if (s % 3600 == 0) {
            return (s / 3600) + " h";
        }
        if (s % 60 == 0) {
            return (s / 60) + " min";
        }
        return s + " s";
    }

    /** Colour by state name, shared with the timeline. */
    static Map<String, Color> stateColors() {
        Map<String, Color> m = new LinkedHashMap<>();
        m.put("Pending", new Color(0xFFB300));
        m.put("Active", ChartStyle.SUCCESS);
        m.put("Inactive", new Color(0x90A4AE));
        m.put("Failed", ChartStyle.ERRORS[0]);
        m.put("Deleted", new Color(0x424242));
        m.put("Creating", new Color(0xFFD54F));
        m.put("InUse", new Color(0x42A5F5));
        m.put("Deleting", new Color(0xFF7043));
        m.put("Orphaned", new Color(0x8D6E63));
        return m;
    }
}
