package dev.enisim.model;

import dev.enisim.model.SimEvent.EnvironmentExpiry;
import dev.enisim.model.function.State;

/**
 * Owns the account's execution environments: warm reuse (provisioned first, then the most recently used), the
 * keep-alive expiry of idle ones, provisioned concurrency, discarding environments made for a configuration that
 * is gone, and giving back the connections an environment holds on its ENI. Counts the account's environments
 * (which the scaling rule reads). A function's environments are in its row of {@link FunctionRows}: the hot path
 * names the function by index.
 */
final class EnvironmentPool {

    private final long keepAliveMicros;
    private final Network network;
    private final EniFleet fleet;
    private final Port port;
    private final WorldListener listener;
    private final LambdaFunction.AzHealth health;
    private final WarmRouting routing;
    private final java.util.function.IntUnaryOperator routingRandom;
    private final ProvisionedAllocation provisioning;
    private final FunctionRows rows;
    /** requestRateCap: provisionedOnly: what provisioned environments may serve; null under the default reading. */
    private final ProvisionedServedRate served;
    private int accountEnvironments;
    private final Networking networking;
    private final Lease provisionLease = new Lease(); // reused: what a provisioned environment takes on its key

    EnvironmentPool(WorldSettings settings, FunctionRows rows, Network network, EniFleet fleet, Port port,
            WorldListener listener) {
        this.rows = rows;
        this.keepAliveMicros = settings.keepAliveMicros();
        this.network = network;
        this.fleet = fleet;
        this.port = port;
        this.listener = listener;
        this.health = key -> !network.subnetDown(fleet.pools.get(key).subnet());
        this.routing = settings.warmRouting();
        this.routingRandom = settings.routingRandom();
        this.provisioning = settings.provisioning();
        this.networking = settings.networking();
        this.served = provisioning.rateCapsAllRequests() ? null : new ProvisionedServedRate(settings.scaling());
    }

    /** Execution environments in the account (busy, idle and provisioned). */
    int accountEnvironments() {
        return accountEnvironments;
    }

    /** Whether a key's AZ is up, or null when every AZ is (the common case: nothing to check). */
    LambdaFunction.AzHealth healthIfAnyDown() {
        return network.anyAzDown() ? health : null;
    }

    /**
     * Takes a warm environment of {@code f} into {@code lease}: a provisioned one first, then the on-demand one
     * the warm-routing policy picks (by default the most recently used); idle ones in an AZ that is down are lost
     * on the way. Under {@code requestRateCap: provisionedOnly}, a provisioned one only within 10 x the provisioned
     * concurrency per second ({@link ProvisionedServedRate}): past it the request spills over. False when there is
     * none.
     */
    boolean takeWarm(int f, Lease lease, long now) {
        FunctionRows envs = rows;
        boolean anyDown = network.anyAzDown() && envs.hasKeys(f);
        if (envs.provisionedIdle(f) > 0 && (!anyDown || health.up(envs.topProvisionedKey(f)))
                && (served == null || served.tryServe(f, envs.provisionedConcurrency(f), now))) {
            lease.warm = true;
            lease.provisioned = true;
            lease.key = envs.topProvisionedKey(f);
            lease.eni = envs.takeProvisioned(f);
            return true;
        }
        while (envs.idle(f) > 0) {
            int pick = envs.choose(f, routing, routingRandom);
            if (anyDown && !health.up(envs.idleKey(f, pick))) {
                discardIdle(f, pick, now); // its AZ is down: the environment is lost
            } else {
                lease.warm = true;
                envs.takeIdle(f, pick, lease);
                taken(f, now);
                return true;
            }
        }
        return false;
    }

    /**
     * A cold start made a new (busy) environment: counted at once (the scaling rule reads the account's count), told
     * to the listener only when its invocation is known to run ({@link #made}): one given back at the same instant
     * ({@link #giveBack}) never existed for the metrics (no peak of environments that never ran anything).
     */
    void started(int f) {
        rows.started(f);
        accountEnvironments++;
    }

    /** The new environment of a cold start ({@link #started}) runs its invocation: its function's levels told. */
    void made(int f, long now) {
        listener.environments(f, rows.total(f), now);
        levels(f, now);
    }

    /**
     * An invocation that took an environment cannot run after all: the environment goes back unused (a new one is
     * discarded before its init, untold: {@link #started}).
     */
    void giveBack(int f, Lease lease, long now) {
        if (lease.provisioned) {
            rows.returnProvisioned(f, lease.key, lease.eni);
        } else if (lease.warm) {
            rows.returnIdle(f, lease.key, lease.eni, lease.createdMicros, now);
            idled(f, now);
        } else {
            rows.discardBusy(f, false);
            release(f, lease.eni, now);
            accountEnvironments--;
        }
    }

