package dev.enisim.model;

import dev.enisim.model.SimEvent.AttachDone;
import dev.enisim.model.SimEvent.AzAvailability;
import dev.enisim.model.SimEvent.CreateFunction;
import dev.enisim.model.SimEvent.DeleteFunction;
import dev.enisim.model.SimEvent.DeleteOrphanedEnis;
import dev.enisim.model.SimEvent.DeleteVersion;
import dev.enisim.model.SimEvent.EniDeletionDone;
import dev.enisim.model.SimEvent.EniReady;
import dev.enisim.model.SimEvent.EnvironmentExpiry;
import dev.enisim.model.SimEvent.IdleCheck;
import dev.enisim.model.SimEvent.PublishVersion;
import dev.enisim.model.SimEvent.SetOtherUsedIps;
import dev.enisim.model.SimEvent.SetRolePermissions;
import dev.enisim.model.SimEvent.UpdateVpcConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * The Lambda/VPC world of one simulation, as {@link WorldBuilder} built it (VPCs, subnets, security groups,
 * functions), driven by events: {@link #handle} for the model's own events and timeline actions, {@link #invoke} for arrivals.
 *
 * <p>Capacity rules have one owner each: a {@link IpPool} owns its addresses, a {@link EniQuota} its ENI quota
 * count, a {@link HyperplaneEni} its ports, the {@link EniFleet} the ENIs and who uses each key, the
 * {@link Lifecycle} function states, the {@link EnvironmentPool} execution environments, {@link Concurrency} the
 * in-flight counts, and {@link Admission} puts them in order for each invocation. {@link #checkInvariants()} verifies them
 * all and throws on the first broken one.
 */
final class World {

    private final Network network;
    private final Concurrency concurrency;
    private final EniFleet fleet;
    private final EnvironmentPool environments;
    private final Lifecycle lifecycle;
    private final Admission admission;
    private final NatGateways nat;
    private final WorldListener listener;
    private final List<LambdaFunction> functionList;
    private final List<String> roles; // in the order functions first name them
    private final LambdaFunction[] functions;
    private final FunctionRows rows;

    /** The parts {@link WorldBuilder} made and filled; {@code functions} in index order. */
    World(WorldParts parts, List<LambdaFunction> functions, List<String> roles) {
        this.network = parts.network();
        this.concurrency = parts.concurrency();
        this.fleet = parts.fleet();
        this.environments = parts.environments();
        this.lifecycle = parts.lifecycle();
        this.admission = parts.admission();
        this.nat = parts.nat();
        this.listener = parts.listener();
        this.rows = parts.rows();
        this.functionList = functions;
        this.functions = functions.toArray(new LambdaFunction[0]);
        this.roles = roles;
    }

    /** Connections now from a NAT gateway to a destination, per address (for tests). */
    int[] natConnections(int gateway, int destination) {
        return nat.connections(gateway, destination);
    }

    // ---- events -----------------------------------------------------------------------------------------

    /** Handles one of the model's plain events: an invocation's end ({@link SimEvent#INVOCATION_END}). */
    public void handle(int kind, long payload, long now) {
        if (kind != SimEvent.INVOCATION_END) {
            throw new IllegalArgumentException("no plain event of kind " + kind);
        }
        admission.end(Invocations.function(payload), Invocations.slot(payload), now);
    }

    /**
     * Reads the rows the plain event ({@code kind}, {@code payload}) reads first (an invocation's end: its slot's,
     * its function's) and returns the values folded together: a look ahead, never state.
     */
    long touch(int kind, long payload) {
        return kind == SimEvent.INVOCATION_END ? admission.touchEnd(payload) : 0;
    }

    /**
     * Reads the rows an invocation of {@code function} reads first (its row, its idle ring's top): as
     * {@link #touch}.
     */
    long touchInvocation(int function) {
        return rows.touch(function);
    }

    /** Whether the run reads the rows ahead ({@link #touchInvocation}): what only the look ahead reads is kept then. */
    void readAhead(boolean on) {
        rows.keepTops(on);
    }

    /** Dispatches one of the model's own events or timeline actions. Arrivals come through {@link #invoke}. */
    public void handle(SimEvent event, long now) {
        if (event instanceof SimEvent.NatRelease r) {
            nat.release(r, now);
        } else if (event instanceof EniReady ready) {
            lifecycle.eniReady(ready.eni(), now);
        } else if (event instanceof AttachDone attach) {
            lifecycle.keyReady(attach.function(), attach.key(), now);
        } else if (event instanceof EniDeletionDone done) {
            fleet.deletionDone(done, now);
        } else if (event instanceof EnvironmentExpiry expiry) {
            environments.expire(expiry.function(), now);
        } else if (event instanceof IdleCheck check) {
            lifecycle.idleCheck(check, now);
        } else if (event instanceof SimEvent.ProvisionedReady p) {
            environments.provisionedReady(functions[p.function()], p.token(), now);
        } else if (event instanceof SimEvent.PutProvisionedConcurrency p) {
            environments.putProvisioned(functions[p.function()], p.amount(), now);
        } else if (event instanceof CreateFunction c) {
            lifecycle.create(functions[c.function()], c.vpcConfig(), now);
        } else if (event instanceof SimEvent.ExistingFunction x) {
            if (x.failed() != null) {
                lifecycle.existingFailed(functions[x.function()], x.failed(), now);
            } else {
                lifecycle.existing(functions[x.function()], x.active(), x.warmEnvironments(), x.inactiveReason(), now);
            }
        } else if (event instanceof UpdateVpcConfig u) {
            lifecycle.update(functions[u.function()], u.vpcConfig(), now);
        } else if (event instanceof PublishVersion p) {
            lifecycle.publishVersion(functions[p.function()], now);
        } else if (event instanceof DeleteVersion d) {
            lifecycle.deleteVersion(functions[d.function()], d.version(), now);
        } else if (event instanceof DeleteFunction d) {
            lifecycle.delete(functions[d.function()], now);
        } else if (event instanceof SetRolePermissions r) {
            String role = roles.get(r.role());
            fleet.setRolePermissions(role, r.granted());
            listener.controlAction((r.deleted() ? "DeleteRole " : r.granted() ? "Grant EC2 permissions to role "
                    : "Revoke EC2 permissions of role ") + role, now);
        } else if (event instanceof SetOtherUsedIps o) {
            setOtherUsedIps(o, now);
        } else if (event instanceof SimEvent.SetOtherUsedEnis o) {
            setOtherUsedEnis(o.vpc(), o.count(), now);
        } else if (event instanceof AzAvailability a) {
            network.setAzDown(a.az(), a.down());
            listener.controlAction("Availability Zone " + network.azs.get(a.az()) + (a.down() ? " down" : " back up"),
                    now);
        } else if (event instanceof DeleteOrphanedEnis d) {
            // the action is told before what it does (the ENIs deleted), as every other action is; "1 orphaned ENI",
            // "2 orphaned ENIs" (it read "ENI(s)": a teacher's review)
            int orphans = fleet.orphansIn(d.subnet());
            listener.controlAction("DeleteNetworkInterface by hand: " + orphans + " orphaned ENI" + (orphans == 1 ? ""
                    : "s") + (d.subnet().isEmpty() ? "" : " in " + network.subnets.get(d.subnet().getAsInt()).id()),
                    now);
            fleet.deleteOrphans(d.subnet(), now);
        } else {
            throw new IllegalArgumentException("World cannot handle " + event + " at " + now + " us");
        }
    }

    /** {@code setOtherUsedEnis}: the timeline changes other services' ENIs in a VPC. */
    private void setOtherUsedEnis(int vpc, int count, long now) {
        int fits = network.otherUsedEnis(vpc, count);
        listener.controlAction("Other services' ENIs in " + network.vpcs.get(vpc).id() + " now number " + fits
                + (fits < count ? " (asked " + count + "; Lambda's ENIs hold the rest of the quota)" : ""), now);
    }

    private void setOtherUsedIps(SetOtherUsedIps o, long now) {
        IpPool s = network.subnets.get(o.subnet());
        int fits = s.askOtherUsedIps(o.count());
        int usable = s.usableIps();
        // the loader refuses more than the subnet's usable addresses; a scenario built in code (a plan's smaller
        // subnet) may still ask for them
        listener.controlAction("Other tenants of " + s.id() + " now use " + fits + " IPs" + (fits >= o.count() ? ""
                : o.count() <= usable ? " (asked " + o.count() + "; Lambda's ENIs hold the rest)"
                : " (asked " + o.count() + ", more than its " + usable + " usable addresses" + (fits < usable
                        ? "; Lambda's ENIs hold " + (usable - fits) : "") + ")"), now);
        listener.subnetIps(s.index(), s.availableIps(), now);
    }

    /**
     * An invocation of {@code function} arrives; if admitted it runs for {@code durationMicros} (cut at the
     * timeout). Returns its one outcome, which is also reported to the listener (by {@link Admission} for an Active
     * function's).
     */
    public Outcome invoke(int function, long nowMicros, long durationMicros) {
        if (rows.active(function)) {
            return admission.admit(function, nowMicros, durationMicros);
        }
        Outcome outcome = rows.rejection(function); // in the row it has just read: not the function object
        if (outcome == null) {
            outcome = lifecycle.rejected(functions[function], nowMicros);
        }
        listener.invocation(function, outcome, nowMicros);
        return outcome;
    }

    // ---- what observers read ----------------------------------------------------------------------------

    /** The world now, as immutable values (for metrics and the run's result: names, final states, lifetimes). */
    public WorldSnapshot snapshot() {
        List<WorldSnapshot.FunctionView> fs = new ArrayList<>();
        for (LambdaFunction f : functionList) {
            fs.add(new WorldSnapshot.FunctionView(f.index(), f.name(), f.state(), f.reason(), f.lastUpdateStatus()));
        }
        List<WorldSnapshot.VpcView> vs = new ArrayList<>();
        for (EniQuota v : network.vpcs) {
            List<WorldSnapshot.AccountQuota> copies = new ArrayList<>();
            for (EniQuota c : network.copies(v.index())) {
                copies.add(new WorldSnapshot.AccountQuota(c.account(), c.eniQuota(), c.enis(), c.otherUsedEnis(),
                        c.peakEnis()));
            }
            vs.add(new WorldSnapshot.VpcView(v.index(), v.id(), v.eniQuota(), v.enis(), v.otherUsedEnis(), copies));
        }
        List<WorldSnapshot.SubnetView> ss = new ArrayList<>();
        for (IpPool s : network.subnets) {
            ss.add(new WorldSnapshot.SubnetView(s.index(), s.id(), s.cidr(), s.az(), s.vpc(), s.usableIps(),
                    s.otherUsedIps(), s.availableIps(), s.otherUsedIpsRefused()));
        }
        List<WorldSnapshot.KeyView> ks = new ArrayList<>();
        for (EniPool p : fleet.pools) {
            ks.add(new WorldSnapshot.KeyView(p.key(), p.eniKey(), p.connections()));
        }
        List<WorldSnapshot.EniView> es = new ArrayList<>();
        for (HyperplaneEni e : fleet.all) {
            es.add(new WorldSnapshot.EniView(e.ref(), e.state(), e.connections(), e.createdMicros(),
                    step(e.readyMicros()), step(e.deletionRequestedMicros()), step(e.orphanedMicros()),
                    step(e.endedMicros()), e.inPlaceAtStart(), step(e.releasedWhileCreatingMicros()),
                    e.peakConnections(), e.capacity()));
        }
        return new WorldSnapshot(fs, vs, ss, ks, es, lifecycle.teardowns, regionView(), lifecycle.cancellations,
                lifecycle.rejections);
    }

    /**
     * The Region's network interfaces: the only account's, or every account's together with each account's own
     * (whose quota each is).
     */
    private WorldSnapshot.RegionView regionView() {
        if (network.accounts() == 1) {
            RegionEnis r = network.region(0);
            return new WorldSnapshot.RegionView(r.limit(), r.lambdaEnis(), r.otherEnis(), r.peak());
        }
        List<WorldSnapshot.AccountRegion> accounts = new ArrayList<>();
        for (int a = 0; a < network.accounts(); a++) {
            RegionEnis r = network.region(a);
            accounts.add(new WorldSnapshot.AccountRegion(r.account(), r.limit(), r.lambdaEnis(), r.otherEnis(),
                    network.outsideVpcs(a), r.peak()));
        }
        RegionEnis all = network.regionTotal();
        return new WorldSnapshot.RegionView(0, all.lambdaEnis(), all.otherEnis(), all.peak(), accounts);
    }

    /** An ENI's lifetime step as the snapshot gives it: the ENI keeps -1 for "not yet" (a primitive, per event). */
    private static OptionalLong step(long micros) {
        return micros < 0 ? OptionalLong.empty() : OptionalLong.of(micros);
    }

    /** When the invocation last admitted by {@link #invoke} completes. */
    long lastCompletionMicros() {
        return admission.lastEndMicros();
    }

    /** Invocations in flight in the account now. */
    public int accountInFlight() {
        return concurrency.accountInFlight();
    }

    /** The live function (for white-box tests of this package). */
    LambdaFunction function(int index) {
        return functions[index];
    }

    /** The parts (for white-box tests of this package: the invariant checker fed a broken state). */
    EniFleet fleet() {
        return fleet;
    }

    Network network() {
        return network;
    }

    Concurrency concurrency() {
        return concurrency;
    }

    EnvironmentPool environments() {
        return environments;
    }

    // ---- invariants -------------------------------------------------------------------------------------

    /**
     * Checks every capacity rule and conservation law; throws {@link IllegalStateException} naming the first
     * one broken. Cheap enough to call after every event in property tests.
     */
    public void checkInvariants() {
        Invariants.check(network, fleet, functionList, concurrency, environments);
        nat.checkInvariants();
    }
}
