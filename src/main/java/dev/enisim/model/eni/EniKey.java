package dev.enisim.model.eni;

import java.util.List;

/**
 * What makes two functions share a Hyperplane ENI: the same VPC, subnet and set of security groups. The groups
 * are kept sorted, because AWS compares them as a set.
 */
public record EniKey(String vpcId, String subnetId, List<String> securityGroupIds) {

    public EniKey {
        securityGroupIds = securityGroupIds.stream().distinct().sorted().toList();
    }

    /** Readable form, e.g. {@code subnet-a+[sg-app,sg-db]}. */
    public String label() {
        return subnetId + "+[" + String.join(",", securityGroupIds) + "]";
    }

    @Override
    public String toString() {
        return label();
    }
}
