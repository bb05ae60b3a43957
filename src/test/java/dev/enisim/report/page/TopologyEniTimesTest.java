package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.run.EniLifetimeTest;
import dev.enisim.run.RunResult;
import org.junit.jupiter.api.Test;

/** The player's ENIs: a step the ENI did not reach is -1, as player.js reads it ({@code >= 0} means reached). */
class TopologyEniTimesTest {

    @Test
    void aStepNotReachedIsMinusOneForThePlayer() throws Exception {
        RunResult r = EniLifetimeTest.run(); // kept's ENI in subnet-a in use to the end, gone's deleted at 600-900 s
        JsonNode enis = TopologyData.build(r).get("enis");
        assertEquals(2, enis.size(), enis.toString());
        for (JsonNode e : enis) {
            boolean kept = e.get("subnet").asText().equals("subnet-a");
            assertEquals(0.0, e.get("created").asDouble());
            assertEquals(10.0, e.get("ready").asDouble());
            assertEquals(kept ? -1.0 : 600.0, e.get("deleting").asDouble(), e.toString());
            assertEquals(-1.0, e.get("orphaned").asDouble(), e.toString());
            assertEquals(kept ? -1.0 : 900.0, e.get("ended").asDouble(), e.toString());
        }
    }
}
