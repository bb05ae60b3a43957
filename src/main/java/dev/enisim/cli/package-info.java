/**
 * The command line ({@code enisim run | validate | ...}), thin: parse arguments, call {@code run} and
 * {@code report}, map failures to exit codes (0 done, 1 a failed check or other verdict, 2 bad
 * input or usage, 3 an internal error: a bug).
 * {@code System.exit} is called only in {@link dev.enisim.cli.Main#main}.
 *
 * <p>May import: everything; picocli stays in this package.
 */
package dev.enisim.cli;
