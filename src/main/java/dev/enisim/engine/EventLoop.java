package dev.enisim.engine;

import java.util.Arrays;

/**
 * A discrete-event loop over events of type {@code E}.
 *
 * <p>Time is a {@code long} count of microseconds. Events are delivered in a total order: by time, then by
 * priority (lower first), then by the order in which they were scheduled. The queue is a binary heap held
 * in parallel primitive arrays, so scheduling and delivering an event allocates nothing (the event object
 * itself is the caller's) and nothing is boxed.
 *
 * <p>Scheduling an event before the current time is a bug in the caller and throws at once.
 *
 * @param <E> the event type, usually a sealed interface of records
 */
public final class EventLoop<E> {

    /** Receives each event when its time comes. */
    @FunctionalInterface
    public interface Handler<E> {
        void handle(E event, long nowMicros);
    }

    /** Sees each event just before it is handled: for tracing and progress, never for model logic. */
    @FunctionalInterface
    public interface Observer<E> {
        void beforeEvent(E event, long nowMicros);
    }

    /** Highest priority value accepted (priorities take the top bits of the tie-break key). */
    public static final int MAX_PRIORITY = (1 << 19) - 1;
    private static final int SEQ_BITS = 44;
    private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;

    private long[] times;
    private long[] keys;   // priority << SEQ_BITS | sequence
    private Object[] events;
    private int size;
    private long sequence;
    private long nowMicros;
    private long delivered;
    private boolean stopped;
    private Observer<? super E> observer;

    public EventLoop() {
        this(1024);
    }

    public EventLoop(int initialCapacity) {
        int capacity = Math.max(16, initialCapacity);
        times = new long[capacity];
        keys = new long[capacity];
        events = new Object[capacity];
    }

    /** The current simulated time in microseconds. */
    public long nowMicros() {
        return nowMicros;
    }

    /** Events delivered so far. */
    public long deliveredEvents() {
        return delivered;
    }

    /** Events waiting in the queue. */
    public int pendingEvents() {
        return size;
    }

    public void setObserver(Observer<? super E> observer) {
        this.observer = observer;
    }

    /** Schedules {@code event} at absolute time {@code atMicros}. */
    public void schedule(long atMicros, int priority, E event) {
        if (atMicros < nowMicros) {
            throw new IllegalArgumentException("cannot schedule in the past: event " + event + " at "
                    + atMicros + " us, now " + nowMicros + " us");
        }
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority out of range 0.." + MAX_PRIORITY + ": " + priority);
        }
        if (event == null) {
            throw new NullPointerException("event");
        }
        if (size == times.length) {
            grow();
        }
        long key = ((long) priority << SEQ_BITS) | (sequence++ & SEQ_MASK);
        siftUp(size++, atMicros, key, event);
    }

    /** Schedules {@code event} {@code delayMicros} after now. */
    public void scheduleAfter(long delayMicros, int priority, E event) {
        if (delayMicros < 0) {
            throw new IllegalArgumentException("negative delay " + delayMicros + " us for " + event);
        }
        schedule(nowMicros + delayMicros, priority, event);
    }

    /** Asks {@link #runUntil} to return after the event being handled. */
    public void stop() {
        stopped = true;
    }

    /**
     * Delivers events in order while their time is at most {@code endMicros}, then advances the clock to
     * {@code endMicros} (unless stopped early). Returns the number of events delivered by this call.
     */
    @SuppressWarnings("unchecked")
    public long runUntil(long endMicros, Handler<? super E> handler) {
        if (endMicros < nowMicros) {
            throw new IllegalArgumentException("cannot run back to " + endMicros + " us, now " + nowMicros + " us");
        }
        stopped = false;
        long before = delivered;
        Observer<? super E> obs = observer;
        while (size > 0 && times[0] <= endMicros && !stopped) {
            long at = times[0];
            E event = (E) events[0];
            removeTop();
            nowMicros = at;
            delivered++;
            if (obs != null) {
                obs.beforeEvent(event, at);
            }
            handler.handle(event, at);
        }
        if (!stopped) {
            nowMicros = endMicros;
        }
        return delivered - before;
    }

    /** Time of the next event, or {@link Long#MAX_VALUE} when the queue is empty. */
    public long nextEventMicros() {
        return size == 0 ? Long.MAX_VALUE : times[0];
    }

    private void removeTop() {
        int last = --size;
        long t = times[last];
        long k = keys[last];
        Object e = events[last];
        events[last] = null;
        if (last > 0) {
            siftDown(0, t, k, e);
        }
    }

    private void siftUp(int index, long t, long k, Object e) {
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long pt = times[parent];
            if (pt < t || (pt == t && keys[parent] < k)) {
                break;
            }
            times[i] = pt;
            keys[i] = keys[parent];
            events[i] = events[parent];
            i = parent;
        }
        times[i] = t;
        keys[i] = k;
        events[i] = e;
    }

    private void siftDown(int index, long t, long k, Object e) {
        int i = index;
        int half = size >>> 1;
        while (i < half) {
            int child = 2 * i + 1;
            int right = child + 1;
            long ct = times[child];
            long ck = keys[child];
            if (right < size) {
                long rt = times[right];
                long rk = keys[right];
                if (rt < ct || (rt == ct && rk < ck)) {
                    child = right;
                    ct = rt;
                    ck = rk;
                }
            }
            if (t < ct || (t == ct && k < ck)) {
                break;
            }
            times[i] = ct;
            keys[i] = ck;
            events[i] = events[child];
            i = child;
        }
        times[i] = t;
        keys[i] = k;
        events[i] = e;
    }

    private void grow() {
        int capacity = times.length * 2;
        times = Arrays.copyOf(times, capacity);
        keys = Arrays.copyOf(keys, capacity);
        events = Arrays.copyOf(events, capacity);
    }
}
