package dev.enisim.report;

import dev.enisim.experiment.MetricStats;
import dev.enisim.experiment.Sweep;
import dev.enisim.report.chart.ChartFiles;
import java.awt.BasicStroke;
import java.awt.Color;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A sweep's output: {@code sweep.csv} (one row per point: the varied values, then mean, ciLow and ciHigh of each
 * metric, and the problem of a failed point), a chart of the first metric (lines against the first parameter,
 * one line per value of a second; a heatmap when exactly two numeric parameters vary), and {@code sweep.html}.
 */
public final class SweepReport {

    private SweepReport() {
    }

    public static Map<String, byte[]> render(String scenario, List<Sweep.Axis> axes, List<String> metrics,
            List<Sweep.Point> points) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("sweep.csv", csv(axes, metrics, points).getBytes(StandardCharsets.UTF_8));
        JFreeChart chart = axes.size() == 2 && numeric(axes.get(0)) && numeric(axes.get(1))
                ? heatmap(axes, metrics.get(0), points) : lines(axes, metrics.get(0), points);
        byte[] png = ChartFiles.png(chart, 1000, 480);
        files.put("sweep.png", png);
        files.put("sweep.svg", ChartFiles.svg(chart, 1000, 480));
        files.put("sweep.html", html(scenario, axes, metrics, points, png).getBytes(StandardCharsets.UTF_8));
        return files;
    }

    public static String csv(List<Sweep.Axis> axes, List<String> metrics, List<Sweep.Point> points) {
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>();
        axes.forEach(a -> header.add(quote(a.path())));
        for (String m : metrics) {
            header.add(quote(m + ".mean"));
            header.add(quote(m + ".ciLow"));
            header.add(quote(m + ".ciHigh"));
        }
        header.add("problem");
        b.append(String.join(",", header)).append('\n');
        for (Sweep.Point p : points) {
            List<String> row = new ArrayList<>();
            axes.forEach(a -> row.add(quote(p.values().get(a.path()))));
            for (String m : metrics) {
                MetricStats s = p.metrics().get(m);
                row.add(s == null ? "" : num(s.mean()));
                row.add(s == null ? "" : num(s.ciLow()));
                row.add(s == null ? "" : num(s.ciHigh()));
            }
            row.add(p.problem() == null ? "" : quote(p.problem()));
            b.append(String.join(",", row)).append('\n');
        }
        return b.toString();
    }

    private static JFreeChart lines(List<Sweep.Axis> axes, String metric, List<Sweep.Point> points) {
        Sweep.Axis x = axes.get(0);
        boolean numericX = numeric(x);
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, XYSeries> byLine = new LinkedHashMap<>();
        for (Sweep.Point p : points) {
            MetricStats s = p.metrics().get(metric);
            if (s == null) {
                continue;
            }
            String line = axes.size() > 1 ? axes.get(1).path() + " = " + p.values().get(axes.get(1).path()) : metric;
            double xv = numericX ? number(p.values().get(x.path())) : x.values().indexOf(p.values().get(x.path()));
            byLine.computeIfAbsent(line, k -> new XYSeries(k, true, true)).add(xv, s.mean());
        }
        byLine.values().forEach(data::addSeries);
        NumberAxis xAxis = numericX ? new NumberAxis(x.path()) : new SymbolAxis(x.path(),
                x.values().toArray(new String[0]));
        NumberAxis yAxis = new NumberAxis(metric + " (mean)");
        XYLineAndShapeRenderer r = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < data.getSeriesCount(); i++) {
            r.setSeriesStroke(i, new BasicStroke(2f));
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xE0E0E0));
        plot.setDomainGridlinePaint(new Color(0xE0E0E0));
        JFreeChart chart = new JFreeChart(metric + " by " + x.path(), new java.awt.Font("SansSerif",
                java.awt.Font.BOLD, 16), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static JFreeChart heatmap(List<Sweep.Axis> axes, String metric, List<Sweep.Point> points) {
        List<double[]> cells = new ArrayList<>();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Sweep.Point p : points) {
            MetricStats s = p.metrics().get(metric);
            if (s != null) {
                cells.add(new double[] {number(p.values().get(axes.get(0).path())),
                    number(p.values().get(axes.get(1).path())), s.mean()});
                min = Math.min(min, s.mean());
                max = Math.max(max, s.mean());
            }
        }
        double[][] xyz = new double[3][cells.size()];
        for (int i = 0; i < cells.size(); i++) {
            for (int k = 0; k < 3; k++) {
                xyz[k][i] = cells.get(i)[k];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(metric, xyz);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockWidth(step(axes.get(0)));
        r.setBlockHeight(step(axes.get(1)));
        r.setBlockAnchor(org.jfree.chart.ui.RectangleAnchor.CENTER);
        LookupPaintScale scale = new LookupPaintScale(min, max == min ? min + 1 : max, Color.WHITE);
        for (int i = 0; i <= 10; i++) {
            double v = min + (max - min) * i / 10.0;
            float t = i / 10f;
            scale.add(v, new Color(0.95f - 0.75f * t, 0.95f - 0.55f * t, 1f - 0.2f * t));
        }
        r.setPaintScale(scale);
        XYPlot plot = new XYPlot(data, new NumberAxis(axes.get(0).path()), new NumberAxis(axes.get(1).path()), r);
        plot.setBackgroundPaint(Color.WHITE);
        JFreeChart chart = new JFreeChart(metric + " (mean)", new java.awt.Font("SansSerif", java.awt.Font.BOLD, 16),
                plot, false);
        PaintScaleLegend legend = new PaintScaleLegend(scale, new NumberAxis(metric));
        legend.setPosition(RectangleEdge.RIGHT);
        chart.addSubtitle(legend);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static double step(Sweep.Axis a) {
        return a.values().size() < 2 ? 1 : Math.abs(number(a.values().get(1)) - number(a.values().get(0)));
    }

    static boolean numeric(Sweep.Axis a) {
        return a.values().stream().allMatch(v -> v.matches("-?[0-9.]+"));
    }

    private static double number(String v) {
        return Double.parseDouble(v);
    }

    private static String html(String scenario, List<Sweep.Axis> axes, List<String> metrics, List<Sweep.Point> points,
            byte[] png) {
        StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/><title>"
                + "enisim sweep: " + HtmlReport.esc(scenario) + "</title><style>body{font-family:system-ui,sans-serif;"
                + "max-width:1060px;margin:2em auto;color:#212121}table{border-collapse:collapse}td,th{border:1px solid"
                + " #e0e0e0;padding:.25em .6em}td{text-align:right}img{max-width:100%}</style></head><body>\n<h1>Sweep: "
                + HtmlReport.esc(scenario) + "</h1>\n<img alt=\"sweep\" src=\"data:image/png;base64,"
                + Base64.getEncoder().encodeToString(png) + "\"/>\n<table>\n<tr>");
        axes.forEach(a -> b.append("<th>").append(HtmlReport.esc(a.path())).append("</th>"));
        metrics.forEach(m -> b.append("<th>").append(HtmlReport.esc(m)).append(" (95% CI)</th>"));
        b.append("</tr>\n");
        for (Sweep.Point p : points) {
            b.append("<tr>");
            axes.forEach(a -> b.append("<td>").append(HtmlReport.esc(p.values().get(a.path()))).append("</td>"));
            for (String m : metrics) {
                MetricStats s = p.metrics().get(m);
                b.append("<td>").append(s == null ? HtmlReport.esc(p.problem() == null ? "" : p.problem())
                        : num(s.mean()) + " [" + num(s.ciLow()) + ", " + num(s.ciHigh()) + "]").append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</table>\n</body></html>\n").toString();
    }

    private static String num(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : String.format(Locale.ROOT, "%.6g", v);
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
