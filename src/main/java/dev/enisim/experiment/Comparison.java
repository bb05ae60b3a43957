package dev.enisim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.run.RunResult;
import dev.enisim.run.SummaryShape;
import dev.enisim.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two variants of a design run with common random numbers: replication r of both uses the same streams for the
 * same sources, so differences come from the design, not the dice. Each metric's difference (B - A) is paired by
 * replication; its 95% interval excluding zero makes it significant. With one replication there is no interval,
 * and no difference is called significant.
 */
public final class Comparison {

    /** One metric: the two means, the mean paired difference with its interval, and the verdict. */
    public record Row(String metric, double meanA, double meanB, MetricStats difference, boolean significant) {
    }

    private Comparison() {
    }

    public static List<Row> compare(Scenario a, Scenario b, int replications, int threads) {
        return rows(Replications.run(a, replications, threads), Replications.run(b, replications, threads));
    }

    static List<Row> rows(List<RunResult> runsA, List<RunResult> runsB) {
        List<JsonNode> ta = new ArrayList<>();
        List<JsonNode> tb = new ArrayList<>();
        for (int r = 0; r < runsA.size(); r++) {
            ta.add(SummaryShape.tree(runsA.get(r).summary()));
            tb.add(SummaryShape.tree(runsB.get(r).summary()));
        }
        Map<String, MetricStats> sa = MetricStats.of(ta);
        Map<String, MetricStats> sb = MetricStats.of(tb);
        List<Row> out = new ArrayList<>();
        for (String path : sa.keySet()) {
            if (!sb.containsKey(path)) {
                continue;
            }
            double[] d = new double[runsA.size()];
            for (int r = 0; r < d.length; r++) {
                d[r] = value(tb.get(r), path) - value(ta.get(r), path);
            }
            MetricStats diff = MetricStats.of(d);
            // one replication has no interval, so nothing is significant: the difference may be the dice's
            boolean significant = d.length > 1 && (diff.ciLow() > 0 || diff.ciHigh() < 0);
            out.add(new Row(path, sa.get(path).mean(), sb.get(path).mean(), diff, significant));
        }
        return out;
    }

    private static double value(JsonNode root, String dotted) {
        return MetricPaths.find(root, dotted).asDouble();
    }
}
