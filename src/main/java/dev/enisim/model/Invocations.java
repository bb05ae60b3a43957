package dev.enisim.model;

import java.util.Arrays;

/**
 * The admitted invocations in flight, one row of a shared {@code long[]} per slot (4 longs: what each one's end
 * gives back: its function, its ports on the ENI of a row of the fleet's ports table, its environment's ENI row and
 * key, the configuration generation it was made for, whether it is provisioned, and when it was made; and a fifth
 * that nothing reads, for the look ahead's stores: {@link #touch}), so that an invocation's start and end write and
 * read one row rather than a column per field. An invocation's end is a
 * plain event ({@link SimEvent#INVOCATION_END}) whose payload is its function and its slot ({@link #end}): no
 * object, so that an invocation allocates nothing. Slots are reused last-freed first.
 */
final class Invocations {

    private static final int STRIDE = 5;
    /** Longs before the first slot: one, the spare before it. */
    private static final int FIRST = 1;
    private static final int SPARE = 4;
    // function|portsRow, connections|envRow, envKey|generation*2+prov, created, spare
    private long[] row = new long[FIRST + 16 * STRIDE];
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
        int b = base(s);
        long[] r = row;
        r[b] = pair(fn, portsRow);
        r[b + 1] = pair(ports, envRow);
        r[b + 2] = pair(key, gen * 2 + (prov ? 1 : 0));
        r[b + 3] = envCreatedMicros;
        return s;
    }

    private static int base(int s) {
        return FIRST + s * STRIDE;
    }

    /**
     * Stores to the spare long just before slot {@code s}'s four and to its own just after them: a look ahead that
     * fetches the slot's lines before its end is handled (the array is not aligned to lines, so which lines those are
     * is not known; but the four longs share their lines with one spare or the other). A store, not a load: one
     * that misses waits in the store buffer, not at the reorder buffer's head. Changes nothing the model reads.
     */
    void touch(int s) {
        long[] r = row;
        int b = base(s);
        r[b - 1] = -1;
        r[b + SPARE] = -1;
    }

    /** The long at {@code offset} of the slots' array (tests: the spares). */
    long longAt(int offset) {
        return row[offset];
    }

    /** Where slot {@code s}'s longs begin in the array (tests). */
    static int offset(int s) {
        return base(s);
    }

    /** Frees the slot (after its end was handled). */
    void finish(int s) {
        free[freeCount++] = s;
    }

    /** The row of the ENI holding the invocation's own ports, -1 for none. */
    int portsRow(int s) {
        return (int) row[base(s)];
    }

    int connections(int s) {
        return (int) (row[base(s) + 1] >> 32);
    }

    /** The row of the ENI holding the environment's connections, -1 for none. */
    int envRow(int s) {
        return (int) row[base(s) + 1];
    }

    int envKey(int s) {
        return (int) (row[base(s) + 2] >> 32);
    }

    int generation(int s) {
        return ((int) row[base(s) + 2]) >>> 1;
    }

    boolean provisioned(int s) {
        return (row[base(s) + 2] & 1) != 0;
    }

    long envCreatedMicros(int s) {
        return row[base(s) + 3];
    }

    private void grow() {
        int n = free.length * 2;
        row = Arrays.copyOf(row, FIRST + n * STRIDE);
        free = Arrays.copyOf(free, n);
    }
}
