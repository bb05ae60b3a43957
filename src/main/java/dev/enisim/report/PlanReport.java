package dev.enisim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.enisim.plan.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code enisim plan}'s output: a terminal table, {@code plan.json}, and an HTML page. */
public final class PlanReport {

    private PlanReport() {
    }

    public static String json(Plan plan) {
        try {
            return SummaryJson.mapper().writeValueAsString(plan) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render plan.json", e);
        }
    }

    /**
     * plan.json of a plan whose scenario had the {@code --set} {@code overrides} (as given, in order): an
     * {@code overrides} array after {@code seed}, as summary.json has it; without any, {@link #json(Plan)} as it is.
     */
    public static String json(Plan plan, List<String> overrides) {
        if (overrides.isEmpty()) {
            return json(plan);
        }
        com.fasterxml.jackson.databind.node.ObjectNode tree = SummaryJson.mapper().valueToTree(plan);
        com.fasterxml.jackson.databind.node.ObjectNode out = SummaryJson.mapper().createObjectNode();
        tree.fields().forEachRemaining(e -> {
            out.set(e.getKey(), e.getValue());
            if (e.getKey().equals("seed")) {
                overrides.forEach(out.putArray("overrides")::add);
            }
        });
        try {
            return SummaryJson.mapper().writeValueAsString(out) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render plan.json", e);
        }
    }

    /**
     * What a plan of a scenario with {@code --set} overrides says under its title: which, and (the headroom's
     * multipliers being on the traffic as run) that x1 is the overridden traffic, not the file's. Null: none.
     */
    static String overridesNote(List<String> overrides) {
        if (overrides.isEmpty()) {
            return null;
        }
        double traffic = dev.enisim.scenario.Overrides.traffic(overrides, new java.util.ArrayList<>());
        return ReportWriter.overridesLine(overrides) + ": every answer is of the scenario so changed, not the file as"
                + " written" + (overrides.stream().anyMatch(dev.enisim.scenario.Overrides::isTrafficAssignment)
                ? "; the traffic multipliers are on the traffic as overridden (x1.00 is the file's traffic times "
                + (traffic == Math.rint(traffic) && Math.abs(traffic) < 1e15 ? String.valueOf((long) traffic)
                : String.valueOf(traffic)) + ")" : "") + ".";
    }

    /** {@link #text(Plan)}, with the line saying the scenario had the {@code --set} {@code overrides} (if any). */
    public static String text(Plan p, List<String> overrides) {
        String text = text(p);
        String note = overridesNote(overrides);
        if (note == null) {
            return text;
        }
        int eol = text.indexOf('\n') + 1; // after the title
        return text.substring(0, eol) + note + "\n" + text.substring(eol);
    }

    /** {@link #html(Plan)}, its header saying the scenario had the {@code --set} {@code overrides} (if any). */
    public static String html(Plan p, List<String> overrides) {
        String html = html(p);
        String note = overridesNote(overrides);
        if (note == null) {
            return html;
        }
        int end = html.indexOf("</header>");
        return html.substring(0, end) + "\n<p class=\"verdict warn\" id=\"overrides\">" + escape(note) + "</p>"
                + html.substring(end);
    }

