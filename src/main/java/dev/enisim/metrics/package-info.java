/**
 * Observers that turn what the world reports into bounded, time-bucketed series and the run summary. Memory
 * grows with simulated buckets and live entities, never with the number of events.
 *
 * <p>May import: {@code java.*}, {@code dev.enisim.model}.
 */
package dev.enisim.metrics;
