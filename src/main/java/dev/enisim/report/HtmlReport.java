package dev.enisim.report;

import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Seconds;
import dev.enisim.report.page.Headlines;
import dev.enisim.report.page.Page;
import dev.enisim.run.RunResult;
import dev.enisim.scenario.Scenario;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: one self-contained page that works offline from file:// (also well-formed XML, so that tests
 * can parse it; no external URL): the scenario, seed and version, the answers the run gives, a summary, interactive
 * charts drawn from the run's data, what happened in words, and the assumptions in force.
 */
public final class HtmlReport {

    /**
     * Failure lines the page's story keeps at most (the rest are counted, all in narrative.txt): 800, so that a run of
     * 1,000 functions that each failed while Pending keeps its page under 400 kB (ChartDefectsTest) with the words
     * each failure now has.
     */
    static final int STORY_FAILURES = 800;


    /** Rows of a table at most: a run of 65,000 functions still makes a page a browser opens. */
    static final int MAX_ROWS = 50;
    /** The scenario file is shown whole up to this size (a generated 65,000-function file is not). */
    static final int MAX_SCENARIO_CHARS = 60_000;

    private HtmlReport() {
    }

    /**
     * The page; {@code charts} maps the chart files written beside it ({@code charts/x.png}, {@code .svg}) to
     * their bytes: the page links to them but draws its own charts from the run's data.
     */
    public static String render(RunResult r, Map<String, byte[]> charts, String version) {
        RunSummary s = r.summary();
        StringBuilder b = new StringBuilder();
        b.append(Page.head("enisim: " + s.scenario()));
        // landmarks: a skip link past the header's links, and the page's content in <main> (a review found neither)
        b.append("<a class=\"skip\" href=\"#main\">Skip to the answers</a>\n<header><h1>").append(esc(s.scenario())).append("</h1>\n<p class=\"sub\">").append(esc(
                r.scenario().description())).append("<br/>seed ").append(s.seed()).append(", ")
                .append(Narrative.clock(Seconds.toMicros(s.simulatedSeconds()))).append(" simulated, ")
                .append(s.warmUpSeconds() == null ? "" : WarmUpWords.statistics(Narrative.clock(Seconds.toMicros(
                        s.warmUpSeconds()))) + ", ")
                .append(String.format(Locale.ROOT, "%,d", s.events().total())).append(" events, ")
                .append(r.scenario().networkModel().name().toLowerCase(Locale.ROOT)).append(" network model, enisim ")
                .append(esc(version)).append("</p>\n<nav><a href=\"#answers\">Answers</a> <a href=\"#summary\">"
                + "Summary</a> <a href=\"#charts\">Charts</a> <a href=\"#topology\">Topology</a> "
                + (charts.containsKey("charts/timeline.svg") ? "<a href=\"#lifecycle\">Lifecycle</a> " : "")
                + "<a href=\"#story\">What happened</a> <a "
                + "href=\"#assumptions\">Assumptions</a> <a href=\"#scenario\">Scenario</a></nav>"
                + overridden(r.overrides()) + "</header>\n<main id=\"main\">\n");
        b.append(Headlines.html(r));
        summary(b, r);
        b.append(Page.chartsSection(charts.keySet()));
        b.append(Page.topologySection());
        b.append(Page.lifecycleFigure(charts.get("charts/timeline.svg")));
        b.append("<section id=\"story\">\n<h2>What happened</h2>\n<pre>");
        for (String line : Narrative.abridged(Narrative.lines(r), 400, STORY_FAILURES)) {
            b.append(Narrative.failure(line) ? "<span class=\"bad\">" + esc(line) + "</span>" : esc(line))
                    .append('\n');
        }
        b.append("</pre>\n</section>\n");
        assumptions(b, r.scenario());
        b.append("<section id=\"scenario\">\n<h2>Scenario</h2>\n").append(asWritten(r.overrides()))
                .append("<details><summary>The scenario file (")
                .append(esc(r.scenario().source())).append(")</summary><pre>")
                .append(esc(bounded(scenarioYaml(r.scenario()), r.scenario().source()))).append("</pre></details>\n"
                        + "</section>\n</main>\n")
                .append(Page.scripts(r)).append("</body>\n</html>\n");
        return b.toString();
    }

