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

/**
 * A sweep's output: {@code sweep.csv} (one row per point: the varied values, then mean, ciLow and ciHigh of each
 * metric, with n, the replications that had a value, for a metric some point lacks in some replication, and the
 * problem of a failed point), a chart of the first metric (lines against the first parameter,
 * one line per value of a second; a heatmap when exactly two numeric parameters vary), and {@code sweep.html}.
 */
public final class SweepReport {

    private SweepReport() {
    }

    /**
     * The sweep's files; {@code seed} is the scenario's seed (stated on the page, with the replications per point).
     */
    public static Map<String, byte[]> render(String scenario, long seed, List<Sweep.Axis> axes, List<String> metrics,
            List<Sweep.Point> points) {
        return render(scenario, seed, axes, metrics, points, List.of());
    }

    /** As {@link #render(String, long, List, List, List)}, of a scenario changed by {@code --set} {@code overrides}. */
    public static Map<String, byte[]> render(String scenario, long seed, List<Sweep.Axis> axes, List<String> metrics,
            List<Sweep.Point> points, List<String> overrides) {
        return render(scenario, seed, axes, metrics, points, overrides, null);
    }

    /**
     * As {@link #render(String, long, List, List, List, List)}, the costs over {@code costPeriod} ({@link #costPeriod}:
     * each point's simulated time, null when it differs between points).
     */
    public static Map<String, byte[]> render(String scenario, long seed, List<Sweep.Axis> axes, List<String> metrics,
            List<Sweep.Point> points, List<String> overrides, String costPeriod) {
        return render(scenario, seed, axes, metrics, points, overrides, costPeriod, null);
    }

