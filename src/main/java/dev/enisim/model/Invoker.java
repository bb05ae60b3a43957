package dev.enisim.model;

import dev.enisim.model.SimEvent.InvocationEnd;
import dev.enisim.model.eni.EniPool;
import dev.enisim.model.eni.HyperplaneEni;
import dev.enisim.model.function.LambdaFunction;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;

/**
 * Admits invocations: the function's state, then concurrency (reserved, else the unreserved pool), then a
 * subnet (AZ-balanced, healthy AZs only) and ports on that key's ENIs. This is the hot path: no allocation
 * but the completion event.
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
        Outcome result = Outcome.SUCCESS;
        HyperplaneEni eni = null;
        EniPool pool = null;
        int connections = f.connectionsPerInvocation();
        if (f.binding().keys().length > 0) {
            int key = f.pickKey(network.anyAzDown() ? health : null);
            if (key < 0) {
                return Outcome.SERVICE_EXCEPTION;
            }
            if (connections > 0) {
                pool = fleet.pools.get(key);
                eni = pool.acquire(connections);
                if (eni == null) {
                    Outcome blocked = fleet.scaleOut(pool, f.role(), now);
                    if (blocked != null) {
                        return blocked;
                    }
                    result = Outcome.FUNCTION_ERROR_NO_PORT;
                    connections = 0;
                }
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
    }
}
