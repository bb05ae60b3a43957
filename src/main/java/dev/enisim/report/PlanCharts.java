package dev.enisim.report;

import dev.enisim.plan.Plan;
import dev.enisim.report.chart.Palette;
import java.util.Locale;

/** Small inline SVG charts for the plan page: demand versus subnet prefix, a usage bar, the teardown wait. */
final class PlanCharts {

    private static final int W = 640;

    /** A white outline under a label's glyphs, so that a line passing under the label does not cross its text. */
    private static final String HALO = " stroke=\"#fff\" stroke-width=\"3\" paint-order=\"stroke\"";

    private PlanCharts() {
    }

    /** Usable IPs of a subnet of this prefix (AWS reserves 5 addresses). */
    static long usable(int prefix) {
        return (1L << (32 - prefix)) - 5;
    }

    /**
     * A subnet's demand in addresses: Lambda's peak (the warm-up's ENIs included: the size holds them too), an ENI
     * for each key of asleep functions, and the addresses already in use at their most.
     */
    static long demand(Plan.SubnetAdvice s) {
        return Math.max(s.peakLambdaIps(), s.warmUpLambdaIps()) + s.inactiveKeys() + s.otherUsedIps();
    }

    /**
     * One bar per prefix, from /28 up to one size past what is needed (and the current size), against the
     * demand: Lambda's peak IPs plus the addresses already in use. Green bars hold it; an amber one holds it with
     * no address spare ("none spare"); the others are wine and say "too small" (not told by colour alone). Colours
     * from {@link Palette}.
     */
    static String demandVersusPrefix(Plan.SubnetAdvice s, String label) {
        int current = prefix(s.cidr());
        long lambda = Math.max(s.peakLambdaIps(), s.warmUpLambdaIps()); // the size holds the warm-up's ENIs too
        long demand = demand(s);
        int largest = Math.max(16, Math.min(current, s.recommendedPrefix() - 1));
        int from = Math.max(largest, 28 - 7);
        int bars = 28 - from + 1;
        int rowH = 22;
        int left = 150;
        int h = 30 + bars * rowH + 24;
        double max = Math.max(usable(from), demand) * 1.05;
        StringBuilder b = new StringBuilder();
        b.append("<figure class=\"plan-chart\"><figcaption>").append(HtmlReport.esc(label)).append(": demand ")
                .append(demand).append(" IPs (Lambda's peak ").append(lambda).append(s.warmUpLambdaIps() > 0 ? ", the warm-up's"
                + " ENIs included" : "").append(s.inactiveKeys() == 0 ? "" : " + " + s.inactiveKeys() + " for the keys"
                + " of Inactive functions").append(" + ").append(s.otherUsedIps()).append(" already in use: other"
                + " tenants', or Lambda's beyond those its functions start with) against each subnet size</figcaption>\n<svg xmlns=\"http://www.w3.org"
                + "/2000/svg\" viewBox=\"0 0 ").append(W).append(' ').append(h).append("\" role=\"img\" aria-label=\"")
                // named by its subnet: a plan's two charts were both "demand versus prefix" (an accessibility review)
                .append("demand versus prefix in ").append(HtmlReport.esc(label)).append(": ").append(demand)
                .append(" IPs against what each subnet size holds, /").append(from).append(" to /28\">\n");
        // the bars, the demand line over them, then the bars' labels over the line, each on a white halo: drawn
        // last, the dashed line ran through the "11 usable, too small" of the bars it crosses
        StringBuilder labels = new StringBuilder();
        for (int i = 0; i < bars; i++) {
            int prefix = 28 - i;
            long u = usable(prefix);
            double w = (W - left - 90) * u / max;
            int y = 20 + i * rowH;
            boolean holds = u >= demand;
            boolean none = u == demand; // holds with no address spare: amber, not a comfortable green
            String tag = (prefix == current ? " now" : "") + (prefix == s.recommendedPrefix() ? " advised" : "");
            b.append("<text x=\"4\" y=\"").append(y + 14).append("\" font-size=\"12\"").append(tag.isEmpty() ? ""
                    : " font-weight=\"700\"").append(">/").append(prefix).append(tag).append("</text>")
                    .append("<rect x=\"").append(left).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(fmt(Math.max(1, w))).append("\" height=\"14\" fill=\"").append(none ? Palette.FUNCTION_ERRORS
                            : holds ? Palette.SUCCEEDED : Palette.STATES.get("Failed")).append("\"/>\n");
            labels.append("<text x=\"").append(fmt(left + Math.max(1, w) + 4)).append("\" y=\"").append(y + 14)
                    .append("\" font-size=\"11\"").append(HALO).append('>').append(u).append(" usable")
                    .append(none ? ", none spare" : holds ? "" : ", too small").append("</text>\n");
        }
        double x = left + (W - left - 90) * demand / max;
        b.append("<line x1=\"").append(fmt(x)).append("\" x2=\"").append(fmt(x)).append("\" y1=\"14\" y2=\"")
                .append(h - 20).append("\" stroke=\"").append(Palette.TOTAL).append("\" stroke-width=\"2\" stroke-dasharray=\"5 3\"/>\n")
                .append(labels).append("<text x=\"").append(fmt(x + 4)).append("\" y=\"").append(h - 6).append("\" font-size=\"11\">"
                + "demand ").append(demand).append("</text>\n</svg></figure>\n");
        return b.toString();
    }

