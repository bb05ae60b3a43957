/**
 * Named random streams. Every source of randomness (a function's arrivals, its durations, ENI creation
 * delays...) draws from its own stream, seeded from hash(scenario seed, replication, stream name), so adding
 * a source never changes another source's numbers and what-if arms share common random numbers.
 *
 * <p>May import: {@code java.*} and Commons Math's {@code RandomGenerator} interface.
 */
package dev.enisim.random;