    /**
     * An invocation finished on an environment made for configuration {@code generation} (provisioned or not,
     * holding the ENI of row {@code envEni} of {@code envKey}): it goes idle, or ends if its configuration is gone.
     */
    void finished(int f, int generation, boolean provisioned, int envKey, int envEni, long envCreatedMicros,
            long now) {
        FunctionRows envs = rows;
        if (generation != envs.generation(f)) {
            // made for a configuration that is gone (update, idle, deletion): the environment ends with it
            envs.discardBusy(f, provisioned);
            release(f, envEni, now);
            changed(f, -1, now);
        } else if (provisioned && envs.provisioned(f) > envs.provisionedConcurrency(f)) {
            // provisioned concurrency was lowered while it ran: the environment ends with its invocation
            envs.discardBusy(f, true);
            release(f, envEni, now);
            changed(f, -1, now);
        } else if (provisioned) {
            envs.returnProvisioned(f, envKey, envEni);
        } else {
            envs.returnIdle(f, envKey, envEni, envCreatedMicros, now);
            idled(f, now);
            scheduleExpiry(f, now);
        }
    }

    private void scheduleExpiry(int f, long now) {
        FunctionRows envs = rows;
        if (!envs.expiryScheduled(f) && envs.idle(f) > 0) {
            envs.setExpiryScheduled(f, true);
            port.schedule(Math.max(now, envs.oldestIdleSince(f) + keepAliveMicros), SimEvent.PRIORITY_ENI,
                    new EnvironmentExpiry(f));
        }
    }

    /** Reclaims function {@code f}'s idle environments that have outlived the keep-alive. */
    void expire(int f, long now) {
        FunctionRows envs = rows;
        envs.setExpiryScheduled(f, false);
        while (envs.idle(f) > 0 && envs.oldestIdleSince(f) + keepAliveMicros <= now) {
            release(f, envs.expireOldest(f), now);
            changed(f, -1, now);
        }
        scheduleExpiry(f, now);
    }

    private void discardIdle(int f, int position, long now) {
        int e = rows.takeIdle(f, position);
        rows.discardBusy(f, false);
        release(f, e, now);
        changed(f, -1, now);
    }

    /**
     * The function's configuration changes (update, idle, deletion): idle environments end now, busy ones when
     * they finish; then, if it is Active, its provisioned environments are made again.
     */
    void reset(LambdaFunction f, long now) {
        Environments envs = f.environments();
        envs.newGeneration();
        while (envs.idle() > 0) {
            release(f.index(), envs.expireOldest(), now);
            changed(f.index(), -1, now);
        }
        reprovision(f, 0, now);
    }

    /**
     * Ends idle provisioned environments while there are more than {@code keep}; then, if the function is Active,
     * makes those its allocation lacks.
     */
    private void reprovision(LambdaFunction f, int keep, long now) {
        Environments envs = f.environments();
        while (envs.provisionedIdle() > 0 && envs.provisioned() > keep) {
            int e = envs.takeProvisioned();
            envs.discardBusy(true);
            release(f.index(), e, now);
            changed(f.index(), -1, now);
        }
        if (f.state() == State.Active) {
            provision(f, now);
        }
    }

    /**
     * Makes the function's provisioned environments (as many as fit): each takes on its key what a cold start's
     * environment takes, through the network model ({@link Networking#coldStart}): under Hyperplane its persistent
     * ports (connectionsPerEnvironment), under the legacy model its slot on one of the function's ENIs, creating
     * one (Creating for its attach time, then InUse) when all are full. What it takes is what {@link #release}
     * gives back ({@link FunctionRows#environmentConnections}): it had taken connectionsPerEnvironment under both
     * models, so a legacy one took no slot (none, or as many as connectionsPerEnvironment, against the one given
     * back) and an ENI its scale-out made stayed Creating for ever, its IP with it.
     */
    private void provision(LambdaFunction f, long now) {
        Environments envs = f.environments();
        boolean attached = f.hasKeys();
        while (envs.provisioned() < f.provisionedConcurrency()) {
            int key = -1;
            int e = Environments.NO_ENI;
            if (attached) {
                key = f.pickKey(healthIfAnyDown());
                if (key < 0) {
                    return;
                }
                Lease l = provisionLease;
                l.clear();
                l.key = key;
                if (networking.coldStart(f, key, fleet, l, now) != null) {
                    return; // the rest are made when the function is next reset
                }
                key = l.key; // a legacy one may go to the function's subnet in another AZ
                e = l.eni;
            }
            envs.addProvisioned(key, e);
            changed(f.index(), 1, now);
        }
    }

