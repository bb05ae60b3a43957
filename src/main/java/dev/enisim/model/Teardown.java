package dev.enisim.model;

import dev.enisim.model.eni.EniId;
import java.util.List;

/**
 * What an action released: the ENIs whose deletion it started, and those of its keys still being created then (their
 * deletion starts when they are ready, unless a user comes back first). Actions are deleteFunction, deleteVersion N,
 * updateVpcConfig and idle reclaim; every deleteFunction is listed, even when it deleted nothing.
 *
 * @param function the function's index
 */
public record Teardown(int function, String action, long requestedMicros, List<EniId> enis) {

    public Teardown {
        enis = List.copyOf(enis);
    }
}
