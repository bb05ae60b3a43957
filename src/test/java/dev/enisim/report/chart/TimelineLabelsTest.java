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

    @Test
    void aFunctionsCreationIsLeftToItsLane() {
        assertTrue(StateTimeline.startsALane("CreateFunction api"));
        assertTrue(StateTimeline.startsALane("Existing function api (Active)"));
        assertTrue(!StateTimeline.startsALane("Availability Zone us-east-1a down"));
    }
}
