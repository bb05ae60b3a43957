package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.function.State;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A warm-up window opens only where a function turns Active ({@code Planner.warmUpWindows}; PIT's survivor of
 * session 52: every transition taken for one into Active, so that a function going Inactive, or Pending while it is
 * restored, got a window of its own from that instant, and its failures there went uncounted). An existing function,
 * Active from the start, goes Inactive at 10 min, is invoked and restored (Pending at 15 min), Active again at
 * 15 min 10 s: the run's first 5 minutes and the 5 after 15 min 10 s; nothing from 10 min or from 15 min.
 */
class PlanWarmUpWindowsStatesTest {

    private static final long SEC = 1_000_000L;

    private static RunSummary.FunctionSummary withTransitions(List<RunSummary.Transition> transitions) {
        return new RunSummary.FunctionSummary(null, "Active", null, null, 0, 0, 0, transitions, List.of(), null, 0);
    }

    @Test
    void onlyATurnIntoActiveOpensAWindow() {
        RunSummary.FunctionSummary f = withTransitions(List.of(
                new RunSummary.Transition(0, State.Active, null, null),
                new RunSummary.Transition(600, State.Inactive, null, null),
                new RunSummary.Transition(900, State.Pending, null, null),
                new RunSummary.Transition(910, State.Active, null, null)));
        assertArrayEquals(new long[] {0, 300 * SEC, 910 * SEC, 1210 * SEC}, Planner.warmUpWindows(f, 300 * SEC));
    }

    @Test
    void aCreatedFunctionsWindowRunsFromItsCreation() {
        // created at 1 min (Pending), Active at 2 min: from its creation to 5 minutes after it turned Active
        RunSummary.FunctionSummary f = withTransitions(List.of(
                new RunSummary.Transition(60, State.Pending, null, null),
                new RunSummary.Transition(120, State.Active, null, null)));
        assertArrayEquals(new long[] {0, 300 * SEC, 60 * SEC, 420 * SEC}, Planner.warmUpWindows(f, 300 * SEC));
    }
}
