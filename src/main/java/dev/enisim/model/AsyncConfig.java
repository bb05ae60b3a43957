package dev.enisim.model;

/**
 * A function's asynchronous invocation configuration (FunctionEventInvokeConfig) and the queue's assumptions.
 *
 * @param maximumRetryAttempts           retries of function errors, 0-2 [doc]
 * @param maximumEventAgeMicros          MaximumEventAgeInSeconds, 60 s - 6 h [doc]
 * @param onFailureDestination           an on-failure destination is configured
 * @param destinationFailureProbability  chance a delivery to it fails [assumed, default 0]
 * @param deadLetterQueue                a dead-letter queue is configured
 * @param deadLetterFailureProbability   chance a delivery to it fails [assumed, default 0]
 * @param firstRetryMicros               first throttle / system-error retry interval (1 s) [doc]
 * @param maxRetryMicros                 longest interval (5 min) [doc]
 * @param backoffFactor                  growth of the interval per retry [assumed, default 2]
 * @param retryPending                   a 409 (function being created) is retried as a system error instead
 *                                       of refusing the event [assumed, default false]
 */
public record AsyncConfig(int maximumRetryAttempts, long maximumEventAgeMicros, boolean onFailureDestination,
        double destinationFailureProbability, boolean deadLetterQueue, double deadLetterFailureProbability,
        long firstRetryMicros, long maxRetryMicros, double backoffFactor, boolean retryPending) {
}
