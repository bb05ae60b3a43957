package dev.enisim.model;


/**
 * The execution environment an invocation being admitted runs in: its key and the ENI holding its persistent
 * connections (or its legacy slot), whether it was warm (and provisioned), and the init time a cold start adds.
 * One instance per world, reused for every admission: the hot path allocates nothing but the completion event.
 */
final class Lease {
    /** An environment holding no ENI's ports ({@link Environments#NO_ENI} is this). */
    static final int NO_ENI = -1;

    int key;
    /** The row of the ENI holding the environment's connections in the fleet's ports table, or {@link Environments#NO_ENI}. */
    int eni;
    boolean warm;
    boolean provisioned;
    long initMicros;
    /**
     * The part of {@link #initMicros} that is the platform's wait, not the function's init (a legacy ENI's attach):
     * in the cold start's latency, not billed as INIT.
     */
    long unbilledInitMicros;
    /** When the environment was made (its cold start). */
    long createdMicros;

    void clear() {
        key = -1;
        eni = NO_ENI;
        warm = false;
        provisioned = false;
        initMicros = 0;
        unbilledInitMicros = 0;
        createdMicros = 0;
    }
}
