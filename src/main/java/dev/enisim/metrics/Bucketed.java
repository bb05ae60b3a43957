package dev.enisim.metrics;

/**
 * Series cut into a run's time buckets that {@link Observers} crosses, all of them at once: every observer with
 * buckets (the recorder's, the latency recorder's, the levels', the NAT, provisioned, accounts', asynchronous and SQS
 * recorders'). Crossed into a bucket, a series' writes that take no instant land in it and test no edge of their own
 * (the "now" calls); its own listener methods, used on their own, still cross their own buckets at their own calls.
 */
interface Bucketed {

    /** Whether these series cut the run into {@code grid}'s buckets (the one crossing refuses others). */
    boolean sameBuckets(BucketGrid grid);

    /**
     * Begins {@code bucket}, a later one than the series': closes what they hold of theirs and carries their levels
     * through the buckets passed. The same figures whenever it comes before the series' next change in {@code bucket}.
     */
    void crossTo(int bucket);
}
