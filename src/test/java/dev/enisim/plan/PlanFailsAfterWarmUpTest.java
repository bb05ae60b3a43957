package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * How the run as it is fails, each class of failures said to be all in the warm-up when none of it came after
 * ({@link Planner#failsAsIs(RunResult, long)}): the plan sets such a class apart from the scenario failing as it is.
 * The runs are {@link PlanLimitsAfterWarmUpTest}'s (a warm-up of 30 s in 3 min, the failures heavy in the warm-up
 * only or after it only), about a second each.
 */
class PlanFailsAfterWarmUpTest {

    /** A function throttled by its reserved concurrency (5) under {@code arrivals}. */
    private static final String THROTTLED = """
              - name: g
                reservedConcurrency: 5
                initDuration: 0s
                duration: 100ms
                arrivals: %s
            """;
    private static final String THROTTLED_EARLY =
            "{ schedule: { phases: [ { rate: 100/s, for: 20s }, { rate: 1/s, for: 160s } ] } }";
    private static final String THROTTLED_LATE =
            "{ schedule: { phases: [ { rate: 1/s, for: 120s }, { rate: 100/s, for: 60s } ] } }";

    /** The ENI quota (1) refuses the key's scale-out: ENILimitReachedException. */
    private static String eniQuota(String arrivals) {
        return PlanLimitsAfterWarmUpTest.vpcRun("2s", "eniQuota: 1", "10.1.0.0/24", arrivals);
    }

    /** ENIs made in 20 s: the key's connections refused meanwhile (function errors, NoFreePortOnEni). */
    private static String portRefusals(String arrivals) {
        return PlanLimitsAfterWarmUpTest.vpcRun("20s", "", "10.1.0.0/24", arrivals);
    }

    /**
     * Checks the lines of {@code yaml}'s run: with the warm-up, each of the run's classes of failures (as
     * {@link Planner#failsAsIs(dev.enisim.metrics.RunSummary)} says them; {@code classes} of them), those at
     * {@code warmOnly} with the warm-up's note; with no warm-up, every class as it is.
     */
    private static void check(String yaml, int classes, Integer... warmOnly) throws Exception {
        RunResult res = new Simulation(ScenarioLoader.parse(yaml, "lim"), 0).run();
        List<String> lines = Planner.failsAsIs(res.summary());
        assertEquals(classes, lines.size(), lines.toString());
        List<String> expected = new ArrayList<>(lines);
        for (int i : warmOnly) {
            expected.set(i, lines.get(i) + Planner.warmUpNote(PlanLimitsAfterWarmUpTest.WARM_UP));
        }
        assertEquals(expected, Planner.failsAsIs(res, PlanLimitsAfterWarmUpTest.WARM_UP), yaml);
        assertEquals(lines, Planner.failsAsIs(res, 0), "no warm-up: " + yaml);
    }

    @Test
    void invokeErrorsAllInTheWarmUpAreSaidSo() throws Exception {
        check(eniQuota(PlanLimitsAfterWarmUpTest.EARLY), 1, 0);
        check(eniQuota(PlanLimitsAfterWarmUpTest.LATE), 1);
    }

    @Test
    void functionErrorsAllInTheWarmUpAreSaidSo() throws Exception {
        check(portRefusals(PlanLimitsAfterWarmUpTest.EARLY), 1, 0);
        check(portRefusals(PlanLimitsAfterWarmUpTest.LATE), 1);
    }

    @Test
    void throttlesAllInTheWarmUpAreSaidSo() throws Exception {
        String alone = "name: lim\nseed: 1\nduration: 3m\nbucket: 10s\nfunctions:\n";
        check(alone + THROTTLED.formatted(THROTTLED_EARLY), 1, 0);
        check(alone + THROTTLED.formatted(THROTTLED_LATE), 1);
    }

    /**
     * Each class is judged by its own failures after the warm-up, not by another's: throttles after it beside port
     * refusals in it, and ENI-quota errors after it beside throttles in it (the lines: throttles first in the one,
     * the quota's errors first in the other).
     */
    @Test
    void eachClassIsJudgedByItsOwnFailures() throws Exception {
        check(portRefusals(PlanLimitsAfterWarmUpTest.EARLY) + THROTTLED.formatted(THROTTLED_LATE), 2, 1);
        check(eniQuota(PlanLimitsAfterWarmUpTest.LATE) + THROTTLED.formatted(THROTTLED_EARLY), 2, 1);
    }

    /**
     * Functions that end Failed are said first and as they are, however early they failed
     * ({@link PlanLimitsAfterWarmUpTest#FAILED_BY_LIMITS}: three, each in its first 10 s).
     */
    @Test
    void functionsEndingFailedAreNeverSaidToBeInTheWarmUp() throws Exception {
        RunResult res = new Simulation(ScenarioLoader.parse(PlanLimitsAfterWarmUpTest.FAILED_BY_LIMITS, "lim"), 0).run();
        List<String> lines = Planner.failsAsIs(res.summary());
        List<String> failed = lines.stream().filter(l -> l.contains(" ends Failed")).toList();
        assertEquals(3, failed.size(), lines.toString());
        assertEquals(failed, Planner.failsAsIs(res, PlanLimitsAfterWarmUpTest.WARM_UP).subList(0, 3));
    }

    /**
     * One invocation of a class is said in the singular, and a class with none is not said: one throttled (reserved
     * concurrency 1, two calls of 10 s a second apart), one timed out.
     */
    @Test
    void oneFailureIsSaidInTheSingular() throws Exception {
        RunResult res = new Simulation(ScenarioLoader.parse("""
                name: one
                seed: 1
                duration: 1m
                functions:
                  - { name: t, reservedConcurrency: 1, initDuration: 0s, timeout: 30s, duration: 10s,
                      arrivals: { constant: 1/s, until: 2s } }
                  - { name: e, initDuration: 0s, timeout: 1s, duration: 5s, arrivals: { constant: 1/s, until: 1s } }
                """, "one"), 0).run();
        assertEquals(List.of("1 invocation throttled (TooManyRequestsException,"
                + " ReservedFunctionConcurrentInvocationLimitExceeded)", "1 function error (TaskTimedOut)"),
                Planner.failsAsIs(res.summary()));
    }

    /**
     * One invocation failing with an exception is said in the singular, verb and all: "1 invocation fails with ...",
     * and the warm-up's note still finds its exception ({@link PlanHitDetailsTest#ONE_CALL_INTO_A_FULL_SUBNET}: the
     * call in a warm-up of 20 s).
     */
    @Test
    void oneInvocationFailingWithAnExceptionIsSaidInTheSingular() throws Exception {
        RunResult res = new Simulation(ScenarioLoader.parse(PlanHitDetailsTest.ONE_CALL_INTO_A_FULL_SUBNET, "one"), 0)
                .run();
        List<String> lines = List.of("lone ends Failed (SubnetOutOfIPAddresses)",
                "1 invocation fails with SubnetIPAddressLimitReachedException");
        assertEquals(lines, Planner.failsAsIs(res.summary()));
        long warmUp = 20_000_000L; // the run of 1 min is longer than twice it, its buckets of 10 s shorter
        assertEquals(List.of(lines.get(0), lines.get(1) + Planner.warmUpNote(warmUp)), Planner.failsAsIs(res, warmUp),
                "the call at 0 s, in the warm-up");
    }
}
