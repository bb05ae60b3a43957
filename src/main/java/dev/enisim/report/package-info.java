/**
 * Writes what a run produced: {@code summary.json} (the {@link dev.enisim.run.SummaryShape run's shape}),
 * {@code timeseries.csv} (its columns from the {@link dev.enisim.metrics.Metric} catalogue, units converted here),
 * {@code enis.csv}, {@code narrative.txt}, the charts ({@code report.chart}, JFreeChart, PNG and SVG) and
 * {@code report.html} ({@code report.page}); and the pages of experiments (compare, sweep, sensitivity, plan,
 * drift, replicated summaries). Reads {@link dev.enisim.run.RunResult} and experiments' results only, never a
 * model object; series are looked up by their catalogue entry, never by name. Every output folder is written
 * completely in a temporary folder and then swapped in, so a failed run never leaves half a report.
 *
 * <p>May import: {@code java.*}, Jackson, JFreeChart, JFreeSVG, everything below it ({@code run},
 * {@code metrics}, {@code scenario}, {@code workload}, the model's value types), experiments' results
 * ({@code Comparison}, {@code Sweep}, {@code Sensitivity}, {@code Factor}, {@code MetricStats}; not their shapes:
 * {@code Replications}, {@code MetricPaths}, LayeringTest), {@code check}, {@code plan}, {@code bench}.
 */
package dev.enisim.report;
