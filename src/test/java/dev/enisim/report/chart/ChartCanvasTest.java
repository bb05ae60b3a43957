package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CI ran out of memory drawing quota-500's charts in a heap of 56 MiB (the run's estimate), and one run in five did at
 * 44 MiB: each PNG was drawn on pixels of its own, and the tallest (the timeline's 7.2 MiB) found no free run of
 * regions once the other charts' bytes were held. A report's PNGs are now drawn one after the other on one array of
 * pixels, allocated before any chart's bytes are held: the images and their bytes are those of fresh images.
 */
class ChartCanvasTest {

    @Test
    void anImageOnTheCanvasIsTheImageTheChartsWereDrawnOn() {
        ChartFiles.Canvas canvas = new ChartFiles.Canvas(1000 * 600);
        BufferedImage image = canvas.image(1000, 420);
        BufferedImage fresh = new BufferedImage(1000, 420, BufferedImage.TYPE_INT_RGB);
        assertEquals(BufferedImage.TYPE_INT_RGB, image.getType());
        assertEquals(fresh.getColorModel(), image.getColorModel());
        assertEquals(fresh.getSampleModel(), image.getSampleModel());
        assertEquals(1000 * 420, ((DataBufferInt) image.getRaster().getDataBuffer()).getSize());
    }

    @Test
    void everyImageOnTheCanvasStartsBlackOnTheSamePixels() {
        ChartFiles.Canvas canvas = new ChartFiles.Canvas(1000 * 600);
        BufferedImage first = canvas.image(1000, 600);
        java.awt.Graphics2D g = first.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, 1000, 600);
        g.dispose();
        BufferedImage second = canvas.image(1000, 420);
        assertSame(((DataBufferInt) first.getRaster().getDataBuffer()).getData(),
                ((DataBufferInt) second.getRaster().getDataBuffer()).getData());
        for (int y = 0; y < 420; y += 7) {
            for (int x = 0; x < 1000; x += 13) {
                assertEquals(0, second.getRGB(x, y) & 0xffffff, x + "," + y);
            }
        }
        // taller than the canvas: pixels of its own, the canvas' kept for the next
        BufferedImage taller = canvas.image(1000, 700);
        assertNotSame(((DataBufferInt) first.getRaster().getDataBuffer()).getData(),
                ((DataBufferInt) taller.getRaster().getDataBuffer()).getData());
        assertEquals(1000 * 700, ((DataBufferInt) taller.getRaster().getDataBuffer()).getSize());
    }

    @Test
    void pngsDrawnOneAfterAnotherOnTheCanvasAreThoseOfFreshImages() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/quickstart.yaml")), 0).run();
        List<Charts.Chart> charts = Charts.all(r);
        ChartFiles.Canvas canvas = new ChartFiles.Canvas(ChartFiles.WIDTH * 2000);
        for (Charts.Chart c : charts) {
            int height = ChartFiles.height(c, r);
            ChartFiles.roomForActionLabels(c.chart(), ChartFiles.WIDTH, height);
            assertArrayEquals(ChartFiles.png(c.chart(), ChartFiles.WIDTH, height),
                    ChartFiles.png(c.chart(), ChartFiles.WIDTH, height, canvas), c.name());
        }
    }
}
