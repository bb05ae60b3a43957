package dev.enisim.scenario;

import dev.enisim.model.network.Cidr;
import dev.enisim.workload.ArrivalSpec;
import dev.enisim.workload.DistributionSpec;
import java.util.List;
import java.util.OptionalInt;

/**
 * A validated scenario: everything a run needs, immutable, times in microseconds, every default applied.
 * Built only by {@link ScenarioLoader}, which guarantees the invariants documented on each field.
 *
 * @param name           identifier, also the default report folder name ([A-Za-z0-9._-]+)
 * @param description    free text, may be empty
 * @param seed           the scenario seed every random stream derives from
 * @param durationMicros simulated time, > 0
 * @param bucketMicros   time-series resolution, 0 < bucket <= duration
 * @param source         where the scenario came from (a file path as given), for messages
 */
public record Scenario(
        String name,
        String description,
        long seed,
        long durationMicros,
        long bucketMicros,
        Account account,
        List<Vpc> vpcs,
        Hyperplane hyperplane,
        List<Function> functions,
        String source) {

    public Scenario {
        vpcs = List.copyOf(vpcs);
        functions = List.copyOf(functions);
    }

    /** Same scenario with another seed (for {@code --seed}). */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, durationMicros, bucketMicros, account, vpcs, hyperplane,
                functions, source);
    }

    /**
     * @param concurrencyLimit  account-wide ConcurrentExecutions limit (default 1,000)
     * @param unreservedMinimum concurrency that must stay unreserved (default 100)
     */
    public record Account(int concurrencyLimit, int unreservedMinimum) {
    }

    /**
     * @param eniQuota       Lambda Hyperplane ENIs allowed in this VPC (default 500)
     * @param securityGroups security-group ids defined in this VPC
     */
    public record Vpc(String id, int eniQuota, List<Subnet> subnets, List<String> securityGroups) {
        public Vpc {
            subnets = List.copyOf(subnets);
            securityGroups = List.copyOf(securityGroups);
        }
    }

    /**
     * @param cidr         prefix /16 to /28
     * @param az           Availability Zone name
     * @param otherUsedIps addresses used by other tenants (EC2, RDS...), 0 <= n <= usable
     */
    public record Subnet(String id, Cidr cidr, String az, int otherUsedIps) {
    }

    /**
     * Parameters of Hyperplane ENI management; every one is an assumption or a documented default.
     *
     * @param eniCreateTime      time to create a new ENI (default log-normal, median 75 s, p99 5 min)
     * @param attachExistingTime time to attach a function to a key that already has an ENI (default 5 s)
     * @param connectionsPerEni  connection (port) capacity of one ENI (default 65,000)
     * @param eniRetryBackoffMicros wait before Lambda retries an ENI creation that failed (default 5 min)
     */
    public record Hyperplane(
            DistributionSpec eniCreateTime,
            DistributionSpec attachExistingTime,
            int connectionsPerEni,
            long eniRetryBackoffMicros) {
    }

    /**
     * @param memoryMb                 128 to 10,240
     * @param timeoutMicros            1 s to 900 s (default 3 s); a longer duration ends as a function error
     * @param vpcConfig                subnets and security groups, or {@link VpcConfig#NONE}
     * @param reservedConcurrency      reserved concurrency, empty when none
     * @param duration                 invocation run time
     * @param connectionsPerInvocation connections an invocation holds on its ENI while it runs (default 1)
     * @param arrivals                 how invocations arrive
     * @param createdAtMicros          when the function is created (default 0)
     */
    public record Function(
            String name,
            int memoryMb,
            long timeoutMicros,
            VpcConfig vpcConfig,
            OptionalInt reservedConcurrency,
            DistributionSpec duration,
            int connectionsPerInvocation,
            ArrivalSpec arrivals,
            long createdAtMicros) {
    }

    /** A function's VpcConfig. Both lists empty = not attached to a VPC. */
    public record VpcConfig(List<String> subnetIds, List<String> securityGroupIds) {
        public static final VpcConfig NONE = new VpcConfig(List.of(), List.of());

        public VpcConfig {
            subnetIds = List.copyOf(subnetIds);
            securityGroupIds = List.copyOf(securityGroupIds);
        }

        public boolean attached() {
            return !subnetIds.isEmpty();
        }
    }
}
