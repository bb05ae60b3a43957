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
 * A migration's page (one function saved Failed, two whose VPC updates failed, 45 busy others): the count of those
 * the function table lists first is seen above it, and the table's first rows are they, on a laptop and on a
 * phone (where the table's rows are cut to the window by its scroll box).
 */
class FailedFirstBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser(1280, 900);

    @Test
    @SuppressWarnings("unchecked")
    void theCountIsAboveTheTableAndItsFirstRowsAreTheOnesCounted() throws Exception {
        Path dir = Path.of("target/browser/failed-first");
        ReportWriter.write(new Simulation(ScenarioLoader.parse(dev.enisim.cli.TerminalFailedUpdatesTest
                .migration(45), "migration"), 0).run(), dir, Path.of("").toAbsolutePath());
        String read = "var p = document.getElementById('functions-first'),"
                + " t = document.querySelector('table.functions'), pr = p.getBoundingClientRect(),"
                + " tr = t.getBoundingClientRect(), rows = [];"
                + " for (var i = 1; i <= 3; i++) rows.push(t.rows[i].cells[0].textContent);"
                + " return {text: p.innerText, above: pr.bottom <= tr.top + 0.5, shown: pr.width > 0 && pr.height > 0"
                + "  && pr.right <= window.innerWidth + 0.5, rows: rows,"
                + "  second: t.rows[2].cells[1].innerText};";
        for (int phone = 0; phone <= 1; phone++) {
            try {
                if (phone == 1) {
                    browser.emulatePhone(420, 900);
                }
                browser.open(dir.resolve("report.html"));
                assertEquals(List.of(), browser.consoleErrors());
                Map<String, Object> got = (Map<String, Object>) browser.driver.executeScript(read);
                String where = (phone == 1 ? "phone: " : "laptop: ") + got;
                assertEquals("Of 48 functions: 1 Failed, 2 with a failed VPC config update (LastUpdateStatus Failed:"
                        + " each kept its old config). The table lists them first.", got.get("text"), where);
                assertEquals(Boolean.TRUE, got.get("above"), where);
                assertEquals(Boolean.TRUE, got.get("shown"), where);
                List<String> rows = (List<String>) got.get("rows");
                assertEquals("broke", rows.get(0), where);
                assertEquals(List.of("pay-a", "pay-b"), rows.subList(1, 3).stream().sorted().toList(), where);
                // the failed update said in its row, under its state
                assertTrue(got.get("second").toString().startsWith("Active\n"), where);
                browser.elementShot("#summary", "failed-first-" + (phone == 1 ? "phone" : "laptop"));
            } finally {
                if (phone == 1) {
                    browser.unemulate();
                }
            }
        }
    }
}
