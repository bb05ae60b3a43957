package dev.enisim.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * A node of the scenario tree with its path, for reading fields with their units and reporting every problem
 * with the path it was found at. Reading a bad or missing field records a problem and returns the default,
 * so that reading goes on and all problems are reported at once.
 */
final class Fields {

    private final JsonNode json;
    private final String path;
    private final List<Problem> problems;

    Fields(JsonNode json, String path, List<Problem> problems) {
        this.json = json;
        this.path = path;
        this.problems = problems;
    }

    String path() {
        return path;
    }

    JsonNode json() {
        return json;
    }

    String pathOf(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    void problem(String message) {
        problems.add(new Problem(path, message));
    }

    void problem(String name, String message) {
        problems.add(new Problem(pathOf(name), message));
    }

    /** Adds problems found reading a part on its own (with their own paths). */
    void addAll(List<Problem> found) {
        problems.addAll(found);
    }

    /** Problems found so far in the whole file (to tell whether a part read cleanly). */
    int problemCount() {
        return problems.size();
    }

    boolean has(String name) {
        return json != null && json.has(name) && !json.get(name).isNull();
    }

    /** The child object {@code name}, or null (with a problem) when it is there but not an object. */
    Fields object(String name) {
        if (!has(name)) {
            return null;
        }
        JsonNode n = json.get(name);
        if (!n.isObject()) {
            problem(name, "expected an object (key: value pairs), got " + describe(n));
            return null;
        }
        return new Fields(n, pathOf(name), problems);
    }

    Fields child(String name) {
        return new Fields(json == null ? null : json.get(name), pathOf(name), problems);
    }

    /** The elements of list {@code name} (empty when absent; a problem when not a list). */
    List<Fields> list(String name) {
        List<Fields> out = new ArrayList<>();
        if (!has(name)) {
            return out;
        }
        JsonNode n = json.get(name);
        if (!n.isArray()) {
            problem(name, "expected a list, got " + describe(n));
            return out;
        }
        for (int i = 0; i < n.size(); i++) {
            out.add(new Fields(n.get(i), pathOf(name) + "[" + i + "]", problems));
        }
        return out;
    }

    /**
     * The elements of list {@code name} that are objects; any other element is a problem at its own path
     * ({@code functions[0]: expected an object ..., got 5}) rather than one "is required" per missing field.
     */
    List<Fields> objects(String name) {
        List<Fields> out = new ArrayList<>();
        for (Fields f : list(name)) {
            if (f.json != null && f.json.isObject()) {
                out.add(f);
            } else {
                f.problem("expected an object (key: value pairs), got " + describe(f.json));
            }
        }
        return out;
    }

    /** A list of strings, each non-empty and distinct. */
    List<String> strings(String name) {
        List<String> out = new ArrayList<>();
        for (Fields f : list(name)) {
            if (!f.json.isTextual() || f.json.asText().isBlank()) {
                f.problem("expected a non-empty string, got " + describe(f.json));
            } else if (out.contains(f.json.asText())) {
                f.problem(Problem.quote(f.json.asText()) + " is listed twice");
            } else {
                out.add(f.json.asText());
            }
        }
        return out;
    }

    String text(String name, String dflt) {
        if (!has(name)) {
            return dflt;
        }
        JsonNode n = json.get(name);
        if (!n.isTextual() && !n.isNumber() && !n.isBoolean()) {
            problem(name, "expected a string, got " + describe(n));
            return dflt;
        }
        return n.asText();
    }

    String requireText(String name) {
        if (!has(name)) {
            problem(name, "is required");
            return null;
        }
        String s = text(name, null);
        if (s != null && s.isBlank()) {
            problem(name, "must not be empty");
            return null;
        }
        return s;
    }

    /** A whole number in [min, max]. */
    long integer(String name, long dflt, long min, long max) {
        if (!has(name)) {
            return dflt;
        }
        JsonNode n = json.get(name);
        if (!n.isIntegralNumber()) {
            problem(name, "expected a whole number, got " + describe(n));
            return dflt;
        }
        // asLong() wraps a number beyond the long range, which could land back inside [min, max]
        if (!n.canConvertToLong()) {
            problem(name, "expected a whole number from " + min + " to " + max + ", got " + n);
            return dflt;
        }
        long v = n.asLong();
        if (v < min || v > max) {
            problem(name, "expected a whole number from " + min + " to " + max + ", got " + v);
            return dflt;
        }
        return v;
    }

    Long requireInteger(String name, long min, long max) {
        if (!has(name)) {
            problem(name, "is required");
            return null;
        }
        long v = integer(name, Long.MIN_VALUE, min, max);
        return v == Long.MIN_VALUE ? null : v;
    }

    /** A duration with a unit, in microseconds; {@code dflt} when absent or bad. */
    long duration(String name, long dflt) {
        if (!has(name)) {
            return dflt;
        }
        JsonNode n = json.get(name);
        if (!n.isTextual()) {
            problem(name, Units.DURATION_HINT + ", got " + describe(n));
            return dflt;
        }
        try {
            return Units.durationMicros(n.asText());
        } catch (IllegalArgumentException e) {
            problem(name, e.getMessage());
            return dflt;
        }
    }

    Long requireDuration(String name) {
        if (!has(name)) {
            problem(name, "is required (" + Units.DURATION_HINT + ")");
            return null;
        }
        long v = duration(name, Long.MIN_VALUE);
        return v == Long.MIN_VALUE ? null : v;
    }

    /** A fraction 0 < x <= 1; {@code dflt} when absent or bad. */
    double fraction(String name, double dflt) {
        if (!has(name)) {
            return dflt;
        }
        JsonNode n = json.get(name);
        if (!n.isNumber() || !(n.asDouble() > 0 && n.asDouble() <= 1)) {
            problem(name, "expected a number above 0 and at most 1, got " + describe(n));
            return dflt;
        }
        return n.asDouble();
    }

    /** true or false; {@code dflt} when absent or bad. */
    boolean flag(String name, boolean dflt) {
        if (!has(name)) {
            return dflt;
        }
        JsonNode n = json.get(name);
        if (!n.isBoolean()) {
            problem(name, "expected true or false, got " + describe(n));
            return dflt;
        }
        return n.asBoolean();
    }

    /** A rate with a unit, per second; NaN when bad. */
    double rate(String name) {
        JsonNode n = json.get(name);
        if (n == null || !n.isTextual()) {
            problem(name, Units.RATE_HINT + ", got " + describe(n));
            return Double.NaN;
        }
        try {
            return Units.ratePerSecond(n.asText());
        } catch (IllegalArgumentException e) {
            problem(name, e.getMessage());
            return Double.NaN;
        }
    }

    /** The start of an unknown key's problem (said at the key's line, even when its value is an alias). */
    static final String UNKNOWN_KEY = "unknown key ";

    /** The prefix of a top-level key a scenario may give for its own use (anchors): {@code x-defaults}. */
    static final String EXTENSION = "x-";

    /** Reports every key that is not one of {@code allowed}, with the closest allowed key as a hint. */
    void allowOnly(String... allowed) {
        allowOnly(false, allowed);
    }

    /**
     * {@link #allowOnly(String...)}, and with {@code extensions} every key starting with {@code x-} is the user's own
     * and ignored: a place for YAML anchors that no function owns ({@code x-defaults: &defaults {...}}, then
     * {@code <<: *defaults} in each of 600 functions), as Docker Compose allows at its top level.
     */
    void allowOnly(boolean extensions, String... allowed) {
        if (json == null || !json.isObject()) {
            return;
        }
        List<String> keys = Arrays.asList(allowed);
        for (Iterator<String> it = json.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!keys.contains(k) && !(extensions && k.startsWith(EXTENSION))) {
                String hint = Suggest.key(k, keys);
                problem(k, UNKNOWN_KEY + Problem.quote(k) + " (expected one of: " + String.join(", ", keys)
                        + (extensions ? "; or " + EXTENSION + "NAME, your own, for YAML anchors" : "") + ")"
                        + (hint == null ? "" : "; " + hint));
            }
        }
    }

    static String describe(JsonNode n) {
        if (n == null || n.isNull() || n.isMissingNode()) {
            return "nothing";
        }
        if (n.isTextual()) {
            return Problem.quote(n.asText());
        }
        if (n.isArray()) {
            return "a list";
        }
        if (n.isObject()) {
            return "an object";
        }
        return n.toString();
    }
}
