package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * sensitivity said a teardown's wait and an ENI's deletion delay in seconds on the terminal and the page ("ranged from
 * 326.965 to 1374.77", "hyperplane.eniDeleteTime.median (180s..1200s), mu* 1075.83"), where a reader thinks in
 * minutes. A metric in seconds (its leaf named so) and a duration's range are said as durations (5m 27s, 3m..20m);
 * sensitivity.csv keeps the seconds, its range column with its unit ("180s..1200s") and the metric's name saying its
 * own (waitSeconds).
 */
class SensitivityDurationsTest {

    private static final String WAIT = "teardowns[1].waitSeconds";

    /** One Morris trajectory per start, the deletion delay (0..1 of 180s..1200s) then the keep-alive stepped up. */
    private static Sensitivity.MetricResult teardown() {
        List<Factor> f = List.of(Factor.parse("hyperplane.eniDeleteTime.median=180s..1200s"),
                Factor.parse("scaling.keepAlive=5m..15m"));
        double[][] unit = new double[4 * 3][];
        List<Sweep.Point> points = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            double wait = 326.965 + 10 * t; // seconds: the delay raises it by 1,075.83, the keep-alive by 0 or 1 (mu* 1075.83)
            double[][] steps = {{0, 0}, {1, 0}, {1, 1}};
            double[] y = {wait, wait + 1075.83, wait + 1075.83 + (t % 2)};
            for (int k = 0; k < 3; k++) {
                unit[t * 3 + k] = steps[k].clone();
                points.add(new Sweep.Point(Map.of(), Map.of(WAIT, new MetricStats(1, y[k], 0, y[k], y[k])), null));
            }
        }
        Sensitivity.Design design = new Sensitivity.Design(Sensitivity.Method.MORRIS, f, 4, 1, unit,
                Designs.values(f, unit));
        return Sensitivity.analyze(design, List.of(WAIT), points).get(0);
    }

    @Test
    void aWaitInSecondsAndADelaysRangeAreSaidAsDurations() {
        Sensitivity.MetricResult r = teardown();
        List<String> words = Sensitivity.sentences(r, Sensitivity.Method.MORRIS);
        assertEquals(WAIT + " ranged from 5m 27s to 23m 54s (mean 17m 39s) over the design.", words.get(0));
        assertTrue(words.get(1).startsWith("The answer hangs on hyperplane.eniDeleteTime.median (3m..20m), mu* 17m 56s [17m 56s, 17m 56s]"),
                words.get(1));
        String table = dev.enisim.report.SensitivityReport.table(Sensitivity.Method.MORRIS, List.of(r));
        assertTrue(table.contains("hyperplane.eniDeleteTime.median     17m 56s ["), table);
        assertTrue(!table.contains("1075"), "no seconds on the terminal: " + table);
        String csv = dev.enisim.report.SensitivityReport.csv(Sensitivity.Method.MORRIS, List.of(r));
        assertTrue(csv.startsWith("metric,rank,parameter,range,mu,muStar,"), csv);
        assertTrue(csv.contains(WAIT + ",1,hyperplane.eniDeleteTime.median,180s..1200s,1075.83,1075.83,"),
                "the CSV keeps seconds, the unit in the range and the metric's name: " + csv);
    }

    @Test
    void durationsInTheUnitsAReaderThinksOf() {
        assertEquals("17m 56s", Sensitivity.duration(1075.83));
        assertEquals("-17m 56s", Sensitivity.duration(-1075.83));
        assertEquals("1h 5m", Sensitivity.duration(3900));
        assertEquals("2d 3h", Sensitivity.duration(2 * 86_400 + 3 * 3600));
        assertEquals("42.13s", Sensitivity.duration(42.125));
        assertEquals("0s", Sensitivity.duration(-0.0));
        assertEquals("1m", Sensitivity.duration(59.6));
        assertEquals("3m..20m", Factor.parse("x=180s..1200s").readableRange());
        assertEquals("0.1s..1s", Factor.parse("x=100ms..1s").readableRange());
        assertEquals("1/s..20/s", Factor.parse("x=1/s..20/s").readableRange(), "a rate as before");
        assertEquals("4m..6m", Factor.parse("x=4m..6m").readableRange());
    }
}
