package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The estimate of a run's outputs made before it is simulated ({@link OutputSize}) against the outputs of real runs:
 * every scenario in {@code scenarios/}, and others cut short or at finer buckets, measured 0.59 to 0.97 times their
 * estimate when it was refitted (session 42; 0.55 to 0.99 before), their charts alone 0.57 to 0.995 of the charts'
 * term. A run is refused before it is simulated only when {@link SafeOutput#ESTIMATE_SURE}
 * of its estimate is over the room, so an output below that share of its estimate would be a run refused falsely.
 */
class OutputSizeTest {

    /** The bytes a report folder of {@code files} takes: each file's, and its line in the folder's marker. */
    static long folderBytes(Map<String, byte[]> files) {
        long n = SafeOutput.MARKER_HEADER.length();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            n += f.getValue().length + 64 + 2 + f.getKey().getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return n;
    }

    private static double ratio(Scenario s) {
        return ratio(s, new Simulation(s, 0).run());
    }

    private static double ratio(Scenario s, RunResult r) {
        return folderBytes(ReportWriter.render(r)) / (double) OutputSize.report(s);
    }

    private static double traceRatio(Scenario s, RunResult r) {
        return Narrative.trace(r).getBytes(StandardCharsets.UTF_8).length / (double) OutputSize.trace(s);
    }

    private static String check(String what, double ratio, double low, List<String> ratios) {
        ratios.add(String.format(Locale.ROOT, "%s %.2f", what, ratio));
        return ratio >= low && ratio <= 1.0 ? null : what + ": " + String.format(Locale.ROOT, "%.2f", ratio);
    }

    /**
     * Every scenario of {@code scenarios/}: its report folder is 0.5 to 1.0 of its estimate (measured 0.59 to 0.97
     * when refitted), so above {@link SafeOutput#ESTIMATE_SURE} with a margin, and never above the estimate; its
     * charts alone 0.5 to 1.0 of the estimate's charts term (measured 0.57 to 0.995: the term follows what the charts
     * weigh, not a base that hid them: request-rate-cap's 2-minute charts were 0.42 of the 950 KB base). Their traces:
     * {@link #everyTraceTakesHalfTo1point2OfItsEstimate}.
     */
    @Test
    @Tag("slow") // about a minute: every scenario's report drawn in full
    void everyScenarioTakesHalfToAllOfItsEstimate() throws Exception {
        List<String> ratios = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                Scenario s = ScenarioLoader.load(f);
                RunResult r = new Simulation(s, 0).run();
                Map<String, byte[]> report = ReportWriter.render(r);
                String bad = check(f.getFileName().toString(), folderBytes(report) / (double) OutputSize.report(s),
                        0.5, ratios);
                if (bad != null) {
                    outside.add(bad);
                }
                bad = check(f.getFileName() + " charts", chartBytes(report)
                        / (double) OutputSize.charts(OutputSize.dimensions(s)), 0.5, ratios);
                if (bad != null) {
                    outside.add(bad);
                }
            }
        }
        assertEquals(List.of(), outside, "outside [0.5, 1.0] of their estimate; all: " + ratios);
        assertTrue(ratios.size() >= 40, ratios.toString());
    }

    /**
     * {@code explain --trace}'s file of every scenario of {@code scenarios/} and of the runs cut short below: 0.5 to
     * 1.2 of its estimate (measured 0.50 to 1.17 when fitted). It was 0.55 to 2.6, and 50 for legacy-vs-hyperplane,
     * whose legacy ENIs (one per execution environment, 246 of them, two lines each) the estimate did not count: a
     * trace of 100 KB estimated at 2 KB. A trace is checked to the byte at its write, so one above its estimate is never
     * written past the disk's room; the band's low end keeps the check before the run from refusing one that fits.
     */
    @Test
    void everyTraceTakesHalfTo1point2OfItsEstimate() throws Exception {
        List<String> ratios = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        List<String[]> runs = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
                runs.add(new String[] {f.toString()});
            }
        }
        runs.add(new String[] {"scenarios/bench/month.yaml", "duration=3d"});
        runs.add(new String[] {"scenarios/bench/account.yaml", "duration=20m"});
        for (String[] run : runs) {
            Scenario s = ScenarioLoader.load(Path.of(run[0]), run.length > 1 ? List.of(run[1]) : List.of(), null);
            double trace = traceRatio(s, new Simulation(s, 0).run());
            String what = String.join(" ", run) + " trace";
            ratios.add(String.format(Locale.ROOT, "%s %.2f", what, trace));
            if (trace < 0.5 || trace > 1.2) {
                outside.add(String.format(Locale.ROOT, "%s: %.2f", what, trace));
            }
        }
        assertEquals(List.of(), outside, "outside [0.5, 1.2] of their estimate; all: " + ratios);
        assertTrue(ratios.size() >= 24, ratios.toString());
    }

    /** The bytes of a report's charts/ folder, PNG and SVG. */
    private static long chartBytes(Map<String, byte[]> files) {
        long n = 0;
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            n += f.getKey().startsWith("charts/") ? f.getValue().length : 0;
        }
        return n;
    }

    /**
     * Runs cut short or at finer buckets than their files: a month at an hour cut to 3 days, 200 functions for 20
     * minutes, quickstart at 10-second buckets (720: its charts' lines merged two buckets to a point).
     */
    @Test
    void runsCutShortOrAtFinerBucketsTakeHalfToAllOfTheirEstimate() throws Exception {
        List<String> ratios = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        String[][] runs = {{"scenarios/bench/month.yaml", "duration=3d"}, {"scenarios/bench/account.yaml",
            "duration=20m"}, {"scenarios/quickstart.yaml", "bucket=10s"}};
        for (String[] run : runs) {
            Scenario s = ScenarioLoader.load(Path.of(run[0]), List.of(run[1]), null);
            String bad = check(run[0] + " " + run[1], ratio(s), 0.5, ratios);
            if (bad != null) {
                outside.add(bad);
            }
        }
        assertEquals(List.of(), outside, "all: " + ratios);
    }

    /**
     * The pages of {@code compare --html} and {@code compare-network-models --html}: 0.5 to 1.0 of their estimate
     * (measured 0.85 to 0.97).
     */
    @Test
    void comparePagesTakeHalfToAllOfTheirEstimate() throws Exception {
        List<String> ratios = new ArrayList<>();
        List<String> outside = new ArrayList<>();
        for (String name : List.of("quickstart", "request-rate-cap")) {
            Scenario a = ScenarioLoader.load(Path.of("scenarios/" + name + ".yaml"));
            Scenario b = ScenarioLoader.load(Path.of("scenarios/" + name + ".yaml"), List.of("traffic=2"), null);
            String page = ComparePage.compare("a", new dev.enisim.run.Simulation(a, 0).run(), "b",
                    new dev.enisim.run.Simulation(b, 0).run(), dev.enisim.experiment.Comparison.outcome(a, b, 2, 2), 2,
                    false);
            String bad = check("compare " + name, page.getBytes(StandardCharsets.UTF_8).length
                    / (double) OutputSize.comparePage(a, b), 0.5, ratios);
            if (bad != null) {
                outside.add(bad);
            }
        }
        for (String name : List.of("quickstart", "request-rate-cap", "idle-reclaim")) {
            Scenario s = ScenarioLoader.load(Path.of("scenarios/" + name + ".yaml"));
            String page = ComparePage.networkModels(
                    new Simulation(s.withNetworkModel(dev.enisim.model.NetworkModel.HYPERPLANE), 0).run(),
                    new Simulation(s.withNetworkModel(dev.enisim.model.NetworkModel.LEGACY), 0).run());
            String bad = check("network models " + name, page.getBytes(StandardCharsets.UTF_8).length
                    / (double) OutputSize.networkModelsPage(s), 0.5, ratios);
            if (bad != null) {
                outside.add(bad);
            }
        }
        assertEquals(List.of(), outside, "all: " + ratios);
    }

    /** With --replications N: N summaries and the statistics across them (about four summaries). */
    @Test
    void replicatedSummariesTakeHalfToAllOfTheirEstimate() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/quickstart.yaml"));
        List<ReplicatedSummary.Prepared> runs = dev.enisim.experiment.Replications.run(s, 3, 2,
                ReplicatedSummary::prepare);
        Map<String, byte[]> files = ReplicatedSummary.files(s, runs, ReplicatedSummary.stats(runs));
        double ratio = folderBytes(files) / (double) OutputSize.replicated(s, 3);
        assertTrue(ratio >= 0.5 && ratio <= 1.0, "quickstart, 3 replications: " + ratio);
    }

    /** The CSV's rows are the scenario's dimensions: the accounts, VPCs, subnets, functions, ENI keys, NAT routes. */
    @Test
    void theDimensionsAreTheCsvRows() throws Exception {
        for (String name : List.of("quickstart", "shared-vpc-two-accounts", "nat-hot-destination",
                "redeploy-new-subnets", "teardown", "request-rate-cap")) {
            Scenario s = ScenarioLoader.load(Path.of("scenarios/" + name + ".yaml"));
            RunResult r = new Simulation(s, 0).run();
            List<String> ids = new ArrayList<>();
            String csv = TimeSeriesCsv.render(r.timeSeries());
            for (String line : csv.substring(csv.indexOf('\n') + 1).split("\n")) {
                String rest = line.substring(line.indexOf(',') + 1);
                rest = rest.substring(rest.indexOf(',') + 1);
                ids.add(rest.startsWith("\"") ? rest.substring(0, rest.indexOf('"', 1) + 1) : rest.substring(0,
                        rest.indexOf(',')));
            }
            List<String> estimated = new ArrayList<>(OutputSize.dimensions(s).rowIds());
            assertEquals(ids.stream().distinct().sorted().toList(), estimated.stream().sorted().toList(), name);
        }
    }
}
