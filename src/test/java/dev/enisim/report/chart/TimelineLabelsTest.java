package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.ui.Layer;
import org.junit.jupiter.api.Test;

/**
 * A teacher's review: az-outage's state timeline had two dashed lines and no word of what they were (the AZ going
 * down and coming back). Every action but a function's creation (its lane says so) is labelled there now.
 */
class TimelineLabelsTest {

    private static List<String> labels(String scenario) throws Exception {
        Collection<?> markers = StateTimeline.chart(TeacherChartsTest.run(scenario)).getXYPlot()
                .getDomainMarkers(Layer.FOREGROUND);
        List<String> out = new ArrayList<>();
        for (Object m : markers) {
            out.add(String.valueOf(((ValueMarker) m).getLabel()));
        }
        return out;
    }

    @Test
    void anOutageIsNamedOnTheStateTimeline() throws Exception {
        List<String> az = labels("az-outage");
        assertEquals(4, az.size(), "two creations (their lanes say so) and the outage's two: " + az);
        assertEquals(List.of("AZ us-east-1a back up", "AZ us-east-1a down"), az.stream().filter(l -> !l.equals("null"))
                .sorted().toList());
    }

    /** How many actions a label tells: its own and its "+N more". */
    private static int told(String label) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(" \\+(\\d+) more$").matcher(label);
        return 1 + (m.find() ? Integer.parseInt(m.group(1)) : 0);
    }

    /**
     * Seven functions deleted at the same moment: a label each in the {@value StateTimeline#LABEL_ROWS} rows, and the
     * two with no row were left out without a word (five labels for seven deletions). They are counted now, in the
     * last label placed, as on the other charts.
     */
    @Test
    void labelsWithNoRoomAreCountedOnTheStateTimeline() throws Exception {
        StringBuilder yaml = new StringBuilder("name: seven-deleted\nduration: 2h\nbucket: 1m\nfunctions:\n");
        StringBuilder timeline = new StringBuilder("timeline:\n");
        for (int i = 1; i <= 7; i++) {
            yaml.append("  - { name: fn").append(i).append(", duration: 50ms, arrivals: { poisson: 1/m } }\n");
            timeline.append("  - { at: 1h, action: deleteFunction, function: fn").append(i).append(" }\n");
        }
        dev.enisim.run.RunResult r = new dev.enisim.run.Simulation(dev.enisim.scenario.ScenarioLoader.parse(
                yaml.toString() + timeline, "seven-deleted.yaml"), 0).run();
        List<String> labels = new ArrayList<>();
        for (Object m : StateTimeline.chart(r).getXYPlot().getDomainMarkers(Layer.FOREGROUND)) {
            if (((ValueMarker) m).getLabel() != null) {
                labels.add(((ValueMarker) m).getLabel());
            }
        }
        assertEquals(StateTimeline.LABEL_ROWS, labels.size(), labels.toString());
        assertEquals(7, labels.stream().mapToInt(TimelineLabelsTest::told).sum(), "every deletion told: " + labels);
        assertTrue(labels.get(labels.size() - 1).endsWith(" deleted +2 more"), labels.toString());
    }

    /**
     * The layout in general: whatever the actions and the plot's width, every labelled action is told by one label
     * (its own or a count), and no two labels of a row overlap.
     */
    @Test
    void everyLabelledActionIsToldAndNoLabelsOverlap() {
        java.util.Random random = new java.util.Random(42);
        for (int run = 0; run < 200; run++) {
            List<dev.enisim.metrics.RunSummary.Action> actions = new ArrayList<>();
            int n = 1 + random.nextInt(40);
            double t = 0;
            for (int i = 0; i < n; i++) {
                t += random.nextInt(3) == 0 ? 0 : random.nextDouble() * 600;
                actions.add(new dev.enisim.metrics.RunSummary.Action(t, "DeleteFunction f" + i));
            }
            double span = Math.max(t, 1) * (1 + random.nextDouble());
            double width = 200 + random.nextInt(1200);
            List<StateTimeline.Placed> placed = StateTimeline.layout(actions, a -> true, span, width);
            assertEquals(n, placed.stream().mapToInt(p -> told(p.label())).sum(), "run " + run + ": " + placed);
            for (int i = 0; i < placed.size(); i++) {
                for (int j = 0; j < i; j++) {
                    StateTimeline.Placed a = placed.get(i);
                    StateTimeline.Placed b = placed.get(j);
                    if (a.row() == b.row()) {
                        double[] ea = extent(a, span, width);
                        double[] eb = extent(b, span, width);
                        assertTrue(ea[1] <= eb[0] + 1e-9 || ea[0] >= eb[1] - 1e-9, "run " + run + ": " + a + " over " + b);
                    }
                }
            }
        }
    }

    private static double[] extent(StateTimeline.Placed p, double span, double width) {
        double x = p.action().atSeconds() * width / span;
        double w = StateTimeline.labelWidth(p.label()) + 4;
        return p.leftOfLine() ? new double[] {x - w, x} : new double[] {x, x + w};
    }

    @Test
    void aFunctionsCreationIsLeftToItsLane() {
        assertTrue(StateTimeline.startsALane("CreateFunction api"));
        assertTrue(StateTimeline.startsALane("Existing function api (Active)"));
        assertTrue(!StateTimeline.startsALane("Availability Zone us-east-1a down"));
    }
}
