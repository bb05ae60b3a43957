package dev.enisim.scenario;

import dev.enisim.model.Scaling;
import dev.enisim.model.WarmRouting;
import dev.enisim.workload.DistributionSpec;

/**
 * Every default of the scenario file in one place: the loader fills an absent field from here, the records'
 * {@code DEFAULT}s and builders are made of these values, and scenarios/README.md documents them. Times are in
 * microseconds, as in {@link Scenario}.
 */
public final class Defaults {

    static final long SEC = 1_000_000L;
    static final long DAY = 86_400 * SEC;

    // ---- the scenario ----
    public static final String DESCRIPTION = "";
    public static final long SEED = 1;
    public static final long BUCKET_MICROS = 60 * SEC;

    // ---- account ----
    /** Lambda's default ConcurrentExecutions quota [doc]. */
    public static final int CONCURRENCY_LIMIT = 1000;
    /** Concurrency Lambda keeps unreserved [doc]. */
    public static final int UNRESERVED_MINIMUM = 100;
    /** EC2's default "Network interfaces per Region" [doc]. */
    public static final int NETWORK_INTERFACES_PER_REGION = 5000;

    // ---- vpcs[*] ----
    /** Lambda Hyperplane ENIs per VPC [doc]. */
    public static final int ENI_QUOTA = 500;
    public static final int OTHER_USED_ENIS = 0;
    public static final int OTHER_USED_IPS = 0;
    /** A NAT gateway's IPv4 addresses: its primary one. */
    public static final int NAT_ADDRESSES = 1;

    // ---- hyperplane ----
    /**
     * Time to create a Hyperplane ENI under the default {@link AssumptionPreset} (field: log-normal, median 75 s,
     * p99 5 min [assumed]); {@code assumptions: documented} picks the other preset's.
     */
    public static final DistributionSpec ENI_CREATE_TIME = AssumptionPreset.DEFAULT.eniCreateTime();
    /** Time to attach to a key that already has an ENI: 5 s [assumed]. */
    public static final DistributionSpec ATTACH_EXISTING_TIME = new DistributionSpec.Constant(5 * SEC);
    /** Ports of one ENI [assumed]. */
    public static final int CONNECTIONS_PER_ENI = 65_000;
    /** Wait before Lambda retries a failed ENI creation: 5 min [assumed]. */
    public static final long ENI_RETRY_BACKOFF_MICROS = 300 * SEC;
    /**
     * ENI deletion time under the default {@link AssumptionPreset} (field: log-normal, median 10 min, p99 35 min,
     * capped at 45 min [assumed]).
     */
    public static final DistributionSpec ENI_DELETE_TIME = AssumptionPreset.DEFAULT.eniDeleteTime();
    /** A VPC function not invoked this long goes Inactive: 14 days [assumed]. */
    public static final long IDLE_RECLAIM_AFTER_MICROS = 14 * DAY;
    /** A Pending spell longer than this is reported as stuck: 6 min [doc]. */
    public static final long STUCK_PENDING_AFTER_MICROS = 360 * SEC;

    // ---- functions[*] ----
    public static final int MEMORY_MB = 128;
    /** Lambda's default function timeout: 3 s [doc]. */
    public static final long TIMEOUT_MICROS = 3 * SEC;
    public static final int CONNECTIONS_PER_INVOCATION = 1;
    public static final long CREATED_AT_MICROS = 0;
    /** A function's execution role when none is named: {@code <name>-role}. */
    public static final String ROLE_SUFFIX = "-role";
    /** Cold-start init without a runtime preset: log-normal, median 250 ms, p99 1.5 s, capped at 10 s [assumed]. */
    public static final DistributionSpec INIT_DURATION = new DistributionSpec.LogNormal(250e3, 1.5e6, 10e6);
    public static final int CONNECTIONS_PER_ENVIRONMENT = 0;
    public static final int PROVISIONED_CONCURRENCY = 0;
    public static final String ARCHITECTURE = "x86_64";
    public static final String PACKAGE_TYPE = "Zip";

    // ---- scaling ----
    /** Idle execution environments are reclaimed after 10 min [assumed]. */
    public static final long KEEP_ALIVE_MICROS = 600 * SEC;
    public static final WarmRouting WARM_ROUTING = WarmRouting.MOST_RECENTLY_USED;
    public static final Scaling SCALING = Scaling.DEFAULT;

    // ---- legacy ----
    /** Pre-2019 cold start's ENI create/attach: log-normal, median 8 s, p99 15 s, capped at 60 s [assumed]. */
    public static final DistributionSpec LEGACY_ATTACH_TIME = new DistributionSpec.LogNormal(8e6, 15e6, 60e6);
    public static final int LEGACY_EC2_API_BURST = 200;
    public static final double LEGACY_EC2_API_REFILL_PER_SECOND = 5;
    public static final int LEGACY_ENI_LIMIT = NETWORK_INTERFACES_PER_REGION;

    private Defaults() {
    }
}
