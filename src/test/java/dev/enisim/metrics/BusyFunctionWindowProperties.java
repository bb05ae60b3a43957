package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A function with counts of its own (a bucket of it outgrew {@link LatencyRecorder#PENDING}: {@code loss}'s one
 * function) counts a value with one increment and finds its bucket's window of counts at the close (round 2's
 * seventeenth pass; before, it moved the window's ends and the values' number at every value). Its figures are
 * those read out of plain {@code Histogram(2)}s and the exact extremes ({@link ReadOut}) bucket by bucket and over
 * the run, whatever the buckets hold: none, a few, more than
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
        ReadOut[][] plain = new ReadOut[functions][buckets];
        ReadOut[] overall = new ReadOut[functions];
        long[][] colds = new long[functions][buckets];
        for (int f = 0; f < functions; f++) {
            overall[f] = new ReadOut();
            for (int b = 0; b < buckets; b++) {
                plain[f][b] = new ReadOut();
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
                plain[f][b].record(v);
                overall[f].record(v);
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
                ReadOut h = plain[f][b];
                long expected = s.metric() == Metric.COLD_STARTS ? colds[f][b] : h.count() == 0 ? -1
                        : switch (s.metric()) {
                            case LATENCY_P50 -> h.percentile(50);
                            case LATENCY_P90 -> h.percentile(90);
                            case LATENCY_P99 -> h.percentile(99);
                            case LATENCY_MAXIMUM -> h.maximum();
                            default -> throw new AssertionError(s.metric());
                        };
                assertEquals(expected, s.values()[b], s.id() + " " + s.metric() + " bucket " + b);
            }
        }
        for (int f = 0; f < functions; f++) {
            RunSummary.Latency l = r.functionLatency().get(names.get(f));
            assertEquals(overall[f].count(), l.count());
            if (l.count() > 0) {
                // the percentiles read inside their buckets within the exact [min, max]; the maximum as it was
                assertEquals(overall[f].percentile(50) / 1000.0, l.p50());
                assertEquals(overall[f].percentile(99) / 1000.0, l.p99());
                assertEquals(overall[f].maximum() / 1000.0, l.max());
            }
        }
    }
}
