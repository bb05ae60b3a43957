package dev.enisim.model;

import dev.enisim.model.eni.EniState;
import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniKey;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;

/**
 * What the world reports as it changes. Called synchronously from the hot loop: implementations must be cheap
 * and allocation-free on the per-invocation calls ({@link #started}, {@link #ended}, {@link #invocation},
 * {@link #connections}, {@link #environmentLevels}). Every fine-grained method does nothing by default, so an
 * observer implements only what it needs and new notifications do not break existing observers.
 *
 * <p>An invocation that runs is reported in two calls that carry what it changed together: {@link #started} (its
 * outcome, execution, concurrency, latency) and {@link #ended} (its concurrency given back). By default each
 * forwards to the fine-grained methods, in the order the model used to call them one by one, so an observer that
 * implements only those sees the same calls in the same order; the run's metrics override the combined ones and do
 * their per-invocation bookkeeping in one pass. Between the two, the model still reports the key's connections
 * ({@link #connections}, as the invocation takes and gives back its ports) and the function's environments
 * ({@link #environmentLevels}) as they change.
 */
public interface WorldListener {

    /**
     * An admitted invocation started running (outcome {@link Outcome#admitted()}: success, or a function error it
     * will end in): it got an environment (a warm one, or a cold start with {@code initMicros} of init), it runs
     * {@code runMicros} (cut at the timeout), and the in-flight counts are now {@code functionInFlight} and
     * {@code accountInFlight}. {@code spillover}: it runs on an on-demand environment while the function has
     * provisioned concurrency allocated. Its latency (a success's) is {@code initMicros + runMicros}.
     *
     * <p>The same as {@link #concurrency}, {@link #latency} (a success), {@link #execution},
     * {@link #provisionedSpillover} (when {@code spillover}) and {@link #invocation}, in that order, which is
     * what it does by default.
     */
    default void started(int function, Outcome outcome, boolean coldStart, boolean provisioned, long initMicros,
            long runMicros, int functionInFlight, int accountInFlight, boolean spillover, long nowMicros) {
        concurrency(function, functionInFlight, accountInFlight, nowMicros);
        if (outcome == Outcome.SUCCESS) {
            latency(function, initMicros + runMicros, coldStart, nowMicros);
        }
        execution(function, outcome, coldStart, provisioned, initMicros, runMicros, nowMicros);
        if (spillover) {
            provisionedSpillover(function, nowMicros);
        }
        invocation(function, outcome, nowMicros);
    }

    /**
     * A started invocation ended: the in-flight counts are now {@code functionInFlight} and {@code accountInFlight}
     * (one fewer than before, for the function and for the account: an observer that keeps them may lower them by
     * one instead of reading these). The same as {@link #concurrency}, which is what it does by default.
     */
    default void ended(int function, int functionInFlight, int accountInFlight, long nowMicros) {
        concurrency(function, functionInFlight, accountInFlight, nowMicros);
    }

    /**
     * An invocation arrived and got {@code outcome} (decided at admission). Called directly for one that did not
     * run (a throttle, an invoke error); one that ran is reported by {@link #started}.
     */
    default void invocation(int function, Outcome outcome, long nowMicros) {
    }

    /** In-flight counts after an invocation started or ended (from {@link #started} and {@link #ended}). */
    default void concurrency(int function, int functionInFlight, int accountInFlight, long nowMicros) {
    }

    /** A successful invocation's latency: init (when cold) + duration, in microseconds. */
    default void latency(int function, long latencyMicros, boolean coldStart, long nowMicros) {
    }

    /** A function's execution environments (busy + idle + provisioned) after they changed. */
    default void environments(int function, int total, long nowMicros) {
    }

    /**
     * A function's execution environments by kind after one changed: on-demand running an invocation, on-demand
     * idle (kept alive), provisioned (busy or idle). Their sum is the total of {@link #environments}.
     */
    default void environmentLevels(int function, int busyOnDemand, int idle, int provisioned, long nowMicros) {
    }

    /**
     * An idle on-demand environment of the function took an invocation (a warm start): one more busy on demand and
     * one fewer idle than the levels last reported, which are now {@code busyOnDemand}, {@code idle} and {@code
     * provisioned}. The same as {@link #environmentLevels}, which it does by default; an observer that keeps the
     * levels may move them by one instead, reading none of the arguments (the run's metrics: so that the model's
     * counts, just written, are not read back for them).
     */
    default void environmentTaken(int function, int busyOnDemand, int idle, int provisioned, long nowMicros) {
        environmentLevels(function, busyOnDemand, idle, provisioned, nowMicros);
    }

