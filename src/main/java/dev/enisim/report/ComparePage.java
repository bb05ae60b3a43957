package dev.enisim.report;

import dev.enisim.experiment.Comparison;
import dev.enisim.experiment.MetricStats;
import dev.enisim.report.page.Page;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Decision pages for two runs: {@code compare} (design A against design B, paired replications with common random
 * numbers) and {@code compare-network-models} (one scenario under Hyperplane and under the legacy model). The
 * differences table comes first (with the 95% interval of B - A where there are replications), then both runs'
 * charts on the same axes with one crosshair and one zoom. Self-contained, works offline.
 */
public final class ComparePage {

    /**
     * One line of the differences table; {@code interval} empty when there is none; {@code p} the Holm-adjusted
     * p-value as the terminal shows it ({@link Comparison#pText}: "" with no test).
     */
    public record Row(String metric, String a, String b, String difference, String interval, String p,
            boolean significant) {
    }

    private ComparePage() {
    }

    /**
     * The page of {@code compare}: {@code rows} from {@link Comparison#compare}; {@code a} and {@code b} are the
     * runs whose charts are shown (replication 0 of each). Metrics with no difference are left out of the table
     * unless {@code all}.
     */
    public static String compare(String labelA, RunResult a, String labelB, RunResult b, List<Comparison.Row> rows,
            int replications, boolean all) {
        int tested = (int) rows.stream().filter(r -> !Double.isNaN(r.adjustedP())).count();
        return compare(labelA, a, labelB, b, new Comparison.Outcome(rows, List.of(), List.of(), tested), replications,
                all);
    }

    /**
     * As above, from the whole {@code outcome}: significance is Holm-adjusted over the metrics that differ, and the
     * metrics only one side has are listed after the table.
     */
    public static String compare(String labelA, RunResult a, String labelB, RunResult b, Comparison.Outcome outcome,
            int replications, boolean all) {
        List<Row> shown = new ArrayList<>();
        int significant = 0;
        for (Comparison.Row r : ordered(outcome.rows())) {
            MetricStats d = r.difference();
            if (all || d.mean() != 0 || d.sd() != 0) {
                shown.add(row(r, replications));
            }
            significant += r.significant() ? 1 : 0;
        }
        List<Row> headline = new ArrayList<>();
        for (Comparison.Row r : headlineShown(outcome, all)) {
            headline.add(row(r, replications));
        }
        java.util.Set<String> byVolume = byVolume(outcome);
        int tested = outcome.tested();
        String family = " (Holm-Bonferroni over the " + tested + " outcome metric" + (tested == 1 ? "" : "s")
                + " that differ in some replication: at most a 5% chance that any metric called significant is noise; " + replications
                + " paired replications with common random numbers; each interval shown is the metric's own 95%"
                + " interval, not adjusted; p (Holm): each metric's adjusted p-value, significant under 0.05)";
        String verdict = replications < 2 ? "With one replication there is no confidence interval, so no difference"
                + " can be called significant: run with --replications 2 or more (default 10)."
                : significant == 0 ? "No metric differs significantly between A and B" + family + "."
                : significant + " metric" + (significant == 1 ? "" : "s") + " differ significantly between A and B"
                + family + ". They come first in the Differences table, the largest change relative to A first.";
        if (replications > 1) {
            verdict += " " + Comparison.INTERNAL_NOTE;
        }
        StringBuilder onlyNote = new StringBuilder();
        if (!outcome.everyPair().isEmpty()) {
            onlyNote.append("<p class=\"note\">").append(HtmlReport.esc(Comparison.everyPairText(
                    outcome.everyPair().size(), replications))).append(":</p>\n<ul>\n");
            for (String m : outcome.everyPair()) {
                onlyNote.append("<li>").append(HtmlReport.esc(m)).append("</li>\n");
            }
            onlyNote.append("</ul>\n");
        }
        onlyNote.append(only("A", labelA, outcome.onlyA())).append(only("B", labelB, outcome.onlyB()));
        if (!outcome.partial().isEmpty()) {
            onlyNote.append("<p class=\"note\">").append(HtmlReport.esc(Comparison.Partial.heading(
                    outcome.partial().size()))).append(":</p>\n<ul>\n");
            for (Comparison.Partial p : outcome.partial()) {
                onlyNote.append("<li>").append(HtmlReport.esc(p.metric())).append(": ").append(HtmlReport.esc(p.counts())).append("</li>\n");
            }
            onlyNote.append("</ul>\n");
        }
        // the heading says "A vs B" and the line under it what A and B are: the heading held both labels in full
        // (paths, --set changes), seven lines on a phone above the verdict, and the line under it repeated them
        String warmUp = warmUp(a, b);
        String page = page("enisim compare: " + labelA + " vs " + labelB, "enisim compare: A vs B",
                "A = " + labelA + ", B = " + labelB + (warmUp == null ? "" : "; " + WarmUpWords.everyRun(warmUp)),
                verdict, significant > 0, headline, shown, byVolume, replications < 2 ? "" : "p (Holm)", "A", "B",
                labelA, a,
                labelB, b, (replications < 2 ? "" : "<p class=\"note\">Each chart draws one run of each side, replication 0"
                + " of the " + replications + " (the same seed and random streams for both), not the means over the "
                + replications + " replications that the tables above give.</p>\n") + (warmUp == null ? ""
                : "<p class=\"note\">Each chart shades the first " + warmUp + ", the warm-up (--warm-up) that the"
                + " tables' figures leave out, light grey and labelled warm-up; the lines draw every bucket.</p>\n"));
        page = withCostNote(page, headline, shown, a, b);
        if (!volumeNote(outcome, all).isEmpty()) {
            // under the headline's table, before the cost note (inserted there just above)
            String end = "</table></div>\n";
            int at = page.indexOf(end, page.indexOf("<section id=\"headline\">")) + end.length();
            page = page.substring(0, at) + "<p class=\"note\">" + HtmlReport.esc(volumeNote(outcome, all))
                    + "</p>\n" + page.substring(at);
        }
        page = withStates(page, outcome.states());
        page = withSpanWarning(page, a, b);
        if (onlyNote.length() == 0) {
            return page;
        }
        // under the differences' table, not the headline's before it
        String end = "</table></div>\n</section>\n";
        int at = page.indexOf(end, page.indexOf("<section id=\"differences\">"));
        return page.substring(0, at) + "</table></div>\n" + onlyNote + "</section>\n" + page.substring(at + end.length());
    }

