package dev.enisim.metrics;

import dev.enisim.model.AsyncDrop;
import dev.enisim.model.AsyncListener;
import dev.enisim.model.Outcome;
import dev.enisim.model.RequestRateLimit;
import dev.enisim.model.ScaleOutLimit;
import dev.enisim.model.SqsListener;
import dev.enisim.model.WorldListener;
import dev.enisim.model.eni.EniState;
import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniKey;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.util.ArrayList;
import java.util.List;

/**
 * The run's observers behind one listener (the world's, the asynchronous queue's and the SQS event sources'), called
 * directly (final fields of concrete types, so the JIT inlines each call on the hot path; a generic fan-out through
 * interfaces costs a virtual call per observer per event).
 *
 * <p>The time buckets of every observer's series ({@link Bucketed}: the recorder's with the network's levels, the
 * latency recorder's, the levels', the NAT, provisioned, accounts', asynchronous and SQS recorders'; one grid: they
 * must cut the run alike) are crossed here, for all of them at once: a call that writes to them tests the current
 * bucket's end once ({@link #at}) and they test none of their own (until round 2's fifteenth pass each tested its own,
 * up to seven edge branches on an invocation's start and five on its end; until the sixteenth the NAT, provisioned,
 * accounts', asynchronous, SQS and network gauges' series did); a run crosses each edge at its first instant ({@link
 * #reach}), so that the calls' test is never taken.
 */
public final class Observers implements WorldListener, AsyncListener, SqsListener {

    private final Recorder recorder;
    private final LatencyRecorder latency;
    private final Journal journal;
    private final NatRecorder nat;
    private final EnvironmentLevels levels;
    private final Executions executions;
    private final ProvisionedRecorder provisioned;
    private final AccountsRecorder accounts;
    private final AsyncRecorder async;
    private final SqsRecorder sqs;
    /** Every observer with time buckets, crossed together ({@link #crossTo}). */
    private final Bucketed[] crossed;
    /** The run's time buckets: their length, and the last one (which takes every later instant). */
    private final long bucketMicros;
    private final int lastBucket;
    /** The instant the next bucket begins: Long.MAX_VALUE in the last. */
    private long edge;
    private long crossedAtCalls;

    /**
     * @param nat NAT gateway egress, or null when the scenario declares no NAT gateway
     * @param levels environment levels (time averages), or null
     * @param executions executions and cold starts by outcome, or null
     */
    public Observers(Recorder recorder, LatencyRecorder latency, Journal journal, NatRecorder nat,
            EnvironmentLevels levels, Executions executions) {
        this(recorder, latency, journal, nat, levels, executions, null, null);
    }

    /**
     * @param provisioned provisioned concurrency, or null when no function has any
     * @param accounts    the per-account breakdown, or null in a single-account run
     */
    public Observers(Recorder recorder, LatencyRecorder latency, Journal journal, NatRecorder nat,
            EnvironmentLevels levels, Executions executions, ProvisionedRecorder provisioned,
            AccountsRecorder accounts) {
        this(recorder, latency, journal, nat, levels, executions, provisioned, accounts, null, null);
    }

    /**
     * @param async the asynchronous queue's recorder, or null (then this is not the run's {@link AsyncListener})
     * @param sqs   the SQS event sources' recorder, or null (then this is not the run's {@link SqsListener})
     */
    public Observers(Recorder recorder, LatencyRecorder latency, Journal journal, NatRecorder nat,
            EnvironmentLevels levels, Executions executions, ProvisionedRecorder provisioned,
            AccountsRecorder accounts, AsyncRecorder async, SqsRecorder sqs) {
        this.async = async;
        this.sqs = sqs;
        this.provisioned = provisioned;
        this.accounts = accounts;
        this.recorder = recorder;
        this.latency = latency;
        this.journal = journal;
        this.nat = nat;
        this.levels = levels;
        this.executions = executions;
        BucketGrid grid = recorder.grid();
        List<Bucketed> all = new ArrayList<>();
        for (Bucketed b : new Bucketed[] {recorder, latency, levels, nat, provisioned, accounts, async, sqs}) {
            if (b != null) {
                if (!b.sameBuckets(grid)) {
                    throw new IllegalArgumentException("the observers cut the run into different buckets: "
                            + b.getClass().getSimpleName() + "'s are not the recorder's");
                }
                all.add(b);
            }
        }
        this.crossed = all.toArray(new Bucketed[0]);
        this.bucketMicros = grid.bucketMicros();
        this.lastBucket = grid.count() - 1;
        this.edge = lastBucket == 0 ? Long.MAX_VALUE : bucketMicros;
        if (levels != null) { // a start updates them all: one row of longs per function for them
            if (executions != null) {
                levels.shareRows(executions);
            }
            levels.shareRows(recorder, journal);
        }
    }

