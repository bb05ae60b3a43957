package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.bench.CostModel;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.data.xy.XYSeriesCollection;
import org.junit.jupiter.api.Test;

/** The cost model's chart draws each point's steady-state CPU ns per event, a line per key layout. */
class CostModelChartTest {

    private static CostModel.Point point(int functions, int keys, double cpuNs, double steadyNs) {
        return new CostModel.Point(functions, keys, 2 * cpuNs, cpuNs, steadyNs, 0, 0, 0, null);
    }

    @Test
    void theSteadyCostIsDrawnPerKeyLayoutWithOneFunctionOnBothLines() {
        JFreeChart chart = CostModelChart.of(List.of(point(1, 1, 500, 100), point(100, 100, 900, 150),
                point(100, 1, 800, 120)));
        XYSeriesCollection data = (XYSeriesCollection) chart.getXYPlot().getDataset();
        assertEquals("a key per function", data.getSeries(0).getKey());
        assertEquals("one key for all", data.getSeries(1).getKey());
        assertEquals(2, data.getSeries(0).getItemCount());
        assertEquals(100.0, data.getSeries(0).getY(0).doubleValue(), "one function: its steady cost, not 500");
        assertEquals(100.0, data.getSeries(1).getY(0).doubleValue(), "one function starts both lines");
        assertEquals(150.0, data.getSeries(0).getY(1).doubleValue());
        assertEquals(100.0, data.getSeries(0).getX(1).doubleValue());
        assertEquals(120.0, data.getSeries(1).getY(1).doubleValue());
        assertTrue(chart.getXYPlot().getRangeAxis().getLabel().contains("steady state"),
                chart.getXYPlot().getRangeAxis().getLabel());
    }

    @Test
    void theFunctionsAxisHasATickAtEachPowerOfTenWrittenAsACount() {
        LogAxis x = (LogAxis) CostModelChart.of(List.of(point(1, 1, 500, 100), point(10_000, 1, 900, 300)))
                .getXYPlot().getDomainAxis();
        assertEquals(10.0, x.getBase());
        assertEquals(1.0, x.getTickUnit().getSize(), "one tick per power of ten (the unit is in powers)");
        assertEquals("1,000", x.getNumberFormatOverride().format(1000.0), "a count, not 10^3.0");
        assertEquals("10,000", x.getNumberFormatOverride().format(10_000.0));
        assertEquals("1", x.getNumberFormatOverride().format(1.0));
    }
}
