package dev.enisim.metrics;

import dev.enisim.model.AsyncDrop;
import dev.enisim.model.AsyncListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Observes Lambda's asynchronous event queue: per asynchronous function, per time bucket, the CloudWatch metrics
 * AsyncEventsReceived, AsyncEventsDropped, DeadLetterErrors, DestinationDeliveryFailures (sums) and
 * AsyncEventAge (maximum, kept in microseconds and shown in whole milliseconds), plus the events waiting in the queue; and the summary's {@code async} section.
 * Memory grows with functions and buckets, not with events.
 */
public final class AsyncRecorder implements AsyncListener {

    private final BucketGrid grid;
    private final int buckets;
    private final List<String> names = new ArrayList<>();
    private final Map<Integer, Track> tracks = new LinkedHashMap<>();
    private Track[] byFunction;
    private Gauge accountQueued;
    private long queuedNow;

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

    private void queued(Track t, long nowMicros) {
        int b = bucket(nowMicros);
        long before = t.queued.current();
        long now = t.received - t.succeeded - t.dropped;
        t.queued.set(b, now);
        queuedNow += now - before;
        accountQueued.set(b, queuedNow);
    }

    @Override
    public void refused(int function, long nowMicros) {
        byFunction[function].refused++;
    }

    @Override
    public void invoked(int function, long eventAgeMicros, long nowMicros) {
        Track t = byFunction[function];
        t.age.recordValue(Math.max(0, eventAgeMicros));
        int b = bucket(nowMicros);
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
        Track t = byFunction[function];
        t.succeeded++;
        if (attempts > 1) {
            t.succeededAfterRetries++;
        }
        t.latency.recordValue(Math.max(0, latencyMicros));
        queued(t, nowMicros);
    }

    @Override
    public void dropped(int function, AsyncDrop reason, long nowMicros) {
        Track t = byFunction[function];
        t.dropped++;
        t.dropReasons[reason.ordinal()]++;
        t.droppedSeries.add(bucket(nowMicros), 1);
        queued(t, nowMicros);
    }

    @Override
    public void delivery(int function, boolean destination, boolean delivered, long nowMicros) {
        Track t = byFunction[function];
        if (destination) {
            if (delivered) {
                t.toDestination++;
            } else {
                t.destinationFailures++;
                t.destinationFailureSeries.add(bucket(nowMicros), 1);
            }
        } else if (delivered) {
            t.toDeadLetterQueue++;
        } else {
            t.deadLetterErrors++;
            t.deadLetterErrorSeries.add(bucket(nowMicros), 1);
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
        final Histogram age = new Histogram(2);
        final Histogram latency = new Histogram(2);
        final long[] dropReasons = new long[AsyncDrop.values().length];
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

        long[][] values() {
            return new long[][] {receivedSeries.values(), ageMax.clone(), droppedSeries.values(),
                deadLetterErrorSeries.values(), destinationFailureSeries.values(), queued.values()};
        }

        RunSummary.AsyncSummary summary() {
            Map<String, Long> reasons = new LinkedHashMap<>();
            for (AsyncDrop d : AsyncDrop.values()) {
                reasons.put(d.name(), dropReasons[d.ordinal()]);
            }
            return new RunSummary.AsyncSummary(received, refused, succeeded, succeededAfterRetries, dropped, reasons,
                    toDestination, toDeadLetterQueue, destinationFailures, deadLetterErrors, functionErrorRetries,
                    systemRetries, received - succeeded - dropped, millis(age), millis(latency));
        }

        private static RunSummary.Percentiles millis(Histogram h) {
            if (h.getTotalCount() == 0) {
                return new RunSummary.Percentiles(0, 0, 0, 0);
            }
            return new RunSummary.Percentiles(h.getTotalCount(), h.getValueAtPercentile(50) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
        }
    }
}
