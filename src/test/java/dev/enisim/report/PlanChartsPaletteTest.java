package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.chart.Palette;
import org.junit.jupiter.api.Test;

/** The plan page's small charts in the colour-blind-safe palette (they kept the old Material greens and reds). */
class PlanChartsPaletteTest {

    @Test
    void theUsageBarTakesThePalettesColours() {
        assertTrue(PlanCharts.bar(10, 100).contains(Palette.SUCCEEDED), PlanCharts.bar(10, 100));
        assertTrue(PlanCharts.bar(90, 100).contains(Palette.FUNCTION_ERRORS), PlanCharts.bar(90, 100));
        assertTrue(PlanCharts.bar(100, 100).contains(Palette.STATES.get("Failed")), PlanCharts.bar(100, 100));
        for (String old : new String[] {"#2E7D32", "#EF6C00", "#C62828"}) {
            assertTrue(!PlanCharts.bar(100, 100).contains(old) && !PlanCharts.bar(10, 100).contains(old)
                    && !PlanCharts.bar(90, 100).contains(old), old);
        }
    }
}
