package dev.enisim.model;

import dev.enisim.model.SimEvent.AttachDone;
import dev.enisim.model.SimEvent.EniDeletionDone;
import dev.enisim.model.SimEvent.EniReady;
import dev.enisim.model.WorldSettings.EniTimings.Timing;
import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniKey;
import dev.enisim.model.eni.EniState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.LongSupplier;

/**
 * Owns the Hyperplane ENIs: one {@link EniPool} per key, creation (IP + quota slot taken at once, ready after
 * a sampled delay), scale-out when a key's ports run out, deletion once a key has no user left (IP and slot
 * freed only when deletion finishes), and orphaning when the releasing role has lost its permissions.
 */
final class EniFleet implements KeyPorts {

    /**
     * Deletions waiting for in-flight connections to drain, by the ENI's row: each finishes at the instant the last
     * connection on its ENI ends ({@link #releasePorts}), not on a poll.
     */
    private final Map<Integer, EniDeletionDone> draining = new HashMap<>();

    private final WorldSettings settings;
    private final Networking networking;
    private final Network network;
    private final Port port;
    private final WorldListener listener;
    private final boolean reuseDeleting; // hyperplane.reuseDeletingEni [assumed]
    private final Map<EniKey, Integer> keyIndex = new LinkedHashMap<>();
    private final Map<Resolution, Binding> resolved = new HashMap<>(); // shared keys' VpcConfigs resolved so far
    private final Map<EniKey, Integer> enisAtStart = new HashMap<>(); // keys scaled out before the run: their ENIs
    final List<EniPool> pools = new ArrayList<>();
    final List<HyperplaneEni> all = new ArrayList<>();
    /** The ports of every ENI the fleet made, in creation order. */
    private final EniPorts ports = new EniPorts();
    private HyperplaneEni[] byRow = new HyperplaneEni[16]; // the ENI of each row
    final List<HyperplaneEni> orphans = new ArrayList<>();
    private final Set<String> deniedRoles = new HashSet<>();
    private final EniBackOffs backOffs;
    private ScaleOutLimit[] refusedBy = new ScaleOutLimit[8]; // per key: the limit behind its last refusal, if one was
    /** Per key: the Region count of its account, which its ENIs are charged to (an array read on the hot path). */
    private RegionEnis[] keyRegion = new RegionEnis[8];
    /** The ENI quota each key's ENIs count against: its VPC's, or its account's copy of it ({@code eniQuotaCountedPer}). */
    private EniQuota[] keyQuota = new EniQuota[8];
    /** Per key, its samplers of the ENI timings (at 3 key + the timing's ordinal), each made at its first draw. */
    private LongSupplier[] timings = new LongSupplier[3 * 8];
    private ScaleOutLimit limit; // the limit behind tryCreate's last refusal (SUBNET_OUT_OF_IPS, ENI_LIMIT)
    private EniBackOffs.BackOff heldBy; // the back-off that answered the last attach, null when that attach tried

    EniFleet(WorldSettings settings, Network network, Port port, WorldListener listener) {
        this.settings = settings;
        this.networking = settings.networking();
        this.network = network;
        this.port = port;
        this.listener = listener;
        this.reuseDeleting = settings.reuseDeletingEni();
        this.backOffs = new EniBackOffs(settings.eniRetryBackoffMicros(), settings.eniRetryBackoffPerKey());
    }

    // ---- keys -------------------------------------------------------------------------------------------

    /**
     * Resolves a function's VpcConfig to keys: shared keys or the function's own, as the network model says.
     * Subnets in several VPCs give InvalidSubnet, a security group of another VPC InvalidSecurityGroup (as Lambda
     * reports them); ids unknown to the scenario are a bug of the caller.
     */
    Binding resolveFor(String function, int memoryMb, SimEvent.VpcConfig vpcConfig) {
        return resolveFor(function, "", memoryMb, vpcConfig);
    }

