package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.check.Baseline;
import dev.enisim.experiment.Designs;
import dev.enisim.experiment.Factor;
import dev.enisim.experiment.MetricStats;
import dev.enisim.experiment.Sensitivity;
import dev.enisim.experiment.Sweep;
import dev.enisim.report.chart.ChartFiles;
import dev.enisim.report.chart.SensitivityChart;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.junit.jupiter.api.Test;

/** What a review of every page in the browser found in their words and charts, beside the layout's own tests. */
class PageFindingsTest {

    /**
     * A check run with --set traffic=1.5 against a baseline written without it: its drift page said "no input
     * changed, so the model or its code did", the override listed among the results. The override is an input, the
     * cause of the rest, and comes first.
     */
    @Test
    void anOverrideIsAnInputOfTheDrift() {
        Baseline.Diff override = new Baseline.Diff("overrides[0]", "(none)", "traffic=1.5");
        Baseline.Diff result = new Baseline.Diff("invocations.total", "565005", "847622");
        assertTrue(override.input());
        Map<String, List<Baseline.Diff>> drifts = new LinkedHashMap<>();
        drifts.put("quickstart.yaml", List.of(result, override));
        String html = DriftPage.html(drifts, "baselines", 0, List.of("traffic=1.5")).replace("<wbr/>", "");
        assertTrue(html.contains("2 difference(s), 1 of them in the scenario's inputs, listed first."), html);
        assertTrue(html.indexOf("overrides[0]") < html.indexOf("invocations.total"), "the input first");
    }

    /**
     * compare's and compare-network-models' charts were titled "per bucket" ("Succeeded invocations per bucket",
     * "ConcurrentExecutions (maximum per bucket)"), the bucket's length unsaid, where the run's report says "per
     * minute". They say it as the report does.
     */
    @Test
    void theComparePagesChartsSayTheirBucket() throws Exception {
        String html = ComparePage.compare("A", teardown(), "B", teardown(), List.of(), 2, false);
        assertTrue(!html.contains("per bucket"), "no bucket of unsaid length");
        for (String title : List.of("Succeeded invocations per minute", "ConcurrentExecutions (maximum per minute)",
                "Cold starts per minute", "minimum per minute)")) {
            assertTrue(html.contains(title), title);
        }
    }

    /**
     * compare's heading held both labels in full (the files' paths and the --set changes: seven lines on a phone
     * above the verdict), and the line under it repeated them. The heading says A vs B, the line under it what they
     * are, the window's title both.
     */
    @Test
    void theComparePagesHeadingIsShortAndItsSubtitleSaysWhatAAndBAre() throws Exception {
        String a = "/home/planner/scenarios/az-outage.yaml";
        String b = a + " with functions[reports-single-az].vpcConfig.subnetIds=[subnet-1a, subnet-1b]";
        String html = ComparePage.compare(a, teardown(), b, teardown(), List.of(), 2, false);
        assertTrue(html.contains("<h1>enisim compare: A vs B</h1>"), html.substring(0, 200));
        assertTrue(html.contains("<p class=\"sub\">A = " + HtmlReport.esc(a) + ", B = " + HtmlReport.esc(b) + "</p>"));
        assertTrue(html.contains("<title>enisim compare: " + HtmlReport.esc(a) + " vs " + HtmlReport.esc(b)
                + "</title>"), "the window's title as it was");
    }

    private static dev.enisim.run.RunResult teardownRun;

    private static dev.enisim.run.RunResult teardown() throws Exception {
        if (teardownRun == null) {
            teardownRun = new dev.enisim.run.Simulation(dev.enisim.scenario.ScenarioLoader.load(
                    java.nio.file.Path.of("scenarios/teardown.yaml")), 0).run();
        }
        return teardownRun;
    }

    /**
     * plan.html's subnet chart drew the dashed demand line last, through the "11 usable, too small" of the bars it
     * crosses: the line is drawn before the bars' figures, which sit on a white halo.
     */
    @Test
    void thePlansDemandLinePassesUnderTheBarsFigures() {
        String html = PlanReport.html(PlanPageTest.shortPlan());
        int svg = html.indexOf("aria-label=\"demand versus prefix in "); // each named by its subnet
        assertTrue(svg > 0, "the plan has a subnet chart");
        String chart = html.substring(svg, html.indexOf("</svg>", svg));
        int line = chart.indexOf("<line ");
        int figure = chart.indexOf(" usable");
        assertTrue(line > 0 && figure > 0 && line < chart.lastIndexOf("<text", figure),
                "the demand line under the figures: " + chart);
        assertTrue(chart.substring(chart.lastIndexOf("<text", figure), figure).contains("paint-order=\"stroke\""),
                "a figure on a halo: " + chart);
    }

    /**
     * A metric no assumption moved (quickstart's SubnetIPAddressLimitReachedException, 35,936 at every point): its
     * tornado had an axis from -5E-9 to 5E-9, 21 tick labels run together under an empty plot. The axis is 0 to 1 and
     * the chart says why it has no bars.
     */
    @Test
    void aTornadoOfNoEffectSaysSoOnASaneAxis() {
        Sensitivity.Design design = design();
        Sensitivity.MetricResult r = Sensitivity.analyze(design, List.of("m"), points(design, u -> 35_936)).get(0);
        JFreeChart chart = SensitivityChart.render(r, Sensitivity.Method.MORRIS);
        ValueAxis axis = ((CategoryPlot) chart.getPlot()).getRangeAxis();
        assertEquals(0, axis.getLowerBound(), "the axis of an effect that is never below 0");
        assertEquals(1, axis.getUpperBound());
        String svg = new String(ChartFiles.svg(chart, 1000, 256), StandardCharsets.UTF_8);
        assertTrue(svg.contains("no bars: every effect is 0"), "the chart says why it is empty");
        assertTrue(!svg.contains("E-9"), "no tick label of a billionth");
    }

