/**
 * What drives the model: arrival processes and the distributions of durations and delays, as immutable specs
 * (what a scenario says) and samplers (specs bound to a named random stream). Samplers are allocation-free.
 *
 * <p>May import: {@code java.*}, Commons Math, {@code dev.enisim.random}.
 */
package dev.enisim.workload;
