package dev.enisim.model;

import java.util.Optional;

/**
 * What limits the Hyperplane network model (the default) beyond ports and quotas: a value the run makes from the
 * scenario's {@code hyperplane} block; the model makes its strategy from it.
 *
 * @param ec2RequestLimit       how many of Lambda's CreateNetworkInterface calls EC2 accepts at once and how fast
 *                              they come back; empty: EC2 does not limit them
 * @param eniNotReadyOnScaleOut a request that finds its key's ENIs full while another is created gets
 *                              ENINotReadyException (else it runs without its connection)
 */
public record HyperplaneLimits(Optional<Ec2RequestLimit> ec2RequestLimit, boolean eniNotReadyOnScaleOut) {

    /** No EC2 limit, and a request meeting a scale-out runs without its connection. */
    public static final HyperplaneLimits NONE = new HyperplaneLimits(Optional.empty(), false);

    /**
     * A token bucket for Lambda's EC2 calls that create Hyperplane ENIs: {@code burst} calls at once, refilled at
     * {@code perSecond}; a creation refused by it fails with EC2RequestLimitExceeded. The scenario's
     * {@code hyperplane.ec2RequestLimit} is one.
     */
    public record Ec2RequestLimit(int burst, double perSecond) {
    }
}
