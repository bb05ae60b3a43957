package dev.enisim.model;

/**
 * An SQS event source mapping (standard queue) and its queue, with the poller's documented scaling and the
 * assumptions about its back-off.
 *
 * @param batchSize                 messages per batch, 1-10,000 [doc]
 * @param maximumConcurrency        ScalingConfig.MaximumConcurrency, 2-1,000 [doc]; 1,000 when not set
 * @param visibilityTimeoutMicros   the queue's visibility timeout: a received message reappears after it unless
 *                                  deleted [doc: SQS]
 * @param maxReceiveCount           the queue's redrive policy: a message received this many times goes to the
 *                                  queue's dead-letter queue instead of reappearing; 0 = no redrive [doc: SQS]
 * @param initialBatches            concurrent batches when messages appear: 5 [doc]
 * @param scaleUpPerMinute          more concurrent batches per minute while messages remain: 300 [doc]
 * @param maxBatches                the most concurrent batches of a mapping: 1,000 [doc]
 * @param errorBackoffFactor        concurrency kept after a failed batch, at most once per errorBackoffInterval
 *                                  [assumed 0.5]
 * @param throttleRetryMicros       first wait before re-invoking a throttled batch, doubling [assumed 1 s]
 * @param errorBackoffIntervalMicros the least time between two back-offs after failed batches [assumed 1 min]
 * @param messageRetentionPeriodMicros the queue's MessageRetentionPeriod: SQS deletes a message this long after it
 *                                  was sent, wherever it is [doc: SQS; 60 s to 14 days, 4 days by default]
 * @param minBatches                the fewest concurrent batches a back-off leaves the poller: 2 [assumed: AWS's
 *                                  "can optimize to as few as 2 concurrent batches" (services-sqs-scaling.html) is
 *                                  about low traffic, not errors; MaximumConcurrency's least value is 2 too]
 */
public record SqsConfig(int batchSize, int maximumConcurrency, long visibilityTimeoutMicros, int maxReceiveCount,
        int initialBatches, int scaleUpPerMinute, int maxBatches, double errorBackoffFactor,
        long throttleRetryMicros, long errorBackoffIntervalMicros, long messageRetentionPeriodMicros,
        int minBatches) {

    /** The fewest concurrent batches when a scenario does not say: 2 [doc]. */
    public static final int DEFAULT_MIN_BATCHES = 2;

    /** As the canonical constructor, with the documented fewest concurrent batches (2). */
    public SqsConfig(int batchSize, int maximumConcurrency, long visibilityTimeoutMicros, int maxReceiveCount,
            int initialBatches, int scaleUpPerMinute, int maxBatches, double errorBackoffFactor,
            long throttleRetryMicros, long errorBackoffIntervalMicros, long messageRetentionPeriodMicros) {
        this(batchSize, maximumConcurrency, visibilityTimeoutMicros, maxReceiveCount, initialBatches,
                scaleUpPerMinute, maxBatches, errorBackoffFactor, throttleRetryMicros, errorBackoffIntervalMicros,
                messageRetentionPeriodMicros, DEFAULT_MIN_BATCHES);
    }

    /** The least time between two back-offs when a scenario does not say: a minute [assumed]. */
    public static final long DEFAULT_ERROR_BACKOFF_INTERVAL_MICROS = 60_000_000L;

    /** SQS's default MessageRetentionPeriod: 345,600 s (4 days) [doc: SQS]. */
    public static final long DEFAULT_MESSAGE_RETENTION_PERIOD_MICROS = 345_600L * 1_000_000L;

    /** As the canonical constructor, with SQS's default retention period (4 days). */
    public SqsConfig(int batchSize, int maximumConcurrency, long visibilityTimeoutMicros, int maxReceiveCount,
            int initialBatches, int scaleUpPerMinute, int maxBatches, double errorBackoffFactor,
            long throttleRetryMicros, long errorBackoffIntervalMicros) {
        this(batchSize, maximumConcurrency, visibilityTimeoutMicros, maxReceiveCount, initialBatches,
                scaleUpPerMinute, maxBatches, errorBackoffFactor, throttleRetryMicros, errorBackoffIntervalMicros,
                DEFAULT_MESSAGE_RETENTION_PERIOD_MICROS);
    }

    /** As the canonical constructor, with the default back-off interval (a minute) and retention period (4 days). */
    public SqsConfig(int batchSize, int maximumConcurrency, long visibilityTimeoutMicros, int maxReceiveCount,
            int initialBatches, int scaleUpPerMinute, int maxBatches, double errorBackoffFactor,
            long throttleRetryMicros) {
        this(batchSize, maximumConcurrency, visibilityTimeoutMicros, maxReceiveCount, initialBatches,
                scaleUpPerMinute, maxBatches, errorBackoffFactor, throttleRetryMicros,
                DEFAULT_ERROR_BACKOFF_INTERVAL_MICROS);
    }

    /** The most concurrent batches: the documented maximum, or MaximumConcurrency when lower. */
    public int cap() {
        return Math.min(maxBatches, maximumConcurrency);
    }
}
