package dev.enisim.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML document as a Jackson tree, with anchors and aliases resolved ({@code arrivals: *arr} is the anchored
 * node, {@code <<: *base} merges its keys), which Jackson's own tree reading does not do (it gives the alias's
 * name as a string). An alias's value is its anchor's node itself, shared, not a copy: a chain of 2,000 anchors,
 * each aliasing the one before, took 1.1 GB and 29 s as copies (4 million nodes) and takes what its text does. What
 * changes a scenario's tree ({@code --set}, a deployment, an assumptions preset) changes a deep copy of it, never the
 * tree read. The tree as expanded is bounded to {@link #MAX_NODES} nodes, so that an "alias bomb" (aliases of aliases,
 * multiplying at each level) is refused before a reader walks it (or a deep copy fills the memory). A repeated key is an error, as is an alias to an anchor not defined before it: each is a problem at the
 * path where it is written ({@code functions[1].duration: written twice}), all of them found in one reading (a
 * duplicate key, the parser's own error, hid every other problem of the file, and an undefined alias had no line).
 */
final class YamlTree {

    /** The largest tree, aliases expanded: far above any real scenario (65,000 functions take about 1 M). */
    static final int MAX_NODES = 5_000_000;
    /**
     * The deepest tree, aliases and merge keys expanded: the parser's own limit for a tree as written, so that an alias
     * (an anchor of 45 nested lists, each one aliasing the one before) cannot make the tree deeper than its text could
     * be. Such a tree of 20,000 levels overflowed the stack of the size count below (an internal error, exit 3) and
     * would have the validation's, a deep copy's and a writer's.
     */
    static final int MAX_DEPTH = com.fasterxml.jackson.core.StreamReadConstraints.defaults().getMaxNestingDepth();
    /** YAML files are read whole by SnakeYAML: the default size limit, in MiB (raise with the variable below). */
    static final int DEFAULT_MAX_MIB = 64;
    /** The environment variable that raises (or lowers) the YAML size limit, in MiB. */
    static final String LIMIT_VARIABLE = "ENISIM_MAX_YAML_MB";

    private final Map<String, JsonNode> anchors = new HashMap<>();
    private final List<Problem> problems;
    /** Each undefined alias said: its problem's index, and how many more uses of it there are. */
    private final Map<String, int[]> undefined = new HashMap<>();
    private long nodes;

    private YamlTree(List<Problem> problems) {
        this.problems = problems;
    }

    /** Thrown for an alias problem; the message is the problem. */
    /** The start of a {@code <<} key's problem when its value is not a map (the merged maps' keys are then unknown). */
    static final String MERGES_MAPS = "'<<' merges maps (<<: *anchor), got ";

    /** The start of a repeated key's problem (said at the key, even when a value is an alias). */
    static final String WRITTEN_TWICE = "written twice";

    static final class AliasException extends IOException {
        AliasException(String message) {
            super(message);
        }
    }

    /** The YAML size limit in bytes (the variable's value if it is a positive whole number of MiB). */
    static long maxBytes() {
        String v = System.getenv(LIMIT_VARIABLE);
        try {
            long mib = v == null ? DEFAULT_MAX_MIB : Long.parseLong(v.trim());
            return mib > 0 ? mib * 1024 * 1024 : DEFAULT_MAX_MIB * 1024L * 1024;
        } catch (NumberFormatException e) {
            return DEFAULT_MAX_MIB * 1024L * 1024;
        }
    }

    /**
     * The YAML reader, with enisim's size limit (SnakeYAML's own is 3 MB), whose parser tells a plain value's anchor
     * ({@code &mem 1024}: see {@link ScalarAnchors}).
     */
    static YAMLFactory factory() {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit((int) Math.min(Integer.MAX_VALUE, maxBytes()));
        return new ScalarAnchors(YAMLFactory.builder().loaderOptions(options)); // repeated keys: see object()
    }

    /**
     * The first document of {@code text}, or null when there is none; a second document is an error, and so is
     * the first repeated key or undefined alias.
     */
    static JsonNode read(String text) throws IOException {
        List<Problem> found = new ArrayList<>();
        JsonNode tree = read(text, found);
        if (!found.isEmpty()) {
            throw new AliasException(found.get(0).toString());
        }
        return tree;
    }

    /**
     * {@link #read(String)}, with each repeated key and each undefined alias added to {@code found} as a problem at
     * its path (the first value of a repeated key is kept; an undefined alias's key is left out).
     */
    static JsonNode read(String text, List<Problem> found) throws IOException {
        int longLine = InputText.longLine(text);
        if (longLine > 0) {
            throw new AliasException("line " + longLine + " is longer than " + InputText.MAX_LINE / 1024 + " KiB:"
                    + " no scenario has such a line (is it the right file? a scenario of one line of JSON: name it"
                    + " .json)");
        }
        try (JsonParser p = factory().createParser(text)) {
            if (p.nextToken() == null) {
                return null;
            }
            JsonNode root = new YamlTree(found).value((YAMLParser) p, "", 1);
            if (p.nextToken() != null) {
                throw new AliasException("a second YAML document (after '---', its first value at line "
                        + p.currentTokenLocation().getLineNr() + "): a scenario file holds one");
            }
            return root;
        }
    }

    /**
     * The value at the parser's token, whose path is {@code path} at {@code depth} levels from the top (1); null for an
     * undefined alias.
     */
    private JsonNode value(YAMLParser p, String path, int depth) throws IOException {
        if (p.isCurrentAlias()) {
            return alias(p, path, depth); // its own method: this one's frame is one of each level's two
        }
        String anchor = p.getObjectId();
        count(1, path, p);
        tag(p.getTypeId(), path);
        JsonNode node = switch (p.currentToken()) {
            case START_OBJECT -> object(p, path, depth);
            case START_ARRAY -> array(p, path, depth);
            default -> scalar(p);
        };
        if (anchor != null) {
            anchors.put(anchor, node);
        }
        return node;
    }

    /** The plain value at the parser's token (in a method of its own, as {@link #alias} is). */
    private static JsonNode scalar(YAMLParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> JsonNodeFactory.instance.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> JsonNodeFactory.instance.numberNode(p.getIntValue());
                case LONG -> JsonNodeFactory.instance.numberNode(p.getLongValue());
                default -> JsonNodeFactory.instance.numberNode(p.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> floatNode(p);
            case VALUE_TRUE -> JsonNodeFactory.instance.booleanNode(true);
            case VALUE_FALSE -> JsonNodeFactory.instance.booleanNode(false);
            case VALUE_NULL -> JsonNodeFactory.instance.nullNode();
            default -> JsonNodeFactory.instance.textNode(p.getText());
        };
    }

    /** The anchored value the alias at the parser's token stands for (see {@link #value}); null when undefined. */
    private JsonNode alias(YAMLParser p, String path, int depth) throws IOException {
        String name = p.getText();
        JsonNode target = anchors.get(name);
        if (target == null) { // said once, at its first use, with how many more there are
            int[] first = undefined.get(name);
            if (first == null) {
                undefined.put(name, new int[] {problems.size(), 0});
                problems.add(new Problem(path, "undefined alias *" + name + " (an alias must come after its"
                        + " anchor &" + name + ")"));
            } else {
                Problem p0 = problems.get(first[0]);
                String m = p0.message().replaceAll("; used \\d+ more times?$", "");
                problems.set(first[0], new Problem(p0.path(), m + "; used " + ++first[1] + " more time"
                        + (first[1] == 1 ? "" : "s")));
            }
            return null;
        }
        long[] sizeAndHeight = {0, 0};
        size(target, sizeAndHeight, 1);
        if (depth - 1 + sizeAndHeight[1] > MAX_DEPTH) {
            throw new AliasException(at(path, p) + "nested deeper than " + grouped(MAX_DEPTH) + " levels once"
                    + " aliases are expanded (the alias *" + name + " holds " + grouped(sizeAndHeight[1])
                    + " levels, here at level " + grouped(depth) + "; aliases of aliases nest)");
        }
        count(sizeAndHeight[0], path, p);
        return target; // shared, not copied: see the class
    }

    /** The start of the problem of a tag that means nothing to enisim. */
    static final String TAG = "the YAML tag ";
    /** The tags of YAML's core schema, which the parser reads ({@code !!str 1024} is the text "1024"). */
    private static final java.util.Set<String> CORE_TAGS = java.util.Set.of("str", "int", "float", "bool", "null",
            "map", "seq");

    /**
     * A problem at {@code path} when {@code tag} (as the parser gives it: {@code !custom} as "custom", {@code !!binary}
     * as "tag:yaml.org,2002:binary") is not one of the core schema's: the parser dropped it and read the value as
     * plain text, so {@code memoryMb: !custom 1024} was told "expected a whole number, got '1024'", and
     * {@code !!java/object:...} or {@code !Ref} were taken without a word.
     */
    private void tag(String tag, String path) {
        if (tag == null || tag.isEmpty()) {
            return; // none, or the non-specific "!"
        }
        String core = "tag:yaml.org,2002:";
        if (tag.startsWith(core) && CORE_TAGS.contains(tag.substring(core.length()))) {
            return;
        }
        String written = tag.startsWith(core) ? "!!" + tag.substring(core.length()) : "!" + tag;
        problems.add(new Problem(path, TAG + written + " means nothing to enisim, which reads plain values (no tags"
                + " but YAML's own !!str, !!int, !!float, !!bool, !!null, !!map, !!seq): remove it"));
    }

    /**
     * A float as written: a number when it is a finite one, else the text itself ({@code .nan}, {@code .inf},
     * {@code 1e999999999}), so that the field it is in says what it expected and quotes what was written. YAML 1.1
     * reads {@code .nan} and {@code .inf} as floats, which Jackson's parser refused as malformed: that one problem,
     * at (root), hid every other in the file; {@code 1e999999999} was read as Infinity and quoted so.
     */
    private static JsonNode floatNode(YAMLParser p) throws IOException {
        String text = p.getText();
        try {
            double d = p.getDoubleValue();
            if (Double.isFinite(d)) {
                return JsonNodeFactory.instance.numberNode(d);
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            // a YAML 1.1 special value (.nan, .inf, -.Inf): Jackson reads only decimal notation
        }
        return JsonNodeFactory.instance.textNode(text);
    }

    private ObjectNode object(YAMLParser p, String path, int depth) throws IOException {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        JsonNode merge = null;
        Map<String, Integer> lines = new HashMap<>();
        while (p.nextToken() != JsonToken.END_OBJECT) {
            String key = p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            String child = path.isEmpty() ? key : path + "." + key;
            p.nextToken();
            // a merged map's keys are this map's own: its value stands at this map's level, a list of them one above
            JsonNode v = !key.equals("<<") ? value(p, child, depth + 1)
                    : value(p, child, p.currentToken() == JsonToken.START_ARRAY ? depth - 1 : depth);
            Integer first = lines.putIfAbsent(key, line);
            if (first != null) { // YAML allows a key once in a map; the first value is kept
                problems.add(new Problem(child, WRITTEN_TWICE + " (again at line " + line + "; first at " + first
                        + "): a key is written once in a map"));
            } else if (v == null) {
                continue; // an undefined alias: its problem is said
            } else if (key.equals("<<")) {
                JsonNode notMap = notAMap(v);
                if (notMap == null) {
                    merge = v;
                } else { // said at the key's own path (so with its line), the map's other keys still read
                    problems.add(new Problem(child, MERGES_MAPS + notMap.getNodeType().toString()
                            .toLowerCase(java.util.Locale.ROOT)));
                }
            } else {
                o.set(key, v);
            }
        }
        if (merge != null) {
            merge(o, merge);
        }
        return o;
    }

    /** {@code <<: *base} or {@code <<: [*a, *b]}: keys of the merged maps that the map does not set itself. */
    /** What a {@code <<} key's value holds that is not a map (the value, or the first such element), else null. */
    private static JsonNode notAMap(JsonNode merged) {
        if (merged.isArray()) {
            for (JsonNode m : merged) {
                if (!m.isObject()) {
                    return m;
                }
            }
            return null;
        }
        return merged.isObject() ? null : merged;
    }

    private static void merge(ObjectNode into, JsonNode merged) {
        if (merged.isArray()) {
            for (JsonNode m : merged) {
                merge(into, m);
            }
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = merged.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!into.has(e.getKey())) {
                into.set(e.getKey(), e.getValue()); // shared, as an alias's value
            }
        }
    }

    private ArrayNode array(YAMLParser p, String path, int depth) throws IOException {
        ArrayNode a = JsonNodeFactory.instance.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) {
            JsonNode v = value(p, path + "[" + a.size() + "]", depth + 1);
            a.add(v == null ? JsonNodeFactory.instance.nullNode() : v);
        }
        return a;
    }

    /**
     * Counts {@code n} more values, the one at {@code path} being read; over {@link #MAX_NODES}, the file is refused,
     * naming where (a merge key's list of aliases, {@code <<: [*a, *a, ...]}, multiplies as aliases of aliases do).
     */
    private void count(long n, String path, YAMLParser p) throws AliasException {
        nodes += n;
        if (nodes > MAX_NODES) {
            throw new AliasException(at(path, p) + "more than " + grouped(MAX_NODES) + " values once aliases and"
                    + " merge keys are expanded (aliases of aliases multiply: an alias bomb?)");
        }
    }

    /** "at x-b.<<[3] (line 9): ", where the value at the parser's token is; "at line 9: " for the top. */
    private static String at(String path, YAMLParser p) {
        int line = p.currentTokenLocation().getLineNr();
        return "at " + (path.isEmpty() ? "" : path + " (") + "line " + line + (path.isEmpty() ? "" : ")") + ": ";
    }

    private static String grouped(long n) {
        return java.text.NumberFormat.getIntegerInstance(java.util.Locale.ROOT).format(n);
    }

    /**
     * Adds the number of values in the tree {@code n} (aliases expanded) to {@code out[0]}, stopping early once over
     * {@link #MAX_NODES}, and raises {@code out[1]} to its height (1: a plain value) plus {@code level} - 1. Every tree
     * read is at most {@link #MAX_DEPTH} deep (checked as it is built), so this recursion is bounded.
     */
    private static void size(JsonNode n, long[] out, int level) {
        out[0]++;
        out[1] = Math.max(out[1], level);
        for (JsonNode c : n) {
            size(c, out, level + 1);
            if (out[0] > MAX_NODES) {
                return;
            }
        }
    }
}
