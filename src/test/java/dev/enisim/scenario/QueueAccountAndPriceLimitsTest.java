package dev.enisim.scenario;

import static dev.enisim.scenario.FieldRulesTest.GOOD;
import static dev.enisim.scenario.FieldRulesTest.RATE;
import static dev.enisim.scenario.FieldRulesTest.row;
import static dev.enisim.scenario.FieldRulesTest.top;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.model.AsyncConfig;
import dev.enisim.model.SqsConfig;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The AWS ranges of the asynchronous, SQS, account and price fields (scenarios/README.md) at their ends: the last
 * value refused with its problem, the first accepted with its value; and the units' own limits.
 */
class QueueAccountAndPriceLimitsTest {

    private static final long SEC = 1_000_000L;
    private static final String ASYNC = AsyncReaderTest.ASYNC;
    private static final String SQS = SqsReaderTest.SQS;

    private static AsyncConfig async(String eventInvokeConfig, String block) throws Exception {
        return ScenarioLoader.parse(ASYNC.replace("invocationType: Event", "invocationType: Event\n    eventInvokeConfig: "
                + eventInvokeConfig) + block, "t.yaml").functions().get(0).async().orElseThrow();
    }

    private static SqsConfig sqs(String mapping, String block) throws Exception {
        return ScenarioLoader.parse(SQS.replace("{ type: sqs }", mapping) + block, "t.yaml").functions().get(0).sqs()
                .orElseThrow();
    }

    @Test
    void asyncRangesAtTheirEnds() throws Exception {
        // MaximumEventAgeInSeconds: 60 to 21,600 whole seconds
        assertEquals(60 * SEC, async("{ maximumEventAge: 1m }", "").maximumEventAgeMicros());
        assertEquals(21_600 * SEC, async("{ maximumEventAge: 6h }", "").maximumEventAgeMicros());
        // the retry intervals may be equal; the back-off factor from 1 to 10
        AsyncConfig equal = async("{}", "async: { firstRetryInterval: 1m, maxRetryInterval: 1m, backoffFactor: 1 }\n");
        assertEquals(60 * SEC, equal.firstRetryMicros());
        assertEquals(60 * SEC, equal.maxRetryMicros());
        assertEquals(1.0, equal.backoffFactor());
        assertEquals(10.0, async("{}", "async: { backoffFactor: 10 }\n").backoffFactor());
        assertEquals(1.5, async("{}", "async: { backoffFactor: 1.5 }\n").backoffFactor());
        assertEquals(0.0, async("{ onFailure: { type: lambda, deliveryFailureProbability: 0 } }", "")
                .destinationFailureProbability());
        assertEquals(1.0, async("{ onFailure: { type: eventbridge, deliveryFailureProbability: 1 } }", "")
                .destinationFailureProbability());
    }

    @Test
    void sqsRangesAtTheirEnds() throws Exception {
        // SQS's visibility timeout: 0 to 12 h, and at least the function's timeout (GOOD's is the default 3 s)
        assertEquals(3 * SEC, sqs("{ type: sqs, queue: { visibilityTimeout: 3s } }", "").visibilityTimeoutMicros());
        assertEquals(43_200 * SEC, sqs("{ type: sqs, queue: { visibilityTimeout: 12h } }", "")
                .visibilityTimeoutMicros());
        assertEquals(1, sqs("{ type: sqs }", "sqs: { throttleRetry: 1us }\n").throttleRetryMicros());
        assertEquals(2, sqs("{ type: sqs, maximumConcurrency: 2, batchSize: 1, queue: { maxReceiveCount: 1000 } }", "")
                .maximumConcurrency());
        assertEquals(0.01, sqs("{ type: sqs }", "sqs: { errorBackoffFactor: 0.01 }\n").errorBackoffFactor());
    }

    @Test
    void accountsAtTheirEnds() throws Exception {
        String two = """
                accounts:
                  - { id: "111111111111", concurrencyLimit: 300, unreservedMinimum: 200 }
                  - { id: "222222222222", concurrencyLimit: 50, unreservedMinimum: 50, networkInterfacesPerRegion: 7 }
                """;
        // unreservedMinimum may equal the limit, and reservations may fill exactly what is left (300 - 200)
        Scenario s = ScenarioLoader.parse(GOOD + two, "t.yaml");
        assertEquals(new Scenario.Account(50, 50, 7, "222222222222"), s.accounts().list().get(1));
        // each account's room alone: the single-account check on the accounts' sums (350 - 250) said a second
        // problem with figures of no account (an adversarial review)
        assertEquals(List.of("accounts[0]: its functions' reserved concurrency adds up to "
                        + "101, more than concurrencyLimit 300 - unreservedMinimum 200 = 100"),
                problems(GOOD.replace("reservedConcurrency: 100", "reservedConcurrency: 101") + two));
        assertEquals(List.of("accounts[1].id: is required"), problems(GOOD + """
                accounts:
                  - { id: "111111111111" }
                  - { concurrencyLimit: 5, unreservedMinimum: 0 }
                """));
        assertEquals(List.of("accounts[0].unreservedMinimum: must not exceed concurrencyLimit (150)",
                "accounts[0]: its functions' reserved concurrency adds up to 100, more than concurrencyLimit 150 - "
                        + "unreservedMinimum 150 = 0"),
                problems(GOOD + "accounts:\n  - { id: \"111111111111\", concurrencyLimit: 150, unreservedMinimum: 151 }\n")
                        .stream().filter(p -> p.startsWith("accounts")).toList());
        assertEquals(List.of("accounts: at least one account is required"), problems(GOOD + "accounts: []\n"));
        assertEquals(List.of("accounts: expected a list, got 5", "accounts: at least one account is required"),
                problems(GOOD + "accounts: 5\n"), "each said once");
        assertEquals(List.of("accounts[0].limit: unknown key 'limit' (expected one of: id, concurrencyLimit, "
                + "unreservedMinimum, networkInterfacesPerRegion, otherNetworkInterfaces)"), problems(GOOD
                + "accounts:\n  - { id: \"111111111111\", limit: 5 }\n"));
    }

