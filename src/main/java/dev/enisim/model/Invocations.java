package dev.enisim.model;

import dev.enisim.model.SimEvent.InvocationEnd;
import java.util.Arrays;

/**
 * The admitted invocations in flight, held column by column in arrays indexed by a slot: what each one's end
 * gives back (its function, its ports on {@code eni}, its environment on {@code envEni} of {@code envKey}, made for
 * configuration {@code generation}, provisioned or not). A slot's {@link InvocationEnd} is made once, when the
 * table first grows to it, and scheduled again each time the slot is reused: in steady state an invocation
 * allocates nothing. Slots are reused last-freed first.
 */
final class Invocations {

    private int[] function = new int[16];
    private HyperplaneEni[] eni = new HyperplaneEni[16];
    private int[] connections = new int[16];
    private HyperplaneEni[] envEni = new HyperplaneEni[16];
    private int[] envKey = new int[16];
    private int[] generation = new int[16];
    private boolean[] provisioned = new boolean[16];
    private long[] envCreated = new long[16];  // when the environment was made (its lifetime, for averages)
    private InvocationEnd[] ends = new InvocationEnd[16];
    private int[] free = new int[16];   // a stack of free slots below size
    private int freeCount;
    private int size;                   // slots ever used

    /** Takes a slot for an admitted invocation and returns the event that ends it. */
    InvocationEnd start(int fn, HyperplaneEni portsEni, int ports, HyperplaneEni environmentEni, int key, int gen,
            boolean prov, long envCreatedMicros) {
        int s;
        if (freeCount > 0) {
            s = free[--freeCount];
        } else {
            if (size == ends.length) {
                grow();
            }
            s = size++;
            ends[s] = new InvocationEnd(s);
        }
        function[s] = fn;
        eni[s] = portsEni;
        connections[s] = ports;
        envEni[s] = environmentEni;
        envKey[s] = key;
        generation[s] = gen;
        provisioned[s] = prov;
        envCreated[s] = envCreatedMicros;
        return ends[s];
    }

    /** Frees the slot (after its end was handled). */
    void finish(int s) {
        eni[s] = null;
        envEni[s] = null;
        free[freeCount++] = s;
    }

    int function(int s) {
        return function[s];
    }

    HyperplaneEni eni(int s) {
        return eni[s];
    }

    int connections(int s) {
        return connections[s];
    }

    HyperplaneEni envEni(int s) {
        return envEni[s];
    }

    int envKey(int s) {
        return envKey[s];
    }

    int generation(int s) {
        return generation[s];
    }

    boolean provisioned(int s) {
        return provisioned[s];
    }

    long envCreatedMicros(int s) {
        return envCreated[s];
    }

    private void grow() {
        int n = ends.length * 2;
        function = Arrays.copyOf(function, n);
        eni = Arrays.copyOf(eni, n);
        connections = Arrays.copyOf(connections, n);
        envEni = Arrays.copyOf(envEni, n);
        envKey = Arrays.copyOf(envKey, n);
        generation = Arrays.copyOf(generation, n);
        provisioned = Arrays.copyOf(provisioned, n);
        envCreated = Arrays.copyOf(envCreated, n);
        ends = Arrays.copyOf(ends, n);
        free = Arrays.copyOf(free, n);
    }
}
