package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The {@code async} section's {@code eventAgeMillis} and {@code latencyMillis} are read as the synchronous latencies
 * are (README, summary.json): the minimum when the rank is among the values equal to it, the maximum at the last
 * rank, otherwise inside the histogram bucket by linear interpolation on rank, clamped to the exact [min, max]; not
 * the bucket's upper edge (up to 1% above the value) they were read as before.
 */
class AsyncReadOutTest {

    private static final long S = Seconds.MICROS;

    /** Random ages and latencies (log-normal-ish, 1 ms to 10 minutes), against {@link ReadOut}'s figures. */
    @Test
    void percentilesAreThoseOfTheSynchronousReadOut() {
        for (long seed = 1; seed <= 20; seed++) {
            SplittableRandom rng = new SplittableRandom(seed);
            AsyncRecorder r = new AsyncRecorder(600 * S, 60 * S);
            r.attach(List.of("a"), new boolean[] {true});
            ReadOut ages = new ReadOut();
            ReadOut latencies = new ReadOut();
            int n = 1 + rng.nextInt(seed % 2 == 0 ? 40 : 3_000);
            for (int i = 0; i < n; i++) {
                long now = (long) i * 600 * S / n;
                long age = (long) Math.exp(7 + rng.nextDouble() * 13);
                long latency = rng.nextInt(4) == 0 ? 250_000 : (long) Math.exp(7 + rng.nextDouble() * 13);
                r.received(0, now);
                r.invoked(0, age, now);
                r.succeeded(0, latency, 1, now);
                ages.record(age);
                latencies.record(latency);
            }
            RunSummary.AsyncSummary a = r.summary().get("a");
            assertEquals(new RunSummary.Percentiles(n, ages.percentile(50) / 1000.0, ages.percentile(99) / 1000.0,
                    ages.maximum() / 1000.0), a.eventAgeMillis(), "seed " + seed);
            assertEquals(new RunSummary.Percentiles(n, latencies.percentile(50) / 1000.0,
                    latencies.percentile(99) / 1000.0, latencies.maximum() / 1000.0), a.latencyMillis(),
                    "seed " + seed);
        }
    }

    /**
     * By hand: event ages of 10 ms (50 of them) then 20 s (50): p50 (rank 50) is among the 50 equal to the exact
     * minimum, 10 ms (was its bucket's edge, 10,047 µs: 64 µs from 9,984); p99 (rank 99) the 49th of the 50 in the
     * bucket of 131,072 µs from 19,922,944: 19,922,944 + floor(48.5 / 50 x 131,072) = 20,050,083, clamped to the
     * maximum, 20 s. Latencies 1,001 to 1,100 ms, one each: p50 (rank 50) 1,050 ms, the 2nd of the 8 in the bucket of
     * 8,192 µs from 1,048,576 (1,049 to 1,056 ms): 1,048,576 + floor(1.5 / 8 x 8,192) = 1,050,112 (was the edge,
     * 1,056,767); p99 (rank 99) 1,099 ms, the 2nd of the 3 in the bucket from 1,097,728: 1,097,728 +
     * floor(1.5 / 3 x 8,192) = 1,101,824, clamped to the maximum, 1,100 ms.
     */
    @Test
    void byHand() {
        AsyncRecorder r = new AsyncRecorder(600 * S, 60 * S);
        r.attach(List.of("a"), new boolean[] {true});
        for (int i = 0; i < 100; i++) {
            r.received(0, i * S);
            r.invoked(0, i < 50 ? 10_000 : 20_000_000, i * S);
            r.succeeded(0, 1_001_000 + i * 1_000L, 1, i * S);
        }
        RunSummary.AsyncSummary a = r.summary().get("a");
        assertEquals(new RunSummary.Percentiles(100, 10.0, 20_000.0, 20_000.0), a.eventAgeMillis());
        assertEquals(new RunSummary.Percentiles(100, 1050.112, 1100.0, 1100.0), a.latencyMillis());
    }
}
