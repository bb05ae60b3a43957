package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.experiment.MetricStats;
import dev.enisim.experiment.Sweep;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sweep output in the report's style: every metric charted, intervals shown, figures readable. */
class SweepReportTest {

    private static List<Sweep.Point> points(Sweep.Axis axis) {
        List<Sweep.Point> out = new ArrayList<>();
        for (int i = 0; i < axis.values().size(); i++) {
            out.add(new Sweep.Point(Map.of(axis.path(), axis.values().get(i)), Map.of(
                    "enis.peak", new MetricStats(5, 8 + i, 1, 7 + i, 9 + i),
                    "invocations.succeeded", new MetricStats(5, 524_599.5 + 1000 * i, 900, 523_000 + 1000 * i,
                            526_000 + 1000 * i)), null));
        }
        return out;
    }

    @Test
    void everyMetricIsChartedAndTheTableHasThousandsSeparators() {
        Sweep.Axis cidr = new Sweep.Axis("vpcs[0].subnets[0].cidr", List.of("10.0.1.0/28", "10.0.1.0/27"));
        Map<String, byte[]> files = SweepReport.render("quickstart", 42, List.of(cidr),
                List.of("enis.peak", "invocations.succeeded"), points(cidr));
        assertTrue(files.containsKey("sweep.png") && files.containsKey("sweep-invocations.succeeded.png"),
                files.keySet().toString());
        String html = new String(files.get("sweep.html"), StandardCharsets.UTF_8);
        assertEquals(2, html.split("<img ", -1).length - 1, "one chart per metric");
        assertTrue(html.contains("524,599.5 [523,000, 526,000]"), "thousands separators");
        assertTrue(html.contains("5 replications per point"), "replications stated");
        assertTrue(html.contains("seed 42"), "seed stated");
        String csv = new String(files.get("sweep.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("10.0.1.0/28,8,7,9,524599.5,523000,526000,"), "the CSV stays machine-readable, and"
                + " exact (six significant digits wrote 524600): " + csv);
    }

    @Test
    void oneReplicationHasNoInterval() {
        Sweep.Axis cidr = new Sweep.Axis("vpcs[0].subnets[0].cidr", List.of("10.0.1.0/28", "10.0.1.0/27"));
        List<Sweep.Point> one = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            one.add(new Sweep.Point(Map.of(cidr.path(), cidr.values().get(i)),
                    Map.of("enis.peak", new MetricStats(1, 8 + i, 0, 8 + i, 8 + i)), null));
        }
        Map<String, byte[]> files = SweepReport.render("quickstart", 7, List.of(cidr), List.of("enis.peak"), one);
        String csv = new String(files.get("sweep.csv"), StandardCharsets.UTF_8);
        assertTrue(csv.contains("10.0.1.0/28,8,,,") && csv.contains("10.0.1.0/27,9,,,"),
                "ciLow and ciHigh empty, not equal to the value: " + csv);
        String html = new String(files.get("sweep.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("one replication: no interval"), "the page says so");
        assertTrue(html.contains("seed 7"), "seed stated");
        assertTrue(!html.contains("[8, 8]") && !html.contains("95% CI"), "no zero-width interval: " + html);
    }

    @Test
    void figuresForPeopleAreRounded() {
        assertEquals("1,234,567", SweepReport.display(1_234_567));
        assertEquals("48.29", SweepReport.display(48.2938));
        assertEquals("1,234.6", SweepReport.display(1234.56));
    }

    private static MetricStats one(double v) {
        return new MetricStats(1, v, Double.NaN, Double.NaN, Double.NaN);
    }

    /** The sweep says what it shows: where failures are 0 and which parameter decides it, or the metric's range. */
    @Test
    void theVerdictNamesTheParameterThatDecidesWhetherAMetricIsZero() {
        Sweep.Axis cidr = new Sweep.Axis("cidr", List.of("/28", "/27", "/26"));
        Sweep.Axis traffic = new Sweep.Axis("traffic", List.of("1", "2"));
        double[][] failures = {{500, 900}, {0, 0}, {0, 0}};
        double[][] enis = {{8, 8}, {10, 10}, {10, 10}};
        List<Sweep.Point> points = new ArrayList<>();
        for (int c = 0; c < 3; c++) {
            for (int t = 0; t < 2; t++) {
                points.add(new Sweep.Point(Map.of("cidr", cidr.values().get(c), "traffic", traffic.values().get(t)),
                        Map.of("failures", one(failures[c][t]), "enis", one(enis[c][t]), "flat", one(4)), null));
            }
        }
        List<String> v = SweepReport.verdicts(List.of(cidr, traffic), List.of("failures", "enis", "flat"), points);
        assertEquals(List.of(
                "failures is 0 wherever cidr is /27 or /26, above 0 wherever it is /28, up to 900 at cidr = /28,"
                        + " traffic = 2",
                // traffic gives the same enis at every cidr: not named as where the ends are (browser review 3)
                "enis ranges from 8 at cidr = /28 to 10 at cidr = /27, the same at every value of traffic, not judged"
                        + " against noise (one replication per point: run --replications 2 or more)",
                "flat is 4 at every point"), v);
        // no one parameter decides it: the points where it is 0, counted
        points.set(2, new Sweep.Point(points.get(2).values(), Map.of("failures", one(3), "enis", one(10),
                "flat", one(4)), null));
        assertEquals("failures is 0 at 3 of 6 points (cidr = /27, traffic = 2; cidr = /26, traffic = 1; cidr = /26,"
                + " traffic = 2); above 0 elsewhere, up to 900 at cidr = /28, traffic = 2",
                SweepReport.verdicts(List.of(cidr, traffic), List.of("failures"), points).get(0));
        assertTrue(new String(SweepReport.render("s", 1, List.of(cidr, traffic), List.of("failures"), points)
                .get("sweep.html"), StandardCharsets.UTF_8).contains("<h2>What the sweep shows</h2>"));
    }

    @Test
    void endsWhoseIntervalsOverlapAreSaidNotToBeToldApart() {
        // an experimenter's review: "ranges from 4,600.6 at ...=6 to 4,620.3 at ...=8" with the intervals
        // [4564, 4637] and [4592, 4649]: noise presented as an effect
        Sweep.Axis rc = new Sweep.Axis("functions[f].reservedConcurrency", List.of("6", "8"));
        String m = "latencyMillis.p99";
        List<Sweep.Point> ps = List.of(
                new Sweep.Point(Map.of(rc.path(), "6"), Map.of(m, new MetricStats(5, 4600.6, 30, 4564, 4637)), null),
                new Sweep.Point(Map.of(rc.path(), "8"), Map.of(m, new MetricStats(5, 4620.3, 25, 4592, 4649)), null));
        // without the replications' own values (an older results file): overlap proves nothing, so no verdict
        assertEquals(List.of(m + " ranges from 4,600.6 at " + rc.path() + " = 6 to 4,620.3 at " + rc.path() + " = 8,"
                + " their 95% intervals overlap ([4,564, 4,637] and [4,592, 4,649]) and the replications' own values"
                + " were not kept to pair them: no verdict on their difference"),
                SweepReport.verdicts(List.of(rc), List.of(m), ps));
        List<Sweep.Point> apart = List.of(ps.get(0), new Sweep.Point(Map.of(rc.path(), "8"),
                Map.of(m, new MetricStats(5, 4700, 25, 4660, 4740)), null));
        assertEquals(List.of(m + " ranges from 4,600.6 at " + rc.path() + " = 6 to 4,700 at " + rc.path() + " = 8"),
                SweepReport.verdicts(List.of(rc), List.of(m), apart), "apart: nothing added");
    }

    /**
     * A methodologist's review: limits 10 and 11 with paired differences +162, +167, +142, +157, +134 (same seeds)
     * were said not to be told apart because their marginal intervals overlapped; the paired difference decides.
     */
    @Test
    void endsAreJudgedByTheirPairedDifferenceOverTheSameSeeds() {
        Sweep.Axis limit = new Sweep.Axis("account.concurrencyLimit", List.of("10", "11"));
        String m = "invocations.succeeded";
        List<Double> ten = List.of(14000.0, 13800.0, 14200.0, 13900.0, 14100.0);
        List<Double> eleven = List.of(14162.0, 13967.0, 14342.0, 14057.0, 14234.0);
        List<Sweep.Point> ps = List.of(point(limit, "10", m, ten), point(limit, "11", m, eleven));
        assertTrue(ps.get(0).metrics().get(m).ciHigh() > ps.get(1).metrics().get(m).ciLow(), "marginals overlap");
        assertEquals(List.of(m + " ranges from 14,000 at account.concurrencyLimit = 10 to 14,152.4 at"
                + " account.concurrencyLimit = 11; the difference, paired over the 5 replications both ran (same"
                + " seeds), is 152.4 [135.1, 169.7]"), SweepReport.verdicts(List.of(limit), List.of(m), ps));
        // the same marginals, paired differences that hold 0: not told apart
        List<Double> noise = List.of(14150.0, 13700.0, 14300.0, 13800.0, 14100.0);
        List<Sweep.Point> same = List.of(point(limit, "10", m, ten), point(limit, "11", m, noise));
        assertTrue(SweepReport.verdicts(List.of(limit), List.of(m), same).get(0).endsWith(", which holds 0: the"
                + " sweep does not tell them apart"), SweepReport.verdicts(List.of(limit), List.of(m), same).get(0));
    }

    @Test
    void neighbouringValuesAreJudgedByTheirPairedDifferences() {
        Sweep.Axis limit = new Sweep.Axis("account.concurrencyLimit", List.of("15", "16", "17", "18"));
        String m = "invocations.throttled";
        List<Sweep.Point> ps = List.of(point(limit, "15", m, List.of(2.0, 1.0, 3.0, 1.0, 1.0)),
                point(limit, "16", m, List.of(0.0, 0.0, 1.0, 0.0, 0.0)), point(limit, "17", m,
                        List.of(0.0, 0.0, 0.0, 0.0, 0.0)), point(limit, "18", m, List.of(0.0, 0.0, 0.0, 0.0, 0.0)));
        String v = SweepReport.verdicts(List.of(limit), List.of(m), ps).get(0);
        assertTrue(v.endsWith("; neighbouring values of account.concurrencyLimit told apart by their paired"
                + " difference (Holm over the steps): 1 of 3 steps (15 to 16); not: 16 to 17, 17 to 18"), v);
    }

    /**
     * An experimenter's review: twelve points that differ only in a function's name (so only in its random stream,
     * no effect) said "invocations.succeeded ranges from 5,847.8 at name = k to 5,945.8 at name = d; the difference
     * ... is 98 [16.75, 179.3]", and "1 of 11 steps (b to c)" told apart for the p99 latency. The ends are picked
     * as the lowest and highest of the points and the steps are many tests: in sweeps of pure noise (12 points, 5
     * replications sharing a per-replication term as common random numbers do, 400 trials, a fixed seed) the old
     * verdicts told the ends apart in 156 of 400 trials and some step in 147; the ends' interval is now Bonferroni's
     * over the 66 pairs (2 of 400) and the steps are Holm-adjusted, so at most about 5% of trials find either.
     */
    @Test
    void aSweepOfPureNoiseTellsNothingApart() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261205);
        List<String> names = List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l");
        Sweep.Axis name = new Sweep.Axis("functions[0].name", names);
        String m = "invocations.succeeded";
        int trials = 400;
        int endsApart = 0;
        int someStepApart = 0;
        for (int t = 0; t < trials; t++) {
            double[] common = new double[5];
            for (int r = 0; r < 5; r++) {
                common[r] = 300 * gaussian(random);
            }
            List<Sweep.Point> ps = new ArrayList<>();
            for (String v : names) {
                List<Double> runs = new ArrayList<>();
                for (int r = 0; r < 5; r++) {
                    runs.add(5900 + common[r] + 60 * gaussian(random));
                }
                ps.add(point(name, v, m, runs));
            }
            String verdict = SweepReport.verdicts(List.of(name), List.of(m), ps).get(0);
            if (!verdict.contains("the sweep does not tell them apart")) {
                endsApart++;
            }
            if (!verdict.contains("(Holm over the steps): 0 of 11 steps")) {
                someStepApart++;
            }
            if (t == 0) {
                assertTrue(verdict.contains("(95% jointly over the 66 pairs of the 12 points, Bonferroni, as the ends"
                        + " were picked from them)"), verdict);
            }
        }
        assertTrue(endsApart <= trials * 0.07, endsApart + " of " + trials + " noise sweeps told their ends apart");
        assertTrue(someStepApart <= trials * 0.07, someStepApart + " of " + trials + " noise sweeps told a step apart");
    }

