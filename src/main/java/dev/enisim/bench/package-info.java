/**
 * {@code enisim bench}: the standard workloads run in-process after a warm-up, timed with the wall clock (here
 * only: it never reaches a simulation result), with the JVM's own counters for allocation and heap.
 *
 * <p>May import: {@code run}, {@code metrics}, {@code scenario}, {@code workload} (to recognise a loss system),
 * {@code experiment}.
 */
package dev.enisim.bench;
