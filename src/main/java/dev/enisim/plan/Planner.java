package dev.enisim.plan;

import dev.enisim.experiment.HeapPool;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.metrics.RunSummary;
import dev.enisim.model.Legacy;
import dev.enisim.model.NetworkModel;
import dev.enisim.model.RequestRateLimit;
import dev.enisim.model.network.Cidr;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.ArrivalSpec;
import dev.enisim.workload.DistributionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.commons.math3.distribution.LogNormalDistribution;

/** Answers the planning questions for one scenario by running variants of it. */
public final class Planner {

    private static final int SMALLEST_PREFIX = 28;
    private static final int LARGEST_PREFIX = 16;
    private final Scenario base;
    private Map<String, Long> inPlace; // base's enisInPlace, once
    private final int replications;
    private final Consumer<String> progress;
    private final boolean bothModels;
    /** Runs started so far and the threads they run on, shared with the other network model's planner. */
    private final Runs runs;

    /**
     * @param replications N: the demand runs the subnet sizes are taken from (the most over them), the other runs
     *                     that verify them, and the teardown wait's runs
     * @param progress     told what is being run, one line at a time
     */
    public Planner(Scenario base, int replications, Consumer<String> progress) {
        this(base, replications, false, progress);
    }

    /** @param bothModels also size the subnets under the other network model */
    public Planner(Scenario base, int replications, boolean bothModels, Consumer<String> progress) {
        this(base, replications, bothModels, progress, new Runs());
    }

    private Planner(Scenario base, int replications, boolean bothModels, Consumer<String> progress, Runs runs) {
        this.base = base;
        this.replications = replications;
        this.bothModels = bothModels;
        this.progress = progress;
        this.runs = runs;
    }

    /** The simulation runs this planner (and the other network model's, when asked) has started so far. */
    public int runsStarted() {
        return runs.started;
    }