    /** The same for a function of {@code account} (its keys are its account's: "" for the only account). */
    Binding resolveFor(String function, String account, int memoryMb, SimEvent.VpcConfig vpcConfig) {
        return resolve(vpcConfig, networking.keyOwner(function), account,
                networking.eniCapacity(memoryMb, settings.connectionsPerEni()));
    }

    private Binding resolve(SimEvent.VpcConfig config, String owner, String account, int capacity) {
        if (config.subnets().isEmpty()) {
            return Binding.NONE;
        }
        if (!owner.isEmpty()) { // a legacy key: the function's own, not shared: nothing to keep
            return resolveNew(config, owner, account, capacity);
        }
        Resolution r = new Resolution(config, account);
        Binding b = resolved.get(r);
        if (b == null) {
            b = resolveNew(config, owner, account, capacity);
            resolved.put(r, b);
        }
        return b.copy();
    }

    /**
     * A shared VpcConfig resolved before gives the same binding: its keys were made then, and a key's index never
     * changes (the capacity of a new pool is the only thing {@link #key} takes from the function).
     */
    private record Resolution(SimEvent.VpcConfig config, String account) {
    }

    private Binding resolveNew(SimEvent.VpcConfig config, String owner, String account, int capacity) {
        List<String> subnetIds = new ArrayList<>();
        for (int s : config.subnets()) {
            subnetIds.add(network.subnets.get(s).id());
        }
        List<String> groupIds = new ArrayList<>();
        for (int g : config.securityGroups()) {
            groupIds.add(network.groups.get(g));
        }
        int vpc = network.subnets.get(config.subnets().get(0)).vpc();
        for (int s : config.subnets()) {
            if (network.subnets.get(s).vpc() != vpc) {
                return new Binding(subnetIds, groupIds, new int[0], new int[0][], EniFailure.INVALID_SUBNET.reason());
            }
        }
        for (int g : config.securityGroups()) {
            if (network.groupVpc(g) != vpc) {
                return new Binding(subnetIds, groupIds, new int[0], new int[0][],
                        EniFailure.INVALID_SECURITY_GROUP.reason());
            }
        }
        List<Integer> keys = new ArrayList<>();
        Map<String, List<Integer>> byAz = new LinkedHashMap<>();
        for (int s : config.subnets()) {
            IpPool subnet = network.subnets.get(s);
            int k = key(new EniKey(network.vpcs.get(vpc).id(), subnet.id(), groupIds, owner, account), s, vpc,
                    capacity);
            if (!keys.contains(k)) {
                keys.add(k);
                byAz.computeIfAbsent(subnet.az(), a -> new ArrayList<>()).add(k);
            }
        }
        int[][] grouped = byAz.values().stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
        return new Binding(subnetIds, groupIds, keys.stream().mapToInt(Integer::intValue).toArray(), grouped, null);
    }

    private int key(EniKey key, int subnet, int vpc, int capacity) {
        Integer k = keyIndex.get(key);
        if (k == null) {
            k = pools.size();
            pools.add(new EniPool(k, key, subnet, vpc, capacity, ports));
            if (k == refusedBy.length) {
                refusedBy = Arrays.copyOf(refusedBy, 2 * k);
                keyRegion = Arrays.copyOf(keyRegion, 2 * k);
                keyQuota = Arrays.copyOf(keyQuota, 2 * k);
            }
            keyRegion[k] = network.regionOf(key.account());
            keyQuota[k] = network.quotaOf(vpc, key.account());
            keyIndex.put(key, k);
        }
        return k;
    }

