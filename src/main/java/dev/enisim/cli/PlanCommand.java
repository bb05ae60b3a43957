package dev.enisim.cli;

import dev.enisim.plan.Plan;
import dev.enisim.plan.Planner;
import dev.enisim.report.PlanReport;
import dev.enisim.report.ReportWriter;
import dev.enisim.report.SafeOutput;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = {"Answers the capacity questions for a scenario.", "",
            "Runs variants of the scenario:",
            "  1. the smallest prefix for each subnet with no invocation failing for IPs at the peak",
            "     (verified: no failure at the recommended size, some one size smaller);",
            "  2. peak Hyperplane ENIs per VPC against the quota, by key, and what one security-group set",
            "     per subnet would save;",
            "  3. the traffic multiplier at which the first ENI, IP, concurrency or scaling-rate limit is hit;",
            "  4. how long deleting every function waits for Lambda's ENIs (p50, p99 over replications);",
            "  5. the longest quiet period before an invocation fails (the idle rule), and a keep-warm interval.",
            "Writes plan.json (and plan.html with --html) into --out."})
final class PlanCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "SCENARIO", description = "Scenario file.")
    Path file;

    @Option(names = "--out", paramLabel = "DIR", description = "Output folder (default: reports/<name>-plan).")
    Path out;

    @Option(names = "--replications", paramLabel = "N", defaultValue = "20",
            description = "Replications for the teardown wait (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--html", description = "Also write plan.html.")
    boolean html;

    @Option(names = "--both-network-models",
            description = "Also size the subnets under the other network model (legacy or Hyperplane).")
    boolean bothModels;

    @Option(names = {"-q", "--quiet"}, description = "No progress lines.")
    boolean quiet;

    @Mixin
    Overriding overriding;

    @Mixin
    Budget budget;

    @Override
    public Integer call() throws ScenarioException, IOException {
        if (replications < 1) {
            throw new UserInputException("--replications must be at least 1");
        }
        Scenario s = ScenarioLoader.load(file, overriding.sets, null);
        Path home = Main.workingDir(spec);
        Path dir = out != null ? out : home.resolve("reports").resolve(s.name() + "-plan");
        SafeOutput.checkFolder(dir, home);
        // a rough count of the planner's runs: a search per subnet, a traffic search, the teardown replications
        budget.check(s, replications + 12L * (s.vpcs().stream().mapToLong(v -> v.subnets().size()).sum() + 2),
                spec.commandLine().getErr());
        Plan plan = new Planner(s, replications, bothModels, line -> {
            if (!quiet) {
                spec.commandLine().getErr().println("  running: " + line);
            }
        }).plan();
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("plan.json", PlanReport.json(plan).getBytes(StandardCharsets.UTF_8));
        if (html) {
            files.put("plan.html", PlanReport.html(plan).getBytes(StandardCharsets.UTF_8));
        }
        ReportWriter.writeFiles(files, dir, home);
        spec.commandLine().getOut().print(PlanReport.text(plan));
        spec.commandLine().getOut().println();
        spec.commandLine().getOut().println("Written: " + dir.resolve("plan.json") + (html ? ", plan.html" : ""));
        return 0;
    }
}
