package dev.enisim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.experiment.MetricStats;
import dev.enisim.run.RunResult;
import dev.enisim.run.SummaryShape;
import dev.enisim.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a replicated run: {@code summary.json} with the statistics of every numeric metric
 * ({@code metrics.<path>{n, mean, sd, ciLow, ciHigh}}, paths as in {@code expect:}, e.g. {@code enis.peak},
 * {@code teardowns[0].waitSeconds}), and each replication's own summary as {@code summary-replication-<r>.json}.
 */
public final class ReplicatedSummary {

    private ReplicatedSummary() {
    }

    public static Map<String, byte[]> render(Scenario scenario, List<RunResult> runs) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("summary.json", json(scenario, runs).getBytes(StandardCharsets.UTF_8));
        for (int r = 0; r < runs.size(); r++) {
            files.put("summary-replication-" + r + ".json",
                    SummaryJson.render(runs.get(r).summary()).getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    /** The replicated summary.json (also what {@code check --replications N --baseline} compares). */
    public static String json(Scenario scenario, List<RunResult> runs) {
        ObjectNode root = SummaryJson.mapper().createObjectNode();
        root.put("scenario", scenario.name());
        root.put("seed", scenario.seed());
        root.put("replications", runs.size());
        root.put("seeds", "replication r draws every stream from (seed, r, stream name), r = 0.." + (runs.size() - 1));
        root.put("confidence", 0.95);
        ObjectNode metrics = root.putObject("metrics");
        stats(runs).forEach((path, s) -> {
            ObjectNode m = metrics.putObject(path);
            m.put("n", s.n());
            m.put("mean", s.mean());
            m.put("sd", s.sd());
            m.put("ciLow", s.ciLow());
            m.put("ciHigh", s.ciHigh());
        });
        try {
            return SummaryJson.mapper().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static Map<String, MetricStats> stats(List<RunResult> runs) {
        List<JsonNode> trees = new ArrayList<>();
        for (RunResult r : runs) {
            trees.add(SummaryShape.tree(r.summary()));
        }
        return MetricStats.of(trees);
    }

    /** The headline metrics with their intervals, for the terminal. */
    public static String text(Scenario scenario, List<RunResult> runs) {
        Map<String, MetricStats> s = stats(runs);
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: %d replications (seed %d), mean and 95%%"
                + " confidence interval%n", scenario.name(), runs.size(), scenario.seed()));
        for (String path : List.of("invocations.total", "invocations.succeeded", "invocations.throttled",
                "invocations.functionErrors", "enis.peak", "peakConcurrentExecutions", "latencyMillis.p99")) {
            MetricStats m = s.get(path);
            if (m != null) {
                b.append(String.format(Locale.ROOT, "  %-28s %14.2f  [%.2f, %.2f]%n", path, m.mean(), m.ciLow(),
                        m.ciHigh()));
            }
        }
        return b.toString();
    }
}
