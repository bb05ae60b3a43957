package dev.enisim.metrics;

import dev.enisim.model.Outcome;
import dev.enisim.model.SqsListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Observes SQS event source mappings: per function fed by a queue, per time bucket, SQS's NumberOfMessagesSent,
 * NumberOfMessagesDeleted (sums), ApproximateNumberOfMessagesVisible and ApproximateAgeOfOldestMessage (maxima,
 * the age kept in microseconds and shown in whole seconds), the poller's concurrent batches and the messages redriven to the queue's DLQ; and the
 * summary's {@code sqs} section (with the messages SQS deleted past the queue's retention period). Memory grows
 * with functions and buckets, not with messages.
 */
public final class SqsRecorder implements SqsListener, Bucketed {

    /** The series in the order of a track's values: the catalogue's SQS group. */
    private static final List<Metric> METRICS = Metric.of(Metric.Group.SQS);

    private final BucketGrid grid;
    private final int buckets;
    private final List<String> names = new ArrayList<>();
    private final Map<Integer, Track> tracks = new LinkedHashMap<>();
    private Track[] byFunction;
    /** The bucket begun last by {@link #crossTo} (the one crossing, {@link Observers}). */
    private int bucket;

    public SqsRecorder(long durationMicros, long bucketMicros) {
        this.grid = new BucketGrid(durationMicros, bucketMicros);
        this.buckets = grid.count();
    }

    /** Binds to the run's functions (by index) and marks which an SQS queue feeds. */
    public void attach(List<String> functionNames, boolean[] fed) {
        names.addAll(functionNames);
        byFunction = new Track[functionNames.size()];
        for (int i = 0; i < byFunction.length; i++) {
            if (fed[i]) {
                byFunction[i] = new Track(buckets);
                tracks.put(i, byFunction[i]);
            }
        }
    }

    private int bucket(long now) {
        return grid.of(now);
    }

    @Override
    public void sent(int function, long nowMicros) {
        sentIn(function, bucket(nowMicros));
    }

    /** As {@link #sent}, in the bucket begun last ({@link #crossTo}). */
    void sentNow(int function) {
        sentIn(function, bucket);
    }

    private void sentIn(int function, int b) {
        Track t = byFunction[function];
        t.sent++;
        t.values[0][b]++;
    }

    @Override
    public void deleted(int function, int messages, long nowMicros) {
        deletedIn(function, messages, bucket(nowMicros));
    }

    /** As {@link #deleted}, in the bucket begun last ({@link #crossTo}). */
    void deletedNow(int function, int messages) {
        deletedIn(function, messages, bucket);
    }

    private void deletedIn(int function, int messages, int b) {
        Track t = byFunction[function];
        t.deleted += messages;
        t.values[1][b] += messages;
    }

    @Override
    public void batchFailed(int function, Outcome outcome, long nowMicros) {
        Track t = byFunction[function];
        switch (outcome.kind()) {
            case FUNCTION_ERROR -> t.functionErrorBatches++;
            case THROTTLE -> t.throttledAttempts++;
            default -> t.invokeErrorBatches++;
        }
    }

    @Override
    public void visibilityExpired(int function, int returned, int toDeadLetterQueue, long nowMicros) {
        visibilityExpiredIn(function, returned, toDeadLetterQueue, bucket(nowMicros));
    }

    /** As {@link #visibilityExpired}, in the bucket begun last ({@link #crossTo}). */
    void visibilityExpiredNow(int function, int returned, int toDeadLetterQueue) {
        visibilityExpiredIn(function, returned, toDeadLetterQueue, bucket);
    }

    private void visibilityExpiredIn(int function, int returned, int toDeadLetterQueue, int b) {
        Track t = byFunction[function];
        t.returned += returned;
        t.redriven += toDeadLetterQueue;
        t.values[5][b] += toDeadLetterQueue;
    }

    @Override
    public void expired(int function, int messages, long nowMicros) {
        byFunction[function].expired += messages;
    }

    @Override
    public void queue(int function, int visible, long oldestAgeMicros, int batches, int target, long nowMicros) {
        queueIn(function, visible, oldestAgeMicros, batches, bucket(nowMicros));
    }

