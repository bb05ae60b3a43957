/**
 * Capacity planning: answers the standard questions of domain.md section 8 for a scenario (subnet sizes, ENI
 * quota and security-group consolidation, traffic headroom, teardown waits, the idle rule) by running variants
 * of it, with the analytic estimate beside each simulated answer.
 *
 * <p>May import: {@code run}, {@code metrics}, {@code scenario}, {@code workload}, {@code model} (records and
 * enums only), {@code experiment}'s {@code HeapPool} (its runs at once as the heap holds them), Commons Math.
 */
package dev.enisim.plan;
