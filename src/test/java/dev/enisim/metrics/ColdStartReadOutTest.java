package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cold starts' percentiles ({@code coldStartP50}, {@code coldStartP99}) are read as all latencies' are, from the
 * cold starts' own exact extremes and ties: a lone cold start of 1,234 ms reads 1,234, not its histogram bucket's
 * middle (1,232.896: the bucket of 8,192 µs from 1,228,800), which all latencies' [min, max] did not clamp; per
 * function and for the account, recorded directly or through the log.
 */
class ColdStartReadOutTest {

    private static final long S = Seconds.MICROS;

    private static LatencyRecorder[] recorders() {
        return new LatencyRecorder[] {new LatencyRecorder(180 * S, 60 * S),
            new LatencyRecorder(180 * S, 60 * S, 1, 1 << 15)};
    }

    @Test
    void aLoneColdStartReadsExactly() {
        for (LatencyRecorder r : recorders()) {
            r.attach(List.of("f", "g"));
            for (int i = 0; i < 600; i++) { // warm latencies on both sides of the cold start: 100 ms and 2 s
                r.latency(0, i % 2 == 0 ? 100_000 : 2_000_000, false, i * 200_000L);
                r.latency(1, 50_000, false, i * 200_000L);
            }
            r.latency(0, 1_234_000, true, 61 * S);
            RunSummary.Latency f = r.functionLatency().get("f");
            assertEquals(1, f.coldStarts());
            assertEquals(1234.0, f.coldStartP50(), f.toString());
            assertEquals(1234.0, f.coldStartP99(), f.toString());
            RunSummary.Latency a = r.accountLatency();
            assertEquals(1234.0, a.coldStartP50(), a.toString());
            assertEquals(1234.0, a.coldStartP99(), a.toString());
            RunSummary.Latency g = r.functionLatency().get("g");
            assertEquals(0, g.coldStarts());
            assertEquals(0.0, g.coldStartP50(), "no cold start: 0, as before");
        }
    }

    /**
     * A few cold starts: the lowest ranks tied at the exact minimum read it, the last rank reads the exact maximum
     * (the p99 of fewer than 100), and the account's are those of all functions' cold starts together, across the
     * buckets.
     */
    @Test
    void fewColdStartsReadTheirOwnMinimumAndMaximum() {
        for (LatencyRecorder r : recorders()) {
            r.attach(List.of("f", "g"));
            for (int i = 0; i < 600; i++) {
                r.latency(0, i % 2 == 0 ? 10_000 : 9_000_000, false, i * 200_000L);
                r.latency(1, i % 2 == 0 ? 10_000 : 9_000_000, false, i * 200_000L);
            }
            r.latency(0, 1_234_000, true, 10 * S);
            r.latency(0, 1_234_000, true, 70 * S);
            r.latency(0, 1_501_000, true, 130 * S);
            r.latency(1, 1_333_000, true, 20 * S);
            r.latency(1, 1_777_000, true, 80 * S);
            RunSummary.Latency f = r.functionLatency().get("f");
            assertEquals(1234.0, f.coldStartP50(), "rank 2 of 3, two tied at the minimum: " + f);
            assertEquals(1501.0, f.coldStartP99(), "the last rank: the maximum " + f);
            RunSummary.Latency g = r.functionLatency().get("g");
            assertEquals(1333.0, g.coldStartP50(), g.toString());
            assertEquals(1777.0, g.coldStartP99(), g.toString());
            RunSummary.Latency a = r.accountLatency();
            assertEquals(5, a.coldStarts());
            // rank 3 of 5: 1,333 ms, the only value in its bucket (8,192 µs from 1,327,104): read at its middle
            // (1,331,200), inside [1,234, 1,777]
            assertEquals(1331.2, a.coldStartP50(), a.toString());
            assertEquals(1777.0, a.coldStartP99(), a.toString());
        }
    }
}
