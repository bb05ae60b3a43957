package dev.enisim.check;

import static dev.enisim.experiment.MetricStats.format;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.experiment.MetricPaths;
import dev.enisim.experiment.MetricStats;
import dev.enisim.experiment.Replications;
import dev.enisim.run.RunResult;
import dev.enisim.run.SummaryShape;
import dev.enisim.scenario.Overrides;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Runs a scenario (with replications when asked) and evaluates its {@code expect:} block. */
public final class Checker {

    /**
     * One assertion's verdict: whether it held, the run's figure ({@code actual}), and for a failed {@code within}
     * the range it allowed ({@code allowed 95 to 105}; null otherwise).
     */
    public record Result(Expectation expectation, boolean passed, String actual, String allowed) {

        public Result(Expectation expectation, boolean passed, String actual) {
            this(expectation, passed, actual, null);
        }

        /**
         * What the terminal shows in brackets after the sentence, the JUnit failure and the job summary too: {@code
         * actual 80.022}, or {@code allowed 95 to 105, actual 80.022} (r6, C3: the range of a failed within was
         * left to the reader).
         */
        public String detail() {
            return (allowed == null ? "" : allowed + ", ") + "actual " + Expectation.visible(actual);
        }
    }

    /** All verdicts of one scenario (as run, with its {@code --set} changes), with the run(s) they came from. */
    public record ScenarioCheck(Scenario scenario, String file, int replications, List<Result> results,
            List<RunResult> runs, List<Integer> lines, Origin origin) {

        /**
         * @param lines  the line in {@code file} of each result's assertion ({@code expect[i]}; null where not known),
         *               for the FAIL line, the JUnit testcase and the step summary; empty: none known. With an
         *               {@code origin} other than the scenario's own, the line in the file the assertion came from
         * @param origin where the assertions came from: the scenario's {@code expect:}, {@code --set expect=...}, or
         *               a {@code check --expect FILE}
         */
        public ScenarioCheck {
            lines = java.util.Collections.unmodifiableList(new ArrayList<>(lines));
            origin = origin == null ? Origin.OWN : origin;
        }

        /** The scenario's own assertions. */
        public ScenarioCheck(Scenario scenario, String file, int replications, List<Result> results,
                List<RunResult> runs, List<Integer> lines) {
            this(scenario, file, replications, results, runs, lines, Origin.OWN);
        }

        /**
         * The file result {@code i}'s assertion is written in (the scenario's, or the {@code --expect} file), null
         * when it was given on the command line ({@code --set expect=...}).
         */
        public String fileOf(int i) {
            return origin.fromSet(i) ? null : origin.file() != null ? origin.file() : file;
        }

        /** Without the assertions' lines. */
        public ScenarioCheck(Scenario scenario, String file, int replications, List<Result> results,
                List<RunResult> runs) {
            this(scenario, file, replications, results, runs, List.of());
        }

        public String name() {
            return scenario.name();
        }

        /** The line of result {@code i}'s assertion in {@link #file}, or null when not known. */
        public Integer line(int i) {
            return i < lines.size() ? lines.get(i) : null;
        }

        /**
         * Where result {@code i}'s assertion is written, as bad input names it: {@code FILE:LINE: expect[i]}
         * ({@code FILE: expect[i]} when its line is not known).
         */
        public String where(int i) {
            if (origin.fromSet(i)) { // the student's file has its own expect[i], elsewhere: not that line
                return "--set expect[" + i + "]";
            }
            Integer line = line(i);
            return fileOf(i) + (line == null ? "" : ":" + line) + ": expect[" + i + "]";
        }

        public boolean passed() {
            return results.stream().allMatch(Result::passed);
        }
    }

    private Checker() {
    }

    /**
     * Loads {@code file} with the {@code --set} assignments, runs it {@code replications} times on {@code threads}
     * threads, and evaluates its expectations. Bad input (the scenario, the expect block, a metric path that does
     * not exist) throws {@link ScenarioException}.
     */
    public static ScenarioCheck check(Path file, List<String> sets, int replications, int threads)
            throws ScenarioException {
        return check(file, sets, replications, threads, s -> { });
    }

