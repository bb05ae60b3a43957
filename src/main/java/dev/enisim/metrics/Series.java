package dev.enisim.metrics;

/**
 * One time series: a {@link Metric} of one dimension (the account, a function, an ENI key, a subnet, ...), one
 * value per bucket, in the metric's {@link Metric#unit() unit}.
 *
 * @param scope     what the dimension is
 * @param id        the dimension's id (function name, key label, subnet id; "" for the account)
 * @param metric    the catalogue entry (name, statistic, unit)
 * @param exception for the per-exception series of {@link Metric#INVOKE_ERRORS}, the exception; else null
 */
public record Series(Metric.Scope scope, String id, Metric metric, String exception, long[] values) {

    /** The time-series CSV's column ({@code Sim.InvokeErrors.<exception>} for a per-exception series). */
    public String column() {
        return exception == null ? metric.column() : metric.column() + "." + exception;
    }
}
