package dev.enisim.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of every time series a run produces: each metric's name (AWS's where AWS has one, else {@code
 * Sim.}-prefixed), statistic, unit, the scopes it is kept for and its group, in the order of the time-series CSV's
 * columns. The recorders make their {@link Series} from it (so a name is written once); the CSV, the charts and
 * the HTML page look series up by it ({@link TimeSeries#get}). Values are kept in the unit given; an output
 * converts them once, at its boundary ({@link Unit#decimals()}).
 */
public enum Metric {
    INVOCATIONS("Invocations", "Sum", Unit.COUNT, Group.RUN, Scope.ACCOUNT, Scope.FUNCTION),
    ERRORS("Errors", "Sum", Unit.COUNT, Group.RUN, Scope.ACCOUNT, Scope.FUNCTION),
    THROTTLES("Throttles", "Sum", Unit.COUNT, Group.RUN, Scope.ACCOUNT, Scope.FUNCTION),
    CONCURRENT_EXECUTIONS("ConcurrentExecutions", "Maximum", Unit.COUNT, Group.RUN, Scope.ACCOUNT, Scope.FUNCTION),
    /** The account's concurrency of functions without reserved concurrency: AWS's own account-level metric. */
    UNRESERVED_CONCURRENT_EXECUTIONS("UnreservedConcurrentExecutions", "Maximum", Unit.COUNT, Group.RUN,
            Scope.ACCOUNT),
    LATENCY_P50("Sim.Latency", "p50", Unit.MICROSECONDS, Group.RUN, Scope.ACCOUNT, Scope.FUNCTION),
    LATENCY_P90("Sim.Latency", "p90", Unit.MICROSECONDS, Group.RUN, Scope.ACCOUNT, Scope.FUNCTION),
    LATENCY_P99("Sim.Latency", "p99", Unit.MICROSECONDS, Group.RUN, Scope.ACCOUNT, Scope.FUNCTION),
    LATENCY_MAXIMUM("Sim.Latency", "Maximum", Unit.MICROSECONDS, Group.RUN, Scope.ACCOUNT, Scope.FUNCTION),
    COLD_STARTS("Sim.ColdStarts", "Sum", Unit.COUNT, Group.RUN, Scope.ACCOUNT, Scope.FUNCTION),
    ENVIRONMENTS("Sim.Environments", "Maximum", Unit.COUNT, Group.RUN, Scope.FUNCTION),
    /** Time-averaged execution environments in the bucket: all, then by kind (see {@link EnvironmentLevels}). */
    ENVIRONMENTS_AVERAGE("Sim.Environments.Average", "Average", Unit.THOUSANDTHS, Group.RUN, Scope.ACCOUNT,
            Scope.FUNCTION),
    ENVIRONMENTS_BUSY_AVERAGE("Sim.Environments.Busy.Average", "Average", Unit.THOUSANDTHS, Group.RUN,
            Scope.ACCOUNT, Scope.FUNCTION),
    ENVIRONMENTS_IDLE_AVERAGE("Sim.Environments.Idle.Average", "Average", Unit.THOUSANDTHS, Group.RUN,
            Scope.ACCOUNT, Scope.FUNCTION),
    ENVIRONMENTS_PROVISIONED_AVERAGE("Sim.Environments.Provisioned.Average", "Average", Unit.THOUSANDTHS,
            Group.RUN, Scope.ACCOUNT, Scope.FUNCTION),
    /**
     * All Invoke API errors; one more series per exception follows ({@link Series#exception()}), written as the
     * column {@code Sim.InvokeErrors.<exception>}.
     */
    INVOKE_ERRORS("Sim.InvokeErrors", "Sum", Unit.COUNT, Group.RUN, Scope.ACCOUNT, Scope.FUNCTION),
    HYPERPLANE_ENI_COUNT("Sim.HyperplaneEniCount", "Maximum", Unit.COUNT, Group.RUN, Scope.ACCOUNT, Scope.VPC,
            Scope.ENI_KEY),
    ENI_CONNECTIONS("Sim.EniConnections", "Maximum", Unit.COUNT, Group.RUN, Scope.ENI_KEY),
    SUBNET_AVAILABLE_IPS("Sim.SubnetAvailableIps", "Minimum", Unit.COUNT, Group.RUN, Scope.SUBNET),

    /** Connections a NAT gateway holds to one destination (id {@code <gateway> -> <destination>}). */
    NAT_CONNECTIONS("Sim.NatConnections", "Maximum", Unit.COUNT, Group.NAT, Scope.NAT_GATEWAY),
    /** Connections a NAT gateway refused: its own CloudWatch metric. */
    ERROR_PORT_ALLOCATION("ErrorPortAllocation", "Sum", Unit.COUNT, Group.NAT, Scope.NAT_GATEWAY),

    ASYNC_EVENTS_RECEIVED("AsyncEventsReceived", "Sum", Unit.COUNT, Group.ASYNC, Scope.ACCOUNT, Scope.FUNCTION),
    /** Queueing to invocation, the bucket's maximum. */
    ASYNC_EVENT_AGE("AsyncEventAge", "Maximum", Unit.MICROSECONDS_AS_WHOLE_MILLISECONDS, Group.ASYNC, Scope.ACCOUNT, Scope.FUNCTION),
    ASYNC_EVENTS_DROPPED("AsyncEventsDropped", "Sum", Unit.COUNT, Group.ASYNC, Scope.ACCOUNT, Scope.FUNCTION),
    DEAD_LETTER_ERRORS("DeadLetterErrors", "Sum", Unit.COUNT, Group.ASYNC, Scope.ACCOUNT, Scope.FUNCTION),
    DESTINATION_DELIVERY_FAILURES("DestinationDeliveryFailures", "Sum", Unit.COUNT, Group.ASYNC, Scope.ACCOUNT,
            Scope.FUNCTION),
    ASYNC_EVENTS_QUEUED("Sim.AsyncEventsQueued", "Maximum", Unit.COUNT, Group.ASYNC, Scope.ACCOUNT, Scope.FUNCTION),

    NUMBER_OF_MESSAGES_SENT("NumberOfMessagesSent", "Sum", Unit.COUNT, Group.SQS, Scope.FUNCTION),
    NUMBER_OF_MESSAGES_DELETED("NumberOfMessagesDeleted", "Sum", Unit.COUNT, Group.SQS, Scope.FUNCTION),
    APPROXIMATE_NUMBER_OF_MESSAGES_VISIBLE("ApproximateNumberOfMessagesVisible", "Maximum", Unit.COUNT, Group.SQS,
            Scope.FUNCTION),
    APPROXIMATE_AGE_OF_OLDEST_MESSAGE("ApproximateAgeOfOldestMessage", "Maximum", Unit.MICROSECONDS_AS_WHOLE_SECONDS,
            Group.SQS, Scope.FUNCTION),
    SQS_CONCURRENT_BATCHES("Sim.SqsConcurrentBatches", "Maximum", Unit.COUNT, Group.SQS, Scope.FUNCTION),
    SQS_MESSAGES_TO_DEAD_LETTER_QUEUE("Sim.SqsMessagesToDeadLetterQueue", "Sum", Unit.COUNT, Group.SQS,
            Scope.FUNCTION),

    /** Invocations that ran on a provisioned environment. */
    PROVISIONED_CONCURRENCY_INVOCATIONS("ProvisionedConcurrencyInvocations", "Sum", Unit.COUNT, Group.PROVISIONED,
            Scope.ACCOUNT, Scope.FUNCTION),
    /** Invocations that ran on an on-demand environment while provisioned concurrency was allocated. */
    PROVISIONED_CONCURRENCY_SPILLOVER_INVOCATIONS("ProvisionedConcurrencySpilloverInvocations", "Sum", Unit.COUNT,
            Group.PROVISIONED, Scope.ACCOUNT, Scope.FUNCTION),
    /** Provisioned environments allocated (usable), the bucket's maximum. */
    PROVISIONED_CONCURRENCY_ALLOCATED("Sim.ProvisionedConcurrency.Allocated", "Maximum", Unit.COUNT,
            Group.PROVISIONED, Scope.ACCOUNT, Scope.FUNCTION);

    /** What a series is about; {@link #id()} is the name outputs write. */
    public enum Scope {
        ACCOUNT("account"), FUNCTION("function"), VPC("vpc"), ENI_KEY("eniKey"), SUBNET("subnet"),
        NAT_GATEWAY("natGateway");

        private final String id;

        Scope(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /**
     * Which recorder keeps a metric. {@link #RUN}'s metrics are columns of every time-series CSV; the others only
     * of runs that have NAT gateways, asynchronous invocations, SQS queues or provisioned concurrency on the
     * timeline.
     */
    public enum Group { RUN, NAT, ASYNC, SQS, PROVISIONED }

    /**
     * The unit values are kept in, and how an output shows them: with three decimals (the kept value times 10^-3),
     * or as whole numbers (the kept value, or whole milliseconds or seconds of microseconds, rounded down). Outputs
     * convert with {@link #rounded} and {@link #scale}, once, where they write the value.
     */
    public enum Unit {
        COUNT(0, 1),
        /** kept in microseconds, shown in milliseconds with three decimals; negative means "nothing in this bucket" */
        MICROSECONDS(3, 1),
        /** kept in microseconds, shown in whole milliseconds rounded down (AsyncEventAge) */
        MICROSECONDS_AS_WHOLE_MILLISECONDS(0, 1_000),
        /** kept in microseconds, shown in whole seconds rounded down (SQS's ApproximateAgeOfOldestMessage) */
        MICROSECONDS_AS_WHOLE_SECONDS(0, 1_000_000),
        /** a mean kept in thousandths, shown with three decimals */
        THOUSANDTHS(3, 1);

        private final int decimals;
        private final long perShown;

        Unit(int decimals, long perShown) {
            this.decimals = decimals;
            this.perShown = perShown;
        }

        /**
         * The shown value is {@link #rounded} times 10^-decimals (microseconds to milliseconds, thousandths to
         * units).
         */
        public int decimals() {
            return decimals;
        }

        /** The kept value in whole shown units: rounded down for the units of whole milliseconds or seconds. */
        public long rounded(long kept) {
            return perShown == 1 ? kept : Math.floorDiv(kept, perShown);
        }

        /** Every value of a series {@link #rounded}; the same array when the unit needs no rounding. */
        public long[] rounded(long[] kept) {
            if (perShown == 1) {
                return kept;
            }
            long[] out = new long[kept.length];
            for (int i = 0; i < kept.length; i++) {
                out[i] = rounded(kept[i]);
            }
            return out;
        }

        /** The factor from a {@link #rounded} value to the shown value. */
        public double scale() {
            return decimals == 3 ? 1e-3 : 1;
        }

        /** True when a kept value stands for "no value" (an empty cell, a gap in a chart). */
        public boolean missing(long value) {
            return this == MICROSECONDS && value < 0;
        }
    }

    private final String metric;
    private final String statistic;
    private final Unit unit;
    private final Group group;
    private final List<Scope> scopes;

    Metric(String metric, String statistic, Unit unit, Group group, Scope... scopes) {
        this.metric = metric;
        this.statistic = statistic;
        this.unit = unit;
        this.group = group;
        this.scopes = List.of(scopes);
    }

    public String metric() {
        return metric;
    }

    public String statistic() {
        return statistic;
    }

    public Unit unit() {
        return unit;
    }

    public Group group() {
        return group;
    }

    public List<Scope> scopes() {
        return scopes;
    }

    /** The time-series CSV's column: the metric, with the statistic where one metric has several. */
    public String column() {
        return metric.equals("Sim.Latency") ? metric + "." + statistic : metric;
    }

    /** The series of this metric for one dimension ({@code id}: function name, key label, ...; "" for the account). */
    public Series series(Scope scope, String id, long[] values) {
        return new Series(scope, id, this, null, values);
    }

    /** The per-exception series that follow {@link #INVOKE_ERRORS}. */
    public static Series invokeErrors(Scope scope, String id, String exception, long[] values) {
        return new Series(scope, id, INVOKE_ERRORS, exception, values);
    }

    /** The metrics of one group, in catalogue order. */
    public static List<Metric> of(Group group) {
        List<Metric> out = new ArrayList<>();
        for (Metric m : values()) {
            if (m.group == group) {
                out.add(m);
            }
        }
        return out;
    }
}
