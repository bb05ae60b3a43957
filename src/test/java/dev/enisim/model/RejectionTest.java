package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Invoke error a function that is not Active gives, as its row keeps it ({@link LambdaFunction#rejection},
 * {@link FunctionRows#rejection}): the same as the function object gives, and none where the invocation does more.
 */
class RejectionTest {

    @Test
    void eachStateGivesItsInvokeError() {
        assertEquals(Outcome.RESOURCE_NOT_FOUND, LambdaFunction.rejection(null, null), "not created yet");
        assertEquals(Outcome.RESOURCE_NOT_FOUND, LambdaFunction.rejection(State.Deleted, null));
        assertEquals(Outcome.RESOURCE_CONFLICT, LambdaFunction.rejection(State.Pending, StateReasonCode.Creating));
        assertEquals(Outcome.RESOURCE_NOT_READY, LambdaFunction.rejection(State.Pending, StateReasonCode.Restoring));
        assertEquals(Outcome.SUBNET_IP_LIMIT_REACHED,
                LambdaFunction.rejection(State.Failed, StateReasonCode.SubnetOutOfIPAddresses));
        assertEquals(Outcome.ENI_LIMIT_REACHED, LambdaFunction.rejection(State.Failed, StateReasonCode.EniLimitExceeded));
        assertEquals(Outcome.EC2_ACCESS_DENIED,
                LambdaFunction.rejection(State.Failed, StateReasonCode.InsufficientRolePermissions));
        assertEquals(Outcome.EC2_THROTTLED, LambdaFunction.rejection(State.Failed, StateReasonCode.EC2RequestLimitExceeded));
        assertEquals(Outcome.RESOURCE_CONFLICT, LambdaFunction.rejection(State.Failed, StateReasonCode.InternalError),
                "a cancelled operation");
        assertEquals(Outcome.EC2_THROTTLED, LambdaFunction.rejection(State.Failed, null),
                "no reason: the transient failure's error, as EniFailure.of gives it");
    }

    @Test
    void noneWhereTheFunctionObjectIsToBeAsked() {
        assertNull(LambdaFunction.rejection(State.Active, null), "an Active function runs its invocations");
        assertNull(LambdaFunction.rejection(State.Inactive, StateReasonCode.Idle), "an Inactive one is restored");
        assertNull(LambdaFunction.rejection(State.Failed, StateReasonCode.Idle), "no failure has that reason");
    }

    @Test
    void theRowKeepsWhatTheLastTransitionSet() {
        FunctionRows rows = new FunctionRows(2);
        rows.add(FunctionRows.UNRESERVED, 1);
        int f = rows.add(FunctionRows.UNRESERVED, 1);
        rows.setHasKeys(f, true);
        rows.setExpiryScheduled(f, true);
        int generation = rows.newGeneration(f);
        assertNull(rows.rejection(f), "none set yet");
        Outcome last = Outcome.all()[Outcome.all().length - 1];
        rows.setState(f, false, last);
        assertEquals(last, rows.rejection(f), "the last outcome fits");
        assertEquals(false, rows.active(f));
        rows.setState(f, false, Outcome.all()[0]);
        assertEquals(Outcome.all()[0], rows.rejection(f), "and the first");
        rows.setState(f, true, null);
        assertNull(rows.rejection(f));
        assertEquals(true, rows.active(f));
        assertEquals(true, rows.hasKeys(f), "the other flags stay");
        assertEquals(true, rows.expiryScheduled(f));
        assertEquals(generation, rows.generation(f));
        assertNull(rows.rejection(0), "another function's row is not written");
        assertEquals(false, rows.active(0));
    }

    @Test
    void aTransitionSetsTheRow() {
        FunctionRows rows = new FunctionRows(1);
        LambdaFunction f = new LambdaFunction(rows, 0, TestFunction.of("f", 1, -1, 1, List.of(), List.of()), null,
                () -> 0L, Binding.NONE);
        assertNull(rows.rejection(0), "not created: the object is asked (and says ResourceNotFound)");
        f.transition(State.Pending, StateReasonCode.Creating, "create", 0);
        assertEquals(Outcome.RESOURCE_CONFLICT, rows.rejection(0));
        f.transition(State.Active, null, "ready", 1);
        assertEquals(true, rows.active(0));
        assertNull(rows.rejection(0));
        f.transition(State.Inactive, StateReasonCode.Idle, "idle", 2);
        assertEquals(false, rows.active(0));
        assertNull(rows.rejection(0), "an Inactive function is restored: the object is asked");
        f.transition(State.Pending, StateReasonCode.Restoring, "invoked", 3);
        assertEquals(Outcome.RESOURCE_NOT_READY, rows.rejection(0));
        f.transition(State.Failed, StateReasonCode.EniLimitExceeded, "quota", 4);
        assertEquals(Outcome.ENI_LIMIT_REACHED, rows.rejection(0));
        assertEquals(false, rows.active(0));
        f.transition(State.Deleted, null, "delete", 5);
        assertEquals(Outcome.RESOURCE_NOT_FOUND, rows.rejection(0));
    }
}
