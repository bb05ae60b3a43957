/**
 * The scenario file format: YAML or JSON read through Jackson into a tree, walked field by field with its path,
 * validated, and turned into an immutable {@link dev.enisim.scenario.Scenario} whose times are microseconds.
 * Every problem is collected (file, field path, what was expected) and reported at once. Names are resolved to
 * indices here, once: a timeline action is the model's own record ({@code SimEvent.Control}). Fields without
 * checks of their own are rows of their block's table of {@link dev.enisim.scenario.Setting}s (name, kind and bounds,
 * default, source, builder setter: {@code Scenario.SETTINGS}, {@code Scenario.Hyperplane.SETTINGS},
 * {@code Scenario.Function.SETTINGS}), which the loader reads and {@link dev.enisim.scenario.Defaults#TABLE} lists
 * with every other default. The model reads the scenario's settings through {@code WorldSettings.Configuration},
 * which {@link dev.enisim.scenario.Scenario} implements (as its functions implement {@code FunctionConfiguration}).
 *
 * <p>May import: {@code java.*}, Jackson, {@code dev.enisim.workload}, {@code dev.enisim.model}.
 */
package dev.enisim.scenario;
