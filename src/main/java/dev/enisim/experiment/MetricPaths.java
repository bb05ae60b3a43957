package dev.enisim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.Suggest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dotted paths into a summary tree ({@code invocations.errors.ResourceNotReadyException},
 * {@code subnets.subnet-a.minAvailableIps}, {@code functions.orders-api.finalState}). Keys may themselves contain
 * dots, so each step takes the longest key that matches. Unknown paths get the closest known paths.
 */
public final class MetricPaths {

    private static final int MAX_SUGGESTIONS = 5;

    private MetricPaths() {
    }

    /** The node at {@code path} ({@code [i]} indexes a list), or null. */
    public static JsonNode find(JsonNode root, String path) {
        JsonNode n = root;
        String rest = path;
        while (!rest.isEmpty()) {
            if (rest.startsWith("[")) {
                int end = rest.indexOf(']');
                if (n == null || !n.isArray() || end < 0) {
                    return null;
                }
                try {
                    n = n.get(Integer.parseInt(rest.substring(1, end)));
                } catch (NumberFormatException e) {
                    return null;
                }
                rest = rest.substring(end + 1);
                rest = rest.startsWith(".") ? rest.substring(1) : rest;
                continue;
            }
            if (n == null || !n.isObject()) {
                return null;
            }
            String match = null;
            for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if ((rest.equals(k) || rest.startsWith(k + ".") || rest.startsWith(k + "["))
                        && (match == null || k.length() > match.length())) {
                    match = k;
                }
            }
            if (match == null) {
                return null;
            }
            n = n.get(match);
            rest = rest.substring(match.length());
            rest = rest.startsWith(".") ? rest.substring(1) : rest;
        }
        return n;
    }

    /**
     * Whether a path is one of the run's inputs (summary.json's {@code settings}: the figures the scenario set, the
     * same in every replication), not an outcome: replicated statistics and comparisons leave them out (a compare
     * with {@code --set hyperplane.idleReclaimAfter=1d} listed the setting itself as a significant difference);
     * {@code check} still reads them.
     */
    public static boolean isInput(String path) {
        return path.equals("settings") || path.startsWith("settings.") || path.startsWith("settings[");
    }

    /** Every leaf (number, string, boolean, null) by its path, in the order of the summary. */
    public static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(JsonNode n, String prefix, Map<String, JsonNode> out) {
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                collect(e.getValue(), prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) {
                collect(n.get(i), prefix + "[" + i + "]", out);
            }
        } else {
            out.put(prefix, n);
        }
    }

    /**
     * "unknown metric 'x' (did you mean: a, b, c)": the closest path by edit distance, then the metrics next to
     * where the path stops matching; a list index past the end says how long the list is.
     */
    public static String unknown(JsonNode root, String path) {
        String known = longestKnownPrefix(root, path);
        JsonNode there = known.isEmpty() ? root : find(root, known);
        if (there != null && there.isArray()) {
            return "unknown metric '" + path + "': '" + known + "' has " + there.size() + " element(s) in this run"
                    + (there.isEmpty() ? "" : " ([0] to [" + (there.size() - 1) + "])");
        }
        List<String> all = new ArrayList<>(leaves(root).keySet());
        List<String> close = new ArrayList<>();
        String best = Suggest.closest(path, all);
        if (best != null) {
            close.add(best);
        }
        for (String p : all) {
            if (close.size() >= MAX_SUGGESTIONS) {
                break;
            }
            if (!close.contains(p) && (known.isEmpty() ? !p.contains(".") : p.startsWith(known + ".")
                    || p.startsWith(known + "["))) {
                close.add(p);
            }
        }
        return "unknown metric '" + path + "'" + (close.isEmpty() ? "" : " (did you mean: "
                + String.join(", ", close) + (close.size() == MAX_SUGGESTIONS ? ", ..." : "") + ")");
    }

    /** "'functions.api' is a group of metrics (functions.api.invocations, ...): name one of them". */
    public static String group(JsonNode root, String path) {
        List<String> inside = new ArrayList<>();
        for (String p : leaves(find(root, path)).keySet()) {
            if (inside.size() == MAX_SUGGESTIONS) {
                inside.add("...");
                break;
            }
            inside.add(p.startsWith("[") ? path + p : path + "." + p);
        }
        return "'" + path + "' is a group of metrics (" + String.join(", ", inside) + "): name one of them";
    }

    /** The longest prefix of {@code path} (cut at a dot or a bracket) that exists in the tree. */
    private static String longestKnownPrefix(JsonNode root, String path) {
        for (int end = path.length(); end > 0; end--) {
            char c = end < path.length() ? path.charAt(end) : '.';
            if ((c == '.' || c == '[') && find(root, path.substring(0, end)) != null) {
                return path.substring(0, end);
            }
        }
        return "";
    }
}
