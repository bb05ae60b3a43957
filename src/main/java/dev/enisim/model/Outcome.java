package dev.enisim.model;

/**
 * How one invocation ends: exactly one of these per invocation. Names are AWS's where AWS has them
 * (Invoke API errors and TooManyRequestsException reasons).
 */
public enum Outcome {
    SUCCESS(Kind.SUCCESS, null, null, 200),
    /** The function ran but found no free port on its ENI (all 65,000 in use) [assumed]. */
    FUNCTION_ERROR_NO_PORT(Kind.FUNCTION_ERROR, "Unhandled", "NoFreePortOnEni", 200),
    /** The function ran but a NAT gateway had no port left for one of its destinations (55,000 per address). */
    FUNCTION_ERROR_PORT_ALLOCATION(Kind.FUNCTION_ERROR, "Unhandled", "ErrorPortAllocation", 200),
    /** The function ran past its timeout. */
    FUNCTION_ERROR_TIMEOUT(Kind.FUNCTION_ERROR, "Unhandled", "TaskTimedOut", 200),
    THROTTLED_ACCOUNT(Kind.THROTTLE, "TooManyRequestsException", "ConcurrentInvocationLimitExceeded", 429),
    THROTTLED_RESERVED(Kind.THROTTLE, "TooManyRequestsException",
            "ReservedFunctionConcurrentInvocationLimitExceeded", 429),
    /** A function without reserved concurrency over a request rate or the scaling rate. */
    THROTTLED_RATE(Kind.THROTTLE, "TooManyRequestsException", "FunctionInvocationRateLimitExceeded", 429),
    /** A function with reserved concurrency over a request rate or the scaling rate. */
    THROTTLED_RESERVED_RATE(Kind.THROTTLE, "TooManyRequestsException", "ReservedFunctionInvocationRateLimitExceeded",
            429),
    RESOURCE_CONFLICT(Kind.INVOKE_ERROR, "ResourceConflictException", null, 409),
    /** The function was deleted. */
    RESOURCE_NOT_FOUND(Kind.INVOKE_ERROR, "ResourceNotFoundException", null, 404),
    /** Every subnet of the function is in an unavailable AZ [assumed: AWS names no error for it]. */
    SERVICE_EXCEPTION(Kind.INVOKE_ERROR, "ServiceException", null, 500),
    RESOURCE_NOT_READY(Kind.INVOKE_ERROR, "ResourceNotReadyException", null, 502),
    ENI_LIMIT_REACHED(Kind.INVOKE_ERROR, "ENILimitReachedException", null, 502),
    SUBNET_IP_LIMIT_REACHED(Kind.INVOKE_ERROR, "SubnetIPAddressLimitReachedException", null, 502),
    EC2_THROTTLED(Kind.INVOKE_ERROR, "EC2ThrottledException", null, 502),
    EC2_ACCESS_DENIED(Kind.INVOKE_ERROR, "EC2AccessDeniedException", null, 502),
    INVALID_SUBNET_ID(Kind.INVOKE_ERROR, "InvalidSubnetIDException", null, 502),
    INVALID_SECURITY_GROUP_ID(Kind.INVOKE_ERROR, "InvalidSecurityGroupIDException", null, 502),
    /**
     * "the elastic network interface (ENI) configured for its VPC connection isn't ready yet" [doc: API_Invoke]:
     * given (with {@code hyperplane.eniNotReadyOnScaleOut}) to a request that finds every ENI of its key full while
     * Lambda creates another [assumed: AWS does not say when it occurs].
     */
    ENI_NOT_READY(Kind.INVOKE_ERROR, "ENINotReadyException", null, 502);

    /** The four families an outcome belongs to; they partition all invocations. */
    public enum Kind { SUCCESS, THROTTLE, INVOKE_ERROR, FUNCTION_ERROR }

    private static final Outcome[] VALUES = values();

    private final Kind kind;
    private final String exception;
    private final String reason;
    private final int httpStatus;

    Outcome(Kind kind, String exception, String reason, int httpStatus) {
        this.kind = kind;
        this.exception = exception;
        this.reason = reason;
        this.httpStatus = httpStatus;
    }

    /** All outcomes, shared (do not modify): avoids the copy {@code values()} makes. */
    public static Outcome[] all() {
        return VALUES;
    }

    public Kind kind() {
        return kind;
    }

    /** The Invoke API exception name (for throttles and invoke errors), "Unhandled" for function errors. */
    public String exception() {
        return exception;
    }

    /** The throttle {@code Reason}, or the function error's cause; null otherwise. */
    public String reason() {
        return reason;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** True when the invocation ran (and so took concurrency): success and function errors. */
    public boolean admitted() {
        return kind == Kind.SUCCESS || kind == Kind.FUNCTION_ERROR;
    }
}
