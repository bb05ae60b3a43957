package dev.enisim.model;

import dev.enisim.model.SimEvent.EnvironmentExpiry;
import dev.enisim.model.SimEvent.InvocationEnd;
import dev.enisim.model.eni.EniPool;
import dev.enisim.model.eni.HyperplaneEni;
import dev.enisim.model.function.Environments;
import dev.enisim.model.function.LambdaFunction;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;

/**
 * Admits invocations: the function's state, then concurrency (reserved, else the unreserved pool), then an
 * execution environment (a provisioned one, else the most recently used warm one, else a cold start within the
 * scaling rate in a subnet chosen AZ-balanced among healthy AZs), then ports on that key's ENIs. This is the hot
 * path: nothing is allocated but the completion event.
 */
final class Invoker {

    private final World.Settings settings;
    private final Network network;
    private final EniFleet fleet;
    private final Lifecycle lifecycle;
    private final Port port;
    private final WorldListener listener;
    private final LambdaFunction.AzHealth health;
    int accountInFlight;
    int unreservedInFlight;
    int unreservedLimit;
    int accountEnvironments;
    private long episodeStartMicros;
    private TokenBucket[] scalingBuckets = new TokenBucket[0];

    Invoker(World.Settings settings, Network network, EniFleet fleet, Lifecycle lifecycle, Port port,
            WorldListener listener) {
        this.settings = settings;
        this.network = network;
        this.fleet = fleet;
        this.lifecycle = lifecycle;
        this.port = port;
        this.listener = listener;
        this.unreservedLimit = settings.accountConcurrencyLimit();
        this.health = key -> !network.subnetDown(fleet.pools.get(key).subnet());
    }

