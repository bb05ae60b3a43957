package dev.enisim.model.function;

import java.util.List;
import java.util.function.LongSupplier;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * What the world needs to know of a function when it is added.
 *
 * @param reservedConcurrency       -1 for none
 * @param connectionsPerEnvironment persistent connections each execution environment holds for its life
 * @param provisionedConcurrency    environments kept initialised while the function is Active
 * @param subnetChoice              the function's stream for choosing a subnet
 * @param initMicros                draws a cold start's init duration
 */
public record FunctionConfig(String name, int memoryMb, long timeoutMicros, int reservedConcurrency,
        int connectionsPerInvocation, int connectionsPerEnvironment, int provisionedConcurrency, String role,
        List<String> subnetIds, List<String> securityGroupIds, RandomGenerator subnetChoice, LongSupplier initMicros) {

    /** A function with no persistent connections, no provisioned concurrency and instant cold starts. */
    public static FunctionConfig simple(String name, long timeoutMicros, int reservedConcurrency,
            int connectionsPerInvocation, String role, List<String> subnetIds, List<String> securityGroupIds,
            RandomGenerator subnetChoice) {
        return new FunctionConfig(name, 128, timeoutMicros, reservedConcurrency, connectionsPerInvocation, 0, 0, role,
                subnetIds, securityGroupIds, subnetChoice, () -> 0L);
    }
}
