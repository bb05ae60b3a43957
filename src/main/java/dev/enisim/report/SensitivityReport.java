package dev.enisim.report;

import dev.enisim.experiment.Factor;
import dev.enisim.experiment.MetricStats;
import dev.enisim.experiment.Sensitivity;
import dev.enisim.experiment.Sweep;
import dev.enisim.report.chart.ChartFiles;
import dev.enisim.report.chart.SensitivityChart;
import dev.enisim.report.page.Page;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;

/**
 * A sensitivity analysis's output folder: {@code sensitivity.csv} (the ranking: one row per metric and assumption),
 * {@code points.csv} (every point of the design and its metrics, as sweep.csv), a tornado chart per metric
 * ({@code sensitivity-N.png/svg}, N the metric's position) and {@code sensitivity.html}, which says in words
 * which assumptions each answer hangs on and which do not matter.
 */
public final class SensitivityReport {

    private SensitivityReport() {
    }

    public static Map<String, byte[]> render(String scenario, Sensitivity.Design design, List<String> metrics,
            List<Sweep.Point> points, List<Sensitivity.MetricResult> results) {
        return render(scenario, design, metrics, points, results, List.of());
    }

    /** {@code leftOut}: the assumptions not varied because they cannot matter here, "paths: reason" each. */
    public static Map<String, byte[]> render(String scenario, Sensitivity.Design design, List<String> metrics,
            List<Sweep.Point> points, List<Sensitivity.MetricResult> results, List<String> leftOut) {
        return render(scenario, design, metrics, points, results, leftOut, List.of());
    }

    /** The design's factors as a sweep's axes (points.csv's first columns). */
    private static List<Sweep.Axis> axes(Sensitivity.Design design) {
        List<Sweep.Axis> axes = new ArrayList<>();
        for (Factor f : design.factors()) {
            axes.add(new Sweep.Axis(f.path(), List.of()));
        }
        return axes;
    }

    /** The time each point's cost covers ({@link SweepReport#costPeriod}), for points.csv's cost columns. */
    public static String costPeriod(dev.enisim.scenario.Scenario base, long warmUpMicros, Sensitivity.Design design) {
        return SweepReport.costPeriod(base.durationMicros(), warmUpMicros, axes(design));
    }

    /** As {@link #render(String, Sensitivity.Design, List, List, List, List)}, of a scenario changed by --set. */
    public static Map<String, byte[]> render(String scenario, Sensitivity.Design design, List<String> metrics,
            List<Sweep.Point> points, List<Sensitivity.MetricResult> results, List<String> leftOut,
            List<String> overrides) {
        return render(scenario, design, metrics, points, results, leftOut, overrides, null);
    }

    /**
     * As {@link #render(String, Sensitivity.Design, List, List, List, List, List)}, points.csv's cost columns named
     * with {@code costPeriod} ({@link #costPeriod}), as sweep.csv's.
     */
    public static Map<String, byte[]> render(String scenario, Sensitivity.Design design, List<String> metrics,
            List<Sweep.Point> points, List<Sensitivity.MetricResult> results, List<String> leftOut,
            List<String> overrides, String costPeriod) {
        return render(scenario, design, metrics, points, results, leftOut, overrides, costPeriod, null);
    }

