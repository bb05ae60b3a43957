package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.check.Baseline;
import dev.enisim.experiment.Comparison;
import dev.enisim.report.ComparePage;
import dev.enisim.report.DriftPage;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Overrides;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The experimenter's pages (compare, check's drift, sensitivity, sweep) on a phone's 420 px: a review's findings
 * (screenshots of session 43's h4), each pinned here.
 */
class NarrowPagesBrowserTest {

    private static final Path DIR = Path.of("target/browser/narrow-pages");
    @RegisterExtension
    static final Browser browser = new Browser(1440, 900);
    private static Path compare;
    private static Path drift;
    private static Path sensitivity;

    @BeforeAll
    static void pages() throws Exception {
        Files.createDirectories(DIR);
        Path f = Path.of("scenarios/quickstart.yaml");
        Scenario a = ScenarioLoader.load(f);
        String change = "vpcs[0].subnets[0].cidr=10.0.1.0/27";
        Scenario b = ScenarioLoader.parseTree(Overrides.apply(ScenarioLoader.readTree(f), List.of(change),
                f.toString()), f.toString());
        compare = Files.writeString(DIR.resolve("compare.html"), ComparePage.compare(f.toString(),
                new Simulation(a, 0).run(), f + " with " + change, new Simulation(b, 0).run(),
                Comparison.compare(a, b, 2, 1), 2, false));
        Map<String, List<Baseline.Diff>> drifts = new LinkedHashMap<>();
        drifts.put("scenarios/quickstart.yaml", List.of(
                new Baseline.Diff("eniKeys.subnet-b+[sg-billing].connectionsVariance", "0.11103202138559895",
                        "0.33605959982584543"),
                new Baseline.Diff("functions.notifications.invocations.errors.SubnetIPAddressLimitReachedException",
                        "35936", "53934")));
        drift = Files.writeString(DIR.resolve("drift.html"), DriftPage.html(drifts, "/home/ci/work/baselines", 0));
        sensitivity = Files.write(DIR.resolve("sensitivity.html"), PagesFitBrowserTest.sensitivityPage());
    }

    private static void phone() {
        browser.emulatePhone(420, 900);
    }

    private static void laptop() {
        browser.unemulate();
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1440, 900));
    }

    /**
     * At 420 px compare's "significant", the sensitivity's verdict and the drift's change, each its table's last
     * column, were off the screen in their tables' scroll boxes (compare's at about 900 px): a phone's reader had to
     * swipe each table sideways to read the decision. Under 800 px each row is now a card, the name first and the
     * decision under it, every cell within the window.
     */
    @Test
    void theDecisionIsOnAPhonesScreen() throws Exception {
        String check = "var out = [];"
                + " document.querySelectorAll('.scroll > table').forEach(function (t) {"
                + "  var head = t.rows[0].cells, last = head[head.length - 1].textContent;"
                + "  if (['significant', 'verdict', 'change'].indexOf(last) < 0) return;"
                + "  for (var i = 1; i < t.rows.length; i++) {"
                + "   var c = t.rows[i].cells[t.rows[i].cells.length - 1], r = c.getBoundingClientRect();"
                + "   if (r.left < 0 || r.right > window.innerWidth + 0.5)"
                + "    out.push(last + ' of row ' + i + ' at ' + Math.round(r.left) + '..' + Math.round(r.right) + ' px');"
                + "  }"
                + " }); return out;";
        List<String> off = new ArrayList<>();
        try {
            phone();
            for (Path p : List.of(compare, drift, sensitivity)) {
                browser.open(p);
                assertEquals(List.of(), browser.consoleErrors(), p.toString());
                @SuppressWarnings("unchecked")
                List<String> o = (List<String>) browser.driver.executeScript(check);
                if (!o.isEmpty()) {
                    off.add(p.getFileName() + ": " + o.get(0) + (o.size() > 1 ? " and " + (o.size() - 1) + " more"
                            : ""));
                }
                browser.screenshot("narrow-420px-" + p.getFileName().toString().replace(".html", ""));
            }
        } finally {
            laptop();
        }
        assertEquals(List.of(), off, "decisions off a 420 px screen");
    }

    /**
     * The shared report.css had {@code overflow-wrap:anywhere} on compare's metric and the drift's value path, which
     * broke them at whatever letter reached the cell's edge ("ResourceConflictExceptio" over "n", "Su" over
     * "bnetIPAddressLimitReachedException"). They break now at dots, underscores, brackets and CamelCase humps only
     * ({@code <wbr>}), and their text is the name as it was. Each line break in the names is found by the tops of
     * its letters; compare's, the drift's and the sensitivity's names are checked at 420 px and at 1440 px.
     */
    @Test
    void longNamesBreakAtDotsAndHumpsNotMidWord() throws Exception {
        String check = "var out = [], names = [];"
                + " document.querySelectorAll('.scroll > table').forEach(function (t) {"
                + "  var at = {'metric': 0, 'value': 2, 'assumption': 0}[t.rows[0].cells[0].textContent] !== undefined"
                + "   ? {'metric': 0, 'assumption': 0}[t.rows[0].cells[0].textContent] : (t.rows[0].cells.length > 2"
                + "   && t.rows[0].cells[2].textContent === 'value' ? 2 : -1);"
                + "  if (at < 0) return;"
                + "  for (var i = 1; i < t.rows.length; i++) { var c = t.rows[i].cells[at]; if (c) names.push(c); }"
                + " });"
                + " names.forEach(function (cell) {"
                + "  var text = cell.textContent, chars = [], w = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);"
                + "  for (var n = w.nextNode(); n; n = w.nextNode()) for (var k = 0; k < n.length; k++) {"
                + "   var r = document.createRange(); r.setStart(n, k); r.setEnd(n, k + 1);"
                + "   var b = r.getBoundingClientRect(); chars.push({c: n.data[k], top: b.top}); }"
                + "  for (var k = 1; k < chars.length; k++) {"
                + "   if (chars[k].top <= chars[k - 1].top + 2) continue;"
                + "   var p = chars[k - 1].c, c = chars[k].c;"
                + "   var ok = '._+-/ ]'.indexOf(p) >= 0 || c === '[' || c === ' '"
                + "    || (c >= 'A' && c <= 'Z' && p >= 'a' && p <= 'z');"
                + "   if (!ok) out.push(text.substring(0, k) + '|' + text.substring(k));"
                + "  }"
                + " }); return [names.length, out];";
        List<String> bad = new ArrayList<>();
        List<String> read = new ArrayList<>();
        for (int phone = 1; phone >= 0; phone--) {
            try {
                if (phone == 1) {
                    phone();
                }
                for (Path p : List.of(compare, drift, sensitivity)) {
                    browser.open(p);
                    List<?> r = (List<?>) browser.driver.executeScript(check);
                    read.add(p.getFileName() + " " + (phone == 1 ? 420 : 1440) + " px: " + r.get(0) + " names");
                    for (Object o : (List<?>) r.get(1)) {
                        bad.add(p.getFileName() + " at " + (phone == 1 ? 420 : 1440) + " px: " + o);
                    }
                }
            } finally {
                laptop();
            }
        }
        assertEquals(List.of(), bad, "names broken mid-word (" + read + ")");
        // the text is the name as it is: what the page's readers (and other tests) read stays the same
        browser.open(drift);
        // the first row: a failure comes before the other results since the drift's ranking (failures first)
        assertEquals("functions.notifications.invocations.errors.SubnetIPAddressLimitReachedException",
                browser.driver.executeScript("return document.querySelectorAll('.drift table tr')[1].cells[2]"
                        + ".textContent"));
    }

    /**
     * The sweep's and the sensitivity's charts are 1000 px PNGs: at 420 px shrunk to 40%, their labels unreadable.
     * Each is a link to its SVG, which nothing said. A note under each chart says so at 420 px, and only in a
     * narrow window (not at 1440 px, where the chart is read as it is).
     */
    @Test
    void aShrunkChartSaysItOpensAsAnSvg() throws Exception {
        Path sweep = Files.write(DIR.resolve("sweep.html"), dev.enisim.report.SweepReport.render("quickstart", 42,
                List.of(PagesFitBrowserTest.CIDR), List.of(PagesFitBrowserTest.LONG),
                PagesFitBrowserTest.sweepPoints()).get("sweep.html"));
        String check = "return Array.prototype.map.call(document.querySelectorAll('a[href$=\".svg\"]'), function (a) {"
                + " var n = a.nextElementSibling, shown = n && n.offsetParent !== null && /SVG/.test(n.textContent);"
                + " return a.getAttribute('href') + ' ' + Math.round(a.querySelector('img').getBoundingClientRect().width)"
                + " + ' px: ' + (shown ? 'said' : 'unsaid'); })";
        List<Object> narrow = new ArrayList<>();
        try {
            phone();
            for (Path p : List.of(sweep, sensitivity)) {
                browser.open(p);
                narrow.addAll((List<?>) browser.driver.executeScript(check));
            }
        } finally {
            laptop();
        }
        List<Object> wide = new ArrayList<>();
        for (Path p : List.of(sweep, sensitivity)) {
            browser.open(p);
            wide.addAll((List<?>) browser.driver.executeScript(check));
        }
        assertEquals(List.of("sweep.svg 405 px: said",
                "sensitivity-1.svg 405 px: said"), narrow);
        assertEquals(List.of("sweep.svg 1000 px: unsaid",
                "sensitivity-1.svg 1000 px: unsaid"), wide);
    }

    /**
     * At 420 px teardown's "Teardown waits" table ran to 536 px, its "waited" and "orphaned" columns off the screen
     * in a box that scrolled sideways; so did the Capacity tables of every run with a VPC (480 to 526 px), the
     * Summary's functions table of five runs (quickstart's to 538 px) and ec2-request-limit's assumptions (423 px).
     * Every scenario's run page (scenarios/*.yaml) is looked at on a 420 px phone: no element of it is wider than the
     * window or runs past it. The two figures drawn to scale, the topology (about 930 px) and the state timeline
     * (640 px at least), are the only ones swiped sideways (each says so, {@link PagesFitBrowserTest}); everything
     * else, tables first, fits. Each card's figure is labelled with its column's head.
     */
    @Test
    void everyRunPageFitsAPhone() throws Exception {
        String check = "var w = window.innerWidth, out = [];"
                + " document.body.querySelectorAll('*').forEach(function (e) {"
                + "  if (e.closest('#topology-svg, .lifecycle-svg, script, style')) return;"
                + "  var r = e.getBoundingClientRect();"
                + "  if (r.width === 0 && r.height === 0) return;"
                + "  if (r.left < -0.5 || r.right > w + 0.5) {"
                + "   var p = e.parentElement;"
                + "   if (p && !p.closest('#topology-svg, .lifecycle-svg')) { var q = p.getBoundingClientRect();"
                + "    if (q.left < -0.5 || q.right > w + 0.5) return; }" // its parent is told already
                + "   var s = e.closest('section'), t = e.closest('table');"
                + "   out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + ' in ' + (s ? '#' + s.id : 'the header')"
                + "    + (t && t.rows[0] ? ' (table headed ' + t.rows[0].cells[0].textContent + ')' : '')"
                + "    + ' at ' + Math.round(r.left) + '..' + Math.round(r.right) + ' px');"
                + "  }"
                + " }); var d = document.documentElement;"
                + " if (d.scrollWidth > d.clientWidth) out.push('the page scrolls sideways: ' + d.scrollWidth + ' px');"
                // a card's figures are labelled with their column's head: said in report.css by column, so checked
                + " document.querySelectorAll('table.answers').forEach(function (t) {"
                + "  var head = t.rows[0].cells;"
                + "  for (var i = 1; i < t.rows.length; i++) for (var k = 1; k < t.rows[i].cells.length; k++) {"
                + "   var c = t.rows[i].cells[k]; if (c.offsetParent === null) continue;"
                + "   var label = c.hasAttribute('data-label') ? c.getAttribute('data-label') + ': '"
                + "    : getComputedStyle(c, '::before').content.replace(/^\"|\"$/g, '');"
                + "   if (label !== head[k].textContent + ': ') out.push('a card of the table headed ' + head[0].textContent"
                + "    + ' labels ' + head[k].textContent + ' \"' + label + '\"');"
                + "  }"
                + " });"
                + " return out;";
        List<Path> scenarios;
        try (var files = Files.list(Path.of("scenarios"))) {
            scenarios = files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        List<String> wide = new ArrayList<>();
        try {
            phone();
            for (Path f : scenarios) {
                String name = f.getFileName().toString().replace(".yaml", "");
                Path dir = DIR.resolve("run-" + name);
                dev.enisim.report.ReportWriter.write(new Simulation(ScenarioLoader.load(f), 0).run(), dir,
                        Path.of("").toAbsolutePath());
                browser.open(dir.resolve("report.html"));
                assertEquals(List.of(), browser.consoleErrors(), name);
                @SuppressWarnings("unchecked")
                List<String> o = (List<String>) browser.driver.executeScript(check);
                o.forEach(x -> wide.add(name + ": " + x));
                if (name.equals("teardown")) {
                    browser.screenshot("narrow-420px-run-" + name);
                }
            }
        } finally {
            laptop();
        }
        org.junit.jupiter.api.Assertions.assertTrue(scenarios.size() >= 20, "scenarios looked at: " + scenarios);
        assertEquals(List.of(), wide, "run pages wider than a 420 px phone");
    }
}
