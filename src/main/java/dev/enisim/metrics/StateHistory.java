package dev.enisim.metrics;

import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened to each function's state over the run (its transitions and VPC config updates), the timeline's
 * control-plane actions, and the Pending spells read from the transitions.
 */
final class StateHistory {

    private final List<List<RunSummary.Transition>> transitions = new ArrayList<>();
    private final List<List<RunSummary.Update>> updates = new ArrayList<>();
    private final List<RunSummary.Action> actions = new ArrayList<>();

    /** Failed restores that repeat the one before, counted on it ({@link RunSummary.Transition#retries}). */
    private final RestoreRetries retries;
    /** Per function, where in its transitions the failed restore its retries are counted on is. */
    private final int[] failedRestore;

    StateHistory(int functions) {
        for (int i = 0; i < functions; i++) {
            transitions.add(new ArrayList<>());
            updates.add(new ArrayList<>());
        }
        retries = new RestoreRetries(functions);
        failedRestore = new int[functions];
    }

    void state(int function, State state, StateReasonCode reason, String cause, long nowMicros) {
        List<RunSummary.Transition> ts = transitions.get(function);
        RestoreRetries.Step step = retries.step(function, state, reason, nowMicros);
        if (step == RestoreRetries.Step.FOLD) {
            ts.remove(ts.size() - 1); // the held Pending change of the retry
            return;
        }
        if (step == RestoreRetries.Step.RECORD) {
            writeRetries(function);
        }
        ts.add(new RunSummary.Transition(Seconds.of(nowMicros), state, reason, cause));
        if (step == RestoreRetries.Step.RECORD && state == State.Inactive && reason != null
                && reason != StateReasonCode.Idle) {
            failedRestore[function] = ts.size() - 1;
        }
    }

    private void writeRetries(int function) {
        long n = retries.count(function);
        if (n > 0) {
            List<RunSummary.Transition> ts = transitions.get(function);
            int at = failedRestore[function];
            ts.set(at, ts.get(at).retried(n, Seconds.of(retries.last(function))));
            retries.written(function);
        }
    }

    void update(int function, LastUpdateStatus status, StateReasonCode reason, long nowMicros) {
        updates.get(function).add(new RunSummary.Update(Seconds.of(nowMicros), status, reason));
    }

    void action(String description, long nowMicros) {
        actions.add(new RunSummary.Action(Seconds.of(nowMicros), description));
    }

    List<RunSummary.Action> actions() {
        return List.copyOf(actions);
    }

    List<RunSummary.Transition> transitions(int function) {
        writeRetries(function);
        return List.copyOf(transitions.get(function));
    }

    List<RunSummary.Update> updates(int function) {
        return List.copyOf(updates.get(function));
    }

    /** The longest time the function spent Pending in one go (until the end if still Pending). */
    double longestPending(int function, double endSeconds) {
        double longest = 0;
        for (double d : pendingSpells(function, endSeconds)) {
            longest = Math.max(longest, d);
        }
        return longest;
    }

    /** How many times the function stayed Pending longer than the threshold. */
    int stuckPending(int function, double endSeconds, double thresholdSeconds) {
        int n = 0;
        for (double d : pendingSpells(function, endSeconds)) {
            if (d > thresholdSeconds) {
                n++;
            }
        }
        return n;
    }

    private List<Double> pendingSpells(int function, double endSeconds) {
        List<Double> spells = new ArrayList<>();
        double since = -1;
        for (RunSummary.Transition t : transitions.get(function)) {
            if (since >= 0) {
                spells.add(t.atSeconds() - since);
                since = -1;
            }
            if (t.state() == State.Pending) {
                since = t.atSeconds();
            }
        }
        if (since >= 0) {
            spells.add(endSeconds - since);
        }
        return spells;
    }
}
