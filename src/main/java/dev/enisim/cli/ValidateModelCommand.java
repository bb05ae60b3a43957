package dev.enisim.cli;

import dev.enisim.experiment.ValidationSuite;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import dev.enisim.report.SafeOutput;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "validate-model", mixinStandardHelpOptions = true,
        description = {"Checks the simulator against queueing theory.", "",
            "Runs the analytic cases (Erlang B from light to heavy load, Little's law, M/G/inf connection "
            + "occupancy, the legacy ENI formula, the burst-scaling example, the request-rate cap) and prints a table: case, theory, "
            + "simulated mean, 95%% confidence interval, model-error allowance, verdict. A case passes when the theory "
            + "lies in the interval widened on each side by the allowance (0.2%% of the theory; nothing for the exact "
            + "cases). Exit 1 if a case fails, 2 on bad input, 3 on an internal error (a bug in enisim)."})
final class ValidateModelCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "10",
            description = "Replications per case (default: ${DEFAULT-VALUE}).")
    int replications;

    @Mixin
    Parallelism parallelism;

    @Option(names = "--markdown", paramLabel = "FILE", description = "Also write the table as Markdown here (replacing only a table enisim wrote) (default: not written).")
    Path markdown;

    @Override
    public Integer call() throws IOException {
        // every problem at once (exit 2): "--replications 0" hid a --markdown that would be refused
        java.util.Set<String> problems = new java.util.LinkedHashSet<>();
        if (replications < 2) {
            problems.add("enisim: --replications must be at least 2 (for a confidence interval)");
        }
        if (markdown != null) {
            // tried (a trial write) before the cases run: a full disk was found by the write after them
            try {
                PageOutput.checkFile("--markdown", markdown, Main.workingDir(spec), TABLE_SIGNATURE);
            } catch (dev.enisim.report.OutputRefused e) {
                problems.add(Main.userMessage(e));
            }
        }
        if (!problems.isEmpty()) {
            throw new InputProblems(problems);
        }
        List<ValidationSuite.Case> cases = new ValidationSuite(replications,
                parallelism.threads()).run();
        String table = table(cases, replications);
        PrintWriter out = spec.commandLine().getOut();
        out.print(table);
        if (markdown != null) {
            SafeOutput.writeMarkedFile(markdown, Main.workingDir(spec), TABLE_SIGNATURE,
                    table.getBytes(StandardCharsets.UTF_8));
        }
        return cases.stream().allMatch(ValidationSuite.Case::passed) ? 0 : 1;
    }

    /**
     * An existing --markdown file is replaced only if it is the table as enisim wrote it: it opens with its header
     * line and ends with enisim's checksum of the rest (a table with the user's notes below it is theirs).
     */
    static final SafeOutput.Mark TABLE_SIGNATURE = SafeOutput.Mark.startingWith("| case | theory |")
            .sealedBy(SafeOutput.Seal.MARKDOWN);

    static String table(List<ValidationSuite.Case> cases, int replications) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "| case | theory | simulated mean (%d replications) | 95%% CI | allowance"
                + " | verdict |%n|---|---:|---:|---|---:|---|%n", replications));
        for (ValidationSuite.Case c : cases) {
            b.append(String.format(Locale.ROOT, "| %s | %.6g | %.6g | [%.6g, %.6g] | %s | %s |%n", c.name(),
                    c.theory(), c.simulated().mean(), c.simulated().ciLow(), c.simulated().ciHigh(),
                    c.allowance() == 0 ? "exact" : String.format(Locale.ROOT, "%.1f%%", c.allowance() * 100),
                    c.passed() ? "PASS" : "FAIL"));
        }
        return b.toString();
    }
}