    /** As above, showing the validated scenario to {@code beforeRun} first (which may refuse it by throwing). */
    public static ScenarioCheck check(Path file, List<String> sets, int replications, int threads,
            java.util.function.Consumer<Scenario> beforeRun) throws ScenarioException {
        Loaded loaded = load(file, sets);
        beforeRun.accept(loaded.scenario());
        return check(loaded, file.toString(), replications, threads);
    }

    /**
     * Runs a scenario loaded beforehand ({@link #loadAll}) {@code replications} times and evaluates its expectations;
     * a metric path the runs do not have is bad input ({@link ScenarioException}).
     */
    public static ScenarioCheck check(Loaded loaded, String file, int replications, int threads)
            throws ScenarioException {
        return checked(loaded, file, Replications.run(loaded.scenario(), replications, threads));
    }

    /**
     * The verdicts of a scenario loaded beforehand on its replications {@code runs} (replication 0 first), run
     * elsewhere (check runs the replications of all its scenarios on one pool); a metric path the runs do not have
     * is bad input ({@link ScenarioException}).
     */
    public static ScenarioCheck checked(Loaded loaded, String file, List<RunResult> runs) throws ScenarioException {
        Origin origin = loaded.origin();
        List<Result> results = evaluate(loaded.expectations(), runs, file, origin::external, loaded.scenario());
        List<String> paths = new ArrayList<>();
        for (int i = 0; i < results.size(); i++) {
            paths.add("expect[" + i + "]");
        }
        Map<String, Integer> at = origin.file() != null ? origin.lines()
                : dev.enisim.scenario.SourceLines.of(Path.of(file), paths);
        List<Integer> lines = new ArrayList<>();
        for (int i = 0; i < paths.size(); i++) {
            lines.add(origin.fromSet(i) ? null : at.get(paths.get(i))); // --set expect[i]: no line of any file
        }
        return new ScenarioCheck(loaded.scenario(), file, runs.size(), results, runs, lines, origin);
    }

    /** A scenario and its expectations, both valid, and where the expectations came from. */
    public record Loaded(Scenario scenario, List<Expectation> expectations, Origin origin) {

        /** The scenario's own expectations. */
        public Loaded(Scenario scenario, List<Expectation> expectations) {
            this(scenario, expectations, Origin.OWN);
        }
    }

    /**
     * Where a scenario's assertions came from: its own {@code expect:} ({@link #OWN}), a {@code check --expect FILE}
     * ({@code file}, with each assertion's line there), or the command line ({@code --set expect=[...]}: every one;
     * {@code --set expect[i]=...}: that one). An assertion from elsewhere that names what the scenario lacks (a
     * function, a list element) is a failure of the scenario, not bad input: a grader's assertion checks the
     * student's file.
     *
     * @param file     the --expect file as given, or null
     * @param lines    the line of each assertion ({@code expect[i]}) in {@code file}
     * @param allSet   every assertion was given with {@code --set expect=...}
     * @param setItems the indices given with {@code --set expect[i]=...}
     */
    public record Origin(String file, Map<String, Integer> lines, boolean allSet, java.util.Set<Integer> setItems) {

        /** The scenario's own expect: block. */
        public static final Origin OWN = new Origin(null, Map.of(), false, java.util.Set.of());

        /** Whether assertion {@code i} came from the command line. */
        public boolean fromSet(int i) {
            return file == null && (allSet || setItems.contains(i));
        }

        /** Whether assertion {@code i} came from outside the scenario's file (the command line, an --expect file). */
        public boolean external(int i) {
            return file != null || fromSet(i);
        }

        /** Where the assertions of a scenario given {@code sets} and {@code expectFile} (null: none) come from. */
        static Origin of(List<String> sets, ExpectFile expectFile) {
            if (expectFile != null) {
                return new Origin(expectFile.file().toString(), expectFile.lines(), false, java.util.Set.of());
            }
            boolean all = false;
            java.util.Set<Integer> items = new java.util.TreeSet<>();
            for (String a : sets) {
                int eq = a.indexOf('=');
                String key = eq < 0 ? a.trim() : a.substring(0, eq).trim();
                java.util.regex.Matcher m = SET_ITEM.matcher(key);
                if (key.equals("expect")) {
                    all = true;
                    items.clear();
                } else if (m.matches()) {
                    items.add(Integer.parseInt(m.group(1)));
                }
            }
            return all || !items.isEmpty() ? new Origin(null, Map.of(), all, items) : OWN;
        }
    }

