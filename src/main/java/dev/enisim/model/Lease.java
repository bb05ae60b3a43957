package dev.enisim.model;


/**
 * The execution environment an invocation being admitted runs in: its key and the ENI holding its persistent
 * connections (or its legacy slot), whether it was warm (and provisioned), and the init time a cold start adds.
 * One instance per world, reused for every admission: the hot path allocates nothing but the completion event.
 */
final class Lease {
    int key;
    HyperplaneEni eni;
    boolean warm;
    boolean provisioned;
    long initMicros;

    void clear() {
        key = -1;
        eni = null;
        warm = false;
        provisioned = false;
        initMicros = 0;
    }
}
