package dev.enisim.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A planner's review: "hyperplane.ec2RequestLimit.burst 36007.5 [36007.5, 36007.5]" from 2 trajectories, for a count
 * that went from 24,005 to 0. mu* is Morris's elementary effect in units of the whole range, which a threshold pushes
 * past what the metric moved: the words say so.
 */
class MorrisRangeAndIntervalTest {

    /** A threshold: 24,005 below the middle of the range, 0 from it on (the throttled count against the burst). */
    private static Sensitivity.MetricResult threshold(int samples) {
        List<Factor> factors = List.of(Factor.parse("x=0.0..1.0"), Factor.parse("y=0.0..1.0"));
        Sensitivity.Design d = Sensitivity.design(Sensitivity.Method.MORRIS, factors, samples, 1);
        List<Sweep.Point> points = new ArrayList<>();
        for (Map<String, String> p : d.points()) {
            double x = Double.parseDouble(p.get("x"));
            double v = x < 0.5 ? 24005 : 0;
            points.add(new Sweep.Point(p, Map.of("m", MetricStats.of(new double[] {v})), null));
        }
        return Sensitivity.analyze(d, List.of("m"), points).get(0);
    }

    @Test
    void aMuStarPastTheMetricsRangeIsExplained() {
        Sensitivity.MetricResult r = threshold(2);
        Sensitivity.FactorResult top = r.ranking().get(0);
        assertEquals("x", top.factor().path());
        assertTrue(top.morris().muStar() > r.max() - r.min(), "the premise: " + top.morris() + " vs " + r.max());
        String words = String.join(" ", Sensitivity.sentences(r, Sensitivity.Method.MORRIS));
        assertTrue(words.contains("x's mu*, 36007.5, is more than the metric's whole range over the design, 24005:"
                + " mu* is a slope in units of the whole range"), words);
    }

    /**
     * The review's "[36007.5, 36007.5]" was the two trajectories' effects themselves, which agreed: a zero-width
     * interval claiming a precision two runs of a step cannot have. Two trajectories give no interval, and the words,
     * the table and the CSV say n/a; from four an interval (of zero width here still: four trajectories that agree).
     */
    @Test
    void twoTrajectoriesClaimNoInterval() {
        Sensitivity.MetricResult two = threshold(2);
        Morris.Index x = two.ranking().get(0).morris();
        assertTrue(!x.hasInterval() && Double.isNaN(x.muStarLow()) && Double.isNaN(x.muStarHigh()), x.toString());
        String words = String.join(" ", Sensitivity.sentences(two, Sensitivity.Method.MORRIS));
        assertTrue(words.contains("x (0..1), mu* 36007.5, 95% CI n/a (needs >= 4 trajectories)"), words);
        assertTrue(!words.contains("[36007.5, 36007.5]"), words);
        String table = dev.enisim.report.SensitivityReport.table(Sensitivity.Method.MORRIS, List.of(two));
        assertTrue(table.contains("  x     36007.5 [n/a]  sigma ") && table.contains("  hangs on it\n"), table);
        Sensitivity.MetricResult four = threshold(4);
        assertTrue(four.ranking().get(0).morris().hasInterval(), four.ranking().get(0).morris().toString());
    }
}
