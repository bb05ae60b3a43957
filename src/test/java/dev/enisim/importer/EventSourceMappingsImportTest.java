package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.unwrapped;
import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.SqsConfig;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * r1 (a migrating architect): SQS triggers were never imported and nothing said so; `aws lambda
 * list-event-source-mappings` output given to --functions was refused only as "another command". With
 * --event-source-mappings an SQS queue's mapping becomes its function's eventSourceMapping (BatchSize,
 * ScalingConfig.MaximumConcurrency); other sources, disabled mappings and the batching window are said in the notes;
 * the header says that arrivals are direct synchronous calls otherwise (Event callers show in no export). Fixtures are
 * this project's own, in the AWS CLI's shapes.
 */
class EventSourceMappingsImportTest {

    @TempDir
    Path dir;

    private static String function(String name, int timeout) {
        return """
                {"FunctionName": "%s", "FunctionArn": "arn:aws:lambda:eu-west-1:123456789012:function:%s",
                 "Runtime": "python3.12", "MemorySize": 512, "Timeout": %d, "State": "Active",
                 "PackageType": "Zip", "Architectures": ["x86_64"]}""".formatted(name, name, timeout);
    }

    private static String mapping(String uuid, String source, String function, String state, String extra) {
        return """
                {"UUID": "%s", "BatchSize": 10, "MaximumBatchingWindowInSeconds": 0, "EventSourceArn": "%s",
                 "FunctionArn": "arn:aws:lambda:eu-west-1:123456789012:function:%s",
                 "LastModified": "2026-10-01T10:00:00+00:00", "State": "%s",
                 "StateTransitionReason": "USER_INITIATED", "FunctionResponseTypes": []%s}"""
                .formatted(uuid, source, function, state, extra);
    }

    static final String MAPPINGS = "{\"EventSourceMappings\": ["
            + mapping("6d9bce8e-836b-442c-8070-74e77903c815", "arn:aws:sqs:eu-west-1:123456789012:orders-queue",
                    "orders-worker", "Enabled", ", \"ScalingConfig\": {\"MaximumConcurrency\": 20}")
                    .replace("\"BatchSize\": 10, \"MaximumBatchingWindowInSeconds\": 0",
                            "\"BatchSize\": 25, \"MaximumBatchingWindowInSeconds\": 5")
            + ", " + mapping("a1b2c3d4-0000-4000-8000-000000000001",
                    "arn:aws:kinesis:eu-west-1:123456789012:stream/clicks", "clicks", "Enabled", "")
            + ", " + mapping("a1b2c3d4-0000-4000-8000-000000000002", "arn:aws:sqs:eu-west-1:123456789012:old-queue",
                    "billing", "Disabled", "")
            + "]}";

    private String importing(List<Path> mappings) throws Exception {
        Path functions = write(dir, "functions.json", "{\"Functions\": [" + function("orders-worker", 60) + ", "
                + function("clicks", 30) + ", " + function("billing", 30) + "]}");
        return Importer.run(new Importer.Inputs(List.of(write(dir, "subnets.json", "{\"Subnets\": []}")),
                List.of(functions), List.of(), List.of(), List.of()), new Importer.Options("esm", 600, 0, 0, false),
                new Importer.Extra(Map.of(), List.of(), Map.of(), mappings)).yaml();
    }

    @Test
    void anSqsMappingBecomesTheFunctionsEventSourceMappingAndTheRestIsSaid() throws Exception {
        String yaml = importing(List.of(write(dir, "esm.json", MAPPINGS)));
        Scenario s = ScenarioLoader.parse(yaml, "esm");
        Map<String, Scenario.Function> byName = new java.util.TreeMap<>();
        s.functions().forEach(f -> byName.put(f.name(), f));
        SqsConfig q = byName.get("orders-worker").sqs().orElseThrow();
        assertEquals(25, q.batchSize(), yaml);
        assertEquals(20, q.maximumConcurrency(), yaml);
        assertEquals(60_000_000L, q.visibilityTimeoutMicros(), "at least the function's timeout, as Lambda requires");
        assertTrue(yaml.contains("    eventSourceMapping: { type: sqs, batchSize: 25, maximumConcurrency: 20, queue: {"
                + " visibilityTimeout: 1m } }   # placeholder: visibilityTimeout; queue orders-queue"
                + " (list-event-source-mappings, "), yaml);
        assertTrue(byName.get("clicks").sqs().isEmpty(), yaml);
        assertTrue(byName.get("billing").sqs().isEmpty(), yaml);
        String text = unwrapped(yaml);
        assertTrue(text.contains("left out: its source arn:aws:kinesis:eu-west-1:123456789012:stream/clicks is not an"
                + " SQS queue, and enisim models SQS mappings only"), text);
        assertTrue(text.contains("of billing left out: its State is Disabled, so Lambda does not poll queue"), text);
        assertTrue(text.contains("orders-worker: its SQS mapping's MaximumBatchingWindowInSeconds, 5, is not"
                + " modelled"), text);
        assertTrue(text.contains("SQS triggers from list-event-source-mappings are imported"), text);
    }

    @Test
    void withoutItTheHeaderSaysArrivalsAreDirectSynchronousCalls() throws Exception {
        String text = unwrapped(importing(List.of()));
        assertTrue(text.contains("functions[*].invocationType: RequestResponse: every function's arrivals are direct"
                + " synchronous calls, as asynchronous (Event) callers (S3, SNS, EventBridge) show in none of these"
                + " exports, nor SQS triggers without --event-source-mappings"), text);
        assertFalse(text.contains("eventSourceMapping:"), text);
    }

    @Test
    void givenToFunctionsItIsNamedWithTheOptionThatTakesIt() throws Exception {
        Path esm = write(dir, "esm.json", MAPPINGS);
        ScenarioException e = assertThrows(ScenarioException.class, () -> Importer.scenario(new Importer.Inputs(
                List.of(write(dir, "subnets.json", "{\"Subnets\": []}")), List.of(esm), List.of(), List.of(),
                List.of()), "t", 600));
        assertTrue(e.getMessage().contains("this file holds 'EventSourceMappings', as `aws lambda"
                + " list-event-source-mappings` prints: give it with --event-source-mappings"), e.getMessage());
    }

    @Test
    void badValuesAreProblemsAtOnce() throws Exception {
        Path esm = write(dir, "bad.json", "{\"EventSourceMappings\": [" + mapping("u1",
                "arn:aws:sqs:eu-west-1:123456789012:q", "orders-worker", "Paused",
                ", \"ScalingConfig\": {\"MaximumConcurrency\": 1}").replace("\"BatchSize\": 10", "\"BatchSize\": 0")
                + "]}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> importing(List.of(esm)));
        String m = e.getMessage();
        assertTrue(m.contains("EventSourceMappings[0].State: expected one of Creating, Enabling, Enabled, Disabling,"
                + " Disabled, Updating, Deleting, got 'Paused'"), m);
        assertTrue(m.contains("EventSourceMappings[0].BatchSize"), m);
        assertTrue(m.contains("EventSourceMappings[0].ScalingConfig.MaximumConcurrency"), m);
    }
}
