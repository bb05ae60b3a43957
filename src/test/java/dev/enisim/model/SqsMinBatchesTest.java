package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * {@code sqs.minBatches}: the fewest concurrent batches a back-off after a failed batch leaves the SQS poller, 2 by
 * default (AWS: "can optimize to as few as 2 concurrent batches"); it was a hidden {@code Math.max(2, ...)}. Every
 * batch fails (2 s of work, 1 s timeout); 100 initial batches with a back-off factor of 0.01 fall to the floor.
 */
class SqsMinBatchesTest {

    private static final String SCENARIO = """
            name: sqs-floor
            seed: 1
            duration: 10m
            bucket: 10s
            sqs:
              initialBatches: 100
              scaleUpPerMinute: 1
              errorBackoffFactor: 0.01
            %s
            functions:
              - name: consumer
                timeout: 1s
                existing: Active
                duration: 2s
                eventSourceMapping:
                  type: sqs
                  batchSize: 1
                  queue: { visibilityTimeout: 30s }
                arrivals: { constant: 1000/s, until: 5s }
            """;

    private static long invocations(String line) throws Exception {
        return new Simulation(ScenarioLoader.parse(SCENARIO.formatted(line), "sqs.yaml"), 0).checkingInvariants()
                .run().summary().functions().get("consumer").invocations().total();
    }

    @Test
    void theFloorIsANamedParameterAndOneBatchHalvesTheRetriesOfTwo() throws Exception {
        long byDefault = invocations("");
        assertEquals(byDefault, invocations("  minBatches: 2"), "2 is the default");
        long one = invocations("  minBatches: 1");
        // past the first 100 batches, the poller runs 1 (or 2 at each scale-up step) against 2 (or 3)
        assertEquals(0.5, (double) (one - 100) / (byDefault - 100), 0.1, one + " against " + byDefault);
    }
}
