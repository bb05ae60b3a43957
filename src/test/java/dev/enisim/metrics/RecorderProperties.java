package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.Outcome;
import dev.enisim.model.WorldSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * The recorder against the plainest reference: invocations counted into bucket min(t / bucket, last) one by one,
 * a level's per-bucket maximum as the largest level in force at any instant of the bucket (a change at exactly a
 * bucket's start counts the level before it too: "the value it had when the bucket began"), its time average as
 * the sum of level x duration. Random functions, outcomes, instants (edges, the end and quiet stretches
 * included).
 */
class RecorderProperties {

    private static WorldSnapshot world(int functions) {
        List<WorldSnapshot.FunctionView> f = new ArrayList<>();
        for (int i = 0; i < functions; i++) {
            f.add(new WorldSnapshot.FunctionView(i, "f" + i, null, null, null));
        }
        return new WorldSnapshot(f, List.of(), List.of(), List.of(), List.of(), List.of(),
                new WorldSnapshot.RegionView(5000, 0, 0, 0));
    }

    /** Instants in time order: some on bucket edges, some at the end, stretches of quiet buckets. */
    private static long[] instants(SplittableRandom rng, int n, long bucket, long duration) {
        long[] t = new long[n];
        long now = 0;
        for (int i = 0; i < n; i++) {
            switch (rng.nextInt(6)) {
                case 0 -> now = Math.min(duration, (now / bucket + 1) * bucket); // on the next edge
                case 1 -> now = Math.min(duration, now + bucket * rng.nextInt(1, 4) + rng.nextLong(bucket));
                case 2 -> { } // the same instant
                default -> now = Math.min(duration, now + rng.nextLong(2 * duration / (n + 1) + 1));
            }
            t[i] = i == n - 1 && rng.nextBoolean() ? duration : now;
            now = t[i];
        }
        return t;
    }

