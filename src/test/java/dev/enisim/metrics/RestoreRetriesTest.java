package dev.enisim.metrics;

import static dev.enisim.metrics.RestoreRetries.Step.FOLD;
import static dev.enisim.metrics.RestoreRetries.Step.HOLD;
import static dev.enisim.metrics.RestoreRetries.Step.RECORD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import org.junit.jupiter.api.Test;

/** Which state changes of a function are a failed restore's retry (folded), which are its lifecycle (recorded). */
class RestoreRetriesTest {

    private static final StateReasonCode FULL = StateReasonCode.SubnetOutOfIPAddresses;
    private final RestoreRetries r = new RestoreRetries(2);

    /** Function 0 Inactive after a failed restore at 10. */
    private void failedOnce() {
        assertEquals(RECORD, r.step(0, State.Inactive, StateReasonCode.Idle, 0));
        assertEquals(RECORD, r.step(0, State.Pending, StateReasonCode.Restoring, 10), "the first restore is told");
        assertEquals(RECORD, r.step(0, State.Inactive, FULL, 10));
    }

    @Test
    void aRestoreFailingAtOnceAsTheOneBeforeIsARetry() {
        failedOnce();
        assertEquals(HOLD, r.step(0, State.Pending, StateReasonCode.Restoring, 20));
        assertTrue(r.held(0));
        assertEquals(20, r.heldAt(0));
        assertEquals(FOLD, r.step(0, State.Inactive, FULL, 20));
        assertFalse(r.held(0));
        assertEquals(HOLD, r.step(0, State.Pending, StateReasonCode.Restoring, 35));
        assertEquals(FOLD, r.step(0, State.Inactive, FULL, 35));
        assertEquals(2, r.count(0));
        assertEquals(20, r.first(0));
        assertEquals(35, r.last(0));
        assertEquals(FULL, r.reason(0));
        assertEquals(0, r.count(1), "per function");
        r.written(0);
        assertEquals(0, r.count(0));
        assertEquals(HOLD, r.step(0, State.Pending, StateReasonCode.Restoring, 40), "the loop goes on after a write");
        assertEquals(FOLD, r.step(0, State.Inactive, FULL, 40));
        assertEquals(40, r.first(0));
    }

    @Test
    void aRestoreThatStartsOrFailsOtherwiseIsRecorded() {
        failedOnce();
        assertEquals(HOLD, r.step(0, State.Pending, StateReasonCode.Restoring, 20));
        assertEquals(RECORD, r.step(0, State.Inactive, FULL, 21), "not at once: the restore ran for a second");
        assertEquals(HOLD, r.step(0, State.Pending, StateReasonCode.Restoring, 30));
        assertEquals(RECORD, r.step(0, State.Inactive, StateReasonCode.EniLimitExceeded, 30), "another reason");
        assertEquals(HOLD, r.step(0, State.Pending, StateReasonCode.Restoring, 40), "a loop of the new reason");
        assertEquals(FOLD, r.step(0, State.Inactive, StateReasonCode.EniLimitExceeded, 40));
        assertEquals(StateReasonCode.EniLimitExceeded, r.reason(0));
        assertEquals(HOLD, r.step(0, State.Pending, StateReasonCode.Restoring, 50));
        r.release(0);
        assertFalse(r.held(0), "an invocation met the function Pending: the restore started");
        assertEquals(RECORD, r.step(0, State.Active, null, 50));
        assertEquals(RECORD, r.step(0, State.Inactive, StateReasonCode.Idle, 90));
        assertEquals(RECORD, r.step(0, State.Pending, StateReasonCode.Restoring, 100), "idle is no failed restore");
    }

    @Test
    void onlyAnInactiveFunctionsRestoreIsHeld() {
        assertEquals(RECORD, r.step(1, State.Pending, StateReasonCode.Creating, 0));
        assertEquals(RECORD, r.step(1, State.Failed, FULL, 0));
        assertEquals(RECORD, r.step(1, State.Pending, StateReasonCode.Restoring, 5), "Failed is no failed restore");
        assertEquals(RECORD, r.step(1, State.Inactive, FULL, 5));
        assertEquals(RECORD, r.step(1, State.Deleted, null, 6));
        assertEquals(RECORD, r.step(1, State.Pending, StateReasonCode.Restoring, 7), "Deleted clears it");
        assertEquals(-1, r.heldAt(1));
    }
}