    /**
     * Fetches the row that the observers update at an invocation's start or end of {@code function} (its levels,
     * counters, current successes and concurrency, its successes in the journal: {@link FunctionLines}) by stores to
     * its spare longs ({@link FunctionLines#touch}): a look ahead, so that it is fetched while another event is
     * handled. Changes no figure. Without levels, nothing (the rows are not shared).
     */
    public void touch(int function) {
        if (levels != null) {
            levels.touch(function);
        }
    }

    /**
     * As {@link #touch}, for an invocation's start (an arrival next): also the latency recorder's extremes of the
     * function, which a start records into ({@link LatencyRecorder#touch}). Changes no figure.
     */
    public void touchStart(int function) {
        if (levels != null) {
            levels.touch(function);
        }
        latency.touch(function);
    }

    /**
     * Brings the series of every observer with buckets ({@link Bucketed}) into the bucket of {@code nowMicros} (no
     * earlier than any instant told before): at or past the current bucket's end, all of them cross it at once ({@link
     * #crossTo}, a rare call out of line). A run calls it at each bucket's first instant ({@link #nextBucketMicros}),
     * before the bucket's first event, so that the test every call below makes for an edge ({@link #at}) is never
     * taken in a run.
     */
    public void reach(long nowMicros) {
        if (nowMicros >= edge) {
            crossTo(nowMicros);
        }
    }

    /**
     * The warm-up ends at {@code nowMicros}, a bucket's first instant (reached: {@link #reach}), before any event
     * there: the statistics the summary reads (invocation counts, latency, peaks and averages of concurrency and
     * environments, cold starts and billed usage; the asynchronous queue's, the SQS event sources', provisioned
     * concurrency's and each account's counts and peaks) count from here on. Not the journal (the narrative keeps the
     * whole lifecycle), the ENIs, subnets and keys, nor the series (charts and timeseries.csv keep every bucket).
     */
    public void warmUpEnds(long nowMicros) {
        int bucket = (int) (nowMicros / bucketMicros);
        long next = bucket == lastBucket ? Long.MAX_VALUE : (bucket + 1L) * bucketMicros;
        if (bucket * bucketMicros != nowMicros || bucket > lastBucket || edge != next) {
            throw new IllegalStateException("the warm-up must end at a bucket's first instant, reached: " + nowMicros);
        }
        recorder.warmUpEnds(bucket, nowMicros);
        latency.warmUpEnds(bucket);
        if (levels != null) {
            levels.warmUpEnds(bucket, nowMicros);
        }
        if (executions != null) {
            executions.warmUpEnds();
        }
        if (async != null) {
            async.warmUpEnds();
        }
        if (sqs != null) {
            sqs.warmUpEnds();
        }
        if (provisioned != null) {
            provisioned.warmUpEnds();
        }
        if (accounts != null) {
            accounts.warmUpEnds(bucket);
        }
    }

    /** The instant the next bucket begins (Long.MAX_VALUE in the last): {@link #reach} it to cross it there. */
    public long nextBucketMicros() {
        return edge;
    }

    /**
     * The crossings a call past a bucket's edge made ({@link #at}), not {@link #reach} at the edge: none in a run,
     * which reaches every edge first (tests).
     */
    public long crossedAtCalls() {
        return crossedAtCalls;
    }

    /**
     * As {@link #reach}, for a call that writes to the series: the one test of an edge on their path (one per metric
     * and call was eight branches on an invocation's start and end, each a place where the JIT's compiled code could
     * meet an edge its profile never saw taken and be thrown away), the series themselves testing none. Each
     * crossing closes what the crossed series hold of the bucket, and nothing else: it gives the same figures
     * whenever it comes before their next change in the new bucket, here or at the edge itself.
     */
    private void at(long nowMicros) {
        if (nowMicros >= edge) {
            crossedAtCalls++;
            crossTo(nowMicros);
        }
    }

    /** The series cross into the bucket of {@code nowMicros}, a later one than theirs. */
    private void crossTo(long nowMicros) {
        int b = (int) Math.min(nowMicros / bucketMicros, lastBucket);
        for (Bucketed s : crossed) {
            s.crossTo(b);
        }
        edge = b == lastBucket ? Long.MAX_VALUE : (b + 1) * bucketMicros;
    }

    @Override
    public void natConnections(int gateway, int destination, int connections, long nowMicros) {
        at(nowMicros);
        nat.connectionsNow(gateway, destination, connections);
    }

    @Override
    public void natPortAllocationError(int gateway, int destination, long nowMicros) {
        at(nowMicros);
        nat.refusedNow(gateway);
    }

