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
 * cut short, and others at finer buckets) measured from 0.55 to 1.0 times it ({@code OutputSizeTest}).
 *
 * <p>{@code timeseries.csv} is counted row by row: a row per bucket and dimension (the account(s), every VPC, subnet,
 * function, ENI key and NAT gateway route), each the bytes of its id, its time and an upper figure for its cells
 * (a function's or account's 100, measured 42 to 97 on average; a key's or subnet's 40, measured 29 to 38). The rest
 * (charts, {@code report.html}, {@code summary.json}, {@code narrative.txt}, {@code enis.csv}) was fitted on the
 * measured outputs and raised by a quarter so that none measured is above it: a base for the charts and the page, a
 * chart point (at most 600 per line, {@code Charts.MAX_POINTS}) per function line and per key line (at most 10 each),
 * a function and an ENI key each (their lanes of the state timeline up to 40), and a subnet (its panel of the IP
 * chart). With {@code --replications N} only summaries are written: {@code N} of them and the statistics across them
 * (measured 3.6 to 3.7 times one).
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

    /** The charts' and page's base (a run of one function over a few buckets measured 0.55 of it). */
    static final long BASE = 950_000;
    /** A chart point of a line per function (at most {@link #LINES} lines) and per ENI key. */
    static final long POINT_FUNCTION_LINE = 2_660;
    static final long POINT_KEY_LINE = 445;
    /** Lines per chart at most ({@code Charts.MAX_LINES}). */
    static final int LINES = 10;
    /** Points per line at most ({@code Charts.MAX_POINTS}). */
    static final int POINTS = 600;
    /** A function (summary.json, narrative.txt, report.html) and its timeline lane, up to {@link #LANES}. */
    static final long FUNCTION = 5_810;
    static final long FUNCTION_LANE = 11_340;
    /** An ENI key (summary.json, enis.csv, report.html) and its timeline lane, up to {@link #LANES}. */
    static final long KEY = 1_170;
    static final long KEY_LANE = 2_200;
    /** Lanes of the state timeline at most, of functions and of ENIs ({@code StateTimeline}). */
    static final int LANES = 40;
    /** A subnet: its panel of the subnet IP chart, PNG and SVG. */
    static final long SUBNET = 158_800;

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
    record Dimensions(long buckets, int functions, int keys, int subnets, List<String> rowIds, int[] rowBytes) {
    }

    /** The bytes of a run's report folder ({@code run} without {@code --replications}), marker included. */
    public static long report(Scenario s) {
        Dimensions d = dimensions(s);
        long points = points(d.buckets());
        return csv(s, d) + BASE + points * (Math.min(d.functions(), LINES) * POINT_FUNCTION_LINE
                + Math.min(d.keys(), LINES) * POINT_KEY_LINE) + d.functions() * FUNCTION
                + Math.min(d.functions(), LANES) * FUNCTION_LANE + d.keys() * KEY + Math.min(d.keys(), LANES)
                * KEY_LANE + d.subnets() * SUBNET + SafeOutput.MARKER_HEADER.length() + 60 * 120L;
    }

    /** The bytes of {@code run --replications N}'s folder: N summaries and the statistics across them. */
    public static long replicated(Scenario s, int replications) {
        return (replications + (long) STATISTICS) * summary(s) + SafeOutput.MARKER_HEADER.length()
                + (replications + 1L) * 120;
    }

    /**
     * {@code explain --trace}'s file: a line per action, state change and summarised invocations, about 200 bytes
     * each, which depend on what happens in the run more than on its size: the traces of {@code scenarios/} measured
     * 0.55 to 2.6 times this, and a run whose ENIs come and go (the legacy model's, a line each) 50 times. A
     * trace above its estimate is checked to the byte at the write, as before.
     */
    public static long trace(Scenario s) {
        Dimensions d = dimensions(s);
        return 400 + d.functions() * 900L + d.keys() * 350L;
    }

    /**
     * {@code compare --html}'s page: its base, a function's rows and charts (the larger side's), and the points of the
     * charts' lines (measured 0.85 to 0.96 of this).
     */
    public static long comparePage(Scenario a, Scenario b) {
        Dimensions da = dimensions(a);
        Dimensions db = dimensions(b);
        return 90_000 + 7_000L * Math.max(da.functions(), db.functions()) + 60 * Math.max(points(da.buckets()),
                points(db.buckets()));
    }

    /** {@code compare-network-models --html}'s page: both models' charts (measured 0.95 to 0.97 of this). */
    public static long networkModelsPage(Scenario s) {
        Dimensions d = dimensions(s);
        return 82_000 + 80 * points(d.buckets()) + 30L * d.functions();
    }

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
        return new Dimensions(buckets, s.functions().size(), keys.size(), subnets, ids, rowBytes);
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
