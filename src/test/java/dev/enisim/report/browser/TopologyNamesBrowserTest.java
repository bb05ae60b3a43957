package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.ReportWriter;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The topology player labels a subnet, a VPC and a key's security groups as the page's tables do (report.Labels):
 * "private-a (subnet-0a1b2c3d4e5f60789)" where the scenario names it (an imported Name tag), the id alone where it
 * does not; its boxes said only the ids. A label longer than its box still ends in it, and its tooltip gives it in
 * full (TopologyLabelsBrowserTest's check).
 */
class TopologyNamesBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser(1400, 900);

    /** A box's labels in full: its tooltip's lines when a label is cut, else its texts. */
    private static final String LABELS = "var g = document.querySelector(arguments[0]); if (!g) { return null; }"
            + " var tip = g.querySelector('title'); if (tip) { return tip.textContent.split('\\n'); }"
            + " return Array.prototype.map.call(g.querySelectorAll('text'), function (t) { return t.textContent; });";

    @Test
    @SuppressWarnings("unchecked")
    void theBoxesSayTheNamesBesideTheIds() throws Exception {
        Path dir = Path.of("target/browser/topology-names");
        ReportWriter.write(new Simulation(ScenarioLoader.parse(dev.enisim.report.chart.NamedChartsTest.NAMED,
                "named.yaml"), 0).run(), dir, Path.of("").toAbsolutePath());
        browser.open(dir.resolve("report.html"));
        assertEquals(List.of(), browser.consoleErrors());
        List<String> named = (List<String>) browser.driver.executeScript(LABELS,
                "#topology-svg g.node.subnet[data-id='subnet-0a1b2c3d4e5f60789']");
        assertEquals("private-a (subnet-0a1b2c3d4e5f60789)", named.get(0), named.toString());
        List<String> bare = (List<String>) browser.driver.executeScript(LABELS,
                "#topology-svg g.node.subnet[data-id='subnet-0b1c2d3e4f5a60781']");
        assertEquals("subnet-0b1c2d3e4f5a60781", bare.get(0), "unnamed: its id, as before: " + bare);
        List<String> vpc = (List<String>) browser.driver.executeScript(LABELS, "#topology-svg g.vpc-head");
        assertTrue(vpc.get(0).startsWith("payments-vpc (vpc-0f0e0d0c0b0a09081): "), vpc.toString());
        List<String> key = (List<String>) browser.driver.executeScript(LABELS, "#topology-svg g.node.key[data-id="
                + "'subnet-0a1b2c3d4e5f60789+[sg-0aaaaaaaaaaaaaaa1,sg-0bbbbbbbbbbbbbbb2]']");
        assertEquals("[api-lambda (sg-0aaaaaaaaaaaaaaa1), sg-0bbbbbbbbbbbbbbb2]", key.get(0), key.toString());
        assertEquals("private-a \u00b7 1 ENI", key.get(1), "the subnet by its name, the count whole: " + key);
        Map<String, Object> fit = (Map<String, Object>) browser.driver.executeScript(
                TopologyLabelsBrowserTest.OVERFLOWS);
        assertEquals(List.of(), fit.get("problems"));
        browser.elementShot("#topology", "topology-names");
    }

    /**
     * The player's journal and a subnet's history say the names first too: its lines said "CreateFunction api with
     * subnets subnet-0a1b2c3d4e5f60789, ..." and "ENI eni-0001 Creating (subnet-0a1b2c3d4e5f60789+[sg-...] ...)",
     * and the history "History of subnet-0a1b2c3d4e5f60789", where the boxes beside them said "private-a".
     */
    @Test
    @SuppressWarnings("unchecked")
    void theJournalAndTheHistorySayTheNamesFirst() throws Exception {
        Path dir = Path.of("target/browser/topology-journal-names");
        ReportWriter.write(new Simulation(ScenarioLoader.parse(dev.enisim.report.chart.NamedChartsTest.NAMED,
                "named.yaml"), 0).run(), dir, Path.of("").toAbsolutePath());
        browser.open(dir.resolve("report.html"));
        assertEquals(List.of(), browser.consoleErrors());
        List<String> journal = (List<String>) browser.driver.executeScript("window.enisim.player.show(0);"
                + " return Array.prototype.map.call(document.querySelectorAll('#player-now li'),"
                + " function (li) { return li.textContent; });");
        String key = "private-a (subnet-0a1b2c3d4e5f60789)+[api-lambda (sg-0aaaaaaaaaaaaaaa1),sg-0bbbbbbbbbbbbbbb2]";
        assertTrue(journal.stream().anyMatch(l -> l.contains("CreateFunction api with subnets private-a"
                + " (subnet-0a1b2c3d4e5f60789), subnet-0b1c2d3e4f5a60781 and security groups [api-lambda"
                + " (sg-0aaaaaaaaaaaaaaa1), sg-0bbbbbbbbbbbbbbb2]")), journal.toString());
        assertTrue(journal.stream().anyMatch(l -> l.matches(".*ENI eni-[0-9]+ Creating \\(" + java.util.regex.Pattern
                .quote(key) + " .*")), journal.toString());
        assertTrue(journal.stream().noneMatch(l -> l.contains(" (subnet-0b1c2d3e4f5a60781)")),
                "an unnamed subnet is its id alone: " + journal);
        String history = (String) browser.driver.executeScript("document.querySelector(\"#topology-svg"
                + " g.node.subnet[data-id='subnet-0a1b2c3d4e5f60789']\").dispatchEvent(new MouseEvent('click',"
                + " {bubbles: true})); return document.querySelector('#history h3').textContent;");
        assertTrue(history.startsWith("History of private-a (subnet-0a1b2c3d4e5f60789) ("), history);
        List<String> lines = (List<String>) browser.driver.executeScript("return Array.prototype.map.call("
                + "document.querySelectorAll('#history li'), function (li) { return li.textContent; });");
        assertTrue(lines.stream().anyMatch(l -> l.contains(key)), lines.toString());
        browser.elementShot("#topology", "topology-journal-names");
    }
}