    /**
     * An experimenter's review: with the default one replication, four points that differ only in a function's name
     * (its random stream) said "invocations.succeeded ranges from 5,789 at functions[0].name = c to 5,922 at
     * functions[0].name = d", noise read as an effect; the sentence now says the range was not judged against noise.
     */
    @Test
    void withOneReplicationTheRangeIsSaidNotJudged() {
        Sweep.Axis name = new Sweep.Axis("functions[0].name", List.of("c", "d"));
        String m = "invocations.succeeded";
        List<Sweep.Point> ps = List.of(point(name, "c", m, List.of(5789.0)), point(name, "d", m, List.of(5922.0)));
        assertEquals(List.of(m + " ranges from 5,789 at functions[0].name = c to 5,922 at functions[0].name = d, not"
                + " judged against noise (one replication per point: run --replications 2 or more)"),
                SweepReport.verdicts(List.of(name), List.of(m), ps));
    }

    private static double gaussian(java.util.SplittableRandom random) {
        double u = random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    private static Sweep.Point point(Sweep.Axis axis, String value, String metric, List<Double> runs) {
        return new Sweep.Point(Map.of(axis.path(), value), Map.of(metric, MetricStats.of(runs.stream()
                .mapToDouble(Double::doubleValue).toArray())), null, Map.of(metric, runs));
    }

    /**
     * An experimenter's review: a point whose value is over fewer replications than it ran (a teardown's wait cut
     * short by the run's end in some) says how many, in sweep.csv (a column METRIC.n), on the page and in the
     * verdict; the ends and the steps are paired over the replications both points have a value in.
     */
    @Test
    void aPointsValueOverSomeReplicationsSaysHowManyAndPairsOverThoseBothHave() {
        Sweep.Axis median = new Sweep.Axis("hyperplane.eniDeleteTime.median", List.of("3m", "10m", "12m"));
        String m = "teardowns[1].waitSeconds";
        double nan = Double.NaN;
        List<List<Double>> runs = List.of(List.of(300.0, 310.0, nan, 330.0, 320.0),
                List.of(700.0, 720.0, 730.0, nan, 710.0), List.of(900.0, nan, 905.0, 930.0, 915.0));
        List<Sweep.Point> points = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            double[] v = runs.get(i).stream().filter(x -> !x.isNaN()).mapToDouble(Double::doubleValue).toArray();
            points.add(new Sweep.Point(Map.of(median.path(), median.values().get(i)), Map.of(m, MetricStats.of(v),
                    "enis.peak", MetricStats.of(new double[] {5, 5, 5, 5, 5})), null,
                    Map.of(m, runs.get(i), "enis.peak", List.of(5.0, 5.0, 5.0, 5.0, 5.0))));
        }
        Map<String, byte[]> files = SweepReport.render("teardown", 3, List.of(median), List.of(m, "enis.peak"),
                points);
        String csv = new String(files.get("sweep.csv"), StandardCharsets.UTF_8);
        List<String> lines = csv.lines().toList();
        assertEquals("hyperplane.eniDeleteTime.medianSeconds,teardowns[1].waitSeconds.mean,teardowns[1].waitSeconds.ciLow,"
                + "teardowns[1].waitSeconds.ciHigh,teardowns[1].waitSeconds.n,enis.peak.mean,enis.peak.ciLow,"
                + "enis.peak.ciHigh,problem", lines.get(0), "a count column for the metric some points lack in some"
                + " replications, none for the others");
        assertTrue(lines.get(1).startsWith("180,315,") && lines.get(1).contains(",4,5,"), csv);
        String html = new String(files.get("sweep.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("315 [") && html.contains("(4 of 5 replications)"), "the page says how many");
        assertTrue(html.contains("5 replications per point"), html);
        String v = SweepReport.verdicts(List.of(median), List.of(m), points).get(0);
        assertTrue(v.startsWith(m + " ranges from 315 at " + median.path() + " = 3m to 912.5 at "), v);
        // replications 0, 3 and 4 have a value at both 3m and 12m: 600, 600 and 595
        assertTrue(v.contains("; the difference, paired over the 3 replications both have a value in (same seeds),"
                + " is 598.3 ["), v);
        assertTrue(v.contains("; at 3 point(s) the value is over the replications that had one ("
                + median.path() + " = 3m: 4 of 5 replications; "), v);
        assertTrue(v.contains("the wait is censored"), "and what the others' absence does: " + v);
        assertTrue(v.contains("told apart by their paired difference (Holm over the steps): "), v);
        assertTrue(!v.contains("NaN"), v);
        assertTrue(!new String(files.get("sweep.csv"), StandardCharsets.UTF_8).lines().skip(1)
                .anyMatch(l -> l.contains("NaN")), csv);
        // a sweep where every point has every replication's value: no count column (sweep.csv as before)
        assertTrue(!SweepReport.csv(List.of(median), List.of("enis.peak"), points).contains(".n"));
    }
}
