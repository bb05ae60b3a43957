package dev.enisim.model;


/**
 * Admits invocations of Active functions: concurrency (reserved, else the unreserved pool), the request rates,
 * then an execution environment (a warm one, else a cold start within the scaling rate in a subnet chosen
 * AZ-balanced among healthy AZs, holding what the network model gives it), then the invocation's own ports on that
 * key's ENIs. Each rule has its owner ({@link Concurrency}, {@link RequestRate}, {@link EnvironmentPool}, {@link
 * ScalingRate}, {@link Networking}, {@link EniFleet}); this class only puts them in order. This is the hot path:
 * nothing is allocated (the completion event of a slot of {@link Invocations} is made once and reused).
 */
final class Admission {

    private final long initCapMicros;
    private final Networking networking;
    private final EniFleet fleet;
    private final EnvironmentPool environments;
    private final Concurrency concurrency;
    private final ScalingRate scaling;
    private final RequestRate requests;
    private final Port port;
    private final WorldListener listener;
    private final Lease lease = new Lease();
    private final NatGateways nat;
    private long lastEndMicros = -1;
    private final Invocations invocations = new Invocations();

    Admission(WorldSettings settings, EniFleet fleet, EnvironmentPool environments, Concurrency concurrency,
            NatGateways nat, Port port, WorldListener listener) {
        this.nat = nat;
        this.initCapMicros = settings.initCapMicros();
        this.networking = settings.networking();
        this.fleet = fleet;
        this.environments = environments;
        this.concurrency = concurrency;
        this.scaling = new ScalingRate(settings.scaling());
        this.requests = new RequestRate(settings.scaling(), settings.accountConcurrencyLimit());
        this.port = port;
        this.listener = listener;
    }

    /** An invocation of the Active function {@code f}: its one outcome; if admitted, its end is scheduled. */
    Outcome admit(LambdaFunction f, long now, long durationMicros) {
        f.invokedAt(now);
        Outcome throttled = concurrency.throttle(f);
        if (throttled == null) {
            throttled = requests.throttle(f, now);
        }
        if (throttled != null) {
            return throttled;
        }
        Lease env = lease;
        env.clear();
        Outcome result = null;
        if (!environments.takeWarm(f, env, now)) {
            result = coldStart(f, env, now);
        }
        if (result == null) {
            result = run(f, env, now, durationMicros);
        }
        if (env.warm || env.coldStarted) {
            listener.execution(f.index(), result, !env.warm, env.provisioned, env.initMicros, env.runMicros, now);
            if (!env.provisioned && f.provisionedConcurrency() > 0) {
                listener.provisionedSpillover(f.index(), now);
            }
        }
        return result;
    }

    /** A new environment: a subnet, the scaling rate, what the network model holds for it, its init time. */
    private Outcome coldStart(LambdaFunction f, Lease env, long now) {
        boolean attached = f.hasKeys();
        if (attached) {
            env.key = f.pickKey(environments.healthIfAnyDown());
            if (env.key < 0) {
                return Outcome.SERVICE_EXCEPTION;
            }
        }
        if (!scaling.tryScale(f, environments.accountEnvironments(), now)) {
            return f.reserved() ? Outcome.THROTTLED_RESERVED_RATE : Outcome.THROTTLED_RATE;
        }
        env.coldStarted = true;
        env.createdMicros = now;
        if (attached) {
            Outcome failed = networking.coldStart(f, env.key, fleet, env, now);
            if (failed != null) {
                return failed;
            }
        }
        environments.started(f, now);
        env.initMicros += Math.min(f.sampleInitMicros(), initCapMicros);
        return null;
    }

    /** The invocation's own connections on its environment's key, then it runs (cut at the timeout). */
    private Outcome run(LambdaFunction f, Lease env, long now, long durationMicros) {
        Outcome result = Outcome.SUCCESS;
        int portsRow = -1;
        int connections = networking.invocationConnections(f);
        if (connections > 0 && f.hasKeys()) {
            portsRow = fleet.acquireRow(env.key, connections, now);
            if (portsRow < 0) {
                Outcome blocked = fleet.scaleOut(env.key, f.role(), now);
                if (blocked != null) {
                    environments.giveBack(f, env, now);
                    return blocked;
                }
                result = Outcome.FUNCTION_ERROR_NO_PORT;
                connections = 0;
            }
        }
        long run = durationMicros;
        if (durationMicros > f.timeoutMicros()) {
            run = f.timeoutMicros();
            if (result == Outcome.SUCCESS) {
                result = Outcome.FUNCTION_ERROR_TIMEOUT;
            }
        }
        if (result == Outcome.SUCCESS) {
            Outcome egress = nat.open(f, env.key, fleet, now, now + env.initMicros + run);
            if (egress != null) {
                result = egress;
            }
        }
        env.runMicros = run;
        concurrency.started(f);
        listener.concurrency(f.index(), f.inFlight(), concurrency.accountInFlight(), now);
        if (result == Outcome.SUCCESS) {
            listener.latency(f.index(), env.initMicros + durationMicros, !env.warm, now);
        }
        lastEndMicros = now + env.initMicros + run;
        int slot = invocations.start(f.index(), portsRow, connections, env.eni, env.key,
                f.environments().generation(), env.provisioned, env.createdMicros);
        port.schedule(lastEndMicros, SimEvent.PRIORITY_COMPLETION, SimEvent.INVOCATION_END,
                Invocations.end(f.index(), slot));
        return result;
    }

    /** When the last admitted invocation ends (its completion), for sources that follow up on it. */
    long lastEndMicros() {
        return lastEndMicros;
    }

    /** An admitted invocation ends: its concurrency, its ports and its environment go back. */
    void end(LambdaFunction f, int s, long now) {
        concurrency.finished(f);
        listener.concurrency(f.index(), f.inFlight(), concurrency.accountInFlight(), now);
        int portsRow = invocations.portsRow(s);
        if (portsRow >= 0) {
            fleet.releaseRow(portsRow, invocations.connections(s), now);
        }
        environments.finished(f, invocations.generation(s), invocations.provisioned(s), invocations.envKey(s),
                invocations.envRow(s), invocations.envCreatedMicros(s), now);
        invocations.finish(s);
    }
}
