package dev.enisim.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.model.Outcome;
import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniState;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The journal behind the narrated timeline and trace.jsonl: every lifecycle event as it happened, and a
 * function's invocations counted per outcome over each spell between two of its state changes, written where the
 * spell's first such invocation happened and closed at the next state change (or the end).
 */
class JournalTest {

    private static final long S = Seconds.MICROS;

    @Test
    void lifecycleEventsInTimeOrderAndInvocationsCountedPerSpell() {
        Journal j = new Journal();
        j.attach(List.of("api", "worker"));
        EniId eni = new EniId(1, "eni-0001", 0, "subnet-a+[sg-1]", 0, 0, "10.0.0.4");
        j.controlAction("createFunction api", 0);
        j.functionState(0, State.Pending, StateReasonCode.Creating, "created", 0);
        j.invocation(0, Outcome.RESOURCE_CONFLICT, S);
        j.invocation(0, Outcome.RESOURCE_CONFLICT, 2 * S);
        j.eniState(eni, null, EniState.Creating, 3 * S);
        j.invocation(1, Outcome.SUCCESS, 5 * S);
        j.functionState(0, State.Active, null, "", 10 * S);
        j.invocation(0, Outcome.SUCCESS, 12 * S);
        j.invocation(0, Outcome.FUNCTION_ERROR_TIMEOUT, 13 * S);
        j.invocation(0, Outcome.SUCCESS, 14 * S);
        j.eniShared(1, eni, 15 * S);
        j.invocation(0, Outcome.RESOURCE_CONFLICT, 16 * S);
        j.functionUpdate(0, LastUpdateStatus.InProgress, null, 20 * S);
        j.functionUpdate(0, LastUpdateStatus.Failed, StateReasonCode.SubnetOutOfIPAddresses, 22 * S);
        j.controlAction("updateVpcConfig api", 25 * S);
        List<JournalEntry> expected = List.of(
                new JournalEntry(0, JournalEntry.Kind.ACTION, "", "", null, "createFunction api", 0, 0),
                new JournalEntry(0, JournalEntry.Kind.FUNCTION_STATE, "api", "Pending", "Creating", "created", 0, 0),
                // the first spell's two ResourceConflictExceptions, from the first (1 s) to Active (10 s)
                new JournalEntry(S, JournalEntry.Kind.INVOCATIONS, "api", "RESOURCE_CONFLICT",
                        "ResourceConflictException", "", 2, 10 * S, 2 * S), // the last of them at 2 s
                new JournalEntry(3 * S, JournalEntry.Kind.ENI_STATE, "eni-0001", "Creating", null,
                        "subnet-a+[sg-1] 10.0.0.4", 0, 3 * S),
                // worker's spell has no state change: it runs to the end
                new JournalEntry(5 * S, JournalEntry.Kind.INVOCATIONS, "worker", "SUCCESS", null, "", 1, 30 * S),
                new JournalEntry(10 * S, JournalEntry.Kind.FUNCTION_STATE, "api", "Active", null, "", 0, 10 * S),
                new JournalEntry(12 * S, JournalEntry.Kind.INVOCATIONS, "api", "SUCCESS", null, "", 2, 30 * S),
                new JournalEntry(13 * S, JournalEntry.Kind.INVOCATIONS, "api", "FUNCTION_ERROR_TIMEOUT", "Unhandled",
                        "TaskTimedOut", 1, 30 * S, 13 * S),
                new JournalEntry(15 * S, JournalEntry.Kind.ENI_SHARED, "worker", "eni-0001", null,
                        "subnet-a+[sg-1] 10.0.0.4", 0, 15 * S),
                // a new spell counts from zero again
                new JournalEntry(16 * S, JournalEntry.Kind.INVOCATIONS, "api", "RESOURCE_CONFLICT",
                        "ResourceConflictException", "", 1, 30 * S, 16 * S),
                new JournalEntry(20 * S, JournalEntry.Kind.FUNCTION_UPDATE, "api", "InProgress", null, "", 0, 20 * S),
                new JournalEntry(22 * S, JournalEntry.Kind.FUNCTION_UPDATE, "api", "Failed", "SubnetOutOfIPAddresses",
                        "", 0, 22 * S),
                new JournalEntry(25 * S, JournalEntry.Kind.ACTION, "", "", null, "updateVpcConfig api", 0, 25 * S));
        assertEquals(expected, j.entries(30 * S));
    }

    /** Reading the journal twice gives the same entries: a spell is written once. */
    @Test
    void aSpellIsWrittenOnce() {
        Journal j = new Journal();
        j.attach(List.of("api"));
        j.invocation(0, Outcome.SUCCESS, S);
        List<JournalEntry> first = j.entries(10 * S);
        assertEquals(1, first.size());
        assertEquals(first, j.entries(10 * S));
    }
}
