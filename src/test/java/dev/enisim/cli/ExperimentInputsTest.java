package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A capacity planner's typos, said before any point runs: a negative traffic factor hung a sweep (a thinning that
 * never found an arrival) or crashed it; a misspelt sensitivity metric or path failed every point and advised
 * narrowing the ranges.
 */
class ExperimentInputsTest {

    @TempDir
    Path dir;

    private Path scenario() throws Exception {
        return Files.writeString(dir.resolve("small.yaml"), CheckCommandTest.SMALL);
    }

    /** An integer range with fewer values than the design's points is warned of before the points run. */
    @Test
    void aShortIntegerRangeOfADesignIsWarnedOf() throws Exception {
        Path f = scenario();
        CliTest.Result r = CliTest.run("sweep", f.toString(), "--design", "lhs", "--points", "5", "--vary",
                "account.concurrencyLimit=10..12", "--vary", "traffic=1..2", "--out", dir.resolve("s").toString(),
                "--quiet", "--max-events", "1");
        assertEquals(2, r.code(), r.err()); // refused by the budget, after the warnings
        assertTrue(r.err().contains("warning: account.concurrencyLimit=10..12 is an integer range: 3 values for 5"
                + " points"), r.err());
        assertFalse(r.err().contains("traffic=1..2 is an integer range"), r.err());
    }

    /**
     * An experimenter's review: {@code --points 50} on a grid ran its 2 points, and {@code --design-seed} 5 and 9 on a
     * Sobol design ran the very same points (it has no seed), both unsaid: a robustness check that checked nothing.
     * Refused (exit 2, nothing run or written), with the other problems; an lhs design still takes both.
     */
    @Test
    void designOptionsTheDesignDoesNotReadAreRefused() throws Exception {
        Path f = scenario();
        String out = dir.resolve("s").toString();
        CliTest.Result grid = CliTest.run("sweep", f.toString(), "--vary", "traffic=1,2", "--points", "50",
                "--design-seed", "5", "--replications", "0", "--out", out, "--quiet");
        assertEquals(2, grid.code(), grid.err());
        assertTrue(grid.err().contains("--points applies to --design lhs or sobol"), grid.err());
        assertTrue(grid.err().contains("--design-seed applies to --design lhs; a grid has nothing random to seed"),
                grid.err());
        assertTrue(grid.err().contains("--replications must be at least 1"), "all problems at once: " + grid.err());
        CliTest.Result sobol = CliTest.run("sweep", f.toString(), "--design", "sobol", "--points", "4",
                "--design-seed", "5", "--vary", "traffic=1..2", "--out", out, "--quiet");
        assertEquals(2, sobol.code(), sobol.err());
        assertTrue(sobol.err().contains("the Sobol sequence is fixed: every seed gives the same points"), sobol.err());
        assertFalse(Files.exists(dir.resolve("s")), "nothing ran, nothing written");
        CliTest.Result lhs = CliTest.run("sweep", f.toString(), "--design", "lhs", "--points", "4", "--design-seed",
                "5", "--vary", "traffic=1..2", "--out", out, "--quiet", "--max-events", "1");
        assertFalse(lhs.err().contains("applies to"), lhs.err());
    }

    /** 1e400 is read as infinity: it was refused as "must be above 0", which it is. */
    @Test
    void aTrafficFactorBeyondADoublesRangeIsSaidToBeOne() throws Exception {
        CliTest.Result r = CliTest.run("sweep", scenario().toString(), "--vary", "traffic=1,1e400", "--out",
                dir.resolve("s").toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("traffic=1e400: a factor on every arrival rate must be a finite number (1e400 is"
                + " beyond a double's range)"), r.err());
        assertFalse(r.err().contains("above 0"), r.err());
        assertFalse(Files.exists(dir.resolve("s")), "nothing ran, nothing written");
        CliTest.Result set = CliTest.run("run", scenario().toString(), "--set", "traffic=1e400", "--out",
                dir.resolve("r").toString(), "--quiet");
        assertEquals(2, set.code(), set.err());
        assertTrue(set.err().contains("got '1e400', beyond a double's range (a finite number is expected)"),
                set.err());
        assertFalse(Files.exists(dir.resolve("r")), "nothing ran, nothing written");
    }

    @Test
    void aTrafficFactorThatIsNotAboveZeroIsBadInputBeforeAnyPointRuns() throws Exception {
        Path f = scenario();
        for (String v : new String[] {"traffic=-1,2", "traffic=0,1", "traffic=x"}) {
            CliTest.Result r = CliTest.run("sweep", f.toString(), "--vary", v, "--out", dir.resolve("s").toString(),
                    "--quiet");
            assertEquals(2, r.code(), v + ": " + r.err());
            assertTrue(r.err().contains("traffic="), r.err());
            assertTrue(r.err().contains("above 0"), r.err());
            assertFalse(Files.exists(dir.resolve("s")), "nothing ran, nothing written");
        }
        CliTest.Result s = CliTest.run("sensitivity", f.toString(), "--metric", "enis.peak", "--vary",
                "traffic=-1..2", "--out", dir.resolve("t").toString(), "--quiet");
        assertEquals(2, s.code(), s.err());
        assertTrue(s.err().contains("traffic=-1: a factor on every arrival rate must be above 0"), s.err());
    }

