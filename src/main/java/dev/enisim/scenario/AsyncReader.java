package dev.enisim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.model.AsyncConfig;
import java.util.List;
import java.util.Optional;

/**
 * Reads a function's {@code invocationType}, {@code eventInvokeConfig} and {@code deadLetterConfig}, and the
 * scenario's {@code async} block of assumptions about Lambda's event queue (read once, shared by every function).
 */
final class AsyncReader {

    /** A function's asynchronous configuration: empty for RequestResponse; {@code ok} false when it had problems. */
    record Read(Optional<AsyncConfig> config, boolean ok) {
    }

    private static final long SEC = ScenarioLoader.SEC;
    private static final List<String> DESTINATIONS = List.of("sqs", "sns", "eventbridge", "lambda");
    private static final List<String> DEAD_LETTER_TARGETS = List.of("sqs", "sns");

    private final long firstRetryMicros;
    private final long maxRetryMicros;
    private final double backoffFactor;
    private final boolean retryPending;
    private final boolean queueOk;

    /** Reads the scenario's {@code async} block (all defaults when absent). */
    AsyncReader(Fields root) {
        Fields a = root.object("async");
        if (a == null) {
            a = root.child("async");
        }
        int before = root.problemCount();
        a.allowOnly("firstRetryInterval", "maxRetryInterval", "backoffFactor", "onPending");
        firstRetryMicros = a.duration("firstRetryInterval", Defaults.ASYNC_FIRST_RETRY_MICROS);
        maxRetryMicros = a.duration("maxRetryInterval", Defaults.ASYNC_MAX_RETRY_MICROS);
        if (firstRetryMicros <= 0 || firstRetryMicros > maxRetryMicros) {
            a.problem("firstRetryInterval", "must be > 0 and at most maxRetryInterval");
        }
        backoffFactor = number(a, "backoffFactor", Defaults.ASYNC_BACKOFF_FACTOR, 1, 10);
        String pending = a.text("onPending", "reject");
        if (!pending.equals("reject") && !pending.equals("retry")) {
            a.problem("onPending", "expected 'reject' (the Invoke call returns ResourceConflictException and nothing"
                    + " is queued) or 'retry' (queued and retried as a system error), got " + Problem.quote(pending));
        }
        retryPending = pending.equals("retry");
        queueOk = root.problemCount() == before;
    }

    /** One function's asynchronous configuration. */
    Read read(Fields f) {
        String type = f.text("invocationType", "RequestResponse");
        boolean event = type.equals("Event");
        if (!event && !type.equals("RequestResponse")) {
            f.problem("invocationType", "expected RequestResponse (synchronous, the default) or Event"
                    + " (asynchronous: Lambda's event queue with retries), got " + Problem.quote(type));
            return new Read(Optional.empty(), false);
        }
        if (!event) {
            boolean ok = true;
            for (String k : List.of("eventInvokeConfig", "deadLetterConfig")) {
                if (f.has(k)) {
                    f.problem(k, "applies to asynchronous invocations only: set invocationType: Event");
                    ok = false;
                }
            }
            return new Read(Optional.empty(), ok);
        }
        int before = f.problemCount();
        Fields c = f.object("eventInvokeConfig");
        if (c == null) {
            c = f.child("eventInvokeConfig");
        }
        c.allowOnly("maximumRetryAttempts", "maximumEventAge", "onFailure");
        int retries = (int) c.integer("maximumRetryAttempts", Defaults.ASYNC_MAXIMUM_RETRY_ATTEMPTS, 0, 2);
        long age = c.duration("maximumEventAge", Defaults.ASYNC_MAXIMUM_EVENT_AGE_MICROS);
        if (age < 60 * SEC || age > 21_600 * SEC || age % SEC != 0) {
            c.problem("maximumEventAge", "expected whole seconds from 60s to 6h (MaximumEventAgeInSeconds), got "
                    + Units.given(age));
        }
        Target onFailure = target(c, "onFailure", DESTINATIONS);
        Target dlq = target(f, "deadLetterConfig", DEAD_LETTER_TARGETS);
        boolean ok = f.problemCount() == before && queueOk;
        return new Read(Optional.of(new AsyncConfig(retries, age, onFailure != null, onFailure == null ? 0
                : onFailure.failureProbability, dlq != null, dlq == null ? 0 : dlq.failureProbability,
                firstRetryMicros, maxRetryMicros, backoffFactor, retryPending)), ok);
    }

    private record Target(double failureProbability) {
    }

    /** {@code {type: sqs, deliveryFailureProbability: 0}}; null when absent. */
    private static Target target(Fields parent, String name, List<String> types) {
        Fields t = parent.object(name);
        if (t == null) {
            return null;
        }
        t.allowOnly("type", "deliveryFailureProbability");
        String type = t.requireText("type");
        if (type != null && !types.contains(type)) {
            t.problem("type", "expected one of " + types + ", got " + Problem.quote(type));
        }
        return new Target(number(t, "deliveryFailureProbability", Defaults.DELIVERY_FAILURE_PROBABILITY, 0, 1));
    }

    /** A number in [min, max]; {@code dflt} when absent or bad. */
    static double number(Fields f, String name, double dflt, double min, double max) {
        if (!f.has(name)) {
            return dflt;
        }
        JsonNode n = f.json().get(name);
        if (!n.isNumber() || n.asDouble() < min || n.asDouble() > max) {
            f.problem(name, "expected a number from " + min + " to " + max + ", got " + Fields.describe(n));
            return dflt;
        }
        return n.asDouble();
    }
}
