package dev.enisim.check;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.experiment.MetricPaths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A run's summary against a committed one, leaf by leaf. Whole numbers (counts) must match exactly; other numbers
 * within a relative tolerance (0 by default: a deterministic run reproduces them exactly); text exactly.
 */
public final class Baseline {

    /** One difference: {@code expected} is the baseline's value ("(none)" when the leaf is new). */
    public record Diff(String path, String expected, String actual) {
        /** Whether the leaf echoes the scenario (an input such as a subnet's otherUsedIps) rather than a result. */
        public boolean input() {
            return INPUT.matcher(path).find();
        }

        @Override
        public String toString() {
            return path + ": " + expected + " -> " + actual;
        }
    }

    /**
     * Summary leaves that are the scenario's own values (its name, seed, length, quotas, subnets, keys, settings, the
     * {@code --set} overrides it ran with): when one differs, it is the cause of the other differences, so it is listed
     * first. (A run with --set traffic=1.5 against a baseline without it was said to drift with "no input changed, so
     * the model or its code did".)
     */
    // a baseline of replications holds them under "metrics." with their statistics after (".mean", ".sd", ...)
    static final java.util.regex.Pattern INPUT = java.util.regex.Pattern.compile("^(metrics\\.)?(scenario|seed|overrides|settings|replications?"
            + "|simulatedSeconds|vpcs\\.[^.]+\\.eniQuota|subnets\\.[^.]+\\.(cidr|az|usableIps|otherUsedIps)"
            + "|eniKeys\\..+\\.(vpc|subnet|securityGroups\\[\\d+\\]))(\\.|\\[|$)");

    private Baseline() {
    }

    /**
     * What to make of differences that are all leaves the baseline lacks ({@code (none) -> 0}), or null when some
     * leaf it has differs: an enisim that adds metrics to the summary made every baseline of an older one drift, and
     * the check said only "N difference(s)", as for a changed model.
     */
    public static String newLeavesOnly(List<Diff> diffs) {
        if (diffs.isEmpty() || !diffs.stream().allMatch(d -> "(none)".equals(d.expected()))) {
            return null;
        }
        return "every difference is a leaf the baseline lacks: if an older enisim wrote it (its summary had fewer"
                + " metrics) and the scenario did not change, nothing drifted; --update-baseline rewrites it";
    }

    /** The differing leaves, the scenario's inputs first (the cause), then the results, each in summary order. */
    public static List<Diff> compare(JsonNode baseline, JsonNode actual, double relativeTolerance) {
        Map<String, JsonNode> a = MetricPaths.leaves(baseline);
        Map<String, JsonNode> b = MetricPaths.leaves(actual);
        Set<String> paths = new LinkedHashSet<>(a.keySet());
        paths.addAll(b.keySet());
        List<Diff> out = new ArrayList<>();
        for (String p : paths) {
            JsonNode x = a.get(p);
            JsonNode y = b.get(p);
            if (x == null || y == null) {
                out.add(new Diff(p, x == null ? "(none)" : x.asText(), y == null ? "(none)" : y.asText()));
            } else if (!same(x, y, relativeTolerance) && !unmeasuredInBoth(a, b, p, x, y)) {
                out.add(new Diff(p, text(x), text(y)));
            }
        }
        List<Diff> ordered = new ArrayList<>();
        out.stream().filter(Diff::input).forEach(ordered::add);
        out.stream().filter(d -> !d.input()).forEach(ordered::add);
        return ordered;
    }

    /**
     * A latency percentile that a baseline written by an older enisim holds as 0 and this run as {@code null} (or
     * the other way), its count 0 in both: the same "nothing measured", written the old way (summary.json wrote 0
     * for it then), so not a drift.
     */
    private static boolean unmeasuredInBoth(Map<String, JsonNode> a, Map<String, JsonNode> b, String path,
            JsonNode x, JsonNode y) {
        if (!(x.isNull() && y.isNumber() && y.asDouble() == 0 || y.isNull() && x.isNumber() && x.asDouble() == 0)) {
            return false;
        }
        int dot = path.lastIndexOf('.');
        if (dot < 0) {
            return false;
        }
        String counted = path.substring(0, dot) + (path.substring(dot + 1).startsWith("coldStart") ? ".coldStarts"
                : ".count");
        return zero(a.get(counted)) && zero(b.get(counted));
    }

    private static boolean zero(JsonNode n) {
        return n != null && n.isIntegralNumber() && n.asLong() == 0;
    }

    private static boolean same(JsonNode x, JsonNode y, double tolerance) {
        if (x.isNumber() && y.isNumber()) {
            if (x.isIntegralNumber() && y.isIntegralNumber()) {
                return x.asLong() == y.asLong();
            }
            double u = x.asDouble();
            double v = y.asDouble();
            return u == v || Math.abs(u - v) <= tolerance * Math.max(Math.abs(u), Math.abs(v));
        }
        return x.equals(y);
    }

    private static String text(JsonNode n) {
        if (n.isNumber() && !n.isIntegralNumber()) {
            return String.format(Locale.ROOT, "%s", n.asDouble());
        }
        return n.isNull() ? "null" : n.asText();
    }
}
