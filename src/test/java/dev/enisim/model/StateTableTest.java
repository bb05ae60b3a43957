package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.eni.EniState;
import dev.enisim.model.function.State;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class StateTableTest {

    /** Every (from, to) pair of function states and whether domain.md allows it. */
    static Stream<Arguments> functionTransitions() {
        Set<String> allowed = Set.of("Pending>Active", "Pending>Failed", "Pending>Inactive", "Active>Inactive",
                "Inactive>Pending", "Pending>Deleted", "Active>Deleted", "Inactive>Deleted", "Failed>Deleted",
                "Deleted>Pending", "Deleted>Active");
        return Stream.of(State.values()).flatMap(from -> Stream.of(State.values())
                .map(to -> Arguments.of(from, to, allowed.contains(from + ">" + to))));
    }

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @MethodSource("functionTransitions")
    void functionStateTable(State from, State to, boolean allowed) {
        assertEquals(allowed, from.canTransitionTo(to));
        LambdaFunction f = new LambdaFunction(0, TestFunction.of("f", 1, -1, 1, List.of(), List.of()), null,
                () -> 0L, Binding.NONE);
        if (from == State.Pending || from == State.Active) {
            f.transition(from, null, "create", 0);
        } else if (from == State.Deleted) {
            f.transition(State.Active, null, "create", 0);
            f.transition(State.Deleted, null, "delete", 0);
        } else {
            f.transition(State.Pending, null, "create", 0);
            f.transition(from, null, "setup", 0);
        }
        if (allowed) {
            f.transition(to, null, "test", 1);
            assertEquals(to, f.state());
        } else {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> f.transition(to, null, "test", 7));
            assertTrue(e.getMessage().contains("function f") && e.getMessage().contains(from + " -> " + to)
                    && e.getMessage().contains("at 7 us"), e.getMessage());
        }
    }

    @Test
    void functionsStartPendingOrActiveOnly() {
        assertEquals(Set.of(State.Pending, State.Active), State.initial());
        LambdaFunction f = new LambdaFunction(0, TestFunction.of("f", 1, -1, 1, List.of(), List.of()), null,
                () -> 0L, Binding.NONE);
        assertThrows(IllegalStateException.class, () -> f.transition(State.Inactive, null, "x", 0));
    }

    static Stream<Arguments> eniTransitions() {
        Set<String> allowed = Set.of("Creating>InUse", "InUse>Deleting", "InUse>Orphaned", "Deleting>Deleted",
                "Deleting>Orphaned", "Deleting>InUse", "Orphaned>Deleted");
        return Stream.of(EniState.values()).flatMap(from -> Stream.of(EniState.values())
                .map(to -> Arguments.of(from, to, allowed.contains(from + ">" + to))));
    }

    @ParameterizedTest(name = "ENI {0} -> {1}: {2}")
    @MethodSource("eniTransitions")
    void eniStateTable(EniState from, EniState to, boolean allowed) {
        assertEquals(allowed, from.canTransitionTo(to));
    }
}
