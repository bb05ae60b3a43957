package dev.enisim.scenario;

import dev.enisim.model.AsyncConfig;
import dev.enisim.model.SqsConfig;
import dev.enisim.model.NetworkModel;
import dev.enisim.model.ProvisionedAllocation;
import dev.enisim.model.Scaling;
import dev.enisim.model.SimEvent;
import dev.enisim.model.WarmRouting;
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
 * @param timeline       control-plane actions in the order they are scheduled: by time (stable), an AZ outage's
 *                       end right after its start
 * @param source         where the scenario came from (a file path as given), for messages
 * @param startsAt       the wall-clock instant (UTC) the run starts at, from the optional {@code startsAt}; null
 *                       when not given: the report then shows simulated time ({@code day 3 14:00}, {@code 00:10:05})
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
        List<At> timeline,
        NetworkModel networkModel,
        ScalingSpec scaling,
        Legacy legacy,
        PriceTable prices,
        String source,
        java.time.Instant startsAt,
        Accounts accounts) {

    /** A single-account scenario (the common case: {@link Accounts#SINGLE}). */
    public Scenario(String name, String description, long seed, long durationMicros, long bucketMicros,
            Account account, List<Vpc> vpcs, Hyperplane hyperplane, List<Function> functions, List<At> timeline,
            NetworkModel networkModel, ScalingSpec scaling, Legacy legacy, PriceTable prices, String source,
            java.time.Instant startsAt) {
        this(name, description, seed, durationMicros, bucketMicros, account, vpcs, hyperplane, functions, timeline,
                networkModel, scaling, legacy, prices, source, startsAt, Accounts.SINGLE);
    }

    /** A scenario without a wall-clock start, at the default price table. */
    public Scenario(String name, String description, long seed, long durationMicros, long bucketMicros,
            Account account, List<Vpc> vpcs, Hyperplane hyperplane, List<Function> functions, List<At> timeline,
            NetworkModel networkModel, ScalingSpec scaling, Legacy legacy, String source) {
        this(name, description, seed, durationMicros, bucketMicros, account, vpcs, hyperplane, functions, timeline,
                networkModel, scaling, legacy, PriceTable.DEFAULT, source, null);
    }

    public Scenario {
        vpcs = List.copyOf(vpcs);
        functions = List.copyOf(functions);
        timeline = List.copyOf(timeline);
    }

    /**
     * A scenario built in code from its required parts: no VPCs, functions or timeline, Hyperplane, today's
     * scaling and the legacy model's defaults (the optional parts' defaults live here, in one place); vary it with
     * the {@code with...} methods.
     */
    public static Scenario of(String name, long seed, long durationMicros, long bucketMicros, Account account,
            Hyperplane hyperplane, String source) {
        return new Scenario(name, "", seed, durationMicros, bucketMicros, account, List.of(), hyperplane, List.of(),
                List.of(), NetworkModel.HYPERPLANE, ScalingSpec.DEFAULT, Legacy.DEFAULT, PriceTable.DEFAULT, source,
                null);
    }

    /** Whether several accounts share the scenario's VPCs. */
    public boolean multiAccount() {
        return !accounts.list().isEmpty();
    }

    /** Same scenario with several accounts (see {@link Accounts}). */
    public Scenario withAccounts(Accounts newAccounts) {
        return new Scenario(name, description, seed, durationMicros, bucketMicros, account, vpcs, hyperplane,
                functions, timeline, networkModel, scaling, legacy, prices, source, startsAt, newAccounts);
    }

    /** Same scenario with another seed (for {@code --seed}). */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, description, newSeed, durationMicros, bucketMicros, account, vpcs, hyperplane,
                functions, timeline, networkModel, scaling, legacy, prices, source, startsAt, accounts);
    }

    /** Same scenario under another network model (for side-by-side comparisons). */
    public Scenario withNetworkModel(NetworkModel model) {
        return new Scenario(name, description, seed, durationMicros, bucketMicros, account, vpcs, hyperplane,
                functions, timeline, model, scaling, legacy, prices, source, startsAt, accounts);
    }

    /** Same scenario over another simulated time and time-series resolution. */
    public Scenario withDuration(long newDurationMicros, long newBucketMicros) {
        return new Scenario(name, description, seed, newDurationMicros, newBucketMicros, account, vpcs, hyperplane,
                functions, timeline, networkModel, scaling, legacy, prices, source, startsAt, accounts);
    }

    public Scenario withVpcs(List<Vpc> newVpcs) {
        return new Scenario(name, description, seed, durationMicros, bucketMicros, account, newVpcs, hyperplane,
                functions, timeline, networkModel, scaling, legacy, prices, source, startsAt, accounts);
    }

    public Scenario withFunctions(List<Function> newFunctions) {
        return new Scenario(name, description, seed, durationMicros, bucketMicros, account, vpcs, hyperplane,
                newFunctions, timeline, networkModel, scaling, legacy, prices, source, startsAt, accounts);
    }

    public Scenario withTimeline(List<At> newTimeline) {
        return new Scenario(name, description, seed, durationMicros, bucketMicros, account, vpcs, hyperplane,
                functions, newTimeline, networkModel, scaling, legacy, prices, source, startsAt, accounts);
    }

    public Scenario withScaling(ScalingSpec newScaling) {
        return new Scenario(name, description, seed, durationMicros, bucketMicros, account, vpcs, hyperplane,
                functions, timeline, networkModel, newScaling, legacy, prices, source, startsAt, accounts);
    }

    /** Same scenario at another price table. */
    public Scenario withPrices(PriceTable newPrices) {
        return new Scenario(name, description, seed, durationMicros, bucketMicros, account, vpcs, hyperplane,
                functions, timeline, networkModel, scaling, legacy, newPrices, source, startsAt, accounts);
    }

    /**
     * How fast environments are added and how long idle ones live.
     *
     * @param scaling         the scaling rule (per-function rate, or the pre-2023 account burst)
     * @param keepAliveMicros an idle execution environment is reclaimed after this long (default 10 min)
     * @param warmRouting     which idle environment a warm invocation takes (default most recently used)
     * @param provisioned     how provisioned concurrency requested on the timeline is allocated
     */
    public record ScalingSpec(Scaling scaling, long keepAliveMicros, WarmRouting warmRouting,
            ProvisionedAllocation provisioned) {
        public static final ScalingSpec DEFAULT = new ScalingSpec(Scaling.DEFAULT, 600_000_000L);

        /** Most-recently-used warm routing. */
        public ScalingSpec(Scaling scaling, long keepAliveMicros) {
            this(scaling, keepAliveMicros, WarmRouting.MOST_RECENTLY_USED);
        }

        /** Provisioned concurrency allocated at AWS's documented pace. */
        public ScalingSpec(Scaling scaling, long keepAliveMicros, WarmRouting warmRouting) {
            this(scaling, keepAliveMicros, warmRouting, ProvisionedAllocation.DEFAULT);
        }
    }

    /**
     * The pre-2019 VPC model's parameters.
     *
     * @param coldStartAttachTime   extra cold-start time to create/attach the environment's ENI (default
     *                              log-normal, median 8 s, p99 15 s)
     * @param ec2ApiBurst           EC2 API token bucket size for CreateNetworkInterface (default 200)
     * @param ec2ApiRefillPerSecond its refill rate (default 5 per second)
     * @param eniLimit              network interfaces Lambda may create per VPC (EC2's per-Region quota, 5,000)
     */
    public record Legacy(DistributionSpec coldStartAttachTime, int ec2ApiBurst, double ec2ApiRefillPerSecond,
            int eniLimit) {
        public static final Legacy DEFAULT = new Legacy(new DistributionSpec.LogNormal(8e6, 15e6, 60e6), 200, 5,
                5000);
    }

    /**
     * @param concurrencyLimit           account-wide ConcurrentExecutions limit (default 1,000)
     * @param unreservedMinimum          concurrency that must stay unreserved (default 100)
     * @param networkInterfacesPerRegion EC2's network interfaces per Region, across all VPCs (default 5,000)
     */
    public record Account(int concurrencyLimit, int unreservedMinimum, int networkInterfacesPerRegion, String id) {
        /** EC2's default "Network interfaces per Region" [doc]. */
        public static final int NETWORK_INTERFACES_PER_REGION = 5000;

        public Account(int concurrencyLimit, int unreservedMinimum) {
            this(concurrencyLimit, unreservedMinimum, NETWORK_INTERFACES_PER_REGION);
        }

        /** The scenario's only account (no id: its ENI keys and series carry none). */
        public Account(int concurrencyLimit, int unreservedMinimum, int networkInterfacesPerRegion) {
            this(concurrencyLimit, unreservedMinimum, networkInterfacesPerRegion, "");
        }
    }

    /**
     * Several accounts over shared VPCs (AWS RAM): each with its concurrency limit and quotas, its functions; each
     * VPC owned by one of them. Empty ({@link #SINGLE}) for a single-account scenario, whose {@link #account} is
     * then the only one. When not empty, {@link Scenario#account} is the first account of {@code list}.
     *
     * @param list       the accounts, in the order the scenario declares them (ids unique)
     * @param byFunction each function's account id, by function name
     * @param vpcOwners  each VPC's owner account id, by VPC id
     */
    public record Accounts(List<Account> list, java.util.Map<String, String> byFunction,
            java.util.Map<String, String> vpcOwners) {
        public static final Accounts SINGLE = new Accounts(List.of(), java.util.Map.of(), java.util.Map.of());

        public Accounts {
            list = List.copyOf(list);
            byFunction = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byFunction));
            vpcOwners = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vpcOwners));
        }

        /** The account of a function ("" in a single-account scenario). */
        public String of(String function) {
            return byFunction.getOrDefault(function, "");
        }

        /** The index of an account id in {@link #list} (0 for "" or a single account). */
        public int index(String id) {
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).id().equals(id)) {
                    return i;
                }
            }
            return 0;
        }
    }

    /**
     * @param eniQuota       Lambda Hyperplane ENIs allowed in this VPC (default 500)
     * @param securityGroups security-group ids defined in this VPC
     * @param otherUsedEnis  ENIs of other services counting against the same quota at the start (default 0)
     * @param natGateways    the VPC's NAT gateways (functions' {@code egress} leaves through them)
     */
    public record Vpc(String id, int eniQuota, List<Subnet> subnets, List<String> securityGroups,
            int otherUsedEnis, List<NatGateway> natGateways) {
        public Vpc {
            subnets = List.copyOf(subnets);
            securityGroups = List.copyOf(securityGroups);
            natGateways = List.copyOf(natGateways);
        }

        public Vpc(String id, int eniQuota, List<Subnet> subnets, List<String> securityGroups) {
            this(id, eniQuota, subnets, securityGroups, 0, List.of());
        }
    }

    /** A public NAT gateway in an Availability Zone with 1 to 8 IPv4 addresses (default 1: its primary). */
    public record NatGateway(String id, String az, int addresses) {
    }

    /**
     * Where a function's connections go through its VPC's NAT gateway: a share of them to each hot destination.
     *
     * @param keptOpen the function leaves its connections open after each invocation (the NAT gateway drops them
     *                 after 350 s idle); false: it closes them when the invocation ends
     */
    public record Egress(List<Route> routes, boolean keptOpen) {
        public static final Egress NONE = new Egress(List.of(), false);

        public Egress {
            routes = List.copyOf(routes);
        }
    }

    /** @param destination a unique destination (IP or name, port, protocol), @param share 0 < share <= 1 */
    public record Route(String destination, double share) {
    }

    /**
     * @param cidr         prefix /16 to /28
     * @param az           Availability Zone name
     * @param otherUsedIps addresses used by other tenants (EC2, RDS...), 0 <= n <= usable
     * @param ipv6Cidr     the subnet's IPv6 /64 when it is dual-stack, else null
     */
    public record Subnet(String id, Cidr cidr, String az, int otherUsedIps, String ipv6Cidr) {
        /** An IPv4-only subnet. */
        public Subnet(String id, Cidr cidr, String az, int otherUsedIps) {
            this(id, cidr, az, otherUsedIps, null);
        }

        public boolean dualStack() {
            return ipv6Cidr != null;
        }
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
     * @param initDuration             a cold start's init (capped at 10 s)
     * @param connectionsPerEnvironment persistent connections each environment holds for its whole life
     * @param provisionedConcurrency   environments kept initialised while the function is Active
     * @param existing                 whether the function already exists at time 0 (Active or Inactive)
     * @param architecture             {@code x86_64} (default) or {@code arm64}: its init preset and its prices
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
            String role,
            DistributionSpec initDuration,
            int connectionsPerEnvironment,
            int provisionedConcurrency,
            Existing existing,
            AsyncConfig async,
            Egress egress,
            SqsConfig sqs,
            String architecture) {

        /** An x86_64 function invoked synchronously (RequestResponse), without NAT egress. */
        public Function(String name, int memoryMb, long timeoutMicros, VpcConfig vpcConfig,
                OptionalInt reservedConcurrency, DistributionSpec duration, int connectionsPerInvocation,
                ArrivalSpec arrivals, long createdAtMicros, String role, DistributionSpec initDuration,
                int connectionsPerEnvironment, int provisionedConcurrency, Existing existing) {
            this(name, memoryMb, timeoutMicros, vpcConfig, reservedConcurrency, duration, connectionsPerInvocation,
                    arrivals, createdAtMicros, role, initDuration, connectionsPerEnvironment, provisionedConcurrency,
                    existing, null, Egress.NONE, null, "x86_64");
        }

        /** An x86_64 function with its invocation type (async: null for RequestResponse), without NAT egress or SQS. */
        public Function(String name, int memoryMb, long timeoutMicros, VpcConfig vpcConfig,
                OptionalInt reservedConcurrency, DistributionSpec duration, int connectionsPerInvocation,
                ArrivalSpec arrivals, long createdAtMicros, String role, DistributionSpec initDuration,
                int connectionsPerEnvironment, int provisionedConcurrency, Existing existing, AsyncConfig async) {
            this(name, memoryMb, timeoutMicros, vpcConfig, reservedConcurrency, duration, connectionsPerInvocation,
                    arrivals, createdAtMicros, role, initDuration, connectionsPerEnvironment, provisionedConcurrency,
                    existing, async, Egress.NONE, null, "x86_64");
        }

        /** True when its arrivals are {@code invocationType: Event} (then {@link #async} is its queue's config). */
        public boolean asynchronous() {
            return async != null;
        }

        /** A function that already exists when the simulation starts (imported from an account), and how. */
        public enum Existing {
            /** Created at {@code createdAt} like any new function. */
            NO,
            /** Already Active at time 0: its keys' ENIs are there (in use) from the start. */
            ACTIVE,
            /** Already Inactive (idle) at time 0: its ENIs were reclaimed; the first invocation restores it. */
            INACTIVE
        }

        /** A new function (not already existing). */
        public Function(String name, int memoryMb, long timeoutMicros, VpcConfig vpcConfig,
                OptionalInt reservedConcurrency, DistributionSpec duration, int connectionsPerInvocation,
                ArrivalSpec arrivals, long createdAtMicros, String role, DistributionSpec initDuration,
                int connectionsPerEnvironment, int provisionedConcurrency) {
            this(name, memoryMb, timeoutMicros, vpcConfig, reservedConcurrency, duration, connectionsPerInvocation,
                    arrivals, createdAtMicros, role, initDuration, connectionsPerEnvironment, provisionedConcurrency,
                    Existing.NO);
        }

        /** The same function with other arrivals (traffic scaling, what-if variants). */
        public Function withArrivals(ArrivalSpec a) {
            return new Function(name, memoryMb, timeoutMicros, vpcConfig, reservedConcurrency, duration,
                    connectionsPerInvocation, a, createdAtMicros, role, initDuration, connectionsPerEnvironment,
                    provisionedConcurrency, existing, async, egress, sqs, architecture);
        }

        /** Default cold-start init: log-normal, median 250 ms, p99 1.5 s (capped at 10 s by Lambda). */
        public static final DistributionSpec DEFAULT_INIT = new DistributionSpec.LogNormal(250e3, 1.5e6, 10e6);

        /** A function whose execution role is {@code <name>-role}, with instant cold starts and no pools. */
        public Function(String name, int memoryMb, long timeoutMicros, VpcConfig vpcConfig,
                OptionalInt reservedConcurrency, DistributionSpec duration, int connectionsPerInvocation,
                ArrivalSpec arrivals, long createdAtMicros) {
            this(name, memoryMb, timeoutMicros, vpcConfig, reservedConcurrency, duration, connectionsPerInvocation,
                    arrivals, createdAtMicros, name + "-role");
        }

        /** A function with instant cold starts, no persistent connections and no provisioned concurrency. */
        public Function(String name, int memoryMb, long timeoutMicros, VpcConfig vpcConfig,
                OptionalInt reservedConcurrency, DistributionSpec duration, int connectionsPerInvocation,
                ArrivalSpec arrivals, long createdAtMicros, String role) {
            this(name, memoryMb, timeoutMicros, vpcConfig, reservedConcurrency, duration, connectionsPerInvocation,
                    arrivals, createdAtMicros, role, new DistributionSpec.Constant(0), 0, 0);
        }
    }

    /**
     * A control-plane action of the timeline at a simulated time: the model's own record, names already resolved
     * to indices (functions, roles, subnets, Availability Zones in the order the scenario defines them).
     */
    public record At(long atMicros, SimEvent.Control action) {
    }

    /**
     * A function's VpcConfig. Both lists empty = not attached to a VPC.
     *
     * @param ipv6AllowedForDualStack outbound IPv6 allowed (AWS's {@code Ipv6AllowedForDualStack}; every subnet is
     *                                then dual-stack)
     */
    public record VpcConfig(List<String> subnetIds, List<String> securityGroupIds, boolean ipv6AllowedForDualStack) {
        public static final VpcConfig NONE = new VpcConfig(List.of(), List.of());

        public VpcConfig {
            subnetIds = List.copyOf(subnetIds);
            securityGroupIds = List.copyOf(securityGroupIds);
        }

        /** IPv4 only (Ipv6AllowedForDualStack false, AWS's default). */
        public VpcConfig(List<String> subnetIds, List<String> securityGroupIds) {
            this(subnetIds, securityGroupIds, false);
        }

        public boolean attached() {
            return !subnetIds.isEmpty();
        }
    }
}
