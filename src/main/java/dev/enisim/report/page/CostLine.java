package dev.enisim.report.page;

import dev.enisim.metrics.RunSummary;
import dev.enisim.report.HtmlReport;
import java.util.Locale;

/**
 * The headline's cost line: what the run's workload costs at its price table (list prices, no free tier), what
 * it is made of, the time-averaged execution environments and the cold-start probability.
 */
public final class CostLine {

    private CostLine() {
    }

    /** The line as text (null when the summary has no cost, e.g. one read from an older enisim). */
    public static String text(RunSummary s) {
        RunSummary.Cost c = s.cost();
        if (c == null) {
            return null;
        }
        StringBuilder b = new StringBuilder("Estimated cost ").append(dollars(c.total())).append(" for the ")
                .append(span(s.simulatedSeconds())).append(" simulated (requests ")
                .append(dollars(c.requests())).append(", duration ").append(dollars(c.duration()));
        if (c.init() > 0) {
            b.append(", INIT ").append(dollars(c.init()));
        }
        if (c.provisioned() + c.provisionedDuration() > 0) {
            b.append(", provisioned concurrency ").append(dollars(c.provisioned() + c.provisionedDuration()));
        }
        if (c.natGateway() > 0) {
            b.append(", NAT gateways ").append(dollars(c.natGateway()));
        }
        b.append(") at ").append(c.region()).append(" list prices of ").append(c.priceDate())
                .append("; ENIs are free (Hyperplane or not: EC2 charges nothing for a network interface).");
        RunSummary.Environments e = s.averageEnvironments();
        if (e != null) {
            b.append(String.format(Locale.ROOT, " Execution environments on average: %.1f (busy %.1f, idle %.1f, "
                    + "provisioned %.1f).", e.mean(), e.busy(), e.idle(), e.provisioned()));
        }
        if (s.coldStarts() != null) {
            b.append(String.format(Locale.ROOT, " Cold-start probability %.3f%% (%,d cold starts, failed ones included).",
                    100 * s.coldStarts().probability(), s.coldStarts().total()));
        }
        return b.toString();
    }

    /** The line as a paragraph of the report's answers ("" when there is no cost). */
    public static String html(RunSummary s) {
        String t = text(s);
        return t == null ? "" : "<p class=\"cost\">" + HtmlReport.esc(t) + "</p>\n";
    }

    /** The simulated time as a scenario writes it ({@code 30m}, {@code 2h}, {@code 45d}, {@code 1h30m}). */
    static String span(double seconds) {
        return dev.enisim.report.Assumptions.duration(seconds * 1e6);
    }

    /** US dollars: cents from $1 up, four significant digits below. */
    public static String dollars(double v) {
        if (Math.abs(v) >= 1) {
            return String.format(Locale.ROOT, "$%,.2f", v);
        }
        return v == 0 ? "$0" : "$" + new java.math.BigDecimal(v).round(new java.math.MathContext(4))
                .stripTrailingZeros().toPlainString();
    }
}