    /**
     * One more function or version uses the binding's keys. ENIs being deleted (their key had no user left) are taken
     * back, their deletion cancelled, when {@code hyperplane.reuseDeletingEni} says so (the default) [assumed]; else
     * they finish deleting and the key gets a new ENI ({@link #attach}). An ENI taken back is said among the actions
     * (before its return to InUse: "Deletion of eni-N cancelled: {@code user} took it back"). An ENI whose key lost
     * its users while it was being created is kept (whatever that setting says: its deletion has not started), and
     * counted as taken back too. Returns the ENIs taken back, each with the time its deletion was requested (or its
     * key released), empty, and nothing allocated, when none was.
     */
    List<Cancelled> addUsers(Binding b, String user, long now) {
        List<Cancelled> cancelled = List.of();
        for (int key : b.keys()) {
            EniPool pool = pools.get(key);
            pool.addUser();
            if (pool.users() == 1) {
                for (HyperplaneEni eni : pool.enis()) {
                    if (eni.state() == EniState.Creating && eni.releasedWhileCreatingMicros() >= 0) {
                        // released while being created, its deletion not started yet: it simply stays
                        if (cancelled.isEmpty()) {
                            cancelled = new ArrayList<>();
                        }
                        cancelled.add(new Cancelled(eni.ref(), eni.releasedWhileCreatingMicros()));
                        eni.releasedWhileCreating(-1);
                    } else if (eni.state() == EniState.Deleting && reuseDeleting) {
                        long requested = eni.deletionRequestedMicros();
                        EniId id = eni.ref();
                        listener.controlAction("Deletion of " + id.name() + " cancelled: " + user + " took it back ("
                                + id.keyLabel() + " " + id.address() + ", deletion requested " + Spans.of(now
                                - requested) + " before; it keeps its IP and quota slot: hyperplane.reuseDeletingEni)",
                                now);
                        transition(eni, EniState.InUse, now);
                        if (cancelled.isEmpty()) {
                            cancelled = new ArrayList<>();
                        }
                        // the teardown it belongs to: the one that released it, if it was still being created then
                        long released = eni.releasedWhileCreatingMicros();
                        cancelled.add(new Cancelled(eni.ref(), released >= 0 ? released : requested));
                        eni.releasedWhileCreating(-1);
                    }
                }
            }
        }
        return cancelled;
    }

    /**
     * An ENI whose deletion, requested at {@code requestedMicros} (or owed since its key was released then, while it
     * was being created), was cancelled: a new user took it back.
     */
    record Cancelled(EniId eni, long requestedMicros) {
    }

    /** Whether a new user of a key takes back its ENIs being deleted ({@code hyperplane.reuseDeletingEni}). */
    boolean reusesDeletingEnis() {
        return reuseDeleting;
    }

    /**
     * One function or version stops using the binding's keys; a key left without users has its ENIs deleted: those
     * in use at once, those still being created once they are ready ({@link #ready}). Returns the ENIs this releases:
     * a teardown waits for each of them.
     */
    List<EniId> removeUsers(Binding b, String role, long now) {
        List<EniId> deleting = new ArrayList<>();
        for (int key : b.keys()) {
            EniPool pool = pools.get(key);
            pool.removeUser(role);
            if (pool.users() == 0) {
                for (HyperplaneEni eni : List.copyOf(pool.enis())) {
                    if (eni.state() == EniState.InUse) {
                        startDeletion(eni, now);
                        deleting.add(eni.ref());
                    } else if (eni.state() == EniState.Creating) {
                        eni.releasedWhileCreating(now); // deleted when ready, unless a user comes back first
                        deleting.add(eni.ref());
                    }
                }
            }
        }
        return deleting;
    }

    /**
     * The keys among {@code own} (the references a leaving function holds: a key once per binding) that other
     * functions or versions still use and that have an ENI in service: those ENIs stay when it goes. Labels, in
     * order of first reference.
     */
    List<String> keptByOthers(List<int[]> own) {
        java.util.Map<Integer, Integer> count = new java.util.LinkedHashMap<>();
        for (int[] keys : own) {
            for (int k : keys) {
                count.merge(k, 1, Integer::sum);
            }
        }
        List<String> kept = new ArrayList<>();
        count.forEach((k, n) -> {
            EniPool pool = pools.get(k);
            if (pool.users() > n && pool.hasInUse()) {
                kept.add(pool.eniKey().label());
            }
        });
        return kept;
    }