    /**
     * An existing Active function's idle environments at time 0 ({@code existing: Active}, {@code warmEnvironments}):
     * made before the run, so no init and no cold start, not counted by the scaling rate; idle since {@code now}
     * (not ConcurrentExecutions), so the keep-alive reclaims those its traffic does not use, as any other. They are
     * spread over the function's Availability Zones in turn, then over an AZ's keys, with no random draw; each holds
     * its persistent connections (connectionsPerEnvironment) on its key's ENI in place, and no more are made once that
     * ENI has no room (a scale-out is for run time). Hyperplane only: legacy ENIs are made by cold starts.
     */
    void warmAtStart(LambdaFunction f, int n, long now) {
        int fi = f.index();
        int[][] byAz = f.hasKeys() ? f.binding().keysByAz() : null;
        int persistent = rows.environmentConnections(fi);
        int made = 0;
        for (int i = 0; i < n; i++) {
            int key = -1;
            int e = Environments.NO_ENI;
            if (byAz != null) {
                int[] az = byAz[i % byAz.length];
                key = az[(i / byAz.length) % az.length];
                if (persistent > 0) {
                    HyperplaneEni eni = fleet.acquire(key, persistent, now);
                    if (eni == null) {
                        break;
                    }
                    e = eni.row();
                }
            }
            rows.started(fi);
            rows.returnIdle(fi, key, e, now, now);
            made++;
        }
        if (made > 0) {
            changed(fi, made, now);
            scheduleExpiry(fi, now);
        }
    }

    // ---- provisioned concurrency over time ----------------------------------------------------------------

    /**
     * PutProvisionedConcurrencyConfig ({@code amount} > 0) or DeleteProvisionedConcurrencyConfig (0). A lowering
     * takes effect now: idle provisioned environments above it end, busy ones when their invocation ends. A raise
     * is allocated after {@link ProvisionedAllocation#readyAfterMicros} for the environments it adds, all at once;
     * the allocation in place serves until then. A new request supersedes one still being allocated.
     */
    void putProvisioned(LambdaFunction f, int amount, long now) {
        long token = f.requestProvisioned(amount);
        int allocated = f.provisionedConcurrency();
        String api = amount == 0 ? "DeleteProvisionedConcurrencyConfig " + f.name()
                : "PutProvisionedConcurrencyConfig " + f.name() + " " + amount;
        if (amount <= allocated) {
            allocate(f, amount, now);
            listener.controlAction(api + ": provisioned concurrency now " + amount, now);
            return;
        }
        long at = now + provisioning.readyAfterMicros(amount - allocated);
        port.schedule(at, SimEvent.PRIORITY_CONTROL, new SimEvent.ProvisionedReady(f.index(), token));
        listener.provisionedConcurrency(f.index(), amount, allocated, now);
        listener.controlAction(api + ": IN_PROGRESS, " + (amount - allocated) + " environments usable in "
                + (at - now) / 1_000_000 + " s", now);
    }

    /**
     * DeleteFunction deletes the function's provisioned-concurrency configuration with it [doc: a configuration
     * belongs to a version or alias of the function]: the figure falls to 0 (billing ends), an allocation under way
     * is dropped, and idle provisioned environments end (busy ones when their invocation ends). Nothing is said when
     * the function had none.
     */
    void deleteProvisioned(LambdaFunction f, long now) {
        if (f.provisionedRequested() == 0 && f.provisionedConcurrency() == 0) {
            return;
        }
        f.requestProvisioned(0);
        allocate(f, 0, now);
    }

    /** A request finished allocating (ignored when a later request superseded it). */
    void provisionedReady(LambdaFunction f, long token, long now) {
        if (!f.provisionedRequestCurrent(token)) {
            return;
        }
        allocate(f, f.provisionedRequested(), now);
        listener.controlAction("Provisioned concurrency of " + f.name() + " READY: " + f.provisionedRequested()
                + " allocated", now);
    }

    private void allocate(LambdaFunction f, int amount, long now) {
        f.setProvisionedConcurrency(amount);
        reprovision(f, amount, now);
        listener.provisionedConcurrency(f.index(), f.provisionedRequested(), amount, now);
    }

    /** Gives back the connections an environment of function {@code f} held on the ENI of row {@code e} (if any). */
    private void release(int f, int e, long now) {
        if (e != Environments.NO_ENI) {
            fleet.releaseRow(e, rows.environmentConnections(f), now);
        }
    }

    private void changed(int f, int delta, long now) {
        accountEnvironments += delta;
        listener.environments(f, rows.total(f), now);
        levels(f, now);
    }

    /** Reports the function's busy on-demand, idle on-demand and provisioned environments. */
    private void levels(int f, long now) {
        FunctionRows envs = rows;
        listener.environmentLevels(f, envs.busyOnDemand(f), envs.idle(f), envs.provisioned(f), now);
    }

    /** As {@link #levels}, after an idle on-demand environment became busy ({@link WorldListener#environmentTaken}). */
    private void taken(int f, long now) {
        FunctionRows envs = rows;
        listener.environmentTaken(f, envs.busyOnDemand(f), envs.idle(f), envs.provisioned(f), now);
    }

    /** As {@link #levels}, after a busy on-demand environment went idle ({@link WorldListener#environmentIdled}). */
    private void idled(int f, long now) {
        FunctionRows envs = rows;
        listener.environmentIdled(f, envs.busyOnDemand(f), envs.idle(f), envs.provisioned(f), now);
    }
}
