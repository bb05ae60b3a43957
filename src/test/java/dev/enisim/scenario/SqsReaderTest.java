package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.SqsConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** eventSourceMapping and the sqs block: defaults, AWS ranges, bad input. */
class SqsReaderTest {

    static final String SQS = ScenarioValidationTest.GOOD.replace("    arrivals: { poisson: 5/s }",
            "    arrivals: { poisson: 5/s }\n    eventSourceMapping: { type: sqs }");

    @Test
    void documentedDefaults() throws Exception {
        SqsConfig c = ScenarioLoader.parse(SQS, "t.yaml").functions().get(0).sqs().orElseThrow();
        assertEquals(new SqsConfig(10, 1000, 30_000_000L, 0, 5, 300, 1000, 0.5, 1_000_000L), c);
    }

    @Test
    void everyFieldIsRead() throws Exception {
        String text = SQS.replace("{ type: sqs }", "{ type: sqs, batchSize: 100, maximumConcurrency: 20,"
                + " queue: { visibilityTimeout: 2m, maxReceiveCount: 4 } }")
                + "sqs: { initialBatches: 2, scaleUpPerMinute: 60, maxBatches: 1250, errorBackoffFactor: 0.8,"
                + " throttleRetry: 2s, errorBackoffInterval: 30s }\n";
        assertEquals(new SqsConfig(100, 20, 120_000_000L, 4, 2, 60, 1250, 0.8, 2_000_000L, 30_000_000L),
                ScenarioLoader.parse(text, "t.yaml").functions().get(0).sqs().orElseThrow());
    }

    /** queue.messageRetentionPeriod: SQS's default 4 days when absent; 60 s and 14 days, its limits, accepted. */
    @Test
    void messageRetentionPeriodIsRead() throws Exception {
        assertEquals(345_600_000_000L, ScenarioLoader.parse(SQS, "t.yaml").functions().get(0).sqs().orElseThrow()
                .messageRetentionPeriodMicros());
        for (String[] v : new String[][] {{"60s", "60000000"}, {"2m", "120000000"}, {"14d", "1209600000000"}}) {
            String text = SQS.replace("{ type: sqs }", "{ type: sqs, queue: { messageRetentionPeriod: " + v[0]
                    + " } }");
            assertEquals(Long.parseLong(v[1]), ScenarioLoader.parse(text, "t.yaml").functions().get(0).sqs()
                    .orElseThrow().messageRetentionPeriodMicros(), v[0]);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "kinesis             | '{ type: sqs }' | '{ type: kinesis }' | functions[0].eventSourceMapping.type | expected sqs",
        "batch too large     | '{ type: sqs }' | '{ type: sqs, batchSize: 10001 }' | functions[0].eventSourceMapping.batchSize | expected a whole number from 1 to 10000",
        "concurrency of 1    | '{ type: sqs }' | '{ type: sqs, maximumConcurrency: 1 }' | functions[0].eventSourceMapping.maximumConcurrency | expected a whole number from 2 to 1000",
        "visibility < timeout | '{ type: sqs }' | '{ type: sqs, queue: { visibilityTimeout: 2s } }' | functions[0].eventSourceMapping.queue.visibilityTimeout | must be at least the function's timeout",
        "with Event          | '{ type: sqs }' | '{ type: sqs }\\n    invocationType: Event' | functions[0].eventSourceMapping | a function fed by an SQS event source mapping",
        "sqs typo            | '{ type: sqs }' | '{ type: sqs }\\nsqs: { scaleUpPerMin: 300 }' | sqs.scaleUpPerMin | unknown key 'scaleUpPerMin'",
        "back-off interval 0 | '{ type: sqs }' | '{ type: sqs }\\nsqs: { errorBackoffInterval: 0s }' | sqs.errorBackoffInterval | must be > 0",
        "retention 30s       | '{ type: sqs }' | '{ type: sqs, queue: { messageRetentionPeriod: 30s } }' | functions[0].eventSourceMapping.queue.messageRetentionPeriod | expected 60s to 14d (SQS's limits), got 30s",
        "retention 15d       | '{ type: sqs }' | '{ type: sqs, queue: { messageRetentionPeriod: 15d } }' | functions[0].eventSourceMapping.queue.messageRetentionPeriod | expected 60s to 14d (SQS's limits), got 15d",
    })
    void badInputNamesTheField(String what, String from, String to, String path, String message) {
        AsyncReaderTest.assertOneProblem(SQS.replace(from, to.replace("\\n", "\n")), what, path, message);
    }
}
