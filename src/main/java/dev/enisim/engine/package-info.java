/**
 * A generic discrete-event loop: an integer clock in microseconds and a priority queue of events ordered
 * by (time, priority, scheduling sequence). It knows nothing about Lambda, VPCs or ENIs.
 *
 * <p>Its public surface is what a simulation needs and what makes the loop checkable: {@code schedule} (absolute
 * times only: the model computes them from the {@code now} it is handed, so there is no relative variant),
 * plain events (a kind and a {@code long} payload the caller gives meaning to, with no object: a model schedules a
 * row of its own primitive tables and allocates nothing), sources, {@code runUntil}, {@code stop}, an observer, and
 * three read-only queries. {@code nowMicros} is the clock
 * (the model's test harness invokes at the loop's time); {@code pendingEvents} and {@code nextEventMicros} are the
 * queue's state, as SimPy's {@code peek()}: the model-based property tests compare them with a reference queue
 * after every step, which is what catches a lost or stale source occurrence (the calendar keeps replaced ones
 * and these two skip them). They are cheap and have no effect on the order of events.
 *
 * <p>May import: {@code java.*} only.
 */
package dev.enisim.engine;
