package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.ReportWriter;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The quickstart's report.html in a real browser (headless chromium), opened from file:// as a reader would:
 * no console error, and screenshots in target/screenshots/ for a person to look at.
 */
class ReportBrowserTest {

    private static Path page;
    @RegisterExtension
    static final Browser browser = new Browser(1280, 900);

    @BeforeAll
    static void start() throws Exception {
        Path dir = Path.of("target/browser/quickstart");
        ReportWriter.write(new Simulation(ScenarioLoader.load(Path.of("scenarios/quickstart.yaml")), 0).run(), dir,
                Path.of("").toAbsolutePath());
        page = dir.resolve("report.html");
        assertTrue(Files.isRegularFile(page));
    }

    @Test
    void theReportOpensFromFileWithoutConsoleErrors() throws Exception {
        browser.open(page);
        assertEquals("enisim: quickstart", browser.driver.getTitle());
        assertEquals(java.util.List.of(), browser.consoleErrors());
        assertTrue(Files.size(browser.screenshot("quickstart-report")) > 10_000);
        for (String section : java.util.List.of("answers", "charts")) {
            assertTrue(Files.size(browser.elementShot("#" + section, "quickstart-" + section)) > 5_000, section);
        }
    }

    /**
     * A value between two empty buckets is drawn as a dot: idle-reclaim's latency chart (four successful
     * invocations in 45 days at the time) was an empty plot, a line needing two neighbouring points.
     */
    @Test
    void aLoneValueBetweenGapsIsDrawnAsADot() throws Exception {
        Path dir = Path.of("target/browser/idle-reclaim");
        ReportWriter.write(new Simulation(ScenarioLoader.load(Path.of("scenarios/idle-reclaim.yaml")), 0).run(), dir,
                Path.of("").toAbsolutePath());
        browser.open(dir.resolve("report.html"));
        assertEquals(java.util.List.of(), browser.consoleErrors());
        @SuppressWarnings("unchecked")
        List<Object> dots = (List<Object>) browser.driver.executeScript(
                "var c = enisim.charts.filter(function (c) { return c.spec.id === 'latency'; })[0];"
                + " return c.u.series.slice(1).map(function (s, i) { return s.points.filter(c.u, i + 1, false); })");
        long values = (Long) browser.driver.executeScript(
                "var c = enisim.charts.filter(function (c) { return c.spec.id === 'latency'; })[0];"
                + " return c.u.data[1].filter(function (v) { return v != null; }).length");
        assertTrue(values > 0 && values <= 6, "the premise: a few lone values, " + values);
        assertEquals(values, ((List<?>) dots.get(0)).size(), "each lone value of the first series a dot: " + dots);
        browser.elementShot("#chart-latency", "idle-reclaim-latency");
    }

    /**
     * The lifecycle is drawn on the page, not only linked: the state timeline's lanes (functions, then ENIs with
     * their Creating and InUse spells) as an inline figure scaled to the page's width.
     */
    @Test
    void theLifecycleIsDrawnOnThePage() throws Exception {
        browser.open(page);
        WebElement svg = browser.driver.findElement(By.cssSelector("#lifecycle svg.lifecycle-svg"));
        assertTrue(svg.getSize().getWidth() > 600 && svg.getSize().getHeight() > 200, svg.getSize().toString());
        String text = svg.getText();
        assertTrue(text.contains("orders-api") && text.contains("eni-0001"), text);
        assertTrue(text.contains("Creating") && text.contains("InUse"), "the ENI states in its legend: " + text);
        assertTrue(Files.size(browser.elementShot("#lifecycle", "quickstart-lifecycle")) > 10_000);
    }

    /** Hovering a chart shows the value under the cursor in its legend, and the time in every chart's legend. */
    @Test
    void hoveringAChartShowsTheValueUnderTheCursorInEveryLegend() throws Exception {
        browser.open(page);
        WebElement over = browser.driver.findElement(By.cssSelector("#chart-invocations .u-over"));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", over);
        new Actions(browser.driver).moveToElement(over, over.getSize().getWidth() / 4, 0).perform();
        Number idx = (Number) browser.driver.executeScript("return enisim.charts[0].u.cursor.idx");
        assertTrue(idx != null && idx.intValue() > 0, "the cursor is on a data point: " + idx);
        Number expected = (Number) browser.driver.executeScript(
                "return enisim.data.charts.charts[0].series[0].values[arguments[0]]", idx);
        String shown = legendValue("chart-invocations", 2);
        assertEquals(NumberFormat.getIntegerInstance(Locale.US).format(expected.longValue()), shown,
                "the Succeeded value shown at the cursor");
        assertTrue(expected.longValue() > 1000, "a busy minute of quickstart: " + expected);
        String time = legendValue("chart-invocations", 1);
        assertTrue(time.matches("\\d\\d:\\d\\d:\\d\\d"), "wall-clock time: " + time);
        assertEquals(time, legendValue("chart-concurrency", 1), "one crosshair across the charts");
        browser.windowShot("quickstart-hover");
    }