    /** The answers in words and aligned columns. */
    public static String text(Plan p) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(java.util.Locale.ROOT, "Capacity plan for %s (seed %d, %s network model, %s assumptions)%n%n", p.scenario(),
                p.seed(), p.networkModel(), p.assumptions()));
        if (!p.failsAsIs().isEmpty()) {
            b.append("As it is, this scenario already fails: ").append(String.join("; ", p.failsAsIs()))
                    .append(".\nThe answers below are what it needs; fix these failures first.\n\n");
        }
        if (!functionErrorsFacts(p).isEmpty()) {
            b.append(functionErrorsFacts(p)).append(".\n\n");
        }
        for (String w : asIsWarnings(p)) {
            b.append("Warning: ").append(w).append(".\n");
        }
        if (!asIsWarnings(p).isEmpty()) {
            b.append('\n');
        }
        if (!thresholdFacts(p).isEmpty()) {
            b.append(thresholdFacts(p)).append(".\n\n");
        }
        String warmUp = warmUpFacts(p);
        if (!warmUp.isEmpty()) {
            b.append(warmUp).append(".\n\n");
        }
        if (p.warmUpNotApplied() != null) {
            b.append("Note: ").append(p.warmUpNotApplied()).append(".\n\n");
        }
        b.append("1. Subnet sizes: the smallest prefix with no invocation failing for IPs at this scenario's peak\n");
        if (p.subnets().isEmpty()) {
            b.append("   no subnets in this scenario: nothing to size\n");
        }
        // the subnet column as wide as its longest label (a named subnet's "private-a (subnet-0a1b...)"), at least 26
        String column = "%-" + subnetColumn(p.subnets(), p) + "s";
        if (!p.subnets().isEmpty()) { // the headroom is the current size's (as plan.html's "headroom now")
            b.append(String.format(java.util.Locale.ROOT, "   " + column + " %-16s %7s %7s %9s %9s %11s %12s %12s%n", "subnet", "now",
                    "usable", "others", "peak IPs", "formula", "recommended", "headroom now", "check"));
        }
        for (Plan.SubnetAdvice s : p.subnets()) {
            String check = "0 failures at /" + s.recommendedPrefix() + runs(s.runsAtRecommended(), " in ")
                    + noneSpareText(s, ", ", false) + smallerText(s, ", ") + sizedForText(s, ", ");
            b.append(String.format(java.util.Locale.ROOT, "   " + column + " %-16s %7d %7d %9d %9d %11s %12d  %s%n", label(p, s.subnet()),
                    s.cidr(),
                    s.usableIps(), s.otherUsedIps(), s.peakLambdaIps(), s.analyticLambdaIps(),
                    "/" + s.recommendedPrefix() + " (" + s.recommendedUsableIps() + ")", s.headroomIps(),
                    s.failuresAtRecommended() == 0 ? check : String.format(java.util.Locale.ROOT, "%,d failures%s (!)",
                    s.failuresAtRecommended(), s.runsAtRecommended() > 1 ? " in " + s.runsFailedAtRecommended()
                    + " of " + s.runsAtRecommended() + " runs" : "")));
            if (s.cannotGrowInPlace() != null) {
                b.append("     ").append(growText(s)).append('\n');
            }
        }
        if (!p.subnets().isEmpty() && p.subnets().get(0).demandReplications() > 1) {
            int n = p.subnets().get(0).demandReplications();
            b.append(String.format(java.util.Locale.ROOT, "   (peak IPs: the most over %d replications with every subnet at /16; check: %d"
                    + " other replications at the recommended size, one size smaller until one runs out)%n", n,
                    p.subnets().get(0).runsAtRecommended()));
        }
        if (p.subnets().stream().anyMatch(s -> s.failuresOneSmaller() > 0)) {
            b.append("   (check: failures for IPs in a re-run: invocations that found no address, plus functions that"
                    + " could not be created)\n");
        }
        String warmIps = warmUpIpsText(p);
        if (!warmIps.isEmpty()) {
            b.append("   (").append(warmIps).append(")\n");
        }
        inactiveKeysNotes(p).forEach(n -> b.append("   (").append(n).append(")\n"));
        enisInPlaceNotes(p).forEach(n -> b.append("   (").append(n).append(")\n"));
        p.sizingNotes().forEach(n -> b.append("   (!) ").append(n).append('\n'));
        if (!p.subnetsUnderOtherModel().isEmpty()) {
            b.append("   under the ").append(p.networkModel().equals("legacy") ? "hyperplane" : "legacy")
                    .append(" network model instead:\n");
            String other = "%-" + subnetColumn(p.subnetsUnderOtherModel(), p) + "s";
            for (Plan.SubnetAdvice s : p.subnetsUnderOtherModel()) {
                b.append(String.format(java.util.Locale.ROOT, "   " + other + " peak %d IPs, recommended /%d (%d usable)%n",
                        label(p, s.subnet()),
                        s.peakLambdaIps(), s.recommendedPrefix(), s.recommendedUsableIps()));
            }
        }
        sharedSubnetsText(b, p);
        b.append("\n2. ENIs per VPC against the quota: the design's peak (every subnet at /16, no quota in the way)\n");
        boolean legacy = p.networkModel().equals("legacy");
        if (p.vpcs().isEmpty()) {
            b.append("   no VPC in this scenario: no ENIs\n");
        }
        for (Plan.VpcAdvice v : p.vpcs()) {
            if (!v.accountQuotaUse().isEmpty()) {
                b.append("   ").append(perAccountQuotaText(p, v)).append("; ").append(consolidation(p, v))
                        .append(warmUpEnisText(p, v, "; ")).append('\n');
            } else {
            b.append(String.format(java.util.Locale.ROOT, "   %s: peak %d%s%s of %d (%s); %s%s%n", label(p, v.vpc()), v.peakEnis(),
                    v.inactiveKeys() == 0
                    ? "" : " + " + v.inactiveKeys() + " for the keys of Inactive functions", v.otherUsedEnis() == 0
                    ? "" : " + " + v.otherUsedEnis() + " " + IN_PLACE_AT_MOST, v.eniQuota(),
                    room(v.room()), consolidation(p, v), warmUpEnisText(p, v, "; ")));
            }
            List<Plan.KeyUse> keys = v.keys();
            for (int i = 0; i < Math.min(10, keys.size()); i++) {
                b.append(String.format(java.util.Locale.ROOT, "     %-50s %4d %-5s peak %,d %s%n", keyLabel(p, keys.get(i).key()),
                        keys.get(i).peakEnis(), keys.get(i).peakEnis() == 1 ? "ENI," : "ENIs,",
                        keys.get(i).peakConnections(), legacy ? (keys.get(i).peakConnections() == 1 ? "environment"
                        : "environments") : keys.get(i).peakConnections() == 1 ? "connection" : "connections"));
            }
            if (keys.size() > 10) {
                b.append(String.format(java.util.Locale.ROOT, "     ... and %d more keys%n", keys.size() - 10));
            }
            if (v.inactiveKeys() > 0) {
                b.append("   (").append(inactiveEnisText(p, v)).append(")\n");
            }
        }
        accountQuotaLines(p).forEach(l -> b.append(l).append('\n'));
        Plan.Headroom h = p.headroom();
        b.append("\n3. Traffic headroom: every arrival rate multiplied until a limit is hit\n");
        if (h.firstLimitAtMultiplier() == null) {
            b.append(String.format(java.util.Locale.ROOT, "   no ENI, IP, connections, concurrency, scaling-rate, request-rate or EC2-request-rate limit hit up to x%.0f%n",
                    h.largestTried()));
        } else {
            b.append("   ").append(headroomText(h)).append('\n');
            h.firstLimitDetails().forEach(d -> b.append("     ").append(d).append('\n'));
        }
        String seed = searchesText(p, h);
        if (!seed.isEmpty()) {
            b.append("   (").append(seed).append(")\n");
        }
        String warm = warmUpText(h);
        if (!warm.isEmpty()) {
            b.append("   ").append(warm).append('\n');
        }
        if (h.atRecommendedSizes() != null) {
            b.append("   with every subnet at its recommended size: ").append(headroomText(h.atRecommendedSizes()))
                    .append('\n');
            h.atRecommendedSizes().firstLimitDetails().forEach(d -> b.append("     ").append(d).append('\n'));
            String seedAfter = searchesText(p, h.atRecommendedSizes());
            if (!seedAfter.isEmpty()) {
                b.append("   (").append(seedAfter).append(")\n");
            }
            String warmAfter = warmUpText(h.atRecommendedSizes());
            if (!warmAfter.isEmpty()) {
                b.append("   ").append(warmAfter).append('\n');
            }
        }
        Plan.Staggered st = h.staggered();
        if (st != null) {
            b.append("   ").append(staggeredText(h)).append('\n');
            b.append("     ").append(wavesText(st)).append('\n');
            if (st.headroom() != null) {
                st.headroom().firstLimitDetails().forEach(d -> b.append("     ").append(d).append('\n'));
                String seedStaggered = searchesText(p, st.headroom());
                if (!seedStaggered.isEmpty()) {
                    b.append("   (").append(seedStaggered).append(")\n");
                }
                String warmStaggered = warmUpText(st.headroom());
                if (!warmStaggered.isEmpty()) {
                    b.append("   ").append(warmStaggered).append('\n');
                }
            }
        }
        Plan.TeardownWait t = p.teardown();
        if (t.orphaned()) {
            b.append("\n4. Teardown: deleting every function leaves ").append(orphanedCount(t)).append('\n');
        } else {
            b.append(String.format(java.util.Locale.ROOT, "%n4. Teardown: deleting every function waits for Lambda to delete %d ENI%s%n",
                    t.enis(), t.enis() == 1 ? "" : "s"));
        }
        if (t.design() != null) {
            b.append("   (of ").append(t.design()).append(")\n");
        }
        if (!t.timelineKept().isEmpty()) {
            b.append("   (").append(keptText(t)).append(")\n");
        }
        if (t.orphaned()) {
            b.append("   (!) no finite wait: ").append(orphanedWhy(t)).append('\n');
            b.append("   ").append(orphanedAdvice(t)).append('\n');
        } else if (t.enis() == 0) {
            b.append("   no ENI to wait for: the deletions wait 0 min for ENIs, and need no timeout for them\n");
        } else {
        // to the tenth of a minute, as the page's chart gives them
        b.append(String.format(java.util.Locale.ROOT, "   simulated over %d replication%s: p50 %s, p99 %s%s;"
                + " analytic (%s): p50 %.1f min, p99 %.1f min%n", t.replications(), t.replications() == 1 ? "" : "s",
                tenths(t.p50Seconds(), t.p50Censored()), tenths(t.p99Seconds(), t.p99Censored()), fewRuns(t),
                deletionTimes(t.enis()), t.analyticP50Seconds() / 60, t.analyticP99Seconds() / 60));
        if (t.censoredReplications() > 0) {
            b.append(String.format(java.util.Locale.ROOT, "   (!) %s: an ENI still there %,.0f min after the"
                    + " deletions; counted as longer than that, never as short%n", censoredText(t),
                    t.horizonSeconds() / 60));
        }
        if (!fewRuns(t).isEmpty()) {
            b.append("   plan a timeout (CloudFormation's, Terraform's) on the analytic p99\n");
        }
        }
        b.append("\n5. The idle rule: how long a function may stay quiet\n");
        if (p.idle().isEmpty() && p.failedFunctions().isEmpty()) {
            b.append("   no VPC function under the Hyperplane model: no Inactive state\n");
        }
        if (!p.failedFunctions().isEmpty()) {
            b.append("   no keep-warm advice for ").append(String.join(", ", p.failedFunctions()))
                    .append(": it ends Failed as it is, and keeping it warm does not help\n");
        }
        p.noKeepWarm().forEach(n -> b.append("   no keep-warm advice for ").append(n).append('\n'));
        if (!p.idle().isEmpty()) {
            b.append("   ").append(idleAssumption(p.idle().get(0))).append('\n');
            String cost = keepWarmCost(p);
            if (!cost.isEmpty()) {
                b.append("   ").append(cost).append('\n');
            }
            String probe = idleProbe(p.idle().get(0));
            if (!probe.isEmpty()) {
                b.append("   (idle check: ").append(probe).append(")\n");
            }
        }
        for (List<Plan.IdleAdvice> g : idleGroups(p.idle())) {
            Plan.IdleAdvice i = g.get(0);
            String who = g.size() == 1 ? i.function() : g.size() + " functions alike";
            if (staysActive(i)) {
                b.append(String.format(java.util.Locale.ROOT, "   %-24s stays Active: simulated, an invocation after a quiet of %s"
                        + " and more still succeeds (provisioned concurrency keeps it Active): no keep-warm needed%s%n",
                        who, quiet(i.longestQuietSeconds() + idleMarginSeconds(i)), members(g)));
                if (i.inactiveNow() != null) {
                    b.append("     (").append(inactiveNowText(g)).append(")\n");
                }
                continue;
            }
            b.append(String.format(java.util.Locale.ROOT, "   %-24s quiet up to %s; keep warm every %s or less"
                    + " (%s a month%s, against the failures after each longer quiet: the first invocation and"
                    + " every one until its ENIs are restored;"
                    + " simulated%s: %s)%s%n", who,
                    quiet(i.longestQuietSeconds()), quiet(i.keepWarmEverySeconds()), costs(g),
                    g.size() == 1 ? "" : " each", g.size() == 1 ? "" : " for each", idleVerdicts(i), members(g)));
            if (i.inactiveNow() != null) {
                b.append("     (").append(inactiveNowText(g)).append(")\n");
            }
        }
        return b.toString();
    }

    /**
     * A subnet's, security group's or VPC's label as the run's terminal and page give it ({@link Labels#of}): its
     * display name beside the id when the scenario names it ({@code private-a (subnet-0a1b...)}), else the id.
     */
    static String label(Plan p, String id) {
        return p.source() == null ? id : Labels.of(p.source(), id);
    }

    /** A key ({@code [account:][owner@]subnet+[sg-a,sg-b]}) with its ids labelled ({@link Labels#key}). */
    static String keyLabel(Plan p, String key) {
        return p.source() == null ? key : Labels.key(p.source(), key);
    }

    /** The terminal's subnet column: as wide as its longest label, at least 26 (its width before names). */
    private static int subnetColumn(List<Plan.SubnetAdvice> subnets, Plan p) {
        int width = 26;
        for (Plan.SubnetAdvice s : subnets) {
            width = Math.max(width, label(p, s.subnet()).length());
        }
        return width;
    }

    /** Functions whose idle answers are the same beyond this many are said in one line (a row of the page). */
    static final int IDLE_ALIKE = 5;

    /**
     * A VPC's {@code otherUsedEnis} in the plan's words, the run's ({@link dev.enisim.report.page.Headlines#IN_PLACE}):
     * an import counts there, beside other services' ENIs, the Lambda ENIs it found beyond one per key, so they are
     * not all other services' (the plan called them so).
     */
    static final String IN_PLACE = dev.enisim.report.page.Headlines.IN_PLACE;
    /** {@link #IN_PLACE} at their most over the run (a timeline's {@code setOtherUsedEnis} may change them). */
    static final String IN_PLACE_AT_MOST = IN_PLACE.substring(0, IN_PLACE.length() - 1) + "; at their most)";

    /**
     * The idle advice in the plan's order, functions with the same answer (the same quiet, keep-warm period and
     * simulated verdicts) said together when more than {@link #IDLE_ALIKE} share it: an account of 600 functions
     * read 600 identical lines (a platform team's review); each is still in plan.json.
     */
    static List<List<Plan.IdleAdvice>> idleGroups(List<Plan.IdleAdvice> idle) {
        Map<List<Object>, List<Plan.IdleAdvice>> byAnswer = new LinkedHashMap<>();
        for (Plan.IdleAdvice i : idle) {
            byAnswer.computeIfAbsent(answer(i), k -> new ArrayList<>()).add(i);
        }
        List<List<Plan.IdleAdvice>> out = new ArrayList<>();
        for (Plan.IdleAdvice i : idle) { // each group where its first function is; small groups one a line
            List<Plan.IdleAdvice> g = byAnswer.get(answer(i));
            if (g.size() <= IDLE_ALIKE) {
                out.add(List.of(i));
            } else if (g.get(0) == i) {
                out.add(g);
            }
        }
        return out;
    }

    /** What makes two idle answers alike: the figures, the verdicts, and whether the function is Inactive now. */
    private static List<Object> answer(Plan.IdleAdvice i) {
        return List.of(i.longestQuietSeconds(), i.keepWarmEverySeconds(), i.failsAfterLongerQuiet(),
                i.passesAfterShorterQuiet(), i.inactiveNow() != null);
    }

    /**
     * Beside the idle advice of a function (or a group of them) that starts Inactive: "orders-cold is Inactive now
     * (existing: Inactive): its next invocation fails ...; the keep-warm advice is for after it".
     */
    static String inactiveNowText(List<Plan.IdleAdvice> g) {
        return (g.size() == 1 ? g.get(0).function() + " is " : "each is ") + g.get(0).inactiveNow();
    }

    /** The functions of a group said together: the first five and how many more; nothing for one function. */
    static String members(List<Plan.IdleAdvice> g) {
        if (g.size() == 1) {
            return "";
        }
        List<String> names = g.stream().limit(IDLE_ALIKE).map(Plan.IdleAdvice::function).toList();
        return ": " + String.join(", ", names) + " and " + (g.size() - names.size()) + " more (each in plan.json)";
    }

    /** A group's keep-warm cost a month: one figure, or the cheapest to the dearest of its functions. */
    static String costs(List<Plan.IdleAdvice> g) {
        double low = g.stream().mapToDouble(Plan.IdleAdvice::keepWarmCostPerMonth).min().orElse(0);
        double high = g.stream().mapToDouble(Plan.IdleAdvice::keepWarmCostPerMonth).max().orElse(0);
        String l = dev.enisim.report.page.CostLine.dollars(low);
        String h = dev.enisim.report.page.CostLine.dollars(high);
        return l.equals(h) ? l : l + " to " + h;
    }

    /**
     * The failures the plan does not count for --max-failed-fraction (empty when it is 0): the threshold, and the
     * classes of failures of the run as it is within it.
     */
    static String thresholdFacts(Plan p) {
        if (p.maxFailedFraction() <= 0) {
            return "";
        }
        String t = "A class of failures counts (as the scenario failing, as a limit hit in the traffic headroom) when"
                + " it is more than " + dev.enisim.plan.Planner.percent(p.maxFailedFraction()) + " of the run's"
                + " invocations, or a function ends Failed (plan --max-failed-fraction)";
        return p.failsWithinThreshold().isEmpty() ? t : t + "; within it, not counted: "
                + String.join("; ", p.failsWithinThreshold());
    }

    /**
     * What the run as it is did in the warm-up and the plan does not count (empty when nothing): "During the 5 min
     * warm-up (...), not counted: 45 function errors (NoFreePortOnEni); peak 2 ENIs in v (1 after it)".
     */
    static String warmUpFacts(Plan p) {
        java.util.List<String> parts = new java.util.ArrayList<>(p.failsInWarmUp());
        for (Plan.VpcAdvice v : p.vpcs()) {
            if (v.warmUpPeakEnis() > 0) {
                parts.add(String.format(java.util.Locale.ROOT, "peak %d ENI%s in %s (%d after it)",
                        v.warmUpPeakEnis(), v.warmUpPeakEnis() == 1 ? "" : "s", label(p, v.vpc()), v.peakEnis()));
            }
        }
        for (Plan.SubnetAdvice s : p.subnets()) {
            if (s.warmUpLambdaIps() > 0) {
                parts.add(String.format(java.util.Locale.ROOT, "peak %s in %s (%d after it)",
                        ips(s.warmUpLambdaIps()), label(p, s.subnet()), s.peakLambdaIps()));
            }
        }
        if (parts.isEmpty()) {
            return "";
        }
        return String.format(java.util.Locale.ROOT, "During the warm-up (the first %s of the run or of a"
                + " function's turning Active, while its environments ramp up from none; plan --warm-up), not counted"
                + " as the scenario failing nor as its peaks: %s", warmUpLength(p), String.join("; ", parts));
    }

    /** "5 min", "90 s": the plan's warm-up. */
    private static String warmUpLength(Plan p) {
        return warmUpLength(p.headroom().warmUpSeconds());
    }

    /** "5 min", "90 s": a warm-up of {@code s} seconds. */
    private static String warmUpLength(double s) {
        return s % 60 == 0 ? String.format(java.util.Locale.ROOT, "%.0f min", s / 60)
                : String.format(java.util.Locale.ROOT, "%.0f s", s);
    }

    /**
     * Section 1's word on the warm-up's addresses (empty when it left none): the peaks are after it, the recommended
     * sizes hold the warm-up's ENIs too.
     */
    static String warmUpIpsText(Plan p) {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (Plan.SubnetAdvice s : p.subnets()) {
            if (s.warmUpLambdaIps() > 0) {
                parts.add(ips(s.warmUpLambdaIps()) + " in " + label(p, s.subnet()));
            }
        }
        if (parts.isEmpty()) {
            return "";
        }
        return "peak IPs and formula are after the " + warmUpLength(p) + " warm-up; during it Lambda's ENIs"
                + " held up to " + String.join(", ", parts) + ": an ENI made then keeps its address until Lambda"
                + " deletes it (no function uses its key any more), so the recommended size and the headroom now"
                + " count those too";
    }

    /**
     * Under the subnet table, for a subnet whose keys of functions Inactive in the demand runs were never made
     * ({@link Plan.SubnetAdvice#inactiveKeys}): which functions, and that the sizes count an address for each key.
     */
    static String inactiveKeysText(Plan p, Plan.SubnetAdvice s) {
        return inactiveKeysText(label(p, s.subnet()), s);
    }

    /**
     * {@link #inactiveKeysText}, one line for the subnets whose keys asleep and functions are the same: an account's
     * 16 Inactive functions on every one of 13 subnets read 13 lines naming the same functions.
     */
    static List<String> inactiveKeysNotes(Plan p) {
        Map<List<Object>, List<Plan.SubnetAdvice>> alike = new LinkedHashMap<>();
        for (Plan.SubnetAdvice s : p.subnets()) {
            if (s.inactiveKeys() > 0) {
                alike.computeIfAbsent(List.of(s.inactiveKeys(), s.inactiveFunctions()), k -> new ArrayList<>())
                        .add(s);
            }
        }
        List<String> out = new ArrayList<>();
        for (List<Plan.SubnetAdvice> g : alike.values()) {
            out.add(inactiveKeysText(String.join(", ", g.stream().map(s -> label(p, s.subnet())).toList())
                    + (g.size() == 1 ? "" : " (each)"), g.get(0)));
        }
        return out;
    }

    /**
     * Under the subnet table, per subnet with keys Hyperplane scaled out before the run ({@link
     * Plan.SubnetAdvice#enisInPlace}): the rule the formula follows for them. A key scaled out to 3 read "formula 1"
     * at a trickle beside a peak of 3: the formula assumed every key starts with one ENI.
     */
    static List<String> enisInPlaceNotes(Plan p) {
        List<String> out = new ArrayList<>();
        for (Plan.SubnetAdvice s : p.subnets()) {
            if (s.enisInPlace() > 0) {
                out.add(label(p, s.subnet()) + ": " + s.enisInPlace() + " ENIs in place at the start on keys Hyperplane"
                        + " scaled out before the run (vpcs[*].enisAtStart); such a key keeps them whatever its"
                        + " traffic (Lambda deletes a key's ENIs only when no function uses it or after weeks idle,"
                        + " and enisim models no scale-in), so the formula counts at least its ENIs in place, as the"
                        + " peak IPs do");
            }
        }
        return out;
    }

    private static String inactiveKeysText(String subnets, Plan.SubnetAdvice s) {
        long k = s.inactiveKeys();
        return subnets + ": " + k + (k == 1 ? " key" : " keys") + " of functions Inactive in the demand runs "
                + (k == 1 ? "had" : "each had") + " no ENI there (" + names(s.inactiveFunctions()) + "); "
                + (k == 1 ? "it needs" : "each needs") + " one, so an address, when its functions wake (the first"
                + " invocation after a quiet spell restores a function): the formula, the headroom now and the"
                + " recommended size count " + (k == 1 ? "it" : "them") + ", the peak IPs do not";
    }

    /**
     * Under a VPC's keys, when keys of functions Inactive in the demand runs were never made
     * ({@link Plan.VpcAdvice#inactiveKeys}): which functions, and that the room counts an ENI for each key, as the
     * subnets' sizes count an address ({@link #inactiveKeysText}).
     */
    static String inactiveEnisText(Plan p, Plan.VpcAdvice v) {
        long k = v.inactiveKeys();
        return label(p, v.vpc()) + ": " + k + (k == 1 ? " key" : " keys") + " of functions Inactive in the demand runs "
                + (k == 1 ? "had" : "each had") + " no ENI there (" + names(v.inactiveFunctions()) + "); "
                + (k == 1 ? "it needs" : "each needs") + " one when its functions wake (the first invocation after a"
                + " quiet spell restores a function): the room against the quota and one security-group set per"
                + " subnet count " + (k == 1 ? "it" : "them") + ", the peak and the keys do not";
    }

    /** Up to {@link #IDLE_ALIKE} names, then how many more (each in plan.json). */
    private static String names(List<String> names) {
        return names.size() <= IDLE_ALIKE ? String.join(", ", names) : String.join(", ", names.subList(0,
                IDLE_ALIKE)) + " and " + (names.size() - IDLE_ALIKE) + " more, each in plan.json";
    }

    /** "; 2 during the warm-up, not counted" after a VPC's peak (empty when the warm-up held no more). */
    /**
     * A VPC whose quota each account counts on its own ({@code eniQuotaCountedPer: account}): every account's ENIs
     * together, then each account's use of its copy, the fullest first, and the fullest one's room.
     */
    static String perAccountQuotaText(Plan p, Plan.VpcAdvice v) {
        List<String> uses = new java.util.ArrayList<>();
        v.accountQuotaUse().entrySet().stream()
                .sorted((a, b) -> Long.compare(b.getValue(), a.getValue()))
                .limit(3).forEach(e -> uses.add("account " + e.getKey() + " " + e.getValue()));
        int more = v.accountQuotaUse().size() - uses.size();
        return label(p, v.vpc()) + ": peak " + v.peakEnis() + " of every account's together; the quota of " + v.eniQuota()
                + " is each account's own (eniQuotaCountedPer: account): " + String.join(", ", uses)
                + (more > 0 ? " and " + more + " more" : "") + (v.otherUsedEnis() == 0 ? "" : " (the owner's with "
                + v.otherUsedEnis() + " " + IN_PLACE_AT_MOST + ")") + (v.inactiveKeys() == 0 ? ""
                : " + " + v.inactiveKeys() + " for the keys of Inactive functions") + " (" + room(v.room())
                + " in the fullest, account " + v.fullestAccount() + "'s)";
    }

    /** "its quota of", or under {@code eniQuotaCountedPer: account} the fullest account's copy of it. */
    private static String quotaOf(Plan.VpcAdvice v) {
        return v.accountQuotaUse().isEmpty() ? "its quota of" : "account " + v.fullestAccount() + "'s own quota of";
    }

    static String warmUpEnisText(Plan p, Plan.VpcAdvice v, String before) {
        return v.warmUpPeakEnis() <= 0 ? "" : before + v.warmUpPeakEnis() + " during the " + warmUpLength(p)
                + " warm-up, not counted";
    }

    /**
     * With several accounts, each account's network interfaces per Region against its own quota, the one closest to
     * it first (section 2's last lines; the page lists the same): "which account runs out first".
     */
    static List<String> accountQuotaLines(Plan p) {
        List<String> out = new java.util.ArrayList<>();
        if (p.accountQuotas().isEmpty()) {
            return out;
        }
        out.add("   network interfaces per Region, each account against its own quota (the one closest to it first;"
                + " every subnet at /16, no VPC quota in the way):");
        for (Plan.AccountQuota a : p.accountQuotas()) {
            out.add("     " + accountQuotaText(p, a));
        }
        return out;
    }

    /** "account 4000...: peak 22 of 5,000 (4,978 ENIs spare; accounts[2].networkInterfacesPerRegion); in vpc-shared 20". */
    static String accountQuotaText(Plan p, Plan.AccountQuota a) {
        return "account " + a.account() + ": " + accountQuotaFigures(p, a);
    }

    /** {@link #accountQuotaText} after the account's id. */
    private static String accountQuotaFigures(Plan p, Plan.AccountQuota a) {
        List<String> vpcs = new java.util.ArrayList<>();
        a.vpcEnis().forEach((v, n) -> vpcs.add(enis(n) + " of " + label(p, v) + "'s quota"));
        long spare = a.spare();
        String room = spare == 0 ? "at the quota" : String.format(java.util.Locale.ROOT, "%,d %s %s", Math.abs(spare),
                Math.abs(spare) == 1 ? "ENI" : "ENIs", spare > 0 ? "spare" : "short");
        return String.format(java.util.Locale.ROOT, "peak %,d of %,d (%s; accounts[%d].networkInterfacesPerRegion)",
                a.peakNetworkInterfaces(), a.networkInterfacesPerRegion(), room, a.index())
                + (vpcs.isEmpty() ? "" : "; its Lambda ENIs use " + String.join(", ", vpcs))
                + (a.warmUpPeakNetworkInterfaces() <= 0 ? "" : String.format(java.util.Locale.ROOT, "; %,d during the %s"
                + " warm-up, not counted", a.warmUpPeakNetworkInterfaces(), warmUpLength(p)));
    }

    /** Who consumes each subnet of a VPC shared between accounts (several accounts only). */
    private static void sharedSubnetsText(StringBuilder b, Plan p) {
        if (p.sharedSubnets() == null) {
            return;
        }
        b.append("   who consumes each subnet (several accounts; each account's ENIs are its own):\n");
        for (Plan.SharedSubnet s : p.sharedSubnets()) {
            b.append(String.format(java.util.Locale.ROOT, "   %s in %s (owner %s): %d usable, %d used by others, at least %d free as it is%n",
                    label(p, s.subnet()), label(p, s.vpc()), s.owner(), s.usableIps(), s.otherUsedIps(),
                    s.minAvailableIps()));
            for (Plan.Consumer c : s.consumers()) {
                b.append(String.format(java.util.Locale.ROOT, "     account %s: %s at the design's peak (every subnet at /16), keys %s,"
                        + " functions %s%n", c.account(),
                        ips(c.peakIps()), String.join(" ", c.keys().stream().map(k -> keyLabel(p, k)).toList()),
                        String.join(", ", c.functions())));
            }
        }
    }

    /**
     * The same questions answered under several assumption presets ({@code plan --assumptions both}): one line per
     * answer, each preset's value side by side, answers that differ marked; the plans come in the same order.
     */
    public static String contrast(List<Plan> plans) {
        StringBuilder b = new StringBuilder("The answers side by side (");
        for (int i = 0; i < plans.size(); i++) {
            b.append(i == 0 ? "" : " | ").append(plans.get(i).assumptions());
        }
        b.append("; * where they differ)\n");
        row(b, "fails as it is", plans, p -> p.failsAsIs().isEmpty() ? "no" : String.join("; ", p.failsAsIs()));
        if (plans.stream().anyMatch(p -> !p.functionErrors().isEmpty())) {
            row(b, "function errors, not capacity", plans, p -> p.functionErrors().isEmpty() ? "none"
                    : String.join("; ", p.functionErrors()));
        }
        for (int s = 0; s < plans.get(0).subnets().size(); s++) {
            int k = s;
            row(b, label(plans.get(0), plans.get(0).subnets().get(k).subnet()) + " recommended", plans,
                    p -> "/" + p.subnets().get(k).recommendedPrefix());
        }
        for (int v = 0; v < plans.get(0).vpcs().size(); v++) {
            int k = v;
            row(b, label(plans.get(0), plans.get(0).vpcs().get(k).vpc()) + " peak ENIs", plans,
                    p -> String.valueOf(p.vpcs().get(k).peakEnis()));
        }
        row(b, "first limit at", plans, p -> p.headroom().firstLimitAtMultiplier() == null ? "none"
                : limitAt(p.headroom()).replaceFirst("^at ", "") + " " + String.join(", ", p.headroom().limitsHit()));
        if (plans.stream().anyMatch(p -> p.headroom().staggered() != null)) {
            row(b, "first limit, staggered rollout", plans, p -> p.headroom().staggered() == null ? "not needed"
                    : p.headroom().staggered().headroom() == null ? "no rollout fits"
                    : p.headroom().staggered().headroom().firstLimitAtMultiplier() == null ? "none"
                    : limitAt(p.headroom().staggered().headroom()).replaceFirst("^at ", "") + " "
                    + String.join(", ", p.headroom().staggered().headroom().limitsHit()));
        }
        row(b, "teardown wait p50", plans, p -> p.teardown().orphaned() ? never(p.teardown())
                : minutes(p.teardown().p50Seconds(), p.teardown().p50Censored()));
        // the figure to plan on is the analytic p99: the simulated "p99" of a few runs is about their largest (10 runs:
        // about a p96), and the plan advises the timeout on the analytic one
        row(b, "teardown wait p99 to plan on (analytic)", plans, p -> p.teardown().orphaned() ? never(p.teardown())
                : p.teardown().enis() == 0 ? "0 min"
                : String.format(java.util.Locale.ROOT, "%.0f min", p.teardown().analyticP99Seconds() / 60));
        row(b, plans.get(0).teardown().replications() < 100 ? "teardown wait, largest simulated (not a p99)"
                : "teardown wait p99 (simulated)", plans, p -> p.teardown().orphaned() ? never(p.teardown())
                : minutes(p.teardown().p99Seconds(), p.teardown().p99Censored()));
        return b.toString();
    }

    private static void row(StringBuilder b, String label, List<Plan> plans,
            java.util.function.Function<Plan, String> value) {
        List<String> values = plans.stream().map(value).toList();
        boolean differ = values.stream().distinct().count() > 1;
        b.append(String.format(java.util.Locale.ROOT, "  %s %-28s %s%n", differ ? "*" : " ", label, String.join(" | ", values)));
    }

    /**
     * The plan as a page: a verdict at the top (does the scenario already fail as it is?), then one section per
     * question with its verdict coloured, tables, the demand-versus-prefix chart of each subnet, the quota's
     * headroom, the traffic probes, the teardown wait and the idle rule. Self-contained, works offline.
     */
    public static String html(Plan p) {
        StringBuilder b = new StringBuilder();
        b.append(dev.enisim.report.page.Page.head("enisim plan: " + p.scenario()));
        b.append("<header><h1>Capacity plan: ").append(escape(p.scenario())).append("</h1>\n<p class=\"sub\">seed ")
                .append(p.seed()).append(", ").append(escape(p.networkModel())).append(" network model, ")
                .append(escape(p.assumptions())).append(" assumptions</p></header>\n");
        // the headline says what the run as it is showed, as the terminal and plan.json's failsAsIs do; a sizing
        // concern with no failure in the run is a warning below it
        List<String> warnings = asIsWarnings(p);
        b.append("<p class=\"verdict ").append(p.failsAsIs().isEmpty() ? (warnings.isEmpty() ? "ok\">As it is, the"
                + " scenario fits: no subnet runs short of IPs, no VPC reaches its ENI quota, no function ends Failed"
                + " and no invocation fails" + (p.functionErrors().isEmpty() ? "" : " for want of capacity (a"
                + " function's own timeouts are said below)") : "ok\">As it is, the run has no capacity failure: no function ends"
                + " Failed and no invocation fails for want of capacity")
                + (p.failsInWarmUp().isEmpty() ? "." : " after the warm-up (see below).")
                : "bad\">As it is, this scenario already fails: " + escape(String.join("; ", p.failsAsIs()))
                + ". The answers below are what it needs; fix these failures first.").append("</p>\n");
        for (String w : warnings) {
            b.append("<p class=\"verdict warn\">Warning: ").append(escape(w)).append(".</p>\n");
        }
        if (!functionErrorsFacts(p).isEmpty()) {
            b.append("<p class=\"note\" id=\"function-errors\">").append(escape(functionErrorsFacts(p)))
                    .append(".</p>\n");
        }
        if (!thresholdFacts(p).isEmpty()) {
            b.append("<p class=\"note\" id=\"threshold\">").append(escape(thresholdFacts(p))).append(".</p>\n");
        }
        if (!warmUpFacts(p).isEmpty()) {
            b.append("<p class=\"note\">").append(escape(warmUpFacts(p))).append(".</p>\n");
        }
        if (p.warmUpNotApplied() != null) {
            b.append("<p class=\"note\">Note: ").append(escape(p.warmUpNotApplied())).append(".</p>\n");
        }
        subnetsSection(b, p);
        quotaSection(b, p);
        headroomSection(b, p);
        teardownSection(b, p);
        idleSection(b, p);
        return b.append("</body>\n</html>\n").toString();
    }

    private static void subnetsSection(StringBuilder b, Plan p) {
        b.append("<section id=\"subnets\"><h2>1. Subnet sizes</h2>\n<p>The smallest prefix with no invocation "
                + "failing for IPs at this scenario's peak (" + (p.subnets().isEmpty()
                || p.subnets().get(0).demandReplications() == 1 ? "in 1 replication" : "the most over "
                + p.subnets().get(0).demandReplications() + " replications") + "), checked by re-running the scenario on"
                + " other replications at that size and one size smaller (an IP failure: an invocation failing for want of an address, or a function that could not be created "
                + "at all).</p>\n<div class=\"scroll\"><table>\n<tr><th scope=\"col\">subnet</th><th scope=\"col\">now</th><th scope=\"col\">other "
                + "tenants</th><th scope=\"col\">Lambda's peak IPs</th><th scope=\"col\">by the formula</th><th scope=\"col\">recommended</th><th scope=\"col\">headroom now"
                + "</th><th scope=\"col\">check</th></tr>\n");
        for (Plan.SubnetAdvice s : p.subnets()) {
            b.append("<tr><td>").append(escape(label(p, s.subnet()))).append("</td><td>").append(escape(s.cidr()))
                    .append(" (")
                    .append(s.usableIps()).append(" usable)</td><td class=\"n\">").append(s.otherUsedIps())
                    .append("</td><td class=\"n\">").append(s.peakLambdaIps()).append("</td><td class=\"n\">")
                    .append(s.analyticLambdaIps()).append("</td><td><b>/").append(s.recommendedPrefix()).append("</b> (")
                    .append(ips(s.recommendedUsableIps())).append(" usable").append(escape(noneSpareText(s, "; ", true)))
                    .append(")</td><td class=\"")
                    .append(s.headroomIps() < 0 ? "bad\">" + ips(-s.headroomIps()) + " short"
                            : "ok\">" + ips(s.headroomIps()) + " spare").append("</td><td class=\"")
                    .append(s.failuresAtRecommended() == 0 ? "ok\">no IP failure at /" + s.recommendedPrefix()
                            + runs(s.runsAtRecommended(), " in ")
                            : "bad\">" + String.format(java.util.Locale.ROOT, "%,d", s.failuresAtRecommended())
                            + " IP failures at /" + s.recommendedPrefix() + (s.runsAtRecommended() > 1 ? " in "
                            + s.runsFailedAtRecommended() + " of " + s.runsAtRecommended() + " runs" : ""))
                    .append(escape(smallerText(s, "; ") + sizedForText(s, ", ")
                            + (s.cannotGrowInPlace() == null ? "" : "; " + growText(s)))).append("</td></tr>\n");
        }
        b.append("</table></div>\n");
        if (!warmUpIpsText(p).isEmpty()) {
            String t = warmUpIpsText(p);
            b.append("<p class=\"note\">").append(escape(t.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + t.substring(1))).append(".</p>\n");
        }
        for (String t : inactiveKeysNotes(p)) {
            b.append("<p class=\"note\">").append(escape(t.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + t.substring(1))).append(".</p>\n");
        }
        for (String t : enisInPlaceNotes(p)) {
            b.append("<p class=\"note\">").append(escape(t.substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + t.substring(1))).append(".</p>\n");
        }
        p.sizingNotes().forEach(n -> b.append("<p class=\"verdict bad\">").append(escape(n)).append("</p>\n"));
        for (Plan.SubnetAdvice s : p.subnets()) {
            b.append(PlanCharts.demandVersusPrefix(s, label(p, s.subnet())));
        }
        if (!p.subnetsUnderOtherModel().isEmpty()) {
            b.append("<h3>Under the ").append(p.networkModel().equals("legacy") ? "Hyperplane" : "legacy")
                    .append(" network model instead</h3>\n<div class=\"scroll\"><table>\n<tr><th scope=\"col\">subnet</th><th scope=\"col\">"
                    + "peak IPs</th><th scope=\"col\">recommended</th></tr>\n");
            for (Plan.SubnetAdvice s : p.subnetsUnderOtherModel()) {
                b.append("<tr><td>").append(escape(label(p, s.subnet()))).append("</td><td class=\"n\">")
                        .append(s.peakLambdaIps()).append("</td><td>/").append(s.recommendedPrefix()).append(" (")
                        .append(ips(s.recommendedUsableIps())).append(" usable)</td></tr>\n");
            }
            b.append("</table></div>\n");
        }
        b.append("</section>\n");
    }

    /**
     * What one security-group set per subnet would need, or, under the legacy model, that none can be saved so: a
     * legacy ENI belongs to one function (it said "would need 1 (saves 244)" of 245 functions' ENIs).
     */
    static String consolidation(Plan p, Plan.VpcAdvice v) {
        return p.networkModel().equals("legacy") ? "legacy ENIs are each one function's: one security-group set"
                + " would not share them (no saving)" : v.savedByConsolidating() <= 0 ? "one security-group set per"
                + " subnet would save nothing (" + v.consolidatedEnis() + " needed either way)"
                : "one security-group set per subnet would need " + v.consolidatedEnis() + " (saves "
                + v.savedByConsolidating() + ")";
    }

    /**
     * Beside a recommended size that leaves no address at the design's peak (usable = Lambda's peak, the warm-up's
     * ENIs and the Inactive keys' addresses included, + the addresses already in use at their most): "none spare at
     * the peak (16 at /27)", with the next size up's spare (", 16 at /27" within parentheses already); empty when it
     * leaves some.
     */
    static String noneSpareText(Plan.SubnetAdvice s, String separator, boolean inParentheses) {
        long demand = PlanCharts.demand(s);
        if (s.recommendedUsableIps() > demand || s.recommendedPrefix() <= 16) {
            return "";
        }
        int up = s.recommendedPrefix() - 1;
        String next = (PlanCharts.usable(up) - demand) + " at /" + up;
        return separator + "none spare at the peak" + (inParentheses ? ", " + next : " (" + next + ")");
    }

    /** A VPC's quota left beside the peak, in words: "3 ENIs spare", "at the quota", "2 ENIs short". */
    static String room(long room) {
        return room > 0 ? room + (room == 1 ? " ENI" : " ENIs") + " spare" : room == 0 ? "at the quota"
                : -room + (room == -1 ? " ENI" : " ENIs") + " short";
    }

    /**
     * What the figures of a VPC's "peak ENIs" cell in plan.html are, said under the table, or "" when the cell is
     * Lambda's peak alone: "vpc-main: peak ENIs 9 + 4: Lambda's at the design's peak + 4 ENIs already in place
     * (...); 9 during the 5 min warm-up, not counted". The words were in the cell (nowrap, as every figure is), a
     * line of about 1,600 px that pushed the quota, used and headroom columns off a 1,400 px window (r8).
     */
    static String peakEnisNote(Plan p, Plan.VpcAdvice v) {
        if (v.inactiveKeys() == 0 && v.otherUsedEnis() == 0 && v.warmUpPeakEnis() <= 0) {
            return "";
        }
        StringBuilder t = new StringBuilder(label(p, v.vpc())).append(": peak ENIs ").append(v.peakEnis());
        t.append(v.inactiveKeys() == 0 ? "" : " + " + v.inactiveKeys());
        t.append(v.otherUsedEnis() == 0 ? "" : " + " + v.otherUsedEnis());
        t.append(v.inactiveKeys() == 0 && v.otherUsedEnis() == 0 ? ": Lambda's at the design's peak"
                : ": " + v.peakEnis() + " Lambda's at the design's peak");
        t.append(v.inactiveKeys() == 0 ? "" : " + " + v.inactiveKeys() + " for the keys of Inactive functions");
        t.append(v.otherUsedEnis() == 0 ? "" : " + " + v.otherUsedEnis() + " " + IN_PLACE);
        return t.append(warmUpEnisText(p, v, "; ")).toString();
    }

    private static void quotaSection(StringBuilder b, Plan p) {
        b.append("<section id=\"quota\"><h2>2. ENIs per VPC against the quota</h2>\n<p>The design's peak: every"
                + " subnet at /16 and no VPC quota in the way, so that the ENIs it needs are counted, not those a full"
                + " subnet or the quota let through.</p>\n<div class=\"scroll\"><table>"
                + "\n<tr><th scope=\"col\">VPC</th><th scope=\"col\">peak ENIs</th><th scope=\"col\">quota</th><th scope=\"col\">used</th><th scope=\"col\">headroom</th><th scope=\"col\">one "
                + "security-group set per subnet</th></tr>\n");
        for (Plan.VpcAdvice v : p.vpcs()) {
            long room = v.room();
            b.append("<tr><td>").append(escape(label(p, v.vpc()))).append("</td><td class=\"n\">")
                    .append(v.peakEnis())
                    .append(v.inactiveKeys() == 0 ? "" : " + " + v.inactiveKeys())
                    .append(v.otherUsedEnis() == 0 ? "" : " + " + v.otherUsedEnis())
                    .append(peakEnisNote(p, v).isEmpty() ? "" : "<sup>*</sup>")
                    .append("</td><td class=\"n\">").append(v.eniQuota())
                    .append(v.accountQuotaUse().isEmpty() ? "" : " each account's").append("</td><td>")
                    .append(PlanCharts.bar(v.eniQuota() - room, v.eniQuota())).append("</td><td class=\"")
                    .append(room <= 0 ? "bad\">" + room(room) : "ok\">" + room(room))
                    .append("</td><td>").append(p.networkModel().equals("legacy") ? "no saving: each legacy ENI is"
                    + " one function's" : v.savedByConsolidating() <= 0 ? "no saving (" + enis(v.consolidatedEnis())
                    + " needed either way)" : "would need " + enis(v.consolidatedEnis()) + " (saves "
                    + v.savedByConsolidating() + ")").append("</td></tr>\n");
        }
        b.append("</table></div>\n");
        for (Plan.VpcAdvice v : p.vpcs()) {
            if (!peakEnisNote(p, v).isEmpty()) {
                b.append("<p class=\"note\">* ").append(escape(peakEnisNote(p, v))).append(".</p>\n");
            }
            if (!v.accountQuotaUse().isEmpty()) { // used and headroom are the fullest account's copy's
                b.append("<p class=\"note\">").append(escape(perAccountQuotaText(p, v))).append(".</p>\n");
            }
        }
        for (Plan.VpcAdvice v : p.vpcs()) {
            if (v.inactiveKeys() > 0) {
                String t = inactiveEnisText(p, v);
                b.append("<p class=\"note\">").append(escape(t)).append(".</p>\n");
            }
        }
        if (!p.accountQuotas().isEmpty()) {
            b.append("<p>Network interfaces per Region, each account against its own quota (the one closest to it"
                    + " first):</p>\n<ul>\n");
            for (Plan.AccountQuota a : p.accountQuotas()) {
                b.append("<li").append(a.spare() <= 0 ? " class=\"bad\"" : "").append('>')
                        .append(escape(accountQuotaText(p, a))).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        for (Plan.VpcAdvice v : p.vpcs()) {
            b.append("<h3>").append(escape(label(p, v.vpc()))).append(": keys by peak ENIs</h3>\n<div class=\"scroll\"><table>"
                    + "\n<tr><th scope=\"col\">key (" + (p.networkModel().equals("legacy") ? "function + " : "")
                    + "subnet + security groups)</th><th scope=\"col\">peak ENIs</th><th scope=\"col\">peak " + (p.networkModel().equals("legacy")
                    ? "environments" : "connections") + "</th></tr>\n");
            List<Plan.KeyUse> keys = v.keys();
            for (Plan.KeyUse k : keys.subList(0, Math.min(10, keys.size()))) {
                b.append("<tr><td>").append(escape(keyLabel(p, k.key()))).append("</td><td class=\"n\">")
                    .append(k.peakEnis())
                        .append("</td><td class=\"n\">").append(String.format(java.util.Locale.ROOT, "%,d", k.peakConnections()))
                        .append("</td></tr>\n");
            }
            b.append("</table></div>\n");
            if (keys.size() > 10) {
                b.append("<p class=\"note\">10 of ").append(keys.size()).append(" keys shown; ")
                        .append(keys.size() - 10).append(" more in plan.json.</p>\n");
            }
        }
        b.append("</section>\n");
    }

    private static void headroomSection(StringBuilder b, Plan p) {
        Plan.Headroom h = p.headroom();
        b.append("<section id=\"headroom\"><h2>3. Traffic headroom</h2>\n<p>Every arrival rate multiplied until "
                + "a limit (ENI quota, subnet IPs, connections per ENI, concurrency, scaling rate, request rate or EC2's"
                + " request rate) is hit.</p>\n<p class=\"verdict ");
        if (h.firstLimitAtMultiplier() == null) {
            b.append(String.format(java.util.Locale.ROOT, "ok\">No limit hit up to %.0f times today's traffic.",
                    h.largestTried()));
        } else {
            b.append(String.format(java.util.Locale.ROOT, h.firstLimitAtMultiplier() <= 1 ? "bad\">" : "warn\">")
                    ).append("The first limit is hit ").append(limitAt(h).replace("x", "")).append(" times today's"
                    + " traffic: ")
                    .append(escape(String.join(", ", h.limitsHit()))).append('.').append(escape(anyOf(h)));
        }
        b.append("</p>\n");
        details(b, h);
        if (!searchesText(p, h).isEmpty()) {
            b.append("<p>").append(escape(capital(searchesText(p, h)))).append(".</p>\n");
        }
        if (!warmUpText(h).isEmpty()) {
            b.append("<p>").append(escape(warmUpText(h).substring(0, 1).toUpperCase(java.util.Locale.ROOT)
                    + warmUpText(h).substring(1))).append(".</p>\n");
        }
        Plan.Headroom after = h.atRecommendedSizes();
        if (after != null) {
            b.append("<p class=\"verdict ").append(after.firstLimitAtMultiplier() == null ? "ok"
                    : after.firstLimitAtMultiplier() <= 1 ? "bad" : "warn").append("\">With every subnet at its"
                    + " recommended size (section 1): ").append(escape(headroomText(after))).append("</p>\n");
            details(b, after);
            if (!searchesText(p, after).isEmpty()) {
                b.append("<p>").append(escape(capital(searchesText(p, after)))).append(".</p>\n");
            }
        }
        Plan.Staggered st = h.staggered();
        if (st != null) {
            Plan.Headroom sh = st.headroom();
            b.append("<p class=\"verdict ").append(sh == null ? "bad" : sh.firstLimitAtMultiplier() == null ? "ok"
                    : sh.firstLimitAtMultiplier() <= 1 ? "bad" : "warn").append("\">").append(escape(capital(
                    staggeredText(h)))).append("</p>\n<p>").append(escape(capital(wavesText(st)))).append(".</p>\n");
            if (sh != null) {
                details(b, sh);
                if (!searchesText(p, sh).isEmpty()) {
                    b.append("<p>").append(escape(capital(searchesText(p, sh)))).append(".</p>\n");
                }
            }
        }
        boolean more = after != null || st != null && st.headroom() != null;
        probesTable(b, more ? "Probes of the scenario as it is" : null, h);
        if (after != null) {
            probesTable(b, "Probes with every subnet at its recommended size", after);
        }
        if (st != null && st.headroom() != null) {
            probesTable(b, "Probes of the staggered rollout", st.headroom());
        }
        b.append("</section>\n");
    }

    /**
     * A search's probes, a row each, captioned with what was searched when the section has more than one search:
     * the verdict's "between x10.4 and x10.8" of the recommended sizes was read from probes the page did not show
     * (only the scenario's own, which can stop at x1.00).
     */
    private static void probesTable(StringBuilder b, String caption, Plan.Headroom h) {
        b.append("<div class=\"scroll\"><table>\n");
        if (caption != null) {
            b.append("<caption style=\"text-align: left; white-space: nowrap; padding: 0.3em 0\">")
                    .append(escape(caption)).append(", in the order tried</caption>\n");
        }
        b.append("<tr><th scope=\"col\">traffic x</th><th scope=\"col\">limits hit</th></tr>\n");
        for (Plan.Probe pr : h.probes()) {
            b.append("<tr><td class=\"n\">").append(String.format(java.util.Locale.ROOT, "%.2f", pr.multiplier()))
                    .append("</td><td class=\"").append(pr.limitsHit().isEmpty() ? "ok\">none" : "bad\">"
                            + escape(String.join(", ", pr.limitsHit()))).append("</td></tr>\n");
        }
        b.append("</table></div>\n");
    }

    private static void teardownSection(StringBuilder b, Plan p) {
        Plan.TeardownWait t = p.teardown();
        String kept = t.timelineKept().isEmpty() ? "" : "<p>" + escape(upper(keptText(t))) + ".</p>\n";
        if (t.orphaned()) { // no figure, no chart: every one would be finite where the wait is not
            b.append("<section id=\"teardown\"><h2>4. Teardown wait</h2>\n<p class=\"verdict bad\">")
                    .append(escape("No finite wait: deleting every function leaves " + orphanedCount(t) + ". "
                            + orphanedWhy(t))).append(".</p>\n<p>")
                    .append(escape(upper(orphanedAdvice(t)))).append(".</p>\n")
                    .append(t.design() == null ? "" : "<p>" + escape("Of " + t.design()) + ".</p>\n").append(kept)
                    .append("</section>\n");
            return;
        }
        if (t.enis() == 0) {
            b.append("<section id=\"teardown\"><h2>4. Teardown wait</h2>\n<p>No ENI to wait for: deleting every"
                    + " function waits 0 min for Lambda's ENIs, and needs no timeout for them.</p>\n</section>\n");
            return;
        }
        b.append("<section id=\"teardown\"><h2>4. Teardown wait</h2>\n<p>Deleting every function waits for Lambda "
                + "to delete its ").append(t.enis()).append(t.enis() == 1 ? " ENI" : " ENIs")
                .append(t.design() == null ? "" : escape(" (of " + t.design() + ")"))
                .append(" (a stack deletion waits as long).").append(fewRuns(t).isEmpty() ? "" : " The simulated p99"
                        + fewRuns(t) + ": plan a timeout (CloudFormation's, Terraform's) on the analytic p99.")
                .append("</p>\n").append(t.censoredReplications() == 0 ? "" : "<p class=\"verdict bad\">"
                        + escape(censoredText(t)) + String.format(java.util.Locale.ROOT, ": an ENI still there %,.0f"
                        + " min after the deletions. Their waits count as longer than that, never as short; a"
                        + " quantile that rests on them is shown as \"&gt; %,.0f min\".</p>\n",
                        t.horizonSeconds() / 60, t.horizonSeconds() / 60)).append(kept).append(PlanCharts.teardown(t))
                .append("</section>\n");
    }

    /**
     * What the teardown kept of the scenario's timeline: "with what the scenario's timeline leaves standing at its
     * end: deleteRole archive-stack-role at 30 min; its own deleteFunction and deleteOrphanedEnis actions replaced".
     */
    static String keptText(Plan.TeardownWait t) {
        return "with what the scenario's timeline leaves standing at its end: " + String.join(", ", t.timelineKept())
                + "; its own deletions replaced by deleting every function at its end";
    }

    /** "2 ENIs orphaned (in every one of the 20 replications)". */
    static String orphanedCount(Plan.TeardownWait t) {
        return enis(t.orphanedEnis()) + " orphaned (" + (t.orphanedReplications() == t.replications()
                ? (t.replications() == 1 ? "in the replication" : "in every one of the " + t.replications()
                + " replications") : "in " + t.orphanedReplications() + " of " + t.replications() + " replications")
                + ")";
    }

    /**
     * Why an orphaned teardown has no finite wait, as the run's verdict says orphaned ENIs: "Lambda cannot delete
     * them (the execution role archive-stack-role has lost its EC2 permissions), so no wait is long enough, and no
     * CloudFormation or Terraform timeout; each keeps its subnet IP and its slot of the VPC's ENI quota until deleted
     * by hand".
     */
    static String orphanedWhy(Plan.TeardownWait t) {
        boolean one = t.orphanedEnis() == 1;
        List<String> roles = t.rolesWithoutEc2();
        String role = roles.isEmpty() ? "the execution role has lost its" : roles.size() == 1 ? "the execution role "
                + roles.get(0) + " has lost its" : "the execution roles " + String.join(", ", roles) + " have lost"
                + " their";
        return "Lambda cannot delete " + (one ? "it" : "them") + " (" + role + " EC2 permissions), so no wait is long"
                + " enough, and no CloudFormation or Terraform timeout; " + (one ? "it" : "each") + " keeps its subnet"
                + " IP and its slot of the VPC's ENI quota until deleted by hand";
    }

    /** What to do about an orphaned teardown. */
    static String orphanedAdvice(Plan.TeardownWait t) {
        boolean many = t.rolesWithoutEc2().size() > 1;
        return "what to do: delete the " + (many ? "roles" : "role") + " last, or keep ec2:DeleteNetworkInterface in "
                + (many ? "their policies" : "its policy") + " until the ENIs are gone; ENIs already orphaned: delete"
                + " them by hand (aws ec2 delete-network-interface)";
    }

    /** A side-by-side cell of an orphaned teardown: "never (2 ENIs orphaned)". */
    private static String never(Plan.TeardownWait t) {
        return "never (" + enis(t.orphanedEnis()) + " orphaned)";
    }

    private static String upper(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A count of ENIs in words: "1 ENI", "3 ENIs". */
    static String enis(long n) {
        return n + (n == 1 ? " ENI" : " ENIs");
    }

    /** What the analytic teardown quantiles are of: "one ENI's deletion time", "max of 3 deletion times". */
    public static String deletionTimes(int enis) {
        return enis == 1 ? "one ENI's deletion time" : "max of " + enis + " deletion times";
    }

    /** A teardown quantile in minutes: "76 min", or "> 1,320 min" when it rests on a replication cut short. */
    public static String minutes(double seconds, boolean censored) {
        return String.format(java.util.Locale.ROOT, censored ? "> %,.0f min" : "%.0f min", seconds / 60);
    }

    /** A teardown quantile to the tenth of a minute, as the page's chart: "15.8 min", "&gt; 1,320 min" cut short. */
    public static String tenths(double seconds, boolean censored) {
        return String.format(java.util.Locale.ROOT, censored ? "> %,.0f min" : "%.1f min", seconds / 60);
    }

    /**
     * The function errors that are not capacity ({@link Plan#functionErrors}), said apart from the verdict: empty
     * when none.
     */
    static String functionErrorsFacts(Plan p) {
        return p.functionErrors().isEmpty() ? "" : "Function errors, not capacity (a function's own timeout against"
                + " its durations; kept out of the verdict, whatever the subnets and quotas): "
                + String.join("; ", p.functionErrors());
    }

    /**
     * Sizing concerns of the design, said as warnings beside what the run as it is showed ({@link Plan#failsAsIs}):
     * a subnet short of the plan's peak at its size now, a VPC at or over its ENI quota at the design's peak ("though
     * the run as it is had no IP failure" when none of that kind is in it). The terminal and the page say the same.
     */
    static List<String> asIsWarnings(Plan p) {
        List<String> out = new java.util.ArrayList<>();
        boolean ipFailure = p.failsAsIs().stream().anyMatch(l -> l.contains("SubnetIPAddressLimitReachedException")
                || l.contains("SubnetOutOfIPAddresses"));
        boolean eniFailure = p.failsAsIs().stream().anyMatch(l -> l.contains("ENILimitReachedException")
                || l.contains("EniLimitExceeded"));
        for (Plan.SubnetAdvice s : p.subnets()) {
            if (s.headroomIps() < 0 && s.headroomIps() + s.inactiveKeys() >= 0) {
                // short only of the keys asleep functions will need: the run never made them, so it had no failure
                long n = s.inactiveFunctions().size();
                out.add(label(p, s.subnet()) + " is " + ips(-s.headroomIps()) + " short of the design's peak at its"
                        + " size now"
                        + " (recommended /" + s.recommendedPrefix() + "): it holds today's traffic only while "
                        + (n == 1 ? "its Inactive function sleeps" : "its " + n + " Inactive functions sleep") + " ("
                        + names(s.inactiveFunctions()) + "); when " + (n == 1 ? "it wakes" : "they wake") + " (the"
                        + " first invocation after a quiet spell restores a function), " + (s.inactiveKeys() == 1
                        ? "its key needs an ENI" : "their " + s.inactiveKeys() + " keys need an ENI each"));
            } else if (s.headroomIps() < 0) {
                out.add(label(p, s.subnet()) + " is " + ips(-s.headroomIps()) + " short of the design's peak at its"
                        + " size now"
                        + " (recommended /" + s.recommendedPrefix() + ")" + (s.inactiveKeys() > 0 ? ", "
                        + s.inactiveKeys() + " of them for the keys of its Inactive functions" : "") + (ipFailure ? ""
                        : ", though the run as it is had no IP failure"));
            }
        }
        for (Plan.AccountQuota a : p.accountQuotas()) {
            if (a.spare() <= 0) { // the account that runs out first: its own quota, not the VPC's
                out.add("account " + a.account() + " is " + (a.spare() == 0 ? "at" : "over") + " its network-interface"
                        + " quota at the design's peak (" + accountQuotaFigures(p, a)
                        + "): raise it before the next scale-out");
            }
        }
        for (Plan.VpcAdvice v : p.vpcs()) {
            String others = v.otherUsedEnis() == 0 ? "" : ", " + v.otherUsedEnis() + " of them " + IN_PLACE;
            if (v.room() == 0) {
                out.add(label(p, v.vpc()) + " is at " + quotaOf(v) + " " + v.eniQuota() + " ENIs at the design's peak" + others
                        + (v.inactiveKeys() > 0 ? ", " + v.inactiveKeys() + " of them for the keys of its Inactive"
                        + " functions" : "") + ": no room for one more key");
            } else if (v.room() < 0 && v.room() + v.inactiveKeys() >= 0) {
                // short only of the keys asleep functions will need: the run never made them, so it had no failure
                long n = v.inactiveFunctions().size();
                out.add(label(p, v.vpc()) + "'s design needs " + enis(-v.room()) + " more than " + quotaOf(v) + " " + v.eniQuota()
                        + others + ": it holds today's traffic only while " + (n == 1 ? "its Inactive function sleeps"
                        : "its " + n + " Inactive functions sleep") + " (" + names(v.inactiveFunctions()) + "); when "
                        + (n == 1 ? "it wakes" : "they wake") + " (the first invocation after a quiet spell restores a"
                        + " function), " + (v.inactiveKeys() == 1 ? "its key needs an ENI" : "their "
                        + v.inactiveKeys() + " keys need an ENI each"));
            } else if (v.room() < 0) {
                out.add(label(p, v.vpc()) + "'s design needs " + enis(-v.room()) + " more than " + quotaOf(v) + " " + v.eniQuota()
                        + others + (v.inactiveKeys() > 0 ? ", " + v.inactiveKeys() + " of them for the keys of its"
                        + " Inactive functions" : "") + (eniFailure ? "" : ", though the run as it is had no ENI"
                        + " failure"));
            }
        }
        return out;
    }

    /**
     * Beside a subnet's check, when one size smaller refused its other tenants' growth with no IP failure of Lambda's:
     * the size is for that growth ({@link Plan.SubnetAdvice#othersRefusedOneSmaller}); when it had no failure and the
     * size counts keys of functions asleep in the runs ({@link Plan.SubnetAdvice#inactiveKeys}), that it is for them;
     * empty otherwise.
     */
    static String sizedForText(Plan.SubnetAdvice s, String separator) {
        if (s.othersRefusedOneSmaller() <= 0 && s.inactiveKeys() > 0 && s.failuresOneSmaller() == 0
                && s.runsOneSmaller() > 0) {
            // the runs one size smaller do not wake the asleep functions either: no failure there proves nothing
            return separator + "where the keys of its Inactive functions were not made: the size is for them when"
                    + " they wake, not for failures seen";
        }
        if (s.othersRefusedOneSmaller() <= 0) {
            return "";
        }
        return separator + "where the other tenants got " + (s.otherUsedIps()
                - s.othersRefusedOneSmaller()) + " of the " + s.otherUsedIps() + " IPs they asked for"
                + (s.failuresOneSmaller() > 0 ? "" : ": the size is driven by their requested growth, not by failures"
                + " seen");
    }

    /** "cannot grow in place: a /25 at 10.1.0.0 overlaps subnet-b (10.1.0.64/26); make a new /25 for it". */
    static String growText(Plan.SubnetAdvice s) {
        return "cannot grow in place: " + s.cannotGrowInPlace() + "; make a new /" + s.recommendedPrefix()
                + " elsewhere in the VPC's range and move the functions to it";
    }

    /** "1 of 20 replications cut short". */
    static String censoredText(Plan.TeardownWait t) {
        return t.censoredReplications() + " of " + t.replications() + " replication" + (t.replications() == 1 ? ""
                : "s") + " cut short";
    }

    /**
     * Under 100 replications a sample's 99th percentile is about its largest draw, which undershoots the real one
     * (3 runs of quickstart: 36 min against 45): said beside it, "" from 100 on.
     */
    public static String fewRuns(Plan.TeardownWait t) {
        return t.replications() >= 100 ? "" : " (of " + t.replications() + " run" + (t.replications() == 1 ? "" : "s")
                + ": about the largest, not a p99)";
    }

    /**
     * What the idle answer hangs on: the scenario's idle rule, which AWS does not give ("consecutive weeks"), and the
     * keep-warm margin. Said beside the answer, so that nobody sets a keep-warm schedule on 14 days as if AWS said so.
     */
    static String idleAssumption(Plan.IdleAdvice i) {
        return "(quiet up to: hyperplane.idleReclaimAfter, " + Assumptions.duration(i.longestQuietSeconds() * 1e6)
                + " here, an assumption: AWS documents only \"consecutive weeks\" of inactivity, and 14d is the field's"
                + " figure; set what your account shows with --set hyperplane.idleReclaimAfter=... . Keep warm: half"
                + " of it, a 2x margin)";
    }

    /**
     * What the keep-warm figures cover, once above them ("" when no function has one: each stays Active): a ping
     * every interval for 30 days at the scenario's prices, each a billed 1 ms request and, when the interval outlasts
     * the keep-alive, a cold start whose INIT is billed when {@code prices.billInit} is on (the figure priced a warm 1
     * ms request, about 30 times too low); with provisioned concurrency, that its cost is the run's estimate's, not
     * these figures'.
     */
    static String keepWarmCost(Plan p) {
        Plan.IdleAdvice first = p.idle().stream().filter(i -> !staysActive(i)).findFirst().orElse(null);
        if (first == null) {
            return "";
        }
        dev.enisim.scenario.Scenario sc = p.source();
        String every = quiet(first.keepWarmEverySeconds());
        if (sc == null) {
            return "(keep-warm cost: a ping every " + every + " for 30 days, each a billed request of 1 ms, and its"
                    + " INIT when the ping comes after more idle than the keep-alive, scaling.keepAlive)";
        }
        String keepAlive = Assumptions.duration(sc.keepAliveMicros());
        boolean cold = dev.enisim.metrics.CostEstimate.keepWarmPingIsCold(first.keepWarmEverySeconds(),
                sc.keepAliveMicros() / 1e6);
        String t = "(keep-warm cost: a ping every " + every + " for 30 days at " + sc.prices().region()
                + " list prices of " + sc.prices().date() + ", each a billed request running 1 ms [assumed]" + (!cold
                ? " on a warm environment (the " + keepAlive + " keep-alive, scaling.keepAlive, outlasts the idle)"
                : sc.prices().billInit() ? " and a cold start (" + every + " idle outlasts the " + keepAlive
                + " keep-alive, scaling.keepAlive), its INIT billed too (prices.billInit) at the function's mean"
                + " init time" : " and a cold start (" + every + " idle outlasts the " + keepAlive + " keep-alive,"
                + " scaling.keepAlive), its INIT not billed (prices.billInit: false)");
        if (Assumptions.notInForce(sc, "scaling.provisionedConcurrency.") == null) {
            t += "; provisioned concurrency's own cost is not in these figures: it is in the run's estimate (enisim"
                    + " run's cost line, summary.json's cost.provisioned)";
        }
        return t + ")";
    }

    /** How far either side of the rule plan's check probed, in seconds (an hour; half a rule of an hour or less). */
    static double idleMarginSeconds(Plan.IdleAdvice i) {
        return dev.enisim.plan.Planner.idleMargin(Math.round(i.longestQuietSeconds() * 1e6)) / 1e6;
    }

    /**
     * The idle check's two outcomes: "fails after a longer quiet, succeeds after a shorter one" when the check probed
     * an hour either side (a rule longer than an hour); the quiet periods tried when it probed half the rule either
     * side ("fails after 7.5 min of quiet, succeeds after 2.5 min"): "a longer quiet" there is minutes, not an hour.
     */
    static String idleVerdicts(Plan.IdleAdvice i) {
        String longer = i.failsAfterLongerQuiet() ? "fails" : "DOES NOT FAIL (!)";
        String shorter = i.passesAfterShorterQuiet() ? "succeeds" : "FAILS (!)";
        double margin = idleMarginSeconds(i);
        if (margin >= 3600) {
            return longer + " after a longer quiet, " + shorter + " after a shorter one";
        }
        return longer + " after " + quiet(i.longestQuietSeconds() + margin) + " of quiet, " + shorter + " after "
                + quiet(i.longestQuietSeconds() - margin);
    }

    /**
     * What the idle check did beyond its two quiet periods, empty when nothing: under a rule no longer than the wait
     * for the probe's first call (10 min in, creation surely over), the function was kept warm until then at the
     * advised interval, else it went Inactive before its first call and every such function read "FAILS (!) after a
     * shorter" quiet.
     */
    static String idleProbe(Plan.IdleAdvice i) {
        double start = dev.enisim.plan.Planner.IDLE_PROBE_START_MICROS / 1e6;
        if (i.longestQuietSeconds() > start) {
            return "";
        }
        return "the probe's first call " + quiet(start) + " in, creation over; the rule being no longer than that, each"
                + " function kept warm until then with a call every " + quiet(dev.enisim.plan.Planner.idleProbeEveryMicros(
                Math.round(i.longestQuietSeconds() * 1e6)) / 1e6);
    }

    /**
     * A quiet period in the unit that fits: "14.0 days" (as always for a day and more), "2.5 hours", "7.5 min",
     * "67.5 s", "50.0 ms", "2.0 us" (hours from two, minutes from two: "1.1 min" hid 67.5 s); a rule of minutes
     * read "0.0 days".
     */
    static String quiet(double seconds) {
        if (seconds >= 86_400) {
            return days(seconds);
        }
        if (seconds >= 7200) {
            return String.format(java.util.Locale.ROOT, "%.1f hours", seconds / 3600);
        }
        if (seconds >= 120) {
            return String.format(java.util.Locale.ROOT, "%.1f min", seconds / 60);
        }
        if (seconds >= 1) {
            return String.format(java.util.Locale.ROOT, "%.1f s", seconds);
        }
        if (seconds >= 0.001) {
            return String.format(java.util.Locale.ROOT, "%.1f ms", seconds * 1000);
        }
        return String.format(java.util.Locale.ROOT, "%.1f us", seconds * 1e6);
    }

    private static void idleSection(StringBuilder b, Plan p) {
        b.append("<section id=\"idle\"><h2>5. The idle rule</h2>\n");
        if (!p.failedFunctions().isEmpty()) {
            b.append("<p class=\"bad\">No keep-warm advice for ").append(escape(String.join(", ",
                    p.failedFunctions()))).append(": it ends Failed as it is, and keeping a Failed function warm "
                    + "does not help; fix its failure first.</p>\n");
        }
        p.noKeepWarm().forEach(n -> b.append("<p class=\"bad\">No keep-warm advice for ").append(escape(n))
                .append(".</p>\n"));
        if (p.idle().isEmpty() && p.failedFunctions().isEmpty()) {
            b.append("<p>No VPC function under the Hyperplane model: no Inactive state, no keep-warm needed.</p>\n");
        } else if (!p.idle().isEmpty()) {
            b.append("<p>How long a VPC function may stay quiet before Lambda reclaims its ENIs (its next invocation "
                    + "then fails, and every one after it until it has restored them), checked by simulation "
                    + (idleMarginSeconds(p.idle().get(0)) >= 3600 ? "one hour"
                    : quiet(idleMarginSeconds(p.idle().get(0)))) + " either side"
                    + (idleProbe(p.idle().get(0)).isEmpty() ? "" : " (" + idleProbe(p.idle().get(0)) + ")") + ". "
                    + escape(idleAssumption(p.idle().get(0))) + "</p>\n<div "
                    + "class=\"scroll\"><table>\n<tr><th scope=\"col\">function</th><th scope=\"col\">quiet up to</th><th scope=\"col\">keep warm every</th>"
                    + "<th scope=\"col\">check</th></tr>\n");
            for (List<Plan.IdleAdvice> g : idleGroups(p.idle())) {
                Plan.IdleAdvice i = g.get(0);
                String who = g.size() == 1 ? escape(i.function()) : "<b>" + g.size() + " functions alike</b>"
                        + escape(members(g));
                if (staysActive(i)) {
                    b.append("<tr><td>").append(who).append("</td><td class=\"n\">no limit</td>"
                            + "<td class=\"n\">not needed</td><td class=\"ok\">stays Active: succeeds after a quiet"
                            + " longer than the idle rule's (provisioned concurrency keeps it Active)</td></tr>\n");
                } else {
                    boolean ok = i.failsAfterLongerQuiet() && i.passesAfterShorterQuiet();
                    b.append("<tr><td>").append(who).append("</td><td class=\"n\">")
                            .append(quiet(i.longestQuietSeconds())).append("</td><td class=\"n\">")
                            .append(quiet(i.keepWarmEverySeconds())).append(" or less</td><td class=\"")
                            .append(ok ? "ok\">" + idleVerdicts(i)
                                    : "bad\">the simulation disagrees: see plan.json")
                            .append("</td></tr>\n");
                }
                if (i.inactiveNow() != null) { // beside the advice, a row of its own: its next call fails now
                    b.append("<tr class=\"inactive-now\"><td></td><td class=\"bad\" colspan=\"3\">")
                            .append(escape(inactiveNowText(g))).append("</td></tr>\n");
                }
            }
            b.append("</table></div>\n");
        }
        b.append("</section>\n");
    }

    /**
     * The simulation found no idle limit: the invocations after the longer and the shorter quiet both succeed (a
     * function with provisioned concurrency allocated stays Active, {@code keepsFunctionActive}).
     */
    static boolean staysActive(Plan.IdleAdvice i) {
        return !i.failsAfterLongerQuiet() && i.passesAfterShorterQuiet();
    }

    private static String days(double seconds) {
        return String.format(java.util.Locale.ROOT, "%.1f days", seconds / 86_400);
    }

    private static String ips(long n) {
        return String.format(java.util.Locale.ROOT, "%,d IP%s", n, n == 1 ? "" : "s");
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * The check one prefix smaller: its IP failures (invocations failing for an address, plus functions that could
     * not be created), why it was not run, or nothing when the recommended size is already the smallest.
     */
    static String smallerText(Plan.SubnetAdvice s, String separator) {
        int smaller = s.recommendedPrefix() + 1;
        if (s.failuresOneSmaller() == Plan.SubnetAdvice.OTHERS_DO_NOT_FIT) {
            // said plainly (session 55): "/27 cannot hold its 40 other addresses" left the reader to work out why
            long size = 1L << (32 - smaller);
            return separator + "not checked at /" + smaller + ": a /" + smaller + " has " + size + " addresses, 5 of"
                    + " them reserved by AWS, so " + (size - 5) + " usable, fewer than the " + s.otherUsedIps()
                    + " that other ENIs use in this subnet";
        }
        // how many runs each figure is from when they differ: "0 failures at /26 in 20 runs, 35,566 at /27" read as
        // if /27 had run 20 times too; it was one run (a product manager's review)
        return s.failuresOneSmaller() < 0 ? "" : separator + String.format(java.util.Locale.ROOT, "%,d",
                s.failuresOneSmaller()) + " at /" + smaller + (s.runsOneSmaller() == 1 && s.runsAtRecommended() > 1
                ? " in 1 run" : runs(s.runsOneSmaller(), " in "));
    }

    /** " in 20 runs" ("" for one). */
    static String runs(int n, String before) {
        return n > 1 ? before + n + " runs" : "";
    }

    /** The first limit's details as a list (none when nothing was hit). */
    private static void details(StringBuilder b, Plan.Headroom h) {
        if (!h.firstLimitDetails().isEmpty()) {
            b.append("<ul>\n");
            h.firstLimitDetails().forEach(d -> b.append("<li>").append(escape(d)).append("</li>\n"));
            b.append("</ul>\n");
        }
    }

    /**
     * "first limit between x10.3 and x10.8: concurrency (hit in any of 3 replications)", "first limit at x1.00: IP"
     * (today's traffic hits it), or "no limit hit up to x64".
     */
    /**
     * The limits met only in the warm-up up to the first limit, not counted (empty when none): "met only in the
     * warm-up (...), not counted: scaling-rate from x1.35".
     */
    static String warmUpText(Plan.Headroom h) {
        Map<String, Double> first = new java.util.LinkedHashMap<>();
        for (Plan.Probe p : h.probes()) {
            if (h.firstLimitAtMultiplier() != null && p.multiplier() > h.firstLimitAtMultiplier()) {
                continue;
            }
            for (String l : p.warmUpOnly()) {
                if (!h.limitsHit().contains(l)) { // the first limit itself is said above
                    first.merge(l, p.multiplier(), Math::min);
                }
            }
        }
        if (first.isEmpty()) {
            return "";
        }
        java.util.List<String> parts = new java.util.ArrayList<>();
        first.forEach((l, m) -> parts.add(String.format(java.util.Locale.ROOT, "%s from x%.2f", l, m)));
        return String.format(java.util.Locale.ROOT, "met only in the warm-up (the first %s of the run or of a"
                + " function's turning Active, while its environments ramp up from none; plan --warm-up), not"
                + " counted as a limit: %s", warmUpLength(h.warmUpSeconds()), String.join(", ", parts));
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1);
    }

    /**
     * How far the search's answer holds over random numbers (empty when it does not move with them: a limit at
     * today's traffic, or none up to the largest multiplier, in one search): with one search, that it is one seed's
     * answer; with several (plan --headroom-searches), each one's, the given (lowest) first.
     */
    static String searchesText(Plan p, Plan.Headroom h) {
        if (h.searches().isEmpty()) {
            if (h.lastClearMultiplier() == null) {
                return "";
            }
            return String.format(java.util.Locale.ROOT, "one search, on seed %d's replications %s: other random"
                    + " numbers move the figure; plan --headroom-searches 3 runs three, each on its own replications,"
                    + " and gives the lowest with the spread", p.seed(),
                    replicationRange(0, h.replications()));
        }
        List<String> parts = new java.util.ArrayList<>();
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        boolean none = false;
        for (int i = 0; i < h.searches().size(); i++) {
            Plan.Search x = h.searches().get(i);
            String at = x.firstLimitAtMultiplier() == null ? String.format(java.util.Locale.ROOT, "none up to x%.0f",
                    h.largestTried()) : x.lastClearMultiplier() == null ? String.format(java.util.Locale.ROOT,
                    "x%.2f", x.firstLimitAtMultiplier()) : String.format(java.util.Locale.ROOT, "x%.3g-x%.3g",
                    x.lastClearMultiplier(), x.firstLimitAtMultiplier());
            parts.add(at + " (" + replicationRange(x.firstReplication(), h.replications()) + (i == 0 ? ", given" : "")
                    + ")");
            if (x.firstLimitAtMultiplier() == null) {
                none = true;
            } else {
                lo = Math.min(lo, x.lastClearMultiplier() == null ? x.firstLimitAtMultiplier()
                        : x.lastClearMultiplier());
                hi = Math.max(hi, x.firstLimitAtMultiplier());
            }
        }
        String spread = none || lo == Double.POSITIVE_INFINITY ? "" : String.format(java.util.Locale.ROOT,
                ": the first limit lies between x%.3g and x%.3g by the random numbers", lo, hi);
        return String.format(java.util.Locale.ROOT, "%d searches on seed %d, each on its own replications: %s%s",
                h.searches().size(), p.seed(), String.join(", ", parts), spread);
    }

    /** "0-2" for three replications from 0, "3" for one. */
    private static String replicationRange(int first, int n) {
        return n == 1 ? String.valueOf(first) : first + "-" + (first + n - 1);
    }

    /**
     * The headroom of the rollout in waves under EC2's request limit, or why there is none: "with the functions
     * created in waves that EC2's request limit accepts (...): first limit ...".
     */
    static String staggeredText(Plan.Headroom h) {
        Plan.Staggered st = h.staggered();
        String limit = String.format(java.util.Locale.ROOT, "hyperplane.ec2RequestLimit: %d calls at once, refilled"
                + " at %s", st.burst(), rate(st.refillPerSecond()));
        String design = h.atRecommendedSizes() != null ? "with every subnet at its recommended size and the functions"
                + " created in waves that EC2's request limit accepts (" : "with the functions created in waves that"
                + " EC2's request limit accepts (";
        if (st.headroom() == null) {
            return "no rollout in waves keeps the deployment within EC2's request limit (" + limit + "): "
                    + st.cannot();
        }
        return design + limit + "): " + headroomText(st.headroom());
    }

    /**
     * "rollout: at 0 s orders, payments (4 new ENIs); at 121 s (2.0 min) reports (2 new ENIs)"; a wave whose keys
     * scale out says by how many: "(2 new ENIs, 2 more as their keys scale out)".
     */
    public static String wavesText(Plan.Staggered st) {
        List<String> parts = new java.util.ArrayList<>();
        for (Plan.Wave w : st.waves()) {
            parts.add(String.format(java.util.Locale.ROOT, "at %.0f s%s %s (%d new ENI%s%s)", w.atSeconds(),
                    w.atSeconds() >= 60 ? String.format(java.util.Locale.ROOT, " (%.1f min)", w.atSeconds() / 60) : "",
                    String.join(", ", w.functions()), w.enis(), w.enis() == 1 ? "" : "s", w.scaleOutEnis() == 0 ? ""
                    : String.format(java.util.Locale.ROOT, ", %d more as %s scale%s out", w.scaleOutEnis(),
                    w.enis() == 1 ? "its key" : "their keys", w.enis() == 1 ? "s" : "")));
        }
        return "rollout: create " + (parts.isEmpty() ? "nothing" : String.join("; ", parts)) + (st.enisInPlace() == 0
                ? "" : " (the " + st.enisInPlace() + " ENIs in place at the start on keys Hyperplane scaled out before"
                + " the run, vpcs[*].enisAtStart, hold their addresses already and need no call: only those keys'"
                + " scale-out beyond them is taken from the bucket at 0 s)");
    }

    /** A refill rate in words: "1 a minute", "0.5 a second". */
    private static String rate(double perSecond) {
        double perMinute = perSecond * 60;
        if (Math.abs(perMinute - Math.rint(perMinute)) < 1e-9 && perSecond < 1) {
            return String.format(java.util.Locale.ROOT, "%.0f a minute", perMinute);
        }
        return String.format(java.util.Locale.ROOT, "%.4g a second", perSecond);
    }

    static String headroomText(Plan.Headroom h) {
        return h.firstLimitAtMultiplier() == null ? String.format(java.util.Locale.ROOT, "no ENI, IP, connections,"
                + " concurrency, scaling-rate, request-rate or EC2-request-rate limit hit up to x%.0f%s", h.largestTried(), h.replications() > 1
                ? " in any of " + h.replications() + " replications" : "") : "first limit " + limitAt(h) + ": "
                + String.join(", ", h.limitsHit()) + anyOf(h);
    }

    /**
     * Where the first limit is, to the search's precision: "between x10.3 and x10.8" (none hit at the lower, one at
     * the upper; the search stops within 5%, so three digits), or "at x1.00" when today's traffic hits it (it said
     * "x10.83" from one run, a figure that moved 14% with the seed).
     */
    public static String limitAt(Plan.Headroom h) {
        return h.lastClearMultiplier() == null ? String.format(java.util.Locale.ROOT, "at x%.2f",
                h.firstLimitAtMultiplier()) : String.format(java.util.Locale.ROOT, "between x%.3g and x%.3g",
                h.lastClearMultiplier(), h.firstLimitAtMultiplier());
    }

    /** " (a limit counts when any of 3 replications hits it)", "" for one. */
    private static String anyOf(Plan.Headroom h) {
        return h.replications() > 1 ? " (a limit counts when any of " + h.replications() + " replications hits it)"
                : "";
    }
}
