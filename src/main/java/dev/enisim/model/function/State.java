package dev.enisim.model.function;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * A function's {@code State}, as GetFunctionConfiguration reports it, with the allowed transitions in one
 * table. {@link #initial} are the states a function may be created in.
 */
public enum State {
    Pending, Active, Inactive, Failed;

    private static final Map<State, Set<State>> ALLOWED = new EnumMap<>(State.class);

    static {
        // Pending: creating (-> Active or Failed) or restoring after idle (-> Active, or back to Inactive).
        ALLOWED.put(Pending, EnumSet.of(Active, Failed, Inactive));
        // Active: goes Inactive when idle; a VPC update keeps it Active (LastUpdateStatus tracks the update).
        ALLOWED.put(Active, EnumSet.of(Inactive));
        // Inactive: the next invocation starts restoring.
        ALLOWED.put(Inactive, EnumSet.of(Pending));
        // Failed: terminal until the function is deleted and recreated.
        ALLOWED.put(Failed, EnumSet.noneOf(State.class));
    }

    /** States a new function may start in: Pending (with a VpcConfig) or Active (without). */
    public static Set<State> initial() {
        return EnumSet.of(Pending, Active);
    }

    public boolean canTransitionTo(State next) {
        return ALLOWED.get(this).contains(next);
    }
}
