package dev.enisim.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.bench.Bench;
import dev.enisim.report.SafeOutput;
import dev.enisim.report.SummaryJson;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures the simulator's speed and memory on standard workloads.", "",
            "Runs each workload in-process after a warm-up and prints: simulated events (arrivals + completions + "
            + "the model's other events), invocations, wall seconds, events/s and invocations/s (median over "
            + "--repeat runs, with min and max), peak heap (garbage included), the heap the finished run retains, and bytes "
            + "allocated per event. Workloads loss, account and month are scenarios/bench/<name>.yaml; a scenario "
            + "path works too. For a pure loss workload the throttled fraction is printed beside Erlang B."})
final class BenchCommand implements Callable<Integer> {

    static final List<String> STANDARD = List.of("loss", "account", "month");

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WORKLOAD", arity = "0..*", description = "loss, account, month (any name of "
            + "scenarios/bench/), or scenario files (default: loss account month).")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", description = "Timed runs per workload "
            + "(default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Option(names = "--set", paramLabel = "PATH=VALUE", description = {"Override a field of every workload "
            + "(repeatable), e.g. to see how cost grows:", "--set duration=1d   --set functions[*].arrivals.poisson=1900/s"})
    List<String> sets = new ArrayList<>();

    @Override
    public Integer call() throws ScenarioException, IOException {
        if (repeat < 1) {
            throw new UserInputException("--repeat must be at least 1");
        }
        Path home = Main.workingDir(spec);
        if (json != null) {
            Path parent = home.resolve(json).toAbsolutePath().getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                throw new UserInputException("--json " + json + ": no such directory " + parent);
            }
            SafeOutput.checkFile(json, home, JSON_SIGNATURE);
        }
        List<String> names = workloads.isEmpty() ? STANDARD : workloads;
        List<Path> files = new ArrayList<>();
        for (String name : names) {
            files.add(file(home, name)); // every name checked before the first (long) run
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, "%-10s %12s %12s %7s %28s %26s %5s %8s %7s%n", "workload", "events", "invocations",
                "wall s", "events/s (min-max)", "invocations/s (min-max)", "peak", "retained", "B/event");
        ArrayNode all = SummaryJson.mapper().createArrayNode();
        for (int i = 0; i < names.size(); i++) {
            Path file = files.get(i);
            Scenario scenario = ScenarioLoader.load(file, sets, null);
            Bench.Result r = Bench.run(names.get(i), scenario, repeat, line -> err.println("  " + line));
            print(out, r);
            all.add(SummaryJson.mapper().valueToTree(r));
        }
        out.println("(peak: heap MiB at its highest, garbage included; retained: MiB the finished run still holds after a"
                + " full collection)");
        if (json != null) {
            ObjectNode root = SummaryJson.mapper().createObjectNode();
            root.put("java", System.getProperty("java.version"));
            root.put("cores", Runtime.getRuntime().availableProcessors());
            root.put("maxHeapBytes", Runtime.getRuntime().maxMemory());
            root.set("workloads", all);
            SafeOutput.writeFile(json, home, JSON_SIGNATURE, (SummaryJson.mapper().writeValueAsString(root) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return 0;
    }

    /** An existing --json file is replaced only if it holds bench figures. */
    static final String JSON_SIGNATURE = "\"workloads\"";

    private static Path file(Path home, String name) {
        Path file = name.endsWith(".yaml") || name.endsWith(".yml") ? home.resolve(name)
                : home.resolve("scenarios").resolve("bench").resolve(name + ".yaml");
        if (!Files.isRegularFile(file)) {
            throw new UserInputException("no workload '" + name + "': expected " + String.join(", ", STANDARD)
                    + " (scenarios/bench/<name>.yaml, from the project directory) or a scenario file; " + file
                    + " does not exist");
        }
        return file;
    }

    private static void print(PrintWriter out, Bench.Result r) {
        out.printf(Locale.ROOT, "%-10s %,12d %,12d %7.2f %,10.0f (%,.0f-%,.0f) %,9.0f (%,.0f-%,.0f) %5d %8.1f %7.1f%n",
                r.workload(), r.events(), r.invocations(), r.wallSeconds(), r.eventsPerSecond(),
                r.eventsPerSecondMin(), r.eventsPerSecondMax(), r.invocationsPerSecond(), r.invocationsPerSecondMin(),
                r.invocationsPerSecondMax(), r.peakHeapBytes() >> 20, r.retainedHeapBytes() / 1048576.0, r.bytesPerEvent());
        if (r.erlangB() != null) {
            Bench.ErlangCheck e = r.erlangB();
            out.printf(Locale.ROOT, "%10s throttled fraction %.5f (95%% CI %.5f-%.5f) vs Erlang B(%d, %.0f) = %.5f: %s%n",
                    "", e.simulated(), e.ciLow(), e.ciHigh(), e.servers(), e.offered(), e.theory(),
                    e.passed() ? "PASS" : "FAIL");
        }
    }
}
