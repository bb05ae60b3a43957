package dev.enisim.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading one AWS CLI output file: the JSON tree, and its fields with their JSON paths. Extra fields are ignored
 * (the CLI adds some every year); missing required ones and wrong types are collected as problems naming the
 * path, and {@link #throwIfProblems()} reports them all at once, with the file.
 */
final class CliJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    final Path file;
    final JsonNode root;
    final List<Problem> problems = new ArrayList<>();

    private CliJson(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    static CliJson read(Path file, String command) throws ScenarioException {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw new ScenarioException(file.toString(), List.of(new Problem("",
                        "expected the JSON object that `" + command + "` prints (saved with the default --output json)")));
            }
            return new CliJson(file, root);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file.toString(), List.of(new Problem("", "file not found")));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ScenarioException(file.toString(), List.of(new Problem("", "malformed JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + e.getOriginalMessage() + " (expected the output of `" + command + "`)")));
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), List.of(new Problem("", "cannot read: " + e.getMessage())));
        }
    }

    /** The array under {@code key} at the top, or a problem saying which command prints it. */
    List<JsonNode> list(String key, String command) {
        JsonNode n = root.get(key);
        if (n == null || !n.isArray()) {
            problems.add(new Problem(key, "expected a list '" + key + "', as `" + command
                    + "` prints (is this the output of another command?)"));
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        n.forEach(out::add);
        return out;
    }

    String text(JsonNode n, String path, String key, boolean required) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(new Problem(join(path, key), "missing (expected a string)"));
            }
            return null;
        }
        if (!v.isTextual()) {
            problems.add(new Problem(join(path, key), "expected a string, got " + v));
            return null;
        }
        return v.asText();
    }

    /** A whole number in {@code [min, max]}, or null (absent, or a problem recorded). */
    Long integer(JsonNode n, String path, String key, boolean required, long min, long max) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(new Problem(join(path, key), "missing (expected a whole number)"));
            }
            return null;
        }
        if (!v.isIntegralNumber()) {
            problems.add(new Problem(join(path, key), "expected a whole number, got " + v));
            return null;
        }
        if (v.asLong() < min || v.asLong() > max) {
            problems.add(new Problem(join(path, key), "expected " + min + " to " + max + ", got " + v));
            return null;
        }
        return v.asLong();
    }

    /** An optional list of strings (absent or null: empty). */
    List<String> strings(JsonNode n, String path, String key) {
        List<String> out = new ArrayList<>();
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            problems.add(new Problem(join(path, key), "expected a list of strings, got " + v));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i).isTextual()) {
                out.add(v.get(i).asText());
            } else {
                problems.add(new Problem(join(path, key) + "[" + i + "]", "expected a string, got " + v.get(i)));
            }
        }
        return out;
    }

    void problem(String path, String message) {
        problems.add(new Problem(path, message));
    }

    void throwIfProblems() throws ScenarioException {
        if (!problems.isEmpty()) {
            throw new ScenarioException(file.toString(), problems);
        }
    }

    static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
