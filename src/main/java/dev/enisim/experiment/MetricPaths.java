package dev.enisim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.Suggest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dotted paths into a summary tree ({@code invocations.errors.ResourceNotReadyException},
 * {@code subnets.subnet-a.minAvailableIps}, {@code functions.orders-api.finalState}). Keys may themselves contain
 * dots, so each step takes the longest key that matches. Unknown paths get the closest known paths.
 */
public final class MetricPaths {

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

    /** Every leaf (number, string, boolean, null) by its path, sorted. */
    public static Map<String, JsonNode> leaves(JsonNode root) {
        Map<String, JsonNode> out = new TreeMap<>();
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

    /** "unknown metric 'x' (did you mean: a, b, c)". */
    public static String unknown(JsonNode root, String path) {
        List<String> all = new ArrayList<>(leaves(root).keySet());
        List<String> close = new ArrayList<>();
        String best = Suggest.closest(path, all);
        if (best != null) {
            close.add(best);
        }
        String parent = path.contains(".") ? path.substring(0, path.lastIndexOf('.')) : "";
        for (String p : all) {
            if (close.size() >= 5) {
                break;
            }
            if (!parent.isEmpty() && p.startsWith(parent + ".") && !close.contains(p)) {
                close.add(p);
            }
        }
        return "unknown metric '" + path + "'" + (close.isEmpty() ? "" : " (did you mean: "
                + String.join(", ", close) + ")");
    }
}
