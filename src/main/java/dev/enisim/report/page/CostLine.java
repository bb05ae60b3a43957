package dev.enisim.report.page;

import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Seconds;
import dev.enisim.report.HtmlReport;
import dev.enisim.report.Narrative;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answers' cost line: what the run's workload costs at its price table (list prices, no free tier) and what it is
 * made of, in one sentence. The average execution environments and the cold-start share are in the Summary table, the
 * failures in the failures table: the line told them too, and with the cold starts' outcomes and the refused
 * invocations by error it ran to five lines at 420 px and repeated the table under it.
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
        StringBuilder b = head(s, c).append("; no charge for ENIs (Hyperplane or not). ").append(LEFT_OUT);
        if (c.provisioned() + c.provisionedDuration() > 0) {
            // its own sentence: the spells inside the line's parenthesis read "..., $0.1))"
            b.append(" Provisioned concurrency: ").append(dollars(c.provisioned())).append(" enabled");
            provisionedSpells(b, s);
            b.append(" and ").append(dollars(c.provisionedDuration())).append(" for the invocations run on it.");
        }
        return b.toString();
    }

    /**
     * The line's first sentence, without its period: the total, the time it covers, its parts, the price table
     * ("Estimated cost $6.61 for the 2h simulated (requests $0.274, duration $6.33, INIT $0.00183) at us-east-1 list
     * prices of 2026-11-30").
     */
    private static StringBuilder head(RunSummary s, RunSummary.Cost c) {
        StringBuilder b = new StringBuilder("Estimated cost ").append(dollars(c.total())).append(" for the ")
                .append(window(s)).append(" (requests ")
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
        return b.append(") at ").append(c.region()).append(" list prices of ").append(c.priceDate());
    }

    /**
     * The cost in the terminal's summary of {@code run} and at the end of narrative.txt: the page's first sentence
     * (the same figures, the same rounding) and what it leaves out; null without a cost (a summary from an older
     * enisim). The terminal and the narrative told no cost at all (a FinOps review).
     */
    public static String terminal(RunSummary s) {
        RunSummary.Cost c = s.cost();
        return c == null ? null : head(s, c).append(". ").append(LEFT_OUT).toString();
    }

    /** Functions the page's cost table lists; the rest are counted ("and 4 more"). */
    static final int FUNCTIONS_TOLD = 10;

    /**
     * The page's cost by function, under the cost line (empty with fewer than two functions that cost anything: the
     * line says it): the costliest {@value #FUNCTIONS_TOLD} (ties by name), each with its requests, duration, INIT and
     * provisioned-concurrency parts (a part's column only when some function has it), then how many more and what
     * they cost together. From summary.json's per-function figures ({@code functions.<name>.cost}); the NAT
     * gateways are the account's, in no function's row. Cards on a phone ({@code table.answers}).
     */
    public static String functionsHtml(RunSummary s) {
        List<Map.Entry<String, RunSummary.Cost>> fns = new ArrayList<>();
        for (Map.Entry<String, RunSummary.FunctionSummary> f : s.functions().entrySet()) {
            RunSummary.Cost c = f.getValue().cost();
            if (c != null && c.total() > 0) {
                fns.add(Map.entry(f.getKey(), c));
            }
        }
        if (s.cost() == null || fns.size() < 2) {
            return "";
        }
        fns.sort(java.util.Comparator.<Map.Entry<String, RunSummary.Cost>>comparingDouble(e -> -e.getValue().total())
                .thenComparing(Map.Entry::getKey));
        boolean init = fns.stream().anyMatch(e -> e.getValue().init() > 0);
        boolean provisioned = fns.stream().anyMatch(e -> provisioned(e.getValue()) > 0);
        StringBuilder b = new StringBuilder("<h3>Cost by function</h3>\n<div class=\"scroll\"><table class=\""
                + "answers costs\">\n").append(Headlines.caption("Cost by function")).append("<tr><th scope=\"col\">"
                + "function</th><th scope=\"col\">cost</th><th scope=\"col\">requests</th><th scope=\"col\">"
                + "duration</th>").append(init ? "<th scope=\"col\">INIT</th>" : "")
                .append(provisioned ? "<th scope=\"col\">provisioned concurrency</th>" : "").append("</tr>\n");
        for (Map.Entry<String, RunSummary.Cost> e : fns.subList(0, Math.min(FUNCTIONS_TOLD, fns.size()))) {
            RunSummary.Cost c = e.getValue();
            b.append("<tr><td>").append(HtmlReport.esc(e.getKey())).append("</td>");
            cell(b, "cost", c.total());
            cell(b, "requests", c.requests());
            cell(b, "duration", c.duration());
            if (init) {
                cell(b, "INIT", c.init());
            }
            if (provisioned) {
                cell(b, "provisioned concurrency", provisioned(c));
            }
            b.append("</tr>\n");
        }
        b.append("</table></div>\n");
        if (fns.size() > FUNCTIONS_TOLD) {
            double rest = 0;
            for (Map.Entry<String, RunSummary.Cost> e : fns.subList(FUNCTIONS_TOLD, fns.size())) {
                rest += e.getValue().total();
            }
            int more = fns.size() - FUNCTIONS_TOLD;
            b.append("<p class=\"note\">And ").append(String.format(Locale.ROOT, "%,d", more)).append(" more function")
                    .append(more == 1 ? "" : "s").append(", ").append(dollars(rest)).append(" together (each in"
                    + " summary.json, <code>functions.&lt;name&gt;.cost</code>).</p>\n");
        }
        if (s.cost().natGateway() > 0) {
            b.append("<p class=\"note\">The NAT gateways' ").append(dollars(s.cost().natGateway()))
                    .append(" are the account's, in no function's row.</p>\n");
        }
        return b.toString();
    }

    private static double provisioned(RunSummary.Cost c) {
        return c.provisioned() + c.provisionedDuration();
    }

    private static void cell(StringBuilder b, String label, double dollars) {
        b.append("<td class=\"n\" data-label=\"").append(label).append("\">").append(dollars(dollars)).append("</td>");
    }

    /**
     * What the estimate leaves out, said once on the cost line (the list is README.md's "What the cost estimate
     * leaves out").
     */
    public static final String LEFT_OUT = "Not in it: the free tier, NAT per-GB data processing, data transfer,"
            + " ephemeral storage, logs (README.md, \"What the cost estimate leaves out\").";

    /** {@link #LEFT_OUT} where a line is short of room: where the list is. */
    public static final String LEFT_OUT_SHORT = "no free tier; what it leaves out: README.md, \"What the cost"
            + " estimate leaves out\"";

    /** Spells told at most on the cost line; the rest are counted ("and 4 more spells"). */
    private static final int SPELLS_TOLD = 3;

    /**
     * The provisioned-concurrency spells, the minutes each is billed and what that costs, as AWS bills them (each
     * spell from its put to its delete rounded up to 5 minutes, at the figure configured; the sentence then gives
     * the invocations run on it apart): " (f: 50 from 00:05:00 to 00:12:00, billed 10 min, $0.125)", a figure changed
     * within a spell as "10 from 00:01:00, 20 from 00:08:00 to 00:15:00", one still enabled "to the end". Nothing
     * for a summary without spells (one from an older enisim).
     */
    private static void provisionedSpells(StringBuilder b, RunSummary s) {
        List<String> told = new ArrayList<>();
        int spells = 0;
        for (Map.Entry<String, RunSummary.FunctionSummary> f : s.functions().entrySet()) {
            RunSummary.Cost c = f.getValue().cost();
            if (c == null || c.provisionedSpells() == null) {
                continue;
            }
            for (RunSummary.Cost.Spell p : c.provisionedSpells()) {
                if (++spells > SPELLS_TOLD) {
                    continue;
                }
                StringBuilder t = new StringBuilder(f.getKey()).append(": ");
                for (int i = 0; i < p.concurrency().size(); i++) {
                    RunSummary.Cost.Figure g = p.concurrency().get(i);
                    t.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%,d", g.concurrency()))
                            .append(" from ").append(Narrative.clock(Seconds.toMicros(g.from())));
                }
                t.append(" to ").append(p.enabledAtEnd() != null ? "the end"
                        : Narrative.clock(Seconds.toMicros(p.to())))
                        .append(", billed ").append(p.billedMinutes()).append(" min, ").append(dollars(p.cost()));
                told.add(t.toString());
            }
        }
        if (spells > SPELLS_TOLD) {
            told.add("and " + (spells - SPELLS_TOLD) + " more spell" + (spells - SPELLS_TOLD == 1 ? "" : "s"));
        }
        if (!told.isEmpty()) {
            b.append(" (").append(String.join("; ", told)).append(')');
        }
    }

    /**
     * The Summary's row of the average execution environments ("60.3: busy 22.4, idle 37.9", provisioned when there
     * were any), null without them (a summary from an older enisim).
     */
    public static String environments(RunSummary s) {
        RunSummary.Environments e = s.averageEnvironments();
        if (e == null) {
            return null;
        }
        return average(e.mean()) + ": busy " + average(e.busy()) + ", idle " + average(e.idle())
                + (e.provisioned() > 0 ? ", provisioned " + average(e.provisioned()) : "");
    }

    /**
     * An average number of environments: one decimal ("2,369.2"), or, for a value above 0 that one decimal shows as
     * 0.0, two significant digits ("0.00043"): 13 invocations of minutes over 45 days read "0.0: busy 0.0, idle 0.0",
     * as if nothing ran (a teacher's review, idle-reclaim).
     */
    static String average(double v) {
        if (v > 0 && v < 0.05) {
            return new java.math.BigDecimal(v).round(new java.math.MathContext(2)).toPlainString();
        }
        return String.format(Locale.ROOT, "%,.1f", v);
    }

    /**
     * The Summary's row of the cold-start share ("0.021% of 520,089": of the invocations that got an execution
     * environment), null without cold-start figures.
     */
    public static String coldStartShare(RunSummary s) {
        RunSummary.ColdStarts c = s.coldStarts();
        return c == null ? null : probability(c) + String.format(Locale.ROOT, " of %,d", c.total() + c.warmStarts());
    }

    /**
     * The run's cold starts in one sentence, the same wherever they are told (answers, summary, terminal): how many,
     * their share of the invocations that got an execution environment (the probability's denominator), how each
     * ended, and the invocations refused before getting one, which are in neither. "failed ones included" read as
     * "the ResourceNotReadyExceptions are in it" (they are not: they never got an environment), and 8,683 cold starts
     * that died with NoFreePortOnEni were not told apart from the 2,635 that succeeded. Null without cold-start
     * figures (a summary from an older enisim).
     */
    public static String coldStarts(RunSummary s) {
        RunSummary.ColdStarts c = s.coldStarts();
        if (c == null) {
            return null;
        }
        long withEnv = c.total() + c.warmStarts();
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "Cold starts: %,d, %s of the %,d invocations"
                + " that got an execution environment", c.total(), probability(c), withEnv));
        long ok = c.byOutcome().getOrDefault("Success", 0L);
        if (c.total() > 0) {
            if (ok == c.total()) {
                b.append(c.total() == 1 ? " (it succeeded)" : " (all succeeded)");
            } else {
                StringBuilder ends = new StringBuilder();
                ends.append(String.format(Locale.ROOT, "%,d succeeded", ok));
                for (java.util.Map.Entry<String, Long> e : c.byOutcome().entrySet()) {
                    if (e.getKey().equals("Success") || e.getValue() == 0) {
                        continue;
                    }
                    boolean fnError = s.invocations().functionErrorCauses().containsKey(e.getKey());
                    ends.append(String.format(Locale.ROOT, ", %,d ", e.getValue()))
                            .append(fnError ? "ran but failed with " : "failed with ").append(e.getKey());
                }
                b.append(" (").append(ends).append(')');
            }
        }
        long refused = s.invocations().total() - withEnv;
        if (refused > 0) {
            b.append(String.format(Locale.ROOT, "; not counted: the %,d invocation%s refused before getting one",
                    refused, refused == 1 ? "" : "s"));
            StringBuilder names = new StringBuilder();
            long named = 0;
            int kinds = 0;
            for (java.util.Map.Entry<String, Long> e : s.invocations().errors().entrySet()) {
                long n = e.getValue() - c.byOutcome().getOrDefault(e.getKey(), 0L);
                if (n > 0) {
                    names.append(names.length() == 0 ? "" : ", ").append(e.getKey())
                            .append(String.format(Locale.ROOT, " %,d", n));
                    named += n;
                    kinds++;
                }
            }
            if (s.invocations().throttled() > 0) {
                names.append(names.length() == 0 ? "" : ", ").append("TooManyRequestsException")
                        .append(String.format(Locale.ROOT, " %,d", s.invocations().throttled()));
                named += s.invocations().throttled();
                kinds++;
            }
            if (named == refused && kinds > 0) {
                // one kind: its name alone ("(ResourceNotReadyException)"), the count being the one just given
                b.append(" (").append(kinds == 1 ? names.substring(0, names.lastIndexOf(" ")) : names).append(')');
            }
        }
        return b.append('.').toString();
    }

    /**
     * The cold-start probability with the digits its count justifies, as every other share on the page
     * ({@link dev.enisim.report.chart.Wording#pct}): one decimal from 1% up, two significant digits below ("84.6%",
     * "0.81%", "0.015%"). Three decimals whatever the value read "84.615%" for 11 of 13.
     */
    private static String probability(RunSummary.ColdStarts c) {
        return dev.enisim.report.chart.Wording.pct(c.total(), c.total() + c.warmStarts());
    }

    /** The line as a paragraph of the report's answers ("" when there is no cost). */
    public static String html(RunSummary s) {
        String t = text(s);
        return t == null ? "" : "<p class=\"cost\">" + HtmlReport.esc(t) + "</p>\n" + functionsHtml(s);
    }

    /**
     * What the cost covers: "30m simulated", or after a warm-up (--warm-up) the time after it, "20m after the 10m
     * warm-up" (its figures, billed provisioned spells included, are those after it).
     */
    static String window(RunSummary s) {
        Double w = s.warmUpSeconds();
        return w == null ? span(s.simulatedSeconds()) + " simulated"
                : span(s.simulatedSeconds() - w) + " after the " + span(w) + " warm-up";
    }

    /** The simulated time as a scenario writes it ({@code 30m}, {@code 2h}, {@code 45d}, {@code 1h30m}). */
    static String span(double seconds) {
        return dev.enisim.report.Assumptions.duration(seconds * 1e6);
    }

    /**
     * US dollars, the one rule of every cost enisim prints (page, terminal, narrative): cents from $1 up, three
     * significant digits below ("$2.06", "$0.100", "$0.000406"); summary.json keeps the full figure. Trailing zeros
     * are kept: "$0.1" for $0.1000008 beside "$0.104" read as a rounder figure than it is.
     */
    public static String dollars(double v) {
        if (Math.abs(v) >= 0.995) {
            return (v < 0 ? "-" : "") + String.format(Locale.ROOT, "$%,.2f", Math.abs(v));
        }
        return v == 0 ? "$0" : (v < 0 ? "-" : "") + "$" + new java.math.BigDecimal(Math.abs(v))
                .round(new java.math.MathContext(3)).toPlainString();
    }
}
