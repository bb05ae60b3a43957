package dev.enisim.metrics;

import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of the time series a run produces: each metric's name (AWS's where AWS has one, else {@code
 * Sim.}-prefixed), statistic, unit and the scopes it is kept for, in the order of the time-series CSV's columns.
 * The recorders make their {@link Series} from it (so a name is written once), and outputs can iterate over it
 * instead of repeating strings. Values are kept in the unit given; an output converts them once, at its boundary.
 */
public enum Metric {
    INVOCATIONS("Invocations", "Sum", Unit.COUNT, Scope.ACCOUNT, Scope.FUNCTION),
    ERRORS("Errors", "Sum", Unit.COUNT, Scope.ACCOUNT, Scope.FUNCTION),
    THROTTLES("Throttles", "Sum", Unit.COUNT, Scope.ACCOUNT, Scope.FUNCTION),
    CONCURRENT_EXECUTIONS("ConcurrentExecutions", "Maximum", Unit.COUNT, Scope.ACCOUNT, Scope.FUNCTION),
    DURATION_P50("Duration", "p50", Unit.MICROSECONDS, Scope.ACCOUNT, Scope.FUNCTION),
    DURATION_P90("Duration", "p90", Unit.MICROSECONDS, Scope.ACCOUNT, Scope.FUNCTION),
    DURATION_P99("Duration", "p99", Unit.MICROSECONDS, Scope.ACCOUNT, Scope.FUNCTION),
    DURATION_MAXIMUM("Duration", "Maximum", Unit.MICROSECONDS, Scope.ACCOUNT, Scope.FUNCTION),
    COLD_STARTS("Sim.ColdStarts", "Sum", Unit.COUNT, Scope.ACCOUNT, Scope.FUNCTION),
    ENVIRONMENTS("Sim.Environments", "Maximum", Unit.COUNT, Scope.FUNCTION),
    /** Time-averaged execution environments in the bucket: all, then by kind (see {@link EnvironmentLevels}). */
    ENVIRONMENTS_AVERAGE("Sim.Environments.Average", "Average", Unit.THOUSANDTHS, Scope.ACCOUNT, Scope.FUNCTION),
    ENVIRONMENTS_BUSY_AVERAGE("Sim.Environments.Busy.Average", "Average", Unit.THOUSANDTHS, Scope.ACCOUNT,
            Scope.FUNCTION),
    ENVIRONMENTS_IDLE_AVERAGE("Sim.Environments.Idle.Average", "Average", Unit.THOUSANDTHS, Scope.ACCOUNT,
            Scope.FUNCTION),
    ENVIRONMENTS_PROVISIONED_AVERAGE("Sim.Environments.Provisioned.Average", "Average", Unit.THOUSANDTHS,
            Scope.ACCOUNT, Scope.FUNCTION),
    /** All Invoke API errors; one more series per exception follows, named {@code Sim.InvokeErrors.<exception>}. */
    INVOKE_ERRORS("Sim.InvokeErrors", "Sum", Unit.COUNT, Scope.ACCOUNT, Scope.FUNCTION),
    HYPERPLANE_ENI_COUNT("Sim.HyperplaneEniCount", "Maximum", Unit.COUNT, Scope.ACCOUNT, Scope.VPC, Scope.ENI_KEY),
    ENI_CONNECTIONS("Sim.EniConnections", "Maximum", Unit.COUNT, Scope.ENI_KEY),
    SUBNET_AVAILABLE_IPS("Sim.SubnetAvailableIps", "Minimum", Unit.COUNT, Scope.SUBNET);

    /** What a series is about; {@link #id()} is the name outputs write. */
    public enum Scope {
        ACCOUNT("account"), FUNCTION("function"), VPC("vpc"), ENI_KEY("eniKey"), SUBNET("subnet");

        private final String id;

        Scope(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }
    }

    /** The unit values are kept in. */
    public enum Unit { COUNT, MICROSECONDS, /** a mean kept in thousandths (written with three decimals) */ THOUSANDTHS }

    private final String metric;
    private final String statistic;
    private final Unit unit;
    private final List<Scope> scopes;

    Metric(String metric, String statistic, Unit unit, Scope... scopes) {
        this.metric = metric;
        this.statistic = statistic;
        this.unit = unit;
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

    public List<Scope> scopes() {
        return scopes;
    }

    /** The time-series CSV's column: the metric, with the statistic where one metric has several. */
    public String column() {
        return metric.equals("Duration") ? metric + "." + statistic : metric;
    }

    /** The series of this metric for one dimension ({@code id}: function name, key label, ...; "" for the account). */
    public Series series(Scope scope, String id, long[] values) {
        return new Series(scope.id(), id, metric, statistic, values);
    }

    /** The per-exception series that follow {@link #INVOKE_ERRORS}. */
    public static Series invokeErrors(Scope scope, String id, String exception, long[] values) {
        return new Series(scope.id(), id, INVOKE_ERRORS.metric + "." + exception, INVOKE_ERRORS.statistic, values);
    }

    /** The columns of the time-series CSV, in order (per-exception columns follow them). */
    public static List<String> columns() {
        List<String> out = new ArrayList<>();
        for (Metric m : values()) {
            out.add(m.column());
        }
        return out;
    }
}
