package dev.enisim.model;

import dev.enisim.model.SimEvent.InvocationEnd;
import java.util.Arrays;

/**
 * The admitted invocations in flight, one row of a shared {@code long[]} per slot (4 longs: what each one's end
 * gives back: its function, its ports on the ENI of a row of the fleet's ports table, its environment's ENI row and
 * key, the configuration generation it was made for, whether it is provisioned, and when it was made), so that an
 * invocation's start and end write and read one row rather than a column per field. A slot's {@link
 * InvocationEnd} is made once, when the table first grows to it, and scheduled again each time the slot is reused:
 * in steady state an invocation allocates nothing. Slots are reused last-freed first.
 */
final class Invocations {

    private static final int STRIDE = 4;
    private long[] row = new long[16 * STRIDE]; // function|portsRow, connections|envRow, envKey|generation*2+prov, created
    private InvocationEnd[] ends = new InvocationEnd[16];
    private int[] free = new int[16];   // a stack of free slots below size
    private int freeCount;
    private int size;                   // slots ever used

    private static long pair(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFF_FFFFL);
    }

    /**
     * Takes a slot for an admitted invocation and returns the event that ends it; {@code portsRow} and {@code
     * envRow} are rows of the fleet's ports table, -1 for none.
     */
    InvocationEnd start(int fn, int portsRow, int ports, int envRow, int key, int gen, boolean prov,
            long envCreatedMicros) {
        int s;
        if (freeCount > 0) {
            s = free[--freeCount];
        } else {
            if (size == ends.length) {
                grow();
            }
            s = size++;
            ends[s] = new InvocationEnd(s);
        }
        int b = s * STRIDE;
        long[] r = row;
        r[b] = pair(fn, portsRow);
        r[b + 1] = pair(ports, envRow);
        r[b + 2] = pair(key, gen * 2 + (prov ? 1 : 0));
        r[b + 3] = envCreatedMicros;
        return ends[s];
    }

    /** Frees the slot (after its end was handled). */
    void finish(int s) {
        free[freeCount++] = s;
    }

    int function(int s) {
        return (int) (row[s * STRIDE] >> 32);
    }

    /** The row of the ENI holding the invocation's own ports, -1 for none. */
    int portsRow(int s) {
        return (int) row[s * STRIDE];
    }

    int connections(int s) {
        return (int) (row[s * STRIDE + 1] >> 32);
    }

    /** The row of the ENI holding the environment's connections, -1 for none. */
    int envRow(int s) {
        return (int) row[s * STRIDE + 1];
    }

    int envKey(int s) {
        return (int) (row[s * STRIDE + 2] >> 32);
    }

    int generation(int s) {
        return ((int) row[s * STRIDE + 2]) >>> 1;
    }

    boolean provisioned(int s) {
        return (row[s * STRIDE + 2] & 1) != 0;
    }

    long envCreatedMicros(int s) {
        return row[s * STRIDE + 3];
    }

    private void grow() {
        int n = ends.length * 2;
        row = Arrays.copyOf(row, n * STRIDE);
        ends = Arrays.copyOf(ends, n);
        free = Arrays.copyOf(free, n);
    }
}
