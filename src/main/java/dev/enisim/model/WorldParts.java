package dev.enisim.model;

/**
 * The model's parts as {@link WorldBuilder} made them, handed to the running {@link World} in one piece (so that
 * the world does not name its builder: no cycle).
 */
record WorldParts(FunctionRows rows, Network network, Concurrency concurrency, EniFleet fleet, EnvironmentPool environments,
        Lifecycle lifecycle, Admission admission, NatGateways nat, WorldListener listener) {
}
