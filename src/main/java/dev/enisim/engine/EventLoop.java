package dev.enisim.engine;


/**
 * A discrete-event loop over events of type {@code E}.
 *
 * <p>Time is a {@code long} count of microseconds. Events are delivered in a total order: by time, then by
 * priority (lower first), then by the order in which they were scheduled. The queue is a calendar queue
 * ({@link CalendarQueue}) held in primitive arrays: O(1) per event on average, and scheduling and delivering an
 * event allocates nothing (the event object itself is the caller's) and nothing is boxed.
 *
 * <p>A <em>source</em> ({@link #addSource}) is a recurring event with at most one occurrence pending, such as a
 * process's next arrival. Its occurrences are ordered exactly like scheduled events (same sequence numbers) but
 * wait in a heap of their own ({@link SourceHeap}, 4-ary, entries inline) instead of the main queue: a process
 * that schedules its own next step each time it runs then costs one sift in a heap of as many entries as there
 * are sources, not an insertion and a removal in the queue of everything else (measured with the bench's cost
 * model, the heap costs less than the calendar from 1 to 10,000 sources).
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
    private final SourceHeap sources = new SourceHeap();
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

    /** Events waiting: in the queue, and the sources' pending occurrences. */
    public int pendingEvents() {
        return queue.size() + sources.size();
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
        if (event == null) {
            throw new NullPointerException("event");
        }
        queue.add(atMicros, key(priority), event);
    }

    private long key(int priority) {
        if (priority < 0 || priority > MAX_PRIORITY) {
            throw new IllegalArgumentException("priority out of range 0.." + MAX_PRIORITY + ": " + priority);
        }
        return ((long) priority << SEQ_BITS) | (sequence++ & SEQ_MASK);
    }

    /**
     * Adds a source that delivers {@code event} at each of its occurrences, and returns its id. It has no
     * occurrence until {@link #scheduleSource} gives it one.
     */
    public int addSource(E event) {
        if (event == null) {
            throw new NullPointerException("event");
        }
        return sources.add(event);
    }

    /**
     * Sets the source's next occurrence at {@code atMicros}, replacing one still pending. It is delivered in the
     * same order as an event scheduled now with the same time and priority would be.
     */
    public void scheduleSource(int source, long atMicros, int priority) {
        if (source < 0 || source >= sources.sources()) {
            throw new IllegalArgumentException("no source " + source);
        }
        if (atMicros < nowMicros) {
            throw new IllegalArgumentException("cannot schedule in the past: source " + source + " ("
                    + sources.event(source) + ") at " + atMicros + " us, now " + nowMicros + " us");
        }
        sources.set(source, atMicros, key(priority));
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
        SourceHeap src = sources;
        while (!stopped) {
            // the earlier of the queue's first event and the sources' first occurrence, by (time, key)
            boolean queued = q.size() > 0;
            long at = queued ? q.firstTime() : Long.MAX_VALUE;
            long st = src.firstTime();
            boolean fromSource = src.size() > 0
                    && (!queued || st < at || (st == at && src.firstKey() < q.firstKey()));
            E event;
            if (fromSource) {
                if (st > endMicros) {
                    break;
                }
                at = st;
                event = (E) src.event(src.takeFirst());
            } else {
                if (!queued || at > endMicros) {
                    break;
                }
                event = (E) q.firstEvent();
                q.removeFirst();
            }
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
        return Math.min(queue.size() == 0 ? Long.MAX_VALUE : queue.firstTime(), sources.firstTime());
    }
}