    /** As {@link #queue}, in the bucket begun last ({@link #crossTo}). */
    void queueNow(int function, int visible, long oldestAgeMicros, int batches) {
        queueIn(function, visible, oldestAgeMicros, batches, bucket);
    }

    private void queueIn(int function, int visible, long oldestAgeMicros, int batches, int b) {
        Track t = byFunction[function];
        max(t.values[2], b, visible);
        max(t.values[3], b, oldestAgeMicros); // kept in microseconds: the outputs show whole seconds
        max(t.values[4], b, batches);
        t.visible = visible;
        t.batches = batches;
        t.peakBatches = Math.max(t.peakBatches, batches);
        t.peakVisible = Math.max(t.peakVisible, visible);
        t.maxAgeMicros = Math.max(t.maxAgeMicros, oldestAgeMicros);
    }

    @Override
    public boolean sameBuckets(BucketGrid other) {
        return grid.sameAs(other);
    }

    /** Begins {@code b}: the series are counts and maxima within a bucket, nothing to carry. */
    @Override
    public void crossTo(int b) {
        bucket = b;
    }

    private static void max(long[] v, int b, long x) {
        if (x > v[b]) {
            v[b] = x;
        }
    }

    /**
     * The warm-up ends ({@code --warm-up}): the summary's counts start again, each from here on counted where the
     * event source tells it (a message's send, a batch's deletion, failure or return, an expiry), the messages visible
     * and in batches now carried as {@code visibleAtWarmUp} and {@code inFlightAtWarmUp}; the peaks start from the
     * levels now, the oldest message's age from the ages told after it. The series are untouched.
     */
    void warmUpEnds() {
        for (Track t : tracks.values()) {
            long inFlight = t.carried + t.sent - t.deleted - t.redriven - t.expired - t.visible;
            t.visibleAtWarmUp = t.visible;
            t.inFlightAtWarmUp = inFlight;
            t.carried = t.visible + inFlight;
            t.warmedUp = true;
            t.sent = 0;
            t.deleted = 0;
            t.redriven = 0;
            t.expired = 0;
            t.returned = 0;
            t.functionErrorBatches = 0;
            t.invokeErrorBatches = 0;
            t.throttledAttempts = 0;
            t.peakBatches = t.batches;
            t.peakVisible = t.visible;
            t.maxAgeMicros = 0;
        }
    }

    /** The SQS series per function fed by a queue (none without one). */
    public List<Series> series() {
        List<Series> out = new ArrayList<>();
        for (Map.Entry<Integer, Track> e : tracks.entrySet()) {
            for (int m = 0; m < METRICS.size(); m++) {
                out.add(METRICS.get(m).series(Metric.Scope.FUNCTION, names.get(e.getKey()),
                        e.getValue().values[m].clone()));
            }
        }
        return out;
    }

    /** The summary's {@code sqs} section; null when no function has a queue. */
    public Map<String, RunSummary.SqsSummary> summary() {
        if (tracks.isEmpty()) {
            return null;
        }
        Map<String, RunSummary.SqsSummary> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, Track> e : tracks.entrySet()) {
            Track t = e.getValue();
            out.put(names.get(e.getKey()), new RunSummary.SqsSummary(t.sent, t.deleted, t.redriven, t.expired,
                    t.returned, t.functionErrorBatches, t.invokeErrorBatches, t.throttledAttempts, t.visible,
                    t.carried + t.sent - t.deleted - t.redriven - t.expired - t.visible, t.peakBatches, t.peakVisible,
                    Seconds.of(t.maxAgeMicros), t.warmedUp ? t.visibleAtWarmUp : null,
                    t.warmedUp ? t.inFlightAtWarmUp : null));
        }
        return out;
    }

    private static final class Track {
        final long[][] values;
        long sent;
        long deleted;
        long redriven;
        long expired;
        long returned;
        long functionErrorBatches;
        long invokeErrorBatches;
        long throttledAttempts;
        long visible;
        long batches;
        long peakBatches;
        long peakVisible;
        long maxAgeMicros;
        /** The messages visible and in batches at the warm-up's end (0 without one: {@link #warmUpEnds}). */
        long carried;
        long visibleAtWarmUp;
        long inFlightAtWarmUp;
        boolean warmedUp;

        Track(int buckets) {
            values = new long[METRICS.size()][buckets];
        }
    }
}
