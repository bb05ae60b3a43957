package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.metrics.RunSummary;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A cold start whose environment's own connections ({@code connectionsPerEnvironment}) find no port is a function
 * error that ends at once (no environment kept). The SQS poller and the async queue follow up on a function error
 * from when the invocation ends, which they read from the world's last completion: that was the last run's end,
 * not this one's, so a batch's next step or an event's retry was scheduled in the past and the run stopped with an
 * internal error ("cannot schedule in the past"). Found by EveryFeatureProperties.
 */
class InitWithoutPortFollowUpTest {

    /**
     * One port per ENI, held by the first environment's pool for its whole life; its ENI's scale-out takes 10
     * minutes. {@code ping} (no VPC) completes in between, so the world's last completion is in the past when the
     * second cold start finds no port.
     */
    private static String scenario(String consumer) {
        return """
                name: init-without-port
                duration: 5m
                bucket: 30s
                vpcs:
                  - id: vpc-1
                    subnets: [{ id: subnet-a, cidr: 10.0.0.0/24, az: az-1 }]
                    securityGroups: [sg-1]
                hyperplane: { connectionsPerEni: 1, eniCreateTime: 10m }
                functions:
                  - name: consumer
                    existing: Active
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                    connectionsPerInvocation: 0
                    connectionsPerEnvironment: 1
                    initDuration: 10ms
                    timeout: 900s
                    duration: 4m
                %s
                  - name: ping
                    initDuration: 0s
                    duration: 1ms
                    arrivals: { constant: 1/s, from: 500ms, until: 1s }
                """.formatted(consumer);
    }

    @Test
    void anSqsBatchWhoseColdStartFindsNoPortReturnsAfterTheVisibilityTimeout() throws Exception {
        // messages at 0 s (runs 4 minutes, holding the port) and at 80 s (its cold start finds no port)
        String text = scenario("""
                    eventSourceMapping: { type: sqs, batchSize: 1, queue: { visibilityTimeout: 15m } }
                    arrivals: [{ constant: 1/s, until: 1s }, { constant: 1/s, from: 80s, until: 81s }]
                """);
        RunSummary r = new Simulation(ScenarioLoader.parse(text, "test"), 0).checkingInvariants().run().summary();
        RunSummary.SqsSummary q = r.sqs().get("consumer");
        assertEquals(2, q.sent());
        assertEquals(1, q.functionErrorBatches(), "the second batch's init found no port");
        assertEquals(1, r.functions().get("consumer").invocations().functionErrorCauses().get("NoFreePortOnEni"));
        assertEquals(1, q.deleted(), "the first batch succeeded");
        assertEquals(1, q.inFlightAtEnd(), "the second waits out its visibility timeout (15 minutes)");
    }

    @Test
    void anAsyncEventWhoseColdStartFindsNoPortIsRetriedAMinuteLater() throws Exception {
        // events at 0 s (runs 4 minutes, holding the port) and at 80 s (its cold start finds no port, and its
        // retry a minute later too: retries exhausted at 200 s)
        String text = scenario("""
                    invocationType: Event
                    eventInvokeConfig: { maximumRetryAttempts: 1 }
                    arrivals: [{ constant: 1/s, until: 1s }, { constant: 1/s, from: 80s, until: 81s }]
                """);
        RunSummary r = new Simulation(ScenarioLoader.parse(text, "test"), 0).checkingInvariants().run().summary();
        RunSummary.AsyncSummary a = r.async().get("consumer");
        assertEquals(2, a.received());
        assertEquals(1, a.functionErrorRetries());
        assertEquals(1, a.succeeded());
        assertEquals(1, a.dropped(), "retries exhausted");
        assertEquals(2, r.functions().get("consumer").invocations().functionErrorCauses().get("NoFreePortOnEni"));
    }
}
