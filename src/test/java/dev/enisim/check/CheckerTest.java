package dev.enisim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.experiment.MetricPaths;
import dev.enisim.experiment.Replications;
import dev.enisim.run.RunResult;
import dev.enisim.run.SummaryShape;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario's expectations evaluated against its run(s): verdicts, what "actual" says, and bad assertions. */
class CheckerTest {

    @TempDir
    Path dir;

    /** One function on a /28 for 10 minutes: one ENI, 5/s for 600 s. */
    private static final String SMALL = "name: small\nduration: 10m\n"
            + "vpcs: [{id: vpc-c, securityGroups: [sg-c], subnets: [{id: subnet-c, cidr: 10.8.0.0/28, az: eu-west-1a}]}]\n"
            + "functions: [{name: api, duration: 100ms, arrivals: {poisson: 5/s},"
            + " vpcConfig: {subnetIds: [subnet-c], securityGroupIds: [sg-c]}}]\n"
            + "expect:\n";

    private Path scenario(String... expectations) throws Exception {
        StringBuilder b = new StringBuilder(SMALL);
        for (String e : expectations) {
            b.append("  - \"").append(e).append("\"\n");
        }
        Path f = dir.resolve("small.yaml");
        Files.writeString(f, b.toString());
        return f;
    }

    private static double total(RunResult r) {
        return MetricPaths.find(SummaryShape.tree(r.summary()), "invocations.total").asDouble();
    }

    @Test
    void oneRunGivesEachAssertionItsVerdictAndTheActualValue() throws Exception {
        Path f = scenario("enis.peak == 1", "enis.peak > 1", "functions.api.finalState == Active",
                "functions.api.finalState != Active", "invocations.total between 2500 and 3500");
        Checker.ScenarioCheck c = Checker.check(f, List.of(), 1, 1);
        assertEquals("small", c.name());
        assertEquals(f.toString(), c.file());
        assertEquals(1, c.replications());
        assertEquals(1, c.runs().size());
        List<Checker.Result> r = c.results();
        assertEquals(List.of(true, false, true, false, true), r.stream().map(Checker.Result::passed).toList());
        assertEquals(List.of("1", "1", "Active", "Active", String.valueOf((long) total(c.runs().get(0)))),
                r.stream().map(Checker.Result::actual).toList());
        assertEquals("enis.peak > 1", r.get(1).expectation().text());
        assertFalse(c.passed(), "one failed assertion fails the scenario");
        assertTrue(Checker.check(scenario("enis.peak == 1"), List.of(), 1, 1).passed());
    }

    @Test
    void setChangesTheScenarioBeforeItRuns() throws Exception {
        // 5/s for 10 minutes is about 3,000 invocations; 50/s for 20 minutes about 60,000 (sd 245)
        Path f = scenario("invocations.total between 57000 and 63000");
        assertFalse(Checker.check(f, List.of(), 1, 1).passed());
        Checker.ScenarioCheck c = Checker.check(f, List.of("functions[0].arrivals.poisson=50/s", "duration=20m"), 1,
                1);
        assertEquals(1_200_000_000L, c.scenario().durationMicros());
        assertTrue(c.passed(), c.results().toString());
    }

    @Test
    void replicationsCompareTheMeanAndItsInterval() throws Exception {
        Path f = scenario("invocations.total >= 0", "ci(invocations.total) contains 3000",
                "ci(invocations.total) above 100000");
        Checker.ScenarioCheck c = Checker.check(f, List.of(), 3, 2);
        assertEquals(3, c.runs().size());
        double[] v = c.runs().stream().mapToDouble(CheckerTest::total).toArray();
        double mean = (v[0] + v[1] + v[2]) / 3;
        double sd = Math.sqrt(((v[0] - mean) * (v[0] - mean) + (v[1] - mean) * (v[1] - mean)
                + (v[2] - mean) * (v[2] - mean)) / 2);
        double half = new TDistribution(2).inverseCumulativeProbability(0.975) * sd / Math.sqrt(3);
        assertTrue(v[0] != v[1] || v[1] != v[2], "replications differ");
        List<Checker.Result> r = c.results();
        String actual = r.get(0).actual();
        assertTrue(actual.startsWith("mean ") && actual.endsWith(", n=3)"), actual);
        double shownMean = Double.parseDouble(actual.substring(5, actual.indexOf(" (95% CI ")));
        assertEquals(mean, shownMean, 5e-6 * mean, "six significant digits");
        String ci = r.get(1).actual();
        assertTrue(ci.startsWith("95% CI [") && ci.endsWith("]"), ci);
        String[] bounds = ci.substring(8, ci.length() - 1).split(", ");
        assertEquals(mean - half, Double.parseDouble(bounds[0]), 1e-5 * mean);
        assertEquals(mean + half, Double.parseDouble(bounds[1]), 1e-5 * mean);
        assertEquals(mean - half <= 3000 && 3000 <= mean + half, r.get(1).passed());
        assertFalse(r.get(2).passed(), "the interval is nowhere near 100,000");
    }

    @Test
    void everyBadAssertionIsReportedAtOnceWithItsIndex() throws Exception {
        Path f = scenario("enis.peek == 1", "enis == 1", "enis.peak == 1", "functions.api.finalState >= 3",
                "ci(functions.api.finalState) contains 3", "enis.peak == many");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Checker.check(f, List.of(), 1, 1));
        List<Problem> p = e.problems();
        assertEquals(List.of("expect[0]", "expect[1]", "expect[3]", "expect[4]", "expect[5]"),
                p.stream().map(Problem::path).toList(), p.toString());
        assertTrue(p.get(0).message().startsWith("unknown metric 'enis.peek'"), p.get(0).message());
        assertTrue(p.get(1).message().contains("enis"), p.get(1).message());
        assertEquals("'functions.api.finalState >= 3': '>=' needs a number, but the metric is 'Active' (text takes "
                + "== or !=)", p.get(2).message());
        assertEquals("'ci(functions.api.finalState) contains 3': 'functions.api.finalState' is not a number",
                p.get(3).message());
        assertEquals("'enis.peak == many': 'enis.peak' is a number, compare it with one", p.get(4).message());
    }

    @Test
    void aPathWrittenWithoutTheDotAfterABracketIsFound() throws Exception {
        String withTeardown = SMALL.replace("expect:\n", """
                timeline:
                  - { at: 5m, action: deleteFunction, function: api }
                expect:
                  - "teardowns[0]enis == 1"
                  - "teardowns[0].enis == 1"
                """);
        Path f = dir.resolve("teardown.yaml");
        Files.writeString(f, withTeardown);
        Checker.ScenarioCheck c = Checker.check(f, List.of(), 1, 1);
        assertEquals(List.of(true, true), c.results().stream().map(Checker.Result::passed).toList());
        assertEquals(List.of("1", "1"), c.results().stream().map(Checker.Result::actual).toList());
    }
}
