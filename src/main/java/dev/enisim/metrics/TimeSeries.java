package dev.enisim.metrics;

import java.util.List;

/**
 * All series of a run on one bucket grid: bucket {@code i} covers [i * bucketMicros, (i + 1) * bucketMicros).
 */
public record TimeSeries(long bucketMicros, int buckets, List<Series> series) {

    public TimeSeries {
        series = List.copyOf(series);
    }
}
