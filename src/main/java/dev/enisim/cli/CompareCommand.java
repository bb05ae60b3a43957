package dev.enisim.cli;

import static dev.enisim.experiment.MetricStats.readable;

import dev.enisim.experiment.Comparison;
import dev.enisim.experiment.MetricStats;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares two variants of a design with common random numbers.", "",
            "Runs A and B (B = A with the --set overrides when B is not given) and prints each function whose final "
            + "State differs (worker Failed (EC2RequestLimitExceeded) -> Active); then What changes for the account, as "
            + "the --html page opens: the account's errors, successes, ENIs, free IPs, p99 and cost, each better or "
            + "worse (cost and function errors per million invocations that ran when B ran significantly more or "
            + "fewer); then, for each metric that differs, the means, the mean paired difference B - A with its 95%% confidence interval, its paired "
            + "t-test's p-value adjusted by Holm's method over every outcome metric that differs (family-wise error "
            + "5%%; the simulator's bookkeeping, events.* and variances, last, not adjusted), and whether it is "
            + "significant; then the outcome metrics that moved the same way in every replication pair without "
            + "being significant, and the metrics only A or only B has. Costs (cost.*) are in US dollars over the "
            + "run's time, said beside each (cost.total (USD per 1h)), with a note naming each side's price table "
            + "and the rates that differ. B runs with A's seed: a "
            + "different seed in B's file or a --set seed=... is ignored, with a warning. With B given, the --set "
            + "overrides apply to B only.",
            "Exit codes: 0 done (a significant difference is a result, not a failure), 2 bad "
            + "input or a comparison estimated above --max-events without --yes, 3 internal error (a bug in enisim)."})
