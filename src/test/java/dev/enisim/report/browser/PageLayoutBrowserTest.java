package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.Dimension;

/**
 * The run page read on a laptop (1,400 px) and on a phone (420 and 360 px), session 45's review: the charts' action
 * labels off the data lines, the Summary's figures each on one line, the narrated timeline's wrapped lines under
 * their text.
 */
class PageLayoutBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser(1400, 900);

    /** The scenarios with actions on their timeline, and the named ones whose creations are marked in numbers. */
    static final List<String> WITH_ACTIONS = List.of("shared-eni-65k", "az-outage", "redeploy-new-subnets",
            "orphaned-enis", "teardown", "quota-500", "quickstart", "efs-shares-the-quota", "assumptions-documented");

    private static final Map<String, Path> REPORTS = new LinkedHashMap<>();

    private static Path report(String scenario) throws Exception {
        Path p = REPORTS.get(scenario);
        if (p == null) {
            p = ChartsFitBrowserTest.report(scenario);
            REPORTS.put(scenario, p);
        }
        return p;
    }

    /**
     * Finding 1: the page's charts kept a fixed 22% headroom for the action labels, so on a phone the third row ran
     * across the data (quickstart's "reports created" over its invocations, az-outage's "AZ us-east-1a back up" over
     * its concurrency; at 1,400 px quota-500's third row over the ENI quota's line). Over every scenario with actions,
     * at 1,400, 420 and 360 px, the whole run and zoomed in: no label box over a series' drawn line (the values under
     * its width, as stepped or straight segments), a value line, or a value line's own label.
     */
    @Test
    @SuppressWarnings("unchecked")
    void actionLabelsSitAboveTheDataLines() throws Exception {
        List<String> problems = new ArrayList<>();
        int labels = 0;
        try {
            for (int width : new int[] {1400, 420, 360}) {
                if (width < 600) {
                    browser.emulatePhone(width, 900);
                }
                for (String scenario : WITH_ACTIONS) {
                    browser.open(report(scenario));
                    assertEquals(List.of(), browser.consoleErrors(), scenario);
                    settle();
                    for (int zoom = 0; zoom < 2; zoom++) {
                        if (zoom > 0) {
                            browser.driver.executeScript("document.getElementById('zoom-in').click()");
                            settle();
                        }
                        Map<String, Object> r = (Map<String, Object>) browser.driver.executeScript(LABELS_ON_LINES);
                        labels += ((Number) r.get("labels")).intValue();
                        String where = scenario + " at " + width + " px" + (zoom > 0 ? ", zoomed in" : "") + ": ";
                        ((List<String>) r.get("problems")).forEach(p -> problems.add(where + p));
                    }
                }
            }
        } finally {
            browser.unemulate();
        }
        assertTrue(labels > 300, "labels checked: " + labels);
        assertEquals(List.of(), problems);
    }

    /**
     * Finding 2: at 420 px the Summary's figures wrapped in their narrow column ("161.1 / 687.2 /" over "2,375.4 /
     * 27,704.9", "0.021%" over "of 520,089", "60.3:" over "busy 22.4, idle 37.9"). At 420 and 360 px each figure is
     * one line (its text's line boxes share one top) and ends inside the window.
     */
    @Test
    @SuppressWarnings("unchecked")
    void summaryFiguresAreOneLineOnAPhone() throws Exception {
        List<String> problems = new ArrayList<>();
        int figures = 0;
        try {
            for (int width : new int[] {420, 360}) {
                browser.emulatePhone(width, 900);
                for (String scenario : List.of("quickstart", "shared-eni-65k", "quota-500", "teardown")) {
                    browser.open(report(scenario));
                    List<String> found = (List<String>) browser.driver.executeScript(FIGURES_SPLIT);
                    figures += found.size();
                    for (String f : found) {
                        if (!f.startsWith("ok ")) {
                            problems.add(scenario + " at " + width + " px: " + f);
                        }
                    }
                    if (scenario.equals("quickstart")) {
                        browser.elementShot("#summary", "summary-quickstart-" + width + "px");
                    }
                }
            }
        } finally {
            browser.unemulate();
        }
        assertTrue(figures >= 40, "figures checked: " + figures);
        assertEquals(List.of(), problems);
    }

    /**
     * Finding 3: on a phone a narrated line that wraps went on at the left edge, under its time stamp. Each wrapped
     * line's continuation starts where its text does: after the time stamp and its two spaces, or after an
     * explanation's "why: " (quickstart, and diurnal-week's weekday clock).
     */
    @Test
    @SuppressWarnings("unchecked")
    void wrappedTimelineLinesHangUnderTheirText() throws Exception {
        List<String> problems = new ArrayList<>();
        try {
            browser.emulatePhone(420, 900);
            for (String scenario : List.of("quickstart", "diurnal-week")) {
                browser.open(report(scenario));
                Map<String, Object> r = (Map<String, Object>) browser.driver.executeScript(STORY_WRAPS);
                long wrapped = ((Number) r.get("wrapped")).longValue();
                assertTrue(wrapped >= 10, scenario + ": wrapped lines checked: " + wrapped);
                ((List<String>) r.get("problems")).forEach(p -> problems.add(scenario + ": " + p));
                if (scenario.equals("quickstart")) {
                    browser.elementShot("#story", "story-quickstart-420px");
                }
            }
        } finally {
            browser.unemulate();
        }
        assertEquals(List.of(), problems);
    }

    /** Waits for two animation frames: the charts drawn, ranged for their labels, and drawn again. */
    private static void settle() {
        browser.driver.executeAsyncScript("var done = arguments[arguments.length - 1];"
                + " requestAnimationFrame(function () { requestAnimationFrame(function () { done(); }); });");
    }

    /**
     * Each chart's action label boxes (row r: 13 px from the plot's top, 12 px high) against what is drawn under them:
     * each shown series' segments within the box's width (a stepped one level until the next point, a straight one
     * between its points, an isolated value a dot), each value line, and each value line's label (14 px above its line
     * at the plot's right end). Returns the labels checked and the overlaps.
     */
    static final String LABELS_ON_LINES = """
            var out = [], n = 0;
            enisim.charts.forEach(function (c) {
              var u = c.u, dpr = devicePixelRatio || 1, xs = u.data[0], id = c.spec.id;
              var boxes = (u.enisimLabels || []).filter(function (p) { return p.box; });
              function y(v) { return u.valToPos(v, 'y', true) / dpr; }
              function x(v) { return u.valToPos(v, 'x', true) / dpr; }
              var plotTop = u.bbox.top / dpr, plotBottom = (u.bbox.top + u.bbox.height) / dpr;
              boxes.forEach(function (b) {
                n++;
                var bt = plotTop + b.row * 13, bb = bt + 12;
                var text = b.label + (b.more ? ' +' + b.more + ' more' : ''), l = b.box[0], r = b.box[1], worst = null;
                function hit(py, what) {
                  if (py < plotTop - 1 || py > plotBottom + 1) { return; }
                  if (py - 1 < bb && py + 1 > bt && (worst == null || py < worst[0])) { worst = [py, what]; }
                }
                for (var s = 1; s < u.series.length; s++) {
                  if (!u.series[s].show) { continue; }
                  var d = u.data[s], stepped = !!c.spec.stepped;
                  for (var i = 0; i < xs.length; i++) {
                    if (d[i] == null) { continue; }
                    var xa = x(xs[i]), next = i + 1 < xs.length && d[i + 1] != null;
                    var xb = i + 1 < xs.length ? x(xs[i + 1]) : xa;
                    if (!next && !stepped) { xb = xa; }
                    var lo = Math.max(xa - 3, l), hi = Math.min(xb + 3, r);
                    if (lo > hi) { continue; }
                    if (stepped || !next) { hit(y(d[i]), u.series[s].label + ' ' + d[i]); continue; }
                    var ya = y(d[i]), yb = y(d[i + 1]);
                    var f = function (px) {
                      return xb === xa ? ya : ya + (yb - ya) * (Math.min(Math.max(px, xa), xb) - xa) / (xb - xa);
                    };
                    hit(Math.min(f(lo), f(hi)), u.series[s].label + ' ' + d[i] + '-' + d[i + 1]);
                  }
                }
                (c.spec.lines || []).forEach(function (ln) {
                  var py = y(ln.value);
                  hit(py, 'line ' + ln.label);
                  var lr = (u.bbox.left + u.bbox.width) / dpr - 2, ll = lr - ln.label.length * 7 - 4;
                  if (ll < r && l < lr && py - 14 < bb && py - 2 > bt) {
                    worst = worst || [py - 14, 'label of line ' + ln.label];
                  }
                });
                if (worst) {
                  out.push(id + ': "' + text + '" (row ' + b.row + ', ' + Math.round(bt) + '-' + Math.round(bb)
                    + ' px) over ' + worst[1] + ' at ' + Math.round(worst[0]) + ' px');
                }
              });
            });
            return {labels: n, problems: out};
            """;

    /** Each Summary figure: "ok TEXT" when its text is one line inside the window, else what is wrong with it. */
    static final String FIGURES_SPLIT = """
            var out = [], range = document.createRange(), width = document.documentElement.clientWidth;
            document.querySelectorAll('#summary table:not(.answers) td').forEach(function (td) {
              range.selectNodeContents(td);
              var tops = [], right = 0;
              Array.prototype.forEach.call(range.getClientRects(), function (r) {
                if (r.width < 0.5) { return; }
                right = Math.max(right, r.right);
                if (!tops.some(function (t) { return Math.abs(t - r.top) < 3; })) { tops.push(r.top); }
              });
              var text = td.textContent;
              out.push(tops.length > 1 ? '"' + text + '" on ' + tops.length + ' lines'
                : right > width + 0.5 ? '"' + text + '" ends at ' + Math.round(right) + ' px of ' + width
                : 'ok ' + text);
            });
            return out;
            """;

    /**
     * The narrated lines (the first 150) character by character: a character that starts a new visual line within its
     * narrated line must stand where the line's text starts (after its time stamp and two spaces, or its leading
     * spaces and "why: ").
     */
    static final String STORY_WRAPS = """
            var pre = document.querySelector('#story pre'), range = document.createRange(), out = [], wrapped = 0;
            var walker = document.createTreeWalker(pre, NodeFilter.SHOW_TEXT), lineNo = 0, col = 0, text = null;
            var all = pre.textContent.split('\\n'), startX = null, lastTop = null, node;
            function indent(t) {
              var m = /^ +(why: )?/.exec(t) || /^\\S.{0,20}?  (?=\\S)/.exec(t);
              return m ? m[0].length : 0;
            }
            var ind = indent(all[0]);
            while ((node = walker.nextNode()) && lineNo < 150) {
              for (var k = 0; k < node.data.length && lineNo < 150; k++) {
                var ch = node.data[k];
                if (ch === '\\n') {
                  lineNo++; col = 0; startX = null; lastTop = null; ind = indent(all[lineNo] || '');
                  continue;
                }
                range.setStart(node, k); range.setEnd(node, k + 1);
                var b = range.getBoundingClientRect();
                if (col === ind) { startX = b.left; }
                if (ch !== ' ' && b.width > 0) {
                  if (lastTop !== null && b.top > lastTop + 2) {
                    wrapped++;
                    if (startX === null || Math.abs(b.left - startX) > 1) {
                      out.push('line ' + (lineNo + 1) + ' "' + all[lineNo].slice(0, 40) + '..." goes on at '
                        + Math.round(b.left) + ' px, its text at ' + (startX === null ? '?' : Math.round(startX)));
                    }
                  }
                  lastTop = b.top;
                }
                col++;
              }
            }
            return {wrapped: wrapped, problems: out};
            """;
}
