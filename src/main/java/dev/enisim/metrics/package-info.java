/**
 * Observers that turn what the world reports into bounded, time-bucketed series and the run summary. Memory
 * grows with simulated buckets and live entities, never with the number of events.
 *
 * Observers read values only: what the {@code WorldListener} is told (indices, enums, {@code EniId}) and the
 * world's immutable {@code WorldSnapshot} at the start and the end; they never hold the world.
 *
 * <p>May import: {@code java.*}; from {@code dev.enisim.model} only records, enums and interfaces (LayeringTest).
 */
package dev.enisim.metrics;