    /**
     * Lambda deletes an ENI nobody uses any more, with the releasing role's EC2 permissions. A role that lacks them
     * already makes the deletion fail at once: the ENI goes straight to Orphaned (no Deleting phase: Lambda never
     * frees its IP and quota slot), or, while invocations that started before the release still hold connections on
     * it, is Deleting only until the last of them ends (no deletion delay), orphaned then. A role that loses them
     * while the deletion runs orphans the ENI when the deletion ends ({@link #deletionDone}).
     */
    private void startDeletion(HyperplaneEni eni, long now) {
        boolean refused = deniedRoles.contains(pools.get(eni.key()).lastReleasingRole());
        if (refused && eni.connections() == 0) {
            pools.get(eni.key()).removed(eni);
            transition(eni, EniState.Orphaned, now);
            orphans.add(eni);
            return;
        }
        transition(eni, EniState.Deleting, now);
        EniDeletionDone done = new EniDeletionDone(eni, now, refused);
        if (refused) {
            draining.put(eni.row(), done); // orphaned when its last connection ends
        } else {
            port.schedule(now + draw(Timing.DELETE, eni.key()), SimEvent.PRIORITY_ENI, done);
        }
    }

    /**
     * A draw of {@code timing} for an ENI of {@code key}, from the key's own sampler (made from the key's identity the
     * first time: {@link WorldSettings.EniTimings}), so that other keys' ENIs never move its draws.
     */
    private long draw(Timing timing, int key) {
        int i = 3 * key + timing.ordinal();
        if (i >= timings.length) {
            timings = Arrays.copyOf(timings, Math.max(2 * timings.length, i + 3));
        }
        LongSupplier s = timings[i];
        if (s == null) {
            s = settings.eniTimings().sampler(timing, pools.get(key).eniKey());
            timings[i] = s;
        }
        return s.getAsLong();
    }

    /**
     * Attaches a waiting function to a key: at once-ish if the key has a ready ENI, when the ENI being created
     * is ready, or by creating one. Returns why that was impossible, or null; {@link #heldBy} then says whether it was
     * a back-off that refused it.
     */
    EniFailure attach(int function, int key, String role, long now) {
        EniPool pool = pools.get(key);
        heldBy = null;
        if (pool.hasInUse()) {
            listener.eniShared(function, pool.firstInUse().ref(), now);
            port.schedule(now + draw(Timing.ATTACH_EXISTING, key), SimEvent.PRIORITY_ENI,
                    new AttachDone(function, key));
            return null;
        }
        if (pool.creating() == 0) {
            EniBackOffs.BackOff waiting = backOffs.holding(key, function, role, now);
            if (waiting != null) {
                heldBy = waiting;
                return waiting.why();
            }
            EniFailure why = create(pool, role, now);
            if (why != null) {
                backOffs.failed(key, function, role, why, limit, now);
                return why;
            }
        } else {
            for (HyperplaneEni e : pool.enis()) { // another attachment's ENI: this function will share it
                if (e.state() == EniState.Creating) {
                    listener.eniAwaited(function, e.ref(), now);
                    break;
                }
            }
        }
        pool.addWaiter(function);
        return null;
    }

    // ---- connections ------------------------------------------------------------------------------------

    /** The first ready ENI of {@code key} with {@code n} free ports, with the ports taken; null when none has room. */
    @Override
    public HyperplaneEni acquire(int key, int n, long now) {
        EniPool pool = pools.get(key);
        HyperplaneEni eni = pool.acquire(n);
        if (eni != null) {
            listener.connections(key, pool.connections(), now);
        }
        return eni;
    }

    /**
     * The same as {@link #acquire}, by rows of the ports table: the row of the ENI whose ports were taken, or -1
     * (the hot path: the key's row and its ENIs' rows are read, no object; the key's pool only when its first
     * {@link EniPorts#INLINE} ENIs are full).
     */
    int acquireRow(int key, int n, long now) {
        EniPorts p = ports;
        int row = p.acquireKey(key, n);
        if (row == EniPorts.MORE) {
            row = pools.get(key).acquireRow(EniPorts.INLINE, n);
        }
        if (row >= 0) {
            listener.connections(key, p.keyConnections(key), now);
        }
        return row;
    }