    /**
     * The warm-up both runs' statistics leave out ({@code compare --warm-up}), as the terminal says it ("10m"); null
     * without one (or when the two runs' differ: the charts then shade none).
     */
    private static String warmUp(RunResult a, RunResult b) {
        Double w = a.summary().warmUpSeconds();
        return w == null || w <= 0 || !w.equals(b.summary().warmUpSeconds()) ? null
                : dev.enisim.scenario.Units.given(dev.enisim.metrics.Seconds.toMicros(w));
    }

    /**
     * When A and B count different spans (their durations or warm-ups differ: {@code compare A B --set
     * duration=40m} against A's 2h), what that means for the figures; empty when they count the same span. A
     * migrating architect's 283 "significant" metrics had their only clue at the simulatedSeconds row, 903 of 923.
     */
    public static String spanWarning(RunResult a, RunResult b) {
        long da = a.scenario().durationMicros();
        long db = b.scenario().durationMicros();
        long wa = warmUpMicros(a);
        long wb = warmUpMicros(b);
        if (da == db && wa == wb) {
            return "";
        }
        String durations = da == db ? "both " + dev.enisim.scenario.Units.given(da) : "A "
                + dev.enisim.scenario.Units.given(da) + ", B " + dev.enisim.scenario.Units.given(db);
        String warmUps = wa == wb ? wa == 0 ? "" : ", both after a " + dev.enisim.scenario.Units.given(wa)
                + " warm-up" : ", warm-up A " + (wa == 0 ? "none" : dev.enisim.scenario.Units.given(wa)) + ", B "
                + (wb == 0 ? "none" : dev.enisim.scenario.Units.given(wb));
        return "A and B count different spans (" + durations + warmUps + "): their counts (invocations, errors,"
                + " throttles, cold starts, events, cost) are not comparable, their rates, latencies and peaks are"
                + (da == db ? "" : "; to compare counts, give B A's duration (--set duration="
                + dev.enisim.scenario.Units.given(da) + ")") + ".";
    }

