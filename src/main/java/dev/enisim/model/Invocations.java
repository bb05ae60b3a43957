package dev.enisim.model;

import java.util.Arrays;

/**
 * The admitted invocations in flight, one row of a shared {@code long[]} per slot (4 longs: what each one's end
 * gives back: its function, its ports on the ENI of a row of the fleet's ports table, its environment's ENI row and
 * key, the configuration generation it was made for, whether it is provisioned, and when it was made), so that an
 * invocation's start and end write and read one row rather than a column per field. An invocation's end is a
 * plain event ({@link SimEvent#INVOCATION_END}) whose payload is its function and its slot ({@link #end}): no
 * object, so that an invocation allocates nothing. Slots are reused last-freed first.
 */
final class Invocations {

    private static final int STRIDE = 4;
    private long[] row = new long[16 * STRIDE]; // function|portsRow, connections|envRow, envKey|generation*2+prov, created
    private int[] free = new int[16];   // a stack of free slots below size
    private int freeCount;
    private int size;                   // slots ever used

    private static long pair(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFF_FFFFL);
    }

    /** The payload of the plain event that ends the invocation of function {@code fn} in slot {@code slot}. */
    static long end(int fn, int slot) {
        return pair(fn, slot);
    }

    /** The function of an end's payload ({@link #end}). */
    static int function(long end) {
        return (int) (end >>> 32);
    }

    /** The slot of an end's payload ({@link #end}). */
    static int slot(long end) {
        return (int) end;
    }

    /**
     * Takes a slot for an admitted invocation and returns it; {@code portsRow} and {@code envRow} are rows of the
     * fleet's ports table, -1 for none.
     */
    int start(int fn, int portsRow, int ports, int envRow, int key, int gen, boolean prov,
            long envCreatedMicros) {
        int s;
        if (freeCount > 0) {
            s = free[--freeCount];
        } else {
            if (size == free.length) {
                grow();
            }
            s = size++;
        }
        int b = s * STRIDE;
        long[] r = row;
        r[b] = pair(fn, portsRow);
        r[b + 1] = pair(ports, envRow);
        r[b + 2] = pair(key, gen * 2 + (prov ? 1 : 0));
        r[b + 3] = envCreatedMicros;
        return s;
    }

    /**
     * Reads slot {@code s}'s row (its first and last longs: it may straddle two lines) and returns them folded
     * together: a look ahead that fetches the row before the slot's end is handled.
     */
    long touch(int s) {
        long[] r = row;
        return r[s * STRIDE] ^ r[s * STRIDE + STRIDE - 1];
    }

    /** The slots ever used: the most invocations in flight at once so far (slots are reused before new ones). */
    int slotsUsed() {
        return size;
    }

    /** Frees the slot (after its end was handled). */
    void finish(int s) {
        free[freeCount++] = s;
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
        int n = free.length * 2;
        row = Arrays.copyOf(row, n * STRIDE);
        free = Arrays.copyOf(free, n);
    }
}
