/**
 * Observers that turn what the world reports into bounded, time-bucketed series and the run summary. Memory
 * grows with simulated buckets and live entities, never with the number of events.
 *
 * Every series is named by the {@link dev.enisim.metrics.Metric} catalogue (metric, statistic, unit, scopes);
 * values are kept in the metric's unit and converted only by outputs ({@link dev.enisim.metrics.Seconds} for
 * time). {@code Recorder} hands each fact to its keeper: {@code InvocationCounts}, {@code ExecutionLevels},
 * {@code NetworkLevels}, {@code StateHistory}.
 *
 * Observers read values only: what the {@code WorldListener} is told (indices, enums, {@code EniId}) and the
 * world's immutable {@code WorldSnapshot} at the start and the end; they never hold the world.
 *
 * <p>May import: {@code java.*}, HdrHistogram; from {@code dev.enisim.model} only records, enums and interfaces
 * (LayeringTest). No Jackson: the summary's JSON shape is {@code run.SummaryShape}.
 */
package dev.enisim.metrics;
