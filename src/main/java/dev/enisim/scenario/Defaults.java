package dev.enisim.scenario;

import dev.enisim.model.Scaling;
import dev.enisim.model.WarmRouting;
import dev.enisim.workload.DistributionSpec;
import java.util.List;

/**
 * Every default of the scenario file in one place: the loader fills an absent field from these constants, the
 * records' {@code DEFAULT}s and builders are made of them, and {@link #TABLE} lists each field's default as the file
 * writes it, with its unit and its source. {@code DefaultsTest} holds the three together: writing a default into a
 * file changes nothing, scenarios/README.md shows it in the field's row, and the README's assumptions table lists
 * every assumed one. Times are in microseconds, as in {@link Scenario}.
 *
 * <p>To add a default: a constant here (if the code needs it), an {@link Entry} in {@link #TABLE}, and its row in
 * scenarios/README.md (and in the README's assumptions table when it is not documented by AWS). A function's
 * field read by a table of {@link Setting}s (a block's {@code SETTINGS} in {@link Scenario}) has its default in its
 * row instead, which the reader reads and this table lists.
 */
public final class Defaults {

    /** Where a default comes from; the tag scenarios/README.md gives the field. */
    public enum Source {
        /** AWS documents it today ({@code [doc]}). */
        DOCUMENTED("[doc"),
        /** AWS documented it for an older model ({@code [doc-old]}). */
        DOCUMENTED_OLD("[doc-old"),
        /** Field reports and third-party measurements ({@code [field]}); listed in the assumptions table. */
        FIELD("[field"),
        /** Nobody documents it: enisim's assumption ({@code [assumed]}); listed in the assumptions table. */
        ASSUMED("assumed"),
        /** A choice of the simulator's own (resolution, seed, a neutral zero): not a claim about AWS. */
        ENISIM("");

        /** What the field's row in scenarios/README.md contains for this source. */
        public final String tag;

        Source(String tag) {
            this.tag = tag;
        }

        /** True when the README's assumptions table must list it. */
        public boolean assumption() {
            return this == FIELD || this == ASSUMED;
        }
    }

    /** What a default measures. */
    public enum Unit {
        /** a duration text ({@code 5m}), microseconds in the scenario. */
        DURATION,
        /** a distribution of durations ({@code {dist: lognormal, median: 75s, p99: 5m}}), microseconds. */
        DISTRIBUTION,
        /** a rate ({@code 5/s}), per second. */
        RATE,
        /** a whole number of things (ENIs, environments, connections, MB for memory). */
        COUNT,
        /** a plain number (a factor). */
        NUMBER,
        /** a name from a fixed list, or free text. */
        TEXT,
        /** true or false. */
        FLAG
    }

    /**
     * One field's default.
     *
     * @param path   the field's path in the file, lists as {@code [*]} ({@code functions[*].timeout})
     * @param text   the default as the file writes it and scenarios/README.md shows it ({@code <name>} stands for
     *               the function's name)
     * @param unit   what it measures
     * @param source where it comes from
     */
    public record Entry(String path, String text, Unit unit, Source source) {
    }

    static final long SEC = 1_000_000L;

    // ---- the scenario ----
    public static final long BUCKET_MICROS = 60 * SEC;

    // ---- account ----
    /** Lambda's default ConcurrentExecutions quota [doc]. */
    public static final int CONCURRENCY_LIMIT = 1000;
    /** Concurrency Lambda keeps unreserved [doc]. */
    public static final int UNRESERVED_MINIMUM = 100;
    /** EC2's default "Network interfaces per Region" [doc]. */
    public static final int NETWORK_INTERFACES_PER_REGION = 5000;
    /** Network interfaces of the Region outside Lambda's and the VPCs' otherUsedEnis: none unless said. */
    public static final int OTHER_NETWORK_INTERFACES = 0;

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
    /**
     * ENI deletion time under the default {@link AssumptionPreset} (field: log-normal, median 10 min, p99 35 min,
     * capped at 45 min [assumed]).
     */
    public static final DistributionSpec ENI_DELETE_TIME = AssumptionPreset.DEFAULT.eniDeleteTime();

    /** {@code hyperplane.ec2RequestLimit}: Lambda's ENI creations are not rate-limited [assumed: AWS gives no rate]. */
    public static final String EC2_REQUEST_LIMIT_NONE = "none";

