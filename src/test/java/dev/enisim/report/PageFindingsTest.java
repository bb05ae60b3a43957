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
        String html = DriftPage.html(drifts, "baselines", 0, List.of("traffic=1.5"));
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
        dev.enisim.run.RunResult run = new dev.enisim.run.Simulation(dev.enisim.scenario.ScenarioLoader.load(
                java.nio.file.Path.of("scenarios/teardown.yaml")), 0).run();
        String html = ComparePage.compare("A", run, "B", run, List.of(), 2, false);
        assertTrue(!html.contains("per bucket"), "no bucket of unsaid length");
        for (String title : List.of("Succeeded invocations per minute", "ConcurrentExecutions (maximum per minute)",
                "Cold starts per minute", "minimum per minute)")) {
            assertTrue(html.contains(title), title);
        }
    }

    /**
     * plan.html's subnet chart drew the dashed demand line last, through the "11 usable, too small" of the bars it
     * crosses: the line is drawn before the bars' figures, which sit on a white halo.
     */
    @Test
    void thePlansDemandLinePassesUnderTheBarsFigures() {
        String html = PlanReport.html(PlanPageTest.shortPlan());
        int svg = html.indexOf("aria-label=\"demand versus prefix\"");
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
        List<Factor> factors = List.of(Factor.parse("hyperplane.eniCreateTime.median=30s..240s"),
                Factor.parse("scaling.keepAlive=300s..900s"));
        double[][] unit = new double[2 * 3][];
        for (int t = 0; t < 2; t++) {
            double[] u = new double[2];
            for (int step = 0; step < 3; step++) {
                if (step > 0) {
                    u[step - 1] = 1;
                }
                unit[t * 3 + step] = u.clone();
            }
        }
        List<Map<String, String>> values = Designs.values(factors, unit);
        List<Sweep.Point> points = new ArrayList<>();
        for (Map<String, String> v : values) {
            points.add(new Sweep.Point(v, Map.of("m", new MetricStats(1, 35_936, 0, 35_936, 35_936)), null));
        }
        Sensitivity.Design design = new Sensitivity.Design(Sensitivity.Method.MORRIS, factors, 2, 1, unit, values);
        Sensitivity.MetricResult r = Sensitivity.analyze(design, List.of("m"), points).get(0);
        JFreeChart chart = SensitivityChart.render(r, Sensitivity.Method.MORRIS);
        ValueAxis axis = ((CategoryPlot) chart.getPlot()).getRangeAxis();
        assertEquals(0, axis.getLowerBound(), "the axis of an effect that is never below 0");
        assertEquals(1, axis.getUpperBound());
        String svg = new String(ChartFiles.svg(chart, 1000, 256), StandardCharsets.UTF_8);
        assertTrue(svg.contains("no bars: every effect is 0"), "the chart says why it is empty");
        assertTrue(!svg.contains("E-9"), "no tick label of a billionth");
    }
}