    /**
     * A busy on-demand environment of the function went idle (its invocation ended, or did not run after all): one
     * fewer busy on demand and one more idle than the levels last reported, as {@link #environmentTaken} (the
     * same as {@link #environmentLevels} by default).
     */
    default void environmentIdled(int function, int busyOnDemand, int idle, int provisioned, long nowMicros) {
        environmentLevels(function, busyOnDemand, idle, provisioned, nowMicros);
    }

    /**
     * An invocation ran in an execution environment: a warm one, or a cold start (a new environment, which ran its
     * init), with its one outcome (an admitted one: success or a function error, an invocation CloudWatch counts),
     * the init it ran (cold only) and how long it ran (cut at the timeout; 0 for a cold start whose init failed, its
     * environment's connections finding no port). Called once per such invocation, just before {@link #invocation}
     * (by {@link #started} for one that runs on); never for one refused (a throttle, an invoke error: any
     * environment it took went back before anything ran in it, so it is neither a cold nor a warm start).
     */
    default void execution(int function, Outcome outcome, boolean coldStart, boolean provisioned, long initMicros,
            long runMicros, long nowMicros) {
    }

    /**
     * The next execution's ({@link #execution}, {@link #started}; told just before it) init includes {@code micros}
     * of the platform's wait rather than the function's init code: a legacy ENI's attach
     * ({@code legacy.coldStartAttachTime}). It is in the cold start's latency, not in the INIT that is billed.
     */
    default void initNotBilled(int function, long micros) {
    }

    /**
     * A function's provisioned concurrency changed: {@code requested} (PutProvisionedConcurrencyConfig) and
     * {@code allocated} (usable; below requested while an allocation is under way).
     */
    default void provisionedConcurrency(int function, int requested, int allocated, long nowMicros) {
    }

    /**
     * An invocation ran on an on-demand environment while the function had provisioned concurrency allocated
     * (CloudWatch's ProvisionedConcurrencySpilloverInvocations). Called right after {@link #execution}.
     */
    default void provisionedSpillover(int function, long nowMicros) {
    }

    /** Connections on a key's ENIs after they changed. */
    default void connections(int key, int keyConnections, long nowMicros) {
    }

    /** Connections from a NAT gateway to a destination after they changed. */
    default void natConnections(int gateway, int destination, int connections, long nowMicros) {
    }

    /** A connection through a NAT gateway to a destination failed: no address had a port left. */
    default void natPortAllocationError(int gateway, int destination, long nowMicros) {
    }

    /** An ENI was created ({@code from} null, {@code to} Creating) or changed state. */
    default void eniState(EniId eni, EniState from, EniState to, long nowMicros) {
    }

    /** A subnet's free addresses changed. */
    default void subnetIps(int subnet, int availableIps, long nowMicros) {
    }

    /** A function changed state (including its creation). */
    default void functionState(int function, State state, StateReasonCode reason, String cause, long nowMicros) {
    }

    /** A function attaches to a key that already has a ready ENI: it shares {@code eni}, no new IP needed. */
    default void eniShared(int function, EniId eni, long nowMicros) {
    }

    /**
     * A function attaches to a key whose ENI Lambda is already creating (for another function, or another version):
     * it waits for {@code eni} and will share it, no new IP needed.
     */
    default void eniAwaited(int function, EniId eni, long nowMicros) {
    }

    /** A function's LastUpdateStatus changed (a VPC config update started, succeeded or failed). */
    default void functionUpdate(int function, LastUpdateStatus status, StateReasonCode reason, long nowMicros) {
    }

    /**
     * An invocation of the Active {@code function} failed because the scale-out of its key ({@code key}: its subnet
     * and VPC) was refused by {@code limit}: called once per such invocation, beside its {@link #invocation} (whose
     * outcome is {@code limit}'s Invoke error). Rare (a limit reached): no cost on the hot path.
     */
    default void scaleOutRefused(int function, EniKey key, ScaleOutLimit limit, long nowMicros) {
    }

    /**
     * An invocation of {@code function} was throttled by {@code limit}, one of the request-rate caps or the scaling
     * rate: called once per such throttle, just before its {@link #invocation} (whose outcome is {@link
     * Outcome#THROTTLED_RATE}, or {@link Outcome#THROTTLED_RESERVED_RATE} for a function with reserved concurrency),
     * so that the Reason's count splits by the limit behind it. Called on the hot path of a throttled run: no
     * allocation.
     */
    default void rateLimited(int function, RequestRateLimit limit, long nowMicros) {
    }

    /** A control-plane action of the timeline happened (or was rejected), in words. Rare: strings are fine. */
    default void controlAction(String description, long nowMicros) {
    }

    /** A listener that ignores everything. */
    WorldListener NONE = new WorldListener() {
    };
}
