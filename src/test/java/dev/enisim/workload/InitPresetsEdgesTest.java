package dev.enisim.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The presets at their edges: memory sizes at and outside the measured ones, the fit's accepted inputs (equal
 * percentiles included) and refused ones, and the table's grouping by configuration.
 */
class InitPresetsEdgesTest {

    private static double[] measured(InitPresets.Measured m) {
        return new double[] {m.p50Ms(), m.p90Ms(), m.p99Ms()};
    }

    /**
     * At a measured size its row (exactly at the smallest and the largest; between them interpolation's a + (b - a)
     * may be an ulp off); below 128 MB the 128 MB row, above 1,024 MB the 1,024 MB row.
     */
    @Test
    void measuredSizesGiveTheirRowsAndSizesOutsideHoldTheNearest() {
        for (InitPresets.Measured m : InitPresets.rows()) {
            boolean edge = m.memoryMb() == 128 || m.memoryMb() == 1024;
            assertArrayEquals(measured(m), InitPresets.percentiles(m.runtime(), m.memoryMb(), m.architecture(),
                    m.packageType()), edge ? 0 : 1e-9, m.toString());
            if (m.memoryMb() == 128) {
                assertArrayEquals(measured(m), InitPresets.percentiles(m.runtime(), 64, m.architecture(),
                        m.packageType()), "64 MB: " + m);
            }
            if (m.memoryMb() == 1024) {
                assertArrayEquals(measured(m), InitPresets.percentiles(m.runtime(), 10_240, m.architecture(),
                        m.packageType()), "10,240 MB: " + m);
            }
        }
    }

    @Test
    void theTableIsGroupedByConfigurationInMemoryOrder() {
        Map<String, List<InitPresets.Measured>> byConfig = InitPresets.byConfig();
        int rows = 0;
        for (List<InitPresets.Measured> l : byConfig.values()) {
            for (int i = 1; i < l.size(); i++) {
                assertTrue(l.get(i - 1).memoryMb() < l.get(i).memoryMb(), l.toString());
                assertEquals(l.get(0).runtime() + l.get(0).architecture() + l.get(0).packageType(),
                        l.get(i).runtime() + l.get(i).architecture() + l.get(i).packageType());
            }
            rows += l.size();
        }
        assertEquals(InitPresets.rows().size(), rows);
        assertTrue(rows > 100, "the benchmark's configurations: " + rows);
    }

    @Test
    void theFitNeedsOrderedPositivePercentiles() {
        for (double[] p : new double[][] {{0, 1, 2}, {-1, 1, 2}, {2, 1, 3}, {1, 3, 2}, {Double.NaN, 1, 2}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> InitPresets.fit(p[0], p[1], p[2]));
            assertEquals("need 0 < p50 <= p90 <= p99, got " + p[0] + ", " + p[1] + ", " + p[2], e.getMessage());
        }
    }

    /** Equal percentiles are accepted: all three (a constant, exact), or p90 at the median (a light tail). */
    @Test
    void equalPercentilesFitAsConstantsOrLightTails() {
        InitPresets.Fit flat = InitPresets.fit(50, 50, 50);
        assertTrue(flat.exact(), "a constant passes through all three");
        assertEquals(0, flat.shiftMs());
        assertEquals(Math.log(50), flat.mu());
        InitPresets.Fit medianP90 = InitPresets.fit(10, 10, 20);
        assertFalse(medianP90.exact());
        assertEquals(0, medianP90.shiftMs());
        assertEquals(Math.log(10), medianP90.mu(), 1e-12);
        double b = Math.log(2);
        assertEquals(InitPresets.Z99 * b / (InitPresets.Z90 * InitPresets.Z90 + InitPresets.Z99 * InitPresets.Z99),
                medianP90.sigma(), 1e-12);
        InitPresets.Fit p99AtP90 = InitPresets.fit(10, 20, 20);
        assertEquals(Math.log(10), p99AtP90.mu(), 1e-12);
        assertEquals(10, p99AtP90.atZ(0), 1e-9);
    }
}
