package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The lifecycle moments on the run page's time-series charts (a teacher's review, B5): idle-reclaim's charts marked
 * "batch-report existing +2 more" at 0d alone, so nothing tied its ResourceNotReadyException at 20d or its Free IPs
 * step at 14d to the restore and the Inactive that made them. Every chart draws the moments' lines (dotted, in their
 * colour), labels or counts each in a "+N more" as it does the actions, no label over another, a key under the plot
 * names both kinds of line, and pointing at a line tells what it marks. A dense run's 40 ENIs deleted over two hours
 * are at most 20 markers, their lines apart, each told.
 */
class LifecycleMarkersBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser(1280, 900);

    /**
     * Each chart's moments in view, those its labels tell (labelled or counted), the moment lines it drew (CSS px), its
     * labels' boxes of both kinds over one another or outside the plot, and its key's text.
     */
    static final String MOMENTS = "var cd = enisim.data.charts; return enisim.charts.map(function (c) {"
            + " var u = c.u, x = u.scales.x, dpr = devicePixelRatio || 1, lo = u.bbox.left / dpr,"
            + " hi = (u.bbox.left + u.bbox.width) / dpr, n = cd.moments.filter(function (m) {"
            + " return m.t >= x.min && m.t <= x.max; }).length, told = 0, rows = {}, bad = [];"
            + " (u.enisimMomentLabels || []).forEach(function (p) { told += (p.label ? 1 : 0) + p.more; });"
            + " (u.enisimLabels || []).concat(u.enisimMomentLabels || []).forEach(function (p) { if (!p.box) { return; }"
            + "   if (p.box[0] < lo - 0.5 || p.box[1] > hi + 0.5) { bad.push(p.label + ' outside the plot'); }"
            + "   (rows[p.row] || []).forEach(function (q) { if (p.box[0] < q[1] && q[0] < p.box[1]) {"
            + "     bad.push(p.label + ' over ' + q[2]); } });"
            + "   (rows[p.row] = rows[p.row] || []).push([p.box[0], p.box[1], p.label]); });"
            + " var box = document.getElementById('chart-' + (c.spec.panelOf || c.spec.id)),"
            + " key = box && box.querySelector('.marker-key');"
            + " return {id: c.spec.id, moments: n, told: told, lines: u.enisimMoments, bad: bad,"
            + " key: key ? key.textContent : null, panelOf: c.spec.markerLabels === false ? c.spec.panelOf : null};"
            + " })";

    @Test
    @SuppressWarnings("unchecked")
    void idleReclaimsInactiveAndRestoresAreMarkedOnEveryChart() throws Exception {
        for (int width : new int[] {1280, 800}) {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
            browser.open(ChartsFitBrowserTest.report("idle-reclaim"));
            assertEquals(List.of(), browser.consoleErrors());
            List<Map<String, Object>> charts = (List<Map<String, Object>>) browser.driver.executeScript(MOMENTS);
            assertTrue(charts.size() >= 5, charts.toString());
            for (Map<String, Object> c : charts) {
                String at = width + " px " + c.get("id") + ": ";
                assertEquals(6L, ((Number) c.get("moments")).longValue(), at + c);
                List<Number> lines = (List<Number>) c.get("lines");
                // 14d, 20d, 34d, 40d: each Inactive with its ENIs deleted minutes later on one line
                assertEquals(4, lines.size(), at + "the moment lines: " + lines);
                assertEquals(List.of(), c.get("bad"), at + "labels");
                assertTrue(String.valueOf(c.get("key")).contains("lifecycle moment"), at + "key: " + c.get("key"));
                assertTrue(String.valueOf(c.get("key")).contains("timeline action"), at + "key: " + c.get("key"));
                if (c.get("panelOf") == null) {
                    assertEquals(6L, ((Number) c.get("told")).longValue(), at + "every moment told");
                }
            }
            List<String> labels = (List<String>) browser.driver.executeScript("return enisim.charts[0].u"
                    + ".enisimMomentLabels.map(function (p) { return p.label; })");
            assertTrue(labels.containsAll(List.of("2 functions Inactive", "2 ENIs deleted", "2 functions restoring")),
                    labels.toString());
            browser.screenshot("lifecycle-markers-idle-reclaim-" + width);
        }
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        // pointing at the 20d line: the plot's title tells the restore and whom
        String title = (String) browser.driver.executeScript("var u = enisim.charts[0].u, dpr = devicePixelRatio || 1,"
                + " l = u.enisimMomentLines[1], r = u.over.getBoundingClientRect();"
                + " u.over.dispatchEvent(new MouseEvent('mousemove', {clientX: r.left + (l.x - u.bbox.left) / dpr,"
                + " clientY: r.top + 20, bubbles: true})); return u.over.getAttribute('title');");
        assertTrue(title != null && title.startsWith("20d 00:00:00") && title.contains("2 functions restoring")
                && title.contains("batch-report Pending (Restoring)"), String.valueOf(title));
        // the text alternative names them too
        String alt = (String) browser.driver.executeScript("return enisim.charts[0].u.ctx.canvas.getAttribute"
                + "('aria-label')");
        assertTrue(alt.contains("Lifecycle moments marked: 14d 00:10:00 2 functions Inactive"), alt);
    }

    /** 40 functions deleted three minutes apart, each with an ENI of its own key: 40 ENIs deleted over two hours. */
    static String dense() {
        StringBuilder y = new StringBuilder("""
                name: dense-moments
                duration: 3h
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }
                    securityGroups: [%s]
                functions:
                """.formatted(String.join(", ", java.util.stream.IntStream.range(0, 40).mapToObj(i -> "sg-" + i)
                .toList())));
        for (int i = 0; i < 40; i++) {
            y.append(String.format("  - { name: f-%02d, existing: Active, vpcConfig: { subnetIds: [subnet-a],"
                    + " securityGroupIds: [sg-%d] }, duration: 50ms, arrivals: { poisson: 1/m, until: 10m } }%n", i, i));
        }
        y.append("timeline:\n");
        for (int i = 0; i < 40; i++) {
            y.append(String.format("  - { at: %dm, action: deleteFunction, function: f-%02d }%n", 3 * i, i));
        }
        return y.toString();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aDenseRunsMomentsAreCappedApartAndEachTold() throws Exception {
        Path dir = Path.of("target/browser/dense-moments");
        dev.enisim.report.ReportWriter.write(new dev.enisim.run.Simulation(dev.enisim.scenario.ScenarioLoader.parse(
                dense(), "dense-moments.yaml"), 0).run(), dir, Path.of("").toAbsolutePath());
        for (int width : new int[] {1280, 800}) {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
            browser.open(dir.resolve("report.html"));
            assertEquals(List.of(), browser.consoleErrors());
            List<Number> counts = (List<Number>) browser.driver.executeScript(
                    "return enisim.data.charts.moments.map(function (m) { return m.count; })");
            assertTrue(counts.size() <= 20 && counts.size() >= 5, counts.toString());
            assertEquals(40, counts.stream().mapToInt(Number::intValue).sum(), counts.toString());
            List<Map<String, Object>> charts = (List<Map<String, Object>>) browser.driver.executeScript(MOMENTS);
            assertTrue(charts.size() >= 5, charts.toString());
            for (Map<String, Object> c : charts) {
                String at = width + " px " + c.get("id") + ": ";
                List<Number> lines = (List<Number>) c.get("lines");
                long n = ((Number) c.get("moments")).longValue();
                assertTrue(!lines.isEmpty() && lines.size() <= n, at + lines);
                for (int i = 1; i < lines.size(); i++) {
                    assertTrue(lines.get(i).doubleValue() - lines.get(i - 1).doubleValue() >= 10, at + "lines " + lines);
                }
                assertEquals(List.of(), c.get("bad"), at + "labels");
                if (c.get("panelOf") == null) {
                    assertEquals(n, ((Number) c.get("told")).longValue(), at + "every moment told");
                }
            }
            browser.screenshot("lifecycle-markers-dense-" + width);
        }
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
}
