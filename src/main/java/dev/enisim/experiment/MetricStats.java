package dev.enisim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.ChiSquaredDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Statistics of one numeric metric over replications: mean, sample standard deviation, and the 95% Student-t
 * confidence interval of the mean (degenerate when n = 1 or every value is equal).
 *
 * <p>A metric of a run's summary ({@link #ofMetric}, what {@link #of(List)} and {@link #ofLeaves} give) is never
 * negative: every leaf of the summary is a count, a size, a time, an amount of money, a share or a variance. So its
 * interval's lower end is clamped at 0 (a rare count's t interval went below it: [-0.355, 0.755]), a share's
 * ({@link #isShare}: a probability) upper end at 1 (0.844 [0.576, 1.113] for a rarely invoked function's cold
 * starts), and a
 * {@linkplain #isCount count} that was 0 in every one of n replications gets the 95% upper bound of a Poisson mean
 * with nothing observed, -ln(0.05)/n (about 3/n, the "rule of three"), rather than [0, 0]: ten runs without a
 * throttle do not show that throttles cannot happen; a share 0 in every one, over N trials, likewise gets
 * 1 - 0.05^(1/N) ({@link #ofLeaves}, which reads its trials beside it). A count whose t interval reaches below 0 (a few events over
 * the runs) has its upper end raised to the exact Poisson interval's, when that is higher (see {@link #ofMetric}). A difference of two metrics ({@link #of(double[])}) may be
 * negative and is not touched.
 */
public record MetricStats(long n, double mean, double sd, double ciLow, double ciHigh) {

    /**
     * Student's t 97.5% quantile by degrees of freedom: Commons Math finds it by a root search (a Brent solver over
     * the regularized beta), which a replicated summary of a large account paid once per metric path (thousands);
     * it depends on the degrees of freedom only, so it is found once per count and kept (the same double).
     */
    private static final Map<Integer, Double> T975 = new ConcurrentHashMap<>();

    /** The one-sided 95% upper bound of a Poisson mean when 0 events were seen in one run: -ln(0.05). */
    static final double RULE_OF_THREE = -Math.log(0.05);

    /**
     * The statistics of the summary metric at {@code path} over replications ({@code integral}: every value was
     * written as a whole number). As {@link #of(double[])}, with its interval's lower end clamped at 0 (no summary
     * metric can be negative) and, for a {@linkplain #isCount count} that is 0 in every one of n &gt;= 2
     * replications, [0, -ln(0.05)/n]: the mean per run of a Poisson count whose n runs all gave 0 is below that with
     * 95% confidence (if it were above, n zeros would have had a chance under 5%).
     */
    public static MetricStats ofMetric(String path, double[] values, boolean integral) {
        MetricStats s = of(values);
        if (s.n() < 2) {
            return s; // one replication: no interval, as before
        }
        if (isShare(path) && s.ciHigh() > 1) {
            // a probability's t interval went above 1 (cold starts of a rare function: 0.844 [0.576, 1.113]);
            // clamped, as the lower end is at 0, keeping every value the interval held that a share can take
            s = new MetricStats(s.n(), s.mean(), s.sd(), s.ciLow(), 1);
        }
        if (integral && isCount(path) && s.mean() == 0 && s.sd() == 0) {
            return new MetricStats(s.n(), 0, 0, 0, RULE_OF_THREE / s.n());
        }
        if (s.ciLow() >= 0) {
            return s;
        }
        double high = Math.max(0, s.ciHigh());
        if (integral && isCount(path)) {
            // a rare count (its t interval reaches below 0: few events, a skewed sum): the t interval's upper end
            // undercovers (one event in ten runs: 0.326 where the Poisson mean could be 0.557); widened to the exact
            // Poisson interval of the mean per run, given the events of all runs
            double[] poisson = poissonMean(Math.round(s.mean() * s.n()), s.n());
            return new MetricStats(s.n(), s.mean(), s.sd(), 0, Math.max(high, poisson[1]));
        }
        return new MetricStats(s.n(), s.mean(), s.sd(), 0, high);
    }

    /**
     * The exact (Garwood) 95% interval of a Poisson mean per run when {@code events} were seen over {@code runs}
     * runs: [chi2(0.025; 2k) / 2n, chi2(0.975; 2k + 2) / 2n] (the lower end 0 when none was seen).
     */
    static double[] poissonMean(long events, long runs) {
        double low = events == 0 ? 0 : new ChiSquaredDistribution(null,
                2.0 * events).inverseCumulativeProbability(0.025) / (2.0 * runs);
        double high = new ChiSquaredDistribution(null, 2.0 * events + 2)
                .inverseCumulativeProbability(0.975) / (2.0 * runs);
        return new double[] {low, high};
    }

    /**
     * Whether the summary metric at {@code path} is a share of a whole, between 0 and 1 by its definition (a
     * {@code probability}: {@code coldStarts.probability}, a function's too), whose interval is also clamped at 1.
     */
    public static boolean isShare(String path) {
        return path.equals("probability") || path.endsWith(".probability");
    }

    /** A count's leaf names inside its group (async, SQS, provisioned concurrency, accounts, transitions). */
    private static final java.util.Set<String> COUNT_LEAVES = java.util.Set.of(
            "received", "refused", "succeeded", "succeededAfterRetries", "dropped", "sentToDestination",
            "sentToDeadLetterQueue", "destinationDeliveryFailures", "deadLetterErrors", "functionErrorRetries",
            "systemRetries", "sent", "deleted", "movedToDeadLetterQueue", "expired", "returnedToQueue", "functionErrorBatches",
            "invokeErrorBatches", "throttledAttempts", "allocationsCompleted", "invocations", "spilloverInvocations",
            "throttled", "functionErrors", "invokeErrors", "enisCreated", "retries", "stuckPending");

    /**
     * Whether the summary metric at {@code path} counts events over the run (a non-negative whole number that adds
     * up occurrences: invocations and their outcomes, errors, throttles, cold starts, simulation events, ENIs
     * created, deleted or orphaned, asynchronous events and SQS messages by fate, retries), as the README's summary
     * defines them, rather than a level (a peak, a final or minimum value, a quota, a size), a time, an amount or a
     * share. Decided by the path's names: anything under {@code invocations} or {@code events}, {@code coldStarts}
     * but its {@code probability}, a latency's {@code count} and {@code coldStarts}, {@code enis.created},
     * {@code deleted} and {@code orphaned}, the drop reasons, and the counters of the async, SQS, provisioned
     * concurrency and account groups by their names.
     */
    public static boolean isCount(String path) {
        String[] seg = path.replaceAll("\\[\\d+]", "").split("\\.");
        String last = seg[seg.length - 1];
        String parent = seg.length > 1 ? seg[seg.length - 2] : "";
        for (int i = 0; i < seg.length - 1; i++) {
            if (seg[i].equals("invocations")) {
                return true; // invocations.total, .succeeded, .errors.X, .throttleReasons.X, ...
            }
        }
        if (seg[0].equals("events") || parent.equals("dropReasons") || parent.equals("byOutcome")) {
            return true;
        }
        if (parent.equals("coldStarts")) {
            return !last.equals("probability");
        }
        if (parent.equals("latencyMillis") || parent.equals("eventAgeMillis")) {
            return last.equals("count") || last.equals("coldStarts");
        }
        if (seg.length == 2 && seg[0].equals("enis")) {
            return last.equals("created") || last.equals("deleted") || last.equals("orphaned");
        }
        return seg.length > 1 && COUNT_LEAVES.contains(last);
    }

    public static MetricStats of(double[] values) {
        SummaryStatistics s = new SummaryStatistics();
        for (double v : values) {
            s.addValue(v);
        }
        double mean = s.getMean();
        if (values.length < 2) {
            return new MetricStats(values.length, mean, 0, mean, mean);
        }
        double sd = s.getStandardDeviation();
        double half = T975.computeIfAbsent(values.length - 1,
                df -> new TDistribution(null, df).inverseCumulativeProbability(0.975)) * sd
                / Math.sqrt(values.length);
        return new MetricStats(values.length, mean, sd, mean - half, mean + half);
    }

    /**
     * As {@link #of(double[])} (a difference: no clamping), the interval one of {@code family} intervals that hold
     * their means all at once with 95% confidence (Bonferroni: the t quantile at 1 - 0.025 / family): what an
     * interval needs when it was picked from that many by its data (a sweep's lowest and highest point, picked from
     * k points, are one of k(k - 1) / 2 pairs). A family of 1 is the plain 95% interval.
     */
    public static MetricStats ofJoint(double[] values, long family) {
        MetricStats s = of(values);
        if (family <= 1 || values.length < 2) {
            return s;
        }
        double half = new TDistribution(null, values.length - 1).inverseCumulativeProbability(1 - 0.025 / family)
                * s.sd() / Math.sqrt(values.length);
        return new MetricStats(s.n(), s.mean(), s.sd(), s.mean() - half, s.mean() + half);
    }

    /**
     * A figure as the terminal shows it: whole numbers as such (3741), others to six significant digits (37.8), but
     * never fewer than their whole digits and one decimal (1090241.3: a mean of 1,090,241.33 printed as 1090240
     * beside a difference of 2 that it contradicted).
     */
    public static String format(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) >= 1e5 && Math.abs(v) < 1e15) {
            return new BigDecimal(v).setScale(1, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
                    .toPlainString();
        }
        BigDecimal b = new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros();
        return Math.abs(v) >= 1e-4 && Math.abs(v) < 1e15 ? b.toPlainString() : b.toString();
    }

    /**
     * A figure for a person reading a table (the experimenters' terminals and compare's page): whole numbers with
     * thousands separators (133,933), others from 100 up to one decimal (1,090,241.3: never fewer than their whole
     * digits), below 100 to four significant digits with trailing zeros dropped (48.29, 0.5, 0.0001235: never an
     * exponent), never "-0". Files (CSV, JSON) keep {@link #format} or full precision.
     */
    public static String readable(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(java.util.Locale.ROOT, "%,d", (long) v);
        }
        if (Math.abs(v) >= 100 || !Double.isFinite(v)) {
            return String.format(java.util.Locale.ROOT, "%,.1f", v);
        }
        String t = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
        return t.equals("-0") ? "0" : t;
    }

    /**
     * The statistics of every numeric leaf that all {@code summaries} have, by metric path ({@code enis.peak},
     * {@code teardowns[0].waitSeconds}), in the order of the first summary. A leaf missing from one replication
     * (a list element only some replications have) has none. {@code seed} and {@code replication} are
     * identifiers, not metrics.
     */
    public static Map<String, MetricStats> of(List<JsonNode> summaries) {
        List<Map<String, JsonNode>> leaves = new ArrayList<>();
        for (JsonNode s : summaries) {
            leaves.add(leaves(s));
        }
        return ofLeaves(leaves);
    }

    /** A summary's numeric and other leaves by metric path, as {@link #of(List)} reads them. */
    public static Map<String, JsonNode> leaves(JsonNode summary) {
        return MetricPaths.leaves(summary);
    }

    /** As {@link #of(List)}, from each summary's {@link #leaves} (made beforehand, e.g. on the run's own thread). */
    public static Map<String, MetricStats> ofLeaves(List<Map<String, JsonNode>> leaves) {
        Map<String, MetricStats> out = new LinkedHashMap<>();
        for (String path : leaves.get(0).keySet()) {
            double[] v = values(leaves, path);
            if (v != null && !path.equals("seed") && !path.equals("replication")) {
                out.put(path, noneSeenShare(path, ofMetric(path, v, integral(leaves, path)), leaves));
            }
        }
        return out;
    }

    /**
     * A share ({@link #isShare}) 0 in every one of n &gt;= 2 replications gets the one-sided 95% upper bound of a
     * proportion with no event in its N trials over all the replications, 1 - 0.05^(1/N) (about 3/N, the "rule of
     * three"), rather than [0, 0]: a {@code coldStarts.probability} 0 in ten runs, its trials the starts
     * ({@code total + warmStarts} beside it). Unchanged when its trials are not in the summary or none happened (a
     * function never invoked: no start to be cold).
     */
    private static MetricStats noneSeenShare(String path, MetricStats s, List<Map<String, JsonNode>> leaves) {
        if (!isShare(path) || s.n() < 2 || s.mean() != 0 || s.sd() != 0) {
            return s;
        }
        String group = path.substring(0, Math.max(0, path.length() - "probability".length()));
        long trials = 0;
        for (Map<String, JsonNode> l : leaves) {
            JsonNode total = l.get(group + "total");
            JsonNode warm = l.get(group + "warmStarts");
            if (total == null || warm == null || !total.isIntegralNumber() || !warm.isIntegralNumber()) {
                return s;
            }
            trials += total.asLong() + warm.asLong();
        }
        return trials == 0 ? s : new MetricStats(s.n(), 0, 0, 0, proportionNoneSeen(trials));
    }

    /** The one-sided 95% upper bound of a proportion when none of {@code trials} was an event: 1 - 0.05^(1/N). */
    static double proportionNoneSeen(long trials) {
        return -Math.expm1(Math.log(0.05) / trials);
    }

    /**
     * Whether this is a metric 0 in every one of its n &gt;= 2 replications given the upper bound of the rule of
     * three ({@link #ofMetric}'s [0, -ln(0.05)/n] for a count, {@link #ofLeaves}'s [0, 1 - 0.05^(1/N)] for a share)
     * rather than [0, 0].
     */
    public boolean noneSeen() {
        return n >= 2 && mean == 0 && sd == 0 && ciHigh > 0;
    }

    /**
     * What a {@link #noneSeen} figure is, in words, for the metric at {@code path} (the replicated run's terminal and
     * summary.json, the sweep's page and terminal): "0 in all 10 replications; 95% upper bound 0.2996 per
     * replication (rule of three)", a share's "... 95% upper bound 0.0001498 per start (rule of three, over the
     * starts of all 10)"; null for any other figure.
     */
    public String noneSeenLabel(String path) {
        if (!noneSeen()) {
            return null;
        }
        return "0 in all " + n + " replications; 95% upper bound " + readable(ciHigh) + (isShare(path)
                ? " per start (rule of three, over the starts of all " + n + ")" : " per replication (rule of three)");
    }

    /** Whether every replication wrote the metric as a whole number. */
    private static boolean integral(List<Map<String, JsonNode>> leaves, String path) {
        for (Map<String, JsonNode> l : leaves) {
            if (!l.get(path).isIntegralNumber()) {
                return false;
            }
        }
        return true;
    }

    /** The metric's value in each replication, or null when one has no number there. */
    private static double[] values(List<Map<String, JsonNode>> leaves, String path) {
        double[] v = new double[leaves.size()];
        for (int i = 0; i < v.length; i++) {
            JsonNode n = leaves.get(i).get(path);
            if (n == null || !n.isNumber()) {
                return null;
            }
            v[i] = n.asDouble();
        }
        return v;
    }
}
