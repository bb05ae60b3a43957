package dev.enisim.metrics;

import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.Arrays;

/**
 * Folds the restores a function keeps failing. An invocation of an Inactive function starts a restore (Pending,
 * Restoring); when it cannot start (a full subnet, the ENI quota reached) the function is Inactive again at the same
 * instant, and the next invocation tries again. Recorded one by one, a function invoked 10 times a second while its
 * subnet is full would add two state changes per invocation to the run's history: memory growing with invocations,
 * a story of thousands of identical lines. A restore that fails at once for the reason the last one failed for is
 * counted here instead (a retry); the run's history keeps the first failure's two changes and the count.
 *
 * <p>The journal and the state history each hold one, fed the same state changes, so that they fold alike.
 */
final class RestoreRetries {

    /** What to do with a state change. */
    enum Step {
        /** Record it. */
        RECORD,
        /** Record it for now: a restore that may fail at once as the one before (then {@link #FOLD}). */
        HOLD,
        /** A retry that failed as the one before: take back the held Pending change and record neither. */
        FOLD
    }

    /** The reason a failed restore left the function Inactive with, while it is so; else null. */
    private final StateReasonCode[] failedWith;
    /** When the held Pending change came, or -1. */
    private final long[] heldAt;
    /** The retries folded since the function's last recorded failure, and when the first and last were. */
    private final long[] count;
    private final long[] first;
    private final long[] last;
    private final StateReasonCode[] loopReason;

    RestoreRetries(int functions) {
        failedWith = new StateReasonCode[functions];
        heldAt = new long[functions];
        Arrays.fill(heldAt, -1);
        count = new long[functions];
        first = new long[functions];
        last = new long[functions];
        loopReason = new StateReasonCode[functions];
    }

    /** What to do with the function's change to {@code state} for {@code reason} at {@code now}. */
    Step step(int function, State state, StateReasonCode reason, long now) {
        if (heldAt[function] == now && state == State.Inactive && reason == failedWith[function]) {
            heldAt[function] = -1;
            if (count[function]++ == 0) {
                first[function] = now;
                loopReason[function] = reason;
            }
            last[function] = now;
            return Step.FOLD;
        }
        heldAt[function] = -1;
        if (state == State.Pending && reason == StateReasonCode.Restoring && failedWith[function] != null) {
            heldAt[function] = now;
            return Step.HOLD;
        }
        failedWith[function] = state == State.Inactive && reason != null && reason != StateReasonCode.Idle
                ? reason : null;
        return Step.RECORD;
    }

    /** Whether a Pending change is held (it may yet fold). */
    boolean held(int function) {
        return heldAt[function] >= 0;
    }

    /** When the held Pending change came. */
    long heldAt(int function) {
        return heldAt[function];
    }

    /** The held Pending change stays: the restore started (an invocation met the function Pending). */
    void release(int function) {
        heldAt[function] = -1;
    }

    /** Retries folded and not yet written out (0 when none). */
    long count(int function) {
        return count[function];
    }

    long first(int function) {
        return first[function];
    }

    long last(int function) {
        return last[function];
    }

    /** The reason the retries failed for. */
    StateReasonCode reason(int function) {
        return loopReason[function];
    }

    /** The retries were written out. */
    void written(int function) {
        count[function] = 0;
    }
}
