package dev.enisim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;

/**
 * Statistics of one numeric metric over replications: mean, sample standard deviation, and the 95% Student-t
 * confidence interval of the mean (degenerate when n = 1 or every value is equal).
 */
public record MetricStats(long n, double mean, double sd, double ciLow, double ciHigh) {

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
        double half = new TDistribution(null, values.length - 1).inverseCumulativeProbability(0.975) * sd
                / Math.sqrt(values.length);
        return new MetricStats(values.length, mean, sd, mean - half, mean + half);
    }

    /** The statistics of every numeric leaf that all {@code summaries} have, by dotted path. */
    public static Map<String, MetricStats> of(List<JsonNode> summaries) {
        Map<String, List<Double>> values = new LinkedHashMap<>();
        collect(summaries.get(0), "", values);
        Map<String, MetricStats> out = new LinkedHashMap<>();
        for (String path : values.keySet()) {
            double[] v = new double[summaries.size()];
            boolean complete = true;
            for (int i = 0; i < v.length; i++) {
                JsonNode n = at(summaries.get(i), path);
                if (n == null || !n.isNumber()) {
                    complete = false;
                    break;
                }
                v[i] = n.asDouble();
            }
            if (complete) {
                out.put(path.replace('\u0000', '.'), of(v));
            }
        }
        return out;
    }

    private static void collect(JsonNode n, String prefix, Map<String, List<Double>> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "\u0000" + e.getKey(), out);
            }
        } else if (n.isNumber() && !prefix.equals("replication") && !prefix.equals("seed")) {
            out.put(prefix, new ArrayList<>());
        }
    }

    private static JsonNode at(JsonNode root, String path) {
        JsonNode n = root;
        for (String k : path.split("\u0000")) {
            n = n == null ? null : n.get(k);
        }
        return n;
    }
}