    Outcome admit(LambdaFunction f, long now, long durationMicros) {
        if (f.state() != State.Active) {
            return rejectedByState(f, now);
        }
        f.invokedAt(now);
        if (f.reservedConcurrency() >= 0) {
            if (f.inFlight() >= f.reservedConcurrency()) {
                return Outcome.THROTTLED_RESERVED;
            }
        } else if (unreservedInFlight >= unreservedLimit) {
            return Outcome.THROTTLED_ACCOUNT;
        }
        Environments envs = f.environments();
        boolean attached = f.binding().keys().length > 0;
        boolean anyDown = attached && network.anyAzDown();
        // 1. a warm environment: provisioned first, then the most recently used on-demand one
        boolean provisioned = envs.provisionedIdle() > 0 && (!anyDown || health.up(envs.topProvisionedKey()));
        boolean warm = provisioned;
        while (!warm && envs.idle() > 0) {
            if (anyDown && !health.up(envs.topIdleKey())) {
                discardIdleTop(f, now); // its AZ is down: the environment is lost
            } else {
                warm = true;
            }
        }
        int key = -1;
        HyperplaneEni envEni = null;
        long init = 0;
        if (warm) {
            key = provisioned ? envs.topProvisionedKey() : envs.topIdleKey();
            envEni = provisioned ? envs.takeProvisioned() : envs.takeIdle();
        } else {
            // 2. a cold start: a subnet, the scaling rate, the environment's persistent connections
            if (attached) {
                key = f.pickKey(anyDown ? health : null);
                if (key < 0) {
                    return Outcome.SERVICE_EXCEPTION;
                }
            }
            if (!tryScale(f, now)) {
                return Outcome.THROTTLED_RATE;
            }
            if (settings.legacyNetwork() && attached) {
                Outcome failed = legacySlot(f, key, now);
                if (failed != null) {
                    return failed;
                }
                envEni = lastLegacyEni;
                init += settings.legacy().attachMicros().getAsLong();
            }
            int persistent = settings.legacyNetwork() ? 0 : f.connectionsPerEnvironment();
            if (attached && persistent > 0) {
                EniPool pool = fleet.pools.get(key);
                envEni = pool.acquire(persistent);
                if (envEni == null) {
                    Outcome blocked = fleet.scaleOut(pool, f.role(), now);
                    return blocked != null ? blocked : Outcome.FUNCTION_ERROR_NO_PORT;
                }
                listener.connections(key, pool.connections(), now);
            }
            envs.started();
            environmentsChanged(f, 1, now);
            init += Math.min(f.sampleInitMicros(), settings.initCapMicros());
        }
        // 3. the invocation's own connections, on its environment's key
        Outcome result = Outcome.SUCCESS;
        HyperplaneEni eni = null;
        // legacy ENIs belong to one environment group: no shared ports to count per invocation
        int connections = settings.legacyNetwork() ? 0 : f.connectionsPerInvocation();
        if (attached && connections > 0) {
            EniPool pool = fleet.pools.get(key);
            eni = pool.acquire(connections);
            if (eni == null) {
                Outcome blocked = fleet.scaleOut(pool, f.role(), now);
                if (blocked != null) {
                    giveBack(f, key, envEni, warm, provisioned, now);
                    return blocked;
                }
                result = Outcome.FUNCTION_ERROR_NO_PORT;
                connections = 0;
            } else {
                listener.connections(key, pool.connections(), now);
            }
        }
        long run = durationMicros;
        if (durationMicros > f.timeoutMicros()) {
            run = f.timeoutMicros();
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
        if (result == Outcome.SUCCESS) {
            listener.latency(f.index(), init + durationMicros, !warm, now);
        }
        port.schedule(now + init + run, SimEvent.PRIORITY_COMPLETION, new InvocationEnd(f.index(), eni, connections,
                envEni, key, envs.generation(), provisioned));
        return result;
    }

    /** The scaling rate allows one more new environment (and takes it). */
    private boolean tryScale(LambdaFunction f, long now) {
        Scaling s = settings.scaling();
        if (s.model() == Scaling.Model.PER_FUNCTION) {
            if (f.index() >= scalingBuckets.length) {
                scalingBuckets = java.util.Arrays.copyOf(scalingBuckets, f.index() + 1);
            }
            TokenBucket b = scalingBuckets[f.index()];
            if (b == null) {
                b = new TokenBucket(s.newEnvironments(), s.newEnvironments() * 1e6 / s.periodMicros());
                scalingBuckets[f.index()] = b;
            }
            return b.tryTake(now);
        }
        if (accountEnvironments == 0) {
            episodeStartMicros = now;
        }
        return accountEnvironments < s.burstCap(now - episodeStartMicros);
    }

    private HyperplaneEni lastLegacyEni;

    /**
     * Legacy model: a new environment takes a slot on one of its function's ENIs in the subnet, creating an ENI
     * through EC2's API when all are full. Returns the failure, or null with the ENI in {@link #lastLegacyEni}.
     */
    private Outcome legacySlot(LambdaFunction f, int key, long now) {
        EniPool pool = fleet.pools.get(key);
        HyperplaneEni e = pool.acquire(1);
        if (e == null) {
            Outcome blocked = fleet.scaleOut(pool, f.role(), now);
            if (blocked != null) {
                return blocked;
            }
            e = pool.acquire(1); // legacy ENIs are usable at once: the cold start pays for the attachment
        }
        listener.connections(key, pool.connections(), now);
        lastLegacyEni = e;
        return null;
    }

    /** An invocation that took an environment cannot run after all: the environment goes back unused. */
    private void giveBack(LambdaFunction f, int key, HyperplaneEni envEni, boolean warm, boolean provisioned,
            long now) {
        Environments envs = f.environments();
        if (provisioned) {
            envs.returnProvisioned(key, envEni);
        } else if (warm) {
            envs.returnIdle(key, envEni, now);
        } else {
            envs.discardBusy(false);
            releaseEnvironmentConnections(f, key, envEni, now);
            environmentsChanged(f, -1, now);
        }
    }

    private Outcome rejectedByState(LambdaFunction f, long now) {
        State state = f.state();
        if (state == State.Pending) {
            return f.reason() == StateReasonCode.Restoring ? Outcome.RESOURCE_NOT_READY : Outcome.RESOURCE_CONFLICT;
        }
        if (state == State.Inactive) {
            lifecycle.restore(f, now);
            return Outcome.RESOURCE_NOT_READY;
        }
        if (state == State.Deleted || state == null) {
            return Outcome.RESOURCE_NOT_FOUND;
        }
        return switch (f.reason()) {
            case SubnetOutOfIPAddresses -> Outcome.SUBNET_IP_LIMIT_REACHED;
            case EniLimitExceeded -> Outcome.ENI_LIMIT_REACHED;
            case InsufficientRolePermissions -> Outcome.EC2_ACCESS_DENIED;
            case InvalidSubnet -> Outcome.INVALID_SUBNET_ID;
            case InvalidSecurityGroup -> Outcome.INVALID_SECURITY_GROUP_ID;
            default -> throw new IllegalStateException(f.name() + ": Failed with reason " + f.reason());
        };
    }

    void end(LambdaFunction f, InvocationEnd end, long now) {
        f.finished();
        accountInFlight--;
        if (f.reservedConcurrency() < 0) {
            unreservedInFlight--;
        }
        listener.concurrency(f.index(), f.inFlight(), accountInFlight, now);
        HyperplaneEni eni = end.eni();
        if (eni != null) {
            EniPool pool = fleet.pools.get(eni.key());
            pool.release(eni, end.connections());
            listener.connections(pool.key(), pool.connections(), now);
        }
        Environments envs = f.environments();
        if (end.generation() != envs.generation()) {
            // made for a configuration that is gone (update, idle, deletion): the environment ends with it
            envs.discardBusy(end.provisioned());
            releaseEnvironmentConnections(f, end.envKey(), end.envEni(), now);
            environmentsChanged(f, -1, now);
        } else if (end.provisioned()) {
            envs.returnProvisioned(end.envKey(), end.envEni());
        } else {
            envs.returnIdle(end.envKey(), end.envEni(), now);
            scheduleExpiry(f, now);
        }
    }

    // ---- environments ----------------------------------------------------------------------------------

    private void scheduleExpiry(LambdaFunction f, long now) {
        Environments envs = f.environments();
        if (!envs.expiryScheduled() && envs.idle() > 0) {
            envs.setExpiryScheduled(true);
            port.schedule(Math.max(now, envs.oldestIdleSince() + settings.keepAliveMicros()),
                    SimEvent.PRIORITY_ENI, new EnvironmentExpiry(f.index()));
        }
    }

    /** Reclaims the function's idle environments that have outlived the keep-alive. */
    void expire(LambdaFunction f, long now) {
        Environments envs = f.environments();
        envs.setExpiryScheduled(false);
        while (envs.idle() > 0 && envs.oldestIdleSince() + settings.keepAliveMicros() <= now) {
            int key = envs.oldestKey();
            releaseEnvironmentConnections(f, key, envs.expireOldest(), now);
            environmentsChanged(f, -1, now);
        }
        scheduleExpiry(f, now);
    }

    private void discardIdleTop(LambdaFunction f, long now) {
        Environments envs = f.environments();
        int key = envs.topIdleKey();
        HyperplaneEni e = envs.takeIdle();
        envs.discardBusy(false);
        releaseEnvironmentConnections(f, key, e, now);
        environmentsChanged(f, -1, now);
    }

    /**
     * The function's configuration changes (update, idle, deletion): idle environments end now, busy ones when
     * they finish; then, if it is Active, its provisioned environments are made again.
     */
    void resetEnvironments(LambdaFunction f, long now) {
        Environments envs = f.environments();
        envs.newGeneration();
        while (envs.idle() > 0) {
            int key = envs.oldestKey();
            releaseEnvironmentConnections(f, key, envs.expireOldest(), now);
            environmentsChanged(f, -1, now);
        }
        while (envs.provisionedIdle() > 0) {
            int key = envs.topProvisionedKey();
            HyperplaneEni e = envs.takeProvisioned();
            envs.discardBusy(true);
            releaseEnvironmentConnections(f, key, e, now);
            environmentsChanged(f, -1, now);
        }
        if (f.state() == State.Active) {
            provision(f, now);
        }
    }

    /** Makes the function's provisioned environments (as many as fit: each needs its persistent ports). */
    void provision(LambdaFunction f, long now) {
        Environments envs = f.environments();
        boolean attached = f.binding().keys().length > 0;
        while (envs.provisioned() < f.provisionedConcurrency()) {
            int key = -1;
            HyperplaneEni e = null;
            if (attached) {
                key = f.pickKey(network.anyAzDown() ? health : null);
                if (key < 0) {
                    return;
                }
                if (f.connectionsPerEnvironment() > 0) {
                    EniPool pool = fleet.pools.get(key);
                    e = pool.acquire(f.connectionsPerEnvironment());
                    if (e == null) {
                        fleet.scaleOut(pool, f.role(), now);
                        return; // the rest are made when the function is next reset
                    }
                    listener.connections(key, pool.connections(), now);
                }
            }
            envs.addProvisioned(key, e);
            environmentsChanged(f, 1, now);
        }
    }

    private void releaseEnvironmentConnections(LambdaFunction f, int key, HyperplaneEni e, long now) {
        if (e != null) {
            EniPool pool = fleet.pools.get(key);
            pool.release(e, settings.legacyNetwork() ? 1 : f.connectionsPerEnvironment());
            listener.connections(key, pool.connections(), now);
        }
    }

    private void environmentsChanged(LambdaFunction f, int delta, long now) {
        accountEnvironments += delta;
        listener.environments(f.index(), f.environments().total(), now);
    }
}
