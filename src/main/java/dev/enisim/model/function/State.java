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
    Pending, Active, Inactive, Failed,
    /** Not an AWS state: enisim's marker for a deleted function (its invocations get ResourceNotFoundException). */
    Deleted;

    private static final Map<State, Set<State>> ALLOWED = new EnumMap<>(State.class);

    static {
        // Pending: creating (-> Active or Failed) or restoring after idle (-> Active, or back to Inactive).
        ALLOWED.put(Pending, EnumSet.of(Active, Failed, Inactive, Deleted));
        // Active: goes Inactive when idle; a VPC update keeps it Active (LastUpdateStatus tracks the update).
        ALLOWED.put(Active, EnumSet.of(Inactive, Deleted));
        // Inactive: the next invocation starts restoring.
        ALLOWED.put(Inactive, EnumSet.of(Pending, Deleted));
        // Failed: only deletion (and then recreation) gets it out.
        ALLOWED.put(Failed, EnumSet.of(Deleted));
        // Deleted: the function can be created again.
        ALLOWED.put(Deleted, EnumSet.of(Pending, Active));
    }

    /** States a new function may start in: Pending (with a VpcConfig) or Active (without). */
    public static Set<State> initial() {
        return EnumSet.of(Pending, Active);
    }

    public boolean canTransitionTo(State next) {
        return ALLOWED.get(this).contains(next);
    }
}
