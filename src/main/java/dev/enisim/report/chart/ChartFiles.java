package dev.enisim.report.chart;

import dev.enisim.run.RunResult;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;

/** Renders charts to PNG and SVG bytes, headless and deterministic (no timestamps, fixed sizes). */
public final class ChartFiles {

    static final int WIDTH = 1000;
    static final int HEIGHT = 420;

    private ChartFiles() {
    }

    /** {@code charts/<name>.png} and {@code charts/<name>.svg} for every chart of the run. */
    public static Map<String, byte[]> render(RunResult r) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Charts.Chart c : Charts.all(r)) {
            int height = c.name().equals("timeline") ? StateTimeline.height(r)
                    : c.name().equals("subnet-ips") ? Math.max(HEIGHT, 120 + 150 * r.summary().subnets().size())
                    : HEIGHT;
            files.put("charts/" + c.name() + ".png", png(c.chart(), WIDTH, height));
            files.put("charts/" + c.name() + ".svg", svg(c.chart(), WIDTH, height));
        }
        return files;
    }

    static {
        // PNGs are encoded into memory: no temporary cache file in java.io.tmpdir, so a full or read-only /tmp (a
        // CI runner's) does not fail the charts with "Can't create cache file!" or "I/O error writing PNG file!"
        ImageIO.setUseCache(false);
    }

    /** The chart as a PNG, encoded in memory. */
    public static byte[] png(JFreeChart chart, int width, int height) {
        ImageIO.setUseCache(false); // also here: another class may have turned the cache back on

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public static byte[] svg(JFreeChart chart, int width, int height) {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        g.setDefsKeyPrefix("enisim-"); // the default prefix comes from the clock: same chart, different bytes
        chart.draw(g, new Rectangle2D.Double(0, 0, width, height));
        return g.getSVGDocument().getBytes(StandardCharsets.UTF_8);
    }
}