    /** The player at 00:10:05: orders-worker uses the ENIs that orders-api created, and none before it exists. */
    @Test
    void theLifecycleSliderShowsOrdersWorkerSharingOrdersApisEni() throws Exception {
        browser.open(page);
        WebElement slider = browser.driver.findElement(By.id("player-slider"));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'start'})",
                browser.driver.findElement(By.id("topology")));
        slider.sendKeys(Keys.HOME);
        assertEquals(Set.of(), enisOf("orders-worker"), "orders-worker does not exist yet");
        assertEquals(Set.of("eni-0001", "eni-0002"), enisOf("orders-api"), "orders-api's ENIs, being created");
        for (int i = 0; i < 200 && !playerTime().startsWith("00:10:05"); i++) {
            slider.sendKeys(Keys.ARROW_RIGHT);
        }
        assertTrue(playerTime().startsWith("00:10:05"), playerTime());
        assertEquals("Active", browser.driver.findElement(By.cssSelector(
                "#topology-svg [data-id='fn:orders-worker']")).getAttribute("data-state"));
        assertEquals(Set.of("eni-0001", "eni-0002"), enisOf("orders-worker"));
        assertEquals(enisOf("orders-api"), enisOf("orders-worker"), "shared, no ENI of its own");
        assertEquals("InUse", browser.driver.findElement(By.cssSelector("#topology-svg [data-id='eni-0001']"))
                .getAttribute("data-state"));
        browser.elementShot("#topology", "quickstart-topology-0010");
        slider.sendKeys(Keys.END);
        assertEquals("Failed", browser.driver.findElement(By.cssSelector(
                "#topology-svg [data-id='fn:notifications']")).getAttribute("data-state"));
        assertEquals("0", browser.driver.findElement(By.cssSelector("#topology-svg [data-id='subnet-a']"))
                .getAttribute("data-free"), "the /28 is full at the end");
        browser.driver.findElement(By.cssSelector("#topology-svg [data-id='fn:orders-worker'] rect")).click();
        String history = browser.driver.findElement(By.id("history")).getText();
        assertTrue(history.contains("orders-worker shares eni-0001"), history);
        assertEquals(List.of(), browser.consoleErrors());
        browser.elementShot("#topology", "quickstart-topology-end");
    }

    /** At phone width (420 px) nothing is cut off: the page does not scroll sideways, the summary fits. */
    @Test
    void thePageFitsAPhone() throws Exception {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(420, 900));
        try {
            browser.open(page);
            Number inner = (Number) browser.driver.executeScript("return window.innerWidth");
            Number scroll = (Number) browser.driver.executeScript("return document.documentElement.scrollWidth");
            assertTrue(scroll.intValue() <= inner.intValue(), "page " + scroll + " px wide in a " + inner
                    + " px window");
            for (String table : List.of("#summary table", "#answers .verdict")) {
                Number right = (Number) browser.driver.executeScript("return document.querySelector(arguments[0])"
                        + ".getBoundingClientRect().right", table);
                assertTrue(right.doubleValue() <= inner.doubleValue(), table + " ends at " + right);
            }
            assertEquals(List.of(), browser.consoleErrors());
            browser.screenshot("quickstart-phone-420px");
            browser.elementShot("#answers", "quickstart-phone-answers");
            browser.elementShot("#summary", "quickstart-phone-summary");
        } finally {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        }
    }

    /** plan --html's page: opens without errors; a screenshot for a person to look at. */
    @Test
    void thePlanPageOpensWithoutConsoleErrors() throws Exception {
        Path plan = Path.of("target/browser/plan.html");
        Files.writeString(plan, dev.enisim.report.PlanReport.html(dev.enisim.report.PlanPageTest.shortPlan()));
        browser.open(plan);
        assertEquals(List.of(), browser.consoleErrors());
        // short with no IP failure in the run: a warning under the headline, not "already fails"
        assertTrue(browser.driver.findElement(By.cssSelector(".verdict.warn")).getText()
                .startsWith("Warning: subnet-a is 3 IPs short of the design's peak"));
        browser.screenshot("plan");
    }

    /** compare's page: both runs on the same axes, one crosshair showing A's and B's values. */
    @Test
    void theComparePageShowsBothRunsAtTheCursor() throws Exception {
        Path compare = Path.of("target/browser/compare.html");
        Files.writeString(compare, dev.enisim.report.ComparePageTest.quickstartVsBiggerSubnet());
        browser.open(compare);
        WebElement over = browser.driver.findElement(By.cssSelector("#chart-failed .u-over"));
        browser.driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", over);
        new Actions(browser.driver).moveToElement(over, over.getSize().getWidth() / 3, 0).perform();
        String a = legendValue("chart-failed", 2);
        String b = legendValue("chart-failed", 3);
        assertTrue(Long.parseLong(a.replace(",", "")) > Long.parseLong(b.replace(",", "")),
                "after 01:00 A fails (subnet-a full), B does not: A " + a + ", B " + b);
        assertEquals(List.of(), browser.consoleErrors());
        browser.screenshot("compare");
    }

    /** A page of 1,000 functions opens without errors and draws bounded charts and topology. */
    @Test
    void aLargeRunsPageOpensWithoutErrors() throws Exception {
        Path dir = Path.of("target/browser/large");
        ReportWriter.write(dev.enisim.report.LargeRun.of(1_000), dir, Path.of("").toAbsolutePath());
        browser.open(dir.resolve("report.html"));
        assertEquals(List.of(), browser.consoleErrors());
        assertTrue(browser.driver.findElement(By.id("topology-note")).getText().contains("40 of 1,000 functions"),
                browser.driver.findElement(By.id("topology-note")).getText());
        browser.elementShot("#topology", "large-topology");
    }

    private static String playerTime() {
        return browser.driver.findElement(By.id("player-time")).getText();
    }

    private static Set<String> enisOf(String function) {
        Set<String> out = new TreeSet<>();
        for (WebElement e : browser.driver.findElements(By.cssSelector("#topology-svg path.edge[data-function='"
                + function + "']"))) {
            out.add(e.getAttribute("data-eni"));
        }
        return out;
    }

    private static String legendValue(String chart, int row) {
        return browser.driver.findElement(By.cssSelector("#" + chart + " .u-legend tr:nth-child(" + row
                + ") .u-value")).getText();
    }
}