    // ---- functions[*] (the fields of Scenario.Function.SETTINGS have their defaults there) ----
    /** A function's execution role when none is named: {@code <name>-role}. */
    public static final String ROLE_SUFFIX = "-role";
    /** Cold-start init without a runtime preset: log-normal, median 250 ms, p99 1.5 s, capped at 10 s [assumed]. */
    public static final DistributionSpec INIT_DURATION = new DistributionSpec.LogNormal(250e3, 1.5e6, 10e6);
    public static final String PACKAGE_TYPE = "Zip";

    /** A function's connections close when its invocation ends unless egress says otherwise [assumed]. */
    public static final boolean KEEP_CONNECTIONS_OPEN = false;

    // ---- scaling ----
    /** Idle execution environments are reclaimed after 10 min [assumed]. */
    public static final long KEEP_ALIVE_MICROS = 600 * SEC;
    public static final WarmRouting WARM_ROUTING = WarmRouting.MOST_RECENTLY_USED;
    public static final Scaling SCALING = Scaling.DEFAULT;
    /**
     * {@code scaling.provisionedConcurrency}: 90 s of preparation [assumed within AWS's "a minute or two"], 6,000
     * environments a minute [doc], keeps a VPC function Active [assumed], 10 x PC caps every request [assumed].
     */
    public static final dev.enisim.model.ProvisionedAllocation PROVISIONED = dev.enisim.model.ProvisionedAllocation.DEFAULT;

    // ---- legacy ----
    /** Pre-2019 cold start's ENI create/attach: log-normal, median 8 s, p99 15 s, capped at 60 s [assumed]. */
    public static final DistributionSpec LEGACY_ATTACH_TIME = new DistributionSpec.LogNormal(8e6, 15e6, 60e6);
    public static final int LEGACY_EC2_API_BURST = 200;
    public static final double LEGACY_EC2_API_REFILL_PER_SECOND = 5;
    public static final int LEGACY_ENI_LIMIT = NETWORK_INTERFACES_PER_REGION;

    // ---- async ----
    /** First wait before retrying a throttled or failed-by-the-system event: 1 s [doc]. */
    public static final long ASYNC_FIRST_RETRY_MICROS = SEC;
    /** Longest such wait: 5 min [doc]. */
    public static final long ASYNC_MAX_RETRY_MICROS = 300 * SEC;
    /** Growth of the wait per retry [assumed: AWS says "increases exponentially"]. */
    public static final double ASYNC_BACKOFF_FACTOR = 2;
    /** {@code eventInvokeConfig.maximumRetryAttempts}: retries of function errors, 2 [doc]. */
    public static final int ASYNC_MAXIMUM_RETRY_ATTEMPTS = 2;
    /** {@code eventInvokeConfig.maximumEventAge}: 6 h [doc]. */
    public static final long ASYNC_MAXIMUM_EVENT_AGE_MICROS = 21_600 * SEC;
    /** The chance a delivery to a destination or DLQ fails: none [assumed: its causes are outside the model]. */
    public static final double DELIVERY_FAILURE_PROBABILITY = 0;

    // ---- sqs (functions[*].eventSourceMapping, and the sqs block) ----
    /** Messages per batch, 10 [doc]. */
    public static final int SQS_BATCH_SIZE = 10;
    /** ScalingConfig.MaximumConcurrency, 1,000 [doc]. */
    public static final int SQS_MAXIMUM_CONCURRENCY = 1000;
    /** SQS's default VisibilityTimeout, 30 s [doc]. */
    public static final long SQS_VISIBILITY_TIMEOUT_MICROS = 30 * SEC;
    /** SQS's default MessageRetentionPeriod, 4 days [doc]. */
    public static final long SQS_MESSAGE_RETENTION_PERIOD_MICROS =
            dev.enisim.model.SqsConfig.DEFAULT_MESSAGE_RETENTION_PERIOD_MICROS;
    public static final int SQS_INITIAL_BATCHES = 5;
    public static final int SQS_SCALE_UP_PER_MINUTE = 300;
    public static final int SQS_MAX_BATCHES = 1000;
    /** Share of its concurrency the poller keeps after a failed batch [assumed]. */
    public static final double SQS_ERROR_BACKOFF_FACTOR = 0.5;
    /** First wait before re-invoking a throttled batch [assumed]. */
    public static final long SQS_THROTTLE_RETRY_MICROS = SEC;
    /** The least time between two of the poller's back-offs after failed batches [assumed]. */
    public static final long SQS_ERROR_BACKOFF_INTERVAL_MICROS =
            dev.enisim.model.SqsConfig.DEFAULT_ERROR_BACKOFF_INTERVAL_MICROS;
    /** The fewest concurrent batches a back-off leaves the poller: 2 [doc]. */
    public static final int SQS_MIN_BATCHES = dev.enisim.model.SqsConfig.DEFAULT_MIN_BATCHES;

