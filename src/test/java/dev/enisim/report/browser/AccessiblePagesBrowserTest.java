package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.check.Baseline;
import dev.enisim.experiment.Comparison;
import dev.enisim.report.ComparePage;
import dev.enisim.report.DriftPage;
import dev.enisim.report.PlanReport;
import dev.enisim.report.ReportWriter;
import dev.enisim.report.SensitivityReport;
import dev.enisim.report.SweepReport;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Overrides;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;

/**
 * An accessibility review of the pages (WCAG 2.1 AA as the yardstick), in the browser: az-outage's failures were a
 * faint line along 0 of the invocations chart; the charts' legends told the dashed outcomes apart by colour alone
 * (square markers); no table header had a scope; the toolbar's and the player's arrow buttons were named by their
 * glyphs; the chart files' links were each named "svg".
 */
class AccessiblePagesBrowserTest {

    private static final Path DIR = Path.of("target/browser/accessible");
    @RegisterExtension
    static final Browser browser = new Browser(1440, 900);

    @BeforeAll
    static void start() throws Exception {
        Files.createDirectories(DIR);
    }

    private static Path run(String scenario) throws Exception {
        Path dir = DIR.resolve(scenario);
        ReportWriter.write(new Simulation(ScenarioLoader.load(Path.of("scenarios/" + scenario + ".yaml")), 0).run(),
                dir, Path.of("").toAbsolutePath());
        return dir.resolve("report.html");
    }

    @Test
    void azOutagesFailuresHavePanelsOfTheirOwnWithTheirTotals() throws Exception {
        browser.open(run("az-outage"));
        assertEquals(List.of(), browser.consoleErrors());
        @SuppressWarnings("unchecked")
        List<String> heads = (List<String>) browser.driver.executeScript("return Array.prototype.map.call("
                + "document.querySelectorAll('#chart-invocations .head'), function (h) { return h.textContent; });");
        assertEquals(List.of("Invocations by outcome, per minute", "ServiceException: 7,067 (2.3% of requests)",
                "ResourceConflictException: 3,856 (1.3% of requests)"), heads, "a panel for each failing outcome");
        assertEquals(3L, browser.driver.executeScript("return document.querySelectorAll('#chart-invocations canvas')"
                + ".length"), "three panels in the chart's box");
        String note = browser.driver.findElement(By.cssSelector("#chart-invocations .note")).getText();
        assertTrue(note.startsWith("10,923 of 301,968 invocation requests did not succeed (3.6%): ServiceException"
                + " 7,067, ResourceConflictException 3,856, each drawn on a scale of its own"), note);
        // the ServiceException panel's scale is its own: its highest minute near the top, not along 0
        Number share = (Number) browser.driver.executeScript("var c = enisim.charts.filter(function (c) {"
                + " return c.spec.id === 'invocations-failed-1'; })[0].u; var top = 0;"
                + " c.data[1].forEach(function (v) { top = Math.max(top, v || 0); });"
                + " return top / c.scales.y.max;");
        assertTrue(share.doubleValue() > 0.5, "ServiceException's peak on its axis: " + share);
        browser.elementShot("#chart-invocations", "accessible-az-outage-invocations");
    }

    @Test
    void legendsShowEachSeriesLineWithItsDash() throws Exception {
        browser.open(run("quickstart"));
        @SuppressWarnings("unchecked")
        List<String> problems = (List<String>) browser.driver.executeScript("""
                var out = [];
                enisim.charts.forEach(function (c) {
                  var markers = c.u.root.querySelectorAll('.u-legend .u-series .u-marker');
                  c.series.forEach(function (s, i) {
                    var line = markers[i + 1] && markers[i + 1].querySelector('svg line');
                    var want = Array.isArray(s.dash) ? s.dash.join(' ') : s.dash ? '6 4' : null;
                    if (!line) { out.push(c.spec.id + ' ' + s.label + ': no line in the legend'); return; }
                    if (line.getAttribute('stroke-dasharray') !== want) {
                      out.push(c.spec.id + ' ' + s.label + ': ' + line.getAttribute('stroke-dasharray') + ' not ' + want);
                    }
                    if (line.getAttribute('stroke') !== s.color) { out.push(c.spec.id + ' ' + s.label + ': colour'); }
                  });
                });
                return out;""");
        assertEquals(List.of(), problems);
        Number dashed = (Number) browser.driver.executeScript("return document.querySelectorAll("
                + "'#chart-invocations .u-marker line[stroke-dasharray]').length");
        assertTrue(dashed.intValue() >= 3, "quickstart's failing outcomes, dashed in the legend: " + dashed);
    }

