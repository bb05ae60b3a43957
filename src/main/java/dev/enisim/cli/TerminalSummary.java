package dev.enisim.cli;

import dev.enisim.metrics.RunSummary;
import dev.enisim.report.WarmUpWords;
import dev.enisim.run.RunResult;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The few lines a user reads after {@code enisim run}: bounded whatever the size of the run (the
 * {@value #TOP} most relevant VPCs, subnets and functions, then how many more are in summary.json).
 */
final class TerminalSummary {

    static final int TOP = 10;

    private TerminalSummary() {
    }

    static void print(PrintWriter out, RunResult r) {
        RunSummary s = r.summary();
        RunSummary.Invocations inv = s.invocations();
        out.printf(java.util.Locale.ROOT, "%s (seed %d): %s simulated, %,d events%n", s.scenario(), s.seed(),
                Format.duration(r.scenario().durationMicros()), s.events().total());
        if (!s.overrides().isEmpty()) {
            out.println(dev.enisim.report.ReportWriter.overridesLine(s.overrides()));
        }
        if (s.warmUpSeconds() != null) {
            out.println(WarmUpWords.opening(WarmUpWords.statistics(Format.duration(Math.round(s.warmUpSeconds()
                    * 1e6)))) + ": events, invocations, latency, concurrency, environments, cold starts, cost,"
                    + " queued events, SQS messages, provisioned concurrency and accounts from its end; the ENIs,"
                    + " subnets and states are the whole run's");
        }
        // every request, refused ones included: not CloudWatch's Invocations (timeseries.csv), which counts those that
        // ran, and said so with its figure (quickstart's "Invocations 565,005" beside a CSV column summing to 520,089)
        out.printf(java.util.Locale.ROOT, "Invocation requests %,d: %,d succeeded, %,d throttled, %,d function errors, %,d invoke errors"
                + " (CloudWatch's Invocations, as in timeseries.csv, counts only those that ran: %,d)%n",
                inv.total(), inv.succeeded(), inv.throttled(), inv.functionErrors(),
                inv.errors().values().stream().mapToLong(Long::longValue).sum(),
                dev.enisim.report.HtmlReport.cloudWatchInvocations(r));
        for (Map.Entry<String, Long> e : inv.errors().entrySet()) {
            if (e.getValue() > 0) {
                out.printf(java.util.Locale.ROOT, "  %-40s %,d%n", e.getKey(), e.getValue());
            }
        }
        // each throttle's Reason and why, as the page's What failed says it: a 600-function account's 13.4 M
        // throttles at 3x traffic were "13,454,530 throttled", the account's cap on requests named nowhere
        for (Map.Entry<String, Long> e : inv.throttleReasons().entrySet()) {
            if (e.getValue() > 0) {
                String why = dev.enisim.report.page.AccountRate.why(r, e.getKey());
                out.printf(java.util.Locale.ROOT, "  Throttled: %-49s %,d%s%n", e.getKey(), e.getValue(), why.isEmpty() ? "" : " (" + why
                        + ")");
            }
        }
        rejected(out, r);
        out.printf(java.util.Locale.ROOT, "Peak ConcurrentExecutions %,d%s%n", s.peakConcurrentExecutions(),
                dev.enisim.report.ConcurrencyNearLimit.of(r)); // "of 1,000 (98.8% ...)" when near it
        // those in place at the start (an existing function's) apart from those the run created: teardown's 5 were
        // "5 created" though none was
        RunSummary.Enis enis = s.enis();
        out.printf(java.util.Locale.ROOT, "%s ENIs: %s%d created%s, peak %d, %d at the end%n",
                r.scenario().networkModel() == dev.enisim.model.NetworkModel.LEGACY ? "Legacy" : "Hyperplane",
                enis.inPlaceAtStart() == 0 ? "" : enis.inPlaceAtStart() + " in place at the start, ",
                enis.createdDuringRun(), enis.inPlaceAtStart() == 0 ? "" : " during the run", enis.peak(),
                enis.fin());
        if (s.enis().orphaned() > 0) {
            out.printf(java.util.Locale.ROOT, "Orphaned ENIs: %d (Lambda could not delete them: their execution role had lost its EC2"
                    + " permissions; each kept its IP and quota slot until deleted by hand)%n", s.enis().orphaned());
        }
        outages(out, r);
        teardowns(out, r);
        RunSummary.Latency lat = s.latencyMillis();
        if (lat.count() == 0) {
            out.println("Latency: none (no invocation succeeded)");
        } else {
            // seconds when the median is a second or more: a batch job's "p50 139461" (ms) read as a count
            boolean secs = dev.enisim.report.HtmlReport.inSeconds(lat.p50());
            String f = secs ? "%,.1f" : "%,.0f"; // "p99 2,375, max 27,705", as the page writes them
            double k = secs ? 1000 : 1;
            // the cold starts' p50 is their invocations' latency (init + duration), not the cold start's length:
            // idle-reclaim's "(p50 138.9 s)" read as "a cold start takes 2 minutes" (teacher, session 51)
            out.printf(java.util.Locale.ROOT, "Latency (%s) of the %,d successful invocations: p50 " + f + ", p90 " + f + ", p99 " + f
                    + ", max " + f + "; %,d of them cold starts%s%n",
                    secs ? "s" : "ms", lat.count(), lat.p50() / k, lat.p90() / k, lat.p99() / k, lat.max() / k,
                    lat.coldStarts(),
                    lat.coldStarts() == 0 ? "" : String.format(java.util.Locale.ROOT, " (their latency, init + duration: p50 " + f + " %s)",
                            lat.coldStartP50() / k, secs ? "s" : "ms"));
        }
        String cold = dev.enisim.report.page.CostLine.coldStarts(s); // as the page's Answers tell them
        if (cold != null) {
            out.println(cold);
        }
        String cost = dev.enisim.report.page.CostLine.terminal(s); // the page's figures, its rounding
        if (cost != null) {
            out.println(cost);
        }
        List<Map.Entry<String, RunSummary.VpcSummary>> vpcs = new ArrayList<>(s.vpcs().entrySet());
        vpcs.sort(Comparator.comparingDouble(e -> -(e.getValue().byAccount() == null ? e.getValue().peakEnis()
                : e.getValue().mostUsed()) / (double) Math.max(1, e.getValue().eniQuota())));
        // legacy: no Hyperplane ENI quota applies; the VPC's limit is legacy.eniLimit, what eniQuota then holds
        boolean legacy = r.scenario().networkModel() == dev.enisim.model.NetworkModel.LEGACY;
        for (Map.Entry<String, RunSummary.VpcSummary> v : top(vpcs)) {
            out.printf(java.util.Locale.ROOT, "  %-20s %s%s%n", dev.enisim.report.Labels.of(r.scenario(), v.getKey()),
                    quotaUse(r.scenario(), v.getKey(), v.getValue(), legacy ? "legacy.eniLimit" : "quota"),
                    legacy ? " (EC2 network interfaces: the Hyperplane ENI quota does not apply)" : "");
        }
        more(out, vpcs.size(), "VPCs");
        if (s.region() != null && !s.vpcs().isEmpty() && s.region().byAccount() != null) {
            // EC2's network interfaces per Region are a quota of each account: one line each
            for (Map.Entry<String, RunSummary.Region> a : s.region().byAccount().entrySet()) {
                RunSummary.Region x = a.getValue();
                out.printf(java.util.Locale.ROOT, "  %-20s peak %,d of %,d network interfaces (account %s: its functions' ENIs, its VPCs'"
                        + " other services'%s)%n", "Region", x.peakNetworkInterfaces(), x.networkInterfacesPerRegion(),
                        a.getKey(), x.outsideVpcs() == 0 ? "" : String.format(java.util.Locale.ROOT, "; %,d in no VPC's quota",
                                x.outsideVpcs()));
            }
        } else if (s.region() != null && !s.vpcs().isEmpty()) {
            long outside = s.region().outsideVpcs();
            out.printf(java.util.Locale.ROOT, "  %-20s peak %,d of %,d network interfaces (all VPCs, Lambda's and other services'%s)%n",
                    "Region", s.region().peakNetworkInterfaces(), s.region().networkInterfacesPerRegion(),
                    outside == 0 ? "" : String.format(java.util.Locale.ROOT, "; %,d of them in no VPC's quota: EC2 instances', tasks'...",
                            outside));
        }
        dev.enisim.report.Narrative.When when = dev.enisim.report.Narrative.When.of(r.scenario());
        List<Map.Entry<String, RunSummary.SubnetSummary>> subnets = new ArrayList<>(s.subnets().entrySet());
        // a run without a VPC said "Subnets (...):" over nothing (burst-scaling)
        out.println(subnets.isEmpty() ? "No VPC: no function is attached to one, no ENI, no subnet IP used"
                : "Subnets (usable IPs, fewest free; the fullest first):");
        subnets.sort(Comparator.comparingDouble(e -> e.getValue().minAvailableIps() / (double) Math.max(1,
                e.getValue().usableIps())));
        // the labels' column as wide as the longest shown (a Name tag beside the id: "private-a (subnet-0a1b...)"),
        // at least 20: the columns after it line up
        int width = 20;
        for (Map.Entry<String, RunSummary.SubnetSummary> e : top(subnets)) {
            width = Math.max(width, dev.enisim.report.Labels.of(r.scenario(), e.getKey()).length());
        }
        for (Map.Entry<String, RunSummary.SubnetSummary> e : top(subnets)) {
            RunSummary.SubnetSummary sub = e.getValue();
            // other tenants' figure is the run's end (summary.json's); when the timeline changed it, its values
            // before: a subnet filled from 15d to 25d read "0 used by others, min free 0" (a teacher's review)
            String during = dev.enisim.report.page.OtherTenants.during(r, e.getKey(), when);
            out.printf(java.util.Locale.ROOT, "  %-" + width + "s %-18s %5d usable, %5d used by others (end), min free %d%s%n",
                    dev.enisim.report.Labels.of(r.scenario(), e.getKey()), sub.cidr(),
                    sub.usableIps(), sub.otherUsedIps(), sub.minAvailableIps(), during.isEmpty() ? ""
                            : " (used by others: " + during + ")");
        }
        more(out, subnets.size(), "subnets");
        out.println("Functions (" + dev.enisim.report.page.Stranded.ORDER + "):");
        List<Map.Entry<String, RunSummary.FunctionSummary>> fns = new ArrayList<>(s.functions().entrySet());
        // a function left Inactive by a failed restore (no IP...) cannot serve as a Failed one: a 600-function
        // account's 4 were among 590 quiet Active ones
        fns.sort(dev.enisim.report.page.Stranded.order()); // failed VPC updates next, as the page lists them
        // the state column as wide as the longest shown, at least 8: a state with its reason
        // ("Failed/SubnetOutOfIPAddresses") pushed its line's figures past the others'
        int stateWidth = 8;
        for (Map.Entry<String, RunSummary.FunctionSummary> e : top(fns)) {
            stateWidth = Math.max(stateWidth, state(e.getValue()).length());
        }
        for (Map.Entry<String, RunSummary.FunctionSummary> e : top(fns)) {
            RunSummary.FunctionSummary f = e.getValue();
            // a failed update, as the page's verdict tells it: redeploy-new-subnets with its new subnet full said
            // "checkout Active", the update's failure in the narrative only (a teacher's review)
            String update = dev.enisim.report.page.FailedUpdates.note(r, e.getKey(), when);
            // with accounts, each function's account after its name: who is Failed on a shared subnet, and whose
            // functions those are (a multi-account platform owner's review, session 60)
            out.printf(java.util.Locale.ROOT, "  %-24s %s%-" + stateWidth + "s %,10d requests, %,d ok%s%n", e.getKey(),
                    r.scenario().multiAccount() ? "account " + r.scenario().accounts().of(e.getKey()) + "  " : "",
                    state(f), f.invocations().total(), f.invocations().succeeded(), update.isEmpty() ? "" : "; "
                    + update);
        }
        more(out, fns.size(), "functions");
        String counts = dev.enisim.report.page.Stranded.counts(s);
        if (!counts.isEmpty()) {
            out.println(counts);
        }
    }

    /** A function's final state, its reason after a slash when it has one ("Failed/SubnetOutOfIPAddresses"). */
    private static String state(RunSummary.FunctionSummary f) {
        return f.finalState() + (f.finalReasonCode() == null ? "" : "/" + f.finalReasonCode());
    }

    /**
     * A VPC's quota in use at the peak: Lambda's peak, and the ENIs already in place in its quota ({@code
     * otherUsedEnis}) beside it: "peak 9 + 5 ENIs already in place (...) = 14 of quota 500". When the timeline
     * changes those ({@code setOtherUsedEnis}), the summary has them at the end only: they are said apart, with no
     * sum.
     */
    static String quotaUse(dev.enisim.scenario.Scenario scenario, String vpc, RunSummary.VpcSummary v, String quota) {
        if (v.byAccount() != null) { // eniQuotaCountedPer: account: each account's copy; the fullest said
            Map.Entry<String, RunSummary.VpcSummary> fullest = null;
            for (Map.Entry<String, RunSummary.VpcSummary> a : v.byAccount().entrySet()) {
                if (fullest == null || a.getValue().peakEnis() + a.getValue().otherUsedEnis()
                        > fullest.getValue().peakEnis() + fullest.getValue().otherUsedEnis()) {
                    fullest = a;
                }
            }
            return "peak " + v.peakEnis() + " of every account's; the quota is each account's"
                    + " (eniQuotaCountedPer: account), the fullest " + (fullest.getKey().isEmpty() ? "the account's"
                    : "account " + fullest.getKey() + "'s") + ": " + quotaUse(scenario, vpc, fullest.getValue(), quota);
        }
        int others = v.otherUsedEnis();
        if (others == 0) {
            return "peak " + v.peakEnis() + " of " + quota + " " + v.eniQuota();
        }
        String what = others + " " + (dev.enisim.report.page.Headlines.inPlace(scenario)
                ? dev.enisim.report.page.Headlines.IN_PLACE : "ENIs of other services");
        boolean changed = false;
        for (dev.enisim.scenario.Scenario.At a : scenario.timeline()) {
            changed |= a.action() instanceof dev.enisim.model.SimEvent.SetOtherUsedEnis o
                    && scenario.vpcs().get(o.vpc()).id().equals(vpc);
        }
        if (changed) {
            return "peak " + v.peakEnis() + " of " + quota + " " + v.eniQuota() + ", " + what + " at the end of the"
                    + " run (the timeline changes them)";
        }
        return "peak " + v.peakEnis() + " + " + what + " = " + (v.peakEnis() + others) + " of " + quota + " "
                + v.eniQuota();
    }
    /**
     * How long each teardown that released ENIs waited until the last was gone (teardown.yaml's question, on the page
     * only before): the {@value #TOP} longest first, then how many more and how many had no ENI to wait for, and for
     * functions deleted together (a stack's deletion) how long the whole took: its longest wait. A 600-function
     * stack's deletion listed 10 of its 32 waits in name order, and not its 41 minutes.
     */
    private static void teardowns(PrintWriter out, RunResult r) {
        List<RunSummary.Teardown> all = r.summary().teardowns();
        List<RunSummary.Teardown> ts = dev.enisim.report.page.Headlines.waitedLongestFirst(all).stream()
                .filter(t -> t.enis() > 0).toList();
        if (ts.isEmpty()) {
            return;
        }
        dev.enisim.report.Narrative.When when = dev.enisim.report.Narrative.When.of(r.scenario());
        // idle reclaims are among them: named in the heading, as the page's "Teardown and idle-reclaim waits"
        // (a teacher's review of idle-reclaim)
        boolean idle = ts.stream().anyMatch(t -> t.action().equals("idle reclaim"));
        out.println((idle ? "Teardown and idle-reclaim waits" : "Teardown waits")
                + " (from the ENIs' release until the last was gone):");
        for (RunSummary.Teardown t : top(ts)) {
            out.printf(java.util.Locale.ROOT, "  %-24s %s: %d ENI%s, %s%n", t.function(), when(r, t, when), t.enis(),
                    t.enis() == 1 ? "" : "s", dev.enisim.report.page.Headlines.teardownWords(r, t, when));
        }
        long none = all.stream().filter(t -> t.enis() == 0).count();
        if (ts.size() > TOP) {
            out.printf(java.util.Locale.ROOT, "  ... %,d more teardowns that waited in summary.json%s%n", ts.size() - TOP, none == 0 ? ""
                    : String.format(java.util.Locale.ROOT, ", and %,d with no ENI to wait for", none));
        } else if (none > 0 && ts.size() + none > TOP) {
            out.printf(java.util.Locale.ROOT, "  and %,d with no ENI to wait for%n", none);
        }
        for (Map.Entry<Double, List<RunSummary.Teardown>> e : dev.enisim.report.page.Headlines.deletedTogether(all)
                .entrySet()) {
            List<RunSummary.Teardown> group = e.getValue();
            RunSummary.Teardown longest = null;
            boolean open = false;
            for (RunSummary.Teardown t : group) {
                open |= dev.enisim.report.page.Headlines.stillOpen(r, t);
                Double wait = dev.enisim.report.page.Headlines.waitOf(r, t);
                if (t.enis() > 0 && wait != null && (longest == null
                        || wait > dev.enisim.report.page.Headlines.waitOf(r, longest))) {
                    longest = t;
                }
            }
            if (group.size() < 2 || longest == null && !open) {
                continue;
            }
            out.printf(java.util.Locale.ROOT, "  %,d functions deleted together at %s (as a stack's deletion): %s%n", group.size(),
                    when.at(dev.enisim.metrics.Seconds.toMicros(e.getKey())), open ? "not finished at the end of the"
                    + " run (an ENI still there)" : "done after " + dev.enisim.report.Narrative.clock(
                            dev.enisim.metrics.Seconds.toMicros(dev.enisim.report.page.Headlines.waitOf(r, longest))) + ", the longest wait ("
                            + longest.function() + "'s)");
        }
    }

    /**
     * The timeline's actions Lambda refused (summary.json's {@code rejectedActions}), the first {@value #TOP}: a
     * replay's second UpdateFunctionConfiguration, refused while the first was InProgress, was in the narrative only.
     */
    private static void rejected(PrintWriter out, RunResult r) {
        List<RunSummary.Rejected> all = r.summary().rejectedActions();
        if (all.isEmpty()) {
            return;
        }
        dev.enisim.report.Narrative.When when = dev.enisim.report.Narrative.When.of(r.scenario());
        out.printf(java.util.Locale.ROOT, "Timeline actions Lambda rejected (they changed nothing): %,d%n", all.size());
        for (RunSummary.Rejected a : top(all)) {
            out.println("  " + dev.enisim.report.page.RejectedActions.line(a, when));
        }
        more(out, all.size(), "rejected actions");
    }

    /**
     * A teardown's action and when: "deleteFunction at Tue 15:00:00"; an update's old ENIs are released when the
     * new ones are ready, after the update was requested, so both are said ("updateVpcConfig requested at Tue
     * 15:00:00, old ENIs released at Tue 15:02:26": the release alone read as the call's time).
     */
    static String when(RunResult r, RunSummary.Teardown t, dev.enisim.report.Narrative.When when) {
        long released = dev.enisim.metrics.Seconds.toMicros(t.releasedAtSeconds());
        if (t.releasedAtSeconds() > t.requestedAtSeconds()) {
            return t.action() + " requested at " + when.at(dev.enisim.metrics.Seconds.toMicros(t.requestedAtSeconds()))
                    + ", old ENIs released at " + when.at(released);
        }
        return t.action() + " at " + when.at(released);
    }

    /**
     * Each Availability Zone's outage ({@code azOutage}), a few lines: when, its subnets, the ENIs there that carried no
     * traffic meanwhile and their keys, and what it did to the functions with a subnet in it (the page's verdict
     * counts, {@link dev.enisim.report.page.Outages}). A 600-function account's run with an outage said nothing of it
     * here.
     */
    private static void outages(PrintWriter out, RunResult r) {
        List<dev.enisim.report.page.Outages.Outage> all = dev.enisim.report.page.Outages.of(r);
        dev.enisim.report.Narrative.When when = dev.enisim.report.Narrative.When.of(r.scenario());
        long end = r.scenario().durationMicros();
        long b0 = r.timeSeries().bucketMicros();
        for (dev.enisim.report.page.Outages.Outage o : all) {
            out.printf(java.util.Locale.ROOT, "Availability Zone %s unavailable from %s to %s (azOutage): %s%s%n", o.az(),
                    when.at(o.fromMicros()), o.toMicros() >= end ? "the end of the run" : when.at(o.toMicros()),
                    o.subnets().isEmpty() ? "no subnet of the scenario there" : count(o.subnets().size(), "subnet")
                    + " (" + names(o.subnets()) + ")", o.enis().isEmpty() ? ", no ENI there" : ", whose "
                    + count(o.enis().size(), "ENI") + " of " + count(o.keys().size(), "key") + " carried no traffic"
                    + " meanwhile");
            String lasted = o.whole() ? "while it lasted" : "from " + when.at(o.firstBucket() * b0) + " to "
                    + when.at(Math.min((o.lastBucket() + 1) * b0, end)) + ", the buckets it touched";
            if (!o.touchesAFunction()) {
                out.println("  no function has a subnet there");
                continue;
            }
            if (!o.stopped().isEmpty()) {
                out.printf(java.util.Locale.ROOT, "  %s with no subnet in an AZ that stayed up: %,d invocation%s failed with"
                        + " ServiceException %s: %s%n", count(o.stopped().size(), "function"), o.serviceExceptions(),
                        o.serviceExceptions() == 1 ? "" : "s", lasted, names(o.stopped().keySet()));
            }
            List<String> unharmed = new ArrayList<>();
            List<String> harmed = new ArrayList<>();
            o.spread().forEach((fn, n) -> (n == 0 ? unharmed : harmed).add(fn));
            if (!unharmed.isEmpty()) {
                out.printf(java.util.Locale.ROOT, "  %s with subnets in other AZs too: no invocation refused by Lambda %s (Lambda used %s"
                        + " subnets in the AZs still up): %s%n", count(unharmed.size(), "function"), lasted,
                        unharmed.size() == 1 ? "its" : "their", names(unharmed));
            }
            if (!harmed.isEmpty()) {
                out.printf(java.util.Locale.ROOT, "  %s with subnets in other AZs too still had %,d invocation%s refused by Lambda %s (the"
                        + " page's What failed says why): %s%n", count(harmed.size(), "function"),
                        o.refusedElsewhere(), o.refusedElsewhere() == 1 ? "" : "s", lasted, names(harmed));
            }
        }
    }

    /** "1 subnet", "5 subnets". */
    private static String count(int n, String what) {
        return String.format(java.util.Locale.ROOT, "%,d %s%s", n, what, n == 1 ? "" : "s");
    }

    /** Up to five names and how many more. */
    private static String names(java.util.Collection<String> all) {
        List<String> l = new ArrayList<>(all);
        return l.size() <= 5 ? String.join(", ", l) : String.join(", ", l.subList(0, 5)) + String.format(
                java.util.Locale.ROOT, " and %,d more", l.size() - 5);
    }

    private static <T> List<T> top(List<T> all) {
        return all.subList(0, Math.min(TOP, all.size()));
    }

    private static void more(PrintWriter out, int total, String what) {
        if (total > TOP) {
            out.printf(java.util.Locale.ROOT, "  ... %,d more %s in summary.json%n", total - TOP, what);
        }
    }
}
