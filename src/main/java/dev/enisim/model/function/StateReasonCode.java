package dev.enisim.model.function;

/** AWS's {@code StateReasonCode} values that enisim produces. Active functions carry none (null). */
public enum StateReasonCode {
    Creating, Restoring, Idle, SubnetOutOfIPAddresses, EniLimitExceeded, InsufficientRolePermissions,
    InvalidSubnet, InvalidSecurityGroup,
    /** A Pending operation Lambda cancelled (an update after 6 minutes Pending) [assumed: AWS names no code]. */
    InternalError,
    /** EC2 throttled Lambda's network-interface calls (in StateReasonCode and LastUpdateStatusReasonCode) [doc]. */
    EC2RequestLimitExceeded;

    /**
     * The codes of a function whose creation failed that the model simulates (each is the StateReasonCode of one of
     * its causes of failure, which says what its invocations get): accepted for a function {@code existing: Failed}.
     * The first is the default: AWS's generic code, claiming no network cause.
     */
    public static final java.util.List<StateReasonCode> FAILED_CREATION = java.util.List.of(InternalError,
            SubnetOutOfIPAddresses, EniLimitExceeded, InsufficientRolePermissions, InvalidSubnet, InvalidSecurityGroup,
            EC2RequestLimitExceeded);

    /**
     * The codes of an Inactive function whose last restore failed (AWS puts it back to Inactive with the reason
     * [doc]) that the model simulates: accepted with {@code existing: Inactive}, beside Idle (the default).
     */
    public static final java.util.List<StateReasonCode> FAILED_RESTORE = java.util.List.of(SubnetOutOfIPAddresses,
            EniLimitExceeded, InsufficientRolePermissions, EC2RequestLimitExceeded);
}
