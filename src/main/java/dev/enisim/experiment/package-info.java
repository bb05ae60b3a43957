/**
 * Experiments over replications: independent runs of one scenario (seeded by the replication index), the
 * statistics of every summary metric (mean, standard deviation, 95% Student-t interval), paired comparisons of
 * two variants with common random numbers, and the validation suite against queueing theory.
 *
 * <p>May import: {@code run}, {@code metrics}, {@code scenario}, {@code model}, {@code workload}, Commons Math,
 * Jackson (summaries as trees).
 */
package dev.enisim.experiment;
