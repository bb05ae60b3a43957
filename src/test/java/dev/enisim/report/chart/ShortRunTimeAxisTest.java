package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/**
 * h3's review of the image charts: a run of a few minutes had its time axis ticked every 30 s (request-rate-cap:
 * every 6 s) but written hh:mm, so that burst-scaling's read "00:00 00:00 00:01 00:01 ..." and request-rate-cap's ten
 * "00:00" then ten "00:01". A run under 20 minutes now reads hh:mm:ss; a longer one keeps hh:mm, a tick between two
 * minutes given its seconds.
 */
class ShortRunTimeAxisTest {

    /** The tick labels the axis draws, as it lays them out in an image of the report's size. */
    private static List<String> ticks(JFreeChart chart) {
        chart.createBufferedImage(1000, 500); // lays the axis out: picks its tick size
        XYPlot plot = chart.getXYPlot();
        NumberAxis x = (NumberAxis) plot.getDomainAxis();
        double step = x.getTickUnit().getSize();
        List<String> out = new ArrayList<>();
        for (double v = Math.ceil(x.getLowerBound() / step) * step; v <= x.getUpperBound() + 1e-9; v += step) {
            out.add(x.getNumberFormatOverride().format(v));
        }
        return out;
    }

    @Test
    void aTenMinuteRunsTicksAreAllDifferentAndReadAsAClock() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("src/test/resources/report/burst-only.yaml")), 0)
                .run();
        for (Charts.Chart c : Charts.all(r)) {
            List<String> ticks = ticks(c.chart());
            assertEquals(ticks.size(), new HashSet<>(ticks).size(), c.name() + ": " + ticks);
            assertTrue(ticks.get(0).equals("00:00:00"), c.name() + ": " + ticks);
            assertEquals("Simulated time (hh:mm:ss)", ((NumberAxis) c.chart().getXYPlot().getDomainAxis()).getLabel(),
                    c.name());
        }
    }

    @Test
    void aLongerRunKeepsHoursAndMinutes() {
        ChartStyle.ClockFormat hours = new ChartStyle.ClockFormat(ChartStyle.TimeUnit.forDuration(7200,
                Optional.empty()));
        assertEquals("00:10", hours.format(10.0));
        assertEquals("00:10:30", hours.format(10.5), "a tick between two minutes keeps its seconds");
        ChartStyle.ClockFormat minutes = new ChartStyle.ClockFormat(ChartStyle.TimeUnit.forDuration(600,
                Optional.empty()));
        assertEquals("00:01:00", minutes.format(1.0));
        assertEquals("00:00:30", minutes.format(0.5));
    }
}
