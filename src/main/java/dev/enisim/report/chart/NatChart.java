package dev.enisim.report.chart;

import dev.enisim.metrics.Metric;
import dev.enisim.metrics.Seconds;
import dev.enisim.metrics.Series;
import dev.enisim.run.RunResult;
import dev.enisim.report.chart.Charts.Chart;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * NAT gateway egress: connections from each gateway to each hot destination (maximum per bucket) against the
 * 55,000 one address carries, with the connections each gateway refused (ErrorPortAllocation) in the note. Only
 * for a run whose scenario declares NAT gateways.
 */
final class NatChart {

    private static final int PER_ADDRESS = 55_000;

    private NatChart() {
    }

    /** Adds the chart to {@code out} when the run has NAT gateway series. */
    static void addTo(List<Chart> out, RunResult r) {
        XYSeriesCollection d = new XYSeriesCollection();
        long refused = 0;
        double step = Seconds.of(r.timeSeries().bucketMicros()) / Charts.unit(r).seconds();
        for (Series s : r.timeSeries().all(Metric.ERROR_PORT_ALLOCATION, Metric.Scope.NAT_GATEWAY)) {
            refused += Palette.sum(s.values());
        }
        for (Series s : r.timeSeries().all(Metric.NAT_CONNECTIONS, Metric.Scope.NAT_GATEWAY)) {
            XYSeries x = new XYSeries(s.id(), true, false);
            long[] v = s.values();
            for (int i = 0; i < v.length; i++) {
                x.add(i * step, Math.max(0, v[i]));
            }
            d.addSeries(x);
        }
        if (d.getSeriesCount() == 0) {
            return;
        }
        String title = "NAT gateway connections per destination";
        JFreeChart c = Charts.line(r, title + " (maximum per bucket)", "Connections", d, true);
        Charts.integerAxis(c);
        ValueMarker limit = new ValueMarker(PER_ADDRESS);
        limit.setPaint(Color.decode(Palette.STATES.get("Failed"))); // the limit in the palette's wine
        limit.setLabel("55,000 per address per destination");
        limit.setLabelFont(ChartStyle.MARKER);
        limit.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_LEFT);
        limit.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_LEFT);
        c.getXYPlot().addRangeMarker(limit);
        Charts.note(c, String.format(Locale.ROOT, "Connections refused (ErrorPortAllocation): %,d", refused));
        out.add(new Chart("nat-connections", title, c));
    }
}
