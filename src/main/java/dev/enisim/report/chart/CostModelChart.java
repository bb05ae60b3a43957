package dev.enisim.report.chart;

import dev.enisim.bench.CostModel;
import java.awt.BasicStroke;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code enisim bench --cost-model}'s chart: CPU ns per event in the steady state (without the set-up) against
 * functions (log scale), a line per key layout.
 */
public final class CostModelChart {

    private static final DecimalFormat COUNT = new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));

    private CostModelChart() {
    }

    public static JFreeChart of(List<CostModel.Point> points) {
        XYSeries own = new XYSeries("a key per function");
        XYSeries shared = new XYSeries("one key for all");
        for (CostModel.Point p : points) {
            if (p.functions() == 1) {
                own.add(1, p.steadyCpuNsPerEvent());
                shared.add(1, p.steadyCpuNsPerEvent());
            } else {
                (p.keys() == p.functions() ? own : shared).add(p.functions(), p.steadyCpuNsPerEvent());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(own);
        data.addSeries(shared);
        LogAxis x = new LogAxis("functions (log scale)");
        x.setBase(10);
        x.setSmallestValue(1);
        // a tick at each power of ten, written as a count (1, 10, 100, 1,000, 10,000), not as 10^2.0
        x.setTickUnit(new NumberTickUnit(1, COUNT)); // the override writes the labels: with a locale-free format too
        x.setNumberFormatOverride(COUNT);
        x.setLabelFont(ChartStyle.LABEL);
        x.setTickLabelFont(ChartStyle.TICK);
        NumberAxis y = new NumberAxis("CPU ns per event (steady state)");
        y.setAutoRangeIncludesZero(true);
        y.setNumberFormatOverride(COUNT);
        y.setLabelFont(ChartStyle.LABEL);
        y.setTickLabelFont(ChartStyle.TICK);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < 2; i++) {
            lines.setSeriesPaint(i, ChartStyle.SERIES[i]);
            lines.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, x, y, lines);
        JFreeChart chart = new JFreeChart("What an event costs as functions grow (loss traffic split over n functions)",
                ChartStyle.TITLE, plot, true);
        ChartStyle.base(chart);
        chart.setPadding(new RectangleInsets(6, 6, 4, 12)); // the title off the top edge, the last label inside
        return chart;
    }
}
