package dev.enisim.model;

import java.util.Arrays;

/**
 * The ports of a fleet's ENIs and keys. Each ENI is one row of a shared {@code int[]} (its connections, its
 * capacity, its key, whether it is in use and the most connections it has held at once); each key is one row of another (the connections held on its ENIs,
 * how many ENIs it has, and the rows of its first {@link #INLINE} ENIs in creation order), so that taking a port
 * reads the key's row and one ENI row, and giving it back the ENI's row and its key's: two dense arrays rather than
 * the key's objects and an ENI object per candidate. An ENI's row is its index in the fleet's creation order, a
 * key's row its index; {@link HyperplaneEni} and {@link EniPool} read and change their own rows. A standalone ENI or
 * key (tests) has a table of its own.
 */
final class EniPorts {

    private static final int CONNECTIONS = 0;
    private static final int CAPACITY = 1;
    private static final int KEY = 2;
    // whether it is in use (the low bit) and the most connections it has held at once above it (enis.csv,
    // summary.json): one int, so a row stays 16 bytes, four to a cache line (a fifth int for the peak cost
    // many-functions about a fifth of its speed at the fifty-sixth pass's end; capacities are at most 10,000,000)
    private static final int USE_PEAK = 3;
    private static final int STRIDE = 4;

    /** ENIs of a key whose rows its key row holds (the rest are the pool's: {@link EniPool#acquireRow}). */
    static final int INLINE = 6;
    /** {@link #acquireKey}: none of the key's ENIs has room. */
    static final int NONE = -1;
    /** {@link #acquireKey}: none of the key's first ENIs has room, and it has more (or ENIs of another table). */
    static final int MORE = -2;

    private static final int KEY_CONNECTIONS = 0;
    private static final int KEY_ENIS = 1;         // ENIs of the key; MIXED when one is of another table
    private static final int KEY_FIRST = 2;        // the first INLINE ENIs' rows
    private static final int KEY_STRIDE = 8;
    private static final int MIXED = -1;

    private int[] row = new int[16 * STRIDE];
    private int rows;
    private int[] keyRow = new int[4 * KEY_STRIDE];
    private int keys;

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
        row[b + USE_PEAK] = 0;
        return r;
    }

    /**
     * Takes {@code n} ports of ENI {@code r} if it is in use and has room, raising its peak when it passes it (every
     * port taken comes through here, so the peak is every level the ENI reached).
     */
    boolean tryAcquire(int r, int n) {
        int b = r * STRIDE;
        int[] a = row;
        int c = a[b + CONNECTIONS] + n;
        int usePeak = a[b + USE_PEAK];
        if ((usePeak & 1) == 0 || c > a[b + CAPACITY]) {
            return false;
        }
        a[b + CONNECTIONS] = c;
        if (c > usePeak >>> 1) {
            a[b + USE_PEAK] = c << 1 | 1;
        }
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

    /** The most connections ENI {@code r} has held at once. */
    int peak(int r) {
        return row[r * STRIDE + USE_PEAK] >>> 1;
    }

    void setInUse(int r, boolean inUse) {
        int b = r * STRIDE + USE_PEAK;
        row[b] = row[b] & ~1 | (inUse ? 1 : 0);
    }

    // ---- keys -----------------------------------------------------------------------------------------------

    /** A new key's row: no ENIs, no connections. Returns its index (the next). */
    int addKey() {
        if ((keys + 1) * KEY_STRIDE > keyRow.length) {
            keyRow = Arrays.copyOf(keyRow, keyRow.length * 2);
        }
        return keys++;
    }

    /** Connections held on key {@code k}'s ENIs. */
    int keyConnections(int k) {
        return keyRow[k * KEY_STRIDE + KEY_CONNECTIONS];
    }

    /** {@code n} connections more (or fewer: negative) on key {@code k}'s ENIs (taken or given back by row or object). */
    void addKeyConnections(int k, int n) {
        keyRow[k * KEY_STRIDE + KEY_CONNECTIONS] += n;
    }

    /**
     * Key {@code k}'s ENIs changed: {@code count} of them, their rows {@code enis} in creation order, or {@code
     * mixed} when one is of another table (then {@link #acquireKey} leaves the search to the pool).
     */
    void keyEnis(int k, int[] enis, int count, boolean mixed) {
        int b = k * KEY_STRIDE;
        keyRow[b + KEY_ENIS] = mixed ? MIXED : count;
        System.arraycopy(enis, 0, keyRow, b + KEY_FIRST, Math.min(count, INLINE));
    }

    /** ENIs of key {@code k} as its row counts them; -1 when one is of another table. */
    int keyEniCount(int k) {
        return keyRow[k * KEY_STRIDE + KEY_ENIS];
    }

    /** The row of key {@code k}'s {@code i}-th ENI as its row holds it ({@code i < INLINE}). */
    int keyEni(int k, int i) {
        return keyRow[k * KEY_STRIDE + KEY_FIRST + i];
    }

    /**
     * Takes {@code n} ports of the first of key {@code k}'s first {@link #INLINE} ENIs that is in use and has room:
     * its row; {@link #NONE} when the key has no other ENI, {@link #MORE} when its other ENIs are to be tried.
     */
    int acquireKey(int k, int n) {
        int[] kr = keyRow;
        int b = k * KEY_STRIDE;
        int count = kr[b + KEY_ENIS];
        if (count == MIXED) {
            return MORE;
        }
        for (int i = 0, m = Math.min(count, INLINE); i < m; i++) {
            int r = kr[b + KEY_FIRST + i];
            if (tryAcquire(r, n)) {
                kr[b + KEY_CONNECTIONS] += n;
                return r;
            }
        }
        return count > INLINE ? MORE : NONE;
    }

    /**
     * Gives back {@code n} ports of ENI {@code r} and its key's count: returns its key, or -1 (nothing changed) when
     * it holds fewer.
     */
    int releaseKey(int r, int n) {
        int k = key(r);
        return releaseKey(r, k, n) < 0 ? -1 : k;
    }

    /**
     * Gives back {@code n} ports of ENI {@code r} of key {@code k} and its key's count: returns the connections left
     * on the key's ENIs, or -1 (nothing changed) when the ENI holds fewer or is not {@code k}'s. The key's row is
     * read without waiting for the ENI's.
     */
    int releaseKey(int r, int k, int n) {
        int b = r * STRIDE;
        int[] a = row;
        int[] kr = keyRow;
        int kb = k * KEY_STRIDE + KEY_CONNECTIONS;
        int left = kr[kb] - n;
        if (n > a[b + CONNECTIONS] || a[b + KEY] != k) {
            return -1;
        }
        a[b + CONNECTIONS] -= n;
        kr[kb] = left;
        return left;
    }

    /** The key of ENI {@code r}. */
    int key(int r) {
        return row[r * STRIDE + KEY];
    }
}
