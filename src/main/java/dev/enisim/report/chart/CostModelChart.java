package dev.enisim.report.chart;

import dev.enisim.bench.CostModel;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * {@code enisim bench --cost-model}'s chart: CPU ns per event in the steady state (without the set-up) against
 * functions (log scale), a line per key layout.
 */
public final class CostModelChart {

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
        LogAxis x = new LogAxis("functions");
        x.setBase(10);
        x.setSmallestValue(1);
        NumberAxis y = new NumberAxis("CPU ns per event (steady state)");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, x, y, new XYLineAndShapeRenderer(true, true));
        return new JFreeChart("enisim cost per event (loss traffic split over n functions)",
                JFreeChart.DEFAULT_TITLE_FONT, plot, true);
    }
}