    private static final java.util.regex.Pattern SET_ITEM = java.util.regex.Pattern.compile("expect\\[(\\d+)]");

    /**
     * A {@code check --expect FILE}: a YAML file whose only key, {@code expect:}, lists assertion sentences as a
     * scenario's does; they replace each scenario's own {@code expect:} block, with each one's line in the file.
     */
    public record ExpectFile(Path file, JsonNode list, Map<String, Integer> lines) {

        /** Reads {@code file}: bad input (not YAML, not a list of sentences) throws, naming the file. */
        public static ExpectFile read(Path file) throws ScenarioException {
            JsonNode tree = ScenarioLoader.readTree(file, "file of assertions (expect: [...])");
            JsonNode list = tree.get("expect");
            List<Problem> problems = new ArrayList<>();
            java.util.Iterator<String> keys = tree.fieldNames();
            while (keys.hasNext()) {
                String k = keys.next();
                if (!k.equals("expect")) {
                    problems.add(new Problem(k, "unknown key: a file of assertions has only expect: (a list of "
                            + "sentences like - \"enis.peak <= 8\")"));
                }
            }
            if (list == null || !list.isArray()) {
                problems.add(new Problem("expect", "expected a list of assertion sentences like - \"enis.peak <= 8\""));
            } else {
                ExpectReader.readEach(tree, file.toString(), null, problems);
            }
            if (!problems.isEmpty()) {
                throw new ScenarioException(file.toString(), problems);
            }
            List<String> paths = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                paths.add("expect[" + i + "]");
            }
            Map<String, Integer> lines = new java.util.HashMap<>(dev.enisim.scenario.SourceLines.of(file, paths));
            lines.values().removeIf(java.util.Objects::isNull);
            return new ExpectFile(file, list, lines);
        }
    }

    /** One file given: {@code loaded}, or null with its {@code problems} (every one, as {@link #load} finds them). */
    public record Input(Path file, Loaded loaded, ScenarioException problems) {
    }

    /**
     * Every file read and validated as {@link #load} does, a file's problems kept with it rather than thrown: what
     * {@code validate} prints file by file, and what {@code check} refuses all at once before its first run (it
     * named only the first broken file of several, after running the files before it).
     */
    public static List<Input> loadAll(List<Path> files, List<String> sets) {
        return loadAll(files, sets, null);
    }

    /** As above, each scenario's expect: block replaced by {@code expectFile}'s assertions (null: kept). */
    public static List<Input> loadAll(List<Path> files, List<String> sets, ExpectFile expectFile) {
        List<Input> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(new Input(f, load(f, sets, expectFile), null));
            } catch (ScenarioException e) {
                out.add(new Input(f, null, e));
            }
        }
        return out;
    }

    /**
     * Reads {@code file} with the {@code --set} assignments and validates the scenario and its expect block
     * together: every problem of both (and of the assignments) at once, as one {@link ScenarioException}.
     */
    public static Loaded load(Path file, List<String> sets) throws ScenarioException {
        return load(file, sets, null);
    }

    /** As above, the scenario's expect: block replaced by {@code expectFile}'s assertions (null: kept). */
    public static Loaded load(Path file, List<String> sets, ExpectFile expectFile) throws ScenarioException {
        String source = file.toString();
        List<Problem> problems = new ArrayList<>();
        JsonNode original = ScenarioLoader.readTree(file);
        JsonNode tree = Overrides.applyValid(original, sets, problems);
        if (expectFile != null && tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            o.set("expect", expectFile.list());
        }
        Origin origin = Origin.of(sets, expectFile);
        double traffic = Overrides.traffic(sets, problems);
        Scenario scenario = ScenarioLoader.parseCollecting(tree, source, problems);
        if (problems.isEmpty()) {
            scenario.trafficBeyondRates(traffic).forEach(p -> problems.add(new Problem("--set traffic", p)));
        }
        List<Expectation> expectations = List.of();
        boolean scenarioSound = problems.isEmpty();
        try {
            List<Problem> wrong = new ArrayList<>();
            Map<Integer, Expectation> each = ExpectReader.readEach(tree, source, scenario, wrong);
            expectations = new ArrayList<>(each.values());
            if (!wrong.isEmpty() && scenarioSound) {
                // the sound assertions' metrics checked now too: an unknown metric or function (enis.peek,
                // functions.pay-99...) was said only once the other assertions were fixed, a second CI round-trip
                List<Integer> at = new ArrayList<>(each.keySet());
                for (Problem p : unknownMetrics(scenario, expectations, j -> origin.external(at.get(j)))) {
                    int j = Integer.parseInt(p.path().replaceAll("\\D", ""));
                    wrong.add(new Problem("expect[" + at.get(j) + "]", p.message()));
                }
                wrong.sort(java.util.Comparator.comparingInt(p -> Integer.parseInt(p.path().replaceAll("\\D", ""))));
            }
            problems.addAll(wrong);
        } catch (ScenarioException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, ScenarioLoader.blameSets(problems, original, source, sets));
        }
        return new Loaded(scenario.withTraffic(traffic), expectations, origin);
    }

    /**
     * The metric paths of {@code expectations} that a run of {@code scenario} never reports, each a problem named
     * {@code expect[i]} with the closest paths (did you mean), found before the runs: against the summary of a run
     * of the scenario's first second ({@link dev.enisim.experiment.Sweep#probe}, the shape a sweep checks its metrics
     * against), whose functions, subnets and VPCs are the scenario's own. A misspelt metric ({@code enis.orphand})
     * was found only after every run of the check. A list element ({@code teardowns[0].waitSeconds}) and a key the
     * run names as it goes (a cold start's outcome, an ENI's id) may be there only in the whole run: left to it.
     */
    public static List<Problem> unknownMetrics(Scenario scenario, List<Expectation> expectations) {
        return unknownMetrics(scenario, expectations, i -> false);
    }

    /**
     * The problems {@link #unknownMetrics(Scenario, List)} finds in a loaded scenario's assertions: one from outside
     * its file ({@link Origin#external}) that names a function, subnet or VPC the scenario lacks is none (the run
     * fails it instead).
     */
    public static List<Problem> unknownMetrics(Loaded loaded) {
        return unknownMetrics(loaded.scenario(), loaded.expectations(), loaded.origin()::external);
    }

    private static List<Problem> unknownMetrics(Scenario scenario, List<Expectation> expectations,
            java.util.function.IntPredicate external) {
        List<Problem> problems = new ArrayList<>();
        JsonNode summary = null;
        for (int i = 0; i < expectations.size(); i++) {
            String path = expectations.get(i).path();
            // a function, subnet or VPC the scenario lacks: no run has it, a list element's path neither; said in
            // the words every command warns with (the function named, its closest name), not as "unknown metric"
            String named = dev.enisim.scenario.ExpectNames.problem(scenario, path);
            if (named != null && external.test(i)) {
                continue; // a grader's assertion on what the submission lacks: a failure, said by the run
            }
            if (named != null) {
                problems.add(new Problem("expect[" + i + "]", Expectation.visible(named)));
                continue;
            }
            if (onlyTheRunsTell(path)) {
                continue;
            }
            if (summary == null) {
                summary = withRejectedCount(dev.enisim.experiment.Sweep.probe(scenario));
            }
            JsonNode n = MetricPaths.find(summary, path);
            String several = n == null ? dev.enisim.scenario.ExpectNames.ambiguous(scenario, path) : null;
            if (several != null) { // functions.api... where two accounts have an api: which one, by its label
                problems.add(new Problem("expect[" + i + "]", Expectation.visible(several)));
            } else if (n == null) {
                problems.add(new Problem("expect[" + i + "]", Expectation.visible(MetricPaths.unknown(summary, path))));
            } else if (n.isArray()) {
                problems.add(new Problem("expect[" + i + "]", Expectation.visible(aList(path))));
            } else if (n.isContainerNode() && !n.isEmpty()) {
                problems.add(new Problem("expect[" + i + "]", Expectation.visible(MetricPaths.group(summary, path))));
            }
        }
        return problems;
    }

    /**
     * Whether only the whole run can tell that {@code path} is no metric of it (a list's element, a key the run names
     * as it goes), so that neither check nor validate refuses it before a run.
     */
    public static boolean onlyTheRunsTell(String path) {
        return LIST_ELEMENT.matcher(path).find() || RUN_KEYED.matcher(path).find();
    }

    /** A list's element in a path ({@code teardowns[0]}; an ENI key's name, {@code subnet-a+[sg-app]}, is none). */
    private static final java.util.regex.Pattern LIST_ELEMENT = java.util.regex.Pattern.compile("\\[[0-9]+]");

    /** The summary's maps whose keys the run names as it goes: the outcomes of cold starts, the ENIs' ids. */
    private static final java.util.regex.Pattern RUN_KEYED = java.util.regex.Pattern.compile(
            "(^|\\.)(byOutcome|eniIpv6Addresses)(\\.|$)");

    /** The figure of how many actions Lambda refused, as an expect block names it. */
    public static final String REJECTED_COUNT = "rejectedActions.count";

    /**
     * The check's tree of a summary: summary.json's, with {@value #REJECTED_COUNT}, how many timeline actions Lambda
     * refused (0 when none was), and {@code rejectedActions} as an empty list when summary.json leaves it out (none
     * was): "nothing was refused" could not be asserted, as the path was then unknown. summary.json is unchanged.
     */
    static JsonNode withRejectedCount(JsonNode tree) {
        if (tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o) {
            JsonNode list = o.get("rejectedActions");
            if (list == null) {
                o.putArray("rejectedActions");
            }
            o.put(REJECTED_COUNT, list == null ? 0 : list.size());
        }
        return tree;
    }

    /** What an expectation on a whole list ({@code rejectedActions}, {@code teardowns}) is told. */
    private static String aList(String path) {
        return "'" + path + "' is a list, not one figure: name a field of one of its elements (" + path
                + "[0]...)" + (path.equals("rejectedActions") ? ", or how many it holds, " + REJECTED_COUNT : "");
    }

    /** Evaluates expectations against runs (one run: its values; several: their statistics). */
    public static List<Result> evaluate(List<Expectation> expectations, List<RunResult> runs, String source)
            throws ScenarioException {
        return evaluate(expectations, runs, source, i -> false, null);
    }

    /**
     * As above; an assertion from outside the scenario's file ({@code external}: a grader's) whose metric the runs
     * do not have because the scenario lacks what it names (a function, a list element) fails, saying so, rather
     * than being bad input.
     */
    static List<Result> evaluate(List<Expectation> expectations, List<RunResult> runs, String source,
            java.util.function.IntPredicate external, Scenario scenario) throws ScenarioException {
        List<JsonNode> trees = new ArrayList<>();
        boolean updates = expectations.stream().anyMatch(e -> Updates.named(e.path()));
        for (RunResult r : runs) {
            trees.add(withRejectedCount(SummaryShape.tree(r.summary())));
            if (updates) { // updates[i]: each update as one subject, derived from the functions' status changes
                Updates.add(trees.get(trees.size() - 1));
            }
        }
        Map<String, MetricStats> stats = MetricStats.of(trees);
        List<Map<String, JsonNode>> leaves = new ArrayList<>(); // in each replication, its values by path
        for (JsonNode t : trees) {
            leaves.add(MetricPaths.leaves(t));
        }
        List<Result> out = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (int i = 0; i < expectations.size(); i++) {
            Expectation e = expectations.get(i);
            // the first replication that has the path (a list element may be in some replications only: a number
            // there has no mean, which numeric() says; a text is "(none)" in the others, which text() checks)
            int at = firstHaving(trees, e.path());
            JsonNode value = at < 0 ? null : MetricPaths.find(trees.get(at), e.path());
            String named = value == null && scenario != null && external.test(i)
                    ? dev.enisim.scenario.ExpectNames.problem(scenario, e.path()) : null;
            if (value == null && external.test(i) && (named != null || onlyTheRunsTell(e.path()))) {
                out.add(new Result(e, false, "none (" + (named != null ? named
                        : MetricPaths.unknown(trees.get(0), e.path())) + ")"));
                continue;
            }
            if (value == null || value.isContainerNode()) {
                problems.add(new Problem("expect[" + i + "]", Expectation.visible(value == null
                        ? MetricPaths.unknown(trees.get(0), e.path()) : value.isArray() ? aList(e.path())
                        : MetricPaths.group(trees.get(at), e.path()))));
                continue;
            }
            String path = canonical(leaves.get(at), e.path(), value);
            try {
                if (e.nullOperand()) {
                    out.add(againstNull(e, path, leaves, stats.get(path)));
                    continue;
                }
                if (IDENTIFIERS.contains(path)) {
                    out.add(identifier(e, path, leaves));
                    continue;
                }
                int nulls = nulls(leaves, path);
                if (nulls > 0 && (e.numericOperand() || e.statistic() != Expectation.Statistic.VALUE)) {
                    out.add(unmeasured(e, path, nulls, leaves.size()));
                    continue;
                }
                out.add(value.isNumber() ? numeric(e, path, stats.get(path)) : text(e, path, leaves));
            } catch (IllegalArgumentException ex) {
                problems.add(new Problem("expect[" + i + "]", ex.getMessage()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        return out;
    }

    /**
     * The path as the summary spells it (the user may have written {@code teardowns[0]waitSeconds}). Found by
     * name first: small numbers are shared Jackson nodes, so the same node object can stand at several paths.
     */
    private static String canonical(Map<String, JsonNode> leaves, String written, JsonNode node) {
        String dotted = written.replaceAll("\\](?=[^.\\[])", "].");
        if (leaves.get(dotted) != null && leaves.get(dotted).equals(node)) {
            return dotted;
        }
        for (Map.Entry<String, JsonNode> l : leaves.entrySet()) {
            if (l.getValue() == node) {
                return l.getKey();
            }
        }
        throw new IllegalStateException("a leaf that is not among the leaves");
    }

    /** In how many replications the metric at {@code path} is {@code null} (nothing was measured). */
    private static int nulls(List<Map<String, JsonNode>> leaves, String path) {
        int n = 0;
        for (Map<String, JsonNode> l : leaves) {
            JsonNode v = l.get(path);
            n += v != null && v.isNull() ? 1 : 0;
        }
        return n;
    }

    /** The summary's top-level numbers that name a run rather than measure it: they have no mean. */
    private static final java.util.Set<String> IDENTIFIERS = java.util.Set.of("seed", "replication");

    /**
     * {@code METRIC == null} / {@code METRIC != null}: whether the summary has no value there (a latency nothing
     * measured, the wait of a teardown still going at the end), in every replication. A valid sentence whatever the
     * run gives: it was bad input ("a number, compare it with one") only when the run happened to have a number
     * there, so the same expect block passed or stopped the check depending on the run; now that is a failure
     * showing the number.
     */
    private static Result againstNull(Expectation e, String path, List<Map<String, JsonNode>> leaves, MetricStats s) {
        int nulls = nulls(leaves, path);
        int values = 0;
        for (Map<String, JsonNode> l : leaves) {
            values += l.get(path) != null && !l.get(path).isNull() ? 1 : 0;
        }
        boolean holds = e.op() == Expectation.Op.EQ ? nulls == leaves.size() : values == leaves.size();
        String actual;
        if (nulls == leaves.size()) {
            actual = none(path, nulls, leaves.size());
        } else if (values == leaves.size() && s != null) {
            actual = figure(s, format(s.mean()));
        } else {
            actual = seen(path, leaves); // texts, or a mix of values, nulls and replications without the element
        }
        return new Result(e, holds, actual);
    }

    /**
     * {@code seed} and {@code replication} name a run (they are no metric, so they have no mean, which said they were
     * "not in every replication"): each replication's own value is compared, and must hold in every one, as a text.
     */
    private static Result identifier(Expectation e, String path, List<Map<String, JsonNode>> leaves) {
        if (e.statistic() != Expectation.Statistic.VALUE) {
            throw new IllegalArgumentException(Problem.quote(e.text()) + ": " + Problem.quote(path) + " names the run rather than "
                    + "measures it, so it has no mean or interval; compare it as it is, e.g. '" + path + " == 7'");
        }
        if (!e.numericOperand()) {
            throw new IllegalArgumentException(Problem.quote(e.text()) + ": " + Problem.quote(path) + " is a number, compare it with one");
        }
        boolean holds = true;
        for (Map<String, JsonNode> l : leaves) {
            holds &= e.holds(l.get(path).asDouble());
        }
        return new Result(e, holds, seen(path, leaves));
    }

    /**
     * A number compared with a metric that has no value (a latency when no invocation succeeded, a teardown's
     * wait when an ENI was still there at the end) fails, saying why: it held before as the 0 that stood for
     * nothing, so {@code latencyMillis.p99 < 500} passed for a function that never succeeded.
     */
    private static Result unmeasured(Expectation e, String path, int nulls, int runs) {
        return new Result(e, false, none(path, nulls, runs));
    }

    /** How a null (no value) is shown. */
    private static final String NONE = "none";

    /** "none (why)", or with replications "none in 2 of 3 replications (why)". */
    private static String none(String path, int nulls, int runs) {
        String why = whyNone(path);
        return runs == 1 ? "none (" + why + ")" : "none in " + nulls + " of " + runs + " replications (" + why + ")";
    }

    /** Why the summary has no value at {@code path}, in the words of its neighbours. */
    static String whyNone(String path) {
        int dot = path.lastIndexOf('.');
        String parent = dot < 0 ? "" : path.substring(0, dot);
        String leaf = path.substring(dot + 1);
        if (parent.endsWith("latencyMillis") || parent.endsWith("eventAgeMillis")) {
            String counted = leaf.startsWith("coldStart") ? "coldStarts" : "count";
            return (leaf.startsWith("coldStart") ? "no cold start" : parent.endsWith("eventAgeMillis")
                    ? "no event completed" : "no invocation succeeded") + ": " + parent + "." + counted + " is 0";
        }
        if (leaf.equals("inProgressSeconds")) {
            return "the update was still InProgress at the end of the run";
        }
        if (leaf.equals("waitSeconds")) {
            return "an ENI was still there at the end of the run";
        }
        return "the summary has null there";
    }

    /** The first of {@code trees} that has {@code path}, -1 when none has. */
    private static int firstHaving(List<JsonNode> trees, String path) {
        for (int t = 0; t < trees.size(); t++) {
            if (MetricPaths.find(trees.get(t), path) != null) {
                return t;
            }
        }
        return -1;
    }

    private static Result numeric(Expectation e, String path, MetricStats s) {
        if (s == null) {
            throw new IllegalArgumentException(Problem.quote(path) + " is not in every replication (a list element only "
                    + "some have), so it has no mean");
        }
        if (!e.numericOperand()) {
            throw new IllegalArgumentException(Problem.quote(e.text()) + ": " + Problem.quote(path) + " is a number, compare it with one");
        }
        if (e.statistic() == Expectation.Statistic.CI) {
            if (s.n() < 2) {
                throw new IllegalArgumentException(Problem.quote(e.text()) + ": one replication has no confidence interval;"
                        + " run check with --replications 2 or more");
            }
            return new Result(e, e.holds(s.ciLow(), s.ciHigh()),
                    "95% CI [" + grouped(format(s.ciLow()), e.grouped()) + ", " + grouped(format(s.ciHigh()),
                    e.grouped()) + "]");
        }
        boolean holds = e.holds(s.mean());
        // a failure whose figure prints as the bound ("== 1867.78 (actual 1867.78)") shows it in full
        String shown = format(s.mean());
        String mean = !holds && e.operands().stream().anyMatch(o -> format(Double.parseDouble(o)).equals(shown)
                && Double.parseDouble(o) != s.mean()) ? Double.toString(s.mean()) : shown;
        boolean grouped = e.grouped();
        String allowed = null;
        if (!holds && e.op() == Expectation.Op.WITHIN) {
            double target = Double.parseDouble(e.operands().get(1));
            double margin = Math.abs(target) * Double.parseDouble(e.operands().get(0)) / 100;
            allowed = "allowed " + grouped(format(target - margin), grouped) + " to " + grouped(format(target
                    + margin), grouped);
        }
        return new Result(e, holds, figure(s, grouped(mean, grouped), grouped), allowed);
    }

    /** One run's figure, or the mean of several with its interval. */
    private static String figure(MetricStats s, String mean) {
        return figure(s, mean, false);
    }

    /** As above, the interval's figures with thousands separators when {@code grouped}. */
    private static String figure(MetricStats s, String mean, boolean grouped) {
        return s.n() == 1 ? mean : "mean " + mean + " (95% CI " + grouped(format(s.ciLow()), grouped) + ".."
                + grouped(format(s.ciHigh()), grouped) + ", n=" + s.n() + ")";
    }

    /**
     * A figure as {@link MetricStats#format} writes it, with thousands separators in its whole part when {@code
     * grouped} (the assertion writes a number so: {@code <= 100,000} is answered {@code actual 119,084}, not
     * {@code 119084}; r6, C3); an exponent form ({@code 1.5E+20}) is left as it is.
     */
    static String grouped(String figure, boolean grouped) {
        java.util.regex.Matcher m = PLAIN_FIGURE.matcher(figure);
        if (!grouped || !m.matches()) {
            return figure;
        }
        String whole = m.group(2);
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < whole.length(); i++) {
            if (i > 0 && (whole.length() - i) % 3 == 0) {
                b.append(',');
            }
            b.append(whole.charAt(i));
        }
        return m.group(1) + b + (m.group(3) == null ? "" : m.group(3));
    }

    /** A plain decimal figure: its sign, whole part and fraction. */
    private static final java.util.regex.Pattern PLAIN_FIGURE = java.util.regex.Pattern.compile(
            "(-?)([0-9]+)(\\.[0-9]+)?");

    /** A text metric (a state, a reason code) holds when it holds in every replication. */
    private static Result text(Expectation e, String path, List<Map<String, JsonNode>> leaves) {
        if (e.statistic() != Expectation.Statistic.VALUE) {
            throw new IllegalArgumentException(Problem.quote(e.text()) + ": " + Problem.quote(path) + " is not a number");
        }
        if ((e.op() == Expectation.Op.EQ || e.op() == Expectation.Op.NE) && e.numericOperand()) {
            // "finalState != 3" always held: a text is never a number
            throw new IllegalArgumentException(Problem.quote(e.text()) + ": " + Problem.quote(path) + " is a text (a state, a reason"
                    + " code), compare it with one, e.g. == Active");
        }
        boolean holds = true;
        for (Map<String, JsonNode> l : leaves) {
            holds &= e.holdsText(shown(l.get(path)));
        }
        return new Result(e, holds, seen(path, leaves));
    }

    /**
     * The values at {@code path}: the one value all replications have, or "Active in 5 of 8, Pending in 3 of 8". A
     * null is "none" with why, as a number compared with it says it ({@link #none}): it was "null" here, "none (the
     * summary has null there)" there, for the same value of the same metric (r6, C2).
     */
    private static String seen(String path, List<Map<String, JsonNode>> leaves) {
        Map<String, Integer> seen = new TreeMap<>();
        for (Map<String, JsonNode> l : leaves) {
            JsonNode v = l.get(path);
            seen.merge(v != null && v.isNull() ? NONE : shown(v), 1, Integer::sum);
        }
        if (seen.size() == 1) {
            String only = seen.keySet().iterator().next();
            return only.equals(NONE) ? none(path, leaves.size(), leaves.size()) : only;
        }
        StringBuilder actual = new StringBuilder();
        seen.forEach((v, count) -> actual.append(actual.length() == 0 ? "" : ", ").append(v).append(" in ")
                .append(count).append(" of ").append(leaves.size()));
        return actual.toString();
    }

    /**
     * A leaf as a text: "(none)" when the replication has no such element, "null" when it has no value; a whole
     * number in full (a 64-bit seed), another as the terminal shows figures.
     */
    private static String shown(JsonNode n) {
        return n == null ? "(none)" : n.isNull() ? "null" : n.isNumber() && !n.isIntegralNumber()
                ? format(n.asDouble()) : n.asText();
    }
}
