package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.experiment.MetricStats;
import dev.enisim.experiment.Sweep;
import dev.enisim.report.SweepReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * sweep.html on a phone's 420 px: compare's, the drift's and the sensitivity's tables were cards under 800 px
 * (session 43), the sweep's table was not, so its last metrics' columns were off the screen in its scroll box. Each
 * point is now a card (report.css's table.cards), every cell labelled by its column and within the window.
 */
class SweepCardsBrowserTest {

    private static final Path DIR = Path.of("target/browser/sweep-cards");
    @RegisterExtension
    static final Browser browser = new Browser(1440, 900);

    @Test
    void everyCellOfTheSweepsTableIsOnAPhonesScreenWithItsColumnsName() throws Exception {
        Files.createDirectories(DIR);
        Sweep.Axis cidr = new Sweep.Axis("vpcs[0].subnets[0].cidr", List.of("10.0.1.0/28", "10.0.1.0/27"));
        Sweep.Axis traffic = new Sweep.Axis("traffic", List.of("1", "3"));
        List<String> metrics = List.of("invocations.errors.SubnetIPAddressLimitReachedException", "enis.peak",
                "invocations.succeeded", "latencyMillis.p99");
        List<Sweep.Point> points = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            for (int t = 0; t < 2; t++) {
                Map<String, MetricStats> m = new LinkedHashMap<>();
                m.put(metrics.get(0), new MetricStats(5, 108_056.2 * (1 - c), 900, 107_000, 109_000));
                m.put(metrics.get(1), new MetricStats(5, 8 + c, 1, 7 + c, 9 + c));
                m.put(metrics.get(2), new MetricStats(5, 524_599.5 + 1000 * t, 900, 523_000, 526_000));
                m.put(metrics.get(3), new MetricStats(5, 1984.17, 50, 1845.67, 2122.67));
                points.add(new Sweep.Point(Map.of(cidr.path(), cidr.values().get(c), traffic.path(),
                        traffic.values().get(t)), m, null));
            }
        }
        Path page = Files.write(DIR.resolve("sweep.html"), SweepReport.render("quickstart", 42, List.of(cidr, traffic),
                metrics, points).get("sweep.html"));
        String check = "var out = [], labels = 0;"
                + " document.querySelectorAll('.scroll > table').forEach(function (t) {"
                + "  for (var i = 1; i < t.rows.length; i++) {"
                + "   for (var j = 0; j < t.rows[i].cells.length; j++) {"
                + "    var c = t.rows[i].cells[j], r = c.getBoundingClientRect();"
                + "    if (r.left < 0 || r.right > window.innerWidth + 0.5)"
                + "     out.push('row ' + i + ' cell ' + j + ' at ' + Math.round(r.left) + '..' + Math.round(r.right));"
                + "    if (getComputedStyle(c, '::before').content.indexOf(': ') > 0) labels++;"
                + "   }"
                + "  }"
                + " }); return out.concat(['labelled ' + labels]);";
        try {
            browser.emulatePhone(420, 900);
            browser.open(page);
            assertEquals(List.of(), browser.consoleErrors());
            @SuppressWarnings("unchecked")
            List<String> out = (List<String>) browser.driver.executeScript(check);
            browser.screenshot("sweep-cards-420px");
            assertEquals(List.of("labelled " + 4 * (2 + 4)), out, "cells off a 420 px screen, or unlabelled");
        } finally {
            browser.unemulate();
        }
    }
}
