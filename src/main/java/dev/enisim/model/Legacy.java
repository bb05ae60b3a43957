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

    /**
     * ENIs for {@code environments} of {@code memoryMb}: AWS's "Projected peak concurrent executions * (Memory in GB /
     * 3GB)", rounded up [doc-old] (1,000 x 2,048 MB: 667; 1,000 x 3,008 MB: 980), and never more than one per
     * environment: an environment above 3 GB (which the legacy model never had: its largest was 3,008 MB) gets one ENI,
     * not memory / 3 GB of them [assumed]. The least k whose ENIs serve {@code environments} by
     * {@link #environmentsOfNthEni}: the one rule of the run and of {@code plan}.
     */
    public static long enisFor(long environments, int memoryMb) {
        return Math.min(environments, (environments * memoryMb + MEMORY_PER_ENI_MB - 1) / MEMORY_PER_ENI_MB);
    }

    /**
     * Environments the {@code nth} ENI (1-based) of a function's subnet adds, so that {@code k} ENIs serve
     * max(k, floor(k x 3 GB / memory)) environments, which is {@link #enisFor} read the other way. Never 0: a
     * function above 3 GB gets one environment per ENI.
     */
    public static int environmentsOfNthEni(int memoryMb, int nth) {
        long upTo = Math.max(nth, (long) nth * MEMORY_PER_ENI_MB / memoryMb);
        long before = Math.max(nth - 1, (long) (nth - 1) * MEMORY_PER_ENI_MB / memoryMb);
        return (int) (upTo - before);
    }
}
