package dev.enisim.model.eni;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What makes two functions share a Hyperplane ENI: the same VPC, subnet and set of security groups, in the same
 * account. The groups are kept sorted, because AWS compares them as a set. In the legacy (pre-2019) model ENIs
 * were not shared across functions: {@code owner} then names the function, and is empty for Hyperplane keys.
 *
 * <p>{@code account}: "Each unique security group and subnet combination in your account requires a different
 * network interface" (https://docs.aws.amazon.com/lambda/latest/dg/foundation-networking.html), so two accounts
 * on one subnet of a VPC shared with them (AWS RAM) have two keys. Empty in a single-account scenario.
 */
public record EniKey(String vpcId, String subnetId, List<String> securityGroupIds, String owner, String account) {

    public EniKey {
        securityGroupIds = sortedDistinct(securityGroupIds);
    }

    /** The groups sorted, each once, in an unmodifiable list (no stream: a world of 10,000 functions makes 20,000). */
    private static List<String> sortedDistinct(List<String> ids) {
        String[] a = ids.toArray(new String[0]);
        if (a.length > 1) {
            Arrays.sort(a);
        }
        int n = 0;
        for (int i = 0; i < a.length; i++) {
            if (n == 0 || !Objects.equals(a[i], a[n - 1])) {
                a[n++] = a[i];
            }
        }
        return Collections.unmodifiableList(Arrays.asList(n == a.length ? a : Arrays.copyOf(a, n)));
    }

    /** A key of the scenario's only account. */
    public EniKey(String vpcId, String subnetId, List<String> securityGroupIds, String owner) {
        this(vpcId, subnetId, securityGroupIds, owner, "");
    }

    /** A Hyperplane key, shared by every function with this subnet and security-group set. */
    public EniKey(String vpcId, String subnetId, List<String> securityGroupIds) {
        this(vpcId, subnetId, securityGroupIds, "");
    }

    /**
     * Readable form, e.g. {@code subnet-a+[sg-app,sg-db]}, {@code fn@subnet-a+[sg-app]} for a legacy key, {@code
     * 222222222222:subnet-a+[sg-app]} for an account's key when several accounts share the VPC.
     */
    public String label() {
        return (account.isEmpty() ? "" : account + ":") + (owner.isEmpty() ? "" : owner + "@") + subnetId + "+["
                + String.join(",", securityGroupIds) + "]";
    }

    @Override
    public String toString() {
        return label();
    }
}
