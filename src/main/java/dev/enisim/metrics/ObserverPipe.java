package dev.enisim.metrics;

import dev.enisim.model.AsyncDrop;
import dev.enisim.model.AsyncListener;
import dev.enisim.model.Outcome;
import dev.enisim.model.ScaleOutLimit;
import dev.enisim.model.SqsListener;
import dev.enisim.model.WorldListener;
import dev.enisim.model.eni.EniId;
import dev.enisim.model.eni.EniKey;
import dev.enisim.model.eni.EniState;
import dev.enisim.model.function.LastUpdateStatus;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.locks.LockSupport;

/**
 * The run's {@link Observers} on a thread of their own: the simulation's thread writes each call into a ring of longs
 * (a few plain stores, in the order it makes them) and the observers' thread replays them, in that order, on the one
 * {@link Observers}. The observers see exactly the calls, arguments and order of a run without the pipe, so every
 * figure and file is the same; what moves is where their work is done. The metrics are about a third of an event's
 * cost at many functions (their rows are cold: one per function), so a run with a core to spare finishes sooner.
 *
 * <p>Nothing of the model reads the observers during a run (they observe; style.md), which is what makes this sound:
 * the only readers are the run's result, built after {@link #finish}, which waits for the observers' thread to replay
 * every call and joins it (so the result's reads happen after all of its writes).
 *
 * <p>Records: a head long (the call's code in its low 8 bits, small values such as an outcome's ordinal and flags in
 * bits 8 to 31, a function's or key's index in the high 32) and up to four more longs; object arguments (an ENI's id,
 * a state, a cause's text) go into a parallel ring of references at their record's positions, and are cleared when
 * read. The simulation's thread makes the records visible in batches ({@link #BATCH} longs, one release store), so
 * the two threads share a cache line only once a batch; it waits for room only when the observers are a whole ring
 * behind. A failure on the observers' thread (a broken invariant is a bug: it throws) is thrown again on the
 * simulation's thread at its next batch, and at {@link #finish}.
 *
 * <p>Before {@link #start} (the calls made while the world is built) and when the ring is full with no thread
 * started, the simulation's thread replays the records itself.
 */
public final class ObserverPipe implements WorldListener, AsyncListener, SqsListener {

    /** The ring's length in longs (256 KiB: in a core's second-level cache, with its references' ring). */
    static final int CAPACITY = 1 << 15;
    /** The longs written between two publications. */
    static final int BATCH = 512;
    /** The observers' spins waiting for a batch before they park, and how long they park. */
    private static final int SPINS = 64;
    private static final long PARK_NANOS = 50_000;
    /** The most longs one record takes, and some: a write never checks within a record. */
    private static final int LARGEST = 8;

    // the calls' codes (a record's low 8 bits)
    private static final int STARTED = 1;
    private static final int ENDED = 2;
    private static final int TAKEN = 3;
    private static final int IDLED = 4;
    private static final int CONNECTIONS = 5;
    private static final int INVOCATION = 6;
    private static final int CONCURRENCY = 7;
    private static final int LATENCY = 8;
    private static final int ENVIRONMENTS = 9;
    private static final int LEVELS = 10;
    private static final int EXECUTION = 11;
    private static final int PROVISIONED_CONCURRENCY = 12;
    private static final int SPILLOVER = 13;
    private static final int NAT_CONNECTIONS = 14;
    private static final int NAT_ERROR = 15;
    private static final int ENI_STATE = 16;
    private static final int SUBNET_IPS = 17;
    private static final int FUNCTION_STATE = 18;
    private static final int ENI_SHARED = 19;
    private static final int ENI_AWAITED = 20;
    private static final int FUNCTION_UPDATE = 21;
    private static final int SCALE_OUT_REFUSED = 22;
    private static final int CONTROL_ACTION = 23;
    private static final int RECEIVED = 24;
    private static final int REFUSED = 25;
    private static final int INVOKED = 26;
    private static final int RETRIED = 27;
    private static final int SUCCEEDED = 28;
    private static final int DROPPED = 29;
    private static final int DELIVERY = 30;
    private static final int SENT = 31;
    private static final int DELETED = 32;
    private static final int BATCH_FAILED = 33;
    private static final int VISIBILITY_EXPIRED = 34;
    private static final int EXPIRED = 35;
    private static final int QUEUE = 36;
    private static final int REACH = 37;

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final VarHandle PUBLISHED;
    private static final VarHandle CONSUMED;

