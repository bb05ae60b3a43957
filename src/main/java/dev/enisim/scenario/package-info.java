/**
 * The scenario file format: YAML or JSON read through Jackson into a tree, walked field by field with its path,
 * validated, and turned into an immutable {@link dev.enisim.scenario.Scenario} whose times are microseconds.
 * Every problem is collected (file, field path, what was expected) and reported at once.
 *
 * <p>May import: {@code java.*}, Jackson, {@code dev.enisim.workload}, {@code dev.enisim.model}.
 */
package dev.enisim.scenario;
