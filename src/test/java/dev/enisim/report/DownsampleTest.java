package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.report.chart.Downsample;
import org.junit.jupiter.api.Test;

class DownsampleTest {

    @Test
    void factorKeepsAtMostTheTargetNumberOfPoints() {
        assertEquals(1, Downsample.factor(120, 600));
        assertEquals(72, Downsample.factor(43_200, 600), "a 30-day run of 1-minute buckets: 600 points");
        assertEquals(2, Downsample.factor(601, 600));
    }

    @Test
    void countsAreSummedAndLevelsKeepTheirExtremes() {
        long[] v = {1, 5, 2, 0, 7, 3, 4};
        assertArrayEquals(new long[] {8, 10, 4}, Downsample.merge(v, 3, Downsample.Mode.SUM));
        assertArrayEquals(new long[] {5, 7, 4}, Downsample.merge(v, 3, Downsample.Mode.MAX));
        assertArrayEquals(new long[] {1, 0, 4}, Downsample.merge(v, 3, Downsample.Mode.MIN));
    }

    @Test
    void missingValuesAreSkippedNotCounted() {
        long[] v = {-1, -1, 3, -1};
        assertArrayEquals(new long[] {-1, 3}, Downsample.merge(v, 2, Downsample.Mode.MAX));
        assertArrayEquals(new long[] {0, 3}, Downsample.merge(v, 2, Downsample.Mode.SUM));
    }
}
