package dev.enisim.metrics;

import dev.enisim.model.WorldListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latency of successful invocations (init when cold + duration), per function and for the account: overall and
 * per time bucket, as HdrHistograms (two significant digits). Only the current bucket's histogram is kept; when
 * a later bucket begins, its percentiles are written into arrays and it is reset, so memory is bounded by the
 * number of buckets whatever the number of invocations.
 *
 * <p>The read-out (summary.json's {@code latencyMillis}, the time series' {@code Sim.Latency.*}): beside the counts
 * each scope keeps its exact smallest and largest latency and how many latencies equal the smallest
 * ({@link #extremes}: per bucket, folded into the run's at its close; a compare per record for each, the ties
 * counted only at the minimum). The maximum is the exact one. The percentile of rank r ({@code ceil(p/100 x n)},
 * HdrHistogram's) is the exact minimum when r is at most the ties (a constant duration reads exactly, cold starts
 * above it or not), the exact maximum when r is the last rank (the p99 of fewer than 100 values); otherwise its value, the k-th of the c counted in its histogram bucket, is read by linear
 * interpolation on rank, {@code lowest + floor((k - 1/2) / c x width)}, and clamped to the exact {@code [min, max]}
 * ({@link LatencyCounts#estimate}): within the true value's bucket always, unbiased for a smooth distribution, and
 * varying between samples as their values do. The cold starts' percentiles are read the same way from the cold
 * starts' own exact extremes and ties ({@link #coldExtremes}: a lone cold start reads exactly). Until the capacity planner's review a percentile was its bucket's upper
 * edge (capped by the maximum over the run): a constant 1 s read 1,003.519 ms and the p99 of three replications was
 * the same edge.
 */
public final class LatencyRecorder implements WorldListener, Bucketed {

    /** Percentiles reported, and the series statistic names for them. */
    static final double[] PERCENTILES = {50, 90, 99};
    static final Metric[] STATISTICS = {Metric.LATENCY_P50, Metric.LATENCY_P90, Metric.LATENCY_P99,
        Metric.LATENCY_MAXIMUM};

    private final long bucketMicros;
    private final int buckets;
    private List<String> functionNames;
    private Track account;
    private Track[] functions;   // null until the function records a latency
    /**
     * Each function's largest and smallest latency in the current bucket, exact (µs), and how many latencies equal
     * the smallest, in pages of {@link #EXTREMES_PAGE} functions made when one of them first records (idle
     * functions cost a reference per page): at {@code 4 * (f % EXTREMES_PAGE)} of page {@code f / EXTREMES_PAGE} its
     * maximum (0 before its first), then its minimum ({@link #EXACT_UP_TO} before its first), then the ties at the
     * minimum (the lowest ranks, read as the minimum itself: a constant duration reads exactly, cold starts above it
     * or not; saturating at {@code Integer.MAX_VALUE} in a bucket), side by side so that a record touches one cache
     * line. A histogram's maximum is the upper edge of its value's
     * bucket, up to 1% above it (two significant digits): a run whose every latency was at most 1,001 ms reported
     * 1,003.52 ms, and a check {@code latencyMillis.max <= 1001} failed (a methodologist's review); and a percentile
     * read as its bucket's edge made a constant 1 s read 1,003.519 ms and a p99 of three replications the same to the
     * microsecond (a capacity planner's review). So the maximum is reported as it was, and every percentile is read
     * inside its bucket and clamped to the exact {@code [min, max]} ({@link LatencyCounts#estimate}). An
     * {@code int}: up to {@link #EXACT_UP_TO} µs, 35 minutes, more than a Lambda invocation's 15 and its init's; a
     * larger latency saturates the maximum, and the histogram's is used (a minimum that large is taken as unknown: 0).
     * Folded into the function's track's run extremes when the bucket closes. Kept in the function's track, which the
     * record loads anyway; through the shared log (many functions: no track is touched as a latency is recorded) in
     * these pages, 16 bytes a function that recorded, null otherwise.
     */
    private int[][] extremes;
    static final int EXTREMES_PAGE = 64;
    /**
     * Each function's largest and smallest cold-start latency over the run, exact (µs), and how many cold starts equal
     * the smallest, as {@link #extremes} keeps all latencies' per bucket (the cold-start percentiles are the run's
     * only, so nothing is folded at a bucket's close): at {@code 3 * (f % EXTREMES_PAGE)} of page
     * {@code f / EXTREMES_PAGE} its maximum (0 before its first), its minimum ({@link #EXACT_UP_TO} before its first),
     * its ties at the minimum (saturating at {@code Integer.MAX_VALUE}). The table is made at the run's first cold
     * start, a page at the first of one of its functions (12 bytes a function): a cold start, rare beside the rest of
     * the latencies and the environment it makes, costs a compare or three here and never an allocation after its
     * page's first. Without them a lone cold start's percentile read at its histogram bucket's middle (up to half a
     * percent off: 1,234 ms read as 1,232.896), since only all latencies' extremes clamped it.
     */
    private int[][] coldExtremes;
    static final int EXACT_UP_TO = Integer.MAX_VALUE;

    /**
     * A closed bucket's statistics, per function that recorded in it ({@link #ENTRY} longs each: the function, then
     * its p50, p90, p99, maximum and cold starts), bucket-major and sparse: closing a bucket writes one entry per
     * function that had invocations, side by side, and an idle function costs nothing. Null for a bucket the run passed
     * without a latency.
     */
    private long[][] closed;
    /** The account's statistics per bucket ({@link #STATS} longs each: p50, p90, p99, maximum, cold starts). */
    private long[] accountStats;
    static final int STATS = STATISTICS.length + 1;
    private static final int ENTRY = 1 + STATS;

    /** Histogram indices of all latencies (0 to {@code Long.MAX_VALUE}): 7,296, so a {@code short} holds one. */
    static final int INDICES = LatencyCounts.index(Long.MAX_VALUE) + 1;
    /** A bucket's counts by index start this long (about 1 ms; they grow to cover the values counted). */
    private static final int COUNTS_FIRST = 1024;

    /**
     * Values a function's bucket holds before they are counted by histogram index (see {@link Track}): 4,096
     * (1,024 until round 2's tenth pass), so that {@code account}'s functions (600 to 2,400 values a bucket) close
     * every bucket from their pending values through the shared tally, rather than count each value into counts of
     * their own (a random index into some 2,000 longs per function, 200 functions: beyond the processor's nearer
     * caches) and walk those counts' window at the close. Measured: the latency recorder alone at {@code account}'s
     * shape (a scratch driver, 9·10^6 latencies over 200 functions at 10 to 40 a second, best of 10 rounds), 21.8
     * -> 14.8 ns per latency; its share of {@code account}'s JFR samples 10.7% -> 4.6% (with the log from 64
     * functions). Memory: a pending array holds 2-byte values, so 4,096 of them take what the first 1,024 longs of
     * counts took, and a function whose buckets stay under 4,096 values never makes counts at all.
     */
    static final int PENDING = 4096;

    /**
     * From this many functions on, latencies wait in the shared log (see {@link #log}): 64 (256 until round 2's tenth
     * pass). With a hundred functions or more, a latency recorded directly is a first touch of its function's track
     * and pending array, which the other rows of the event have evicted from the nearest cache; the log appends to two
     * arrays and its grouping touches each track once per run of values. Measured in the simulator (JFR,
     * {@code --no-fork}, 2 runs each, alternated, {@link #PENDING} 4,096 in both): {@code account} (200 functions),
     * the latency recorder 8.4%, 7.4% of the samples directly, 5.0%, 4.2% through the log ({@code Track.record}
     * 122 of 2,535 samples -> 3 of 2,288; the log, its grouping and copies 41); {@code loss-100} (100 functions) 8.0%,
     * 7.7% against 7.0%, 7.8% (no difference resolved). The recorder alone, outside the simulator (the caches its
     * own), resolves neither side: per latency, directly against through the log, 15.6 against 17.5 ns at
     * {@code loss-100}'s shape, 15.9 against 14.8 at {@code account}'s, 16.6 against 20.4 at 64 functions (the
     * direct path ahead there; not measured in the simulator below 100 functions, where no workload of the bench
     * lies). {@code loss} (one function) never uses the log.
     */
    static final int LOGGED_FROM = 64;

    /**
     * The log holds up to {@link #LOG_PER_FUNCTION} values per function, at least {@link #LOG_LEAST} and at most
     * {@link #LOG_MOST} ({@link #logCapacity(int)}), growing by doubling as a bucket needs it: 2,048 a function
     * (128 in round 2's twelfth pass, 32,768 for up to 256 functions before it), so that a bucket of {@code account}
     * (200 functions, some 300,000 values) or {@code loss-100} (100 functions, 57,000) closes straight from the log
     * (grouped once, tallied where the grouping put them) without draining into the functions' pending arrays
     * within it (a copy of every value drained, and a pass over the listed functions' tracks each drain: 9 drains a
     * bucket in {@code account} with a log of 32,768, 1 in {@code loss-100}); and {@code many-functions}' 10,000 (about
     * 600,000 values a bucket), which drained 18 times a bucket with 32,768 (each drain touching every function's
     * track and pending array: 20,000 cache misses), close from a log of 2^20. Measured: {@code many-functions} 20
     * minutes, the latency recorder 10.9% -> 7.3% of the JFR samples (a log of 2^20, twelfth pass). Memory: 8 bytes a
     * value (the log and its grouping) while the run lasts: up to 3.2 MiB at 200 functions, 16 MiB at the most.
     */
    static final int LOG_PER_FUNCTION = 2048;
    static final int LOG_LEAST = 1 << 15;
    static final int LOG_MOST = 1 << 21;
    /** The log's capacity by the run's functions ({@link #logCapacity(int)}). */
    private static final int BY_FUNCTIONS = 0;

    private final int loggedFrom;
    private final int logCapacity;

    public LatencyRecorder(long durationMicros, long bucketMicros) {
        this(durationMicros, bucketMicros, LOGGED_FROM, BY_FUNCTIONS);
    }

    /**
     * With the log used from {@code loggedFrom} functions on and holding up to {@code logCapacity} values (tests;
     * {@link #BY_FUNCTIONS}: {@link #logCapacity(int)} of the functions attached).
     */
    LatencyRecorder(long durationMicros, long bucketMicros, int loggedFrom, int logCapacity) {
        this.bucketMicros = bucketMicros;
        this.buckets = (int) ((durationMicros + bucketMicros - 1) / bucketMicros);
        this.loggedFrom = loggedFrom;
        this.logCapacity = logCapacity;
    }

    /** Binds to the run's functions, by index. */
    public void attach(List<String> functionNames) {
        this.functionNames = List.copyOf(functionNames);
        account = Track.account();
        functions = new Track[functionNames.size()];
        closed = new long[buckets][];
        accountStats = noStatistics(buckets);
        active = new int[functions.length];
        isActive = new boolean[functions.length];
        if (functions.length >= loggedFrom) {
            extremes = new int[(functions.length + EXTREMES_PAGE - 1) / EXTREMES_PAGE][];
            logging = true;
            logLimit = logCapacity == BY_FUNCTIONS ? logCapacity(functions.length) : logCapacity;
            logValues = new short[Math.min(1024, logLimit)];
            logFunctions = new int[logValues.length];
            logStart = new int[functions.length];
        }
    }

    private int currentBucket;
    private long bucketEnd;
    private final Tally tally = new Tally(); // a closing bucket's pending values counted by index
    private int[] active;      // the functions that recorded in the current bucket, in first-record order
    private int activeCount;
    /**
     * Per function, whether it is in {@link #active} (beside the list rather than in the track: the log's grouping
     * asks for every function it holds, and with thousands of functions a track is a cache miss).
     */
    private boolean[] isActive;
    // the shared log of latencies not yet in their functions' tracks (null with fewer than loggedFrom functions, and
    // once the run is finished)
    private boolean logging;
    private int logLimit;
    private short[] logValues; // histogram indices, ~index for a cold start
    private int[] logFunctions;
    private int logCount;
    private int[] logStart;    // per function, where its values go when the log is grouped
    private short[] grouped;   // the log's values grouped by function

    /**
     * Records into the function's current-bucket histogram only; when a later bucket begins, every function's
     * bucket is closed and added to its overall histogram and to the account's (per-bucket cost, not per-event).
     */
    @Override
    public void latency(int function, long latencyMicros, boolean coldStart, long nowMicros) {
        if (nowMicros >= bucketEnd) {
            int b = (int) Math.min(nowMicros / bucketMicros, buckets - 1);
            if (b != currentBucket) {
                closeBucket();
                currentBucket = b;
            }
            bucketEnd = b == buckets - 1 ? Long.MAX_VALUE : (b + 1) * bucketMicros;
        }
        record(function, latencyMicros, coldStart);
    }

    /**
     * Closes the current bucket (of every function that recorded in it; nothing when none did: a bucket without
     * latencies keeps no statistics, as one the run skips) and begins bucket {@code b}, a later one: the same figures
     * whenever before the next latency in bucket {@code b} it is called.
     */
    @Override
    public void crossTo(int b) {
        if (activeCount > 0 || logCount > 0) {
            closeBucket();
        }
        currentBucket = b;
        bucketEnd = b == buckets - 1 ? Long.MAX_VALUE : (b + 1) * bucketMicros;
    }

    /**
     * As {@link #latency}, in the bucket begun last ({@link #crossTo}: the caller crosses the buckets for all the
     * metrics at once, {@link Observers}): no edge of its own to test.
     */
    void record(int function, long latencyMicros, boolean coldStart) {
        int index = LatencyCounts.index(latencyMicros);
        short value = (short) (coldStart ? ~index : index);
        if (coldStart) {
            coldExtremes(function, latencyMicros);
        }
        if (logValues != null) {
            int[] e = extremes[function / EXTREMES_PAGE];
            if (e == null) {
                e = extremesPage(function);
            }
            int at = 4 * (function % EXTREMES_PAGE);
            if (latencyMicros > e[at]) {
                e[at] = (int) Math.min(latencyMicros, EXACT_UP_TO);
            }
            if (latencyMicros <= e[at + 1]) { // rarely taken but by a constant latency (predicted then)
                if (latencyMicros < e[at + 1]) {
                    e[at + 1] = (int) latencyMicros; // below EXACT_UP_TO: an int
                    e[at + 2] = 0;
                }
                if (e[at + 2] < Integer.MAX_VALUE) {
                    e[at + 2]++;
                }
            }
            log(function, value);
            return;
        }
        Track t = functions[function];
        if (!isActive[function]) {
            t = activate(function);
        }
        if (latencyMicros > t.bucketMax) {
            t.bucketMax = (int) Math.min(latencyMicros, EXACT_UP_TO);
        }
        if (latencyMicros <= t.bucketMin) { // rarely taken but by a constant latency (predicted then)
            if (latencyMicros < t.bucketMin) {
                t.bucketMin = (int) latencyMicros; // below EXACT_UP_TO: an int
                t.bucketTies = 0;
            }
            t.bucketTies++;
        }
        t.record(value);
    }

    /** Folds a cold start's latency into its function's {@link #coldExtremes} (its page made at its first). */
    private void coldExtremes(int function, long latencyMicros) {
        int[][] pages = coldExtremes;
        int[] e = pages == null ? null : pages[function / EXTREMES_PAGE];
        if (e == null) {
            e = coldExtremesPage(function);
        }
        int at = 3 * (function % EXTREMES_PAGE);
        if (latencyMicros > e[at]) {
            e[at] = (int) Math.min(latencyMicros, EXACT_UP_TO);
        }
        if (latencyMicros <= e[at + 1]) {
            if (latencyMicros < e[at + 1]) {
                e[at + 1] = (int) latencyMicros; // below EXACT_UP_TO: an int
                e[at + 2] = 0;
            }
            if (e[at + 2] < Integer.MAX_VALUE) {
                e[at + 2]++;
            }
        }
    }

    /** Makes the page of {@link #coldExtremes} of a function (and the table, at the run's first cold start). */
    private int[] coldExtremesPage(int function) {
        if (coldExtremes == null) {
            coldExtremes = new int[(functions.length + EXTREMES_PAGE - 1) / EXTREMES_PAGE][];
        }
        int[] e = new int[3 * EXTREMES_PAGE];
        for (int at = 1; at < e.length; at += 3) {
            e[at] = EXACT_UP_TO;
        }
        coldExtremes[function / EXTREMES_PAGE] = e;
        return e;
    }

    /**
     * A function's cold-start extremes as {@link Track#summary} takes them: {maximum, minimum, ties} ({@code 0},
     * {@link #EXACT_UP_TO}, {@code 0} without a cold start).
     */
    private int[] coldExtremesOf(int function) {
        int[] e = coldExtremes == null ? null : coldExtremes[function / EXTREMES_PAGE];
        if (e == null) {
            return new int[] {0, EXACT_UP_TO, 0};
        }
        int at = 3 * (function % EXTREMES_PAGE);
        return new int[] {e[at], e[at + 1], e[at + 2]};
    }

    /**
     * Fetches function {@code function}'s current-bucket extremes ahead of its next record, by a store to the spare
     * int beside them ({@code 4 * (f % EXTREMES_PAGE) + 3}, read by nothing): a look ahead, as {@link
     * FunctionLines#touch}. Changes no figure; nothing when the extremes are not kept or its page is not made yet.
     */
    void touch(int function) {
        int[][] pages = extremes;
        if (pages != null) {
            int[] e = pages[function / EXTREMES_PAGE];
            if (e != null) {
                e[4 * (function % EXTREMES_PAGE) + 3] = -1;
            }
        }
    }

    /** Makes the page of {@link #extremes} of a function: no maximum, no minimum, no ties yet. */
    private int[] extremesPage(int function) {
        int[] e = new int[4 * EXTREMES_PAGE];
        for (int at = 1; at < e.length; at += 4) {
            e[at] = EXACT_UP_TO;
        }
        extremes[function / EXTREMES_PAGE] = e;
        return e;
    }

    /** The length of a bucket and the buckets of the run (those {@link Observers} crosses them by must agree). */
    @Override
    public boolean sameBuckets(BucketGrid grid) {
        return grid.bucketMicros() == bucketMicros && grid.count() == buckets;
    }

    /** Whether latencies go through the shared log (from {@code loggedFrom} functions on). */
    boolean logged() {
        return logging;
    }

    /** The log's capacity for a run of {@code functions} functions: 2,048 values each, within 2^15 to 2^21. */
    static int logCapacity(int functions) {
        return (int) Math.min(LOG_MOST, Math.max(LOG_LEAST, (long) functions * LOG_PER_FUNCTION));
    }

    /** The log's capacity in this run (tests; 0 when latencies are not logged). */
    int logLimit() {
        return logLimit;
    }

    /** Lists the function as recording in the current bucket (making its track on its first latency). */
    private Track activate(int function) {
        Track t = functions[function];
        if (t == null) {
            t = Track.function();
            functions[function] = t;
        }
        isActive[function] = true;
        active[activeCount++] = function;
        return t;
    }

    /** {@code n} rows of statistics as a bucket without invocations has them: no percentiles (-1), no cold starts. */
    private static long[] noStatistics(int n) {
        long[] s = new long[n * STATS];
        for (int i = 0; i < n; i++) {
            java.util.Arrays.fill(s, i * STATS, i * STATS + STATISTICS.length, -1);
        }
        return s;
    }

    /**
     * With many functions (from {@link #LOGGED_FROM}), recording into a function's track is a few cache misses (its
     * track, its array of pending values) for each invocation; so the latency is appended to one log shared by all,
     * and the log is grouped by function (a counting sort) when it is full or the bucket closes, each function's
     * values then going into its track together (copied: {@link Track#recordAll}; at a bucket's close, tallied where
     * they are: {@link #closeBucket}): a track is touched once per grouping, not once per value. The values each
     * track gets, and their order, are those of recording directly.
     */
    private void log(int function, short value) {
        if (logCount == logValues.length) {
            if (logCount < logLimit) {
                int n = Math.min(logLimit, 2 * logCount);
                logValues = java.util.Arrays.copyOf(logValues, n);
                logFunctions = java.util.Arrays.copyOf(logFunctions, n);
            } else {
                drainLog();
            }
        }
        logValues[logCount] = value;
        logFunctions[logCount++] = function;
    }

    /** Moves the log's values into their functions' tracks, grouped by function, in the order they were logged. */
    private void drainLog() {
        if (logCount == 0) {
            return;
        }
        short[] g = groupLog();
        int[] start = logStart;
        int from = 0;
        for (int c = 0; c < activeCount; c += FETCHED) { // start[f] is now the end of f's values
            int e = Math.min(activeCount, c + FETCHED);
            fetch(c, e, from);
            for (int i = c; i < e; i++) {
                int f = active[i];
                int to = start[f];
                start[f] = 0;
                functions[f].recordAll(g, from, to);
                from = to;
            }
        }
        logCount = 0;
    }

    /**
     * Groups the log's values by function (a counting sort, listing the functions new to the bucket) into
     * {@link #grouped}, which it returns: function {@code active[i]}'s values, in the order they were logged, end at
     * {@code logStart[active[i]]} and begin where the previous listed function's end (0 for the first). The log
     * and {@code logStart}'s entries stay for the caller to clear.
     */
    private short[] groupLog() {
        int n = logCount;
        int[] fn = logFunctions;
        int[] start = logStart;
        for (int i = 0; i < n; i++) { // count per function (in start), listing the functions new to the bucket
            int f = fn[i];
            if (start[f]++ == 0 && !isActive[f]) {
                activate(f);
            }
        }
        int at = 0;
        for (int i = 0; i < activeCount; i++) { // counts into starts (zero for the bucket's earlier functions)
            int f = active[i];
            int c = start[f];
            start[f] = at;
            at += c;
        }
        if (grouped == null || grouped.length < n) {
            grouped = new short[logValues.length];
        }
        short[] g = grouped;
        short[] v = logValues;
        for (int i = 0; i < n; i++) {
            g[start[fn[i]]++] = v[i];
        }
        return g;
    }

    /** Functions whose tracks {@link #fetch} reads ahead of moving their values. */
    private static final int FETCHED = 64;
    private long fetched; // what fetch read, summed: kept, so that its reads are

    /**
     * Reads the tracks of the listed functions {@code c} to {@code e - 1} that have values in the log's grouping
     * (their first from {@code from}), then the slot of each one's pending array its first value goes to, in two
     * short loops: with thousands of functions each is a cache miss, and a loop of a few instructions has many of
     * them in flight at once, where moving a function's values (a few dozen instructions) had one or two.
     */
    private void fetch(int c, int e, int from) {
        Track[] tracks = functions;
        int[] list = active;
        int[] end = logStart;
        long sum = 0;
        for (int i = c, last = from; i < e; i++) {
            int to = end[list[i]];
            if (to > last) {
                sum += tracks[list[i]].pendingCount;
            }
            last = to;
        }
        for (int i = c, last = from; i < e; i++) {
            int to = end[list[i]];
            if (to > last) {
                Track t = tracks[list[i]];
                short[] p = t.pending;
                int k = t.pendingCount;
                if (k < p.length) {
                    sum += p[k];
                }
            }
            last = to;
        }
        fetched += sum;
    }

    /**
     * Closes the bucket of each function that recorded in it (the others have nothing to close), then the account's.
     * Through the log, the values still in it are grouped by function and each function's bucket is closed from
     * them and its pending ones together ({@link Track#closeWith}): not copied into its pending array first.
     */
    private void closeBucket() {
        short[] g = logValues != null && logCount > 0 ? groupLog() : null;
        int[] end = logStart;
        int from = 0;
        long[] entries = new long[activeCount * ENTRY];
        int[][] pages = extremes;
        int bucketMax = 0;
        int bucketMin = EXACT_UP_TO;
        long bucketTies = 0;
        for (int i = 0; i < activeCount; i++) {
            int f = active[i];
            Track t = functions[f];
            isActive[f] = false;
            if (pages != null) { // the bucket's extremes were kept beside the log (the function's page is made)
                int[] e = pages[f / EXTREMES_PAGE];
                int x = 4 * (f % EXTREMES_PAGE);
                t.bucketMax = e[x];
                t.bucketMin = e[x + 1];
                t.bucketTies = e[x + 2];
                e[x] = 0;
                e[x + 1] = EXACT_UP_TO;
                e[x + 2] = 0;
            }
            bucketMax = Math.max(bucketMax, t.bucketMax);
            if (t.bucketMin <= bucketMin) {
                bucketTies = t.bucketMin < bucketMin ? t.bucketTies : bucketTies + t.bucketTies;
                bucketMin = t.bucketMin;
            }
            int at = i * ENTRY;
            entries[at] = f;
            java.util.Arrays.fill(entries, at + 1, at + 1 + STATISTICS.length, -1);
            if (g == null) {
                t.closeInto(entries, at + 1, account, tally);
            } else {
                int to = end[f];
                end[f] = 0;
                t.closeWith(g, from, to, entries, at + 1, account, tally);
                from = to;
            }
        }
        logCount = 0;
        closed[currentBucket] = entries;
        activeCount = 0;
        account.bucketMax = bucketMax;
        account.bucketMin = bucketMin;
        account.bucketTies = bucketTies;
        account.closeCounted(accountStats, currentBucket * STATS, null);
    }

    /** The length of the function's pending array (tests: 0 while none was needed). */
    int pendingCapacity(int function) {
        return functions[function] == null ? 0 : functions[function].pending.length;
    }

    /** Duration percentile series (microseconds) and cold starts, per function then for the account. */
    public List<Series> series() {
        finish();
        long[][] byFunction = byFunction();
        long[] none = noStatistics(buckets);
        List<Series> out = new ArrayList<>();
        for (int i = 0; i < functions.length; i++) {
            addSeries(out, Metric.Scope.FUNCTION, functionNames.get(i), byFunction[i] == null ? none : byFunction[i]);
        }
        addSeries(out, Metric.Scope.ACCOUNT, "", accountStats);
        return out;
    }

    /** The closed buckets' entries gathered per function ({@link #STATS} longs per bucket; null: none). */
    private long[][] byFunction() {
        long[][] out = new long[functions.length][];
        for (int b = 0; b < buckets; b++) {
            long[] entries = closed[b];
            for (int at = 0; entries != null && at < entries.length; at += ENTRY) {
                int f = (int) entries[at];
                if (out[f] == null) {
                    out[f] = noStatistics(buckets);
                }
                System.arraycopy(entries, at + 1, out[f], b * STATS, STATS);
            }
        }
        return out;
    }

    /** A scope's statistics ({@link #STATS} longs per bucket) as its series: the percentiles, maximum, cold starts. */
    private void addSeries(List<Series> out, Metric.Scope scope, String id, long[] stats) {
        for (int s = 0; s < STATS; s++) {
            long[] v = new long[buckets];
            for (int b = 0; b < buckets; b++) {
                v[b] = stats[b * STATS + s];
            }
            out.add((s < STATISTICS.length ? STATISTICS[s] : Metric.COLD_STARTS).series(scope, id, v));
        }
    }

    /** Bytes held by the counts and per-bucket statistics: grows with buckets and functions, not invocations. */
    public long footprintBytes() {
        long n = account.footprintBytes() + 16 + 8L * accountStats.length + 16 + 8L * closed.length
                + 16 + 4L * functions.length + footprint(extremes) + footprint(coldExtremes);
        for (Track t : functions) {
            n += t == null ? 0 : t.footprintBytes();
        }
        for (long[] entries : closed) {
            n += entries == null ? 0 : 16 + 8L * entries.length;
        }
        return n;
    }

    /** Bytes held by {@link #extremes} or {@link #coldExtremes}: the table of pages and the pages made. */
    private static long footprint(int[][] pages) {
        if (pages == null) {
            return 0;
        }
        long n = 16 + 4L * pages.length;
        for (int[] page : pages) {
            n += page == null ? 0 : 16 + 4L * page.length;
        }
        return n;
    }

    /** Overall latency of the account's successful invocations. */
    public RunSummary.Latency accountLatency() {
        finish();
        long cold = 0;
        for (int b = countedFrom; b < buckets; b++) {
            cold += accountStats[b * STATS + STATISTICS.length];
        }
        int max = 0;
        int min = EXACT_UP_TO;
        long ties = 0;
        for (Track t : functions) {
            if (t != null) {
                max = Math.max(max, t.maxMicros);
                if (t.minMicros <= min) {
                    ties = t.minMicros < min ? t.minTies : ties + t.minTies;
                    min = t.minMicros;
                }
            }
        }
        int coldMax = 0;
        int coldMin = EXACT_UP_TO;
        long coldTies = 0;
        for (int f = 0; f < functions.length; f++) {
            int[] e = coldExtremesOf(f);
            coldMax = Math.max(coldMax, e[0]);
            if (e[1] <= coldMin) {
                coldTies = e[1] < coldMin ? e[2] : coldTies + e[2];
                coldMin = e[1];
            }
        }
        return account.summary(cold, min, ties, max, coldMin, coldTies, coldMax);
    }

    private boolean finished;
    /** The first bucket the overall figures count: 0, or the warm-up's end ({@link #warmUpEnds}). */
    private int countedFrom;

    /**
     * The warm-up ended at the first instant of {@code bucket} (begun: {@link #crossTo} closed the one before): the
     * overall figures (count, percentiles, maximum, cold starts) count the latencies from here on, those of the
     * invocations that start from it; the buckets' series keep the warm-up's.
     */
    public void warmUpEnds(int bucket) {
        if (bucket != currentBucket) {
            crossTo(bucket);
        }
        for (Track t : functions) {
            if (t != null) {
                t.restart();
            }
        }
        account.restart();
        coldExtremes = null;
        countedFrom = bucket;
    }

    /** Closes the last bucket (once, after the run). */
    private void finish() {
        if (!finished) {
            closeBucket();
            for (Track t : functions) {
                if (t != null) {
                    account.cold.add(t.cold);
                }
            }
            logValues = null; // the log is let go (up to 16 MiB with many functions): no latency comes after
            logFunctions = null;
            grouped = null;
            finished = true;
        }
    }

    /** Overall latency per function, in function order. */
    public Map<String, RunSummary.Latency> functionLatency() {
        finish();
        long[] cold = new long[functions.length];
        for (int b = countedFrom; b < closed.length; b++) {
            long[] entries = closed[b];
            for (int at = 0; entries != null && at < entries.length; at += ENTRY) {
                cold[(int) entries[at]] += entries[at + ENTRY - 1];
            }
        }
        Track idle = Track.function();
        Map<String, RunSummary.Latency> out = new LinkedHashMap<>();
        for (int i = 0; i < functions.length; i++) {
            Track t = functions[i] == null ? idle : functions[i];
            int[] e = coldExtremesOf(i);
            out.put(functionNames.get(i), t.summary(cold[i], t.minMicros, t.minTies, t.maxMicros, e[1], e[2], e[0]));
        }
        return out;
    }

    /**
     * One latency track: the current bucket, and overall (the sum of closed buckets); cold starts apart. Laid out so
     * that many functions cost little: a function's invocations of the current bucket wait in a small array
     * ({@link #pending}, up to {@link #PENDING} values) and, when the bucket closes, its percentiles are read from
     * them tallied by histogram index and they are counted into the overall and cold-start {@link LatencyCounts} (a window of counts:
     * none for a function never invoked); a function whose bucket outgrows the array counts its values by histogram
     * index ({@link #counts}, as the account's bucket always does). The counts are those of plain
     * {@code Histogram(2)}s; the percentiles are read from them and the exact extremes (see the class's comment).
     */
    private static final class Track {
        private static final short[] NONE = new short[0];

        private LatencyCounts overall = new LatencyCounts(); // replaced at the warm-up's end (restart)
        private LatencyCounts cold = new LatencyCounts();
        private short[] pending = NONE;     // this bucket's values not yet counted, as histogram indices; ~index
                                            // for a cold start (what a value's figures depend on: 2 bytes, not 8)
        private int pendingCount;
        /**
         * This bucket's values counted by histogram index (the account's always; a function's once a bucket of
         * its outgrew pending, null before); cleared when the bucket closes. The account's: indices {@link #countsLo}
         * to {@link #countsHi} may be non-zero, {@link #countsN} values in all ({@link #widen}). A function's counts a
         * value with one increment, no window moved (since round 2's seventeenth pass: the window's two ends and the
         * values' number were three read-modify-writes per value of {@code loss}'s one function); its close finds
         * the window in one pass over the counts ({@link #findWindow}, work per bucket, not per value).
         */
        private long[] counts;
        private int countsLo = Integer.MAX_VALUE;
        private int countsHi = -1;
        private long countsN;
        private long coldInBucket;
        // the largest and smallest latency of the closed buckets and of the current one, exact (see
        // LatencyRecorder#extremes; the current bucket's kept here when recorded directly, folded in at its close)
        // and the ties at the minimum (latencies equal to it)
        private int maxMicros;
        private int minMicros = EXACT_UP_TO;
        private long minTies;
        private int bucketMax;
        private int bucketMin = EXACT_UP_TO;
        private long bucketTies;

        /**
         * The account's counts cover every index from the start ({@link #INDICES}, 57 KiB once), so that a function's
         * close adds its counts into them directly ({@link #closeTallied}, {@link #closeCounts}): one add per index
         * used, no call, no bounds to grow and no window to widen per index (that once per close, {@link #widen}).
         */
        private Track(boolean account) {
            counts = account ? new long[INDICES] : null;
        }

        /** Forgets the closed buckets' figures (the warm-up's): the overall counts and extremes start again. */
        void restart() {
            overall = new LatencyCounts();
            cold = new LatencyCounts();
            maxMicros = 0;
            minMicros = EXACT_UP_TO;
            minTies = 0;
        }

        static Track account() {
            return new Track(true);
        }

        static Track function() {
            return new Track(false);
        }

        /**
         * Records a value by its histogram index, {@code ~index} for a cold start: pending, or counted at once once
         * the function has counts of its own (a bucket of its outgrew {@link #PENDING}: {@code loss}'s one function
         * from its first bucket on), which its values then go to without the round trip through the pending array
         * (a store, and a load when the array is counted).
         */
        void record(short value) {
            if (counts != null) {
                countValue(value);
                return;
            }
            if (pendingCount == pending.length) {
                if (pending.length < PENDING) {
                    pending = java.util.Arrays.copyOf(pending, Math.max(8, 2 * pending.length));
                } else {
                    counts = new long[COUNTS_FIRST];
                    countPending();
                    countValue(value);
                    return;
                }
            }
            pending[pendingCount++] = value;
            if (value < 0) {
                coldInBucket++;
            }
        }

        /** Counts a value ({@code ~index} for a cold start) into this bucket's counts, not through pending. */
        private void countValue(short value) {
            int index = value;
            if (index < 0) {
                index = ~index;
                cold.recordIndex(index, 1);
                coldInBucket++;
            }
            count(index, 1);
        }

        /**
         * Records {@code values[from]} to {@code values[to - 1]} in that order, as {@link #record} would one by one: a
         * copy when they fit in the pending array as it is (and the function has no counts), and the cold starts
         * (negative values) counted in a loop without a branch.
         */
        void recordAll(short[] values, int from, int to) {
            int n = to - from;
            if (counts != null || n > pending.length - pendingCount) {
                for (int j = from; j < to; j++) {
                    record(values[j]);
                }
                return;
            }
            System.arraycopy(values, from, pending, pendingCount, n);
            pendingCount += n;
            int c = 0;
            for (int j = from; j < to; j++) {
                c += values[j] >>> 31;
            }
            coldInBucket += c;
        }

        /** Moves the pending values into this bucket's counts (and the cold starts' into the cold counts). */
        private void countPending() {
            short[] p = pending;
            for (int i = 0, n = pendingCount; i < n; i++) {
                int index = p[i];
                if (index < 0) {
                    index = ~index;
                    cold.recordIndex(index, 1);
                }
                count(index, 1);
            }
            pendingCount = 0;
        }

        /**
         * Makes this bucket's window of counts reach indices {@code lo} to {@code hi} and adds {@code n} to its values:
         * after {@code n} values with those indices were added into {@link #counts} directly (the account's, which
         * cover every index).
         */
        void widen(int lo, int hi, long n) {
            countsLo = Math.min(countsLo, lo);
            countsHi = Math.max(countsHi, hi);
            countsN += n;
        }

        /**
         * Counts {@code n} values of a histogram index into a function's bucket counts (growing them to cover it); the
         * window is found at the close ({@link #findWindow}).
         */
        void count(int index, long n) {
            long[] c = counts;
            if (index >= c.length) {
                c = java.util.Arrays.copyOf(c, Math.min(INDICES, Math.max(index + 1, 2 * c.length)));
                counts = c;
            }
            c[index] += n;
        }

        /**
         * Sets the window of a function's bucket counts ({@link #countsLo}, {@link #countsHi}: the lowest and highest
         * index counted) and their number ({@link #countsN}) from the counts themselves: what moving them at every
         * value gave (each count is of at least one value).
         */
        private void findWindow() {
            long[] c = counts;
            int lo = Integer.MAX_VALUE;
            int hi = -1;
            long n = 0;
            for (int i = 0; i < c.length; i++) {
                long k = c[i];
                if (k != 0) {
                    lo = Math.min(lo, i);
                    hi = i;
                    n += k;
                }
            }
            countsLo = lo;
            countsHi = hi;
            countsN = n;
        }

        /**
         * Closes a function's bucket into {@code stats} from {@code at} (p50, p90, p99, maximum, then cold starts
         * added: {@link #STATS} longs, the statistics -1 beforehand) and adds it to {@code account}'s current bucket.
         */
        void closeInto(long[] stats, int at, Track account, Tally tally) {
            if (counts != null) {
                countPending();
                findWindow();
                closeCounted(stats, at, account);
            } else {
                closeTallied(stats, at, account, tally, NONE, 0, 0);
            }
        }

        /**
         * As {@link #recordAll}({@code values, from, to}) then {@link #closeInto}, the same figures: when the bucket's
         * values (pending and these) fit in {@link #PENDING} and the function has no counts of its own, they are
         * tallied where they are, the pending array neither written nor grown.
         */
        void closeWith(short[] values, int from, int to, long[] stats, int at, Track account, Tally tally) {
            if (counts == null && to - from <= PENDING - pendingCount) {
                closeTallied(stats, at, account, tally, values, from, to);
            } else {
                recordAll(values, from, to);
                closeInto(stats, at, account, tally);
            }
        }

        /**
         * Closes a bucket whose values are all pending or in {@code more[from]} to {@code more[to - 1]} (the log's
         * grouped values not yet recorded; their cold starts are added to the bucket's here) with no counts of the
         * function's own: each value's histogram index (as pending holds it) is counted in {@code tally} (shared, all zero between calls), the indices used
         * marked in {@code occupied} (a bit per index, shared, all zero between calls), and the marked indices are
         * then visited in increasing order as {@link #closeCounts} visits a window: the value at a rank has the
         * rank's index, and its estimate depends only on that index, the rank's place among the index's count and
         * the bucket's exact extremes ({@link LatencyCounts#estimate}), so the percentiles are those read from a
         * histogram of the values, without a sort and without walking the indices between the values
         * (a bucket of 60 values spans some 2,000 indices; a sort of them cost more than the rest of the close).
         * Each value is counted into the overall, cold-start and account figures once per index; into the overall ones
         * after the walk, from the indices used and their counts listed in increasing order
         * ({@link LatencyCounts#recordIncreasing}: its pages are cache misses, and its short loop has many in flight).
         */
        private void closeTallied(long[] stats, int at, Track account, Tally scratch, short[] more, int from,
                int to) {
            long[] tally = scratch.counts;
            long[] occupied = scratch.occupied;
            int[] used = scratch.used;
            long[] usedCounts = scratch.usedCounts;
            int m = 0;
            int n = pendingCount + to - from;
            scratch.lo = Integer.MAX_VALUE;
            scratch.hi = -1;
            tally(pending, 0, pendingCount, scratch);
            coldInBucket += tally(more, from, to, scratch);
            int lo = scratch.lo;
            int hi = scratch.hi;
            pendingCount = 0;
            long[] accountCounts = account.counts; // every index: added to in the walk, the window widened after it
            long least = least(bucketMin);
            long ties = ties(bucketMin, bucketTies);
            long most = most(bucketMax);
            int s = 0;
            long rank = LatencyCounts.rank(PERCENTILES[0], n);
            long seen = 0;
            for (int w = lo >>> 6, last = hi >>> 6; w <= last; w++) {
                long bits = occupied[w];
                if (bits == 0) {
                    continue;
                }
                occupied[w] = 0;
                do {
                    int index = (w << 6) | Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    long count = tally[index];
                    tally[index] = 0;
                    seen += count;
                    used[m] = index;
                    usedCounts[m++] = count;
                    accountCounts[index] += count;
                    while (s < PERCENTILES.length && seen >= rank) {
                        stats[at + s] = LatencyCounts.readOut(index, rank, seen - count, count, n, least, ties, most,
                            most);
                        if (++s < PERCENTILES.length) {
                            rank = LatencyCounts.rank(PERCENTILES[s], n);
                        }
                    }
                } while (bits != 0);
            }
            account.widen(lo, hi, n);
            overall.recordIncreasing(used, usedCounts, m, n);
            stats[at + PERCENTILES.length] = maximum(hi);
            closeColdStarts(stats, at, account);
        }

        /**
         * Counts {@code values[from]} to {@code values[to - 1]} (histogram indices, {@code ~index} for a cold start)
         * into {@code scratch}'s tally and marks, and the cold starts into the cold counts; widens {@code scratch}'s
         * {@code lo} and {@code hi} to the indices seen. Returns the cold starts among them.
         */
        private int tally(short[] values, int from, int to, Tally scratch) {
            long[] tally = scratch.counts;
            long[] occupied = scratch.occupied;
            int lo = scratch.lo;
            int hi = scratch.hi;
            int colds = 0;
            for (int i = from; i < to; i++) {
                int index = values[i];
                if (index < 0) {
                    index = ~index;
                    cold.recordIndex(index, 1);
                    colds++;
                }
                tally[index]++;
                occupied[index >>> 6] |= 1L << index; // always: a branch on the first of an index mispredicts often
                lo = Math.min(lo, index);
                hi = Math.max(hi, index);
            }
            scratch.lo = lo;
            scratch.hi = hi;
            return colds;
        }

        /** Closes the bucket from its own counts (the account's; a busy function's), into {@code account} if any. */
        void closeCounted(long[] stats, int at, Track account) {
            if (countsN > 0) {
                closeCounts(stats, at, counts, countsLo, countsHi, countsN, account);
            }
            closeColdStarts(stats, at, account);
            countsLo = Integer.MAX_VALUE;
            countsHi = -1;
            countsN = 0;
        }

        /**
         * Closes a bucket of {@code n > 0} values counted by histogram index in {@code c} (non-zero only from
         * {@code lo} to {@code hi}): the window is walked once for the ranks of the percentiles, added into the
         * overall counts and the account's bucket once per index, and cleared. The value at a rank has the rank's
         * index, and its estimate depends only on that index, the rank's place among the index's count and the
         * bucket's exact extremes ({@link LatencyCounts#estimate}), so the figures are those read from a histogram of
         * the values.
         */
        private void closeCounts(long[] stats, int at, long[] c, int lo, int hi, long n, Track account) {
            long least = least(bucketMin);
            long ties = ties(bucketMin, bucketTies);
            long most = most(bucketMax);
            int s = 0;
            long rank = LatencyCounts.rank(PERCENTILES[0], n);
            long seen = 0;
            long[] accountCounts = account == null ? null : account.counts;
            for (int index = lo; index <= hi; index++) {
                long count = c[index];
                if (count == 0) {
                    continue;
                }
                c[index] = 0;
                seen += count;
                overall.recordIndex(index, count);
                if (accountCounts != null) {
                    accountCounts[index] += count;
                }
                while (s < PERCENTILES.length && seen >= rank) {
                    stats[at + s] = LatencyCounts.readOut(index, rank, seen - count, count, n, least, ties, most,
                            most);
                    if (++s < PERCENTILES.length) {
                        rank = LatencyCounts.rank(PERCENTILES[s], n);
                    }
                }
            }
            stats[at + PERCENTILES.length] = maximum(hi);
            if (account != null) {
                account.widen(lo, hi, n);
            }
        }

        /**
         * Adds the bucket's cold starts (to the account's too, if any) and folds its exact extremes into the run's
         * ({@link #maxMicros}, {@link #minMicros}), ready for the next bucket.
         */
        private void closeColdStarts(long[] stats, int at, Track account) {
            if (account != null) {
                account.coldInBucket += coldInBucket;
            }
            stats[at + STATISTICS.length] += coldInBucket;
            coldInBucket = 0;
            maxMicros = Math.max(maxMicros, bucketMax);
            if (bucketMin <= minMicros) {
                minTies = bucketMin < minMicros ? bucketTies : minTies + bucketTies;
                minMicros = bucketMin;
            }
            bucketMax = 0;
            bucketMin = EXACT_UP_TO;
            bucketTies = 0;
        }

        /** The bucket's maximum: exact, or (beyond {@link #EXACT_UP_TO}) the edge of its highest index {@code hi}. */
        private long maximum(int hi) {
            return bucketMax < EXACT_UP_TO ? bucketMax
                    : hi == 0 ? 0 : LatencyCounts.highestEquivalentValue(LatencyCounts.lowestValue(hi));
        }

        /** The lower bound of a percentile from an exact minimum as kept ({@link #EXACT_UP_TO}: unknown, 0). */
        private static long least(int minMicros) {
            return minMicros < EXACT_UP_TO ? minMicros : 0;
        }

        /** The latencies equal to an exact minimum as kept (none when it is unknown). */
        private static long ties(int minMicros, long ties) {
            return minMicros < EXACT_UP_TO ? ties : 0;
        }

        /** The upper bound of a percentile from an exact maximum as kept ({@link #EXACT_UP_TO}: unknown, none). */
        private static long most(int maxMicros) {
            return maxMicros < EXACT_UP_TO ? maxMicros : Long.MAX_VALUE;
        }

        /** Bytes held: the track (48, and 28 for the exact extremes and ties), its counts and pending values. */
        long footprintBytes() {
            return 76 + overall.footprintBytes() + cold.footprintBytes()
                    + (counts == null ? 0 : 16 + 8L * counts.length) + 16 + 2L * pending.length;
        }

        /**
         * The overall figures, with {@code coldCount} cold starts (the sum of the closed buckets') and the exact
         * smallest and largest latencies {@code minMicros}, {@code maxMicros} ({@code ties} latencies equal to the
         * smallest): the maximum as it was, each percentile the minimum when its rank is among the ties, the maximum
         * at the last rank, otherwise
         * read inside its histogram bucket by interpolation on rank and clamped to {@code [min, max]}
         * ({@link LatencyCounts#estimateAtPercentile}); the cold starts' the same way from their own exact extremes
         * {@code coldMin}, {@code coldMax} and {@code coldTies} (so a lone cold start reads exactly; they were
         * once clamped to all latencies' {@code [min, max]} only, without the ties and the last rank's maximum, and a
         * lone cold start read at its bucket's middle).
         */
        RunSummary.Latency summary(long coldCount, int minMicros, long ties, int maxMicros, int coldMin,
                long coldTies, int coldMax) {
            long max = overall.totalCount() == 0 ? 0 : maxMicros < EXACT_UP_TO ? maxMicros : overall.maxValue();
            long least = least(minMicros);
            long tied = ties(minMicros, ties);
            long most = most(maxMicros);
            long coldLeast = least(coldMin);
            long coldTied = ties(coldMin, coldTies);
            long coldMost = most(coldMax);
            return new RunSummary.Latency(overall.totalCount(), millis(overall, 50, least, tied, most, most),
                    millis(overall, 90, least, tied, most, most), millis(overall, 99, least, tied, most, most),
                    max / 1000.0, coldCount, millis(cold, 50, coldLeast, coldTied, coldMost, coldMost),
                    millis(cold, 99, coldLeast, coldTied, coldMost, coldMost));
        }

        private static double millis(LatencyCounts h, double percentile, long least, long ties, long most, long top) {
            return h.estimateAtPercentile(percentile, least, ties, most, top) / 1000.0;
        }
    }

    /**
     * What closing a function's bucket from its pending values works in (shared by all, all zero between closes):
     * counts by histogram index, a bit per index counted, then the indices used in increasing order and their
     * counts.
     */
    private static final class Tally {
        final long[] counts = new long[INDICES];
        final long[] occupied = new long[(INDICES + 63) >>> 6];
        final int[] used = new int[INDICES];
        final long[] usedCounts = new long[INDICES];
        int lo;  // the lowest and highest index tallied in the close under way
        int hi;
    }
}
