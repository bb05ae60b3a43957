package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.bench.Workloads;
import dev.enisim.report.TimeSeriesCsv;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * With many functions the run reads the next event's rows ahead ({@link Simulation#nextSource},
 * {@link Simulation#nextPlain}): only reads, so the run's figures are those of a run without it, and only from
 * {@link Simulation#LOOKAHEAD_FUNCTIONS} functions on.
 */
class LookaheadTest {

    private static Scenario manyFunctions(int n) throws Exception {
        ObjectNode tree = Workloads.manyFunctions(n, 50);
        tree.put("duration", "20s");
        tree.put("bucket", "5s");
        return ScenarioLoader.parseTree(tree, "many-functions");
    }

    @Test
    void readingAheadChangesNoFigure() throws Exception {
        Scenario s = manyFunctions(Simulation.LOOKAHEAD_FUNCTIONS);
        Simulation ahead = new Simulation(s, 0);
        RunResult a = ahead.run();
        Simulation plain = new Simulation(s, 0);
        plain.loop().setLookahead(null);
        RunResult b = plain.run();
        assertNotEquals(0, ahead.touched(), "the loop told the run its next events, and their rows were read");
        assertEquals(0, plain.touched());
        assertEquals(b.summary(), a.summary());
        assertEquals(TimeSeriesCsv.render(b.timeSeries()), TimeSeriesCsv.render(a.timeSeries()));
        assertEquals(b.enis(), a.enis());
    }

    @Test
    void fewerFunctionsAreNotReadAhead() throws Exception {
        Simulation few = new Simulation(manyFunctions(Simulation.LOOKAHEAD_FUNCTIONS - 1), 0);
        few.run();
        assertEquals(0, few.touched());
    }
}
