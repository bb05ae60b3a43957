package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

/**
 * The PNG charts mark every action (a line each, up to 1,000) and label those that fit: the first fourteen alone were
 * marked, so quota-500's ten Failed creations at 00:50 to 00:54:30 had no line, and labels five rows apart by
 * count ran over each other.
 */
class ChartMarkersTest {

    @Test
    void everyActionIsALineAndNoTwoLabelsOfARowOverlap() {
        List<RunSummary.Action> actions = new ArrayList<>();
        for (int i = 0; i < 110; i++) {
            actions.add(new RunSummary.Action(i * 30.0, String.format("CreateFunction svc-%03d", i + 1)));
        }
        XYPlot plot = new XYPlot(null, new NumberAxis(), new NumberAxis(), null);
        ChartStyle.TimeUnit unit = new ChartStyle.TimeUnit("s", 1, Optional.empty());
        ChartStyle.markActions(plot, actions, unit, 7_200);
        List<Marker> markers = new ArrayList<>(plot.getDomainMarkers(Layer.FOREGROUND));
        assertEquals(110, markers.size(), "a line for every action, the last at 54:30 too");
        double perPixel = 7_200 / 900.0;
        double[][] ends = new double[5][1];
        int labelled = 0;
        for (int i = 0; i < markers.size(); i++) {
            Marker m = markers.get(i);
            if (m.getLabel() == null) {
                continue;
            }
            labelled++;
            int row = (int) Math.round((m.getLabelOffset().getTop() - 4) / 14);
            assertTrue(row >= 0 && row < 5, "row " + row);
            double at = ((org.jfree.chart.plot.ValueMarker) m).getValue();
            assertTrue(at >= ends[row][0], "label " + m.getLabel() + " at " + at + " runs into the one before in row "
                    + row);
            ends[row][0] = at + (m.getLabel().length() * 6 + 12) * perPixel;
        }
        assertTrue(labelled >= 20 && labelled < 110, "labels where they fit: " + labelled);
    }
}
