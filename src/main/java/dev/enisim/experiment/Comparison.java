package dev.enisim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.run.RunResult;
import dev.enisim.run.SummaryShape;
import dev.enisim.scenario.Scenario;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Two variants of a design run with common random numbers: replication r of both uses the same streams for the
 * same sources, so differences come from the design, not the dice. Each metric's difference (B - A) is paired by
 * replication, with its 95% Student-t interval and the paired t-test's two-sided p-value. A comparison asks
 * hundreds of metrics at once, so a 5% test on each finds a few "differences" in pure noise (22 of 238 in a change
 * that only renamed a function's random stream): a difference is called significant when its p-value, adjusted by
 * Holm's step-down Bonferroni method over the outcome metrics that differ in some replication (the family tested;
 * the simulator's own bookkeeping, {@link #isInternal}, is shown with its unadjusted p-value and never called
 * significant), is under 0.05, so the chance that any of the metrics called significant is noise is at most 5% whatever the metrics'
 * dependence (family-wise error). The interval shown stays each metric's own, unadjusted. With one replication there
 * is no test, and no difference is called significant. Lists matched by position (a function's transitions) are not
 * compared; each function's final state is ({@link StateChange}).
 */
public final class Comparison {

    /** The family-wise error rate that Holm's method holds. */
    public static final double ALPHA = 0.05;

    /**
     * One metric: the two means, the mean paired difference with its interval, its paired t-test's p-value (NaN with
     * one replication or when B - A is 0 in every replication: no test), the Holm-adjusted p-value (NaN likewise),
     * and the verdict.
     */
    public record Row(String metric, double meanA, double meanB, MetricStats difference, double p, double adjustedP,
            boolean significant) {
    }

    /** A metric only one side has in every replication (a function renamed or added), with its mean there. */
    public record Only(String metric, double mean) {
    }

    /**
     * A metric neither side has in every replication (a teardown's wait, {@code null} in a replication whose ENIs were
     * still there at the run's end): not compared, and counted: it has a number in {@code inA} of A's and
     * {@code inB} of B's {@code replications}.
     */
    public record Partial(String metric, int inA, int inB, int replications) {

        /** The heading of these metrics, on the terminal and the page. */
        public static String heading(int n) {
            return "Not compared (" + n + " metric" + (n == 1 ? "" : "s") + " with no value in some replications of"
                    + " both A and B, such as a teardown's wait when an ENI was still there at the run's end: pairs"
                    + " would leave out the longest waits; see each side's figures with run --replications)";
        }

        /** "a value in 4 of 10 replications of A, 7 of 10 of B". */
        public String counts() {
            return "a value in " + inA + " of " + replications + " replications of A, " + inB + " of " + replications
                    + " of B";
        }
    }

    /**
     * The comparison: the metrics both sides have, those only A or only B has, and how many metrics the Holm
     * adjustment was over ({@code tested}); {@code partial}: the metrics neither side has in every replication.
     */
    public record Outcome(List<Row> rows, List<Only> onlyA, List<Only> onlyB, int tested, List<Partial> partial,
            List<StateChange> states, List<String> everyPair, PerInvocation perInvocation) {

        public Outcome(List<Row> rows, List<Only> onlyA, List<Only> onlyB, int tested, List<Partial> partial,
                List<StateChange> states, List<String> everyPair) {
            this(rows, onlyA, onlyB, tested, partial, states, everyPair, null);
        }

        public Outcome(List<Row> rows, List<Only> onlyA, List<Only> onlyB, int tested, List<Partial> partial) {
            this(rows, onlyA, onlyB, tested, partial, List.of(), List.of());
        }

        public Outcome(List<Row> rows, List<Only> onlyA, List<Only> onlyB, int tested) {
            this(rows, onlyA, onlyB, tested, List.of());
        }
    }

    /**
     * A function whose final State (and StateReasonCode) differs between A and B: {@code a} and {@code b} as
     * {@link #stateText} says them ("Failed (EC2RequestLimitExceeded)", or each state with its count when the
     * replications disagree). A function going from Failed to Active is the fix a team ran the comparison for; no
     * mean of numbers says it.
     */
    public record StateChange(String function, String a, String b) {

        /** "worker Failed (EC2RequestLimitExceeded) -> Active", as the terminal and the page say it. */
        public String line() {
            return function + " " + a + " -> " + b;
        }
    }

    /**
     * Whether a metric is the simulator's own bookkeeping rather than an outcome a team reads: the event counts
     * ({@code events.*}), the run's length, a variance (its mean is the figure). Such metrics are compared and shown,
     * after the others, with their own unadjusted p-value, and are not in the Holm family: 25 of them in a family of
     * 71 buried a change in failed invocations that every replication showed.
     */
    public static boolean isInternal(String metric) {
        return metric.startsWith("events.") || metric.equals("simulatedSeconds") || metric.endsWith("Variance");
    }

    /** What the terminal and the page say of the internal metrics. */
    public static final String INTERNAL_NOTE = "The simulator's own bookkeeping (events.*, simulatedSeconds,"
            + " variances) is not in that family: its rows come last, with their own p-value, not adjusted, never"
            + " called significant.";

    /**
     * The line over the outcome metrics that moved the same way in every replication pair (B above A in each, or
     * below in each) without being significant: with few replications even such a change cannot pass Holm's
     * correction, and is worth a look (more replications will say).
     */
    public static String everyPairText(int count, int replications) {
        return "Changed the same way in every one of the " + replications + " replication pairs, not significant"
                + " after Holm's correction (" + count + " metric" + (count == 1 ? "" : "s") + "; run more"
                + " replications to test them)";
    }

    /**
     * Whether a metric sits in a list matched by position ({@code functions.worker.transitions[1].atSeconds},
     * {@code updates[0]}): A's first transition may be its Failed one and B's its Active one, so a difference of
     * the two is no difference of anything. Left out of the comparison; the final states are compared instead
     * ({@link StateChange}).
     */
    static boolean positional(String metric) {
        return metric.contains(".transitions[") || metric.contains(".updates[");
    }

    private Comparison() {
    }

    public static List<Row> compare(Scenario a, Scenario b, int replications, int threads) {
        return outcome(a, b, replications, threads).rows();
    }

    public static Outcome outcome(Scenario a, Scenario b, int replications, int threads) {
        return of(Replications.run(a, replications, threads), Replications.run(b, replications, threads));
    }

    static List<Row> rows(List<RunResult> runsA, List<RunResult> runsB) {
        return of(runsA, runsB).rows();
    }

    static Outcome of(List<RunResult> runsA, List<RunResult> runsB) {
        List<JsonNode> ta = new ArrayList<>();
        List<JsonNode> tb = new ArrayList<>();
        for (int r = 0; r < runsA.size(); r++) {
            ta.add(SummaryShape.tree(runsA.get(r).summary()));
            tb.add(SummaryShape.tree(runsB.get(r).summary()));
        }
        return ofTrees(ta, tb);
    }

    /** As {@link #of}, from each replication's summary tree (A's and B's, paired by index). */
    public static Outcome ofTrees(List<JsonNode> ta, List<JsonNode> tb) {
        Map<String, MetricStats> sa = MetricStats.of(ta);
        Map<String, MetricStats> sb = MetricStats.of(tb);
        sa.keySet().removeIf(MetricPaths::isInput); // the runs' inputs (settings.*) are not outcomes to compare
        sb.keySet().removeIf(MetricPaths::isInput);
        int n = ta.size();
        List<String> paths = new ArrayList<>();
        List<MetricStats> diffs = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        List<Only> onlyA = new ArrayList<>();
        List<Boolean> internal = new ArrayList<>();
        List<String> everyPair = new ArrayList<>();
        for (String path : sa.keySet()) {
            if (positional(path)) {
                continue;
            }
            if (!sb.containsKey(path)) {
                onlyA.add(new Only(path, sa.get(path).mean()));
                continue;
            }
            double[] d = new double[n];
            for (int r = 0; r < n; r++) {
                d[r] = value(tb.get(r), path) - value(ta.get(r), path);
            }
            MetricStats diff = MetricStats.of(d);
            paths.add(path);
            diffs.add(diff);
            boolean own = isInternal(path);
            internal.add(own);
            ps.add(pValue(diff));
            if (!own && n > 1 && sameWay(d)) {
                everyPair.add(path);
            }
        }
        List<Only> onlyB = new ArrayList<>();
        for (String path : sb.keySet()) {
            if (!sa.containsKey(path) && !positional(path)) {
                onlyB.add(new Only(path, sb.get(path).mean()));
            }
        }
        // the family: the outcome metrics only; an internal metric keeps its own p-value, unadjusted, never
        // called significant
        List<Double> family = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            family.add(internal.get(i) ? Double.NaN : ps.get(i));
        }
        double[] adjusted = holm(family);
        int tested = (int) family.stream().filter(p -> !p.isNaN()).count();
        List<Row> out = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            String path = paths.get(i);
            out.add(new Row(path, sa.get(path).mean(), sb.get(path).mean(), diffs.get(i), ps.get(i), adjusted[i],
                    adjusted[i] < ALPHA));
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).significant()) {
                everyPair.remove(out.get(i).metric());
            }
        }
        return new Outcome(out, onlyA, onlyB, tested, partial(ta, tb, sa, sb), states(ta, tb), everyPair,
                perInvocation(ta, tb));
    }

    /**
     * The relative change in the invocations that ran (succeeded + function errors: what Lambda bills and CloudWatch's
     * Invocations counts) from which compare judges the account's cost and function errors per invocation rather than
     * as totals: a reading aid, not an AWS rule. A fix that lets 50,000 more invocations run costs more and has more
     * timeouts in total; per invocation it may cost the same.
     */
    public static final double VOLUME_CHANGE = 0.01;

    /** The account's metrics that grow with the invocations that ran, judged per million of them when those differ. */
    public static final List<String> PER_VOLUME = List.of("invocations.functionErrors", "cost.total");

    /** What the per-invocation rows are per: "per million invocations that ran". */
    public static final String PER = "per million invocations that ran";

    /**
     * The invocations that ran on each side (their means over the replications) with their paired difference and its
     * p-value, and {@link #PER_VOLUME}'s metrics per million of them, paired by replication ({@code rates}: each a
     * {@link Row} named "cost.total per million invocations that ran", its p-value Holm-adjusted over these rows
     * alone, significant under 0.05). {@link #differs}: whether the cost and function errors are judged on those rates.
     */
    public record PerInvocation(double ranA, double ranB, MetricStats ranDifference, double ranP, List<Row> rates) {

        /**
         * The invocations that ran differ: significantly (paired p under 0.05) and by at least {@link #VOLUME_CHANGE}
         * of A's.
         */
        public boolean differs() {
            return !Double.isNaN(ranP) && ranP < ALPHA
                    && Math.abs(ranB - ranA) >= VOLUME_CHANGE * Math.max(1, Math.abs(ranA));
        }

        /** The rate row of {@code metric}, null when there is none. */
        public Row rate(String metric) {
            for (Row r : rates) {
                if (r.metric().equals(metric + " " + PER)) {
                    return r;
                }
            }
            return null;
        }

        /**
         * "B ran 50,341 more invocations than A (...), so cost.total is judged ... per million invocations that ran",
         * the note beside the rate rows; {@code metrics}: those judged so that the table shows.
         */
        public String note(List<String> metrics) {
            double d = ranB - ranA;
            return String.format(java.util.Locale.ROOT, "B ran %s %s invocations than A (%s to %s, %+.1f%%;"
                    + " succeeded + function errors), so %s %s judged better or worse %s, not on %s, which"
                    + " grow%s with the invocations that ran (done when those differ significantly and by %.0f%% or"
                    + " more).", MetricStats.readable(Math.abs(d)), d > 0 ? "more" : "fewer",
                    MetricStats.readable(ranA), MetricStats.readable(ranB), 100 * d / ranA,
                    String.join(" and ", metrics), metrics.size() == 1 ? "is" : "are", PER,
                    metrics.size() == 1 ? "its total" : "their totals", metrics.size() == 1 ? "s" : "",
                    100 * VOLUME_CHANGE);
        }
    }

    /**
     * The {@link PerInvocation} of the replications' summaries; null when a replication of either side ran no
     * invocation or lacks a metric (no rate to take).
     */
    static PerInvocation perInvocation(List<JsonNode> ta, List<JsonNode> tb) {
        int n = ta.size();
        double[] ranA = new double[n];
        double[] ranB = new double[n];
        for (int r = 0; r < n; r++) {
            ranA[r] = ran(ta.get(r));
            ranB[r] = ran(tb.get(r));
            if (!(ranA[r] > 0) || !(ranB[r] > 0)) {
                return null;
            }
        }
        double[] dRan = new double[n];
        for (int r = 0; r < n; r++) {
            dRan[r] = ranB[r] - ranA[r];
        }
        MetricStats ranDiff = MetricStats.of(dRan);
        List<String> names = new ArrayList<>();
        List<double[]> sides = new ArrayList<>();
        List<MetricStats> diffs = new ArrayList<>();
        List<Double> ps = new ArrayList<>();
        for (String m : PER_VOLUME) {
            double[] a = new double[n];
            double[] b = new double[n];
            double[] d = new double[n];
            for (int r = 0; r < n; r++) {
                JsonNode va = MetricPaths.find(ta.get(r), m);
                JsonNode vb = MetricPaths.find(tb.get(r), m);
                if (va == null || vb == null || !va.isNumber() || !vb.isNumber()) {
                    a = null;
                    break;
                }
                a[r] = 1e6 * va.asDouble() / ranA[r];
                b[r] = 1e6 * vb.asDouble() / ranB[r];
                d[r] = b[r] - a[r];
            }
            if (a == null) {
                continue;
            }
            MetricStats diff = MetricStats.of(d);
            names.add(m + " " + PER);
            sides.add(new double[] {MetricStats.of(a).mean(), MetricStats.of(b).mean()});
            diffs.add(diff);
            ps.add(pValue(diff));
        }
        double[] adjusted = holm(ps);
        List<Row> rates = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rates.add(new Row(names.get(i), sides.get(i)[0], sides.get(i)[1], diffs.get(i), ps.get(i), adjusted[i],
                    adjusted[i] < ALPHA));
        }
        return new PerInvocation(MetricStats.of(ranA).mean(), MetricStats.of(ranB).mean(), ranDiff, pValue(ranDiff),
                rates);
    }

    /** A replication's invocations that ran: succeeded + function errors (NaN when it has not both). */
    private static double ran(JsonNode tree) {
        JsonNode ok = MetricPaths.find(tree, "invocations.succeeded");
        JsonNode errors = MetricPaths.find(tree, "invocations.functionErrors");
        return ok != null && errors != null && ok.isNumber() && errors.isNumber() ? ok.asDouble() + errors.asDouble() : Double.NaN;
    }

    /** Whether every paired difference is non-zero and of one sign (B above A in every replication, or below). */
    private static boolean sameWay(double[] d) {
        boolean up = d[0] > 0;
        for (double x : d) {
            if (x == 0 || x > 0 != up) {
                return false;
            }
        }
        return true;
    }

    /** The functions both sides have whose final State or StateReasonCode differs, in A's order. */
    static List<StateChange> states(List<JsonNode> ta, List<JsonNode> tb) {
        List<StateChange> out = new ArrayList<>();
        JsonNode first = ta.get(0).path("functions");
        for (java.util.Iterator<String> it = first.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            String a = stateText(ta, name);
            String b = stateText(tb, name);
            if (a != null && b != null && !a.equals(b)) {
                out.add(new StateChange(name, a, b));
            }
        }
        return out;
    }

    /**
     * A function's final state over the replications: "Failed (EC2RequestLimitExceeded)" when every replication
     * ends so, else each with its count ("Failed (EC2RequestLimitExceeded) in 2 of 3, Active in 1 of 3"); null
     * when a replication has no such function.
     */
    static String stateText(List<JsonNode> trees, String function) {
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        for (JsonNode t : trees) {
            JsonNode f = t.path("functions").path(function);
            if (!f.has("finalState")) {
                return null;
            }
            JsonNode reason = f.path("finalReasonCode");
            String text = f.get("finalState").asText()
                    + (reason.isTextual() && !reason.asText().isEmpty() ? " (" + reason.asText() + ")" : "");
            counts.merge(text, 1, Integer::sum);
        }
        if (counts.size() == 1) {
            return counts.keySet().iterator().next();
        }
        StringBuilder s = new StringBuilder();
        counts.forEach((text, c) -> s.append(s.length() == 0 ? "" : ", ").append(text).append(" in ").append(c)
                .append(" of ").append(trees.size()));
        return s.toString();
    }

    /**
     * The metrics with a number in some replication of A or B that neither side has in every replication: they were
     * left out of the comparison and of both "only" lists, unsaid (a teardown's wait cut short by the run's end in
     * some replications of both: the question the comparison was run for, answered by silence).
     */
    private static List<Partial> partial(List<JsonNode> ta, List<JsonNode> tb, Map<String, MetricStats> sa,
            Map<String, MetricStats> sb) {
        java.util.Map<String, int[]> counts = new java.util.LinkedHashMap<>();
        for (int side = 0; side < 2; side++) {
            for (JsonNode t : side == 0 ? ta : tb) {
                for (Map.Entry<String, JsonNode> e : MetricStats.leaves(t).entrySet()) {
                    String path = e.getKey();
                    if (e.getValue().isNumber() && !sa.containsKey(path) && !sb.containsKey(path)
                            && !positional(path) && !path.equals("seed") && !path.equals("replication")
                            && !MetricPaths.isInput(path)) {
                        counts.computeIfAbsent(path, k -> new int[2])[side]++;
                    }
                }
            }
        }
        List<Partial> out = new ArrayList<>();
        counts.forEach((path, c) -> out.add(new Partial(path, c[0], c[1], ta.size())));
        return out;
    }

    /**
     * The paired t-test's two-sided p-value of a mean difference: NaN with one replication (no test) or a
     * difference 0 in every replication (nothing to test: not in the family); 0 when B - A is the same non-zero
     * number in every replication (no spread: the change moves it by exactly that).
     */
    public static double pValue(MetricStats diff) {
        if (diff.n() < 2 || diff.mean() == 0 && diff.sd() == 0) {
            return Double.NaN;
        }
        if (diff.sd() == 0) {
            return 0;
        }
        double t = Math.abs(diff.mean()) / (diff.sd() / Math.sqrt(diff.n()));
        return Math.min(1, 2 * new TDistribution(null, diff.n() - 1).cumulativeProbability(-t));
    }

    /**
     * A Holm-adjusted p-value as the terminal's "p (Holm)" column and the page show it: "" when there is no test
     * (NaN), "<0.0001" below 0.0001, else four decimals.
     */
    public static String pText(double p) {
        return Double.isNaN(p) ? "" : p < 1e-4 ? "<0.0001" : String.format(java.util.Locale.ROOT, "%.4f", p);
    }

    /**
     * Holm's step-down adjustment of the p-values that are not NaN (NaN stays NaN): sorted ascending, the i-th of m
     * (from 1) becomes max over j &lt;= i of min(1, (m - j + 1) p_(j)). Rejecting where it is under alpha holds the
     * family-wise error at alpha under any dependence between the tests.
     */
    public static double[] holm(List<Double> ps) {
        double[] out = new double[ps.size()];
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < ps.size(); i++) {
            out[i] = Double.NaN;
            if (!ps.get(i).isNaN()) {
                order.add(i);
            }
        }
        order.sort(Comparator.comparingDouble(ps::get));
        int m = order.size();
        double running = 0;
        for (int j = 0; j < m; j++) {
            running = Math.max(running, Math.min(1, (m - j) * ps.get(order.get(j))));
            out[order.get(j)] = running;
        }
        return out;
    }

    private static double value(JsonNode root, String dotted) {
        return MetricPaths.find(root, dotted).asDouble();
    }
}