    private static long warmUpMicros(RunResult r) {
        Double w = r.summary().warmUpSeconds();
        return w == null ? 0 : Math.round(w * 1e6);
    }

    /** The {@link #spanWarning}, when there is one, first under the header. */
    private static String withSpanWarning(String page, RunResult a, RunResult b) {
        String warning = spanWarning(a, b);
        if (warning.isEmpty()) {
            return page;
        }
        String end = "</header>\n";
        int at = page.indexOf(end) + end.length();
        return page.substring(0, at) + "<p class=\"verdict warn\">Warning: " + HtmlReport.esc(warning) + "</p>\n"
                + page.substring(at);
    }

    /**
     * Each function whose final State differs, as the first rows of "What changes for the account" (a section of
     * its own when no metric row is there): "worker Failed (EC2RequestLimitExceeded) -> Active", which no mean of
     * numbers said.
     */
    private static String withStates(String page, List<Comparison.StateChange> states) {
        if (states.isEmpty()) {
            return page;
        }
        StringBuilder list = new StringBuilder("<p>Function states at the end (A -&gt; B):</p>\n<ul class=\"states\">\n");
        for (Comparison.StateChange c : states) {
            list.append("<li><strong>").append(HtmlReport.esc(c.function())).append("</strong> ")
                    .append(HtmlReport.esc(c.a())).append(" -&gt; ").append(HtmlReport.esc(c.b())).append("</li>\n");
        }
        list.append("</ul>\n");
        String open = "<section id=\"headline\"><h2>What changes for the account</h2>\n";
        int at = page.indexOf(open);
        if (at >= 0) {
            return page.substring(0, at + open.length()) + list + page.substring(at + open.length());
        }
        int diff = page.indexOf("<section id=\"differences\">");
        return page.substring(0, diff) + open + list + "</section>\n" + page.substring(diff);
    }

    /**
     * Under the first table with a cost row, what the costs are: US dollars (the cells say "$"), over what time (the
     * runs' simulated duration), at what prices, as the run page's cost line says. compare's "cost.total 0.2002"
     * said neither.
     */
    private static String withCostNote(String page, List<Row> headline, List<Row> shown, RunResult a, RunResult b) {
        boolean inHeadline = headline.stream().anyMatch(r -> isCost(r.metric()));
        if (!inHeadline && shown.stream().noneMatch(r -> isCost(r.metric()))) {
            return page;
        }
        String note = "<p class=\"note\">" + HtmlReport.esc(costNote(a, b)) + "</p>\n";
        int section = page.indexOf(inHeadline ? "<section id=\"headline\">" : "<section id=\"differences\">");
        int at = page.indexOf("</table></div>\n", section) + "</table></div>\n".length();
        return page.substring(0, at) + note + page.substring(at);
    }

    /**
     * What compare's costs are, said under the page's first table with a cost row and under the terminal's table: US
     * dollars, over what time (the runs' simulated time, after the warm-up with one), at what prices: each side's
     * table when they differ, with the rates that differ (B's note named A's table only, so a B priced at eu-south-1's
     * rates read as priced at us-east-1's, and its B - A as the workload's change alone).
     */
    public static String costNote(RunResult a, RunResult b) {
        String spanA = costSpan(a.summary());
        String spanB = costSpan(b.summary());
        dev.enisim.scenario.PriceTable pa = a.scenario().prices();
        dev.enisim.scenario.PriceTable pb = b.scenario().prices();
        String prices;
        if (pa.equals(pb)) {
            prices = a.summary().cost() == null ? "" : ", at " + table(pa);
        } else {
            java.util.Map<String, String> va = Assumptions.priceValues(pa);
            java.util.Map<String, String> vb = Assumptions.priceValues(pb);
            List<String> rates = new ArrayList<>();
            vb.forEach((field, v) -> {
                if (!field.equals("region") && !field.equals("date") && !v.equals(va.get(field))) {
                    rates.add(field + " " + v + " (A " + va.get(field) + ")");
                }
            });
            prices = ", at different prices: A's " + table(pa) + ", B's " + table(pb) + (rates.isEmpty()
                    ? " (the same rates under both labels)" : "; B's rates that differ: " + String.join(", ", rates)
                    + ", so B - A is partly the prices' difference");
        }
        return "Costs (the cost rows) are in US dollars for the " + (spanA.equals(spanB) ? spanA + " each run"
                + " simulates" : "time each run simulates (A " + spanA + ", B " + spanB + ")") + prices
                + ", no free tier; the mean over the replications.";
    }

