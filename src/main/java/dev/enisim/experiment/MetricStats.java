package dev.enisim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Statistics of one numeric metric over replications: mean, sample standard deviation, and the 95% Student-t
 * confidence interval of the mean (degenerate when n = 1 or every value is equal).
 */
public record MetricStats(long n, double mean, double sd, double ciLow, double ciHigh) {

    /**
     * Student's t 97.5% quantile by degrees of freedom: Commons Math finds it by a root search (a Brent solver over
     * the regularized beta), which a replicated summary of a large account paid once per metric path (thousands);
     * it depends on the degrees of freedom only, so it is found once per count and kept (the same double).
     */
    private static final Map<Integer, Double> T975 = new ConcurrentHashMap<>();

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
                out.put(path, of(v));
            }
        }
        return out;
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
