package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.AsyncDrop;
import dev.enisim.model.Outcome;
import dev.enisim.report.TimeSeriesCsv;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The asynchronous-queue and SQS recorders, through what a user reads: the cells of timeseries.csv (as the CSV
 * writer converts each unit: ages in whole milliseconds or seconds) and the summary's sections. Scripted runs of
 * 100 s in buckets of 30 s ([0, 30), [30, 60), [60, 90), [90, 100]); every figure worked out by hand. Percentiles
 * are read out of HdrHistogram's buckets with two significant digits (buckets of 2^(k-7) us for values in
 * [2^k, 2^(k+1)), k >= 8) as the synchronous latencies' are ({@link AsyncReadOutTest}).
 */
class AsyncAndSqsRecordersTest {

    private static final long S = Seconds.MICROS;

    /** The column's cells for one dimension, bucket by bucket, as timeseries.csv has them. */
    static String[] csv(List<Series> series, int buckets, String scope, String id, String column) {
        String[] lines = TimeSeriesCsv.render(new TimeSeries(30 * S, buckets, series)).split("\n");
        List<String> header = Arrays.asList(lines[0].split(",", -1));
        int c = header.indexOf(column);
        assertTrue(c >= 0, "no column " + column + " in " + header);
        List<String> cells = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] row = lines[i].split(",", -1);
            if (row[1].equals(scope) && row[2].equals(id)) {
                cells.add(row[c]);
            }
        }
        assertEquals(buckets, cells.size(), "a row per bucket for " + scope + " " + id);
        return cells.toArray(new String[0]);
    }

    private static String[] cells(String... v) {
        return v;
    }

    /**
     * api (asynchronous): events received at 1, 2, 3, 31 and 32 s, one refused at 4 s; invoked with ages 1.5 ms
     * (5 s), 250 ms (6 s) and 40 s (35 s); two successes (at 6.1 s after one attempt, at 36 s after three), three
     * retries, two drops (70 s, the end), deliveries to the destination (one failed) and to the DLQ (one failed).
     * worker (asynchronous): received at 50 s and 51 s, invoked at once, one success at 52 s. sync: not
     * asynchronous.
     */
    private static AsyncRecorder asyncRun() {
        AsyncRecorder r = new AsyncRecorder(100 * S, 30 * S);
        r.attach(List.of("api", "sync", "worker"), new boolean[] {true, false, true});
        r.received(0, S);
        r.received(0, 2 * S);
        r.received(0, 3 * S);
        r.refused(0, 4 * S);
        r.invoked(0, 1_500, 5 * S);
        r.invoked(0, 250_000, 6 * S);
        r.succeeded(0, 251_000, 1, 6 * S + 100_000);
        r.retried(0, true, 10 * S);
        r.retried(0, false, 11 * S);
        r.retried(0, true, 12 * S);
        r.received(0, 31 * S);
        r.received(0, 32 * S);
        r.invoked(0, 40 * S, 35 * S);
        r.succeeded(0, 3 * S, 3, 36 * S);
        r.received(2, 50 * S);
        r.invoked(2, 0, 50 * S);
        r.received(2, 51 * S);
        r.succeeded(2, 100_000, 1, 52 * S);
        r.dropped(0, AsyncDrop.MAXIMUM_EVENT_AGE, 70 * S);
        r.delivery(0, true, true, 70 * S);
        r.delivery(0, true, false, 71 * S);
        r.delivery(0, false, false, 95 * S);
        r.dropped(0, AsyncDrop.RETRIES_EXHAUSTED, 100 * S);
        r.delivery(0, false, true, 100 * S);
        return r;
    }

    /**
     * Queued (received - succeeded - dropped): api 1, 2, 3, 2 at 6.1 s, 3, 4, 3 at 36 s, 2 at 70 s, 1 at the end;
     * worker 1, 2, 1 at 52 s; the account the sum, 3 in bucket 0, 5 at 51 s, then 4 and 3 carried into the
     * buckets they begin. AsyncEventAge is the bucket's oldest age in whole milliseconds.
     */
    @Test
    void asyncSeriesPerFunctionAndForTheAccount() {
        List<Series> s = asyncRun().series();
        assertTrue(s.stream().noneMatch(x -> x.id().equals("sync")), "sync is not asynchronous");
        assertArrayEquals(cells("3", "2", "0", "0"), csv(s, 4, "function", "api", "AsyncEventsReceived"));
        assertArrayEquals(cells("250", "40000", "0", "0"), csv(s, 4, "function", "api", "AsyncEventAge"));
        assertArrayEquals(cells("0", "0", "1", "1"), csv(s, 4, "function", "api", "AsyncEventsDropped"));
        assertArrayEquals(cells("0", "0", "0", "1"), csv(s, 4, "function", "api", "DeadLetterErrors"));
        assertArrayEquals(cells("0", "0", "1", "0"), csv(s, 4, "function", "api", "DestinationDeliveryFailures"));
        assertArrayEquals(cells("3", "4", "3", "2"), csv(s, 4, "function", "api", "Sim.AsyncEventsQueued"));
        assertArrayEquals(cells("0", "2", "0", "0"), csv(s, 4, "function", "worker", "AsyncEventsReceived"));
        assertArrayEquals(cells("0", "0", "0", "0"), csv(s, 4, "function", "worker", "AsyncEventAge"));
        assertArrayEquals(cells("0", "2", "1", "1"), csv(s, 4, "function", "worker", "Sim.AsyncEventsQueued"));
        // the account: sums, but the oldest age is the functions' maximum, and the queue the sum at each instant
        assertArrayEquals(cells("3", "4", "0", "0"), csv(s, 4, "account", "", "AsyncEventsReceived"));
        assertArrayEquals(cells("250", "40000", "0", "0"), csv(s, 4, "account", "", "AsyncEventAge"));
        assertArrayEquals(cells("0", "0", "1", "1"), csv(s, 4, "account", "", "AsyncEventsDropped"));
        assertArrayEquals(cells("0", "0", "0", "1"), csv(s, 4, "account", "", "DeadLetterErrors"));
        assertArrayEquals(cells("0", "0", "1", "0"), csv(s, 4, "account", "", "DestinationDeliveryFailures"));
        assertArrayEquals(cells("3", "5", "4", "3"), csv(s, 4, "account", "", "Sim.AsyncEventsQueued"));
    }

    /** Two functions' ages in one bucket: the account shows the older, not the sum. */
    @Test
    void theAccountsEventAgeIsTheOldest() {
        AsyncRecorder r = new AsyncRecorder(60 * S, 30 * S);
        r.attach(List.of("a", "b"), new boolean[] {true, true});
        r.received(0, S);
        r.received(1, S);
        r.invoked(0, 7_000, 2 * S);
        r.invoked(1, 5_000, 3 * S);
        r.invoked(1, 2_000, 4 * S);
        List<Series> s = r.series();
        assertArrayEquals(cells("7", "0"), csv(s, 2, "account", "", "AsyncEventAge"));
        assertArrayEquals(cells("5", "0"), csv(s, 2, "function", "b", "AsyncEventAge"));
    }

    /**
     * The summary, its percentiles read as the synchronous latencies' are (the async section's were their bucket's
     * upper edge until the latency read-out fix). api's ages 1,500 us, 250,000 us and 40 s: p50 the 2nd (250,000 us,
     * alone in a bucket of 1,024 us from 249,856: read at its middle, 250,368 us; was the edge, 250,879), p99 the
     * 3rd, the last rank: the exact maximum, 40 s. Latencies 251,000 us and 3 s: p50 the 1st, the exact minimum
     * (was its bucket's edge, 251,903 us), p99 the last, the exact maximum, 3 s.
     */
    @Test
    void asyncSummaryPerFunction() {
        Map<String, RunSummary.AsyncSummary> summary = asyncRun().summary();
        assertEquals(List.of("api", "worker"), List.copyOf(summary.keySet()));
        Map<String, Long> reasons = new LinkedHashMap<>();
        reasons.put("EventAgeExceeded", 1L); // AWS's requestContext.condition
        reasons.put("RetriesExhausted", 1L);
        reasons.put("ReservedConcurrencyZero", 0L); // enisim's own
        reasons.put("FunctionNotInvocable", 0L);
        assertEquals(new RunSummary.AsyncSummary(5, 1, 2, 1, 2, reasons, 1, 1, 1, 1, 2, 1, 1,
                new RunSummary.Percentiles(3, 250.368, 40000.0, 40000.0),
                new RunSummary.Percentiles(2, 251.0, 3000.0, 3000.0)), summary.get("api"));
        Map<String, Long> none = new LinkedHashMap<>();
        reasons.keySet().forEach(k -> none.put(k, 0L));
        // worker: age 0; latency 100,000 us, its minimum and maximum: 100 ms
        assertEquals(new RunSummary.AsyncSummary(2, 0, 1, 0, 0, none, 0, 0, 0, 0, 0, 0, 1,
                new RunSummary.Percentiles(1, 0, 0, 0),
                new RunSummary.Percentiles(1, 100.0, 100.0, 100.0)), summary.get("worker"));
    }

    /** An asynchronous function never invoked: zero percentiles, not an empty histogram's figures. */
    @Test
    void anAsyncFunctionWithNoEventsHasZeroFigures() {
        AsyncRecorder r = new AsyncRecorder(60 * S, 30 * S);
        r.attach(List.of("a"), new boolean[] {true});
        assertTrue(r.any());
        RunSummary.AsyncSummary a = r.summary().get("a");
        assertEquals(new RunSummary.Percentiles(0, 0, 0, 0), a.eventAgeMillis());
        assertEquals(new RunSummary.Percentiles(0, 0, 0, 0), a.latencyMillis());
        assertEquals(12, r.series().size(), "six series for a, six for the account");
    }

    @Test
    void noAsynchronousFunctionNoSeriesNoSection() {
        AsyncRecorder r = new AsyncRecorder(60 * S, 30 * S);
        r.attach(List.of("sync"), new boolean[] {false});
        assertFalse(r.any());
        assertEquals(List.of(), r.series());
        assertNull(r.summary());
    }

    /**
     * consumer, fed by a queue: 3 messages sent in bucket 0, 2 at 40 s; 2 deleted at 10 s and 1 at 95 s; failed
     * batches (a timeout, two throttles, an invoke error); 1 message returned and 1 redriven to the DLQ at 50 s.
     * The queue's reports: 3 visible aged 2.5 s with 1 batch (3 s), 1 visible aged 9 s with 2 batches (10 s),
     * 2 visible aged 31 s with 1 batch (40 s), 1 visible aged 4 s and no batch at 96 s. plain: no queue.
     */
    @Test
    void sqsSeriesAndSummary() {
        SqsRecorder r = new SqsRecorder(100 * S, 30 * S);
        r.attach(List.of("consumer", "plain"), new boolean[] {true, false});
        r.sent(0, S);
        r.sent(0, 2 * S);
        r.queue(0, 3, 2_500_000, 1, 1, 3 * S);
        r.sent(0, 3 * S);
        r.deleted(0, 2, 10 * S);
        r.queue(0, 1, 9_000_000, 2, 2, 10 * S);
        r.batchFailed(0, Outcome.FUNCTION_ERROR_TIMEOUT, 20 * S);
        r.batchFailed(0, Outcome.THROTTLED_ACCOUNT, 21 * S);
        r.batchFailed(0, Outcome.RESOURCE_CONFLICT, 22 * S);
        r.batchFailed(0, Outcome.THROTTLED_RATE, 23 * S);
        r.sent(0, 40 * S);
        r.sent(0, 40 * S);
        r.queue(0, 2, 31_000_000, 1, 1, 40 * S);
        r.visibilityExpired(0, 1, 1, 50 * S);
        r.deleted(0, 1, 95 * S);
        r.queue(0, 1, 4_000_000, 0, 1, 96 * S);
        List<Series> s = r.series();
        assertTrue(s.stream().noneMatch(x -> x.id().equals("plain")), "plain has no queue");
        assertEquals(6, s.size());
        assertArrayEquals(cells("3", "2", "0", "0"), csv(s, 4, "function", "consumer", "NumberOfMessagesSent"));
        assertArrayEquals(cells("2", "0", "0", "1"), csv(s, 4, "function", "consumer", "NumberOfMessagesDeleted"));
        assertArrayEquals(cells("3", "2", "0", "1"),
                csv(s, 4, "function", "consumer", "ApproximateNumberOfMessagesVisible"));
        assertArrayEquals(cells("9", "31", "0", "4"),
                csv(s, 4, "function", "consumer", "ApproximateAgeOfOldestMessage"));
        assertArrayEquals(cells("2", "1", "0", "0"), csv(s, 4, "function", "consumer", "Sim.SqsConcurrentBatches"));
        assertArrayEquals(cells("0", "1", "0", "0"),
                csv(s, 4, "function", "consumer", "Sim.SqsMessagesToDeadLetterQueue"));
        // sent 5 = deleted 3 + redriven 1 + visible 1 + in flight 0
        assertEquals(new RunSummary.SqsSummary(5, 3, 1, 0, 1, 1, 1, 2, 1, 0, 2, 3, 31.0),
                r.summary().get("consumer"));
        assertEquals(List.of("consumer"), List.copyOf(r.summary().keySet()));
    }

    @Test
    void noQueueNoSeriesNoSection() {
        SqsRecorder r = new SqsRecorder(60 * S, 30 * S);
        r.attach(List.of("plain"), new boolean[] {false});
        assertEquals(List.of(), r.series());
        assertNull(r.summary());
    }
}
