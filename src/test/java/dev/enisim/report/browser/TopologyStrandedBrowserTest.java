package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.ReportWriter;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A platform team's 600-function account (session 48, h3's review): a function left Inactive by a restore that found
 * no free IP is listed first in the terminal and the page's function table (report/page/Stranded), but the topology
 * player drew the 40 busiest after the Failed ones, and its note said "Failed first, then by invocations": the 4
 * stranded functions were neither drawn nor said. The same, small: 46 functions, one of them stranded and the
 * quietest.
 */
class TopologyStrandedBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser(1280, 900);

    @Test
    @SuppressWarnings("unchecked")
    void theStrandedFunctionIsDrawnAndTheNoteSaysTheFunctionTablesOrder() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(dev.enisim.report.chart.StrandedLanesTest.scenario(), "stranded-46"), 0).run();
        assertEquals("Inactive", r.summary().functions().get("nightly").finalState(), "the premise");
        assertTrue(r.summary().functions().get("nightly").invocations().total() < r.summary().functions()
                .get("busy-00").invocations().total(), "the premise: nightly is the quietest");
        Path dir = Path.of("target/browser/topology-stranded");
        ReportWriter.write(r, dir, Path.of("").toAbsolutePath());
        browser.open(dir.resolve("report.html"));
        assertEquals(List.of(), browser.consoleErrors());
        Map<String, Object> fn = (Map<String, Object>) browser.driver.executeScript("var n = document.querySelector("
                + "'#topology-svg .node.function[data-id=\"fn:nightly\"]');"
                + " return n ? {state: n.getAttribute('data-state'), text: n.textContent} : null;");
        assertTrue(fn != null, "nightly, stranded, is drawn in the player");
        assertEquals("Inactive", fn.get("state"), fn.toString());
        assertTrue(fn.get("text").toString().contains("SubnetOutOfIPAddresses"), fn.toString());
        long drawn = (Long) browser.driver.executeScript(
                "return document.querySelectorAll('#topology-svg .node.function').length;");
        assertEquals(40, drawn);
        String note = browser.driver.findElement(org.openqa.selenium.By.id("topology-note")).getText();
        assertTrue(note.contains("40 of 46 functions drawn (Failed, or Inactive/Pending for a network cause, first;"
                + " then those with a failed VPC config update; each by invocation requests)"), note);
        browser.elementShot("#topology", "topology-stranded");
    }
}
