package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Browser review (session 41), h3 finding 2: quota-500's 110 creations, 30 s apart over two hours, were drawn as
 * dashed lines about 4 px apart on every chart, a solid band in which no marker could be read. A line is drawn at
 * least 10 px from the one before; the actions nearer are counted in a label's "+N more", so every marker in view is
 * still labelled or counted. Since session 51 functions created close in time are one marker ("24 functions created
 * over 11 min 30 s", ActionMarkers): quota-500 has five, and the dense lines are checked on 110 actions of another
 * kind, other tenants' addresses changed every 30 s, which are not folded.
 */
class DenseMarkersBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser(1280, 900);

    @Test
    @SuppressWarnings("unchecked")
    void quota500sCreationsAreAMarkerEachTenthOfTheRunAndEachIsTold() throws Exception {
        browser.open(ChartsFitBrowserTest.report("quota-500"));
        assertEquals(List.of(), browser.consoleErrors());
        List<String> labels = (List<String>) browser.driver.executeScript("return enisim.data.charts.markers.map("
                + "function (m) { return m.label; });");
        assertEquals(5, labels.size(), labels.toString());
        assertTrue(labels.stream().allMatch(l -> l.matches("[0-9]+ functions created over .*")), labels.toString());
        List<Map<String, Object>> charts = (List<Map<String, Object>>) browser.driver.executeScript(
                ChartsFitBrowserTest.MARKER_COUNTS);
        assertTrue(charts.size() >= 5, charts.toString());
        for (Map<String, Object> c : charts) {
            List<Number> lines = (List<Number>) c.get("lines");
            assertTrue(lines != null && lines.size() == 5, c.get("id") + ": the lines drawn: " + lines);
            if (c.get("panelOf") == null) { // a panel's chart labels its markers
                assertEquals(5, ((Number) c.get("told")).longValue(), c.get("id") + ": every marker told");
            }
        }
        browser.screenshot("dense-markers-quota-500");
    }

    /** 110 actions 30 s apart over two hours that are not folded: other tenants' addresses in a subnet. */
    static final String DENSE = """
            name: dense-actions
            duration: 2h
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }
                securityGroups: [sg-1]
            functions:
              - name: api
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                duration: 50ms
                arrivals: { poisson: 1/m }
            timeline:
            """;

    @Test
    @SuppressWarnings("unchecked")
    void denseMarkersAreLinesApartAndEachIsTold() throws Exception {
        StringBuilder y = new StringBuilder(DENSE);
        for (int i = 0; i < 110; i++) {
            y.append(String.format("  - { at: %ds, action: setOtherUsedIps, subnet: subnet-a, otherUsedIps: %d }%n",
                    30 * i, 10 + i % 2));
        }
        java.nio.file.Path dir = java.nio.file.Path.of("target/browser/dense-actions");
        dev.enisim.report.ReportWriter.write(new dev.enisim.run.Simulation(dev.enisim.scenario.ScenarioLoader.parse(
                y.toString(), "dense.yaml"), 0).run(), dir, java.nio.file.Path.of("").toAbsolutePath());
        browser.open(dir.resolve("report.html"));
        assertEquals(List.of(), browser.consoleErrors());
        List<Map<String, Object>> charts = (List<Map<String, Object>>) browser.driver.executeScript(
                ChartsFitBrowserTest.MARKER_COUNTS);
        assertTrue(charts.size() >= 5, charts.toString());
        for (Map<String, Object> c : charts) {
            List<Number> lines = (List<Number>) c.get("lines");
            assertTrue(lines != null && !lines.isEmpty(), c.get("id") + ": the lines drawn");
            long markers = ((Number) c.get("markers")).longValue();
            assertTrue(lines.size() < markers / 2, c.get("id") + ": " + lines.size() + " lines for " + markers
                    + " actions");
            for (int i = 1; i < lines.size(); i++) {
                double gap = lines.get(i).doubleValue() - lines.get(i - 1).doubleValue();
                assertTrue(gap >= 9.5, c.get("id") + ": lines " + gap + " px apart at " + lines.get(i));
            }
            if (c.get("panelOf") == null) { // a panel's chart labels its markers
                assertEquals(markers, ((Number) c.get("told")).longValue(), c.get("id") + ": every marker told");
            }
        }
        browser.screenshot("dense-markers");
    }
}
