package dev.enisim.arch;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layering of style.md, read from the import lines: dependencies point down the list
 * engine, random, model, workload, scenario, metrics, run, experiment, (check, importer, plan, bench, iac), report,
 * gate, cli;
 * the engine imports nothing of ours; Jackson stays out of the model and the engine, JFreeChart in report,
 * picocli in cli.
 */
class LayeringTest {

    private static final List<String> ORDER = List.of("engine", "random", "model", "workload", "scenario",
            "metrics", "run", "experiment", "check", "importer", "plan", "bench", "iac", "report", "gate", "cli");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?([\\w.]+)", Pattern.MULTILINE);

    @Test
    void dependenciesPointDown() throws IOException {
        List<String> violations = new ArrayList<>();
        Path root = Path.of("src/main/java/dev/enisim");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String layer = root.relativize(f).getName(0).toString();
                String text = Files.readString(f);
                Matcher m = IMPORT.matcher(text);
                while (m.find()) {
                    check(layer, m.group(1), f, violations);
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    private static void check(String layer, String imported, Path file, List<String> violations) {
        if (imported.startsWith("dev.enisim.")) {
            String target = imported.substring("dev.enisim.".length()).split("\\.")[0];
            int from = ORDER.indexOf(layer);
            int to = ORDER.indexOf(target);
            // check, importer, plan, bench and iac sit side by side above experiment: they do not import each other
            boolean peers = from >= 8 && from <= 12 && to >= 8 && to <= 12 && from != to;
            if (from < 0 || to < 0 || to > from || peers) {
                violations.add(file + ": " + layer + " must not import " + imported);
            }
        }
        if (layer.equals("engine") && !imported.startsWith("java.")) {
            violations.add(file + ": the engine imports only java.*, not " + imported);
        }
        if (imported.startsWith("org.jfree") && !layer.equals("report")) {
            violations.add(file + ": JFreeChart belongs in report, not " + layer);
        }
        if (imported.startsWith("picocli") && !layer.equals("cli")) {
            violations.add(file + ": picocli belongs in cli, not " + layer);
        }
        if (imported.startsWith("com.fasterxml") && (layer.equals("model") || layer.equals("engine")
                || layer.equals("random") || layer.equals("metrics"))) {
            violations.add(file + ": Jackson does not belong in " + layer);
        }
    }

    /** No clock, no unseeded randomness, no hash-ordered iteration deciding results. */
    @Test
    void noClocksOrUnseededRandomnessInTheSimulation() throws IOException {
        List<String> violations = new ArrayList<>();
        Path root = Path.of("src/main/java/dev/enisim");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String layer = root.relativize(f).getName(0).toString();
                String text = Files.readString(f);
                for (String banned : List.of("Math.random", "new Random(", "System.currentTimeMillis",
                        "ThreadLocalRandom", "new JDKRandomGenerator()", "new MersenneTwister()")) {
                    if (text.contains(banned)) {
                        violations.add(f + " uses " + banned);
                    }
                }
                if (List.of("engine", "model", "workload", "metrics", "run").contains(layer)
                        && text.contains("System.nanoTime")) {
                    violations.add(f + " reads the clock");
                }
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }
}
