package dev.enisim.model;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;

/** A scenario run with the world's invariants checked after every event, and its functions looked up by name. */
record CheckedRun(RunResult result) {

    static CheckedRun of(String yaml, String fileName) throws Exception {
        return new CheckedRun(new Simulation(ScenarioLoader.parse(yaml, fileName), 0).checkingInvariants().run());
    }

    RunSummary.FunctionSummary fn(String name) {
        return result.summary().functions().get(name);
    }

    /** The function's states in order, "State/ReasonCode@seconds" ({@link ExistingFunctionsTest#states}). */
    List<String> states(String name) {
        return ExistingFunctionsTest.states(fn(name));
    }
}