    @Override
    public void environmentLevels(int function, int busyOnDemand, int idle, int provisioned, long nowMicros) {
        if (levels != null) {
            at(nowMicros);
            levels.levelsNow(function, busyOnDemand, idle, provisioned, nowMicros);
        }
    }

    /**
     * As {@link #environmentLevels}, one idle environment now busy: the levels moved by one ({@link
     * EnvironmentLevels#takenNow}), the arguments not read (inlined into the model's warm start, their loads of the
     * model's counts go; the levels, told every change, are the model's).
     */
    @Override
    public void environmentTaken(int function, int busyOnDemand, int idle, int provisioned, long nowMicros) {
        if (levels != null) {
            at(nowMicros);
            levels.takenNow(function, nowMicros);
        }
    }

    /** As {@link #environmentTaken}, one busy environment now idle ({@link EnvironmentLevels#idledNow}). */
    @Override
    public void environmentIdled(int function, int busyOnDemand, int idle, int provisioned, long nowMicros) {
        if (levels != null) {
            at(nowMicros);
            levels.idledNow(function, nowMicros);
        }
    }

    @Override
    public void execution(int function, Outcome outcome, boolean coldStart, boolean provisioned, long initMicros,
            long runMicros, long nowMicros) {
        if (executions != null) {
            executions.execution(function, outcome, coldStart, provisioned, initMicros, runMicros, nowMicros);
        }
        if (this.provisioned != null) {
            at(nowMicros);
            this.provisioned.executionNow(function, provisioned);
        }
    }

    @Override
    public void initNotBilled(int function, long micros) {
        if (executions != null) {
            executions.initNotBilled(function, micros);
        }
    }

    @Override
    public void provisionedSpillover(int function, long nowMicros) {
        at(nowMicros);
        provisioned.spilloverNow(function);
    }

    @Override
    public void provisionedConcurrency(int function, int requested, int allocated, long nowMicros) {
        at(nowMicros);
        provisioned.changedNow(function, requested, allocated, nowMicros);
    }

    /**
     * An invocation started: everything it changed, each observer told once, in one method (the same figures as
     * the fine-grained calls {@link WorldListener#started} stands for). The recorder gets its two small calls
     * ({@link Recorder#concurrency}, {@link Recorder#invocation}) rather than one that does both: the JIT inlines
     * those here, where a larger one was compiled apart and called (measured: {@code many-functions} 13% slower);
     * all of them in the bucket {@link #at} brought them to, none looking its bucket up.
     */
    @Override
    public void started(int function, Outcome outcome, boolean coldStart, boolean provisioned, long initMicros,
            long runMicros, int functionInFlight, int accountInFlight, boolean spillover, long nowMicros) {
        at(nowMicros);
        recorder.concurrencyNow(function, functionInFlight, accountInFlight, nowMicros);
        if (outcome == Outcome.SUCCESS) {
            latency.record(function, initMicros + runMicros, coldStart);
        }
        if (executions != null) {
            executions.execution(function, outcome, coldStart, provisioned, initMicros, runMicros, nowMicros);
        }
        if (this.provisioned != null) {
            this.provisioned.executionNow(function, provisioned);
        }
        if (spillover) {
            this.provisioned.spilloverNow(function);
        }
        if (accounts != null) {
            accounts.concurrencyNow(function, functionInFlight);
        }
        invocationNow(function, outcome, nowMicros);
    }

    /**
     * An invocation ended: the concurrency it gave back, one for the function and one for the account, lowered by
     * one in the recorder ({@link Recorder#endedNow}: the in-flight counts given are not read there, so that the
     * model's, just written, are not read back for it; the accounts' breakdown reads the function's).
     */
    @Override
    public void ended(int function, int functionInFlight, int accountInFlight, long nowMicros) {
        at(nowMicros);
        recorder.endedNow(function, nowMicros);
        if (accounts != null) {
            accounts.concurrencyNow(function, functionInFlight);
        }
    }

    @Override
    public void invocation(int function, Outcome outcome, long nowMicros) {
        at(nowMicros);
        invocationNow(function, outcome, nowMicros);
    }

    /** As {@link #invocation(int, Outcome, long)}, the series in the bucket of {@code nowMicros} ({@link #at}). */
    private void invocationNow(int function, Outcome outcome, long nowMicros) {
        recorder.invocation(function, outcome);
        journal.invocation(function, outcome, nowMicros);
        if (accounts != null) {
            accounts.invocationNow(function, outcome);
        }
    }

    @Override
    public void latency(int function, long latencyMicros, boolean coldStart, long nowMicros) {
        at(nowMicros);
        latency.record(function, latencyMicros, coldStart);
    }

    @Override
    public void environments(int function, int total, long nowMicros) {
        at(nowMicros);
        recorder.environmentsNow(function, total);
    }

