package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.random.Xoshiro256;
import org.junit.jupiter.api.Test;

/**
 * Diurnal thinning's segments as {@link ArrivalProcess.Thinning}'s javadoc documents them (its cost model: every
 * draw outside the band between the bounds saves a cosine): a segment is sqrt(mean gap x period x peak / 4|b|) long,
 * within [1 us, period / 16]; where the cosine has no extremum in it, its bounds are its end rates widened by the
 * margin, (|a| + |b|) x {@link ArrivalProcess.Thinning#RELATIVE_MARGIN} per radian of phase (plus 4), so the band
 * is narrow; where it has one, only the day's lowest rate a - |b| bounds it; a flat day is one segment. That the
 * bounds are safe (never cut through a computed rate) is {@code ArrivalDrawsProperties}'.
 */
class ThinningSegmentsTest {

    private static final long HOUR = 3_600_000_000L;

    private static ArrivalProcess.Thinning thinning(ArrivalSpec.Diurnal d) {
        return new ArrivalProcess.Thinning(new Xoshiro256(1), 0, Long.MAX_VALUE, d);
    }

    private static long documentedLength(ArrivalSpec.Diurnal d) {
        double max = Math.max(d.peakPerSecond(), d.troughPerSecond());
        double b = Math.abs(d.peakPerSecond() - d.troughPerSecond()) / 2;
        double best = Math.sqrt(1e6 / max * d.periodMicros() * max / (4 * b));
        return Math.max(1, Math.min(d.periodMicros() / 16, (long) best));
    }

    /** Days from slow to fast, troughs from 0 to near the peak, peaks anywhere: segments entered along two periods. */
    @Test
    void segmentsHaveTheDocumentedLengthAndBounds() {
        int bounded = 0;
        for (double peak : new double[] {0.5, 20, 4_000}) {
            for (double share : new double[] {0, 0.5, 0.9}) {
                for (long period : new long[] {10_000, HOUR, 24 * HOUR}) {
                    for (boolean swapped : new boolean[] {false, true}) {
                        ArrivalSpec.Diurnal d = swapped
                                ? new ArrivalSpec.Diurnal(peak * share, peak, period / 3, period, 0, Long.MAX_VALUE)
                                : new ArrivalSpec.Diurnal(peak, peak * share, period / 3, period, 0, Long.MAX_VALUE);
                        bounded += checkSegments(d);
                    }
                }
            }
        }
        assertTrue(bounded > 100, "segments bounded by their end rates: " + bounded);
    }

    private static int checkSegments(ArrivalSpec.Diurnal d) {
        ArrivalProcess.Thinning t = thinning(d);
        long period = d.periodMicros();
        long length = documentedLength(d);
        double a = (d.peakPerSecond() + d.troughPerSecond()) / 2;
        double b = (d.peakPerSecond() - d.troughPerSecond()) / 2;
        double scale = Math.abs(a) + Math.abs(b);
        int bounded = 0;
        for (int i = 0; i < 64; i++) {
            long start = 10 * period + i * (2 * period / 64) + i; // ten periods in: phases of about 60 radians
            t.enter(start);
            String where = d + " at " + start;
            assertEquals(start + length, t.segmentEnd(), where);
            long last = start + length - 1;
            long fromPeak = start - d.peakAtMicros();
            boolean extremum = Math.floorDiv(2 * (last - d.peakAtMicros()), period) * period >= 2 * fromPeak;
            if (extremum) {
                assertEquals(a - Math.abs(b), t.keepBelow(), where);
                assertEquals(Double.POSITIVE_INFINITY, t.rejectFrom(), where);
                continue;
            }
            bounded++;
            double r0 = d.rateAt(start);
            double r1 = d.rateAt(last);
            double phases = 2 * Math.PI * (Math.abs(fromPeak) + Math.abs(last - d.peakAtMicros())) / period;
            double margin = scale * ArrivalProcess.Thinning.RELATIVE_MARGIN * (4 + phases);
            assertEquals(Math.max(r0, r1) + margin, t.rejectFrom(), margin * 0.01, where);
            assertEquals(Math.max(a - Math.abs(b), Math.min(r0, r1) - margin), t.keepBelow(), margin * 0.01, where);
        }
        return bounded;
    }

    /** A flat day (peak = trough) has no cosine to bound: one segment to the end of time, kept below its rate. */
    @Test
    void aFlatDayIsOneSegment() {
        ArrivalProcess.Thinning t = thinning(new ArrivalSpec.Diurnal(7, 7, 0, HOUR, 0, Long.MAX_VALUE));
        t.enter(5 * HOUR);
        assertEquals(Long.MAX_VALUE, t.segmentEnd());
        assertEquals(7, t.keepBelow());
        assertEquals(Double.POSITIVE_INFINITY, t.rejectFrom());
    }

    /**
     * The balance capped: a slow rate on a short day would have segments longer than period / 16; a fast one, shorter
     * than a microsecond.
     */
    @Test
    void aSegmentIsAtMostASixteenthOfThePeriodAndAtLeastAMicrosecond() {
        ArrivalProcess.Thinning slow = thinning(new ArrivalSpec.Diurnal(0.01, 0.005, 0, 1_600, 0, Long.MAX_VALUE));
        slow.enter(1_000_000);
        assertEquals(1_000_100, slow.segmentEnd());
        ArrivalProcess.Thinning fast = thinning(new ArrivalSpec.Diurnal(1e9, 0, 0, 64, 0, Long.MAX_VALUE));
        fast.enter(1_000);
        assertEquals(1_001, fast.segmentEnd());
    }
}
