package dev.enisim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.run.SummaryShape;
import dev.enisim.scenario.Overrides;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A parameter sweep: the grid of every combination of the varied values, each point run (with replications
 * when asked) and reduced to the chosen metrics' statistics. A point whose values make a bad scenario is
 * reported with the problem and the rest go on. {@link #TRAFFIC} is a special path: a factor on every rate.
 */
public final class Sweep {

    /** Multiplies every arrival rate of every function. */
    public static final String TRAFFIC = "traffic";

    /**
     * One varied parameter and its values (as written: they go through the same path as --set), and {@code name}: the
     * {@code name} (else the {@code id}) of the list element its path selects by index ({@code lambda-a} of
     * {@code vpcs[0].subnets[1].cidr}), null when it selects none or that element has neither ({@link #named}).
     */
    public record Axis(String path, List<String> values, String name) {

        public Axis(String path, List<String> values) {
            this(path, values, null);
        }

        /**
         * The path as the charts, the page's table and the terminal show it: with the element's name beside it,
         * {@code vpcs[0].subnets[1].cidr (lambda-a)} (a planner had to work out that index 1 was lambda-a).
         */
        public String label() {
            return name == null ? path : path + " (" + name + ")";
        }
    }

    /**
     * {@code axes} as they ran under {@code --set traffic=F} ({@code base}, 1 without one): a {@link #TRAFFIC} axis's
     * values times F, the factor on the scenario file's rates that was simulated (with {@code --set traffic=0.5},
     * {@code --vary traffic=1,2} ran 0.5 and 1, and sweep.csv said 1 and 2); other axes as they are.
     */
    public static List<Axis> asRun(List<Axis> axes, double base) {
        if (base == 1) {
            return axes;
        }
        List<Axis> out = new ArrayList<>();
        for (Axis a : axes) {
            out.add(!a.path().equals(TRAFFIC) ? a : new Axis(a.path(), a.values().stream()
                    .map(v -> trafficAsRun(v, base)).toList(), a.name()));
        }
        return out;
    }

    /** {@code points} as they ran under {@code --set traffic=F} ({@code base}): as {@link #asRun(List, double)}. */
    public static List<Point> asRunPoints(List<Point> points, double base) {
        if (base == 1) {
            return points;
        }
        List<Point> out = new ArrayList<>();
        for (Point p : points) {
            String traffic = p.values().get(TRAFFIC);
            if (traffic == null) {
                out.add(p);
                continue;
            }
            Map<String, String> values = new LinkedHashMap<>(p.values());
            values.put(TRAFFIC, trafficAsRun(traffic, base));
            out.add(new Point(values, p.metrics(), p.problem(), p.runs()));
        }
        return out;
    }

    /**
     * A point's traffic value times {@code base}, in decimal (0.1 x 3 is 0.3, not 0.30000000000000004); a value that
     * is no number (a failed point's) as it is.
     */
    static String trafficAsRun(String value, double base) {
        try {
            return new BigDecimal(value.trim()).multiply(BigDecimal.valueOf(base)).stripTrailingZeros()
                    .toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** {@code axes}, each with the name of the list element its path selects by index in {@code tree}. */
    public static List<Axis> named(JsonNode tree, List<Axis> axes) {
        return axes.stream().map(a -> new Axis(a.path(), a.values(), elementName(tree, a.path()))).toList();
    }

    /**
     * The {@code name}, else the {@code id}, of the last list element {@code path} selects by index in {@code tree}
     * ({@code lambda-a} for {@code vpcs[0].subnets[1].cidr}, {@code api-03} for {@code functions[3].memoryMb}); null
     * when the path selects none by index (a selector by name, {@code functions[orders-api]}, names it already), that
     * element has neither, or an index is past the end of its list (the point's scenario says so).
     */
    public static String elementName(JsonNode tree, String path) {
        JsonNode n = tree;
        String name = null;
        int i = 0;
        while (i < path.length() && n != null) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
            } else if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) {
                    return null;
                }
                String sel = path.substring(i + 1, end).trim();
                i = end + 1;
                if (!sel.matches("[0-9]+") || !n.isArray()) {
                    // [*] or [name]: the path names what it selects (or every element): no name to add
                    return null;
                }
                int k = Integer.parseInt(sel);
                if (k >= n.size()) {
                    return null; // an index past the end: the point's scenario says so
                }
                n = n.get(k);
                JsonNode label = n.hasNonNull("name") ? n.get("name") : n.get("id");
                name = label != null && label.isValueNode() && !label.asText().isBlank() ? label.asText() : null;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                // a field the file leaves out (--set may add it): the element before it is still the one selected
                n = n.isObject() ? n.get(path.substring(i, end)) : null;
                i = end;
            }
        }
        return path.indexOf('[', i) >= 0 ? null : name; // a list under a field the file leaves out: none selected
    }

    /**
     * One point of the grid: its values, and either the statistics of each metric or the problem; {@code runs}: each
     * metric's value in replication 0, 1, ... (the same seeds at every point, so two points' runs pair by index:
     * common random numbers), NaN in a replication that had none (the statistics are then over those that had one,
     * their {@code n} below the replications); empty in a point read from a results file of an enisim before
     * December 2026.
     */
    public record Point(Map<String, String> values, Map<String, MetricStats> metrics, String problem,
            Map<String, List<Double>> runs) {

        public Point(Map<String, String> values, Map<String, MetricStats> metrics, String problem) {
            this(values, metrics, problem, Map.of());
        }
    }

    private Sweep() {
    }

    /**
     * {@code FROM..TO:STEP} and a unit after the step: numbers with an exponent too, and a unit of letters, '/' or
     * '%' only ({@code 1..2:1e-5} took {@code e-5} as the unit: two points, 1e-5 and 2e-5, an adversarial review).
     */
    private static final java.util.regex.Pattern RANGE = java.util.regex.Pattern.compile(
            "(-?[0-9.]+(?:[eE][-+]?[0-9]+)?)\\.\\.(-?[0-9.]+(?:[eE][-+]?[0-9]+)?):([0-9.]+(?:[eE][-+]?[0-9]+)?)"
            + "([A-Za-z/%]*)");

    /** Parses {@code PATH=V1,V2,...} or {@code PATH=FROM..TO:STEP}. */
    public static Axis axis(String spec) {
        int eq = spec.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("expected PATH=V1,V2,... or PATH=FROM..TO:STEP, got '" + spec + "'");
        }
        String path = spec.substring(0, eq).trim();
        String values = spec.substring(eq + 1).trim();
        java.util.regex.Matcher m = RANGE.matcher(values);
        List<String> out = new ArrayList<>();
        if (!m.matches() && values.contains("..") && values.contains(":")) {
            // taken as one value, it ran as a point that failed (duration=1m..5m:30s: the unit goes after the step)
            throw new IllegalArgumentException("'" + spec + "': expected FROM..TO:STEP, numbers with the unit after the"
                    + " step only (1..5:1m, 10..50:10/s, 0.5..2:0.5)");
        }
        if (m.matches()) {
            BigDecimal from;
            BigDecimal to;
            BigDecimal step;
            try {
                from = new BigDecimal(m.group(1));
                to = new BigDecimal(m.group(2));
                step = new BigDecimal(m.group(3));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + spec + "': FROM, TO and STEP must be numbers");
            }
            String unit = m.group(4);
            if (step.signum() <= 0 || to.compareTo(from) < 0) {
                throw new IllegalArgumentException("'" + spec + "': the range needs FROM <= TO and STEP > 0");
            }
            for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
                out.add(v.stripTrailingZeros().toPlainString() + unit);
                if (out.size() > 1000) {
                    throw new IllegalArgumentException("'" + spec + "': more than 1,000 values");
                }
            }
        } else {
            // an empty value (1,,2) or one listed twice (1,1) is a typo: the first was dropped and the second ran the
            // same point twice, each without a word
            String[] listed = values.split(",", -1);
            boolean none = java.util.Arrays.stream(listed).allMatch(String::isBlank); // said as "no values" below
            for (int i = 0; i < listed.length && !none; i++) {
                String v = listed[i].trim();
                if (v.isEmpty()) {
                    throw new IllegalArgumentException("'" + spec + "': value " + (i + 1) + " of " + listed.length
                            + " is empty (a comma too many?)");
                }
                if (out.contains(v)) {
                    throw new IllegalArgumentException("'" + spec + "': " + v + " is listed twice (the same point"
                            + " would run twice)");
                }
                out.add(v);
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("'" + spec + "': no values");
        }
        return new Axis(path, out);
    }

    /** Every combination of the axes' values, the first axis varying slowest. */
    public static List<Map<String, String>> grid(List<Axis> axes) {
        List<Map<String, String>> points = new ArrayList<>();
        points.add(new LinkedHashMap<>());
        for (Axis a : axes) {
            List<Map<String, String>> next = new ArrayList<>();
            for (Map<String, String> p : points) {
                for (String v : a.values()) {
                    Map<String, String> q = new LinkedHashMap<>(p);
                    q.put(a.path(), v);
                    next.add(q);
                }
            }
            points = next;
        }
        return points;
    }

    /** Runs every point of the grid on up to {@code threads} threads; results in grid order. */
    public static List<Point> run(JsonNode tree, String source, List<Axis> axes, List<String> metrics,
            int replications, int threads, Consumer<String> progress) {
        try {
            return Experiment.run(PointSpec.of(tree, source, metrics, replications), grid(axes),
                    new InProcessRunner(threads), null, progress);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // no progress file: nothing is read or written
        }
    }

    /**
     * The scenario of one point: the base tree with the point's values set, its traffic scaled by a {@link #TRAFFIC}
     * value. Throws a {@link ScenarioException} for values the scenario refuses, an {@link IllegalArgumentException}
     * for a traffic value that is not a number.
     */
    public static Scenario scenario(JsonNode tree, String source, Map<String, String> values)
            throws ScenarioException {
        return scenario(tree, source, values, 1);
    }

    /**
     * As {@link #scenario(JsonNode, String, Map)}, every rate multiplied by {@code baseTraffic} too (the command's
     * {@code --set traffic=F}, applied to the scenario before the design).
     */
    public static Scenario scenario(JsonNode tree, String source, Map<String, String> values, double baseTraffic)
            throws ScenarioException {
        return scenario(tree, source, values, baseTraffic, Map.of());
    }

    /**
     * As {@link #scenario(JsonNode, String, Map, double)}, the trace files named in {@code traces} read from their
     * text there ({@link PointSpec#withTraces}).
     */
    static Scenario scenario(JsonNode tree, String source, Map<String, String> values, double baseTraffic,
            Map<String, String> traces) throws ScenarioException {
        List<String> sets = new ArrayList<>();
        double traffic = baseTraffic;
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (e.getKey().equals(TRAFFIC)) {
                try {
                    traffic = baseTraffic * Double.parseDouble(e.getValue());
                } catch (NumberFormatException ex) {
                    throw new IllegalArgumentException("traffic: expected a number, got '" + e.getValue() + "'");
                }
            } else {
                sets.add(e.getKey() + "=" + e.getValue());
            }
        }
        JsonNode applied;
        try {
            applied = Overrides.apply(tree, sets, source);
        } catch (ScenarioException ex) {
            // a point's values are --vary's (--set was applied to the tree before): "--set functions[nope].memoryMb:
            // no element named 'nope'" named an option the command line did not have
            throw new ScenarioException(source, ex.problems().stream().map(p -> p.path() != null
                    && p.path().startsWith("--set ") ? new dev.enisim.scenario.Problem("--vary " + p.path().substring(6),
                    p.message()) : p).toList());
        }
        Scenario s = ScenarioLoader.parseTree(applied, source, traces);
        List<dev.enisim.scenario.Problem> beyond = s.trafficBeyondRates(traffic).stream()
                .map(p -> new dev.enisim.scenario.Problem(values.containsKey(TRAFFIC) ? TRAFFIC + "="
                        + values.get(TRAFFIC) + (baseTraffic == 1 ? "" : " (with --set traffic=" + baseTraffic + ")")
                        : "--set traffic=" + baseTraffic, p)).toList();
        if (!beyond.isEmpty()) {
            throw new ScenarioException(source, beyond);
        }
        return traffic != 1 ? scaleTraffic(s, traffic) : s;
    }

    /**
     * The events every point of a design will take, each point's own estimate ({@code perRun}, of its scenario:
     * its values may change the traffic, the duration, the functions) times {@code replications}; a point the
     * scenario refuses runs nothing. Points that differ only in their traffic are read once.
     */
    public static double events(JsonNode tree, String source, List<Map<String, String>> points, int replications,
            java.util.function.ToDoubleFunction<Scenario> perRun) {
        Map<Map<String, String>, Scenario> read = new java.util.HashMap<>();
        double sum = 0;
        for (Map<String, String> values : points) {
            Map<String, String> rest = new java.util.TreeMap<>(values);
            String traffic = rest.remove(TRAFFIC);
            Scenario s = read.computeIfAbsent(rest, r -> {
                try {
                    return scenario(tree, source, r);
                } catch (ScenarioException | IllegalArgumentException e) {
                    return null;
                }
            });
            if (s == null) {
                continue;
            }
            double factor = 1;
            if (traffic != null) {
                try {
                    factor = Double.parseDouble(traffic);
                } catch (NumberFormatException e) {
                    continue;
                }
            }
            sum += perRun.applyAsDouble(s) * factor * replications;
        }
        return sum;
    }

    /** A design's point, its scenario, and the figure it was chosen by ({@link #largest}). */
    public record Largest(Map<String, String> values, Scenario scenario, double size) {
    }

    /**
     * The point of {@code points} whose scenario's {@code size} (the heap a run is estimated to need) is the largest,
     * the first of equals; null when the scenario refuses every point. Its traffic is left as the design's base
     * ({@code baseTraffic}): the size is read from the scenario's functions, keys and buckets, which a point's traffic
     * does not change, so points that differ only in their traffic are read once (as {@link #events} reads them).
     */
    public static Largest largest(JsonNode tree, String source, List<Map<String, String>> points, double baseTraffic,
            java.util.function.ToDoubleFunction<Scenario> size) {
        java.util.Set<Map<String, String>> read = new java.util.HashSet<>();
        Largest best = null;
        for (Map<String, String> values : points) {
            Map<String, String> rest = new java.util.TreeMap<>(values);
            rest.remove(TRAFFIC);
            if (!read.add(rest)) {
                continue;
            }
            Scenario s;
            try {
                s = scenario(tree, source, rest, baseTraffic);
            } catch (ScenarioException | IllegalArgumentException e) {
                continue; // a point the scenario refuses runs nothing
            }
            double n = size.applyAsDouble(s);
            if (best == null || n > best.size()) {
                best = new Largest(values, s, n);
            }
        }
        return best;
    }

    static Point point(JsonNode tree, String source, Map<String, String> values, List<String> metrics,
            int replications) {
        return point(tree, source, values, metrics, replications, 1);
    }

    /** As {@link #point(JsonNode, String, Map, List, int)}, every rate multiplied by {@code baseTraffic} too. */
    static Point point(JsonNode tree, String source, Map<String, String> values, List<String> metrics,
            int replications, double baseTraffic) {
        return point(tree, source, values, metrics, replications, baseTraffic, 0, Map.of());
    }

    /**
     * As above, each run's statistics after a warm-up of {@code warmUpMicros} (0: none; {@code --warm-up}): a point
     * whose values leave the warm-up no shorter than its duration, or off its buckets, fails with that problem;
     * {@code traces}: trace files' text ({@link PointSpec#withTraces}; empty: read from the disk here).
     */
    static Point point(JsonNode tree, String source, Map<String, String> values, List<String> metrics,
            int replications, double baseTraffic, long warmUpMicros, Map<String, String> traces) {
        Scenario s;
        try {
            s = scenario(tree, source, values, baseTraffic, traces);
        } catch (IllegalArgumentException ex) {
            return new Point(values, Map.of(), ex.getMessage());
        } catch (ScenarioException ex) {
            return new Point(values, Map.of(), String.join("; ", ex.problems().stream().map(Object::toString)
                    .toList()));
        }
        // each run's summary as it is back, the run itself dropped: a point of R replications held R runs' time
        // series until the last was done (the heap the in-process engine allows a point is one run's)
        if (warmUpMicros > 0 && (warmUpMicros >= s.durationMicros() || warmUpMicros % s.bucketMicros() != 0)) {
            return new Point(values, Map.of(), "--warm-up " + dev.enisim.scenario.Units.given(warmUpMicros)
                    + (warmUpMicros >= s.durationMicros() ? " is not shorter than this point's duration, "
                    + dev.enisim.scenario.Units.given(s.durationMicros()) : " is not a whole number of this point's"
                    + " buckets (" + dev.enisim.scenario.Units.given(s.bucketMicros()) + ")"));
        }
        List<JsonNode> trees;
        try {
            trees = Replications.run(s, warmUpMicros, replications, 1, 0, Double.POSITIVE_INFINITY,
                    r -> withFailures(SummaryShape.tree(r.summary())), Replications.Watch.NONE);
        } catch (RuntimeException ex) {
            // one point's run that throws is that point's failure, said in its problem column, and the study goes
            // on: it ended the whole study ("internal error") after hours of points, and every resume hit it again
            return new Point(values, Map.of(), runFailed(ex));
        }
        Map<String, MetricStats> all = MetricStats.of(trees);
        Map<String, MetricStats> chosen = new LinkedHashMap<>();
        Map<String, List<Double>> perRun = new LinkedHashMap<>();
        for (String m : metrics) {
            MetricStats ms = all.get(m);
            if (ms == null && unmeasured(trees, m)) {
                // no value in some replications (a teardown's wait cut short by the run's end in 1 of 10): the
                // point's value is over those that have one, its n the count, as run --replications gives it (the
                // point lost the metric entirely); none in any replication (no invocation succeeded): a gap
                ms = measured(trees, m);
                if (ms == null) {
                    continue;
                }
            }
            if (ms == null) {
                return new Point(values, Map.of(), MetricPaths.unknown(trees.get(0), m));
            }
            chosen.put(m, ms);
            List<Double> v = new ArrayList<>();
            for (JsonNode t : trees) {
                JsonNode n = MetricPaths.find(t, m);
                v.add(n.isNumber() ? n.asDouble() : Double.NaN); // NaN: this replication had no value
            }
            perRun.put(m, List.copyOf(v));
        }
        return new Point(values, chosen, null, perRun);
    }

    /** The problem of a point whose run threw {@code ex}: what failed, and that it is enisim's to fix. */
    static String runFailed(RuntimeException ex) {
        Throwable t = ex;
        StackTraceElement[] at = t.getStackTrace();
        return "the run failed: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": "
                + t.getMessage()) + (at.length == 0 ? "" : " (at " + at[0].getClassName().replaceAll(".*\\.", "")
                + "." + at[0].getMethodName() + ")") + "; an enisim defect: please report it with the scenario and"
                + " this point's values";
    }

    /**
     * Refuses a {@link #TRAFFIC} factor that is not a number above 0 at any point, before anything runs: a negative
     * factor made negative rates, whose thinning never found an arrival (a sweep that hung) or scheduled one in the
     * past (an internal error).
     */
    public static void checkTraffic(List<Map<String, String>> points) {
        for (Map<String, String> p : points) {
            String v = p.get(TRAFFIC);
            if (v == null) {
                continue;
            }
            double f;
            try {
                f = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("traffic=" + v + ": expected a factor on every arrival rate, a"
                        + " number above 0 (2 doubles the traffic)");
            }
            if (!(f > 0) || Double.isInfinite(f)) {
                // 1e400 is read as infinity: "must be above 0" was said of it (an adversarial user's leftover)
                throw new IllegalArgumentException("traffic=" + v + ": a factor on every arrival rate must be "
                        + (Double.isInfinite(f) && f > 0 ? "a finite number (" + v + " is beyond a double's range)"
                                : "above 0") + " (0.5 halves the traffic, 2 doubles it)" + (f == 0 ? "; "
                        + dev.enisim.scenario.Overrides.ZERO_TRAFFIC : ""));
            }
        }
    }

    /**
     * The statistics of {@code metric} over the replications that have a number there (as {@code run --replications}
     * gives them: {@code n} counts them), or null when none has.
     */
    private static MetricStats measured(List<JsonNode> trees, String metric) {
        List<Double> v = new ArrayList<>();
        boolean integral = true;
        for (JsonNode t : trees) {
            JsonNode n = MetricPaths.find(t, metric);
            if (n.isNumber()) {
                v.add(n.asDouble());
                integral &= n.isIntegralNumber();
            }
        }
        return v.isEmpty() ? null : MetricStats.ofMetric(metric, v.stream().mapToDouble(Double::doubleValue).toArray(),
                integral);
    }

    /** Whether some replication has {@code null} at {@code metric} (nothing measured there) and none lacks it. */
    private static boolean unmeasured(List<JsonNode> trees, String metric) {
        boolean none = false;
        for (JsonNode t : trees) {
            JsonNode n = MetricPaths.find(t, metric);
            if (n == null || n.isContainerNode()) {
                return false;
            }
            none |= n.isNull();
        }
        return none;
    }

    /**
     * Checks the chosen metrics against the summary of a one-second run of {@code base} (cheap), so that a
     * misspelt metric is a usage error before any point runs: throws {@link IllegalArgumentException} naming it
     * and the close ones. A list element ({@code teardowns[0].waitSeconds}) may exist only in a longer run, so it
     * is checked by each point instead.
     */
    public static void checkMetrics(Scenario base, List<String> metrics) {
        JsonNode summary = withFailures(probe(base));
        List<String> unknown = new ArrayList<>();
        for (String m : metrics) {
            JsonNode n = MetricPaths.find(summary, m);
            // null: a number this short probe did not measure (a latency before any invocation succeeded)
            if (!m.contains("[") && (n == null || !(n.isNumber() || n.isNull()))) {
                unknown.add(n == null ? MetricPaths.unknown(summary, m) : "'" + m + "' is not a number");
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", unknown));
        }
    }

    /**
     * The summary of a one-second run of {@code base} (cheap): the metric paths a run has, for checking names. The
     * timeline's actions within that second run; a later PutProvisionedConcurrencyConfig runs at its end instead, so
     * that the {@code provisionedConcurrency} section names the functions a whole run gives it (a lesson enabling it
     * at 7 minutes had {@code provisionedConcurrency.<function>.*} refused as unknown).
     */
    public static JsonNode probe(Scenario base) {
        long probe = Math.min(base.bucketMicros(), 1_000_000L);
        List<Scenario.At> early = new ArrayList<>();
        for (Scenario.At a : base.timeline()) {
            if (a.atMicros() < probe) {
                early.add(a);
            } else if (a.action() instanceof dev.enisim.model.SimEvent.PutProvisionedConcurrency p && p.amount() > 0) {
                early.add(new Scenario.At(probe - 1, p));
            }
        }
        Scenario s = base.toBuilder().duration(probe, probe).timeline(early).build();
        return SummaryShape.tree(Replications.run(s, 1, 1).get(0).summary());
    }

    /**
     * A sweep's metric of its own: the invocations Lambda's Invoke API refused ({@code invocations.errors.*} summed:
     * no IP in the subnet, no ENI, a function not Active...), neither throttles nor function errors.
     */
    public static final String INVOKE_ERRORS = "invocations.invokeErrors";

    /** A sweep's metric of its own: how many functions ended the run Failed ({@code functions.*.finalState}). */
    public static final String FUNCTIONS_FAILED = "functionsFailed";

    /**
     * The metrics a sweep measures at every point: those chosen ({@code --metric}, or the defaults) and, after them,
     * {@link #INVOKE_ERRORS} and {@link #FUNCTIONS_FAILED} when not among them, so that the summary line and "What the
     * sweep shows" name the points that ran with failures whatever was chosen. The experiment's identity (its progress
     * file) is made of this list.
     */
    public static List<String> measured(List<String> chosen) {
        List<String> out = new ArrayList<>(chosen);
        for (String m : List.of(INVOKE_ERRORS, FUNCTIONS_FAILED)) {
            if (!out.contains(m)) {
                out.add(m);
            }
        }
        return out;
    }

    /**
     * A run's summary tree with the sweep's own failure metrics added ({@link #INVOKE_ERRORS},
     * {@link #FUNCTIONS_FAILED}): a point whose run had SubnetIPAddressLimitReachedException at every other invocation
     * and two functions Failed showed "0 failed" and a leaner peak of ENIs, the failures in none of the default
     * metrics (a product manager's review). Not in a run's summary.json: a sweep's and a sensitivity run's points only.
     */
    static JsonNode withFailures(JsonNode tree) {
        if (!(tree instanceof com.fasterxml.jackson.databind.node.ObjectNode o)) {
            return tree;
        }
        JsonNode inv = o.get("invocations");
        if (inv instanceof com.fasterxml.jackson.databind.node.ObjectNode io && inv.get("errors") != null) {
            long errors = 0;
            for (JsonNode n : inv.get("errors")) {
                errors += n.asLong();
            }
            io.put("invokeErrors", errors);
        }
        long failed = 0;
        JsonNode fns = o.get("functions");
        if (fns != null) {
            for (JsonNode f : fns) {
                failed += "Failed".equals(f.path("finalState").asText()) ? 1 : 0;
            }
        }
        o.put(FUNCTIONS_FAILED, failed);
        return o;
    }

    /**
     * Whether a point ran with failures: some replication had an invoke error or a function that ended Failed (its
     * {@link #INVOKE_ERRORS} or {@link #FUNCTIONS_FAILED} above 0), told apart from a point that could not run (its
     * {@code problem}).
     */
    public static boolean ranWithFailures(Point p) {
        MetricStats e = p.metrics().get(INVOKE_ERRORS);
        MetricStats f = p.metrics().get(FUNCTIONS_FAILED);
        return p.problem() == null && (e != null && e.mean() > 0 || f != null && f.mean() > 0);
    }

    /** Every arrival rate multiplied by {@code factor}. */
    public static Scenario scaleTraffic(Scenario s, double factor) {
        List<Scenario.Function> fns = new ArrayList<>();
        for (Scenario.Function f : s.functions()) {
            fns.add(f.withArrivals(f.arrivals().scaled(factor)));
        }
        return s.withFunctions(fns); // not withTraffic: a factor of 1 still copies, as every point did before
    }
}