    @Override
    public void concurrency(int function, int functionInFlight, int accountInFlight, long nowMicros) {
        at(nowMicros);
        recorder.concurrencyNow(function, functionInFlight, accountInFlight, nowMicros);
        if (accounts != null) {
            accounts.concurrencyNow(function, functionInFlight);
        }
    }

    @Override
    public void connections(int key, int keyConnections, long nowMicros) {
        at(nowMicros);
        recorder.connectionsNow(key, keyConnections, nowMicros);
    }

    @Override
    public void eniState(EniId eni, EniState from, EniState to, long nowMicros) {
        at(nowMicros);
        recorder.eniStateNow(eni, from, to);
        journal.eniState(eni, from, to, nowMicros);
        if (accounts != null) {
            accounts.eniStateNow(eni, from, to);
        }
    }

    @Override
    public void subnetIps(int subnet, int availableIps, long nowMicros) {
        at(nowMicros);
        recorder.subnetIpsNow(subnet, availableIps);
    }

    @Override
    public void functionState(int function, State state, StateReasonCode reason, String cause, long nowMicros) {
        recorder.functionState(function, state, reason, cause, nowMicros);
        journal.functionState(function, state, reason, cause, nowMicros);
    }

    @Override
    public void eniShared(int function, EniId eni, long nowMicros) {
        journal.eniShared(function, eni, nowMicros);
    }

    @Override
    public void eniAwaited(int function, EniId eni, long nowMicros) {
        journal.eniAwaited(function, eni, nowMicros);
    }

    @Override
    public void functionUpdate(int function, LastUpdateStatus status, StateReasonCode reason, long nowMicros) {
        recorder.functionUpdate(function, status, reason, nowMicros);
        journal.functionUpdate(function, status, reason, nowMicros);
    }

    @Override
    public void rateLimited(int function, RequestRateLimit limit, long nowMicros) {
        recorder.rateLimited(function, limit, nowMicros); // a total, no bucket
    }

    @Override
    public void scaleOutRefused(int function, EniKey key, ScaleOutLimit limit, long nowMicros) {
        journal.scaleOutRefused(function, key, limit, nowMicros);
    }

    @Override
    public void controlAction(String description, long nowMicros) {
        recorder.controlAction(description, nowMicros);
        journal.controlAction(description, nowMicros);
    }

    // ---- the asynchronous queue's calls ({@link AsyncListener}): the async recorder's series, crossed here ----

    @Override
    public void received(int function, long nowMicros) {
        at(nowMicros);
        async.receivedNow(function);
    }

    @Override
    public void refused(int function, long nowMicros) {
        async.refused(function, nowMicros); // a count with no bucket
    }

    @Override
    public void invoked(int function, long eventAgeMicros, long nowMicros) {
        at(nowMicros);
        async.invokedNow(function, eventAgeMicros);
    }

    @Override
    public void retried(int function, boolean functionError, long nowMicros) {
        async.retried(function, functionError, nowMicros); // a count with no bucket
    }

    @Override
    public void succeeded(int function, long latencyMicros, int attempts, long nowMicros) {
        at(nowMicros);
        async.succeededNow(function, latencyMicros, attempts);
    }

    @Override
    public void dropped(int function, AsyncDrop reason, long nowMicros) {
        at(nowMicros);
        async.droppedNow(function, reason);
    }

    @Override
    public void delivery(int function, boolean destination, boolean delivered, long nowMicros) {
        at(nowMicros);
        async.deliveryNow(function, destination, delivered);
    }

    // ---- the SQS event sources' calls ({@link SqsListener}): the SQS recorder's series, crossed here ----

    @Override
    public void sent(int function, long nowMicros) {
        at(nowMicros);
        sqs.sentNow(function);
    }

    @Override
    public void deleted(int function, int messages, long nowMicros) {
        at(nowMicros);
        sqs.deletedNow(function, messages);
    }

    @Override
    public void batchFailed(int function, Outcome outcome, long nowMicros) {
        sqs.batchFailed(function, outcome, nowMicros); // a count with no bucket
    }

    @Override
    public void visibilityExpired(int function, int returned, int toDeadLetterQueue, long nowMicros) {
        at(nowMicros);
        sqs.visibilityExpiredNow(function, returned, toDeadLetterQueue);
    }

    @Override
    public void expired(int function, int messages, long nowMicros) {
        sqs.expired(function, messages, nowMicros); // a count with no bucket
    }

    @Override
    public void queue(int function, int visible, long oldestAgeMicros, int batches, int target, long nowMicros) {
        at(nowMicros);
        sqs.queueNow(function, visible, oldestAgeMicros, batches);
    }
}
