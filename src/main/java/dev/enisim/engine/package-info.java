/**
 * A generic discrete-event loop: an integer clock in microseconds and a priority queue of events ordered
 * by (time, priority, scheduling sequence). It knows nothing about Lambda, VPCs or ENIs.
 *
 * <p>May import: {@code java.*} only.
 */
package dev.enisim.engine;