    @Property(tries = 200)
    void invocationsAreCountedInTheBucketOfTheirInstant(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 5) int functions, @ForAll @IntRange(min = 1, max = 12) int buckets) {
        SplittableRandom rng = new SplittableRandom(seed);
        long bucket = 1 + rng.nextInt(1_000_000);
        long duration = buckets * bucket - rng.nextLong(bucket);
        Recorder r = new Recorder(duration, bucket);
        r.attach(world(functions));
        Outcome[] outcomes = Outcome.all();
        int n = rng.nextInt(300);
        long[] at = instants(rng, n, bucket, duration);
        long[][][] expected = new long[functions][outcomes.length][buckets]; // [function][outcome][bucket]
        for (int i = 0; i < n; i++) {
            int f = rng.nextInt(functions);
            Outcome o = outcomes[rng.nextInt(outcomes.length)];
            r.invocation(f, o, at[i]);
            expected[f][o.ordinal()][(int) Math.min(at[i] / bucket, buckets - 1)]++;
        }
        TimeSeries ts = r.timeSeries(world(functions));
        long[] accountInvocations = new long[buckets];
        long[] accountThrottles = new long[buckets];
        for (int f = 0; f < functions; f++) {
            long[] invocations = new long[buckets];
            long[] errors = new long[buckets];
            long[] throttles = new long[buckets];
            long[] invokeErrors = new long[buckets];
            for (Outcome o : outcomes) {
                for (int b = 0; b < buckets; b++) {
                    long c = expected[f][o.ordinal()][b];
                    switch (o.kind()) {
                        case SUCCESS -> invocations[b] += c;
                        case FUNCTION_ERROR -> {
                            invocations[b] += c;
                            errors[b] += c;
                        }
                        case THROTTLE -> throttles[b] += c;
                        case INVOKE_ERROR -> invokeErrors[b] += c;
                    }
                }
            }
            for (int b = 0; b < buckets; b++) {
                accountInvocations[b] += invocations[b];
                accountThrottles[b] += throttles[b];
            }
            String id = "f" + f;
            assertArrayEquals(invocations, ts.get(Metric.INVOCATIONS, Metric.Scope.FUNCTION, id).values(), id);
            assertArrayEquals(errors, ts.get(Metric.ERRORS, Metric.Scope.FUNCTION, id).values(), id);
            assertArrayEquals(throttles, ts.get(Metric.THROTTLES, Metric.Scope.FUNCTION, id).values(), id);
            assertArrayEquals(invokeErrors, ts.get(Metric.INVOKE_ERRORS, Metric.Scope.FUNCTION, id).values(), id);
            // a series per exception met, each its outcome's counts; together every invoke error of each bucket
            long[] byException = new long[buckets];
            for (Series s : ts.invokeErrorsByException(Metric.Scope.FUNCTION, id)) {
                Outcome o = Outcome.valueOf(outcomeNamed(s.exception()));
                assertArrayEquals(expected[f][o.ordinal()], s.values(), id + " " + s.exception());
                for (int b = 0; b < buckets; b++) {
                    byException[b] += s.values()[b];
                }
            }
            assertArrayEquals(invokeErrors, byException, id + ": the exceptions' series add up to the invoke errors");
        }
        assertArrayEquals(accountInvocations, ts.account(Metric.INVOCATIONS).values());
        assertArrayEquals(accountThrottles, ts.account(Metric.THROTTLES).values());
        LatencyRecorder latency = new LatencyRecorder(duration, bucket);
        List<String> names = new ArrayList<>();
        for (int f = 0; f < functions; f++) {
            names.add("f" + f);
        }
        latency.attach(names);
        RunSummary s = r.summary("p", 0, 0, Seconds.of(duration), new RunSummary.Events(n, n, 0, 0), 300, List.of(),
                latency, world(functions));
        assertEquals(n, s.invocations().total());
    }

    private static String outcomeNamed(String exception) {
        for (Outcome o : Outcome.all()) {
            if (o.kind() == Outcome.Kind.INVOKE_ERROR && o.exception().equals(exception)) {
                return o.name();
            }
        }
        throw new AssertionError(exception);
    }

    /**
     * The account's concurrency: per bucket, the largest level in force at any instant of it (the level the bucket
     * began with included); the time average over the run as the sum of level x time held, the last level held
     * to the end.
     */
    @Property(tries = 200)
    void concurrencyIsTheLargestLevelInForceAndItsTimeAverage(@ForAll long seed,
            @ForAll @IntRange(min = 1, max = 12) int buckets) {
        SplittableRandom rng = new SplittableRandom(seed);
        long bucket = 1 + rng.nextInt(1_000_000);
        long duration = buckets * bucket - rng.nextLong(bucket);
        Recorder r = new Recorder(duration, bucket);
        r.attach(world(1));
        int n = rng.nextInt(100);
        long[] at = instants(rng, n, bucket, duration);
        long[] levels = new long[n];
        for (int i = 0; i < n; i++) {
            levels[i] = rng.nextInt(20);
            r.concurrency(0, (int) levels[i], (int) levels[i], at[i]);
        }
        long[] expected = new long[buckets];
        double area = 0;
        for (int b = 0; b < buckets; b++) {
            long from = b * bucket;
            long to = b == buckets - 1 ? Long.MAX_VALUE : from + bucket;
            long max = 0; // the level the bucket began with: the last set before it (one set at its very start
            for (int i = 0; i < n; i++) { // replaces it, but the level before still counts, as Gauge documents)
                if (at[i] < from) {
                    max = levels[i];
                }
            }
            for (int i = 0; i < n; i++) {
                if (at[i] >= from && at[i] < to) {
                    max = Math.max(max, levels[i]);
                }
            }
            expected[b] = max;
        }
        for (int i = 0; i < n; i++) {
            long until = i == n - 1 ? duration : at[i + 1];
            area += (double) levels[i] * (until - at[i]);
        }
        TimeSeries ts = r.timeSeries(world(1));
        assertArrayEquals(expected, ts.account(Metric.CONCURRENT_EXECUTIONS).values());
        assertArrayEquals(expected, ts.get(Metric.CONCURRENT_EXECUTIONS, Metric.Scope.FUNCTION, "f0").values());
        LatencyRecorder latency = new LatencyRecorder(duration, bucket);
        latency.attach(List.of("f0"));
        RunSummary s = r.summary("p", 0, 0, Seconds.of(duration), new RunSummary.Events(0, 0, 0, 0), 300, List.of(),
                latency, world(1));
        assertEquals(area / duration, s.averageConcurrentExecutions(), 1e-9 * Math.max(1, area / duration));
    }
}