    /**
     * As above, every run's statistics after {@code warmUp} (--warm-up as given, "10m"; null without one), which the
     * page says under its heading, in the sweep page's words (it said nothing: its figures read as the whole runs').
     */
    public static Map<String, byte[]> render(String scenario, Sensitivity.Design design, List<String> metrics,
            List<Sweep.Point> points, List<Sensitivity.MetricResult> results, List<String> leftOut,
            List<String> overrides, String costPeriod, String warmUp) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("sensitivity.csv", csv(design.method(), results).getBytes(StandardCharsets.UTF_8));
        List<Sweep.Axis> axes = axes(design);
        files.put("points.csv", SweepReport.csv(axes, metrics, points, costPeriod).getBytes(StandardCharsets.UTF_8));
        List<byte[]> pngs = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            JFreeChart chart = SensitivityChart.render(results.get(i), design.method());
            int height = 160 + 48 * design.factors().size();
            byte[] png = ChartFiles.png(chart, 1000, height);
            pngs.add(png);
            files.put("sensitivity-" + (i + 1) + ".png", png);
            files.put("sensitivity-" + (i + 1) + ".svg", ChartFiles.svg(chart, 1000, height));
        }
        files.put("sensitivity.html", html(scenario, design, results, pngs, leftOut, overrides, warmUp)
                .getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** The ranking table: most important first within each metric. */
    public static String csv(Sensitivity.Method method, List<Sensitivity.MetricResult> results) {
        StringBuilder b = new StringBuilder(method == Sensitivity.Method.MORRIS
                ? "metric,rank,parameter,range,mu,muStar,muStarLow,muStarHigh,sigma,verdict\n"
                : "metric,rank,parameter,range,S1,S1Low,S1High,ST,STLow,STHigh,verdict\n");
        for (Sensitivity.MetricResult r : results) {
            int rank = 1;
            for (Sensitivity.FactorResult f : r.ranking()) {
                List<String> row = new ArrayList<>(List.of(quote(r.metric()), Integer.toString(rank++),
                        quote(f.factor().path()), f.factor().range()));
                if (method == Sensitivity.Method.MORRIS) {
                    for (double v : new double[] {f.morris().mu(), f.morris().muStar(), f.morris().muStarLow(),
                        f.morris().muStarHigh(), f.morris().sigma()}) {
                        row.add(Double.isNaN(v) ? "" : MetricStats.format(v)); // no interval: empty, not "NaN"
                    }
                } else {
                    for (double v : new double[] {f.sobol().s1(), f.sobol().s1Low(), f.sobol().s1High(),
                        f.sobol().st(), f.sobol().stLow(), f.sobol().stHigh()}) {
                        row.add(Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v)); // no interval: empty
                    }
                }
                row.add(verdict(f.verdict()));
                b.append(String.join(",", row)).append('\n');
            }
        }
        return b.toString();
    }

    /** The ranking as the terminal shows it. */
    public static String table(Sensitivity.Method method, List<Sensitivity.MetricResult> results) {
        StringBuilder b = new StringBuilder();
        for (Sensitivity.MetricResult r : results) {
            boolean intervals = r.ranking().isEmpty() || (method == Sensitivity.Method.MORRIS
                    ? r.ranking().get(0).morris().hasInterval() : r.ranking().get(0).sobol().hasInterval());
            b.append(r.metric()).append(method != Sensitivity.Method.MORRIS
                    ? "   (Sobol: ST [95% CI], S1; clamped to [0, 1], where a share of variance lies"
                        + (intervals ? "" : "; 95% CI " + Sensitivity.NO_SOBOL_INTERVAL) + ")\n"
                    : intervals ? "   (Morris: mu* [95% CI], sigma)\n"
                    : "   (Morris: mu* [95% CI], sigma; 95% CI " + Sensitivity.NO_INTERVAL + ")\n");
            if (r.constant()) {
                // the page said it ("was 35936 at every point of the design"); the terminal listed six "does not
                // matter" lines, which read as if the metric had moved and none of the assumptions explained it
                b.append("  the same at every point: ").append(Sensitivity.figure(r.metric(), r.min()))
                        .append(" (it depends on none of the assumptions varied)\n");
            }
            if (r.barelyMoves()) {
                b.append("  barely moves: ").append(Sensitivity.figure(r.metric(), r.min())).append(" to ")
                        .append(Sensitivity.figure(r.metric(), r.max())).append(", a range of ")
                        .append(Sensitivity.percent(r.relativeRange())).append(" of its mean absolute value ")
                        .append(Sensitivity.figure(r.metric(), r.meanAbs())).append(" (under the ")
                        .append(Sensitivity.percent(r.floor()))
                        .append(" floor): no assumption matters much, none hangs on it\n");
            }
            int width = r.ranking().stream().mapToInt(f -> f.factor().path().length()).max().orElse(10);
            for (Sensitivity.FactorResult f : r.ranking()) {
                String m = r.metric(); // a time in seconds said as a duration (17m 56s), as on the page
                String figures = method == Sensitivity.Method.MORRIS && !f.morris().hasInterval()
                        ? String.format(Locale.ROOT, "%10s [n/a]  sigma %s", Sensitivity.figure(m, f.morris().muStar()),
                                Sensitivity.figure(m, f.morris().sigma()))
                        : method == Sensitivity.Method.MORRIS
                        ? String.format(Locale.ROOT, "%10s [%s, %s]  sigma %s", Sensitivity.figure(m, f.morris().muStar()),
                                Sensitivity.figure(m, f.morris().muStarLow()), Sensitivity.figure(m, f.morris().muStarHigh()),
                                Sensitivity.figure(m, f.morris().sigma()))
                        : f.sobol().hasInterval()
                        ? String.format(Locale.ROOT, "%6.3f [%.3f, %.3f]  S1 %.3f", f.sobol().st(), f.sobol().stLow(),
                                f.sobol().stHigh(), f.sobol().s1())
                        : String.format(Locale.ROOT, "%6.3f [n/a]  S1 %.3f", f.sobol().st(), f.sobol().s1());
                b.append(String.format(Locale.ROOT, "  %-" + width + "s  %s  %s%n", f.factor().path(), figures,
                        verdict(f.verdict())));
            }
        }
        return b.toString();
    }

    private static String verdict(Sensitivity.Verdict v) {
        return switch (v) {
            case HANGS_ON -> "hangs on it";
            case MINOR -> "minor";
            case NEGLIGIBLE -> "does not matter";
        };
    }

    private static String html(String scenario, Sensitivity.Design design, List<Sensitivity.MetricResult> results,
            List<byte[]> pngs, List<String> leftOut, List<String> overrides, String warmUp) {
        boolean morris = design.method() == Sensitivity.Method.MORRIS;
        // the report's opening (its viewport: without it a phone laid the page out 980 px wide and shrank it) and
        // style, and this page's own few rules
        StringBuilder b = new StringBuilder(Page.OPENING + "<title>enisim sensitivity: " + HtmlReport.esc(scenario)
                + "</title>\n" + Page.styles() + "<style>td{text-align:right}td:first-child{text-align:left}"
                + "img{max-width:100%}.hangs{font-weight:bold}.none{color:#757575}.verdict ul{margin:0;padding-left:1.2em}</style>\n</head>\n<body>\n"
                + "<h1>Sensitivity: " + HtmlReport.esc(scenario) + "</h1>" + (warmUp == null ? ""
                    : "<p class=\"sub\">" + HtmlReport.esc(WarmUpWords.opening(WarmUpWords.everyRun(warmUp)))
                    + "</p>") + HtmlReport.overridden(overrides)
                + answers(results) + "\n<p>"
                + (morris ? "Morris elementary effects: " + design.samples() + " trajectories"
                    : "Sobol indices (Saltelli's scheme, Jansen's total index): " + design.samples() + " base rows")
                + ", " + design.points().size() + " points over " + design.factors().size() + " assumptions; "
                + (Sensitivity.intervalWarning(design) == null ? "95% bootstrap intervals. "
                    : "no intervals: " + Sensitivity.intervalWarning(design) + ". ")
                + (morris ? "mu* is the mean absolute elementary effect: a step's change of"
                    + " the metric divided by the step's share of the assumption's range (2/3 on the 4-level grid),"
                    + " the change across the whole range were the effect a line (a threshold makes it more than the"
                    + " metric moved); mu, the mean of the signed effects, says which way: mu = mu* when no step up"
                    + " of the assumption lowered the metric, -mu* when none raised it; sigma large against mu* means"
                    + " the effect depends on the other assumptions.": "ST is the share of the metric's variance that the assumption causes,"
                    + " alone or with others; S1 the share it causes alone. Both and their intervals are clamped to"
                    + " [0, 1], where a share lies: the estimators' sampling error can carry them past it.")
                + floorWords(results.isEmpty() ? Sensitivity.FLOOR : results.get(0).floor()) + "</p>\n");
        if (!leftOut.isEmpty()) {
            b.append("<p>Not varied, as they cannot matter in this scenario:</p>\n<ul>\n");
            for (String l : leftOut) {
                b.append("<li>").append(HtmlReport.esc(l)).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        for (int i = 0; i < results.size(); i++) {
            Sensitivity.MetricResult r = results.get(i);
            b.append("<h2 id=\"metric-").append(i + 1).append("\">").append(LongNames.html(r.metric())).append("</h2>\n");
            for (String s : Sensitivity.sentences(r, design.method())) {
                b.append("<p>").append(HtmlReport.esc(s)).append("</p>\n");
            }
            for (String s : Sensitivity.directions(r, design.method())) {
                b.append("<p>").append(HtmlReport.esc(s)).append("</p>\n");
            }
            // the chart a link to its SVG beside the page, to zoom into on a phone (the 1000 px tornado shrunk)
            b.append("<a href=\"sensitivity-").append(i + 1).append(".svg\" title=\"the chart alone, to zoom into\">"
                    + "<img alt=\"sensitivity of ").append(HtmlReport.esc(r.metric()))
                    .append("\" src=\"data:image/png;base64,").append(Base64.getEncoder().encodeToString(pngs.get(i)))
                    .append("\"/></a>\n").append(SweepReport.SVG_NOTE)
                    .append("<div class=\"scroll\"><table class=\"cards\">\n<tr><th scope=\"col\">assumption</th><th scope=\"col\">range</th>")
                    .append(morris ? "<th scope=\"col\">mu* (95% CI)</th><th scope=\"col\">mu</th><th scope=\"col\">sigma</th>"
                            : "<th scope=\"col\">ST (95% CI)</th><th scope=\"col\">S1 (95% CI)</th>").append("<th scope=\"col\">verdict</th></tr>\n");
            for (Sensitivity.FactorResult f : r.ranking()) {
                String cls = f.verdict() == Sensitivity.Verdict.HANGS_ON ? "hangs"
                        : f.verdict() == Sensitivity.Verdict.NEGLIGIBLE ? "none" : "";
                // each cell labelled for the card a row is under 800 px (report.css's table.cards), the assumption
                // first and the verdict under it: at 420 px the verdict column was at 594 px, off the phone's screen
                b.append("<tr class=\"").append(cls).append("\"><td class=\"name\">")
                        .append(LongNames.html(f.factor().path())).append("</td><td data-label=\"range\">")
                        .append(HtmlReport.esc(f.factor().readableRange())).append("</td>");
                if (morris) {
                    String m = r.metric();
                    b.append("<td data-label=\"mu*\">").append(Sensitivity.inSeconds(m) ? ci(m, f.morris().muStar(),
                            f.morris().muStarLow(), f.morris().muStarHigh()) : f.morris().hasInterval()
                            ? ci(f.morris().muStar(), f.morris().muStarLow(), f.morris().muStarHigh())
                            : MetricStats.format(round(f.morris().muStar())) + " [n/a]")
                            .append("</td><td data-label=\"mu\">").append(Sensitivity.figure(m, f.morris().mu()))
                            .append("</td><td data-label=\"sigma\">").append(Sensitivity.figure(m, f.morris().sigma()))
                            .append("</td>");
                } else {
                    b.append("<td data-label=\"ST\">").append(ci(f.sobol().st(), f.sobol().stLow(),
                            f.sobol().stHigh())).append("</td><td data-label=\"S1\">")
                            .append(ci(f.sobol().s1(), f.sobol().s1Low(), f.sobol().s1High()))
                            .append("</td>"); // "[n/a]" with no interval
                }
                b.append("<td class=\"decision\">").append(verdict(f.verdict())).append("</td></tr>\n");
            }
            b.append("</table></div>\n");
        }
        return b.append("</body></html>\n").toString();
    }

    /**
     * The answer first, one line per metric (what it hangs on, or that nothing moves it), linked to its section: the
     * page opened on the method's paragraph and the list of assumptions not varied, the first answer below them.
     */
    private static String answers(List<Sensitivity.MetricResult> results) {
        if (results.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("\n<div class=\"verdict ok\" id=\"answers\"><ul>\n");
        for (int i = 0; i < results.size(); i++) {
            Sensitivity.MetricResult r = results.get(i);
            List<String> hangs = new ArrayList<>();
            for (Sensitivity.FactorResult f : r.ranking()) {
                if (f.verdict() == Sensitivity.Verdict.HANGS_ON) {
                    hangs.add(f.factor().path());
                }
            }
            String answer = r.constant() ? "the same at every point: it depends on none of the assumptions varied"
                    : r.barelyMoves() ? "barely moves: no assumption matters much"
                    : hangs.isEmpty() ? "no single assumption dominates it"
                    : "hangs on " + String.join(", ", hangs);
            b.append("<li><a href=\"#metric-").append(i + 1).append("\">").append(HtmlReport.esc(r.metric()))
                    .append("</a>: ").append(HtmlReport.esc(answer)).append("</li>\n");
        }
        return b.append("</ul></div>").toString();
    }

    /** The page's words for the floor: the default's as they were, another's with its option, none for 0. */
    private static String floorWords(double floor) {
        if (floor == 0) {
            return " No floor (--floor 0): a metric that barely moves can hang on an assumption.";
        }
        return " A metric whose range over the design is under " + Sensitivity.percent(floor) + " of its mean"
                + " absolute value barely moves: no assumption is said to hang on it"
                + (floor == Sensitivity.FLOOR ? "." : " (--floor " + Sensitivity.percent(floor) + ").");
    }

    private static String ci(double v, double lo, double hi) {
        if (Double.isNaN(lo)) { // too few trajectories or base rows for an interval
            return MetricStats.format(round(v)) + " [n/a]";
        }
        return MetricStats.format(round(v)) + " [" + MetricStats.format(round(lo)) + ", "
                + MetricStats.format(round(hi)) + "]";
    }

    /** mu* and its interval of a metric in seconds, as durations ({@code 17m 56s [16m 43s, 18m 32s]}). */
    private static String ci(String metric, double v, double lo, double hi) {
        return Sensitivity.figure(metric, v) + (Double.isNaN(lo) ? " [n/a]" : " [" + Sensitivity.figure(metric, lo)
                + ", " + Sensitivity.figure(metric, hi) + "]");
    }

    private static double round(double v) {
        return Math.abs(v) < 10 ? Math.round(v * 1000) / 1000.0 : v;
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
