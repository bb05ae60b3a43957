/**
 * The Lambda/VPC world: subnets and their IP pools, Hyperplane ENIs and the pools that share them per key,
 * functions and their state machine, and invocation outcomes. The model is a function of (state, event, now):
 * it never reads a clock, never writes a file, and schedules follow-up events only through {@link
 * dev.enisim.model.Port}. What happens is reported to a {@link dev.enisim.model.WorldListener}.
 *
 * <p>May import: {@code java.*}, {@code dev.enisim.engine} (not needed so far), Commons Math's
 * {@code RandomGenerator}.
 */
package dev.enisim.model;
