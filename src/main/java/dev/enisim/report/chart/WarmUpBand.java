package dev.enisim.report.chart;

import dev.enisim.run.RunResult;
import java.awt.Color;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;

/**
 * The warm-up a run's summary leaves out ({@code --warm-up}): a light grey band over [0, warm-up) behind every time
 * chart's lines, labelled "warm-up" (on a chart of panels, on the first). The series themselves keep every bucket.
 * Nothing without a warm-up: the charts are then what they always were.
 */
final class WarmUpBand {

    /** The band's grey: lighter than the grid lines, so that the lines over it read as elsewhere. */
    static final Color GREY = new Color(0xEE, 0xEE, 0xEE);

    private WarmUpBand() {
    }

    /** Shades the warm-up on each of {@code charts} (none without one). */
    static void shade(List<Charts.Chart> charts, RunResult r) {
        Double warmUp = r.summary().warmUpSeconds();
        if (warmUp == null || warmUp <= 0) {
            return;
        }
        double end = warmUp / Charts.unit(r).seconds();
        for (Charts.Chart c : charts) {
            shade(c.chart(), end);
        }
    }

    /** Shades [0, {@code end}) (in the chart's x units) on the chart's plot, or each of its panels. */
    static void shade(JFreeChart chart, double end) {
        Plot p = chart.getPlot();
        if (p instanceof CombinedDomainXYPlot combined) {
            boolean first = true;
            for (XYPlot sub : combined.getSubplots()) {
                shade(sub, end, first);
                first = false;
            }
        } else if (p instanceof XYPlot xy) {
            shade(xy, end, true);
        }
    }

    private static void shade(XYPlot plot, double end, boolean labelled) {
        IntervalMarker band = new IntervalMarker(0, end, GREY);
        band.setAlpha(1f);
        if (labelled) {
            band.setLabel("warm-up");
            band.setLabelFont(ChartStyle.LABEL);
            band.setLabelPaint(Color.DARK_GRAY);
            band.setLabelAnchor(RectangleAnchor.BOTTOM);
            band.setLabelTextAnchor(TextAnchor.BOTTOM_CENTER);
        }
        plot.addDomainMarker(band, Layer.BACKGROUND);
    }
}
