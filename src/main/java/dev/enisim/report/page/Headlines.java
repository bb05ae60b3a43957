package dev.enisim.report.page;

import dev.enisim.metrics.JournalEntry;
import dev.enisim.metrics.Metric;
import dev.enisim.metrics.RunSummary;
import dev.enisim.metrics.Seconds;
import dev.enisim.metrics.Series;
import dev.enisim.metrics.TimeSeries;
import dev.enisim.model.RequestRateLimit;
import dev.enisim.model.function.State;
import dev.enisim.report.HtmlReport;
import dev.enisim.report.Narrative;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answers at the top of a report, read off the run so that nobody subtracts timestamps by hand: what failed,
 * when and why (each invoke error, throttle reason and function-error cause with counts, functions, first and
 * last time), functions that went Failed or stayed Pending too long, teardown waits, peak ENIs against the
 * quota, and the fewest free IPs per subnet. Every table is bounded ({@value #ROWS} rows, the rest counted).
 */
public final class Headlines {

    static final int ROWS = 20;

    /** One kind of failure over the run. Times in microseconds. */
    public record Failure(String outcome, String why, long count, Map<String, Long> byFunction, long firstMicros,
            long lastMicros) {
    }

    private Headlines() {
    }

    /**
     * Failures by outcome, most frequent first. First = the first failing invocation; last = the end of the last
     * spell with one (capped by the end of the last time-series bucket that counted one).
     */
    public static List<Failure> failures(RunResult r) {
        Map<String, long[]> agg = new LinkedHashMap<>(); // count, first, last
        Map<String, Map<String, Long>> fns = new LinkedHashMap<>();
        boolean legacy = r.scenario().networkModel() == dev.enisim.model.NetworkModel.LEGACY;
        Map<String, String> stateOf = new java.util.HashMap<>(); // each function's state as the journal goes
        Map<String, String> reasonOf = new java.util.HashMap<>(); // and its state's reason code
        Map<String, Map<String, long[]>> whyCounts = new LinkedHashMap<>(); // per outcome, per why: count, first
        ScaleOutRefusal refusals = ScaleOutRefusal.of(r);
        AccountRate rate = AccountRate.of(r);
        for (JournalEntry e : r.journal()) {
            if (e.kind() == JournalEntry.Kind.FUNCTION_STATE) {
                stateOf.put(e.subject(), e.state());
                reasonOf.put(e.subject(), e.reason());
            }
            if (e.kind() != JournalEntry.Kind.INVOCATIONS || e.state().equals("SUCCESS")) {
                continue;
            }
            String outcome;
            String why;
            if (e.state().startsWith("FUNCTION_ERROR")) {
                outcome = "Function error " + e.detail();
                why = cause(e.detail());
            } else if (e.reason().equals("TooManyRequestsException")) {
                outcome = "TooManyRequestsException (" + e.detail() + ")";
                // a request rate's throttle: the limit that refused it, as the run recorded it (the account's cap,
                // the function's reserved or provisioned concurrency's, the rise, the scaling rate)
                why = AccountRate.isRate(e.detail()) ? AccountRate.why(r, e.subject(), e.detail(), rate)
                        : cause(e.detail());
            } else {
                outcome = e.reason();
                boolean active = !legacy && "Active".equals(stateOf.get(e.subject()));
                why = legacy ? legacyCause(e.reason()) : active ? activeCause(e.reason()) : cause(e.reason());
                if (!legacy && !active && e.reason().equals("ENILimitReachedException")) {
                    why = eniLimitCause(r, e.subject());
                }
                if (!legacy && "Failed".equals(stateOf.get(e.subject())) && e.reason().equals(
                        "ResourceConflictException")) {
                    why = failedConflict(reasonOf.get(e.subject()));
                }
                // the subnet (or VPC quota) that refused the scale-out, as the story names it
                String where = active && !why.equals(cause(e.reason())) ? refusals.where(e) : null;
                why += where == null ? "" : "; full: " + where;
            }
            long[] a = agg.computeIfAbsent(outcome, k -> new long[] {0, Long.MAX_VALUE, 0});
            a[0] += e.count();
            a[1] = Math.min(a[1], e.atMicros());
            a[2] = Math.max(a[2], e.lastMicros()); // the last failure of the spell, timed
            fns.computeIfAbsent(outcome, k -> new LinkedHashMap<>()).merge(e.subject(), e.count(), Long::sum);
            long[] w = whyCounts.computeIfAbsent(outcome, k -> new LinkedHashMap<>()).computeIfAbsent(why,
                    k -> new long[] {0, Long.MAX_VALUE});
            w[0] += e.count();
            w[1] = Math.min(w[1], e.atMicros());
        }
        List<Failure> out = new ArrayList<>();
        Narrative.When when = Narrative.When.of(r.scenario());
        agg.forEach((k, a) -> out.add(new Failure(k, whys(whyCounts.get(k), when) + restoreWhy(r, k,
                fns.get(k)) + RefusedRestores.why(r, k, fns.get(k), when) + strandedWhy(r, k, fns.get(k)), a[0],
                fns.get(k), a[1],
                Math.min(a[2], lastBucketEnd(r, k)))));
        out.sort(Comparator.comparingLong((Failure f) -> -f.count()).thenComparing(Failure::outcome));
        return out;
    }

    /** The start of the why of ResourceConflictException for a function that is Failed ({@link #failedConflict}). */
    static final String FAILED_CONFLICT = "the function is Failed";

    /**
     * Why a Failed function's invocation got ResourceConflictException: for InternalError, an update after 6 minutes
     * Pending cancelled its pending operation (domain.md section 2). lesson-stuck-reuse's row said only "invoked while
     * Pending" for 1,154 of them, 762 after the function had gone Failed.
     */
    static String failedConflict(String reasonCode) {
        return FAILED_CONFLICT + (reasonCode == null || reasonCode.isEmpty() ? "" : " (" + reasonCode + ")")
                + ("InternalError".equals(reasonCode) ? ": an update after 6 minutes Pending cancelled its pending"
                        + " operation" : "") + "; it stays Failed until it is deleted and created again";
    }

    /**
     * An outcome's whys, joined by "; or ": when one of them is a Failed function's ResourceConflictException
     * ({@link #failedConflict}), each with its own count and first instant, as the run counted them (Pending's and
     * Failed's share one exception); otherwise the whys alone, as before.
     */
    private static String whys(Map<String, long[]> counts, Narrative.When when) {
        boolean split = counts.size() > 1 && counts.keySet().stream().anyMatch(w -> w.startsWith(FAILED_CONFLICT));
        List<String> parts = new ArrayList<>();
        counts.forEach((w, c) -> parts.add(split ? w + " (" + num(c[0]) + " of them, from " + when.at(c[1]) + ")"
                : w));
        return String.join("; or ", parts);
    }

    /**
     * For ResourceNotReadyException, how long the restores took: the first call to an Inactive function fails and
     * starts one (Pending, Restoring), and every call fails until the function is Active again (domain.md section
     * 2). The page said why the first call failed, not for how long the function could not be called: "the first call
     * started a restore: Pending (Restoring) for 61 s (thumbnails), every call meanwhile failing too, then Active".
     * Restores refused are {@link RefusedRestores}' (the function back later) and {@link #strandedWhy}'s (still
     * Inactive at the end). Empty otherwise.
     */
    private static String restoreWhy(RunResult r, String outcome, Map<String, Long> byFunction) {
        if (!outcome.equals("ResourceNotReadyException")) {
            return "";
        }
        List<Double> took = new ArrayList<>();
        java.util.Set<String> who = new java.util.LinkedHashSet<>();
        int open = 0;
        for (String fn : byFunction.keySet()) {
            RunSummary.FunctionSummary f = r.summary().functions().get(fn);
            List<RunSummary.Transition> ts = f == null ? List.of() : f.transitions();
            for (int i = 0; i < ts.size(); i++) {
                RunSummary.Transition t = ts.get(i);
                if (t.state() != State.Pending || t.reasonCode() == null
                        || !t.reasonCode().name().equals("Restoring")) {
                    continue;
                }
                if (i + 1 == ts.size()) {
                    open++;
                } else if (ts.get(i + 1).state() == State.Active) {
                    // as the narrative's clocks subtract (each instant cut to its second): idle-reclaim's restore
                    // of 140.28 s read "2 min 21 s" here and 00:00:00 -> 00:02:20 in What happened
                    took.add(Math.floor(ts.get(i + 1).atSeconds()) - Math.floor(t.atSeconds()));
                    who.add(fn);
                }
            }
        }
        StringBuilder b = new StringBuilder();
        if (took.size() == 1) {
            b.append("; the first call started a restore: Pending (Restoring) for ").append(took(took.get(0)))
                    .append(" (").append(who.iterator().next()).append("), every call meanwhile failing too, then"
                    + " Active");
        } else if (!took.isEmpty()) {
            double least = java.util.Collections.min(took);
            double most = java.util.Collections.max(took);
            b.append("; each first call after a quiet spell started a restore: Pending (Restoring) for ").append(
                    took(least).equals(took(most)) ? took(least) : took(least) + " to " + took(most)).append(" (")
                    .append(took.size()).append(" restores of ").append(plainNames(new ArrayList<>(who)))
                    .append("), every call meanwhile failing too, then Active");
        }
        if (open > 0) {
            b.append("; ").append(open).append(open == 1 ? " restore" : " restores").append(" still under way at"
                    + " the end");
        }
        return b.toString();
    }

    /**
     * A restore's length in whole seconds ("61 s", "2 min 20 s"), given as the difference of the two instants cut to
     * their seconds as the narrative writes them, so that it is what a reader subtracting them gets; a fraction left
     * is rounded up.
     */
    static String took(double seconds) {
        long s = wholeSecondsUp(seconds) / Seconds.MICROS;
        return s < 120 ? s + " s" : s / 60 + " min" + (s % 60 == 0 ? "" : " " + s % 60 + " s");
    }

    /**
     * For ResourceNotReadyException, the functions among those it refused that stayed Inactive, their restore refused
     * for a network cause ({@link Stranded}): peak-wake's 16 were one row, and nothing told the 4 that could not come
     * back from the 12 restored. Empty otherwise.
     */
    private static String strandedWhy(RunResult r, String outcome, Map<String, Long> byFunction) {
        if (!outcome.equals("ResourceNotReadyException")) {
            return "";
        }
        Map<String, List<String>> byCode = new java.util.TreeMap<>();
        for (String fn : byFunction.keySet()) {
            RunSummary.FunctionSummary f = r.summary().functions().get(fn);
            if (f != null && Stranded.stranded(f)) {
                byCode.computeIfAbsent(f.finalState() + " (" + f.finalReasonCode().name() + ")",
                        k -> new ArrayList<>()).add(fn);
            }
        }
        StringBuilder b = new StringBuilder();
        for (Map.Entry<String, List<String>> e : byCode.entrySet()) {
            int n = e.getValue().size();
            b.append("; ").append(n).append(" of them stayed ").append(e.getKey()).append(", ")
                    .append(n == 1 ? "its" : "their").append(" restore refused: ").append(plainNames(e.getValue()));
        }
        return b.toString();
    }

    /**
     * When a spell's invocations of one outcome ({@link JournalEntry.Kind#INVOCATIONS}) last happened: for failures
     * the last one's instant (the journal times them); for successes, as the function's time series tell it, the end
     * of the last bucket within the spell that counted one, never before the spell's start nor after its end (the
     * function's next state change); the spell's end when no series tells. {@link #approximate} says which.
     */
    public static long lastOfSpell(RunResult r, JournalEntry e) {
        if (!e.state().equals("SUCCESS")) {
            return e.lastMicros(); // failures are timed one by one: the last one's instant
        }
        TimeSeries ts = r.timeSeries();
        String fn = e.subject();
        Series s = null;
        if (e.state().equals("SUCCESS")) {
            s = ts.get(Metric.INVOCATIONS, Metric.Scope.FUNCTION, fn);
        } else if (e.state().startsWith("FUNCTION_ERROR")) {
            s = ts.get(Metric.ERRORS, Metric.Scope.FUNCTION, fn);
        } else if ("TooManyRequestsException".equals(e.reason())) {
            s = ts.get(Metric.THROTTLES, Metric.Scope.FUNCTION, fn);
        } else {
            for (Series x : ts.invokeErrorsByException(Metric.Scope.FUNCTION, fn)) {
                if (x.exception().equals(e.reason())) {
                    s = x;
                }
            }
        }
        if (s == null || e.untilMicros() <= e.atMicros()) {
            return e.untilMicros();
        }
        long b = ts.bucketMicros();
        int first = (int) Math.min(s.values().length, e.atMicros() / b);
        int last = (int) Math.min(s.values().length - 1, (e.untilMicros() - 1) / b);
        for (int i = last; i >= first; i--) {
            if (s.values()[i] > 0) {
                return Math.max(e.atMicros(), Math.min(e.untilMicros(), (i + 1) * b));
            }
        }
        return e.untilMicros();
    }

    /** Whether {@link #lastOfSpell} is a bucket's end before the spell's (successes: "about"), not an instant. */
    public static boolean approximate(RunResult r, JournalEntry e) {
        return e.state().equals("SUCCESS") && lastOfSpell(r, e) < e.untilMicros();
    }

    /** The end of the last bucket in which the account counted this kind of failure. */
    private static long lastBucketEnd(RunResult r, String outcome) {
        TimeSeries ts = r.timeSeries();
        Series s = outcome.startsWith("Function error") ? ts.account(Metric.ERRORS)
                : outcome.startsWith("TooManyRequests") ? ts.account(Metric.THROTTLES) : null;
        for (Series e : ts.invokeErrorsByException(Metric.Scope.ACCOUNT, "")) {
            if (s == null && e.exception().equals(outcome)) {
                s = e;
            }
        }
        if (s != null) {
            for (int i = s.values().length - 1; i >= 0; i--) {
                if (s.values()[i] > 0) {
                    return Math.min((i + 1) * ts.bucketMicros(), r.scenario().durationMicros());
                }
            }
        }
        return Long.MAX_VALUE;
    }

    /**
     * As {@link #cause}, under the legacy model: its ENIs are made at cold starts, per function, and a function
     * never goes Failed for want of one (the cold start fails instead).
     */
    static String legacyCause(String what) {
        return switch (what) {
            case "SubnetIPAddressLimitReachedException" -> "a cold start found no free IP in the function's subnets"
                    + " for a new ENI";
            case "ENILimitReachedException" -> "a cold start's new ENI would pass the VPC's network-interface limit";
            case "EC2ThrottledException" -> "EC2 throttled the cold start's CreateNetworkInterface call";
            default -> cause(what);
        };
    }

    /**
     * As {@link #cause}, for an invocation of a function that is Active: an ENI error then comes from a scale-out
     * (every ENI of the key full, a new one for the same key refused), not from a failed creation (the function
     * would be Failed).
     */
    static String activeCause(String what) {
        return switch (what) {
            case "SubnetIPAddressLimitReachedException" -> "the function is Active, but its key's ENIs were full and"
                    + " the subnet had no free IP for another (a scale-out)";
            case "ENILimitReachedException" -> "the function is Active, but its key's ENIs were full and another"
                    + " would pass the VPC's ENI quota (or the Region's network interfaces)";
            case "EC2AccessDeniedException" -> "the function is Active, but its key's ENIs were full and the"
                    + " execution role lacks the EC2 permissions to create another";
            case "EC2ThrottledException" -> "the function is Active, but its key's ENIs were full and EC2 throttled"
                    + " Lambda's CreateNetworkInterface call for another (a scale-out; hyperplane.ec2RequestLimit)";
            default -> cause(what);
        };
    }

    /**
     * Why a function's ENILimitReachedException: which of the two limits EC2 refused its ENI by, read from the run
     * (its VPC's ENI quota full at its peak, else the Region's network interfaces: its own account's, with several
     * accounts): both end in EniLimitExceeded, and the page named the VPC's quota when the Region's had run out (the
     * domain expert's review).
     */
    static String eniLimitCause(RunResult r, String function) {
        String vpc = vpcOf(r.scenario(), function);
        RunSummary.VpcSummary v = vpc == null ? null : r.summary().vpcs().get(vpc);
        if (v != null && v.byAccount() != null) { // eniQuotaCountedPer: account: its own account's copy
            String account = r.scenario().accounts().of(function);
            RunSummary.VpcSummary own = v.byAccount().get(account);
            if (own != null && own.peakEnis() + own.otherUsedEnis() >= own.eniQuota()) {
                return "the function is Failed: account " + account + "'s own ENI quota in " + vpc + " was full ("
                        + num(own.eniQuota()) + ", each account's: vpcs[*].eniQuotaCountedPer)";
            }
        } else if (v != null && v.peakEnis() + v.otherUsedEnis() >= v.eniQuota()) {
            return "the function is Failed: " + vpc + " reached its ENI quota (" + num(v.eniQuota())
                    + ", other services' ENIs included)";
        }
        // the Region quota of the function's own account (each account has its own)
        RunSummary.Region region = ScaleOutRefusal.regionOf(r, function);
        if (region != null && region.peakNetworkInterfaces() >= region.networkInterfacesPerRegion()) {
            if (r.summary().region().byAccount() != null) {
                String account = r.scenario().accounts().of(function);
                return "the function is Failed: account " + account + "'s network interfaces per Region were all"
                        + " in use (" + num(region.networkInterfacesPerRegion()) + ", its functions' ENIs and the"
                        + " other ENIs of its VPCs and services; accounts[" + r.scenario().accounts().index(account)
                        + "].networkInterfacesPerRegion), though " + (vpc == null ? "its VPC" : vpc)
                        + " had room in its ENI quota";
            }
            return "the function is Failed: the Region's network interfaces were all in use ("
                    + num(region.networkInterfacesPerRegion()) + ", every VPC's and service's ENIs;"
                    + " account.networkInterfacesPerRegion), though " + (vpc == null ? "its VPC" : vpc)
                    + " had room in its ENI quota";
        }
        return cause("ENILimitReachedException");
    }

    /** The VPC of a function's first subnet (null outside a VPC, or for a name the scenario does not have). */
    private static String vpcOf(dev.enisim.scenario.Scenario sc, String function) {
        for (dev.enisim.scenario.Scenario.Function f : sc.functions()) {
            if (f.name().equals(function) && f.vpcConfig() != null && !f.vpcConfig().subnetIds().isEmpty()) {
                String subnet = f.vpcConfig().subnetIds().get(0);
                for (dev.enisim.scenario.Scenario.Vpc v : sc.vpcs()) {
                    for (dev.enisim.scenario.Scenario.Subnet s : v.subnets()) {
                        if (s.id().equals(subnet)) {
                            return v.id();
                        }
                    }
                }
            }
        }
        return null;
    }

    /** Why an invocation ends with this exception, throttle reason or function-error cause, in a few words. */
    static String cause(String what) {
        return switch (what) {
            case "ResourceConflictException" -> "invoked while Pending: its ENIs were still being created or attached";
            case "SubnetIPAddressLimitReachedException" -> "the function is Failed: a subnet had no free IP for its ENI";
            case "ENILimitReachedException" -> "the function is Failed: its VPC's ENI quota or the Region's network"
                    + " interfaces had no room for its ENI";
            case "EC2AccessDeniedException" -> "the execution role lacks the EC2 permissions to create ENIs";
            case "EC2ThrottledException" -> "the function is Failed: EC2 throttled Lambda's CreateNetworkInterface"
                    + " calls for its ENI (EC2RequestLimitExceeded, hyperplane.ec2RequestLimit)";
            case "ResourceNotReadyException" -> "invoked while Inactive or restoring its ENIs";
            case "ENINotReadyException" -> "its key's ENIs were full while Lambda created another";
            case "ResourceNotFoundException" -> "the function had been deleted";
            case "ServiceException" -> "every subnet of the function was in an unavailable Availability Zone";
            case "InvalidSubnetIDException" -> "a subnet of the function no longer exists";
            case "InvalidSecurityGroupIDException" -> "a security group of the function no longer exists";
            case "ConcurrentInvocationLimitExceeded" -> "the account's concurrency limit was reached";
            case "ReservedFunctionConcurrentInvocationLimitExceeded" -> "the function's reserved concurrency was reached";
            case "FunctionInvocationRateLimitExceeded" -> "scaling could not add environments fast enough";
            case "TaskTimedOut" -> "ran past the function's timeout";
            case "NoFreePortOnEni" -> "its ENI had no free connection (port) left";
            default -> "";
        };
    }

    /** The section's HTML. */
    /**
     * After a warm-up (run --warm-up), what the answers' figures cover: the summary's statistics from its end, the
     * lifecycle (ENIs, subnets, states), the failures' table and the story the whole run's, the charts shading it.
     * Empty without a warm-up.
     */
    static String warmUpNote(RunSummary s, Narrative.When when) {
        if (s.warmUpSeconds() == null) {
            return "";
        }
        long w = dev.enisim.metrics.Seconds.toMicros(s.warmUpSeconds());
        return "<p class=\"note\" id=\"warm-up\">Figures after the " + esc(dev.enisim.report.Assumptions.duration(w))
                + " warm-up (<code>--warm-up</code>): the invocations, latency, concurrency, environments, cold"
                + " starts, cost, queued events, SQS messages, provisioned concurrency and accounts count from "
                + when.at(w) + "; the ENIs, subnets and states, the table of failures and the story below are the"
                + " whole run's, and the charts shade the warm-up.</p>\n";
    }

    public static String html(RunResult r) {
        StringBuilder b = new StringBuilder("<section id=\"answers\">\n<h2>Answers</h2>\n");
        // instants as the narrative tells them (wall-clock with startsAt): the page said 16d 00:00:00 where the
        // narrative said Wed 00:00:00
        Narrative.When when = Narrative.When.of(r.scenario());
        RunSummary s = r.summary();
        List<Failure> failures = failures(r);
        List<String> failed = new ArrayList<>();
        s.functions().forEach((name, f) -> {
            if (f.finalState().equals("Failed")) {
                failed.add(name);
            }
        });
        b.append(warmUpNote(s, when));
        verdict(b, s, failures, failed, when, r);
        b.append(nextSteps(r, failures, failed));
        b.append(CostLine.html(s));
        if (!failures.isEmpty()) {
            b.append("<h3>What failed, when and why</h3>\n<div class=\"scroll\"><table class=\"answers wide\">\n" + caption("What failed, when and why") + "<tr><th scope=\"col\">"
                    + "outcome</th><th scope=\"col\">invocations</th><th scope=\"col\">functions</th><th scope=\"col\">first</th><th scope=\"col\">last</th><th scope=\"col\">why</th>"
                    + "</tr>\n");
            for (Failure f : failures.subList(0, Math.min(ROWS, failures.size()))) {
                b.append("<tr><td class=\"bad\">").append(esc(withHttp(f.outcome()))).append("</td><td class=\"n\" "
                        + "data-label=\"invocations\">").append(num(f.count())).append("</td><td data-label=\""
                        + "functions\">").append(esc(functions(f.byFunction()))).append("</td><td class=\"n\" "
                        + "data-label=\"first\">").append(when.at(f.firstMicros())).append("</td><td "
                        + "class=\"n\" data-label=\"last\">").append(when.at(f.lastMicros()))
                        .append("</td><td data-label=\"why\">").append(esc(f.why())).append("</td></tr>\n");
            }
            b.append("</table></div>\n");
            more(b, failures.size(), "outcomes", "summary.json invocations");
        }
        if (!failed.isEmpty()) {
            // cards on a phone, as the failures above: its long "why" wrapped into a tall blank row off screen
            b.append("<h3>Functions that went Failed</h3>\n<div class=\"scroll\"><table class=\"answers wide\">\n" + caption("Functions that went Failed") + "<tr><th scope=\"col\">"
                    + "function</th><th scope=\"col\">at</th><th scope=\"col\">StateReasonCode</th><th scope=\"col\">why</th></tr>\n");
            for (String name : failed.subList(0, Math.min(ROWS, failed.size()))) {
                RunSummary.Transition t = lastFailed(s.functions().get(name));
                b.append("<tr><td class=\"bad\">").append(esc(name)).append("</td><td class=\"n\" data-label=\"at\">")
                        .append(t == null ? "" : when.at(Seconds.toMicros(t.atSeconds())))
                        .append("</td><td class=\"bad\" data-label=\"StateReasonCode\">")
                        .append(t == null || t.reasonCode() == null ? "" : t.reasonCode().name())
                        .append("</td><td data-label=\"why\">").append(esc(t == null ? "" : t.cause()))
                        .append("</td></tr>\n");
            }
            b.append("</table></div>\n");
            more(b, failed.size(), "functions", "summary.json functions");
        }
        b.append(QueuedEvents.html(s));
        stuckPending(b, r);
        capacity(b, r, when);
        teardowns(b, r, when);
        return b.append("</section>\n").toString();
    }

    /**
     * What to do, one short line per kind of trouble the verdict tells (a full subnet, EC2's request rate, the ENI
     * quota, the role's permissions, concurrency, invoking while Pending, an idle function reclaimed, orphaned ENIs),
     * each only as far as the domain reference supports it; empty when nothing went wrong. An SRE's review: the
     * headlines named no next step. A teacher's review: a Failed function (any reason code) gets its way out, delete
     * and create again, never Pending's "wait until Active"; a restore refused (Inactive with a reason) its reason's.
     */
    static String nextSteps(RunResult r, List<Failure> failures, List<String> failed) {
        java.util.Set<String> kinds = new java.util.LinkedHashSet<>();
        RunSummary s = r.summary();
        for (String name : failed) {
            if (!failedBeforeTheRun(r, name)) { // r1: its old reason (a full subnet then) asked for larger subnets
                dev.enisim.model.function.StateReasonCode code = s.functions().get(name).finalReasonCode();
                kinds.add(code == null ? "" : code.name()); // that have room: only its way out below
            }
            kinds.add("Failed"); // a teacher's review: a Failed function (InternalError too) had only "wait"
        }
        for (String name : s.functions().keySet()) { // a restore refused (back to Inactive with its reason)
            for (RunSummary.Transition t : s.functions().get(name).transitions()) {
                if (t.state() == State.Inactive && t.reasonCode() != null
                        && t.reasonCode() != dev.enisim.model.function.StateReasonCode.Idle) {
                    kinds.add(t.reasonCode().name());
                }
            }
        }
        for (FailedUpdates.Failed u : FailedUpdates.of(s)) {
            kinds.add(u.reasonCode() == null ? "" : u.reasonCode().name());
        }
        for (Failure f : failures) {
            if (f.byFunction().keySet().stream().allMatch(n -> failedBeforeTheRun(r, n))) {
                continue; // the invocations of functions Failed before the run: their reason is the account's
            }
            String o = f.outcome().split(" ")[0];
            if (o.equals("ResourceConflictException")) { // Pending's wait, or a Failed function's way out
                if (f.why().contains(FAILED_CONFLICT) && f.byFunction().keySet().stream().anyMatch(failed::contains)) {
                    kinds.add("Failed");
                }
                if (!f.why().contains(FAILED_CONFLICT) || f.why().contains(cause(o))) {
                    kinds.add(o);
                }
                continue;
            }
            kinds.add(switch (o) {
                case "SubnetIPAddressLimitReachedException" -> "SubnetOutOfIPAddresses";
                case "ENILimitReachedException" -> "EniLimitExceeded";
                case "EC2ThrottledException" -> "EC2RequestLimitExceeded";
                case "EC2AccessDeniedException" -> "InsufficientRolePermissions";
                default -> o;
            });
        }
        if (!idle(r, Narrative.When.of(r.scenario())).isEmpty()) {
            kinds.add("Idle");
        }
        if (s.enis().orphaned() > 0) {
            kinds.add("Orphaned");
        }
        List<String> lines = new ArrayList<>();
        for (String kind : kinds) {
            String line = NEXT_STEPS.get(kind);
            if (line != null && !lines.contains(line)) {
                lines.add(line);
            }
        }
        if (lines.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<div class=\"next-steps\"><p><strong>What to do</strong></p>\n<ul>\n");
        for (String line : lines) {
            b.append("<li>").append(esc(line)).append("</li>\n");
        }
        return b.append("</ul></div>\n").toString();
    }

    /**
     * Whether the function started {@code existing: Failed} (an imported account's) and failed no creation in the run
     * (no recreation on the timeline that failed again): its reason code tells of the account before the run.
     */
    static boolean failedBeforeTheRun(RunResult r, String name) {
        boolean existing = r.scenario().functions().stream().anyMatch(f -> f.name().equals(name)
                && f.existing() == dev.enisim.scenario.Scenario.Function.Existing.FAILED);
        return existing && r.summary().functions().get(name).transitions().stream()
                .filter(t -> t.state() == dev.enisim.model.function.State.Failed).count() == 1;
    }

    /**
     * An outcome of the What failed table with its HTTP status ("ResourceConflictException (HTTP 409)",
     * "TooManyRequestsException (ConcurrentInvocationLimitExceeded, HTTP 429)"), as the narrative says it.
     */
    static String withHttp(String outcome) {
        String http = Narrative.http(outcome.split(" ")[0]);
        if (http.isEmpty()) {
            return outcome;
        }
        return outcome.endsWith(")") ? outcome.substring(0, outcome.length() - 1) + ", " + http + ")"
                : outcome + " (" + http + ")";
    }

    /** The next step for each kind of trouble: a StateReasonCode, an Invoke exception, Idle or Orphaned. */
    static final Map<String, String> NEXT_STEPS = Map.ofEntries(
            Map.entry("SubnetOutOfIPAddresses", "A full subnet: the function needs a free address in every subnet"
                    + " it names, so more subnets do not help unless each has room; give it larger subnets, or free"
                    + " addresses others hold in the full one (otherUsedIps). Functions with the same subnets and"
                    + " security groups share their ENIs: fewer security-group sets need fewer ENIs and addresses."
                    + " enisim plan says how many addresses the functions need."),
            Map.entry("Failed", "A Failed function stays Failed (it never turns Active by waiting): fix the cause,"
                    + " then delete the function and create it again (aws lambda delete-function, then"
                    + " create-function)."),
            Map.entry("EniLimitExceeded", "ENI quota reached: ask for a higher quota of network interfaces"
                    + " (Service Quotas), or delete the ENIs nothing uses; enisim plan counts the ENIs needed."),
            Map.entry("EC2RequestLimitExceeded", "EC2 throttled Lambda's ENI creations: create or move fewer VPC"
                    + " functions at once (spread the deploy), above all onto new subnet and security-group sets."),
            Map.entry("InsufficientRolePermissions", "Give the execution role the EC2 network-interface permissions"
                    + " (create, describe and delete network interfaces)."),
            Map.entry("InvalidSubnet", "Fix the VpcConfig: a subnet it names does not exist."),
            Map.entry("InvalidSecurityGroup", "Fix the VpcConfig: a security group it names does not exist."),
            Map.entry("TooManyRequestsException", "Throttled: raise the account's concurrency limit (Service"
                    + " Quotas) or the function's reserved concurrency, or send fewer requests at once."),
            Map.entry("ResourceConflictException", "Invoked while Pending: wait until the function is Active"
                    + " (aws lambda wait function-active-v2) before sending it traffic."),
            Map.entry("Idle", "An idle function's ENIs were reclaimed and its next invocations failed while they"
                    + " were restored: invoke it at least once within the idle period (hyperplane.idleReclaimAfter),"
                    + " or expect those failures after a quiet spell."),
            Map.entry("Orphaned", "Orphaned ENIs keep their IPs until deleted by hand (aws ec2"
                    + " delete-network-interface); keep the execution role's EC2 permissions until Lambda has deleted"
                    + " a function's ENIs."));

    private static void verdict(StringBuilder b, RunSummary s, List<Failure> failures, List<String> failed,
            Narrative.When when, RunResult r) {
        long bad = s.invocations().total() - s.invocations().succeeded();
        long orphaned = s.enis().orphaned();
        b.append("<p class=\"verdict ").append(tone(r, failures)).append("\">");
        String rejected = esc(RejectedActions.verdict(s, when));
        if (bad == 0 && failed.isEmpty()) {
            b.append(updates(r, when)).append(esc(FailedUpdates.verdict(r, when))).append(rejected)
                    .append(esc(versions(r, when))).append(deletions(r, when)).append(cycles(r))
                    .append(esc(connectionsFull(r, failures, when)));
            b.append("Every one of the ").append(num(s.invocations().total())).append(" invocations succeeded.")
                    .append(outages(r, when)).append(full(r, when)).append(recovered(r, when)).append(idle(r, when))
                    .append(esc(Stranded.verdict(s)));
            if (orphaned > 0) { // orphaned-enis' point, told only in a table further down under a green verdict
                b.append(" But ").append(num(orphaned)).append(orphaned == 1 ? " ENI was" : " ENIs were").append(
                        " orphaned: Lambda could not delete ").append(orphaned == 1 ? "it" : "them").append(" (the"
                        + " execution role had lost its EC2 permissions), and ").append(orphaned == 1 ? "it" : "each")
                        .append(" kept its subnet IP and its slot of the VPC's ENI quota until deleted by hand (see"
                        + " Teardown waits).");
            }
        } else {
            // a Failed function first, then the rest: a replay's Answers opened with a successful update's and a
            // deletion's ENI waits, its 5,356 failed invocations and Failed function third (an incident responder);
            // with no Failed function the story that explains the run leads as before (a stack's deletion, a week's
            // load, the ENIs' connections), its few failures after it
            boolean failedFirst = !failed.isEmpty();
            if (!failedFirst) {
                b.append(updates(r, when)).append(esc(FailedUpdates.verdict(r, when))).append(rejected)
                        .append(esc(versions(r, when))).append(deletions(r, when)).append(cycles(r))
                        .append(esc(connectionsFull(r, failures, when)));
            }
            b.append(num(bad)).append(" of ").append(num(s.invocations().total())).append(" invocations did not "
                    + "succeed (").append(pct(bad, s.invocations().total())).append(")");
            if (!failures.isEmpty()) {
                Failure top = failures.get(0);
                Failure lead = lead(failures);
                if (lead != top) {
                    b.append("; for a network cause: ").append(span(lead, when));
                }
                b.append(lead != top ? "; the most: " : "; most: ").append(span(top, when));
            }
            b.append('.').append(QueuedEvents.verdictNote(s, bad)).append(scaling(r, failures, when))
                    .append(outages(r, when)).append(full(r, when)).append(recovered(r, when)).append(idle(r, when));
            if (!failed.isEmpty()) {
                b.append(" Failed at the end: ").append(esc(String.join(", ", failed.subList(0, Math.min(5,
                        failed.size()))))).append(failed.size() > 5 ? " and " + (failed.size() - 5) + " more" : "")
                        // a Failed function does not recover as a subnet frees IPs: the verdict read as if it might
                        // (a teacher's review); AWS: a function whose creation failed must be deleted and recreated
                        .append(failed.size() == 1 ? " (it stays Failed: delete it and create it again" : " (they stay"
                                + " Failed: delete each and create it again").append(" once the cause is fixed).")
                        .append(esc(failedHolds(r, failed)));
            }
            String rest = !failedFirst ? "" : esc(FailedUpdates.verdict(r, when)) + rejected
                    + esc(connectionsFull(r, failures, when)) + updates(r, when) + esc(versions(r, when))
                    + deletions(r, when) + cycles(r);
            b.append(esc(Stranded.verdict(s)));
            if (!rest.isBlank()) {
                b.append(' ').append(rest.stripTrailing());
            }
        }
        b.append("</p>\n");
    }

    /**
     * What the functions Failed at the end still hold: the ENIs made for their other keys before their creation
     * failed, there at the end and used by no function that is not Failed, each with its address (kept until the
     * function is deleted: README's assumptions; AWS does not document it). shared-vpc-two-accounts' payments-api
     * holds the last free address of subnet-shared-a, and the page did not say so; quickstart's notifications holds
     * none (its first key failed): nothing said. Empty when none holds one.
     */
    static String failedHolds(RunResult r, List<String> failed) {
        dev.enisim.scenario.Scenario sc = r.scenario();
        if (sc.networkModel() == dev.enisim.model.NetworkModel.LEGACY) {
            return "";
        }
        Map<String, dev.enisim.scenario.Scenario.VpcConfig> config = new LinkedHashMap<>(); // at the end
        for (dev.enisim.scenario.Scenario.Function f : sc.functions()) {
            Update u = update(r, f.name(), Long.MAX_VALUE);
            config.put(f.name(), u == null ? f.vpcConfig() : u.to());
        }
        List<String> parts = new ArrayList<>();
        for (String name : failed) {
            Map<String, Integer> bySubnet = new java.util.TreeMap<>();
            for (RunResult.EniLifetime e : r.enis()) {
                if (e.endedSeconds().isPresent() || !uses(sc, name, config.get(name), e)) {
                    continue;
                }
                boolean other = false;
                for (Map.Entry<String, dev.enisim.scenario.Scenario.VpcConfig> g : config.entrySet()) {
                    RunSummary.FunctionSummary gs = r.summary().functions().get(g.getKey());
                    other |= !g.getKey().equals(name) && gs != null && !gs.finalState().equals("Failed")
                            && !gs.finalState().equals("Deleted") && uses(sc, g.getKey(), g.getValue(), e);
                }
                if (!other) {
                    bySubnet.merge(e.subnet(), 1, Integer::sum);
                }
            }
            if (!bySubnet.isEmpty()) {
                int n = bySubnet.values().stream().mapToInt(Integer::intValue).sum();
                List<String> where = new ArrayList<>();
                bySubnet.forEach((subnet, k) -> where.add((bySubnet.size() == 1 ? "" : k + " in ")
                        + dev.enisim.report.Labels.of(sc, subnet)));
                parts.add(name + " still holds " + n + (n == 1 ? " IP" : " IPs") + (bySubnet.size() == 1 ? " of "
                        : " (") + and(where) + (bySubnet.size() == 1 ? "" : ")"));
            }
        }
        if (parts.isEmpty()) {
            return "";
        }
        boolean cancelled = failed.stream().allMatch(name -> cancelled(r, name));
        return " " + String.join("; ", parts) + (parts.size() == 1 && !parts.get(0).contains(" IPs") ? ": the ENI"
                : ": the ENIs") + (cancelled ? " made for the creation Lambda cancelled, kept until the function is"
                + " deleted (hyperplane.cancelledCreationKeepsEnis: true; by default they are deleted when the"
                + " creation is cancelled, as no other function uses them)."
                : " made before the creation failed, kept until the function is deleted (an"
                + " assumption: AWS does not document what it does with them).");
    }

    /** Whether function {@code name} went Failed because Lambda cancelled its pending operation. */
    private static boolean cancelled(RunResult r, String name) {
        RunSummary.FunctionSummary s = r.summary().functions().get(name);
        if (s == null || s.transitions().isEmpty()) {
            return false;
        }
        RunSummary.Transition last = s.transitions().get(s.transitions().size() - 1);
        return last.state() == State.Failed && CANCELLED_CAUSE.equals(last.cause());
    }

    /** The cause the model gives a Failed state whose pending operation Lambda cancelled. */
    static final String CANCELLED_CAUSE = "pending operation cancelled";

    /** Whether ENI {@code e} is of a key of the function {@code name} on {@code v} (its account's, its security groups). */
    private static boolean uses(dev.enisim.scenario.Scenario sc, String name,
            dev.enisim.scenario.Scenario.VpcConfig v, RunResult.EniLifetime e) {
        if (v == null || !v.subnetIds().contains(e.subnet())) {
            return false;
        }
        return e.key().equals((sc.multiAccount() ? sc.accounts().of(name) + ":" : "") + e.subnet() + "+["
                + String.join(",", new java.util.TreeSet<>(v.securityGroupIds())) + "]");
    }

    /**
     * A load that rose and fell again and again, as {@link #cycles} counts it from the account's invocations per
     * bucket: their lowest and highest, the rises (climbs from the lowest quarter of the range to the highest), and
     * the buckets of the first cycle: the busiest of the first spell in the highest quarter ({@code firstPeak}), the
     * quietest of the lowest-quarter spell after it ({@code trough}), and the bucket the load next reached the highest
     * quarter ({@code rise}; -1 when it never did).
     */
    public record Cycles(long lo, long hi, int rises, int firstPeak, int trough, int rise) {
    }

    /**
     * The load's cycles ({@link Cycles}), or null when it did not rise and fall {@value #LED_CYCLES} times or more
     * with its busiest bucket twice its quietest and a spread past Poisson noise ({@link #beyondPoissonNoise}), and under the legacy model (its ENIs are per execution
     * environment).
     */
    public static Cycles loadCycles(RunResult r) {
        if (r.scenario().networkModel() == dev.enisim.model.NetworkModel.LEGACY) {
            return null;
        }
        Series inv = r.timeSeries().account(Metric.INVOCATIONS);
        if (inv == null || inv.values().length == 0) {
            return null;
        }
        long[] v = inv.values();
        long lo = Long.MAX_VALUE;
        long hi = 0;
        for (long x : v) {
            lo = Math.min(lo, x);
            hi = Math.max(hi, x);
        }
        int rises = 0;
        int side = 0; // -1 in the lowest quarter, 1 in the highest, 0 not yet in either
        int highs = 0; // entries into the highest quarter
        int firstPeak = -1;
        int trough = -1;
        int rise = -1;
        for (int i = 0; i < v.length; i++) {
            long x = v[i];
            if (4 * (x - lo) >= 3 * (hi - lo) && side != 1) {
                rises += side == -1 ? 1 : 0;
                side = 1;
                if (++highs == 1) {
                    firstPeak = i;
                } else if (highs == 2) {
                    rise = i;
                }
            } else if (4 * (x - lo) <= hi - lo) {
                side = -1;
                if (highs == 1 && (trough < 0 || x < v[trough])) {
                    trough = i;
                }
            }
            if (highs == 1 && side == 1 && x > v[firstPeak]) {
                firstPeak = i;
            }
        }
        if (rises < LED_CYCLES || hi < 2 * lo || hi == 0) { // noise about a steady rate is no rise (redeploy's 9)
            return null;
        }
        if (!beyondPoissonNoise(v)) { // a steady Poisson load of ~60 a bucket spans 2x by chance (steady.yaml)
            return null;
        }
        return new Cycles(lo, hi, rises, firstPeak, trough, rise);
    }

    /** How many standard deviations past Poisson noise the buckets' spread must be to tell a load that varied. */
    static final double NOISE_Z = 4.0;

    /**
     * Whether counts per bucket spread more than a steady Poisson load's would: the index of dispersion (the sum of
     * squared deviations from the mean over the mean, chi-square with n - 1 degrees of freedom when the counts are
     * Poisson at one rate) more than {@value #NOISE_Z} standard deviations above what chance gives (the
     * Wilson-Hilferty approximation of its tail: below 1 in 30,000). A steady Poisson load of 1/s in 1m buckets
     * (40 to 83 a minute by chance) is not; a daily cycle (diurnal-week: 2,686 to 27,194 per 15m) is by far.
     */
    static boolean beyondPoissonNoise(long[] v) {
        int n = v.length;
        if (n < 2) {
            return false;
        }
        double sum = 0;
        for (long x : v) {
            sum += x;
        }
        double mean = sum / n;
        if (mean <= 0) {
            return false;
        }
        double d = 0;
        for (long x : v) {
            d += (x - mean) * (x - mean);
        }
        d /= mean;
        int df = n - 1;
        double a = 2.0 / (9.0 * df);
        double z = (Math.cbrt(d / df) - (1 - a)) / Math.sqrt(a);
        return z > NOISE_Z;
    }

    /** Rises and falls of the load from which a verdict leads with them ({@link #cycles}). */
    static final int LED_CYCLES = 3;

    /**
     * The verdict's lead for a run whose load rose and fell again and again (a daily cycle, office hours): how many
     * times, between which invocations per bucket and average execution environments, and what the Hyperplane ENIs
     * did meanwhile: the same ones throughout (created once, none for load, none deleted), or their peak and how many
     * were created and deleted; and the keys' peak connections against one ENI's cap. A rise is counted when the
     * account's invocations per bucket climb from the lowest quarter of their range to the highest (the bursts of one
     * run such as burst-scaling's or quickstart's rise once), and the busiest bucket has twice the quietest's at least
     * (redeploy-new-subnets' steady 7,000 to 7,500 a minute crossed its quarters 9 times by chance). Empty for fewer
     * than {@value #LED_CYCLES} rises and under
     * the legacy model (its ENIs are per execution environment). diurnal-week's verdict led with its 334 requests sent
     * while its functions were Pending at creation (0.0035%), not with its story: a week of peaks and troughs on four
     * ENIs that stayed put.
     */
    static String cycles(RunResult r) {
        Cycles c = loadCycles(r);
        if (c == null) {
            return "";
        }
        TimeSeries ts = r.timeSeries();
        long lo = c.lo();
        long hi = c.hi();
        int rises = c.rises();
        String bucket = dev.enisim.report.Assumptions.duration(ts.bucketMicros());
        StringBuilder b = new StringBuilder("A load that rose and fell ").append(rises).append(" times in the ")
                .append(CostLine.span(r.summary().simulatedSeconds())).append(" (").append(num(lo)).append(" to ")
                .append(num(hi)).append(" invocations per ").append(bucket);
        Series env = ts.account(Metric.ENVIRONMENTS_AVERAGE);
        if (env != null && env.values().length > 0) {
            long elo = Long.MAX_VALUE;
            long ehi = 0;
            for (long x : env.values()) {
                elo = Math.min(elo, x);
                ehi = Math.max(ehi, x);
            }
            b.append(String.format(Locale.ROOT, ", execution environments %,.1f to %,.1f on average", elo / 1000.0,
                    ehi / 1000.0));
        }
        b.append(')');
        RunSummary.Enis e = r.summary().enis();
        int keys = 0;
        long connections = 0;
        for (RunSummary.KeySummary k : r.summary().eniKeys().values()) {
            keys += k.peakEnis() > 0 ? 1 : 0;
            connections = Math.max(connections, k.peakConnections());
        }
        if (e.peak() == 0) {
            b.append(" made no Hyperplane ENI");
        } else if (e.created() == e.peak() && e.deleted() == 0 && e.orphaned() == 0) { // created counts those in place
            long at = firstAt(r, Metric.Scope.ACCOUNT, "", Metric.HYPERPLANE_ENI_COUNT, e.peak());
            // "the same Hyperplane ENI", not "the same 1 Hyperplane ENI"
            b.append(" ran on the same ").append(e.peak() == 1 ? "Hyperplane ENI" : num(e.peak()) + " Hyperplane ENIs").append(at <= 0 ? " from the first " + bucket : "").append(" to the end (")
                    .append(keys == e.peak() ? (keys == 1 ? "its one ENI key's" : "one per ENI key") : num(keys)
                            + " ENI keys").append(": none created for the load, none deleted)");
        } else {
            b.append(" had at most ").append(num(e.peak())).append(e.peak() == 1 ? " Hyperplane ENI (" : " Hyperplane ENIs (").append(num(e.created()))
                    .append(" created, ").append(num(e.deleted())).append(" deleted)");
        }
        if (connections > 0) {
            long cap = r.scenario().hyperplane().connectionsPerEni();
            b.append("; the keys' connections rose and fell with it, at most ").append(num(connections))
                    .append(" (").append(pct(connections, cap)).append(" of one ENI's ").append(num(cap)).append(')');
        }
        return b.append(". ").toString();
    }

    /**
     * The verdict's lead when the failure it leads with ({@link #lead}) is the one a key's ENIs full of connections
     * cause (NoFreePortOnEni, or ENINotReadyException with hyperplane.eniNotReadyOnScaleOut): which functions shared
     * the busiest key whose connections passed one ENI's cap, how many connections they opened and how (their
     * environments' pools, connectionsPerEnvironment, beside their invocations' own), when Lambda created another ENI
     * for the key and when it was ready, what failed meanwhile, and what would keep a key under the cap. Empty
     * otherwise. shared-eni-65k's verdict said "for a network cause: Function error NoFreePortOnEni, 11,662 from
     * 00:00:52 to 00:01:56", a reason code, and nothing of the twenty services whose database pools filled the ENI
     * they share.
     */
    static String connectionsFull(RunResult r, List<Failure> failures, Narrative.When when) {
        if (failures.isEmpty() || r.scenario().networkModel() == dev.enisim.model.NetworkModel.LEGACY) {
            return "";
        }
        Failure lead = lead(failures);
        boolean noPort = lead.outcome().equals("Function error NoFreePortOnEni");
        if (!noPort && !lead.outcome().equals("ENINotReadyException")) {
            return "";
        }
        long cap = r.scenario().hyperplane().connectionsPerEni();
        String key = null;
        RunSummary.KeySummary busiest = null;
        for (Map.Entry<String, RunSummary.KeySummary> e : r.summary().eniKeys().entrySet()) {
            RunSummary.KeySummary k = e.getValue();
            if (k.peakConnections() > cap && (busiest == null || k.peakConnections() > busiest.peakConnections())) {
                key = e.getKey();
                busiest = k;
            }
        }
        if (busiest == null) {
            return "";
        }
        List<String> sharing = new ArrayList<>();
        java.util.TreeSet<Integer> pools = new java.util.TreeSet<>();
        java.util.Set<String> groups = new java.util.TreeSet<>(busiest.securityGroups());
        for (dev.enisim.scenario.Scenario.Function f : r.scenario().functions()) {
            if (f.vpcConfig().subnetIds().contains(busiest.subnet())
                    && new java.util.TreeSet<>(f.vpcConfig().securityGroupIds()).equals(groups)) {
                sharing.add(f.name());
                pools.add(f.connectionsPerEnvironment());
            }
        }
        if (sharing.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        if (sharing.size() == 1) {
            b.append("The function ").append(sharing.get(0)).append(", alone on the ENI key ").append(key).append(',');
        } else {
            b.append("The ").append(sharing.size()).append(" functions sharing the ENI key ").append(key).append(" (")
                    .append(plainNames(sharing)).append(": one subnet and security-group set, so one Hyperplane ENI)");
        }
        b.append(" opened up to ").append(num(busiest.peakConnections())).append(" connections at once, past the ")
                .append(num(cap)).append(" one ENI carries");
        if (pools.last() > 0) { // the environments' pools (the same for all, or at most)
            b.append(": each execution environment held a pool of ").append(pools.size() == 1 ? "" : "up to ")
                    .append(num(pools.last())).append(" (connectionsPerEnvironment) beside its invocations' own");
        }
        b.append('.');
        List<RunResult.EniLifetime> enis = new ArrayList<>();
        for (RunResult.EniLifetime e : r.enis()) {
            if (e.key().equals(key)) {
                enis.add(e);
            }
        }
        enis.sort(Comparator.comparingDouble(RunResult.EniLifetime::createdSeconds));
        long fns = 0;
        long count = 0; // the sharing functions' failures of this kind (another key's are not this key's story)
        for (String f : sharing) {
            Long n = lead.byFunction().get(f);
            fns += n == null ? 0 : 1;
            count += n == null ? 0 : n;
        }
        boolean during = false; // every such failure while the key's next ENI was being created
        RunResult.EniLifetime next = null; // the first ENI created while another of the key was there: a scale-out
        int after = 0; // and how many more such
        boolean second = false; // the key's second ENI (one was there)
        for (int i = 1; i < enis.size(); i++) {
            RunResult.EniLifetime e = enis.get(i);
            int beside = 0; // the key's ENIs there when it was created
            for (int j = 0; j < i; j++) {
                RunResult.EniLifetime o = enis.get(j);
                beside += o.endedSeconds().isEmpty() || o.endedSeconds().getAsDouble() > e.createdSeconds() ? 1 : 0;
            }
            if (beside > 0 && next == null) {
                next = e;
                second = beside == 1;
            } else if (beside > 0) {
                after++;
            }
        }
        if (next != null) {
            long created = Seconds.toMicros(next.createdSeconds());
            long ready = next.readySeconds().isPresent() ? Seconds.toMicros(next.readySeconds().getAsDouble())
                    : r.scenario().durationMicros();
            during = lead.firstMicros() >= created && lead.lastMicros() <= ready;
            b.append(" Lambda created ").append(second ? "a second" : "another").append(" ENI for the key at ")
                    .append(when.at(created)).append(next.readySeconds().isPresent() ? ", ready at " + when.at(ready)
                            : ", still being created at the end");
            if (after > 0) {
                b.append(", then ").append(num(after)).append(" more");
            }
            b.append(';');
        } else {
            b.append(" Lambda made no other ENI for the key in the run;");
        }
        b.append(during ? " meanwhile " : " in all, ").append(num(count)).append(sharing.size() == 1
                ? " of its invocations" : (count == 1 ? " invocation"
                : " invocations") + " of " + (fns == sharing.size() ? "all " + fns : fns == 1 ? "one of them"
                : num(fns) + " of them"))
                .append(noPort ? " found no free port and failed (NoFreePortOnEni)"
                        : " found the key's ENIs full and were refused (ENINotReadyException)")
                .append(". ").append(pools.last() > 0 ? "Smaller pools (or a proxy in front of the database)"
                        : "Fewer connections per invocation").append(sharing.size() == 1 ? ", or more subnets for the"
                        + " function (each subnet a key with ENIs of its own)" : ", or the functions spread over more"
                        + " subnet and security-group keys, each with ENIs of its own,").append(" would keep each key"
                        + " under ").append(num(cap)).append(". ");
        return b.toString();
    }

    /** Up to three names and how many more, not escaped (the caller escapes the sentence). */
    private static String plainNames(List<String> all) {
        String shown = String.join(", ", all.subList(0, Math.min(3, all.size())));
        return all.size() > 3 ? shown + " and " + (all.size() - 3) + " more" : shown;
    }

    /**
     * The failure a verdict leads with: the most frequent one the network caused ({@link #networkCaused}), else the
     * most frequent. eni-not-ready's verdict led with 12,653 requests sent while its functions were Pending at
     * creation, and said nothing of its 2,230 ENINotReadyExceptions; shared-eni-65k's with 40,369 of the same, not
     * its 11,662 invocations that found no free port on their ENI.
     */
    static Failure lead(List<Failure> failures) {
        for (Failure f : failures) {
            if (networkCaused(f.outcome())) {
                return f;
            }
        }
        return failures.get(0);
    }

    /** "ENINotReadyException, 2,230 from 00:00:52 to 00:01:56": a failure, its count and when. */
    private static String span(Failure f, Narrative.When when) {
        String from = when.at(f.firstMicros());
        String to = when.at(f.lastMicros());
        // burst-scaling's 7,000 throttles in its first second were "from 00:00:00 to 00:00:00"
        return esc(f.outcome()) + ", " + num(f.count()) + (from.equals(to) ? ", all within a second of " + from
                : " from " + from + " to " + to);
    }

    /**
     * The share of invocation requests that did not succeed from which a verdict is red whatever their causes: one in
     * twenty.
     */
    static final double ALARM_SHARE = 0.05;

    /**
     * Invoke errors that say the network or its capacity failed a caller: no IP, no ENI or quota left, EC2 refused
     * or throttled the ENI's creation, the function's ENIs not ready (Inactive, restoring, scaling out), its AZs
     * down, its subnet or security group gone. Not in it: invoked while Pending (ResourceConflictException, the
     * caller came before the function was Active), after its deletion, and throttles.
     */
    static final java.util.Set<String> NETWORK_ERRORS = java.util.Set.of("SubnetIPAddressLimitReachedException",
            "ENILimitReachedException", "EC2AccessDeniedException", "EC2ThrottledException",
            "ResourceNotReadyException", "ENINotReadyException", "ServiceException", "InvalidSubnetIDException",
            "InvalidSecurityGroupIDException");

    /** Function errors the network caused: no free connection on the ENI, no port on a NAT gateway. */
    static final java.util.Set<String> NETWORK_FUNCTION_ERRORS = java.util.Set.of("NoFreePortOnEni",
            "ErrorPortAllocation");

    /**
     * The verdict box's colour ({@code ok} green, {@code warn} amber, {@code bad} red), by what the run did to its
     * callers, not by whether anything at all failed (teardown was red for 14 timeouts in 90,415 invocations,
     * assumptions-documented for requests sent before its functions were Active). Red: a function went Failed,
     * stayed Pending too long or was left Inactive by a restore refused for a network cause ({@link Stranded}), a
     * queued event or message was lost, an invocation failed for a network cause ({@link #NETWORK_ERRORS},
     * {@link #NETWORK_FUNCTION_ERRORS}), or {@value #ALARM_SHARE} of the requests or more
     * did not succeed (save when every one was a queued event's attempt, retried, none lost: sqs-burst). Amber:
     * other failures, ENIs orphaned, or an update that failed ({@link FailedUpdates}). Green: every invocation succeeded and no ENI was orphaned.
     */
    static String tone(RunResult r, List<Failure> failures) {
        RunSummary s = r.summary();
        long total = s.invocations().total();
        long bad = total - s.invocations().succeeded();
        for (RunSummary.FunctionSummary f : s.functions().values()) {
            if (f.finalState().equals("Failed") || f.stuckPending() > 0 || lastFailed(f) != null
                    || Stranded.stranded(f)) {
                return "bad";
            }
        }
        if (QueuedEvents.lost(s) > 0) {
            return "bad";
        }
        if (bad == 0) {
            // an update that failed (FailedUpdates): the function served on its old config, not as asked
            return s.enis().orphaned() > 0 || !FailedUpdates.of(s).isEmpty() ? "warn" : "ok";
        }
        if (QueuedEvents.allRetriedNoneLost(s, bad)) {
            return "warn";
        }
        for (Failure f : failures) {
            if (networkCaused(f.outcome())) {
                return "bad";
            }
        }
        return bad >= ALARM_SHARE * total ? "bad" : "warn";
    }

    /** Whether a failure outcome ({@link Failure#outcome}) is one the network caused. */
    static boolean networkCaused(String outcome) {
        return outcome.startsWith("Function error ")
                ? NETWORK_FUNCTION_ERRORS.contains(outcome.substring("Function error ".length()))
                : NETWORK_ERRORS.contains(outcome);
    }

    /**
     * How Lambda scaled, when the scaling rate throttled requests (FunctionInvocationRateLimitExceeded, or its
     * reserved form): the rule in force, the environments started and the requests throttled in the bucket of the
     * first such throttle, the peak concurrency and when it was first reached, and the last such throttle. Empty
     * otherwise. burst-scaling's verdict said "30,800 of 129,800 invocations did not succeed" and nothing of its story
     * (a burst of 3,000 environments at once, then 500 more a minute, to a peak of 6,000). When the run recorded
     * another limit as refusing most of those throttles ({@link RunSummary.Invocations#rateLimits}: a cap on requests,
     * or the rise of a function's request rate), that limit's sentence instead, with its lever.
     */
    static String scaling(RunResult r, List<Failure> failures, Narrative.When when) {
        long first = Long.MAX_VALUE;
        long last = -1;
        long lastFailure = -1;
        Map<String, Long> byFunction = new LinkedHashMap<>();
        for (Failure f : failures) {
            if (f.outcome().startsWith("TooManyRequestsException (") && f.outcome().contains("InvocationRateLimit")) {
                first = Math.min(first, f.firstMicros());
                last = Math.max(last, f.lastMicros());
                f.byFunction().forEach((fn, n) -> byFunction.merge(fn, n, Long::sum));
            }
            lastFailure = Math.max(lastFailure, f.lastMicros());
        }
        if (last < 0) {
            return "";
        }
        TimeSeries ts = r.timeSeries();
        long bucket = ts.bucketMicros();
        // the limit that refused most of them, as the run recorded it: a cap on requests, the rise, or scaling
        Map<String, Long> byLimit = new LinkedHashMap<>();
        for (String fn : byFunction.keySet()) {
            RunSummary.FunctionSummary fs = r.summary().functions().get(fn);
            if (fs != null) {
                fs.invocations().rateLimits().forEach((k, n) -> byLimit.merge(k, n, Long::sum));
            }
        }
        RequestRateLimit refusedBy = AccountRate.most(byLimit);
        if (refusedBy != null && refusedBy != RequestRateLimit.SCALING) {
            Map<String, Long> refused = new LinkedHashMap<>();
            for (String fn : byFunction.keySet()) {
                RunSummary.FunctionSummary fs = r.summary().functions().get(fn);
                if (fs != null && fs.invocations().rateLimited(refusedBy) > 0) {
                    refused.put(fn, fs.invocations().rateLimited(refusedBy));
                }
            }
            String capped = refusedBy == RequestRateLimit.ACCOUNT || refusedBy == RequestRateLimit.RESERVED
                    ? rateCap(r, refused, refusedBy) : null;
            if (capped != null) {
                return capped;
            }
            AccountRate account = AccountRate.of(r);
            if (refusedBy == RequestRateLimit.ACCOUNT && account != null) {
                return esc(account.verdict());
            }
            return " " + esc(capitalised(limitVerdict(r, refusedBy, mostOf(refused), account))) + ".";
        }
        int i = (int) (first / bucket);
        long started = at(ts.account(Metric.COLD_STARTS), i);
        long throttled = at(ts.account(Metric.THROTTLES), i);
        long peak = r.summary().peakConcurrentExecutions();
        long peakAt = firstAt(r, Metric.Scope.ACCOUNT, "", Metric.CONCURRENT_EXECUTIONS, peak);
        dev.enisim.model.Scaling rule = r.scenario().scaling().scaling();
        StringBuilder b = new StringBuilder(" How Lambda scaled, under ");
        if (rule.model() == dev.enisim.model.Scaling.Model.LEGACY_BURST) {
            b.append("the legacy burst rule (").append(num(rule.burst())).append(" environments at first, then ")
                    .append(num(rule.burstIncrease())).append(" more every ")
                    .append(dev.enisim.report.Assumptions.duration(rule.increasePeriodMicros())).append(')');
        } else {
            b.append("today's rule (each function adds at most ").append(num(rule.newEnvironments()))
                    .append(" environments every ").append(dev.enisim.report.Assumptions.duration(rule.periodMicros()))
                    .append(')');
        }
        b.append(": in the ").append(dev.enisim.report.Assumptions.duration(bucket)).append(" from ")
                .append(when.at(i * bucket)).append(", ").append(num(started)).append(started == 1 ? " environment"
                        : " environments").append(" started (cold starts) and ").append(num(throttled))
                .append(throttled == 1 ? " request was" : " requests were").append(" throttled; concurrency rose to"
                        + " its peak of ").append(num(peak));
        if (peakAt >= 0) {
            b.append(" (first in the ").append(dev.enisim.report.Assumptions.duration(bucket)).append(" from ")
                    .append(when.at(peakAt)).append(')');
        }
        if (!r.scenario().multiAccount()) {
            int limit = r.scenario().accountConcurrencyLimit();
            b.append(peak >= limit ? ", the account's limit of " : ", below the account's limit of ").append(num(limit));
        }
        b.append(lastFailure <= last ? "; every request after " + when.at(last) + " succeeded."
                : "; the last throttled by the scaling rate at " + when.at(last) + ".");
        return b.toString();
    }

    /**
     * What each Availability Zone's outage did, for the functions with a subnet in it: those with every subnet in
     * AZs then down, and their ServiceExceptions while it lasted; those with a subnet elsewhere, and Lambda's refusals
     * of them while it lasted (none: Lambda used the subnets in the other AZs), counted in the buckets it touched. Empty without an outage. az-outage's verdict
     * named neither us-east-1a nor payments, which the outage left unharmed.
     */
    static String outages(RunResult r, Narrative.When when) {
        List<Outages.Outage> all = Outages.of(r);
        if (all.isEmpty()) {
            return "";
        }
        int downs = dev.enisim.report.chart.StateTimeline.azDown(r).size();
        long b0 = r.timeSeries().bucketMicros();
        StringBuilder b = new StringBuilder();
        int told = 0;
        for (Outages.Outage d : all) {
            long from = d.fromMicros();
            long to = d.toMicros();
            if (told++ == 3) {
                b.append(" ").append(downs - 3).append(" more outages: see What happened.");
                break;
            }
            if (!d.touchesAFunction()) {
                continue;
            }
            Map<String, Long> stopped = d.stopped();
            Map<String, Long> spread = d.spread();
            Map<String, java.util.Set<String>> azsOf = d.azsOf();
            int firstBucket = d.firstBucket();
            int lastBucket = d.lastBucket();
            boolean whole = d.whole();
            String lasted = whole ? " while it lasted" : " from " + when.at(firstBucket * b0) + " to "
                    + when.at(Math.min((lastBucket + 1) * b0, r.scenario().durationMicros())) + ", the buckets it touched";
            b.append(' ').append(esc(d.az())).append(" was unavailable from ").append(when.at(from)).append(" to ")
                    .append(to >= r.scenario().durationMicros() ? "the end of the run" : when.at(to)).append(": ");
            List<String> parts = new ArrayList<>();
            if (!stopped.isEmpty()) {
                long n = 0;
                for (long v : stopped.values()) {
                    n += v;
                }
                java.util.Set<String> azs = azsOf.get(stopped.keySet().iterator().next());
                parts.add(names(stopped.keySet()) + (stopped.size() > 1 ? ", with no subnet in an AZ that stayed up"
                        : azs.size() == 1 ? ", whose subnets are all in " + esc(d.az()) : ", whose subnets' AZs ("
                        + esc(and(azs)) + ") were all down") + ", failed " + num(n) + (n == 1 ? " invocation"
                        : " invocations") + " with ServiceException" + lasted);
            }
            if (!spread.isEmpty()) {
                List<String> unharmed = new ArrayList<>();
                List<String> harmed = new ArrayList<>();
                spread.forEach((fn, n) -> (n == 0 ? unharmed : harmed).add(fn));
                if (!unharmed.isEmpty()) {
                    parts.add(names(unharmed) + (unharmed.size() == 1 ? ", with subnets in " + esc(and(azsOf.get(
                            unharmed.get(0)))) : ", with subnets in other AZs too") + ", had no invocation refused by"
                            + " Lambda" + lasted + " (Lambda used " + (unharmed.size() == 1 ? "its subnets" : "their"
                            + " subnets") + " in the AZs still up)");
                }
                if (!harmed.isEmpty()) {
                    long n = 0;
                    for (String fn : harmed) {
                        n += spread.get(fn);
                    }
                    parts.add(names(harmed) + ", with subnets in other AZs too, still had " + num(n) + (n == 1
                            ? " invocation" : " invocations") + " refused by Lambda" + lasted + " (see What failed)");
                }
            }
            b.append(String.join("; ", parts)).append('.');
        }
        return b.toString();
    }

    /** Functions whose recovery from Failed the verdict tells at most. */
    static final int TOLD_RECOVERIES = 3;

    /**
     * Functions that went Failed and were Active again later (deleted and created again once the cause was fixed, as
     * AWS says a Failed function must be): when they failed and why, when they were deleted and created again, when
     * Active, and for a subnet out of IPs when it had a free one again (its time series' minimum per bucket above 0).
     * lesson-recreate's verdict told only "Subnet subnet-a had no free IP from the start", not that IPs were freed at
     * 00:10:00 and the recreated app was Active from 00:21:58 (the teacher's review, session 51). Empty when none.
     */
    static String recovered(RunResult r, Narrative.When when) {
        StringBuilder b = new StringBuilder();
        int told = 0;
        for (Map.Entry<String, RunSummary.FunctionSummary> e : r.summary().functions().entrySet()) {
            List<RunSummary.Transition> ts = e.getValue().transitions();
            int failed = -1;
            for (int i = 0; i < ts.size(); i++) {
                RunSummary.Transition t = ts.get(i);
                if (t.state() == State.Failed && failed < 0) {
                    failed = i;
                } else if (t.state() == State.Active && failed >= 0) {
                    if (told++ == TOLD_RECOVERIES) {
                        return b.toString();
                    }
                    RunSummary.Transition f = ts.get(failed);
                    b.append(' ').append(esc(e.getKey())).append(", Failed").append(f.reasonCode() == null ? ""
                            : " (" + f.reasonCode().name() + ")").append(" from ").append(when.at(Seconds.toMicros(
                                    f.atSeconds())));
                    double deleted = -1;
                    double created = -1;
                    for (int k = failed + 1; k < i; k++) {
                        if (ts.get(k).state() == State.Deleted) {
                            deleted = ts.get(k).atSeconds();
                        } else if (deleted >= 0 && created < 0 && ts.get(k).state() == State.Pending) {
                            created = ts.get(k).atSeconds();
                        }
                    }
                    String freed = f.reasonCode() != null && f.reasonCode().name().equals("SubnetOutOfIPAddresses")
                            ? freedIps(r, e.getKey(), f.atSeconds()) : "";
                    b.append(freed.isEmpty() ? "" : ", ").append(freed);
                    b.append(deleted < 0 ? "," : ", deleted at " + when.at(Seconds.toMicros(deleted))
                            + (created < 0 ? "" : " and created again at " + when.at(Seconds.toMicros(created)))
                            + ",").append(" was Active again from ").append(when.at(Seconds.toMicros(t.atSeconds())))
                            .append('.');
                    failed = -1;
                }
            }
        }
        return b.toString();
    }

    /**
     * When a subnet of the function (as the scenario configures it) had a free IP again after {@code afterSeconds}:
     * "subnet-a had a free IP again by 00:11:00" (the start of the first bucket whose minimum is above 0); empty when none did.
     */
    private static String freedIps(RunResult r, String function, double afterSeconds) {
        List<String> parts = new ArrayList<>();
        for (dev.enisim.scenario.Scenario.Function f : r.scenario().functions()) {
            if (!f.name().equals(function) || f.vpcConfig() == null) {
                continue;
            }
            for (String sn : f.vpcConfig().subnetIds()) {
                Series s = r.timeSeries().get(Metric.SUBNET_AVAILABLE_IPS, Metric.Scope.SUBNET, sn);
                if (s == null) {
                    continue;
                }
                long bucket = r.timeSeries().bucketMicros();
                long[] v = s.values();
                boolean wasFull = false;
                for (int i = 0; i < v.length; i++) {
                    if ((i + 1) * bucket <= Seconds.toMicros(afterSeconds)) {
                        continue;
                    }
                    wasFull |= v[i] == 0;
                    if (wasFull && v[i] > 0) {
                        parts.add(esc(sn) + " had a free IP again by " + Narrative.When.of(r.scenario()).at(
                                i * bucket));
                        break;
                    }
                }
            }
        }
        return String.join(", ", parts);
    }

    /**
     * The subnets that ran out of free IPs, the fullest told in the Capacity table only before: dual-stack's verdict
     * said 2,835 requests came while its functions were Pending, and nothing of its two /27 subnets left with no free
     * IPv4 address at 00:40:00, the scenario's point. Empty when none did.
     */
    static String full(RunResult r, Narrative.When when) {
        List<String> empty = new ArrayList<>();
        long first = Long.MAX_VALUE;
        int fromStart = 0; // those with no free IP before the run's first event
        AtStart start = AtStart.of(r);
        for (Map.Entry<String, RunSummary.SubnetSummary> e : r.summary().subnets().entrySet()) {
            if (e.getValue().minAvailableIps() == 0) {
                empty.add(e.getKey());
                long at = firstAt(r, Metric.Scope.SUBNET, e.getKey(), Metric.SUBNET_AVAILABLE_IPS, 0);
                first = at < 0 ? first : Math.min(first, at);
                fromStart += at == 0 && start.freeIps(e.getKey()) == 0 ? 1 : 0;
            }
        }
        if (empty.isEmpty()) {
            return "";
        }
        java.util.Collections.sort(empty);
        // named as the Capacity table names them (the capacity planner's review: "Subnet subnet-05000000000000005 ran
        // out" above a table that called it shared-ec2-a)
        List<String> shown = new ArrayList<>();
        for (String id : empty) {
            shown.add(dev.enisim.report.Labels.of(r.scenario(), id));
        }
        StringBuilder b = new StringBuilder(" ");
        b.append(empty.size() == 1 ? "Subnet " : empty.size() <= 3 ? "Subnets " : "").append(empty.size() <= 3
                ? esc(and(shown)) : num(empty.size()) + " subnets (" + names(shown) + ")");
        if (fromStart == empty.size()) {
            // sqs-burst's were "ran out of free IPs (the first in the 10s from 00:00:00)": full before anything ran
            return b.append(" had no free IP from the start: a new ENI there"
                    + " fails until an IP is freed (see Capacity).").toString();
        }
        b.append(" ran out of free IPs");
        if (fromStart > 0) {
            b.append(" (the first from the start)");
        } else if (first != Long.MAX_VALUE) {
            b.append(" (").append(empty.size() == 1 ? "" : "the first ").append("in the ")
                    .append(dev.enisim.report.Assumptions.duration(r.timeSeries().bucketMicros())).append(" from ")
                    .append(when.at(first)).append(')');
        }
        return b.append(": a new ENI there fails until an IP is freed (see Capacity).").toString();
    }

    /**
     * Which functions went idle and which kept warm, when one went Inactive for idleness: those that did, how often
     * and first when, and whether their ENIs were reclaimed (deleted) or stayed, another function still using their
     * subnet and security groups; and the VPC functions invoked often enough never to go idle. idle-reclaim's verdict
     * counted 4 ResourceNotReadyExceptions and named neither batch-report, whose ENIs were reclaimed, nor
     * ledger-ping, whose calls kept warm the ENIs batch-ledger shares. Empty when no function went idle in the run (one
     * Inactive from the start, existing: Inactive, went idle before it).
     */
    static String idle(RunResult r, Narrative.When when) {
        Map<String, long[]> idle = new LinkedHashMap<>(); // function -> times, first at
        r.summary().functions().forEach((name, f) -> {
            for (RunSummary.Transition t : f.transitions()) {
                // at 0 an existing function's state before the run (async-inactive-function), not idleness in it
                if (t.state() == State.Inactive && t.atSeconds() > 0 && t.reasonCode() != null
                        && t.reasonCode().name().equals("Idle")) {
                    long[] a = idle.computeIfAbsent(name, k -> new long[] {0, Seconds.toMicros(t.atSeconds())});
                    a[0]++;
                }
            }
        });
        if (idle.isEmpty()) {
            return "";
        }
        Map<String, Long> reclaimed = new LinkedHashMap<>();
        for (RunSummary.Teardown t : r.summary().teardowns()) {
            if (t.action().equals("idle reclaim")) {
                reclaimed.merge(t.function(), (long) t.enis(), Long::sum);
            }
        }
        List<String> warm = new ArrayList<>();
        for (dev.enisim.scenario.Scenario.Function f : r.scenario().functions()) {
            RunSummary.FunctionSummary fs = r.summary().functions().get(f.name());
            if (!idle.containsKey(f.name()) && !f.vpcConfig().subnetIds().isEmpty() && fs != null
                    && fs.invocations().total() > 0) {
                warm.add(f.name());
            }
        }
        StringBuilder b = new StringBuilder(" Not invoked for ").append(dev.enisim.report.Assumptions.duration(
                r.scenario().idleReclaimAfterMicros())).append(" (hyperplane.idleReclaimAfter), ");
        List<String> parts = new ArrayList<>();
        int told = 0;
        for (Map.Entry<String, long[]> e : idle.entrySet()) {
            if (told++ == 3) {
                parts.add((idle.size() - 3) + " more went Inactive too (see What happened)");
                break;
            }
            String fn = e.getKey();
            long n = e.getValue()[0];
            long enis = reclaimed.getOrDefault(fn, 0L);
            StringBuilder p = new StringBuilder(esc(fn)).append(" went Inactive (Idle) ")
                    .append(n == 1 ? "at " : n + " times, first at ").append(when.at(e.getValue()[1]));
            if (enis > 0) {
                p.append(", its ENIs reclaimed (").append(num(enis)).append(enis == 1 ? " deleted)" : " deleted in all)");
            } else {
                String sharer = sharer(r, fn, warm);
                p.append(", its ENIs kept").append(sharer == null ? " (another function used the same subnet and"
                        + " security groups)" : " by " + esc(sharer) + ", which uses the same subnet and security"
                        + " groups").append(" (").append(esc(fn)).append(" went Inactive all the same: idleness is per"
                        + " function, an assumption; AWS does not document what a shared key does to an idle"
                        + " function)");
            }
            parts.add(p.toString());
        }
        b.append(String.join("; ", parts));
        if (!warm.isEmpty()) {
            b.append("; ").append(names(warm)).append(warm.size() == 1 ? " was" : " were").append(" invoked often"
                    + " enough never to go idle (kept warm)");
        }
        return b.append('.').toString();
    }

    /** The first of {@code warm} that used one of {@code function}'s keys at the end of the run; null if none. */
    private static String sharer(RunResult r, String function, List<String> warm) {
        List<TopologyData.KeySpell> mine = TopologyData.keySpells(r, function, false);
        if (mine.isEmpty()) {
            return null;
        }
        List<String> keys = mine.get(mine.size() - 1).keys();
        for (String w : warm) {
            List<TopologyData.KeySpell> theirs = TopologyData.keySpells(r, w, false);
            if (!theirs.isEmpty()) {
                for (String k : theirs.get(theirs.size() - 1).keys()) {
                    if (keys.contains(k)) {
                        return w;
                    }
                }
            }
        }
        return null;
    }

    /** Deletions the verdict leads with at most; the rest it leaves to Teardown waits. */
    static final int LED_DELETIONS = 3;

    /** The functions' deletions ({@code deleteFunction} teardowns) by the instant they were requested, in order. */
    public static Map<Double, List<RunSummary.Teardown>> deletedTogether(List<RunSummary.Teardown> teardowns) {
        Map<Double, List<RunSummary.Teardown>> together = new LinkedHashMap<>();
        for (RunSummary.Teardown t : teardowns) {
            if (t.action().equals("deleteFunction")) {
                together.computeIfAbsent(t.releasedAtSeconds(), k -> new ArrayList<>()).add(t);
            }
        }
        return together;
    }

    /**
     * Whether the verdict leads with the deletion of this group (functions deleted at one instant): it released ENIs
     * and orphaned none (an orphaned ENI's deletion is told apart), and it finished or was still open at the end.
     */
    static boolean leads(List<RunSummary.Teardown> group) {
        long enis = 0;
        long orphaned = 0;
        boolean open = false;
        boolean timed = false;
        for (RunSummary.Teardown t : group) {
            enis += t.enis();
            orphaned += t.orphaned();
            open |= t.waitSeconds() == null;
            timed |= t.waitSeconds() != null && t.enis() > 0;
        }
        return enis > 0 && orphaned == 0 && (open || timed);
    }

    /** The instants of the deletions the verdict leads with ({@link #deletions}), at most {@value #LED_DELETIONS}. */
    static java.util.Set<Double> ledDeletions(List<RunSummary.Teardown> teardowns) {
        java.util.Set<Double> led = new java.util.LinkedHashSet<>();
        for (Map.Entry<Double, List<RunSummary.Teardown>> e : deletedTogether(teardowns).entrySet()) {
            if (led.size() < LED_DELETIONS && leads(e.getValue())) {
                led.add(e.getKey());
            }
        }
        return led;
    }

    /**
     * The verdict's lead when functions were deleted and their ENIs released (none orphaned: the verdict says those
     * apart): for each instant at which functions were deleted (together, as a stack's deletion deletes them), how
     * long until Lambda had deleted the last of their ENIs, whose, and the deletion delay in force; until then their
     * subnets and security groups cannot be deleted. teardown's verdict led with 14 TaskTimedOut errors (0.015%) and
     * assumptions-documented's with 792 ResourceConflictExceptions at creation, not with the deletion they show.
     */
    static String deletions(RunResult r, Narrative.When when) {
        Map<Double, List<RunSummary.Teardown>> together = deletedTogether(r.summary().teardowns());
        boolean legacy = r.scenario().networkModel() == dev.enisim.model.NetworkModel.LEGACY;
        StringBuilder b = new StringBuilder();
        int told = 0;
        for (Map.Entry<Double, List<RunSummary.Teardown>> e : together.entrySet()) {
            List<RunSummary.Teardown> group = e.getValue();
            long enis = 0;
            boolean open = false;
            RunSummary.Teardown longest = null;
            List<String> names = new ArrayList<>();
            List<String> cancelled = new ArrayList<>();
            int back = 0; // deletions cancelled (ENIs taken back)
            int deleting = 0; // ENIs still being deleted at the end, -1 when not known
            for (RunSummary.Teardown t : group) {
                names.add(t.function());
                enis += t.enis();
                if (!cancellations(t, when).isEmpty()) {
                    cancelled.add(cancellations(t, when));
                }
                back += t.cancelled() == null ? 0 : t.cancelled().size();
                Rest rest = rest(r, t);
                if (stillOpen(r, t)) {
                    open = true;
                    deleting = deleting < 0 || rest == null ? -1 : deleting + rest.deleting();
                } else if (waitOf(r, t) == null) {
                    continue; // every ENI it released was taken back: nothing to wait for
                } else if (t.enis() > 0 && (longest == null || waitOf(r, t) > waitOf(r, longest))) {
                    longest = t;
                }
            }
            if (!leads(group)) {
                continue;
            }
            if (told++ == LED_DELETIONS) {
                b.append("More deletions: see Teardown waits. ");
                break;
            }
            b.append("Deleting ").append(names.size() <= 5 ? esc(and(names)) : esc(String.join(", ", names.subList(0,
                    5))) + " and " + (names.size() - 5) + " more").append(names.size() > 1 ? " together" : "")
                    .append(" at ").append(when.at(Seconds.toMicros(e.getKey())))
                    .append(names.size() > 1 ? " (as a stack's deletion does)" : "");
            String whose = names.size() > 1 ? "their " : "its ";
            String what = num(enis) + (legacy ? "" : " Hyperplane") + (enis == 1 ? " ENI" : " ENIs");
            // who took which ENI back, and the rule: a new user of the key cancels a deletion not yet done
            String takenBack = cancelled.isEmpty() ? "" : esc(String.join("; ", cancelled)) + "; a new user of the"
                    + " same subnet and security groups cancels a deletion not yet done: hyperplane.reuseDeletingEni";
            if (!open && longest == null) {
                // lesson-stuck-reuse: old-app's one ENI, taken back by new-app, read "had not finished at the end"
                b.append(" released ").append(what).append(", but Lambda deleted none: ").append(enis == 1 ? "it was"
                        : "each was").append(" taken back before its deletion was done (").append(takenBack)
                        .append("), so the subnets and security groups ").append(names.size() > 1 ? "they" : "it")
                        .append(" used are still in use. ");
                continue;
            }
            // a teardown that mixes the two tells both, with their counts: 2 ENIs, 1 taken back and 1 deleted 20
            // minutes later, read "had not finished at the end of the run" (the summary's wait is null for either)
            long kept = enis - back; // the ENIs not taken back
            if (open && back > 0 && deleting > 0) {
                b.append(" had not finished at the end of the run: of ").append(whose).append(what).append(", Lambda")
                        .append(" was still deleting ").append(num(deleting)).append(delay(r)).append(" and ")
                        .append(back == 1 ? "1 was" : num(back) + " were").append(" taken back before ")
                        .append(back == 1 ? "its" : "their").append(" deletion was done (").append(takenBack)
                        .append(")");
            } else if (open) {
                b.append(" had not finished at the end of the run: Lambda had not yet deleted all of ").append(whose)
                        .append(what).append(delay(r));
                if (!takenBack.isEmpty()) {
                    b.append(" (not counting those taken back before their deletion was done: ").append(takenBack)
                            .append(")");
                }
            } else if (back > 0) {
                b.append(" took ").append(Narrative.clock(Seconds.toMicros(waitOf(r, longest))))
                        .append(" until Lambda had deleted ").append(kept == 1 ? "the one" : "the last of the "
                                + num(kept)).append(" of ").append(whose).append(what).append(" not taken back")
                        .append(names.size() > 1 ? " (" + esc(longest.function()) + "'s)" : "")
                        .append(kept == 1 ? ", after a deletion delay" : ", each after a deletion delay")
                        .append(delay(r)).append("; ").append(back == 1 ? "1 was" : num(back) + " were")
                        .append(" taken back before ").append(back == 1 ? "its" : "their")
                        .append(" deletion was done (").append(takenBack).append(")");
            } else {
                b.append(" took ").append(Narrative.clock(Seconds.toMicros(longest.waitSeconds())))
                        .append(", until Lambda had deleted ").append(enis == 1 ? whose + (legacy ? "" : "Hyperplane ")
                                + "ENI" : "the last of " + whose + what)
                        .append(names.size() > 1 ? " (" + esc(longest.function()) + "'s)" : "")
                        .append(enis == 1 ? ", after a deletion delay" : ", each after a deletion delay")
                        .append(delay(r));
            }
            b.append("; until then the subnets and security groups ").append(names.size() > 1 ? "they used" : "it"
                    + " used").append(" could not be deleted. ");
        }
        return b.toString();
    }

    /**
     * The deletion delay in force, in words as the narrative says it (the scenario's notation was read as YAML by
     * teachers): " (a median of 10m, ...: hyperplane.eniDeleteTime, field assumptions)"; empty under the legacy model.
     */
    private static String delay(RunResult r) {
        if (r.scenario().networkModel() == dev.enisim.model.NetworkModel.LEGACY) {
            return "";
        }
        return " (" + Narrative.typical(r.scenario().hyperplane().eniDeleteTime()) + ": hyperplane.eniDeleteTime, "
                + r.scenario().assumptions().label() + " assumptions)";
    }

    /** Updates of a function's VpcConfig the verdict leads with at most; the rest it leaves to Teardown waits. */
    static final int LED_UPDATES = 3;

    /**
     * The verdict's lead for updates of a function's VpcConfig that released ENIs (none orphaned): what changed and
     * when, when the new ENIs were ready (the old ones released), and how long until Lambda had deleted the last old
     * one, with the deletion delay in force; until then the subnets the function left keep their IPs.
     * redeploy-new-subnets' verdict said only "2 of 1,296,730 invocations did not succeed" (two timeouts), its story,
     * the move to new subnets and the old ENIs' 36-minute wait, told only in the teardown table.
     */
    static String updates(RunResult r, Narrative.When when) {
        boolean legacy = r.scenario().networkModel() == dev.enisim.model.NetworkModel.LEGACY;
        StringBuilder b = new StringBuilder();
        int told = 0;
        for (RunSummary.Teardown t : r.summary().teardowns()) {
            if (!t.action().equals("updateVpcConfig") || t.enis() == 0 || t.orphaned() > 0) {
                continue;
            }
            if (told++ == LED_UPDATES) {
                b.append("More updates: see Teardown waits. ");
                break;
            }
            long released = Seconds.toMicros(t.releasedAtSeconds());
            Update u = update(r, t.function(), released);
            long at = u == null ? released : u.atMicros();
            b.append("Updating ").append(esc(t.function())).append("'s VPC config at ").append(when.at(at));
            String changed = u == null ? "" : u.changed();
            b.append(changed.isEmpty() ? "" : " (" + esc(changed) + ")");
            boolean one = t.enis() == 1; // "its old Hyperplane ENI then was", not "its 1 old Hyperplane ENI then were"
            String what = (one ? "" : num(t.enis()) + " ") + "old" + (legacy ? "" : " Hyperplane")
                    + (one ? " ENI" : " ENIs");
            b.append(released > at ? ": it served on its old ENIs until the new ones were ready at "
                    + when.at(released) + "; its " + what + " then" : ": its " + what);
            String rule = "; a new user of the same subnet and security groups cancels a deletion not yet done:"
                    + " hyperplane.reuseDeletingEni)";
            Rest rest = rest(r, t);
            if (allCancelled(t)) {
                b.append(one ? " was" : " were").append(" not deleted: ").append(one ? "it was" : "each was")
                        .append(" taken back before its deletion was done (").append(esc(cancellations(t, when)))
                        .append(rule);
            } else if (rest != null) {
                // some taken back, the others deleted or still being deleted: both told, with their counts
                b.append(": ").append(rest.cancelled() == 1 ? "1 was" : num(rest.cancelled()) + " were")
                        .append(" taken back before ").append(rest.cancelled() == 1 ? "its" : "their")
                        .append(" deletion was done (").append(esc(cancellations(t, when))).append(rule);
                if (rest.deleting() > 0) {
                    int kept = rest.deleted() + rest.deleting();
                    b.append(", and Lambda was still deleting ").append(kept == 1 ? "the other"
                            : rest.deleting() == kept ? "the other " + num(kept) : num(rest.deleting())
                            + " of the other " + num(kept)).append(" at the end of the run");
                } else {
                    b.append(", and Lambda took ").append(Narrative.clock(Seconds.toMicros(rest.waitSeconds())))
                            .append(" to delete ").append(rest.deleted() == 1 ? "the other, after a deletion delay"
                            : "the other " + num(rest.deleted()) + ", each after a deletion delay").append(delay(r));
                }
            } else if (t.waitSeconds() == null) {
                b.append(one ? " was not deleted by the end of the run" : " were not all deleted by the end of the run");
            } else {
                b.append(" took ").append(Narrative.clock(Seconds.toMicros(t.waitSeconds())))
                        .append(one ? " until Lambda had deleted it, after a deletion delay"
                                : " until Lambda had deleted the last of them, each after a deletion delay")
                        .append(delay(r));
            }
            List<String> left = new ArrayList<>();
            if (u != null) {
                for (String sn : u.from().subnetIds()) {
                    if (!u.to().subnetIds().contains(sn)) {
                        left.add(sn);
                    }
                }
            }
            b.append(left.isEmpty() ? "; until then they kept their subnet IPs. " : "; until then "
                    + (left.size() == 1 ? "subnet " : "subnets ") + esc(and(left)) + ", which it left, could not be"
                    + " deleted. ");
        }
        return b.toString();
    }

    /**
     * Published versions that kept the ENIs of an earlier VPC config after their function's update: a version pins
     * the keys of the config it was published with until it or its function is deleted (domain.md sections 1 and 2;
     * field reports: "old versions pinning old keys"). The update's own answer says only the ENIs it released; those a
     * version kept were said nowhere. One sentence per version and update, at most {@value #LED_UPDATES}; empty when
     * none (and under the legacy model, whose ENIs are per environment).
     */
    static String versions(RunResult r, Narrative.When when) {
        dev.enisim.scenario.Scenario sc = r.scenario();
        if (sc.networkModel() == dev.enisim.model.NetworkModel.LEGACY) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        int told = 0;
        for (RunSummary.Action a : r.actions()) {
            java.util.regex.Matcher m = PUBLISHED.matcher(a.description());
            if (!m.lookingAt()) {
                continue;
            }
            String fn = m.group(1);
            String version = m.group(2);
            long published = Seconds.toMicros(a.atSeconds());
            Update before = update(r, fn, published);
            dev.enisim.scenario.Scenario.VpcConfig pinned = before != null ? before.to() : sc.functions().stream()
                    .filter(f -> f.name().equals(fn)).findFirst().map(dev.enisim.scenario.Scenario.Function::vpcConfig)
                    .orElse(null);
            long gone = Long.MAX_VALUE; // the version's (or its function's) deletion
            for (RunSummary.Action d : r.actions()) {
                String t = d.description();
                if (d.atSeconds() >= a.atSeconds() && !t.contains("rejected") && (t.equals("DeleteFunction " + fn + ":"
                        + version) || t.equals("DeleteFunction " + fn) || t.startsWith("DeleteFunction " + fn + " ("))) {
                    gone = Math.min(gone, Seconds.toMicros(d.atSeconds()));
                }
            }
            for (JournalEntry e : r.journal()) {
                if (e.kind() != JournalEntry.Kind.FUNCTION_UPDATE || !e.subject().equals(fn)
                        || !e.state().equals("Successful") || e.atMicros() <= published || e.atMicros() >= gone
                        || pinned == null) {
                    continue;
                }
                Update u = update(r, fn, e.atMicros());
                if (u == null || u.atMicros() < published) {
                    continue;
                }
                double at = Seconds.of(e.atMicros());
                java.util.Set<String> keys = new java.util.TreeSet<>();
                int enis = 0;
                for (RunResult.EniLifetime x : r.enis()) {
                    if (x.createdSeconds() <= at && (x.endedSeconds().isEmpty() || x.endedSeconds().getAsDouble() > at)
                            && uses(sc, fn, pinned, x) && !uses(sc, fn, u.to(), x)) {
                        keys.add(dev.enisim.report.Labels.key(sc, x.key()));
                        enis++;
                    }
                }
                if (enis == 0) {
                    continue;
                }
                if (told++ == LED_UPDATES) {
                    return b.append("More versions kept ENIs: see What happened. ").toString();
                }
                b.append("Version ").append(version).append(" of ").append(fn).append(" (published at ")
                        .append(when.at(published)).append(") kept ").append(enis == 1 ? "the ENI" : "the " + enis
                        + " ENIs").append(" of its VPC config then (").append(and(keys)).append(") after ")
                        .append(fn).append("'s update at ").append(when.at(u.atMicros())).append(": a published"
                        + " version pins its keys' ENIs, each with its subnet IP and its slot of the VPC's ENI quota,"
                        + " until the version or the function is deleted").append(gone == Long.MAX_VALUE ? " (neither"
                        + " was, by the end of the run)" : " (at " + when.at(gone) + ")").append(". ");
            }
        }
        return b.toString();
    }

    /** The action of a version published: its function and number. */
    private static final java.util.regex.Pattern PUBLISHED = java.util.regex.Pattern.compile(
            "PublishVersion (\\S+) -> version ([0-9]+)");

    /** An update of a function's VpcConfig on the timeline: when, and the config before and after. */
    record Update(long atMicros, dev.enisim.scenario.Scenario.VpcConfig from,
            dev.enisim.scenario.Scenario.VpcConfig to) {

        /** "subnets a and b to c and d; security groups x to y", what differs; "detached from its VPC". */
        String changed() {
            if (to.subnetIds().isEmpty()) {
                return "detached from its VPC";
            }
            List<String> parts = new ArrayList<>();
            if (!from.subnetIds().equals(to.subnetIds())) {
                parts.add((from.subnetIds().isEmpty() ? "attached to subnets " : "subnets " + and(from.subnetIds())
                        + " to ") + and(to.subnetIds()));
            }
            if (!from.securityGroupIds().equals(to.securityGroupIds()) && !from.securityGroupIds().isEmpty()) {
                parts.add("security groups " + and(from.securityGroupIds()) + " to " + and(to.securityGroupIds()));
            }
            return String.join("; ", parts);
        }
    }

    /**
     * The last update of {@code function}'s VpcConfig on the timeline at or before {@code byMicros}, with the config
     * it replaced (the function's own, or the previous update's); null when there is none.
     */
    static Update update(RunResult r, String function, long byMicros) {
        int index = -1;
        dev.enisim.scenario.Scenario.VpcConfig config = null;
        List<dev.enisim.scenario.Scenario.Function> fns = r.scenario().functions();
        for (int i = 0; i < fns.size(); i++) {
            if (fns.get(i).name().equals(function)) {
                index = i;
                config = fns.get(i).vpcConfig();
            }
        }
        Update last = null;
        for (dev.enisim.scenario.Scenario.At a : r.scenario().timeline()) {
            if (a.atMicros() > byMicros) {
                break;
            }
            if (a.action() instanceof dev.enisim.model.SimEvent.CreateFunction c && c.function() == index
                    && c.vpcConfig().isPresent()) {
                config = r.scenario().vpcConfig(c.vpcConfig().get()); // created again with a config of its own
            }
            if (a.action() instanceof dev.enisim.model.SimEvent.UpdateVpcConfig u && u.function() == index
                    && madeAndNotFailed(r, function, a.atMicros())) {
                dev.enisim.scenario.Scenario.VpcConfig to = r.scenario().vpcConfig(u.vpcConfig());
                last = new Update(a.atMicros(), config, to);
                config = to;
            }
        }
        return last;
    }

    /**
     * Whether the run made {@code function}'s configuration update requested at {@code atMicros} and it did not fail
     * (Successful, or still InProgress at the end): the run's own record of it (its status changes in the summary), not
     * the timeline's request. An update Lambda refused (the function Pending, or updating already) or one that ended
     * Failed (SubnetOutOfIPAddresses) left the function on its old config: the page named the subnet of the failed
     * update as the one it left.
     */
    static boolean madeAndNotFailed(RunResult r, String function, long atMicros) {
        dev.enisim.metrics.RunSummary.FunctionSummary fs = r.summary().functions().get(function);
        if (fs == null || fs.updates() == null) {
            return false;
        }
        List<dev.enisim.metrics.RunSummary.Update> changes = fs.updates();
        for (int i = 0; i < changes.size(); i++) {
            dev.enisim.metrics.RunSummary.Update u = changes.get(i);
            if (Math.round(u.atSeconds() * 1e6) != atMicros) {
                continue;
            }
            if (u.lastUpdateStatus() == dev.enisim.model.function.LastUpdateStatus.InProgress) {
                return i + 1 == changes.size()
                        || changes.get(i + 1).lastUpdateStatus() != dev.enisim.model.function.LastUpdateStatus.Failed;
            }
            return u.lastUpdateStatus() != dev.enisim.model.function.LastUpdateStatus.Failed;
        }
        return false;
    }

    /** "a", "a and b", "a, b and c". */
    private static String and(java.util.Collection<String> all) {
        List<String> l = new ArrayList<>(all);
        return l.size() == 1 ? l.get(0) : String.join(", ", l.subList(0, l.size() - 1)) + " and " + l.get(l.size() - 1);
    }

    /** Up to three names, escaped, and how many more. */
    private static String names(java.util.Collection<String> all) {
        List<String> l = new ArrayList<>(all);
        String shown = esc(String.join(", ", l.subList(0, Math.min(3, l.size()))));
        return l.size() > 3 ? shown + " and " + (l.size() - 3) + " more" : shown;
    }

    /**
     * When the function {@code limit} (the account's cap or reserved concurrency's, as the run recorded it) throttled
     * most was sent more requests per second, over a whole bucket, than Lambda accepts (10 per unit of that
     * concurrency quota: its reserved concurrency, or the account's limit), the
     * sentence that says so: then the cap on requests, not the scaling of environments, throttled it (request-rate-
     * cap: 10,000 per second against 10 x 10, at a peak concurrency of 5). Null otherwise.
     */
    private static String rateCap(RunResult r, Map<String, Long> byFunction, RequestRateLimit limit) {
        String fn = mostOf(byFunction);
        java.util.OptionalInt reserved = java.util.OptionalInt.empty();
        for (dev.enisim.scenario.Scenario.Function f : r.scenario().functions()) {
            if (f.name().equals(fn) && limit == RequestRateLimit.RESERVED) {
                reserved = f.reservedConcurrency();
            }
        }
        if (fn == null || reserved.isEmpty() && r.scenario().multiAccount()) {
            return null;
        }
        long quota = reserved.isPresent() ? reserved.getAsInt() : r.scenario().accountConcurrencyLimit();
        long cap = dev.enisim.model.Scaling.REQUESTS_PER_SECOND_PER_CONCURRENCY * quota;
        TimeSeries ts = r.timeSeries();
        Series[] parts = {ts.get(Metric.INVOCATIONS, Metric.Scope.FUNCTION, fn),
            ts.get(Metric.THROTTLES, Metric.Scope.FUNCTION, fn), ts.get(Metric.INVOKE_ERRORS, Metric.Scope.FUNCTION, fn)};
        long most = 0;
        for (int i = 0; parts[0] != null && i < parts[0].values().length; i++) {
            long n = 0;
            for (Series p : parts) {
                n += at(p, i);
            }
            most = Math.max(most, n);
        }
        long perSecond = most * 1_000_000L / ts.bucketMicros();
        if (perSecond <= cap) {
            return null;
        }
        RunSummary.FunctionSummary f = r.summary().functions().get(fn);
        return " The cap on requests, not concurrency, throttled them: Lambda accepts at most "
                + dev.enisim.model.Scaling.REQUESTS_PER_SECOND_PER_CONCURRENCY + " requests per second per unit of"
                + " concurrency (" + esc(fn) + ": " + dev.enisim.model.Scaling.REQUESTS_PER_SECOND_PER_CONCURRENCY
                + " x " + (reserved.isPresent() ? "its reserved concurrency of " : "the account's limit of ")
                + num(quota) + " = " + num(cap) + " per second), and " + esc(fn) + " was sent up to " + num(perSecond)
                + " per second (over " + dev.enisim.report.Assumptions.duration(ts.bucketMicros()) + ")"
                + (f == null ? "" : " while its concurrency peaked at " + num(f.peakConcurrentExecutions())) + ".";
    }

    /** The function with the most in {@code byFunction} (the first of those tied), null when it is empty. */
    private static String mostOf(Map<String, Long> byFunction) {
        String fn = null;
        for (Map.Entry<String, Long> e : byFunction.entrySet()) {
            if (fn == null || e.getValue() > byFunction.get(fn)) {
                fn = e.getKey();
            }
        }
        return fn;
    }

    /**
     * The verdict's sentence for a request-rate limit that throttled {@code function} most, and the lever: raise the
     * concurrency behind the cap, or (the provisioned cap) raise provisioned concurrency; the rise is a pace to keep.
     */
    private static String limitVerdict(RunResult r, RequestRateLimit limit, String function, AccountRate account) {
        String why = AccountRate.why(r, limit, function, account);
        return switch (limit) {
            case PROVISIONED -> "the cap on requests, not the scaling of environments, throttled them: " + why
                    + "; more provisioned concurrency raises it (or, if AWS counts only the requests provisioned"
                    + " environments serve, scaling.provisionedConcurrency.requestRateCap: provisionedOnly)";
            case RISE -> "the pace at which a function's request rate may rise, not its concurrency, throttled"
                    + " them: " + why + "; a ramp that rises no faster is not throttled";
            case RESERVED -> "the cap on requests, not the scaling of environments, throttled them: " + why
                    + "; more reserved concurrency raises it";
            default -> "the cap on requests, not the scaling of environments, throttled them: " + why
                    + "; a higher concurrency quota raises it";
        };
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** A series' value in bucket {@code i}; 0 when there is none. */
    private static long at(Series s, int i) {
        return s == null || i >= s.values().length ? 0 : s.values()[i];
    }

    private static void stuckPending(StringBuilder b, RunResult r) {
        List<Map.Entry<String, RunSummary.FunctionSummary>> stuck = new ArrayList<>();
        r.summary().functions().entrySet().forEach(e -> {
            if (e.getValue().stuckPending() > 0) {
                stuck.add(e);
            }
        });
        if (stuck.isEmpty()) {
            return;
        }
        stuck.sort(Comparator.comparingDouble((Map.Entry<String, RunSummary.FunctionSummary> e) ->
                -e.getValue().longestPendingSeconds()).thenComparing(Map.Entry::getKey));
        b.append("<h3>Stuck Pending (longer than ").append(Narrative.clock(r.scenario().hyperplane()
                .stuckPendingAfterMicros())).append(")</h3>\n<div class=\"scroll\"><table class=\"answers stuck\">\n" + caption("Functions stuck Pending") + "<tr><th scope=\"col\">function</th>"
                + "<th scope=\"col\">longest Pending</th><th scope=\"col\">stuck spells</th><th scope=\"col\">final state</th></tr>\n");
        for (var e : stuck.subList(0, Math.min(ROWS, stuck.size()))) {
            b.append("<tr><td>").append(esc(e.getKey())).append("</td><td class=\"n bad\">")
                    .append(Narrative.clock(wholeSecondsUp(e.getValue().longestPendingSeconds())))
                    .append("</td><td class=\"n\">")
                    .append(e.getValue().stuckPending()).append("</td><td>").append(esc(e.getValue().finalState()))
                    .append("</td></tr>\n");
        }
        b.append("</table></div>\n");
        more(b, stuck.size(), "functions", "summary.json functions");
    }

    /**
     * A duration in whole seconds, rounded up: a spell "longer than 00:06:00" of 360.049 s reads 00:06:01, not
     * 00:06:00 (a clock cuts an instant to its second; a duration beside a bound it passed must not read as the bound).
     */
    static long wholeSecondsUp(double seconds) {
        return (long) Math.ceil(seconds) * Seconds.MICROS;
    }

    /**
     * A table's name, said by a screen reader and hidden on the screen (report.css {@code .vh}), where the heading
     * above it is shared (Capacity's three tables) or is not tied to it: 18 tables of a page had no accessible name.
     */
    public static String caption(String text) {
        return "<caption class=\"vh\">" + esc(text) + "</caption>";
    }

    private static void capacity(StringBuilder b, RunResult r, Narrative.When when) {
        RunSummary s = r.summary();
        // the account's limit beside its peak when near it, as each VPC's ENIs beside their quota
        String near = dev.enisim.report.ConcurrencyNearLimit.of(r);
        String concurrency = near.isEmpty() ? "" : "<p>Peak ConcurrentExecutions " + num(s.peakConcurrentExecutions())
                + esc(near) + ".</p>\n";
        if (s.vpcs().isEmpty() && s.subnets().isEmpty()) { // two tables of headers only (burst-scaling)
            b.append("<h3>Capacity</h3>\n" + concurrency + "<p>No VPC: no function is attached to one, so no ENI is made and no"
                    + " subnet IP or ENI quota is used.</p>\n");
            return;
        }
        // the legacy model's limit is EC2's network interfaces (legacy.eniLimit), not the Hyperplane ENI quota
        boolean legacy = r.scenario().networkModel() == dev.enisim.model.NetworkModel.LEGACY;
        b.append("<h3>Capacity</h3>\n" + concurrency + "<div class=\"scroll\"><table class=\"answers vpcs").append(legacy ? " legacy" : "")
                .append("\">\n" + caption("Capacity: each VPC's ENIs against its quota") + "<tr><th scope=\"col\">VPC</th><th scope=\"col\">peak ENIs</th><th scope=\"col\">"
                + (legacy ? "limit (EC2 network interfaces, legacy.eniLimit)" : "quota (Hyperplane ENIs per VPC)")
                + "</th>"
                + (inPlace(r.scenario()) ? "<th scope=\"col\">used (with the ENIs already in place)</th><th scope="
                        + "\"col\">" + IN_PLACE.replace("already in place", "already in place at the end") + "</th>"
                        : "<th scope=\"col\">used (with other services')</th><th scope=\"col\">other services' ENIs"
                        + " (end)</th>")
                + "<th scope=\"col\">first reached (bucket)</th>"
                + "</tr>\n");
        AtStart start = AtStart.of(r);
        int n = 0;
        for (var e : s.vpcs().entrySet()) {
            if (n++ >= ROWS) {
                break;
            }
            RunSummary.VpcSummary v = e.getValue();
            long at = firstAt(r, Metric.Scope.VPC, e.getKey(), Metric.HYPERPLANE_ENI_COUNT, v.peakEnis());
            b.append("<tr><td>").append(esc(dev.enisim.report.Labels.of(r.scenario(), e.getKey())))
                    .append("</td><td class=\"n\">").append(num(v.peakEnis()))
                    .append("</td><td class=\"n\">").append(num(v.eniQuota()))
                    // eniQuotaCountedPer: account: each account's copy; the use is the fullest account's
                    .append(v.byAccount() == null ? "" : " each account's").append("</td><td class=\"n")
                    // other services' ENIs count against the same quota: Lambda's 5 of 500 was "1.0%" beside 495 EFS
                    // mount targets
                    .append(v.mostUsed() >= v.eniQuota() ? " bad" : "").append("\">")
                    .append(pct(v.mostUsed(), v.eniQuota())).append(v.byAccount() == null ? ""
                            : " (the fullest account's)").append("</td><td class=\"n\">")
                    .append(num(v.otherUsedEnis())).append("</td><td class=\"n\">")
                    .append(reached(at, at == 0 && v.peakEnis() == start.vpcEnis(e.getKey()), when))
                    .append("</td></tr>\n");
        }
        b.append("</table></div>\n");
        more(b, s.vpcs().size(), "VPCs", "summary.json vpcs");
        if (s.region() != null && !s.vpcs().isEmpty() && s.region().byAccount() != null) {
            b.append("<p>Region: peak ").append(num(s.region().peakNetworkInterfaces()))
                    .append(" network interfaces, every account's together (Lambda's and other services'")
                    .append(s.region().outsideVpcs() == 0 ? "" : "; " + num(s.region().outsideVpcs()) + " of them in"
                            + " no VPC's quota: EC2 instances', tasks'...")
                    .append("); EC2's quota is each account's:");
            String sep = " ";
            for (Map.Entry<String, RunSummary.Region> a : s.region().byAccount().entrySet()) {
                RunSummary.Region x = a.getValue();
                b.append(sep).append(esc(a.getKey())).append(" peak ").append(num(x.peakNetworkInterfaces()))
                        .append(" of ").append(num(x.networkInterfacesPerRegion()))
                        .append(x.peakNetworkInterfaces() >= x.networkInterfacesPerRegion() ? " (full)" : "");
                sep = ", ";
            }
            b.append("</p>\n");
        } else if (s.region() != null && !s.vpcs().isEmpty()) {
            b.append("<p>Region: peak ").append(num(s.region().peakNetworkInterfaces())).append(" of ")
                    .append(num(s.region().networkInterfacesPerRegion()))
                    .append(" network interfaces (EC2's quota across all VPCs, Lambda's and other services'")
                    .append(s.region().outsideVpcs() == 0 ? "" : "; " + num(s.region().outsideVpcs()) + " of them in"
                            + " no VPC's quota: EC2 instances', tasks'...").append(")</p>\n");
        }
        List<Map.Entry<String, RunSummary.SubnetSummary>> subnets = new ArrayList<>();
        for (String id : dev.enisim.report.chart.Charts.fullestFirst(s)) { // as the charts order them
            subnets.add(Map.entry(id, s.subnets().get(id)));
        }
        b.append("<div class=\"scroll\"><table class=\"answers subnets\">\n" + caption("Capacity: each subnet's IPs") + "<tr><th scope=\"col\">subnet</th><th scope=\"col\">CIDR</th><th scope=\"col\">fewest free IPs</th><th scope=\"col\">usable"
                + "</th><th scope=\"col\">other tenants (end)</th><th scope=\"col\">first reached (bucket)</th></tr>\n");
        for (var e : subnets.subList(0, Math.min(ROWS, subnets.size()))) {
            RunSummary.SubnetSummary sub = e.getValue();
            long at = firstAt(r, Metric.Scope.SUBNET, e.getKey(), Metric.SUBNET_AVAILABLE_IPS, sub.minAvailableIps());
            b.append("<tr><td>").append(esc(dev.enisim.report.Labels.of(r.scenario(), e.getKey())))
                    .append("</td><td>").append(esc(String.valueOf(sub.cidr())))
                    .append("</td><td class=\"n").append(sub.minAvailableIps() == 0 ? " bad" : "").append("\">")
                    .append(num(sub.minAvailableIps())).append("</td><td class=\"n\">").append(num(sub.usableIps()))
                    .append("</td><td class=\"n\">").append(OtherTenants.cell(r, e.getKey(), sub.otherUsedIps(), when))
                    .append("</td><td class=\"n\">")
                    .append(reached(at, at == 0 && sub.minAvailableIps() == start.freeIps(e.getKey()), when))
                    .append("</td></tr>\n");
        }
        b.append("</table></div>\n");
        more(b, subnets.size(), "subnets, the fullest shown", "summary.json subnets");
        if (!legacy) {
            connections(b, r);
        }
    }

    /**
     * Each ENI key's peak connections against its ENIs' cap ({@code hyperplane.connectionsPerEni} each), the busiest
     * first, when the run made connections. shared-eni-65k's and eni-not-ready's Capacity showed ENIs and IPs but not
     * the connections that filled their shared ENI past 65,000, their story. Shown, as the connections chart draws
     * its cap, only when a key came within half of one ENI's cap: teardown's five keys at 0.01% were noise, and the
     * table took a 1,000-function page past its bound (ChartDefectsTest).
     */
    static void connections(StringBuilder b, RunResult r) {
        List<Map.Entry<String, RunSummary.KeySummary>> keys = new ArrayList<>();
        long most = 0;
        for (Map.Entry<String, RunSummary.KeySummary> e : r.summary().eniKeys().entrySet()) {
            if (e.getValue().peakConnections() > 0) {
                keys.add(e);
                most = Math.max(most, e.getValue().peakConnections());
            }
        }
        if (keys.isEmpty() || 2 * most < r.scenario().hyperplane().connectionsPerEni()) {
            return;
        }
        keys.sort(Comparator.comparingLong((Map.Entry<String, RunSummary.KeySummary> e) ->
                -e.getValue().peakConnections()).thenComparing(Map.Entry::getKey));
        long perEni = r.scenario().hyperplane().connectionsPerEni();
        Map<String, Integer> onOneEni = new HashMap<>();
        for (RunResult.EniLifetime e : r.enis()) {
            onOneEni.merge(e.key(), e.peakConnections(), Math::max);
        }
        b.append("<div class=\"scroll\"><table class=\"answers keys\">\n" + caption("Capacity: each ENI key's connections and ENIs") + "<tr><th scope=\"col\">ENI key (subnet + security groups)</th>"
                + "<th scope=\"col\">peak connections</th><th scope=\"col\">one ENI's cap</th><th scope=\"col\">"
                + "peak ENIs</th><th scope=\"col\">of the peak ENIs' cap</th><th scope=\"col\">most on one ENI</th>"
                + "</tr>\n");
        for (var e : keys.subList(0, Math.min(ROWS, keys.size()))) {
            RunSummary.KeySummary k = e.getValue();
            long cap = perEni * Math.max(1, k.peakEnis());
            int oneEni = onOneEni.getOrDefault(e.getKey(), 0);
            b.append("<tr><td>").append(esc(e.getKey())).append("</td><td class=\"n")
                    .append(k.peakConnections() > perEni ? " bad" : "").append("\">").append(num(k.peakConnections()))
                    .append("</td><td class=\"n\">").append(num(perEni)).append("</td><td class=\"n\">")
                    .append(num(k.peakEnis())).append("</td><td class=\"n").append(k.peakConnections() >= cap
                            ? " bad" : "").append("\">").append(pct(k.peakConnections(), cap))
                    .append("</td><td class=\"n").append(oneEni >= perEni ? " bad" : "").append("\">").append(num(oneEni))
                    .append("</td></tr>\n");
        }
        b.append("</table></div>\n");
        more(b, keys.size(), "ENI keys, the busiest shown", "summary.json eniKeys");
        long over = 0;
        for (var e : keys) {
            over += e.getValue().peakConnections() > perEni ? 1 : 0;
        }
        b.append("<p class=\"note\">A Hyperplane ENI carries at most ").append(num(perEni)).append(" connections"
                + " (hyperplane.connectionsPerEni); past that Lambda creates another ENI for the key, and until it is"
                + " ready the key has no room for more connections (see What failed). The most on one ENI is the"
                + " highest any of the key's ENIs held at once (enis.csv's peakConnections), never above the cap.")
                .append(over == 0 ? "" : over == 1 ? " One key's connections passed one ENI's cap."
                        : " " + num(over) + " keys' connections passed one ENI's cap.")
                .append("</p>\n");
    }

    private static void teardowns(StringBuilder b, RunResult r, Narrative.When when) {
        RunSummary s = r.summary();
        if (s.teardowns().isEmpty()) {
            return;
        }
        // "at" read as the action's time: an update's old ENIs are released when the new ones are ready, minutes later
        // an idle reclaim is Lambda's, not a teardown asked for: idle-reclaim's batch-report row read as one
        boolean reclaims = s.teardowns().stream().anyMatch(t -> t.action().equals("idle reclaim"));
        b.append(reclaims ? "<h3>Teardown and idle-reclaim waits" : "<h3>Teardown waits").append(" (from the ENIs'"
                + " release until the last was gone: deleted by Lambda, or by hand when orphaned)</h3>\n")
                .append(reclaims ? "<p class=\"note\">A row whose action is <i>idle reclaim</i> is no teardown of"
                + " yours: Lambda reclaimed the ENIs of a function left idle (hyperplane.idleReclaimAfter), which"
                + " went Inactive; its wait is the same deletion delay.</p>\n" : "")
                .append("<div class=\"scroll\"><table class=\"answers teardowns\">" + caption("Teardown waits")
                + "\n<tr><th scope=\"col\">function</th><th scope=\"col\">action</th><th scope=\"col\">ENIs released at</th><th scope=\"col\">ENIs</th><th scope=\"col\">waited</th>"
                + "<th scope=\"col\">orphaned</th></tr>"
                + "\n");
        List<RunSummary.Teardown> ts = s.teardowns();
        List<RunSummary.Teardown> waited = waitedLongestFirst(ts);
        int none = ts.size() - waited.size();
        List<RunSummary.Teardown> rows = new ArrayList<>(waited.subList(0, Math.min(ROWS, waited.size())));
        if (ts.size() <= ROWS || waited.isEmpty()) { // all fit, or none waited: those with nothing to wait for
            for (RunSummary.Teardown t : ts) {
                if (!waited(t) && rows.size() < ROWS) {
                    rows.add(t);
                }
            }
        }
        for (RunSummary.Teardown t : rows) {
            b.append("<tr><td>").append(esc(t.function())).append("</td><td>").append(esc(t.action()))
                    .append("</td><td class=\"n\">").append(when.at(Seconds.toMicros(t.releasedAtSeconds())))
                    .append("</td><td class=\"n\">").append(t.enis()).append("</td><td class=\"n")
                    // a deletion that released no ENI waited for nothing: "00:00:00" read as a deletion at once;
                    // one word, as narrow as a clock ("nothing to wait for" wrapped over 3 lines at 420 px)
                    // every ENI taken back by a new user of its key: its deletion cancelled, not still open
                    .append(allCancelled(t) ? "\">cancelled: " + esc(cancellations(t, when)) : rest(r, t) != null
                            ? mixedCell(r, t, when) : t.waitSeconds() == null ? " bad\">still there at the end"
                            : t.enis() == 0
                            && t.waitSeconds() == 0 ? "\" title=\"no ENI released: nothing to wait for\">nothing" : "\">"
                            + Narrative.clock(Seconds.toMicros(t.waitSeconds()))).append("</td><td class=\"n")
                    .append(t.orphaned() > 0 ? " bad" : "").append("\">").append(t.orphaned())
                    .append("</td></tr>\n");
        }
        b.append("</table></div>\n");
        if (waited.isEmpty()) {
            more(b, ts.size(), "teardowns", "summary.json teardowns");
        } else if (ts.size() > ROWS) {
            // teardown of 600 functions showed its first 20, all "nothing", none of the 32 that waited (up to 41:03)
            b.append("<p class=\"note\">").append(waited.size() > ROWS ? ROWS + " of " + num(waited.size())
                    : (waited.size() == 1 ? "The one" : "The " + num(waited.size()))).append(waited.size() == 1
                            ? " teardown that waited shown" : " teardowns that waited shown, the longest first");
            if (waited.size() > ROWS) {
                b.append("; ").append(num(waited.size() - ROWS)).append(" more, and ").append(num(none))
                        .append(" with no ENI to wait for, in summary.json teardowns.</p>\n");
            } else {
                b.append("; and ").append(num(none)).append(" with no ENI to wait for (in summary.json teardowns)."
                        + "</p>\n");
            }
        }
        b.append(TeardownNotes.html(r, when, ledDeletions(ts)));
    }

    /**
     * Whether every ENI a teardown released was taken back before Lambda deleted it (its deletion cancelled by a new
     * user of its key, {@code hyperplane.reuseDeletingEni}): its wait is null because there is nothing left to wait
     * for, not because an ENI was still being deleted at the end. lesson-stuck-reuse's old-app, whose one ENI new-app
     * took back at 00:35:00, read "had not finished at the end of the run" in the verdict, the table and the terminal.
     */
    public static boolean allCancelled(RunSummary.Teardown t) {
        return t.waitSeconds() == null && t.enis() > 0 && t.cancelled() != null && t.cancelled().size() >= t.enis();
    }

    /** Whether a teardown was still waiting for an ENI's deletion at the end of the run (not one cancelled). */
    public static boolean stillOpen(RunResult r, RunSummary.Teardown t) {
        if (t.waitSeconds() != null || allCancelled(t)) {
            return false;
        }
        Rest rest = rest(r, t);
        return rest == null || rest.deleting() > 0;
    }

    /**
     * The seconds a teardown waited until Lambda had deleted the last of its ENIs not taken back: the summary's
     * {@code waitSeconds}, or, for one that mixes cancelled deletions with ENIs Lambda deleted ({@link #rest}), the
     * last of those; null while one was still being deleted at the end, or when every one was taken back.
     */
    public static Double waitOf(RunResult r, RunSummary.Teardown t) {
        if (t.waitSeconds() != null) {
            return t.waitSeconds();
        }
        Rest rest = allCancelled(t) ? null : rest(r, t);
        return rest == null ? null : rest.waitSeconds();
    }

    /**
     * What became of the ENIs of a teardown with cancelled deletions that Lambda did not give back: {@code deleted}
     * of them deleted, {@code deleting} still being deleted at the end of the run, {@code waitSeconds} until the last
     * was deleted (null while one was not). The summary's wait is null for any teardown with a cancelled deletion
     * (nothing left to wait for in that ENI), so a teardown of 2 ENIs, one taken back and one deleted 20 minutes
     * later, read "still there at the end" and "had not finished at the end of the run". Found from the run's ENIs
     * whose deletion was requested at the teardown's instant (in the function's subnets when other teardowns share
     * that instant); null when the teardown had no cancelled deletion, all were cancelled, or the ENIs do not add up.
     */
    public record Rest(int cancelled, int deleted, int deleting, Double waitSeconds) {
    }

    /** {@link Rest}: a teardown's ENIs not taken back, null unless it mixes cancelled and other deletions. */
    public static Rest rest(RunResult r, RunSummary.Teardown t) {
        int back = t.cancelled() == null ? 0 : t.cancelled().size();
        int left = t.enis() - back;
        if (t.waitSeconds() != null || back == 0 || left <= 0) {
            return null;
        }
        List<RunResult.EniLifetime> mine = new ArrayList<>();
        for (RunResult.EniLifetime e : r.enis()) {
            if (e.deletionRequestedSeconds().isPresent()
                    && e.deletionRequestedSeconds().getAsDouble() == t.releasedAtSeconds()) {
                mine.add(e);
            }
        }
        if (mine.size() != left) { // other teardowns at that instant: this function's subnets only
            java.util.Set<String> subnets = new java.util.HashSet<>();
            r.scenario().functions().stream().filter(f -> f.name().equals(t.function()))
                    .forEach(f -> subnets.addAll(f.vpcConfig().subnetIds()));
            mine.removeIf(e -> !subnets.contains(e.subnet()));
        }
        if (mine.size() != left) {
            return null;
        }
        int deleted = 0;
        double last = 0;
        for (RunResult.EniLifetime e : mine) {
            if (e.finalState().equals("Deleted") && e.endedSeconds().isPresent()) {
                deleted++;
                last = Math.max(last, e.endedSeconds().getAsDouble());
            }
        }
        return new Rest(back, deleted, left - deleted, deleted == left ? last - t.releasedAtSeconds() : null);
    }

    /**
     * The Teardown waits' cell of a teardown that mixes cancelled deletions with ENIs Lambda deleted or was still
     * deleting ({@link #rest}), from its class attribute's end: "00:20:00 for 1; 1 cancelled: new-app took eni-0001
     * back at 00:35:00", or "1 still there at the end; 1 cancelled: ...". Either alone read as the whole.
     */
    private static String mixedCell(RunResult r, RunSummary.Teardown t, Narrative.When when) {
        Rest rest = rest(r, t);
        String cancelled = "; " + num(rest.cancelled()) + " cancelled: " + esc(cancellations(t, when));
        return rest.deleting() > 0 ? " bad\">" + num(rest.deleting()) + " still there at the end" + cancelled
                : "\">" + Narrative.clock(Seconds.toMicros(rest.waitSeconds())) + " for " + num(rest.deleted())
                + cancelled;
    }

    /**
     * A teardown's ENIs as the terminal tells them after their count: "deletion cancelled: ..." when every one was
     * taken back, "1 deletion cancelled: ...; 1 still there at the end of the run" or "...; 1 deleted after 00:20:00"
     * when some were, "still there at the end of the run" or "waited 00:20:00" when none was.
     */
    public static String teardownWords(RunResult r, RunSummary.Teardown t, Narrative.When when) {
        if (allCancelled(t)) {
            return "deletion cancelled: " + cancellations(t, when);
        }
        Rest rest = rest(r, t);
        if (rest != null) {
            return num(rest.cancelled()) + (rest.cancelled() == 1 ? " deletion" : " deletions") + " cancelled: "
                    + cancellations(t, when) + "; " + (rest.deleting() > 0 ? num(rest.deleting())
                    + " still there at the end of the run" : num(rest.deleted()) + " deleted after "
                    + Narrative.clock(Seconds.toMicros(rest.waitSeconds())));
        }
        return t.waitSeconds() == null ? "still there at the end of the run"
                : "waited " + Narrative.clock(Seconds.toMicros(t.waitSeconds())) + (t.orphaned() == 0 ? ""
                        : " (" + t.orphaned() + " orphaned: deleted by hand)");
    }

    /**
     * What a VPC's {@code otherUsedEnis} are in a scenario with functions there at time 0 (an imported account's):
     * the import counts there, beside other services' ENIs, the Lambda ENIs it found beyond the one per key its
     * functions start with (Hyperplane scaled out) and those of no imported key. They are Lambda Hyperplane ENIs
     * already in place, not other services': the header and the terminal said "other services'" of them.
     */
    public static final String IN_PLACE = "ENIs already in place (other services', or Lambda's beyond those its"
            + " functions start with)";

    /**
     * Whether {@link #IN_PLACE} applies: the scenario has a function there at time 0 ({@code existing}) and a VPC with
     * {@code otherUsedEnis} (teardown's existing functions and no other ENI keep "other services'").
     */
    public static boolean inPlace(dev.enisim.scenario.Scenario s) {
        return s.functions().stream().anyMatch(f -> f.existing() != dev.enisim.scenario.Scenario.Function.Existing.NO)
                && s.vpcs().stream().anyMatch(v -> v.otherUsedEnis() > 0);
    }

    /** Cancellations a teardown's sentence names at most. */
    static final int NAMED_CANCELLATIONS = 3;

    /**
     * A teardown's cancelled deletions in words, plain text: "new-app took eni-0001 back at 00:35:00" (up to {@value
     * #NAMED_CANCELLATIONS}, then how many more); empty when none was cancelled.
     */
    public static String cancellations(RunSummary.Teardown t, Narrative.When when) {
        if (t.cancelled() == null || t.cancelled().isEmpty()) {
            return "";
        }
        List<String> parts = new ArrayList<>();
        for (RunSummary.Cancelled c : t.cancelled()) {
            if (parts.size() == NAMED_CANCELLATIONS) {
                parts.add(num(t.cancelled().size() - NAMED_CANCELLATIONS) + " more");
                break;
            }
            parts.add(c.by() + " took " + c.eni() + " back at " + when.at(Seconds.toMicros(c.atSeconds())));
        }
        return and(parts);
    }

    /** Whether a teardown had something to wait for: ENIs released, one still there at the end, or one orphaned. */
    static boolean waited(RunSummary.Teardown t) {
        return t.enis() > 0 || t.waitSeconds() == null || t.waitSeconds() > 0 || t.orphaned() > 0;
    }

    /**
     * The teardowns that waited ({@link #waited}), the longest first: those still open at the end, then by wait; ties
     * in the summary's order. The terminal lists them so too.
     */
    public static List<RunSummary.Teardown> waitedLongestFirst(List<RunSummary.Teardown> all) {
        List<RunSummary.Teardown> out = new ArrayList<>();
        for (RunSummary.Teardown t : all) {
            if (waited(t)) {
                out.add(t);
            }
        }
        out.sort(Comparator.comparingDouble((RunSummary.Teardown t) -> t.waitSeconds() == null
                ? Double.NEGATIVE_INFINITY : -t.waitSeconds()));
        return out;
    }

    /**
     * When a level was first reached, for the Capacity tables: the bucket's start, or "from the start" when the level
     * was there before anything in the run happened ({@code fromStart}: the ENIs in place of existing functions, a
     * subnet's other tenants); empty when it never was. sqs-burst's subnets, full from the start (250 addresses of
     * other tenants and an existing function's ENI), read as reached at 00:00:00.
     */
    private static String reached(long at, boolean fromStart, Narrative.When when) {
        return at < 0 ? "" : fromStart ? FROM_START : when.at(at);
    }

    /** What a Capacity table says of a level there when the run started. */
    static final String FROM_START = "from the start";

    /**
     * The levels before the run's first event: per subnet, its free IPs (usable, less its other tenants' addresses
     * and the ENIs in place: an existing function's, created and ready at 0), and per VPC its ENIs in place.
     */
    record AtStart(Map<String, Long> free, Map<String, Long> enis) {

        static AtStart of(RunResult r) {
            Map<String, Long> inPlace = new java.util.HashMap<>(); // subnet -> ENIs in place at 0
            for (RunResult.EniLifetime e : r.enis()) {
                if (e.createdSeconds() == 0 && e.readySeconds().isPresent() && e.readySeconds().getAsDouble() == 0) {
                    inPlace.merge(e.subnet(), 1L, Long::sum);
                }
            }
            Map<String, Long> free = new java.util.HashMap<>();
            Map<String, Long> enis = new java.util.HashMap<>();
            for (dev.enisim.scenario.Scenario.Vpc v : r.scenario().vpcs()) {
                long n = 0;
                for (dev.enisim.scenario.Scenario.Subnet sub : v.subnets()) {
                    long placed = inPlace.getOrDefault(sub.id(), 0L);
                    RunSummary.SubnetSummary ss = r.summary().subnets().get(sub.id());
                    if (ss != null) {
                        free.put(sub.id(), ss.usableIps() - sub.otherUsedIps() - placed);
                    }
                    n += placed;
                }
                enis.put(v.id(), n);
            }
            return new AtStart(free, enis);
        }

        /** The subnet's free IPs at the start; -1 when unknown. */
        long freeIps(String subnet) {
            return free.getOrDefault(subnet, -1L);
        }

        /** The VPC's Lambda ENIs at the start; -1 when unknown. */
        long vpcEnis(String vpc) {
            return enis.getOrDefault(vpc, -1L);
        }
    }

    /** Start of the first bucket where the series reaches {@code value}, in microseconds; -1 if none. */
    private static long firstAt(RunResult r, Metric.Scope scope, String id, Metric metric, long value) {
        Series s = r.timeSeries().get(metric, scope, id);
        if (s != null) {
            for (int i = 0; i < s.values().length; i++) {
                if (s.values()[i] == value) {
                    return i * r.timeSeries().bucketMicros();
                }
            }
        }
        return -1;
    }

    private static RunSummary.Transition lastFailed(RunSummary.FunctionSummary f) {
        RunSummary.Transition last = null;
        for (RunSummary.Transition t : f.transitions()) {
            if (t.state() == State.Failed) {
                last = t;
            }
        }
        return last;
    }

    private static String functions(Map<String, Long> byFunction) {
        List<Map.Entry<String, Long>> l = new ArrayList<>(byFunction.entrySet());
        l.sort(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue()).thenComparing(Map.Entry::getKey));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < Math.min(3, l.size()); i++) {
            b.append(i == 0 ? "" : ", ").append(l.get(i).getKey()).append(" (").append(num(l.get(i).getValue()))
                    .append(')');
        }
        if (l.size() > 3) {
            b.append(" and ").append(l.size() - 3).append(" more");
        }
        return b.toString();
    }

    private static void more(StringBuilder b, int total, String what, String where) {
        if (total > ROWS) {
            b.append("<p class=\"note\">").append(ROWS).append(" of ").append(num(total)).append(' ').append(what)
                    .append(" shown; ").append(num(total - ROWS)).append(" more in ").append(where).append(".</p>\n");
        }
    }


    /** A share as a percentage that never hides a count ({@link dev.enisim.report.chart.Wording#pct}). */
    static String pct(long part, long whole) {
        return dev.enisim.report.chart.Wording.pct(part, whole);
    }

    private static String num(long v) {
        return String.format(Locale.ROOT, "%,d", v);
    }

    private static String esc(String s) {
        return HtmlReport.esc(s);
    }
}
