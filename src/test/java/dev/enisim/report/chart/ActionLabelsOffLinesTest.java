package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.jfree.data.general.DatasetUtils;
import org.junit.jupiter.api.Test;

/**
 * The PNG charts' action labels ("svc-05 created +15 more") lie above every line their plot draws: shared-eni-65k's
 * fifth label lay across the connections chart's capacity line (130,000), the axis' upper margin a fixed share of the
 * plot's height however many rows of labels it had. Each chart as {@code ChartFiles.render} draws it, at its size: the
 * bottom of its lowest label row (its offset below the plot's top, its font's height) above the highest value of its
 * series and value markers.
 */
class ActionLabelsOffLinesTest {

    /** A chart drawn as its file is (room made for the action labels), with what a test measures on it. */
    record Drawn(JFreeChart chart, Graphics2D g, ChartRenderingInfo info) {

        static Drawn of(Charts.Chart c, RunResult r) {
            int height = ChartFiles.height(c, r);
            JFreeChart chart = c.chart();
            ChartFiles.roomForActionLabels(chart, ChartFiles.WIDTH, height);
            Graphics2D g = new BufferedImage(ChartFiles.WIDTH, height, BufferedImage.TYPE_INT_RGB).createGraphics();
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g, new Rectangle2D.Double(0, 0, ChartFiles.WIDTH, height), info);
            return new Drawn(chart, g, info);
        }

        /** The data area of plot {@code i} (of a combined chart's subplots, or the chart's one plot). */
        Rectangle2D area(int i) {
            return chart.getPlot() instanceof CombinedDomainXYPlot ? info.getPlotInfo().getSubplotInfo(i).getDataArea()
                    : info.getPlotInfo().getDataArea();
        }
    }

    @Test
    void actionLabelsLieAboveEveryLine() throws Exception {
        List<String> problems = new ArrayList<>();
        int labelled = 0;
        for (String name : List.of("shared-eni-65k", "quota-500", "quickstart", "az-outage", "diurnal-week",
                "ec2-request-limit")) {
            RunResult r = TeacherChartsTest.run(name);
            for (Charts.Chart c : Charts.all(r)) {
                Drawn drawn = Drawn.of(c, r);
                JFreeChart chart = drawn.chart();
                Graphics2D g = drawn.g();
                List<XYPlot> plots = chart.getPlot() instanceof CombinedDomainXYPlot cp ? cp.getSubplots()
                        : List.of(chart.getXYPlot());
                for (int i = 0; i < plots.size(); i++) {
                    XYPlot plot = plots.get(i);
                    if (!(plot.getRangeAxis() instanceof NumberAxis y) || y instanceof SymbolAxis) {
                        continue;
                    }
                    Rectangle2D area = drawn.area(i);
                    double lowestLabel = Double.NEGATIVE_INFINITY; // the bottom of the lowest label, px
                    String label = null;
                    for (Layer layer : List.of(Layer.FOREGROUND, Layer.BACKGROUND)) {
                        for (Object o : plot.getDomainMarkers(layer) == null ? List.of()
                                : plot.getDomainMarkers(layer)) {
                            Marker m = (Marker) o;
                            if (m.getLabel() == null || m.getLabel().isEmpty()) {
                                continue;
                            }
                            Font f = m.getLabelFont();
                            double bottom = area.getMinY() + m.getLabelOffset().getTop()
                                    + g.getFontMetrics(f).getHeight();
                            if (bottom > lowestLabel) {
                                lowestLabel = bottom;
                                label = m.getLabel();
                            }
                        }
                    }
                    if (label == null) {
                        continue;
                    }
                    labelled++;
                    double highest = Double.NEGATIVE_INFINITY;
                    for (int d = 0; d < plot.getDatasetCount(); d++) {
                        Number n = plot.getDataset(d) == null ? null
                                : DatasetUtils.findMaximumRangeValue(plot.getDataset(d));
                        if (n != null && !Double.isNaN(n.doubleValue())) {
                            highest = Math.max(highest, n.doubleValue());
                        }
                    }
                    double at = y.valueToJava2D(highest, area, plot.getRangeAxisEdge());
                    if (at < lowestLabel) {
                        problems.add(name + " " + c.name() + " panel " + i + ": \"" + label + "\" reaches "
                                + Math.round(lowestLabel - area.getMinY()) + " px into the plot, its highest line ("
                                + highest + ") is at " + Math.round(at - area.getMinY()) + " px");
                    }
                }
                g.dispose();
            }
        }
        assertTrue(labelled >= 10, "few labelled plots: " + labelled);
        assertEquals(List.of(), problems);
    }
}
