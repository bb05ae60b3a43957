package dev.enisim.cli;

import static dev.enisim.experiment.MetricStats.format;

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
            "Runs A and B (B = A with the --set overrides when B is not given) and prints, for each metric that "
            + "differs, the means, the mean paired difference B - A with its 95%% confidence interval, and whether "
            + "it is significant. With B given, the --set overrides apply to B only.",
            "Exit codes: 0 done (a significant difference is a result, not a failure), 1 internal error, 2 bad "
            + "input or a comparison estimated above --max-events without --yes."})
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
    Budget budget;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "10",
            description = "Paired replications (default: ${DEFAULT-VALUE}).")
    int replications;

    @Mixin
    Parallelism parallelism;

    @Option(names = "--all", description = "List every metric, also those with no difference.")
    boolean all;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the comparison as a page: the "
            + "differences, then both runs' charts on the same axes (replaces only a page enisim wrote) (default: not written).")
    Path html;

    @Override
    public Integer call() throws ScenarioException, java.io.IOException {
        if (replications < 1) {
            throw new UserInputException("--replications must be at least 1");
        }
        if (html != null) {
            PageOutput.check(spec, html);
        }
        Scenario sa = ScenarioLoader.load(a);
        Path bFile = b == null ? a : b;
        Scenario sb = ScenarioLoader.load(bFile, sets, sa.seed());
        budget.check(Budget.events(sa) * replications + Budget.events(sb) * replications, "the comparison",
                spec.commandLine().getErr());
        int threads = parallelism.threads();
        List<Comparison.Row> rows = Comparison.compare(sa, sb, replications, threads);
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "A = %s, B = %s%s; %d paired replications (common random numbers)%n%n", a, bFile,
                sets.isEmpty() ? "" : " with " + String.join(", ", sets), replications);
        List<Comparison.Row> shown = new ArrayList<>();
        int width = "metric".length();
        for (Comparison.Row r : rows) {
            if (all || r.difference().mean() != 0 || r.difference().sd() != 0) {
                shown.add(r);
                width = Math.max(width, r.metric().length());
            }
        }
        boolean interval = replications > 1;
        String line = "%-" + width + "s %14s %14s %14s  %-29s %s%n";
        out.printf(Locale.ROOT, line, "metric", "A", "B", "B - A", "95% CI of B - A", "");
        for (Comparison.Row r : shown) {
            MetricStats d = r.difference();
            out.printf(Locale.ROOT, line, r.metric(), format(r.meanA()), format(r.meanB()), format(d.mean()),
                    interval ? "[" + format(d.ciLow()) + ", " + format(d.ciHigh()) + "]" : "none (1 replication)",
                    r.significant() ? "significant" : "");
        }
        if (shown.isEmpty()) {
            out.println("(no metric differs)");
        }
        if (!interval) {
            out.println();
            out.println("With one replication there is no confidence interval, so no difference can be called "
                    + "significant: run with --replications 2 or more (default 10).");
        }
        if (html != null) {
            PageOutput.write(spec, html, dev.enisim.report.ComparePage.compare(a.toString(), sa, bFile + (sets.isEmpty()
                    ? "" : " with " + String.join(", ", sets)), sb, rows, replications, all));
        }
        return 0;
    }
}