    /** A price table as the notes name it: "us-east-1 list prices of 2026-11-30". */
    private static String table(dev.enisim.scenario.PriceTable p) {
        return p.region() + " list prices of " + p.date();
    }

    /** The time a run's cost covers, as the note says it: "1h", or "20m after the 10m warm-up". */
    private static String costSpan(dev.enisim.metrics.RunSummary s) {
        Double w = s.warmUpSeconds();
        return w == null ? Assumptions.duration(s.simulatedSeconds() * 1e6)
                : Assumptions.duration((s.simulatedSeconds() - w) * 1e6) + " after the "
                        + Assumptions.duration(w * 1e6) + " warm-up";
    }

    /**
     * The unit of compare's cost rows in the terminal, beside each cost metric's name ({@code cost.total (USD per
     * 1h)}): US dollars per the time both runs' costs cover, or per run when that differs.
     */
    public static String costUnit(RunResult a, RunResult b) {
        double ta = measured(a.summary());
        double tb = measured(b.summary());
        return "USD per " + (ta == tb ? Assumptions.duration(ta * 1e6) : "run");
    }

    private static double measured(dev.enisim.metrics.RunSummary s) {
        return s.simulatedSeconds() - (s.warmUpSeconds() == null ? 0 : s.warmUpSeconds());
    }

    /** A cost metric: the account's (cost.total, cost.requests...) or a function's. */
    public static boolean isCost(String metric) {
        return metric.startsWith("cost.") || metric.contains(".cost.");
    }

    /** A figure of a cost row in dollars: "$0.2002", "-$0.0204". */
    private static String dollars(String figure) {
        return figure.startsWith("-") ? "-$" + figure.substring(1) : "$" + figure;
    }

    /** The metrics only one side has, as a note under the table ("" when none). */
    private static String only(String side, String label, List<Comparison.Only> only) {
        if (only.isEmpty()) {
            return "";
        }
        StringBuilder s = new StringBuilder("<p class=\"note\">Only in " + side + " (" + HtmlReport.esc(label) + "): "
                + only.size() + " metric" + (only.size() == 1 ? "" : "s") + " the other side has not in every"
                + " replication, not compared (mean in " + side + "):</p>\n<ul>\n");
        for (Comparison.Only o : only) {
            s.append("<li>").append(HtmlReport.esc(o.metric())).append(": ").append(HtmlReport.esc(number(o.mean())))
                    .append("</li>\n");
        }
        return s.append("</ul>\n").toString();
    }

    /** The page of {@code compare-network-models}: one run under each model. */
    public static String networkModels(RunResult hyperplane, RunResult legacy) {
        List<Row> rows = new ArrayList<>();
        for (NetworkModelComparison.Row r : NetworkModelComparison.rows(hyperplane, legacy)) {
            rows.add(new Row(r.figure().trim(), r.hyperplane(), r.legacy(), "", "", "", !r.hyperplane().equals(
                    r.legacy())));
        }
        // each model's failures in the verdict, amber when there are any: legacy-vs-hyperplane's green verdict
        // told ENIs and cold starts only, above 485 failed legacy invocations and 5,570 Hyperplane ones
        String verdict = "Legacy: " + legacy.summary().enis().peak() + " ENIs at the peak, "
                + legacy.summary().latencyMillis().coldStarts() + " cold starts, " + failures(legacy.summary())
                + "; Hyperplane: " + hyperplane.summary().enis().peak() + " ENIs (shared per subnet + security groups,"
                + " made at creation), " + failures(hyperplane.summary()) + ". One run of each, same seed.";
        String note = NetworkModelComparison.note(hyperplane, legacy);
        verdict += note.isEmpty() ? "" : " " + note;
        boolean failed = notSucceeded(legacy.summary()) + notSucceeded(hyperplane.summary()) > 0;
        String title = "enisim compare-network-models: " + hyperplane.summary().scenario();
        return page(title, title,
                hyperplane.summary().scenario() + " (seed " + hyperplane.summary().seed() + ") under both network "
                        + "models" + (hyperplane.overrides().isEmpty() ? "" : "; "
                        + ReportWriter.overridesLine(hyperplane.overrides())), verdict, failed, List.of(), rows,
                java.util.Set.of(), null,
                "hyperplane", "legacy", "hyperplane", hyperplane, "legacy", legacy, "");
    }

