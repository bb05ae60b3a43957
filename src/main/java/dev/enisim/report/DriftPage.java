package dev.enisim.report;

import dev.enisim.check.Baseline;
import dev.enisim.report.page.Page;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The page of {@code check --baseline DIR --html FILE}: for each scenario compared with its committed summary, the
 * differing values ranked by cause: first the scenario's own inputs that changed (a subnet's otherUsedIps, a
 * quota, the seed: they explain the rest), then the results, failures first ({@link #ranked}); both values and
 * the change side by side. Self-contained, works offline, in the report's style.
 */
public final class DriftPage {

    private DriftPage() {
    }

    /**
     * @param drifts       per scenario file, its differences as {@link Baseline#compare} gives them (empty: it
     *                     matches), in the order checked
     * @param baselineDir  the folder of the baselines, for the header
     * @param tolerance    the relative tolerance applied to non-integer values (0: exact)
     */
    public static String html(Map<String, List<Baseline.Diff>> drifts, String baselineDir, double tolerance) {
        return html(drifts, baselineDir, tolerance, List.of());
    }

    /** As above, of runs that had the {@code --set} {@code overrides} (empty: none), which its header then says. */
    public static String html(Map<String, List<Baseline.Diff>> drifts, String baselineDir, double tolerance,
            List<String> overrides) {
        return html(drifts, baselineDir, tolerance, overrides, null);
    }

    /**
     * As above; with {@code badInput} (the terminal's message; null: none) the check stopped on bad input: the page
     * says so with the message, above the comparisons reached before it. On exit 2 the page of an earlier run stayed
     * in place, still saying every summary matched its baseline.
     */
    public static String html(Map<String, List<Baseline.Diff>> drifts, String baselineDir, double tolerance,
            List<String> overrides, String badInput) {
        long drifting = drifts.values().stream().filter(d -> !d.isEmpty()).count();
        StringBuilder s = new StringBuilder(Page.head("enisim check: baseline drift"));
        s.append("<header><h1>Baseline drift</h1>\n<p class=\"sub\">").append(drifts.size())
                .append(" scenario(s) compared with ").append(HtmlReport.esc(baselineDir)).append(tolerance == 0
                        ? ", exactly" : String.format(Locale.ROOT, ", tolerance %s%% on non-integer values",
                                ComparePage.number(tolerance * 100))).append("</p>")
                .append(HtmlReport.overridden(overrides)).append("</header>\n");
        if (badInput != null) {
            s.append("<p class=\"verdict bad\">The check stopped on bad input (exit 2): this page is no verdict. "
                    + (drifts.isEmpty() ? "No scenario was compared with its baseline." : "Below, the " + drifts.size()
                    + " scenario(s) compared before it stopped" + (drifting == 0 ? "." : ", " + drifting + " of them "
                    + "drifting.")) + "</p>\n<pre>").append(HtmlReport.esc(badInput)).append("</pre>\n");
        } else {
            s.append("<p class=\"verdict ").append(drifting == 0 ? "ok\">Every summary matches its baseline."
                    : "bad\">" + drifting + " of " + drifts.size() + " scenario(s) drift from their baseline. Inputs "
                    + "that changed come first: they are the cause of the other differences; then failures, then the other"
                    + " results by their change relative to the baseline, then values that appeared from 0.")
                    .append("</p>\n");
        }
        for (Map.Entry<String, List<Baseline.Diff>> e : drifts.entrySet()) {
            section(s, e.getKey(), e.getValue());
        }
        return s.append("</body>\n</html>\n").toString();
    }

    private static void section(StringBuilder s, String scenario, List<Baseline.Diff> diffs) {
        s.append("<section class=\"drift\"><h2>").append(HtmlReport.esc(scenario)).append("</h2>\n");
        if (diffs.isEmpty()) {
            s.append("<p class=\"ok\">Matches its baseline.</p>\n</section>\n");
            return;
        }
        List<Baseline.Diff> ranked = ranked(diffs);
        long inputs = ranked.stream().filter(Baseline.Diff::input).count();
        s.append("<p>").append(ranked.size()).append(" difference(s)").append(inputs == 0 ? ": no input changed, "
                + "so the model or its code did (or the run is not reproducible)." : ", " + inputs + " of them in the "
                + "scenario's inputs, listed first.").append("</p>\n<div class=\"scroll\"><table class=\"cards\">\n<tr><th scope=\"col\">#</th>"
                + "<th scope=\"col\">cause</th><th scope=\"col\">value</th><th scope=\"col\">baseline</th><th scope=\"col\">now</th><th scope=\"col\">change</th></tr>\n");
        // a card per row under 800 px (report.css's .drift table.cards), the value's path first and its change under
        // it: at 420 px the change column was at 468 px, off the phone's screen in its scroll box
        int i = 1;
        for (Baseline.Diff d : ranked) {
            s.append("<tr><td class=\"n\">").append(i++).append("</td><td class=\"").append(d.input()
                    ? "bad\">input" : "\">result").append("</td><td>").append(LongNames.html(d.path()))
                    .append("</td>").append(cell(d.expected(), d.actual())).append(cell(d.actual(), d.expected()))
                    .append("<td class=\"n\">").append(change(d))
                    .append("</td></tr>\n");
        }
        s.append("</table></div>\n</section>\n");
    }

    /**
     * A value's cell: a number as people read it (thousands separators, no exponent), with the fewest significant
     * digits, 4 at the least, that still tell it from the other side's value, the exact figure as the summary holds
     * it in the cell's title (a tooltip); a text as it is. The summaries' figures in full (0.006833200000000001,
     * 3.804952291752034E-4) made a page of quickstart's drift 1,300 px wide, its change column off a laptop's window.
     */
    static String cell(String value, String other) {
        if (number(value) == null) {
            // a text (a state, a reason, a transition's cause) wraps: in a figure's cell, which does not, quickstart's
            // "no ENI could be created for subnet-a+[sg-notify]" held the baseline column 400 px wide
            return "<td>" + HtmlReport.esc(value) + "</td>";
        }
        String shown = shown(value, other);
        return shown.equals(value) ? "<td class=\"n\">" + HtmlReport.esc(value) + "</td>"
                : "<td class=\"n\" title=\"" + HtmlReport.esc(value) + "\">" + HtmlReport.esc(shown) + "</td>";
    }

    /** {@code value} as {@link #cell} shows it. */
    static String shown(String value, String other) {
        Double v = number(value);
        if (v == null || !Double.isFinite(v) || !value.matches("[-+]?[0-9.]+([eE][-+]?[0-9]+)?")) {
            return value;
        }
        java.math.BigDecimal a = new java.math.BigDecimal(value.trim());
        Double o = number(other);
        java.math.BigDecimal b = o == null || !Double.isFinite(o) ? null : new java.math.BigDecimal(Double.toString(o));
        java.math.BigDecimal r = a;
        for (int digits = 4; digits <= 17; digits++) {
            r = rounded(a, digits);
            if (b == null || r.compareTo(rounded(b, digits)) != 0 || a.compareTo(b) == 0) {
                break;
            }
        }
        return grouped(r.stripTrailingZeros());
    }

    /** {@code x} to {@code digits} significant digits, its whole part kept whole (1,085,156, not 1,085,000). */
    private static java.math.BigDecimal rounded(java.math.BigDecimal x, int digits) {
        java.math.BigDecimal r = x.round(new java.math.MathContext(digits, java.math.RoundingMode.HALF_EVEN));
        return r.scale() < 0 ? x.setScale(0, java.math.RoundingMode.HALF_EVEN) : r;
    }

    /** A plain decimal with thousands separators in its whole part: 1,085,156 and 0.0001384, never 1.38E-4. */
    private static String grouped(java.math.BigDecimal d) {
        String plain = d.signum() == 0 ? "0" : d.toPlainString();
        boolean negative = plain.startsWith("-");
        String digits = negative ? plain.substring(1) : plain;
        int point = digits.indexOf('.');
        String whole = point < 0 ? digits : digits.substring(0, point);
        StringBuilder g = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                g.append(',');
            }
            g.append(whole.charAt(i));
        }
        return (negative ? "-" : "") + g + (point < 0 ? "" : digits.substring(point));
    }

    /**
     * The order a reader of a drift wants: (1) the inputs that changed, in summary order (they are the cause); (2) the
     * failures, an error, throttle, drop, refusal, orphaned ENI or a function's state or reason that changed, the
     * largest change relative to the baseline first (one that appeared from 0 first of all); (3) the other results
     * that changed from a baseline value, likewise; (4) the results that appeared from 0 (a series the baseline did
     * not have: a latency once a function succeeds), the largest now first; (5) the other texts, and values that
     * appeared or vanished. Ties keep the summary's order. It was inputs, then every result by its relative change
     * with "appeared from 0" infinite: a run where an exception's count went to 0 listed it under 29 series that
     * appeared from 0 once the function succeeded.
     */
    public static List<Baseline.Diff> ranked(List<Baseline.Diff> diffs) {
        List<Baseline.Diff> out = new ArrayList<>(diffs);
        out.sort(Comparator.comparingInt(DriftPage::tier).thenComparingDouble(d -> -magnitude(d)));
        return out;
    }

    /** A summary leaf that counts or says a failure: errors, throttles, drops, refusals, orphaned ENIs, states. */
    private static final java.util.regex.Pattern FAILURE = java.util.regex.Pattern.compile(
            "(^|\\.)(errors|throttled|throttleReasons|functionErrors|invokeErrors|dropped|dropReasons|refused|orphaned"
            + "|deadLetterErrors|destinationDeliveryFailures|stuckPending|finalState|finalReasonCode)(\\.|\\[|$)");

    /** The row's place in {@link #ranked}'s order, 0 first. */
    private static int tier(Baseline.Diff d) {
        if (d.input()) {
            return 0;
        }
        if (FAILURE.matcher(d.path()).find()) {
            return 1;
        }
        Double a = number(d.expected());
        Double b = number(d.actual());
        return a == null || b == null ? 4 : a == 0 ? 3 : 2;
    }

    /**
     * |now - baseline| / |baseline| for numbers (infinite from 0; a failure's count absent on one side is 0 there),
     * -1 when not both numbers; among values that appeared from 0 (tier 3), the value now.
     */
    private static double magnitude(Baseline.Diff d) {
        int tier = tier(d);
        Double a = tier == 1 && d.expected().equals(ABSENT) ? Double.valueOf(0) : number(d.expected());
        Double b = tier == 1 && d.actual().equals(ABSENT) ? Double.valueOf(0) : number(d.actual());
        if (a == null || b == null) {
            return -1;
        }
        if (tier == 3) {
            return Math.abs(b);
        }
        return a == 0 ? (b == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.abs(b - a) / Math.abs(a);
    }

    /** How {@link Baseline#compare} writes the side a leaf is missing from. */
    private static final String ABSENT = "(none)";

    private static String change(Baseline.Diff d) {
        Double a = number(d.expected());
        Double b = number(d.actual());
        if (a == null || b == null) {
            return "";
        }
        String delta = (b >= a ? "+" : "") + ComparePage.number(b - a);
        return a == 0 ? HtmlReport.esc(delta) : HtmlReport.esc(delta + String.format(Locale.ROOT, " (%+.1f%%)",
                (b - a) / Math.abs(a) * 100));
    }

    private static Double number(String v) {
        try {
            return Double.valueOf(v);
        } catch (NumberFormatException | NullPointerException e) {
            return null;
        }
    }
}