    /**
     * The header's line of a run with {@code --set} overrides (its summary records them), none without: the page
     * showed the file as written and nothing said the run was not of it (x10 traffic, a subnet filled up).
     */
    static String overridden(List<String> overrides) {
        if (overrides.isEmpty()) {
            return "";
        }
        return "\n<p class=\"verdict warn\" id=\"overrides\">Run with overrides: <code>"
                + esc(dev.enisim.scenario.Overrides.options(overrides)) + "</code></p>";
    }

    /**
     * The note above the scenario file of a run with overrides: the file is shown as written, and which fields the run
     * had otherwise, with their values. Empty without overrides.
     */
    static String asWritten(List<String> overrides) {
        if (overrides.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<p class=\"note\">The file below is as written, not as run: this run"
                + " had " + (overrides.size() == 1 ? "one override" : overrides.size() + " overrides") + " (<code>"
                + "--set</code>), applied in this order; these values, not the file's, were run:</p>\n"
                + "<ul class=\"note\">\n");
        for (String a : overrides) {
            int eq = a.indexOf('=');
            b.append("<li><code>").append(esc(eq <= 0 ? a : a.substring(0, eq).trim() + " = "
                    + a.substring(eq + 1).trim())).append("</code>").append(dev.enisim.scenario.Overrides
                    .isTrafficAssignment(a) ? " (" + esc(dev.enisim.scenario.Overrides.TRAFFIC_NOTE) + ")" : "")
                    .append("</li>\n");
        }
        return b.append("</ul>\n").toString();
    }

    /**
     * CloudWatch's {@code Invocations} of the whole account, as timeseries.csv has it: the invocations that ran
     * (succeeded or function errors), not the throttled or refused requests.
     */
    public static long cloudWatchInvocations(RunResult r) {
        dev.enisim.metrics.Series s = r.timeSeries().account(dev.enisim.metrics.Metric.INVOCATIONS);
        Double warmUp = r.summary().warmUpSeconds(); // the buckets after it, as the summary's figures (--warm-up)
        int from = warmUp == null ? 0 : (int) (Seconds.toMicros(warmUp) / r.timeSeries().bucketMicros());
        long[] values = s == null ? new long[0] : s.values();
        long n = 0;
        for (int b = from; b < values.length; b++) {
            n += values[b];
        }
        return n;
    }

