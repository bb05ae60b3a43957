package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.check.Baseline;
import dev.enisim.scenario.Overrides;
import dev.enisim.experiment.Comparison;
import dev.enisim.experiment.Designs;
import dev.enisim.experiment.Factor;
import dev.enisim.experiment.MetricStats;
import dev.enisim.experiment.Sensitivity;
import dev.enisim.experiment.Sweep;
import dev.enisim.report.ComparePage;
import dev.enisim.report.DriftPage;
import dev.enisim.report.PlanReport;
import dev.enisim.report.ReportWriter;
import dev.enisim.report.SensitivityReport;
import dev.enisim.report.SweepReport;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every kind of page enisim writes, looked at in the browser at a phone's 390 px and a laptop's 1440 px: nothing
 * makes a page scroll sideways, and the tables whose last columns carry the verdict (compare's significance, the
 * drift's change) fit the window.
 */
class PagesFitBrowserTest {

    private static final Path DIR = Path.of("target/browser/pages-fit");
    @RegisterExtension
    static final Browser browser = new Browser(1440, 900);

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(DIR);
    }

    /**
     * At 390 px: sqs-burst's headline and its "what failed" card carry
     * TooManyRequestsException (ReservedFunctionConcurrentInvocationLimitExceeded), one word wider than the phone, and
     * made the whole page scroll sideways (448 px); a sweep's verdict on a metric such as
     * invocations.errors.SubnetIPAddressLimitReachedException did the same (489 px); the sensitivity page had no
     * viewport, so a phone laid it out 980 px wide and shrank it to a third. Each page is now laid out at the phone's
     * width and nothing in it runs past the window (wide tables scroll inside their own box).
     */
    @Test
    void everyPageKindFitsAPhone() throws Exception {
        Map<String, Path> pages = new LinkedHashMap<>();
        Path run = DIR.resolve("sqs-burst");
        ReportWriter.write(new Simulation(ScenarioLoader.load(Path.of("scenarios/sqs-burst.yaml")), 0).run(), run,
                Path.of("").toAbsolutePath());
        pages.put("report.html of sqs-burst", run.resolve("report.html"));
        pages.put("plan.html", Files.writeString(DIR.resolve("plan.html"),
                PlanReport.html(dev.enisim.report.PlanPageTest.shortPlan())));
        pages.put("sweep.html", write("sweep.html", SweepReport.render("quickstart", 42, List.of(CIDR), List.of(LONG),
                sweepPoints()).get("sweep.html")));
        pages.put("sensitivity.html", write("sensitivity.html", sensitivityPage()));
        try {
            browser.emulatePhone(390, 844);
            List<String> wide = new ArrayList<>();
            for (Map.Entry<String, Path> p : pages.entrySet()) {
                browser.open(p.getValue());
                assertEquals(List.of(), browser.consoleErrors(), p.getKey());
                @SuppressWarnings("unchecked")
                Map<String, Object> m = (Map<String, Object>) browser.driver.executeScript(
                        "var d = document.documentElement; return {layout: d.clientWidth, scroll: d.scrollWidth};");
                long layout = ((Number) m.get("layout")).longValue();
                long scroll = ((Number) m.get("scroll")).longValue();
                if (layout != 390 || scroll > layout) {
                    wide.add(p.getKey() + " laid out " + layout + " px wide, " + scroll + " px with what runs past it");
                }
                browser.screenshot("pages-fit-390px-" + p.getValue().getFileName().toString().replace(".html", ""));
            }
            assertEquals(List.of(), wide, "pages wider than a 390 px phone");
        } finally {
            browser.unemulate();
        }
    }

    /**
     * At 1440 px: compare's table was headed by A's and B's whole labels (the files' paths, the --set changes) and
     * ran to 1,631 px, its p (Holm) and significance columns off the screen; check's drift page, with its long value
     * paths and 17-digit figures, to 1,665 px, its "now" and "change" columns off the screen. Both fit now.
     */
    @Test
    void compareAndDriftTablesFitALaptopWindow() throws Exception {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));
        Path f = Path.of("scenarios/quickstart.yaml");
        Scenario a = ScenarioLoader.load(f);
        String change = "vpcs[0].subnets[0].cidr=10.0.1.0/27";
        Scenario b = ScenarioLoader.parseTree(Overrides.apply(ScenarioLoader.readTree(f), List.of(change),
                f.toString()), f.toString());
        String labelA = f.toAbsolutePath().toString();
        String labelB = labelA + " with " + change;
        Path compare = write("compare.html", ComparePage.compare(labelA, new Simulation(a, 0).run(), labelB,
                new Simulation(b, 0).run(), Comparison.compare(a, b, 2, 1), 2, false).getBytes(
                        java.nio.charset.StandardCharsets.UTF_8));
        Map<String, List<Baseline.Diff>> drifts = new LinkedHashMap<>();
        drifts.put("scenarios/quickstart.yaml", List.of(
                new Baseline.Diff("eniKeys.subnet-b+[sg-billing].connectionsVariance", "0.11103202138559895",
                        "0.33605959982584543"),
                new Baseline.Diff("functions.notifications.invocations.errors.SubnetIPAddressLimitReachedException",
                        "35936", "53934"),
                new Baseline.Diff("functions.orders-worker.averageEnvironments.busy", "7.594626169583333",
                        "11.403160834861112")));
        Path drift = write("drift.html", DriftPage.html(drifts, "/home/ci/work/baselines", 0).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        List<String> wide = new ArrayList<>();
        for (Path p : List.of(compare, drift)) {
            browser.open(p);
            assertEquals(List.of(), browser.consoleErrors(), p.toString());
            @SuppressWarnings("unchecked")
            List<String> over = (List<String>) browser.driver.executeScript(
                    "return Array.prototype.map.call(document.querySelectorAll('.scroll > table'), function (t) {"
                    + " var box = t.parentElement.getBoundingClientRect(), r = t.getBoundingClientRect();"
                    + " return r.right <= box.right + 0.5 ? '' : 'a table ends at ' + Math.round(r.right) + ' px in a '"
                    + " + Math.round(box.right) + ' px page'; }).filter(function (s) { return s; })");
            over.forEach(o -> wide.add(p.getFileName() + ": " + o));
            browser.screenshot("pages-fit-1440px-" + p.getFileName().toString().replace(".html", ""));
        }
        assertEquals(List.of(), wide, "tables wider than the page at 1440 px");
    }

    /**
     * At 390 px the topology (about 930 px wide) and the lifecycle chart (640 px at the least) run past the window in
     * boxes that scroll sideways, which nothing said: a phone's reader saw the VPC and the keys, and no ENI or
     * function. A note says so over each figure that runs past the window, and only there (not at 1440 px).
     */
    @Test
    void aFigureWiderThanThePhoneSaysToSwipeIt() throws Exception {
        Path run = DIR.resolve("quickstart");
        ReportWriter.write(new Simulation(ScenarioLoader.load(Path.of("scenarios/quickstart.yaml")), 0).run(), run,
                Path.of("").toAbsolutePath());
        String check = "return ['#topology', '#lifecycle'].map(function (id) {"
                + " var box = document.querySelector(id + ' .scroll'), hint = document.querySelector(id + ' .sideways');"
                + " return id + ': ' + (box.scrollWidth > box.clientWidth ? 'runs past' : 'fits') + ', '"
                + " + (hint && hint.offsetParent !== null && hint.textContent.indexOf('swipe') >= 0 ? 'said' : 'unsaid');"
                + " })";
        try {
            browser.emulatePhone(390, 844);
            browser.open(run.resolve("report.html"));
            assertEquals(List.of(), browser.consoleErrors());
            assertEquals(List.of("#topology: runs past, said", "#lifecycle: runs past, said"),
                    browser.driver.executeScript(check));
            browser.elementShot("#topology", "pages-fit-390px-topology");
        } finally {
            browser.unemulate();
        }
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));
        browser.open(run.resolve("report.html"));
        assertEquals(List.of("#topology: fits, unsaid", "#lifecycle: fits, unsaid"),
                browser.driver.executeScript(check));
    }

    static final String LONG = "invocations.errors.SubnetIPAddressLimitReachedException";
    static final Sweep.Axis CIDR = new Sweep.Axis("vpcs[0].subnets[0].cidr",
            List.of("10.0.1.0/28", "10.0.1.0/27", "10.0.1.0/26"));

    static List<Sweep.Point> sweepPoints() {
        List<Sweep.Point> out = new ArrayList<>();
        for (int i = 0; i < CIDR.values().size(); i++) {
            double v = i == 0 ? 35_936 : 0;
            out.add(new Sweep.Point(Map.of(CIDR.path(), CIDR.values().get(i)), Map.of(LONG,
                    new MetricStats(1, v, 0, v, v)), null));
        }
        return out;
    }

    /** A Morris analysis of two factors over four trajectories, the metric moved by the first only. */
    static byte[] sensitivityPage() {
        List<Factor> factors = List.of(Factor.parse("hyperplane.eniCreateTime.median=30s..240s"),
                Factor.parse("hyperplane.attachExistingTime=1s..30s"));
        int trajectories = 4;
        double[][] unit = new double[trajectories * 3][];
        List<Double> ys = new ArrayList<>();
        for (int t = 0; t < trajectories; t++) {
            double[] u = new double[2];
            for (int step = 0; step < 3; step++) {
                if (step > 0) {
                    u[step - 1] = 1;
                }
                unit[t * 3 + step] = u.clone();
                ys.add(5_000 + 1_000 * t + 8_000 * u[0]);
            }
        }
        List<Map<String, String>> values = Designs.values(factors, unit);
        List<Sweep.Point> points = new ArrayList<>();
        for (int i = 0; i < ys.size(); i++) {
            double y = ys.get(i);
            points.add(new Sweep.Point(values.get(i), Map.of(LONG, new MetricStats(1, y, 0, y, y)), null));
        }
        Sensitivity.Design design = new Sensitivity.Design(Sensitivity.Method.MORRIS, factors, trajectories, 1, unit,
                values);
        return SensitivityReport.render("quickstart", design, List.of(LONG), points,
                Sensitivity.analyze(design, List.of(LONG), points)).get("sensitivity.html");
    }

    private static Path write(String name, byte[] bytes) throws Exception {
        return Files.write(DIR.resolve(name), bytes);
    }
}
