package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Issue 12's fuzzing harness (2,080 cases a run: 1,500 validated, 80 run, 500 command lines): valid scenarios mutated (keys deleted, elements duplicated, values retyped,
 * extreme numbers, odd strings, path tricks, text cut or spoiled) and command lines mutated (tokens dropped,
 * repeated, replaced by hostile ones), each run in-process against the picocli entry point in a scratch working
 * folder full of the user's files. For every case: the exit code is 0, 1 or 2 as documented (1 only where a
 * command documents it for a verdict: check, sweep, validate-model; never an internal error), no stack trace,
 * no file outside the output folders touched, no temporary entry left, and an answer within a time bound.
 *
 * <p>Runs are kept short by a small {@code --max-events} on every command that runs a simulation (the fuzzer
 * never passes {@code --yes}): a long run must be refused with its estimate, never started.
 */
class CommandLineFuzzProperties {

    /** Seconds a single case may take; a hang fails the property. */
    private static final int BOUND_SECONDS = 30;
    private static final String MAX_EVENTS = "300000";
    private static final ObjectMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fuzz-case");
        t.setDaemon(true);
        return t;
    });

    @AfterContainer
    static void shutdown() {
        POOL.shutdownNow();
    }

    // ------------------------------------------------------------------ scenarios

    static final String RICH = """
            name: fuzz
            description: a scenario with most of the format
            seed: 3
            duration: 20m
            bucket: 1m
            account: { concurrencyLimit: 200, unreservedMinimum: 20 }
            vpcs:
              - id: vpc-1
                eniQuota: 50
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/28, az: us-east-1a, otherUsedIps: 3 }
                  - { id: subnet-b, cidr: 10.0.2.0/24, az: us-east-1b }
                securityGroups: [sg-app, sg-db]
            hyperplane: { eniCreateTime: 30s, idleReclaimAfter: 10m }
            scaling: { model: per-function, newEnvironmentsPer10s: 500 }
            functions:
              - name: api
                memoryMb: 512
                timeout: 5s
                vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-app] }
                duration: { dist: lognormal, median: 80ms, p99: 900ms }
                reservedConcurrency: 50
                arrivals: [{ poisson: 3/s }, { trace: { file: trace.csv } }]
              - name: worker
                vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg-db] }
                duration: 200ms
                arrivals: { bursts: { rate: 20/s, duration: 30s, at: [2m, 10m] } }
            timeline:
              - { at: 5m, action: updateVpcConfig, function: worker,
                  vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-db] } }
              - { at: 15m, action: deleteFunction, function: api }
            expect:
              - "enis.peak >= 1"
            """;

    private static final List<JsonNode> NUMBERS = List.of(num(0), num(-1), num(1), num(2147483647L),
            num(2147483648L), num(Long.MAX_VALUE), JsonNodeFactory.instance.numberNode(1e300),
            JsonNodeFactory.instance.numberNode(-1e300), JsonNodeFactory.instance.numberNode(1e-300),
            JsonNodeFactory.instance.numberNode(0.5));
    private static final List<String> STRINGS = List.of("", " ", ".", "..", "../..", "/", "/etc/passwd",
            "/dev/zero", "/proc/self/mem", "a/b", "x".repeat(5000), "\u0000", "名前", "%s%n", "${jndi:ldap://x}",
            "*a", "&a", "1e12/s", "1000000/s", "1000000000000/s", "-5/s", "0/s", "100000d", "1us", "0s", "10/0",
            "10.0.0.0/8", "10.0.0.0/16", "NaN", "Infinity", "true", "null", "~", "scenario.yaml", "../sentinel.txt",
            "notes.txt", "reports", "trace.csv", "subnet-a", "sg-app", "api", "1h", "2/s", "<script>", "\"quoted\"");

    private static JsonNode num(long v) {
        return JsonNodeFactory.instance.numberNode(v);
    }

    /** One change to a scenario tree: what, where (an index into its nodes, modulo), with which value. */
    record Mutation(String op, int where, int value) {
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> one = Combinators.combine(
                Arbitraries.of("delete", "duplicate", "retype", "number", "string", "empty-object", "empty-list",
                        "null", "truncate", "spoil"),
                Arbitraries.integers().between(0, 10_000), Arbitraries.integers().between(0, 10_000))
                .as(Mutation::new);
        return one.list().ofMinSize(1).ofMaxSize(3);
    }

    /** Many scenarios, only validated (cheap): every exit is 0 or 2, and 2 has its one-line problems. */
    @Property(tries = 1500)
    void mutatedScenariosAreValidatedOrRefusedCleanly(@ForAll("mutations") List<Mutation> mutations,
            @ForAll boolean json) throws Exception {
        inScratch((s, yaml) -> {
            String file = json ? "fuzz.json" : yaml;
            write(s, file, mutate(RICH, mutations), json);
            return List.of("validate", file);
        }, Map.of("validate", List.of(0, 2)), false);
    }

    /** Fewer, run: with every command that reads a scenario. */
    @Property(tries = 80)
    void mutatedScenariosRunOrAreRefusedCleanly(@ForAll("mutations") List<Mutation> mutations,
            @ForAll boolean json, @ForAll("scenarioCommands") List<String> command) throws Exception {
        inScratch((s, yaml) -> {
            String file = json ? "fuzz.json" : yaml;
            write(s, file, mutate(RICH, mutations), json);
            List<String> args = new ArrayList<>(command);
            args.replaceAll(a -> a.equals("FILE") ? file : a);
            return args;
        }, DOCUMENTED, true);
    }

    @Provide
    Arbitrary<List<String>> scenarioCommands() {
        return Arbitraries.of(
                List.of("run", "FILE", "-q", "--out", "out/run", "--max-events", MAX_EVENTS),
                List.of("run", "FILE", "-q", "--max-events", MAX_EVENTS),
                List.of("explain", "FILE", "--trace", "out/trace.jsonl", "--max-events", MAX_EVENTS),
                List.of("check", "FILE", "--junit", "out/junit.xml", "--max-events", MAX_EVENTS),
                List.of("compare", "FILE", "--replications", "2", "--max-events", MAX_EVENTS),
                List.of("compare-network-models", "FILE", "--max-events", MAX_EVENTS),
                List.of("sweep", "FILE", "-q", "--vary", "traffic=1,2", "--out", "out/sweep", "--max-events",
                        MAX_EVENTS));
    }

    /** The documented exit codes by command: 1 is a verdict only where the command says so. */
    private static final Map<String, List<Integer>> DOCUMENTED = Map.of(
            "run", List.of(0, 2), "validate", List.of(0, 2), "explain", List.of(0, 2), "check", List.of(0, 1, 2),
            "compare", List.of(0, 2), "compare-network-models", List.of(0, 2), "sweep", List.of(0, 1, 2),
            "help", List.of(0, 2), "", List.of(0, 2));

    static String mutate(String yaml, List<Mutation> mutations) throws IOException {
        JsonNode tree = YAML.readTree(yaml);
        String text = null;
        for (Mutation m : mutations) {
            if (m.op().equals("truncate") || m.op().equals("spoil")) {
                String t = text != null ? text : YAML.writeValueAsString(tree);
                int at = m.where() % Math.max(1, t.length());
                text = m.op().equals("truncate") ? t.substring(0, at)
                        : t.substring(0, at) + "\n\t: *x [&y {" + STRINGS.get(m.value() % STRINGS.size())
                        + t.substring(at);
                continue;
            }
            if (text == null) {
                apply(tree, m);
            }
        }
        return text != null ? text : YAML.writeValueAsString(tree);
    }

    /** Applies one tree mutation at the {@code where}-th (modulo) container slot of the tree. */
    private static void apply(JsonNode root, Mutation m) {
        List<JsonNode[]> slots = new ArrayList<>(); // {container, key-or-index as text node}
        collect(root, slots);
        JsonNode[] slot = slots.get(m.where() % slots.size());
        JsonNode container = slot[0];
        JsonNode value = switch (m.op()) {
            case "number" -> NUMBERS.get(m.value() % NUMBERS.size());
            case "string" -> JsonNodeFactory.instance.textNode(STRINGS.get(m.value() % STRINGS.size()));
            case "empty-object" -> JsonNodeFactory.instance.objectNode();
            case "empty-list" -> JsonNodeFactory.instance.arrayNode();
            case "null" -> JsonNodeFactory.instance.nullNode();
            case "retype" -> retype(get(container, slot[1]));
            default -> null;
        };
        if (container instanceof ObjectNode o) {
            String key = slot[1].asText();
            switch (m.op()) {
                case "delete" -> o.remove(key);
                case "duplicate" -> o.set(key + (m.value() % 2 == 0 ? "" : "x"), o.get(key).deepCopy());
                default -> o.set(key, value);
            }
        } else if (container instanceof ArrayNode a) {
            int i = slot[1].asInt();
            switch (m.op()) {
                case "delete" -> a.remove(i);
                case "duplicate" -> a.insert(i, a.get(i).deepCopy());
                default -> a.set(i, value);
            }
        }
    }

    private static JsonNode get(JsonNode container, JsonNode key) {
        return container.isObject() ? container.get(key.asText()) : container.get(key.asInt());
    }

    /** The same content as another type: a string as a list, a number as a string, an object as a list... */
    private static JsonNode retype(JsonNode v) {
        if (v.isTextual()) {
            return JsonNodeFactory.instance.arrayNode().add(v);
        }
        if (v.isNumber() || v.isBoolean()) {
            return JsonNodeFactory.instance.textNode(v.asText());
        }
        if (v.isObject()) {
            ArrayNode a = JsonNodeFactory.instance.arrayNode();
            v.elements().forEachRemaining(a::add);
            return a;
        }
        return v.size() > 0 ? v.get(0) : JsonNodeFactory.instance.numberNode(1);
    }

    private static void collect(JsonNode n, List<JsonNode[]> slots) {
        if (n.isObject()) {
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                slots.add(new JsonNode[] {n, JsonNodeFactory.instance.textNode(k)});
                collect(n.get(k), slots);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                slots.add(new JsonNode[] {n, JsonNodeFactory.instance.numberNode(i)});
                collect(n.get(i), slots);
            }
        }
    }

    private static void write(Scratch s, String file, String yaml, boolean json) throws IOException {
        String text = yaml;
        if (json) {
            try {
                text = JSON.writeValueAsString(YAML.readTree(yaml));
            } catch (IOException e) {
                text = yaml; // text that is no longer YAML stays as it is, under a .json name
            }
        }
        Files.writeString(s.work.resolve(file), text);
    }

    // ------------------------------------------------------------------ command lines

    private static final List<String> TOKENS = List.of("run", "validate", "explain", "check", "compare", "sweep",
            "compare-network-models", "help", "scenario.yaml", "scenarios/mine.yaml", "scenarios", "missing.yaml",
            "--out", "--seed", "--set", "--replications", "--junit", "--baseline", "--update-baseline", "--trace",
            "--vary", "--metric", "--tolerance", "--parallel", "-q", "--all", "--max-events", "--help",
            "--version", ".", "..", "/", "/proc/x", "notes.txt", "data", "out/a", "out/b", "reports", "0", "-1",
            "2147483648", "1e400", "NaN", "x=", "=", "name=..", "name=.", "functions[0]=5",
            "functions[2147483648].memoryMb=1", "duration=1000000d", "functions[api].arrivals.poisson=1e6/s",
            "traffic=1,2", "traffic=0..1e9:1", "enis.peak", "nope.metric", "--bogus", "-", "--", "",
            "\u0000", "名前", "../sentinel.txt", "scenario.yaml,scenario.yaml", "out/g[{*");

    @Provide
    Arbitrary<List<String>> commandLines() {
        Arbitrary<List<String>> base = Arbitraries.of(
                List.of("run", "scenario.yaml", "-q", "--out", "out/a"),
                List.of("validate", "scenario.yaml", "scenarios/mine.yaml"),
                List.of("explain", "scenario.yaml", "--trace", "out/t.jsonl", "--seed", "4"),
                List.of("check", "scenarios", "--junit", "out/j.xml", "--baseline", "out/base", "--update-baseline"),
                List.of("compare", "scenario.yaml", "--set", "functions[api].memoryMb=256", "--replications", "2"),
                List.of("sweep", "scenario.yaml", "-q", "--vary", "traffic=1,2", "--out", "out/s"),
                List.of("compare-network-models", "scenario.yaml"),
                List.of());
        Arbitrary<List<int[]>> edits = Arbitraries.integers().between(0, 10_000).array(int[].class).ofSize(3)
                .list().ofMinSize(0).ofMaxSize(4);
        return Combinators.combine(base, edits).as((b, e) -> {
            List<String> args = new ArrayList<>(b);
            for (int[] x : e) {
                int at = args.isEmpty() ? 0 : x[1] % (args.size() + 1);
                String token = TOKENS.get(x[2] % TOKENS.size());
                switch (x[0] % 4) {
                    case 0 -> args.add(at, token);
                    case 1 -> {
                        if (at < args.size()) {
                            args.remove(at);
                        }
                    }
                    case 2 -> {
                        if (at < args.size()) {
                            args.set(at, token);
                        }
                    }
                    default -> {
                        if (at < args.size()) {
                            args.add(at, args.get(at));
                        }
                    }
                }
            }
            return args;
        });
    }

    /** Hostile command lines: the same guarantees. */
    @Property(tries = 500)
    void mutatedCommandLinesEndCleanly(@ForAll("commandLines") List<String> commandLine) throws Exception {
        inScratch((s, file) -> {
            List<String> args = new ArrayList<>(commandLine);
            String command = args.isEmpty() ? "" : args.get(0);
            if (RUNS.contains(command) && !args.contains("--max-events")) {
                args.add("--max-events");
                args.add(MAX_EVENTS);
            }
            return args;
        }, DOCUMENTED, true);
    }

    private static final List<String> RUNS = List.of("run", "explain", "check", "compare", "sweep",
            "compare-network-models");

    // ------------------------------------------------------------------ the harness

    interface Case {
        List<String> prepare(Scratch s, String file) throws IOException;
    }

    /**
     * Runs one case in a fresh scratch folder and checks every guarantee. {@code outputsAllowed}: whether the
     * command may write (then only under {@code work/out} and {@code work/reports}).
     */
    private static void inScratch(Case c, Map<String, List<Integer>> codes, boolean outputsAllowed)
            throws Exception {
        Path root = Files.createTempDirectory("enisim-fuzz");
        try {
            Scratch s = new Scratch(root);
            Files.writeString(s.work.resolve("trace.csv"), "seconds\n1\n2.5\n60\n");
            Files.createDirectories(s.work.resolve("reports"));
            Files.writeString(s.work.resolve("reports/users-own.txt"), "the user's");
            String file = "fuzz.yaml";
            List<String> args = c.prepare(s, file);
            Map<String, String> before = s.snapshotOutside(OUTPUTS);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            Future<Integer> f = POOL.submit(() -> Main.execute(s.work, new PrintWriter(out, true),
                    new PrintWriter(err, true), args.toArray(String[]::new)));
            int code;
            try {
                code = f.get(BOUND_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                f.cancel(true);
                throw new AssertionError("no answer in " + BOUND_SECONDS + " s: enisim " + String.join(" ", args));
            }
            String what = "enisim " + String.join(" ", args) + "\nexit " + code + "\n" + out + err;
            String command = args.isEmpty() ? "" : args.get(0);
            List<Integer> allowed = codes.getOrDefault(command, List.of(0, 2));
            assertTrue(allowed.contains(code), "undocumented exit code: " + what);
            assertFalse(err.toString().contains("enisim: internal error") || err.toString().contains("\tat "),
                    "no stack trace: " + what);
            if (code == 2) {
                assertFalse(err.toString().isBlank() && !args.isEmpty(), "exit 2 says why: " + what);
            }
            assertUnchangedButNamedOutputs(before, s.snapshotOutside(OUTPUTS), args, what);
            assertEquals("the user's", Files.readString(s.work.resolve("reports/users-own.txt")), what);
            if (!outputsAllowed) {
                assertFalse(Files.exists(s.work.resolve("out")), what);
            }
            assertNoTemporaryEntry(root, what);
        } finally {
            deleteTree(root);
        }
    }

    /**
     * Every entry that was there is unchanged; a new entry is inside a path the command line names (an output
     * folder or file it was asked to write).
     */
    private static void assertUnchangedButNamedOutputs(Map<String, String> before, Map<String, String> after,
            List<String> args, String what) {
        for (Map.Entry<String, String> e : before.entrySet()) {
            assertEquals(e.getValue(), after.get(e.getKey()), e.getKey() + " changed or went: " + what);
        }
        for (String k : after.keySet()) {
            if (!before.containsKey(k)) {
                // only an output option's value names where to write: '.' or '..' elsewhere on the line (a
                // scenario, a stray word) names no output, and would otherwise excuse any new entry
                boolean named = false;
                for (int i = 1; i < args.size() && !named; i++) {
                    String a = args.get(i);
                    if (!OUTPUT_OPTIONS.contains(args.get(i - 1)) || a.isBlank()) {
                        continue;
                    }
                    try {
                        String n = Path.of("work").resolve(a).normalize().toString();
                        // a folder named by the command line ('--baseline ..' names the scratch root), or a
                        // missing folder made on the way to an output file it names ('--junit a/b.xml' makes a/)
                        named = n.isEmpty() || k.equals(n) || k.startsWith(n + "/") || n.startsWith(k + "/");
                    } catch (java.nio.file.InvalidPathException ex) {
                        // not a path: names nothing
                    }
                }
                assertTrue(named, "new entry " + k + " not named by an output option: " + what);
            }
        }
    }

    /** The options whose value is a place to write (a report folder, a JUnit file, a baseline folder, a trace). */
    private static final java.util.Set<String> OUTPUT_OPTIONS = java.util.Set.of("--out", "--junit", "--baseline",
            "--trace", "--html", "--markdown");

    /** Where the cases may write: out/ (given), reports/ (the default), and the scenario written for the case. */
    private static final String[] OUTPUTS = {"work/out", "work/reports", "work/fuzz.yaml", "work/fuzz.json"};

    private static void assertNoTemporaryEntry(Path root, String what) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.toList()) {
                String n = p.getFileName().toString();
                assertFalse(n.matches("\\..*\\.(tmp|old)-\\d+-\\d+"), "left behind: " + p + "\n" + what);
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
