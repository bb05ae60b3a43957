package dev.enisim.model.eni;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** Lifecycle of one Hyperplane ENI, with its allowed transitions in one table. */
public enum EniState {
    /** Created (holds its IP and quota slot), not yet carrying traffic. */
    Creating,
    /** Ready: carries connections of every function using its key. */
    InUse,
    /** No function or version uses its key; Lambda is deleting it (still holds IP and quota). */
    Deleting,
    /** Gone: IP and quota slot freed. */
    Deleted,
    /**
     * Lambda could not delete it: straight from InUse when the releasing role already lacked its EC2 permissions at
     * the deletion request (no Deleting phase), from Deleting when it lost them while the deletion ran. Holds IP and
     * quota until deleted by hand.
     */
    Orphaned;

    private static final Map<EniState, Set<EniState>> ALLOWED = new EnumMap<>(EniState.class);

    static {
        // a Creating ENI whose key loses its users finishes creating first, then goes Deleting (or Orphaned)
        ALLOWED.put(Creating, EnumSet.of(InUse));
        ALLOWED.put(InUse, EnumSet.of(Deleting, Orphaned)); // Orphaned: its deletion refused at once (role)
        ALLOWED.put(Deleting, EnumSet.of(Deleted, Orphaned, InUse));
        ALLOWED.put(Deleted, EnumSet.noneOf(EniState.class));
        ALLOWED.put(Orphaned, EnumSet.of(Deleted));
    }

    public boolean canTransitionTo(EniState next) {
        return ALLOWED.get(this).contains(next);
    }

    /** True while the ENI holds an IP and a quota slot. */
    public boolean holdsResources() {
        return this != Deleted;
    }
}
