package dev.enisim.scenario;

import dev.enisim.model.SqsConfig;
import java.util.Optional;

/**
 * Reads a function's {@code eventSourceMapping} (an SQS queue feeding it) and the scenario's {@code sqs} block of
 * the poller's scaling figures and assumptions (read once, shared by every mapping).
 */
final class SqsReader {

    /** A function's mapping: empty without one; {@code ok} false when it had problems. */
    record Read(Optional<SqsConfig> config, boolean ok) {
    }

    private static final long SEC = ScenarioLoader.SEC;

    private final int initialBatches;
    private final int scaleUpPerMinute;
    private final int maxBatches;
    private final double errorBackoffFactor;
    private final long throttleRetryMicros;
    private final long errorBackoffIntervalMicros;
    private final int minBatches;
    private final boolean blockOk;

    SqsReader(Fields root) {
        Fields s = root.object("sqs");
        if (s == null) {
            s = root.child("sqs");
        }
        int before = root.problemCount();
        s.allowOnly("initialBatches", "scaleUpPerMinute", "maxBatches", "errorBackoffFactor", "throttleRetry",
                "errorBackoffInterval", "minBatches");
        initialBatches = (int) s.integer("initialBatches", Defaults.SQS_INITIAL_BATCHES, 1, 10_000);
        scaleUpPerMinute = (int) s.integer("scaleUpPerMinute", Defaults.SQS_SCALE_UP_PER_MINUTE, 1, 60_000_000);
        maxBatches = (int) s.integer("maxBatches", Defaults.SQS_MAX_BATCHES, 1, 100_000);
        errorBackoffFactor = AsyncReader.number(s, "errorBackoffFactor", Defaults.SQS_ERROR_BACKOFF_FACTOR, 0.01,
                1);
        throttleRetryMicros = s.duration("throttleRetry", Defaults.SQS_THROTTLE_RETRY_MICROS);
        if (throttleRetryMicros <= 0) {
            s.problem("throttleRetry", "must be > 0");
        }
        errorBackoffIntervalMicros = s.duration("errorBackoffInterval", Defaults.SQS_ERROR_BACKOFF_INTERVAL_MICROS);
        if (errorBackoffIntervalMicros <= 0) {
            s.problem("errorBackoffInterval", "must be > 0");
        }
        minBatches = (int) s.integer("minBatches", Defaults.SQS_MIN_BATCHES, 1, 100_000);
        blockOk = root.problemCount() == before;
    }

    /** {@code eventSourceMapping: {type: sqs, batchSize, maximumConcurrency, queue: {visibilityTimeout, maxReceiveCount,
     * messageRetentionPeriod}}}. */
    Read read(Fields f, long functionTimeoutMicros, boolean asynchronous) {
        Fields m = f.object("eventSourceMapping");
        if (m == null) {
            return new Read(Optional.empty(), !f.has("eventSourceMapping"));
        }
        int before = f.problemCount();
        if (asynchronous) {
            f.problem("eventSourceMapping", "a function fed by an SQS event source mapping is invoked by the poller"
                    + " (synchronously): leave invocationType out");
        }
        m.allowOnly("type", "batchSize", "maximumConcurrency", "queue");
        String type = m.requireText("type");
        if (type != null && !type.equals("sqs")) {
            m.problem("type", "expected sqs (a standard queue; streams are not modelled), got " + Problem.quote(type));
        }
        int batchSize = (int) m.integer("batchSize", Defaults.SQS_BATCH_SIZE, 1, 10_000);
        int maximumConcurrency = (int) m.integer("maximumConcurrency", Defaults.SQS_MAXIMUM_CONCURRENCY, 2, 1000);
        Fields q = m.object("queue");
        if (q == null) {
            q = m.child("queue");
        }
        q.allowOnly("visibilityTimeout", "maxReceiveCount", "messageRetentionPeriod");
        long visibility = q.duration("visibilityTimeout", Defaults.SQS_VISIBILITY_TIMEOUT_MICROS);
        if (visibility < 0 || visibility > 12 * 3600 * SEC) {
            q.problem("visibilityTimeout", "expected 0s to 12h (SQS's limits), got " + Units.given(visibility));
        } else if (visibility < functionTimeoutMicros) {
            q.problem("visibilityTimeout", "must be at least the function's timeout (" + functionTimeoutMicros / 1e6
                    + "s): Lambda refuses the mapping otherwise; AWS recommends six times the timeout");
        }
        int maxReceiveCount = (int) q.integer("maxReceiveCount", 0, 1, 1000);
        long retention = q.duration("messageRetentionPeriod", Defaults.SQS_MESSAGE_RETENTION_PERIOD_MICROS);
        if (retention < 60 * SEC || retention > 14 * 86_400 * SEC) {
            q.problem("messageRetentionPeriod", "expected 60s to 14d (SQS's limits), got " + Units.given(retention));
        }
        boolean ok = f.problemCount() == before && blockOk;
        return new Read(Optional.of(new SqsConfig(batchSize, maximumConcurrency, visibility, maxReceiveCount,
                initialBatches, scaleUpPerMinute, maxBatches, errorBackoffFactor, throttleRetryMicros,
                errorBackoffIntervalMicros, retention, minBatches)), ok);
    }
}
