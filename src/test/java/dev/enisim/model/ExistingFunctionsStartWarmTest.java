package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * An {@code existing: Active} function can start with warm idle execution environments, as a running account has them
 * ({@code warmEnvironments: auto}, which {@code enisim import} writes; {@link WarmStart}): a steady run does not begin
 * with a storm of cold starts. Left out, the field is 0: the function starts with none, as before. Each
 * run checks the world's invariants after every event ({@link CheckedRun}): every invocation one outcome, no IP,
 * port or environment leaked.
 */
class ExistingFunctionsStartWarmTest {

    /**
     * 50/s of exponential 200 ms invocations (A = lambda E[D] = 10 busy on average) on two subnets in two AZs; a 5 s
     * init makes any cold start weigh on the concurrency, so that a storm at the start cannot hide in the mean.
     */
    static final String STEADY = """
            name: steady
            duration: 10m
            bucket: 1m
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }
                  - { id: subnet-b, cidr: 10.0.1.0/24, az: us-east-1b }
                securityGroups: [sg-1]
            functions:
              - name: api
                existing: Active
                warmEnvironments: auto
                vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-1] }
                duration: { dist: exponential, mean: 200ms }
                timeout: 30s
                initDuration: 5s
                arrivals: { poisson: 50/s }
            """;

    /**
     * The first minute has about the cold starts of any later minute (none to a few), where a run that started with
     * no environment had one for every request of the first 5 s (about 260).
     */
    @Test
    void aSteadyFunctionStartsWithoutAColdStartStorm() throws Exception {
        CheckedRun run = CheckedRun.of(STEADY, "steady.yaml");
        long[] cold = series(run, "api", "Sim.ColdStarts");
        long later = Arrays.stream(cold, 1, cold.length).max().orElseThrow();
        assertTrue(cold[0] <= later + 3, "cold starts by minute " + Arrays.toString(cold));
        assertEquals(0, run.fn("api").invocations().throttled());
        // 26 environments at 0 (WarmStart: 50/s of 200 ms, keep-alive 10 min), and those the minute's cold starts
        // made (none expires within it)
        assertEquals(26 + cold[0], series(run, "api", "Sim.Environments")[0]);
    }

    /**
     * Validation against M/G/infinity: mean concurrency = lambda x E[D] = 10 from the first bucket on. A one-minute
     * time average of this occupancy has a standard deviation of about sqrt(2 A E[D] / T) = 0.26 (exponential
     * durations), so each bucket is held within 1.0 (4 of them) and the ten-minute mean within 0.35. Started cold,
     * the first bucket's mean was about 31 (260 cold starts of 5 s each).
     */
    @Test
    void meanConcurrencyIsLittlesLawFromTheFirstBucketOn() throws Exception {
        CheckedRun run = CheckedRun.of(STEADY, "steady.yaml");
        long[] busy = series(run, "api", "Sim.Environments.Busy.Average"); // thousandths
        double sum = 0;
        for (int b = 0; b < busy.length; b++) {
            double mean = busy[b] / 1000.0;
            assertEquals(10.0, mean, 1.0, "bucket " + b + ": " + Arrays.toString(busy));
            sum += mean;
        }
        assertEquals(10.0, sum / busy.length, 0.35);
    }

