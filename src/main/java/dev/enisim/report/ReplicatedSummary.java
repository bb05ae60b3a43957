package dev.enisim.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.experiment.MetricStats;
import dev.enisim.run.RunResult;
import dev.enisim.run.SummaryShape;
import dev.enisim.scenario.Scenario;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report of a replicated run: {@code summary.json} with the statistics of every numeric metric
 * ({@code metrics.<path>{n, mean, sd, ciLow, ciHigh}}, paths as in {@code expect:}, e.g. {@code enis.peak},
 * {@code teardowns[0].waitSeconds}; a metric 0 in every replication whose ciHigh is the rule of three's bound also
 * has {@code ruleOfThree}, those words), and each replication's own summary as {@code summary-replication-<r>.json}.
 */
public final class ReplicatedSummary {

    private ReplicatedSummary() {
    }

    /**
     * What the replicated report needs of one run: its summary's metric leaves and its own summary JSON. Made by
     * {@link #prepare} on the thread that ran the replication (in parallel with the others), so that only the
     * statistics across runs are left for the end, and the run's result can go as soon as it is digested.
     * {@code overrides}: the {@code --set} assignments the run's scenario had (its summary's; empty: none).
     */
    public record Prepared(Map<String, JsonNode> leaves, byte[] json, List<String> overrides) {
    }

    /** One run's part of the replicated report. */
    public static Prepared prepare(RunResult run) {
        return new Prepared(MetricStats.leaves(SummaryShape.tree(run.summary())),
                SummaryJson.render(run.summary()).getBytes(StandardCharsets.UTF_8), run.overrides());
    }

    /** The overrides the runs had (the first's: every replication runs the same scenario). */
    private static List<String> overrides(List<Prepared> runs) {
        return runs.isEmpty() ? List.of() : runs.get(0).overrides();
    }

    private static List<Prepared> prepareAll(List<RunResult> runs) {
        return runs.stream().map(ReplicatedSummary::prepare).toList();
    }

    public static Map<String, byte[]> render(Scenario scenario, List<RunResult> runs) {
        List<Prepared> prepared = prepareAll(runs);
        return files(scenario, prepared, stats(prepared));
    }

    /** The report's files: summary.json over the runs (from their {@code stats}), each replication's own summary. */
    public static Map<String, byte[]> files(Scenario scenario, List<Prepared> runs, Map<String, MetricStats> stats) {
        return files(scenario, runs, stats, null);
    }

