package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYIntervalSeriesCollection;
import org.junit.jupiter.api.Test;

/**
 * Browser review (session 41), h3 finding 3: idle-reclaim's ENIs are Deleting for about 15 minutes of a 45-day
 * axis, under a pixel: the state timeline (charts/timeline.png, and the same SVG on the page) showed no Deleting at
 * all though its legend listed it. Every spell that lasted is drawn at least 3 px wide, and the note says so.
 */
class ShortSpellsVisibleTest {

    @Test
    void idleReclaimsDeletingSpellsAreAtLeastThreePixelsWide() throws Exception {
        RunResult r = TeacherChartsTest.run("idle-reclaim");
        JFreeChart c = StateTimeline.chart(r);
        int height = StateTimeline.height(r);
        ChartRenderingInfo info = new ChartRenderingInfo();
        java.awt.image.BufferedImage img = new java.awt.image.BufferedImage(ChartFiles.WIDTH, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = img.createGraphics();
        c.draw(g, new Rectangle2D.Double(0, 0, ChartFiles.WIDTH, height), info);
        g.dispose();
        Rectangle2D area = info.getPlotInfo().getDataArea();
        XYPlot plot = c.getXYPlot();
        XYIntervalSeriesCollection d = (XYIntervalSeriesCollection) plot.getDataset();
        int deleting = -1;
        for (int i = 0; i < d.getSeriesCount(); i++) {
            if (d.getSeriesKey(i).equals("Deleting")) {
                deleting = i;
            }
        }
        assertTrue(deleting >= 0, "a Deleting series");
        assertEquals(4, d.getItemCount(deleting), "idle-reclaim's four ENIs deleted");
        org.jfree.chart.axis.ValueAxis x = plot.getDomainAxis();
        for (int j = 0; j < d.getItemCount(deleting); j++) {
            double px = x.valueToJava2D(d.getEndXValue(deleting, j), area, plot.getDomainAxisEdge())
                    - x.valueToJava2D(d.getStartXValue(deleting, j), area, plot.getDomainAxisEdge());
            assertTrue(px >= StateTimeline.MIN_SPELL_PIXELS - 0.2, "Deleting spell " + j + ": " + px + " px");
        }
        // Deleting's pink is in the image, in the lanes of the deleted ENIs
        int pink = java.awt.Color.decode(dev.enisim.report.chart.Palette.STATES.get("Deleting")).getRGB();
        int found = 0;
        for (int y = (int) area.getMinY(); y < area.getMaxY(); y++) {
            for (int px = (int) area.getMinX(); px < area.getMaxX(); px++) {
                if (img.getRGB(px, y) == pink) {
                    found++;
                }
            }
        }
        assertTrue(found > 4 * 5, "Deleting's colour drawn: " + found + " pixels");
        String notes = c.getSubtitles().toString();
        assertTrue(c.getSubtitles().stream().anyMatch(t -> t instanceof org.jfree.chart.title.TextTitle tt
                && tt.getText().contains("drawn 3 px wide")), notes);
    }
}
