/**
 * The scenario file format: YAML or JSON read through Jackson into a tree, walked field by field with its path,
 * validated, and turned into an immutable {@link dev.enisim.scenario.Scenario} whose times are microseconds.
 * Every problem is collected (file, field path, what was expected) and reported at once. Names are resolved to
 * indices here, once: a timeline action is the model's own record ({@code SimEvent.Control}). A function's
 * whole-number fields are read from one table ({@code Scenario.Function.COUNTS}: name, default, bounds, source),
 * which {@link dev.enisim.scenario.Defaults#TABLE} lists with every other default.
 *
 * <p>May import: {@code java.*}, Jackson, {@code dev.enisim.workload}, {@code dev.enisim.model}.
 */
package dev.enisim.scenario;
