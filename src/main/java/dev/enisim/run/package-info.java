/**
 * Wires a scenario, the event loop, the model, the workload and the metrics into one run and returns its
 * {@link dev.enisim.run.RunResult}. No I/O: progress goes to a callback, results to the caller.
 *
 * <p>May import: everything below it ({@code engine}, {@code random}, {@code model}, {@code workload},
 * {@code scenario}, {@code metrics}).
 */
package dev.enisim.run;
