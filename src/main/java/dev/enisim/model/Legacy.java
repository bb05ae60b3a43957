package dev.enisim.model;

import java.util.function.LongSupplier;

/**
 * The pre-2019 VPC model's parameters: ENIs per function and subnet, each serving {@code 3072 / memoryMb}
 * execution environments, created during cold starts through an EC2 API token bucket.
 *
 * @param attachMicros         draws the extra cold-start time to create or attach the environment's ENI
 * @param ec2Burst             EC2 API token bucket size (CreateNetworkInterface calls)
 * @param ec2RefillPerSecond   tokens added per second
 */
public record Legacy(LongSupplier attachMicros, int ec2Burst, double ec2RefillPerSecond) {

    /** The 2018 sizing guidance: one ENI per 3 GB of environment memory. */
    public static final int MEMORY_PER_ENI_MB = 3072;

    /** Execution environments one legacy ENI serves for a function of {@code memoryMb}. */
    public static int environmentsPerEni(int memoryMb) {
        return Math.max(1, MEMORY_PER_ENI_MB / memoryMb);
    }
}
