package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.HdrHistogram.Histogram;

/**
 * A function with counts of its own (a bucket of it outgrew {@link LatencyRecorder#PENDING}: {@code loss}'s one
 * function) counts a value with one increment and finds its bucket's window of counts at the close (round 2's
 * seventeenth pass; before, it moved the window's ends and the values' number at every value). Its figures are
 * plain {@code Histogram(2)}s' bucket by bucket and over the run, whatever the buckets hold: none, a few, more than
 * {@code PENDING}; values in a narrow band or spread over decades (the window's ends anywhere, at index 0 and at the
 * counts' end included), cold starts among them; with the latencies recorded directly or through the log.
 */
class BusyFunctionWindowProperties {

    private static final long SEC = 1_000_000L;

    @Property(tries = 60)
    void aBusyFunctionsFiguresArePlainHistograms(@ForAll long seed, @ForAll @IntRange(min = 1, max = 6) int buckets,
            @ForAll boolean logged) {
        SplittableRandom rng = new SplittableRandom(seed);
        int functions = 1 + rng.nextInt(2);
        LatencyRecorder r = logged
                ? new LatencyRecorder(buckets * 60 * SEC, 60 * SEC, 1, 1 << 15)
                : new LatencyRecorder(buckets * 60 * SEC, 60 * SEC);
        List<String> names = functions == 1 ? List.of("f0") : List.of("f0", "f1");
        r.attach(names);
        Histogram[][] plain = new Histogram[functions][buckets];
        Histogram[] overall = new Histogram[functions];
        long[] exact = new long[functions]; // each function's largest latency as it was
        long[][] colds = new long[functions][buckets];
        for (int f = 0; f < functions; f++) {
            overall[f] = new Histogram(2);
            for (int b = 0; b < buckets; b++) {
                plain[f][b] = new Histogram(2);
            }
        }
        for (int b = 0; b < buckets; b++) {
            int n = switch (rng.nextInt(4)) {
                case 0 -> 0;
                case 1 -> 1 + rng.nextInt(50);
                default -> LatencyRecorder.PENDING - 10 + rng.nextInt(3_000);
            };
            long low = rng.nextInt(3) == 0 ? 0 : rng.nextLong(1L << (1 + rng.nextInt(30)));
            long width = 1 + rng.nextLong(1L << (1 + rng.nextInt(30)));
            for (int i = 0; i < n; i++) {
                long now = b * 60 * SEC + (long) i * (60 * SEC - 1) / Math.max(1, n);
                int f = functions == 1 || rng.nextInt(4) > 0 ? 0 : 1;
                long v = low + rng.nextLong(width);
                boolean cold = rng.nextInt(7) == 0;
                r.latency(f, v, cold, now);
                plain[f][b].recordValue(v);
                overall[f].recordValue(v);
                exact[f] = Math.max(exact[f], v);
                if (cold) {
                    colds[f][b]++;
                }
            }
        }
        for (Series s : r.series()) {
            if (s.scope() != Metric.Scope.FUNCTION) {
                continue;
            }
            int f = names.indexOf(s.id());
            for (int b = 0; b < buckets; b++) {
                Histogram h = plain[f][b];
                long expected = s.metric() == Metric.COLD_STARTS ? colds[f][b] : h.getTotalCount() == 0 ? -1
                        : switch (s.metric()) {
                            case LATENCY_P50 -> h.getValueAtPercentile(50);
                            case LATENCY_P90 -> h.getValueAtPercentile(90);
                            case LATENCY_P99 -> h.getValueAtPercentile(99);
                            case LATENCY_MAXIMUM -> h.getMaxValue();
                            default -> throw new AssertionError(s.metric());
                        };
                assertEquals(expected, s.values()[b], s.id() + " " + s.metric() + " bucket " + b);
            }
        }
        for (int f = 0; f < functions; f++) {
            RunSummary.Latency l = r.functionLatency().get(names.get(f));
            assertEquals(overall[f].getTotalCount(), l.count());
            if (l.count() > 0) {
                // the histogram's percentiles (bucket edges), capped by the exact maximum, shown as it was
                assertEquals(Math.min(overall[f].getValueAtPercentile(50), exact[f]) / 1000.0, l.p50());
                assertEquals(Math.min(overall[f].getValueAtPercentile(99), exact[f]) / 1000.0, l.p99());
                assertEquals(exact[f] / 1000.0, l.max());
            }
        }
    }
}
