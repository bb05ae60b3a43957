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
 * Reading one AWS CLI output file: the JSON tree, and its fields with their paths. Extra fields are ignored (the
 * CLI adds them over time); missing required ones and wrong types are problems naming the JSON path.
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

    static CliJson read(Path file) throws ScenarioException {
        try {
            JsonNode root = JSON.readTree(Files.readString(file));
            if (root == null || !root.isObject()) {
                throw new ScenarioException(file.toString(), List.of(new Problem("",
                        "expected the JSON object the AWS CLI prints")));
            }
            return new CliJson(file, root);
        } catch (NoSuchFileException e) {
            throw new ScenarioException(file.toString(), List.of(new Problem("", "file not found")));
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new ScenarioException(file.toString(), List.of(new Problem("", "malformed JSON"
                    + (at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr()) + ": "
                    + e.getOriginalMessage())));
        } catch (IOException e) {
            throw new ScenarioException(file.toString(), List.of(new Problem("", "cannot read: " + e.getMessage())));
        }
    }

    /** The array under {@code key} at the top, or a problem. */
    List<JsonNode> list(String key) {
        JsonNode n = root.get(key);
        if (n == null || !n.isArray()) {
            problems.add(new Problem(key, "expected a list '" + key + "' (is this the output of the right command?)"));
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
                problems.add(new Problem(path + "." + key, "missing"));
            }
            return null;
        }
        if (!v.isTextual()) {
            problems.add(new Problem(path + "." + key, "expected a string, got " + v));
            return null;
        }
        return v.asText();
    }

    Long number(JsonNode n, String path, String key, boolean required) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problems.add(new Problem(path + "." + key, "missing"));
            }
            return null;
        }
        if (!v.isNumber()) {
            problems.add(new Problem(path + "." + key, "expected a number, got " + v));
            return null;
        }
        return v.asLong();
    }

    List<String> strings(JsonNode n, String path, String key) {
        List<String> out = new ArrayList<>();
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            return out;
        }
        if (!v.isArray()) {
            problems.add(new Problem(path + "." + key, "expected a list of strings"));
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i).isTextual()) {
                out.add(v.get(i).asText());
            } else {
                problems.add(new Problem(path + "." + key + "[" + i + "]", "expected a string"));
            }
        }
        return out;
    }

    void throwIfProblems() throws ScenarioException {
        if (!problems.isEmpty()) {
            throw new ScenarioException(file.toString(), problems);
        }
    }
}
