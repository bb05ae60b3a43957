package dev.enisim.engine;


/**
 * A discrete-event loop over events of type {@code E}.
 *
 * <p>Time is a {@code long} count of microseconds. Events are delivered in a total order: by time, then by
 * priority (lower first), then by the order in which they were scheduled. The queue is a calendar queue
 * ({@link CalendarQueue}) held in primitive arrays: O(1) per event on average, and scheduling and delivering an
 * event allocates nothing (the event object itself is the caller's) and nothing is boxed.
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

    private final CalendarQueue queue;
    private long sequence;
    private long nowMicros;
    private long delivered;
    private boolean stopped;
    private Observer<? super E> observer;

    public EventLoop() {
        this(1024);
    }

    public EventLoop(int initialCapacity) {
        queue = new CalendarQueue(Math.max(16, initialCapacity));
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
        return queue.size();
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
        long key = ((long) priority << SEQ_BITS) | (sequence++ & SEQ_MASK);
        queue.add(atMicros, key, event);
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
        CalendarQueue q = queue;
        while (q.size() > 0 && q.firstTime() <= endMicros && !stopped) {
            long at = q.firstTime();
            E event = (E) q.firstEvent();
            q.removeFirst();
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
        return queue.size() == 0 ? Long.MAX_VALUE : queue.firstTime();
    }
}