    /** Gives back {@code n} ports of the ENI of {@code row}. */
    void releaseRow(int row, int n, long now) {
        int key = ports.key(row);
        listener.connections(key, releasePorts(row, key, n, now), now);
    }

    /**
     * Gives back {@code n} ports of the ENI of {@code row}, of key {@code key} (checked), without reporting them:
     * returns the connections left on the key's ENIs, which the caller reports ({@link WorldListener#connections}).
     * The key's row is read beside the ENI's, not after it (an invocation's end: its slot holds its environment's
     * key). The last connection off an ENI whose deletion waits for it to drain finishes that deletion now (an
     * event at {@code now}, after the caller's).
     */
    int releasePorts(int row, int key, int n, long now) {
        EniPorts p = ports;
        int connections = p.releaseKey(row, key, n);
        if (connections < 0) {
            throw new IllegalStateException(byRow[row].name() + ": releasing " + n + " connections of "
                    + p.connections(row) + " of key " + key + " (its key: " + p.key(row) + ")");
        }
        if (!draining.isEmpty() && p.connections(row) == 0) {
            EniDeletionDone done = draining.remove(row);
            if (done != null) {
                port.schedule(now, SimEvent.PRIORITY_ENI, done);
            }
        }
        return connections;
    }

    /**
     * A key's ENIs have no free port for a request. If another ENI is on its way the request just fails to
     * connect (null: the caller counts a function error), or gets ENINotReadyException when the network model says
     * so. Otherwise Lambda creates one; if it cannot (no IP,
     * quota, permissions) the invocation fails with the matching 502 error, and so does every request to the
     * key until the back-off has passed (every request of the role, for permissions; of the function, under
     * {@code hyperplane.eniRetryBackoffScope: function}).
     */
    @Override
    public Outcome scaleOut(int key, int function, String role, long now) {
        EniPool pool = pools.get(key);
        if (pool.creating() > 0 && !networking.eniUsableWhileCreating()) {
            return networking.whileScalingOut();
        }
        EniBackOffs.BackOff waiting = backOffs.holding(key, function, role, now);
        if (waiting != null) {
            refusedBy[key] = waiting.limit();
            return waiting.why().invokeError();
        }
        EniFailure why = create(pool, role, now);
        if (why == null) {
            return pool.creating() > 0 ? networking.whileScalingOut() : null;
        }
        if (why != EniFailure.EC2_THROTTLED) { // a throttled call is retried as soon as the bucket has a token
            refusedBy[key] = backOffs.failed(key, function, role, why, limit, now).limit();
        }
        return why.invokeError();
    }

    /**
     * A function was deleted: its own back-offs (scope {@code function}) go with it, as AWS's way out of a failed
     * creation is to delete the function and create it again.
     */
    void deleted(int function) {
        backOffs.deleted(function);
    }

    /**
     * The back-off that refused the last {@link #attach}, or null when that attach tried (and succeeded, or failed
     * now): a function that starts using a key while it backs off fails for the reason of an earlier failure.
     */
    EniBackOffs.BackOff heldBy() {
        return heldBy;
    }

    /**
     * What refused the key's last scale-out, when {@link #scaleOut} has just answered with a limit's Invoke error
     * (SubnetIPAddressLimitReachedException, ENILimitReachedException): a new try refused now, or one refused before
     * whose back-off still runs. The ENI key names its subnet and VPC.
     */
    ScaleOutLimit refusedBy(int key) {
        return refusedBy[key];
    }

    /** The Region count of the key's account (its ENIs count against that account's network interfaces). */
    RegionEnis region(int key) {
        return keyRegion[key];
    }

    /** The ENI quota the key's ENIs count against (its VPC's, or its account's copy of it). */
    EniQuota quota(int key) {
        return keyQuota[key];
    }

    /** The key's VPC, subnet and security groups. */
    EniKey eniKey(int key) {
        return pools.get(key).eniKey();
    }

