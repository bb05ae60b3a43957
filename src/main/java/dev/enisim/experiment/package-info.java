/**
 * Experiments over replications: independent runs of one scenario (seeded by the replication index), the
 * statistics of every summary metric (mean, standard deviation, 95% Student-t interval), paired comparisons of
 * two variants with common random numbers, and the validation suite against queueing theory. Designs (grid, Latin
 * hypercube, Sobol), global sensitivity (Morris, Sobol indices), and the engines that run a design's points
 * (in-process, Apache Spark) with a resumable progress file.
 *
 * <p>May import: {@code run}, {@code metrics}, {@code scenario}, {@code model}, {@code workload}, Commons Math,
 * Jackson (summaries as trees); Apache Spark only in {@code SparkRunner}, loaded by name when Spark is there.
 */
package dev.enisim.experiment;
