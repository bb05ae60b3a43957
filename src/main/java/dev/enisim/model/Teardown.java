package dev.enisim.model;

import dev.enisim.model.eni.EniId;
import java.util.List;

/**
 * What an action released: the ENIs whose deletion it started, and those of its keys still being created then (their
 * deletion starts when they are ready, unless a user comes back first). Actions are deleteFunction, deleteVersion N,
 * updateVpcConfig and idle reclaim; every deleteFunction is listed, even when it deleted nothing.
 *
 * @param function        the function's index
 * @param requestedMicros when the action was requested (an updateVpcConfig's UpdateFunctionConfiguration call)
 * @param releasedMicros  when it released the ENIs: the request itself, but for an updateVpcConfig, whose old ENIs
 *                        are released once the new ones are ready
 */
public record Teardown(int function, String action, long requestedMicros, long releasedMicros, List<EniId> enis) {

    public Teardown {
        enis = List.copyOf(enis);
    }
}