    /**
     * The topology player's state boxes and its legend's swatches, as the browser draws them at every step: each
     * state's box stroked with its state's edge (Palette.edge, as the state timeline's bars), so that a light fill
     * (Pending, Inactive, Creating: about 1.6:1 against the white figure) is told from the white by 3:1, and each
     * swatch edged alike (the light ones were bare squares of 1.6:1 on the page). Boxes absent, AZ-down or selected
     * keep their own strokes (dashed grey, dashed red, black).
     */
    private static final String EDGES = """
            function rgb(c) {
              var m = /^rgb\\((\\d+), (\\d+), (\\d+)\\)$/.exec(c), h = /^#([0-9a-f]{6})$/i.exec(c);
              if (h) { return [0, 2, 4].map(function (k) { return parseInt(h[1].substr(k, 2), 16); }); }
              if (!m) { throw new Error('not a colour: ' + c); }
              return m.slice(1).map(Number);
            }
            function hex(c) { return '#' + rgb(c).map(function (v) { return (256 + v).toString(16).slice(1); })
              .join('').toUpperCase(); }
            function lum(c) {
              var m = rgb(c).map(function (v) {
                v = v / 255; return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
              return 0.2126 * m[0] + 0.7152 * m[1] + 0.0722 * m[2];
            }
            function contrast(a, b) { var x = lum(a), y = lum(b); return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05); }
            // each state's fill as the page carries it, its edge by Palette.edge (the test's argument)
            var data = JSON.parse(document.getElementById('enisim-data').textContent).topology, edges = arguments[0];
            var p = window.enisim.player, out = [], seen = {};
            for (var i = 0; i < p.steps.length; i++) {
              p.show(i);
              document.querySelectorAll('#topology-svg .node.eni, #topology-svg .node.function').forEach(function (g) {
                var s = g.getAttribute('data-state');
                if (!data.stateColors[s] || g.classList.contains('absent') || g.classList.contains('unavailable')) { return; }
                var st = getComputedStyle(g.querySelector('rect')), stroke = hex(st.stroke);
                seen[s] = true;
                var light = contrast(data.stateColors[s], 'rgb(255, 255, 255)') < 3;
                if (stroke !== edges[s] || parseFloat(st.strokeWidth) < 1
                    || light && contrast(st.stroke, 'rgb(255, 255, 255)') < 3) {
                  out.push('step ' + i + ' ' + g.getAttribute('data-id') + ' ' + s + ': stroke ' + stroke + ' '
                    + st.strokeWidth + ', not ' + edges[s]);
                }
              });
            }
            document.querySelectorAll('#topology .legend i').forEach(function (i) {
              var st = getComputedStyle(i), state = i.parentElement.textContent.split(' ')[0];
              var fill = data.stateColors[state];
              if (parseFloat(st.borderTopWidth) < 1 || hex(st.borderTopColor) !== edges[state]
                  || contrast(fill, 'rgb(255, 255, 255)') < 3 && contrast(st.borderTopColor, 'rgb(255, 255, 255)') < 3) {
                out.push('legend ' + state + ': border ' + st.borderTopWidth + ' ' + st.borderTopColor);
              }
              // Deleted's swatch as the figure draws a deleted box (report.css's .node.absent): white, dashed
              if (state === 'Deleted' && (st.borderTopStyle !== 'dashed' || st.backgroundColor !== 'rgb(255, 255, 255)')) {
                out.push('legend Deleted: ' + st.borderTopStyle + ' ' + st.backgroundColor + ', not white and dashed');
              }
            });
            return [out.slice(0, 12), Object.keys(seen).sort()];""";

    @Test
    void thePlayersStateBoxesAndSwatchesHaveTheirEdges() throws Exception {
        for (String scenario : List.of("quickstart", "idle-reclaim")) {
            browser.open(run(scenario));
            assertEquals(List.of(), browser.consoleErrors(), scenario);
            Map<String, String> edges = new LinkedHashMap<>();
            dev.enisim.report.chart.Palette.STATES.forEach((state, fill) -> edges.put(state,
                    dev.enisim.report.chart.Palette.edge(fill)));
            // the figure draws a deleted (or not yet created) box white with a dashed #8A8A8A edge, not in the state
            // timeline's black: its legend swatch is drawn so (session 46, a teacher's review)
            edges.put("Deleted", "#8A8A8A");
            List<?> found = (List<?>) browser.driver.executeScript(EDGES, edges);
            assertEquals(List.of(), found.get(0), scenario);
            @SuppressWarnings("unchecked")
            List<String> seen = (List<String>) found.get(1);
            assertTrue(seen.containsAll(scenario.equals("quickstart") ? List.of("Creating", "Pending", "InUse")
                    : List.of("Inactive")), "the premise: the light fills drawn, " + scenario + ": " + seen);
        }
        // idle-reclaim at its first step with an Inactive function (a person looks at this one)
        browser.driver.executeScript("var p = window.enisim.player; for (var i = 0; i < p.steps.length; i++) {"
                + " p.show(i); if (document.querySelector('#topology-svg [data-state=Inactive]')) { return; } }");
        browser.elementShot("#topology", "accessible-idle-reclaim-topology-inactive");
        // quickstart's first step: orders-api Pending, its two ENIs Creating (a person looks at this one)
        browser.open(DIR.resolve("quickstart/report.html"));
        browser.driver.executeScript("window.enisim.player.show(0)");
        browser.elementShot("#topology", "accessible-quickstart-topology-edges");
    }

