package dev.enisim.model.function;

/** AWS's {@code StateReasonCode} values that enisim produces. Active functions carry none (null). */
public enum StateReasonCode {
    Creating, Restoring, Idle, SubnetOutOfIPAddresses, EniLimitExceeded, InsufficientRolePermissions,
    InvalidSubnet, InvalidSecurityGroup
}