    // ---- lifecycle ----------------------------------------------------------------------------------------

    /** The key's ready ENIs. */
    int enisInUse(int key) {
        int n = 0;
        for (HyperplaneEni eni : pools.get(key).enis()) {
            n += eni.state() == EniState.InUse ? 1 : 0;
        }
        return n;
    }

    /**
     * The key starts with {@code enis} in-use ENIs when an existing Active function uses it ({@code
     * vpcs[*].enisAtStart}: Hyperplane scaled it out before the run), not one.
     */
    void enisAtStart(EniKey key, int enis) {
        enisAtStart.put(key, enis);
    }

    /** The in-use ENIs the key has when the run starts, if an existing Active function uses it: 1 unless said. */
    int enisAtStart(int key) {
        return enisAtStart.isEmpty() ? 1 : enisAtStart.getOrDefault(pools.get(key).eniKey(), 1);
    }

    /**
     * Registers a new ENI for the key without waiting for it (an ENI that exists when the simulation starts: the
     * caller makes it ready at once with {@link #ready}); returns why it does not fit, or null.
     */
    EniFailure register(int key, String role, long now) {
        return tryCreate(pools.get(key), role, false, now); // it exists already: no EC2 call is made now
    }

    /** The newest ENI of {@code key} (the one {@link #register} just made). */
    HyperplaneEni newest(int key) {
        List<HyperplaneEni> enis = pools.get(key).enis();
        return enis.get(enis.size() - 1);
    }

    /**
     * Starts creating an ENI for the key: ready after a sampled delay, or, when the network model makes the cold
     * start that needs it wait for it, open to cold starts at once and ready when that cold start says ({@link
     * #readyAt}).
     */
    private EniFailure create(EniPool pool, String role, long now) {
        EniFailure why = tryCreate(pool, role, true, now);
        if (why != null) {
            return why;
        }
        HyperplaneEni eni = newest(pool.key());
        if (networking.eniUsableWhileCreating()) {
            eni.openWhileCreating();
            backOffs.created(pool.key()); // the key could make an ENI: its last failure is over
        } else {
            port.schedule(now + draw(Timing.CREATE, pool.key()), SimEvent.PRIORITY_ENI, new EniReady(eni));
        }
        return null;
    }

    /**
     * Takes an IP and a quota slot and registers a new (Creating) ENI for the key, or says why it cannot; {@code
     * callsEc2}: the creation is a CreateNetworkInterface call now (subject to the model's EC2 rate).
     */
    private EniFailure tryCreate(EniPool pool, String role, boolean callsEc2, long now) {
        if (deniedRoles.contains(role)) {
            return EniFailure.ROLE_PERMISSIONS;
        }
        IpPool subnet = network.subnets.get(pool.subnet());
        EniQuota vpc = keyQuota[pool.key()];
        if (subnet.availableIps() <= 0) {
            limit = ScaleOutLimit.SUBNET_IPS;
            return EniFailure.SUBNET_OUT_OF_IPS;
        }
        RegionEnis region = keyRegion[pool.key()];
        if (vpc.freeSlots() <= 0 || region.free() <= 0) {
            // the VPC's quota (shared with other services) or, the VPC having room, the key's account's Region quota
            limit = vpc.freeSlots() <= 0 ? ScaleOutLimit.VPC_ENI_QUOTA : ScaleOutLimit.REGION_NETWORK_INTERFACES;
            return EniFailure.ENI_LIMIT;
        }
        if (callsEc2 && !networking.mayCallEc2(now)) {
            return networking.ec2Refusal();
        }
        vpc.tryTakeEniSlot();
        region.tryTake();
        int ip = subnet.allocateIp();
        int id = all.size() + 1;
        HyperplaneEni eni = new HyperplaneEni(new EniId(id, EniId.name(id), pool.key(), pool.eniKey().label(),
                subnet.index(), subnet.vpc(), subnet.address(ip)), ip,
                networking.nthEniCapacity(pool.capacity(), pool.enis().size() + 1), now, ports);
        all.add(eni);
        if (eni.row() == byRow.length) {
            byRow = Arrays.copyOf(byRow, 2 * byRow.length);
        }
        byRow[eni.row()] = eni;
        pool.added(eni);
        listener.eniState(eni.ref(), null, EniState.Creating, now);
        listener.subnetIps(subnet.index(), subnet.availableIps(), now);
        return null;
    }

