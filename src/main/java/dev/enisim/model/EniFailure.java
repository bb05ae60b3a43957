package dev.enisim.model;

import dev.enisim.model.function.StateReasonCode;

/**
 * Why Lambda cannot give a function the ENI it needs, with what follows from it in AWS's own words: the
 * function's {@code StateReasonCode} when it fails because of it (creation, restore, update), and the Invoke error
 * an invocation gets. One type for the whole chain, so a new cause is one constant here.
 */
enum EniFailure {
    /** The subnet has no free address for a new ENI. */
    SUBNET_OUT_OF_IPS(StateReasonCode.SubnetOutOfIPAddresses, Outcome.SUBNET_IP_LIMIT_REACHED),
    /** The VPC's ENI quota is used up. */
    ENI_LIMIT(StateReasonCode.EniLimitExceeded, Outcome.ENI_LIMIT_REACHED),
    /** The execution role may not manage network interfaces (revoked or deleted). */
    ROLE_PERMISSIONS(StateReasonCode.InsufficientRolePermissions, Outcome.EC2_ACCESS_DENIED),
    /** EC2's API refused the call for its rate (legacy model); transient, so no state reason. */
    EC2_THROTTLED(null, Outcome.EC2_THROTTLED),
    /**
     * EC2 refused Lambda's call to create a Hyperplane ENI for its rate: StateReasonCode (and
     * LastUpdateStatusReasonCode) EC2RequestLimitExceeded [doc: API enums]; invocations get EC2ThrottledException
     * [assumed: the Invoke error whose words, "Amazon EC2 throttled AWS Lambda", match it].
     */
    EC2_REQUEST_LIMIT(StateReasonCode.EC2RequestLimitExceeded, Outcome.EC2_THROTTLED),
    /** The VpcConfig's subnets are in several VPCs. */
    INVALID_SUBNET(StateReasonCode.InvalidSubnet, Outcome.INVALID_SUBNET_ID),
    /** A security group of the VpcConfig is in another VPC. */
    INVALID_SECURITY_GROUP(StateReasonCode.InvalidSecurityGroup, Outcome.INVALID_SECURITY_GROUP_ID),
    /**
     * Lambda cancelled the Pending operation (an update called after 6 minutes Pending); the function's invocations
     * get ResourceConflictException, as for a Failed function without a VPC cause [assumed].
     */
    CANCELLED(StateReasonCode.InternalError, Outcome.RESOURCE_CONFLICT);

    private final StateReasonCode reason;
    private final Outcome invokeError;

    EniFailure(StateReasonCode reason, Outcome invokeError) {
        this.reason = reason;
        this.invokeError = invokeError;
    }

    /** The StateReasonCode of a function that fails for this (null for a transient cause). */
    public StateReasonCode reason() {
        if (reason == null) {
            throw new IllegalStateException(this + " is transient: it never fails a function");
        }
        return reason;
    }

    /** The Invoke error an invocation gets for this. */
    public Outcome invokeError() {
        return invokeError;
    }

    /** The failure behind a Failed function's StateReasonCode. */
    public static EniFailure of(StateReasonCode reason) {
        EniFailure f = find(reason);
        if (f == null) {
            throw new IllegalArgumentException("no failure has StateReasonCode " + reason);
        }
        return f;
    }

    /** As {@link #of}, null when no failure has that StateReasonCode. */
    static EniFailure find(StateReasonCode reason) {
        for (EniFailure f : values()) {
            if (f.reason == reason) {
                return f;
            }
        }
        return null;
    }
}
