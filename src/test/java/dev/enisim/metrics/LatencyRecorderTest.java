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
        Series p50 = r.series().stream().filter(s -> s.scope().equals("function") && s.statistic().equals("p50"))
                .findFirst().orElseThrow();
        assertEquals(50_000, p50.values()[0], 500, "bucket 0 median 50 ms (microseconds)");
        assertEquals(1_000_000, p50.values()[1], 10_000);
    }

    /** Memory is bounded by buckets, whatever the number of invocations. */
    @Test
    void footprintDoesNotGrowWithInvocations() {
        LatencyRecorder few = recorder(3600 * SEC);
        LatencyRecorder many = recorder(3600 * SEC);
        RandomGenerator rng = new RandomStreams(3, 0).stream("lat");
        for (int i = 0; i < 1_000; i++) {
            few.latency(0, 1 + (long) (rng.nextDouble() * 60_000_000), false, i * 3_600_000L);
        }
        for (int i = 0; i < 2_000_000; i++) {
            many.latency(0, 1 + (long) (rng.nextDouble() * 60_000_000), i % 7 == 0, i * 1_800L);
        }
        assertTrue(many.footprintBytes() <= few.footprintBytes() * 1.5,
                few.footprintBytes() + " bytes for 1,000 vs " + many.footprintBytes() + " for 2,000,000");
    }
}
