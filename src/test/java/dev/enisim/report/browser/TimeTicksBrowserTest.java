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

    /** Each chart's time-axis labels as drawn: uPlot's and those charts.js shifted in from the edges. */
    @SuppressWarnings("unchecked")
    private static List<String> axes() {
        return (List<String>) browser.driver.executeScript("return window.enisim.charts.map(function (c) {"
                + " return (c.u.axes[0]._values || []).filter(function (v) { return v != null; })"
                + "   .concat((c.u.enisimEdge || []).map(function (e) { return e.text; })).join('|'); })");
    }

    /**
     * Each chart's time-axis labels as drawn: uPlot's, centred on their ticks (a label it was given as {@code null} is
     * not drawn), and those charts.js shifted in from the edges ({@code u.enisimEdge}); each line of a label measured
     * in the axis' font. Per chart: its id, its canvas' width and the labels' [text, left, right] in CSS px from the
     * canvas' left, left to right.
     */
    @SuppressWarnings("unchecked")
    static List<java.util.Map<String, Object>> labels() {
        return (List<java.util.Map<String, Object>>) browser.driver.executeScript("var out = [];"
                + " window.enisim.charts.forEach(function (c) { var u = c.u, ax = u.axes[0], v = ax._values || [],"
                + "   s = ax._splits || [], ctx = u.ctx, dpr = devicePixelRatio || 1, boxes = [];"
                + "   ctx.save(); ctx.font = ax.font[0];"
                + "   v.forEach(function (t, i) { if (t == null) { return; }"
                + "     var w = Math.max.apply(null, String(t).split('\\n').map(function (l) {"
                + "       return ctx.measureText(l).width; })) / dpr, x = u.valToPos(s[i], 'x', true) / dpr;"
                + "     boxes.push([String(t), x - w / 2, x + w / 2]); });"
                + "   (u.enisimEdge || []).forEach(function (e) { boxes.push([e.text, e.l, e.r]); });"
                + "   ctx.restore(); boxes.sort(function (a, b) { return a[1] - b[1]; });"
                + "   out.push({id: c.spec.id, width: u.width, boxes: boxes}); });"
                + " return out;");
    }

    /**
     * Each chart's neighbouring time-axis labels that run into each other, as drawn ({@link #labels}, 4 px apart at
     * the least): "a | b" for each pair.
     */
    @SuppressWarnings("unchecked")
    private static List<String> overlaps() {
        List<String> out = new java.util.ArrayList<>();
        for (java.util.Map<String, Object> chart : labels()) {
            List<Object> prev = null;
            for (List<Object> box : (List<List<Object>>) chart.get("boxes")) {
                if (prev != null && ((Number) box.get(1)).doubleValue() < ((Number) prev.get(2)).doubleValue() + 4) {
                    out.add(chart.get("id") + ": " + prev.get(0) + " | " + box.get(0));
                }
                prev = box;
            }
        }
        return out;
    }

    /**
     * Each chart's time-axis labels that cross its canvas' edges ({@link #labels}): a run's last label was cut at the
     * chart's right edge ("Sat 14 Ma").
     */
    @SuppressWarnings("unchecked")
    static List<String> cut() {
        List<String> out = new java.util.ArrayList<>();
        for (java.util.Map<String, Object> chart : labels()) {
            double width = ((Number) chart.get("width")).doubleValue();
            for (List<Object> box : (List<List<Object>>) chart.get("boxes")) {
                double l = ((Number) box.get(1)).doubleValue();
                double r = ((Number) box.get(2)).doubleValue();
                if (l < 0 || r > width) {
                    out.add(chart.get("id") + ": " + box.get(0) + " from " + Math.round(l) + " to " + Math.round(r)
                            + " px of " + Math.round(width));
                }
            }
        }
        return out;
    }

    /**
     * Each chart's time ticks that fall off the clock's steps (with startsAt on the wall clock, UTC: a day step's ticks
     * at 00:00, an hour step's on the hour) or that do not say their time (hh:mm) when it is not 00:00: a 10-day run
     * from a 14:00 start read "Thu 5 Mar" at ticks that stood for 14:00 each day.
     */
    @SuppressWarnings("unchecked")
    private static List<String> offTheClock() {
        return (List<String>) browser.driver.executeScript("var out = [],"
                + " st = window.enisim.data.charts.startsAtEpochSeconds || 0;"
                + " function pad(n) { return (n < 10 ? '0' : '') + n; }"
                + " function mod(a, b) { return ((a % b) + b) % b; }"
                + " window.enisim.charts.forEach(function (c) { var ax = c.u.axes[0], v = ax._values || [],"
                + "   s = ax._splits || [], step = s.length > 1 ? Math.round(s[1] - s[0]) : 0;"
                + "   v.forEach(function (t, i) { if (t == null) { return; }"
                + "     var at = Math.round(st + s[i]), day = mod(at, 86400),"
                + "       hm = pad(Math.floor(day / 3600)) + ':' + pad(Math.floor(day % 3600 / 60));"
                + "     if (step && mod(at, Math.min(step, 86400)) !== 0) {"
                + "       out.push(c.spec.id + ': ' + t + ' is off the clock steps of ' + step + ' s'); }"
                + "     if (day !== 0 && String(t).indexOf(hm) < 0) {"
                + "       out.push(c.spec.id + ': ' + t + ' does not say its time ' + hm); } }); });"
                + " return out;");
    }

    /**
     * Run lengths from an hour to thirty years, with and without startsAt, the page 1,280 and 420 px wide: every axis
     * has ticks, no two alike. With startsAt an axis of hour steps over more than a week read "Wed 14:00" at ticks a
     * week apart (a 10-day run, 420 px), a one-day run ended at "00:00" as it started, and past 30 days uPlot found no
     * step (a three-year run's axis had no tick). Every tick falls on the clock's steps and says its time off
     * midnight ({@link #offTheClock}); every label stays inside its chart ({@link #cut}).
     */
    @Test
    void anyRunLengthAtAnyWidthHasDistinctTicks() throws Exception {
        String[][] lengths = {{"1h", "1m", "5/m"}, {"1d", "10m", "1/m"}, {"2d", "10m", "1/m"}, {"6d", "1h", "1/m"},
            {"7d", "1h", "1/m"}, {"10d", "1h", "1/m"}, {"15d", "1h", "1/m"}, {"60d", "6h", "1/h"},
            {"400d", "1d", "1/h"}, {"1095d", "1d", "1/h"}, {"10950d", "30d", "1/h"}};
        List<String> problems = new java.util.ArrayList<>();
        for (int width : new int[] {1280, 420}) {
            browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, 900));
            for (String[] l : lengths) {
                for (String starts : new String[] {"", "startsAt: 2026-03-04T14:00:00Z\n"}) {
                    String name = "len-" + l[0] + (starts.isEmpty() ? "" : "-dated");
                    String yaml = "name: " + name + "\nduration: " + l[0] + "\nbucket: " + l[1] + "\n" + starts
                            + "functions:\n  - { name: a, duration: 50ms, arrivals: { poisson: " + l[2] + " } }\n";
                    Path dir = Path.of("target/browser/ticks-" + name);
                    ReportWriter.write(new Simulation(ScenarioLoader.parse(yaml, name + ".yaml"), 0).run(), dir,
                            Path.of("").toAbsolutePath());
                    browser.open(dir.resolve("report.html"));
                    String what = name + " at " + width + " px: ";
                    if (!browser.consoleErrors().isEmpty()) {
                        problems.add(what + browser.consoleErrors());
                    }
                    for (String axis : axes()) {
                        List<String> labels = Arrays.asList(axis.split("\\|"));
                        if (labels.size() < 2 || labels.get(0).isEmpty()) {
                            problems.add(what + "no ticks: " + labels);
                        } else if (labels.size() != new LinkedHashSet<>(labels).size()) {
                            problems.add(what + "two ticks read alike: " + labels);
                        }
                    }
                    for (String o : overlaps()) {
                        problems.add(what + "labels over each other: " + o.replace("\n", " / "));
                    }
                    for (String o : cut()) {
                        problems.add(what + "label cut at the chart's edge: " + o.replace("\n", " / "));
                    }
                    for (String o : offTheClock()) {
                        problems.add(what + o.replace("\n", " / "));
                    }
                }
            }
        }
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        assertEquals(List.of(), problems);
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