    /**
     * As above, every run's statistics after {@code warmUp} (--warm-up as given, "10m"; null without one), which the
     * page says under its heading (it said nothing: its figures read as the whole runs').
     */
    public static Map<String, byte[]> render(String scenario, long seed, List<Sweep.Axis> axes, List<String> metrics,
            List<Sweep.Point> points, List<String> overrides, String costPeriod, String warmUp) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("sweep.csv", csv(axes, metrics, points, costPeriod).getBytes(StandardCharsets.UTF_8));
        files.put("runs.csv", runs(axes, metrics, points, seed, costPeriod).getBytes(StandardCharsets.UTF_8));
        Map<String, byte[]> pngs = new LinkedHashMap<>();
        for (int i = 0; i < metrics.size(); i++) {
            String m = metrics.get(i);
            String flat = line(points, m);
            String label = named(m, costPeriod);
            JFreeChart chart = flat != null ? flatChart(axes, label, flat) : scattered(axes, points) ? scatter(axes, m,
                    points, label) : axes.size() == 2 && numeric(axes.get(0)) && numeric(axes.get(1)) ? heatmap(axes, m,
                    points, label) : lines(axes, m, points, label);
            String name = chartName(i, m);
            int height = flat != null ? FLAT_HEIGHT : 480;
            byte[] png = ChartFiles.png(chart, 1000, height);
            pngs.put(m, png);
            files.put(name + ".png", png);
            files.put(name + ".svg", ChartFiles.svg(chart, 1000, height));
        }
        files.put("sweep.html", html(scenario, seed, axes, metrics, points, pngs, overrides, costPeriod, warmUp)
                .getBytes(StandardCharsets.UTF_8));
        return files;
    }

    public static String csv(List<Sweep.Axis> axes, List<String> metrics, List<Sweep.Point> points) {
        return csv(axes, metrics, points, null);
    }

    /**
     * sweep.csv (and sensitivity's points.csv): a cost metric's columns named with its unit and period
     * ({@link #column}: {@code cost.totalUsdPer1h.mean}), as the varied values' are ({@code PATHSeconds}).
     */
    public static String csv(List<Sweep.Axis> axes, List<String> metrics, List<Sweep.Point> points,
            String costPeriod) {
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>();
        List<Unit> units = new ArrayList<>();
        for (Sweep.Axis a : axes) {
            Unit u = unit(a.path(), points);
            units.add(u);
            header.add(quote(a.path() + u.suffix));
        }
        List<Boolean> counted = new ArrayList<>();
        for (String m : metrics) {
            String c = column(m, costPeriod);
            header.add(quote(c + ".mean"));
            header.add(quote(c + ".ciLow"));
            header.add(quote(c + ".ciHigh"));
            counted.add(partial(points, m));
            if (counted.get(counted.size() - 1)) {
                header.add(quote(c + ".n"));
            }
        }
        header.add("problem");
        b.append(String.join(",", header)).append('\n');
        for (Sweep.Point p : points) {
            List<String> row = new ArrayList<>();
            for (int i = 0; i < axes.size(); i++) {
                row.add(quote(units.get(i).plain(p.values().get(axes.get(i).path()))));
            }
            for (int i = 0; i < metrics.size(); i++) {
                MetricStats s = p.metrics().get(metrics.get(i));
                row.add(s == null ? "" : num(s.mean()));
                // one replication has no interval: empty, not a zero-width one equal to the value
                row.add(s == null || s.n() < 2 ? "" : num(s.ciLow()));
                row.add(s == null || s.n() < 2 ? "" : num(s.ciHigh()));
                if (counted.get(i)) {
                    row.add(s == null ? "" : Long.toString(s.n()));
                }
            }
            row.add(p.problem() == null ? "" : quote(p.problem()));
            b.append(String.join(",", row)).append('\n');
        }
        return b.toString();
    }

    /**
     * {@code runs.csv}: one row per point and replication, for paired (same-seed) comparisons: the point's number
     * (its row in sweep.csv, from 1), its varied values (as sweep.csv writes them), the replication {@code r}, the
     * scenario's {@code seed} (replication r of every point draws from (seed, r, stream name): the same r at two
     * points is a pair), then each metric's value in that replication (empty where it had none). A failed point has
     * no rows (its problem is in sweep.csv). sweep.csv held only the mean, the interval and n, and each replication's
     * values were in the progress file alone, deleted at the end.
     */
    public static String runs(List<Sweep.Axis> axes, List<String> metrics, List<Sweep.Point> points, long seed) {
        return runs(axes, metrics, points, seed, null);
    }

    /** As {@link #runs(List, List, List, long)}, a cost metric's column named as sweep.csv's ({@link #column}). */
    public static String runs(List<Sweep.Axis> axes, List<String> metrics, List<Sweep.Point> points, long seed,
            String costPeriod) {
        StringBuilder b = new StringBuilder();
        List<String> header = new ArrayList<>();
        header.add("point");
        List<Unit> units = new ArrayList<>();
        for (Sweep.Axis a : axes) {
            Unit u = unit(a.path(), points);
            units.add(u);
            header.add(quote(a.path() + u.suffix));
        }
        header.add("replication");
        header.add("seed");
        metrics.forEach(m -> header.add(quote(column(m, costPeriod))));
        b.append(String.join(",", header)).append('\n');
        for (int i = 0; i < points.size(); i++) {
            Sweep.Point p = points.get(i);
            int n = 0;
            for (String m : metrics) {
                n = Math.max(n, p.runs().getOrDefault(m, List.of()).size());
            }
            for (int r = 0; r < n; r++) {
                List<String> row = new ArrayList<>();
                row.add(Integer.toString(i + 1));
                for (int k = 0; k < axes.size(); k++) {
                    row.add(quote(units.get(k).plain(p.values().get(axes.get(k).path()))));
                }
                row.add(Integer.toString(r));
                row.add(Long.toString(seed));
                for (String m : metrics) {
                    List<Double> v = p.runs().getOrDefault(m, List.of());
                    row.add(r < v.size() && !Double.isNaN(v.get(r)) ? num(v.get(r)) : "");
                }
                b.append(String.join(",", row)).append('\n');
            }
        }
        return b.toString();
    }

    /**
     * The time each point's cost covers, for the cost metrics' unit ({@link #named}, {@link #column}): the scenario's
     * {@code durationMicros} less the warm-up, as a scenario writes it ({@code 1h}, {@code 20m}); null when a varied
     * path sets the duration (each point then covers its own: "per run").
     */
    public static String costPeriod(long durationMicros, long warmUpMicros, List<Sweep.Axis> axes) {
        if (axes.stream().anyMatch(a -> a.path().equals("duration"))) {
            return null;
        }
        return Assumptions.duration(durationMicros - warmUpMicros);
    }

    /** A cost metric: the account's ({@code cost.total}, {@code cost.requests}...) or a function's. */
    static boolean isCost(String metric) {
        return metric.startsWith("cost.") || metric.contains(".cost.");
    }

    /**
     * A metric's name where people read it (the terminal's and the page's headings, the charts' axes, the verdicts):
     * a cost's with its unit and period, {@code cost.total (USD per 1h)} ({@code USD per run} when the points' times
     * differ); any other as it is. The metric is still passed to {@code --metric} by its own name.
     */
    public static String named(String metric, String costPeriod) {
        return isCost(metric) ? metric + " (USD per " + (costPeriod == null ? "run" : costPeriod) + ")" : metric;
    }

    /**
     * A metric's column in sweep.csv, points.csv and runs.csv: a cost's with its unit and period in the name, as a
     * varied duration's is in seconds ({@code cost.totalUsdPer1h}, {@code functions.api.cost.initUsdPerRun} when the
     * points' times differ); any other its own name.
     */
    public static String column(String metric, String costPeriod) {
        return isCost(metric) ? metric + "UsdPer" + (costPeriod == null ? "Run" : costPeriod) : metric;
    }

    /** A chart's axis of a metric's means: "enis.peak (mean)", "cost.total (USD per 1h, mean)". */
    private static String mean(String label) {
        return label.endsWith(")") ? label.substring(0, label.length() - 1) + ", mean)" : label + " (mean)";
    }

    /**
     * How a varied parameter's values are written in sweep.csv and points.csv: numbers for a script (pandas read
     * "170s" and "10/s" as text), the unit in the column's name. Durations in seconds ({@code PATHSeconds}: 170s is
     * 170, 1h30m 5400, 20.333s 20.333, the value that ran in full), rates per second ({@code PATHPerSecond}: 10/m is
     * 0.16666666666666666), numbers as given, and anything else (a CIDR, a name, a mix) as given, under the path.
     */
    enum Unit {
        AS_GIVEN(""), SECONDS("Seconds"), PER_SECOND("PerSecond");

        /** Appended to the path to name the column. */
        final String suffix;

        Unit(String suffix) {
            this.suffix = suffix;
        }

        /** {@code value} as the column holds it (null: empty, a point without the path). */
        String plain(String value) {
            if (value == null) {
                return "";
            }
            return switch (this) {
                case AS_GIVEN -> value;
                case SECONDS -> java.math.BigDecimal.valueOf(dev.enisim.scenario.Units.durationMicros(value))
                        .movePointLeft(6).stripTrailingZeros().toPlainString();
                case PER_SECOND -> num(dev.enisim.scenario.Units.ratePerSecond(value));
            };
        }
    }

    /** A value the column keeps as it is: a plain decimal number (a count, a factor, megabytes). */
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("-?\\d+(\\.\\d+)?");

    /** How the column of the varied {@code path} is written, from every point's value ({@link Unit}). */
    static Unit unit(String path, List<Sweep.Point> points) {
        boolean durations = true;
        boolean rates = true;
        boolean any = false;
        for (Sweep.Point p : points) {
            String v = p.values().get(path);
            if (v == null) {
                continue;
            }
            any = true;
            if (PLAIN.matcher(v).matches()) {
                return Unit.AS_GIVEN;
            }
            durations &= parses(v, dev.enisim.scenario.Units::durationMicros);
            rates &= parses(v, dev.enisim.scenario.Units::ratePerSecond);
        }
        return !any ? Unit.AS_GIVEN : durations ? Unit.SECONDS : rates ? Unit.PER_SECOND : Unit.AS_GIVEN;
    }

    private static boolean parses(String v, java.util.function.Function<String, ?> reader) {
        try {
            reader.apply(v);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The points the terminal's table shows before "... N more points in sweep.csv". */
    public static final int TERMINAL_ROWS = 50;

    /**
     * The points as the terminal shows them: an aligned table, a column per parameter, then per metric its mean
     * (right-aligned) and 95% interval, figures rounded for reading ({@link MetricStats#readable}); sweep.csv keeps
     * them in full. The first {@value #TERMINAL_ROWS} points, then how many more are in sweep.csv. It printed
     * sweep.csv itself before: 16-digit decimals (33388.666666666664) in columns that did not line up.
     */
    public static String table(List<Sweep.Axis> axes, List<String> metrics, List<Sweep.Point> points) {
        return table(axes, metrics, points, null);
    }

    /** As {@link #table(List, List, List)}, a cost metric's heading with its unit ({@link #named}). */
    public static String table(List<Sweep.Axis> axes, List<String> metrics, List<Sweep.Point> points,
            String costPeriod) {
        List<Sweep.Point> shown = points.subList(0, Math.min(TERMINAL_ROWS, points.size()));
        List<List<String>> cells = new ArrayList<>(); // per row: the axes' values, then per metric mean and interval
        List<String> head = new ArrayList<>();
        axes.forEach(a -> head.add(a.label()));
        for (String m : metrics) {
            head.add(named(m, costPeriod));
            head.add(single(points, m) ? "" : "95% CI");
        }
        cells.add(head);
        for (Sweep.Point p : shown) {
            List<String> row = new ArrayList<>();
            axes.forEach(a -> row.add(p.values().get(a.path())));
            for (String m : metrics) {
                MetricStats s = p.metrics().get(m);
                String fewer = fewer(p, m);
                row.add(s == null ? (p.problem() == null ? "no value" : "failed") : MetricStats.readable(s.mean()));
                row.add((s == null || s.n() < 2 ? "" : "[" + MetricStats.readable(s.ciLow()) + ", "
                        + MetricStats.readable(s.ciHigh()) + "]") + (fewer.isEmpty() ? "" : " (" + fewer + ")"));
            }
            cells.add(row);
        }
        int columns = head.size();
        int[] width = new int[columns];
        for (List<String> row : cells) {
            for (int c = 0; c < columns; c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder b = new StringBuilder();
        for (int r = 0; r < cells.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < columns; c++) {
                String v = cells.get(r).get(c);
                boolean mean = c >= axes.size() && (c - axes.size()) % 2 == 0;
                if (c > 0) {
                    line.append(mean ? "   " : " ");
                }
                // a metric's heading starts over its mean; the mean itself is right-aligned under it
                line.append(mean && r > 0 ? " ".repeat(width[c] - v.length()) + v
                        : v + " ".repeat(width[c] - v.length()));
            }
            b.append(line.toString().stripTrailing()).append('\n');
        }
        for (Sweep.Point p : shown) {
            if (p.problem() != null) {
                b.append("failed: ").append(point(axes, p)).append(": ").append(p.problem()).append('\n');
            }
        }
        if (points.size() > shown.size()) {
            b.append(String.format(Locale.ROOT, "... %,d more points in sweep.csv%n", points.size() - shown.size()));
        }
        return b.toString();
    }

    /**
     * The metric against the first parameter, one line per value of a second, the 95% interval as a band; a
     * categorical parameter (CIDRs, names) is drawn as categories with whiskers, not joined by lines.
     */
    private static JFreeChart lines(List<Sweep.Axis> axes, String metric, List<Sweep.Point> points, String label) {
        Sweep.Axis x = axes.get(0);
        boolean numericX = numeric(x);
        org.jfree.data.xy.YIntervalSeriesCollection data = new org.jfree.data.xy.YIntervalSeriesCollection();
        Map<String, org.jfree.data.xy.YIntervalSeries> byLine = new LinkedHashMap<>();
        for (Sweep.Point p : points) {
            MetricStats s = p.metrics().get(metric);
            if (s == null) {
                continue;
            }
            String line = axes.size() > 1 ? axes.get(1).label() + " = " + p.values().get(axes.get(1).path()) : metric;
            double xv = numericX ? number(p.values().get(x.path())) : x.values().indexOf(p.values().get(x.path()));
            byLine.computeIfAbsent(line, k -> new org.jfree.data.xy.YIntervalSeries(k, true, true))
                    .add(xv, s.mean(), Double.isNaN(s.ciLow()) ? s.mean() : s.ciLow(),
                            Double.isNaN(s.ciHigh()) ? s.mean() : s.ciHigh());
        }
        byLine.values().forEach(data::addSeries);
        NumberAxis xAxis = numericX ? rooted(new NumberAxis(x.label())) : new SymbolAxis(x.label(),
                x.values().toArray(new String[0]));
        if (numericX && integers(x)) {
            xAxis.setStandardTickUnits(dev.enisim.report.chart.RootTickUnits.integers());
        }
        xAxis.setAutoRangeIncludesZero(false);
        NumberAxis yAxis = rooted(new NumberAxis(mean(label)));
        if (wholeMeans(points, metric)) { // a count such as enis.peak: no 0.5 ticks
            yAxis.setStandardTickUnits(dev.enisim.report.chart.RootTickUnits.integers());
            yAxis.setAutoRangeMinimumSize(2);
        }
        XYLineAndShapeRenderer r;
        if (numericX) {
            org.jfree.chart.renderer.xy.DeviationRenderer d = new org.jfree.chart.renderer.xy.DeviationRenderer(true,
                    true);
            d.setAlpha(0.18f);
            r = d;
        } else {
            org.jfree.chart.renderer.xy.XYErrorRenderer e = new org.jfree.chart.renderer.xy.XYErrorRenderer();
            e.setDrawXError(false);
            e.setDefaultLinesVisible(false);
            e.setCapLength(8);
            r = e;
        }
        for (int i = 0; i < data.getSeriesCount(); i++) {
            Color c = Color.decode(dev.enisim.report.chart.Palette.SERIES[i % dev.enisim.report.chart.Palette.DISTINCT]);
            r.setSeriesPaint(i, c);
            r.setSeriesFillPaint(i, c);
            r.setSeriesStroke(i, new BasicStroke(2f));
            // the first drawn largest (JFreeChart draws the last series first): series with the same values show as
            // rings one inside the other, not as the one on top alone (five traffic levels with the same enis.peak
            // showed one blue dot)
            double size = Math.min(24, 8 + 4 * i);
            r.setSeriesShape(i, new java.awt.geom.Ellipse2D.Double(-size / 2, -size / 2, size, size));
        }
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        JFreeChart chart = new JFreeChart(label + " by " + x.label(), plot);
        dev.enisim.report.chart.Charts.reportStyle(chart, single(points, metric) ? replications(points, metric)
                : (numericX ? "Band" : "Whiskers") + ": 95% confidence interval of the mean; "
                + replications(points, metric));
        return chart;
    }

    /** The height of a chart file of a metric 0 at every point ({@link #flatChart}): its title and one line. */
    static final int FLAT_HEIGHT = 60;

    /**
     * "0 at every point" (or "0 at every point measured", when some have no value) when every point's mean of
     * {@code metric} is 0 and some point has one; null otherwise. Such a metric was drawn as a full chart, a flat
     * line on an axis from -1 to 1 (invocations.errors.SubnetIPAddressLimitReachedException, a planner's review).
     */
    static String flat(List<Sweep.Point> points, String metric) {
        boolean measured = false;
        boolean all = true;
        for (Sweep.Point p : points) {
            MetricStats s = p.metrics().get(metric);
            if (s == null) {
                all = false;
            } else if (s.mean() != 0) {
                return null;
            } else {
                measured = true;
            }
        }
        return !measured ? null : all ? "0 at every point" : "0 at every point measured";
    }

    /**
     * The line drawn in a chart's place: {@link #flat}'s, or "no value at any point" ("every point failed") when no
     * point has a value of {@code metric}; null when there is a chart to draw. A sweep of latencyMillis.p99 where
     * nothing succeeded crashed after every point had run, its heatmap's colour scale from +MAX to -MAX (a data
     * engineer's review), and wrote nothing.
     */
    static String line(List<Sweep.Point> points, String metric) {
        String flat = flat(points, metric);
        if (flat != null) {
            return flat;
        }
        boolean failed = !points.isEmpty();
        for (Sweep.Point p : points) {
            if (p.metrics().get(metric) != null) {
                return null;
            }
            failed &= p.problem() != null;
        }
        return failed ? "every point failed, no value" : "no value at any point";
    }

    /** The chart file of a metric 0 at every point: its title and that line, no axes (nothing to draw on them). */
    private static JFreeChart flatChart(List<Sweep.Axis> axes, String metric, String flat) {
        org.jfree.chart.plot.Plot nothing = new org.jfree.chart.plot.Plot() {
            @Override
            public String getPlotType() {
                return "None";
            }

            @Override
            public org.jfree.chart.LegendItemCollection getLegendItems() {
                return new org.jfree.chart.LegendItemCollection(); // no series (the SVG's description lists them)
            }

            @Override
            public void draw(java.awt.Graphics2D g, java.awt.geom.Rectangle2D area, java.awt.geom.Point2D anchor,
                    org.jfree.chart.plot.PlotState parent, org.jfree.chart.plot.PlotRenderingInfo info) {
                // nothing to draw: the subtitle says the one thing there is
            }
        };
        nothing.setOutlineVisible(false);
        List<String> by = new ArrayList<>();
        axes.forEach(a -> by.add(a.label()));
        JFreeChart chart = new JFreeChart(metric + " by " + String.join(" and ", by),
                new java.awt.Font("SansSerif", java.awt.Font.BOLD, 16), nothing, false);
        chart.setBackgroundPaint(Color.WHITE);
        org.jfree.chart.title.TextTitle line = new org.jfree.chart.title.TextTitle(flat + " (no chart to draw)",
                new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 14));
        line.setPaint(new Color(0x424242));
        chart.addSubtitle(line);
        return chart;
    }

    /**
     * Whether some point's value of {@code metric} is over fewer replications than it ran (some had none: a
     * teardown's wait cut short by the run's end); sweep.csv then has a column {@code METRIC.n}.
     */
    static boolean partial(List<Sweep.Point> points, String metric) {
        for (Sweep.Point p : points) {
            MetricStats s = p.metrics().get(metric);
            if (s != null && s.n() < ran(p, metric)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The replications {@code p} ran for {@code metric}: as many as its replications' values (NaN where one had
     * none), or its statistics' n (a point from the results of an older enisim, or with no value).
     */
    private static long ran(Sweep.Point p, String metric) {
        List<Double> r = p.runs().get(metric);
        MetricStats s = p.metrics().get(metric);
        return r != null ? r.size() : s == null ? 0 : s.n();
    }

    /** "9 of 10 replications" where the point's value is over fewer replications than it ran, else "". */
    private static String fewer(Sweep.Point p, String metric) {
        MetricStats s = p.metrics().get(metric);
        long ran = ran(p, metric);
        return s == null || s.n() >= ran ? "" : s.n() + " of " + ran + " replications";
    }

    /** Whether every point's mean of {@code metric} is a whole number (a count, one replication). */
    private static boolean wholeMeans(List<Sweep.Point> points, String metric) {
        return points.stream().map(p -> p.metrics().get(metric)).allMatch(s -> s == null || s.mean() == Math.rint(s.mean()));
    }

    /**
     * Why a point has no value: a replication had none. Not only "no invocation succeeded": a teardown's wait is
     * {@code null} in a replication whose ENIs outlived the run, and a sweep whose every point had 7 or 9 of 10 waits
     * said "no value at any point (nothing measured, e.g. no invocation succeeded)".
     */
    static final String NO_VALUE_WHY = " in any replication, e.g. no invocation succeeded, or a teardown's wait was"
            + " cut short by the run's end in every one (a point with a value in some replications has the figures of"
            + " those, with their count)";

    /**
     * What the sweep shows, per metric, in a sentence: where it is 0 and where not (the question a sweep of subnet
     * sizes or traffic asks: from which point on do invocations fail?), else its range and where each end is.
     */
    public static List<String> verdicts(List<Sweep.Axis> axes, List<String> metrics, List<Sweep.Point> points) {
        return verdicts(axes, metrics, points, null);
    }

    /**
     * The terminal's first line before the path: "8 points: 4 ran with failures (traffic = 5, ...; 1 more), 0 could
     * not run". Points that ran with failures ({@link Sweep#ranWithFailures}) and points that could not run (their
     * problem) are told apart: "8 points (0 failed)" was said of a sweep whose four /27 points had 36,133 invoke
     * errors each (a product manager's review).
     */
    public static String tally(List<Sweep.Axis> axes, List<Sweep.Point> points) {
        List<Sweep.Point> failing = points.stream().filter(Sweep::ranWithFailures).toList();
        long couldNotRun = points.stream().filter(p -> p.problem() != null).count();
        return points.size() + " points: " + failing.size() + " ran with failures" + (failing.isEmpty() ? ""
                : " (" + points(axes, failing) + ")") + ", " + couldNotRun + " could not run";
    }

    /**
     * "What the sweep shows"' first line: the points that ran with invoke errors or functions that ended Failed, each
     * with how many, or that none did; null when no point measured them (a results file of an older enisim).
     */
    static String failures(List<Sweep.Axis> axes, List<Sweep.Point> points) {
        List<String> failing = new ArrayList<>();
        int measured = 0;
        for (Sweep.Point p : points) {
            MetricStats e = p.metrics().get(Sweep.INVOKE_ERRORS);
            MetricStats f = p.metrics().get(Sweep.FUNCTIONS_FAILED);
            measured += e != null || f != null ? 1 : 0;
            if (Sweep.ranWithFailures(p)) {
                List<String> what = new ArrayList<>();
                if (e != null && e.mean() > 0) {
                    what.add(display(e.mean()) + " invoke errors");
                }
                if (f != null && f.mean() > 0) {
                    what.add(display(f.mean()) + (f.mean() == 1 ? " function" : " functions") + " ended Failed");
                }
                failing.add(point(axes, p) + ": " + String.join(", ", what) + inSome(p));
            }
        }
        if (measured == 0) {
            return null;
        }
        if (failing.isEmpty()) {
            return "No point ran with failures: no invoke errors and no function ended Failed at any point that ran";
        }
        String mean = points.stream().anyMatch(p -> ran(p, Sweep.INVOKE_ERRORS) > 1) ? " (means over the"
                + " replications)" : "";
        return failing.size() + " of " + points.size() + " points ran with failures" + mean + ": " + few(failing,
                "; ") + ". Their other figures are of runs that refused those invocations (a refused invocation"
                + " holds no ENI nor IP address: fewer ENIs there is no saving)";
    }

    /** " (in 2 of 5 replications)" when some of a point's replications ran without failures, else "". */
    private static String inSome(Sweep.Point p) {
        List<Double> e = p.runs().get(Sweep.INVOKE_ERRORS);
        List<Double> f = p.runs().get(Sweep.FUNCTIONS_FAILED);
        int n = e != null ? e.size() : f != null ? f.size() : 0;
        int with = 0;
        for (int r = 0; r < n; r++) {
            with += e != null && e.get(r) > 0 || f != null && f.get(r) > 0 ? 1 : 0;
        }
        return n > 1 && with < n ? " (in " + with + " of " + n + " replications)" : "";
    }

    /** As {@link #verdicts(List, List, List)}, a cost metric named with its unit ({@link #named}). */
    public static List<String> verdicts(List<Sweep.Axis> axes, List<String> metrics, List<Sweep.Point> points,
            String costPeriod) {
        List<String> out = new ArrayList<>();
        String failures = failures(axes, points);
        if (failures != null) {
            out.add(failures);
        }
        for (String m : metrics) {
            String name = named(m, costPeriod);
            List<Sweep.Point> zero = new ArrayList<>();
            Sweep.Point low = null;
            Sweep.Point high = null;
            int measured = 0;
            List<Sweep.Point> none = new ArrayList<>();
            List<Sweep.Point> failed = new ArrayList<>();
            List<String> fewer = new ArrayList<>();
            for (Sweep.Point p : points) {
                MetricStats s = p.metrics().get(m);
                if (s == null) {
                    // failed (a value the scenario refuses), or run with nothing measured (no invocation succeeded)
                    (p.problem() == null ? none : failed).add(p);
                    continue;
                }
                measured++;
                if (!fewer(p, m).isEmpty()) {
                    fewer.add(point(axes, p) + ": " + fewer(p, m));
                }
                if (s.mean() == 0) {
                    zero.add(p);
                }
                if (low == null || s.mean() < low.metrics().get(m).mean()) {
                    low = p;
                }
                if (high == null || s.mean() > high.metrics().get(m).mean()) {
                    high = p;
                }
            }
            String unmeasured = (none.isEmpty() ? "" : "; no value at " + none.size() + " point(s) (" + points(axes,
                    none) + ": nothing measured there" + NO_VALUE_WHY + ")") + (failed.isEmpty() ? ""
                    : "; " + failed.size() + " point(s) could not run, no value (" + points(axes, failed) + ")")
                    + (fewer.isEmpty() ? "" : "; at " + fewer.size() + " point(s) the value is over the replications"
                    + " that had one (" + few(fewer, "; ") + "; in the others " + ReplicatedSummary.whyNone(m) + ")");
            if (measured == 0) {
                if (!none.isEmpty()) {
                    out.add(name + " has no value at any point (nothing measured" + NO_VALUE_WHY + ")");
                }
                continue;
            }
            double lo = low.metrics().get(m).mean();
            double hi = high.metrics().get(m).mean();
            // the ends are named by the parameters that change the metric: "8 at cidr = /28, traffic = 1" named
            // traffic, whose every value gave the same enis.peak
            List<Sweep.Axis> cause = new ArrayList<>();
            List<String> same = new ArrayList<>();
            for (Sweep.Axis a : axes) {
                if (axes.size() > 1 && inert(axes, a, m, points)) {
                    same.add(a.label());
                } else {
                    cause.add(a);
                }
            }
            String alike = same.isEmpty() ? "" : ", the same at every value of " + String.join(" and ", same);
            if (lo == hi) {
                out.add(name + " is " + display(lo) + " at every " + (none.isEmpty() && failed.isEmpty() ? "point"
                        : "point measured") + unmeasured);
            } else if (!zero.isEmpty()) {
                String split = none.isEmpty() ? splitBy(axes, points, m) : null;
                out.add(name + (split != null ? split : " is 0 at " + zero.size() + " of " + measured + " points ("
                        + points(axes, zero) + "); above 0 elsewhere") + ", up to " + display(hi) + " at "
                        + point(cause, high) + alike + unmeasured + steps(axes, m, points));
            } else {
                out.add(name + " ranges from " + display(lo) + " at " + point(cause, low) + " to " + display(hi) + " at "
                        + point(cause, high) + alike + apart(axes, m, low, high, measured) + unmeasured
                        + steps(axes, m, points));
            }
        }
        return out;
    }

    /**
     * Whether the sweep tells its lowest and its highest point apart, judged by their paired difference: every
     * point runs the same replications with the same seeds (common random numbers), so high - low in replication r
     * pairs by r, and its 95% Student-t interval over the replications both have is what says whether they differ.
     * Overlapping marginal intervals said "does not tell them apart" of differences as clear as +162, +167, +142,
     * +157, +134 (invocations.succeeded at concurrency limits 10 and 11): the spread the two points share (the same
     * arrivals) is in both marginal intervals but cancels in the difference. With one replication, that it was not
     * judged; without the
     * replications' values (a point read from an older results file), only whether the marginal intervals are
     * apart, which proves a difference, while their overlap proves nothing.
     *
     * <p>The two ends are not any two points: they were picked from the {@code measured} points as the lowest and the
     * highest mean, so a plain 95% interval of their difference claimed differences in pure noise (twelve points that
     * differ only in a function's name, so in its random stream: "5,847.8 at name = k to 5,945.8 at name = d; the
     * difference ... is 98 [16.75, 179.3]"). With more than two points the interval is therefore one of the
     * k(k - 1) / 2 pairs' simultaneous 95% intervals (Bonferroni), which holds whichever pair the data picked.
     */
    private static String apart(List<Sweep.Axis> axes, String metric, Sweep.Point lowPoint, Sweep.Point highPoint,
            int measured) {
        MetricStats low = lowPoint.metrics().get(metric);
        MetricStats high = highPoint.metrics().get(metric);
        if (ran(lowPoint, metric) < 2 || ran(highPoint, metric) < 2) {
            // a sweep's default: four points differing only in a function's random stream "ranged from 5,789 at c to
            // 5,922 at d", noise read as an effect, with nothing to say it was not judged
            return ", not judged against noise (one replication per point: run --replications 2 or more)";
        }
        List<Double> a = lowPoint.runs().get(metric);
        List<Double> b = highPoint.runs().get(metric);
        if (a == null || b == null) {
            return low.ciHigh() < high.ciLow() ? "" : ", their 95% intervals overlap ([" + display(low.ciLow()) + ", "
                    + display(low.ciHigh()) + "] and [" + display(high.ciLow()) + ", " + display(high.ciHigh())
                    + "]) and the replications' own values were not kept to pair them: no verdict on their difference";
        }
        double[] d = paired(a, b);
        int n = d.length;
        boolean some = n < Math.min(a.size(), b.size());
        if (n < 2) {
            return some ? ", not judged against noise (fewer than two replications have a value at both)" : "";
        }
        long pairs = (long) measured * (measured - 1) / 2;
        MetricStats diff = MetricStats.ofJoint(d, pairs);
        boolean seeds = axes.stream().noneMatch(x -> x.path().equals("seed"));
        String how = "paired over the " + n + " replications both " + (some ? "have a value in" : "ran")
                + (seeds ? " (same seeds)" : "");
        String interval = display(diff.mean()) + " [" + display(diff.ciLow()) + ", " + display(diff.ciHigh()) + "]"
                + (pairs > 1 ? " (95% jointly over the " + String.format(java.util.Locale.ROOT, "%,d", pairs)
                + " pairs of the " + measured + " points, Bonferroni, as the ends were picked from them)" : "");
        return diff.ciLow() > 0 || diff.ciHigh() < 0 ? "; the difference, " + how + ", is " + interval
                : ", but the difference, " + how + ", is " + interval + ", which holds 0: the sweep does not tell"
                + " them apart";
    }

    /**
     * With one parameter of three values or more, which steps between neighbouring values the sweep tells apart,
     * each judged as the ends are ({@link #apart}: the paired difference's 95% interval over the replications both
     * ran excludes 0): "; neighbouring values told apart by their paired difference: 2 of 6 steps (14 to 15, 15 to
     * 16); not: 16 to 17, 17 to 18, ...". "" otherwise (one replication, a point without its replications' values
     * or without a value). The steps are tested together, as {@code compare}'s metrics are: a step is told apart when
     * its paired t-test's p-value, adjusted by Holm's method over the steps whose difference is not 0 in every
     * replication, is under 0.05 (eleven steps between points that differed only in a function's random stream,
     * each at 5%, found one "told apart").
     */
    private static String steps(List<Sweep.Axis> axes, String metric, List<Sweep.Point> points) {
        if (axes.size() != 1 || axes.get(0).values().size() < 3) {
            return "";
        }
        Sweep.Axis a = axes.get(0);
        List<Sweep.Point> ordered = new ArrayList<>();
        for (String v : a.values()) {
            Sweep.Point p = points.stream().filter(x -> v.equals(x.values().get(a.path()))).findFirst().orElse(null);
            if (p == null || p.runs().get(metric) == null || p.runs().get(metric).size() < 2) {
                return "";
            }
            ordered.add(p);
        }
        List<Double> ps = new ArrayList<>();
        for (int i = 1; i < ordered.size(); i++) {
            double[] d = paired(ordered.get(i - 1).runs().get(metric), ordered.get(i).runs().get(metric));
            // fewer than two replications with a value at both: no test (NaN), the step is not told apart
            ps.add(d.length < 2 ? Double.NaN : dev.enisim.experiment.Comparison.pValue(MetricStats.of(d)));
        }
        double[] adjusted = dev.enisim.experiment.Comparison.holm(ps);
        List<String> told = new ArrayList<>();
        List<String> not = new ArrayList<>();
        for (int i = 1; i < ordered.size(); i++) {
            String step = a.values().get(i - 1) + " to " + a.values().get(i);
            (adjusted[i - 1] < dev.enisim.experiment.Comparison.ALPHA ? told : not).add(step);
        }
        return "; neighbouring values of " + a.label() + " told apart by their paired difference (Holm over the steps):"
                + " " + told.size()
                + " of " + (ordered.size() - 1) + " steps" + (told.isEmpty() ? "" : " (" + few(told) + ")")
                + (not.isEmpty() ? "" : "; not: " + few(not));
    }

    private static String few(List<String> steps) {
        return few(steps, ", ");
    }

    private static String few(List<String> steps, String separator) {
        return String.join(separator, steps.subList(0, Math.min(3, steps.size())))
                + (steps.size() > 3 ? ", " + (steps.size() - 3) + " more" : "");
    }

    /**
     * {@code b - a} in each replication both have a value in (NaN where one had none), paired by index: the
     * replications whose value is missing at either point are left out of the pair.
     */
    private static double[] paired(List<Double> a, List<Double> b) {
        int n = Math.min(a.size(), b.size());
        double[] d = new double[n];
        int k = 0;
        for (int r = 0; r < n; r++) {
            if (!a.get(r).isNaN() && !b.get(r).isNaN()) {
                d[k++] = b.get(r) - a.get(r);
            }
        }
        return k == n ? d : java.util.Arrays.copyOf(d, k);
    }

    /**
     * When one parameter alone decides whether {@code metric} is 0 (each of its values gives 0 at every point, or above
     * 0 at every point), says so: "is 0 wherever cidr is /27 or /26, above 0 wherever it is /28"; else null.
     */
    private static String splitBy(List<Sweep.Axis> axes, List<Sweep.Point> points, String metric) {
        for (Sweep.Axis a : axes) {
            List<String> zero = new ArrayList<>();
            List<String> above = new ArrayList<>();
            boolean clean = true;
            for (String v : a.values()) {
                boolean anyZero = false;
                boolean anyAbove = false;
                for (Sweep.Point p : points) {
                    MetricStats s = p.metrics().get(metric);
                    if (s != null && v.equals(p.values().get(a.path()))) {
                        anyZero |= s.mean() == 0;
                        anyAbove |= s.mean() != 0;
                    }
                }
                if (anyZero && anyAbove) {
                    clean = false;
                    break;
                }
                if (anyZero || anyAbove) { // a value with no point measured (they failed) is neither
                    (anyZero ? zero : above).add(v);
                }
            }
            if (clean && !zero.isEmpty() && !above.isEmpty()) {
                return " is 0 wherever " + a.label() + " is " + String.join(" or ", zero) + ", above 0 wherever it is "
                        + String.join(" or ", above);
            }
        }
        return null;
    }

    /**
     * Whether {@code axis} leaves {@code metric} as it is: every two measured points that differ only in its value
     * have the same mean (and some two such points exist).
     */
    private static boolean inert(List<Sweep.Axis> axes, Sweep.Axis axis, String metric, List<Sweep.Point> points) {
        Map<List<String>, Double> byRest = new java.util.HashMap<>();
        boolean compared = false;
        for (Sweep.Point p : points) {
            MetricStats s = p.metrics().get(metric);
            if (s == null) {
                continue;
            }
            List<String> rest = new ArrayList<>();
            for (Sweep.Axis a : axes) {
                if (a != axis) {
                    rest.add(p.values().get(a.path()));
                }
            }
            Double before = byRest.putIfAbsent(rest, s.mean());
            if (before != null) {
                if (before != s.mean()) {
                    return false;
                }
                compared = true;
            }
        }
        return compared;
    }

    private static String point(List<Sweep.Axis> axes, Sweep.Point p) {
        List<String> parts = new ArrayList<>();
        axes.forEach(a -> parts.add(a.label() + " = " + p.values().get(a.path())));
        return String.join(", ", parts);
    }

    /** Up to three points, then how many more. */
    private static String points(List<Sweep.Axis> axes, List<Sweep.Point> ps) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(3, ps.size()); i++) {
            parts.add(point(axes, ps.get(i)));
        }
        return String.join("; ", parts) + (ps.size() > 3 ? "; " + (ps.size() - 3) + " more" : "");
    }

    /** Whether every point of {@code metric} has one replication (no interval to draw or print). */
    private static boolean single(List<Sweep.Point> points, String metric) {
        return points.stream().allMatch(p -> p.metrics().get(metric) == null || ran(p, metric) < 2);
    }

    /** "5 replications per point" (from the points' statistics), or "one replication: no interval". */
    private static String replications(List<Sweep.Point> points, String metric) {
        long n = 0;
        for (Sweep.Point p : points) {
            n = Math.max(n, ran(p, metric));
        }
        return n < 2 ? "one replication: no interval" : n + " replications per point";
    }

    private static boolean integers(Sweep.Axis a) {
        return a.values().stream().allMatch(v -> v.matches("-?[0-9]+"));
    }

    private static JFreeChart heatmap(List<Sweep.Axis> axes, String metric, List<Sweep.Point> points, String label) {
        List<double[]> cells = new ArrayList<>();
        double min = Double.MAX_VALUE;
        double max = -Double.MAX_VALUE;
        for (Sweep.Point p : points) {
            MetricStats s = p.metrics().get(metric);
            if (s != null) {
                // cells on the grid of the values (uneven steps such as 10, 20, 40 still make equal cells)
                cells.add(new double[] {axes.get(0).values().indexOf(p.values().get(axes.get(0).path())),
                    axes.get(1).values().indexOf(p.values().get(axes.get(1).path())), s.mean()});
                min = Math.min(min, s.mean());
                max = Math.max(max, s.mean());
            }
        }
        DefaultXYZDataset data = xyz(metric, cells);
        XYBlockRenderer r = new XYBlockRenderer();
        r.setBlockWidth(1);
        r.setBlockHeight(1);
        r.setBlockAnchor(org.jfree.chart.ui.RectangleAnchor.CENTER);
        LookupPaintScale scale = new LookupPaintScale(min, max == min ? min + 1 : max, Color.WHITE);
        for (int i = 0; i <= 10; i++) {
            double v = min + (max - min) * i / 10.0;
            float t = i / 10f;
            scale.add(v, new Color(0.95f - 0.75f * t, 0.95f - 0.55f * t, 1f - 0.2f * t));
        }
        r.setPaintScale(scale);
        NumberAxis xAxis = new SymbolAxis(axes.get(0).label(), axes.get(0).values().toArray(new String[0]));
        NumberAxis yAxis = new SymbolAxis(axes.get(1).label(), axes.get(1).values().toArray(new String[0]));
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        for (double[] c : cells) {
            org.jfree.chart.annotations.XYTextAnnotation a = new org.jfree.chart.annotations.XYTextAnnotation(
                    display(c[2]), c[0], c[1]);
            a.setFont(new java.awt.Font("SansSerif", java.awt.Font.PLAIN, 11));
            a.setPaint(new Color(0x212121));
            plot.addAnnotation(a);
        }
        JFreeChart chart = new JFreeChart(mean(label), new java.awt.Font("SansSerif", java.awt.Font.BOLD, 16),
                plot, false);
        dev.enisim.report.chart.Charts.reportStyle(chart, "Each cell: the mean over " + replications(points,
                metric));
        PaintScaleLegend legend = new PaintScaleLegend(scale, rooted(new NumberAxis(label)));
        legend.setPosition(RectangleEdge.RIGHT);
        chart.addSubtitle(legend);
        return chart;
    }

    /** The most values of a parameter a heatmap's cells or a line per value are drawn for; a scatter beyond. */
    static final int DRAWN_VALUES = 30;

    /**
     * Whether the points are drawn as a scatter ({@link #scatter}): numeric parameters and either not a grid (an lhs
     * or sobol design: each point its own values) or a grid of more values than a heatmap's cells or lines can show.
     * An lhs design's chart was a legend of a hundred lines and no plot (one series per value of the second
     * parameter), its SVG 2 MB at 2,000 points; a 300 x 300 grid a heatmap of 90,000 labelled cells.
     */
    static boolean scattered(List<Sweep.Axis> axes, List<Sweep.Point> points) {
        if (axes.size() != 2 || !axes.stream().allMatch(a -> numeric(a) || unit(a.path(), points) != Unit.AS_GIVEN)) {
            return false;
        }
        long cells = 1;
        for (Sweep.Axis a : axes) {
            cells *= a.values().size();
        }
        boolean grid = cells == points.size();
        return !grid || axes.stream().anyMatch(a -> a.values().size() > DRAWN_VALUES);
    }

    /** A varied value as a number on a chart's axis: seconds, per second, or the number given ({@link Unit}). */
    private static double quantity(Unit u, String v) {
        return Double.parseDouble(u.plain(v));
    }

    /** A parameter's name on a chart's axis, with its unit: "hyperplane.eniCreateTime.median (s)". */
    private static String quantityLabel(Sweep.Axis a, Unit u) {
        return a.label() + (u == Unit.SECONDS ? " (s)" : u == Unit.PER_SECOND ? " (/s)" : "");
    }

    /**
     * The metric's mean at each point against the first parameter, coloured by the second on a continuous scale (its
     * legend at the right): a dot per point, readable at 2,000, and no legend entry per value.
     */
    private static JFreeChart scatter(List<Sweep.Axis> axes, String metric, List<Sweep.Point> points, String label) {
        Sweep.Axis x = axes.get(0);
        Sweep.Axis c = axes.get(1);
        Unit xu = unit(x.path(), points);
        Unit cu = unit(c.path(), points);
        List<double[]> dots = new ArrayList<>();
        double low = Double.MAX_VALUE;
        double high = -Double.MAX_VALUE;
        for (Sweep.Point p : points) {
            MetricStats s = p.metrics().get(metric);
            if (s == null) {
                continue;
            }
            double z = quantity(cu, p.values().get(c.path()));
            dots.add(new double[] {quantity(xu, p.values().get(x.path())), s.mean(), z});
            low = Math.min(low, z);
            high = Math.max(high, z);
        }
        DefaultXYZDataset data = xyz(metric, dots);
        LookupPaintScale scale = new LookupPaintScale(low, high > low ? high : low + 1, Color.GRAY);
        for (int i = 0; i <= 10; i++) {
            float t = i / 10f;
            // blue to orange: told apart with the common colour blindnesses, and from white
            scale.add(low + ((high > low ? high : low + 1) - low) * i / 10.0, new Color(0.13f + 0.77f * t,
                    0.4f + 0.1f * t, 0.8f - 0.7f * t));
        }
        Dots r = new Dots();
        r.setPaintScale(scale);
        NumberAxis xAxis = rooted(new NumberAxis(quantityLabel(x, xu)));
        xAxis.setAutoRangeIncludesZero(false);
        NumberAxis yAxis = rooted(new NumberAxis(mean(label)));
        yAxis.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, r);
        JFreeChart chart = new JFreeChart(label + " by " + x.label() + " and " + c.label(),
                new java.awt.Font("SansSerif", java.awt.Font.BOLD, 16), plot, false);
        dev.enisim.report.chart.Charts.reportStyle(chart, "A dot per point: its mean over " + replications(points,
                metric) + ", coloured by " + quantityLabel(c, cu));
        PaintScaleLegend legend = new PaintScaleLegend(scale, rooted(new NumberAxis(quantityLabel(c, cu))));
        legend.setPosition(RectangleEdge.RIGHT);
        chart.addSubtitle(legend);
        return chart;
    }

    /**
     * A scatter's dots, drawn as one path per colour (a 6 px square per point, on whole pixels): JFreeChart's shape
     * per point wrote some 600 bytes of SVG each, 1.2 MB at 2,000 points; this is about 60 bytes a point.
     */
    private static final class Dots extends org.jfree.chart.renderer.xy.XYShapeRenderer {

        private final Map<java.awt.Paint, java.awt.geom.Path2D> pending = new LinkedHashMap<>();

        @Override
        public void drawItem(java.awt.Graphics2D g, org.jfree.chart.renderer.xy.XYItemRendererState state,
                java.awt.geom.Rectangle2D area, org.jfree.chart.plot.PlotRenderingInfo info, XYPlot plot,
                org.jfree.chart.axis.ValueAxis domain, org.jfree.chart.axis.ValueAxis range,
                org.jfree.data.xy.XYDataset data, int series, int item, org.jfree.chart.plot.CrosshairState crosshair,
                int pass) {
            if (pass != 1) {
                return;
            }
            double x = data.getXValue(series, item);
            double y = data.getYValue(series, item);
            if (!Double.isNaN(x) && !Double.isNaN(y)) {
                double px = Math.rint(domain.valueToJava2D(x, area, plot.getDomainAxisEdge()));
                double py = Math.rint(range.valueToJava2D(y, area, plot.getRangeAxisEdge()));
                java.awt.Paint paint = getPaintScale().getPaint(((org.jfree.data.xy.XYZDataset) data)
                        .getZValue(series, item));
                pending.computeIfAbsent(paint, k -> new java.awt.geom.Path2D.Double())
                        .append(new java.awt.geom.Rectangle2D.Double(px - 3, py - 3, 6, 6), false);
            }
            if (item == data.getItemCount(series) - 1) {
                pending.forEach((paint, path) -> {
                    g.setPaint(paint);
                    g.fill(path);
                });
                pending.clear();
            }
        }
    }

    /** One series {@code name} of (x, y, z) triples. */
    private static DefaultXYZDataset xyz(String name, List<double[]> triples) {
        double[][] xyz = new double[3][triples.size()];
        for (int i = 0; i < triples.size(); i++) {
            for (int k = 0; k < 3; k++) {
                xyz[k][i] = triples.get(i)[k];
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries(name, xyz);
        return data;
    }

    static boolean numeric(Sweep.Axis a) {
        return a.values().stream().allMatch(v -> v.matches("-?[0-9.]+"));
    }

    private static double number(String v) {
        return Double.parseDouble(v);
    }

    /**
     * Said under a chart in a narrow window only (report.css's .chart-svg): at 420 px the 1000 px chart is shrunk to
     * 40%, its labels unreadable, and nothing said that it opens as an SVG to zoom into.
     */
    static final String SVG_NOTE = "<p class=\"note sideways chart-svg\">The chart is drawn 1000 px wide: tap it to"
            + " open it alone (an SVG) and zoom in.</p>\n";

    /**
     * A chart's text alternative: the metric and what the chart shows ("invocations.succeeded at each of the 6
     * points of the sweep, by traffic (mean, 95% confidence interval when replicated)"); it was the metric's name alone
     * (an accessibility review). The figures are in the table under the charts.
     */
    static String alt(String metric, List<Sweep.Axis> axes, int points) {
        List<String> names = new java.util.ArrayList<>();
        axes.forEach(a -> names.add(a.name() != null ? a.name() : a.path()));
        return "Chart of " + metric + " at each of the " + points + " points of the sweep, by "
                + String.join(" and ", names) + " (the mean, with its 95% confidence interval when replicated); the"
                + " figures are in the table below.";
    }

    /** The chart files' name (before .png/.svg) of the {@code i}-th metric {@code m}. */
    private static String chartName(int i, String m) {
        return i == 0 ? "sweep" : "sweep-" + m.replaceAll("[^A-Za-z0-9.-]", "_");
    }

    private static String html(String scenario, long seed, List<Sweep.Axis> axes, List<String> metrics,
            List<Sweep.Point> points, Map<String, byte[]> pngs, List<String> overrides, String costPeriod,
            String warmUp) {
        StringBuilder b = new StringBuilder(dev.enisim.report.page.Page.head("enisim sweep: " + scenario))
                .append("<h1>Sweep: ").append(HtmlReport.esc(scenario)).append("</h1>\n<p class=\"sub\">")
                .append(points.size()).append(" points; seed ").append(seed).append("; ")
                .append(metrics.isEmpty() ? "" : replications(points, metrics.get(0)))
                .append(warmUp == null ? "" : "; " + HtmlReport.esc(WarmUpWords.everyRun(warmUp))).append("</p>")
                .append(HtmlReport.overridden(overrides)).append("\n");
        List<String> verdicts = verdicts(axes, metrics, points, costPeriod);
        if (!verdicts.isEmpty()) {
            b.append("<h2>What the sweep shows</h2>\n<ul>\n");
            verdicts.forEach(v -> b.append("<li>").append(HtmlReport.esc(v)).append("</li>\n"));
            b.append("</ul>\n");
        }
        // each chart a link to its SVG beside the page: on a phone the 1000 px chart is shrunk to a third, its labels
        // unreadable; the SVG opens alone, to zoom into
        int[] i = {0};
        // a metric 0 at every point: a line in the chart's place (a full chart drew a flat line on an axis from -1 to 1)
        pngs.forEach((m, png) -> {
            String flat = line(points, m);
            if (flat != null) {
                i[0]++;
                b.append("<p class=\"flat\"><strong>").append(LongNames.html(named(m, costPeriod))).append("</strong>: ")
                        .append(HtmlReport.esc(flat)).append("</p>\n");
                return;
            }
            b.append("<a href=\"").append(HtmlReport.esc(chartName(i[0]++, m)))
                .append(".svg\" title=\"the chart alone, to zoom into\"><img style=\"max-width:100%\" alt=\"")
                .append(HtmlReport.esc(alt(named(m, costPeriod), axes, points.size()))).append("\" src=\"data:image/png;base64,")
                .append(Base64.getEncoder().encodeToString(png)).append("\"/></a>\n").append(SVG_NOTE);
        });
        // a card per point under 800 px (report.css's table.cards, as compare's, the drift's and the sensitivity's
        // tables): at 420 px the last metric's column was off the phone's screen in its scroll box. Each cell labelled
        // by its column, the point's values first.
        b.append("<div class=\"scroll\"><table class=\"cards\">\n<tr>");
        axes.forEach(a -> b.append("<th scope=\"col\">").append(LongNames.html(a.label())).append("</th>"));
        metrics.forEach(m -> b.append("<th scope=\"col\">").append(LongNames.html(named(m, costPeriod)))
                .append(single(points, m) ? " (one replication: no interval)" : " (95% CI)").append("</th>"));
        b.append("</tr>\n");
        for (Sweep.Point p : points) {
            b.append("<tr>");
            axes.forEach(a -> b.append("<td data-label=\"").append(HtmlReport.esc(a.label())).append("\">")
                    .append(HtmlReport.esc(p.values().get(a.path()))).append("</td>"));
            for (String m : metrics) {
                MetricStats s = p.metrics().get(m);
                String fewer = fewer(p, m);
                b.append("<td class=\"n\" data-label=\"").append(HtmlReport.esc(named(m, costPeriod))).append("\">").append(s == null ? HtmlReport.esc(p.problem() == null ? "no value"
                        : p.problem())
                        : (s.n() < 2 ? display(s.mean())
                        : display(s.mean()) + " [" + display(s.ciLow()) + ", " + display(s.ciHigh()) + "]")
                        + (fewer.isEmpty() ? "" : " (" + fewer + ")"))
                        .append("</td>");
            }
            b.append("</tr>\n");
        }
        b.append("</table></div>\n");
        String zero = zeroCounts(metrics, points);
        if (!zero.isEmpty()) {
            b.append("<p class=\"note\">").append(HtmlReport.esc(zero)).append("</p>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    /**
     * What an interval such as {@code 0 [0, 0.9986]} is, when a point's count was 0 in every one of its replications
     * ("" when none was): the page and the terminal showed it without a word, and a planner asking "how small can
     * this subnet be" read the 0.9986 of a /27 that had no IP failure in any run as a failure expected.
     */
    public static String zeroCounts(List<String> metrics, List<Sweep.Point> points) {
        for (Sweep.Point p : points) {
            for (String m : metrics) {
                MetricStats s = p.metrics().get(m);
                if (s != null && s.noneSeen() && MetricStats.isShare(m)) {
                    return display(s.mean()) + " [" + display(s.ciLow()) + ", " + display(s.ciHigh()) + "]: a"
                            + " probability that was 0 in every one of a point's " + s.n() + " replications has the"
                            + " interval [0, 1 - 0.05^(1/N)], the 95% upper bound of a proportion when none of the N"
                            + " starts of all of them was one (about 3/N, the rule of three), not [0, 0]."
                            + " The mean, 0, is what the runs saw.";
                }
                if (s != null && s.noneSeen()) {
                    return display(s.mean()) + " [" + display(s.ciLow()) + ", " + display(s.ciHigh()) + "]: a count"
                            + " that was 0 in every one of a point's " + s.n() + " replications has the interval [0,"
                            + " -ln(0.05)/n], the 95% upper bound of a Poisson mean when none was seen (about 3/n, the"
                            + " rule of three), not [0, 0]: " + s.n() + " runs without one do not prove it impossible."
                            + " The mean, 0, is what the runs saw.";
                }
            }
        }
        return "";
    }

    /** A figure for people: thousands separators, at most 4 significant digits after the point. */
    static String display(double v) {
        // the terminal's and compare's rule: %.4g wrote 25.30 and, below 1e-4, an exponent (3.805e-05) on the page
        return Double.isNaN(v) ? "-" : MetricStats.readable(v);
    }

    /**
     * A figure of sweep.csv: whole numbers as such, others in full (the shortest decimal that reads back as the same
     * double): a data file for spreadsheets and scripts, where six significant digits wrote 154,319.5 as 154320.
     */
    static String num(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v)
                : java.math.BigDecimal.valueOf(v).toPlainString();
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }

    /** A value axis whose tick labels are written the same on every machine (JFreeChart's use the JVM's locale). */
    private static NumberAxis rooted(NumberAxis axis) {
        axis.setStandardTickUnits(dev.enisim.report.chart.RootTickUnits.standard());
        return axis;
    }
}
