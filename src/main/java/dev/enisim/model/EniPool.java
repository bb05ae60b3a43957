package dev.enisim.model;

import dev.enisim.model.eni.EniKey;
import dev.enisim.model.eni.EniState;
import java.util.ArrayList;
import java.util.List;

/**
 * The ENIs of one key (VPC + subnet + security-group set), shared by every function and version that uses the
 * key. It tracks who uses the key and the functions waiting for its first ENI, and finds an ENI with free ports
 * for a connection (first fit, in creation order). Its connections and its first ENIs' rows are its row of the
 * ports table ({@link EniPorts}: the hot path reads that row, not this object). Why a scale-out failed, and the
 * back-off, are the fleet's.
 */
final class EniPool {

    private final int key;
    private final int capacity;
    private final EniKey eniKey;
    private final int subnet;
    private final int vpc;
    private final List<HyperplaneEni> enis = new ArrayList<>();
    private int[] rows = new int[4];      // the same ENIs' rows in their ports table, in creation order
    private final EniPorts ports;         // the table of the key's row and its ENIs' ports (the fleet's)
    private final int keyRow;             // its row in that table
    private boolean mixedTables;          // an ENI of another table was added (a standalone pool, or a broken state)
    private int users;
    private String lastReleasingRole;
    private int creating;
    private int[] waiters = new int[4];
    private int waiterCount;

    /** A standalone key (tests): its row in a table of its own. */
    EniPool(int key, EniKey eniKey, int subnet, int vpc, int capacity) {
        this(key, eniKey, subnet, vpc, capacity, new EniPorts());
    }

    /** A key of a fleet: its row the next of the fleet's ports table (its index there is {@code key}'s). */
    EniPool(int key, EniKey eniKey, int subnet, int vpc, int capacity, EniPorts ports) {
        this.ports = ports;
        this.keyRow = ports.addKey();
        this.capacity = capacity;
        this.key = key;
        this.eniKey = eniKey;
        this.subnet = subnet;
        this.vpc = vpc;
    }

    public int key() {
        return key;
    }

    /** What the key's ENIs are sized from: ports each (Hyperplane), the function's memory (legacy: see Networking.nthEniCapacity). */
    public int capacity() {
        return capacity;
    }

    public EniKey eniKey() {
        return eniKey;
    }

    public int subnet() {
        return subnet;
    }

    public int vpc() {
        return vpc;
    }

    /** Live ENIs of the key (not yet deleted), in creation order. Do not modify. */
    public List<HyperplaneEni> enis() {
        return enis;
    }

    public int users() {
        return users;
    }

    public void addUser() {
        users++;
    }

    /** A user leaves; {@code role} is the role Lambda will use to delete the key's ENIs if it was the last. */
    public void removeUser(String role) {
        if (users <= 0) {
            throw new IllegalStateException("key " + eniKey + ": removing a user it does not have");
        }
        users--;
        lastReleasingRole = role;
    }

    /** The role of the user that left last. */
    public String lastReleasingRole() {
        return lastReleasingRole;
    }

    /** ENIs of the key that are being created. */
    public int creating() {
        return creating;
    }

    public boolean hasInUse() {
        return firstInUse() != null;
    }

    /** The first ready ENI of the key, or null. */
    public HyperplaneEni firstInUse() {
        for (int i = 0, n = enis.size(); i < n; i++) {
            if (enis.get(i).state() == EniState.InUse) {
                return enis.get(i);
            }
        }
        return null;
    }

    /** Connections held on the key's ENIs now. */
    public int connections() {
        return ports.keyConnections(keyRow);
    }

    public void added(HyperplaneEni eni) {
        if (ports != eni.ports()) {
            mixedTables = true;
        }
        if (enis.size() == rows.length) {
            rows = java.util.Arrays.copyOf(rows, rows.length * 2);
        }
        rows[enis.size()] = eni.row();
        enis.add(eni);
        creating++;
        ports.keyEnis(keyRow, rows, enis.size(), mixedTables);
    }

    public void becameReady(HyperplaneEni eni) {
        creating--;
    }

    public void removed(HyperplaneEni eni) {
        int at = enis.indexOf(eni);
        if (at < 0) {
            throw new IllegalStateException("key " + eniKey + ": " + eni.name() + " is not in its pool");
        }
        enis.remove(at);
        System.arraycopy(rows, at + 1, rows, at, enis.size() - at);
        ports.keyEnis(keyRow, rows, enis.size(), mixedTables);
        if (eni.state() == EniState.Creating) {
            creating--;
        }
    }

    /** The first in-use ENI with {@code n} free ports, with the ports taken; null when none has room. */
    public HyperplaneEni acquire(int n) {
        for (int i = 0, size = enis.size(); i < size; i++) {
            HyperplaneEni eni = enis.get(i);
            if (eni.tryAcquire(n)) {
                ports.addKeyConnections(keyRow, n);
                return eni;
            }
        }
        return null;
    }

    /**
     * The same as {@link #acquire} on the ports table's rows, after its key row's first {@code from} ENIs had no
     * room ({@link EniPorts#acquireKey}): the row of the first in-use ENI from the {@code from}-th on with {@code n}
     * free ports, with the ports taken; -1 when none has room.
     */
    int acquireRow(int from, int n) {
        if (mixedTables) {
            throw new IllegalStateException("key " + eniKey + ": its ENIs' ports are in several tables");
        }
        int[] rs = rows;
        for (int i = from, size = enis.size(); i < size; i++) {
            if (ports.tryAcquire(rs[i], n)) {
                ports.addKeyConnections(keyRow, n);
                return rs[i];
            }
        }
        return -1;
    }

    public void release(HyperplaneEni eni, int n) {
        eni.release(n);
        ports.addKeyConnections(keyRow, -n);
    }

    /** A function waits for this key's ENI being created. */
    public void addWaiter(int function) {
        if (waiterCount == waiters.length) {
            waiters = java.util.Arrays.copyOf(waiters, waiterCount * 2);
        }
        waiters[waiterCount++] = function;
    }

    /** The functions waiting for this key, in the order they came; the list is emptied. */
    public int[] takeWaiters() {
        int[] out = java.util.Arrays.copyOf(waiters, waiterCount);
        waiterCount = 0;
        return out;
    }

    public void checkInvariants() {
        int sum = 0;
        int c = 0;
        for (HyperplaneEni eni : enis) {
            eni.checkInvariants();
            sum += eni.connections();
            if (eni.state() == EniState.Creating) {
                c++;
            }
            if (eni.key() != key) {
                throw new IllegalStateException(eni.name() + " of key " + eni.key() + " in pool of key " + key);
            }
        }
        if (sum != connections()) {
            throw new IllegalStateException("key " + eniKey + ": pool counts " + connections()
                    + " connections, its ENIs " + sum);
        }
        if (!mixedTables) {
            if (ports.keyEniCount(keyRow) != enis.size()) {
                throw new IllegalStateException("key " + eniKey + ": its row counts " + ports.keyEniCount(keyRow)
                        + " ENIs, its pool " + enis.size());
            }
            for (int i = 0; i < Math.min(enis.size(), EniPorts.INLINE); i++) {
                if (ports.keyEni(keyRow, i) != enis.get(i).row()) {
                    throw new IllegalStateException("key " + eniKey + ": its row's ENI " + i + " is row "
                            + ports.keyEni(keyRow, i) + ", its pool's " + enis.get(i).name() + " row "
                            + enis.get(i).row());
                }
            }
        }
        if (c != creating) {
            throw new IllegalStateException("key " + eniKey + ": pool counts " + creating + " creating, found " + c);
        }
    }
}
