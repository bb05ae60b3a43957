package dev.enisim.model;

import dev.enisim.model.function.FunctionConfiguration;
import java.util.List;
import java.util.OptionalInt;

/** A function's configuration for model tests (the scenario's record is the one runs use). */
record TestFunction(String name, int memoryMb, long timeoutMicros, OptionalInt reservedConcurrency,
        int connectionsPerInvocation, int connectionsPerEnvironment, int provisionedConcurrency, String role,
        List<String> subnetIds, List<String> securityGroupIds) implements FunctionConfiguration {

    /** 128 MB, role {@code <name>-role}, no reservation (reserved < 0), no pools, no provisioned concurrency. */
    static TestFunction of(String name, long timeoutMicros, int reserved, int connectionsPerInvocation,
            List<String> subnetIds, List<String> securityGroupIds) {
        return new TestFunction(name, 128, timeoutMicros, reserved < 0 ? OptionalInt.empty() : OptionalInt.of(reserved),
                connectionsPerInvocation, 0, 0, name + "-role", subnetIds, securityGroupIds);
    }
}
