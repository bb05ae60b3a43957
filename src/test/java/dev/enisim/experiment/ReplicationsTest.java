package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.SummaryJson;
import dev.enisim.run.RunResult;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReplicationsTest {

    private static final String ARRIVALS = """
            name: count
            seed: %d
            duration: 10s
            bucket: 10s
            functions:
              - { name: f, duration: 10ms, initDuration: 0s, arrivals: { poisson: 10/s } }
            """;

    @Test
    void parallelReplicationsGiveTheSameNumbersAsSequentialOnes() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/quickstart.yaml"));
        List<RunResult> seq = Replications.run(s, 4, 1);
        List<RunResult> par = Replications.run(s, 4, 4);
        for (int r = 0; r < 4; r++) {
            assertEquals(SummaryJson.render(seq.get(r).summary()), SummaryJson.render(par.get(r).summary()));
            assertEquals(r, seq.get(r).summary().replication());
        }
        assertTrue(seq.get(0).summary().invocations().total() != seq.get(1).summary().invocations().total(),
                "replications are independent");
    }

    /**
     * Coverage: the number of Poisson(10/s) arrivals in 10 s has mean 100. Over 400 experiments of 5 replications
     * each (different seeds), the 95% interval must contain 100 in 95% of them: 91% to 98% allowed (binomial
     * sd 1.1%; the counts are discrete, so Student-t is slightly conservative).
     */
    @Test
    void confidenceIntervalsCoverTheKnownMean() throws Exception {
        int covered = 0;
        int experiments = 400;
        for (int seed = 1; seed <= experiments; seed++) {
            Scenario s = ScenarioLoader.parse(ARRIVALS.formatted(seed), "count");
            double[] totals = new double[5];
            List<RunResult> runs = Replications.run(s, 5, 1);
            for (int r = 0; r < 5; r++) {
                totals[r] = runs.get(r).summary().invocations().total();
            }
            MetricStats m = MetricStats.of(totals);
            if (m.ciLow() <= 100 && 100 <= m.ciHigh()) {
                covered++;
            }
        }
        double coverage = covered / (double) experiments;
        assertTrue(coverage >= 0.91 && coverage <= 0.98, "coverage " + coverage);
    }

    @Test
    void comparingAScenarioWithItselfShowsNoDifference() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/az-outage.yaml"));
        List<Comparison.Row> rows = Comparison.compare(s, s, 3, 2);
        assertTrue(rows.size() > 20);
        for (Comparison.Row r : rows) {
            assertEquals(0, r.difference().mean(), 0, r.metric());
            assertEquals(0, r.difference().sd(), 0, r.metric());
            assertTrue(!r.significant(), r.metric());
        }
    }

    @Test
    void commonRandomNumbersIsolateTheChange() throws Exception {
        Scenario a = ScenarioLoader.load(Path.of("scenarios/az-outage.yaml"));
        Scenario b = ScenarioLoader.parseTree(dev.enisim.scenario.Overrides.apply(
                ScenarioLoader.readTree(Path.of("scenarios/az-outage.yaml")),
                List.of("functions[reports-single-az].vpcConfig.subnetIds=[subnet-1a, subnet-1b]"), "b"), "b");
        List<Comparison.Row> rows = Comparison.compare(a, b, 3, 2);
        Comparison.Row service = rows.stream().filter(r -> r.metric().equals(
                "functions.reports-single-az.invocations.errors.ServiceException")).findFirst().orElseThrow();
        assertTrue(service.significant() && service.difference().mean() < -6000, "two AZs remove the failures");
        Comparison.Row payments = rows.stream().filter(r -> r.metric().equals(
                "functions.payments.invocations.total")).findFirst().orElseThrow();
        assertEquals(0, payments.difference().mean(), 0, "the other function's arrivals are the same numbers");
    }

    @Test
    void nReplicationsGiveNResultsAndNoneIsAnError() throws Exception {
        Scenario s = ScenarioLoader.parse(ARRIVALS.formatted(1), "count");
        assertEquals(1, Replications.run(s, 1, 4).size());
        assertEquals(3, Replications.run(s, 3, 1).size());
        assertEquals(3, Replications.run(s, 3, 2).size());
        assertEquals("replications must be >= 1: 0", org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> Replications.run(s, 0, 1)).getMessage());
    }

    /**
     * Metrics only variant A has (a function B does not run) are not compared but listed as A's only; with one
     * replication even a doubled load is not called significant, with five it is (two were enough before the
     * p-values were Holm-adjusted over the metrics that differ: t with 1 degree of freedom is too weak for that).
     */
    @Test
    void comparisonRowsPairWhatBothHaveAndNeedTwoReplicationsForAVerdict() throws Exception {
        Scenario a = ScenarioLoader.parse(ARRIVALS.formatted(1) + "  - { name: g, duration: 10ms, initDuration: 0s,"
                + " arrivals: { poisson: 10/s } }\n", "a");
        Scenario b = ScenarioLoader.parse(ARRIVALS.formatted(1).replace("10/s", "20/s"), "b");
        for (int n : new int[] {1, 5}) {
            Comparison.Outcome outcome = Comparison.outcome(a, b, n, 1);
            List<Comparison.Row> rows = outcome.rows();
            assertTrue(rows.stream().noneMatch(r -> r.metric().startsWith("functions.g.")), rows.toString());
            assertTrue(outcome.onlyA().stream().anyMatch(o -> o.metric().equals("functions.g.invocations.total")),
                    outcome.onlyA().toString());
            Comparison.Row f = rows.stream().filter(r -> r.metric().equals("functions.f.invocations.total"))
                    .findFirst().orElseThrow();
            assertTrue(f.meanB() > 1.5 * f.meanA(), f.toString());
            assertEquals(n == 5, f.significant(), f.toString());
        }
    }
}
