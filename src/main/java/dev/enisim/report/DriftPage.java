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
 * quota, the seed: they explain the rest), then the results, the largest relative change first; both values and
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
                    + "that changed come first: they are the cause of the other differences.").append("</p>\n");
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

    /** Inputs first (in summary order), then results by the size of their relative change, largest first. */
    static List<Baseline.Diff> ranked(List<Baseline.Diff> diffs) {
        List<Baseline.Diff> inputs = new ArrayList<>();
        List<Baseline.Diff> results = new ArrayList<>();
        for (Baseline.Diff d : diffs) {
            (d.input() ? inputs : results).add(d);
        }
        results.sort(Comparator.comparingDouble((Baseline.Diff d) -> -magnitude(d)));
        inputs.addAll(results);
        return inputs;
    }

    /** |now - baseline| / |baseline| for numbers (infinite from 0), -1 when not both numbers (listed last). */
    private static double magnitude(Baseline.Diff d) {
        Double a = number(d.expected());
        Double b = number(d.actual());
        if (a == null || b == null) {
            return -1;
        }
        return a == 0 ? (b == 0 ? 0 : Double.POSITIVE_INFINITY) : Math.abs(b - a) / Math.abs(a);
    }

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
