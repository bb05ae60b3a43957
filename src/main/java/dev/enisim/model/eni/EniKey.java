package dev.enisim.model.eni;

import java.util.List;

/**
 * What makes two functions share a Hyperplane ENI: the same VPC, subnet and set of security groups. The groups
 * are kept sorted, because AWS compares them as a set. In the legacy (pre-2019) model ENIs were not shared
 * across functions: {@code owner} then names the function, and is empty for Hyperplane keys.
 */
public record EniKey(String vpcId, String subnetId, List<String> securityGroupIds, String owner) {

    public EniKey {
        securityGroupIds = securityGroupIds.stream().distinct().sorted().toList();
    }

    /** A Hyperplane key, shared by every function with this subnet and security-group set. */
    public EniKey(String vpcId, String subnetId, List<String> securityGroupIds) {
        this(vpcId, subnetId, securityGroupIds, "");
    }

    /** Readable form, e.g. {@code subnet-a+[sg-app,sg-db]}, or {@code fn@subnet-a+[sg-app]} for a legacy key. */
    public String label() {
        return (owner.isEmpty() ? "" : owner + "@") + subnetId + "+[" + String.join(",", securityGroupIds) + "]";
    }

    @Override
    public String toString() {
        return label();
    }
}
