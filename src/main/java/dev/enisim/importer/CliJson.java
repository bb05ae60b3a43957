package dev.enisim.importer;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading one JSON document of AWS CLI output: the tree, and its fields with their JSON paths. Extra fields are
 * ignored (the CLI adds some every year); missing required ones and wrong types are collected as problems naming the
 * path, and {@link #throwIfProblems()} reports them all at once, with the file.
 *
 * <p>A file may hold several documents: outputs appended with {@code >>}, or one JSON array of them as
 * {@code jq -s} writes. Each document is one {@code CliJson}; all of a file's documents share one problem list, and
 * their paths start with the document's index ({@code [1].Functions[0].MemorySize}) when there are several. The
 * encoding is detected: UTF-8 (with or without a byte-order mark) or UTF-16 (as Windows PowerShell saves with
 * {@code >}).
 */
final class CliJson {

    private static final ObjectMapper JSON = new ObjectMapper();
    final Path file;
    final JsonNode root;
    /** "" for a file of one document, else "[i]". */
    private final String document;
    private final List<Problem> problems;
    /**
     * Whether the file is one array of flat objects (none holding a list): a {@code --query} projection rather than
     * documents appended with {@code jq -s}. Set on every document of the file (see {@link #readAll}).
     */
    private boolean projection;
    /**
     * Whether this document lacks the list its command prints (another command's output, given to the wrong
     * option): its own problem says so, and it is not counted as a page of the listing ({@link Account#page}).
     */
    boolean wrongKind;

    /**
     * The list each listing the importer reads prints at its top, with the command and the option that take it: a file
     * given to the wrong option is told which it is ({@link #list}).
     */
    private static final String[][] KINDS = {
        {"Subnets", "aws ec2 describe-subnets", "--subnets"},
        {"Functions", "aws lambda list-functions", "--functions"},
        {"NetworkInterfaces", "aws ec2 describe-network-interfaces", "--enis"},
        {"SecurityGroups", "aws ec2 describe-security-groups", "--security-groups"},
        {"Vpcs", "aws ec2 describe-vpcs", "--vpcs"},
        {"MetricDataResults", "aws cloudwatch get-metric-data", "--metrics"},
        {"AccountLimit", "aws lambda get-account-settings", "--account-settings"},
        {"ReservedConcurrentExecutions", "aws lambda get-function-concurrency", "--concurrency FUNCTION=FILE"},
        {"Configuration", "aws lambda get-function", "--functions"},
        {"EventSourceMappings", "aws lambda list-event-source-mappings", "--event-source-mappings"},
    };

    /** What this document is when it is another listing's output: " (this is ... output: give it with ...)", or "". */
    private String otherKind(String expected) {
        for (String[] k : KINDS) {
            if (!k[0].equals(expected) && root.has(k[0])) {
                return ": this file holds " + Problem.quote(k[0]) + ", as `" + k[1] + "` prints: give it with " + k[2];
            }
        }
        return " (is this the output of another command?)";
    }

    private CliJson(Path file, JsonNode root, String document, List<Problem> problems) {
        this.file = file;
        this.root = root;
        this.document = document;
        this.problems = problems;
    }

    /** The single document of a file that must hold one (kept for readers that read one object). */
    static CliJson read(Path file, String command) throws ScenarioException {
        List<CliJson> all = readAll(file, command);
        return all.get(0);
    }

    /** Every document of the file, in order; at least one. */
    static List<CliJson> readAll(Path file, String command) throws ScenarioException {
        String text = decode(file, command);
        List<JsonNode> roots = new ArrayList<>();
        boolean fromArray = false;
        try (JsonParser parser = JSON.getFactory().createParser(text);
                MappingIterator<JsonNode> it = JSON.readValues(parser, JsonNode.class)) {
            while (it.hasNextValue()) {
                JsonNode n = it.nextValue();
                if (n.isArray()) { // jq -s: an array of documents
                    fromArray = true;
                    n.forEach(roots::add);
                } else {
                    roots.add(n);
                }
            }
        } catch (JsonProcessingException e) {
            String start = text.strip();
            if (!start.isEmpty() && start.charAt(0) != '{' && start.charAt(0) != '[') {
                // quoted as a trace's cell is (8 characters, else 4 and the length), as a template's or plan's start
                String line = start.lines().findFirst().orElse("").replaceAll("\\p{Cntrl}", " ").strip();
                throw fail(file, "not JSON: it starts with " + dev.enisim.scenario.Problem.quoteBriefly(line)
                        + ", as `--output text`, `table` or `yaml` print; expected the output of `" + command
                        + "` saved with `--output json` (the default)");
            }
            JsonLocation at = e.getLocation();
            throw fail(file, "malformed JSON" + (at == null ? "" : " at line " + at.getLineNr() + ", column "
                    + at.getColumnNr()) + ": " + dev.enisim.scenario.ParserMessage.clean(e.getOriginalMessage()) + " (expected the output of `" + command + "`)");
        } catch (IOException | RuntimeException e) {
            // Jackson wraps parse errors met while iterating in RuntimeJsonMappingException
            Throwable cause = e.getCause() instanceof JsonProcessingException ? e.getCause() : e;
            throw fail(file, "malformed JSON: " + (cause instanceof JsonProcessingException j
                    ? dev.enisim.scenario.ParserMessage.clean(j.getOriginalMessage())
                    : dev.enisim.scenario.ParserMessage.clean(cause.getMessage())) + " (expected the output of `" + command + "`)");
        }
        if (roots.isEmpty() || roots.stream().anyMatch(r -> !r.isObject())) {
            throw fail(file, "expected the JSON object that `" + command + "` prints (saved with the default --output"
                    + " json), or several of them appended or in one array (jq -s); got "
                    + (roots.isEmpty() ? "no document" : "a " + roots.stream().filter(r -> !r.isObject()).findFirst()
                    .orElseThrow().getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        List<Problem> shared = new ArrayList<>();
        List<CliJson> out = new ArrayList<>();
        for (int i = 0; i < roots.size(); i++) {
            out.add(new CliJson(file, roots.get(i), roots.size() == 1 ? "" : "[" + i + "]", shared));
        }
        boolean projection = fromArray && roots.stream().noneMatch(CliJson::holdsList);
        out.forEach(c -> c.projection = projection);
        return out;
    }

    /** Whether a top-level field of the object is a list (every listing's output has one). */
    private static boolean holdsList(JsonNode root) {
        for (JsonNode v : root) {
            if (v.isArray()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The largest file read (a listing of 100,000 network interfaces is about 300 MiB of the CLI's JSON): above it a
     * file is refused rather than read into memory whole (a 3 GiB sparse file ran out of memory, a stack trace).
     */
    static final long MAX_BYTES = 512L * 1024 * 1024;

    /** The file's text: UTF-16 when a byte-order mark (or every other byte zero) says so, else UTF-8. */
    private static String decode(Path file, String command) throws ScenarioException {
        return dev.enisim.scenario.InputText.read(file, MAX_BYTES, "a file of saved AWS CLI output",
                "the JSON that `" + command + "` prints");
    }

    private static ScenarioException fail(Path file, String message) {
        return new ScenarioException(file.toString(), List.of(new Problem("", message)));
    }

    /**
     * The token of the next page when this document is one page of a longer listing: a {@code NextToken}
     * (describe-*, --max-items) or a non-empty {@code NextMarker} (list-functions); else null.
     */
    String nextPage() {
        for (String key : List.of("NextToken", "NextMarker")) {
            JsonNode t = root.get(key);
            if (t != null && t.isTextual() && !t.asText().isEmpty()) {
                return key;
            }
        }
        return null;
    }

    /** Where this document is, for notes: the file, and the document's index when it holds several. */
    String where() {
        return file + (document.isEmpty() ? "" : " document " + document);
    }

    /**
     * The array under {@code key} at the top, or a problem saying which command prints it. A file that is one array of
     * objects of which none holds a list (as {@code --query 'Subnets[*].{...}'} writes) gets one problem for the
     * whole file, saying so.
     */
    List<JsonNode> list(String key, String command) {
        JsonNode n = root.get(key);
        if (n == null || !n.isArray()) {
            if (projection) {
                if (problems.stream().noneMatch(q -> q.path().isEmpty())) {
                    problems.add(new Problem("", "expected the output of `" + command + "` with its list '" + key
                            + "'; got a JSON array of objects without it, as `--query` writes (save the command's"
                            + " whole output, without --query)"));
                }
                return List.of();
            }
            wrongKind = n == null;
            problem(key, "expected a list " + Problem.quote(key) + ", as `" + command + "` prints" + otherKind(key));
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
                problem(join(path, key), "missing (expected a string)");
            }
            return null;
        }
        if (!v.isTextual()) {
            problem(join(path, key), "expected a string, got " + v);
            return null;
        }
        return v.asText();
    }

    /** A whole number in {@code [min, max]}, or null (absent, or a problem recorded). */
    Long integer(JsonNode n, String path, String key, boolean required, long min, long max) {
        JsonNode v = n.get(key);
        if (v == null || v.isNull()) {
            if (required) {
                problem(join(path, key), "missing (expected a whole number)");
            }
            return null;
        }
        if (!v.isIntegralNumber()) {
            problem(join(path, key), "expected a whole number, got " + v);
            return null;
        }
        if (v.asLong() < min || v.asLong() > max) {
            problem(join(path, key), "expected " + min + " to " + max + ", got " + v);
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
            problem(join(path, key), "expected a list of strings, got " + v);
            return out;
        }
        for (int i = 0; i < v.size(); i++) {
            if (v.get(i).isTextual()) {
                out.add(v.get(i).asText());
            } else {
                problem(join(path, key) + "[" + i + "]", "expected a string, got " + v.get(i));
            }
        }
        return out;
    }

    /** A problem at {@code path} inside this document. */
    void problem(String path, String message) {
        problems.add(new Problem(at(path), message));
    }

    /** The path of {@code path} in the file: prefixed with the document's index when the file holds several. */
    String at(String path) {
        return document.isEmpty() ? path : path.isEmpty() ? document : path.startsWith("[") ? document + path
                : document + "." + path;
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
