package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.scenario.ScenarioLoader;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * SQS event source mappings over random configurations (batch sizes, MaximumConcurrency, visibility timeouts,
 * redrive, reserved concurrency, timeouts, Inactive VPC functions): every message sent is deleted, redriven,
 * visible or in a batch (checked after every event), and the poller never runs more batches than allowed.
 */
class SqsProperties {

    @Provide
    Arbitrary<int[]> shapes() {
        return Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(8);
    }

    static String scenario(int[] s) {
        String[] existing = {"existing: Active", "existing: Inactive", "createdAt: 20s", "existing: Active",
                "existing: Failed"};
        return """
                name: sqs-property
                seed: %d
                duration: 15m
                bucket: 30s
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-a, cidr: 10.0.0.0/28, az: az-1, otherUsedIps: %d }
                    securityGroups: [sg-0]
                functions:
                  - name: consumer
                    timeout: 3s
                    %s
                    reservedConcurrency: %d
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-0] }
                    duration: { dist: lognormal, median: %dms, p99: 5s }
                    eventSourceMapping:
                      type: sqs
                      batchSize: %d
                      maximumConcurrency: %d
                      queue: { visibilityTimeout: %ds%s }
                    arrivals: { bursts: { base: 1/s, rate: %d/s, duration: 1m, at: [1m, 6m] } }
                """.formatted(s[0], s[1] % 12, existing[s[2] % existing.length], s[3] % 30, 100 + s[4] % 2000,
                1 + s[5] % 20, 2 + s[6] % 60, 3 + s[7] % 60, (s[7] % 2 == 0 ? ", maxReceiveCount: " + (1 + s[2] % 4) : "")
                        + (s[7] % 3 == 1 ? ", messageRetentionPeriod: " + (60 + s[4] % 240) + "s" : ""),
                10 + s[5] % 300);
    }

    @Property(tries = 40)
    void everyMessageIsAccountedFor(@ForAll("shapes") int[] shape) throws Exception {
        String text = scenario(shape);
        Simulation sim = new Simulation(ScenarioLoader.parse(text, "property"), 0).checkingInvariants();
        // the messages sent, counted apart from the recorder: one per arrival the loop delivers (the recorder's
        // in-flight count is what the others leave of its own sent count, so only an outside count checks them)
        long[] arrived = {0};
        sim.loop().setObserver((e, now) -> {
            if (e instanceof dev.enisim.model.SimEvent.Arrival) {
                arrived[0]++;
            }
        });
        RunSummary r = sim.run().summary();
        RunSummary.SqsSummary q = r.sqs().get("consumer");
        assertEquals(arrived[0], q.sent(), "one message sent per arrival\n" + text);
        assertEquals(q.sent(), q.deleted() + q.movedToDeadLetterQueue() + q.expired() + q.visibleAtEnd()
                + q.inFlightAtEnd(), text);
        assertTrue(q.expired() == 0 || text.contains("messageRetentionPeriod"), "4 days are not reached\n" + text);
        assertTrue(q.inFlightAtEnd() >= 0, text);
        assertTrue(q.peakConcurrentBatches() <= 2 + shape[6] % 60, "MaximumConcurrency holds\n" + text);
        assertTrue(r.functions().get("consumer").peakConcurrentExecutions() <= shape[3] % 30, text);
    }
}
