package dev.enisim.model;

import dev.enisim.model.function.StateReasonCode;
import java.util.List;

/**
 * A resolved VpcConfig: the ENI keys (one per distinct subnet) a function or version uses, grouped by
 * Availability Zone for AZ-balanced choice. Immutable. {@link #NONE} is "not attached".
 *
 * @param keys        pool keys, in configuration order, distinct
 * @param keysByAz    the same keys grouped by AZ, AZs in configuration order
 * @param configError InvalidSubnet / InvalidSecurityGroup when the config cannot work (then keys is empty)
 */
record Binding(List<String> subnetIds, List<String> securityGroupIds, int[] keys, int[][] keysByAz,
        StateReasonCode configError) {

    public static final Binding NONE = new Binding(List.of(), List.of(), new int[0], new int[0][], null);

    public Binding {
        subnetIds = List.copyOf(subnetIds);
        securityGroupIds = List.copyOf(securityGroupIds);
    }

    /** The same binding with arrays of its own (the lists are immutable: shared). */
    Binding copy() {
        int[][] byAz = new int[keysByAz.length][];
        for (int i = 0; i < byAz.length; i++) {
            byAz[i] = keysByAz[i].clone();
        }
        return new Binding(subnetIds, securityGroupIds, keys.clone(), byAz, configError);
    }

    /** True when the function is configured for a VPC (even a broken config). */
    public boolean attached() {
        return !subnetIds.isEmpty();
    }

    public boolean uses(int key) {
        for (int k : keys) {
            if (k == key) {
                return true;
            }
        }
        return false;
    }
}
