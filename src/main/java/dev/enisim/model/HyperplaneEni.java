package dev.enisim.model;

import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniState;

/**
 * One Hyperplane ENI: one IP of its subnet, one slot of its VPC's quota, and up to {@code capacity}
 * connections of every function sharing its key. It owns its port count, kept in its row of its fleet's
 * {@link EniPorts}: {@link #tryAcquire} never lets it pass the capacity.
 */
final class HyperplaneEni {

    private final EniId ref;
    private final int ipIndex;
    private final int capacity;
    private final long createdMicros;
    private final EniPorts ports;
    private final int row;
    private EniState state = EniState.Creating;
    private long readyMicros = -1;
    private long deletionRequestedMicros = -1;
    private long endedMicros = -1;
    private long orphanedMicros = -1;
    private boolean inPlaceAtStart;
    private boolean openWhileCreating; // legacy: its slots are taken while it is being created
    private long plannedReadyMicros = -1;
    private long releasedWhileCreatingMicros = -1;

    /** A standalone ENI, its ports in a table of its own. */
    HyperplaneEni(EniId ref, int ipIndex, int capacity, long createdMicros) {
        this(ref, ipIndex, capacity, createdMicros, new EniPorts());
    }

    /** An ENI of a fleet: its ports in the next row of the fleet's table. */
    HyperplaneEni(EniId ref, int ipIndex, int capacity, long createdMicros, EniPorts ports) {
        this.ref = ref;
        this.ipIndex = ipIndex;
        this.capacity = capacity;
        this.createdMicros = createdMicros;
        this.ports = ports;
        this.row = ports.add(ref.key(), capacity);
    }

    /** Its row in {@link #ports()}. */
    int row() {
        return row;
    }

    EniPorts ports() {
        return ports;
    }

    /** Who it is and where it sits (what observers are told). */
    public EniId ref() {
        return ref;
    }

    public int id() {
        return ref.id();
    }

    /** Display id, e.g. {@code eni-0001}. */
    public String name() {
        return ref.name();
    }

    public int key() {
        return ref.key();
    }

    public int subnet() {
        return ref.subnet();
    }

    public int ipIndex() {
        return ipIndex;
    }

    public int capacity() {
        return capacity;
    }

    public EniState state() {
        return state;
    }

    public int connections() {
        return ports.connections(row);
    }

    /** The most connections it has held at once (never above {@link #capacity}). */
    public int peakConnections() {
        return ports.peak(row);
    }

    public long createdMicros() {
        return createdMicros;
    }

    public long readyMicros() {
        return readyMicros;
    }

    public long deletionRequestedMicros() {
        return deletionRequestedMicros;
    }

    public long endedMicros() {
        return endedMicros;
    }

    /** When Lambda gave up deleting it (its role had lost its permissions), or -1. */
    public long orphanedMicros() {
        return orphanedMicros;
    }

    /**
     * Whether it existed before the run: an existing function's, put in place at the start ({@link
     * Lifecycle#existing}), rather than created by the run (which a legacy cold start at 0 also does, created and
     * ready at once).
     */
    public boolean inPlaceAtStart() {
        return inPlaceAtStart;
    }

    /** It existed before the run (an existing function's ENI, put in place at the start). */
    void placedAtStart() {
        inPlaceAtStart = true;
    }

    /**
     * Lets its slots be taken while it is still Creating (the legacy model: the cold starts placed on it wait for
     * it, {@link #plannedReadyMicros}); it turns InUse at its {@link SimEvent.EniReady}.
     */
    void openWhileCreating() {
        if (state != EniState.Creating) {
            throw new IllegalStateException(name() + ": opened while " + state);
        }
        openWhileCreating = true;
        ports.setInUse(row, true);
    }

    /** When its creation, now under way, ends (its EniReady is scheduled for then); -1 until it is known. */
    public long plannedReadyMicros() {
        return plannedReadyMicros;
    }

    void plannedReady(long atMicros) {
        if (plannedReadyMicros >= 0) {
            throw new IllegalStateException(name() + ": ready time set twice");
        }
        plannedReadyMicros = atMicros;
    }

    /**
     * When its key lost its last user while it was still being created, or -1 (never, or a user came back before it
     * was deleted): the teardown that released it then waits for its deletion, which starts when it is ready.
     */
    public long releasedWhileCreatingMicros() {
        return releasedWhileCreatingMicros;
    }

    /** Its key lost its last user while it was Creating ({@code -1}: a user came back). */
    void releasedWhileCreating(long atMicros) {
        if (atMicros >= 0 && state != EniState.Creating) {
            throw new IllegalStateException(name() + ": released while creating, but " + state);
        }
        releasedWhileCreatingMicros = atMicros;
    }

    /** Takes {@code n} ports if the ENI is in use and has room. */
    public boolean tryAcquire(int n) {
        return ports.tryAcquire(row, n);
    }

    public void release(int n) {
        if (!ports.release(row, n)) {
            throw new IllegalStateException(name() + ": releasing " + n + " connections of " + connections());
        }
    }

    /** Moves along the lifecycle; an illegal move is a bug and throws with ids and time. */
    public void transition(EniState next, long nowMicros) {
        if (!state.canTransitionTo(next)) {
            throw new IllegalStateException("ENI " + name() + ": illegal transition " + state + " -> " + next
                    + " at " + nowMicros + " us");
        }
        state = next;
        ports.setInUse(row, next == EniState.InUse);
        switch (next) {
            case InUse -> {
                if (readyMicros < 0) {
                    readyMicros = nowMicros;
                }
                deletionRequestedMicros = -1;
            }
            case Deleting -> deletionRequestedMicros = nowMicros;
            case Deleted -> endedMicros = nowMicros;
            case Orphaned -> {
                orphanedMicros = nowMicros;
                if (deletionRequestedMicros < 0) {
                    deletionRequestedMicros = nowMicros; // straight from InUse: its deletion refused when requested
                }
            }
            default -> {
            }
        }
    }

    public void checkInvariants() {
        int connections = connections();
        if (connections < 0 || connections > capacity) {
            throw new IllegalStateException(name() + ": " + connections + " connections outside 0.." + capacity);
        }
        boolean gone = state == EniState.Deleted || state == EniState.Orphaned;
        if ((state == EniState.Creating && !openWhileCreating || gone) && connections != 0) {
            throw new IllegalStateException(name() + ": " + connections + " connections while " + state);
        }
        int peak = peakConnections(); // after the state's rule: a connection where none may be is the first fault
        if (peak < connections || peak > capacity) {
            throw new IllegalStateException(name() + ": peak of " + peak + " connections outside " + connections
                    + ".." + capacity);
        }
    }

    @Override
    public String toString() {
        return name() + "[" + state + ", key " + ref.key() + ", " + connections() + "/" + capacity + "]";
    }
}
