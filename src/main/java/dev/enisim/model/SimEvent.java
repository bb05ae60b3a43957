package dev.enisim.model;

import dev.enisim.model.eni.HyperplaneEni;

/**
 * Every event of the simulation: small immutable records behind one sealed interface, dispatched in one place
 * ({@link World#handle}). Priorities order events that fall on the same microsecond: control-plane actions
 * first, then ENI readiness, then completions (which free capacity), then arrivals.
 */
public sealed interface SimEvent {

    int PRIORITY_CONTROL = 0;
    int PRIORITY_ENI = 1;
    int PRIORITY_COMPLETION = 2;
    int PRIORITY_ARRIVAL = 3;

    /** A function's creation call (CreateFunction) at its {@code createdAt}. */
    record CreateFunction(int function) implements SimEvent {
    }

    /** The next invocation of a function arrives. One instance per function is reused. */
    record Arrival(int function) implements SimEvent {
    }

    /** An admitted invocation ends and gives back its concurrency and connections ({@code eni} may be null). */
    record InvocationEnd(int function, HyperplaneEni eni, int connections) implements SimEvent {
    }

    /** A new Hyperplane ENI finished creating. */
    record EniReady(HyperplaneEni eni) implements SimEvent {
    }

    /** A function finished attaching to a key that already had a ready ENI. */
    record AttachDone(int function, int key) implements SimEvent {
    }
}
