package dev.enisim.model;

/**
 * What a {@link Networking} model may do with the ENIs of a key during a cold start: take ports (or slots) and ask
 * for one more ENI. The fleet implements it; the network model sees nothing else of the fleet, so the two do not
 * depend on each other.
 */
interface KeyPorts {

    /** The first ready ENI of {@code key} with {@code n} free ports, with the ports taken; null when none has room. */
    HyperplaneEni acquire(int key, int n, long nowMicros);

    /**
     * The key's ENIs are full: Lambda creates one more unless one is on its way. Returns the invocation's failure
     * when none can be made (or the key, or {@code function}'s role, is backing off), null otherwise.
     */
    Outcome scaleOut(int key, int function, String role, long nowMicros);

    /**
     * The ENI a cold start has just made (one {@link Networking#eniUsableWhileCreating} model) is ready at {@code
     * atMicros}: Creating until then, InUse after.
     */
    void readyAt(HyperplaneEni eni, long atMicros);
}