    /** The structure a screen reader or another assistive technology reads, of every kind of page. */
    private static final String STRUCTURE = """
            var out = [];
            if (!document.documentElement.lang) { out.push('no lang'); }
            var hs = document.querySelectorAll('h1, h2, h3, h4, h5, h6');
            if (document.querySelectorAll('h1').length !== 1) { out.push(document.querySelectorAll('h1').length + ' h1'); }
            var last = 0;
            hs.forEach(function (h) {
              var n = +h.tagName[1];
              if (n > last + 1) { out.push(h.tagName + ' after h' + last + ': ' + h.textContent.slice(0, 40)); }
              last = n;
            });
            document.querySelectorAll('th').forEach(function (th) {
              if (!th.getAttribute('scope')) { out.push('th without scope: ' + th.textContent.slice(0, 40)); }
              if (!th.textContent.trim() && !th.getAttribute('aria-label')) { out.push('an empty th'); }
            });
            function named(e) {
              var alt = e.querySelector('img[alt]');
              return (e.getAttribute('aria-label') || e.textContent || (alt && alt.getAttribute('alt')) || '').trim();
            }
            document.querySelectorAll('a[href]').forEach(function (a) {
              var n = named(a);
              if (!/[a-z]{2}/i.test(n) || /^(svg|png|here|link|more)$/i.test(n)) {
                out.push('a link named "' + n + '": ' + a.getAttribute('href'));
              }
            });
            document.querySelectorAll('button').forEach(function (b) {
              if (!/[a-z]{2}/i.test(named(b))) { out.push('a button named "' + named(b) + '"'); }
            });
            document.querySelectorAll('canvas, svg').forEach(function (g) {
              if (g.closest('[aria-hidden="true"]') || g.parentElement.closest('svg')) { return; }
              var label = g.getAttribute('aria-label') || (g.querySelector('title') || {}).textContent;
              // a figure of focusable controls (the topology's boxes) a named group: an image hid its controls
              var role = g.getAttribute('role'), group = role === 'group' && g.querySelector('[tabindex="0"]');
              if ((role !== 'img' && !group) || !label) { out.push(g.tagName + ' without role img and a name'); }
            });
            return out;""";

    @Test
    void everyPageKindHasHeadingsInOrderScopedHeadersAndNamedControls() throws Exception {
        Map<String, Path> pages = new LinkedHashMap<>();
        pages.put("report.html of quickstart", run("quickstart"));
        pages.put("plan.html", Files.writeString(DIR.resolve("plan.html"),
                PlanReport.html(dev.enisim.report.PlanPageTest.shortPlan())));
        pages.put("sweep.html", Files.write(DIR.resolve("sweep.html"), SweepReport.render("quickstart", 42, List.of(
                PagesFitBrowserTest.CIDR), List.of(PagesFitBrowserTest.LONG), PagesFitBrowserTest.sweepPoints())
                .get("sweep.html")));
        pages.put("sensitivity.html", Files.write(DIR.resolve("sensitivity.html"),
                PagesFitBrowserTest.sensitivityPage()));
        Path f = Path.of("scenarios/quickstart.yaml");
        Scenario a = ScenarioLoader.load(f);
        Scenario b = ScenarioLoader.parseTree(Overrides.apply(ScenarioLoader.readTree(f),
                List.of("vpcs[0].subnets[0].cidr=10.0.1.0/27"), f.toString()), f.toString());
        pages.put("compare.html", Files.writeString(DIR.resolve("compare.html"), ComparePage.compare("A",
                new Simulation(a, 0).run(), "B", new Simulation(b, 0).run(), Comparison.compare(a, b, 2, 1), 2,
                false)));
        pages.put("drift.html", Files.write(DIR.resolve("drift.html"), DriftPage.html(Map.of(
                "scenarios/quickstart.yaml", List.of(new Baseline.Diff("functions.orders-api.coldStarts.total", "40",
                        "44"))), "/home/ci/work/baselines", 0).getBytes(StandardCharsets.UTF_8)));
        Map<String, List<String>> problems = new LinkedHashMap<>();
        for (Map.Entry<String, Path> p : pages.entrySet()) {
            browser.open(p.getValue());
            assertEquals(List.of(), browser.consoleErrors(), p.getKey());
            @SuppressWarnings("unchecked")
            List<String> found = (List<String>) browser.driver.executeScript(STRUCTURE);
            if (!found.isEmpty()) {
                problems.put(p.getKey(), found.subList(0, Math.min(8, found.size())));
            }
        }
        assertEquals(Map.of(), problems);
    }
}