    @Test
    void pricesAtTheirEnds() throws Exception {
        PriceTable p = ScenarioLoader.parse(top("prices: { perMillionRequests: 0, natGatewayPerHour: 0.05, "
                + "arm64: { perGbSecond: 0.00001 } }\n"), "t.yaml").prices();
        assertEquals(0.0, p.perMillionRequests(), "a price of 0 (a free tier) is a price");
        assertEquals(0.05, p.natGatewayPerHour());
        assertEquals(0.00001, p.arm64().perGbSecond());
        assertEquals(PriceTable.DEFAULT.x86_64(), p.x86_64());
        assertEquals(1e6, ScenarioLoader.parse(top("prices: { perMillionRequests: 1000000 }\n"), "t.yaml").prices()
                .perMillionRequests(), "the highest price");
        // 1e308 per million requests made the summary's cost the string "Infinity" (adversarial review)
        assertEquals(List.of("prices.perMillionRequests: expected a price in US dollars (a number from 0 to 1,000,000),"
                + " got 1.0E308"), problems(top("prices: { perMillionRequests: 1e308 }\n")));
        assertEquals(List.of("prices.natGatewayPerHour: expected a price in US dollars (a number from 0 to 1,000,000),"
                + " got 1000000.01"), problems(top("prices: { natGatewayPerHour: 1000000.01 }\n")));
        assertEquals(sorted(List.of("prices.natGatewayPerGb: expected a price in US dollars (a number from 0 to 1,000,000), got -0.01",
                "prices.x86_64.perGbSecond: expected a price in US dollars (a number from 0 to 1,000,000), got 'free'",
                "prices.arm64.perSecond: unknown key 'perSecond' (expected one of: perGbSecond, provisionedPerGbSecond, "
                        + "provisionedDurationPerGbSecond); did you mean 'perGbSecond'?",
                "prices.billInit: expected true (INIT billed, since 2025-08-01) or false, got 1",
                "prices.currency: unknown key 'currency' (expected one of: region, date, perMillionRequests, x86_64, "
                        + "arm64, billInit, natGatewayPerHour, natGatewayPerGb)")),
                sorted(problems(top("prices: { natGatewayPerGb: -0.01, x86_64: { perGbSecond: free }, arm64: "
                        + "{ perSecond: 1 }, billInit: 1, currency: USD }\n"))));
    }

    /** The order the fields are read in is not the point here: every problem, once. */
    private static List<String> sorted(List<String> problems) {
        return problems.stream().sorted().toList();
    }

