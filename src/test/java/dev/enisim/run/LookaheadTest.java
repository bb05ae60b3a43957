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
        return manyFunctions(n, false);
    }

    /** {@code existing}: the functions are Active from the start (else Pending, their invocations rejected). */
    private static Scenario manyFunctions(int n, boolean existing) throws Exception {
        ObjectNode tree = Workloads.manyFunctions(n, 50);
        tree.put("duration", "20s");
        tree.put("bucket", "5s");
        if (existing) {
            tree.get("functions").forEach(f -> ((ObjectNode) f).put("existing", "Active"));
        }
        return ScenarioLoader.parseTree(tree, "many-functions");
    }

    /**
     * Created at the start, the functions are Pending for the whole run (their ENIs take longer): every invocation
     * is rejected, its error read from the function's row.
     */
    @Test
    void readingAheadChangesNoFigure() throws Exception {
        sameFigures(manyFunctions(Simulation.LOOKAHEAD_FUNCTIONS));
    }

    /** Active from the start: warm starts and ends read ahead. */
    @Test
    void readingAheadWarmStartsAndEndsChangesNoFigure() throws Exception {
        sameFigures(manyFunctions(Simulation.LOOKAHEAD_FUNCTIONS, true));
    }

    /**
     * Runs {@code s} with the reads ahead (the loop's hints, the model's tops kept in the functions' rows) and
     * without: the same figures. Returns the one with.
     */
    private static Simulation sameFigures(Scenario s) {
        Simulation ahead = new Simulation(s, 0);
        RunResult a = ahead.run();
        Simulation plain = new Simulation(s, 0).withoutReadAhead(); // the loop's and the model's rows' both off
        RunResult b = plain.run();
        assertNotEquals(0, ahead.touched(), "the loop told the run its next events, and their rows were read");
        assertEquals(0, plain.touched());
        assertEquals(b.summary(), a.summary());
        assertEquals(TimeSeriesCsv.render(b.timeSeries()), TimeSeriesCsv.render(a.timeSeries()));
        assertEquals(b.enis(), a.enis());
        return ahead;
    }

    @Test
    void fewerFunctionsAreNotReadAhead() throws Exception {
        Simulation few = new Simulation(manyFunctions(Simulation.LOOKAHEAD_FUNCTIONS - 1), 0);
        few.run();
        assertEquals(0, few.touched());
    }
}
