/**
 * Writes a run's result: {@code summary.json}, {@code timeseries.csv}, {@code enis.csv} (and, later, charts and
 * HTML). Reads {@link dev.enisim.run.RunResult} only, never model objects. Every output folder is written
 * completely in a temporary folder and then swapped in, so a failed run never leaves half a report.
 *
 * <p>May import: {@code java.*}, Jackson, JFreeChart, {@code dev.enisim.run}, {@code dev.enisim.metrics},
 * {@code dev.enisim.scenario}.
 */
package dev.enisim.report;
