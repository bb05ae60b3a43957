/**
 * Wires a scenario, the event loop, the model, the workload and the metrics into one run and returns its
 * {@link dev.enisim.run.RunResult}. No I/O: progress goes to a callback, results to the caller.
 * {@link dev.enisim.run.SummaryShape} is the JSON shape of the result's summary, shared by the report that
 * writes it and the experiments and checks that read paths from it; the summary's optional sections are one
 * {@code RunSummary.Sections} record, made once at the end of the run and written as keys of the summary.
 *
 * <p>May import: everything below it ({@code engine}, {@code random}, {@code model}, {@code workload},
 * {@code scenario}, {@code metrics}); Jackson in {@code SummaryShape} only.
 */
package dev.enisim.run;
