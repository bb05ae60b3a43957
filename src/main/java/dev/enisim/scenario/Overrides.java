package dev.enisim.scenario;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --set path=value}: changes a scenario tree before it is validated. Paths are dotted field names with
 * list selectors: an index ({@code vpcs[0]}), every element ({@code subnets[*]}), or the element whose
 * {@code name} or {@code id} is the selector ({@code functions[orders-api]}; a function whose name several accounts
 * have, by its label: {@code functions[222222222222:api]}, see {@link FunctionLabels}). The value is read as YAML, so
 * {@code 200} is a number, {@code 10.0.1.0/24} a string, {@code [a, b]} a list; the normal validation then
 * checks it. A missing block is created (a scenario need not spell out the defaults it overrides), and the
 * validation rejects a key the format does not have, naming the close ones. A missing distribution that has a
 * default ({@code hyperplane.eniDeleteTime}, under the scenario's {@code assumptions} preset) starts from that
 * default, so {@code hyperplane.eniDeleteTime.median=20m} changes its median and keeps its {@code dist}, {@code p99}
 * and {@code cap}; a later {@code dist} of another kind drops the keys the default brought. A selector that
 * matches nothing, or an index past the end, is an error naming what is there.
 */
public final class Overrides {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String LIST = "a list: select its elements with [index], [*] or [name] before '.'";

    private Overrides() {
    }

    /** Applies {@code path=value} assignments in order to a copy of {@code tree}. */
    public static JsonNode apply(JsonNode tree, List<String> assignments, String source) throws ScenarioException {
        List<Problem> problems = new ArrayList<>();
        JsonNode applied = applyValid(tree, assignments, problems);
        JsonNode copy = applied == tree ? tree.deepCopy() : applied; // a copy, which its callers may change
        for (String a : assignments) {
            if (isTraffic(a)) { // a tree has no such field: only the commands that load a scenario scale it
                problems.add(new Problem("--set traffic", "a factor on every arrival rate, which run, check, compare,"
                        + " explain and plan take; not here"));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        return copy;
    }

    /**
     * The assignments as the command line's options, in order: {@code --set traffic=10 --set
     * 'vpcs[0].subnets[1].otherUsedIps=251'} (one quoted as a shell needs it: brackets, spaces, quotes...), for the
     * line with which every output of a run with overrides says so. Empty for none.
     */
    public static String options(List<String> assignments) {
        StringBuilder b = new StringBuilder();
        for (String a : assignments) {
            b.append(b.length() == 0 ? "" : " ").append("--set ").append(a.matches("[A-Za-z0-9_.,:/=+@%-]+") ? a
                    : "'" + a.replace("'", "'\\''") + "'");
        }
        return b.toString();
    }

    /**
     * Why a traffic factor of 0 is refused, and what to do instead (a planner's review asked for "the ENIs after the
     * deploy only"): every arrival process of a scenario is defined by rates above 0 (a file's {@code poisson: 0/s} is
     * refused too), and the question needs no zero: a Hyperplane ENI is made when its function is created or its VPC
     * configuration changes, not by an invocation.
     */
    public static final String ZERO_TRAFFIC = "0 would remove every arrival, and an arrival process needs a rate above"
            + " 0. A function's Hyperplane ENIs are made when it is created (or its VPC configuration changes), not by"
            + " its invocations: for the ENIs of the deployment alone, give a small factor such as 0.001 (a few"
            + " invocations) and read enis.peak";

    /** What {@code --set traffic=F} is, beside it where the file's text is shown. */
    public static final String TRAFFIC_NOTE = "a factor on every arrival rate: the file's rates were multiplied by it";

    /** Whether {@code assignment} is {@code traffic=F}, the factor on every arrival rate (not a field). */
    public static boolean isTrafficAssignment(String assignment) {
        return isTraffic(assignment);
    }

    /** The special path {@code traffic}: a factor on every arrival rate, as in {@code sweep --vary traffic=...}. */
    public static final String TRAFFIC = "traffic";

    private static boolean isTraffic(String assignment) {
        int eq = assignment.indexOf('=');
        return eq > 0 && assignment.substring(0, eq).trim().equals(TRAFFIC);
    }

    /**
     * The factor of the {@code --set traffic=F} assignments (their product; 1 without one), for
     * {@link Scenario#withTraffic}: "what happens at 10x" as a whole run, report and comparison. A factor that is
     * not a number above 0 is a problem added to {@code problems}.
     */
    public static double traffic(List<String> assignments, List<Problem> problems) {
        double factor = 1;
        for (String a : assignments) {
            if (!isTraffic(a)) {
                continue;
            }
            String v = a.substring(a.indexOf('=') + 1).trim();
            double f;
            try {
                f = Double.parseDouble(v);
            } catch (NumberFormatException e) {
                f = Double.NaN;
            }
            if (!(f > 0) || Double.isInfinite(f)) {
                problems.add(new Problem("--set traffic", "expected a factor above 0 on every arrival rate (0.5"
                        + " halves the traffic, 10 is ten times), got " + Problem.quote(v) + (f == 0 ? "; " + ZERO_TRAFFIC
                        : Double.isInfinite(f) && f > 0 ? ", beyond a double's range (a finite number is expected)"
                        : "")));
                continue;
            }
            factor *= f;
        }
        return factor;
    }

    /**
     * A copy of {@code tree} with every assignment that can be applied; the others' problems are added to
     * {@code problems}, so that a command can report them with the scenario's own, all at once. Without a field's
     * assignment, {@code tree} itself: a YAML tree's aliases share their anchors' nodes ({@link YamlTree}), which a
     * copy expands (a chain of aliases, a few kilobytes of text, took 1.1 GB copied).
     */
    public static JsonNode applyValid(JsonNode tree, List<String> assignments, List<Problem> problems) {
        JsonNode copy = assignments.stream().allMatch(Overrides::isTraffic) ? tree : tree.deepCopy();
        Filled filled = new Filled(preset(tree, assignments));
        for (String a : assignments) {
            if (isTraffic(a)) {
                continue; // not a field: see traffic()
            }
            int eq = a.indexOf('=');
            if (eq <= 0) {
                problems.add(new Problem("--set " + a, "expected PATH=VALUE, e.g. functions[orders-api].memoryMb=512"));
                continue;
            }
            String path = a.substring(0, eq).trim();
            JsonNode value;
            try {
                value = value(a.substring(eq + 1), "--set " + path, problems);
            } catch (JsonProcessingException e) {
                problems.add(new Problem("--set " + path, "the value " + Problem.quote(a.substring(eq + 1))
                        + " is not valid YAML (quote it, or write lists as [a, b] and maps as {k: v}): "
                        + ParserMessage.clean(e.getOriginalMessage().lines().findFirst().orElse(""))));
                continue;
            } catch (java.io.IOException e) { // a second document, an alias bomb: the reader's own words
                problems.add(new Problem("--set " + path, "the value " + Problem.quote(a.substring(eq + 1)) + ": "
                        + e.getMessage()));
                continue;
            }
            if (value == null) {
                continue; // its problems are said
            }
            String error = set(copy, path, value, filled);
            if (error != null) {
                problems.add(new Problem("--set " + path, error));
            }
        }
        return copy;
    }

    /**
     * The distributions made from their defaults by earlier assignments, each with the keys its default brought
     * that no assignment has set since, and the preset whose defaults they are.
     */
    private record Filled(AssumptionPreset preset, Map<JsonNode, Set<String>> keys) {
        Filled(AssumptionPreset preset) {
            this(preset, new IdentityHashMap<>());
        }
    }

    /**
     * The value of an assignment, read as a scenario file's values are ({@link YamlTree}: {@code [&a 1, *a]} is two
     * ones; a repeated key, an undefined alias or a tag is a problem at {@code at}); no text at all is a missing value,
     * as it was ("got nothing"); null when the value has a problem, added to {@code problems}.
     */
    private static JsonNode value(String text, String at, List<Problem> problems) throws java.io.IOException {
        List<Problem> found = new ArrayList<>();
        JsonNode value = YamlTree.read(text, found);
        for (Problem f : found) {
            String inside = f.path().isEmpty() || f.path().startsWith("[") ? f.path() : "." + f.path();
            problems.add(new Problem(at + inside, f.message()));
        }
        return !found.isEmpty() ? null : value == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance()
                : value;
    }

    /**
     * The preset the scenario will have once every assignment is made (the last {@code --set assumptions=...},
     * else the file's), whose defaults a missing distribution starts from; the default preset when it is none.
     */
    private static AssumptionPreset preset(JsonNode tree, List<String> assignments) {
        String label = tree.path("assumptions").asText(AssumptionPreset.DEFAULT.label());
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq > 0 && a.substring(0, eq).trim().equals("assumptions")) {
                label = a.substring(eq + 1).trim();
            }
        }
        AssumptionPreset p = AssumptionPreset.of(label);
        return p == null ? AssumptionPreset.DEFAULT : p;
    }

    /**
     * The default of the distribution at {@code path} ({@code hyperplane.eniDeleteTime}, {@code functions[*]
     * .initDuration}) as a tree, or null when the path is no distribution with a default.
     */
    private static ObjectNode defaultDistribution(String path, AssumptionPreset preset) {
        String text = path.equals("hyperplane.eniCreateTime") ? preset.eniCreateTimeText()
                : path.equals("hyperplane.eniDeleteTime") ? preset.eniDeleteTimeText() : null;
        if (text == null) {
            for (Defaults.Entry e : Defaults.TABLE) {
                if (e.unit() == Defaults.Unit.DISTRIBUTION && e.path().equals(path)) {
                    text = e.text();
                }
            }
        }
        try {
            JsonNode d = text == null ? null : YAML.readTree(text);
            if (d != null && d.isTextual()) { // a plain duration (attachExistingTime: 5s) is a constant
                ObjectNode o = YAML.createObjectNode();
                return o.put("dist", "constant").put("value", d.asText());
            }
            return d instanceof ObjectNode o ? o : null;
        } catch (JsonProcessingException e) {
            return null; // a default that is no distribution's text: an empty block, as for any other
        }
    }

    /** The path of {@code steps[0..last]} with every selector as {@code [*]}, as {@link Defaults} names fields. */
    private static String generic(List<String> steps, int last) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            String step = steps.get(i);
            b.append(step.startsWith("[") ? "[*]" : (b.length() == 0 ? "" : ".") + step);
        }
        return b.toString();
    }

    /** Applies one assignment; returns an error message, or null. */
    static String set(JsonNode root, String path, JsonNode value) {
        return set(root, path, value, new Filled(preset(root, List.of())));
    }

    private static String set(JsonNode root, String path, JsonNode value, Filled filled) {
        List<String> steps = steps(path);
        if (steps == null) {
            return "malformed path (expected names and [index], [*] or [name] selectors)";
        }
        List<JsonNode> nodes = List.of(root);
        for (int i = 0; i < steps.size() - 1; i++) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : nodes) {
                // a block left to its defaults (no hyperplane: in the file) is created; the validation then
                // rejects a key that the format does not have, naming the keys it does
                if (n instanceof ObjectNode obj && !steps.get(i).startsWith("[") && !obj.has(steps.get(i))
                        && !steps.get(i + 1).startsWith("[")) {
                    ObjectNode made = obj.putObject(steps.get(i));
                    ObjectNode dflt = i == steps.size() - 2 && !steps.get(i + 1).equals("dist")
                            ? defaultDistribution(generic(steps, i), filled.preset()) : null;
                    if (dflt != null) { // a distribution left to its default: a part set is the default's part
                        made.setAll(dflt);
                        Set<String> keys = new HashSet<>();
                        dflt.fieldNames().forEachRemaining(keys::add);
                        filled.keys().put(made, keys);
                    }
                }
                String error = descend(root, n, steps.get(i), next);
                if (error != null) {
                    return error;
                }
            }
            nodes = next;
        }
        String last = steps.get(steps.size() - 1);
        for (JsonNode n : nodes) {
            if (last.startsWith("[")) {
                List<JsonNode> unused = new ArrayList<>();
                String error = descend(root, n, last, unused);
                if (error != null) {
                    return error;
                }
                if (!(n instanceof ArrayNode arr)) {
                    return "not a list";
                }
                for (int j = 0; j < arr.size(); j++) {
                    for (JsonNode selected : unused) {
                        if (selected == arr.get(j)) { // identity: equal-looking elements are not the same one
                            arr.set(j, value.deepCopy());
                            break;
                        }
                    }
                }
            } else if (n instanceof ObjectNode obj) {
                Set<String> fromDefault = filled.keys().get(obj);
                if (fromDefault != null) {
                    fromDefault.remove(last);
                    if (last.equals("dist") && !value.equals(obj.get("dist"))) {
                        obj.remove(fromDefault); // another kind of distribution: the default's parameters are not its
                        fromDefault.clear();
                    }
                }
                obj.set(last, value.deepCopy());
            } else {
                return n.isArray() ? LIST : Problem.quote(last) + " is set on something that is not an object";
            }
        }
        return null;
    }

    /** The element of list {@code n} whose name (else id) is {@code sel}, or null. */
    private static JsonNode named(JsonNode n, String sel) {
        for (JsonNode e : n) {
            if (sel.equals(nameOf(e))) {
                return e;
            }
        }
        return null;
    }

    private static String nameOf(JsonNode e) {
        return e.has("name") ? e.get("name").asText() : e.has("id") ? e.get("id").asText() : null;
    }

    /**
     * A selector of the scenario's {@code functions}: the function of that label ({@link FunctionLabels}: its name,
     * or {@code <account>:<name>} when several accounts have the name); a name several accounts have is an error
     * naming the labels, not the first of them. Null when {@code n} is not the functions list.
     */
    private static String function(JsonNode root, JsonNode n, String sel, List<JsonNode> out) {
        if (n != root.path("functions")) {
            return null;
        }
        FunctionLabels labels = FunctionLabels.of(root);
        if (!labels.any()) {
            return null; // names are labels: as any list
        }
        List<String> present = new ArrayList<>();
        for (JsonNode e : n) {
            String label = labels.function(e);
            if (sel.equals(label)) {
                out.add(e);
                return "";
            }
            if (label != null) {
                present.add(label);
            }
        }
        List<String> several = labels.functionsNamed(sel);
        if (!several.isEmpty()) {
            return FunctionLabels.ambiguous("function", sel, several);
        }
        String close = Suggest.closest(sel, present);
        return "no element named " + Problem.quote(sel) + " (present: " + String.join(", ", present) + ")"
                + (close == null ? "" : "; did you mean '" + close + "'?");
    }

    private static String descend(JsonNode root, JsonNode n, String step, List<JsonNode> out) {
        if (!step.startsWith("[")) {
            if (n.isArray()) {
                return LIST;
            }
            if (!n.isObject() || !n.has(step)) {
                List<String> keys = new ArrayList<>();
                if (n.isObject()) {
                    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                        keys.add(it.next());
                    }
                }
                String close = Suggest.closest(step, keys);
                return "no " + Problem.quote(step) + " here (present: " + (keys.isEmpty() ? "nothing" : String.join(", ", keys))
                        + ")" + (close == null ? "" : "; did you mean '" + close + "'?");
            }
            out.add(n.get(step));
            return null;
        }
        if (!n.isArray()) {
            return "selector " + step + " on something that is not a list";
        }
        String sel = step.substring(1, step.length() - 1);
        if (sel.equals("*")) {
            n.forEach(out::add);
            return null;
        }
        boolean index = sel.chars().allMatch(c -> c >= '0' && c <= '9') && !sel.isEmpty();
        String labelled = index ? null : function(root, n, sel, out);
        if (labelled != null) {
            return labelled.isEmpty() ? null : labelled;
        }
        if (index) {
            int i = sel.length() > 9 ? Integer.MAX_VALUE : Integer.parseInt(sel);
            if (i < n.size()) {
                out.add(n.get(i));
                return null;
            }
            // digits that are no index of the list: an element of that id or name (accounts[400000000000])
            JsonNode named = named(n, sel);
            if (named != null) {
                out.add(named);
                return null;
            }
            return "index " + sel + " out of range (" + has(n.size()) + ")";
        }
        List<String> names = new ArrayList<>();
        for (JsonNode e : n) {
            String name = nameOf(e);
            if (sel.equals(name)) {
                out.add(e);
                return null;
            }
            if (name != null) {
                names.add(name);
            }
        }
        String close = Suggest.closest(sel, names);
        return "no element named " + Problem.quote(sel) + " (present: " + String.join(", ", names) + ")"
                + (close == null ? "" : "; did you mean '" + close + "'?");
    }

    /** "the list has 1 element", "the list has 3 elements". */
    private static String has(int size) {
        return "the list has " + size + (size == 1 ? " element" : " elements");
    }

    /** Splits {@code a.b[0].c[*]} into {@code a, b, [0], c, [*]}; null when malformed. */
    static List<String> steps(String path) {
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                i++;
                continue;
            }
            if (c == '[') {
                int end = path.indexOf(']', i);
                if (end < 0) {
                    return null;
                }
                out.add(path.substring(i, end + 1));
                i = end + 1;
            } else {
                int end = i;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                out.add(path.substring(i, end));
                i = end;
            }
        }
        return out.isEmpty() ? null : out;
    }
}
