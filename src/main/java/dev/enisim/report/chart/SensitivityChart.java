package dev.enisim.report.chart;

import dev.enisim.experiment.Sensitivity;
import java.awt.Color;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The tornado of a sensitivity analysis: one horizontal bar per assumption, the most important at the top.
 * Morris: mu* (the mean absolute change of the metric across the range) and sigma; Sobol: the total index ST
 * (the share of the variance due to the assumption, alone or with others) and the first-order S1.
 */
public final class SensitivityChart {

    private SensitivityChart() {
    }

    public static JFreeChart render(Sensitivity.MetricResult r, Sensitivity.Method method) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        boolean morris = method == Sensitivity.Method.MORRIS;
        String a = morris ? "mu* (mean |effect| across the range)" : "ST (total index)";
        String b = morris ? "sigma (spread of the effects)" : "S1 (first-order index)";
        double largest = 0;
        for (Sensitivity.FactorResult f : r.ranking()) {
            String name = f.factor().path();
            double first = morris ? f.morris().muStar() : f.sobol().st();
            double second = morris ? f.morris().sigma() : Math.max(0, f.sobol().s1());
            data.addValue(first, a, name);
            data.addValue(second, b, name);
            largest = Math.max(largest, Math.max(Math.abs(first), Math.abs(second)));
        }
        CategoryAxis cat = new CategoryAxis();
        cat.setTickLabelFont(ChartStyle.TICK);
        cat.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis value = new NumberAxis(morris ? r.metric() + ": change across the range" : "share of variance");
        value.setStandardTickUnits(RootTickUnits.standard()); // JFreeChart's own labels follow the JVM's locale
        value.setLabelFont(ChartStyle.LABEL);
        value.setTickLabelFont(ChartStyle.TICK);
        // every effect 0 (a metric the design never moved): JFreeChart's automatic range was -5E-9 to 5E-9, 21
        // tick labels run together under an empty plot; 0 to 1 and a subtitle saying why nothing is drawn
        boolean none = largest == 0;
        if (!morris || none) {
            value.setRange(0, 1);
        }
        if (none) {
            value.setTickUnit(new org.jfree.chart.axis.NumberTickUnit(0.1, java.text.NumberFormat.getNumberInstance(java.util.Locale.ROOT)));
        }
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, ChartStyle.SERIES[0]);
        bars.setSeriesPaint(1, new Color(0x90CAF9));
        bars.setItemMargin(0.05);
        CategoryPlot plot = new CategoryPlot(data, cat, value, bars);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        value.setUpperMargin(0.08);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xE0E0E0));
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart("What " + r.metric() + " hangs on (" + (morris ? "Morris" : "Sobol") + ")",
                ChartStyle.TITLE, plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        // room on the right for the last tick label, which ended cut off at the image's edge ("9,00")
        chart.setPadding(new org.jfree.chart.ui.RectangleInsets(4, 4, 4, 24));
        if (none) {
            org.jfree.chart.title.TextTitle why = new org.jfree.chart.title.TextTitle(
                    morris ? "no bars: every effect is 0 (no step of the design changed the metric)"
                            : "no bars: every index is 0",
                    ChartStyle.LABEL);
            chart.addSubtitle(why);
        }
        chart.getLegend().setItemFont(ChartStyle.LABEL);
        chart.getLegend().setFrame(org.jfree.chart.block.BlockBorder.NONE);
        return chart;
    }
}