    private static long notSucceeded(dev.enisim.metrics.RunSummary s) {
        return s.invocations().total() - s.invocations().succeeded();
    }

    /** "every invocation succeeded", or how many did not and why, the most frequent first. */
    private static String failures(dev.enisim.metrics.RunSummary s) {
        long bad = notSucceeded(s);
        if (bad == 0) {
            return "every invocation succeeded";
        }
        java.util.Map<String, Long> why = new java.util.LinkedHashMap<>();
        s.invocations().errors().forEach((k, v) -> {
            if (v > 0) {
                why.put(k, v);
            }
        });
        if (s.invocations().throttled() > 0) {
            why.put("throttled", s.invocations().throttled());
        }
        if (s.invocations().functionErrors() > 0) {
            why.put("function errors", s.invocations().functionErrors());
        }
        List<java.util.Map.Entry<String, Long>> l = new ArrayList<>(why.entrySet());
        l.sort(Comparator.comparingLong((java.util.Map.Entry<String, Long> e) -> -e.getValue())
                .thenComparing(java.util.Map.Entry::getKey));
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%,d of %,d invocations did not succeed (",
                bad, s.invocations().total()));
        for (int i = 0; i < l.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(l.get(i).getKey()).append(String.format(Locale.ROOT, " %,d",
                    l.get(i).getValue()));
        }
        return b.append(')').toString();
    }

    /**
     * {@code title}: the window's; {@code heading}: the page's h1. {@code pHeader}: null for a table with no differences (compare-network-models), else the p column's head;
     * {@code headA} and {@code headB} the heads of the two value columns (compare's "A" and "B", which the line under
     * the title spells out: headed by the files' paths and the --set changes, the table ran past a 1440 px window
     * and its significance column was off the screen), the full labels in their tooltips.
     */
    private static String page(String title, String heading, String sub, String verdict, boolean bad,
            List<Row> headline, List<Row> rows, java.util.Set<String> byVolume, String pHeader, String headA, String headB, String labelA, RunResult a,
            String labelB, RunResult b, String chartsNote) {
        StringBuilder s = new StringBuilder(Page.head(title));
        s.append("<header><h1>").append(HtmlReport.esc(heading)).append("</h1>\n<p class=\"sub\">")
                .append(HtmlReport.esc(sub)).append("</p></header>\n<p class=\"verdict ").append(bad ? "warn" : "ok")
                .append("\">").append(HtmlReport.esc(verdict)).append("</p>\n");
        if (!headline.isEmpty()) {
            // the decision's figures before the statistics' order: az-outage's ServiceException 7,190 -> 0 was the
            // tenth row, under averageEnvironments.idle and cost.requests of one function
            s.append("<section id=\"headline\"><h2>What changes for the account</h2>\n<p>What the callers saw"
                    + " (invocations that failed or were throttled, and those that succeeded), the capacity used"
                    + " (peak ENIs, per VPC, the fewest free IPs per subnet), p99 latency and the cost, for the whole"
                    + " account; every metric that differs is in Differences below.</p>\n");
            table(s, headline, byVolume, pHeader, headA, headB, labelA, labelB, true);
            s.append("</section>\n");
        }
        s.append("<section id=\"differences\"><h2>Differences</h2>\n");
        table(s, rows, byVolume, pHeader, headA, headB, labelA, labelB, false);
        s.append("</section>\n");
        s.append(a.timeSeries().bucketMicros() == b.timeSeries().bucketMicros()
                ? Page.chartsSection(List.of()).replaceFirst("<h2>Charts</h2>\n",
                        java.util.regex.Matcher.quoteReplacement("<h2>Charts</h2>\n" + chartsNote))
                : "<p class=\"note\">No charts: the two runs use different buckets.</p>\n");
        // the charts name the sides as the tables' columns do (A and B, said in full under the heading): their legends
        // and notes held both labels in full, a file's path and its --set changes, which ran past a phone's width
        return s.append(Page.compareScripts(a, headA, b, headB)).append("</body>\n</html>\n").toString();
    }

    /**
     * One table of rows, with the interval columns unless {@code pHeader} is null. {@code wrap}: the metric and the
     * interval wrap as report.css has #differences' do (SubnetIPAddressLimitReachedException's row ran 74 px past a
     * 1440 px window), said in the cells, as every page shares report.css and the run reports stay as they were.
     */
    private static void table(StringBuilder s, List<Row> rows, java.util.Set<String> byVolume, String pHeader,
            String headA, String headB, String labelA, String labelB, boolean wrap) {
        boolean intervals = pHeader != null;
        // a card per row under 800 px (report.css's table.differences), the metric first and whether it is
        // significant under it: at 420 px the significance column was at 630 px, off the phone's screen
        s.append(intervals ? "<div class=\"scroll\"><table class=\"cards differences\">\n"
                : "<div class=\"scroll\"><table>\n").append("<tr><th scope=\"col\">metric</th>")
                .append(head(headA, labelA)).append(head(headB, labelB));
        if (intervals) {
            s.append("<th scope=\"col\">B - A</th><th scope=\"col\">95% interval of B - A</th><th scope=\"col\">").append(HtmlReport.esc(pHeader))
                    .append("</th><th scope=\"col\">significant</th>");
        }
        s.append("</tr>\n");
        for (Row r : rows) {
            // the metric breaks at its dots and CamelCase humps (LongNames), not mid-word
            s.append(wrap ? "<tr><td style=\"min-width:14em\">" : "<tr><td>").append(LongNames.html(r.metric()))
                    .append("</td><td class=\"n\">")
                    .append(HtmlReport.esc(r.a())).append("</td><td class=\"n\">").append(HtmlReport.esc(r.b()))
                    .append("</td>");
            if (intervals) {
                // an internal metric's own p-value: the figure in the p column, "not adjusted" in the last, as on the
                // terminal (in the p cell it widened the table past a laptop's window)
                boolean own = r.p().endsWith(NOT_ADJUSTED);
                s.append("<td class=\"n\">").append(HtmlReport.esc(r.difference())).append(wrap ? "</td><td"
                        + " class=\"n\" style=\"white-space:normal\">" : "</td><td class=\"n\">")
                        .append(HtmlReport.esc(r.interval())).append("</td><td class=\"n\">")
                        .append(HtmlReport.esc(own ? r.p().substring(0, r.p().length() - NOT_ADJUSTED.length())
                                : r.p())).append("</td><td class=\"")
                        .append(verdict(r, own, byVolume)).append("</td>");
            }
            s.append("</tr>\n");
        }
        if (rows.isEmpty()) {
            s.append("<tr><td colspan=\"").append(intervals ? 7 : 3).append("\">no metric differs</td></tr>\n");
        }
        s.append("</table></div>\n");
    }

    /**
     * The last cell of a row, its class and its words: a significant difference said better or worse for the account
     * (green or red) when the metric has a direction ({@link #higherIsBetter}), else which way B went; "not
     * significant" in grey, said in the cell (a screen reader heard an empty cell; only the narrow cards wrote it),
     * and an internal metric's own p "not adjusted". Every significant row was red and bold, an improvement too
     * (ServiceException 7,164 -> 0 painted as a regression: an accessibility review).
     */
    static String verdict(Row r, boolean own) {
        return verdict(r, own, java.util.Set.of());
    }

    /**
     * As {@link #verdict(Row, boolean)}; a metric in {@code byVolume} (the account's cost and function errors when
     * the invocations that ran differ: {@link #byVolume}) is not judged on its total, which grows with them, but on
     * its rate row under it: its cell says which way B went and where the judgement is.
     */
    static String verdict(Row r, boolean own, java.util.Set<String> byVolume) {
        if (!r.significant()) {
            return own ? "\">not adjusted" : "gone\">not significant";
        }
        double a = parsed(r.a());
        double b = parsed(r.b());
        if (byVolume.contains(r.metric()) && !Double.isNaN(a) && !Double.isNaN(b) && a != b) {
            return "\">significant: B " + (b > a ? "higher" : "lower") + ", " + (b > a ? "more" : "fewer")
                    + " ran (judged per million that ran)";
        }
        Boolean up = higherIsBetter(r.metric());
        if (up == null || Double.isNaN(a) || Double.isNaN(b) || a == b) {
            return "\">significant" + (Double.isNaN(a) || Double.isNaN(b) || a == b ? "" : b > a ? ": B higher"
                    : ": B lower");
        }
        return (b > a) == up ? "ok\">better (significant)" : "bad\">worse (significant)";
    }

    /** A figure of the table as a number ("1,234.5", "$0.0021"), NaN when it is none. */
    private static double parsed(String figure) {
        try {
            return Double.parseDouble(figure.replace(",", "").replace("$", "").trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /**
     * Whether more of a metric is better for the account: successes and free IPs are; failures, throttles, cold
     * starts, ENIs in use, latency and cost are not; null for a metric with no such direction (a count of
     * transitions, say).
     */
    static Boolean higherIsBetter(String m) {
        if (m.endsWith(".succeeded") || m.endsWith("invocations.succeeded") || m.endsWith("minAvailableIps")
                || m.endsWith("availableIps")) {
            return Boolean.TRUE;
        }
        if (m.contains(".errors.") || m.endsWith(".errors") || m.endsWith("throttled") || m.endsWith("functionErrors")
                || m.endsWith("coldStarts") || m.endsWith("peakEnis") || m.equals("enis.peak")
                || m.startsWith("latencyMillis.") || m.contains(".latencyMillis.") || m.equals("cost.total")
                || m.endsWith("orphaned") || m.endsWith(" " + Comparison.PER)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /**
     * The rows of "What changes for the account", on the page and the terminal alike: {@link #headline}'s that
     * differ (every one with {@code all}), each metric judged per invocation ({@link #byVolume}) followed by its
     * rate row.
     */
    public static List<Comparison.Row> headlineShown(Comparison.Outcome outcome, boolean all) {
        java.util.Set<String> byVolume = byVolume(outcome);
        List<Comparison.Row> out = new ArrayList<>();
        for (Comparison.Row r : headline(outcome.rows())) {
            if (all || r.difference().mean() != 0 || r.difference().sd() != 0) {
                out.add(r);
                if (byVolume.contains(r.metric())) {
                    out.add(outcome.perInvocation().rate(r.metric()));
                }
            }
        }
        return out;
    }

    /**
     * The account's metrics judged per million invocations that ran rather than as totals: those of
     * {@link Comparison#PER_VOLUME} with a rate row, when the invocations that ran differ
     * ({@link Comparison.PerInvocation#differs}); empty otherwise.
     */
    public static java.util.Set<String> byVolume(Comparison.Outcome outcome) {
        Comparison.PerInvocation p = outcome.perInvocation();
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        if (p != null && p.differs()) {
            for (String m : Comparison.PER_VOLUME) {
                if (p.rate(m) != null) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    /**
     * The note under "What changes for the account" when the invocations that ran differ, naming the metrics there
     * judged per invocation; "" when none is there.
     */
    public static String volumeNote(Comparison.Outcome outcome, boolean all) {
        java.util.Set<String> byVolume = byVolume(outcome);
        List<String> there = new ArrayList<>();
        for (Comparison.Row r : headlineShown(outcome, all)) {
            if (byVolume.contains(r.metric())) {
                there.add(r.metric());
            }
        }
        return there.isEmpty() ? "" : outcome.perInvocation().note(there);
    }

    /**
     * The words of a row's last cell as the page says them ("better (significant)", "not significant"), for the
     * terminal's "What changes for the account".
     */
    public static String verdictWords(Comparison.Row r, int replications, java.util.Set<String> byVolume) {
        Row row = row(r, replications);
        String cell = verdict(row, row.p().endsWith(NOT_ADJUSTED), byVolume);
        return cell.substring(cell.indexOf('>') + 1);
    }

    /** A row of the page's tables. */
    private static Row row(Comparison.Row r, int replications) {
        MetricStats d = r.difference();
        if (isCost(r.metric())) {
            // a cost in dollars, as the note under the table says (compare's "cost.total 0.2002" had no unit)
            return new Row(r.metric(), dollars(number(r.meanA())), dollars(number(r.meanB())),
                    dollars(number(d.mean())), replications < 2 ? "none (1 replication)" : "[" + dollars(number(
                    d.ciLow())) + ", " + dollars(number(d.ciHigh())) + "]", pText(r, replications),
                    r.significant());
        }
        // one replication has no interval: the page showed [-289, -289] as a "95% interval" where the terminal says
        // "none (1 replication)"
        return new Row(r.metric(), number(r.meanA()), number(r.meanB()), number(d.mean()), replications < 2
                ? "none (1 replication)" : "[" + number(d.ciLow()) + ", " + number(d.ciHigh()) + "]",
                pText(r, replications), r.significant());
    }

    /** What marks a row's p as an internal metric's own, not Holm's (the page shows it in the last column). */
    private static final String NOT_ADJUSTED = ", not adjusted";

    /** The p column: Holm's for an outcome metric, an internal one's own, said so ("0.0213, not adjusted"). */
    private static String pText(Comparison.Row r, int replications) {
        return replications > 1 && Comparison.isInternal(r.metric()) && !Double.isNaN(r.p())
                ? Comparison.pText(r.p()) + NOT_ADJUSTED : Comparison.pText(r.adjustedP());
    }

    /**
     * The account's headline metrics among {@code rows}, in the order a decision reads them: invoke errors,
     * throttles and function errors, successes, peak ENIs (all, per VPC), the fewest free IPs per subnet, p99 latency,
     * the cost; the summary's order within each.
     */
    static List<Comparison.Row> headline(List<Comparison.Row> rows) {
        List<Comparison.Row> out = new ArrayList<>();
        for (Comparison.Row r : rows) {
            if (headlineRank(r.metric()) >= 0) {
                out.add(r);
            }
        }
        out.sort(Comparator.comparingInt(r -> headlineRank(r.metric())));
        return out;
    }

    private static int headlineRank(String m) {
        if (m.startsWith("invocations.errors.")) {
            return 0;
        }
        List<String> fixed = List.of("invocations.throttled", "invocations.functionErrors", "invocations.succeeded",
                "enis.peak");
        if (fixed.contains(m)) {
            return 1 + fixed.indexOf(m);
        }
        if (m.startsWith("vpcs.") && m.endsWith(".peakEnis")) {
            return 5;
        }
        if (m.startsWith("subnets.") && m.endsWith(".minAvailableIps")) {
            return 6;
        }
        return m.equals("latencyMillis.p99") ? 7 : m.equals("cost.total") ? 8 : -1;
    }

    /** A value column's head, the full label as its tooltip when the head is short for it. */
    private static String head(String head, String label) {
        return (head.equals(label) ? "<th scope=\"col\">" : "<th scope=\"col\" title=\"" + HtmlReport.esc(label) + "\">") + HtmlReport.esc(head)
                + "</th>";
    }

    /**
     * A figure of the page: whole numbers as such, others from 100 up to one decimal, below 100 to four significant
     * digits (three decimals made a cost of 0.00141712 and one of 0.00284468 both "0.001" or "0.003", and a cold-start
     * probability "0.000 [-0.000, 0.000]": a planner's review), never "-0".
     */
    static String number(double v) {
        return MetricStats.readable(v); // the terminal's rule too (compare's table)
    }

    /**
     * The rows in the order the page and the terminal show them: the significant metrics first, the largest change
     * relative to A first among them (az-outage's ServiceException, 0 in A, came fifth, after events.total and other
     * counts that moved by a few per cent), ties and the others in the summary's order.
     */
    public static List<Comparison.Row> ordered(List<Comparison.Row> rows) {
        List<Comparison.Row> out = new ArrayList<>(rows);
        out.sort(Comparator.comparing(Comparison.Row::significant).reversed()
                .thenComparing(r -> r.significant() ? -relativeChange(r) : 0.0)
                .thenComparing(r -> Comparison.isInternal(r.metric()))); // the bookkeeping last, apart
        return out;
    }

    /** |B - A| / |A| of a row's means: infinite when A is 0 and B is not (a metric that appears), 0 when both are. */
    static double relativeChange(Comparison.Row r) {
        double change = Math.abs(r.meanB() - r.meanA());
        return change == 0 ? 0 : r.meanA() == 0 ? Double.POSITIVE_INFINITY : change / Math.abs(r.meanA());
    }
}
