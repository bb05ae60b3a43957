package dev.enisim.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.bench.Bench;
import dev.enisim.report.SummaryJson;
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
            + "--repeat runs, with min and max), peak heap, and bytes allocated per event. Workloads loss, account "
            + "and month are scenarios/bench/<name>.yaml; a scenario path works too."})
final class BenchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WORKLOAD", arity = "0..*", description = "loss, account, month, or scenario files "
            + "(default: loss account month).")
    List<String> workloads = new ArrayList<>();

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3", description = "Timed runs per workload "
            + "(default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON.")
    Path json;

    @Override
    public Integer call() throws ScenarioException, IOException {
        if (repeat < 1) {
            throw new UserInputException("--repeat must be at least 1");
        }
        List<String> names = workloads.isEmpty() ? List.of("loss", "account", "month") : workloads;
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        out.printf(Locale.ROOT, "Java %s, %d cores, max heap %d MiB%n", System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        out.printf(Locale.ROOT, "%-10s %12s %12s %8s %22s %12s %9s %8s%n", "workload", "events", "invocations",
                "wall s", "events/s (min-max)", "invocations/s", "heap MiB", "B/event");
        ArrayNode all = SummaryJson.mapper().createArrayNode();
        for (String name : names) {
            Path file = name.endsWith(".yaml") || name.endsWith(".yml") ? Path.of(name)
                    : Path.of("scenarios", "bench", name + ".yaml");
            Bench.Result r = Bench.run(name, ScenarioLoader.load(file), repeat, line -> err.println("  " + line));
            out.printf(Locale.ROOT, "%-10s %,12d %,12d %8.2f %,10.0f (%,.0f-%,.0f) %,12.0f %9d %8.1f%n",
                    r.workload(), r.events(), r.invocations(), r.wallSeconds(), r.eventsPerSecond(),
                    r.eventsPerSecondMin(), r.eventsPerSecondMax(), r.invocationsPerSecond(), r.peakHeapBytes() >> 20,
                    r.bytesPerEvent());
            if (r.erlangB() != null) {
                Bench.ErlangCheck e = r.erlangB();
                out.printf(Locale.ROOT, "           throttled fraction %.5f (95%% CI %.5f-%.5f) vs Erlang B(%d, %.0f) ="
                        + " %.5f: %s%n", e.simulated(), e.ciLow(), e.ciHigh(), e.servers(), e.offered(), e.theory(),
                        e.passed() ? "PASS" : "FAIL");
            }
            all.add(SummaryJson.mapper().valueToTree(r));
        }
        if (json != null) {
            ObjectNode root = SummaryJson.mapper().createObjectNode();
            root.put("java", System.getProperty("java.version"));
            root.put("cores", Runtime.getRuntime().availableProcessors());
            root.set("workloads", all);
            Files.writeString(json, SummaryJson.mapper().writeValueAsString(root) + "\n", StandardCharsets.UTF_8);
        }
        return 0;
    }
}
