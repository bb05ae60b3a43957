package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.ReportWriter;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The page's time axes (charts.js {@code tick}): no two ticks of a chart read alike. A 45-day run from a Monday's
 * startsAt read "Mon" at every weekly tick; a 3-day run's hours read "06:00" again each day.
 */
class TimeTicksBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser(1280, 900);

    private static Path report(String name, String duration, String bucket, String startsAt) throws Exception {
        String yaml = "name: " + name + "\nduration: " + duration + "\nbucket: " + bucket + "\n" + startsAt
                + "functions:\n  - { name: a, duration: 50ms, arrivals: { poisson: 1/m } }\n";
        Path dir = Path.of("target/browser/ticks-" + name);
        ReportWriter.write(new Simulation(ScenarioLoader.parse(yaml, name + ".yaml"), 0).run(), dir,
                Path.of("").toAbsolutePath());
        return dir.resolve("report.html");
    }

    /** Each chart's time-axis labels as uPlot drew them. */
    @SuppressWarnings("unchecked")
    private static List<String> axes() {
        return (List<String>) browser.driver.executeScript("return window.enisim.charts.map(function (c) {"
                + " return (c.u.axes[0]._values || []).join('|'); })");
    }

    @Test
    void noTwoTicksOfAChartReadAlike() throws Exception {
        String[][] runs = {{"weeks", "45d", "1h", "startsAt: 2026-03-02T14:00:00Z\n"}, {"days", "3d", "10m", ""},
            {"week", "8d", "1h", "startsAt: 2026-03-02T14:00:00Z\n"}};
        for (String[] run : runs) {
            browser.open(report(run[0], run[1], run[2], run[3]));
            assertEquals(List.of(), browser.consoleErrors());
            List<String> axes = axes();
            assertTrue(!axes.isEmpty(), run[0]);
            for (String axis : axes) {
                List<String> labels = Arrays.asList(axis.split("\\|"));
                assertTrue(labels.size() >= 3, run[0] + ": " + labels);
                assertEquals(labels.size(), new LinkedHashSet<>(labels).size(), run[0] + ": two ticks read alike: "
                        + labels);
            }
        }
    }
}
