package dev.enisim.model;

import dev.enisim.model.eni.EniState;
import dev.enisim.model.eni.HyperplaneEni;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;

/**
 * What the world reports as it changes. Called synchronously from the hot loop: implementations must be cheap
 * and allocation-free on the per-invocation calls ({@link #invocation}, {@link #concurrency},
 * {@link #connections}).
 */
public interface WorldListener {

    /** An invocation arrived and got {@code outcome} (decided at admission). */
    void invocation(int function, Outcome outcome, long nowMicros);

    /** In-flight counts after an invocation started or ended. */
    void concurrency(int function, int functionInFlight, int accountInFlight, long nowMicros);

    /** Connections on a key's ENIs after they changed. */
    void connections(int key, int keyConnections, long nowMicros);

    /** An ENI was created ({@code from} null) or changed state. */
    void eniState(HyperplaneEni eni, EniState from, long nowMicros);

    /** A subnet's free addresses changed. */
    void subnetIps(int subnet, int availableIps, long nowMicros);

    /** A function changed state (including its creation). */
    void functionState(int function, State state, StateReasonCode reason, String cause, long nowMicros);

    /** A listener that ignores everything. */
    WorldListener NONE = new WorldListener() {
        @Override
        public void invocation(int function, Outcome outcome, long nowMicros) {
        }

        @Override
        public void concurrency(int function, int functionInFlight, int accountInFlight, long nowMicros) {
        }

        @Override
        public void connections(int key, int keyConnections, long nowMicros) {
        }

        @Override
        public void eniState(HyperplaneEni eni, EniState from, long nowMicros) {
        }

        @Override
        public void subnetIps(int subnet, int availableIps, long nowMicros) {
        }

        @Override
        public void functionState(int function, State state, StateReasonCode reason, String cause,
                long nowMicros) {
        }
    };
}
