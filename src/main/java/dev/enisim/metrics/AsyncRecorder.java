package dev.enisim.metrics;

import dev.enisim.model.AsyncDrop;
import dev.enisim.model.AsyncListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Observes Lambda's asynchronous event queue: per asynchronous function, per time bucket, the CloudWatch metrics
 * AsyncEventsReceived, AsyncEventsDropped, DeadLetterErrors, DestinationDeliveryFailures (sums) and
 * AsyncEventAge (maximum, kept in microseconds and shown in whole milliseconds), plus the events waiting in the queue; and the summary's {@code async} section.
 * Memory grows with functions and buckets, not with events.
 */
public final class AsyncRecorder implements AsyncListener, Bucketed {

    private final BucketGrid grid;
    private final int buckets;
    private final List<String> names = new ArrayList<>();
    private final Map<Integer, Track> tracks = new LinkedHashMap<>();
    private Track[] byFunction;
    private Gauge accountQueued;
    private long queuedNow;
    /** The bucket begun last by {@link #crossTo} (the one crossing, {@link Observers}). */
    private int bucket;

    public AsyncRecorder(long durationMicros, long bucketMicros) {
        this.grid = new BucketGrid(durationMicros, bucketMicros);
        this.buckets = grid.count();
    }

    /** Binds to the run's functions (by index) and marks which are invoked asynchronously. */
    public void attach(List<String> functionNames, boolean[] asynchronous) {
        names.addAll(functionNames);
        byFunction = new Track[functionNames.size()];
        accountQueued = new Gauge(buckets, true, 0);
        for (int i = 0; i < byFunction.length; i++) {
            if (asynchronous[i]) {
                byFunction[i] = new Track(buckets);
                tracks.put(i, byFunction[i]);
            }
        }
    }

    /** True when some function is invoked asynchronously. */
    public boolean any() {
        return !tracks.isEmpty();
    }

    private int bucket(long now) {
        return grid.of(now);
    }

    @Override
    public void received(int function, long nowMicros) {
        Track t = byFunction[function];
        t.received++;
        t.receivedSeries.add(bucket(nowMicros), 1);
        queued(t, nowMicros);
    }

    /** As {@link #received}, in the bucket begun last ({@link #crossTo}). */
    void receivedNow(int function) {
        Track t = byFunction[function];
        t.received++;
        t.receivedSeries.add(bucket, 1);
        queuedNow(t);
    }

    private void queued(Track t, long nowMicros) {
        int b = bucket(nowMicros);
        long now = t.carried + t.received - t.succeeded - t.dropped;
        queuedNow += now - t.queued.current();
        t.queued.set(b, now);
        accountQueued.set(b, queuedNow);
    }

    /** As {@link #queued}, in the bucket begun last ({@link #crossTo}). */
    private void queuedNow(Track t) {
        long now = t.carried + t.received - t.succeeded - t.dropped;
        queuedNow += now - t.queued.current();
        t.queued.put(now);
        accountQueued.put(queuedNow);
    }

    @Override
    public void refused(int function, long nowMicros) {
        byFunction[function].refused++;
    }

    @Override
    public void invoked(int function, long eventAgeMicros, long nowMicros) {
        invokedIn(function, eventAgeMicros, bucket(nowMicros));
    }

    /** As {@link #invoked(int, long, long)}, in the bucket begun last ({@link #crossTo}). */
    void invokedNow(int function, long eventAgeMicros) {
        invokedIn(function, eventAgeMicros, bucket);
    }

    private void invokedIn(int function, long eventAgeMicros, int b) {
        Track t = byFunction[function];
        t.age.record(Math.max(0, eventAgeMicros));
        if (eventAgeMicros > t.ageMax[b]) {
            t.ageMax[b] = eventAgeMicros; // kept in microseconds: the outputs show whole milliseconds
        }
    }

    @Override
    public void retried(int function, boolean functionError, long nowMicros) {
        Track t = byFunction[function];
        if (functionError) {
            t.functionErrorRetries++;
        } else {
            t.systemRetries++;
        }
    }

    @Override
    public void succeeded(int function, long latencyMicros, int attempts, long nowMicros) {
        queued(countSuccess(function, latencyMicros, attempts), nowMicros);
    }

    /** As {@link #succeeded(int, long, int, long)}, in the bucket begun last ({@link #crossTo}). */
    void succeededNow(int function, long latencyMicros, int attempts) {
        queuedNow(countSuccess(function, latencyMicros, attempts));
    }