    private static List<String> problems(String yaml) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "t.yaml")).problems().stream()
                .map(p -> p.path() + ": " + p.message()).toList();
    }

    @Test
    void unitsAtTheirEnds() {
        // a duration up to Long.MAX_VALUE / 4 microseconds (about 73,000 years), a rate up to 1,000,000/s
        assertEquals(Long.MAX_VALUE / 4, Units.durationMicros((Long.MAX_VALUE / 4) + "us"));
        IllegalArgumentException longer = assertThrows(IllegalArgumentException.class,
                () -> Units.durationMicros((Long.MAX_VALUE / 4 + 1) + "us"));
        assertEquals("duration too long: '" + (Long.MAX_VALUE / 4 + 1) + "us'", longer.getMessage());
        assertEquals(1e6, Units.ratePerSecond("1000000/s"));
        assertEquals(1e6, Units.ratePerSecond("60000000/m"));
        IllegalArgumentException faster = assertThrows(IllegalArgumentException.class,
                () -> Units.ratePerSecond("60000001/m"));
        assertEquals("a rate above 1000000/s is not physically meaningful for one function (Lambda scales by 1,000 "
                + "environments per 10 s, each serving one request at a time), got '60000001/m'", faster.getMessage());
        String huge = "1" + "0".repeat(400) + "/s";
        // quoted short (the first 60 characters and its length): a megabyte's value was a megabyte of message
        assertEquals(RATE + ", got a number too large: '" + huge.substring(0, 60) + "...' (403 characters)",
                assertThrows(IllegalArgumentException.class, () -> Units.ratePerSecond(huge)).getMessage());
    }

    static Stream<Arguments> badEdits() {
        String event = "invocationType: Event";
        return Stream.of(
                row("first retry 0s", ASYNC + "async: { firstRetryInterval: 0s }\n",
                        "async.firstRetryInterval: must be > 0 and at most maxRetryInterval"),
                row("first retry above the maximum", ASYNC + "async: { firstRetryInterval: 61s, maxRetryInterval: 1m }\n",
                        "async.firstRetryInterval: must be > 0 and at most maxRetryInterval"),
                row("back-off factor just under 1", ASYNC + "async: { backoffFactor: 0.999 }\n",
                        "async.backoffFactor: expected a number from 1.0 to 10.0, got 0.999"),
                row("back-off factor just over 10", ASYNC + "async: { backoffFactor: 10.001 }\n",
                        "async.backoffFactor: expected a number from 1.0 to 10.0, got 10.001"),
                row("back-off factor in words", ASYNC + "async: { backoffFactor: double }\n",
                        "async.backoffFactor: expected a number from 1.0 to 10.0, got 'double'"),
                row("event age 1s over 6h", ASYNC.replace(event, event + "\n    eventInvokeConfig: { maximumEventAge: 21601s }"),
                        "functions[0].eventInvokeConfig.maximumEventAge: expected whole seconds from 60s to 6h "
                                + "(MaximumEventAgeInSeconds), got 21601s"),
                row("event age not whole seconds", ASYNC.replace(event, event + "\n    eventInvokeConfig: { maximumEventAge: 61500ms }"),
                        "functions[0].eventInvokeConfig.maximumEventAge: expected whole seconds from 60s to 6h "
                                + "(MaximumEventAgeInSeconds), got 61.5s"),
                row("an invoke config with an unknown key", ASYNC.replace(event, event + "\n    eventInvokeConfig: { retries: 1 }"),
                        "functions[0].eventInvokeConfig.retries: unknown key 'retries' (expected one of: "
                                + "maximumRetryAttempts, maximumEventAge, onFailure)"),
                row("a destination with an unknown key", ASYNC.replace(event, event + "\n    deadLetterConfig: { type: sqs, arn: x }"),
                        "functions[0].deadLetterConfig.arn: unknown key 'arn' (expected one of: type, "
                                + "deliveryFailureProbability)"),
                row("both configs on a synchronous function", GOOD + "    eventInvokeConfig: {}\n    deadLetterConfig: { type: sqs }\n",
                        "functions[0].eventInvokeConfig: applies to asynchronous invocations only: set invocationType: Event",
                        "functions[0].deadLetterConfig: applies to asynchronous invocations only: set invocationType: Event"),
                row("throttle retry 0s", SQS + "sqs: { throttleRetry: 0s }\n", "sqs.throttleRetry: must be > 0"),
                row("visibility 1s over 12h", SQS.replace("{ type: sqs }", "{ type: sqs, queue: { visibilityTimeout: 43201s } }"),
                        "functions[0].eventSourceMapping.queue.visibilityTimeout: expected 0s to 12h (SQS's limits), got "
                                + "43201s"),
                row("visibility 1ms under the timeout", SQS.replace("{ type: sqs }", "{ type: sqs, queue: { visibilityTimeout: 2999ms } }"),
                        "functions[0].eventSourceMapping.queue.visibilityTimeout: must be at least the function's timeout "
                                + "(3.0s): Lambda refuses the mapping otherwise; AWS recommends six times the timeout"),
                row("visibility 0s, within SQS's range but under the timeout",
                        SQS.replace("{ type: sqs }", "{ type: sqs, queue: { visibilityTimeout: 0s } }"),
                        "functions[0].eventSourceMapping.queue.visibilityTimeout: must be at least the function's timeout "
                                + "(3.0s): Lambda refuses the mapping otherwise; AWS recommends six times the timeout"),
                row("a mapping with an unknown key", SQS.replace("{ type: sqs }", "{ type: sqs, queueUrl: q }"),
                        "functions[0].eventSourceMapping.queueUrl: unknown key 'queueUrl' (expected one of: type, batchSize, "
                                + "maximumConcurrency, queue)"),
                row("a queue with an unknown key", SQS.replace("{ type: sqs }", "{ type: sqs, queue: { fifo: true } }"),
                        "functions[0].eventSourceMapping.queue.fifo: unknown key 'fifo' (expected one of: visibilityTimeout, "
                                + "maxReceiveCount, messageRetentionPeriod)"),
                row("a mapping that is not an object", SQS.replace("{ type: sqs }", "sqs"),
                        "functions[0].eventSourceMapping: expected an object (key: value pairs), got 'sqs'"),
                row("an error back-off factor over 1", SQS + "sqs: { errorBackoffFactor: 1.01 }\n",
                        "sqs.errorBackoffFactor: expected a number from 0.01 to 1.0, got 1.01"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEdits")
    void eachBadEditGivesExactlyItsProblems(String what, String yaml, List<String> expected) {
        new FieldRulesTest().eachBadEditGivesExactlyItsProblems(what, yaml, expected);
    }
}
