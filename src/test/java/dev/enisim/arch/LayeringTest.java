package dev.enisim.arch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The package layering of style.md, read from the import lines and from the full names written in the code:
 * dependencies point down the list
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
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).sorted().toList()) {
                String layer = root.relativize(f).getName(0).toString();
                violations.addAll(dependencies(layer, f, Files.readString(f)));
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    /**
     * The layer check itself sees an upward dependency however it is written: imported, or named in full in the
     * code (experiment once called {@code dev.enisim.report.SafeOutput} by its full name, which an import-only check
     * missed); a full name in a comment or a string is no dependency (so the test above can fail).
     */
    @Test
    void theLayerCheckSeesAnUpwardDependencyImportedOrNamedInFull() {
        Path f = Path.of("experiment/Experiment.java");
        assertEquals(1, dependencies("experiment", f, "import dev.enisim.report.SafeOutput;\nclass E {}").size());
        assertEquals(1, dependencies("experiment", f, "class E { long free = dev.enisim.report.SafeOutput"
                + ".usableSpaceAt(p); }").size());
        assertEquals(1, dependencies("experiment", f, "class E { void f() { dev.enisim.cli.Main.main(a); } }").size());
        assertEquals(1, dependencies("check", f, "class E { dev.enisim.plan.Plan p; }").size(), "peers");
        assertEquals(1, dependencies("model", f, "class M { Object o = new org.jfree.chart.JFreeChart(x); }")
                .size(), "JFreeChart named in full outside report");
        assertEquals(List.of(), dependencies("experiment", f, "import dev.enisim.run.Disk;\n"
                + "class E { long free = dev.enisim.run.Disk.usableSpaceAt(p); // dev.enisim.report.SafeOutput\n"
                + " String s = \"dev.enisim.report.SafeOutput\"; /* dev.enisim.cli.Main */ }"));
    }

    /**
     * Full names in code: ours (the layer after dev.enisim), JFreeChart and picocli. Not Jackson's yet: metrics'
     * {@code RunSummary} carries {@code @com.fasterxml.jackson.annotation.JsonInclude} by full name (annotations only,
     * read by {@code run.SummaryShape}), to move into the shape's mixins before Jackson is scanned here too.
     */
    private static final Pattern QUALIFIED = Pattern.compile(
            "(?<![\\w.])((?:dev\\.enisim\\.[a-z]\\w*|org\\.jfree|picocli)\\.[\\w.]*)");

    /** What {@code file} (in {@code layer}) depends on against the rules: its imports and the full names in its code. */
    private static List<String> dependencies(String layer, Path file, String text) {
        List<String> violations = new ArrayList<>();
        Matcher m = IMPORT.matcher(text);
        while (m.find()) {
            check(layer, m.group(1), file, violations);
        }
        String code = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ")
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"").replaceAll("(?m)^\\s*(?:import|package)\\s[^;]*;", " ");
        Matcher q = QUALIFIED.matcher(code);
        while (q.find()) {
            check(layer, q.group(1), file, violations);
        }
        return violations;
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

    /**
     * No dependency cycle between the model's types: the graph of which top-level type names which (read from the
     * sources, comments and strings left out) has no strongly connected component of more than one type. Parts
     * that need each other are wired through a narrow interface (as {@code KeyPorts}) or by returning values.
     */
    @Test
    void noCycleInsideTheModel() throws IOException {
        Map<String, Set<String>> graph = typeGraph(Path.of("src/main/java/dev/enisim/model"), "dev.enisim.model");
        List<String> cycles = new ArrayList<>();
        for (Set<String> component : stronglyConnected(graph)) {
            if (component.size() > 1) {
                cycles.add(String.join(" <-> ", component));
            }
        }
        assertTrue(cycles.isEmpty(), "model types that depend on each other:\n" + String.join("\n", cycles));
    }

    /** The cycle check itself finds a cycle (so that the test above can fail). */
    @Test
    void theCycleCheckSeesACycle() {
        Map<String, Set<String>> graph = new TreeMap<>();
        graph.put("A", Set.of("B"));
        graph.put("B", Set.of("C"));
        graph.put("C", Set.of("A"));
        graph.put("D", Set.of("A"));
        assertTrue(stronglyConnected(graph).contains(new TreeSet<>(Set.of("A", "B", "C"))));
    }

    /** The model's parts and the running world that the builder alone may construct. */
    private static final List<String> PARTS = List.of("World", "Network", "Concurrency", "EniFleet",
            "EnvironmentPool", "Lifecycle", "Admission", "NatGateways");

    /**
     * One place builds the model: only {@code WorldBuilder} constructs the world and its parts (the running world
     * gets them made; nothing else wires them, so there is one order of construction and no setter injection).
     */
    @Test
    void onlyTheWorldBuilderConstructsTheModelsParts() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path f : javaFiles(root())) {
            violations.addAll(partsConstructed(root().relativize(f).toString(), Files.readString(f)));
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    /** The builder check itself sees a part constructed elsewhere (so that the test above can fail). */
    @Test
    void theBuilderCheckSeesAPartBuiltElsewhere() {
        assertEquals(1, partsConstructed("model/World.java", "this.fleet = new EniFleet(settings, n, p, l);").size());
        assertEquals(1, partsConstructed("run/Simulation.java", "World w = new World(parts, fs, roles);").size());
        assertEquals(List.of(), partsConstructed("model/WorldBuilder.java", "new Lifecycle(s, f, e, p, l, fs)"));
        assertEquals(List.of(), partsConstructed("run/Simulation.java", "new WorldBuilder(s, p, l) // new World("));
    }

    private static final Pattern NEW_PART = Pattern.compile("\\bnew (" + String.join("|", PARTS) + ")\\s*\\(");

    /** The model's parts a file (path below dev/enisim) constructs, unless it is the builder. */
    private static List<String> partsConstructed(String file, String code) {
        List<String> out = new ArrayList<>();
        if (file.replace('\\', '/').equals("model/WorldBuilder.java")) {
            return out;
        }
        Matcher m = NEW_PART.matcher(code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " "));
        while (m.find()) {
            out.add(file + " constructs " + m.group(1) + ": the model is built by model.WorldBuilder");
        }
        return out;
    }

    /**
     * Metrics observe values: from the model they may name only records, enums and interfaces (the listener,
     * outcomes, the snapshot, ids and states), never a class with state such as {@code World} or {@code EniPool},
     * whether imported, imported with a wildcard or written out in full.
     */
    @Test
    void metricsImportNoMutableModelType() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path f : javaFiles(Path.of("src/main/java/dev/enisim/metrics"))) {
            violations.addAll(mutableModelTypes(f.toString(), Files.readString(f)));
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    /** The metrics check itself sees a stateful model class, however it is named (so the test above can fail). */
    @Test
    void theMetricsCheckSeesAStatefulModelType() {
        assertEquals(1, mutableModelTypes("A.java", "import dev.enisim.model.World;\nclass A {}").size());
        assertEquals(1, mutableModelTypes("B.java", "import dev.enisim.model.*;\nclass B {}").size());
        assertEquals(1, mutableModelTypes("C.java", "class C { dev.enisim.model.eni.EniPool p; }").size());
        assertEquals(List.of(), mutableModelTypes("D.java", "import dev.enisim.model.Outcome;\n"
                + "import dev.enisim.model.WorldSnapshot;\nimport dev.enisim.model.function.State;\nclass D {}"));
    }

    /** The model's one class with state that other packages may name: what the run builds and drives. */
    private static final String MODEL_ENTRY = "dev.enisim.model.LambdaService";

    /**
     * The model's public surface is read-only: outside {@code model}, a file names only the model's records, enums
     * and interfaces (values, events, listeners, settings), and the one entry the run drives ({@code LambdaService},
     * whose builder declares the scenario in order); never a class with state such as {@code World},
     * {@code WorldBuilder}, {@code AsyncInvocations} or {@code EniPool}, however it is named.
     */
    @Test
    void outsideTheModelOnlyItsValuesAndItsEntryAreNamed() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path f : javaFiles(root())) {
            String file = root().relativize(f).toString().replace('\\', '/');
            if (!file.startsWith("model/")) {
                violations.addAll(mutableModelTypes(file, Files.readString(f), MODEL_ENTRY));
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    /** The outside check itself sees the world named from the run (so the test above can fail). */
    @Test
    void theOutsideCheckSeesTheWorldNamedFromTheRun() {
        assertEquals(1, mutableModelTypes("run/Simulation.java", "import dev.enisim.model.World;\nclass S {}",
                MODEL_ENTRY).size());
        assertEquals(1, mutableModelTypes("run/Simulation.java", "class S { dev.enisim.model.WorldBuilder b; }",
                MODEL_ENTRY).size());
        assertEquals(List.of(), mutableModelTypes("run/Simulation.java", "import dev.enisim.model.LambdaService;\n"
                + "import dev.enisim.model.WorldSettings;\nimport dev.enisim.model.SimEvent.Arrival;\nclass S {}",
                MODEL_ENTRY));
        assertEquals(1, mutableModelTypes("metrics/R.java", "import dev.enisim.model.LambdaService;\nclass R {}")
                .size(), "metrics may not name the entry either");
    }

    /**
     * The model's public top-level types are records, enums and interfaces, and the one entry: a class with state
     * made public again (say {@code World}) fails here even before another package imports it.
     */
    @Test
    void theModelsPublicClassesAreValuesOrTheEntry() throws IOException, ClassNotFoundException {
        List<String> violations = new ArrayList<>();
        Path model = root().resolve("model");
        for (Path f : javaFiles(model)) {
            String type = "dev.enisim." + root().relativize(f).toString().replace('\\', '/').replace(".java", "")
                    .replace('/', '.');
            if (!publicValueOrEntry(Class.forName(type))) {
                violations.add(type + " is public and has state: make it package-private, or a record behind "
                        + "LambdaService");
            }
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    /** The public-class check itself refuses a public class with state (so the test above can fail). */
    @Test
    void thePublicClassCheckRefusesAPublicClassWithState() throws ClassNotFoundException {
        assertTrue(!publicValueOrEntry(java.util.ArrayList.class), "a public class with state");
        assertTrue(publicValueOrEntry(Class.forName("dev.enisim.model.World")), "package-private: fine");
        assertTrue(publicValueOrEntry(Class.forName(MODEL_ENTRY)), "the entry");
        assertTrue(publicValueOrEntry(Class.forName("dev.enisim.model.WorldSnapshot")), "a record");
    }

    /** Not public, or a record, enum or interface, or the model's entry. */
    private static boolean publicValueOrEntry(Class<?> c) {
        return !java.lang.reflect.Modifier.isPublic(c.getModifiers()) || c.isRecord() || c.isEnum()
                || c.isInterface() || c.getName().equals(MODEL_ENTRY);
    }

    private static final Pattern MODEL_TYPE = Pattern.compile("\\bdev\\.enisim\\.model\\.((?:[a-z]\\w*\\.)*)([A-Z]\\w*|\\*)");

    /** The model types {@code code} names that hold state (classes that are not records, enums or interfaces). */
    private static List<String> mutableModelTypes(String file, String code) {
        return mutableModelTypes(file, code, null);
    }

    /** The same, {@code allowed} (a qualified class name, or null) left out. */
    private static List<String> mutableModelTypes(String file, String code, String allowed) {
        List<String> out = new ArrayList<>();
        Matcher m = MODEL_TYPE.matcher(code.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " "));
        while (m.find()) {
            String type = "dev.enisim.model." + m.group(1) + m.group(2);
            if (m.group(2).equals("*")) {
                out.add(file + " imports " + type + ": name the model's value types one by one");
                continue;
            }
            try {
                Class<?> c = Class.forName(type);
                if (!c.isRecord() && !c.isEnum() && !c.isInterface() && !type.equals(allowed)) {
                    out.add(file + " names " + type + ", which has state");
                }
            } catch (ClassNotFoundException e) {
                out.add(file + " names " + type + ", which does not exist");
            }
        }
        return out;
    }

    /**
     * Report does not borrow experiment's shapes: the summary's JSON shape is {@code run.SummaryShape} (next to
     * the result it shapes), and the metric paths into it ({@code MetricPaths}) are experiment's and check's to
     * read, not report's. Report may render an experiment's results (a comparison's rows, a sweep's points,
     * sensitivity indices, their {@code MetricStats}): that is what its pages are for. And the shape is defined
     * once: no other file gives {@code RunSummary} a mixin.
     */
    @Test
    void reportDoesNotImportExperimentsShapes() throws IOException {
        List<String> violations = new ArrayList<>();
        for (Path f : javaFiles(Path.of("src/main/java/dev/enisim"))) {
            violations.addAll(borrowedShapes(root().relativize(f).toString(), Files.readString(f)));
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }

    /** The shape check itself sees a borrowed shape and a second definition (so the test above can fail). */
    @Test
    void theShapeCheckSeesABorrowedShape() {
        assertEquals(1, borrowedShapes("report/X.java", "import dev.enisim.experiment.Replications;").size());
        assertEquals(1, borrowedShapes("report/page/Y.java", "import dev.enisim.experiment.MetricPaths;").size());
        assertEquals(1, borrowedShapes("experiment/Z.java", "b.addMixIn(RunSummary.class, M.class)").size());
        assertEquals(List.of(), borrowedShapes("report/W.java", "import dev.enisim.experiment.MetricStats;\n"
                + "import dev.enisim.run.SummaryShape;"));
        assertEquals(List.of(), borrowedShapes("run/SummaryShape.java", "b.addMixIn(RunSummary.class, M.class)"));
    }

    /** What a file (path below dev/enisim) borrows of the summary's shape, or defines of it a second time. */
    private static List<String> borrowedShapes(String file, String code) {
        List<String> out = new ArrayList<>();
        String f = file.replace('\\', '/');
        if (f.startsWith("report/")) {
            for (String shape : List.of("dev.enisim.experiment.Replications", "dev.enisim.experiment.MetricPaths")) {
                if (code.contains("import " + shape + ";")) {
                    out.add(file + " imports " + shape + ": the summary's shape is run.SummaryShape");
                }
            }
        }
        if (!f.equals("run/SummaryShape.java") && code.contains("addMixIn(RunSummary")) {
            out.add(file + " gives RunSummary a JSON shape of its own: use run.SummaryShape");
        }
        return out;
    }

    private static Path root() {
        return Path.of("src/main/java/dev/enisim");
    }

    private static List<Path> javaFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).sorted()
                    .toList();
        }
    }

    /** Top-level type (qualified) -> the types of {@code rootPackage} (and below) its source names. */
    private static Map<String, Set<String>> typeGraph(Path root, String rootPackage) throws IOException {
        Map<String, String> packageOf = new TreeMap<>();
        Map<String, String> code = new TreeMap<>();
        for (Path f : javaFiles(root)) {
            String pkg = rootPackage + (root.relativize(f.getParent()).toString().isEmpty() ? ""
                    : "." + root.relativize(f.getParent()).toString().replace('/', '.'));
            String type = pkg + "." + f.getFileName().toString().replace(".java", "");
            packageOf.put(type, pkg);
            code.put(type, Files.readString(f).replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", " ")
                    .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\""));
        }
        Map<String, Set<String>> graph = new TreeMap<>();
        Pattern word = Pattern.compile("\\b[A-Z]\\w*\\b");
        for (Map.Entry<String, String> e : code.entrySet()) {
            Set<String> visible = new TreeSet<>();
            for (String t : packageOf.keySet()) {
                if (packageOf.get(t).equals(packageOf.get(e.getKey())) || e.getValue().contains("import " + t + ";")) {
                    visible.add(t);
                }
            }
            Set<String> uses = new TreeSet<>();
            Matcher m = word.matcher(e.getValue());
            while (m.find()) {
                for (String t : visible) {
                    if (t.endsWith("." + m.group()) && !t.equals(e.getKey())) {
                        uses.add(t);
                    }
                }
            }
            graph.put(e.getKey(), uses);
        }
        return graph;
    }

    /** Tarjan's strongly connected components. */
    private static List<Set<String>> stronglyConnected(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new HashSet<>();
        List<Set<String>> out = new ArrayList<>();
        for (String v : graph.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, graph, index, low, stack, onStack, out);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Set<String>> graph, Map<String, Integer> index,
            Map<String, Integer> low, Deque<String> stack, Set<String> onStack, List<Set<String>> out) {
        index.put(v, index.size());
        low.put(v, index.get(v));
        stack.push(v);
        onStack.add(v);
        for (String w : graph.getOrDefault(v, Set.of())) {
            if (!index.containsKey(w)) {
                connect(w, graph, index, low, stack, onStack, out);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            Set<String> component = new TreeSet<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
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