    static {
        try {
            MethodHandles.Lookup l = MethodHandles.lookup();
            PUBLISHED = l.findVarHandle(ObserverPipe.class, "published", long.class);
            CONSUMED = l.findVarHandle(ObserverPipe.class, "consumed", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final Observers target;
    private final int capacity;
    private final int batch;
    private final long[] ring;
    private final Object[] refs;
    /** {@code capacity - 1}: a position's index in the rings. */
    private final int mask;
    private final Outcome[] outcomes = Outcome.all();

    // the simulation's thread's own
    /** The next position to write. */
    private long tail;
    /** The position at which a write must first publish or make room ({@link #slow}). */
    private long check;
    /** The last {@link #consumed} read. */
    private long seenConsumed;

    // shared: written with release, read with acquire
    @SuppressWarnings("unused") // through PUBLISHED
    private volatile long published;
    @SuppressWarnings("unused") // through CONSUMED
    private volatile long consumed;
    private volatile boolean closing;
    private volatile Throwable failure;

    // the replaying thread's own (the simulation's before start, the observers' after)
    private long head;

    private volatile Thread thread;
    /** The thread's CPU time and allocated bytes, written as it ends: -1 before. */
    private volatile long threadCpuNanos = -1;
    private volatile long threadAllocatedBytes = -1;
    /** The observers' next bucket edge as the calls sent so far leave it (theirs is the observers' thread's). */
    private long edge;

    public ObserverPipe(Observers target) {
        this(target, CAPACITY, BATCH);
    }

    /** With a ring of {@code capacity} longs (a power of two, at least 64) published every {@code batch} (tests). */
    ObserverPipe(Observers target, int capacity, int batch) {
        if (Integer.bitCount(capacity) != 1 || capacity < 64 || batch < 1 || batch > capacity / 2) {
            throw new IllegalArgumentException("ring of " + capacity + " longs, batches of " + batch);
        }
        this.target = target;
        this.capacity = capacity;
        this.batch = batch;
        this.ring = new long[capacity];
        this.refs = new Object[capacity];
        this.mask = capacity - 1;
        this.check = batch;
        this.edge = target.nextBucketMicros();
    }

    /**
     * As {@link Observers#nextBucketMicros}, on the simulation's thread: the edge after the last one {@link #reach}ed
     * (a run reaches every edge before any call past it, so the observers' own edge is this once they replay).
     */
    public long nextBucketMicros() {
        return edge;
    }

    /** Starts the observers' thread: from now on the calls are replayed there. */
    public void start() {
        if (thread != null) {
            throw new IllegalStateException("the observers' thread has started already");
        }
        publish(tail);
        Thread t = new Thread(this::replayUntilClosed, "enisim-observers");
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /**
     * Waits until the observers have replayed every call and their thread has ended; throws what failed on it. The
     * observers may be read after this.
     */
    public void finish() {
        publish(tail);
        if (thread == null) {
            replay(tail);
            return;
        }
        closing = true;
        LockSupport.unpark(thread);
        boolean interrupted = false;
        while (true) {
            try {
                thread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        rethrow();
    }

    /**
     * Stops the observers' thread without waiting for its calls (a run that failed or was stopped: its result is
     * not read). Does nothing when it did not start.
     */
    public void abandon() {
        closing = true;
        failure = failure == null ? new IllegalStateException("the run was abandoned") : failure;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    /**
     * The CPU time the observers' thread has taken so far (its total once it has ended: {@link #finish}); 0 if it
     * never started. Read from any thread.
     */
    public long threadCpuNanos() {
        Thread t = thread;
        long done = threadCpuNanos;
        if (t == null || done >= 0) {
            return Math.max(0, done);
        }
        long now = THREADS.getThreadCpuTime(t.getId());
        return now >= 0 ? now : Math.max(0, threadCpuNanos); // -1: it has just ended, its total written
    }

    /** As {@link #threadCpuNanos}, the bytes its thread allocated (0 where the JVM does not count them). */
    public long threadAllocatedBytes() {
        Thread t = thread;
        long done = threadAllocatedBytes;
        if (t == null || done >= 0 || !(THREADS instanceof com.sun.management.ThreadMXBean hs)) {
            return Math.max(0, done);
        }
        long now = hs.getThreadAllocatedBytes(t.getId());
        return now >= 0 ? now : Math.max(0, threadAllocatedBytes);
    }

    /** As {@link Observers#crossedAtCalls}: read after {@link #finish}. */
    public long crossedAtCalls() {
        return target.crossedAtCalls();
    }

    /** Tells the observers to cross into the bucket of {@code nowMicros}, in its order among the calls. */
    public void reach(long nowMicros) {
        if (nowMicros >= edge) {
            edge = target.edgeAfter(nowMicros);
        }
        long p = room();
        long[] r = ring;
        int m = mask;
        r[(int) p & m] = REACH;
        r[(int) (p + 1) & m] = nowMicros;
        tail = p + 2;
    }

    // ---- the writing side ----

    private static long head(int code, int small, int index) {
        return ((long) index << 32) | ((long) small << 8) | code;
    }

    private static long pair(int high, int low) {
        return ((long) high << 32) | (low & 0xFFFF_FFFFL);
    }

    private static int high(long pair) {
        return (int) (pair >>> 32);
    }

    private static int low(long pair) {
        return (int) pair;
    }

    private static int ordinal(Enum<?> e) {
        return e == null ? 0 : e.ordinal() + 1;
    }

    /** The position to write a record at: the tail, once it may be written (published before, room made). */
    private long room() {
        long p = tail;
        if (p >= check) {
            slow(p);
        }
        return p;
    }

    private void slow(long p) {
        publish(p);
        long limit = seenConsumed + capacity - LARGEST;
        if (p >= limit) {
            if (thread == null) {
                replay(p);
                seenConsumed = p;
            } else {
                waitForRoom(p);
            }
            limit = seenConsumed + capacity - LARGEST;
        }
        check = Math.min(p + batch, limit);
    }

    private void publish(long p) {
        PUBLISHED.setRelease(this, p);
        if (failure != null && !closing) {
            rethrow();
        }
    }

    private void waitForRoom(long p) {
        LockSupport.unpark(thread); // the observers may be parked, waiting for a batch: there is a ring's worth
        int spins = 0;
        while (true) {
            long c = (long) CONSUMED.getAcquire(this);
            if (p < c + capacity - LARGEST) {
                seenConsumed = c;
                return;
            }
            rethrow();
            if (++spins < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(5_000);
            }
        }
    }

    private void rethrow() {
        Throwable t = failure;
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public void started(int function, Outcome outcome, boolean coldStart, boolean provisioned, long initMicros,
            long runMicros, int functionInFlight, int accountInFlight, boolean spillover, long nowMicros) {
        long p = room();
        long[] r = ring;
        int m = mask;
        int flags = outcome.ordinal() | (coldStart ? 1 << 8 : 0) | (provisioned ? 1 << 9 : 0)
                | (spillover ? 1 << 10 : 0);
        r[(int) p & m] = head(STARTED, flags, function);
        r[(int) (p + 1) & m] = initMicros;
        r[(int) (p + 2) & m] = runMicros;
        r[(int) (p + 3) & m] = pair(functionInFlight, accountInFlight);
        r[(int) (p + 4) & m] = nowMicros;
        tail = p + 5;
    }

    @Override
    public void ended(int function, int functionInFlight, int accountInFlight, long nowMicros) {
        write3(ENDED, 0, function, pair(functionInFlight, accountInFlight), nowMicros);
    }

    /** As {@link Observers#environmentTaken}: what it reads (the function and the instant) is all that is sent. */
    @Override
    public void environmentTaken(int function, int busyOnDemand, int idle, int provisioned, long nowMicros) {
        write2(TAKEN, 0, function, nowMicros);
    }

    /** As {@link Observers#environmentIdled}: what it reads (the function and the instant) is all that is sent. */
    @Override
    public void environmentIdled(int function, int busyOnDemand, int idle, int provisioned, long nowMicros) {
        write2(IDLED, 0, function, nowMicros);
    }

    @Override
    public void connections(int key, int keyConnections, long nowMicros) {
        write3(CONNECTIONS, 0, key, keyConnections, nowMicros);
    }

    @Override
    public void invocation(int function, Outcome outcome, long nowMicros) {
        write2(INVOCATION, outcome.ordinal(), function, nowMicros);
    }

    @Override
    public void concurrency(int function, int functionInFlight, int accountInFlight, long nowMicros) {
        write3(CONCURRENCY, 0, function, pair(functionInFlight, accountInFlight), nowMicros);
    }

    @Override
    public void latency(int function, long latencyMicros, boolean coldStart, long nowMicros) {
        write3(LATENCY, coldStart ? 1 : 0, function, latencyMicros, nowMicros);
    }

    @Override
    public void environments(int function, int total, long nowMicros) {
        write3(ENVIRONMENTS, 0, function, total, nowMicros);
    }

    @Override
    public void environmentLevels(int function, int busyOnDemand, int idle, int provisioned, long nowMicros) {
        write4(LEVELS, 0, function, pair(busyOnDemand, idle), provisioned, nowMicros);
    }

    @Override
    public void execution(int function, Outcome outcome, boolean coldStart, boolean provisioned, long initMicros,
            long runMicros, long nowMicros) {
        int flags = outcome.ordinal() | (coldStart ? 1 << 8 : 0) | (provisioned ? 1 << 9 : 0);
        long p = room();
        long[] r = ring;
        int m = mask;
        r[(int) p & m] = head(EXECUTION, flags, function);
        r[(int) (p + 1) & m] = initMicros;
        r[(int) (p + 2) & m] = runMicros;
        r[(int) (p + 3) & m] = nowMicros;
        tail = p + 4;
    }

    @Override
    public void provisionedConcurrency(int function, int requested, int allocated, long nowMicros) {
        write3(PROVISIONED_CONCURRENCY, 0, function, pair(requested, allocated), nowMicros);
    }

    @Override
    public void provisionedSpillover(int function, long nowMicros) {
        write2(SPILLOVER, 0, function, nowMicros);
    }

    @Override
    public void natConnections(int gateway, int destination, int connections, long nowMicros) {
        write3(NAT_CONNECTIONS, 0, gateway, pair(destination, connections), nowMicros);
    }

    @Override
    public void natPortAllocationError(int gateway, int destination, long nowMicros) {
        write3(NAT_ERROR, 0, gateway, destination, nowMicros);
    }

    @Override
    public void eniState(EniId eni, EniState from, EniState to, long nowMicros) {
        writeRefs(ENI_STATE, 0, nowMicros, eni, from, to);
    }

    @Override
    public void subnetIps(int subnet, int availableIps, long nowMicros) {
        write3(SUBNET_IPS, 0, subnet, availableIps, nowMicros);
    }

    @Override
    public void functionState(int function, State state, StateReasonCode reason, String cause, long nowMicros) {
        writeRefs(FUNCTION_STATE, function, nowMicros, state, reason, cause);
    }

    @Override
    public void eniShared(int function, EniId eni, long nowMicros) {
        writeRefs(ENI_SHARED, function, nowMicros, eni, null, null);
    }

    @Override
    public void eniAwaited(int function, EniId eni, long nowMicros) {
        writeRefs(ENI_AWAITED, function, nowMicros, eni, null, null);
    }

    @Override
    public void functionUpdate(int function, LastUpdateStatus status, StateReasonCode reason, long nowMicros) {
        writeRefs(FUNCTION_UPDATE, function, nowMicros, status, reason, null);
    }

    @Override
    public void scaleOutRefused(int function, EniKey key, ScaleOutLimit limit, long nowMicros) {
        writeRefs(SCALE_OUT_REFUSED, function, nowMicros, key, limit, null);
    }

    @Override
    public void controlAction(String description, long nowMicros) {
        writeRefs(CONTROL_ACTION, 0, nowMicros, description, null, null);
    }

    @Override
    public void received(int function, long nowMicros) {
        write2(RECEIVED, 0, function, nowMicros);
    }

    @Override
    public void refused(int function, long nowMicros) {
        write2(REFUSED, 0, function, nowMicros);
    }

    @Override
    public void invoked(int function, long eventAgeMicros, long nowMicros) {
        write3(INVOKED, 0, function, eventAgeMicros, nowMicros);
    }

    @Override
    public void retried(int function, boolean functionError, long nowMicros) {
        write2(RETRIED, functionError ? 1 : 0, function, nowMicros);
    }

    @Override
    public void succeeded(int function, long latencyMicros, int attempts, long nowMicros) {
        write4(SUCCEEDED, 0, function, latencyMicros, attempts, nowMicros);
    }

    @Override
    public void dropped(int function, AsyncDrop reason, long nowMicros) {
        write2(DROPPED, ordinal(reason), function, nowMicros);
    }

    @Override
    public void delivery(int function, boolean destination, boolean delivered, long nowMicros) {
        write2(DELIVERY, (destination ? 1 : 0) | (delivered ? 2 : 0), function, nowMicros);
    }

    @Override
    public void sent(int function, long nowMicros) {
        write2(SENT, 0, function, nowMicros);
    }

    @Override
    public void deleted(int function, int messages, long nowMicros) {
        write3(DELETED, 0, function, messages, nowMicros);
    }

    @Override
    public void batchFailed(int function, Outcome outcome, long nowMicros) {
        write2(BATCH_FAILED, outcome.ordinal(), function, nowMicros);
    }

    @Override
    public void visibilityExpired(int function, int returned, int toDeadLetterQueue, long nowMicros) {
        write3(VISIBILITY_EXPIRED, 0, function, pair(returned, toDeadLetterQueue), nowMicros);
    }

    @Override
    public void expired(int function, int messages, long nowMicros) {
        write3(EXPIRED, 0, function, messages, nowMicros);
    }

    @Override
    public void queue(int function, int visible, long oldestAgeMicros, int batches, int target, long nowMicros) {
        long p = room();
        long[] r = ring;
        int m = mask;
        r[(int) p & m] = head(QUEUE, 0, function);
        r[(int) (p + 1) & m] = pair(visible, batches);
        r[(int) (p + 2) & m] = oldestAgeMicros;
        r[(int) (p + 3) & m] = target;
        r[(int) (p + 4) & m] = nowMicros;
        tail = p + 5;
    }

    private void write2(int code, int small, int index, long nowMicros) {
        long p = room();
        long[] r = ring;
        int m = mask;
        r[(int) p & m] = head(code, small, index);
        r[(int) (p + 1) & m] = nowMicros;
        tail = p + 2;
    }

    private void write3(int code, int small, int index, long a, long nowMicros) {
        long p = room();
        long[] r = ring;
        int m = mask;
        r[(int) p & m] = head(code, small, index);
        r[(int) (p + 1) & m] = a;
        r[(int) (p + 2) & m] = nowMicros;
        tail = p + 3;
    }

    private void write4(int code, int small, int index, long a, long b, long nowMicros) {
        long p = room();
        long[] r = ring;
        int m = mask;
        r[(int) p & m] = head(code, small, index);
        r[(int) (p + 1) & m] = a;
        r[(int) (p + 2) & m] = b;
        r[(int) (p + 3) & m] = nowMicros;
        tail = p + 4;
    }

    /** A rare call with object arguments: they go into the references' ring, at the record's three positions. */
    private void writeRefs(int code, int index, long nowMicros, Object a, Object b, Object c) {
        long p = room();
        long[] r = ring;
        int m = mask;
        Object[] o = refs;
        r[(int) p & m] = head(code, 0, index);
        r[(int) (p + 1) & m] = nowMicros;
        r[(int) (p + 2) & m] = 0;
        o[(int) p & m] = a;
        o[(int) (p + 1) & m] = b;
        o[(int) (p + 2) & m] = c;
        tail = p + 3;
    }

    // ---- the replaying side ----

    private void replayUntilClosed() {
        try {
            int idle = 0;
            while (true) {
                long available = (long) PUBLISHED.getAcquire(this);
                if (head < available) {
                    replay(available);
                    CONSUMED.setRelease(this, head);
                    idle = 0;
                } else if (closing) {
                    if (head >= (long) PUBLISHED.getAcquire(this) || failure != null) {
                        break;
                    }
                } else if (++idle < SPINS) {
                    Thread.onSpinWait();
                } else {
                    // the simulation writes a batch in some tens of microseconds and a ring in about a millisecond:
                    // a longer wait would burn less, a shorter one lag less (the writer wakes the observers when full)
                    LockSupport.parkNanos(PARK_NANOS);
                }
            }
        } catch (Throwable t) {
            failure = t;
            CONSUMED.setRelease(this, Long.MAX_VALUE / 2); // the writer never waits for room again
        } finally {
            long id = Thread.currentThread().getId();
            threadAllocatedBytes = THREADS instanceof com.sun.management.ThreadMXBean hs
                    ? Math.max(0, hs.getThreadAllocatedBytes(id)) : 0;
            threadCpuNanos = Math.max(0, THREADS.getThreadCpuTime(id));
        }
    }

    /** Replays the records from {@link #head} to {@code until} on the observers. */
    private void replay(long until) {
        long[] r = ring;
        int m = mask;
        Object[] o = refs;
        Observers t = target;
        long p = head;
        while (p < until) {
            long h = r[(int) p & m];
            int code = (int) h & 0xFF;
            int small = (int) (h >>> 8) & 0xFF_FFFF;
            int index = (int) (h >>> 32);
            switch (code) {
                case STARTED -> {
                    long counts = r[(int) (p + 3) & m];
                    t.started(index, outcomes[small & 0xFF], (small & 1 << 8) != 0, (small & 1 << 9) != 0,
                            r[(int) (p + 1) & m], r[(int) (p + 2) & m], high(counts), low(counts),
                            (small & 1 << 10) != 0, r[(int) (p + 4) & m]);
                    p += 5;
                }
                case ENDED -> {
                    long counts = r[(int) (p + 1) & m];
                    t.ended(index, high(counts), low(counts), r[(int) (p + 2) & m]);
                    p += 3;
                }
                case TAKEN -> {
                    t.takenNow(index, r[(int) (p + 1) & m]);
                    p += 2;
                }
                case IDLED -> {
                    t.idledNow(index, r[(int) (p + 1) & m]);
                    p += 2;
                }
                case CONNECTIONS -> {
                    t.connections(index, (int) r[(int) (p + 1) & m], r[(int) (p + 2) & m]);
                    p += 3;
                }
                case REACH -> {
                    t.reach(r[(int) (p + 1) & m]);
                    p += 2;
                }
                default -> p += rare(t, r, o, p, code, small, index);
            }
        }
        head = p;
    }

    /** Replays one of the calls that are not an invocation's start or end; returns its record's length. */
    private int rare(Observers t, long[] r, Object[] o, long p, int code, int small, int index) {
        int m = mask;
        long a = r[(int) (p + 1) & m];
        long b = r[(int) (p + 2) & m];
        switch (code) {
            case INVOCATION -> {
                t.invocation(index, outcomes[small], a);
                return 2;
            }
            case CONCURRENCY -> {
                t.concurrency(index, high(a), low(a), b);
                return 3;
            }
            case LATENCY -> {
                t.latency(index, a, small != 0, b);
                return 3;
            }
            case ENVIRONMENTS -> {
                t.environments(index, (int) a, b);
                return 3;
            }
            case LEVELS -> {
                t.environmentLevels(index, high(a), low(a), (int) b, r[(int) (p + 3) & m]);
                return 4;
            }
            case EXECUTION -> {
                t.execution(index, outcomes[small & 0xFF], (small & 1 << 8) != 0, (small & 1 << 9) != 0, a, b,
                        r[(int) (p + 3) & m]);
                return 4;
            }
            case PROVISIONED_CONCURRENCY -> {
                t.provisionedConcurrency(index, high(a), low(a), b);
                return 3;
            }
            case SPILLOVER -> {
                t.provisionedSpillover(index, a);
                return 2;
            }
            case NAT_CONNECTIONS -> {
                t.natConnections(index, high(a), low(a), b);
                return 3;
            }
            case NAT_ERROR -> {
                t.natPortAllocationError(index, (int) a, b);
                return 3;
            }
            case SUBNET_IPS -> {
                t.subnetIps(index, (int) a, b);
                return 3;
            }
            case RECEIVED -> {
                t.received(index, a);
                return 2;
            }
            case REFUSED -> {
                t.refused(index, a);
                return 2;
            }
            case INVOKED -> {
                t.invoked(index, a, b);
                return 3;
            }
            case RETRIED -> {
                t.retried(index, small != 0, a);
                return 2;
            }
            case SUCCEEDED -> {
                t.succeeded(index, a, (int) b, r[(int) (p + 3) & m]);
                return 4;
            }
            case DROPPED -> {
                t.dropped(index, small == 0 ? null : AsyncDrop.values()[small - 1], a);
                return 2;
            }
            case DELIVERY -> {
                t.delivery(index, (small & 1) != 0, (small & 2) != 0, a);
                return 2;
            }
            case SENT -> {
                t.sent(index, a);
                return 2;
            }
            case DELETED -> {
                t.deleted(index, (int) a, b);
                return 3;
            }
            case BATCH_FAILED -> {
                t.batchFailed(index, outcomes[small], a);
                return 2;
            }
            case VISIBILITY_EXPIRED -> {
                t.visibilityExpired(index, high(a), low(a), b);
                return 3;
            }
            case EXPIRED -> {
                t.expired(index, (int) a, b);
                return 3;
            }
            case QUEUE -> {
                t.queue(index, high(a), b, low(a), (int) r[(int) (p + 3) & m], r[(int) (p + 4) & m]);
                return 5;
            }
            default -> {
                return withRefs(t, o, p, code, index, a);
            }
        }
    }

    /** Replays a call with object arguments ({@link #writeRefs}), clearing its references. */
    private int withRefs(Observers t, Object[] o, long p, int code, int index, long nowMicros) {
        int m = mask;
        int i = (int) p & m;
        int j = (int) (p + 1) & m;
        int k = (int) (p + 2) & m;
        Object a = o[i];
        Object b = o[j];
        Object c = o[k];
        o[i] = null;
        o[j] = null;
        o[k] = null;
        switch (code) {
            case ENI_STATE -> t.eniState((EniId) a, (EniState) b, (EniState) c, nowMicros);
            case FUNCTION_STATE -> t.functionState(index, (State) a, (StateReasonCode) b, (String) c, nowMicros);
            case ENI_SHARED -> t.eniShared(index, (EniId) a, nowMicros);
            case ENI_AWAITED -> t.eniAwaited(index, (EniId) a, nowMicros);
            case FUNCTION_UPDATE -> t.functionUpdate(index, (LastUpdateStatus) a, (StateReasonCode) b, nowMicros);
            case SCALE_OUT_REFUSED -> t.scaleOutRefused(index, (EniKey) a, (ScaleOutLimit) b, nowMicros);
            case CONTROL_ACTION -> t.controlAction((String) a, nowMicros);
            default -> throw new IllegalStateException("the observers' ring holds an unknown call: " + code);
        }
        return 3;
    }
}