    /** Counts a success of {@code function}'s: its track, returned. */
    private Track countSuccess(int function, long latencyMicros, int attempts) {
        Track t = byFunction[function];
        t.succeeded++;
        if (attempts > 1) {
            t.succeededAfterRetries++;
        }
        t.latency.record(Math.max(0, latencyMicros));
        return t;
    }

    @Override
    public void dropped(int function, AsyncDrop reason, long nowMicros) {
        queued(countDrop(function, reason, bucket(nowMicros)), nowMicros);
    }

    /** As {@link #dropped(int, AsyncDrop, long)}, in the bucket begun last ({@link #crossTo}). */
    void droppedNow(int function, AsyncDrop reason) {
        queuedNow(countDrop(function, reason, bucket));
    }

    /** Counts a drop of {@code function}'s in bucket {@code b}: its track, returned. */
    private Track countDrop(int function, AsyncDrop reason, int b) {
        Track t = byFunction[function];
        t.dropped++;
        t.dropReasons[reason.ordinal()]++;
        t.droppedSeries.add(b, 1);
        return t;
    }

    @Override
    public void delivery(int function, boolean destination, boolean delivered, long nowMicros) {
        deliveryIn(function, destination, delivered, bucket(nowMicros));
    }

    /** As {@link #delivery(int, boolean, boolean, long)}, in the bucket begun last ({@link #crossTo}). */
    void deliveryNow(int function, boolean destination, boolean delivered) {
        deliveryIn(function, destination, delivered, bucket);
    }

    private void deliveryIn(int function, boolean destination, boolean delivered, int b) {
        Track t = byFunction[function];
        if (destination) {
            if (delivered) {
                t.toDestination++;
            } else {
                t.destinationFailures++;
                t.destinationFailureSeries.add(b, 1);
            }
        } else if (delivered) {
            t.toDeadLetterQueue++;
        } else {
            t.deadLetterErrors++;
            t.deadLetterErrorSeries.add(b, 1);
        }
    }

    @Override
    public boolean sameBuckets(BucketGrid other) {
        return grid.sameAs(other);
    }

    /** Crosses the queued events' gauges (the counts need no crossing); before {@link #attach}, only the bucket. */
    @Override
    public void crossTo(int b) {
        if (byFunction != null) {
            for (Track t : byFunction) {
                if (t != null) {
                    t.queued.crossTo(b);
                }
            }
            accountQueued.crossTo(b);
        }
        bucket = b;
    }

    /**
     * The warm-up ends ({@code --warm-up}): the summary's counts and distributions start again, each from here on
     * counted where the queue tells it (an event's receipt when it is received, an attempt and its event age when it
     * starts, a retry, a success, a drop and its delivery when they happen), the events waiting now carried as {@code
     * queuedAtWarmUp}; the series are untouched (timeseries.csv and the charts keep the whole run).
     */
    void warmUpEnds() {
        for (Track t : tracks.values()) {
            t.warmUpEnds();
        }
    }

    // ---- results ----------------------------------------------------------------------------------------

    /** The asynchronous series, per asynchronous function then for the account (none without one). */
    public List<Series> series() {
        List<Series> out = new ArrayList<>();
        if (!any()) {
            return out;
        }
        long[][] account = new long[6][buckets];
        for (Map.Entry<Integer, Track> e : tracks.entrySet()) {
            long[][] v = e.getValue().values();
            add(out, Metric.Scope.FUNCTION, names.get(e.getKey()), v);
            for (int m = 0; m < v.length; m++) {
                for (int b = 0; b < buckets; b++) {
                    account[m][b] = m == 1 ? Math.max(account[m][b], v[m][b]) : account[m][b] + v[m][b];
                }
            }
        }
        account[5] = accountQueued.values();
        add(out, Metric.Scope.ACCOUNT, "", account);
        return out;
    }

    /** The series in the order of {@link Track#values()}: the catalogue's asynchronous group. */
    private static final List<Metric> METRICS = Metric.of(Metric.Group.ASYNC);

    private static void add(List<Series> out, Metric.Scope scope, String id, long[][] values) {
        for (int m = 0; m < METRICS.size(); m++) {
            out.add(METRICS.get(m).series(scope, id, values[m]));
        }
    }

