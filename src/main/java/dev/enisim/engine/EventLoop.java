package dev.enisim.engine;

import java.util.Arrays;

/**
 * A discrete-event loop over events of type {@code E}.
 *
 * <p>Time is a {@code long} count of microseconds. Events are delivered in a total order: by time, then by
 * priority (lower first), then by the order in which they were scheduled. The queue is a binary heap held
 * in primitive arrays, so scheduling and delivering an event allocates nothing (the event object
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

    // a binary heap; node i's time and tie-break key sit side by side at 2i and 2i + 1 (one cache line per
    // comparison), its event at i
    private long[] nodes;
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
        nodes = new long[2 * capacity];
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
        if (size == events.length) {
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
        while (size > 0 && nodes[0] <= endMicros && !stopped) {
            long at = nodes[0];
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
        return size == 0 ? Long.MAX_VALUE : nodes[0];
    }

    /**
     * Removes the root the bottom-up way (Floyd): the hole at the root walks down to a leaf along the smaller
     * child, one comparison per level, and the last element is then sifted up from there. Random keys land near
     * the bottom, so this halves the comparisons (and the mispredicted branches) of a plain sift-down.
     */
    private void removeTop() {
        int last = --size;
        long t = nodes[2 * last];
        long k = nodes[2 * last + 1];
        Object e = events[last];
        events[last] = null;
        if (last == 0) {
            return;
        }
        long[] n = nodes;
        int hole = 0;
        int child;
        while ((child = 2 * hole + 1) < last) {
            int right = child + 1;
            if (right < last) {
                long ct = n[2 * child];
                long rt = n[2 * right];
                if (rt < ct || (rt == ct && n[2 * right + 1] < n[2 * child + 1])) {
                    child = right;
                }
            }
            n[2 * hole] = n[2 * child];
            n[2 * hole + 1] = n[2 * child + 1];
            events[hole] = events[child];
            hole = child;
        }
        siftUp(hole, t, k, e);
    }

    private void siftUp(int index, long t, long k, Object e) {
        long[] n = nodes;
        int i = index;
        while (i > 0) {
            int parent = (i - 1) >>> 1;
            long pt = n[2 * parent];
            if (pt < t || (pt == t && n[2 * parent + 1] < k)) {
                break;
            }
            n[2 * i] = pt;
            n[2 * i + 1] = n[2 * parent + 1];
            events[i] = events[parent];
            i = parent;
        }
        n[2 * i] = t;
        n[2 * i + 1] = k;
        events[i] = e;
    }

    private void grow() {
        int capacity = events.length * 2;
        nodes = Arrays.copyOf(nodes, 2 * capacity);
        events = Arrays.copyOf(events, capacity);
    }
}
