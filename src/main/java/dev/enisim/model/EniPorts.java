package dev.enisim.model;

import java.util.Arrays;

/**
 * The ports of a fleet's ENIs, one row of a shared {@code int[]} per ENI (its connections, its capacity, its key
 * and whether it is in use), so that finding a port and giving it back reads one row of a dense array rather than
 * an ENI object per candidate. An ENI's row is its index in the fleet's creation order; {@link HyperplaneEni}
 * reads and changes its own row. A standalone ENI (tests) has a table of its own.
 */
final class EniPorts {

    private static final int CONNECTIONS = 0;
    private static final int CAPACITY = 1;
    private static final int KEY = 2;
    private static final int IN_USE = 3;
    private static final int STRIDE = 4;

    private int[] row = new int[16 * STRIDE];
    private int rows;

    /** A new ENI's row: no connections, not in use. */
    int add(int key, int capacity) {
        if ((rows + 1) * STRIDE > row.length) {
            row = Arrays.copyOf(row, row.length * 2);
        }
        int r = rows++;
        int b = r * STRIDE;
        row[b + CONNECTIONS] = 0;
        row[b + CAPACITY] = capacity;
        row[b + KEY] = key;
        row[b + IN_USE] = 0;
        return r;
    }

    /** Takes {@code n} ports of ENI {@code r} if it is in use and has room. */
    boolean tryAcquire(int r, int n) {
        int b = r * STRIDE;
        int[] a = row;
        if (a[b + IN_USE] == 0 || a[b + CONNECTIONS] + n > a[b + CAPACITY]) {
            return false;
        }
        a[b + CONNECTIONS] += n;
        return true;
    }

    /** Gives back {@code n} ports of ENI {@code r}; false (nothing changed) when it holds fewer. */
    boolean release(int r, int n) {
        int b = r * STRIDE;
        if (n > row[b + CONNECTIONS]) {
            return false;
        }
        row[b + CONNECTIONS] -= n;
        return true;
    }

    int connections(int r) {
        return row[r * STRIDE + CONNECTIONS];
    }

    int key(int r) {
        return row[r * STRIDE + KEY];
    }

    void setInUse(int r, boolean inUse) {
        row[r * STRIDE + IN_USE] = inUse ? 1 : 0;
    }
}
