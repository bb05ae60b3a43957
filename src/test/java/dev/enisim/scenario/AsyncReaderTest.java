package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.AsyncConfig;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** invocationType, eventInvokeConfig, deadLetterConfig and the async block: defaults, AWS ranges, bad input. */
class AsyncReaderTest {

    static final String ASYNC = ScenarioValidationTest.GOOD.replace("    arrivals: { poisson: 5/s }",
            "    arrivals: { poisson: 5/s }\n    invocationType: Event");

    @Test
    void eventInvocationsGetAwsDefaults() throws Exception {
        AsyncConfig c = ScenarioLoader.parse(ASYNC, "t.yaml").functions().get(0).async().orElseThrow();
        assertEquals(new AsyncConfig(2, 21_600_000_000L, false, 0, false, 0, 1_000_000L, 300_000_000L,
                2, false), c);
        assertEquals(Optional.empty(), ScenarioLoader.parse(ScenarioValidationTest.GOOD, "t.yaml").functions().get(0)
                .async());
    }

    @Test
    void everyFieldIsRead() throws Exception {
        String text = ASYNC.replace("invocationType: Event", """
                invocationType: Event
                    eventInvokeConfig: { maximumRetryAttempts: 0, maximumEventAge: 90s, onFailure: { type: sqs, deliveryFailureProbability: 0.25 } }
                    deadLetterConfig: { type: sns, deliveryFailureProbability: 0.5 }""")
                + "async: { firstRetryInterval: 2s, maxRetryInterval: 1m, backoffFactor: 3, onPending: retry }\n";
        AsyncConfig c = ScenarioLoader.parse(text, "t.yaml").functions().get(0).async().orElseThrow();
        assertEquals(new AsyncConfig(0, 90_000_000L, true, 0.25, true, 0.5, 2_000_000L, 60_000_000L, 3,
                true), c);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bad type        | 'invocationType: Event' | 'invocationType: DryRun' | functions[0].invocationType | expected RequestResponse",
        "3 retries       | 'invocationType: Event' | 'invocationType: Event\\n    eventInvokeConfig: { maximumRetryAttempts: 3 }' | functions[0].eventInvokeConfig.maximumRetryAttempts | expected a whole number from 0 to 2, got 3",
        "age under 60 s  | 'invocationType: Event' | 'invocationType: Event\\n    eventInvokeConfig: { maximumEventAge: 59s }' | functions[0].eventInvokeConfig.maximumEventAge | expected whole seconds from 60s to 6h",
        "age over 6 h    | 'invocationType: Event' | 'invocationType: Event\\n    eventInvokeConfig: { maximumEventAge: 7h }' | functions[0].eventInvokeConfig.maximumEventAge | expected whole seconds from 60s to 6h",
        "FIFO-less DLQ   | 'invocationType: Event' | 'invocationType: Event\\n    deadLetterConfig: { type: eventbridge }' | functions[0].deadLetterConfig.type | expected one of [sqs, sns]",
        "destination     | 'invocationType: Event' | 'invocationType: Event\\n    eventInvokeConfig: { onFailure: { type: s3 } }' | functions[0].eventInvokeConfig.onFailure.type | expected one of [sqs, sns, eventbridge, lambda]",
        "probability     | 'invocationType: Event' | 'invocationType: Event\\n    deadLetterConfig: { type: sqs, deliveryFailureProbability: 2 }' | functions[0].deadLetterConfig.deliveryFailureProbability | expected a number from 0.0 to 1.0",
        "sync with DLQ   | 'invocationType: Event' | 'deadLetterConfig: { type: sqs }' | functions[0].deadLetterConfig | applies to asynchronous invocations only",
        "onPending       | 'invocationType: Event' | 'invocationType: Event\\nasync: { onPending: wait }' | async.onPending | expected 'reject'",
        "async typo      | 'invocationType: Event' | 'invocationType: Event\\nasync: { backofFactor: 2 }' | async.backofFactor | unknown key 'backofFactor'",
    })
    void badInputNamesTheField(String what, String from, String to, String path, String message) {
        assertOneProblem(ASYNC.replace(from, to.replace("\\n", "\n")), what, path, message);
    }

    /** The scenario has exactly one problem, at {@code path}, whose message starts with {@code message}. */
    static void assertOneProblem(String text, String what, String path, String message) {
        List<Problem> problems = ScenarioValidationTest.problems(text);
        Problem p = problems.stream().filter(x -> x.path().equals(path)).findFirst()
                .orElseThrow(() -> new AssertionError(what + ": no problem at " + path + " in " + problems));
        assertTrue(p.message().startsWith(message), what + ": " + p.message());
        assertEquals(1, problems.size(), what + ": " + problems);
    }

    @Test
    void theLoaderStillAcceptsTheScenarioWithoutAsync() throws Exception {
        assertFalse(ScenarioLoader.parse(ScenarioValidationTest.GOOD, "t.yaml").functions().get(0).asynchronous());
    }
}