    @Test
    void aSensitivityMetricOrPathThatNamesNothingIsSaidUpFront() throws Exception {
        Path f = scenario();
        CliTest.Result r = CliTest.run("sensitivity", f.toString(), "--metric", "enis.peek", "--vary",
                "hyperplane.fooTime=1s..3s", "--vary", "functions[nosuch].memoryMb=128..256", "--out",
                dir.resolve("t").toString(), "--quiet");
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--vary hyperplane.fooTime: unknown key 'fooTime'"), r.err());
        assertTrue(r.err().contains("--vary functions[nosuch].memoryMb: no element named 'nosuch'"), r.err());
        assertTrue(r.err().contains("--metric unknown metric 'enis.peek' (did you mean: enis.peak"), r.err());
        assertFalse(r.err().contains("narrow the ranges"), r.err());
        assertFalse(Files.exists(dir.resolve("t")));
    }

    @Test
    void anActionOrACreationAfterTheRunsEndIsWarnedOf() throws Exception {
        Path f = scenario();
        CliTest.Result r = CliTest.run("validate", f.toString(), "--set",
                "timeline=[{at: 5h, action: azOutage, az: us-east-1a}, {at: 5m, action: azOutage, az: us-east-1a}]",
                "--set", "functions[api].createdAt=10m");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains(f + ": timeline: an action at 5h is at or after the run's end (10m): it never"
                + " happens"), r.err());
        assertFalse(r.err().contains("at 5m"), "5m is within the run: " + r.err());
        assertTrue(r.err().contains(f + ": functions[api].createdAt: 10m is at or after the run's end (10m): the"
                + " function is never created"), r.err());
    }

    @Test
    void setTrafficMultipliesEveryArrivalRateForARunAsASweepDoes() throws Exception {
        Path f = scenario();
        dev.enisim.scenario.Scenario one = dev.enisim.scenario.ScenarioLoader.load(f, java.util.List.of(), null);
        dev.enisim.scenario.Scenario ten = dev.enisim.scenario.ScenarioLoader.load(f, java.util.List.of("traffic=10"),
                null);
        long d = one.durationMicros();
        double a = one.functions().get(0).arrivals().meanCount(0, d);
        assertEquals(10 * a, ten.functions().get(0).arrivals().meanCount(0, d), 1e-9 * a);
        assertEquals(10 * a, dev.enisim.check.Checker.load(f, java.util.List.of("traffic=10")).scenario().functions()
                .get(0).arrivals().meanCount(0, d), 1e-9 * a, "check takes it too");
        CliTest.Result bad = CliTest.run("run", f.toString(), "--set", "traffic=-2", "--set", "duration=5 parsecs",
                "--out", dir.resolve("r").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--set traffic: expected a factor above 0 on every arrival rate"), bad.err());
        assertTrue(bad.err().contains("duration"), "all problems at once: " + bad.err());
        dev.enisim.scenario.ScenarioException x = org.junit.jupiter.api.Assertions.assertThrows(
                dev.enisim.scenario.ScenarioException.class, () -> dev.enisim.scenario.Overrides.apply(
                        dev.enisim.scenario.ScenarioLoader.readTree(f), java.util.List.of("traffic=2"), "bench"));
        assertTrue(x.getMessage().contains("not here"), "not silently ignored where it cannot apply: " + x.getMessage());
    }

    /**
     * A traffic factor may not carry a rate past the 1,000,000 a second a scenario may state (an adversarial review:
     * {@code traffic=100000} ran 5,000,000 a second that the file could not state; {@code traffic=1e300 --yes} began a
     * run of 10^304 events; two factors of 1e308 made an estimate of "Infinity" events).
     */
    @Test
    void aTrafficFactorCannotCarryARatePastWhatAScenarioMayState() throws Exception {
        Path f = scenario();
        double rate = dev.enisim.scenario.ScenarioLoader.load(f, java.util.List.of(), null).functions().get(0)
                .arrivals().highestRatePerSecond();
        assertTrue(rate > 0 && rate * 1e6 > 1e6, "the fixture's rate is above 1/s: " + rate);
        for (String[] sets : new String[][] {{"traffic=1e6"}, {"traffic=1e300"}, {"traffic=1e308", "traffic=1e308"}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("run", f.toString(), "--yes",
                    "--quiet", "--out", dir.resolve("r").toString()));
            for (String s : sets) {
                args.add("--set");
                args.add(s);
            }
            CliTest.Result r = CliTest.run(args.toArray(String[]::new));
            assertEquals(2, r.code(), String.join(" ", sets) + ": " + r.err());
            assertTrue(r.err().contains("--set traffic: ") && (r.err().contains("above the 1,000,000/s a scenario may"
                    + " state") || r.err().contains("is not a finite number")), r.err());
            assertFalse(Files.exists(dir.resolve("r")), "nothing ran");
        }
        CliTest.Result check = CliTest.run("check", f.toString(), "--set", "traffic=1e9");
        assertEquals(2, check.code(), check.err());
        assertTrue(check.err().contains("above the 1,000,000/s a scenario may state"), check.err());
        assertEquals(0, CliTest.run("run", f.toString(), "--set", "traffic=2", "--quiet", "--out",
                dir.resolve("ok").toString()).code(), "a factor within the bound runs");
        dev.enisim.scenario.ScenarioException point = org.junit.jupiter.api.Assertions.assertThrows(
                dev.enisim.scenario.ScenarioException.class, () -> dev.enisim.experiment.Sweep.scenario(
                        dev.enisim.scenario.ScenarioLoader.readTree(f), "base", java.util.Map.of("traffic", "1e9")));
        assertTrue(point.getMessage().contains("traffic=1e9: function"), point.getMessage());
    }
}
