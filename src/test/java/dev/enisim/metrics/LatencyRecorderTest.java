package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.random.RandomStreams;
import java.util.List;
import org.apache.commons.math3.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class LatencyRecorderTest {

    private static final long SEC = 1_000_000L;

    private static LatencyRecorder recorder(long durationMicros) {
        LatencyRecorder r = new LatencyRecorder(durationMicros, 60 * SEC);
        r.attach(List.of("f"));
        return r;
    }

    @Test
    void percentilesPerBucketAndOverall() {
        LatencyRecorder r = recorder(120 * SEC);
        for (int i = 1; i <= 100; i++) {
            r.latency(0, i * 1000L, i <= 10, 5 * SEC);        // bucket 0: 1..100 ms
        }
        for (int i = 1; i <= 100; i++) {
            r.latency(0, 1000 * 1000L, false, 70 * SEC);      // bucket 1: 1 s
        }
        RunSummary.Latency all = r.accountLatency();
        assertEquals(200, all.count());
        assertEquals(10, all.coldStarts());
        assertEquals(100, all.p50(), 1.0);
        assertEquals(1000, all.p99(), 10.0);
        Series p50 = r.series().stream().filter(s -> s.scope() == Metric.Scope.FUNCTION && s.metric() == Metric.LATENCY_P50)
                .findFirst().orElseThrow();
        assertEquals(50_000, p50.values()[0], 500, "bucket 0 median 50 ms (microseconds)");
        assertEquals(1_000_000, p50.values()[1], 10_000);
    }

    /**
     * The maximum is the largest latency as it was, not its histogram bucket's upper edge (up to 1% above: a run whose
     * latencies were all at most 1,001 ms reported 1,003.52 and failed {@code latencyMillis.max <= 1001}); each
     * percentile is read inside its bucket, never above that maximum. Through the log (many functions) too.
     */
    @Test
    void theMaximumIsExactAndNoPercentileExceedsIt() {
        for (LatencyRecorder r : List.of(recorder(120 * SEC), attached(new LatencyRecorder(120 * SEC, 60 * SEC), 100))) {
            for (int i = 0; i < 1000; i++) {
                r.latency(0, 990_000 + i * 10L, i % 100 == 0, 5 * SEC + i); // 990.000 to 999.990 ms
            }
            r.latency(0, 123_456, false, 70 * SEC);
            RunSummary.Latency f = r.functionLatency().values().iterator().next();
            assertEquals(999.990, f.max(), 1e-9, "exact");
            assertEquals(999.990, r.accountLatency().max(), 1e-9);
            assertTrue(f.p99() <= f.max() && f.p90() <= f.max() && f.coldStartP99() <= f.max(), f.toString());
            // the 990th of 1,001: 999.89 ms, the 46th of the 57 values of its bucket (999.424 to 1,003.519 ms), read as
            // 1,002.693 ms (the bucket taken as evenly filled, which it is not: the values stop at 999.990) and clamped
            assertEquals(999.990, f.p99(), 1e-9, "its estimate in its bucket (1,002.7 ms) clamped to the maximum");
            // the 501st of 1,001: 994.990 ms (its bucket's edge, 995.327, until the read-out inside the bucket)
            assertEquals(994.990, f.p50(), 0.05, f.toString());
        }
        LatencyRecorder one = recorder(60 * SEC);
        one.latency(0, 123_000, false, SEC);
        assertEquals(123.0, one.accountLatency().max(), 1e-9, "a constant 123 ms was reported as 123.391");
        assertEquals(123.0, one.accountLatency().p50(), 1e-9);
        assertEquals(0.0, recorder(60 * SEC).accountLatency().max(), "none: 0");
    }

    /** Pending values are histogram indices in shorts: every index, and its complement for a cold start, fits. */
    @Test
    void everyIndexFitsAShort() {
        assertEquals(7_296, LatencyRecorder.INDICES);
        assertTrue(LatencyRecorder.INDICES - 1 <= Short.MAX_VALUE && ~(LatencyRecorder.INDICES - 1) >= Short.MIN_VALUE);
        LatencyRecorder top = recorder(60 * SEC); // the highest index, cold: ~7,295 is -7,296
        top.latency(0, Long.MAX_VALUE, true, 0);
        top.latency(0, 0, false, 0);
        assertEquals(2, top.accountLatency().count());
        assertEquals(1, top.accountLatency().coldStarts());
        LatencyRecorder day = recorder(60 * SEC);
        day.latency(0, 86_400_000_000L, true, 0);
        day.latency(0, 1, false, 0);
        RunSummary.Latency all = day.accountLatency();
        // a day is past what the exact maximum holds (35 minutes): the histogram's maximum, its bucket's edge
        assertEquals(LatencyCounts.highestEquivalentValue(86_400_000_000L) / 1000.0, all.max());
        // the cold start's p99, its only value: the middle of its bucket (what is known of it), not the edge
        int dayIndex = LatencyCounts.index(86_400_000_000L);
        long width = new org.HdrHistogram.Histogram(2).sizeOfEquivalentValueRange(86_400_000_000L);
        assertEquals((LatencyCounts.lowestValue(dayIndex) + width / 2) / 1000.0, all.coldStartP99());
        LatencyRecorder long15 = recorder(60 * SEC);
        long15.latency(0, 910_000_000L, false, 0); // 15 minutes and a 10 s init: exact
        assertEquals(910_000.0, long15.accountLatency().max());
    }

    /** Memory is bounded by buckets, whatever the number of invocations. */
    @Test
    void footprintDoesNotGrowWithInvocations() {
        LatencyRecorder few = recorder(3600 * SEC);
        LatencyRecorder many = recorder(3600 * SEC);
        RandomGenerator rng = new RandomStreams(3, 0).stream("lat");
        // both past the point where a function's bucket counts by histogram index (PENDING values: 5,000 and
        // 100,000 a bucket)
        for (int i = 0; i < 300_000; i++) {
            few.latency(0, 1 + (long) (rng.nextDouble() * 60_000_000), i % 7 == 0, i * 12_000L);
        }
        for (int i = 0; i < 6_000_000; i++) {
            many.latency(0, 1 + (long) (rng.nextDouble() * 60_000_000), i % 7 == 0, i * 600L);
        }
        assertTrue(many.footprintBytes() <= few.footprintBytes() * 1.5,
                few.footprintBytes() + " bytes for 300,000 vs " + many.footprintBytes() + " for 6,000,000");
    }

    /**
     * Idle functions cost next to nothing (a track is made on a function's first latency, a bucket's statistics
     * hold an entry per function that recorded in it): 10,000 functions of which 10 are invoked hold far less than
     * 10,000 invoked, and the footprint grows with the functions invoked and the buckets they ran in.
     */
    @Test
    void idleFunctionsCostNextToNothing() {
        List<String> names = new java.util.ArrayList<>();
        for (int f = 0; f < 10_000; f++) {
            names.add("f" + f);
        }
        LatencyRecorder idle = new LatencyRecorder(3600 * SEC, 60 * SEC);
        idle.attach(names);
        long none = idle.footprintBytes();
        LatencyRecorder few = new LatencyRecorder(3600 * SEC, 60 * SEC);
        few.attach(names);
        LatencyRecorder all = new LatencyRecorder(3600 * SEC, 60 * SEC);
        all.attach(names);
        for (int b = 0; b < 3; b++) {
            for (int f = 0; f < 10_000; f++) {
                all.latency(f, 1_000 + f, false, b * 60 * SEC + f);
                if (f % 1_000 == 0) {
                    few.latency(f, 1_000 + f, false, b * 60 * SEC + f);
                }
            }
        }
        all.accountLatency();
        few.accountLatency();
        assertTrue(none < 10_000 * 16L, none + " bytes for 10,000 idle functions");
        assertTrue(few.footprintBytes() > none, "recording adds to the footprint");
        assertTrue(few.footprintBytes() < none + 10 * 2_000L, few.footprintBytes() + " bytes with 10 invoked");
        // each invoked function: its track (object, overall counts of 64 ints, cold counts: about 430 bytes; no
        // pending array, its values tallied from the log at each close) and an entry of 48 bytes per bucket it ran in
        long perFunction = (all.footprintBytes() - none) / 10_000;
        assertTrue(perFunction >= 3 * 48 + 420 && perFunction <= 3 * 48 + 700, perFunction + " bytes per invoked function");
        assertEquals(0, all.pendingCapacity(0));
    }

    /**
     * The log's capacity: 2,048 values per function, within 2^15 and 2^21 ({@link LatencyRecorder#logCapacity}), so
     * that {@code account}'s buckets (200 functions, some 300,000 values a bucket) and {@code many-functions}' (10,000
     * functions, some 600,000) close from the log without a drain; a capacity given (tests) is kept, and a run of
     * fewer than {@link LatencyRecorder#LOGGED_FROM} functions has no log.
     */
    @Test
    void theLogHoldsValuesByFunctions() {
        assertEquals(1 << 15, LatencyRecorder.logCapacity(1));
        assertEquals(1 << 15, LatencyRecorder.logCapacity(16));
        assertEquals(17 * 2_048, LatencyRecorder.logCapacity(17));
        assertEquals(409_600, LatencyRecorder.logCapacity(200));
        assertEquals(1 << 21, LatencyRecorder.logCapacity(1_024));
        assertEquals(1 << 21, LatencyRecorder.logCapacity(1_025));
        assertEquals(1 << 21, LatencyRecorder.logCapacity(10_000));
        assertEquals(1 << 21, LatencyRecorder.logCapacity(Integer.MAX_VALUE));
        assertEquals(1 << 21, attached(new LatencyRecorder(60 * SEC, 60 * SEC), 10_000).logLimit());
        assertEquals(131_072, attached(new LatencyRecorder(60 * SEC, 60 * SEC), 64).logLimit());
        assertEquals(0, attached(new LatencyRecorder(60 * SEC, 60 * SEC), 63).logLimit());
        assertEquals(1_000, attached(new LatencyRecorder(60 * SEC, 60 * SEC, 1, 1_000), 10_000).logLimit());
    }

    /**
     * 10,000 functions with 5 values each in one bucket (50,000 values: more than a log of 2^15): by functions, the
     * log holds them all and the bucket closes from it, no function making a pending array; with a log of 2^15 it
     * drains into the functions' pending arrays first. Both give the same figures (each path's against plain
     * histograms: {@link #figuresThroughTheLogAreThoseOfPlainHistograms}).
     */
    @Test
    void aBucketOfManyFunctionsClosesFromTheLogWithoutADrain() {
        LatencyRecorder byFunctions = attached(new LatencyRecorder(60 * SEC, 60 * SEC), 10_000);
        LatencyRecorder small = attached(new LatencyRecorder(60 * SEC, 60 * SEC, LatencyRecorder.LOGGED_FROM, 1 << 15),
                10_000);
        for (int i = 0; i < 50_000; i++) {
            byFunctions.latency(i % 10_000, 1_000 + i, i % 3 == 0, i);
            small.latency(i % 10_000, 1_000 + i, i % 3 == 0, i);
        }
        assertEquals(small.functionLatency(), byFunctions.functionLatency());
        assertEquals(small.accountLatency(), byFunctions.accountLatency());
        assertEquals(0, byFunctions.pendingCapacity(0));
        assertEquals(0, byFunctions.pendingCapacity(9_999));
        assertTrue(small.pendingCapacity(0) > 0, "drained into the pending array");
        assertTrue(byFunctions.logged());
    }

    private static LatencyRecorder attached(LatencyRecorder r, int functions) {
        List<String> names = new java.util.ArrayList<>();
        for (int f = 0; f < functions; f++) {
            names.add("f" + f);
        }
        r.attach(names);
        return r;
    }

    /**
     * An idle recorder grows by 48 bytes per bucket (the account's statistics, a reference) and 4 per function (a
     * reference to its track); from 64 functions on (latencies through the shared log) by a reference per 64
     * functions, the table of the pages of their exact extremes (made as a function of the page records; below 64
     * they are kept in the function's track). Until the exact minimum, each function's exact maximum took 4 bytes.
     */
    @Test
    void footprintGrowsWithBucketsAndFunctions() {
        assertEquals(48, idleFootprint(10, 61) - idleFootprint(10, 60));
        assertEquals(48 * 40, idleFootprint(10, 100) - idleFootprint(10, 60));
        assertEquals(4 * 1_000 + (16 + 4 * 16), idleFootprint(1_010, 60) - idleFootprint(10, 60));
    }

    private static long idleFootprint(int functions, int buckets) {
        LatencyRecorder r = new LatencyRecorder(buckets * 60 * SEC, 60 * SEC);
        List<String> names = new java.util.ArrayList<>();
        for (int f = 0; f < functions; f++) {
            names.add("f" + f);
        }
        r.attach(names);
        return r.footprintBytes();
    }

    /**
     * The compact layout (pending values, packed overall and cold histograms) gives exactly the figures of plain
     * histograms: per function and bucket, per function overall, for the account, cold starts apart; functions
     * quiet and busy (past the pending array), buckets empty and full.
     */
    @Test
    void figuresAreThoseOfPlainHistograms() {
        figuresAreThoseOfPlainHistograms(LatencyRecorder.LOGGED_FROM, 1 << 15);
    }

    /**
     * The same with the latencies going through the shared log (as with thousands of functions), drained into the
     * tracks whenever it holds 1 to 200 values as well as when a bucket closes.
     */
    @Test
    void figuresThroughTheLogAreThoseOfPlainHistograms() {
        for (int capacity : new int[] {1, 7, 200}) {
            figuresAreThoseOfPlainHistograms(1, capacity);
        }
    }

    /**
     * The log's threshold: 63 functions record directly, 64 through the log (the javadoc of
     * {@link LatencyRecorder#LOGGED_FROM} gives the measurements behind it), and both give plain histograms' figures.
     */
    @Test
    void belowAndAtTheLogsThresholdFiguresAreThoseOfPlainHistograms() {
        assertEquals(64, LatencyRecorder.LOGGED_FROM);
        for (int functions : new int[] {LatencyRecorder.LOGGED_FROM - 1, LatencyRecorder.LOGGED_FROM}) {
            for (int seed = 1; seed <= 4; seed++) {
                RandomGenerator rng = new RandomStreams(seed, 0).stream("lat");
                int buckets = 1 + rng.nextInt(4);
                LatencyRecorder r = new LatencyRecorder(buckets * 60 * SEC, 60 * SEC);
                checkAgainstPlainHistograms(r, rng, seed, functions, buckets, 30_000 + rng.nextInt(30_000));
                assertEquals(functions >= 64, r.logged(), functions + " functions");
            }
        }
    }

    /**
     * A function's bucket of up to {@link LatencyRecorder#PENDING} values is closed from its pending values; one
     * more, and they are counted by histogram index as they come: both sides, directly and through the log, give
     * plain histograms' figures. (4,096: `account`'s functions, 600 to 2,400 values a bucket, all close from their
     * pending values, which cost less per value than counting them into each function's own counts.)
     */
    @Test
    void belowAndAtThePendingThresholdFiguresAreThoseOfPlainHistograms() {
        assertEquals(4_096, LatencyRecorder.PENDING);
        int n = LatencyRecorder.PENDING;
        for (int values : new int[] {n - 1, n, n + 1, 3 * n + 5}) {
            for (int loggedFrom : new int[] {1, 2}) {
                RandomGenerator rng = new RandomStreams(values, 0).stream("lat");
                LatencyRecorder r = new LatencyRecorder(60 * SEC, 60 * SEC, loggedFrom, 1 << 15);
                checkAgainstPlainHistograms(r, rng, values, 1, 1, values);
            }
        }
    }

    /**
     * Once a function's bucket outgrew {@link LatencyRecorder#PENDING} (it has counts of its own), its later values
     * are counted as they come, not through the pending array, in later buckets too (cold starts among them): the
     * figures are plain histograms', directly and through the log (drained into the track and tallied at the
     * close), and the pending array never grows past {@code PENDING}.
     */
    @Test
    void aFunctionWithCountsCountsItsLaterValuesAsTheyCome() {
        int n = LatencyRecorder.PENDING;
        for (int loggedFrom : new int[] {1, 2}) {
            for (int capacity : new int[] {100, 1 << 15}) {
                LatencyRecorder r = new LatencyRecorder(4 * 60 * SEC, 60 * SEC, loggedFrom, capacity);
                checkAgainstPlainHistograms(r, new RandomStreams(loggedFrom, 0).stream("lat"), capacity, 1, 4,
                        4 * (n + 900));
                assertEquals(n, r.pendingCapacity(0), "logged from " + loggedFrom + ", log of " + capacity);
            }
        }
    }

    /**
     * Through the log, a closing bucket's values still in the log are tallied where they are (grouped by function),
     * with the function's pending ones, when together they fit in {@link LatencyRecorder#PENDING}: the figures are
     * plain histograms', and the pending arrays are neither written nor grown for them. Past {@code PENDING} they
     * are recorded first (the function then counts by index), the same figures.
     */
    @Test
    void aClosingBucketIsTalliedFromTheLogWithoutItsPendingArray() {
        int n = LatencyRecorder.PENDING;
        // one function, one bucket: all its values in the log at the close
        for (int values : new int[] {1, 100, n}) {
            LatencyRecorder r = new LatencyRecorder(60 * SEC, 60 * SEC, 1, 1 << 15);
            checkAgainstPlainHistograms(r, new RandomStreams(values, 0).stream("lat"), values, 1, 1, values);
            assertEquals(0, r.pendingCapacity(0), values + " values: no pending array");
        }
        LatencyRecorder over = new LatencyRecorder(60 * SEC, 60 * SEC, 1, 1 << 15);
        checkAgainstPlainHistograms(over, new RandomStreams(7, 0).stream("lat"), 7, 1, 1, n + 1);
        assertEquals(n, over.pendingCapacity(0), "one value past PENDING: recorded, then counted by index");
        // a log of 1,000: 3,000 values drain twice into the pending array (2,000 there, 2,048 long); the last 1,000
        // are tallied from the log with them (recorded, the array would have grown to 4,096)
        LatencyRecorder mixed = new LatencyRecorder(60 * SEC, 60 * SEC, 1, 1_000);
        checkAgainstPlainHistograms(mixed, new RandomStreams(11, 0).stream("lat"), 11, 1, 1, 3_000);
        assertEquals(2_048, mixed.pendingCapacity(0));
        // many functions, several buckets, the log drained within buckets too
        for (int seed = 1; seed <= 6; seed++) {
            RandomGenerator rng = new RandomStreams(seed, 0).stream("lat");
            LatencyRecorder r = new LatencyRecorder(3 * 60 * SEC, 60 * SEC, 1, 1 + rng.nextInt(5_000));
            checkAgainstPlainHistograms(r, rng, seed, 1 + rng.nextInt(80), 3, 20_000 + rng.nextInt(20_000));
        }
    }

    private static void figuresAreThoseOfPlainHistograms(int loggedFrom, int logCapacity) {
        for (int seed = 1; seed <= 20; seed++) {
            RandomGenerator rng = new RandomStreams(seed, 0).stream("lat");
            int functions = 1 + rng.nextInt(12);
            int buckets = 1 + rng.nextInt(6);
            LatencyRecorder r = new LatencyRecorder(buckets * 60 * SEC, 60 * SEC, loggedFrom, logCapacity);
            checkAgainstPlainHistograms(r, rng, seed, functions, buckets, rng.nextInt(20_000));
        }
    }

    /**
     * Records {@code events} random latencies (function 0 busy, some 0, some cold) spread evenly over the buckets
     * into {@code r} (not yet attached) and into plain histograms, and checks every figure against them.
     */
    private static void checkAgainstPlainHistograms(LatencyRecorder r, RandomGenerator rng, int seed, int functions,
            int buckets, int events) {
        {
            List<String> names = new java.util.ArrayList<>();
            for (int f = 0; f < functions; f++) {
                names.add("f" + f);
            }
            r.attach(names);
            ReadOut[][] plain = new ReadOut[functions][buckets];
            ReadOut[] overall = new ReadOut[functions];
            ReadOut[] cold = new ReadOut[functions];
            ReadOut account = new ReadOut();
            ReadOut accountCold = new ReadOut();
            long[][] coldPerBucket = new long[functions + 1][buckets]; // the account's last
            ReadOut[] accountPlain = new ReadOut[buckets];
            for (int b = 0; b < buckets; b++) {
                accountPlain[b] = new ReadOut();
            }
            for (int f = 0; f < functions; f++) {
                overall[f] = new ReadOut();
                cold[f] = new ReadOut();
                for (int b = 0; b < buckets; b++) {
                    plain[f][b] = new ReadOut();
                }
            }
            long step = buckets * 60 * SEC / (events + 1);
            for (int i = 0; i < events; i++) {
                long now = i * step;
                int f = rng.nextInt(5) == 0 ? 0 : rng.nextInt(functions); // function 0 busy
                long v = rng.nextInt(50) == 0 ? 0 : 1 + (long) (Math.exp(rng.nextGaussian() * 2) * 50_000); // 0 too
                boolean c = rng.nextInt(9) == 0;
                r.latency(f, v, c, now);
                plain[f][(int) (now / (60 * SEC))].record(v);
                accountPlain[(int) (now / (60 * SEC))].record(v);
                overall[f].record(v);
                account.record(v);
                if (c) {
                    coldPerBucket[f][(int) (now / (60 * SEC))]++;
                    coldPerBucket[functions][(int) (now / (60 * SEC))]++;
                    cold[f].record(v);
                    accountCold.record(v);
                }
            }
            int checked = 0;
            for (Series s : r.series()) {
                if (s.metric() == Metric.COLD_STARTS) {
                    long[] expected = coldPerBucket[s.scope() == Metric.Scope.ACCOUNT ? functions : names.indexOf(s.id())];
                    assertEquals(java.util.Arrays.toString(expected), java.util.Arrays.toString(s.values()),
                            "seed " + seed + " cold starts of " + s.id());
                    continue;
                }
                if (s.metric().unit() != Metric.Unit.MICROSECONDS) {
                    continue;
                }
                checked++;
                int f = names.indexOf(s.id());
                for (int b = 0; b < buckets; b++) {
                    ReadOut h = s.scope() == Metric.Scope.ACCOUNT ? accountPlain[b] : plain[f][b];
                    long expected = h.count() == 0 ? -1 : switch (s.metric()) {
                        case LATENCY_P50 -> h.percentile(50);
                        case LATENCY_P90 -> h.percentile(90);
                        case LATENCY_P99 -> h.percentile(99);
                        case LATENCY_MAXIMUM -> h.maximum();
                        default -> throw new AssertionError(s.metric());
                    };
                    assertEquals(expected, s.values()[b], "seed " + seed + " " + s.id() + " " + s.metric() + " " + b);
                }
            }
            assertEquals(4 * (functions + 1), checked, "four latency statistics per function and the account's");
            for (int f = 0; f < functions; f++) {
                RunSummary.Latency l = r.functionLatency().get("f" + f);
                assertEquals(overall[f].count(), l.count());
                assertEquals(cold[f].count(), l.coldStarts(), "seed " + seed + " cold starts of f" + f);
                // the summary's percentiles: read inside their buckets, within the exact [min, max]; the maximum exact
                if (l.count() > 0) {
                    assertEquals(overall[f].percentile(50) / 1000.0, l.p50(), "seed " + seed);
                    assertEquals(overall[f].percentile(90) / 1000.0, l.p90(), "seed " + seed);
                    assertEquals(overall[f].percentile(99) / 1000.0, l.p99(), "seed " + seed);
                    assertEquals(overall[f].maximum() / 1000.0, l.max());
                }
                if (cold[f].count() > 0) { // the cold starts' read the same way from their own exact extremes
                    assertEquals(cold[f].percentile(50) / 1000.0, l.coldStartP50());
                    assertEquals(cold[f].percentile(99) / 1000.0, l.coldStartP99());
                }
            }
            RunSummary.Latency a = r.accountLatency();
            assertEquals(account.count(), a.count());
            assertEquals(accountCold.count(), a.coldStarts(), "seed " + seed + " the account's cold starts");
            if (a.count() > 0) {
                assertEquals(account.percentile(50) / 1000.0, a.p50());
                assertEquals(account.percentile(90) / 1000.0, a.p90());
                assertEquals(account.percentile(99) / 1000.0, a.p99());
                assertEquals(account.maximum() / 1000.0, a.max());
            }
            if (accountCold.count() > 0) {
                assertEquals(accountCold.percentile(50) / 1000.0, a.coldStartP50());
                assertEquals(accountCold.percentile(99) / 1000.0, a.coldStartP99());
            }
        }
    }

}
