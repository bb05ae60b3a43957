package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/**
 * The PNG charts' time axis: no two ticks read alike, whatever the run's length. burst-scaling's ten minutes read
 * "00:00 00:00 00:01 00:01" (half-minute ticks written to the minute); a run shorter than an hour now reads to the
 * second (hh:mm:ss, as the narrative), a run of hours to the minute, a run of days in days.
 */
class TimeAxisLabelsTest {

    /** The tick labels JFreeChart draws on the chart's time axis, at the charts' size (1,000 x 420). */
    static List<String> timeTicks(JFreeChart chart) {
        List<String> labels = new ArrayList<>();
        ticksOf(chart, new ArrayList<>(), labels);
        return labels;
    }

    /**
     * The time axis' neighbouring tick labels that run into each other (their text as drawn, centred on the tick, with
     * 4 px between), at the chart's size ({@code height} high): "a | b" for each pair.
     */
    static List<String> overlapping(JFreeChart chart, int height) {
        BufferedImage image = new BufferedImage(ChartFiles.WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g, new Rectangle2D.Double(0, 0, ChartFiles.WIDTH, height), info);
            NumberAxis x = (NumberAxis) chart.getXYPlot().getDomainAxis();
            Rectangle2D area = info.getPlotInfo().getSubplotCount() > 0
                    ? info.getPlotInfo().getSubplotInfo(0).getDataArea() : info.getPlotInfo().getDataArea();
            java.awt.FontMetrics fm = g.getFontMetrics(x.getTickLabelFont());
            List<String> out = new ArrayList<>();
            double lastRight = Double.NEGATIVE_INFINITY;
            String last = null;
            for (Object o : x.refreshTicks(g, new AxisState(), area, RectangleEdge.BOTTOM)) {
                Tick t = (Tick) o;
                if (t.getText().isEmpty()) {
                    continue;
                }
                double at = x.valueToJava2D(((org.jfree.chart.axis.ValueTick) t).getValue(), area, RectangleEdge.BOTTOM);
                double w = fm.stringWidth(t.getText());
                if (at - w / 2 < lastRight + 4) {
                    out.add(last + " | " + t.getText());
                }
                lastRight = at + w / 2;
                last = t.getText();
            }
            return out;
        } finally {
            g.dispose();
        }
    }

    private static void distinct(String what, List<String> labels, String pattern, int least) {
        assertTrue(labels.size() >= least, what + ": " + labels);
        assertEquals(labels.size(), new LinkedHashSet<>(labels).size(), what + ": two ticks read alike: " + labels);
        for (String l : labels) {
            assertTrue(l.matches(pattern), what + ": " + l + " in " + labels + " is not " + pattern);
        }
    }

    /** Every chart of burst-scaling (10 minutes) and request-rate-cap (2 minutes): ticks to the second, distinct. */
    @Test
    void shortRunsTicksAreDistinctToTheSecond() throws Exception {
        for (String name : List.of("burst-scaling", "request-rate-cap")) {
            RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/" + name + ".yaml")), 0).run();
            for (Charts.Chart c : Charts.all(r)) {
                if (c.chart().getXYPlot().getDomainAxis() instanceof NumberAxis x && x.getLabel() != null
                        && x.getLabel().startsWith("Simulated time")) {
                    distinct(name + " " + c.name(), timeTicks(c.chart()), "\\d\\d:\\d\\d:\\d\\d", 5);
                    assertEquals("Simulated time (hh:mm:ss)", x.getLabel(), name + " " + c.name());
                }
            }
        }
    }

    /**
     * diurnal-week's state timeline wrote its time labels into one another ("0d 06:00" to "7d" every 6 hours: its axis,
     * exactly 0 to 7 days, was measured by "0d" and "7d" alone). Every time axis of diurnal-week and shared-eni-65k
     * (once seen with overlapping labels), and of a few runs of other lengths, drawn at its size: no label over another.
     */
    @Test
    void noTimeLabelRunsIntoTheNext() throws Exception {
        for (String name : List.of("diurnal-week", "shared-eni-65k", "burst-scaling", "az-outage", "idle-reclaim")) {
            RunResult r = TeacherChartsTest.run(name);
            for (Charts.Chart c : Charts.all(r)) {
                if (c.chart().getXYPlot().getDomainAxis() instanceof NumberAxis x && x.getLabel() != null
                        && (x.getLabel().startsWith("Simulated time") || x.getLabel().startsWith("Time (UTC"))) {
                    assertEquals(List.of(), overlapping(c.chart(), ChartFiles.height(c, r)), name + " " + c.name());
                }
            }
        }
    }

    /** A one-line chart over {@code seconds} with the run's time axis (a ClockAxis), as {@code Charts} draws it. */
    private static JFreeChart over(double seconds, Optional<java.time.Instant> startsAt) {
        ChartStyle.TimeUnit unit = ChartStyle.TimeUnit.forDuration(seconds, startsAt);
        XYSeries s = new XYSeries("line");
        for (int i = 0; i <= 100; i++) {
            s.add(seconds * i / 100 / unit.seconds(), i % 7);
        }
        JFreeChart chart = new JFreeChart("t", ChartStyle.TITLE, new XYPlot(new XYSeriesCollection(s),
                new ChartStyle.ClockAxis(), new NumberAxis(), new org.jfree.chart.renderer.xy.XYLineAndShapeRenderer(true,
                        false)), false);
        ChartStyle.apply(chart, unit, "y");
        return chart;
    }

    /**
     * From a second to a thousand years, with and without a start date: distinct ticks, as fine as the run needs (a weekday axis
     * longer than 3 days is dated: a week's step read "Mon 14:00" at every tick).
     */
    @Test
    void anyRunLengthHasDistinctTicks() {
        double[][] runs = {{1, 0}, {10, 0}, {90, 0}, {600, 0}, {900, 0}, {3_540, 0}, {3_600, 1}, {7_200, 1},
            {3 * 3_600, 1}, {20 * 3_600, 1}, {3 * 86_400, 1}, {4 * 86_400, 2}, {7 * 86_400, 2}, {45 * 86_400, 2},
            {365 * 86_400, 2}, {3 * 365 * 86_400.0, 2}, {30 * 365 * 86_400.0, 2}, {1000 * 365 * 86_400.0, 2}};
        String[] patterns = {"\\d\\d:\\d\\d:\\d\\d", "(\\d+d )?\\d\\d:\\d\\d", "\\d+d( \\d\\d:\\d\\d)?"};
        for (double[] run : runs) {
            // a run of a second has its start and its end; the others at least three ticks
            distinct(run[0] + " s", timeTicks(over(run[0], Optional.empty())), patterns[(int) run[1]],
                    run[0] < 10 ? 2 : 3);
            List<String> dated = timeTicks(over(run[0], Optional.of(java.time.Instant.parse(
                    "2026-03-02T14:00:00Z"))));
            assertEquals(dated.size(), new LinkedHashSet<>(dated).size(), run[0] + " s from Mon 14:00: " + dated);
            // readable: a year's run from startsAt wrote its 30-day labels over one another ("Mon 2 Mar 14:00 | Wed 1
            // Apr 14:00 | ..."), and a longer one had no step large enough
            for (Optional<java.time.Instant> starts : List.of(Optional.<java.time.Instant>empty(), Optional.of(
                    java.time.Instant.parse("2026-03-02T14:00:00Z")))) {
                assertEquals(List.of(), overlapping(over(run[0], starts), ChartFiles.HEIGHT), run[0] + " s " + starts);
            }
        }
    }

    /**
     * With startsAt every tick falls on the wall clock's round values (a day step's at 00:00 UTC, an hour step's on the
     * hour, a 10-minute step's at :00, :10, ...) and a tick off midnight says its time: from a 14:37 start a day step's
     * ticks fell at 14:37 each day, and a 400-day run had two ticks a year apart ("Wed 4 Mar 2026 14:00" at each: no
     * step between 30 days and a year). Without startsAt the same holds of elapsed time. Run lengths from an hour to
     * thirty years.
     */
    @Test
    void datedTicksFallOnTheClockAndSayTheTimeOffMidnight() {
        double[] runs = {3_600, 2 * 3_600, 20 * 3_600, 2 * 86_400, 3 * 86_400, 4 * 86_400, 10 * 86_400, 45 * 86_400,
            120 * 86_400, 400 * 86_400, 3 * 365 * 86_400.0, 30 * 365 * 86_400.0};
        List<String> problems = new ArrayList<>();
        for (String start : new String[] {null, "2026-03-04T14:00:00Z", "2026-03-02T14:37:00Z", "2026-12-31T23:59:00Z"}) {
            Optional<java.time.Instant> starts = Optional.ofNullable(start).map(java.time.Instant::parse);
            long epoch = starts.map(java.time.Instant::getEpochSecond).orElse(0L);
            for (double run : runs) {
                JFreeChart chart = over(run, starts);
                ChartStyle.TimeUnit unit = ChartStyle.TimeUnit.forDuration(run, starts);
                String what = run / 86_400 + " d from " + start + ": ";
                List<double[]> ticks = new ArrayList<>();
                List<String> labels = new ArrayList<>();
                NumberAxis x = ticksOf(chart, ticks, labels);
                long step = Math.round(x.getTickUnit().getSize() * unit.seconds());
                if (labels.size() < (run >= 3_600 ? 4 : 3)) {
                    problems.add(what + "too few ticks: " + labels);
                }
                if (labels.size() != new LinkedHashSet<>(labels).size()) {
                    problems.add(what + "two ticks read alike: " + labels);
                }
                for (int i = 0; i < labels.size(); i++) {
                    long at = epoch + Math.round(ticks.get(i)[0] * unit.seconds());
                    if (Math.floorMod(at, Math.min(step, 86_400L)) != 0) {
                        problems.add(what + labels.get(i) + " is off the clock's " + step + " s steps: " + labels);
                    }
                    String hm = String.format(java.util.Locale.ROOT, "%02d:%02d", Math.floorMod(at, 86_400L) / 3600,
                            Math.floorMod(at, 3600L) / 60);
                    if (Math.floorMod(at, 86_400L) != 0 && !labels.get(i).contains(hm)) {
                        problems.add(what + labels.get(i) + " does not say its time " + hm + ": " + labels);
                    }
                }
                if (!overlapping(chart, ChartFiles.HEIGHT).isEmpty()) {
                    problems.add(what + "labels over each other: " + overlapping(chart, ChartFiles.HEIGHT));
                }
            }
        }
        assertEquals(List.of(), problems);
    }

    /**
     * The chart's labelled time ticks as JFreeChart draws them at the charts' size (1,000 x 420): their values (axis
     * units) into {@code values}, their text into {@code labels}.
     */
    private static NumberAxis ticksOf(JFreeChart chart, List<double[]> values, List<String> labels) {
        BufferedImage image = new BufferedImage(ChartFiles.WIDTH, ChartFiles.HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            ChartRenderingInfo info = new ChartRenderingInfo();
            chart.draw(g, new Rectangle2D.Double(0, 0, ChartFiles.WIDTH, ChartFiles.HEIGHT), info);
            NumberAxis x = (NumberAxis) chart.getXYPlot().getDomainAxis();
            Rectangle2D area = info.getPlotInfo().getDataArea();
            if (info.getPlotInfo().getSubplotCount() > 0) { // panels on one axis: the axis spans a panel's width
                area = info.getPlotInfo().getSubplotInfo(0).getDataArea();
            }
            for (Object t : x.refreshTicks(g, new AxisState(), area, RectangleEdge.BOTTOM)) {
                if (!((Tick) t).getText().isEmpty()) {
                    values.add(new double[] {((org.jfree.chart.axis.ValueTick) t).getValue()});
                    labels.add(((Tick) t).getText());
                }
            }
            return x;
        } finally {
            g.dispose();
        }
    }
}
