/**
 * Regression checking: assertions on summary metrics ({@code expect:} blocks), metric paths into
 * {@code summary.json}, baselines compared field by field, and JUnit XML for CI systems.
 *
 * <p>May import: {@code run}, {@code metrics}, {@code scenario}, {@code experiment}, Jackson.
 */
package dev.enisim.check;
