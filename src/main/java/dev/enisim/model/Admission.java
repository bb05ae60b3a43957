package dev.enisim.model;

import java.util.List;

/**
 * Admits invocations of Active functions: concurrency (reserved, else the unreserved pool), the request rates,
 * then an execution environment (a warm one, else a cold start within the scaling rate in a subnet chosen
 * AZ-balanced among healthy AZs, holding what the network model gives it), then the invocation's own ports on that
 * key's ENIs. Each rule has its owner ({@link Concurrency}, {@link RequestRate}, {@link EnvironmentPool}, {@link
 * ScalingRate}, {@link Networking}, {@link EniFleet}); this class only puts them in order. This is the hot path:
 * nothing is allocated (the completion event of a slot of {@link Invocations} is made once and reused), and a
 * warm invocation names its function by index, reading and writing its row of {@link FunctionRows}, never its
 * object (read for a cold start's subnet and init time, and the rare paths).
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
    private final FunctionRows rows;
    private final List<LambdaFunction> functions;

    /** @param functions the world's functions by index (read only here) */
    Admission(WorldSettings settings, FunctionRows rows, List<LambdaFunction> functions, EniFleet fleet,
            EnvironmentPool environments, Concurrency concurrency, NatGateways nat, Port port,
            WorldListener listener) {
        this.rows = rows;
        this.functions = functions;
        this.nat = nat;
        this.initCapMicros = settings.initCapMicros();
        this.networking = settings.networking();
        this.fleet = fleet;
        this.environments = environments;
        this.concurrency = concurrency;
        this.scaling = new ScalingRate(settings.scaling());
        this.requests = new RequestRate(rows, settings.scaling(), settings.accountConcurrencyLimit(),
                settings.provisioning().rateCapsAllRequests());
        this.port = port;
        this.listener = listener;
    }

    /** Another account's request-rate cap (10 x {@code concurrencyLimit}), in the order accounts are added. */
    void addAccount(int concurrencyLimit) {
        requests.addAccount(concurrencyLimit);
    }

    /**
     * An invocation of the Active function {@code f}: its one outcome, reported to the listener (one that runs by
     * {@link WorldListener#started}, with everything it changed); if admitted, its end is scheduled.
     */
    Outcome admit(int f, long now, long durationMicros) {
        rows.invokedAt(f, now);
        Outcome throttled = concurrency.throttle(f);
        if (throttled == null) {
            throttled = requests.throttle(f, now);
            if (throttled != null) {
                listener.rateLimited(f, requests.refusedBy(), now); // which cap: the reports read it
            }
        }
        if (throttled != null) {
            listener.invocation(f, throttled, now);
            return throttled;
        }
        Lease env = lease;
        env.clear();
        if (environments.takeWarm(f, env, now)) {
            Outcome result = run(f, env, now, durationMicros);
            return result.admitted() ? result : refused(f, env, result, now); // admitted: reported by run()
        }
        return coldAdmit(f, env, now, durationMicros);
    }

    /*
     * The warm path comes first in admit() and the cold start's after it, in a method of its own: C2 inlines in the
     * order it parses, so the warm path's calls (the completion's scheduling, the metrics' start) are inlined before
     * its node budget runs out, which the cold start's (a subnet, the scaling rate, the init time: hot in a warm-up's
     * ramp) used to spend first (NodeCountInliningCutoff at Port.schedule and Observers.started; HISTORY, fifteenth
     * pass).
     */

    /** No warm environment: a cold start, then the run; or the outcome that stopped it (reported). */
    private Outcome coldAdmit(int f, Lease env, long now, long durationMicros) {
        Outcome result = coldStart(f, env, now);
        if (result == null) {
            result = run(f, env, now, durationMicros);
            if (result.admitted()) {
                // its new environment, now known to run, told here rather than in run(): a branch there, on every
                // warm start, cost loss 5% (.ci/pair, thirty-third pass)
                environments.made(f, now);
                return result; // it runs: reported by run()
            }
        }
        return refused(f, env, result, now);
    }

    /**
     * An invocation that does not run as admitted: its outcome reported. A refused one (a throttle, an invoke error)
     * has no execution, neither a cold nor a warm start: whatever environment it took went back at that instant,
     * before anything ran in it (a warm one idle, a provisioned one to its pool, a new one discarded before its
     * init; a cold start whose network failed made none). A 502 ENI error is not a cold start (it was counted as
     * one: 180,009 of them against the 100 environments made). The one admitted outcome that ends here is a cold
     * start whose environment's own connections found no port (its init failed: a function error, in Invocations
     * and Errors): it ran, so it is an execution, a cold start (counted once) in an environment that is not kept.
     */
    private Outcome refused(int f, Lease env, Outcome result, long now) {
        if (result.admitted()) {
            // it ended as it began (no environment kept): when it completes, for the sources that follow up on it
            // (an SQS batch's next step, an async retry a minute after), is now, not the last run's end
            lastEndMicros = now;
            if (env.unbilledInitMicros > 0) {
                listener.initNotBilled(f, env.unbilledInitMicros);
            }
            listener.execution(f, result, !env.warm, env.provisioned, env.initMicros, 0, now);
            if (spillover(f, env)) {
                listener.provisionedSpillover(f, now);
            }
        }
        if (ScaleOutLimit.refuses(result)) {
            scaleOutRefused(f, env.key, result, now);
        }
        listener.invocation(f, result, now);
        return result;
    }

    /**
     * The invocation failed with a limit's Invoke error: only its key's scale-out (in {@link #coldStart} or {@link
     * #noPort}) gives one, so the fleet knows which limit refused it; told with the key.
     */
    private void scaleOutRefused(int f, int key, Outcome result, long now) {
        ScaleOutLimit limit = fleet.refusedBy(key);
        if (limit == null || limit.invokeError() != result) {
            throw new IllegalStateException("function " + functions.get(f).name() + " failed with " + result
                    + " at " + now + " us, but its key " + key + "'s last refusal was " + limit);
        }
        listener.scaleOutRefused(f, fleet.eniKey(key), limit, now);
    }

    /** Whether an invocation on {@code env} spills over: on demand while {@code f} has provisioned concurrency. */
    private boolean spillover(int f, Lease env) {
        return !env.provisioned && rows.provisionedConcurrency(f) > 0;
    }

    /** A new environment: a subnet, the scaling rate, what the network model holds for it, its init time. */
    private Outcome coldStart(int fi, Lease env, long now) {
        LambdaFunction f = functions.get(fi);
        boolean attached = rows.hasKeys(fi);
        if (attached) {
            env.key = f.pickKey(environments.healthIfAnyDown());
            if (env.key < 0) {
                return Outcome.SERVICE_EXCEPTION;
            }
        }
        if (!scaling.tryScale(fi, environments.accountEnvironments(), now)) {
            listener.rateLimited(fi, RequestRateLimit.SCALING, now);
            return f.reserved() ? Outcome.THROTTLED_RESERVED_RATE : Outcome.THROTTLED_RATE;
        }
        env.createdMicros = now;
        if (attached) {
            Outcome failed = networking.coldStart(f, env.key, fleet, env, now);
            if (failed != null) {
                return failed;
            }
        }
        environments.started(fi); // told once it runs (coldAdmit): a refused one never existed for the metrics
        env.initMicros += Math.min(f.sampleInitMicros(), initCapMicros);
        return null;
    }

    /**
     * The invocation's own connections on its environment's key, then it runs (cut at the timeout) and is reported
     * ({@link WorldListener#started}): its outcome, an admitted one; or the invoke error that stops it (its
     * environment given back, nothing reported).
     */
    private Outcome run(int f, Lease env, long now, long durationMicros) {
        Outcome result = Outcome.SUCCESS;
        int portsRow = -1;
        int connections = rows.invocationConnections(f);
        if (connections > 0 && rows.hasKeys(f)) {
            portsRow = fleet.acquireRow(env.key, connections, now);
            if (portsRow < 0) {
                Outcome blocked = noPort(f, env, now);
                if (blocked != null) {
                    return blocked;
                }
                result = Outcome.FUNCTION_ERROR_NO_PORT;
                connections = 0;
            }
        }
        long run = durationMicros;
        long timeout = rows.timeoutMicros(f);
        if (durationMicros > timeout) {
            run = timeout;
            if (result == Outcome.SUCCESS) {
                result = Outcome.FUNCTION_ERROR_TIMEOUT;
            }
        }
        if (result == Outcome.SUCCESS && nat.routes(f)) {
            result = egress(f, env, now, run);
        }
        concurrency.started(f);
        lastEndMicros = now + env.initMicros + run;
        int slot = invocations.start(f, portsRow, connections, env.eni, env.key, rows.generation(f),
                env.provisioned, env.createdMicros);
        port.schedule(lastEndMicros, SimEvent.PRIORITY_COMPLETION, SimEvent.INVOCATION_END,
                Invocations.end(f, slot));
        // a success ran its whole duration (run == durationMicros): its latency is init + run
        if (env.unbilledInitMicros > 0) {
            listener.initNotBilled(f, env.unbilledInitMicros);
        }
        listener.started(f, result, !env.warm, env.provisioned, env.initMicros, run, rows.inFlight(f),
                concurrency.accountInFlight(), spillover(f, env), now);
        return result;
    }

    /*
     * The two rare turns of run() are methods of their own, so that run() stays small enough for the JIT to inline
     * into admit() (under its 325 bytes of bytecode for a hot call: it was 363, a call per invocation).
     */

    /**
     * The key's ENIs had no free port: the error that stops the invocation (its environment given back), or null
     * when it runs without its connection (a function error).
     */
    private Outcome noPort(int f, Lease env, long now) {
        Outcome blocked = fleet.scaleOut(env.key, f, functions.get(f).role(), now);
        if (blocked != null) {
            environments.giveBack(f, env, now);
        }
        return blocked;
    }

    /** A function behind a NAT gateway opens its connections through it: the outcome, a success when it could. */
    private Outcome egress(int f, Lease env, long now, long run) {
        Outcome egress = nat.open(functions.get(f), env.key, fleet, now, now + env.initMicros + run);
        return egress != null ? egress : Outcome.SUCCESS;
    }

    /** When the last admitted invocation ends (its completion), for sources that follow up on it. */
    long lastEndMicros() {
        return lastEndMicros;
    }

    /**
     * Reads what the end with {@code payload} ({@link Invocations#end}) reads first, the slot's row and its
     * function's row (not the slab: an end puts its environment back into the row, {@link FunctionRows#touchRow}),
     * and returns the values folded together: a look ahead that fetches them while another event is handled.
     */
    long touchEnd(long payload) {
        return invocations.touch(Invocations.slot(payload)) ^ rows.touchRow(Invocations.function(payload));
    }

    /**
     * An admitted invocation ends: its concurrency, its ports and its environment go back, reported in that order.
     * The slot is read first and the ports given back before anything is reported, so that the rows they touch
     * (the function's, the ENI's and its key's: the invocation's ports are its environment's key's) are reached
     * together rather than one after another, between the listener's calls.
     */
    void end(int f, int s, long now) {
        Invocations inv = invocations;
        int portsRow = inv.portsRow(s);
        int key = inv.envKey(s);
        if (!concurrency.finished(f)) {
            throw functions.get(f).noneInFlight();
        }
        int keyConnections = portsRow < 0 ? 0 : fleet.releasePorts(portsRow, key, inv.connections(s), now);
        listener.ended(f, rows.inFlight(f), concurrency.accountInFlight(), now);
        if (portsRow >= 0) {
            listener.connections(key, keyConnections, now);
        }
        environments.finished(f, inv.generation(s), inv.provisioned(s), key, inv.envRow(s), inv.envCreatedMicros(s),
                now);
        inv.finish(s);
    }
}
