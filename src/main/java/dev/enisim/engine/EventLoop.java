package dev.enisim.engine;


/**
 * A discrete-event loop over events of type {@code E}.
 *
 * <p>Time is a {@code long} count of microseconds. Events are delivered in a total order: by time, then by
 * priority (lower first), then by the order in which they were scheduled. The queue is a calendar queue
 * ({@link CalendarQueue}) held in primitive arrays: O(1) per event on average, and scheduling and delivering an
 * event allocates nothing (the event object itself is the caller's) and nothing is boxed.
 *
 * <p>An event is an object of type {@code E}, delivered to the {@link Handler} given to {@link #runUntil}, or a
 * <em>plain event</em> ({@link #schedule(long, int, int, long)}): a kind and a {@code long} payload that the caller
 * gives meaning to (say, the row of a table of its own), stored in the queue's primitive arrays and delivered to
 * the {@link PlainHandler}: no object at all, hence no allocation, no pointer store and no type test per event.
 *
 * <p>A <em>source</em> ({@link #addSource}) is a recurring event with at most one occurrence pending, such as a
 * process's next arrival. Its occurrences are ordered exactly like scheduled events (same sequence numbers) but
 * wait in a tournament tree of their own ({@link SourceTree}: a leaf per source, each node the first occurrence
 * below it) instead of the main queue: a process that schedules its own next step each time it runs then costs
 * one pass from its leaf to the root, one match per level without a branch, not an insertion and a removal in the
 * queue of everything else. That pays up to a few hundred sources; beyond {@link #TREE_SOURCES} the calendar's
 * O(1) is cheaper, and occurrences are queued in the calendar like any event (those pending in the tree move there
 * when the sources outgrow it; a replaced one stays there, marked stale, and is skipped when its time comes). A
 * {@link SourceHandler} takes the occurrences by source id, with no event object.
 *
 * <p>A {@link Lookahead} ({@link #setLookahead}) is told, before each event is delivered, which event is queued
 * next (or every n events, the next n: {@link #setLookahead(Lookahead, int)}), so that a caller with large tables
 * can start fetching those events' rows while the current one is handled.
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

    /**
     * Receives each plain event ({@link #schedule(long, int, int, long)}) when its time comes: the kind and the
     * payload it was scheduled with.
     */
    @FunctionalInterface
    public interface PlainHandler {
        void handle(int kind, long payload, long nowMicros);
    }

    /**
     * Receives each source's occurrence by the source's id ({@link #setSourceHandler}), in place of the source's
     * event object: a process that is a source (an arrival process) is then dispatched with no object read and no
     * type test.
     */
    @FunctionalInterface
    public interface SourceHandler {
        void handleSource(int source, long nowMicros);
    }

    /**
     * Told, just before each event is delivered, which event is queued next, when that is a plain event or a
     * source's occurrence: a hint, so that the next event's data can be fetched while the current one is handled
     * (with thousands of rows, each event's first touch of its rows is a cache miss; told ahead, the misses of two
     * events overlap instead of adding up). Never for model logic: the event being delivered may schedule an
     * earlier one, and then the hint named an event that is not the next. Given only while the sources' occurrences
     * are queued in the calendar (more than {@link #TREE_SOURCES} sources): with fewer, a run's rows are few and
     * in cache anyway. Called once per delivered event at most, or with a batch of n events
     * ({@link #setLookahead(Lookahead, int)}) up to n times every n events, so it must be cheap: loads, no work.
     */
    public interface Lookahead {
        /** The next event queued is an occurrence of source {@code source}. */
        void nextSource(int source);

        /** The next event queued is a plain event of kind {@code kind} with {@code payload}. */
        void nextPlain(int kind, long payload);
    }

    /** Sees each event just before it is handled: for tracing and progress, never for model logic. */
    @FunctionalInterface
    public interface Observer<E> {
        void beforeEvent(E event, long nowMicros);

        /** Sees a plain event just before it is handled. */
        default void beforePlainEvent(int kind, long payload, long nowMicros) {
        }
    }

    /** Highest kind of a plain event. */
    public static final int MAX_KIND = Integer.MAX_VALUE;

    /** Highest priority value accepted (priorities take the top bits of the tie-break key). */
    public static final int MAX_PRIORITY = (1 << 19) - 1;
    private static final int SEQ_BITS = 44;
    private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;

    /**
     * Up to this many sources, their occurrences wait in the source tree; beyond, in the calendar. With the tree,
     * every event is a choice between two structures (the tree's first and the calendar's), and an occurrence costs
     * a pass of log2(leaves) levels, about 2 ns each (14.5 ns per replacement with 100 sources alone); in the
     * calendar it is an insertion and a removal among all other events, about the same whatever the number of
     * sources. Measured (session 10), {@code loss}'s traffic split over n functions, the tree against the calendar,
     * each in its own JVM, alternated, CPU ns per event (medians of 3 runs): n = 100 ({@code loss-100}) 116, 113, 108
     * against 124, 117, 117 (the tree 3 to 9% faster; in one JVM, the two alternated run by run, 117.0 against
     * 129.1, six rounds, the tree ahead in each); n = 200 125 against 125 and 155 against 154, n = 400 147 against
     * 148 (equal). Session 11, {@code account} (200 functions, 20 minutes), the tree (eight levels) against the
     * calendar in one JVM, alternated run by run: 154.5 against 173.2 ns per event (medians of 6 rounds, the tree
     * ahead in every one; in another JVM at the same time, the 4-ary tree tried then, 168.1 against 194.9, also six
     * of six), where {@code loss}'s split over 200 functions had measured them equal. So 256, the largest tree
     * of eight levels.
     */
    static final int TREE_SOURCES = 256;

    /** The kind of a source's occurrence queued in the calendar (beyond the tree): its payload is the source. */
    private static final int OCCURRENCE = -2;

    private final CalendarQueue queue;
    private final SourceTree sources = new SourceTree();
    private long[] queuedKey = new long[4];   // key of the source's live occurrence in the calendar, or -1
    private int staleQueued;                  // replaced occurrences still in the calendar
    private long sequence;
    private long nowMicros;
    private long delivered;
    private boolean stopped;
    private Observer<? super E> observer;
    private PlainHandler plainHandler;
    private SourceHandler sourceHandler;
    private Lookahead lookahead;
    private int batch = 1;                    // events told at once ({@link #setLookahead(Lookahead, int)})
    private int hintedAhead;                  // events still to come of the last batch told, this one included

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

    /**
     * Sets the receiver of plain events (before the first is due). {@link #runUntil} delivers event objects to
     * its handler, plain events to this one.
     */
    public void setPlainHandler(PlainHandler handler) {
        this.plainHandler = handler;
    }

    /**
     * Sets the receiver of the sources' occurrences (by source id; the observer still sees the source's event
     * object). Without one, {@link #runUntil} delivers a source's event object to its handler.
     */
    public void setSourceHandler(SourceHandler handler) {
        this.sourceHandler = handler;
    }

    /**
     * Sets the hook told which event comes next ({@link Lookahead}), or null for none (the default: then the loop
     * does not even look).
     */
    public void setLookahead(Lookahead lookahead) {
        setLookahead(lookahead, 1);
    }

    /**
     * Sets the hook ({@link Lookahead}) told the next {@code batch} events at once, every {@code batch} deliveries:
     * with tables out of cache, a read ahead that is a load holds the processor's retirement until its line comes,
     * once per batch of lines, so one batch for several events pays that wait once for them all.
     */
    public void setLookahead(Lookahead lookahead, int batch) {
        if (batch < 1) {
            throw new IllegalArgumentException("a look ahead of " + batch + " events");
        }
        this.lookahead = lookahead;
        this.batch = batch;
        this.hintedAhead = 0;
    }

    /**
     * Schedules a plain event at absolute time {@code atMicros}: a {@code kind} (0 to {@link #MAX_KIND}) and a
     * {@code payload} the caller gives meaning to, with no object, so that a model can schedule what is in its own
     * primitive tables (a row's index) and allocate nothing. Ordered with event objects by time, priority and the
     * order of scheduling, as any event.
     */
    public void schedule(long atMicros, int priority, int kind, long payload) {
        if (atMicros < nowMicros) {
            throw new IllegalArgumentException("cannot schedule in the past: event of kind " + kind + " (" + payload
                    + ") at " + atMicros + " us, now " + nowMicros + " us");
        }
        if (kind < 0) {
            throw new IllegalArgumentException("kind out of range 0.." + MAX_KIND + ": " + kind);
        }
        queue.add(atMicros, key(priority), kind, payload);
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
        if (source == queuedKey.length) {
            queuedKey = java.util.Arrays.copyOf(queuedKey, 2 * source);
        }
        queuedKey[source] = -1;
        if (source == TREE_SOURCES) {
            // one source too many for the tree: its pending occurrences move to the calendar, same times and keys
            for (int s = 0; s < source; s++) {
                if (sources.pending(s)) {
                    long t = sources.pendingTime(s);
                    long k = sources.pendingKey(s);
                    sources.remove(s);
                    queuedKey[s] = k;
                    queue.add(t, k, OCCURRENCE, s);
                }
            }
        }
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
        if (sources.sources() <= TREE_SOURCES) {
            sources.set(source, atMicros, key, nowMicros);
            return;
        }
        if (queuedKey[source] >= 0) {
            staleQueued++;
        }
        queuedKey[source] = key;
        queue.add(atMicros, key, OCCURRENCE, source);
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
        SourceHandler sh = sourceHandler;
        CalendarQueue q = queue;
        SourceTree src = sources;
        // past TREE_SOURCES the tree stays empty (sources are never removed): not even looked at
        boolean tree = src.sources() <= TREE_SOURCES;
        // with the tree in use the next event may be its first: no hint then (few sources, rows in cache)
        Lookahead ahead = tree ? null : lookahead;
        while (!stopped) {
            // the earlier of the queue's first event and the sources' first occurrence, by (time, key)
            int n = q.peek();
            long at = n == CalendarQueue.NIL ? Long.MAX_VALUE : q.time(n);
            if (tree) {
                // Long.MAX_VALUE when none is pending: only a tie needs to know whether one is
                long st = src.firstTime();
                if (st < at || (st == at && src.size() > 0 && (n == CalendarQueue.NIL || src.firstKey() < q.key(n)))) {
                    if (st > endMicros) {
                        break;
                    }
                    deliverSource(src.takeFirst(), st, handler, sh, obs);
                    continue;
                }
            }
            if (n == CalendarQueue.NIL || at > endMicros) {
                break;
            }
            int kind = q.kind(n);
            if (kind >= 0) {
                long payload = q.payload(n);
                q.removeFirst(n);
                if (ahead != null) {
                    lookAhead(q, ahead);
                }
                deliver(at);
                if (obs != null) {
                    obs.beforePlainEvent(kind, payload, at);
                }
                plainHandler(kind).handle(kind, payload, at);
                continue;
            }
            if (kind == CalendarQueue.OBJECT) {
                E event = (E) q.event(n);
                q.removeFirst(n);
                if (ahead != null) {
                    lookAhead(q, ahead);
                }
                deliver(at);
                if (obs != null) {
                    obs.beforeEvent(event, at);
                }
                handler.handle(event, at);
                continue;
            }
            int source = (int) q.payload(n);
            // with no replaced occurrence queued, this one is live: its source's key is not even read
            boolean stale = staleQueued > 0 && queuedKey[source] != q.key(n);
            q.removeFirst(n);
            if (stale) {
                staleQueued--; // replaced since: not an event any more
                continue;
            }
            queuedKey[source] = -1;
            if (ahead != null) {
                lookAhead(q, ahead);
            }
            deliverSource(source, at, handler, sh, obs);
        }
        if (!stopped) {
            nowMicros = endMicros;
        }
        return delivered - before;
    }

    /**
     * Tells {@code ahead} the events queued after the one about to be delivered, {@link #batch} of them at once
     * every {@link #batch} deliveries (the next one only, at each, when 1): each that is a plain event or a live
     * source's occurrence. They are the calendar's first entries (the next events, unless the one about to be
     * delivered schedules an earlier one), walked with {@link CalendarQueue#after}, which may stop short.
     */
    private void lookAhead(CalendarQueue q, Lookahead ahead) {
        if (--hintedAhead > 0) {
            return; // this event's rows were fetched with an earlier batch
        }
        hintedAhead = batch;
        int m = q.peek();
        for (int i = 0; m != CalendarQueue.NIL; m = q.after(m)) {
            hint(q, m, ahead);
            if (++i == batch) {
                break;
            }
        }
    }

    /** Tells {@code ahead} entry {@code m} when it is a plain event or a live source's occurrence. */
    private void hint(CalendarQueue q, int m, Lookahead ahead) {
        int kind = q.kind(m);
        if (kind >= 0) {
            ahead.nextPlain(kind, q.payload(m));
        } else if (kind == OCCURRENCE) {
            int source = (int) q.payload(m);
            if (staleQueued == 0 || queuedKey[source] == q.key(m)) {
                ahead.nextSource(source);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void deliverSource(int source, long at, Handler<? super E> handler, SourceHandler sh,
            Observer<? super E> obs) {
        deliver(at);
        if (obs != null) {
            obs.beforeEvent((E) sources.event(source), at);
        }
        if (sh != null) {
            sh.handleSource(source, at);
        } else {
            handler.handle((E) sources.event(source), at);
        }
    }

    private void deliver(long at) {
        nowMicros = at;
        delivered++;
    }

    private PlainHandler plainHandler(int kind) {
        if (plainHandler == null) {
            throw new IllegalStateException("a plain event of kind " + kind + " is due and no plain handler is set");
        }
        return plainHandler;
    }

    /** Time of the next event, or {@link Long#MAX_VALUE} when the queue is empty. */
    public long nextEventMicros() {
        int n;
        while (staleQueued > 0 && (n = queue.peek()) != CalendarQueue.NIL && queue.kind(n) == OCCURRENCE
                && queuedKey[(int) queue.payload(n)] != queue.key(n)) {
            queue.removeFirst();
            staleQueued--;
        }
        return Math.min(queue.size() == 0 ? Long.MAX_VALUE : queue.firstTime(), sources.firstTime());
    }
}
