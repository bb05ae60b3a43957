package dev.enisim.model;

import dev.enisim.model.SimEvent.CreateFunction;
import dev.enisim.model.function.FunctionConfiguration;
import dev.enisim.model.network.Cidr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * Builds a {@link World}: the parts bottom-up, each given only what it uses (the fleet the network, the environment
 * pool the fleet, the lifecycle and admission both; nothing points back up, so nothing is injected later), then the
 * account's VPCs, subnets, security groups, NAT gateways, accounts and functions in scenario order, so that the
 * world's indices are the scenario's. {@link #build()} hands the parts to the running world, once; a change during
 * the run is a timeline event, never a call here. The one place that constructs the model's parts
 * ({@code LayeringTest}).
 */
final class WorldBuilder {

    private final WorldParts parts;
    private final FunctionRows rows = new FunctionRows();
    private final Networking networking;
    private final Network network;
    private final Concurrency concurrency;
    private final EniFleet fleet;
    private final NatGateways nat;
    private final Admission admission;
    private final List<LambdaFunction> functions = new ArrayList<>();
    private final List<String> roles = new ArrayList<>(); // in the order functions first name them
    private final Set<String> knownRoles = new HashSet<>(); // the same, for a constant-time check
    private final List<String> accountIds = new ArrayList<>(); // empty in a single-account world
    private boolean built;

    /**
     * @param settings what does not change during a run (limits, the Region's ENI count, timings and their
     *                 samplers, the network model, stuck-Pending time)
     * @param port     where the model schedules its follow-up events
     * @param listener told every fact the metrics need
     */
    WorldBuilder(WorldSettings settings, Port port, WorldListener listener) {
        this.networking = settings.networking();
        this.network = new Network(settings.networkInterfacesPerRegion());
        this.concurrency = new Concurrency(rows, settings.accountConcurrencyLimit());
        this.fleet = new EniFleet(settings, network, port, listener);
        EnvironmentPool environments = new EnvironmentPool(settings, rows, network, fleet, port, listener);
        Lifecycle lifecycle = new Lifecycle(settings, fleet, environments, port, listener, functions);
        this.nat = new NatGateways(network, port, listener);
        this.admission = new Admission(settings, rows, functions, fleet, environments, concurrency, nat, port,
                listener);
        this.parts = new WorldParts(rows, network, concurrency, fleet, environments, lifecycle, admission, nat,
                listener);
    }

    public int addVpc(String id, int eniQuota) {
        open();
        return network.addVpc(id, eniQuota);
    }

    /** A VPC whose quota other services' ENIs already share ({@code otherUsedEnis}, as many as fit). */
    public int addVpc(String id, int eniQuota, int otherUsedEnis) {
        return addVpc(id, eniQuota, otherUsedEnis, 0);
    }

    /**
     * The same for a VPC account {@code owner} owns (an index from {@link #addAccount}; 0 for the first): its other
     * services' ENIs count against that account's network interfaces per Region.
     */
    public int addVpc(String id, int eniQuota, int otherUsedEnis, int owner) {
        return addVpc(id, eniQuota, otherUsedEnis, owner, false);
    }

    /**
     * The same, its quota counted per account when {@code perAccount} ({@code eniQuotaCountedPer: account}): each
     * account's ENIs in it count against that account's own copy of the quota, other services' against its owner's.
     */
    public int addVpc(String id, int eniQuota, int otherUsedEnis, int owner, boolean perAccount) {
        open();
        int vpc = network.addVpc(id, eniQuota, owner, perAccount);
        network.otherUsedEnis(vpc, otherUsedEnis);
        return vpc;
    }

    /**
     * Network interfaces of the Region in no VPC's quota (account.otherNetworkInterfaces): they count against the
     * Region's limit only, for the whole run; as many as fit. Returns how many.
     */
    public int addOtherRegionInterfaces(int count) {
        return addOtherRegionInterfaces(0, count);
    }

    /** The same for account {@code account} (an index; 0 for the first): against its own Region quota. */
    public int addOtherRegionInterfaces(int account, int count) {
        open();
        return network.otherRegionInterfaces(account, count);
    }

    /** A NAT gateway in a VPC's Availability Zone with {@code addresses} IPv4 addresses (1 to 8). */
    public int addNatGateway(String vpcId, String id, String az, int addresses) {
        open();
        return nat.add(id, network.vpc(vpcId), az, addresses);
    }

    /**
     * Function {@code function} sends {@code share} of its connections to {@code destination} through its VPC's NAT
     * gateway; {@code keptOpen}: it leaves them open after each invocation, so the gateway drops them when idle.
     */
    public void addEgress(int function, String destination, double share, boolean keptOpen) {
        open();
        nat.route(function, destination, share, keptOpen);
    }

    /** A security group of a VPC; its index is the next of the world's (every VPC's groups, in the order added). */
    public int addSecurityGroup(String vpcId, String groupId) {
        open();
        return network.addSecurityGroup(vpcId, groupId);
    }

    public int addSubnet(String vpcId, String id, Cidr cidr, String az, int otherUsedIps) {
        open();
        return network.addSubnet(vpcId, id, cidr, az, otherUsedIps);
    }

    /** Names account 0 (in a scenario with several accounts; a single-account world's has no id). */
    public void setFirstAccount(String id) {
        open();
        accountIds.clear();
        accountIds.add(id);
        network.nameFirstAccount(id);
    }

    /**
     * Another account over the same VPCs (a scenario with several accounts; account 0 is the first, with the
     * world's concurrency limit and network interfaces per Region), with the world's network interfaces per Region:
     * returns its index. Its id is in its ENI keys.
     */
    public int addAccount(String id, int concurrencyLimit) {
        return addAccount(id, concurrencyLimit, network.region(0).limit());
    }

    /** The same with the account's own EC2 network interfaces per Region (its ENIs count against them). */
    public int addAccount(String id, int concurrencyLimit, int networkInterfacesPerRegion) {
        open();
        if (accountIds.isEmpty()) {
            throw new IllegalStateException("name account 0 first (setFirstAccount)");
        }
        accountIds.add(id);
        network.addAccount(id, networkInterfacesPerRegion);
        admission.addAccount(concurrencyLimit); // its own request-rate cap
        return concurrency.addAccount(concurrencyLimit);
    }

    /**
     * The key of {@code subnetId} and {@code securityGroupIds} in VPC {@code vpcId}, of account {@code account} (an
     * index from {@link #addAccount}; 0 for the first), starts with {@code enis} in-use ENIs when an existing Active
     * function uses it, rather than one: Hyperplane scaled it out before the run ({@code vpcs[*].enisAtStart}). They
     * are made at time 0 as the first is (an IP, a slot of the VPC's quota and of the Region's).
     */
    public void enisAtStart(String vpcId, String subnetId, List<String> securityGroupIds, int account, int enis) {
        open();
        String accountId = accountIds.isEmpty() ? "" : accountIds.get(account);
        fleet.enisAtStart(new dev.enisim.model.eni.EniKey(vpcId, subnetId, securityGroupIds, "", accountId), enis);
    }

    /**
     * Adds a function (not yet created: schedule {@link CreateFunction} at its creation time). Subnets in
     * several VPCs make it fail with InvalidSubnet on creation, a security group of another VPC with
     * InvalidSecurityGroup, as Lambda would.
     *
     * @param subnetChoice the function's stream for choosing a subnet
     * @param initMicros   draws a cold start's init duration
     */
    public int addFunction(FunctionConfiguration config, RandomGenerator subnetChoice, LongSupplier initMicros) {
        return addFunction(config, subnetChoice, initMicros, 0);
    }

    /** Adds a function of account {@code account} (an index from {@link #addAccount}; 0 for the first). */
    public int addFunction(FunctionConfiguration config, RandomGenerator subnetChoice, LongSupplier initMicros,
            int account) {
        open();
        int index = functions.size();
        String accountId = accountIds.isEmpty() ? "" : accountIds.get(account);
        if (knownRoles.add(config.role())) {
            roles.add(config.role());
        }
        LambdaFunction f = new LambdaFunction(rows, index, config, subnetChoice, initMicros, fleet.resolveFor(
                config.name(), accountId, config.memoryMb(),
                network.vpcConfig(config.subnetIds(), config.securityGroupIds())));
        f.setAccount(account, accountId);
        rows.setConnections(index, networking.invocationConnections(f), networking.environmentConnections(f));
        concurrency.reserve(f);
        functions.add(f);
        return index;
    }

    /** The running world, with everything added so far; the builder is spent. */
    public World build() {
        open();
        built = true;
        return new World(parts, functions, List.copyOf(roles));
    }

    private void open() {
        if (built) {
            throw new IllegalStateException("the world is built: a change during the run is a timeline event");
        }
    }
}
