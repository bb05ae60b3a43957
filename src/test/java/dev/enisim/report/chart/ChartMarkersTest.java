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
 * count ran over each other. Since h3's finding 2 (quota-500's 110 lines under 4 px apart were a solid band), actions
 * nearer than {@link ChartStyle#MARKER_GAP} px to a line are counted in its label, and every action is told.
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
        // a line for every action, or (h3 finding 2: 110 lines under 4 px apart merged into a solid band) for the
        // action before it less than ChartStyle.MARKER_GAP px away, in whose label it is counted; the last, at 54:30,
        // too
        List<List<RunSummary.Action>> lines = ChartStyle.lines(actions, 7_200, 900);
        assertEquals(lines.size(), markers.size(), "a line per group of actions");
        assertEquals(110, lines.stream().mapToInt(List::size).sum(), "every action on a line or counted with one");
        double perPixel = 7_200 / 900.0;
        for (int i = 0; i < lines.size(); i++) {
            List<RunSummary.Action> line = lines.get(i);
            assertEquals(line.get(0).atSeconds(), ((org.jfree.chart.plot.ValueMarker) markers.get(i)).getValue());
            assertTrue((line.get(line.size() - 1).atSeconds() - line.get(0).atSeconds()) / perPixel
                    < ChartStyle.MARKER_GAP, "the actions counted with a line are near it");
            if (i > 0) {
                assertTrue((line.get(0).atSeconds() - lines.get(i - 1).get(0).atSeconds()) / perPixel
                        >= ChartStyle.MARKER_GAP, "no two lines nearer than the gap");
            }
        }
        int told = 0; // each label's action and its "+N more": every action is told
        for (Marker m : markers) {
            if (m.getLabel() != null) {
                java.util.regex.Matcher more = java.util.regex.Pattern.compile(" \\+(\\d+) more$")
                        .matcher(m.getLabel());
                told += 1 + (more.find() ? Integer.parseInt(more.group(1)) : 0);
            }
        }
        assertEquals(110, told, "every action labelled or counted in a label's +N more");
        assertTrue(lines.get(lines.size() - 1).stream().anyMatch(a -> a.atSeconds() == 109 * 30.0), "54:30 marked");
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
        assertTrue(labelled >= 10 && labelled <= lines.size(), "labels where they fit: " + labelled);
    }
}