    /**
     * Every defaulted field of the scenario file, block by block in the order of scenarios/README.md (the rows of
     * the blocks' {@link Setting} tables after their blocks' other fields).
     */
    public static final List<Entry> TABLE = withSettings(List.of(
            new Entry("bucket", "1m", Unit.DURATION, Source.ENISIM),
            new Entry("networkModel", "hyperplane", Unit.TEXT, Source.ENISIM),
            new Entry("account.concurrencyLimit", "1000", Unit.COUNT, Source.DOCUMENTED),
            new Entry("account.networkInterfacesPerRegion", "5000", Unit.COUNT, Source.DOCUMENTED),
            new Entry("account.otherNetworkInterfaces", "0", Unit.COUNT, Source.ENISIM),
            new Entry("account.unreservedMinimum", "100", Unit.COUNT, Source.DOCUMENTED),
            new Entry("vpcs[*].eniQuota", "500", Unit.COUNT, Source.DOCUMENTED),
            new Entry("vpcs[*].eniQuotaCountedPer", "vpc", Unit.TEXT, Source.ASSUMED),
            new Entry("vpcs[*].tenancy", "default", Unit.TEXT, Source.DOCUMENTED),
            new Entry("vpcs[*].otherUsedEnis", "0", Unit.COUNT, Source.DOCUMENTED),
            new Entry("vpcs[*].natGateways[*].addresses", "1", Unit.COUNT, Source.DOCUMENTED),
            new Entry("vpcs[*].subnets[*].otherUsedIps", "0", Unit.COUNT, Source.ENISIM),
            new Entry("hyperplane.eniCreateTime", AssumptionPreset.DEFAULT.eniCreateTimeText(), Unit.DISTRIBUTION,
                    Source.ASSUMED),
            new Entry("hyperplane.eniDeleteTime", AssumptionPreset.DEFAULT.eniDeleteTimeText(), Unit.DISTRIBUTION,
                    Source.ASSUMED),
            new Entry("hyperplane.ec2RequestLimit", EC2_REQUEST_LIMIT_NONE, Unit.TEXT, Source.ASSUMED),
            new Entry("scaling.model", "per-function", Unit.TEXT, Source.DOCUMENTED),
            new Entry("scaling.newEnvironmentsPer10s", "1000", Unit.COUNT, Source.DOCUMENTED),
            new Entry("scaling.burst", "3000", Unit.COUNT, Source.DOCUMENTED_OLD),
            new Entry("scaling.burstIncreasePerMinute", "500", Unit.COUNT, Source.DOCUMENTED_OLD),
            new Entry("scaling.keepAlive", "10m", Unit.DURATION, Source.ASSUMED),
            new Entry("scaling.newRequestsPerSecondPer10s", "10000", Unit.COUNT, Source.DOCUMENTED),
            new Entry("scaling.requestRateWindow", "1s", Unit.DURATION, Source.ASSUMED),
            new Entry("scaling.warmRouting", "mostRecentlyUsed", Unit.TEXT, Source.ASSUMED),
            new Entry("scaling.provisionedConcurrency.preparation", "90s", Unit.DURATION, Source.ASSUMED),
            new Entry("scaling.provisionedConcurrency.allocationPerMinute", "6000", Unit.COUNT, Source.DOCUMENTED),
            new Entry("scaling.provisionedConcurrency.requestRateCap", "allRequests", Unit.TEXT, Source.ASSUMED),
            new Entry("scaling.provisionedConcurrency.keepsFunctionActive", "true", Unit.FLAG, Source.ASSUMED),
            new Entry("legacy.coldStartAttachTime", "{dist: lognormal, median: 8s, p99: 15s, cap: 60s}",
                    Unit.DISTRIBUTION, Source.FIELD),
            new Entry("legacy.ec2ApiBurst", "200", Unit.COUNT, Source.ASSUMED),
            new Entry("legacy.ec2ApiRefill", "5/s", Unit.RATE, Source.ASSUMED),
            new Entry("legacy.eniLimit", "5000", Unit.COUNT, Source.DOCUMENTED),
            new Entry("functions[*].role", "<name>-role", Unit.TEXT, Source.ENISIM),
            new Entry("functions[*].initDuration", "{dist: lognormal, median: 250ms, p99: 1.5s, cap: 10s}",
                    Unit.DISTRIBUTION, Source.ASSUMED),
            new Entry("functions[*].packageType", "Zip", Unit.TEXT, Source.DOCUMENTED),
            new Entry("functions[*].warmEnvironments", "0", Unit.COUNT, Source.ASSUMED),
            new Entry("functions[*].invocationType", "RequestResponse", Unit.TEXT, Source.DOCUMENTED),
            new Entry("functions[*].egress.keepConnectionsOpen", "false", Unit.FLAG, Source.ASSUMED),
            new Entry("functions[*].deadLetterConfig.deliveryFailureProbability", "0", Unit.NUMBER, Source.ASSUMED),
            new Entry("functions[*].eventInvokeConfig.maximumRetryAttempts", "2", Unit.COUNT, Source.DOCUMENTED),
            new Entry("functions[*].eventInvokeConfig.maximumEventAge", "6h", Unit.DURATION, Source.DOCUMENTED),
            new Entry("functions[*].eventInvokeConfig.onFailure.deliveryFailureProbability", "0", Unit.NUMBER,
                    Source.ASSUMED),
            new Entry("async.firstRetryInterval", "1s", Unit.DURATION, Source.DOCUMENTED),
            new Entry("async.maxRetryInterval", "5m", Unit.DURATION, Source.DOCUMENTED),
            new Entry("async.backoffFactor", "2", Unit.NUMBER, Source.ASSUMED),
            new Entry("async.onPending", "reject", Unit.TEXT, Source.ASSUMED),
            new Entry("functions[*].eventSourceMapping.batchSize", "10", Unit.COUNT, Source.DOCUMENTED),
            new Entry("functions[*].eventSourceMapping.maximumConcurrency", "1000", Unit.COUNT, Source.DOCUMENTED),
            new Entry("functions[*].eventSourceMapping.queue.visibilityTimeout", "30s", Unit.DURATION,
                    Source.DOCUMENTED),
            new Entry("functions[*].eventSourceMapping.queue.messageRetentionPeriod", "4d", Unit.DURATION,
                    Source.DOCUMENTED),
            new Entry("sqs.initialBatches", "5", Unit.COUNT, Source.DOCUMENTED),
            new Entry("sqs.scaleUpPerMinute", "300", Unit.COUNT, Source.DOCUMENTED),
            new Entry("sqs.maxBatches", "1000", Unit.COUNT, Source.DOCUMENTED),
            new Entry("sqs.errorBackoffFactor", "0.5", Unit.NUMBER, Source.ASSUMED),
            new Entry("sqs.throttleRetry", "1s", Unit.DURATION, Source.ASSUMED),
            new Entry("sqs.errorBackoffInterval", "1m", Unit.DURATION, Source.ASSUMED),
            new Entry("sqs.minBatches", "2", Unit.COUNT, Source.ASSUMED)));

    /**
     * The table with the rows of the blocks' tables of {@link Setting}s ({@code Scenario.SETTINGS},
     * {@code Scenario.Hyperplane.SETTINGS}, {@code Scenario.Function.SETTINGS}), each after its block's other
     * entries.
     */
    private static List<Entry> withSettings(List<Entry> others) {
        List<Entry> out = new java.util.ArrayList<>();
        Scenario.SETTINGS.forEach(t -> out.add(t.entry("")));
        for (Entry e : others) {
            if (e.path().startsWith("scaling.") && !out.get(out.size() - 1).path().startsWith("scaling.")) {
                Scenario.Hyperplane.SETTINGS.forEach(t -> out.add(t.entry("hyperplane.")));
            }
            if (e.path().startsWith("async.") && !out.get(out.size() - 1).path().startsWith("async.")) {
                Scenario.Function.SETTINGS.forEach(t -> out.add(t.entry("functions[*].")));
            }
            out.add(e);
        }
        return List.copyOf(out);
    }

    /** The entry of a field's path ({@code hyperplane.eniCreateTime}); throws for a path without a default. */
    public static Entry of(String path) {
        for (Entry e : TABLE) {
            if (e.path().equals(path)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no default for " + path);
    }

    private Defaults() {
    }
}
