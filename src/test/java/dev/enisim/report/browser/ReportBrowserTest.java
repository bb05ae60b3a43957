package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.ReportWriter;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quickstart's report.html in a real browser (headless chromium), opened from file:// as a reader would:
 * no console error, and screenshots in target/screenshots/ for a person to look at.
 */
class ReportBrowserTest {

    private static Path page;
    private static Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Path dir = Path.of("target/browser/quickstart");
        ReportWriter.write(new Simulation(ScenarioLoader.load(Path.of("scenarios/quickstart.yaml")), 0).run(), dir);
        page = dir.resolve("report.html");
        assertTrue(Files.isRegularFile(page));
        browser = new Browser(1280, 900);
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theReportOpensFromFileWithoutConsoleErrors() throws Exception {
        browser.open(page);
        assertEquals("enisim: quickstart", browser.driver.getTitle());
        assertEquals(java.util.List.of(), browser.consoleErrors());
        assertTrue(Files.size(browser.screenshot("quickstart-report")) > 10_000);
    }
}