    /** The summary's {@code async} section: per asynchronous function; null when there is none. */
    public Map<String, RunSummary.AsyncSummary> summary() {
        if (!any()) {
            return null;
        }
        Map<String, RunSummary.AsyncSummary> out = new LinkedHashMap<>();
        for (Map.Entry<Integer, Track> e : tracks.entrySet()) {
            out.put(names.get(e.getKey()), e.getValue().summary());
        }
        return out;
    }

    private static final class Track {
        final Counter receivedSeries;
        final Counter droppedSeries;
        final Counter deadLetterErrorSeries;
        final Counter destinationFailureSeries;
        final Gauge queued;
        final long[] ageMax;
        Exact age = new Exact();
        Exact latency = new Exact();
        final long[] dropReasons = new long[AsyncDrop.values().length];
        /** The events waiting at the warm-up's end ({@link #warmUpEnds}); 0 without a warm-up. */
        long carried;
        boolean warmedUp;
        long received;
        long refused;
        long succeeded;
        long succeededAfterRetries;
        long dropped;
        long toDestination;
        long toDeadLetterQueue;
        long destinationFailures;
        long deadLetterErrors;
        long functionErrorRetries;
        long systemRetries;

        Track(int buckets) {
            receivedSeries = new Counter(buckets);
            droppedSeries = new Counter(buckets);
            deadLetterErrorSeries = new Counter(buckets);
            destinationFailureSeries = new Counter(buckets);
            queued = new Gauge(buckets, true, 0);
            ageMax = new long[buckets];
        }

        void warmUpEnds() {
            carried += received - succeeded - dropped;
            warmedUp = true;
            age = new Exact();
            latency = new Exact();
            java.util.Arrays.fill(dropReasons, 0);
            received = 0;
            refused = 0;
            succeeded = 0;
            succeededAfterRetries = 0;
            dropped = 0;
            toDestination = 0;
            toDeadLetterQueue = 0;
            destinationFailures = 0;
            deadLetterErrors = 0;
            functionErrorRetries = 0;
            systemRetries = 0;
        }

        long[][] values() {
            return new long[][] {receivedSeries.values(), ageMax.clone(), droppedSeries.values(),
                deadLetterErrorSeries.values(), destinationFailureSeries.values(), queued.values()};
        }

        RunSummary.AsyncSummary summary() {
            Map<String, Long> reasons = new LinkedHashMap<>();
            for (AsyncDrop d : AsyncDrop.values()) {
                reasons.put(d.condition(), dropReasons[d.ordinal()]);
            }
            return new RunSummary.AsyncSummary(received, refused, succeeded, succeededAfterRetries, dropped, reasons,
                    toDestination, toDeadLetterQueue, destinationFailures, deadLetterErrors, functionErrorRetries,
                    systemRetries, carried + received - succeeded - dropped, age.millis(), latency.millis(),
                    warmedUp ? carried : null);
        }
    }

    /**
     * The event ages or the latencies of a function's asynchronous invocations: their counts by HdrHistogram's
     * {@code Histogram(2)} buckets ({@link LatencyCounts}) beside their exact smallest and largest values and how many
     * equal the smallest, read as the synchronous latencies are ({@link LatencyRecorder}): a percentile of rank r is
     * the exact minimum when r is at most the ties, the exact maximum at the last rank, otherwise read inside its
     * bucket by linear interpolation on rank and clamped to the exact {@code [min, max]}
     * ({@link LatencyCounts#estimateAtPercentile}); the maximum is the exact one. Formerly a
     * percentile was its bucket's upper edge (up to 1% above the value), capped by the maximum. A record is an index,
     * an increment and a compare or two: no allocation but a page of counts at a new range's first value.
     */
    static final class Exact {
        private final LatencyCounts counts = new LatencyCounts();
        private long min = Long.MAX_VALUE;
        private long ties;
        private long max;

        /** Records a value (µs, not negative). */
        void record(long micros) {
            counts.record(micros);
            if (micros > max) {
                max = micros;
            }
            if (micros <= min) {
                if (micros < min) {
                    min = micros;
                    ties = 0;
                }
                ties++;
            }
        }

        /** The count, p50, p99 and maximum in milliseconds (all 0 when nothing was recorded). */
        RunSummary.Percentiles millis() {
            long n = counts.totalCount();
            if (n == 0) {
                return new RunSummary.Percentiles(0, 0, 0, 0);
            }
            return new RunSummary.Percentiles(n, counts.estimateAtPercentile(50, min, ties, max, max) / 1000.0,
                    counts.estimateAtPercentile(99, min, ties, max, max) / 1000.0, max / 1000.0);
        }
    }
}
