package dev.enisim.model;

import dev.enisim.model.SimEvent.AttachDone;
import dev.enisim.model.SimEvent.CreateFunction;
import dev.enisim.model.SimEvent.EniReady;
import dev.enisim.model.SimEvent.InvocationEnd;
import dev.enisim.model.eni.EniKey;
import dev.enisim.model.eni.EniPool;
import dev.enisim.model.eni.EniPool.Blocked;
import dev.enisim.model.eni.EniState;
import dev.enisim.model.eni.HyperplaneEni;
import dev.enisim.model.function.LambdaFunction;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.model.network.Subnet;
import dev.enisim.model.network.Vpc;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The Lambda/VPC world of one simulation. Built once (VPCs, subnets, security groups, functions), then driven
 * by events: {@link #handle} for the model's own events and {@link #invoke} for arrivals.
 *
 * <p>Capacity rules have one owner each: a {@link Subnet} owns its addresses, a {@link Vpc} its ENI quota
 * count, a {@link HyperplaneEni} its ports, an {@link EniPool} the sharing of a key. This class decides
 * what happens; {@link #checkInvariants()} verifies all of them and throws on the first broken one.
 */
public final class World {

    /**
     * @param accountConcurrencyLimit account ConcurrentExecutions limit
     * @param connectionsPerEni       ports per ENI
     * @param eniRetryBackoffMicros   wait before retrying an ENI creation that failed
     * @param eniCreateMicros         draws the time to create a new ENI
     * @param attachExistingMicros    draws the time to attach to a key that already has a ready ENI
     */
    public record Settings(int accountConcurrencyLimit, int connectionsPerEni, long eniRetryBackoffMicros,
            LongSupplier eniCreateMicros, LongSupplier attachExistingMicros) {
    }

    private final Settings settings;
    private final Port port;
    private final WorldListener listener;
    private final List<Vpc> vpcs = new ArrayList<>();
    private final List<Subnet> subnets = new ArrayList<>();
    private final Map<String, Integer> vpcIndex = new LinkedHashMap<>();
    private final Map<String, Integer> subnetIndex = new LinkedHashMap<>();
    private final Map<String, Integer> securityGroupVpc = new LinkedHashMap<>();
    private final Map<EniKey, Integer> keyIndex = new LinkedHashMap<>();
    private final List<EniPool> pools = new ArrayList<>();
    private final List<LambdaFunction> functionList = new ArrayList<>();
    private final List<HyperplaneEni> allEnis = new ArrayList<>();
    private LambdaFunction[] functions = new LambdaFunction[0];
    private int reservedTotal;
    private int unreservedLimit;
    private int accountInFlight;
    private int unreservedInFlight;
    private int liveEnis;

    public World(Settings settings, Port port, WorldListener listener) {
        this.settings = settings;
        this.port = port;
        this.listener = listener;
        this.unreservedLimit = settings.accountConcurrencyLimit();
    }

    // ---- building -------------------------------------------------------------------------------------

    public int addVpc(String id, int eniQuota) {
        int i = vpcs.size();
        vpcs.add(new Vpc(i, id, eniQuota));
        vpcIndex.put(id, i);
        return i;
    }

    public void addSecurityGroup(String vpcId, String groupId) {
        securityGroupVpc.put(groupId, vpc(vpcId));
    }

    public int addSubnet(String vpcId, String id, dev.enisim.model.network.Cidr cidr, String az, int otherUsedIps) {
        int i = subnets.size();
        subnets.add(new Subnet(i, id, cidr, az, vpc(vpcId), otherUsedIps));
        subnetIndex.put(id, i);
        return i;
    }

    /**
     * Adds a function (not yet created: schedule {@link CreateFunction} at its creation time). Subnets in
     * several VPCs make it fail with InvalidSubnet on creation, a security group of another VPC with
     * InvalidSecurityGroup, as Lambda would.
     */
    public int addFunction(String name, int memoryMb, long timeoutMicros, int reservedConcurrency,
            int connectionsPerInvocation, List<String> subnetIds, List<String> securityGroupIds,
            RandomGenerator subnetChoice) {
        int index = functionList.size();
        StateReasonCode error = null;
        int[] keys = new int[0];
        int[][] byAz = new int[0][];
        if (!subnetIds.isEmpty()) {
            int vpc = subnets.get(subnet(subnetIds.get(0))).vpc();
            for (String s : subnetIds) {
                if (subnets.get(subnet(s)).vpc() != vpc) {
                    error = StateReasonCode.InvalidSubnet;
                }
            }
            for (String g : securityGroupIds) {
                Integer gv = securityGroupVpc.get(g);
                if (gv == null) {
                    throw new IllegalArgumentException(name + ": unknown security group " + g);
                }
                if (error == null && gv != vpc) {
                    error = StateReasonCode.InvalidSecurityGroup;
                }
            }
            if (error == null) {
                keys = resolveKeys(vpc, subnetIds, securityGroupIds);
                byAz = groupByAz(keys);
            }
        }
        if (reservedConcurrency >= 0) {
            reservedTotal += reservedConcurrency;
            unreservedLimit = settings.accountConcurrencyLimit() - reservedTotal;
        }
        LambdaFunction f = new LambdaFunction(index, name, memoryMb, timeoutMicros, reservedConcurrency,
                connectionsPerInvocation, keys, byAz, error, subnetChoice);
        functionList.add(f);
        functions = functionList.toArray(new LambdaFunction[0]);
        return index;
    }

    private int[] resolveKeys(int vpc, List<String> subnetIds, List<String> groups) {
        List<Integer> out = new ArrayList<>();
        for (String s : subnetIds) {
            int si = subnet(s);
            EniKey key = new EniKey(vpcs.get(vpc).id(), s, groups);
            Integer k = keyIndex.get(key);
            if (k == null) {
                k = pools.size();
                pools.add(new EniPool(k, key, si, vpc));
                keyIndex.put(key, k);
            }
            if (!out.contains(k)) {
                out.add(k);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private int[][] groupByAz(int[] keys) {
        Map<String, List<Integer>> byAz = new LinkedHashMap<>();
        for (int k : keys) {
            String az = subnets.get(pools.get(k).subnet()).az();
            byAz.computeIfAbsent(az, a -> new ArrayList<>()).add(k);
        }
        int[][] out = new int[byAz.size()][];
        int i = 0;
        for (List<Integer> ks : byAz.values()) {
            out[i++] = ks.stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    private int vpc(String id) {
        Integer i = vpcIndex.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown VPC " + id);
        }
        return i;
    }

    private int subnet(String id) {
        Integer i = subnetIndex.get(id);
        if (i == null) {
            throw new IllegalArgumentException("unknown subnet " + id);
        }
        return i;
    }

    // ---- events -----------------------------------------------------------------------------------------

    /** Dispatches one of the model's own events. Arrivals come through {@link #invoke}. */
    public void handle(SimEvent event, long nowMicros) {
        if (event instanceof InvocationEnd end) {
            endInvocation(end, nowMicros);
        } else if (event instanceof EniReady ready) {
            eniReady(ready.eni(), nowMicros);
        } else if (event instanceof AttachDone attach) {
            keyReady(functions[attach.function()], attach.key(), nowMicros);
        } else if (event instanceof CreateFunction create) {
            createFunction(functions[create.function()], nowMicros);
        } else {
            throw new IllegalArgumentException("World cannot handle " + event + " at " + nowMicros + " us");
        }
    }

    /**
     * An invocation of {@code function} arrives; if admitted it runs for {@code durationMicros} (cut at the
     * timeout). Returns its one outcome, which is also reported to the listener.
     */
    public Outcome invoke(int function, long nowMicros, long durationMicros) {
        LambdaFunction f = functions[function];
        Outcome outcome = admit(f, nowMicros, durationMicros);
        listener.invocation(function, outcome, nowMicros);
        return outcome;
    }

    private Outcome admit(LambdaFunction f, long now, long durationMicros) {
        State state = f.state();
        if (state != State.Active) {
            return rejectedByState(f);
        }
        if (f.reservedConcurrency() >= 0) {
            if (f.inFlight() >= f.reservedConcurrency()) {
                return Outcome.THROTTLED_RESERVED;
            }
        } else if (unreservedInFlight >= unreservedLimit) {
            return Outcome.THROTTLED_ACCOUNT;
        }
        Outcome result = Outcome.SUCCESS;
        HyperplaneEni eni = null;
        int connections = f.connectionsPerInvocation();
        EniPool pool = null;
        if (connections > 0 && f.attached()) {
            pool = pools.get(f.pickKey());
            eni = pool.acquire(connections);
            if (eni == null) {
                Outcome blocked = scaleOut(pool, now);
                if (blocked != null) {
                    return blocked;
                }
                result = Outcome.FUNCTION_ERROR_NO_PORT;
                connections = 0;
            }
        }
        long hold = durationMicros;
        if (durationMicros > f.timeoutMicros()) {
            hold = f.timeoutMicros();
            if (result == Outcome.SUCCESS) {
                result = Outcome.FUNCTION_ERROR_TIMEOUT;
            }
        }
        f.admitted();
        accountInFlight++;
        if (f.reservedConcurrency() < 0) {
            unreservedInFlight++;
        }
        listener.concurrency(f.index(), f.inFlight(), accountInFlight, now);
        if (eni != null) {
            listener.connections(pool.key(), pool.connections(), now);
        }
        port.schedule(now + hold, SimEvent.PRIORITY_COMPLETION, new InvocationEnd(f.index(), eni, connections));
        return result;
    }

    private static Outcome rejectedByState(LambdaFunction f) {
        State state = f.state();
        if (state == State.Pending) {
            return f.reason() == StateReasonCode.Restoring ? Outcome.RESOURCE_NOT_READY : Outcome.RESOURCE_CONFLICT;
        }
        if (state == State.Inactive) {
            return Outcome.RESOURCE_NOT_READY;
        }
        if (state == State.Failed) {
            return switch (f.reason()) {
                case SubnetOutOfIPAddresses -> Outcome.SUBNET_IP_LIMIT_REACHED;
                case EniLimitExceeded -> Outcome.ENI_LIMIT_REACHED;
                case InsufficientRolePermissions -> Outcome.EC2_ACCESS_DENIED;
                case InvalidSubnet -> Outcome.INVALID_SUBNET_ID;
                case InvalidSecurityGroup -> Outcome.INVALID_SECURITY_GROUP_ID;
                default -> throw new IllegalStateException(f.name() + ": Failed with reason " + f.reason());
            };
        }
        throw new IllegalStateException("invocation of " + f.name() + " before it was created");
    }

    private void endInvocation(InvocationEnd end, long now) {
        LambdaFunction f = functions[end.function()];
        f.finished();
        accountInFlight--;
        if (f.reservedConcurrency() < 0) {
            unreservedInFlight--;
        }
        listener.concurrency(f.index(), f.inFlight(), accountInFlight, now);
        HyperplaneEni eni = end.eni();
        if (eni != null) {
            EniPool pool = pools.get(eni.key());
            pool.release(eni, end.connections());
            listener.connections(pool.key(), pool.connections(), now);
        }
    }

    /**
     * A key's ENIs have no free port for a request. If another ENI is on its way the request just fails to
     * connect (null: the caller counts a function error). Otherwise Lambda creates one; if it cannot (no IP,
     * quota) the invocation fails with the matching 502 error, and so does every request to the key until
     * the back-off has passed.
     */
    private Outcome scaleOut(EniPool pool, long now) {
        if (pool.creating() > 0) {
            return null;
        }
        if (pool.blocked() != Blocked.NONE && now < pool.retryAtMicros()) {
            return blockedOutcome(pool.blocked());
        }
        Blocked why = createEni(pool, now);
        if (why == Blocked.NONE) {
            return null;
        }
        pool.block(why, now + settings.eniRetryBackoffMicros());
        return blockedOutcome(why);
    }

    private static Outcome blockedOutcome(Blocked why) {
        return switch (why) {
            case NO_IP -> Outcome.SUBNET_IP_LIMIT_REACHED;
            case QUOTA -> Outcome.ENI_LIMIT_REACHED;
            case PERMISSIONS -> Outcome.EC2_ACCESS_DENIED;
            case NONE -> throw new IllegalArgumentException("not blocked");
        };
    }

    private static StateReasonCode failureReason(Blocked why) {
        return switch (why) {
            case NO_IP -> StateReasonCode.SubnetOutOfIPAddresses;
            case QUOTA -> StateReasonCode.EniLimitExceeded;
            case PERMISSIONS -> StateReasonCode.InsufficientRolePermissions;
            case NONE -> throw new IllegalArgumentException("not blocked");
        };
    }

    /** Starts creating an ENI for the key: takes an IP and a quota slot now, ready after a sampled delay. */
    private Blocked createEni(EniPool pool, long now) {
        Subnet subnet = subnets.get(pool.subnet());
        Vpc vpc = vpcs.get(pool.vpc());
        if (subnet.availableIps() <= 0) {
            return Blocked.NO_IP;
        }
        if (!vpc.tryTakeEniSlot()) {
            return Blocked.QUOTA;
        }
        int ip = subnet.allocateIp();
        HyperplaneEni eni = new HyperplaneEni(allEnis.size() + 1, pool.key(), subnet.index(), ip,
                settings.connectionsPerEni(), now);
        allEnis.add(eni);
        pool.added(eni);
        liveEnis++;
        listener.eniState(eni, null, now);
        listener.subnetIps(subnet.index(), subnet.availableIps(), now);
        port.schedule(now + settings.eniCreateMicros().getAsLong(), SimEvent.PRIORITY_ENI, new EniReady(eni));
        return Blocked.NONE;
    }

    private void eniReady(HyperplaneEni eni, long now) {
        EniPool pool = pools.get(eni.key());
        eni.transition(EniState.InUse, now);
        pool.becameReady(eni);
        listener.eniState(eni, EniState.Creating, now);
        for (int waiter : pool.takeWaiters()) {
            keyReady(functions[waiter], pool.key(), now);
        }
    }

    private void createFunction(LambdaFunction f, long now) {
        if (!f.attached()) {
            setState(f, State.Active, null, "created without VpcConfig", now);
            return;
        }
        setState(f, State.Pending, StateReasonCode.Creating, "created with VpcConfig", now);
        if (f.configError() != null) {
            setState(f, State.Failed, f.configError(), "VpcConfig cannot be used", now);
            return;
        }
        for (int key : f.keys()) {
            pools.get(key).addUser();
        }
        f.awaitAllKeys();
        for (int key : f.keys()) {
            EniPool pool = pools.get(key);
            if (pool.hasInUse()) {
                port.schedule(now + settings.attachExistingMicros().getAsLong(), SimEvent.PRIORITY_ENI,
                        new AttachDone(f.index(), key));
            } else if (pool.creating() > 0) {
                pool.addWaiter(f.index());
            } else {
                Blocked why = createEni(pool, now);
                if (why != Blocked.NONE) {
                    pool.block(why, now + settings.eniRetryBackoffMicros());
                    setState(f, State.Failed, failureReason(why), "no ENI for " + pool.eniKey().label(), now);
                    return;
                }
                pool.addWaiter(f.index());
            }
        }
    }

    private void keyReady(LambdaFunction f, int key, long now) {
        if (f.state() != State.Pending) {
            return; // failed meanwhile: a late ENI changes nothing for it
        }
        if (f.keyBecameReady(key)) {
            setState(f, State.Active, null, "all ENIs ready", now);
        }
    }

    private void setState(LambdaFunction f, State state, StateReasonCode reason, String cause, long now) {
        f.transition(state, reason, cause, now);
        listener.functionState(f.index(), state, reason, cause, now);
    }

    // ---- views ------------------------------------------------------------------------------------------

    public List<Vpc> vpcs() {
        return Collections.unmodifiableList(vpcs);
    }

    public List<Subnet> subnets() {
        return Collections.unmodifiableList(subnets);
    }

    public List<EniPool> pools() {
        return Collections.unmodifiableList(pools);
    }

    public List<LambdaFunction> functions() {
        return Collections.unmodifiableList(functionList);
    }

    /** Every ENI ever created, in creation order. */
    public List<HyperplaneEni> enis() {
        return Collections.unmodifiableList(allEnis);
    }

    public int accountInFlight() {
        return accountInFlight;
    }

    public int unreservedLimit() {
        return unreservedLimit;
    }

    public int liveEnis() {
        return liveEnis;
    }

    // ---- invariants -------------------------------------------------------------------------------------

    /**
     * Checks every capacity rule and conservation law; throws {@link IllegalStateException} naming the first
     * one broken. Cheap enough to call after every event in property tests.
     */
    public void checkInvariants() {
        int[] enisPerVpc = new int[vpcs.size()];
        int[] ipsPerSubnet = new int[subnets.size()];
        java.util.Set<Long> addresses = new java.util.HashSet<>();
        for (HyperplaneEni eni : allEnis) {
            eni.checkInvariants();
            if (eni.state().holdsResources()) {
                Subnet s = subnets.get(eni.subnet());
                enisPerVpc[s.vpc()]++;
                ipsPerSubnet[s.index()]++;
                if (!addresses.add(((long) s.index() << 32) | eni.ipIndex())) {
                    throw new IllegalStateException("address " + s.address(eni.ipIndex()) + " held twice ("
                            + eni.name() + ")");
                }
            }
        }
        for (Vpc v : vpcs) {
            v.checkInvariants();
            if (v.enis() != enisPerVpc[v.index()]) {
                throw new IllegalStateException(v.id() + ": counts " + v.enis() + " ENIs, holds "
                        + enisPerVpc[v.index()]);
            }
        }
        for (Subnet s : subnets) {
            s.checkInvariants();
            if (s.lambdaUsedIps() != ipsPerSubnet[s.index()]) {
                throw new IllegalStateException(s.id() + ": counts " + s.lambdaUsedIps() + " Lambda IPs, ENIs hold "
                        + ipsPerSubnet[s.index()]);
            }
        }
        for (EniPool p : pools) {
            p.checkInvariants();
        }
        int inFlight = 0;
        int unreserved = 0;
        for (LambdaFunction f : functionList) {
            inFlight += f.inFlight();
            if (f.reservedConcurrency() < 0) {
                unreserved += f.inFlight();
            } else if (f.inFlight() > f.reservedConcurrency()) {
                throw new IllegalStateException(f.name() + ": " + f.inFlight() + " in flight > reserved "
                        + f.reservedConcurrency());
            }
        }
        if (inFlight != accountInFlight || unreserved != unreservedInFlight) {
            throw new IllegalStateException("in-flight counts disagree: functions " + inFlight + "/" + unreserved
                    + ", account " + accountInFlight + "/" + unreservedInFlight);
        }
        if (unreservedInFlight > unreservedLimit || accountInFlight > settings.accountConcurrencyLimit()) {
            throw new IllegalStateException("concurrency over limit: " + accountInFlight);
        }
    }
}