    /** A used / total bar with the share written on it. */
    static String bar(long used, long total) {
        double share = total <= 0 ? 1 : Math.min(1, (double) used / total);
        String colour = share >= 1 ? Palette.STATES.get("Failed") : share >= 0.8 ? Palette.FUNCTION_ERRORS
                : Palette.SUCCEEDED;
        return "<span class=\"bar\"><i style=\"width:" + fmt(100 * share) + "%;background:" + colour + "\"></i></span> "
                + String.format(Locale.ROOT, "%.1f%%", 100 * share);
    }

    /** The teardown wait, simulated and analytic, p50 and p99, on one minute scale. */
    static String teardown(Plan.TeardownWait t) {
        double max = Math.max(1, Math.max(Math.max(t.p99Seconds(), t.analyticP99Seconds()), Math.max(t.p50Seconds(),
                t.analyticP50Seconds()))) * 1.15;
        String[] labels = {"simulated p50", "simulated p99", "analytic p50", "analytic p99"};
        double[] v = {t.p50Seconds(), t.p99Seconds(), t.analyticP50Seconds(), t.analyticP99Seconds()};
        // a quantile resting on a replication cut short is the horizon, a lower bound: "> 10 min", as the text says it
        boolean[] censored = {t.p50Censored(), t.p99Censored(), false, false};
        StringBuilder b = new StringBuilder("<figure class=\"plan-chart\"><figcaption>Wait until the last ENI is "
                + "deleted: simulated over " + t.replications() + (t.replications() == 1 ? " replication" : " replications")
                + ", and the analytic quantiles of "
                + (t.enis() == 1 ? "one ENI's deletion time" : "the maximum of " + t.enis() + " deletion times")
                + "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
                + "viewBox=\"0 0 " + W + " 110\" role=\"img\" aria-label=\"teardown wait\">\n");
        for (int i = 0; i < 4; i++) {
            double w = (W - 140 - 80) * v[i] / max;
            int y = 6 + i * 25;
            b.append("<text x=\"4\" y=\"").append(y + 14).append("\" font-size=\"12\">").append(labels[i])
                    .append("</text><rect x=\"130\" y=\"").append(y + 3).append("\" width=\"").append(fmt(Math.max(1, w)))
                    .append("\" height=\"14\" fill=\"").append(i < 2 ? Palette.SERIES[0] : Palette.OTHERS).append("\"/><text x=\"")
                    .append(fmt(134 + Math.max(1, w))).append("\" y=\"").append(y + 14).append("\" font-size=\"11\">")
                    .append(censored[i] ? String.format(Locale.ROOT, "&gt; %,.0f min", v[i] / 60)
                            : String.format(Locale.ROOT, "%.1f min", v[i] / 60)).append("</text>\n");
        }
        return b.append("</svg></figure>\n").toString();
    }

    private static int prefix(String cidr) {
        int slash = cidr.indexOf('/');
        try {
            return slash < 0 ? 28 : Integer.parseInt(cidr.substring(slash + 1).trim());
        } catch (NumberFormatException e) {
            return 28;
        }
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