    /**
     * The warm environments are idle at 0 (not ConcurrentExecutions), on the function's keys (their persistent
     * connections on the ENIs in place), with no init; the keep-alive reclaims those not used, as any other. Four
     * environments, 2 connections each, keep-alive 2 min; one invocation at 90 s takes one warm (no cold start): the
     * three others expire at 120 s, it at 210 s, and the ENI's connections go back to 0.
     */
    @Test
    void warmEnvironmentsAreIdleAndTheKeepAliveReclaimsThem() throws Exception {
        CheckedRun run = CheckedRun.of("""
                name: idle-rule
                duration: 5m
                bucket: 1m
                scaling: { keepAlive: 2m }
                vpcs:
                  - id: vpc-1
                    subnets: [{ id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }]
                    securityGroups: [sg-1]
                functions:
                  - name: quiet
                    existing: Active
                    warmEnvironments: 4
                    connectionsPerEnvironment: 2
                    connectionsPerInvocation: 0
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                    duration: 100ms
                    arrivals: { constant: 1/m, from: 90s, until: 91s }
                """, "idle-rule.yaml");
        assertEquals(1, run.fn("quiet").invocations().succeeded());
        assertEquals(0, Arrays.stream(series(run, "quiet", "Sim.ColdStarts")).sum(), "it ran warm");
        assertEquals("[4, 4, 4, 1, 0]", Arrays.toString(series(run, "quiet", "Sim.Environments")));
        assertEquals("[0, 1, 0, 0, 0]", Arrays.toString(series(run, "quiet", "ConcurrentExecutions")));
        long[] idle = series(run, "quiet", "Sim.Environments.Idle.Average");
        assertEquals(4000, idle[0], "all four idle for the whole first minute");
        long[] connections = keySeries(run, "Sim.EniConnections");
        assertEquals(8, connections[0], "4 environments x 2 persistent connections on the ENI in place");
        assertEquals(0, connections[connections.length - 1], "given back when they expired");
    }

    /** Without the field (or with {@code warmEnvironments: 0}) it starts with none: every first request is cold. */
    @Test
    void leftOutItStartsCold() throws Exception {
        for (String none : new String[] {"", "    warmEnvironments: 0\n"}) {
            CheckedRun run = CheckedRun.of(STEADY.replace("    warmEnvironments: auto\n", none), "steady.yaml");
            assertTrue(series(run, "api", "Sim.ColdStarts")[0] > 100, none);
        }
    }

    /**
     * {@code auto} or a number above 0 is for an existing Active function only; the default, 0, may be written on
     * any function.
     */
    @Test
    void warmEnvironmentsIsReadAndChecked() throws Exception {
        String created = STEADY.replace("    existing: Active\n    warmEnvironments: auto\n", "");
        ScenarioLoader.parse(created.replace("timeout: 30s", "timeout: 30s\n    warmEnvironments: 0"), "a.yaml");
        for (String value : new String[] {"3", "auto"}) {
            ScenarioException notExisting = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                    () -> ScenarioLoader.parse(created.replace("timeout: 30s", "timeout: 30s\n    warmEnvironments: "
                            + value), "b.yaml"));
            assertTrue(notExisting.getMessage().contains("functions[0].warmEnvironments: is for a function that is"
                    + " Active at time 0 (existing: Active)"), notExisting.getMessage());
        }
        ScenarioException word = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(STEADY.replace("warmEnvironments: auto", "warmEnvironments: many"),
                        "c.yaml"));
        assertTrue(word.getMessage().contains("functions[0].warmEnvironments: expected auto or a whole number from 0"
                + " to 1000 (idle execution environments at time 0), got 'many'"), word.getMessage());
        ScenarioException tooMany = org.junit.jupiter.api.Assertions.assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(STEADY.replace("warmEnvironments: auto",
                        "reservedConcurrency: 20\n    warmEnvironments: 21"), "d.yaml"));
        assertTrue(tooMany.getMessage().contains("functions[0].warmEnvironments: expected a whole number from 0 to 20,"
                + " got 21"), tooMany.getMessage());
    }

    private static long[] series(CheckedRun run, String function, String metric) {
        return run.result().timeSeries().series().stream()
                .filter(s -> s.scope() == dev.enisim.metrics.Metric.Scope.FUNCTION && s.id().equals(function)
                        && s.column().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no " + metric + " of " + function)).values();
    }

    private static long[] keySeries(CheckedRun run, String metric) {
        return run.result().timeSeries().series().stream()
                .filter(s -> s.scope() == dev.enisim.metrics.Metric.Scope.ENI_KEY && s.column().equals(metric))
                .findFirst().orElseThrow(() -> new AssertionError("no " + metric)).values();
    }
}
