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
        List<Action> timeline,
        String source) {

    public Scenario {
        vpcs = List.copyOf(vpcs);
        functions = List.copyOf(functions);
        timeline = List.copyOf(timeline);
    }

    /** A scenario without a timeline of actions. */
    public Scenario(String name, String description, long seed, long durationMicros, long bucketMicros,
            Account account, List<Vpc> vpcs, Hyperplane hyperplane, List<Function> functions, String source) {
        this(name, description, seed, durationMicros, bucketMicros, account, vpcs, hyperplane, functions, List.of(),
                source);
    }

    /** Same scenario with another seed (for {@code --seed}). */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, durationMicros, bucketMicros, account, vpcs, hyperplane,
                functions, timeline, source);
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
     * @param eniDeleteTime      time Lambda takes to delete an ENI nobody uses (default log-normal, median
     *                           10 min, p99 35 min, capped at 45 min)
     * @param idleReclaimAfterMicros a VPC function not invoked for this long goes Inactive (default 14 days)
     * @param stuckPendingAfterMicros a Pending spell longer than this is reported as stuck (default 6 min)
     */
    public record Hyperplane(
            DistributionSpec eniCreateTime,
            DistributionSpec attachExistingTime,
            int connectionsPerEni,
            long eniRetryBackoffMicros,
            DistributionSpec eniDeleteTime,
            long idleReclaimAfterMicros,
            long stuckPendingAfterMicros) {

        public static final long DAY_MICROS = 86_400_000_000L;
        /** Default ENI deletion time: log-normal, median 10 min, p99 35 min, capped at 45 min [assumed]. */
        public static final DistributionSpec DEFAULT_DELETE_TIME = new DistributionSpec.LogNormal(600e6, 2100e6,
                2700e6);

        /** The lifecycle parameters at their defaults: deletion as above, idle 14 days, stuck Pending 6 min. */
        public Hyperplane(DistributionSpec eniCreateTime, DistributionSpec attachExistingTime, int connectionsPerEni,
                long eniRetryBackoffMicros) {
            this(eniCreateTime, attachExistingTime, connectionsPerEni, eniRetryBackoffMicros, DEFAULT_DELETE_TIME,
                    14 * DAY_MICROS, 360_000_000L);
        }
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
     * @param role                     execution role name (default {@code <name>-role}); timeline actions can
     *                                 delete it or revoke its EC2 permissions
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
            long createdAtMicros,
            String role) {

        /** A function whose execution role is {@code <name>-role}. */
        public Function(String name, int memoryMb, long timeoutMicros, VpcConfig vpcConfig,
                OptionalInt reservedConcurrency, DistributionSpec duration, int connectionsPerInvocation,
                ArrivalSpec arrivals, long createdAtMicros) {
            this(name, memoryMb, timeoutMicros, vpcConfig, reservedConcurrency, duration, connectionsPerInvocation,
                    arrivals, createdAtMicros, name + "-role");
        }
    }

    /** A control-plane action of the timeline, at a simulated time. */
    public sealed interface Action {
        long atMicros();
    }

    /** CreateFunction again after a deletion, with a new VpcConfig when {@code vpcConfig} is not null. */
    public record CreateFunctionAction(long atMicros, String function, VpcConfig vpcConfig) implements Action {
    }

    /** UpdateFunctionConfiguration with a new VpcConfig; {@link VpcConfig#NONE} detaches the function. */
    public record UpdateVpcConfigAction(long atMicros, String function, VpcConfig vpcConfig) implements Action {
    }

    public record PublishVersionAction(long atMicros, String function) implements Action {
    }

    public record DeleteVersionAction(long atMicros, String function, int version) implements Action {
    }

    public record DeleteFunctionAction(long atMicros, String function) implements Action {
    }

    /** The role is deleted ({@code deleteRole}), loses ({@code revokeRolePermissions}) or regains its EC2 rights. */
    public record RoleAction(long atMicros, String role, Kind kind) implements Action {
        public enum Kind { deleteRole, revokeRolePermissions, grantRolePermissions }
    }

    public record SetOtherUsedIpsAction(long atMicros, String subnet, int otherUsedIps) implements Action {
    }

    /** An Availability Zone is unavailable from {@code atMicros} until {@code untilMicros}. */
    public record AzOutageAction(long atMicros, String az, long untilMicros) implements Action {
    }

    /** The account deletes orphaned ENIs by hand: all, or those of {@code subnet} when it is not null. */
    public record DeleteOrphanedEnisAction(long atMicros, String subnet) implements Action {
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
