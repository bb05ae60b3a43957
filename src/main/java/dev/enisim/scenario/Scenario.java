package dev.enisim.scenario;

import dev.enisim.model.AsyncConfig;
import dev.enisim.model.HyperplaneLimits;
import dev.enisim.model.SqsConfig;
import dev.enisim.model.NetworkModel;
import dev.enisim.model.ProvisionedAllocation;
import dev.enisim.model.Scaling;
import dev.enisim.model.SimEvent;
import dev.enisim.model.WarmRouting;
import dev.enisim.model.WorldSettings;
import dev.enisim.model.function.FunctionConfiguration;
import dev.enisim.model.function.StateReasonCode;
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
 * @param startsAt       the wall-clock instant (UTC) the run starts at, from the optional {@code startsAt}; empty
 *                       when not given: the report then shows simulated time ({@code day 3 14:00}, {@code 00:10:05})
 * @param assumptions    where the defaults of undocumented figures come from ({@code assumptions:}, default
 *                       {@link AssumptionPreset#DEFAULT}); fields the scenario sets itself win over it
 * @param accounts       several accounts over shared VPCs, or {@link Accounts#SINGLE} (the default)
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
        java.util.Optional<java.time.Instant> startsAt,
        AssumptionPreset assumptions,
        Accounts accounts,
        List<String> unreadBlocks,
        List<String> expect) implements WorldSettings.Configuration {

    /**
     * The top-level fields read by the table (the others have checks of their own in the loader). A new top-level
     * field of a kind the table knows is a component, its builder setter and a row here; when the model uses it,
     * a method of {@link WorldSettings.Configuration} too (the component implements it).
     */
    static final List<Setting<Builder, ?>> SETTINGS = List.of(
            Setting.of("description", Setting.text(), "\"\"", Defaults.Source.ENISIM, Builder::description),
            Setting.of("seed", Setting.whole(Long.MIN_VALUE, Long.MAX_VALUE), "1", Defaults.Source.ENISIM,
                    Builder::seed));

    /**
     * The rest as the components say; {@code unreadBlocks}: the top-level blocks the file sets that no function reads
     * ({@code async} without a function of invocationType Event, {@code sqs} without an eventSourceMapping), for
     * {@link ScenarioLoader#warnings}: their figures change nothing; {@code expect}: the sentences of the file's
     * {@code expect:} block as written (those that are text), which {@code check} reads and every command's warnings
     * look at for a function or subnet the scenario does not have ({@link ExpectNames}).
     */
    public Scenario {
        vpcs = List.copyOf(vpcs);
        functions = List.copyOf(functions);
        timeline = List.copyOf(timeline);
        unreadBlocks = List.copyOf(unreadBlocks);
        expect = List.copyOf(expect);
    }

    /** As the canonical constructor, with no unread block and no expect block. */
    public Scenario(String name, String description, long seed, long durationMicros, long bucketMicros,
            Account account, List<Vpc> vpcs, Hyperplane hyperplane, List<Function> functions, List<At> timeline,
            NetworkModel networkModel, ScalingSpec scaling, Legacy legacy, PriceTable prices, String source,
            java.util.Optional<java.time.Instant> startsAt, AssumptionPreset assumptions, Accounts accounts) {
        this(name, description, seed, durationMicros, bucketMicros, account, vpcs, hyperplane, functions, timeline,
                networkModel, scaling, legacy, prices, source, startsAt, assumptions, accounts, List.of(), List.of());
    }

    // ---- what the model reads (WorldSettings.Configuration): the blocks' values, not copies -------------------

    @Override
    public int accountConcurrencyLimit() {
        return account.concurrencyLimit();
    }

    /** EC2's network interfaces per Region: the account's; under the legacy model the legacy block's eniLimit. */
    @Override
    public int networkInterfacesPerRegion() {
        return networkModel == NetworkModel.LEGACY ? legacy.eniLimit() : account.networkInterfacesPerRegion();
    }

    /**
     * Network interfaces in the Region that are neither Lambda's nor in a VPC's {@code otherUsedEnis}: every
     * account's {@code otherNetworkInterfaces}. They count against {@link #networkInterfacesPerRegion} only.
     */
    public int otherNetworkInterfaces() {
        return multiAccount() ? accounts.list().stream().mapToInt(Account::otherNetworkInterfaces).sum()
                : account.otherNetworkInterfaces();
    }

    @Override
    public int connectionsPerEni() {
        return hyperplane.connectionsPerEni();
    }

    @Override
    public long eniRetryBackoffMicros() {
        return hyperplane.eniRetryBackoffMicros();
    }

    @Override
    public long idleReclaimAfterMicros() {
        return hyperplane.idleReclaimAfterMicros();
    }

    @Override
    public long stuckPendingAfterMicros() {
        return hyperplane.stuckPendingAfterMicros();
    }

    @Override
    public boolean reuseDeletingEni() {
        return hyperplane.reuseDeletingEni();
    }

    @Override
    public boolean cancelledCreationKeepsEnis() {
        return hyperplane.cancelledCreationKeepsEnis();
    }

    @Override
    public boolean eniRetryBackoffPerKey() {
        return hyperplane.eniRetryBackoffScope().equals(Hyperplane.BACKOFF_PER_KEY);
    }

    @Override
    public long keepAliveMicros() {
        return scaling.keepAliveMicros();
    }

    @Override
    public Scaling scalingRule() {
        return scaling.scaling();
    }

    @Override
    public WarmRouting warmRouting() {
        return scaling.warmRouting();
    }

    @Override
    public ProvisionedAllocation provisioning() {
        return scaling.provisioned();
    }

    /**
     * A scenario built in code: no VPCs, functions or timeline, Hyperplane, and every optional part at its
     * {@link Defaults default}; set what differs, then {@link Builder#build()}.
     */
    public static Builder builder(String name, long durationMicros) {
        return new Builder(name, durationMicros);
    }

    /** A builder holding this scenario's values, to vary some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * The ids of a timeline's VpcConfig (its subnets and security groups are indices: every VPC's, in the
     * scenario's order, as the world numbers them).
     */
    public VpcConfig vpcConfig(SimEvent.VpcConfig v) {
        List<String> subnets = new java.util.ArrayList<>();
        List<String> groups = new java.util.ArrayList<>();
        for (Vpc vpc : vpcs) {
            vpc.subnets().forEach(s -> subnets.add(s.id()));
            groups.addAll(vpc.securityGroups());
        }
        return new VpcConfig(v.subnets().stream().map(subnets::get).toList(),
                v.securityGroups().stream().map(groups::get).toList());
    }

    /** Whether several accounts share the scenario's VPCs. */
    public boolean multiAccount() {
        return !accounts.list().isEmpty();
    }

    /** Same scenario with several accounts (see {@link Accounts}). */
    public Scenario withAccounts(Accounts newAccounts) {
        return toBuilder().accounts(newAccounts).build();
    }

    /** Same scenario with another seed (for {@code --seed}). */
    public Scenario withSeed(long newSeed) {
        return toBuilder().seed(newSeed).build();
    }

    /** Same scenario under another network model (for side-by-side comparisons). */
    public Scenario withNetworkModel(NetworkModel model) {
        return toBuilder().networkModel(model).build();
    }

    /** Same scenario over another simulated time and time-series resolution. */
    public Scenario withDuration(long newDurationMicros, long newBucketMicros) {
        return toBuilder().duration(newDurationMicros, newBucketMicros).build();
    }

    public Scenario withVpcs(List<Vpc> newVpcs) {
        return toBuilder().vpcs(newVpcs).build();
    }

    public Scenario withFunctions(List<Function> newFunctions) {
        return toBuilder().functions(newFunctions).build();
    }

    /**
     * What scaling every arrival rate by {@code factor} would carry past the highest rate a scenario may state
     * ({@link Units#MAX_RATE_PER_SECOND} a second, to which every rate is held as it is read): one line per function,
     * empty when none. {@code --set traffic=100000} ran a function at 5,000,000 a second that its file could not
     * state, and {@code traffic=1e300} began a run of 10^304 events (an adversarial review).
     */
    public List<String> trafficBeyondRates(double factor) {
        List<String> out = new java.util.ArrayList<>();
        if (!Double.isFinite(factor)) {
            out.add("the factor " + factor + " is not a finite number");
            return out;
        }
        for (Function f : functions) {
            double peak = f.arrivals().highestRatePerSecond();
            double scaled = peak * factor;
            if (scaled > Units.MAX_RATE_PER_SECOND && scaled > peak) {
                out.add("function " + f.name() + "'s arrivals would reach " + rate(scaled) + " (" + rate(peak)
                        + " x " + factor + "), above the " + rate(Units.MAX_RATE_PER_SECOND) + " a scenario may state");
            }
        }
        return out;
    }

    private static String rate(double perSecond) {
        if (perSecond >= 1e12) {
            return String.format(java.util.Locale.ROOT, "%.3g/s", perSecond);
        }
        String digits = String.format(java.util.Locale.ROOT, perSecond == Math.rint(perSecond) ? "%,.0f" : "%,.3f",
                perSecond);
        return (digits.contains(".") ? digits.replaceAll("0+$", "").replaceAll("\\.$", "") : digits) + "/s";
    }

    /** Every arrival rate multiplied by {@code factor} (above 0): {@code --set traffic=10}, a sweep's traffic. */
    public Scenario withTraffic(double factor) {
        if (factor == 1) {
            return this;
        }
        List<Function> fns = new java.util.ArrayList<>();
        for (Function f : functions) {
            fns.add(f.withArrivals(f.arrivals().scaled(factor)));
        }
        return withFunctions(fns);
    }

    public Scenario withTimeline(List<At> newTimeline) {
        return toBuilder().timeline(newTimeline).build();
    }

    public Scenario withScaling(ScalingSpec newScaling) {
        return toBuilder().scaling(newScaling).build();
    }

    /** Same scenario at another price table. */
    public Scenario withPrices(PriceTable newPrices) {
        return toBuilder().prices(newPrices).build();
    }

    /** Builds a {@link Scenario}; starts from the {@link Defaults} (or from a scenario's values). */
    public static final class Builder {
        private String name;
        private String description; // and seed: the SETTINGS' defaults, set by the constructor
        private long seed;
        private long durationMicros;
        private long bucketMicros;
        private Account account = Account.DEFAULT;
        private List<Vpc> vpcs = List.of();
        private Hyperplane hyperplane = Hyperplane.DEFAULT;
        private List<Function> functions = List.of();
        private List<At> timeline = List.of();
        private NetworkModel networkModel = NetworkModel.HYPERPLANE;
        private ScalingSpec scaling = ScalingSpec.DEFAULT;
        private Legacy legacy = Legacy.DEFAULT;
        private PriceTable prices = PriceTable.DEFAULT;
        private String source = "code";
        private java.util.Optional<java.time.Instant> startsAt = java.util.Optional.empty();
        private AssumptionPreset assumptions = AssumptionPreset.DEFAULT;
        private Accounts accounts = Accounts.SINGLE;
        private List<String> unreadBlocks = List.of();
        private List<String> expect = List.of();

        private Builder(String name, long durationMicros) {
            Setting.resetAll(SETTINGS, this);
            this.name = name;
            this.durationMicros = durationMicros;
            this.bucketMicros = Math.min(durationMicros, Defaults.BUCKET_MICROS);
        }

        private Builder(Scenario s) {
            this.name = s.name;
            this.description = s.description;
            this.seed = s.seed;
            this.durationMicros = s.durationMicros;
            this.bucketMicros = s.bucketMicros;
            this.account = s.account;
            this.vpcs = s.vpcs;
            this.hyperplane = s.hyperplane;
            this.functions = s.functions;
            this.timeline = s.timeline;
            this.networkModel = s.networkModel;
            this.scaling = s.scaling;
            this.legacy = s.legacy;
            this.prices = s.prices;
            this.source = s.source;
            this.startsAt = s.startsAt;
            this.assumptions = s.assumptions;
            this.accounts = s.accounts;
            this.unreadBlocks = s.unreadBlocks;
            this.expect = s.expect;
        }

        public Builder name(String v) {
            name = v;
            return this;
        }

        public Builder description(String v) {
            description = v;
            return this;
        }

        public Builder seed(long v) {
            seed = v;
            return this;
        }

        /** Simulated time and time-series resolution, both in microseconds. */
        public Builder duration(long durationMicros, long bucketMicros) {
            this.durationMicros = durationMicros;
            this.bucketMicros = bucketMicros;
            return this;
        }

        public Builder account(Account v) {
            account = v;
            return this;
        }

        public Builder vpcs(List<Vpc> v) {
            vpcs = v;
            return this;
        }

        public Builder hyperplane(Hyperplane v) {
            hyperplane = v;
            return this;
        }

        public Builder functions(List<Function> v) {
            functions = v;
            return this;
        }

        public Builder timeline(List<At> v) {
            timeline = v;
            return this;
        }

        public Builder networkModel(NetworkModel v) {
            networkModel = v;
            return this;
        }

        public Builder scaling(ScalingSpec v) {
            scaling = v;
            return this;
        }

        public Builder legacy(Legacy v) {
            legacy = v;
            return this;
        }

        public Builder prices(PriceTable v) {
            prices = v;
            return this;
        }

        /** Where the scenario came from (a file path as given), for messages. */
        public Builder source(String v) {
            source = v;
            return this;
        }

        /** The wall-clock start of the run; empty (the default) for simulated time. */
        public Builder startsAt(java.util.Optional<java.time.Instant> v) {
            startsAt = java.util.Objects.requireNonNull(v);
            return this;
        }

        /** The assumption preset the scenario's undocumented defaults came from (recorded, not applied here). */
        public Builder assumptions(AssumptionPreset v) {
            assumptions = v;
            return this;
        }

        /** Several accounts over shared VPCs; {@link Accounts#SINGLE} (the default) for one. */
        public Builder accounts(Accounts v) {
            accounts = v;
            return this;
        }

        /** Top-level blocks set that no function reads (see the record's constructor). */
        public Builder unreadBlocks(List<String> v) {
            unreadBlocks = v;
            return this;
        }

        /** The expect block's sentences as written (see the record's constructor). */
        public Builder expect(List<String> v) {
            expect = v;
            return this;
        }

        public Scenario build() {
            return new Scenario(name, description, seed, durationMicros, bucketMicros, account, vpcs, hyperplane,
                    functions, timeline, networkModel, scaling, legacy, prices, source, startsAt, assumptions,
                    accounts, unreadBlocks, expect);
        }
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
        public static final ScalingSpec DEFAULT = new ScalingSpec(Defaults.SCALING, Defaults.KEEP_ALIVE_MICROS,
                Defaults.WARM_ROUTING, ProvisionedAllocation.DEFAULT);

        public ScalingSpec withScaling(Scaling s) {
            return new ScalingSpec(s, keepAliveMicros, warmRouting, provisioned);
        }

        public ScalingSpec withKeepAlive(long micros) {
            return new ScalingSpec(scaling, micros, warmRouting, provisioned);
        }

        public ScalingSpec withWarmRouting(WarmRouting r) {
            return new ScalingSpec(scaling, keepAliveMicros, r, provisioned);
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
        public static final Legacy DEFAULT = new Legacy(Defaults.LEGACY_ATTACH_TIME, Defaults.LEGACY_EC2_API_BURST,
                Defaults.LEGACY_EC2_API_REFILL_PER_SECOND, Defaults.LEGACY_ENI_LIMIT);
    }

    /**
     * @param concurrencyLimit           account-wide ConcurrentExecutions limit (default 1,000)
     * @param unreservedMinimum          concurrency that must stay unreserved (default 100)
     * @param networkInterfacesPerRegion EC2's network interfaces per Region, across all VPCs (default 5,000)
     * @param otherNetworkInterfaces     the account's other network interfaces in the Region, in no VPC's
     *                                   {@code otherUsedEnis} (EC2 instances', ECS tasks'...): they count against
     *                                   {@code networkInterfacesPerRegion} only (default 0)
     */
    public record Account(int concurrencyLimit, int unreservedMinimum, int networkInterfacesPerRegion, String id,
            int otherNetworkInterfaces) {
        public static final Account DEFAULT = new Account(Defaults.CONCURRENCY_LIMIT, Defaults.UNRESERVED_MINIMUM,
                Defaults.NETWORK_INTERFACES_PER_REGION, "");

        /** An account without other network interfaces at Region level. */
        public Account(int concurrencyLimit, int unreservedMinimum, int networkInterfacesPerRegion, String id) {
            this(concurrencyLimit, unreservedMinimum, networkInterfacesPerRegion, id, 0);
        }

        /** The same account with another concurrency limit and unreserved minimum. */
        public Account withConcurrency(int limit, int unreserved) {
            return new Account(limit, unreserved, networkInterfacesPerRegion, id, otherNetworkInterfaces);
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
     * @param byFunction each function's account id, by its label ({@link FunctionLabels}: its name, or {@code
     *                   <account>:<name>} when several accounts have a function of that name)
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
     * @param name           its display name (an imported Name tag), or null: labels only, never a key
     * @param groupNames     security group id -> its display name (Name tag or GroupName), for those named
     *                       ({@code securityGroupNames: [{id, name}]})
     * @param enisAtStart    keys that start with more than one in-use Hyperplane ENI when an {@code existing: Active}
     *                       function uses them ({@code enisAtStart}); every other such key starts with one
     * @param quotaPerAccount {@code eniQuotaCountedPer: account} [assumed]: each account's ENIs in the VPC count
     *                       against its own copy of {@code eniQuota} (other services' against the owner's); false
     *                       ({@code vpc}, the default): every account's ENIs count against one
     */
    public record Vpc(String id, int eniQuota, List<Subnet> subnets, List<String> securityGroups,
            int otherUsedEnis, List<NatGateway> natGateways, String name, java.util.Map<String, String> groupNames,
            List<KeyAtStart> enisAtStart, boolean quotaPerAccount) {

        /** {@code eniQuotaCountedPer}'s words: how the scenario file writes {@link #quotaPerAccount}. */
        public static final String COUNTED_PER_VPC = "vpc";
        public static final String COUNTED_PER_ACCOUNT = "account";

        public Vpc {
            subnets = List.copyOf(subnets);
            securityGroups = List.copyOf(securityGroups);
            natGateways = List.copyOf(natGateways);
            groupNames = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(groupNames));
            enisAtStart = List.copyOf(enisAtStart);
        }

        /** A VPC without display names. */
        public Vpc(String id, int eniQuota, List<Subnet> subnets, List<String> securityGroups, int otherUsedEnis,
                List<NatGateway> natGateways) {
            this(id, eniQuota, subnets, securityGroups, otherUsedEnis, natGateways, null, java.util.Map.of(),
                    List.of(), false);
        }

        /** A VPC whose quota counts every account's ENIs together ({@code eniQuotaCountedPer: vpc}). */
        public Vpc(String id, int eniQuota, List<Subnet> subnets, List<String> securityGroups, int otherUsedEnis,
                List<NatGateway> natGateways, String name, java.util.Map<String, String> groupNames,
                List<KeyAtStart> enisAtStart) {
            this(id, eniQuota, subnets, securityGroups, otherUsedEnis, natGateways, name, groupNames, enisAtStart,
                    false);
        }

        /** {@code eniQuotaCountedPer} as the scenario file writes it. */
        public String eniQuotaCountedPer() {
            return quotaPerAccount ? COUNTED_PER_ACCOUNT : COUNTED_PER_VPC;
        }

        /** A VPC with its subnets and security groups, no other services' ENIs and no NAT gateway. */
        public static Vpc of(String id, int eniQuota, List<Subnet> subnets, List<String> securityGroups) {
            return new Vpc(id, eniQuota, subnets, securityGroups, Defaults.OTHER_USED_ENIS, List.of());
        }

        public Vpc withSubnets(List<Subnet> newSubnets) {
            return new Vpc(id, eniQuota, newSubnets, securityGroups, otherUsedEnis, natGateways, name, groupNames,
                    enisAtStart, quotaPerAccount);
        }

        /** The same VPC with another ENI quota. */
        public Vpc withEniQuota(int quota) {
            return new Vpc(id, quota, subnets, securityGroups, otherUsedEnis, natGateways, name, groupNames,
                    enisAtStart, quotaPerAccount);
        }
    }

    /**
     * A key (subnet + security-group set, in an account) that an {@code existing: Active} function starts on with
     * {@code enis} in-use Hyperplane ENIs at time 0 rather than one: Hyperplane had scaled it out before the run (as
     * {@code enisim import} reads from describe-network-interfaces). Each is made as the first is (an address, a slot
     * of the VPC's quota and of the Region's network interfaces), and kept, like any ENI of the key, until the key
     * has no user.
     *
     * @param subnetId         a subnet of the VPC
     * @param securityGroupIds the key's security groups (a set: order and repeats do not matter)
     * @param account          the account whose key it is ("" for the first, or the only, account)
     * @param enis             at least 1
     */
    public record KeyAtStart(String subnetId, List<String> securityGroupIds, String account, int enis) {
        public KeyAtStart {
            securityGroupIds = securityGroupIds.stream().distinct().sorted().toList();
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
     * @param name         its display name (an imported Name tag such as "private-a"), or null: labels only
     */
    public record Subnet(String id, Cidr cidr, String az, int otherUsedIps, String ipv6Cidr, String name) {
        /** An IPv4-only subnet. */
        public Subnet(String id, Cidr cidr, String az, int otherUsedIps) {
            this(id, cidr, az, otherUsedIps, null, null);
        }

        /** A subnet without a display name. */
        public Subnet(String id, Cidr cidr, String az, int otherUsedIps, String ipv6Cidr) {
            this(id, cidr, az, otherUsedIps, ipv6Cidr, null);
        }

        public boolean dualStack() {
            return ipv6Cidr != null;
        }
    }

    /**
     * Parameters of Hyperplane ENI management; every one is an assumption or a documented default.
     *
     * @param eniCreateTime      time to create a new ENI (default: the scenario's {@link AssumptionPreset})
     * @param attachExistingTime time to attach a function to a key that already has an ENI (default 5 s)
     * @param connectionsPerEni  connection (port) capacity of one ENI (default 65,000)
     * @param eniRetryBackoffMicros wait before Lambda retries an ENI creation that failed (default 5 min)
     * @param eniDeleteTime      time Lambda takes to delete an ENI nobody uses (default: the scenario's
     *                           {@link AssumptionPreset})
     * @param idleReclaimAfterMicros a VPC function not invoked for this long goes Inactive (default 14 days)
     * @param stuckPendingAfterMicros a Pending spell longer than this is reported as stuck (default 6 min)
     * @param ec2RequestLimit    EC2's rate for Lambda's CreateNetworkInterface calls, empty when not limited (the
     *                           default: AWS gives no figure) [assumed]
     * @param eniNotReadyOnScaleOut a request that finds every ENI of its key full while Lambda creates another
     *                           gets ENINotReadyException (502) instead of running without a connection [assumed]
     * @param reuseDeletingEni   a function or version that starts using a key whose ENIs are being deleted takes them
     *                           back, cancelling the deletion (true, the default); false: they finish deleting and
     *                           the key gets a new ENI (an IP and a quota slot more, the creation time) [assumed]
     * @param eniRetryBackoffScope whose an ENI creation's back-off is after a failure for lack of IPs or quota:
     *                           {@code key} (the default), every creation for the key waits (other functions created,
     *                           restored or updated onto it fail at once); {@code function}, only the function it
     *                           failed for [assumed]. A failure for the role's permissions holds back that role's
     *                           creations only, either way
     * @param cancelledCreationKeepsEnis a creation Lambda cancels (an update or PublishVersion after
     *                           {@code stuckPendingAfter} Pending) keeps the ENIs made or being made for it until the
     *                           function is deleted (true); false, the default: the Failed function uses no key, so an
     *                           ENI no other function uses is deleted as any such ENI is (one still being created, once
     *                           it is ready) [assumed: AWS says only that it cancels the operation]
     */
    public record Hyperplane(
            DistributionSpec eniCreateTime,
            DistributionSpec attachExistingTime,
            int connectionsPerEni,
            long eniRetryBackoffMicros,
            DistributionSpec eniDeleteTime,
            long idleReclaimAfterMicros,
            long stuckPendingAfterMicros,
            java.util.Optional<HyperplaneLimits.Ec2RequestLimit> ec2RequestLimit,
            boolean eniNotReadyOnScaleOut,
            boolean reuseDeletingEni,
            String eniRetryBackoffScope,
            boolean cancelledCreationKeepsEnis) {

        /** {@link #eniRetryBackoffScope}: the back-off holds every creation for the key (the default). */
        public static final String BACKOFF_PER_KEY = "key";
        /** {@link #eniRetryBackoffScope}: the back-off holds only the function the creation failed for. */
        public static final String BACKOFF_PER_FUNCTION = "function";

        /** The parameters with a cancelled creation's ENIs released (the default). */
        public Hyperplane(DistributionSpec eniCreateTime, DistributionSpec attachExistingTime, int connectionsPerEni,
                long eniRetryBackoffMicros, DistributionSpec eniDeleteTime, long idleReclaimAfterMicros,
                long stuckPendingAfterMicros, java.util.Optional<HyperplaneLimits.Ec2RequestLimit> ec2RequestLimit,
                boolean eniNotReadyOnScaleOut, boolean reuseDeletingEni, String eniRetryBackoffScope) {
            this(eniCreateTime, attachExistingTime, connectionsPerEni, eniRetryBackoffMicros, eniDeleteTime,
                    idleReclaimAfterMicros, stuckPendingAfterMicros, ec2RequestLimit, eniNotReadyOnScaleOut,
                    reuseDeletingEni, eniRetryBackoffScope, false);
        }

        /** The parameters with a back-off per key (the default). */
        public Hyperplane(DistributionSpec eniCreateTime, DistributionSpec attachExistingTime, int connectionsPerEni,
                long eniRetryBackoffMicros, DistributionSpec eniDeleteTime, long idleReclaimAfterMicros,
                long stuckPendingAfterMicros, java.util.Optional<HyperplaneLimits.Ec2RequestLimit> ec2RequestLimit,
                boolean eniNotReadyOnScaleOut, boolean reuseDeletingEni) {
            this(eniCreateTime, attachExistingTime, connectionsPerEni, eniRetryBackoffMicros, eniDeleteTime,
                    idleReclaimAfterMicros, stuckPendingAfterMicros, ec2RequestLimit, eniNotReadyOnScaleOut,
                    reuseDeletingEni, BACKOFF_PER_KEY);
        }

        /** The parameters with a key's ENIs being deleted taken back by a new user (the default). */
        public Hyperplane(DistributionSpec eniCreateTime, DistributionSpec attachExistingTime, int connectionsPerEni,
                long eniRetryBackoffMicros, DistributionSpec eniDeleteTime, long idleReclaimAfterMicros,
                long stuckPendingAfterMicros, java.util.Optional<HyperplaneLimits.Ec2RequestLimit> ec2RequestLimit,
                boolean eniNotReadyOnScaleOut) {
            this(eniCreateTime, attachExistingTime, connectionsPerEni, eniRetryBackoffMicros, eniDeleteTime,
                    idleReclaimAfterMicros, stuckPendingAfterMicros, ec2RequestLimit, eniNotReadyOnScaleOut, true);
        }

        /**
         * The fields of {@code hyperplane} read by the table (the two preset-dependent times and
         * {@code ec2RequestLimit} are read by the loader's code).
         */
        static final List<Setting<Builder, ?>> SETTINGS = List.of(
                Setting.of("attachExistingTime", Setting.distribution(), "5s", Defaults.Source.ASSUMED,
                        Builder::attachExistingTime),
                Setting.of("connectionsPerEni", Setting.count(1, 10_000_000), "65000", Defaults.Source.DOCUMENTED,
                        Builder::connectionsPerEni),
                Setting.of("eniRetryBackoff", Setting.duration(), "5m", Defaults.Source.DOCUMENTED_OLD,
                        Builder::eniRetryBackoffMicros),
                Setting.of("idleReclaimAfter", Setting.duration(), "14d", Defaults.Source.ASSUMED,
                        Builder::idleReclaimAfterMicros),
                Setting.of("stuckPendingAfter", Setting.duration(), "6m", Defaults.Source.DOCUMENTED,
                        Builder::stuckPendingAfterMicros),
                Setting.of("eniNotReadyOnScaleOut", Setting.flag(), "false", Defaults.Source.ASSUMED,
                        Builder::eniNotReadyOnScaleOut),
                Setting.of("reuseDeletingEni", Setting.flag(), "true", Defaults.Source.ASSUMED,
                        Builder::reuseDeletingEni),
                Setting.of("eniRetryBackoffScope", Setting.text(List.of(BACKOFF_PER_KEY, BACKOFF_PER_FUNCTION),
                        "whose the back-off is"), BACKOFF_PER_KEY, Defaults.Source.ASSUMED,
                        Builder::eniRetryBackoffScope),
                Setting.of("cancelledCreationKeepsEnis", Setting.flag(), "false", Defaults.Source.ASSUMED,
                        Builder::cancelledCreationKeepsEnis));

        /** Every parameter at its default (the default {@link AssumptionPreset}'s ENI times). */
        public static final Hyperplane DEFAULT = builder().build();

        /** Parameters at their defaults, to set what differs. */
        public static Builder builder() {
            return new Builder();
        }

        public Builder toBuilder() {
            return new Builder(this);
        }

        /** The same parameters with other ENI creation and attachment times and ENI capacity. */
        public Hyperplane withEniTimes(DistributionSpec create, DistributionSpec attach, int connections) {
            return toBuilder().eniCreateTime(create).attachExistingTime(attach).connectionsPerEni(connections)
                    .build();
        }

        /** Builds a {@link Hyperplane}; starts from the defaults (or from a block's values). */
        public static final class Builder {
            private DistributionSpec eniCreateTime = Defaults.ENI_CREATE_TIME;
            private DistributionSpec attachExistingTime;
            private int connectionsPerEni;
            private long eniRetryBackoffMicros;
            private DistributionSpec eniDeleteTime = Defaults.ENI_DELETE_TIME;
            private long idleReclaimAfterMicros;
            private long stuckPendingAfterMicros;
            private java.util.Optional<HyperplaneLimits.Ec2RequestLimit> ec2RequestLimit = java.util.Optional.empty();
            private boolean eniNotReadyOnScaleOut;
            private boolean reuseDeletingEni;
            private String eniRetryBackoffScope;
            private boolean cancelledCreationKeepsEnis;

            private Builder() {
                Setting.resetAll(SETTINGS, this);
            }

            private Builder(Hyperplane h) {
                eniCreateTime = h.eniCreateTime;
                attachExistingTime = h.attachExistingTime;
                connectionsPerEni = h.connectionsPerEni;
                eniRetryBackoffMicros = h.eniRetryBackoffMicros;
                eniDeleteTime = h.eniDeleteTime;
                idleReclaimAfterMicros = h.idleReclaimAfterMicros;
                stuckPendingAfterMicros = h.stuckPendingAfterMicros;
                ec2RequestLimit = h.ec2RequestLimit;
                eniNotReadyOnScaleOut = h.eniNotReadyOnScaleOut;
                reuseDeletingEni = h.reuseDeletingEni;
                eniRetryBackoffScope = h.eniRetryBackoffScope;
                cancelledCreationKeepsEnis = h.cancelledCreationKeepsEnis;
            }

            public Builder eniCreateTime(DistributionSpec v) {
                eniCreateTime = v;
                return this;
            }

            public Builder attachExistingTime(DistributionSpec v) {
                attachExistingTime = v;
                return this;
            }

            public Builder connectionsPerEni(int v) {
                connectionsPerEni = v;
                return this;
            }

            public Builder eniRetryBackoffMicros(long v) {
                eniRetryBackoffMicros = v;
                return this;
            }

            public Builder eniDeleteTime(DistributionSpec v) {
                eniDeleteTime = v;
                return this;
            }

            public Builder idleReclaimAfterMicros(long v) {
                idleReclaimAfterMicros = v;
                return this;
            }

            public Builder stuckPendingAfterMicros(long v) {
                stuckPendingAfterMicros = v;
                return this;
            }

            /** EC2's rate for Lambda's ENI creations; empty (the default) when not limited. */
            public Builder ec2RequestLimit(java.util.Optional<HyperplaneLimits.Ec2RequestLimit> v) {
                ec2RequestLimit = v;
                return this;
            }

            public Builder eniNotReadyOnScaleOut(boolean v) {
                eniNotReadyOnScaleOut = v;
                return this;
            }

            /** Whether a new user of a key takes back its ENIs being deleted (the default) [assumed]. */
            public Builder reuseDeletingEni(boolean v) {
                reuseDeletingEni = v;
                return this;
            }

            /** Whose an ENI creation's back-off is: {@code key} (the default) or {@code function} [assumed]. */
            public Builder eniRetryBackoffScope(String v) {
                eniRetryBackoffScope = v;
                return this;
            }

            /** Whether a creation Lambda cancels keeps its ENIs until the function is deleted [assumed]. */
            public Builder cancelledCreationKeepsEnis(boolean v) {
                cancelledCreationKeepsEnis = v;
                return this;
            }

            public Hyperplane build() {
                return new Hyperplane(eniCreateTime, attachExistingTime, connectionsPerEni, eniRetryBackoffMicros,
                        eniDeleteTime, idleReclaimAfterMicros, stuckPendingAfterMicros, ec2RequestLimit,
                        eniNotReadyOnScaleOut, reuseDeletingEni, eniRetryBackoffScope, cancelledCreationKeepsEnis);
            }
        }
    }

    /**
     * @param name                     its label ({@link FunctionLabels}): its name, or {@code <account>:<name>} when
     *                                 functions of several accounts have that name; the role's default is
     *                                 {@code <name>-role}, labelled the same way
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
     * @param existing                 whether the function already exists at time 0 (Active, Inactive or Failed)
     * @param async                    its asynchronous (Event) invocations' queue config; empty: RequestResponse
     * @param egress                   its connections' shares through its VPC's NAT gateway
     * @param sqs                      the SQS event source mapping that feeds it; empty: none
     * @param architecture             {@code x86_64} (default) or {@code arm64}: its init preset and its prices
     * @param failedReason             the StateReasonCode of an {@code existing: Failed} function, or of an {@code
     *                                 existing: Inactive} one whose last restore failed; null for any other (Idle)
     * @param warmEnvironments         idle execution environments an {@code existing: Active} function has at time 0
     *                                 (default 0, as {@code enisim import} does not write it); empty: {@code auto}, as
     *                                 many as its traffic at time 0 keeps warm under the keep-alive
     *                                 ({@code dev.enisim.model.LambdaService.warmEnvironments}), which {@code enisim import} writes
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
            java.util.Optional<AsyncConfig> async,
            Egress egress,
            java.util.Optional<SqsConfig> sqs,
            String architecture,
            StateReasonCode failedReason,
            OptionalInt warmEnvironments) implements FunctionConfiguration {

        /** A function with no warm environment at time 0 (the default). */
        public Function(String name, int memoryMb, long timeoutMicros, VpcConfig vpcConfig,
                OptionalInt reservedConcurrency, DistributionSpec duration, int connectionsPerInvocation,
                ArrivalSpec arrivals, long createdAtMicros, String role, DistributionSpec initDuration,
                int connectionsPerEnvironment, int provisionedConcurrency, Existing existing,
                java.util.Optional<AsyncConfig> async, Egress egress, java.util.Optional<SqsConfig> sqs,
                String architecture, StateReasonCode failedReason) {
            this(name, memoryMb, timeoutMicros, vpcConfig, reservedConcurrency, duration, connectionsPerInvocation,
                    arrivals, createdAtMicros, role, initDuration, connectionsPerEnvironment, provisionedConcurrency,
                    existing, async, egress, sqs, architecture, failedReason, OptionalInt.of(0));
        }

        @Override
        public List<String> subnetIds() {
            return vpcConfig.subnetIds();
        }

        @Override
        public List<String> securityGroupIds() {
            return vpcConfig.securityGroupIds();
        }

        /**
         * The fields of {@code functions[*]} read by the table, with no code of their own in the reader, in the
         * order it reads them (a count's largest value may depend on the account or the {@code hyperplane} block).
         * A new field of a kind the table knows is a component, its builder setter and a row here.
         */
        static final List<Setting<Builder, ?>> SETTINGS = List.of(
                Setting.of("memoryMb", Setting.count(128, 10_240), "128", Defaults.Source.DOCUMENTED,
                        Builder::memoryMb),
                Setting.of("connectionsPerInvocation", Setting.count(0, l -> l.hyperplane().connectionsPerEni()), "1",
                        Defaults.Source.ENISIM, Builder::connectionsPerInvocation),
                Setting.of("connectionsPerEnvironment", Setting.count(0, l -> l.hyperplane().connectionsPerEni()),
                        "0", Defaults.Source.ENISIM, Builder::connectionsPerEnvironment),
                Setting.of("provisionedConcurrency", Setting.count(0, l -> l.account().concurrencyLimit()), "0",
                        Defaults.Source.ENISIM, Builder::provisionedConcurrency),
                Setting.of("timeout", Setting.duration("1s", "900s", "Lambda's limits"), "3s",
                        Defaults.Source.DOCUMENTED, Builder::timeoutMicros),
                Setting.of("createdAt", Setting.duration(), "0s", Defaults.Source.ENISIM, Builder::createdAtMicros),
                Setting.of("architecture", Setting.text(List.of("x86_64", "arm64"), "Lambda's Architectures"),
                        "x86_64", Defaults.Source.DOCUMENTED, Builder::architecture));

        /** Default cold-start init: log-normal, median 250 ms, p99 1.5 s (capped at 10 s by Lambda). */
        public static final DistributionSpec DEFAULT_INIT = Defaults.INIT_DURATION;
        /** A cold start without init time (code-built functions that leave init out of the picture). */
        public static final DistributionSpec NO_INIT = new DistributionSpec.Constant(0);

        /**
         * A function built in code: every field at its {@link Defaults default} (as if left out of the file) but
         * the run time and the arrivals, which a function needs.
         */
        public static Builder builder(String name, DistributionSpec duration, ArrivalSpec arrivals) {
            return new Builder(name, duration, arrivals);
        }

        /** A builder holding this function's values, to vary some of them. */
        public Builder toBuilder() {
            return new Builder(this);
        }

        /** The same function with other arrivals (traffic scaling, what-if variants). */
        public Function withArrivals(ArrivalSpec a) {
            return toBuilder().arrivals(a).build();
        }

        /** True when its arrivals are {@code invocationType: Event} (then {@link #async} is its queue's config). */
        public boolean asynchronous() {
            return async.isPresent();
        }

        /** True when an SQS event source mapping feeds it (then {@link #sqs} is its queue's config). */
        public boolean fedByQueue() {
            return sqs.isPresent();
        }

        /** A function that already exists when the simulation starts (imported from an account), and how. */
        public enum Existing {
            /** Created at {@code createdAt} like any new function. */
            NO,
            /** Already Active at time 0: its keys' ENIs are there (in use) from the start. */
            ACTIVE,
            /** Already Inactive (idle) at time 0: its ENIs were reclaimed; the first invocation restores it. */
            INACTIVE,
            /**
             * Already Failed at time 0: its creation failed before the run ({@link Function#failedReason} says why),
             * so it holds no ENI, every invocation fails, and only DeleteFunction and a new CreateFunction help.
             */
            FAILED
        }

        /** Builds a {@link Function}; starts from the {@link Defaults} (or from a function's values). */
        public static final class Builder {
            private String name;
            private int memoryMb; // and the other SETTINGS: their defaults, set by the constructor
            private long timeoutMicros;
            private VpcConfig vpcConfig = VpcConfig.NONE;
            private OptionalInt reservedConcurrency = OptionalInt.empty();
            private DistributionSpec duration;
            private int connectionsPerInvocation;
            private ArrivalSpec arrivals;
            private long createdAtMicros;
            private String role; // null until set: <name>-role
            private DistributionSpec initDuration = Defaults.INIT_DURATION;
            private int connectionsPerEnvironment;
            private int provisionedConcurrency;
            private Existing existing = Existing.NO;
            private java.util.Optional<AsyncConfig> async = java.util.Optional.empty();
            private Egress egress = Egress.NONE;
            private java.util.Optional<SqsConfig> sqs = java.util.Optional.empty();
            private String architecture;
            private StateReasonCode failedReason;
            private OptionalInt warmEnvironments = OptionalInt.of(0);

            private Builder(String name, DistributionSpec duration, ArrivalSpec arrivals) {
                this.name = name;
                this.duration = duration;
                this.arrivals = arrivals;
                Setting.resetAll(SETTINGS, this);
            }

            private Builder(Function f) {
                this(f.name, f.duration, f.arrivals);
                memoryMb = f.memoryMb;
                timeoutMicros = f.timeoutMicros;
                vpcConfig = f.vpcConfig;
                reservedConcurrency = f.reservedConcurrency;
                connectionsPerInvocation = f.connectionsPerInvocation;
                createdAtMicros = f.createdAtMicros;
                role = f.role;
                initDuration = f.initDuration;
                connectionsPerEnvironment = f.connectionsPerEnvironment;
                provisionedConcurrency = f.provisionedConcurrency;
                existing = f.existing;
                async = f.async;
                egress = f.egress;
                sqs = f.sqs;
                architecture = f.architecture;
                failedReason = f.failedReason;
                warmEnvironments = f.warmEnvironments;
            }

            public Builder name(String v) {
                name = v;
                return this;
            }

            public Builder memoryMb(int v) {
                memoryMb = v;
                return this;
            }

            public Builder timeoutMicros(long v) {
                timeoutMicros = v;
                return this;
            }

            public Builder vpcConfig(VpcConfig v) {
                vpcConfig = v;
                return this;
            }

            public Builder reservedConcurrency(OptionalInt v) {
                reservedConcurrency = v;
                return this;
            }

            public Builder reservedConcurrency(int v) {
                return reservedConcurrency(OptionalInt.of(v));
            }

            public Builder duration(DistributionSpec v) {
                duration = v;
                return this;
            }

            public Builder connectionsPerInvocation(int v) {
                connectionsPerInvocation = v;
                return this;
            }

            public Builder arrivals(ArrivalSpec v) {
                arrivals = v;
                return this;
            }

            public Builder createdAtMicros(long v) {
                createdAtMicros = v;
                return this;
            }

            public Builder role(String v) {
                role = v;
                return this;
            }

            public Builder initDuration(DistributionSpec v) {
                initDuration = v;
                return this;
            }

            public Builder connectionsPerEnvironment(int v) {
                connectionsPerEnvironment = v;
                return this;
            }

            public Builder provisionedConcurrency(int v) {
                provisionedConcurrency = v;
                return this;
            }

            public Builder existing(Existing v) {
                existing = v;
                return this;
            }

            /** Asynchronous (Event) invocations through this queue config; empty (the default) for RequestResponse. */
            public Builder async(java.util.Optional<AsyncConfig> v) {
                async = java.util.Objects.requireNonNull(v);
                return this;
            }

            public Builder egress(Egress v) {
                egress = v;
                return this;
            }

            /** Fed by an SQS event source mapping with this config; empty (the default) for none. */
            public Builder sqs(java.util.Optional<SqsConfig> v) {
                sqs = java.util.Objects.requireNonNull(v);
                return this;
            }

            public Builder architecture(String v) {
                architecture = v;
                return this;
            }

            /** The StateReasonCode of an {@link Existing#FAILED} function (null for any other). */
            public Builder failedReason(StateReasonCode v) {
                failedReason = v;
                return this;
            }

            /** Idle environments of an {@link Existing#ACTIVE} function at time 0 (default 0); empty: {@code auto}. */
            public Builder warmEnvironments(OptionalInt v) {
                warmEnvironments = java.util.Objects.requireNonNull(v);
                return this;
            }

            public Function build() {
                return new Function(name, memoryMb, timeoutMicros, vpcConfig, reservedConcurrency, duration,
                        connectionsPerInvocation, arrivals, createdAtMicros,
                        role == null ? name + Defaults.ROLE_SUFFIX : role, initDuration, connectionsPerEnvironment,
                        provisionedConcurrency, existing, async, egress, sqs, architecture, failedReason,
                        warmEnvironments);
            }
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
