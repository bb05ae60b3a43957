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
 * wait in a small heap of their own ({@link SourceHeap}: 4-ary, entries inline) instead of the main queue: a
 * process that schedules its own next step each time it runs then costs one sift in a heap of as many entries as
 * there are sources, not an insertion and a removal in the queue of everything else. That pays while sources are
 * few; beyond {@link #HEAP_SOURCES} the heap's log n costs more than the calendar's O(1), and occurrences are
 * queued in the calendar like any event (a replaced one stays there, marked stale, and is skipped when its time
 * comes).
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

    /**
     * Up to this many sources, their occurrences wait in the source heap; beyond, in the calendar. Measured with
     * n self-rescheduling sources alone in the loop (CPU ns per event, the 4-ary heap against the calendar,
     * including an exponential draw each): n = 64 42 against 44, n = 128 46 against 52, n = 200 about equal
     * (49), n = 256 52.5 against 47, n = 1,000 66 against 48, n = 10,000 108 against 66. The heap's log n
     * loses to the calendar's O(1) from about 200 sources on, so the calendar is what stays cheap at 10,000.
     */
    static final int HEAP_SOURCES = 192;

    /** A source's occurrence queued in the calendar: one instance per source, reused. */
    private static final class Occurrence {
        final int source;

        Occurrence(int source) {
            this.source = source;
        }
    }

    private final CalendarQueue queue;
    private final SourceHeap sources = new SourceHeap();
    private Occurrence[] occurrences = new Occurrence[4];
    private long[] queuedKey = new long[4];   // key of the source's live occurrence in the calendar, or -1
    private int staleQueued;                  // replaced occurrences still in the calendar
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
        return queue.size() - staleQueued + sources.size();
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
        int source = sources.add(event);
        if (source == occurrences.length) {
            occurrences = java.util.Arrays.copyOf(occurrences, 2 * source);
            queuedKey = java.util.Arrays.copyOf(queuedKey, 2 * source);
        }
        occurrences[source] = new Occurrence(source);
        queuedKey[source] = -1;
        return source;
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
        long key = key(priority);
        if (sources.sources() <= HEAP_SOURCES) {
            sources.set(source, atMicros, key);
            return;
        }
        sources.remove(source); // pending since before the sources outgrew the heap
        if (queuedKey[source] >= 0) {
            staleQueued++;
        }
        queuedKey[source] = key;
        queue.add(atMicros, key, occurrences[source]);
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
                Object next = q.firstEvent();
                if (!(next instanceof Occurrence o)) {
                    q.removeFirst();
                } else {
                    long key = q.firstKey();
                    q.removeFirst();
                    if (queuedKey[o.source] != key) {
                        staleQueued--; // replaced since: not an event any more
                        continue;
                    }
                    queuedKey[o.source] = -1;
                    next = src.event(o.source);
                }
                event = (E) next;
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
        while (staleQueued > 0 && queue.size() > 0 && queue.firstEvent() instanceof Occurrence o
                && queuedKey[o.source] != queue.firstKey()) {
            queue.removeFirst();
            staleQueued--;
        }
        return Math.min(queue.size() == 0 ? Long.MAX_VALUE : queue.firstTime(), sources.firstTime());
    }
}
