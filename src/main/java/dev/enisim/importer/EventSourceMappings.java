package dev.enisim.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code aws lambda list-event-source-mappings} (or {@code get-event-source-mapping}) output, given with
 * {@code --event-source-mappings} (r1: SQS triggers were never imported, and nothing said so): an SQS queue's mapping
 * becomes its function's {@code eventSourceMapping} (BatchSize, ScalingConfig.MaximumConcurrency); mappings of other
 * sources (streams, Kafka, MQ), disabled ones and a function's second queue are said in the notes and left out, as
 * the model has SQS mappings only, one queue per function.
 */
final class EventSourceMappings {

    static final String COMMAND = "aws lambda list-event-source-mappings";

    /** An SQS mapping as imported: where it was read, for the scenario's comment. */
    record Sqs(String queueArn, long batchSize, Long maximumConcurrency, String state, long batchingWindowSeconds,
            String from) {

        /** The queue's name: the ARN's last part. */
        String queue() {
            return queueArn.substring(queueArn.lastIndexOf(':') + 1);
        }
    }

    /** Lambda's mapping states (EventSourceMappingConfiguration.State). */
    private static final List<String> STATES = List.of("Creating", "Enabling", "Enabled", "Disabling", "Disabled",
            "Updating", "Deleting");
    /** States whose mapping does not poll its queue (or will not: being disabled or deleted). */
    private static final Set<String> NOT_POLLING = Set.of("Disabling", "Disabled", "Deleting");

    private EventSourceMappings() {
    }

    static void read(Account a, Path file, boolean functionsComplete) throws ScenarioException {
        a.mappingsGiven = true;
        List<CliJson> docs = CliJson.readAll(file, COMMAND);
        List<Runnable> found = new ArrayList<>(); // applied once the whole file is free of problems
        for (CliJson j : docs) {
            if (!j.root.has("EventSourceMappings") && j.root.has("UUID") && j.root.has("EventSourceArn")) {
                mapping(a, j, j.root, "", file, functionsComplete, found); // get-event-source-mapping: one
                continue;
            }
            List<JsonNode> list = j.list("EventSourceMappings", COMMAND);
            for (int i = 0; i < list.size(); i++) {
                mapping(a, j, list.get(i), "EventSourceMappings[" + i + "]", file, functionsComplete, found);
            }
        }
        docs.get(0).throwIfProblems();
        found.forEach(Runnable::run);
    }

    private static void mapping(Account a, CliJson j, JsonNode m, String p, Path file, boolean functionsComplete,
            List<Runnable> found) {
        String source = j.text(m, p, "EventSourceArn", false);
        String functionArn = j.text(m, p, "FunctionArn", true);
        String state = j.text(m, p, "State", false);
        Long batch = j.integer(m, p, "BatchSize", false, 1, 10_000);
        Long window = j.integer(m, p, "MaximumBatchingWindowInSeconds", false, 0, 300);
        JsonNode scaling = m.get("ScalingConfig");
        Long max = scaling == null || scaling.isNull() ? null
                : j.integer(scaling, CliJson.join(p, "ScalingConfig"), "MaximumConcurrency", false, 2, 1000);
        if (state != null && !STATES.contains(state)) {
            j.problem(CliJson.join(p, "State"), "expected one of " + String.join(", ", STATES) + ", got "
                    + Problem.quote(state));
        }
        String[] parts = functionArn == null ? new String[0] : functionArn.split(":", -1);
        if (functionArn != null && (parts.length < 7 || !parts[0].equals("arn") || !parts[5].equals("function"))) {
            j.problem(CliJson.join(p, "FunctionArn"), "expected a function ARN like"
                    + " arn:aws:lambda:eu-west-1:123456789012:function:NAME, got " + Problem.quote(functionArn));
            return;
        }
        if (functionArn == null) {
            return;
        }
        // the function of that name in the ARN's account: labelled <account>:<name> when several accounts have it
        String label = dev.enisim.scenario.FunctionLabels.qualified(parts[4], parts[6]);
        String fn = a.functions.containsKey(label) ? label : parts[6];
        String where = "event source mapping " + j.text(m, p, "UUID", false) + " (" + file + ", " + j.at(p) + ")";
        String sqsArn = source != null && source.startsWith("arn:") && source.split(":").length >= 6
                && source.split(":")[2].equals("sqs") ? source : null;
        found.add(() -> {
            if (!a.functions.containsKey(fn)) {
                if (functionsComplete) {
                    a.notes.add(where + " left out: its function " + fn + " is in no --functions file");
                }
                return;
            }
            if (sqsArn == null) {
                a.notes.add(where + " of " + fn + " left out: its source " + (source == null ? "(none named)"
                        : source) + " is not an SQS queue, and enisim models SQS mappings only: " + fn + "'s"
                        + " invocations are imported as direct synchronous calls");
                return;
            }
            if (state != null && NOT_POLLING.contains(state)) {
                a.notes.add(where + " of " + fn + " left out: its State is " + state + ", so Lambda does not poll"
                        + " queue " + sqsArn);
                return;
            }
            Sqs before = a.sqs.get(fn);
            if (before != null) {
                a.notes.add(where + " left out: " + fn + " has an SQS mapping already (queue " + before.queue()
                        + "), and enisim models one queue per function: its traffic is the CloudWatch Invocations"
                        + " of both");
                return;
            }
            a.sqs.put(fn, new Sqs(sqsArn, batch == null ? 10 : batch, max, state, window == null ? 0 : window,
                    file.toString()));
            if (window != null && window > 0) {
                a.notes.add(fn + ": its SQS mapping's MaximumBatchingWindowInSeconds, " + window + ", is not"
                        + " modelled: the run's poller takes what is visible at once (scenarios/README.md, SQS"
                        + " event source mappings)");
            }
            if (sqsArn.endsWith(".fifo")) {
                a.notes.add(fn + ": queue " + sqsArn + " is a FIFO queue, which enisim does not model: imported as a"
                        + " standard queue");
            }
            if (state != null && !state.equals("Enabled")) {
                a.notes.add(fn + ": its SQS mapping was " + state + " when saved: imported as Enabled");
            }
            if (parts.length > 7) {
                a.notes.add(fn + ": its SQS mapping invokes qualifier " + parts[7] + "; enisim has no qualifiers,"
                        + " so it feeds the function");
            }
        });
    }
}
