package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The read ahead's stores ({@link EnvironmentLevels#touch}, hence {@link FunctionLines#touch}) go to longs of a row
 * that no observer uses: a run whose rows are touched before every change, across bucket edges and up to the end,
 * has the time averages and per-bucket series of the same run untouched, and both are the levels' integrals worked
 * out by hand. (The stores go to the row's spare longs, {@link FunctionLines#SPARE_1} and {@link
 * FunctionLines#SPARE_2}, and the one before the row on an unaligned table: a store moved into the levels or
 * areas, longs {@link FunctionLines#LEVELS} on, changes the figures and fails this test.)
 */
class ReadAheadStoresKeepTheAreasTest {

    private static final long S = Seconds.MICROS;

    /**
     * 100 s in buckets of 30 s (the last one 10 s). Function 0: 2 busy from 0 to 40 s, then 1 idle to the end, and
     * 3 provisioned from 50 s; function 1: 4 busy from 65 s to 95 s.
     */
    private static EnvironmentLevels run(boolean touched) {
        EnvironmentLevels levels = new EnvironmentLevels(100 * S, 30 * S);
        levels.attach(2);
        long[][] changes = { // function, busy, idle, provisioned, second
            {0, 2, 0, 0, 0}, {0, 0, 1, 0, 40}, {0, 0, 1, 3, 50}, {1, 4, 0, 0, 65}, {1, 0, 0, 0, 95}};
        for (long[] c : changes) {
            if (touched) {
                levels.touch(0);
                levels.touch(1);
            }
            levels.environmentLevels((int) c[0], (int) c[1], (int) c[2], (int) c[3], c[4] * S);
        }
        if (touched) {
            levels.touch(0);
            levels.touch(1);
        }
        return levels;
    }

    @Test
    void touchedRowsGiveTheMeansOfTheLevels() {
        for (boolean touched : new boolean[] {false, true}) {
            EnvironmentLevels levels = run(touched);
            // function 0: busy 2 x 40 s, idle 1 x 60 s, provisioned 3 x 50 s, over 100 s
            assertEquals(new RunSummary.Environments(2.9, 0.8, 0.6, 1.5), levels.function(0), "touched " + touched);
            assertEquals(new RunSummary.Environments(1.2, 1.2, 0, 0), levels.function(1), "touched " + touched);
            assertEquals(new RunSummary.Environments(4.1, 2.0, 0.6, 1.5), levels.account(), "touched " + touched);
            assertEquals(150.0, levels.provisionedSeconds(0), 1e-9);
        }
    }

    @Test
    void touchedRowsGiveThePerBucketMeans() {
        for (boolean touched : new boolean[] {false, true}) {
            List<Series> out = new ArrayList<>();
            EnvironmentLevels levels = run(touched);
            levels.addFunctionSeries(out, "f0", 0);
            levels.addFunctionSeries(out, "f1", 1);
            levels.addAccountSeries(out);
            // buckets [0, 30), [30, 60), [60, 90), [90, 100); thousandths of an environment
            assertArrayEquals(new long[] {2_000, 667, 0, 0}, values(out, "f0", Metric.ENVIRONMENTS_BUSY_AVERAGE));
            assertArrayEquals(new long[] {0, 667, 1_000, 1_000}, values(out, "f0", Metric.ENVIRONMENTS_IDLE_AVERAGE));
            assertArrayEquals(new long[] {0, 1_000, 3_000, 3_000},
                    values(out, "f0", Metric.ENVIRONMENTS_PROVISIONED_AVERAGE));
            assertArrayEquals(new long[] {2_000, 2_333, 4_000, 4_000}, values(out, "f0", Metric.ENVIRONMENTS_AVERAGE));
            assertArrayEquals(new long[] {0, 0, 3_333, 2_000}, values(out, "f1", Metric.ENVIRONMENTS_BUSY_AVERAGE));
            assertArrayEquals(new long[] {2_000, 667, 3_333, 2_000}, values(out, "", Metric.ENVIRONMENTS_BUSY_AVERAGE));
            assertArrayEquals(new long[] {2_000, 2_333, 7_333, 6_000}, values(out, "", Metric.ENVIRONMENTS_AVERAGE));
        }
    }

    private static long[] values(List<Series> out, String id, Metric metric) {
        for (Series s : out) {
            if (s.id().equals(id) && s.metric() == metric) {
                return s.values();
            }
        }
        throw new AssertionError("no " + metric + " for '" + id + "'");
    }
}