    /**
     * As {@link #files(Scenario, List, Map)}, summary.json saying what made it, as sweep.json does: the enisim's
     * version and build, and the scenario {@code file} (as given) with its SHA-256 and its traces' (it said the
     * scenario's name, seed and overrides only, so a result could not be traced to its model or its file's content).
     */
    public static Map<String, byte[]> files(Scenario scenario, List<Prepared> runs, Map<String, MetricStats> stats,
            java.nio.file.Path file) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("summary.json", json(scenario, runs.size(), overrides(runs), stats, file, file == null ? null
                : endStates(runs)).getBytes(StandardCharsets.UTF_8));
        for (int r = 0; r < runs.size(); r++) {
            files.put("summary-replication-" + r + ".json", runs.get(r).json());
        }
        return files;
    }

    /** The replicated summary.json (also what {@code check --replications N --baseline} compares). */
    public static String json(Scenario scenario, List<RunResult> runs) {
        List<Prepared> prepared = prepareAll(runs);
        return json(scenario, runs.size(), overrides(prepared), stats(prepared), null, null);
    }

    /**
     * Each function's end states over the replications, by function in the summary's order: its final state ("Failed
     * (SubnetOutOfIPAddresses)" with the reason, "Active") and in how many replications it ended so. A replicated run
     * left out the functions that ended Failed, the first thing its single run says (a product manager's review).
     */
    public static Map<String, Map<String, Integer>> endStates(List<Prepared> runs) {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        for (Prepared run : runs) {
            run.leaves().forEach((path, state) -> {
                if (path.startsWith("functions.") && path.endsWith(".finalState") && state.isTextual()) {
                    String fn = path.substring("functions.".length(), path.length() - ".finalState".length());
                    JsonNode reason = run.leaves().get("functions." + fn + ".finalReasonCode");
                    String said = state.asText() + (reason == null || !reason.isTextual() ? "" : " ("
                            + reason.asText() + ")");
                    out.computeIfAbsent(fn, k -> new java.util.TreeMap<>()).merge(said, 1, Integer::sum);
                }
            });
        }
        return out;
    }

    /**
     * The terminal's lines of the functions that did not end Active in every replication, each end state in how many
     * and what to do (as the single run's report says it), then why, once per state; "" when every one ended Active.
     */
    static String endStatesText(Scenario scenario, int replications, Map<String, Map<String, Integer>> states) {
        StringBuilder b = new StringBuilder();
        Map<String, String> why = Narrative.why(scenario, scenario.networkModel()
                == dev.enisim.model.NetworkModel.LEGACY);
        Map<String, String> explained = new LinkedHashMap<>();
        int width = states.keySet().stream().mapToInt(String::length).max().orElse(0);
        states.forEach((fn, ends) -> ends.forEach((state, n) -> {
            if (state.equals("Active")) {
                return;
            }
            if (b.isEmpty()) {
                b.append("Functions that did not end Active in every replication (each replication's in its"
                        + " summary-replication-<r>.json):\n");
            }
            b.append(String.format(Locale.ROOT, "  %-" + width + "s ended %s in %d of %d replications%s%n", fn, state,
                    n, replications, state.startsWith("Failed") ? ": it stays Failed: delete and recreate it" : ""));
            String key = state.replace(" (", ":").replace(")", "");
            if (why.containsKey(key)) {
                explained.putIfAbsent(state, why.get(key));
            }
        }));
        explained.forEach((state, words) -> b.append("  (").append(state).append(": ").append(words).append(")\n"));
        return b.toString();
    }

    /** {@code overrides}, as one run's summary.json has them: after the seed, only when there are some. */
    private static String json(Scenario scenario, int replications, List<String> overrides,
            Map<String, MetricStats> stats, java.nio.file.Path file, Map<String, Map<String, Integer>> endStates) {
        ObjectNode root = SummaryJson.mapper().createObjectNode();
        root.put("scenario", scenario.name());
        root.put("seed", scenario.seed());
        if (!overrides.isEmpty()) {
            overrides.forEach(root.putArray("overrides")::add);
        }
        root.put("replications", replications);
        root.put("seeds", "replication r draws every stream from (seed, r, stream name), r = 0.." + (replications - 1));
        root.put("confidence", 0.95);
        String warmUp = warmUp(stats);
        if (warmUp != null && file != null) {
            // said as sweep.json and sensitivity.json say it; absent without one, and from check's baseline (its
            // metrics.warmUpSeconds holds it: a baseline written before would drift on a new leaf)
            root.put("warmUp", warmUp);
        }
        ObjectNode metrics = root.putObject("metrics");
        stats.forEach((path, s) -> {
            ObjectNode m = metrics.putObject(path);
            m.put("n", s.n());
            m.put("mean", s.mean());
            m.put("sd", s.sd());
            if (s.n() < 2) {
                // one replication's value has no interval (as sweep.csv leaves ciLow and ciHigh empty): a zero-width
                // [x, x] read as a 95% interval it is not
                m.putNull("ciLow");
                m.putNull("ciHigh");
            } else {
                m.put("ciLow", s.ciLow());
                m.put("ciHigh", s.ciHigh());
            }
            String none = s.noneSeenLabel(path);
            if (none != null) {
                // ciHigh is the rule of three's bound, not a t interval's end: said where it is one, and only there
                m.put("ruleOfThree", none);
            }
            if (s.n() < replications) {
                m.put("none", replications - s.n());
                m.put("noneWhy", whyNone(path));
            }
        });
        if (endStates != null) {
            // each function's end states and in how many replications (not in check's baseline, which compares the
            // metrics: a baseline written before would drift)
            root.set("endStates", SummaryJson.mapper().valueToTree(endStates));
        }
        if (file != null) { // what made it (check's baseline compares the rest: no build in it)
            dev.enisim.experiment.EnisimBuild b = dev.enisim.experiment.EnisimBuild.current();
            ObjectNode enisim = root.putObject("enisim");
            enisim.put("version", b.version());
            enisim.put("build", b.build());
            com.fasterxml.jackson.databind.JsonNode tree;
            try {
                tree = dev.enisim.scenario.ScenarioLoader.readTree(file);
            } catch (dev.enisim.scenario.ScenarioException e) {
                tree = SummaryJson.mapper().createObjectNode(); // read before the runs: not now, no traces named
            }
            Map<String, Object> made = new LinkedHashMap<>(Provenance.scenario(file, tree, scenario.name(),
                    scenario.seed()));
            made.remove("name"); // said above, with the seed
            made.remove("seed");
            root.set("scenarioFile", SummaryJson.mapper().valueToTree(made));
        }
        try {
            return SummaryJson.mapper().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The statistics of every metric over the runs, by path: a metric every run has a number for, and one that some
     * runs have none for ({@code null}: a teardown's wait still going at the end, a latency where nothing succeeded)
     * over the runs that have one, its {@code n} below the runs' count (it was left out, so a censored wait vanished
     * from the report).
     */
    public static Map<String, MetricStats> stats(List<Prepared> runs) {
        List<Map<String, JsonNode>> leaves = runs.stream().map(Prepared::leaves).toList();
        Map<String, MetricStats> full = MetricStats.ofLeaves(leaves);
        Map<String, MetricStats> out = new LinkedHashMap<>();
        for (String path : leaves.get(0).keySet()) {
            if (dev.enisim.experiment.MetricPaths.isInput(path)) {
                continue; // the runs' inputs (settings.*), the same in every replication: not a metric
            }
            MetricStats s = full.get(path);
            if (s == null) {
                s = partial(leaves, path);
            }
            if (s != null) {
                out.put(path, s);
            }
        }
        return out;
    }

    /**
     * The statistics over the runs that have a number at {@code path}, when every run has the leaf and some have
     * {@code null} there (none when a run lacks the leaf, has a text, or no run has a number).
     */
    private static MetricStats partial(List<Map<String, JsonNode>> leaves, String path) {
        List<Double> values = new java.util.ArrayList<>();
        boolean integral = true;
        for (Map<String, JsonNode> l : leaves) {
            JsonNode n = l.get(path);
            if (n == null || !n.isNull() && !n.isNumber()) {
                return null;
            }
            if (n.isNumber()) {
                values.add(n.asDouble());
                integral &= n.isIntegralNumber();
            }
        }
        if (values.isEmpty() || values.size() == leaves.size()) {
            return null;
        }
        return MetricStats.ofMetric(path, values.stream().mapToDouble(Double::doubleValue).toArray(), integral);
    }

    /** Why a run has no value at {@code path}, and what that does to the statistics of the others. */
    static String whyNone(String path) {
        if (path.endsWith("waitSeconds")) {
            return "an ENI was still there at the end of the run: the wait is censored (longer than the run allowed),"
                    + " so the statistics of the runs that have one understate it";
        }
        if (path.contains("latencyMillis.") || path.contains("eventAgeMillis.")) {
            return "nothing was measured in that run (no invocation, cold start or event to time)";
        }
        return "the run's summary has null there";
    }

    /**
     * The cost among the figures, as one run's summary says it (in dollars by its rule, {@code CostLine.dollars}),
     * with its interval, unit, period and price table: "cost.total (USD per 1h)  $0.320  [$0.318, $0.322] at us-east-1
     * list prices of 2026-11-30 ...". Nothing without a cost (a summary of an older enisim).
     */
    private static void cost(StringBuilder b, Scenario scenario, Map<String, MetricStats> s, int width) {
        MetricStats c = s.get("cost.total");
        MetricStats simulated = s.get("simulatedSeconds");
        if (c == null || simulated == null) {
            return;
        }
        MetricStats warmUp = s.get("warmUpSeconds");
        double seconds = simulated.mean() - (warmUp == null ? 0 : warmUp.mean());
        String name = "cost.total (USD per " + Assumptions.duration(seconds * 1e6) + ")";
        b.append(String.format(Locale.ROOT, "  %-" + width + "s %16s  %s at %s list prices of %s (%s)%n", name,
                dev.enisim.report.page.CostLine.dollars(c.mean()), c.n() < 2 ? "no interval" : "["
                + dev.enisim.report.page.CostLine.dollars(c.ciLow()) + ", "
                + dev.enisim.report.page.CostLine.dollars(c.ciHigh()) + "]", scenario.prices().region(),
                scenario.prices().date(), dev.enisim.report.page.CostLine.LEFT_OUT_SHORT));
    }

    /** The headline metrics with their intervals, for the terminal. */
    public static String text(Scenario scenario, List<RunResult> runs) {
        List<Prepared> prepared = prepareAll(runs);
        return text(scenario, prepared, stats(prepared));
    }

    /** As {@link #text(Scenario, List)}, from the prepared runs and their {@code stats}. */
    public static String text(Scenario scenario, List<Prepared> runs, Map<String, MetricStats> s) {
        String text = text(scenario, runs.size(), s) + endStatesText(scenario, runs.size(), endStates(runs));
        List<String> overrides = overrides(runs);
        if (overrides.isEmpty()) {
            return text;
        }
        int eol = text.indexOf('\n') + 1; // after the headline, as one run's terminal summary has it
        return text.substring(0, eol) + ReportWriter.overridesLine(overrides) + "\n" + text.substring(eol);
    }

    /**
     * The warm-up every replication's statistics leave out ({@code run --replications N --warm-up}), as a scenario
     * writes it ("10m"); null without one.
     */
    static String warmUp(Map<String, MetricStats> s) {
        MetricStats w = s.get("warmUpSeconds");
        return w == null || !(w.mean() > 0) ? null : dev.enisim.scenario.Units.given(
                dev.enisim.metrics.Seconds.toMicros(w.mean()));
    }

    /** As {@link #text(Scenario, List)}, from the runs' {@code stats}. */
    public static String text(Scenario scenario, int replications, Map<String, MetricStats> s) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s: %d replications (seed %d), mean and 95%%"
                + " confidence interval%n", scenario.name(), replications, scenario.seed()));
        String warmUp = warmUp(s);
        if (warmUp != null) { // the figures below are after it (they read as the whole runs', as sweep's did)
            b.append(WarmUpWords.opening(WarmUpWords.everyRun(warmUp))).append('\n');
        }
        List<String> paths = new java.util.ArrayList<>(List.of("invocations.total", "invocations.succeeded",
                "invocations.throttled", "invocations.functionErrors"));
        // every invoke error that happened, then the ENIs, the peak, the latency, and the fullest subnets: what the
        // single run's summary says, with intervals (it printed seven figures, none of the subnets)
        s.forEach((path, m) -> {
            if (path.startsWith("invocations.errors.") && m.mean() > 0) {
                paths.add(path);
            }
        });
        paths.addAll(List.of("enis.peak", "peakConcurrentExecutions", "latencyMillis.p99", "cost.total"));
        List<String> subnets = new java.util.ArrayList<>();
        s.forEach((path, m) -> {
            if (path.startsWith("subnets.") && path.endsWith(".minAvailableIps")) {
                subnets.add(path);
            }
        });
        subnets.sort(java.util.Comparator.comparingDouble(p -> s.get(p).mean()));
        paths.addAll(subnets.subList(0, Math.min(5, subnets.size())));
        // the teardown waits (teardown.yaml's own question: "run with replications to see the spread") of the
        // teardowns that released ENIs, and the ENIs orphaned: the replicated run printed neither
        int waits = 0;
        for (Map.Entry<String, MetricStats> e : s.entrySet()) {
            String path = e.getKey();
            MetricStats enis = s.get(path.replace(".waitSeconds", ".enis"));
            if (path.matches("teardowns\\[\\d+]\\.waitSeconds") && enis != null && enis.mean() > 0 && waits++ < 5) {
                paths.add(path);
            }
        }
        MetricStats orphaned = s.get("enis.orphaned");
        if (orphaned != null && orphaned.mean() > 0) {
            paths.add("enis.orphaned");
        }
        int width = Math.max(28, paths.stream().mapToInt(String::length).max().orElse(0));
        for (String path : paths) {
            MetricStats m = s.get(path);
            if (path.equals("cost.total")) {
                cost(b, scenario, s, width); // in dollars, with its unit, period and prices
            } else if (m != null) {
                b.append(String.format(Locale.ROOT, "  %-" + width + "s %,16.2f  %s%s%n", path, m.mean(),
                        m.n() < 2 ? "no interval" : m.noneSeen() ? m.noneSeenLabel(path) : String.format(Locale.ROOT,
                        "[%,.2f, %,.2f]", m.ciLow(), m.ciHigh()), m.n() < replications ? "  (" + m.n() + " of " + replications
                        + " replications; " + (replications - m.n()) + " had none)" : ""));
            } else if (path.equals("latencyMillis.p99")) {
                b.append(String.format(Locale.ROOT, "  %-" + width + "s %16s%n", path, "none in some run"));
            }
        }
        if (subnets.size() > 5) {
            b.append(String.format(Locale.ROOT, "  (%d more subnets in summary.json)%n", subnets.size() - 5));
        }
        if (waits > 5) {
            b.append(String.format(Locale.ROOT, "  (%d more teardown waits in summary.json)%n", waits - 5));
        }
        if (waits > 0) {
            b.append("  (teardowns[i].waitSeconds: seconds from a teardown's release of its ENIs until the last was"
                    + " gone; which function and action each is: summary.json of a replication)\n");
        }
        List<String> partial = new java.util.ArrayList<>();
        s.forEach((path, m) -> {
            if (m.n() < replications) {
                partial.add(path);
            }
        });
        if (!partial.isEmpty()) {
            b.append(String.format(Locale.ROOT, "  %d metric%s had no value in some replications (summary.json: n"
                    + " counts those that had one, none those that had none, noneWhy says why):%n", partial.size(),
                    partial.size() == 1 ? "" : "s"));
            for (String path : partial.subList(0, Math.min(5, partial.size()))) {
                MetricStats m = s.get(path);
                b.append(String.format(Locale.ROOT, "    %s %s %s: %d of %d replications; %d had none (%s)%n",
                        path, MetricStats.format(m.mean()), m.n() < 2 ? "no interval" : m.noneSeen()
                        ? "(" + m.noneSeenLabel(path) + ")" : "["
                        + MetricStats.format(m.ciLow()) + ", " + MetricStats.format(m.ciHigh()) + "]", m.n(),
                        replications, replications - m.n(), whyNone(path)));
            }
            if (partial.size() > 5) {
                b.append(String.format(Locale.ROOT, "    (%d more in summary.json)%n", partial.size() - 5));
            }
        }
        if (replications > 1) {
            b.append(String.format(Locale.ROOT, "  (intervals: Student-t, lower end clamped at 0 as no metric can be"
                    + " negative, a probability's upper end at 1; a count whose interval reached below 0: its upper end"
                    + " at least the exact Poisson bound; a count 0 in every replication: [0, %s], the 95%% upper bound"
                    + " of a Poisson mean with none seen, -ln(0.05)/%d (the rule of three, about 3/n); a probability"
                    + " 0 in every replication: [0, 1 - 0.05^(1/N)] over the N starts of all of them)%n",
                    MetricStats.format(Math.round(-Math.log(0.05) / replications * 1e4) / 1e4), replications));
        }
        return b.toString();
    }
}