    /**
     * sensitivity.html opened on the method's paragraph and the assumptions not varied; each metric's answer came
     * below them. The answers come first now, one line a metric, linked to its section.
     */
    @Test
    void theSensitivityPageGivesItsAnswersFirst() {
        Sensitivity.Design design = design();
        List<Sweep.Point> points = new ArrayList<>();
        List<Sweep.Point> moved = points(design, u -> 5_000 + 8_000 * u[0]);
        List<Sweep.Point> flat = points(design, u -> 35_936);
        for (int i = 0; i < moved.size(); i++) {
            points.add(new Sweep.Point(moved.get(i).values(), Map.of("conflicts", moved.get(i).metrics().get("m"),
                    "ipFailures", flat.get(i).metrics().get("m")), null));
        }
        List<String> metrics = List.of("conflicts", "ipFailures");
        String html = new String(SensitivityReport.render("quickstart", design, metrics, points,
                Sensitivity.analyze(design, metrics, points)).get("sensitivity.html"), StandardCharsets.UTF_8);
        int answers = html.indexOf("id=\"answers\"");
        assertTrue(answers > 0 && answers < html.indexOf("Morris elementary effects"), "the answers first: " + html);
        String first = html.substring(answers, html.indexOf("</div>", answers));
        assertTrue(first.contains("<a href=\"#metric-1\">conflicts</a>: hangs on hyperplane.eniCreateTime.median"),
                first);
        assertTrue(first.contains("<a href=\"#metric-2\">ipFailures</a>: the same at every point"), first);
        assertTrue(html.contains("<h2 id=\"metric-1\">conflicts</h2>") && html.contains("<h2 id=\"metric-2\">"),
                "the links land");
    }

    /**
     * sweep.html's and sensitivity.html's charts are 1000 px images, shrunk to a third on a phone (their labels some
     * 4 px high). Each is a link to its SVG written beside the page, which opens alone, to zoom into.
     */
    @Test
    void eachChartOfASweepOrSensitivityPageLinksToItsSvg() {
        Sweep.Axis cidr = new Sweep.Axis("vpcs[0].subnets[0].cidr", List.of("10.0.1.0/28", "10.0.1.0/27"));
        List<Sweep.Point> sweep = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            sweep.add(new Sweep.Point(Map.of(cidr.path(), cidr.values().get(i)), Map.of(
                    "enis.peak", new MetricStats(1, 8 + i, 0, 8 + i, 8 + i),
                    "teardowns[1].waitSeconds", new MetricStats(1, 300 + i, 0, 300 + i, 300 + i)), null));
        }
        Map<String, byte[]> files = SweepReport.render("quickstart", 42, List.of(cidr),
                List.of("enis.peak", "teardowns[1].waitSeconds"), sweep);
        String html = new String(files.get("sweep.html"), StandardCharsets.UTF_8);
        List<String> links = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<a href=\"([^\"]+)\"[^>]*><img ").matcher(html);
        while (m.find()) {
            links.add(m.group(1));
        }
        assertEquals(List.of("sweep.svg", "sweep-teardowns_1_.waitSeconds.svg"), links);
        links.forEach(l -> assertTrue(files.containsKey(l), l + " is written beside the page: " + files.keySet()));

        Sensitivity.Design design = design();
        List<Sweep.Point> points = points(design, u -> 5_000 + 8_000 * u[0]);
        Map<String, byte[]> sens = SensitivityReport.render("quickstart", design, List.of("m"), points,
                Sensitivity.analyze(design, List.of("m"), points));
        String page = new String(sens.get("sensitivity.html"), StandardCharsets.UTF_8);
        assertTrue(page.contains("<a href=\"sensitivity-1.svg\""), "the tornado links to its SVG");
        assertTrue(sens.containsKey("sensitivity-1.svg"));
    }

    /** A Morris design over two assumptions, four trajectories, each moving the first then the second. */
    private static Sensitivity.Design design() {
        List<Factor> factors = List.of(Factor.parse("hyperplane.eniCreateTime.median=30s..240s"),
                Factor.parse("scaling.keepAlive=300s..900s"));
        double[][] unit = new double[4 * 3][];
        for (int t = 0; t < 4; t++) {
            double[] u = new double[2];
            for (int step = 0; step < 3; step++) {
                if (step > 0) {
                    u[step - 1] = 1;
                }
                unit[t * 3 + step] = u.clone();
            }
        }
        return new Sensitivity.Design(Sensitivity.Method.MORRIS, factors, 4, 1, unit, Designs.values(factors, unit));
    }

    /** The design's points with metric "m" a function of the unit point. */
    private static List<Sweep.Point> points(Sensitivity.Design design,
            java.util.function.ToDoubleFunction<double[]> m) {
        List<Sweep.Point> points = new ArrayList<>();
        for (int i = 0; i < design.unit().length; i++) {
            double y = m.applyAsDouble(design.unit()[i]);
            points.add(new Sweep.Point(design.points().get(i), Map.of("m", new MetricStats(1, y, 0, y, y)), null));
        }
        return points;
    }
}
