package dev.enisim.model.function;

/** AWS's {@code StateReasonCode} values that enisim produces. Active functions carry none (null). */
public enum StateReasonCode {
    Creating, Restoring, Idle, SubnetOutOfIPAddresses, EniLimitExceeded, InsufficientRolePermissions,
    InvalidSubnet, InvalidSecurityGroup,
    /** A Pending operation Lambda cancelled (an update after 6 minutes Pending) [assumed: AWS names no code]. */
    InternalError,
    /** EC2 throttled Lambda's network-interface calls (in StateReasonCode and LastUpdateStatusReasonCode) [doc]. */
    EC2RequestLimitExceeded
}
