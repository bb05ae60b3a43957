package dev.enisim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * {@code --set path=value}: changes a scenario tree before it is validated. Paths are dotted field names with
 * list selectors: an index ({@code vpcs[0]}), every element ({@code subnets[*]}), or the element whose
 * {@code name} or {@code id} is the selector ({@code functions[orders-api]}). The value is read as YAML, so
 * {@code 200} is a number, {@code 10.0.1.0/24} a string, {@code [a, b]} a list; the normal validation then
 * checks it. A path that leads nowhere is an error naming the keys that exist there.
 */
public final class Overrides {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Overrides() {
    }

    /** Applies {@code path=value} assignments in order to a copy of {@code tree}. */
    public static JsonNode apply(JsonNode tree, List<String> assignments, String source) throws ScenarioException {
        JsonNode copy = tree.deepCopy();
        List<Problem> problems = new ArrayList<>();
        for (String a : assignments) {
            int eq = a.indexOf('=');
            if (eq <= 0) {
                problems.add(new Problem("--set " + a, "expected PATH=VALUE, e.g. functions[orders-api].memoryMb=512"));
                continue;
            }
            String path = a.substring(0, eq).trim();
            JsonNode value;
            try {
                value = YAML.readTree(a.substring(eq + 1));
            } catch (Exception e) {
                problems.add(new Problem("--set " + path, "the value is not valid YAML: " + e.getMessage()));
                continue;
            }
            String error = set(copy, path, value == null ? YAML.nullNode() : value);
            if (error != null) {
                problems.add(new Problem("--set " + path, error));
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(source, problems);
        }
        return copy;
    }

    /** Applies one assignment; returns an error message, or null. */
    static String set(JsonNode root, String path, JsonNode value) {
        List<String> steps = steps(path);
        if (steps == null) {
            return "malformed path (expected names and [index], [*] or [name] selectors)";
        }
        List<JsonNode> nodes = List.of(root);
        for (int i = 0; i < steps.size() - 1; i++) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode n : nodes) {
                String error = descend(n, steps.get(i), next);
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
                String error = descend(n, last, unused);
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
                obj.set(last, value.deepCopy());
            } else {
                return "'" + last + "' is set on something that is not an object";
            }
        }
        return null;
    }

    private static String descend(JsonNode n, String step, List<JsonNode> out) {
        if (!step.startsWith("[")) {
            if (!n.isObject() || !n.has(step)) {
                List<String> keys = new ArrayList<>();
                if (n.isObject()) {
                    for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                        keys.add(it.next());
                    }
                }
                String close = Suggest.closest(step, keys);
                return "no '" + step + "' here (present: " + (keys.isEmpty() ? "nothing" : String.join(", ", keys))
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
        if (sel.chars().allMatch(Character::isDigit) && !sel.isEmpty()) {
            int i = Integer.parseInt(sel);
            if (i >= n.size()) {
                return "index " + i + " out of range (the list has " + n.size() + " elements)";
            }
            out.add(n.get(i));
            return null;
        }
        List<String> names = new ArrayList<>();
        for (JsonNode e : n) {
            String name = e.has("name") ? e.get("name").asText() : e.has("id") ? e.get("id").asText() : null;
            if (sel.equals(name)) {
                out.add(e);
                return null;
            }
            if (name != null) {
                names.add(name);
            }
        }
        String close = Suggest.closest(sel, names);
        return "no element named '" + sel + "' (present: " + String.join(", ", names) + ")"
                + (close == null ? "" : "; did you mean '" + close + "'?");
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
