package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.ReportWriter;
import dev.enisim.run.RunResult;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;

/**
 * A teacher's review (finding 2): during az-outage's hour with us-east-1a down (00:30 to 01:30), charts/timeline.png
 * and the page's lifecycle figure drew reports-single-az solid Active and its ENI solid InUse, as if nothing
 * happened. The outage is now a band over the lanes it stops: the ENIs in us-east-1a's subnet and the function
 * with no subnet elsewhere; payments (a subnet in us-east-1b too) and its ENI in us-east-1b stay as they were.
 */
class AzOutageTimelineTest {

    /** The share of pixels of a small window around (minute, lane) that are exactly the state's colour. */
    private static double solid(BufferedImage img, XYPlot plot, Rectangle2D area, double minute, String lane,
            String state) {
        SymbolAxis y = (SymbolAxis) plot.getRangeAxis();
        int index = List.of(y.getSymbols()).indexOf(lane);
        assertTrue(index >= 0, "no lane " + lane);
        int cx = (int) Math.round(plot.getDomainAxis().valueToJava2D(minute, area, RectangleEdge.BOTTOM));
        int cy = (int) Math.round(y.valueToJava2D(index, area, RectangleEdge.LEFT));
        int rgb = Color.decode(Palette.STATES.get(state)).getRGB();
        int same = 0;
        int all = 0;
        for (int dx = -20; dx <= 20; dx++) {
            for (int dy = -5; dy <= 5; dy++) {
                all++;
                same += img.getRGB(cx + dx, cy + dy) == rgb ? 1 : 0;
            }
        }
        return same / (double) all;
    }

    @Test
    void theOutageIsMarkedOverTheLanesItStops() throws Exception {
        RunResult r = TeacherChartsTest.run("az-outage");
        JFreeChart chart = StateTimeline.chart(r);
        int h = StateTimeline.height(r);
        BufferedImage img = new BufferedImage(ChartFiles.WIDTH, h, BufferedImage.TYPE_INT_RGB);
        ChartRenderingInfo info = new ChartRenderingInfo();
        java.awt.Graphics2D g = img.createGraphics();
        chart.draw(g, new Rectangle2D.Double(0, 0, ChartFiles.WIDTH, h), info);
        g.dispose();
        XYPlot plot = chart.getXYPlot();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        // before the outage (00:15) and after it (01:45) every lane is solid in its state's colour
        for (double minute : new double[] {15, 105}) {
            assertEquals(1.0, solid(img, plot, area, minute, "reports-single-az", "Active"), 0.001, "at " + minute);
            assertEquals(1.0, solid(img, plot, area, minute, "eni-0001 subnet-1a+[sg-payments]", "InUse"), 0.001);
            assertEquals(1.0, solid(img, plot, area, minute, "eni-0003 subnet-1a+[sg-reports]", "InUse"), 0.001);
        }
        // during it (00:45, 01:15): the lanes of us-east-1a are no longer drawn solid
        for (double minute : new double[] {45, 75}) {
            assertTrue(solid(img, plot, area, minute, "reports-single-az", "Active") < 0.5,
                    "reports-single-az drawn solid Active at minute " + minute + " of the outage");
            assertTrue(solid(img, plot, area, minute, "eni-0001 subnet-1a+[sg-payments]", "InUse") < 0.5,
                    "eni-0001 (subnet-1a) drawn solid InUse at minute " + minute);
            assertTrue(solid(img, plot, area, minute, "eni-0003 subnet-1a+[sg-reports]", "InUse") < 0.5,
                    "eni-0003 (subnet-1a) drawn solid InUse at minute " + minute);
            // what the outage does not stop stays as it was
            assertEquals(1.0, solid(img, plot, area, minute, "payments", "Active"), 0.001,
                    "payments has a subnet in us-east-1b: it keeps serving");
            assertEquals(1.0, solid(img, plot, area, minute, "eni-0002 subnet-1b+[sg-payments]", "InUse"), 0.001);
        }
        // the band is named, in the plot and in the legend
        List<String> texts = new ArrayList<>();
        for (Object a : plot.getAnnotations()) {
            if (a instanceof org.jfree.chart.annotations.XYTextAnnotation t) {
                texts.add(t.getText());
            }
        }
        assertTrue(texts.contains("AZ us-east-1a down"), "the band's label: " + texts);
        List<String> legend = new ArrayList<>();
        for (int i = 0; i < plot.getLegendItems().getItemCount(); i++) {
            legend.add(plot.getLegendItems().get(i).getLabel());
        }
        assertTrue(legend.stream().anyMatch(l -> l.startsWith("AZ down")), "the legend: " + legend);
    }

    /** The page's lifecycle figure is the same chart (its SVG inline): the band is there too. */
    @Test
    void thePagesLifecycleFigureShowsTheOutage() throws Exception {
        String html = new String(ReportWriter.render(TeacherChartsTest.run("az-outage")).get("report.html"),
                StandardCharsets.UTF_8);
        String figure = html.substring(html.indexOf("<section id=\"lifecycle\">"));
        figure = figure.substring(0, figure.indexOf("</section>"));
        assertTrue(figure.contains("AZ down (dashed box"), "the legend names the band");
        int labels = figure.split("AZ us-east-1a down", -1).length - 1;
        assertTrue(labels >= 3, "the marker's label and one per band (the function with its ENI, the other ENI): "
                + labels);
    }

    /** A run with no outage draws no band. */
    @Test
    void noOutageNoBand() throws Exception {
        JFreeChart chart = StateTimeline.chart(TeacherChartsTest.run("teardown"));
        assertTrue(chart.getXYPlot().getAnnotations().isEmpty());
        for (int i = 0; i < chart.getXYPlot().getLegendItems().getItemCount(); i++) {
            LegendItem item = chart.getXYPlot().getLegendItems().get(i);
            assertTrue(!item.getLabel().startsWith("AZ down"), item.getLabel());
        }
    }
}
