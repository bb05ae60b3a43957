package dev.enisim.model.eni;

/**
 * Who an ENI is and where it sits, fixed at its creation: what observers are told about an ENI (they never see
 * the mutable ENI itself). Names are made once here, not on every notification.
 *
 * @param id       1, 2, ... in creation order
 * @param name     display id, e.g. {@code eni-0001}
 * @param key      index of its key (VPC, subnet, security groups)
 * @param keyLabel its key's readable form, e.g. {@code subnet-a+[sg-app]}
 * @param subnet   index of its subnet
 * @param vpc      index of its VPC
 * @param address  its private IP address
 */
public record EniId(int id, String name, int key, String keyLabel, int subnet, int vpc, String address) {

    /** Display id of ENI {@code id}. */
    public static String name(int id) {
        return String.format(java.util.Locale.ROOT, "eni-%04d", id);
    }
}