    /**
     * Runs up to {@code n} of the plan's simulations at once (1, the default: one after the other). The plan is the
     * same whatever {@code n}: each run draws its numbers from its replication alone, the runs are used in the order
     * one at a time would run them, and a run started ahead of a search that stops before it (the first replication
     * a size runs out in, the first a traffic limit is hit in) is stopped and never used.
     */
    public Planner threads(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + n);
        }
        runs.threads = n;
        return this;
    }

    /**
     * The most runs {@link #plan()} can take for {@code base}: the run as it is; per sizing (the other network
     * model's too, when asked) the N replications at /16, N at the recommended sizes and, per subnet, up to N a size
     * smaller (they stop at the first that runs out); the
     * traffic search (doubling to x64, then halving the gap to 5%: 7 + 4 probes, one more when a limit at today's
     * traffic restarts it at the recommended sizes; each up to min(N, 3) replications); the teardown's replications; two runs per VPC function for the
     * idle rule (four for one that starts Inactive). A search that stops early takes fewer.
     */
    public static int mostRuns(Scenario base, int replications, boolean bothModels) {
        int subnets = 0;
        for (Scenario.Vpc v : base.vpcs()) {
            subnets += v.subnets().size();
        }
        int attached = 0;
        for (Scenario.Function f : base.functions()) {
            // two idle probes; four for one that starts Inactive (each probe's first call alone too)
            attached += f.vpcConfig().attached() ? (startsInactive(f) ? 2 : 1) : 0;
        }
        int sizing = 2 * replications + subnets * replications;
        return 1 + sizing * (bothModels ? 2 : 1) + 12 * Math.min(replications, HEADROOM_REPLICATIONS) + replications
                + (base.networkModel() == NetworkModel.LEGACY ? 0 : 2 * attached)
                + (base.networkModel() == NetworkModel.HYPERPLANE && base.hyperplane().ec2RequestLimit().isPresent()
                ? (DOUBLING_PROBES + BISECTING_PROBES) * Math.min(replications, HEADROOM_REPLICATIONS) : 0);
    }

    /**
     * The longest runs {@link #plan()} may take for {@code base}, for the memory warning before it runs: the teardown's,
     * the scenario deleted at its end and watched for the horizon the plan chooses, at most the one for the most ENIs
     * it counts (100,000; the plan's runs of the scenario, its variants at other sizes and traffic have its functions,
     * keys and buckets, the teardown's its functions and keys over more buckets). Its shape, not its outcome: the
     * scenario's subnets and quotas as they are.
     */
    public static Scenario longestRun(Scenario base, int replications) {
        return Variants.teardown(base, teardownHorizonMicros(base.hyperplane().eniDeleteTime(), 100_000,
                replications));
    }

    /** {@link #mostRuns(Scenario, int, boolean)} with {@code searches} traffic-headroom searches. */
    public static int mostRuns(Scenario base, int replications, boolean bothModels, int searches) {
        return mostRuns(base, replications, bothModels) + (searches - 1) * 12 * Math.min(replications,
                HEADROOM_REPLICATIONS) * (base.networkModel() == NetworkModel.HYPERPLANE
                && base.hyperplane().ec2RequestLimit().isPresent() ? 2 : 1);
    }

    public Plan plan() {
        try {
            return planned();
        } finally {
            runs.shutDown();
        }
    }

    private Plan planned() {
        progress.accept("the scenario as it is");
        dev.enisim.run.RunResult asIsResult = runResult(base, 0);
        RunSummary asIs = asIsResult.summary();
        List<Plan.SubnetAdvice> other = List.of();
        if (bothModels) {
            NetworkModel o = base.networkModel() == NetworkModel.LEGACY ? NetworkModel.HYPERPLANE : NetworkModel.LEGACY;
            other = new Planner(base.withNetworkModel(o), replications, false, line -> progress.accept(
                    o.name().toLowerCase(java.util.Locale.ROOT) + " model: " + line), runs).subnets();
        }
        List<String> failed = new ArrayList<>();
        asIs.functions().forEach((name, f) -> {
            if ("Failed".equals(f.finalState())) {
                failed.add(name);
            }
        });
        List<Plan.SubnetAdvice> subnets = subnets();
        // a function saved Failed fails every invocation whatever the traffic: not a limit the traffic meets
        Scenario running = Variants.withoutFailedTraffic(base);
        Plan.Headroom headroom = headroom(running, "");
        Map<String, Integer> recommended = new LinkedHashMap<>();
        boolean resized = false;
        for (Plan.SubnetAdvice s : subnets) {
            recommended.put(s.subnet(), s.recommendedPrefix());
            resized |= !s.cidr().endsWith("/" + s.recommendedPrefix());
        }
        if (resized && headroom.firstLimitAtMultiplier() != null && headroom.firstLimitAtMultiplier() <= 1) {
            // today's traffic hits a limit already: what the planner wants next is the headroom once the plan is applied
            headroom = headroom.withAtRecommendedSizes(headroom(Variants.resize(running, recommended),
                    "recommended sizes, "));
        }
        Plan.Headroom last = headroom.atRecommendedSizes() != null ? headroom.atRecommendedSizes() : headroom;
        if (last.firstLimitAtMultiplier() != null && last.firstLimitAtMultiplier() <= 1
                && last.limitsHit().contains(EC2_REQUEST) && base.networkModel() == NetworkModel.HYPERPLANE
                && base.hyperplane().ec2RequestLimit().isPresent()) {
            // EC2's request limit refuses the deployment's ENIs even at the recommended sizes: the headroom a planner
            // can use is that of the design deployed in waves that EC2 accepts
            Scenario design = resized ? Variants.resize(base, recommended) : base;
            Plan.Staggered rollout = rollout(design, demandKeyEnis());
            if (rollout.cannot() == null) {
                rollout = new Plan.Staggered(rollout.burst(), rollout.refillPerSecond(), rollout.waves(), null,
                        headroom(Variants.createdAt(design, createdAt(rollout)), "staggered rollout, "),
                        rollout.enisInPlace());
            }
            headroom = headroom.withStaggered(rollout);
        }
        // a class of failures all in the warm-up is said apart, not as the scenario failing as it is; so is one
        // within --max-failed-fraction; the others with their fraction and who failed, counted after the warm-up
        // (the warm-up's said beside them); a function's own timeouts are said apart as not capacity
        List<String> fails = new ArrayList<>();
        List<String> warmOnly = new ArrayList<>();
        List<String> within = new ArrayList<>();
        List<String> functionErrors = new ArrayList<>();
        List<Fail> classes = failLines(asIs);
        WarmCounts warmCounts = warmCounts(asIsResult, warmUpMicros);
        long total = asIs.invocations().total();
        for (Fail f : classes) {
            long warm = f.count() < 0 ? 0 : warmCounts.byKind().getOrDefault(f.kind(), 0L);
            if (NOT_CAPACITY.contains(f.kind())) {
                functionErrors.add(f.said(total, who(asIs, f, Map.of())));
            } else if (warm > 0 && warm >= f.count()) {
                warmOnly.add(f.line());
            } else if (f.count() >= 0 && f.count() - warm <= maxFailedFraction * total) {
                within.add(f.said(total, who(asIs, f, Map.of())));
            } else if (warm > 0) {
                fails.add(f.less(warm).said(total, who(asIs, f, warmCounts.byFunction())) + String.format(
                        java.util.Locale.ROOT, "; %,d more in the warm-up, not counted", warm));
            } else {
                fails.add(f.said(total, who(asIs, f, Map.of())));
            }
        }
        List<String> noKeepWarm = new ArrayList<>();
        List<String> skip = new ArrayList<>(failed);
        for (Scenario.Function f : base.functions()) {
            String outage = outageOf(f);
            RunSummary.FunctionSummary fs = asIs.functions().get(f.name());
            if (outage != null && !failed.contains(f.name()) && fs != null
                    && fs.invocations().errors().getOrDefault("ServiceException", 0L) > 0) {
                skip.add(f.name());
                noKeepWarm.add(f.name() + ": its invocations fail while its Availability Zone is down (" + outage
                        + "); give it a subnet in a second Availability Zone first");
            }
        }
        for (Scenario.Function f : base.functions()) {
            if (f.existing() != Scenario.Function.Existing.FAILED) {
                continue;
            }
            // saved Failed (enisim import): said as such, not planned around in silence; no idle probe for it
            String why = "it starts Failed (existing: Failed, " + f.failedReason() + "): its creation failed before"
                    + " the run, so it holds no ENI and every invocation fails whatever the capacity, until it is"
                    + " deleted and recreated";
            sizingNotes.add(f.name() + ": " + why + "; the sizes count no demand of it, and the traffic headroom"
                    + " leaves its invocations out: to plan for it recreated, give it createdAt in place of existing:"
                    + " Failed");
            if (!failed.contains(f.name())) {
                skip.add(f.name());
                noKeepWarm.add(f.name() + ": " + why);
            }
        }
        Map<String, Integer> design = new LinkedHashMap<>(recommended);
        return new Plan(base.name(), base.seed(), base.networkModel().name().toLowerCase(java.util.Locale.ROOT), fails, failed,
                subnets, other, vpcs(demandPeaks), headroom, teardown(asIs, design), idle(skip),
                base.assumptions().label(), sharedSubnets(asIs), List.copyOf(sizingNotes), warmOnly,
                warmUpNotApplied(), maxFailedFraction, within, noKeepWarm, functionErrors, base, accountQuotas());
    }

    /**
     * With several accounts, each account's network interfaces per Region at the design's peak (the demand runs')
     * against its own quota, the account with the fewest to spare first ({@link Plan.AccountQuota}); empty with one.
     */
    private List<Plan.AccountQuota> accountQuotas() {
        List<Plan.AccountQuota> out = new ArrayList<>();
        if (!base.multiAccount()) {
            return out;
        }
        List<Scenario.Account> accounts = base.accounts().list();
        for (int i = 0; i < accounts.size(); i++) {
            Scenario.Account a = accounts.get(i);
            long peak = 0;
            long most = 0; // the warm-up's ENIs included
            int quota = a.networkInterfacesPerRegion();
            Map<String, Long> vpcEnis = new LinkedHashMap<>();
            for (Peaks p : demandPeaks) {
                RunSummary.Region x = p.run().region() == null || p.run().region().byAccount() == null ? null
                        : p.run().region().byAccount().get(a.id());
                Map<String, Long> sums = accountVpcEnis(p, a.id());
                if (x != null) {
                    most = Math.max(most, x.peakNetworkInterfaces());
                    // after a warm-up, its keys' peaks after it (as the VPCs' lines count them) and its other
                    // interfaces, never above the run's own peak; the run's own when nothing was left out
                    long after = x.peakNetworkInterfaces();
                    if (p.excluded()) {
                        long lambda = sums.values().stream().mapToLong(Long::longValue).sum();
                        after = Math.min(after, lambda + x.finalOtherUsedEnis() + x.outsideVpcs());
                    }
                    peak = Math.max(peak, after);
                }
                for (Scenario.Vpc v : base.vpcs()) {
                    if (sums.containsKey(v.id())) {
                        vpcEnis.merge(v.id(), sums.get(v.id()), Math::max);
                    }
                }
            }
            out.add(new Plan.AccountQuota(a.id(), i, quota, peak, quota - peak, vpcEnis, most > peak ? most : 0));
        }
        out.sort(java.util.Comparator.comparingLong(Plan.AccountQuota::spare)); // stable: the scenario's order
        return out;
    }

    /** Account {@code account}'s Lambda ENIs per VPC in run {@code p}: its keys' peaks after the warm-up, summed. */
    private static Map<String, Long> accountVpcEnis(Peaks p, String account) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (Map.Entry<String, RunSummary.KeySummary> e : p.run().eniKeys().entrySet()) {
            if (e.getKey().startsWith(account + ":")) {
                sums.merge(e.getValue().vpc(), p.keyEnis().getOrDefault(e.getKey(), e.getValue().peakEnis()),
                        Long::sum);
            }
        }
        return sums;
    }

    /**
     * Under {@code eniQuotaCountedPer: account}, each account's use of its own copy of VPC {@code v}'s quota at the
     * design's peak: the most over {@code runs} of its keys' ENIs there after the warm-up, and for the VPC's owner
     * other services' ENIs at their most too ({@link Plan.VpcAdvice#accountQuotaUse}); empty otherwise.
     */
    private Map<String, Long> accountQuotaUse(Scenario.Vpc v, List<Peaks> runs) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (!v.quotaPerAccount() || !base.multiAccount() || base.networkModel() == NetworkModel.LEGACY) {
            return out;
        }
        String owner = base.accounts().vpcOwners().getOrDefault(v.id(), base.accounts().list().get(0).id());
        for (Scenario.Account a : base.accounts().list()) {
            long most = -1;
            for (Peaks p : runs) {
                Long n = accountVpcEnis(p, a.id()).get(v.id());
                most = Math.max(most, n == null ? -1 : n);
            }
            if (most >= 0 || a.id().equals(owner)) {
                out.put(a.id(), Math.max(0, most) + (a.id().equals(owner) ? mostOtherEnis(v) : 0));
            }
        }
        return out;
    }

    /**
     * The classes of failures that are not capacity ({@link Fail#kind}): a function's own timeout against its
     * duration distribution (TaskTimedOut) fails whatever the subnets, quotas and limits; said apart.
     */
    static final java.util.Set<String> NOT_CAPACITY = java.util.Set.of("cause:TaskTimedOut");

    /**
     * A class of failures of a run ({@link #failsAsIs(RunSummary)}): its line ({@code prefix + rest}), its count
     * ({@code -1} for a function that ends Failed), what it is ({@code failed:F}, {@code error:E}, {@code
     * throttle:R}, {@code throttled}, {@code cause:C}).
     */
    record Fail(String prefix, String rest, long count, String kind) {

        String line() {
            return prefix + rest;
        }

        /** This class with {@code n} fewer failures (those of the warm-up), its words for the count left. */
        Fail less(long n) {
            long left = count - n;
            String noun = kind.startsWith("cause:") ? "function error" : "invocation";
            String r = kind.startsWith("error:") ? (left == 1 ? " fails with " : " fail with ") + kind.substring(6)
                    : rest;
            return new Fail(String.format(java.util.Locale.ROOT, "%,d %s%s", left, noun, left == 1 ? "" : "s"), r,
                    left, kind);
        }

        /**
         * The line with its fraction of the run's invocations next to the count, and who failed after it: "14
         * invocations (0.0039% of 360,275) throttled (...), of f", "45 function errors (NoFreePortOnEni; 0.5% of
         * 9,000 invocations), of f".
         */
        String said(long total, String who) {
            if (count < 0) {
                return line() + who;
            }
            String fraction = String.format(java.util.Locale.ROOT, "%s of %,d", percent(count, total), total);
            if (kind.startsWith("cause:")) {
                return prefix + rest.substring(0, rest.length() - 1) + "; " + fraction + " invocations)" + who;
            }
            return prefix + " (" + fraction + ")" + rest + who;
        }
    }

    /** The classes of failures of a run, functions that end Failed first ({@link #failsAsIs(RunSummary)}). */
    static List<Fail> failLines(RunSummary r) {
        List<Fail> out = new ArrayList<>();
        r.functions().forEach((name, f) -> {
            if ("Failed".equals(f.finalState())) {
                out.add(new Fail(name + " ends Failed", f.finalReasonCode() == null ? "" : " ("
                        + f.finalReasonCode() + ")", -1, "failed:" + name));
            }
        });
        RunSummary.Invocations i = r.invocations();
        i.errors().forEach((name, n) -> {
            if (n > 0) {
                // "1 invocation fails with", "2 invocations fail with"
                out.add(new Fail(String.format(java.util.Locale.ROOT, "%,d invocation%s", n, n == 1 ? "" : "s"),
                        (n == 1 ? " fails with " : " fail with ") + name, n, "error:" + name));
            }
        });
        i.throttleReasons().forEach((reason, n) -> {
            if (n > 0) {
                out.add(new Fail(String.format(java.util.Locale.ROOT, "%,d invocation%s", n, n == 1 ? "" : "s"),
                        " throttled (TooManyRequestsException, " + reason + ")", n, "throttle:" + reason));
            }
        });
        long reasons = i.throttleReasons().values().stream().mapToLong(Long::longValue).sum();
        if (i.throttled() > reasons) {
            out.add(new Fail(String.format(java.util.Locale.ROOT, "%,d invocations", i.throttled() - reasons),
                    " throttled", i.throttled() - reasons, "throttled"));
        }
        i.functionErrorCauses().forEach((cause, n) -> {
            if (n > 0) {
                out.add(new Fail(String.format(java.util.Locale.ROOT, "%,d function error%s", n, n == 1 ? "" : "s"),
                        " (" + cause + ")", n, "cause:" + cause));
            }
        });
        return out;
    }

    /**
     * Who failed in a class of failures, and why when the plan knows: ", of reports", ", of a (3), b (4)", an AZ outage's Availability
     * Zone and its fix, the EC2 request limit's; empty for a class no function is named for.
     */
    private String who(RunSummary r, Fail f, Map<String, Map<String, Long>> warmByFunction) {
        String kind = f.kind();
        if (kind.startsWith("failed:")) {
            RunSummary.FunctionSummary fs = r.functions().get(kind.substring(7));
            return fs != null && fs.finalReasonCode() == StateReasonCode.EC2RequestLimitExceeded ? ": "
                    + ec2Advice(base) : "";
        }
        List<String> names = new ArrayList<>();
        List<String> causes = new ArrayList<>();
        r.functions().forEach((name, fs) -> {
            RunSummary.Invocations i = fs.invocations();
            long n = kind.startsWith("error:") ? i.errors().getOrDefault(kind.substring(6), 0L)
                    : kind.startsWith("throttle:") ? i.throttleReasons().getOrDefault(kind.substring(9), 0L)
                    : kind.startsWith("cause:") ? i.functionErrorCauses().getOrDefault(kind.substring(6), 0L) : 0;
            n -= warmByFunction.getOrDefault(name, Map.of()).getOrDefault(kind, 0L); // after the warm-up
            if (n <= 0) {
                return;
            }
            names.add(String.format(java.util.Locale.ROOT, "%s (%,d)", name, n));
            if (kind.equals("error:ServiceException")) {
                for (Scenario.Function sf : base.functions()) {
                    String outage = sf.name().equals(name) ? outageOf(sf) : null;
                    if (outage != null) {
                        causes.add(name + ": every subnet of it is in an Availability Zone that goes down (" + outage
                                + "); give it a subnet in a second Availability Zone");
                    }
                }
            }
        });
        if (names.isEmpty()) {
            return "";
        }
        if (names.size() == 1) { // its count is the line's, its name said once
            String name = names.get(0).substring(0, names.get(0).indexOf(" ("));
            names.set(0, name);
            causes.replaceAll(c -> c.startsWith(name + ": ") ? c.substring(name.length() + 2) : c);
        }
        String list = names.size() <= 5 ? String.join(", ", names) : String.join(", ", names.subList(0, 5))
                + " and " + (names.size() - 5) + " more functions";
        return ", of " + list + (causes.isEmpty() ? "" : ": " + String.join("; ", causes));
    }

    /**
     * When every subnet of {@code f} is in Availability Zones the scenario's timeline takes down (azOutage): "us-east-1a
     * from 30 min to 90 min, azOutage"; else null.
     */
    String outageOf(Scenario.Function f) {
        if (!f.vpcConfig().attached() || f.vpcConfig().subnetIds().isEmpty()) {
            return null;
        }
        List<String> azs = new ArrayList<>(); // numbered in the order the scenario names them, as the loader does
        Map<String, String> azOf = new LinkedHashMap<>();
        for (Scenario.Vpc v : base.vpcs()) {
            for (Scenario.Subnet sn : v.subnets()) {
                if (!azs.contains(sn.az())) {
                    azs.add(sn.az());
                }
                azOf.put(sn.id(), sn.az());
            }
        }
        java.util.Set<String> own = new java.util.TreeSet<>();
        for (String sn : f.vpcConfig().subnetIds()) {
            own.add(azOf.get(sn));
        }
        // the run's order: the timeline lists an outage's end right after its start, so a spell of the zone that
        // starts inside it came after that end (1 to 5 min and 3 to 8 min read "from 3 min to 8 min"; the run
        // has it back up at 5)
        List<Scenario.At> byTime = new ArrayList<>(base.timeline());
        byTime.sort(java.util.Comparator.comparingLong(Scenario.At::atMicros));
        List<String> spells = new ArrayList<>();
        for (String az : own) {
            int index = azs.indexOf(az);
            Long from = null;
            boolean any = false;
            for (Scenario.At a : byTime) {
                if (a.action() instanceof dev.enisim.model.SimEvent.AzAvailability x && x.az() == index
                        && a.atMicros() < base.durationMicros()) {
                    if (x.down() && from == null) {
                        from = a.atMicros();
                    } else if (!x.down() && from != null) {
                        spells.add(az + " from " + at(base, from) + " to " + at(base, a.atMicros()));
                        from = null;
                        any = true;
                    }
                }
            }
            if (from != null) {
                spells.add(az + " from " + at(base, from) + " to the run's end");
                any = true;
            }
            if (!any) {
                return null; // a subnet in an Availability Zone that stays up
            }
        }
        return String.join(", ", spells) + ", azOutage";
    }

    /** Per subnet of a scenario with several accounts: who consumes it (null for a single-account scenario). */
    private List<Plan.SharedSubnet> sharedSubnets(RunSummary r) {
        if (!base.multiAccount()) {
            return null;
        }
        Scenario.Accounts accounts = base.accounts();
        List<Plan.SharedSubnet> out = new ArrayList<>();
        for (Scenario.Vpc v : base.vpcs()) {
            String owner = accounts.vpcOwners().getOrDefault(v.id(), accounts.list().get(0).id());
            for (Scenario.Subnet s : v.subnets()) {
                List<Plan.Consumer> consumers = new ArrayList<>();
                for (Scenario.Account a : accounts.list()) {
                    List<String> functions = new ArrayList<>();
                    for (Scenario.Function f : base.functions()) {
                        if (accounts.of(f.name()).equals(a.id()) && f.vpcConfig().subnetIds().contains(s.id())) {
                            functions.add(f.name());
                        }
                    }
                    // the design's keys and addresses: the demand runs' (every subnet at /16, no quota in the way), as
                    // section 1's peak; the run as it is showed 0 IPs for an account whose function ended Failed
                    List<String> keys = new ArrayList<>();
                    long peak = 0;
                    for (Peaks p : demandPeaks.isEmpty() ? List.of(wholeRun(r)) : demandPeaks) {
                        long sum = 0;
                        for (Map.Entry<String, RunSummary.KeySummary> e : p.run().eniKeys().entrySet()) {
                            if (e.getValue().subnet().equals(s.id()) && e.getKey().startsWith(a.id() + ":")) {
                                if (!keys.contains(e.getKey())) {
                                    keys.add(e.getKey());
                                }
                                sum += p.keyEnis().getOrDefault(e.getKey(), e.getValue().peakEnis());
                            }
                        }
                        peak = Math.max(peak, sum);
                    }
                    if (!functions.isEmpty() || !keys.isEmpty()) {
                        consumers.add(new Plan.Consumer(a.id(), functions, keys, peak));
                    }
                }
                RunSummary.SubnetSummary ss = r.subnets().get(s.id());
                out.add(new Plan.SharedSubnet(s.id(), v.id(), owner, s.cidr().usableAddresses(), s.otherUsedIps(),
                        ss == null ? -1 : ss.minAvailableIps(), consumers));
            }
        }
        return out;
    }

    /** How the run as it is fails: functions that end Failed, then each class of failing invocations. */
    static List<String> failsAsIs(RunSummary r) {
        List<String> out = new ArrayList<>();
        for (Fail f : failLines(r)) {
            out.add(f.line());
        }
        return out;
    }

    private RunSummary run(Scenario s, int replication) {
        return runResult(s, replication).summary();
    }

    private dev.enisim.run.RunResult runResult(Scenario s, int replication) {
        runs.started++;
        return new Simulation(s, replication).run();
    }

    /**
     * Runs up to {@link #threads} of the plan's simulations at once only as far as the heap holds them: a run starts
     * when its {@code need} (the heap one run of its scenario is estimated to take), added to that of the runs under
     * way, fits in {@code heapBytes}; one that does not fit even so runs alone ({@link HeapPool}, the rule of {@code
     * check}, {@code run --replications --parallel} and a sweep's points). Without it (a test's, a library's) the
     * heap holds them back nowhere: plan's own pool started every run a thread was free for, so a 2,000-function
     * account's runs could run out of memory side by side where one after the other they fit (a review of big runs,
     * fiftieth pass).
     */
    public Planner heap(java.util.function.ToDoubleFunction<Scenario> need, double heapBytes) {
        runs.need = java.util.Objects.requireNonNull(need);
        runs.heapBytes = heapBytes;
        return this;
    }

    /** The most of this plan's runs that ran at once (for a test: the heap's and the threads' limits held). */
    int mostAtOnce() {
        return runs.most.get();
    }

    /** The runs started so far (told in the progress lines) and the pool they run on when there are several threads. */
    private static final class Runs {
        int started;
        int threads = 1;
        java.util.function.ToDoubleFunction<Scenario> need = s -> 0;
        double heapBytes = Double.POSITIVE_INFINITY;
        private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
        private final java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        private HeapPool pool;

        HeapPool pool() {
            if (pool == null) {
                pool = new HeapPool(threads, heapBytes, "enisim-plan");
            }
            return pool;
        }

        /** {@code s}'s run {@code r}, started on the pool when its estimated heap fits beside the runs under way. */
        java.util.concurrent.Future<dev.enisim.run.RunResult> submit(Scenario s, int r) {
            return pool().submit(() -> heapBytes == Double.POSITIVE_INFINITY ? 0 : need.applyAsDouble(s), () -> {
                most.accumulateAndGet(running.incrementAndGet(), Math::max);
                try {
                    return new Simulation(s, r).run(STOPPED_WHEN_INTERRUPTED);
                } finally {
                    running.decrementAndGet();
                }
            });
        }

        void shutDown() {
            if (pool != null) {
                pool.close();
                pool = null;
            }
        }
    }

    /**
     * Replications {@code from} to {@code to - 1} of {@code s}, handed out in order by {@link RunSequence#next}: one
     * at a time, each told ({@code label}) and run when asked for; with several threads, as many run ahead at once,
     * each told as it starts. Closing it stops the runs started ahead and not asked for (a search that ended).
     */
    private RunSequence runSequence(Scenario s, int from, int to, java.util.function.IntFunction<String> label) {
        return new RunSequence(s, from, to, label);
    }

    private final class RunSequence implements AutoCloseable {
        private final Scenario scenario;
        private final int to;
        private final java.util.function.IntFunction<String> label;
        private final java.util.ArrayDeque<java.util.concurrent.Future<dev.enisim.run.RunResult>> ahead =
                new java.util.ArrayDeque<>();
        private int started; // the next replication to start
        private int handed;  // the next replication to hand out
        private RunSequence successor; // the runs likely needed next, started in the slots this one leaves free
        private double multiplier = Double.NaN; // a traffic probe's

        RunSequence(Scenario scenario, int from, int to, java.util.function.IntFunction<String> label) {
            this.scenario = scenario;
            this.to = to;
            this.label = label;
            this.started = from;
            this.handed = from;
        }

        boolean hasNext() {
            return handed < to;
        }

        /** The next replication's result (started now, or ahead of this call when there are several threads). */
        dev.enisim.run.RunResult next() {
            if (!hasNext()) {
                throw new java.util.NoSuchElementException();
            }
            int rep = handed++;
            if (runs.threads <= 1) {
                progress.accept(label.apply(rep));
                started++;
                return runResult(scenario, rep);
            }
            fill(runs.threads - ahead.size());
            if (successor != null && started == to) { // this one's last runs under way: a free slot starts the next
                successor.fill(runs.threads - ahead.size() - successor.ahead.size());
            }
            return await(ahead.poll());
        }

        /** Starts up to {@code slots} more of this sequence's runs, in order, each told as it starts. */
        private void fill(int slots) {
            for (; slots > 0 && started < to; slots--) {
                int r = started++;
                progress.accept(label.apply(r));
                runs.started++;
                ahead.add(runs.submit(scenario, r));
            }
        }

        /**
         * The sequence likely asked for after this one (the next traffic probe, when this one hits no limit): with
         * several threads, its first runs start in the slots this one's last runs leave free. It is the caller's to
         * use or to close.
         */
        RunSequence then(RunSequence next) {
            this.successor = next;
            return next;
        }

        @Override
        public void close() {
            for (java.util.concurrent.Future<dev.enisim.run.RunResult> f : ahead) {
                f.cancel(true);
            }
            ahead.clear();
        }
    }

    /** A run started ahead and not needed any more stops at its next progress point. */
    private static final dev.enisim.run.Progress STOPPED_WHEN_INTERRUPTED = (at, end, events) -> {
        if (Thread.currentThread().isInterrupted()) {
            throw new java.util.concurrent.CancellationException("a run started ahead is not needed");
        }
    };

    private static dev.enisim.run.RunResult await(java.util.concurrent.Future<dev.enisim.run.RunResult> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (e.getCause() instanceof Error err) {
                throw err; // an OutOfMemoryError in a run: the command's own handling, as with one thread
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    // ---- the warm-up ----------------------------------------------------------------------------------------

    /**
     * The default warm-up: 5 minutes. The simulation starts every function, an {@code existing: Active} one too,
     * with no warm environment, so its first minute ramps against the scaling rate (steady: "first limit x1.35:
     * scaling-rate" where the sustained limit, by Little's law, is concurrency at about x2.4).
     */
    public static final long DEFAULT_WARM_UP_MICROS = 300_000_000L;

    private long warmUpMicros = DEFAULT_WARM_UP_MICROS;

    /**
     * Leave throttles and failures within {@code micros} of the run's start, or of a function's turning Active, out
     * of the traffic headroom's limit judgement (0: judge the whole run).
     */
    public Planner warmUp(long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("a warm-up cannot be negative");
        }
        this.warmUpMicros = micros;
        return this;
    }

    /**
     * Per bucket of {@code ts}: whether it is in the function's warm-up, that is overlaps one of its {@link
     * #warmUpWindows}. None when the buckets are longer than the warm-up (a bucket cannot tell it apart), or the run
     * is not longer than twice the warm-up (nothing would be left to judge).
     */
    static boolean[] warmUpBuckets(dev.enisim.metrics.TimeSeries ts, RunSummary.FunctionSummary f, long warmUp,
            long durationMicros) {
        boolean[] warm = new boolean[ts.buckets()];
        long b = ts.bucketMicros();
        if (!warmUpApplies(warmUp, b, durationMicros)) {
            return warm;
        }
        long[] windows = warmUpWindows(f, warmUp);
        for (int i = 0; i < warm.length; i++) {
            long from = i * b;
            long to = from + b;
            for (int w = 0; w < windows.length; w += 2) {
                warm[i] |= from < windows[w + 1] && to > windows[w];
            }
        }
        return warm;
    }

    /**
     * A function's warm-up, as instants from/to (microseconds, to excluded): the first {@code warmUp} of the run;
     * from its creation (the Pending before its first turning Active after the start) to {@code warmUp} after it
     * turned Active; and the first {@code warmUp} of each later spell Active.
     */
    static long[] warmUpWindows(RunSummary.FunctionSummary f, long warmUp) {
        List<Long> out = new ArrayList<>(List.of(0L, warmUp));
        boolean first = true;
        if (f != null && f.transitions() != null) {
            List<RunSummary.Transition> ts = f.transitions();
            for (int i = 0; i < ts.size(); i++) {
                RunSummary.Transition t = ts.get(i);
                if (t.state() != dev.enisim.model.function.State.Active) {
                    continue;
                }
                long at = Math.round(t.atSeconds() * 1e6);
                long from = at;
                if (first && i > 0 && ts.get(i - 1).state() == dev.enisim.model.function.State.Pending) {
                    from = Math.round(ts.get(i - 1).atSeconds() * 1e6); // its creation
                }
                first = false;
                if (at > 0) {
                    out.add(from);
                    out.add(at + warmUp);
                }
            }
        }
        long[] w = new long[out.size()];
        for (int i = 0; i < w.length; i++) {
            w[i] = out.get(i);
        }
        return w;
    }

    /**
     * The failures of a run inside its functions' warm-ups ({@link #warmUpWindows}), per class ({@link Fail#kind})
     * and per function and class; empty when the warm-up does not apply. Read off the run's journal, whose
     * entries count each outcome per spell between two state changes with the instants of its first and last: a
     * spell's failures all inside a window (a Pending spell from creation to Active always is) or all outside it
     * count exactly, whatever the buckets. One that straddles a window's end (a window begins at a state change, so
     * its last failure is after the warm-up: at most all but one are in it) is split by the time series: the failures
     * of its series in the buckets wholly inside the window, within the spell's first and last, less every failure
     * of the function's other entries on that series that may lie in those buckets (another class of the same series,
     * the spell before it), so never more than were there: a failure after the warm-up is not left out. The series
     * does not split throttles or function errors by reason: the ramp's scaling-rate throttles in the first buckets
     * were taken for the concurrency throttles of the spell that went on after the warm-up, which then read "all in
     * the warm-up" with 71 after it. A straddling spell's failures in the bucket the window's end falls in count
     * after it [assumed: the run keeps no instant of each failure].
     */
    static WarmCounts warmCounts(dev.enisim.run.RunResult res, long warmUp) {
        Map<String, Long> byKind = new LinkedHashMap<>();
        Map<String, Map<String, Long>> byFunction = new LinkedHashMap<>();
        long bucket = res.timeSeries().bucketMicros();
        long duration = res.scenario().durationMicros();
        if (!warmUpApplies(warmUp, bucket, duration)) {
            return new WarmCounts(byKind, byFunction);
        }
        Map<String, long[]> windows = new LinkedHashMap<>();
        List<dev.enisim.metrics.JournalEntry> failures = new ArrayList<>();
        Map<String, List<dev.enisim.metrics.JournalEntry>> byName = new java.util.HashMap<>(); // per function
        for (dev.enisim.metrics.JournalEntry e : res.journal()) {
            if (e.kind() == dev.enisim.metrics.JournalEntry.Kind.INVOCATIONS && e.count() > 0
                    && failureKind(e) != null) {
                failures.add(e);
                byName.computeIfAbsent(e.subject(), n -> new ArrayList<>()).add(e);
            }
        }
        for (dev.enisim.metrics.JournalEntry e : failures) {
            dev.enisim.model.Outcome o = dev.enisim.model.Outcome.valueOf(e.state());
            String kind = failureKind(e);
            String name = e.subject();
            long[] w = windows.computeIfAbsent(name, n -> warmUpWindows(res.summary().functions().get(n), warmUp));
            long first = e.atMicros();
            long last = e.lastMicros();
            long warm = 0;
            boolean touches = false;
            for (int i = 0; i < w.length; i += 2) {
                if (first >= w[i] && last < w[i + 1]) {
                    warm = e.count(); // all inside
                    touches = false;
                    break;
                }
                touches |= first < w[i + 1] && last >= w[i];
            }
            if (touches) { // straddles a window's end: the buckets wholly inside it, within the spell
                dev.enisim.metrics.Series series = o.kind() == dev.enisim.model.Outcome.Kind.INVOKE_ERROR
                        ? invokeErrors(res.timeSeries(), name, o.exception())
                        : res.timeSeries().get(o.kind() == dev.enisim.model.Outcome.Kind.THROTTLE
                        ? dev.enisim.metrics.Metric.THROTTLES : dev.enisim.metrics.Metric.ERRORS,
                        dev.enisim.metrics.Metric.Scope.FUNCTION, name);
                long inside = 0;
                long from = Long.MAX_VALUE; // the buckets counted, from..to
                long to = Long.MIN_VALUE;
                if (series != null) {
                    long[] v = series.values();
                    for (int b = 0; b < v.length; b++) {
                        long start = b * bucket;
                        long end = start + bucket;
                        if (end <= first || start > last) {
                            continue;
                        }
                        for (int i = 0; i < w.length; i += 2) {
                            if (start >= w[i] && end <= w[i + 1]) {
                                inside += v[b];
                                from = Math.min(from, start);
                                to = Math.max(to, end);
                                break;
                            }
                        }
                    }
                }
                // the function's other failures on this series that may be in those buckets are not this entry's
                long others = 0;
                for (dev.enisim.metrics.JournalEntry x : byName.get(name)) {
                    if (x != e && sameSeries(x, e) && x.atMicros() < to
                            && x.lastMicros() >= from) {
                        others += x.count();
                    }
                }
                warm = Math.max(0, Math.min(e.count() - 1, inside - others));
            }
            if (warm > 0) {
                byKind.merge(kind, warm, Long::sum);
                byFunction.computeIfAbsent(name, n -> new LinkedHashMap<>()).merge(kind, warm, Long::sum);
            }
        }
        return new WarmCounts(byKind, byFunction);
    }

    /** The class ({@link Fail#kind}) of a journal entry's failed invocations; null for successes and other entries. */
    private static String failureKind(dev.enisim.metrics.JournalEntry e) {
        dev.enisim.model.Outcome o;
        try {
            o = dev.enisim.model.Outcome.valueOf(e.state());
        } catch (IllegalArgumentException x) {
            return null;
        }
        return switch (o.kind()) {
            case THROTTLE -> "throttle:" + o.reason();
            case INVOKE_ERROR -> "error:" + o.exception();
            case FUNCTION_ERROR -> "cause:" + o.reason();
            case SUCCESS -> null;
        };
    }

    /**
     * Whether two entries' failures are counted in one time series of their function: throttles (every reason), function
     * errors (every cause), invoke errors of one exception.
     */
    private static boolean sameSeries(dev.enisim.metrics.JournalEntry a, dev.enisim.metrics.JournalEntry b) {
        dev.enisim.model.Outcome x = dev.enisim.model.Outcome.valueOf(a.state());
        dev.enisim.model.Outcome y = dev.enisim.model.Outcome.valueOf(b.state());
        return x.kind() == y.kind() && (x.kind() != dev.enisim.model.Outcome.Kind.INVOKE_ERROR
                || x.exception().equals(y.exception()));
    }

    /** A function's invoke errors of one exception per bucket (null: none). */
    private static dev.enisim.metrics.Series invokeErrors(dev.enisim.metrics.TimeSeries ts, String function,
            String exception) {
        for (dev.enisim.metrics.Series s : ts.invokeErrorsByException(dev.enisim.metrics.Metric.Scope.FUNCTION,
                function)) {
            if (exception.equals(s.exception())) {
                return s;
            }
        }
        return null;
    }

    /** {@link #warmCounts}: the failures in the warm-up per class, and per function and class. */
    record WarmCounts(Map<String, Long> byKind, Map<String, Map<String, Long>> byFunction) {
    }

    /**
     * Whether a warm-up of {@code warmUp} leaves anything out of a run: the buckets are no longer than it (a bucket
     * can tell it apart) and the run is longer than twice it (as much is left to judge as is left out).
     */
    static boolean warmUpApplies(long warmUp, long bucketMicros, long durationMicros) {
        return warmUp > 0 && bucketMicros <= warmUp && durationMicros > 2 * warmUp;
    }

    /** The failed fraction at or under which failures do not count ({@link #maxFailedFraction(double)}). */
    private double maxFailedFraction;

    /**
     * Failures of a class (a limit's throttles or errors, each class of the run as it is) that are at most this
     * fraction of the run's invocations do not count: not a limit hit in the traffic headroom, not the scenario
     * failing as it is (said apart, with their fraction). 0, the default: any failure counts, however rare, so
     * the answer moves with the run's length (one throttle in millions makes "already fails"). A function that ends
     * Failed always counts.
     */
    /**
     * How many traffic-headroom searches to run (plan --headroom-searches), each on its own replications: search k
     * runs replications k x min(N, 3) to (k+1) x min(N, 3) - 1 at each multiplier. The answer given is the lowest
     * first limit (the one to plan on) and each search's is said: one search's answer moves with the seed (the
     * quickstart's at its recommended sizes from x10.4 to x11.3 over five searches). 1 (the default): one search, said to be one seed's answer.
     */
    public Planner headroomSearches(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("at least one headroom search");
        }
        this.headroomSearches = n;
        return this;
    }

    private int headroomSearches = 1;

    public Planner maxFailedFraction(double fraction) {
        if (!(fraction >= 0 && fraction < 1)) {
            throw new IllegalArgumentException("a failed fraction is from 0 to under 1");
        }
        this.maxFailedFraction = fraction;
        return this;
    }

    /**
     * The limits of {@code hit} whose failures in {@code r} are more than {@code fraction} of its invocations, or
     * that made a function end Failed (all of them when {@code fraction} is 0).
     */
    static List<String> material(List<String> hit, RunSummary r, Scenario s, double fraction) {
        if (fraction <= 0 || hit.isEmpty()) {
            return hit;
        }
        Map<String, Long> n = new LinkedHashMap<>();
        java.util.Set<String> failed = new java.util.HashSet<>();
        java.util.Set<String> startedFailed = startedFailed(s);
        r.functions().forEach((name, f) -> {
            if (startedFailed.contains(name)) { // the account's, as limitsHit says
                return;
            }
            Map<String, Long> t = f.invocations().throttleReasons();
            Map<String, Long> e = f.invocations().errors();
            Map<String, Long> c = f.invocations().functionErrorCauses();
            n.merge("concurrency", t.getOrDefault("ConcurrentInvocationLimitExceeded", 0L)
                    + t.getOrDefault("ReservedFunctionConcurrentInvocationLimitExceeded", 0L), Long::sum);
            long rated = t.getOrDefault("FunctionInvocationRateLimitExceeded", 0L)
                    + t.getOrDefault("ReservedFunctionInvocationRateLimitExceeded", 0L);
            for (RequestRateLimit l : RequestRateLimit.all()) { // each throttle under the limit that refused it
                long byLimit = f.invocations().rateLimited(l);
                n.merge(requestCap(l) ? "request-rate" : "scaling-rate", byLimit, Long::sum);
                rated -= byLimit;
            }
            n.merge(rateLimit(s, r, name), rated, Long::sum);
            n.merge("ENI", e.getOrDefault("ENILimitReachedException", 0L), Long::sum);
            n.merge("IP", e.getOrDefault("SubnetIPAddressLimitReachedException", 0L), Long::sum);
            n.merge(EC2_REQUEST, e.getOrDefault("EC2ThrottledException", 0L), Long::sum);
            n.merge("connections", c.getOrDefault("NoFreePortOnEni", 0L) + c.getOrDefault("ErrorPortAllocation",
                    0L), Long::sum);
            StateReasonCode code = f.finalReasonCode();
            if ("Failed".equals(f.finalState()) && code != null) {
                failed.add(code == StateReasonCode.EniLimitExceeded ? "ENI" : code == StateReasonCode
                        .SubnetOutOfIPAddresses ? "IP" : code == StateReasonCode.EC2RequestLimitExceeded ? EC2_REQUEST
                        : code.name());
            }
        });
        long total = r.invocations().total();
        List<String> out = new ArrayList<>();
        for (String l : hit) {
            if (failed.contains(l) || n.getOrDefault(l, 0L) > fraction * total) {
                out.add(l);
            }
        }
        return out;
    }

    /** "0.0039%", "4.7%": a failed fraction. */
    static String percent(long n, long of) {
        return percent(of == 0 ? 0 : (double) n / of);
    }

    /** A fraction as a percentage: "0.1%", "0.0039%", "4.7%". */
    public static String percent(double fraction) {
        double x = 100 * fraction;
        return (x >= 1 ? String.format(java.util.Locale.ROOT, "%.1f", x)
                : new java.math.BigDecimal(x).round(new java.math.MathContext(2)).stripTrailingZeros()
                .toPlainString()) + "%";
    }

    /** The warm-up this plan leaves out of its judgements: 0 when none was asked for or it does not apply. */
    private long appliedWarmUpMicros() {
        return warmUpApplies(warmUpMicros, base.bucketMicros(), base.durationMicros()) ? warmUpMicros : 0;
    }

    /** Why the warm-up asked for does not apply ({@link Plan#warmUpNotApplied}), or null. */
    private String warmUpNotApplied() {
        if (warmUpMicros <= 0 || appliedWarmUpMicros() > 0) {
            return null;
        }
        String why = base.bucketMicros() > warmUpMicros ? "the run's buckets (" + minutes(base.bucketMicros())
                + ") are longer than it" : "the run (" + minutes(base.durationMicros()) + ") is not longer than"
                + " twice it";
        return "the " + minutes(warmUpMicros) + " warm-up (plan --warm-up) was not applied: " + why + ", so every"
                + " failure and peak counts, the start-up ramp's too; run the scenario longer, or plan --warm-up 0 to"
                + " judge the whole run on purpose";
    }

    /** The sum of a series over the buckets not in the warm-up (0 for no series). */
    private static long afterWarmUp(dev.enisim.metrics.Series s, boolean[] warm) {
        if (s == null) {
            return 0;
        }
        long n = 0;
        for (int i = 0; i < s.values().length && i < warm.length; i++) {
            n += warm[i] ? 0 : s.values()[i];
        }
        return n;
    }

    /** A function's throttles, invoke errors (by exception) and function errors after its warm-up. */
    private record AfterWarmUp(long throttles, Map<String, Long> invokeErrors, long functionErrors) {
    }

    private static AfterWarmUp afterWarmUp(dev.enisim.run.RunResult res, String name, long warmUp) {
        dev.enisim.metrics.TimeSeries ts = res.timeSeries();
        boolean[] warm = warmUpBuckets(ts, res.summary().functions().get(name), warmUp,
                res.scenario().durationMicros());
        Map<String, Long> ie = new LinkedHashMap<>();
        for (dev.enisim.metrics.Series s : ts.invokeErrorsByException(dev.enisim.metrics.Metric.Scope.FUNCTION,
                name)) {
            ie.merge(s.exception(), afterWarmUp(s, warm), Long::sum);
        }
        return new AfterWarmUp(afterWarmUp(ts.get(dev.enisim.metrics.Metric.THROTTLES,
                dev.enisim.metrics.Metric.Scope.FUNCTION, name), warm), ie, afterWarmUp(ts.get(
                dev.enisim.metrics.Metric.ERRORS, dev.enisim.metrics.Metric.Scope.FUNCTION, name), warm));
    }

    /**
     * The limits ({@link #limitsHit}) a run hit after the warm-up: a limit counts when some function met it (its
     * throttles, its invoke errors of that exception, its port refusals among its function errors) in a bucket
     * outside its warm-up, or ends Failed by it. The time series does not split throttles by reason: a function
     * throttled after its warm-up keeps every throttle reason it met in the run.
     */
    static List<String> limitsAfterWarmUp(dev.enisim.run.RunResult res, long warmUp) {
        RunSummary r = res.summary();
        List<String> all = limitsHit(r, res.scenario());
        if (all.isEmpty() || warmUp <= 0) {
            return all;
        }
        java.util.Set<String> kept = new java.util.HashSet<>();
        java.util.Set<String> startedFailed = startedFailed(res.scenario());
        for (Map.Entry<String, RunSummary.FunctionSummary> e : r.functions().entrySet()) {
            RunSummary.FunctionSummary f = e.getValue();
            if (startedFailed.contains(e.getKey())) { // the account's, as limitsHit says
                continue;
            }
            AfterWarmUp a = afterWarmUp(res, e.getKey(), warmUp);
            Map<String, Long> t = f.invocations().throttleReasons();
            if (a.throttles() > 0) {
                // the series does not split throttles by reason: the warm-up's are the rate's first (the ramp's),
                // and the rate counts only when its throttles cannot all have been in the warm-up [assumed]
                long conc = t.getOrDefault("ConcurrentInvocationLimitExceeded", 0L)
                        + t.getOrDefault("ReservedFunctionConcurrentInvocationLimitExceeded", 0L);
                long rate = t.getOrDefault("FunctionInvocationRateLimitExceeded", 0L)
                        + t.getOrDefault("ReservedFunctionInvocationRateLimitExceeded", 0L);
                long warm = f.invocations().throttled() - a.throttles();
                long rateAfter = Math.max(0, rate - warm);
                if (conc > 0 && a.throttles() > rateAfter) {
                    kept.add("concurrency");
                }
                if (rate > 0 && (rateAfter > 0 || conc == 0)) {
                    kept.add(rateLimit(res.scenario(), r, e.getKey()));
                }
            }
            if (a.invokeErrors().getOrDefault("ENILimitReachedException", 0L) > 0
                    || f.finalReasonCode() == StateReasonCode.EniLimitExceeded) {
                kept.add("ENI");
            }
            if (a.invokeErrors().getOrDefault("SubnetIPAddressLimitReachedException", 0L) > 0
                    || f.finalReasonCode() == StateReasonCode.SubnetOutOfIPAddresses) {
                kept.add("IP");
            }
            Map<String, Long> c = f.invocations().functionErrorCauses();
            if (a.functionErrors() > 0 && c.getOrDefault("NoFreePortOnEni", 0L)
                    + c.getOrDefault("ErrorPortAllocation", 0L) > 0) {
                kept.add("connections");
            }
            if (a.invokeErrors().getOrDefault("EC2ThrottledException", 0L) > 0
                    || f.finalReasonCode() == StateReasonCode.EC2RequestLimitExceeded) {
                kept.add(EC2_REQUEST);
            }
        }
        List<String> out = new ArrayList<>();
        for (String l : all) {
            if (kept.contains(l)) {
                out.add(l);
            }
        }
        return out;
    }

    /**
     * {@link #failsAsIs(RunSummary)}, each class of failures that happened only in the warm-up said to be so.
     */
    static List<String> failsAsIs(dev.enisim.run.RunResult res, long warmUp) {
        RunSummary r = res.summary();
        if (warmUp <= 0) {
            return failsAsIs(r);
        }
        Map<String, Long> warm = warmCounts(res, warmUp).byKind();
        String note = warmUpNote(warmUp);
        List<String> out = new ArrayList<>();
        for (Fail f : failLines(r)) {
            boolean warmOnly = f.count() > 0 && warm.getOrDefault(f.kind(), 0L) >= f.count();
            out.add(warmOnly ? f.line() + note : f.line());
        }
        return out;
    }

    /** What {@link #failsAsIs(dev.enisim.run.RunResult, long)} adds to a class of failures all in the warm-up. */
    static String warmUpNote(long warmUp) {
        return String.format(java.util.Locale.ROOT, ", all in the warm-up (the first %s of the run or of a"
                + " function's turning Active)", minutes(warmUp));
    }

    // ---- the peaks after the warm-up ------------------------------------------------------------------------

    /**
     * A demand run's figures after the warm-up, read off its time series: per key its ENIs and connections, per
     * subnet the addresses Lambda's ENIs held, per VPC its ENIs, per function its port refusals and the time they
     * were counted over ({@code judgedMicros}). {@code excluded}: whether any bucket was left out; when none was,
     * every figure is the run's own ({@link RunSummary}'s), so that a plan with no warm-up reads as before.
     * <p>
     * A key's ENIs count in the buckets outside its own warm-up, that of the functions of the key ({@link
     * #warmUpBuckets}); a subnet's (a VPC's) figure is the sum of its keys' in the buckets where some key outside its
     * own warm-up held ENIs, or outside every warm-up of its functions: another function's warm-up (one created
     * later, another account's) does not hide a key's scale-out. An ENI the warm-up created stays (Lambda deletes a Hyperplane ENI only when no
     * function uses its key any more), so after the warm-up a key's ENIs are counted as those its connections fill
     * (connections / 65,000 rounded up, at least 1; the legacy 3 GB rule on its environments), except that ENIs
     * beyond the most it had in the warm-up, made after it, count whole: the traffic after the warm-up needed them.
     * A warm-up that lasts to the run's end (a function made or turning Active in its last minutes) leaves no bucket
     * after it, yet the ENIs the run ends with stay: the run's last bucket counts too, each key's ENIs there as those
     * its connections fill (at least 1), so that a key made late is in the peaks, not only in the warm-up's.
     */
    record Peaks(RunSummary run, Map<String, Long> keyEnis, Map<String, Long> keyConnections,
            Map<String, Long> subnetIps, Map<String, Long> vpcEnis, Map<String, Long> refused,
            Map<String, Long> judgedMicros, boolean excluded) {
    }

    /** The figures of a run, none left out (no warm-up, or nothing of the run in one). */
    private Peaks wholeRun(RunSummary r) {
        Map<String, Long> keyEnis = new LinkedHashMap<>();
        Map<String, Long> keyConnections = new LinkedHashMap<>();
        r.eniKeys().forEach((key, k) -> {
            keyEnis.put(key, k.peakEnis());
            keyConnections.put(key, k.peakConnections());
        });
        Map<String, Long> subnetIps = new LinkedHashMap<>();
        r.subnets().forEach((id, s) -> subnetIps.put(id, lambdaIps(s)));
        Map<String, Long> vpcEnis = new LinkedHashMap<>();
        r.vpcs().forEach((id, v) -> vpcEnis.put(id, v.peakEnis()));
        Map<String, Long> refused = new LinkedHashMap<>();
        Map<String, Long> judged = new LinkedHashMap<>();
        for (Scenario.Function f : base.functions()) {
            refused.put(f.name(), refused(r, f));
            judged.put(f.name(), base.durationMicros());
        }
        return new Peaks(r, keyEnis, keyConnections, subnetIps, vpcEnis, refused, judged, false);
    }

    /** The run's figures after the warm-up ({@link Peaks}). */
    Peaks peaks(dev.enisim.run.RunResult res) {
        RunSummary r = res.summary();
        Peaks whole = wholeRun(r);
        if (warmUpMicros <= 0) {
            return whole;
        }
        dev.enisim.metrics.TimeSeries ts = res.timeSeries();
        int n = ts.buckets();
        long duration = res.scenario().durationMicros();
        Map<String, boolean[]> warmBySubnet = new LinkedHashMap<>();
        Map<String, boolean[]> warmByKey = new LinkedHashMap<>(); // the warm-ups of the key's own functions
        Map<String, Long> refused = new LinkedHashMap<>(whole.refused());
        Map<String, Long> judged = new LinkedHashMap<>(whole.judgedMicros());
        boolean any = false;
        for (Scenario.Function f : base.functions()) {
            boolean[] w = warmUpBuckets(ts, r.functions().get(f.name()), warmUpMicros, duration);
            int warmBuckets = 0;
            for (boolean x : w) {
                warmBuckets += x ? 1 : 0;
            }
            if (warmBuckets > 0) {
                // the run counts refusals per function, the series its function errors per bucket: the refusals
                // after the warm-up are at most its function errors there
                refused.put(f.name(), Math.min(refused.get(f.name()), afterWarmUp(res, f.name(), warmUpMicros)
                        .functionErrors()));
                judged.put(f.name(), Math.max(1, duration - Math.min(duration, warmBuckets * ts.bucketMicros())));
            }
            if (!f.vpcConfig().attached()) {
                continue;
            }
            for (String sn : f.vpcConfig().subnetIds()) {
                boolean[] acc = warmBySubnet.computeIfAbsent(sn, k -> new boolean[n]);
                boolean[] own = warmByKey.computeIfAbsent(keyLabel(base, f, sn), k -> new boolean[n]);
                for (int i = 0; i < n && i < w.length; i++) {
                    acc[i] |= w[i];
                    own[i] |= w[i];
                    any |= w[i];
                }
            }
        }
        if (!any) {
            return new Peaks(r, whole.keyEnis(), whole.keyConnections(), whole.subnetIps(), whole.vpcEnis(),
                    refused, judged, false);
        }
        boolean[] none = new boolean[n];
        Map<String, Long> keyEnis = new LinkedHashMap<>(whole.keyEnis());
        Map<String, Long> keyConnections = new LinkedHashMap<>(whole.keyConnections());
        // per bucket, the ENIs not counted (those a key's own warm-up left, and a key's in its own warm-up) and
        // whether a key outside its own warm-up held any: a bucket in some function's warm-up still counts for the
        // subnet and the VPC through the keys not in theirs (r2: b2 made at 30m hid c1's scale-out, which its
        // warm-up from 30 to 37 min took for c1's warm-up's leftovers; peak 10 and 1 IP spare where 12 were held)
        Map<String, long[]> excessBySubnet = new LinkedHashMap<>();
        Map<String, long[]> excessByVpc = new LinkedHashMap<>();
        Map<String, boolean[]> countedBySubnet = new LinkedHashMap<>();
        Map<String, boolean[]> countedByVpc = new LinkedHashMap<>();
        for (Map.Entry<String, RunSummary.KeySummary> e : r.eniKeys().entrySet()) {
            RunSummary.KeySummary k = e.getValue();
            boolean[] warm = warmByKey.getOrDefault(e.getKey(), warmBySubnet.getOrDefault(k.subnet(), none));
            dev.enisim.metrics.Series count = ts.get(dev.enisim.metrics.Metric.HYPERPLANE_ENI_COUNT,
                    dev.enisim.metrics.Metric.Scope.ENI_KEY, e.getKey());
            dev.enisim.metrics.Series conns = ts.get(dev.enisim.metrics.Metric.ENI_CONNECTIONS,
                    dev.enisim.metrics.Metric.Scope.ENI_KEY, e.getKey());
            if (count == null || conns == null) {
                continue; // no series to read: the run's own peaks
            }
            long[] c = count.values();
            long[] x = conns.values();
            long mostInWarmUp = 0;
            for (int i = 0; i < n && i < c.length; i++) {
                mostInWarmUp = warm[i] ? Math.max(mostInWarmUp, c[i]) : mostInWarmUp;
            }
            // the ENIs the key has in place at the start ({@link #enisInPlace}) were made before the run, not by the
            // warm-up, and stay: never counted below them (r8: a key scaled out to 2 read 1, "1 ENI spare" at a
            // full quota)
            long floor = Math.max(1, inPlace().getOrDefault(e.getKey(), 0L));
            long enis = 0;
            long connections = 0;
            long[] excess = new long[n];
            boolean[] counted = new boolean[n];
            for (int i = 0; i < n && i < c.length && i < x.length; i++) {
                if (warm[i] && !(i == n - 1 && c[i] > 0)) {
                    excess[i] = c[i]; // the key's own warm-up: none of its ENIs counted in this bucket
                    continue;
                }
                counted[i] = c[i] > 0;
                if (warm[i]) {
                    // a warm-up that lasts to the run's end (a function made late in it): the ENIs the key ends the
                    // run with stay until Lambda deletes them, no later traffic to judge them by; counted as the
                    // traffic after a warm-up's are, those its connections fill, at least one (b14: 4 keys made at
                    // 55m of 1h read "peak 4 of 10" where the VPC held 12)
                    connections = Math.max(connections, x[i]);
                    long need = Math.min(c[i], Math.max(floor, enisFor(e.getKey(), x[i])));
                    excess[i] = c[i] - need;
                    enis = Math.max(enis, need);
                    continue;
                }
                connections = Math.max(connections, x[i]);
                if (c[i] <= 0) {
                    continue;
                }
                long need = c[i] > mostInWarmUp ? c[i] : Math.min(c[i], Math.max(floor, enisFor(e.getKey(), x[i])));
                excess[i] = c[i] - need;
                enis = Math.max(enis, need);
            }
            keyEnis.put(e.getKey(), enis);
            keyConnections.put(e.getKey(), connections);
            add(excessBySubnet.computeIfAbsent(k.subnet(), s -> new long[n]), excess);
            add(excessByVpc.computeIfAbsent(k.vpc(), s -> new long[n]), excess);
            or(countedBySubnet.computeIfAbsent(k.subnet(), s -> new boolean[n]), counted);
            or(countedByVpc.computeIfAbsent(k.vpc(), s -> new boolean[n]), counted);
        }
        Map<String, Long> subnetIps = new LinkedHashMap<>(whole.subnetIps());
        Map<String, Long> vpcEnis = new LinkedHashMap<>(whole.vpcEnis());
        for (Scenario.Vpc v : base.vpcs()) {
            boolean[] vpcWarm = new boolean[n];
            for (Scenario.Subnet sn : v.subnets()) {
                boolean[] warm = warmBySubnet.getOrDefault(sn.id(), none);
                for (int i = 0; i < n; i++) {
                    vpcWarm[i] |= warm[i];
                }
                RunSummary.SubnetSummary ss = r.subnets().get(sn.id());
                dev.enisim.metrics.Series avail = ts.get(dev.enisim.metrics.Metric.SUBNET_AVAILABLE_IPS,
                        dev.enisim.metrics.Metric.Scope.SUBNET, sn.id());
                if (ss == null || avail == null || !anyOf(warm)) {
                    continue;
                }
                long[] excess = excessBySubnet.getOrDefault(sn.id(), new long[n]);
                boolean[] counted = countedBySubnet.getOrDefault(sn.id(), none);
                long ips = 0;
                for (int i = 0; i < n && i < avail.values().length; i++) {
                    // the run's end: what it holds then stays ({@link Peaks})
                    if (!warm[i] || counted[i] || i == n - 1) {
                        ips = Math.max(ips, ss.usableIps() - ss.otherUsedIps() - avail.values()[i] - excess[i]);
                    }
                }
                subnetIps.put(sn.id(), ips);
            }
            dev.enisim.metrics.Series count = ts.get(dev.enisim.metrics.Metric.HYPERPLANE_ENI_COUNT,
                    dev.enisim.metrics.Metric.Scope.VPC, v.id());
            if (count == null || !anyOf(vpcWarm)) {
                continue;
            }
            long[] excess = excessByVpc.getOrDefault(v.id(), new long[n]);
            boolean[] counted = countedByVpc.getOrDefault(v.id(), none);
            long enis = 0;
            for (int i = 0; i < n && i < count.values().length; i++) {
                // the run's end: what it holds then stays ({@link Peaks})
                if (!vpcWarm[i] || counted[i] || i == n - 1) {
                    enis = Math.max(enis, count.values()[i] - excess[i]);
                }
            }
            vpcEnis.put(v.id(), enis);
        }
        return new Peaks(r, keyEnis, keyConnections, subnetIps, vpcEnis, refused, judged, true);
    }

    private static boolean anyOf(boolean[] b) {
        for (boolean x : b) {
            if (x) {
                return true;
            }
        }
        return false;
    }

    private static void or(boolean[] to, boolean[] x) {
        for (int i = 0; i < to.length && i < x.length; i++) {
            to[i] |= x[i];
        }
    }

    private static void add(long[] to, long[] x) {
        for (int i = 0; i < to.length && i < x.length; i++) {
            to[i] += x[i];
        }
    }

    /** The ENIs a key's connections fill: connections / capacity rounded up, or the legacy 3 GB rule. */
    private long enisFor(String key, long connections) {
        if (base.networkModel() == NetworkModel.LEGACY) {
            return Legacy.enisFor(connections, legacyMemory(key));
        }
        long capacity = base.hyperplane().connectionsPerEni();
        return (connections + capacity - 1) / capacity;
    }

    /**
     * "5 min", "90 s"; from two days on, in whole hours, "5 d" or "2 d 6 h" (month's teardown said "updateVpcConfig
     * web at 7200 min").
     */
    /**
     * An instant of a run of {@code s}: the run's clock words with {@code startsAt} ({@code Sun 23:10:00}, as the
     * run's narrative and page say it), else {@link #minutes} from the start ({@code 70 min}).
     */
    static String at(Scenario s, long micros) {
        return s.startsAt().isPresent() ? dev.enisim.scenario.WallClock.at(s.startsAt().get(), micros,
                dev.enisim.scenario.WallClock.dated(s)) : minutes(micros);
    }

    static String minutes(long micros) {
        long hour = 3_600_000_000L;
        long day = 24 * hour;
        if (micros >= 2 * day && micros % hour == 0) {
            long hours = micros % day / hour;
            return micros / day + " d" + (hours == 0 ? "" : " " + hours + " h");
        }
        return micros % 60_000_000L == 0 ? micros / 60_000_000L + " min" : micros / 1_000_000L + " s";
    }

    // ---- subnet sizes ---------------------------------------------------------------------------------------

    /** Why the subnet sizes cannot be trusted as they stand (see {@link Plan#sizingNotes()}). */
    private final List<String> sizingNotes = new ArrayList<>();
    /**
     * The demand runs, one per replication: every subnet at /16 and no VPC quota in the way, so that the IPs and the
     * ENIs the design needs are measured, not what a full subnet or quota let through (sections 1 and 2).
     */
    private List<RunSummary> demand = List.of();
    /** The demand runs' figures after the warm-up ({@link Peaks}), in the same order. */
    private List<Peaks> demandPeaks = List.of();

    /**
     * With several accounts, those whose network interfaces per Region were full in some of {@code runs} (each
     * account's quota is its own: the one to raise), as "account 333333333333 (accounts[2].networkInterfacesPerRegion,
     * 20)", in the scenario's order; empty with one account.
     */
    private List<String> fullRegionAccounts(List<RunSummary> runs) {
        List<String> out = new ArrayList<>();
        if (!base.multiAccount()) {
            return out;
        }
        List<Scenario.Account> accounts = base.accounts().list();
        for (int i = 0; i < accounts.size(); i++) {
            String id = accounts.get(i).id();
            for (RunSummary r : runs) {
                RunSummary.Region x = r.region() == null ? null : r.region().full().get(id);
                if (x != null) {
                    out.add("account " + id + " (accounts[" + i + "].networkInterfacesPerRegion, "
                            + String.format(java.util.Locale.ROOT, "%,d", x.networkInterfacesPerRegion()) + ")");
                    break;
                }
            }
        }
        return out;
    }

    /**
     * Per subnet: the most addresses Lambda held over {@link #replications} demand runs (replications 0 to N - 1),
     * the smallest prefix that holds it with the other tenants at their most, verified on N other replications (N to
     * 2N - 1, random numbers the size was not derived from) at that size and, until one runs out, one size smaller.
     * It sized on replication 0 alone and verified on the same random numbers: scale4's /27 held that run's 6 ENIs
     * and "0 failures" was said, while seeds 2 and 6 reach 7 ENIs and run out.
     */
    private List<Plan.SubnetAdvice> subnets() {
        Map<String, Integer> widest = new LinkedHashMap<>();
        for (Scenario.Vpc v : base.vpcs()) {
            for (Scenario.Subnet s : v.subnets()) {
                widest.put(s.id(), LARGEST_PREFIX);
            }
        }
        int n = replications;
        List<RunSummary> runsAt16 = new ArrayList<>();
        List<Peaks> peaksAt16 = new ArrayList<>();
        Scenario wide = Variants.unlimitedQuotas(Variants.resize(base, widest));
        try (RunSequence runsOf = runSequence(wide, 0, n, rep -> "every subnet at /16 and no VPC ENI quota, to see"
                + " the demand for IPs and ENIs" + of(rep, n))) {
            while (runsOf.hasNext()) {
                Peaks p = peaks(runsOf.next());
                runsAt16.add(p.run());
                peaksAt16.add(p);
            }
        }
        demand = runsAt16;
        demandPeaks = peaksAt16;
        long regionHeld = runsAt16.stream().filter(r -> limitsHit(r).contains("ENI")).count();
        List<String> fullAccounts = fullRegionAccounts(runsAt16);
        if (regionHeld > 0 && !fullAccounts.isEmpty()) { // several accounts: name whose quota held it down
            sizingNotes.add("the demand for IPs was measured while the network-interface quota of "
                    + String.join(" and of ", fullAccounts) + " refused ENIs (EniLimitExceeded, with every subnet at"
                    + " /16 and no VPC quota; each account has its own quota"
                    + (n > 1 ? "; in " + regionHeld + " of " + n + " replications" : "") + "):"
                    + " these sizes are for what " + (fullAccounts.size() == 1 ? "that quota" : "those quotas")
                    + " let through; raise " + (fullAccounts.size() == 1 ? "it" : "them") + " and plan again");
        } else if (regionHeld > 0) { // the Region's quota, not the subnets, held the demand down
            sizingNotes.add("the demand for IPs was measured while the Region's network-interface quota refused ENIs"
                    + " (EniLimitExceeded, with every subnet at /16 and no VPC quota; networkInterfacesPerRegion"
                    + (n > 1 ? "; in " + regionHeld + " of " + n + " replications" : "") + "):"
                    + " these sizes are for what that quota let through; raise it and plan again");
        }
        Map<String, Integer> recommended = new LinkedHashMap<>();
        Map<String, Long> peaks = new LinkedHashMap<>();
        Map<String, Long> held = new LinkedHashMap<>();
        Map<String, Long> analytics = new LinkedHashMap<>();
        Map<String, Long> awakePeaks = new LinkedHashMap<>();
        Map<String, Asleep> inactive = new LinkedHashMap<>();
        for (Scenario.Vpc v : base.vpcs()) {
            for (Scenario.Subnet s : v.subnets()) {
                long need = 0; // after the warm-up
                long most = 0; // the warm-up's too: the addresses its ENIs keep
                boolean ranOut = false;
                for (Peaks p : peaksAt16) {
                    RunSummary r = p.run();
                    need = Math.max(need, p.subnetIps().getOrDefault(s.id(), 0L));
                    most = Math.max(most, lambdaIps(r.subnets().get(s.id())));
                    ranOut |= r.subnets().get(s.id()).minAvailableIps() == 0 && limitsHit(r).contains("IP");
                }
                peaks.put(s.id(), need);
                held.put(s.id(), most);
                // the keys of functions asleep in the runs were never made: each needs an address when they wake
                long awake = 0;
                long awakeMost = 0;
                long asleep = 0;
                java.util.Set<String> asleepFunctions = new java.util.LinkedHashSet<>();
                for (Peaks p : peaksAt16) {
                    Asleep a = asleep(p.run(), s.id());
                    asleep = Math.max(asleep, a.keys());
                    asleepFunctions.addAll(a.functions());
                    awake = Math.max(awake, p.subnetIps().getOrDefault(s.id(), 0L) + a.keys());
                    awakeMost = Math.max(awakeMost, lambdaIps(p.run().subnets().get(s.id())) + a.keys());
                }
                awakePeaks.put(s.id(), Math.max(awake, awakeMost));
                inactive.put(s.id(), new Asleep(asleep, inScenarioOrder(asleepFunctions), java.util.Set.of()));
                long analytic = 0;
                long refused = 0;
                double refusedConnections = 0;
                for (Peaks p : peaksAt16) {
                    analytic = Math.max(analytic, analyticIps(p, s.id()));
                    long x = refusedInvocations(p, s.id());
                    if (x > refused) {
                        refused = x;
                        refusedConnections = refusedConnections(p, s.id());
                    }
                }
                analytics.put(s.id(), analytic);
                if (refused > 0 && base.networkModel() != NetworkModel.LEGACY) {
                    // demand was refused for want of ports: the peak carried is a lower bound; size on the offered
                    // the run counts refusals per function: said as its functions' share, not a count of this subnet's
                    PortRefusals why = portRefusals(peaksAt16, s.id());
                    String perEni = String.format(java.util.Locale.ROOT, "%,d", base.hyperplane().connectionsPerEni());
                    sizingNotes.add(String.format(java.util.Locale.ROOT, "%s: its functions' invocations were"
                            + " refused for want of ports " + why.where() + ", %s %,d" + (n > 1 ? " in a run" : "")
                            + " (the functions' refusals shared " + (why.enisFull() ? "among their subnets whose ENIs"
                            + " reached " + perEni + " connections" : "evenly among their subnets, none of whose ENIs"
                            + " reached " + perEni + " connections") + ";"
                            + " the run does not count them per subnet; " + why.causes() + ") even at"
                            + " /%d, so its peak of %s is what the ENIs that existed carried, a lower bound of the"
                            + " demand; the formula adds the refused invocations' connections by Little's law (refused"
                            + " per second x mean duration x connections: about %,.0f at a time) and needs %s:"
                            + " the recommended size holds %s" + (why.atNat() ? "; the NAT gateway's refusals are not"
                            + " the subnet's to cure: each of its addresses holds 55,000 connections to a destination,"
                            + " so give it more (natGateways[*].addresses, up to 8)" : ""), s.id(), n > 1 ? "up to"
                            : "about", refused, LARGEST_PREFIX, count(need, "IP"), refusedConnections,
                            count(analytic, "ENI"), holds(analytic, need)));
                    need = Math.max(need, analytic);
                }
                // the size holds the ENIs the warm-up left too: each keeps its address until Lambda deletes it
                need = Math.max(need, most);
                // and an ENI for each key of the functions asleep in the runs (the formula counts them already)
                need = Math.max(need, Math.max(awake, awakeMost));
                recommended.put(s.id(), smallestPrefixFor(need + mostOthers(s)));
                if (ranOut) { // a /16 itself ran out: the demand is more
                    sizingNotes.add(String.format(java.util.Locale.ROOT, "%s ran out of addresses even as a /%d"
                            + " (%,d usable, other tenants' %,d at their most during the run): no subnet size"
                            + " fits; give the functions more subnets", s.id(), LARGEST_PREFIX,
                            usable(LARGEST_PREFIX), mostOthers(s)));
                } else if (need + mostOthers(s) > usable(LARGEST_PREFIX)) {
                    sizingNotes.add(String.format(java.util.Locale.ROOT, "%s needs %,d addresses (Lambda's %,d and"
                            + " other tenants' %,d at their most during the run), more than a /%d holds (%,d):"
                            + " no subnet size fits; give the functions more subnets", s.id(), need + mostOthers(s),
                            need, mostOthers(s), LARGEST_PREFIX, usable(LARGEST_PREFIX)));
                }
            }
        }
        List<RunSummary> atRecommended = new ArrayList<>();
        Scenario resized = Variants.resize(base, recommended);
        try (RunSequence runsOf = runSequence(resized, n, 2 * n, rep -> "every subnet at its recommended size"
                + of(rep - n, n) + ", on random numbers the sizes were not derived from")) {
            while (runsOf.hasNext()) {
                atRecommended.add(runsOf.next().summary());
            }
        }
        List<Plan.SubnetAdvice> out = new ArrayList<>();
        for (Scenario.Vpc v : base.vpcs()) {
            for (Scenario.Subnet s : v.subnets()) {
                int p = recommended.get(s.id());
                int others = mostOthers(s);
                long failuresSmaller = -1;
                int runsSmaller = 0;
                int failedSmaller = 0;
                long othersRefusedSmaller = 0;
                if (p < SMALLEST_PREFIX && usable(p + 1) < others) {
                    failuresSmaller = Plan.SubnetAdvice.OTHERS_DO_NOT_FIT; // a subnet no one could configure
                } else if (p < SMALLEST_PREFIX) {
                    Map<String, Integer> smaller = new LinkedHashMap<>(recommended);
                    smaller.put(s.id(), p + 1);
                    Scenario smallerScenario = Variants.resize(base, smaller);
                    failuresSmaller = 0;
                    try (RunSequence runsOf = runSequence(smallerScenario, n, 2 * n, rep -> s.id() + " one size"
                            + " smaller (/" + (p + 1) + ")" + of(rep - n, n) + (n > 1 ? ", until one runs out" : ""))) {
                        while (runsOf.hasNext() && failedSmaller == 0) { // until one runs out
                            dev.enisim.run.RunResult run = runsOf.next();
                            long f = ipFailures(run.summary(), s.id());
                            // the run caps the other tenants' growth at what Lambda's ENIs leave free: a size
                            // that refuses them runs out too, for them
                            long refusedOthers = othersRefused(run.summary(), s.id());
                            othersRefusedSmaller = Math.max(othersRefusedSmaller, refusedOthers);
                            runsSmaller++;
                            failuresSmaller += f;
                            failedSmaller += f > 0 || refusedOthers > 0 ? 1 : 0;
                        }
                    }
                }
                long failures = 0;
                int failedRuns = 0;
                for (RunSummary r : atRecommended) {
                    long f = ipFailures(r, s.id());
                    failures += f;
                    failedRuns += f > 0 ? 1 : 0;
                }
                if (failedRuns > 0) {
                    sizingNotes.add(String.format(java.util.Locale.ROOT, "%s ran out at /%d in %d of %d replications"
                            + " the size was not derived from (%,d IP failures): the most of the %d it was sized on"
                            + " is passed in some runs; take /%d or plan again with more --replications", s.id(), p,
                            failedRuns, n, failures, n, Math.max(LARGEST_PREFIX, p - 1)));
                }
                long peak = peaks.get(s.id());
                long analytic = analytics.get(s.id());
                long most = held.get(s.id());
                Asleep asleep = inactive.get(s.id());
                // the headroom now counts the asleep functions' keys too: the subnet holds today's peak only while
                // they sleep (a shared /24 read "3 IPs spare" where they needed 5); and what the ENIs held, the
                // warm-up's too, as the recommended size does: an ENI keeps its address until Lambda deletes it (r2:
                // "headroom now 1" and no warning where the run held 12 ENIs from 20 min to the end, 1 short)
                out.add(new Plan.SubnetAdvice(s.id(), s.cidr().toString(), s.cidr().usableAddresses(),
                        others, peak, analytic, p, usable(p),
                        s.cidr().usableAddresses() - others - Math.max(Math.max(peak, most), awakePeaks.get(s.id())),
                        failures,
                        failuresSmaller, n, n, failedRuns, runsSmaller, failedSmaller, most > peak ? most : 0,
                        othersRefusedSmaller, cannotGrowInPlace(v, s, p), asleep.keys(), asleep.functions(),
                        scaledOutInPlace(s.id())));
            }
        }
        return out;
    }

    /**
     * The most addresses the other tenants of {@code subnet} asked for (the timeline's setOtherUsedIps) and did not
     * get at once in a run: the run caps them at what Lambda's ENIs leave free and keeps the figure in its summary
     * ({@link RunSummary.SubnetSummary#otherUsedIpsRefused}); 0 when they always got them.
     */
    static long othersRefused(RunSummary r, String subnet) {
        RunSummary.SubnetSummary s = r.subnets().get(subnet);
        return s == null ? 0 : s.otherUsedIpsRefused();
    }

    /**
     * When {@code s} grown to {@code prefix} at its network address would overlap another subnet of {@code v}
     * (it cannot grow in place): "a /25 at 10.1.0.0 overlaps subnet-b (10.1.0.64/26)"; else null.
     */
    static String cannotGrowInPlace(Scenario.Vpc v, Scenario.Subnet s, int prefix) {
        if (prefix >= s.cidr().prefix()) {
            return null;
        }
        int grown = s.cidr().network() & (prefix == 0 ? 0 : -1 << (32 - prefix));
        List<String> over = new ArrayList<>();
        for (Scenario.Subnet o : v.subnets()) {
            if (o == s) {
                continue;
            }
            int p = Math.min(prefix, o.cidr().prefix());
            int mask = p == 0 ? 0 : -1 << (32 - p);
            if ((o.cidr().network() & mask) == (grown & mask)) {
                over.add(o.id() + " (" + o.cidr() + ")");
            }
        }
        return over.isEmpty() ? null : "a /" + prefix + " at " + dev.enisim.model.network.Cidr.format(grown)
                + " overlaps " + String.join(", ", over);
    }

    /**
     * The ENIs in place at the run's start on {@code subnet}'s keys that Hyperplane scaled out before the run (an
     * existing Active function's key that {@code vpcs[*].enisAtStart} starts with more than one); 0 when none.
     */
    private long scaledOutInPlace(String subnet) {
        Map<String, Long> keys = new LinkedHashMap<>();
        for (Scenario.Function f : base.functions()) {
            if (f.existing() == Scenario.Function.Existing.ACTIVE && f.vpcConfig().attached()
                    && f.vpcConfig().subnetIds().contains(subnet)) {
                String key = keyLabel(base, f, subnet);
                long n = inPlace().getOrDefault(key, 1L);
                if (n > 1) {
                    keys.put(key, n);
                }
            }
        }
        long sum = 0;
        for (long n : keys.values()) {
            sum += n;
        }
        return sum;
    }

    /** ", replication 3 of 20" (nothing with one replication). */
    private static String of(int rep, int n) {
        return n == 1 ? "" : ", replication " + (rep + 1) + " of " + n;
    }

    /**
     * The most addresses other tenants hold in {@code s} during the run: its otherUsedIps, or more set by a
     * timeline's setOtherUsedIps (a subnet sized for the start's tenants ran out when they grew).
     */
    private int mostOthers(Scenario.Subnet s) {
        int index = 0; // subnets are numbered across the VPCs in the scenario's order, as the world numbers them
        for (Scenario.Vpc v : base.vpcs()) {
            for (Scenario.Subnet x : v.subnets()) {
                if (x == s) {
                    int at = index;
                    return most(s.otherUsedIps(), c -> c instanceof dev.enisim.model.SimEvent.SetOtherUsedIps o
                            && o.subnet() == at ? o.count() : -1);
                }
                index++;
            }
        }
        return s.otherUsedIps();
    }

    /** As {@link #mostOthers}, other services' ENIs in a VPC (its otherUsedEnis, or more set by the timeline). */
    private int mostOtherEnis(Scenario.Vpc v) {
        int index = base.vpcs().indexOf(v);
        return most(v.otherUsedEnis(), c -> c instanceof dev.enisim.model.SimEvent.SetOtherUsedEnis o
                && o.vpc() == index ? o.count() : -1);
    }

    /** The largest of {@code initial} and the counts the run's actions set ({@code count}: -1 for other actions). */
    private int most(int initial, java.util.function.ToIntFunction<dev.enisim.model.SimEvent.Control> count) {
        int most = initial;
        for (Scenario.At a : base.timeline()) {
            if (a.atMicros() < base.durationMicros()) {
                most = Math.max(most, count.applyAsInt(a.action()));
            }
        }
        return most;
    }

    /** The largest prefix (smallest subnet) from /16 to /28 whose usable addresses cover {@code addresses}. */
    static int smallestPrefixFor(long addresses) {
        for (int p = SMALLEST_PREFIX; p >= LARGEST_PREFIX; p--) {
            if (usable(p) >= addresses) {
                return p;
            }
        }
        return LARGEST_PREFIX;
    }

    private static int usable(int prefix) {
        return (1 << (32 - prefix)) - Cidr.RESERVED_BY_AWS;
    }

    private static long lambdaIps(RunSummary.SubnetSummary s) {
        return Math.max(0, s.usableIps() - s.otherUsedIps() - s.minAvailableIps());
    }

    /**
     * ENIs the formulas give for the keys of a subnet: connections / capacity, or the legacy 3 GB rule; a key with
     * ENIs in place at the start ({@link #enisInPlace}: an existing Active function's, one or as many as {@code
     * vpcs[*].enisAtStart} says) needs at least those, whatever its connections: enisim models no scale-in and Lambda
     * deletes a key's ENIs only when no function uses it or after weeks idle, so they stay through the plan's horizon
     * (a key scaled out to 3 before the run read "formula 1" at a trickle, where the run held 3).
     */
    private long analyticIps(Peaks p, String subnet) {
        Map<String, Long> inPlace = inPlace();
        long n = 0;
        for (Map.Entry<String, RunSummary.KeySummary> e : p.run().eniKeys().entrySet()) {
            RunSummary.KeySummary k = e.getValue();
            long peakConnections = p.keyConnections().get(e.getKey()); // after the warm-up
            if (!k.subnet().equals(subnet) || p.keyEnis().get(e.getKey()) == 0) {
                continue;
            }
            if (base.networkModel() == NetworkModel.LEGACY) {
                n += Math.max(1, Legacy.enisFor(peakConnections, legacyMemory(e.getKey())));
                continue;
            }
            long capacity = base.hyperplane().connectionsPerEni();
            // the connections offered: those carried at the peak, or, when invocations were refused for want of
            // ports, at least the carried mean plus the refused ones' (the ENIs that existed capped the carried peak:
            // scale2 said 3 ENIs while 640 connections were offered on average)
            long offered = Math.max(peakConnections, (long) Math.ceil(k.meanConnections()
                    + refusedConnections(p, e.getKey(), k)));
            n += Math.max(inPlace.getOrDefault(e.getKey(), 1L), (offered + capacity - 1) / capacity);
        }
        if (base.networkModel() != NetworkModel.LEGACY) {
            // a key of the design the run never made (a limit refused its ENI: the Region's quota, EC2's request
            // limit) needs one ENI all the same: the formula counts the design's keys, not the run's (it repeated
            // ec2-request-limit's 5 of subnet-a's 6), or those it has in place at the start
            Map<String, Long> missing = new java.util.TreeMap<>();
            for (Scenario.Function f : base.functions()) {
                if (!f.vpcConfig().attached() || !f.vpcConfig().subnetIds().contains(subnet)) {
                    continue;
                }
                boolean made = false;
                for (Map.Entry<String, RunSummary.KeySummary> e : p.run().eniKeys().entrySet()) {
                    made |= e.getValue().subnet().equals(subnet) && e.getValue().peakEnis() > 0
                            && functionsOf(e.getKey(), e.getValue()).contains(f);
                }
                if (!made) {
                    missing.merge(keyLabel(base, f, subnet), inPlace.getOrDefault(keyLabel(base, f, subnet), 1L),
                            Math::max);
                }
            }
            for (long m : missing.values()) {
                n += m;
            }
        }
        return n;
    }

    /**
     * The keys of {@code subnet} a run never made because every function of the key stayed {@code Inactive} in it
     * (an {@code existing: Inactive} function it did not invoke: its ENIs were reclaimed before the run), and those
     * functions. Such a key has no ENI in the run, so no address in its peak, yet it needs one when a function of
     * it wakes (its first invocation after the quiet restores it): a full shared /24 read "3 IPs spare" where its
     * sleeping functions' 5 keys needed 5. None under the legacy model (no Inactive state), and no function saved
     * Failed (the sizes count no demand of it).
     */
    Asleep asleep(RunSummary run, String subnet) {
        if (base.networkModel() == NetworkModel.LEGACY) {
            return new Asleep(0, List.of(), java.util.Set.of());
        }
        java.util.Set<String> keys = new java.util.TreeSet<>();
        List<String> functions = new ArrayList<>();
        for (Scenario.Function f : base.functions()) {
            RunSummary.FunctionSummary fs = run.functions().get(f.name());
            if (!f.vpcConfig().attached() || !f.vpcConfig().subnetIds().contains(subnet)
                    || f.existing() == Scenario.Function.Existing.FAILED || fs == null
                    || !"Inactive".equals(fs.finalState())) {
                continue;
            }
            boolean made = false;
            for (Map.Entry<String, RunSummary.KeySummary> e : run.eniKeys().entrySet()) {
                made |= e.getValue().subnet().equals(subnet) && e.getValue().peakEnis() > 0
                        && functionsOf(e.getKey(), e.getValue()).contains(f);
            }
            if (!made) {
                keys.add((base.multiAccount() ? base.accounts().of(f.name()) + ":" : "")
                        + new java.util.TreeSet<>(f.vpcConfig().securityGroupIds()));
                functions.add(f.name());
            }
        }
        return new Asleep(keys.size(), functions, keys);
    }

    /**
     * The keys a run never made for functions asleep in it, and those functions ({@link #asleep}); {@code names}
     * the keys themselves ({@code [account:][sg-a, sg-b]}), when asked for.
     */
    record Asleep(long keys, List<String> functions, java.util.Set<String> names) {
    }

    /** {@code names} in the scenario's order of its functions. */
    private List<String> inScenarioOrder(java.util.Set<String> names) {
        List<String> out = new ArrayList<>();
        for (Scenario.Function f : base.functions()) {
            if (names.contains(f.name())) {
                out.add(f.name());
            }
        }
        return out;
    }

    /** The functions whose connections go through a Hyperplane key: its subnet, its security groups, its account. */
    private List<Scenario.Function> functionsOf(String key, RunSummary.KeySummary k) {
        List<Scenario.Function> out = new ArrayList<>();
        java.util.Set<String> groups = new java.util.TreeSet<>(k.securityGroups());
        for (Scenario.Function f : base.functions()) {
            if (f.vpcConfig().attached() && f.vpcConfig().subnetIds().contains(k.subnet())
                    && groups.equals(new java.util.TreeSet<>(f.vpcConfig().securityGroupIds()))
                    && (!base.multiAccount() || key.startsWith(base.accounts().of(f.name()) + ":"))) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Why a subnet's functions' invocations were refused for want of ports, over the demand runs: on their ENIs
     * ({@code NoFreePortOnEni}, every ENI of a key at its connections), at their NAT gateway ({@code
     * ErrorPortAllocation}, every address of the gateway at 55,000 connections to the destination), or both; and
     * whether an ENI of theirs in any of their subnets reached its connections ({@link #share}'s rule). Until session
     * 43 a note said "on their ENIs ... whose ENIs reached 65,000 connections" of a NAT gateway's refusals too
     * (nat-hot-destination: ENIs at 58 and 69 connections).
     */
    record PortRefusals(boolean onEnis, boolean atNat, boolean enisFull) {

        String where() {
            return onEnis && atNat ? "on their ENIs and at their NAT gateway" : atNat ? "at their NAT gateway"
                    : "on their ENIs";
        }

        String causes() {
            return onEnis && atNat ? "NoFreePortOnEni, ErrorPortAllocation" : atNat ? "ErrorPortAllocation"
                    : "NoFreePortOnEni";
        }
    }

    /** {@link PortRefusals} of {@code subnet}'s functions over {@code runs}. */
    PortRefusals portRefusals(List<Peaks> runs, String subnet) {
        boolean onEnis = false;
        boolean atNat = false;
        boolean full = false;
        for (Peaks p : runs) {
            RunSummary r = p.run();
            for (Scenario.Function f : base.functions()) {
                RunSummary.FunctionSummary fs = r.functions().get(f.name());
                if (fs == null || !f.vpcConfig().attached() || !f.vpcConfig().subnetIds().contains(subnet)) {
                    continue;
                }
                Map<String, Long> c = fs.invocations().functionErrorCauses();
                boolean eni = c.getOrDefault("NoFreePortOnEni", 0L) > 0;
                boolean nat = c.getOrDefault("ErrorPortAllocation", 0L) > 0;
                onEnis |= eni;
                atNat |= nat;
                if (eni || nat) {
                    for (String sn : f.vpcConfig().subnetIds()) {
                        full |= portsRanOut(r, f, sn);
                    }
                }
            }
        }
        return new PortRefusals(onEnis, atNat, full);
    }

    /** A function's invocations that could not open their connections for want of ports on its ENIs. */
    private static long refused(RunSummary r, Scenario.Function f) {
        RunSummary.FunctionSummary fs = r.functions().get(f.name());
        if (fs == null) {
            return 0;
        }
        Map<String, Long> c = fs.invocations().functionErrorCauses();
        return c.getOrDefault("NoFreePortOnEni", 0L) + c.getOrDefault("ErrorPortAllocation", 0L);
    }

    /**
     * The connections the key's refused invocations would have held at a time, on average over the run, by Little's
     * law: refused per second x mean duration x connections each (per invocation, or per environment: an environment
     * at least as long as its invocation), a function's refusals shared evenly among its subnets [assumed].
     */
    private double refusedConnections(Peaks p, String key, RunSummary.KeySummary k) {
        RunSummary r = p.run();
        double c = 0;
        for (Scenario.Function f : functionsOf(key, k)) {
            long refused = p.refused().getOrDefault(f.name(), 0L); // after the warm-up, over the time after it
            if (refused > 0) {
                c += refused * f.duration().mean() / p.judgedMicros().getOrDefault(f.name(), base.durationMicros())
                        * (f.connectionsPerInvocation() + f.connectionsPerEnvironment())
                        * share(r, f, k.subnet());
            }
        }
        return c;
    }

    /** The refused connections of every key of a subnet ({@link #refusedConnections(Peaks, String, RunSummary.KeySummary)}). */
    private double refusedConnections(Peaks p, String subnet) {
        double c = 0;
        for (Map.Entry<String, RunSummary.KeySummary> e : p.run().eniKeys().entrySet()) {
            if (e.getValue().subnet().equals(subnet)) {
                c += refusedConnections(p, e.getKey(), e.getValue());
            }
        }
        return c;
    }

    /** The invocations of a subnet's functions refused for want of ports (a function's shared, {@link #share}). */
    private long refusedInvocations(Peaks p, String subnet) {
        double n = 0;
        for (Scenario.Function f : base.functions()) {
            if (f.vpcConfig().attached() && f.vpcConfig().subnetIds().contains(subnet)) {
                n += p.refused().getOrDefault(f.name(), 0L) * share(p.run(), f, subnet);
            }
        }
        return Math.round(n);
    }

    /**
     * The share of a function's port refusals put on {@code subnet}. The run counts them per function, not per
     * subnet; a refusal needs every ENI of its key full, so a subnet whose keys of the function never reached one
     * ENI's connections (65,000) refused none. The refusals are shared evenly among the function's subnets that
     * did [assumed], or among all its subnets when none is known to have (azconns: s1, whose ENI peaked at 62,700,
     * was charged half of s2's refusals and named as refusing them).
     */
    private double share(RunSummary r, Scenario.Function f, String subnet) {
        List<String> full = new ArrayList<>();
        for (String sn : f.vpcConfig().subnetIds()) {
            if (portsRanOut(r, f, sn)) {
                full.add(sn);
            }
        }
        if (full.isEmpty()) {
            return 1.0 / f.vpcConfig().subnetIds().size();
        }
        return full.contains(subnet) ? 1.0 / full.size() : 0;
    }

    /** Whether a key of {@code f} in {@code subnet} reached one ENI's connections (its ports could run out). */
    private boolean portsRanOut(RunSummary r, Scenario.Function f, String subnet) {
        long capacity = base.hyperplane().connectionsPerEni();
        for (Map.Entry<String, RunSummary.KeySummary> e : r.eniKeys().entrySet()) {
            RunSummary.KeySummary k = e.getValue();
            if (k.subnet().equals(subnet) && k.peakConnections() >= capacity
                    && functionsOf(e.getKey(), k).contains(f)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The memory of the function a legacy key belongs to: its owner, named in the key ({@code [account:]owner@subnet+[
     * groups]}). It took the first function in the key's subnet for every key: two functions of 1,536 and 3,072 MB in
     * one subnet gave 170 ENIs by the formula against the 245 simulated (95 + 150).
     */
    int legacyMemory(String key) {
        String k = key;
        int colon = k.indexOf(':');
        int at = k.indexOf('@');
        if (colon >= 0 && colon < at) {
            k = k.substring(colon + 1);
            at = k.indexOf('@');
        }
        String owner = at < 0 ? null : k.substring(0, at);
        for (Scenario.Function f : base.functions()) {
            if (f.name().equals(owner)) {
                return f.memoryMb();
            }
        }
        return Legacy.MEMORY_PER_ENI_MB;
    }

    static long ipFailures(RunSummary r) {
        long n = r.invocations().errors().getOrDefault("SubnetIPAddressLimitReachedException", 0L);
        for (RunSummary.FunctionSummary f : r.functions().values()) {
            if (f.finalReasonCode() == StateReasonCode.SubnetOutOfIPAddresses) {
                n++; // a function that could not be created at all counts too
            }
        }
        return n;
    }

    /**
     * The IP failures that are {@code subnet}'s: none when it never ran out in the run, else those of the functions
     * configured in it (the whole run's were charged to every subnet: a subnet with room showed another's 18,015
     * failures in red).
     */
    long ipFailures(RunSummary r, String subnet) {
        if (r.subnets().get(subnet).minAvailableIps() > 0) {
            return 0;
        }
        long n = 0;
        for (Scenario.Function f : base.functions()) {
            RunSummary.FunctionSummary fs = r.functions().get(f.name());
            if (fs != null && f.vpcConfig().subnetIds().contains(subnet)) {
                n += fs.invocations().errors().getOrDefault("SubnetIPAddressLimitReachedException", 0L)
                        + (fs.finalReasonCode() == StateReasonCode.SubnetOutOfIPAddresses ? 1 : 0);
            }
        }
        return n;
    }

    // ---- ENI quota and security groups ----------------------------------------------------------------------

    /**
     * Per VPC, from the demand replication with the most ENIs in it after the warm-up (its keys, its peak, after the
     * warm-up: {@link Peaks}); the most it held at once, the warm-up's ENIs included, beside it when more.
     */
    private List<Plan.VpcAdvice> vpcs(List<Peaks> runs) {
        List<Plan.VpcAdvice> out = new ArrayList<>();
        for (Scenario.Vpc v : base.vpcs()) {
            Peaks p = runs.get(0);
            long most = 0; // the warm-up's ENIs included
            for (Peaks x : runs) {
                if (x.vpcEnis().get(v.id()) > p.vpcEnis().get(v.id())) {
                    p = x;
                }
                most = Math.max(most, x.run().vpcs().get(v.id()).peakEnis());
            }
            RunSummary r = p.run();
            List<Plan.KeyUse> keys = new ArrayList<>();
            Map<String, Long> connectionsPerSubnet = new LinkedHashMap<>();
            Map<String, Long> mostEnisPerSubnet = new LinkedHashMap<>(); // the largest key's own ENIs there
            for (Map.Entry<String, RunSummary.KeySummary> e : r.eniKeys().entrySet()) {
                RunSummary.KeySummary k = e.getValue();
                long enis = p.keyEnis().get(e.getKey());
                long connections = p.keyConnections().get(e.getKey());
                if (k.vpc().equals(v.id()) && enis > 0) {
                    keys.add(new Plan.KeyUse(e.getKey(), enis, connections));
                    // keys of different accounts never share an ENI: consolidate within each account only
                    String account = base.multiAccount() ? e.getKey().substring(0, e.getKey().indexOf(':') + 1) : "";
                    connectionsPerSubnet.merge(account + k.subnet(), connections, Long::sum);
                    mostEnisPerSubnet.merge(account + k.subnet(), enis, Math::max);
                }
            }
            keys.sort((a, b) -> Long.compare(b.peakEnis(), a.peakEnis()));
            long consolidated = 0;
            long capacity = base.hyperplane().connectionsPerEni();
            for (Map.Entry<String, Long> c : connectionsPerSubnet.entrySet()) {
                // never fewer than the design's largest key there needed itself: its peak connections are capped by
                // the ENIs it had (startpeak: one key of 2 ENIs at the cap of 65,000 read "would need 1 (saves 1)")
                consolidated += Math.max(mostEnisPerSubnet.get(c.getKey()), Math.max(1,
                        (c.getValue() + capacity - 1) / capacity));
            }
            long peak = p.vpcEnis().get(v.id());
            if (base.networkModel() == NetworkModel.LEGACY) {
                consolidated = peak; // a legacy ENI is its function's: no security-group set shares one
            }
            // the scenario's quota (the demand run had none): under the legacy model the Region's limit is the VPC's
            int quota = base.networkModel() == dev.enisim.model.NetworkModel.LEGACY
                    ? base.networkInterfacesPerRegion() : v.eniQuota();
            // the keys of functions asleep in the runs were never made: each needs an ENI when they wake, counted as
            // the subnets' sizes and headroom count an address for each (asleep); a key one run woke is in its peak
            long awake = peak;
            java.util.Set<String> asleepFunctions = new java.util.LinkedHashSet<>();
            java.util.Set<String> asleepSubnets = new java.util.TreeSet<>(); // [account:]subnet of an asleep key
            for (Peaks x : runs) {
                long asleep = 0;
                for (Scenario.Subnet s : v.subnets()) {
                    Asleep a = asleep(x.run(), s.id());
                    asleep += a.keys();
                    asleepFunctions.addAll(a.functions());
                    for (String k : a.names()) {
                        asleepSubnets.add((base.multiAccount() ? k.substring(0, k.indexOf(':') + 1) : "") + s.id());
                    }
                }
                awake = Math.max(awake, x.vpcEnis().get(v.id()) + asleep);
            }
            long inactiveKeys = awake - peak;
            if (inactiveKeys > 0) {
                // one security-group set per subnet counts the asleep keys as the room does: each joins its subnet's
                // one key, or is that key (an ENI) where no key of its account was made there (it compared the
                // awake keys alone with the peak, and said "saves nothing" where the room counted one more ENI)
                asleepSubnets.removeAll(connectionsPerSubnet.keySet());
                consolidated += asleepSubnets.size();
            }
            out.add(new Plan.VpcAdvice(v.id(), quota, peak, keys, consolidated,
                    Math.max(0, peak + inactiveKeys - consolidated), mostOtherEnis(v), most > peak ? most : 0,
                    inactiveKeys, inactiveKeys == 0 ? List.of() : inScenarioOrder(asleepFunctions),
                    accountQuotaUse(v, runs)));
        }
        return out;
    }

    // ---- traffic headroom -----------------------------------------------------------------------------------

    /**
     * The traffic headroom of {@code s} ({@code label} prefixes the progress lines): {@link #headroomSearches}
     * searches, each on its own replications; the lowest first limit is the answer, with every search's said. A
     * search that finds a limit at today's traffic ends them: no later one can find a lower.
     */
    private Plan.Headroom headroom(Scenario s, String label) {
        Plan.Headroom best = null;
        int bestAt = 0;
        List<Plan.Search> all = new ArrayList<>();
        for (int k = 0; k < headroomSearches; k++) {
            int first = k * headroomReplications();
            Plan.Headroom h = headroom(s, headroomSearches == 1 ? label : label + "search " + (k + 1) + " of "
                    + headroomSearches + ", ", first);
            all.add(new Plan.Search(first, h.firstLimitAtMultiplier(), h.lastClearMultiplier(), h.limitsHit()));
            if (best == null || h.firstLimitAtMultiplier() != null && (best.firstLimitAtMultiplier() == null
                    || h.firstLimitAtMultiplier() < best.firstLimitAtMultiplier())) {
                best = h;
                bestAt = k;
            }
            if (h.firstLimitAtMultiplier() != null && h.firstLimitAtMultiplier() <= 1) {
                break;
            }
        }
        if (all.size() == 1) { // one search asked for, or the first found a limit at today's traffic
            return best;
        }
        // the answer given first, the others in the order they ran
        List<Plan.Search> ordered = new ArrayList<>();
        ordered.add(all.get(bestAt));
        for (int k = 0; k < all.size(); k++) {
            if (k != bestAt) {
                ordered.add(all.get(k));
            }
        }
        return best.withSearches(ordered);
    }

    // ---- a rollout staggered under EC2's request limit ----------------------------------------------------

    /**
     * The rollout of {@code s}'s functions that keeps their ENI creations within EC2's request limit ({@code
     * hyperplane.ec2RequestLimit}, present), each key counted as one ENI ({@link #rollout(Scenario, Map)} with no
     * scale-out known).
     */
    static Plan.Staggered rollout(Scenario s) {
        return rollout(s, Map.of());
    }

    /**
     * The rollout of {@code s}'s functions that keeps their ENI creations within EC2's request limit ({@code
     * hyperplane.ec2RequestLimit}, present): in their order ({@code createdAt}, then the scenario's), each new
     * function at its {@code createdAt} or, when the bucket does not hold a call for each ENI its new keys will have
     * (a key an earlier function made is shared: no call), a second after the bucket's refill has them (whole
     * seconds). A key's ENIs are those the design's traffic makes it scale to, {@code keyEnis} (by key label: the
     * most it had in the plan's demand runs; at least 1, and 1 for a key not there): its first at the wave, the rest
     * as its connections pass an ENI's, which the next wave waits for. A function whose ENIs are more than the burst
     * waits for a full bucket and the next wave for the refill of the rest. The scale-out of an {@code existing:
     * Active} function's keys beyond the ENIs they have in place at the start ({@link #enisInPlace}: one, or as many as
     * {@code vpcs[*].enisAtStart} says; made before the run, no call) is taken from the bucket at 0 s; the ENIs in
     * place on keys scaled out before the run are said in {@code enisInPlace}. A function whose new
     * keys alone are more than the burst, or a rollout that would end after the run, cannot be staggered: {@code
     * cannot} says why. The bucket is the model's: full at the run's start, refilled continuously; a scale-out the
     * traffic asks for later than its wave, or beyond the demand runs' (a higher multiplier), is not foreseen (the
     * search on the rollout meets it).
     */
    static Plan.Staggered rollout(Scenario s, Map<String, Long> keyEnis) {
        dev.enisim.model.HyperplaneLimits.Ec2RequestLimit limit = s.hyperplane().ec2RequestLimit().orElseThrow();
        int burst = limit.burst();
        double rate = limit.perSecond();
        java.util.Set<String> made = new java.util.HashSet<>();
        double tokens = burst;
        Map<String, Long> inPlace = enisInPlace(s);
        int scaledOut = 0; // the ENIs in place on keys scaled out before the run
        for (Scenario.Function f : s.functions()) {
            if (f.existing() == Scenario.Function.Existing.ACTIVE) {
                for (String key : keyLabels(s, f)) {
                    if (made.add(key)) {
                        // its ENIs in place were made before the run: only its scale-out beyond them calls EC2 (a
                        // key scaled out to 3 before the run and to 4 by the traffic took 3 calls at 0 s, not 1)
                        long there = inPlace.getOrDefault(key, 1L);
                        tokens -= Math.max(0, keyEnis.getOrDefault(key, 1L) - there);
                        scaledOut += there > 1 ? (int) there : 0;
                    }
                }
            }
        }
        List<Scenario.Function> order = new ArrayList<>();
        for (Scenario.Function f : s.functions()) {
            if (f.existing() == Scenario.Function.Existing.NO) {
                order.add(f);
            }
        }
        order.sort(java.util.Comparator.comparingLong(Scenario.Function::createdAtMicros)); // stable: the file's order
        List<Plan.Wave> waves = new ArrayList<>();
        double at = 0;
        for (Scenario.Function f : order) {
            List<String> mine = new ArrayList<>(keyLabels(s, f));
            mine.removeAll(made);
            int n = mine.size();
            if (n > burst) {
                return new Plan.Staggered(burst, rate, waves, String.format(java.util.Locale.ROOT, "%s alone needs"
                        + " %d new ENIs at once, more than EC2's bucket of %d calls: no rollout of whole functions"
                        + " fits; share security groups (fewer keys) or ask AWS for a higher rate", f.name(), n, burst),
                        null, scaledOut);
            }
            int more = 0;
            for (String key : mine) {
                more += scaleOut(keyEnis, key);
            }
            double need = Math.min(burst, n + more); // more than the burst: a full bucket, the rest from its refill
            double t = Math.max(at, f.createdAtMicros() / 1e6);
            tokens = Math.min(burst, tokens + (t - at) * rate);
            at = t;
            if (tokens < need) { // wait for the refill, and a second more (the bucket's own arithmetic)
                t = Math.ceil(at + (need - tokens) / rate) + 1;
                tokens = Math.min(burst, tokens + (t - at) * rate);
                at = t;
            }
            tokens -= n + more;
            made.addAll(mine);
            Plan.Wave lastWave = waves.isEmpty() ? null : waves.get(waves.size() - 1);
            if (lastWave != null && lastWave.atSeconds() == t) {
                List<String> names = new ArrayList<>(lastWave.functions());
                names.add(f.name());
                waves.set(waves.size() - 1, new Plan.Wave(t, List.copyOf(names), lastWave.enis() + n,
                        lastWave.scaleOutEnis() + more));
            } else {
                waves.add(new Plan.Wave(t, List.of(f.name()), n, more));
            }
        }
        double end = s.durationMicros() / 1e6;
        if (!waves.isEmpty() && waves.get(waves.size() - 1).atSeconds() >= end) {
            Plan.Wave lastWave = waves.get(waves.size() - 1);
            return new Plan.Staggered(burst, rate, waves, String.format(java.util.Locale.ROOT, "the rollout's last"
                    + " wave (%s) would start at %.0f s, after the run's %.0f s: share security groups (fewer keys)"
                    + " or ask AWS for a higher rate", String.join(", ", lastWave.functions()), lastWave.atSeconds(),
                    end), null, scaledOut);
        }
        return new Plan.Staggered(burst, rate, waves, null, null, scaledOut);
    }

    /** The ENIs {@code key} scales out to beyond its first, by {@code keyEnis} (0 for a key not there). */
    private static int scaleOut(Map<String, Long> keyEnis, String key) {
        return (int) Math.max(0, keyEnis.getOrDefault(key, 1L) - 1);
    }

    /**
     * Per key (label), the most ENIs it had in any of the plan's demand runs (no EC2 request limit, no VPC quota in
     * the way, the warm-up's too: each was a CreateNetworkInterface call): what the design's traffic makes it scale
     * to.
     */
    private Map<String, Long> demandKeyEnis() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (RunSummary r : demand) {
            r.eniKeys().forEach((key, k) -> out.merge(key, k.peakEnis(), Math::max));
        }
        return out;
    }

    /** Each function's creation time in {@code rollout}, in microseconds. */
    static Map<String, Long> createdAt(Plan.Staggered rollout) {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Plan.Wave w : rollout.waves()) {
            for (String f : w.functions()) {
                out.put(f, Math.round(w.atSeconds() * 1e6));
            }
        }
        return out;
    }

    /** The keys (subnet + security-group set, per account) of {@code f}'s VPC configuration, as labels. */
    private static List<String> keyLabels(Scenario s, Scenario.Function f) {
        List<String> out = new ArrayList<>();
        if (!f.vpcConfig().attached()) {
            return out;
        }
        for (String subnet : f.vpcConfig().subnetIds()) {
            String label = keyLabel(s, f, subnet);
            if (!out.contains(label)) {
                out.add(label);
            }
        }
        return out;
    }

    /** The label of {@code f}'s key in {@code subnet} (subnet + security-group set, per account), as a run names it. */
    private static String keyLabel(Scenario s, Scenario.Function f, String subnet) {
        return new dev.enisim.model.eni.EniKey("", subnet, f.vpcConfig().securityGroupIds(), "",
                s.multiAccount() ? s.accounts().of(f.name()) : "").label();
    }

    /**
     * Per key (label), the in-use ENIs it has in place at the run's start, as the model makes them: one for each key
     * of an {@code existing: Active} function, or as many as {@code vpcs[*].enisAtStart} gives a key Hyperplane
     * scaled out before the run (its account's, its subnet and security-group set). None under the legacy model,
     * whose ENIs are made by cold starts. The ENIs were made before the run: they hold their addresses and quota
     * slots from 0 s and cost EC2 no call.
     */
    static Map<String, Long> enisInPlace(Scenario s) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (s.networkModel() == NetworkModel.LEGACY) {
            return out;
        }
        Map<String, Long> scaled = new java.util.HashMap<>(); // the enisAtStart entries, by key label
        for (Scenario.Vpc v : s.vpcs()) {
            for (Scenario.KeyAtStart k : v.enisAtStart()) {
                String account = s.multiAccount() ? s.accounts().list().get(s.accounts().index(k.account())).id() : "";
                scaled.put(account + "\0" + k.subnetId() + "\0" + k.securityGroupIds(), (long) k.enis());
            }
        }
        for (Scenario.Function f : s.functions()) {
            if (f.existing() != Scenario.Function.Existing.ACTIVE || !f.vpcConfig().attached()) {
                continue;
            }
            String account = s.multiAccount() ? s.accounts().list().get(s.accounts().index(s.accounts().of(
                    f.name()))).id() : "";
            List<String> groups = f.vpcConfig().securityGroupIds().stream().distinct().sorted().toList();
            for (String subnet : f.vpcConfig().subnetIds()) {
                out.put(keyLabel(s, f, subnet), scaled.getOrDefault(account + "\0" + subnet + "\0" + groups, 1L));
            }
        }
        return out;
    }

    /** {@link #enisInPlace} of the scenario planned, once. */
    private Map<String, Long> inPlace() {
        if (inPlace == null) {
            inPlace = enisInPlace(base);
        }
        return inPlace;
    }

    /** {@code n} {@code noun}s, grouped by thousands: "1 ENI", "16 ENIs", "1,024 IPs". */
    static String count(long n, String noun) {
        return String.format(java.util.Locale.ROOT, "%,d %s%s", n, noun, n == 1 ? "" : "s");
    }

    /**
     * What the recommended size holds, in the port-refusal note: the formula's {@code analytic} ENIs ("that") when
     * they are at least the run's peak {@code peak}, else the peak, "which is more" (an equal peak is not more).
     */
    static String holds(long analytic, long peak) {
        return analytic >= peak ? "that" : "the peak, which is more";
    }

    /** The traffic search's doubling probes: x1, x2, x4, ... x64. */
    static final int DOUBLING_PROBES = 7;

    /**
     * The traffic search's bisecting probes: from a factor of 2 (the doubling's last clear multiplier and its first
     * limit) each geometric midpoint takes the factor's square root, and after four it is 2^(1/16) = 1.044, within 5%.
     */
    static final int BISECTING_PROBES = 4;

    /** One traffic-headroom search of {@code s} on replications {@code first} to {@code first} + min(N, 3) - 1. */
    private Plan.Headroom headroom(Scenario s, String label, int first) {
        List<Plan.Probe> probes = new ArrayList<>();
        double low = 0;
        double high = Double.NaN;
        List<String> hitAtHigh = List.of();
        // the next probe's runs, started while this one's last run goes on (the next multiplier is known when this
        // one hits nothing: the next doubling, or the upper half's midpoint); closed unused when it hits a limit
        RunSequence next = null;
        try {
            // each loop also stops at its count of probes (DOUBLING_PROBES, BISECTING_PROBES): the conditions on the
            // multipliers end them first, so the bound changes no answer, but a search can never run on without end
            for (double m = 1; m <= 64 && probes.size() < DOUBLING_PROBES; m *= 2) {
                RunSequence runsOf = probeRuns(next, s, label, m, first);
                next = m * 2 <= 64 ? runsOf.then(probeRuns(s, label, m * 2, first)) : null;
                List<String> hit;
                try (runsOf) {
                    hit = probe(runsOf, m, probes);
                }
                if (!hit.isEmpty()) {
                    high = m;
                    hitAtHigh = hit;
                    break;
                }
                low = m;
            }
            if (next != null) {
                next.close();
                next = null;
            }
            if (Double.isNaN(high)) {
                return new Plan.Headroom(null, List.of(), 64, probes, null, null, headroomReplications(),
                        appliedWarmUpMicros() / 1e6);
            }
            // bisect to within 5%
            int doubled = probes.size();
            while (low > 0 && high / low > 1.05 && probes.size() - doubled < BISECTING_PROBES) {
                double mid = Math.sqrt(low * high);
                RunSequence runsOf = probeRuns(next, s, label, mid, first);
                next = high / mid > 1.05 ? runsOf.then(probeRuns(s, label, Math.sqrt(mid * high), first)) : null;
                List<String> hit;
                try (runsOf) {
                    hit = probe(runsOf, mid, probes);
                }
                if (hit.isEmpty()) {
                    low = mid;
                } else {
                    high = mid;
                    hitAtHigh = hit;
                    if (next != null) {
                        next.close(); // the next probe is the lower half's, not the one started
                        next = null;
                    }
                }
            }
        } finally {
            if (next != null) {
                next.close();
            }
        }
        return new Plan.Headroom(high, hitAtHigh, probes.stream().mapToDouble(Plan.Probe::multiplier).max()
                .orElse(1), probes, null, low > 0 ? low : null, headroomReplications(), appliedWarmUpMicros() / 1e6);
    }

    /**
     * The replications each traffic probe runs (at most; it stops at the first that hits a limit): up to
     * {@link #HEADROOM_REPLICATIONS} of the plan's N. A limit is hit at a multiplier when any of them hits it: one
     * run's rare-event answer swung 14% with the seed (quickstart: x10.83 at seed 42, x12.34 at seed 1).
     */
    static final int HEADROOM_REPLICATIONS = 3;

    private int headroomReplications() {
        return Math.min(replications, HEADROOM_REPLICATIONS);
    }

    /** The runs of a traffic probe of {@code s} at {@code m}: replications {@code first} to first + min(N, 3) - 1. */
    private RunSequence probeRuns(Scenario s, String label, double m, int first) {
        int reps = headroomReplications();
        RunSequence out = runSequence(dev.enisim.experiment.Sweep.scaleTraffic(s, m), first, first + reps,
                r -> String.format(java.util.Locale.ROOT, "%straffic x%.2f%s", label, m, of(r - first, reps)));
        out.multiplier = m;
        return out;
    }

    /**
     * The runs of the probe at {@code m}: {@code ahead}'s when they are that probe's (started ahead by the probe
     * before), else new ones ({@code ahead}, a guess that missed, closed).
     */
    private RunSequence probeRuns(RunSequence ahead, Scenario s, String label, double m, int first) {
        if (ahead != null && ahead.multiplier == m) {
            return ahead;
        }
        if (ahead != null) {
            ahead.close();
        }
        return probeRuns(s, label, m, first);
    }

    /** The probe's replications in order until one hits a limit (the runs started ahead of it are not used). */
    private List<String> probe(RunSequence runsOf, double m, List<Plan.Probe> probes) {
        Scenario scaled = runsOf.scenario;
        int reps = headroomReplications();
        List<String> warmUpOnly = new ArrayList<>();
        for (int rep = 0; rep < reps; rep++) {
            dev.enisim.run.RunResult res = runsOf.next();
            RunSummary r = res.summary();
            List<String> all = limitsHit(r, scaled);
            List<String> after = limitsAfterWarmUp(res, warmUpMicros);
            // a limit whose failures are within --max-failed-fraction is not hit: not said as met in the warm-up
            List<String> hit = material(after, r, scaled, maxFailedFraction);
            for (String l : all) {
                if (!after.contains(l) && !warmUpOnly.contains(l)) {
                    warmUpOnly.add(l);
                }
            }
            if (!hit.isEmpty()) { // hit in one: the limit is within reach at this traffic
                List<String> details = new ArrayList<>(); // the limits counted: one met only in the warm-up is not
                for (String d : hitDetails(r, scaled)) {
                    if (hit.contains(d.substring(0, Math.max(0, d.indexOf(':'))))) {
                        details.add(d);
                    }
                }
                probes.add(new Plan.Probe(m, hit, details, rep + 1, List.copyOf(warmUpOnly)));
                return hit;
            }
        }
        probes.add(new Plan.Probe(m, List.of(), List.of(), reps, List.copyOf(warmUpOnly)));
        return List.of();
    }

    /** Each limit a run hit ({@link #limitsHit}), in words: who met it, AWS's name for it, how often. */
    static List<String> hitDetails(RunSummary r) {
        return hitDetails(r, null);
    }

    /** {@link #hitDetails(RunSummary)}, a rate limit named by {@link #rateLimit} when the scenario is known. */
    static List<String> hitDetails(RunSummary r, Scenario s) {
        List<String> out = new ArrayList<>();
        long total = r.invocations().total();
        Map<String, Long> t = r.invocations().throttleReasons();
        if (s != null && s.multiAccount()) { // which account's limit: one line per account throttled
            Map<String, Long> byAccount = new LinkedHashMap<>();
            r.functions().forEach((name, f) -> byAccount.merge(s.accounts().of(name), f.invocations()
                    .throttleReasons().getOrDefault("ConcurrentInvocationLimitExceeded", 0L), Long::sum));
            for (Scenario.Account a : s.accounts().list()) {
                count(out, byAccount.getOrDefault(a.id(), 0L), total, String.format(java.util.Locale.ROOT,
                        "concurrency: account %s's concurrency limit (%,d)", a.id(), a.concurrencyLimit()),
                        "throttled (ConcurrentInvocationLimitExceeded)");
            }
        } else {
            count(out, t.getOrDefault("ConcurrentInvocationLimitExceeded", 0L), total, "concurrency: the account's"
                    + " concurrency limit", "throttled (ConcurrentInvocationLimitExceeded)");
        }
        java.util.Set<String> startedFailed = startedFailed(s);
        r.functions().forEach((name, f) -> {
            if (startedFailed.contains(name)) { // the account's, as limitsHit says
                return;
            }
            Map<String, Long> ft = f.invocations().throttleReasons();
            long n = f.invocations().total();
            count(out, ft.getOrDefault("ReservedFunctionConcurrentInvocationLimitExceeded", 0L), n, "concurrency: "
                    + name + "'s reserved concurrency", "throttled (ReservedFunctionConcurrentInvocationLimitExceeded)");
            rateLines(out, s, name, f, n);
            Map<String, Long> fe = f.invocations().errors();
            endsFailed(out, fe.getOrDefault("SubnetIPAddressLimitReachedException", 0L), n, "IP: " + name,
                    "SubnetIPAddressLimitReachedException", f.finalReasonCode(), StateReasonCode.SubnetOutOfIPAddresses);
            endsFailed(out, fe.getOrDefault("ENILimitReachedException", 0L), n, "ENI: " + name,
                    "ENILimitReachedException", f.finalReasonCode(), StateReasonCode.EniLimitExceeded);
            Map<String, Long> fc = f.invocations().functionErrorCauses();
            long onEni = fc.getOrDefault("NoFreePortOnEni", 0L);
            long atNat = fc.getOrDefault("ErrorPortAllocation", 0L);
            count(out, onEni + atNat, n, "connections: " + name, "could not open their connections ("
                    + portCauses(onEni, atNat) + ")");
            long ec2 = fe.getOrDefault("EC2ThrottledException", 0L);
            boolean ec2Failed = f.finalReasonCode() == StateReasonCode.EC2RequestLimitExceeded;
            if (ec2 > 0) {
                out.add(String.format(java.util.Locale.ROOT, "%s: %s: %,d of %,d invocation%s failed"
                        + " (EC2ThrottledException)%s: %s", EC2_REQUEST, name, ec2, n, n == 1 ? "" : "s",
                        ec2Failed ? ", and it ends Failed (EC2RequestLimitExceeded)" : "", ec2Advice(s)));
            } else if (ec2Failed) {
                out.add(EC2_REQUEST + ": " + name + ": " + noneFailed(n, "EC2ThrottledException")
                        + ", and it ends Failed (EC2RequestLimitExceeded): " + ec2Advice(s));
            }
        });
        return out;
    }

    /**
     * What to do when EC2's request limit refuses Lambda's ENI creations, naming the parameter that sets the limit in
     * {@code s}'s network model (the legacy model's EC2 API bucket is {@code legacy.ec2ApiBurst} and
     * {@code legacy.ec2ApiRefill}); Hyperplane's when not known. The legacy plan named hyperplane.ec2RequestLimit.
     */
    static String ec2Advice(Scenario s) {
        return "EC2 refused Lambda's CreateNetworkInterface calls for their rate (" + (s != null
                && s.networkModel() == NetworkModel.LEGACY ? "legacy.ec2ApiBurst, legacy.ec2ApiRefill"
                : "hyperplane.ec2RequestLimit") + "), not for want of IPs or quota; stagger the deployment (create a"
                + " few functions, a few new subnet + security-group keys, at a time) or share security groups so that"
                + " fewer ENIs are created at once, and delete and recreate a function that ended Failed";
    }

    /**
     * A limit's failed invocations (as {@link #count}), and "it ends Failed" when the function ended Failed by that
     * limit ({@code reason}); a function that ended Failed by it with no invocation failing for it (none made, or
     * none after its ENIs were refused) is said so, not dropped: the limit is hit all the same ({@link #limitsHit}).
     */
    private static void endsFailed(List<String> out, long failed, long of, String who, String exception,
            StateReasonCode finalReason, StateReasonCode reason) {
        boolean ends = finalReason == reason;
        if (failed > 0) {
            count(out, failed, of, who, "failed (" + exception + ")" + (ends ? ", and it ends Failed" : ""));
        } else if (ends) {
            out.add(who + ": " + noneFailed(of, exception) + ", and it ends Failed (" + reason.name() + ")");
        }
    }

    /**
     * No invocation failed with {@code exception}: "no invocation made" when there were none, else "none of its N
     * invocations failed with it" (they ran before the function failed, or failed otherwise while it was Pending).
     */
    private static String noneFailed(long of, String exception) {
        return of == 0 ? "no invocation made" : String.format(java.util.Locale.ROOT,
                "none of its %,d invocation%s failed with %s", of, of == 1 ? "" : "s", exception);
    }

    /**
     * The causes of a function's refused connections, in the traffic headroom's line: no port left on its ENIs
     * ({@code NoFreePortOnEni}), none at its NAT gateway ({@code ErrorPortAllocation}: a subnet's size does not change
     * that, the gateway's addresses do), or each with its count.
     */
    static String portCauses(long onEni, long atNat) {
        if (onEni > 0 && atNat > 0) {
            return String.format(java.util.Locale.ROOT, "NoFreePortOnEni, %,d: no port left on their ENIs;"
                    + " ErrorPortAllocation, %,d: none at their NAT gateway", onEni, atNat);
        }
        if (atNat > 0) {
            return "ErrorPortAllocation: no port left at their NAT gateway, whose addresses hold 55,000 connections to"
                    + " a destination each; more addresses (natGateways[*].addresses, up to 8) raise it, a larger"
                    + " subnet does not";
        }
        return "NoFreePortOnEni: no port left on their ENIs";
    }

    private static void count(List<String> out, long n, long of, String who, String what) {
        if (n > 0) {
            out.add(String.format(java.util.Locale.ROOT, "%s: %,d of %,d invocation%s %s", who, n, of,
                    of == 1 ? "" : "s", what));
        }
    }

    static List<String> limitsHit(RunSummary r) {
        return limitsHit(r, null);
    }

    /**
     * Which limit a function's FunctionInvocationRateLimitExceeded (or ReservedFunctionInvocationRateLimitExceeded)
     * throttles were, as the run recorded them ({@link RunSummary.Invocations#rateLimits}; AWS gives the same reason
     * for all): {@code request-rate} when a cap on requests per second (10 x the account's concurrency limit, its
     * reserved or its provisioned concurrency) refused most of them, else {@code scaling-rate} (the environments
     * could not be added fast enough, or the per-function rule's rise); {@code scaling-rate} when none was recorded.
     * The lever differs: the first is raised with the concurrency behind the cap, the second is not.
     *
     * @param s unused: the run's record, not the scenario, tells it (kept for the callers)
     */
    static String rateLimit(Scenario s, RunSummary r, String function) {
        RunSummary.FunctionSummary fs = r.functions().get(function);
        if (fs == null) {
            return "scaling-rate";
        }
        long request = 0;
        long scaling = 0;
        for (RequestRateLimit l : RequestRateLimit.all()) {
            if (requestCap(l)) {
                request += fs.invocations().rateLimited(l);
            } else {
                scaling += fs.invocations().rateLimited(l);
            }
        }
        return request > scaling ? "request-rate" : "scaling-rate";
    }

    /** Whether {@code l} is a cap on requests per second ({@code request-rate}), not {@code scaling-rate}. */
    static boolean requestCap(RequestRateLimit l) {
        return l == RequestRateLimit.ACCOUNT || l == RequestRateLimit.RESERVED || l == RequestRateLimit.PROVISIONED;
    }

    /**
     * The traffic headroom's lines for a function's rate throttles, one per limit that refused some (as the run
     * recorded them), each with its limit's lever: {@code request-rate} for a cap (the account's concurrency quota,
     * the function's reserved concurrency, its provisioned concurrency), {@code scaling-rate} for the rise and the
     * scaling rate.
     */
    private static void rateLines(List<String> out, Scenario s, String name, RunSummary.FunctionSummary f, long n) {
        Map<String, Long> ft = f.invocations().throttleReasons();
        long all = ft.getOrDefault("FunctionInvocationRateLimitExceeded", 0L)
                + ft.getOrDefault("ReservedFunctionInvocationRateLimitExceeded", 0L);
        String reason = ft.getOrDefault("ReservedFunctionInvocationRateLimitExceeded", 0L) > 0
                ? "ReservedFunctionInvocationRateLimitExceeded" : "FunctionInvocationRateLimitExceeded";
        long told = 0;
        int per = dev.enisim.model.Scaling.REQUESTS_PER_SECOND_PER_CONCURRENCY;
        for (RequestRateLimit l : RequestRateLimit.all()) {
            long c = f.invocations().rateLimited(l);
            told += c;
            String why = switch (l) {
                case ACCOUNT -> ": requests per second over 10 x the concurrency limit"
                        + (s == null || s.multiAccount() ? "" : String.format(java.util.Locale.ROOT, " of %,d = %,d",
                                s.account().concurrencyLimit(), (long) per * s.account().concurrencyLimit()))
                        + "; raise the concurrency quota";
                case RESERVED -> {
                    int rc = reservedOf(s, name);
                    yield ": requests per second over 10 x its reserved concurrency" + (rc < 0 ? "" : String.format(
                            java.util.Locale.ROOT, " of %,d = %,d", rc, (long) per * rc))
                            + "; raise its reserved concurrency";
                }
                case PROVISIONED -> {
                    int pc = provisionedOf(s, name);
                    yield ": requests per second over 10 x provisioned concurrency" + (pc <= 0 ? "" : String.format(
                            java.util.Locale.ROOT, " of %,d = %,d", pc, (long) per * pc)) + ", every request of it"
                            + " counted; raise its provisioned concurrency, or, if AWS counts only the requests"
                            + " provisioned environments serve, set scaling.provisionedConcurrency.requestRateCap:"
                            + " provisionedOnly";
                }
                case RISE -> ": its request rate rose faster than the scaling rule allows (scaling"
                        + ".newRequestsPerSecond every scaling.period); ramp it up more slowly";
                case SCALING -> "";
            };
            count(out, c, n, (requestCap(l) ? "request-rate: " : "scaling-rate: ") + name, "throttled (" + reason
                    + why + ")");
        }
        // none recorded (a summary written before they were): the scaling rate, as AWS's reason reads
        count(out, all - told, n, "scaling-rate: " + name, "throttled (" + reason + ")");
    }

    /** {@code function}'s reserved concurrency in {@code s}, -1 when it has none or is not known. */
    private static int reservedOf(Scenario s, String function) {
        for (Scenario.Function f : s == null ? List.<Scenario.Function>of() : s.functions()) {
            if (f.name().equals(function) && f.reservedConcurrency().isPresent()) {
                return f.reservedConcurrency().getAsInt();
            }
        }
        return -1;
    }

    /** {@code function}'s provisioned concurrency in {@code s}, 0 when it has none or is not known. */
    private static int provisionedOf(Scenario s, String function) {
        for (Scenario.Function f : s == null ? List.<Scenario.Function>of() : s.functions()) {
            if (f.name().equals(function)) {
                return f.provisionedConcurrency();
            }
        }
        return 0;
    }

    /** {@link #limitsHit(RunSummary)}, a rate limit named by {@link #rateLimit} when the scenario is known. */
    static List<String> limitsHit(RunSummary r, Scenario s) {
        List<String> hit = new ArrayList<>();
        Map<String, Long> e = new java.util.HashMap<>(r.invocations().errors());
        // a function that started Failed (existing: Failed) met no limit of this run: its reason and its invocations'
        // errors are the account's, left out as section 1 says (fraud-scorer made every headroom "x1.00: IP")
        java.util.Set<String> startedFailed = startedFailed(s);
        for (String name : startedFailed) {
            RunSummary.FunctionSummary f = r.functions().get(name);
            if (f != null) {
                f.invocations().errors().forEach((k, v) -> e.merge(k, -v, Long::sum));
            }
        }
        boolean eni = e.getOrDefault("ENILimitReachedException", 0L) > 0;
        boolean ip = e.getOrDefault("SubnetIPAddressLimitReachedException", 0L) > 0;
        for (Map.Entry<String, RunSummary.FunctionSummary> fe : r.functions().entrySet()) {
            StateReasonCode code = startedFailed.contains(fe.getKey()) ? null : fe.getValue().finalReasonCode();
            eni |= code == StateReasonCode.EniLimitExceeded;
            ip |= code == StateReasonCode.SubnetOutOfIPAddresses;
        }
        Map<String, Long> t = r.invocations().throttleReasons();
        if (eni) {
            hit.add("ENI");
        }
        if (ip) {
            hit.add("IP");
        }
        if (t.getOrDefault("ConcurrentInvocationLimitExceeded", 0L)
                + t.getOrDefault("ReservedFunctionConcurrentInvocationLimitExceeded", 0L) > 0) {
            hit.add("concurrency");
        }
        if (t.getOrDefault("FunctionInvocationRateLimitExceeded", 0L)
                + t.getOrDefault("ReservedFunctionInvocationRateLimitExceeded", 0L) > 0) {
            for (Map.Entry<String, RunSummary.FunctionSummary> f : r.functions().entrySet()) {
                Map<String, Long> ft = f.getValue().invocations().throttleReasons();
                String name = rateLimit(s, r, f.getKey());
                if (ft.getOrDefault("FunctionInvocationRateLimitExceeded", 0L)
                        + ft.getOrDefault("ReservedFunctionInvocationRateLimitExceeded", 0L) > 0 && !hit.contains(name)) {
                    hit.add(name);
                }
                // the other name too when its limits refused some of them (a cap and the scaling rate both)
                String other = name.equals("request-rate") ? "scaling-rate" : "request-rate";
                for (RequestRateLimit l : RequestRateLimit.all()) {
                    if (f.getValue().invocations().rateLimited(l) > 0 && requestCap(l) == other.equals("request-rate")
                            && !hit.contains(other)) {
                        hit.add(other);
                    }
                }
            }
        }
        // every ENI of a key at its 65,000 connections: invocations fail with NoFreePortOnEni (shared-eni-65k
        // failed 11,662 of them at x1 while the search said "first limit at x2.71: concurrency")
        Map<String, Long> c = r.invocations().functionErrorCauses();
        if (c.getOrDefault("NoFreePortOnEni", 0L) + c.getOrDefault("ErrorPortAllocation", 0L) > 0) {
            hit.add("connections");
        }
        // EC2 refused Lambda's CreateNetworkInterface calls for their rate (hyperplane.ec2RequestLimit): the plan said
        // "no limit hit up to x64" of ec2-request-limit, whose run as it is ends reports Failed by it
        boolean ec2 = e.getOrDefault("EC2ThrottledException", 0L) > 0;
        for (Map.Entry<String, RunSummary.FunctionSummary> fe : r.functions().entrySet()) {
            ec2 |= !startedFailed.contains(fe.getKey())
                    && fe.getValue().finalReasonCode() == StateReasonCode.EC2RequestLimitExceeded;
        }
        if (ec2) {
            hit.add(EC2_REQUEST);
        }
        return hit;
    }

    /**
     * The functions of {@code s} saved Failed ({@code existing: Failed}): their creation failed before the run, so the
     * limits a run hit leave them out (none when {@code s} is null).
     */
    static java.util.Set<String> startedFailed(Scenario s) {
        java.util.Set<String> out = new java.util.HashSet<>();
        if (s != null) {
            for (Scenario.Function f : s.functions()) {
                if (f.existing() == Scenario.Function.Existing.FAILED) {
                    out.add(f.name());
                }
            }
        }
        return out;
    }

    /** The limit category of EC2's rate for Lambda's CreateNetworkInterface calls (hyperplane.ec2RequestLimit). */
    static final String EC2_REQUEST = "EC2-request-rate";

    // ---- teardown -------------------------------------------------------------------------------------------

    /**
     * The chance, over all the replications together, that the teardown's horizon cuts a replication short (an ENI
     * still there at its end): the horizon is the deletion time's quantile that makes it this rare.
     */
    static final double CENSORING_CHANCE = 1e-4;

    /** The teardown's horizon given in place of the one {@link #teardownHorizonMicros} chooses; empty: that one. */
    private java.util.OptionalLong teardownHorizon = java.util.OptionalLong.empty();

    /**
     * Runs each teardown replication {@code micros} (over 0) past the deletions, in place of the horizon the plan
     * chooses. Package-private, not an option of {@code plan}: for tests of a replication cut short (an ENI still
     * there at the horizon), which no scenario field makes: the horizon outlasts the deletions but about once in
     * 10,000 (a cap bounds them; an ENI a role without EC2 permissions orphans is said as orphaned, never as cut
     * short).
     */
    Planner teardownHorizon(long micros) {
        this.teardownHorizon = java.util.OptionalLong.of(micros);
        return this;
    }

    /**
     * How long each teardown replication runs on after the deletions: 50 minutes (Lambda's own steps before it
     * deletes an ENI) plus the deletion time that the longest of {@code k} draws passes with a chance of
     * {@link #CENSORING_CHANCE} over {@code replications} replications (or the cap, when smaller). It ran 50 minutes
     * whatever the distribution: a replication whose ENIs outlived them counted as a short wait (td: p50 0 min against
     * the analytic 76).
     */
    static long teardownHorizonMicros(DistributionSpec d, int k, int replications) {
        double q = Math.pow(1 - CENSORING_CHANCE / Math.max(1, replications), 1.0 / Math.max(1, k));
        double x = Math.min(upperQuantile(d, q), d.max());
        if (!Double.isFinite(x)) {
            x = 7 * 86_400e6; // no bound known: a week, and a replication still cut short is said to be
        }
        return 50 * 60_000_000L + (long) Math.ceil(Math.max(0, x));
    }

    /** A value the uncapped distribution passes with a chance of at most 1 - q (its q-quantile, or more). */
    static double upperQuantile(DistributionSpec d, double q) {
        if (d instanceof DistributionSpec.LogNormal l) {
            return new LogNormalDistribution(null, l.mu(), l.sigma()).inverseCumulativeProbability(q);
        } else if (d instanceof DistributionSpec.Constant c) {
            return c.value();
        } else if (d instanceof DistributionSpec.Exponential e) {
            return -e.mean() * Math.log(1 - q);
        } else if (d instanceof DistributionSpec.Uniform u) {
            return u.high();
        } else if (d instanceof DistributionSpec.Normal n) {
            return normalUpperQuantile(n, q);
        } else if (d instanceof DistributionSpec.ShiftedLogNormal l) {
            return l.atZ(new org.apache.commons.math3.distribution.NormalDistribution()
                    .inverseCumulativeProbability(q));
        } else if (d instanceof DistributionSpec.Sum sum) { // P(X + Y > a + b) <= P(X > a) + P(Y > b)
            double each = 1 - (1 - q) / 2;
            return upperQuantile(sum.base(), each) + upperQuantile(sum.extra(), each);
        }
        return Double.POSITIVE_INFINITY;
    }

    /**
     * The q-quantile of a normal truncated at zero, as the sampler draws it (a negative draw is drawn again): the
     * tail past x is the untruncated one over P(X > 0), so the value passed with a chance of 1 - q is the untruncated
     * normal's (1 - (1 - q) P(X > 0))-quantile. The untruncated q-quantile it took is passed up to twice as often
     * (mean small beside the standard deviation: P(X > 0) near 1/2), so a replication was cut short about twice as
     * often as {@link #CENSORING_CHANCE} says.
     */
    static double normalUpperQuantile(DistributionSpec.Normal n, double q) {
        org.apache.commons.math3.distribution.NormalDistribution z =
                new org.apache.commons.math3.distribution.NormalDistribution();
        double positive = z.cumulativeProbability(n.mean() / n.stddev()); // P(X > 0); 1 when the sd is 0
        return n.mean() + n.stddev() * z.inverseCumulativeProbability(1 - (1 - q) * positive);
    }

    /**
     * The teardown of the design the plan recommends: every subnet at its recommended size ({@code recommended})
     * and no EC2 request limit refusing its ENIs (a staggered deploy), as sections 1 and 2 count it; it counted the
     * ENIs of the scenario as it is (quickstart: 8, while section 2 said the design's peak is 10).
     */
    private Plan.TeardownWait teardown(RunSummary asIs, Map<String, Integer> recommended) {
        long known = 0; // the ENIs the stack may hold at the end, to choose the horizon (doubled: a margin)
        List<RunSummary> all = new ArrayList<>(demand);
        all.add(asIs);
        for (RunSummary r : all) {
            known = Math.max(known, r.eniKeys().values().stream().mapToLong(RunSummary.KeySummary::peakEnis).sum());
        }
        long horizon = teardownHorizon.isPresent() ? teardownHorizon.getAsLong()
                : teardownHorizonMicros(base.hyperplane().eniDeleteTime(), (int) Math.min(100_000, 2 * known + 1),
                replications);
        Scenario design = Variants.noEc2RequestLimit(Variants.resize(base, recommended));
        boolean resized = false;
        for (Scenario.Vpc v : base.vpcs()) {
            for (Scenario.Subnet sn : v.subnets()) {
                Integer p = recommended.get(sn.id());
                resized |= p != null && p != sn.cidr().prefix();
            }
        }
        boolean ec2 = base.hyperplane().ec2RequestLimit().isPresent();
        String said = !resized && !ec2 ? null : "the design the plan recommends: " + (resized ? "every subnet at its"
                + " recommended size" : "") + (resized && ec2 ? ", " : "") + (ec2 ? "every ENI created (no EC2"
                + " request limit refusing them: the deployment staggered)" : "");
        Scenario down = Variants.teardown(design, horizon);
        double[] waits = new double[replications];
        int enis = 0;
        int censored = 0;
        int orphaned = 0; // the most ENIs orphaned in one replication
        int orphanedRuns = 0;
        try (RunSequence runsOf = runSequence(down, 0, replications, rep -> "teardown, replication " + (rep + 1)
                + " of " + replications)) {
            for (int rep = 0; rep < replications; rep++) {
                RunSummary r = runsOf.next().summary();
                double end = 0;
                double start = base.durationMicros() / 1e6;
                int n = 0;
                int lost = 0;
                boolean cut = false;
                for (RunSummary.Teardown t : r.teardowns()) {
                    if (t.releasedAtSeconds() < start) {
                        continue;
                    }
                    n += t.enis();
                    lost += t.orphaned();
                    if (t.waitSeconds() != null) {
                        end = Math.max(end, t.releasedAtSeconds() + t.waitSeconds());
                    } else { // an ENI still there at the horizon (a teardown of no ENI has a wait, 0)
                        cut = true; // the wait is longer than the run, not short
                    }
                }
                enis = Math.max(enis, n);
                orphaned = Math.max(orphaned, lost);
                orphanedRuns += lost > 0 ? 1 : 0;
                // an orphaned ENI's wait is null too, but it is endless, not cut short by the horizon (and the waits
                // of a teardown that orphans are not read: it has no finite figure)
                waits[rep] = cut ? Double.POSITIVE_INFINITY : Math.max(0, end - start);
                censored += cut && lost == 0 ? 1 : 0;
            }
        }
        double h = horizon / 1e6;
        List<String> kept = Variants.said(base);
        if (orphaned > 0) { // no finite figure: not the simulated ones', not the analytic ones' of deletions never made
            double never = Double.POSITIVE_INFINITY;
            return new Plan.TeardownWait(replications, enis, never, never, never, never, censored, h, false, false,
                    said, kept, orphaned, orphanedRuns, Variants.rolesWithoutEc2(base));
        }
        // the largest of no deletion times is 0: no ENI, no wait (it gave the analytic figures of one ENI's)
        double[] analytic = enis == 0 ? new double[2] : maxQuantiles(base.hyperplane().eniDeleteTime(), enis);
        double p50 = quantile(waits, 0.50);
        double p99 = quantile(waits, 0.99);
        return new Plan.TeardownWait(replications, enis, Double.isFinite(p50) ? p50 : h,
                Double.isFinite(p99) ? p99 : h, analytic[0], analytic[1], censored, h, !Double.isFinite(p50),
                !Double.isFinite(p99), said, kept, 0, 0, List.of());
    }

    /**
     * The p-quantile of {@code x} as R's type 7 (Commons Math's R_7) interpolates it; infinite when it rests on a
     * replication cut short by the horizon (infinite in {@code x}): such a quantile is only known to pass it.
     */
    static double quantile(double[] x, double p) {
        double[] s = x.clone();
        java.util.Arrays.sort(s);
        double h = (s.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(s.length - 1, lo + 1);
        if (h == lo) {
            return s[lo];
        }
        if (!Double.isFinite(s[lo]) || !Double.isFinite(s[hi])) {
            return Double.POSITIVE_INFINITY;
        }
        return s[lo] + (h - lo) * (s[hi] - s[lo]);
    }

    /** p50 and p99 (seconds) of the maximum of {@code k} independent draws of {@code d} (F_max = F^k). */
    static double[] maxQuantiles(DistributionSpec d, int k) {
        double[] out = new double[2];
        double[] q = {0.5, 0.99};
        for (int i = 0; i < 2; i++) {
            double p = Math.pow(q[i], 1.0 / k);
            double x;
            if (d instanceof DistributionSpec.LogNormal l) {
                x = new LogNormalDistribution(null, l.mu(), l.sigma()).inverseCumulativeProbability(p);
            } else if (d instanceof DistributionSpec.Constant c) {
                x = c.value();
            } else if (d instanceof DistributionSpec.Exponential e) {
                x = -e.mean() * Math.log(1 - p);
            } else if (d instanceof DistributionSpec.Uniform u) {
                x = u.low() + p * (u.high() - u.low());
            } else {
                x = Double.NaN; // no closed form offered: the simulated figure stands alone
            }
            out[i] = Math.min(x, d.max()) / 1e6;
        }
        return out;
    }

    // ---- idle rule ------------------------------------------------------------------------------------------

    /** Keep-warm advice for every VPC function except those that end Failed ({@code failed}): warmth cannot help. */
    private List<Plan.IdleAdvice> idle(List<String> failed) {
        List<Plan.IdleAdvice> out = new ArrayList<>();
        if (base.networkModel() == NetworkModel.LEGACY) {
            return out; // no Inactive state before Hyperplane
        }
        long idle = base.hyperplane().idleReclaimAfterMicros();
        long margin = idleMargin(idle);
        for (Scenario.Function f : base.functions()) {
            if (!f.vpcConfig().attached() || failed.contains(f.name())) {
                continue;
            }
            progress.accept(f.name() + ": quiet periods around the idle rule");
            boolean failsLonger = firstCallAfterQuietFails(f, idle + margin);
            boolean passesShorter = !firstCallAfterQuietFails(f, idle - margin);
            // the advice holds once it is Active; an Inactive function's next call fails before any quiet: said
            out.add(new Plan.IdleAdvice(f.name(), idle / 1e6, idle / 2e6, failsLonger, passesShorter,
                    dev.enisim.metrics.CostEstimate.keepWarmPerMonth(base.prices(), f.memoryMb(), f.architecture(),
                            idle / 2e6, base.keepAliveMicros() / 1e6, Math.min(f.initDuration().mean(),
                            f.initDuration().max()) / 1e6), startsInactive(f) ? Plan.INACTIVE_NOW : null));
        }
        return out;
    }

    /**
     * How far either side of the idle rule {@code idleMicros} plan's check probes: an hour; half the rule for a rule of
     * an hour or less (a quiet of the rule less an hour was negative or 0 there: a probe run of negative length, and
     * plan died with an internal error).
     */
    public static long idleMargin(long idleMicros) {
        return idleMicros > 3_600_000_000L ? 3_600_000_000L : idleMicros / 2;
    }

    /**
     * When the idle probe's first call comes: 10 min in, after creation (Pending) is surely over. A function under an
     * idle rule no longer than that is kept warm until then ({@link #notReadyErrors}).
     */
    public static final long IDLE_PROBE_START_MICROS = 600_000_000L;

    /**
     * How often the idle probe calls a function under a rule no longer than its wait ({@code idleMicros} at most
     * {@link #IDLE_PROBE_START_MICROS}) before its first call: the advised keep-warm interval, half the rule, but not
     * more often than every 0.5 ms (a rule of 2 us would ask for 600 million calls, a plan of hours; under a rule
     * of 0.5 ms or less the calls may no longer keep it warm, and the check's text says how often they came).
     */
    public static long idleProbeEveryMicros(long idleMicros) {
        return Math.max(idleMicros / 2, 500);
    }

    /**
     * The function alone, invoked once right after creation and once more after {@code quiet}: whether that second
     * call fails. The first call's own outcome is taken away (a run of it alone): a function that starts
     * {@code existing: Inactive} fails its first call whatever the quiet period, and the import example's
     * audit-export read "FAILS (!) after a shorter" quiet period (a newcomer's review).
     */
    private boolean firstCallAfterQuietFails(Scenario.Function f, long quiet) {
        long errors = notReadyErrors(f, quiet, true);
        return errors > (startsInactive(f) ? notReadyErrors(f, quiet, false) : 0);
    }

    private static boolean startsInactive(Scenario.Function f) {
        return f.existing() == Scenario.Function.Existing.INACTIVE;
    }

    /** ResourceNotReadyException errors of the idle probe: the first call, and the one after {@code quiet} too. */
    private long notReadyErrors(Scenario.Function f, long quiet, boolean both) {
        long start = IDLE_PROBE_START_MICROS; // after creation (Pending) is surely over
        ArrivalSpec probe = new ArrivalSpec.Constant(1e6 / quiet, start, start + (both ? quiet : 0) + 1);
        long idle = base.hyperplane().idleReclaimAfterMicros();
        if (idle <= start) {
            // a rule no longer than the wait for the first call: the function went Inactive before it, and that call
            // failed, so plan said "FAILS (!) after a shorter" quiet of every such function (an idle rule of 5m).
            // Kept warm until then at the advised interval, half the rule (from 0: its creation's Pending calls are
            // refused, not counted, and activation counts as a use), the first call finds it Active as it would
            // under a longer rule; the same pings in the first call's run alone (a function that starts Inactive)
            long every = idleProbeEveryMicros(idle);
            probe = new ArrivalSpec.Superposition(List.of(new ArrivalSpec.Constant(1e6 / every, 0, start), probe));
        }
        ArrayList<Scenario.Function> fns = new ArrayList<>();
        // the function as configured (its provisioned and reserved concurrency, its existing state: the rules that
        // keep it Active apply as in the run; a copy built from a few fields dropped provisioned concurrency and said
        // "fails after a longer quiet" of a function the run keeps Active), with only the two probe invocations
        fns.add(f.toBuilder().duration(new DistributionSpec.Constant(1000))
                .arrivals(probe)
                .createdAtMicros(0)
                .connectionsPerInvocation(0).connectionsPerEnvironment(0).initDuration(Scenario.Function.NO_INIT)
                .async(java.util.Optional.empty()).sqs(java.util.Optional.empty())
                .egress(Scenario.Egress.NONE).build());
        Scenario s = Variants.with(base, base.vpcs(), fns, List.of(), start + quiet + 60_000_000L);
        RunSummary r = run(s, 0);
        return r.invocations().errors().getOrDefault("ResourceNotReadyException", 0L);
    }
}
