package dev.enisim.iac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.enisim.scenario.Problem;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * {@code Fn::ForEach} loops of a template's Resources (the {@code AWS::LanguageExtensions} transform), expanded as
 * CloudFormation expands them: {@code 'Fn::ForEach::Name': [Identifier, Collection, {OutputKey: Fragment}]} makes,
 * for each value of the collection, the output key with {@code ${Identifier}} replaced by the value ({@code
 * &{Identifier}} by the value without its non-alphanumeric characters), and the fragment with {@code Ref:
 * Identifier} and {@code ${Identifier}} in {@code Fn::Sub} replaced by the value; loops may nest. A collection that
 * cannot be known before deployment leaves its loop out, as a placeholder.
 */
final class ForEach {

    static final String PREFIX = "Fn::ForEach::";
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private final Intrinsics x;
    private final List<Problem> problems;
    private final Builder out;
    private final Path file;

    private ForEach(Intrinsics x, List<Problem> problems, Builder out, Path file) {
        this.x = x;
        this.problems = problems;
        this.out = out;
        this.file = file;
    }

    /** Whether the object has a loop at its top. */
    static boolean has(JsonNode resources) {
        for (Iterator<String> it = resources.fieldNames(); it.hasNext();) {
            if (it.next().startsWith(PREFIX)) {
                return true;
            }
        }
        return false;
    }

    /** The resources with every loop expanded (in the order written), loops' problems and placeholders recorded. */
    static ObjectNode expand(JsonNode resources, Intrinsics x, List<Problem> problems, Builder out, Path file) {
        ObjectNode expanded = F.objectNode();
        new ForEach(x, problems, out, file).into(resources, "Resources", expanded);
        return expanded;
    }

    private void into(JsonNode entries, String path, ObjectNode expanded) {
        for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + "." + e.getKey();
            if (!e.getKey().startsWith(PREFIX)) {
                if (expanded.has(e.getKey())) {
                    problems.add(new Problem(p, "the logical id " + e.getKey() + " is made twice"));
                }
                expanded.set(e.getKey(), e.getValue());
                continue;
            }
            JsonNode loop = e.getValue();
            if (!loop.isArray() || loop.size() != 3 || !loop.get(0).isTextual() || !loop.get(2).isObject()) {
                problems.add(new Problem(p, "expected [Identifier, Collection, {OutputKey: Fragment}]"));
                continue;
            }
            String id = loop.get(0).asText();
            JsonNode collection = x.resolve(loop.get(1), p + "[1]");
            if (Intrinsics.isUnresolved(collection)) {
                out.placeholder(file, p + "[1]", collection);
                continue;
            }
            if (!collection.isArray()) {
                problems.add(new Problem(p + "[1]", "expected a list of values to loop over, got " + collection));
                continue;
            }
            for (JsonNode value : collection) {
                String v = value.asText();
                ObjectNode made = F.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> o = loop.get(2).fields(); o.hasNext();) {
                    Map.Entry<String, JsonNode> output = o.next();
                    made.set(key(output.getKey(), id, v), substitute(output.getValue(), id, v));
                }
                into(made, p + "[" + v + "]", expanded);
            }
        }
    }

    private static String key(String key, String id, String value) {
        return key.replace("${" + id + "}", value).replace("&{" + id + "}", value.replaceAll("[^A-Za-z0-9]", ""));
    }

    /** The fragment with the identifier's value in place of {@code Ref: Identifier} and Fn::Sub's {@code ${Identifier}}. */
    private static JsonNode substitute(JsonNode n, String id, String value) {
        if (n.isArray()) {
            ArrayNode a = F.arrayNode();
            n.forEach(e -> a.add(substitute(e, id, value)));
            return a;
        }
        if (!n.isObject()) {
            return n;
        }
        if (n.size() == 1 && n.has("Ref") && n.get("Ref").isTextual() && n.get("Ref").asText().equals(id)) {
            return TextNode.valueOf(value);
        }
        if (n.size() == 1 && n.has("Fn::Sub")) {
            JsonNode s = n.get("Fn::Sub");
            ObjectNode sub = F.objectNode();
            if (s.isTextual()) {
                sub.put("Fn::Sub", sub(s.asText(), id, value));
            } else if (s.isArray() && s.size() == 2 && s.get(0).isTextual() && !s.get(1).has(id)) {
                ArrayNode a = sub.putArray("Fn::Sub");
                a.add(sub(s.get(0).asText(), id, value));
                a.add(substitute(s.get(1), id, value));
            } else {
                sub.set("Fn::Sub", substitute(s, id, value));
            }
            return sub;
        }
        ObjectNode o = F.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            o.set(e.getKey().startsWith(PREFIX) ? e.getKey() : key(e.getKey(), id, value),
                    substitute(e.getValue(), id, value));
        }
        return o;
    }

    private static String sub(String text, String id, String value) {
        return text.replace("${" + id + "}", value);
    }
}
