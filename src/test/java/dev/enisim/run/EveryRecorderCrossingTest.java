package dev.enisim.run;

import static dev.enisim.run.Scenarios.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.Series;
import dev.enisim.model.SimEvent;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import dev.enisim.workload.ArrivalSpec;
import dev.enisim.workload.DistributionSpec;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The NAT, provisioned, accounts', asynchronous and SQS recorders and the network's levels are in the metrics' one
 * crossing (round 2's sixteenth pass): a run crosses their buckets at each bucket's first instant with every other
 * series, so none of their calls meets an edge ({@link Simulation#crossedAtCalls}), on the scenarios that have them,
 * their series written all the same. (Their figures: {@code EveryRecorderCrossingProperties} and the golden outputs.)
 */
class EveryRecorderCrossingTest {

    /**
     * The largest value of {@code metric}'s series of {@code scope} (any id but the whole account's, ""): some bucket
     * was written.
     */
    private static long peak(RunResult r, String scope, String metric) {
        long p = Long.MIN_VALUE;
        for (Series s : r.timeSeries().series()) {
            if (s.scope().id().equals(scope) && s.metric().metric().equals(metric) && !s.id().isEmpty()) {
                for (long v : s.values()) {
                    p = Math.max(p, v);
                }
            }
        }
        return p;
    }

    private static void noCallCrossed(String scenario, String scope, String metric) throws Exception {
        RunResult r = noCallCrossed(ScenarioLoader.load(Path.of("scenarios", scenario + ".yaml")));
        assertTrue(peak(r, scope, metric) > 0, scenario + ": " + metric + " written");
    }

    /** Runs {@code scenario}: no call crossed an edge. */
    private static RunResult noCallCrossed(Scenario scenario) {
        Simulation sim = new Simulation(scenario, 0);
        RunResult r = sim.run();
        assertEquals(0, sim.crossedAtCalls(), scenario.name());
        return r;
    }

    @Test
    void natGatewaysSeriesCrossWithTheRun() throws Exception {
        noCallCrossed("nat-hot-destination", "natGateway", "Sim.NatConnections");
    }

    @Test
    void sqsSeriesCrossWithTheRun() throws Exception {
        noCallCrossed("sqs-burst", "function", "NumberOfMessagesSent");
    }

    @Test
    void asyncSeriesCrossWithTheRun() throws Exception {
        noCallCrossed("async-inactive-function", "function", "AsyncEventsReceived");
    }

    @Test
    void accountsSeriesCrossWithTheRun() throws Exception {
        noCallCrossed("shared-vpc-two-accounts", "account", "Sim.HyperplaneEniCount");
    }

    /** Provisioned concurrency configured, then raised on the timeline: no golden scenario has it. */
    @Test
    void provisionedSeriesCrossWithTheRun() {
        Scenarios s = new Scenarios();
        s.durationMicros = 600 * SEC;
        s.bucketMicros = 10 * SEC;
        s.functions.add(Scenario.Function.builder("f", new DistributionSpec.Constant(2 * SEC),
                new ArrivalSpec.Constant(20, 0, Long.MAX_VALUE)).timeoutMicros(900 * SEC)
                .connectionsPerInvocation(0).initDuration(Scenario.Function.NO_INIT)
                .provisionedConcurrency(10).build());
        s.timeline.add(new Scenario.At(100 * SEC, new SimEvent.PutProvisionedConcurrency(0, 60)));
        RunResult r = noCallCrossed(s.build());
        assertEquals(60, peak(r, "function", "Sim.ProvisionedConcurrency.Allocated"));
        assertTrue(peak(r, "function", "ProvisionedConcurrencySpilloverInvocations") > 0);
        assertTrue(peak(r, "function", "ProvisionedConcurrencyInvocations") > 0);
    }
}