    @Override
    public void readyAt(HyperplaneEni eni, long atMicros) {
        eni.plannedReady(atMicros);
        port.schedule(atMicros, SimEvent.PRIORITY_ENI, new EniReady(eni));
    }

    /**
     * The ENI finished creating. Returns the functions that waited for its key (to be told by the lifecycle), none
     * when the key lost its users meanwhile (the ENI is deleted at once).
     */
    int[] ready(HyperplaneEni eni, long now) {
        EniPool pool = pools.get(eni.key());
        transition(eni, EniState.InUse, now);
        pool.becameReady(eni);
        if (networking.eniUsableWhileCreating()) {
            // the cold start that made it waited for it: nobody else does (and its key's block ended at creation)
            if (pool.users() == 0) {
                startDeletion(eni, now);
            }
            return NO_WAITERS;
        }
        backOffs.created(eni.key());
        if (pool.users() == 0) {
            startDeletion(eni, now); // its users left while it was being created
            return NO_WAITERS;
        }
        return pool.takeWaiters();
    }

    private static final int[] NO_WAITERS = new int[0];

    void deletionDone(EniDeletionDone done, long now) {
        HyperplaneEni eni = done.eni();
        if (eni.state() != EniState.Deleting || eni.deletionRequestedMicros() != done.requestedMicros()) {
            return; // the key got a user again before deletion finished: the ENI was kept
        }
        if (eni.connections() > 0) {
            // invocations that started before its key was released still use it: deleted when the last one ends
            draining.put(eni.row(), done);
            return;
        }
        EniPool pool = pools.get(eni.key());
        pool.removed(eni);
        if (done.refused() || deniedRoles.contains(pool.lastReleasingRole())) {
            transition(eni, EniState.Orphaned, now);
            orphans.add(eni);
        } else {
            free(eni, now);
        }
    }

    private void free(HyperplaneEni eni, long now) {
        transition(eni, EniState.Deleted, now);
        IpPool subnet = network.subnets.get(eni.subnet());
        subnet.releaseIp(eni.ipIndex());
        keyQuota[eni.key()].releaseEniSlot();
        keyRegion[eni.key()].release();
        listener.subnetIps(subnet.index(), subnet.availableIps(), now);
    }

    /** How many orphaned ENIs {@link #deleteOrphans} would delete. */
    int orphansIn(OptionalInt subnet) {
        int n = 0;
        for (HyperplaneEni eni : orphans) {
            if (deletable(eni, subnet)) {
                n++;
            }
        }
        return n;
    }

    /** An orphan of {@code subnet} (or of any, when empty). */
    private static boolean deletable(HyperplaneEni eni, OptionalInt subnet) {
        return subnet.isEmpty() || eni.subnet() == subnet.getAsInt();
    }

    /** Deletes orphaned ENIs by hand (those of {@code subnet}, or all: a negative subnet); returns how many. */
    int deleteOrphans(OptionalInt subnet, long now) {
        int n = 0;
        for (HyperplaneEni eni : List.copyOf(orphans)) {
            if (deletable(eni, subnet)) {
                orphans.remove(eni);
                free(eni, now);
                n++;
            }
        }
        return n;
    }

    void setRolePermissions(String role, boolean granted) {
        if (granted) {
            deniedRoles.remove(role);
        } else {
            deniedRoles.add(role);
        }
    }

    private void transition(HyperplaneEni eni, EniState next, long now) {
        EniState from = eni.state();
        eni.transition(next, now);
        listener.eniState(eni.ref(), from, next, now);
    }
}