final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "A", description = "Scenario A.")
    Path a;

    @Parameters(index = "1", paramLabel = "B", arity = "0..1", description = "Scenario B (default: A).")
    Path b;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = "Override a field of B (repeatable) (default: none).")
    List<String> sets = new ArrayList<>();

    @Mixin
    AllowRead allowRead;

    @Mixin
    Budget budget;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "10",
            description = "Paired replications (default: ${DEFAULT-VALUE}).")
    int replications;

    @Mixin
    Parallelism parallelism;

    @Mixin
    WarmUpOption warmUp;

    @Option(names = "--all", description = "List every metric, also those with no difference.")
    boolean all;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the comparison as a page: the "
            + "differences, then both runs' charts on the same axes (replaces only a page enisim wrote) (default: not written).")
    Path html;

    @Override
    public Integer call() throws ScenarioException, java.io.IOException {
        // every problem of the options, both scenarios and --html at once (exit 2), as sweep and check say them (an
        // adversarial user's review: "--replications 0" was said alone, then each file's on the next tries)
        java.util.Set<String> problems = new java.util.LinkedHashSet<>();
        if (replications < 1) {
            problems.add("enisim: --replications must be at least 1");
        }
        if (budget.problem() != null) {
            problems.add("enisim: " + budget.problem());
        }
        if (html != null) {
            try {
                PageOutput.check(spec, html);
            } catch (dev.enisim.report.OutputRefused e) {
                problems.add(Main.userMessage(e));
            }
        }
        Scenario sa = null;
        try {
            sa = ScenarioLoader.load(a);
        } catch (ScenarioException e) {
            problems.add(Main.userMessage(e));
        }
        Path bFile = b == null ? a : b;
        Scenario sb = null;
        if (sa != null || !bFile.equals(a)) { // B's own problems too (its seed is A's: any seed, when A has none)
            try {
                sb = ScenarioLoader.load(bFile, sets, sa == null ? null : sa.seed());
            } catch (ScenarioException e) {
                problems.add(Main.userMessage(e));
            }
        }
        long warmUpMicros = warmUp.micros(sa, problems); // the same warm-up for both: under both durations
        if (sb != null) {
            warmUp.micros(sb, problems); // a problem of both said once (a set keeps one of each)
        }
        if (!problems.isEmpty()) {
            throw new InputProblems(problems);
        }
        if (html != null) {
            PageOutput.checkRoom(spec, html, dev.enisim.report.OutputSize.comparePage(sa, sb));
        }
        String ignored = ignoredSeed(bFile, sa.seed());
        if (ignored != null) {
            spec.commandLine().getErr().println(ignored);
        }
        budget.check(Budget.events(sa) * replications + Budget.events(sb) * replications, "the comparison",
                2L * replications, Budget.REPLICATIONS, spec.commandLine().getErr());
        int threads = parallelism.threads();
        // the runs are made here, once: the page draws replication 0 of each from them (it runs nothing itself)
        List<dev.enisim.run.RunResult> runsA = dev.enisim.experiment.Replications.run(sa, warmUpMicros, replications,
                threads);
        List<dev.enisim.run.RunResult> runsB = dev.enisim.experiment.Replications.run(sb, warmUpMicros, replications,
                threads);
        Comparison.Outcome outcome = Comparison.ofTrees(trees(runsA), trees(runsB));
        dev.enisim.run.RunResult firstA = runsA.get(0);
        dev.enisim.run.RunResult firstB = runsB.get(0);
        runsA = null; // the other replications are digested: only the first of each is kept, for the page
        runsB = null;
        List<Comparison.Row> rows = outcome.rows();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "A = %s, B = %s%s; %d paired replications (common random numbers)%s%n%n", a, bFile,
                sets.isEmpty() ? "" : " with " + String.join(", ", sets), replications, warmUpMicros == 0 ? ""
                : "; " + dev.enisim.report.WarmUpWords.everyRun(dev.enisim.scenario.Units.given(warmUpMicros)));
        String span = dev.enisim.report.ComparePage.spanWarning(firstA, firstB); // 2h against 40m: counts differ
        if (!span.isEmpty()) {
            out.println("Warning: " + span);
            out.println();
        }
        boolean interval = replications > 1;
        String costUnit = dev.enisim.report.ComparePage.costUnit(firstA, firstB);
        String costNote = dev.enisim.report.ComparePage.costNote(firstA, firstB);
        boolean costSaid = account(out, outcome, all, replications, costUnit, costNote);
        if (table(out, rows, all, interval, costUnit) && !costSaid) {
            out.println();
            out.println(costNote);
        }
        if (interval && outcome.tested() > 0) {
            long significant = rows.stream().filter(Comparison.Row::significant).count();
            out.println();
            out.println(multiplicity(outcome.tested(), significant));
        }
        everyPair(out, outcome.everyPair(), replications);
        only(out, "A", outcome.onlyA());
        only(out, "B", outcome.onlyB());
        partial(out, outcome.partial());
        if (!interval) {
            out.println();
            out.println("With one replication there is no confidence interval, so no difference can be called "
                    + "significant: run with --replications 2 or more (default 10).");
        }
        if (html != null) {
            PageOutput.write(spec, html, dev.enisim.report.ComparePage.compare(a.toString(), firstA, bFile
                    + (sets.isEmpty() ? "" : " with " + String.join(", ", sets)), firstB, outcome, replications, all));
        }
        return 0;
    }

    /**
     * The differences table, in the page's order ({@link dev.enisim.report.ComparePage#ordered}: the significant
     * metrics first, the largest change relative to A first, then the others in the summary's order); a metric with
     * no difference only with {@code all}.
     */
    static void table(PrintWriter out, List<Comparison.Row> rows, boolean all, boolean interval) {
        table(out, rows, all, interval, null);
    }

    /**
     * As {@link #table(PrintWriter, List, boolean, boolean)}, each cost row's metric with {@code costUnit} beside it
     * ({@code cost.total (USD per 1h)}: "cost.total 0.3203" gave neither unit nor period); true when a cost row is
     * shown (its note then follows the table).
     */
    static boolean table(PrintWriter out, List<Comparison.Row> rows, boolean all, boolean interval, String costUnit) {
        List<Comparison.Row> shown = new ArrayList<>();
        for (Comparison.Row r : dev.enisim.report.ComparePage.ordered(rows)) {
            if (all || r.difference().mean() != 0 || r.difference().sd() != 0) {
                shown.add(r);
            }
        }
        print(out, shown, interval, costUnit, r -> {
            boolean internal = interval && Comparison.isInternal(r.metric());
            return r.significant() ? "significant" : internal && !Double.isNaN(r.p()) ? "internal, not adjusted" : "";
        });
        if (shown.isEmpty()) {
            out.println("(no metric differs)");
        }
        return shown.stream().anyMatch(r -> dev.enisim.report.ComparePage.isCost(r.metric()));
    }

    /**
     * "What changes for the account" first, as the page opens with it (a review found the account's successes and
     * cost at lines 103 and 109 of 392, under forty rows of two functions' detail that went from 0 to N): each
     * function whose final State differs, then the page's headline rows in its order (invoke errors, throttles,
     * function errors, successes, peak ENIs, per VPC, the fewest free IPs per subnet, p99 latency, cost), each with
     * the page's words (better or worse when significant), the account's cost and function errors each followed by
     * their rate per million invocations that ran when those differ, with the note saying why; then the cost note
     * when a cost row is here (true), and the heading of the Differences table that follows.
     */
    static boolean account(PrintWriter out, Comparison.Outcome outcome, boolean all, int replications,
            String costUnit, String costNote) {
        List<Comparison.Row> headline = dev.enisim.report.ComparePage.headlineShown(outcome, all);
        java.util.Set<String> byVolume = dev.enisim.report.ComparePage.byVolume(outcome);
        boolean costs = false;
        if (!headline.isEmpty() || !outcome.states().isEmpty()) {
            out.println("What changes for the account (every metric that differs is in Differences below):");
            out.println();
            states(out, outcome.states());
            if (!headline.isEmpty()) {
                print(out, headline, replications > 1, costUnit,
                        r -> dev.enisim.report.ComparePage.verdictWords(r, replications, byVolume));
                String volume = dev.enisim.report.ComparePage.volumeNote(outcome, all);
                if (!volume.isEmpty()) {
                    out.println();
                    out.println(volume);
                }
                costs = headline.stream().anyMatch(r -> dev.enisim.report.ComparePage.isCost(r.metric()));
                if (costs) {
                    out.println();
                    out.println(costNote);
                }
                out.println();
            }
        }
        out.println("Differences (significant first, the largest change relative to A first):");
        return costs;
    }

    /** Rows as the terminal's tables print them, each column as wide as its widest figure; {@code last}: the last cell. */
    private static void print(PrintWriter out, List<Comparison.Row> shown, boolean interval, String costUnit,
            java.util.function.Function<Comparison.Row, String> last) {
        int width = "metric".length();
        for (Comparison.Row r : shown) {
            width = Math.max(width, label(r.metric(), costUnit).length());
        }
        // each column as wide as its widest figure: a fixed 29 for the interval let a cost's
        // "[-0.0000101885, 0.00000742411]" push that row's p-value out of its column (the means' 14 likewise).
        // Every figure by one rule, the page's (MetricStats.readable): MetricStats.format printed "1.2E-4" beside
        // "0.5", and 290134.1 without the separators the rest of the terminal writes
        int figures = 14;
        int ci = 29;
        for (Comparison.Row r : shown) {
            MetricStats d = r.difference();
            figures = Math.max(figures, Math.max(readable(r.meanA()).length(), Math.max(readable(r.meanB()).length(),
                    readable(d.mean()).length())));
            ci = Math.max(ci, interval(d, interval).length());
        }
        String line = "%-" + width + "s %" + figures + "s %" + figures + "s %" + figures + "s  %-" + ci + "s %-9s %s%n";
        out.printf(Locale.ROOT, line, "metric", "A", "B", "B - A", "95% CI of B - A", interval ? "p (Holm)" : "", "");
        for (Comparison.Row r : shown) {
            MetricStats d = r.difference();
            boolean internal = interval && Comparison.isInternal(r.metric());
            out.printf(Locale.ROOT, line, label(r.metric(), costUnit), readable(r.meanA()), readable(r.meanB()), readable(d.mean()),
                    interval(d, interval), Comparison.pText(internal ? r.p() : r.adjustedP()), last.apply(r));
        }
    }

    /** A metric's name in the table: a cost's with its unit ({@code cost.total (USD per 1h)}) when one is given. */
    private static String label(String metric, String costUnit) {
        if (metric.endsWith(" " + Comparison.PER)) { // a rate: US dollars per million, whatever the span
            return dev.enisim.report.ComparePage.isCost(metric) ? metric + " (USD)" : metric;
        }
        return costUnit != null && dev.enisim.report.ComparePage.isCost(metric) ? metric + " (" + costUnit + ")"
                : metric;
    }

    private static String interval(MetricStats d, boolean interval) {
        return interval ? "[" + readable(d.ciLow()) + ", " + readable(d.ciHigh()) + "]" : "none (1 replication)";
    }

    /** What "significant" means here, in a sentence (also on the page). */
    static String multiplicity(int tested, long significant) {
        return "significant: Holm-adjusted p < 0.05 over the " + tested + " outcome metric" + (tested == 1 ? "" : "s")
                + " that differ in some replication (Holm-Bonferroni: at most a 5% chance that any metric called"
                + " significant is noise); the interval is each metric's own 95% interval, not adjusted. "
                + significant + " of " + tested + " significant. " + Comparison.INTERNAL_NOTE;
    }

    /** Each function whose final State differs, first: "worker Failed (EC2RequestLimitExceeded) -> Active". */
    static void states(PrintWriter out, List<Comparison.StateChange> states) {
        if (states.isEmpty()) {
            return;
        }
        out.println("Function states at the end (A -> B):");
        for (Comparison.StateChange c : states) {
            out.println("  " + c.line());
        }
        out.println();
    }

    /** The outcome metrics that moved the same way in every replication pair but are not significant. */
    static void everyPair(PrintWriter out, List<String> metrics, int replications) {
        if (metrics.isEmpty()) {
            return;
        }
        out.println();
        out.println(Comparison.everyPairText(metrics.size(), replications) + ":");
        for (String m : metrics) {
            out.println("  " + m);
        }
    }

    /** The metrics one side has in every replication and the other has not (a renamed or added function's). */
    private static void only(PrintWriter out, String side, List<Comparison.Only> only) {
        if (only.isEmpty()) {
            return;
        }
        out.println();
        out.printf(Locale.ROOT, "Only in %s (%d metric%s the other has not in every replication, not compared;"
                + " mean in %s):%n", side, only.size(), only.size() == 1 ? "" : "s", side);
        for (Comparison.Only o : only) {
            out.printf(Locale.ROOT, "  %s  %s%n", o.metric(), readable(o.mean()));
        }
    }

    /** The metrics neither side has in every replication: not compared, and said with their counts. */
    private static void partial(PrintWriter out, List<Comparison.Partial> partial) {
        if (partial.isEmpty()) {
            return;
        }
        out.println();
        out.println(Comparison.Partial.heading(partial.size()) + ":");
        for (Comparison.Partial p : partial) {
            out.printf(Locale.ROOT, "  %s  %s%n", p.metric(), p.counts());
        }
    }

    /**
     * A warning when B sets a seed (in its file, or by {@code --set seed=...}) other than A's: B runs with A's seed
     * (common random numbers), so that seed is ignored; null when B sets none or the same.
     */
    private String ignoredSeed(Path bFile, long seedA) throws ScenarioException {
        boolean bySet = sets.stream().anyMatch(x -> x.trim().matches("seed\\s*=.*"));
        boolean inFile = b != null && ScenarioLoader.readTree(bFile).has("seed");
        if (!bySet && !inFile) {
            return null;
        }
        long own = ScenarioLoader.load(bFile, sets, null).seed();
        if (own == seedA) {
            return null;
        }
        return "warning: B's seed " + own + " (" + (bySet ? "set by --set" : "in " + bFile) + ") is ignored: B runs"
                + " with A's seed " + seedA + ", so that replication r of both draws the same random streams"
                + " (common random numbers). To see another seed's results, run A with --set seed=" + own + ".";
    }

    /** Each replication's summary as the comparison reads it. */
    private static List<com.fasterxml.jackson.databind.JsonNode> trees(List<dev.enisim.run.RunResult> runs) {
        List<com.fasterxml.jackson.databind.JsonNode> out = new java.util.ArrayList<>();
        for (dev.enisim.run.RunResult r : runs) {
            out.add(dev.enisim.run.SummaryShape.tree(r.summary()));
        }
        return out;
    }

}