    private static void summary(StringBuilder b, RunResult r) {
        RunSummary s = r.summary();
        RunSummary.Invocations inv = s.invocations();
        // every request: not CloudWatch's Invocations, which the next row gives as timeseries.csv does
        b.append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"scroll\"><table class=\"totals\">\n" + dev.enisim.report.page.Headlines.caption("Summary of the run") + "<tr><th scope=\"row\">Invocation"
                + " requests (all, throttled and refused ones included)</th><td class=\"n\">").append(num(inv.total()))
                .append("</td></tr>\n<tr><th scope=\"row\">Invocations (CloudWatch's: those that ran, succeeded or function error;"
                        + " the <code>Invocations</code> of timeseries.csv)</th><td class=\"n\">")
                .append(num(cloudWatchInvocations(r)))
                .append("</td></tr>\n<tr><th scope=\"row\">Succeeded</th><td class=\"n\">").append(num(inv.succeeded()))
                .append("</td></tr>\n<tr><th scope=\"row\">Throttled (429)</th><td class=\"n\">").append(num(inv.throttled()))
                .append("</td></tr>\n<tr><th scope=\"row\">Function errors</th><td class=\"n\">").append(num(inv.functionErrors()))
                .append("</td></tr>\n");
        for (Map.Entry<String, Long> e : inv.errors().entrySet()) {
            if (e.getValue() > 0) {
                b.append("<tr><th scope=\"row\" class=\"bad\">").append(esc(e.getKey())).append("</th><td class=\"n\">")
                        .append(num(e.getValue())).append("</td></tr>\n");
            }
        }
        RunSummary.Latency l = s.latencyMillis();
        boolean secs = inSeconds(l.p50());
        b.append("<tr><th scope=\"row\">Latency p50 / p90 / p99 / max (").append(secs ? "s" : "ms").append(")</th><td class=\"n\">")
                .append(l.count() == 0 ? "none (no invocation succeeded)" : latency(l.p50(), secs) + " / "
                + latency(l.p90(), secs) + " / " + latency(l.p99(), secs) + " / " + latency(l.max(), secs))
                .append("</td></tr>\n<tr><th scope=\"row\">Cold starts of the successful invocations</th><td class=\"n\">")
                .append(num(l.coldStarts()));
        if (s.coldStarts() != null && s.coldStarts().total() != l.coldStarts()) {
            // every cold start, whatever its end, told apart from the successful ones above; not when they are the
            // same (quickstart read "111" twice, one row under the other)
            b.append("</td></tr>\n<tr><th scope=\"row\">Cold starts, whatever their outcome</th><td class=\"n\">")
                    .append(num(s.coldStarts().total()));
        }
        String share = dev.enisim.report.page.CostLine.coldStartShare(s);
        if (share != null) {
            // the cold-start probability, which the Answers' cost line told with the refused invocations' errors
            b.append("</td></tr>\n<tr><th scope=\"row\">Cold-start share (of the invocations that got an execution"
                    + " environment)</th><td class=\"n\">").append(share);
        }
        b
                .append("</td></tr>\n<tr><th scope=\"row\">Peak ConcurrentExecutions</th><td class=\"n\">")
                .append(num(s.peakConcurrentExecutions()));
        String environments = dev.enisim.report.page.CostLine.environments(s);
        if (environments != null) {
            b.append("</td></tr>\n<tr><th scope=\"row\">Execution environments on average</th><td class=\"n\">")
                    .append(environments);
        }
        b.append("</td></tr>\n</table></div>\n");
        // VPCs and subnets are in the Answers (Capacity), the fullest first
        // the functions the table lists first counted above it, as the terminal counts them under its list: a
        // migration's 16 failed VPC updates were among 43 rows by requests, Failed ones at the top uncounted
        String counts = dev.enisim.report.page.Stranded.counts(s);
        if (!counts.isEmpty()) {
            b.append("<p id=\"functions-first\">").append(esc(counts)).append(". The table lists them first.</p>\n");
        }
        b.append("<div class=\"scroll\"><table class=\"answers functions\">\n" + dev.enisim.report.page.Headlines.caption("Functions, their final state and invocations") + "<tr><th scope=\"col\">Function</th><th scope=\"col\">final state</th><th scope=\"col\">invocation requests</th><th scope=\"col\">succeeded</th>"
                + "</tr>\n");
        List<Map.Entry<String, RunSummary.FunctionSummary>> fns = new java.util.ArrayList<>(s.functions().entrySet());
        fns.sort(dev.enisim.report.page.Stranded.order()); // as the terminal lists them, failed VPC updates next
        for (Map.Entry<String, RunSummary.FunctionSummary> e : fns.subList(0, Math.min(MAX_ROWS, fns.size()))) {
            RunSummary.FunctionSummary f = e.getValue();
            b.append("<tr><td>").append(esc(e.getKey())).append("</td><td class=\"")
                    .append(stateClass(f.finalState())).append("\">").append(esc(f.finalState()))
                    .append(f.finalReasonCode() == null ? "" : " (" + f.finalReasonCode().name() + ")")
                    .append(failedUpdate(r, e.getKey()))
                    .append("</td><td class=\"n\">").append(num(f.invocations().total())).append("</td><td class=\"n\">")
                    .append(num(f.invocations().succeeded())).append("</td></tr>\n");
        }
        b.append("</table></div>\n");
        if (fns.stream().anyMatch(e -> e.getValue().finalState().equals("Deleted"))) {
            b.append("<p class=\"note\">Deleted is not one of AWS's function States (Pending, Active, Inactive,"
                    + " Failed): the function no longer exists (GetFunction answers ResourceNotFoundException).</p>\n");
        }
        if (fns.size() > MAX_ROWS) {
            b.append("<p class=\"note\">").append(MAX_ROWS).append(" of ").append(num(fns.size()))
                    .append(" functions shown (" + dev.enisim.report.page.Stranded.ORDER + "); ").append(num(fns.size() - MAX_ROWS))
                    .append(" more in summary.json.</p>\n");
        }
        b.append("</section>\n");
    }

    /**
     * A final state's class in the Summary: Active green, Failed red, Deleted grey as in the lifecycle chart (it was
     * green like Active), the others plain.
     */
    private static String failedUpdate(RunResult r, String function) {
        String note = dev.enisim.report.page.FailedUpdates.note(r, function, Narrative.When.of(r.scenario()));
        return note.isEmpty() ? "" : "<br><span class=\"bad\">" + esc(note) + "</span>";
    }

    static String stateClass(String state) {
        return switch (state) {
            case "Active" -> "ok";
            case "Failed" -> "bad";
            case "Deleted" -> "gone";
            default -> "";
        };
    }

    private static void assumptions(StringBuilder b, Scenario sc) {
        b.append("<section id=\"assumptions\">\n<h2>Assumptions in force</h2>\n<p>The model's figures that are "
                + "not about your account, as this scenario sets them (in the scenario's own syntax): most are "
                + "assumptions, as AWS does not document them; a few are AWS's documented figures, such as 65,000 "
                + "connections per ENI, listed because a scenario can change them. Each one and its source: "
                + "scenarios/README.md.</p>\n<div class=\"scroll\"><table class=\"pairs\">\n" + dev.enisim.report.page.Headlines.caption("Assumptions in force") + "");
        for (Assumptions.Row a : Assumptions.rows(sc)) {
            row(b, a.field(), a.value());
        }
        b.append("</table></div>\n");
        prices(b, sc);
        b.append("</section>\n");
    }

    /**
     * The prices of the cost estimate in force ({@link Assumptions#prices}), each said as set by the scenario or the
     * default (us-east-1's list prices): the page named the region only, so a table labelled eu-south-1 with
     * us-east-1's rates read as eu-south-1's prices (a FinOps review).
     */
    private static void prices(StringBuilder b, Scenario sc) {
        dev.enisim.scenario.PriceTable d = dev.enisim.scenario.PriceTable.DEFAULT;
        b.append("<h3>Prices in force</h3>\n<p>The cost estimate's prices, in US dollars (per million requests, per"
                + " GB-second, per NAT gateway hour or GB): <em>scenario</em> where this scenario's <code>prices:</code>"
                + " (or <code>--set</code>) sets them, <em>default</em> where they are the defaults, " + esc(d.region())
                + " list prices of " + esc(d.date()) + ". Each one's source: scenarios/README.md, <code>prices</code>."
                + "</p>\n<div class=\"scroll\"><table class=\"pairs prices\">\n"
                + dev.enisim.report.page.Headlines.caption("Prices in force"));
        for (Assumptions.Price p : Assumptions.prices(sc)) {
            b.append("<tr><th scope=\"row\"><code>").append(esc(p.field())).append("</code></th><td><code>")
                    .append(esc(p.value())).append("</code></td><td>").append(esc(p.from())).append("</td></tr>\n");
        }
        b.append("</table></div>\n");
    }

    private static void row(StringBuilder b, String k, String v) {
        b.append("<tr><th scope=\"row\"><code>").append(esc(k)).append("</code></th><td><code>").append(esc(v))
                .append("</code></td></tr>\n");
    }

    /** The first {@value #MAX_SCENARIO_CHARS} characters of a long scenario file, and where the rest is. */
    static String bounded(String text, String source) {
        if (text.length() <= MAX_SCENARIO_CHARS) {
            return text;
        }
        int cut = text.lastIndexOf('\n', MAX_SCENARIO_CHARS);
        cut = cut < 0 ? MAX_SCENARIO_CHARS : cut + 1;
        return text.substring(0, cut) + "# ... " + String.format(Locale.ROOT, "%,d", text.length() - cut)
                + " more characters: see " + source + "\n";
    }

    /**
     * The scenario file as written (command-line overrides, if any, are not applied to it: {@link #asWritten} lists
     * them above it), else its parsed form.
     */
    private static String scenarioYaml(Scenario s) {
        try {
            java.nio.file.Path p = java.nio.file.Path.of(s.source());
            if (java.nio.file.Files.isRegularFile(p)) {
                return java.nio.file.Files.readString(p);
            }
        } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
            // fall through to the parsed form
        }
        return String.valueOf(s);
    }

    private static String num(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    /**
     * Whether a run's latencies are told in seconds: when its median is a second or more (a batch job's 139,460.6 ms
     * read as a phone number); below, in ms. One unit for the whole line or row, chosen by the median so that a fast
     * function's p50 keeps its digits beside a long max.
     */
    public static boolean inSeconds(double p50Millis) {
        return p50Millis >= 1000;
    }

    /** A latency in the unit {@link #inSeconds} chose: ms with one decimal, or seconds with one. */
    public static String latency(double millis, boolean seconds) {
        return String.format(Locale.ROOT, "%,.1f", seconds ? millis / 1000 : millis);
    }

    public static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
