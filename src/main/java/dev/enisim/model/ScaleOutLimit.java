package dev.enisim.model;

/**
 * What refused an Active function's scale-out (Lambda's new ENI for a key whose ENIs are full), with the Invoke
 * error the invocation gets: the key's subnet had no free IP, the VPC's ENI quota (other services' ENIs counted) had
 * no slot, or the Region's network interfaces were used up. A request that meets the key during the retry back-off
 * after such a refusal ({@code hyperplane.eniRetryBackoff}) is refused by the same limit without a new try.
 */
public enum ScaleOutLimit {
    /** The key's subnet had no free IP: SubnetIPAddressLimitReachedException. */
    SUBNET_IPS(Outcome.SUBNET_IP_LIMIT_REACHED),
    /** The VPC's ENI quota had no free slot: ENILimitReachedException. */
    VPC_ENI_QUOTA(Outcome.ENI_LIMIT_REACHED),
    /** The VPC had room but the Region's network interfaces were used up: ENILimitReachedException. */
    REGION_NETWORK_INTERFACES(Outcome.ENI_LIMIT_REACHED);

    private final Outcome invokeError;

    ScaleOutLimit(Outcome invokeError) {
        this.invokeError = invokeError;
    }

    /** The Invoke error of an invocation whose scale-out this limit refused. */
    public Outcome invokeError() {
        return invokeError;
    }

    /** Whether {@code outcome} is the Invoke error of a refused scale-out (of some limit). */
    public static boolean refuses(Outcome outcome) {
        return outcome == Outcome.SUBNET_IP_LIMIT_REACHED || outcome == Outcome.ENI_LIMIT_REACHED;
    }
}
