package dev.enisim.report;

import dev.enisim.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The bytes a run's outputs will take, estimated from the scenario alone, before it is simulated: so that a run of
 * minutes whose report cannot fit on its disk is refused at once ({@link SafeOutput#checkRoomBeforeRun}), not after
 * it. An estimate meant to be high: the outputs of every scenario in {@code scenarios/} (and {@code scenarios/bench/}
 * cut short, and others at finer buckets) measured from 0.59 to 0.97 times it ({@code OutputSizeTest}).
 *
 * <p>{@code timeseries.csv} is counted row by row: a row per bucket and dimension (the account(s), every VPC, subnet,
 * function, ENI key and NAT gateway route), each the bytes of its id, its time and an upper figure for its cells
 * (a function's or account's 100, measured 42 to 97 on average; a key's or subnet's 40, measured 29 to 38). The
 * charts are counted chart by chart (those the scenario's features draw), each a frame and its lines' points (at most
 * 600 per line, {@code Charts.MAX_POINTS}; 10 lines of functions and of keys, a panel per subnet), with a lane of the
 * state timeline per function and key (up to 40); the rest ({@code report.html}, {@code summary.json}, {@code
 * narrative.txt}, {@code enis.csv}) a base, the page's points per function line, a function, a key, a subnet and a
 * legacy-model ENI. Both were fitted on the measured outputs (every bundled scenario's, with the hh:mm:ss labels of
 * short runs and with the labels before them) and raised so that none measured is above them. With {@code
 * --replications N} only summaries are written: {@code N} of them and the statistics across them (measured 3.6 to
 * 3.7 times one).
 */
public final class OutputSize {

    /** Bytes of a row of timeseries.csv beyond its time and id, an upper figure, by scope. */
    static final int FUNCTION_ROW = 100;
    static final int ACCOUNT_ROW = 100;
    static final int KEY_ROW = 40;
    static final int SUBNET_ROW = 40;
    static final int VPC_ROW = 35;
    static final int NAT_ROW = 45;
    /** The CSV's header line, an upper figure (measured 406 to 574). */
    static final int CSV_HEADER = 700;

    /**
     * The charts (PNG and SVG each), fitted on every bundled scenario's charts, drawn with the time labels of session
     * 42 and with those before (they measured 0.58 to 1.0 of this), raised from 81,700 in session 55 when the chart
     * files gained the lifecycle moments' lines, labels and key and the subnets their own colours (redeploy-new-subnets'
     * charts came to 1.01 of the estimate, and 1.00 at 84,500): a chart's frame (axes, legend, title), a chart
     * point of a line per function (at most {@link #LINES} lines), per ENI key (at most {@link #LINES}) and per subnet
     * (the subnet IP chart's panels), and a function's or key's lane of the state timeline (up to {@link #LANES}).
     */
    static final long CHART = 90_000;
    static final long POINT_FUNCTION_LINE = 2_390;
    static final long POINT_KEY_LINE = 150;
    static final long POINT_SUBNET = 1_130;
    static final long LANE = 17_700;
    /** The charts every run draws (invocations, concurrency, environments, cold starts, the two latency, timeline). */
    static final int CHARTS = 7;
    /** Lines per chart at most ({@code Charts.MAX_LINES}). */
    static final int LINES = 10;
    /** Points per line at most ({@code Charts.MAX_POINTS}). */
    static final int POINTS = 600;
    /** Lanes of the state timeline at most, of functions and of ENIs ({@code StateTimeline}). */
    static final int LANES = 40;
    /**
     * The rest: report.html (which holds the charts' data and the timeline's SVG), summary.json, narrative.txt and
     * enis.csv, fitted on the same runs (0.79 to 1.0 of this): a base, a chart point of a line per function, a function,
     * an ENI key, a subnet, and an ENI of the legacy model (a row of enis.csv and of the page each).
     */
    static final long PAGE = 167_500;
    static final long PAGE_POINT_FUNCTION = 80;
    static final long FUNCTION = 5_910;
    static final long KEY = 370;
    static final long SUBNET = 10_300;
    static final long LEGACY_ENI = 970;

    /** One summary.json: its base, a function, an ENI key, a subnet (upper figures, measured 0.62 to 0.97). */
    static final long SUMMARY = 5_000;
    static final long SUMMARY_FUNCTION = 2_800;
    static final long SUMMARY_KEY = 320;
    static final long SUMMARY_SUBNET = 500;
    /** The statistics across replications, in summaries (measured 3.6 to 3.7). */
    static final int STATISTICS = 4;

    private OutputSize() {
    }

    /** The dimensions of a scenario's series, counted from its file: what sizes its outputs. */
    record Dimensions(long buckets, int functions, int keys, int subnets, List<String> rowIds, int[] rowBytes,
            int charts, long legacyEnis) {
    }

    /** The bytes of a run's report folder ({@code run} without {@code --replications}), marker included. */
    public static long report(Scenario s) {
        Dimensions d = dimensions(s);
        return csv(s, d) + charts(d) + page(d) + SafeOutput.MARKER_HEADER.length() + 60 * 120L;
    }

    /**
     * What a run's report writes after its data files, estimated: its charts and report.html, an upper figure (the
     * page's share counts summary.json, narrative.txt and enis.csv too, which {@link #page} fits together), for the
     * write's refusal to say what the whole report needs ({@link SafeOutput#checkReportRoom}).
     */
    public static long chartsAndPage(Scenario s) {
        Dimensions d = dimensions(s);
        return charts(d) + page(d);
    }

    /** The charts/ folder: each chart's frame and its lines' points, and the timeline's lanes. */
    static long charts(Dimensions d) {
        long points = points(d.buckets());
        return d.charts() * CHART + points * (Math.min(d.functions(), LINES) * POINT_FUNCTION_LINE
                + Math.min(d.keys(), LINES) * POINT_KEY_LINE + d.subnets() * POINT_SUBNET)
                + (Math.min(d.functions(), LANES) + Math.min(d.keys(), LANES)) * LANE;
    }

    /** report.html, summary.json, narrative.txt and enis.csv. */
    static long page(Dimensions d) {
        return PAGE_REST + dev.enisim.report.page.Page.chartScriptBytes()
                + points(d.buckets()) * Math.min(d.functions(), LINES) * PAGE_POINT_FUNCTION
                + d.functions() * FUNCTION + d.keys() * KEY + d.subnets() * SUBNET + d.legacyEnis() * LEGACY_ENI;
    }

    /** The bytes of {@code run --replications N}'s folder: N summaries and the statistics across them. */
    public static long replicated(Scenario s, int replications) {
        return (replications + (long) STATISTICS) * summary(s) + SafeOutput.MARKER_HEADER.length()
                + (replications + 1L) * 120;
    }

    /**
     * {@code explain --trace}'s file: a line per action, state change and spell of invocations, about 200 bytes each.
     * Fitted on the traces of every bundled scenario (and the runs cut short of {@code OutputSizeTest}), which measured
     * 0.50 to 1.17 times it ({@code OutputSizeTest}; 0.55 to 2.6 times the estimate before, and 50 times for
     * legacy-vs-hyperplane): a function's lines (its states and invocations), a VPC function's (its Pending spell), an
     * ENI key's (its ENIs' states), a timeline action's, an ENI of the legacy model ({@link #legacyEnis}: one per
     * execution environment, each a Creating and an InUse line; legacy-vs-hyperplane's 246 ENIs wrote 492 of its 497
     * lines, which the keys alone did not count), and each 14 days of the run a function's and a key's (an idle function
     * goes Inactive, its ENIs deleted, and is restored). What happens in a run sets the rest: a trace above its estimate
     * is checked to the byte at the write, as before.
     */
    public static long trace(Scenario s) {
        Dimensions d = dimensions(s);
        int vpcFunctions = 0;
        for (Scenario.Function f : s.functions()) {
            vpcFunctions += f.subnetIds().isEmpty() ? 0 : 1;
        }
        long idleSpells = s.durationMicros() / (14 * 86_400_000_000L);
        return d.functions() * TRACE_FUNCTION + vpcFunctions * TRACE_VPC_FUNCTION + d.keys() * TRACE_KEY
                + s.timeline().size() * TRACE_ACTION + d.legacyEnis() * TRACE_LEGACY_ENI
                + idleSpells * (d.functions() + d.keys()) * TRACE_IDLE;
    }

    /** The trace's bytes by what writes them (see {@link #trace}). */
    static final long TRACE_FUNCTION = 930;
    static final long TRACE_VPC_FUNCTION = 270;
    static final long TRACE_KEY = 490;
    static final long TRACE_ACTION = 470;
    static final long TRACE_LEGACY_ENI = 530;
    static final long TRACE_IDLE = 450;

    /**
     * {@code compare --html}'s page: its base, a function's rows and charts (the larger side's), and the points of the
     * charts' lines (measured 0.85 to 0.96 of this).
     */
    public static long comparePage(Scenario a, Scenario b) {
        Dimensions da = dimensions(a);
        Dimensions db = dimensions(b);
        return COMPARE_REST + dev.enisim.report.page.Page.chartScriptBytes() + 7_000L * Math.max(da.functions(), db.functions()) + 60 * Math.max(points(da.buckets()),
                points(db.buckets()));
    }

    /**
     * {@code compare-network-models --html}'s page: both models' charts (measured 0.95 to 0.97 of this; 1.03 once
     * report.css, in every page, grew by 2.4 KB for the narrow window's cards and chart notes, so 86 KB from 82; 87 KB
     * once it grew by 1 KB more for the why tables' cards under 1,024 px: 1.01 of 86).
     */
    public static long networkModelsPage(Scenario s) {
        Dimensions d = dimensions(s);
        return NETWORK_MODELS_REST + dev.enisim.report.page.Page.chartScriptBytes() + 80 * points(d.buckets())
                + 30L * d.functions();
    }

    /**
     * The pages' fitted bases less their chart scripts ({@link dev.enisim.report.page.Page#chartScriptBytes}, counted
     * as they are): 90,000, 82,000 and 167,500 bytes were fitted with scripts of 67,024 (uPlot's 49,672, charts.js's
     * 17,280 and their tags).
     */
    // 98,000 until session 57's "not significant" written in every row's last cell and the print stylesheet (compare
    // quickstart's page measured 1.03 of its estimate); 94,000 until session 56's function-state lines and internal
    // rows apart (compare quickstart's page measured 1.02 of its estimate); 91,000 until session 55's chart moments and swipe notes; 90,000 until session 53's cards under
    // 1,024 px (1 KB)
    static final long COMPARE_REST = 108_000 - 67_024;
    // 82,000 until session 43's cards (2.4 KB of CSS); 86,000 until session 53's cards under 1,024 px (1 KB)
    // 87,000 until session 55's chart moments and swipe notes; 90,000 until session 60's note on Hyperplane's
    // ResourceConflictException in the verdict (network models quickstart measured 1.00 of its estimate)
    static final long NETWORK_MODELS_REST = 92_000 - 67_024;
    static final long PAGE_REST = PAGE - 67_024;

    /**
     * A baseline {@code check --update-baseline} writes: the summary {@code run} would write, one run's or, with
     * replications, the statistics across them.
     */
    public static long baseline(Scenario s, int replications) {
        return (replications > 1 ? STATISTICS : 1) * summary(s);
    }

    /** One run's summary.json. */
    static long summary(Scenario s) {
        Dimensions d = dimensions(s);
        return SUMMARY + d.functions() * SUMMARY_FUNCTION + d.keys() * SUMMARY_KEY + d.subnets() * SUMMARY_SUBNET;
    }

    /** Points a chart line has: the buckets, merged to at most {@link #POINTS}. */
    static long points(long buckets) {
        long factor = Math.max(1, (buckets + POINTS - 1) / POINTS);
        return (buckets + factor - 1) / factor;
    }

    /** timeseries.csv: its header and a row per bucket and dimension. */
    static long csv(Scenario s, Dimensions d) {
        long perBucket = 0;
        int time = timeBytes(s);
        for (int i = 0; i < d.rowIds().size(); i++) {
            perBucket += d.rowBytes()[i] + d.rowIds().get(i).getBytes(StandardCharsets.UTF_8).length + time + 1;
        }
        return CSV_HEADER + d.buckets() * perBucket;
    }

    /** The bytes of a bucket's time in the CSV at most: whole seconds, or six decimals. */
    static int timeBytes(Scenario s) {
        long seconds = s.durationMicros() / 1_000_000;
        return Long.toString(Math.max(1, seconds)).length() + (s.bucketMicros() % 1_000_000 == 0 ? 0 : 7);
    }

    static Dimensions dimensions(Scenario s) {
        long buckets = (s.durationMicros() + s.bucketMicros() - 1) / s.bucketMicros();
        List<String> ids = new ArrayList<>();
        List<Integer> bytes = new ArrayList<>();
        ids.add("");
        bytes.add(ACCOUNT_ROW);
        for (Scenario.Account a : s.accounts().list()) {
            ids.add(a.id());
            bytes.add(ACCOUNT_ROW);
        }
        int subnets = 0;
        boolean anyVpc = false;
        for (Scenario.Function f : s.functions()) {
            anyVpc |= !f.subnetIds().isEmpty();
        }
        Set<String> destinations = new LinkedHashSet<>();
        for (Scenario.Function f : s.functions()) {
            for (Scenario.Route r : f.egress().routes()) {
                destinations.add(r.destination());
            }
        }
        if (anyVpc) {
            for (Scenario.Vpc v : s.vpcs()) {
                ids.add(v.id());
                bytes.add(VPC_ROW);
                for (Scenario.Subnet sub : v.subnets()) {
                    ids.add(sub.id());
                    bytes.add(SUBNET_ROW);
                    subnets++;
                }
                for (Scenario.NatGateway n : v.natGateways()) {
                    ids.add(n.id());
                    bytes.add(NAT_ROW);
                    for (String dest : destinations) {
                        ids.add(n.id() + " -> " + dest);
                        bytes.add(NAT_ROW);
                    }
                }
            }
        }
        for (Scenario.Function f : s.functions()) {
            ids.add(f.name());
            bytes.add(FUNCTION_ROW);
        }
        Set<String> keys = new LinkedHashSet<>();
        for (Scenario.Function f : s.functions()) {
            keys(s.accounts().of(f.name()), f.vpcConfig(), keys);
        }
        for (Scenario.At at : s.timeline()) {
            String function = null;
            Scenario.VpcConfig config = null;
            if (at.action() instanceof dev.enisim.model.SimEvent.UpdateVpcConfig u) {
                function = s.functions().get(u.function()).name();
                config = s.vpcConfig(u.vpcConfig());
            } else if (at.action() instanceof dev.enisim.model.SimEvent.CreateFunction c
                    && c.vpcConfig().isPresent()) {
                function = s.functions().get(c.function()).name();
                config = s.vpcConfig(c.vpcConfig().get());
            }
            if (config != null) {
                keys(s.accounts().of(function), config, keys);
            }
        }
        for (String k : keys) {
            ids.add(k);
            bytes.add(KEY_ROW);
        }
        int[] rowBytes = new int[bytes.size()];
        for (int i = 0; i < rowBytes.length; i++) {
            rowBytes[i] = bytes.get(i);
        }
        return new Dimensions(buckets, s.functions().size(), keys.size(), subnets, ids, rowBytes,
                charts(s, !keys.isEmpty(), subnets > 0, !destinations.isEmpty()), legacyEnis(s));
    }

    /**
     * The charts a run draws: the seven every run has, the ENI and connection charts when a function has a VPC, the
     * subnet IP chart, and those of the features used (NAT gateways, asynchronous invocation, SQS, several accounts,
     * provisioned concurrency).
     */
    static int charts(Scenario s, boolean keys, boolean subnets, boolean nat) {
        boolean async = false;
        boolean sqs = false;
        boolean provisioned = false;
        for (Scenario.Function f : s.functions()) {
            async |= f.async().isPresent();
            sqs |= f.sqs().isPresent();
            provisioned |= f.provisionedConcurrency() > 0;
        }
        for (Scenario.At at : s.timeline()) {
            provisioned |= at.action() instanceof dev.enisim.model.SimEvent.PutProvisionedConcurrency;
        }
        return CHARTS + (keys ? 2 : 0) + (subnets ? 1 : 0) + (nat ? 1 : 0) + (async ? 2 : 0) + (sqs ? 2 : 0)
                + (s.accounts().list().isEmpty() ? 0 : 2) + (provisioned ? 2 : 0);
    }

    /**
     * The ENIs the legacy model may create: one per execution environment, each with an address of its function's
     * subnets, so at most the subnets' free addresses, the legacy ENI limit and the account's concurrency (0 under
     * Hyperplane, whose ENIs are the keys'). legacy-vs-hyperplane's /25s fill: 246 ENIs, its trace 50 times the
     * estimate that counted keys alone.
     */
    static long legacyEnis(Scenario s) {
        if (s.networkModel() != dev.enisim.model.NetworkModel.LEGACY) {
            return 0;
        }
        Set<String> used = new LinkedHashSet<>();
        for (Scenario.Function f : s.functions()) {
            used.addAll(f.subnetIds());
        }
        long free = 0;
        for (Scenario.Vpc v : s.vpcs()) {
            for (Scenario.Subnet sub : v.subnets()) {
                if (used.contains(sub.id())) {
                    free += Math.max(0, sub.cidr().usableAddresses() - sub.otherUsedIps());
                }
            }
        }
        return Math.min(free, Math.min(s.networkInterfacesPerRegion(), s.accountConcurrencyLimit()));
    }

    /** The ENI keys of a VpcConfig, labelled as the CSV writes them (quoted when a comma is in them). */
    private static void keys(String account, Scenario.VpcConfig config, Set<String> keys) {
        if (config.subnetIds().isEmpty()) {
            return;
        }
        List<String> groups = config.securityGroupIds().stream().sorted().toList();
        String prefix = account.isEmpty() ? "" : account + ":";
        for (String subnet : config.subnetIds()) {
            String label = prefix + subnet + "+[" + String.join(",", groups) + "]";
            keys.add(label.contains(",") ? "\"" + label + "\"" : label);
        }
    }
}
