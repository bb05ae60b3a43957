package dev.enisim.iac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.enisim.scenario.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudFormation's intrinsic functions, evaluated as far as the inputs allow: parameters (the template's defaults,
 * overridden by {@code --parameters}), conditions, mappings, exports ({@code --exports}), pseudo parameters given by
 * the user, and references to resources of the same template (their logical id stands for their id). A value that
 * cannot be known before deployment is an <em>unresolved</em> node carrying what it is and how to give it; it
 * spreads through the functions that use it. A reference to nothing the template declares is a problem (CloudFormation
 * refuses such a template too).
 */
final class Intrinsics {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    static final String UNRESOLVED = "__unresolved__";
    static final String HOW = "__how__";
    static final String NO_VALUE = "__novalue__";
    private static final Pattern SUB = Pattern.compile("\\$\\{([^}]*)}");

    private final JsonNode template;
    private final Map<String, JsonNode> parameters = new TreeMap<>();
    private final Map<String, String> exports;
    private final Map<String, String> pseudo;
    private final List<Problem> problems;
    private final Map<String, Boolean> conditions = new TreeMap<>();
    private final Set<String> evaluating = new HashSet<>();
    /** An unresolved condition's first unresolved value. */
    private final Map<String, JsonNode> why = new TreeMap<>();
    /** The stack's name when several stacks are read together: a resource's id is {@code stack/LogicalId}. */
    private final String stack;

    /**
     * @param given  parameter values given by the user (strings, as CloudFormation takes them)
     * @param pseudo pseudo parameters given by the user (AWS::Region, AWS::StackName, AWS::AccountId)
     */
    Intrinsics(JsonNode template, Map<String, String> given, Map<String, String> exports, Map<String, String> pseudo,
            List<Problem> problems) {
        this(template, given, exports, pseudo, problems, null);
    }

    /**
     * @param stack the stack's name when several stacks are read together (their logical ids are per stack): the
     *              id a reference to a resource stands for is then {@code stack/LogicalId}; null: the logical id
     */
    Intrinsics(JsonNode template, Map<String, String> given, Map<String, String> exports, Map<String, String> pseudo,
            List<Problem> problems, String stack) {
        this.stack = stack;
        this.template = template;
        this.exports = exports;
        Map<String, String> ps = new TreeMap<>(pseudo);
        given.forEach((k, v) -> { // AWS::StackName given in --parameters (per template: TEMPLATE=FILE) wins
            if (k.startsWith("AWS::") && !template.path("Parameters").has(k)) {
                ps.put(k, v);
            }
        });
        this.pseudo = ps;
        this.problems = problems;
        JsonNode declared = template.path("Parameters");
        for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            String type = p.getValue().path("Type").asText("String");
            String value = given.containsKey(p.getKey()) ? given.get(p.getKey())
                    : p.getValue().path("Default").isValueNode() ? p.getValue().path("Default").asText() : null;
            JsonNode allowed = p.getValue().path("AllowedValues");
            if (value != null && !ChangeReader.PREVIOUS_VALUE.equals(value) && !type.startsWith("AWS::SSM::")
                    && allowed.isArray() && !allowed.isEmpty() && !type.startsWith("List<")
                    && !type.contains("CommaDelimitedList")) {
                boolean ok = false;
                List<String> values = new java.util.ArrayList<>();
                for (JsonNode a : allowed) {
                    values.add(a.asText());
                    ok |= a.asText().equals(value);
                }
                if (!ok) { // CloudFormation refuses the stack: the change would not deploy as simulated
                    problems.add(new Problem("Parameters." + p.getKey(), (given.containsKey(p.getKey())
                            ? "--parameters gives '" : "its Default '") + value + "', not one of its AllowedValues "
                            + values + " (CloudFormation would refuse the stack)"));
                }
            }
            JsonNode v;
            if (ChangeReader.PREVIOUS_VALUE.equals(value)) {
                v = unresolved("parameter " + p.getKey() + " keeps the stack's previous value (UsePreviousValue)",
                        "give its ParameterValue in --parameters");
            } else if (value == null) {
                v = unresolved("parameter " + p.getKey() + " (" + type + ") has no value and no Default",
                        "give it with --parameters");
            } else if (type.startsWith("AWS::SSM::Parameter::Value")) {
                // its value, given or Default, is the NAME of an SSM parameter; CloudFormation reads the parameter's
                // value at deployment, which the gate cannot see
                v = unresolved("parameter " + p.getKey() + " (" + type + ") is the SSM parameter " + value
                        + (given.containsKey(p.getKey()) ? " (given in --parameters)" : "") + ", whose value"
                        + " CloudFormation reads from SSM Parameter Store at deployment", "the gate cannot read"
                        + " Parameter Store: a value in --parameters is the SSM parameter's name, not its value;"
                        + " --allow-unsimulated passes without what depends on it");
            } else if (type.startsWith("List<") || type.contains("CommaDelimitedList") || type.contains("<List<")) {
                ArrayNode a = F.arrayNode();
                for (String s : value.split(",")) {
                    if (!s.isBlank()) {
                        a.add(s.strip());
                    }
                }
                v = a;
            } else {
                v = TextNode.valueOf(value);
            }
            parameters.put(p.getKey(), v);
        }
        for (String name : given.keySet()) {
            if (!parameters.containsKey(name) && !name.startsWith("AWS::")) {
                problems.add(new Problem("Parameters", "--parameters gives " + name + ", which the template does not"
                        + " declare (declared: " + String.join(", ", parameters.keySet()) + ")"));
            }
        }
    }

    /** A pseudo parameter's value given by the user (--stack-name, --region, or in --parameters), else null. */
    String pseudo(String name) {
        return pseudo.get(name);
    }

    /** The id a resource of this template stands for before deployment: its logical id, in its stack's namespace. */
    String id(String logicalId) {
        return stack == null ? logicalId : stack + "/" + logicalId;
    }

    /** The logical id of a resource of this template that {@code id} names, else {@code id} as it is. */
    String local(String id) {
        return stack != null && id.startsWith(stack + "/") ? id.substring(stack.length() + 1) : id;
    }

    static ObjectNode unresolved(String what, String how) {
        ObjectNode n = F.objectNode();
        n.put(UNRESOLVED, what);
        n.put(HOW, how);
        return n;
    }

    static boolean isUnresolved(JsonNode n) {
        return n != null && n.isObject() && n.has(UNRESOLVED);
    }

    static boolean isNoValue(JsonNode n) {
        return n != null && n.isObject() && n.has(NO_VALUE);
    }

    /** The value with every intrinsic function evaluated; unresolved parts as unresolved nodes. */
    JsonNode resolve(JsonNode v, String path) {
        if (v == null) {
            return null;
        }
        if (v.isTextual() && v.asText().contains("{{resolve:")) {
            return unresolved("'" + v.asText() + "' is a dynamic reference, resolved at deployment",
                    "give the value it resolves to with --parameters, through a parameter");
        }
        if (v.isArray()) {
            ArrayNode out = F.arrayNode();
            for (int i = 0; i < v.size(); i++) {
                JsonNode r = resolve(v.get(i), path + "[" + i + "]");
                if (!isNoValue(r)) {
                    out.add(r);
                }
            }
            return out;
        }
        if (!v.isObject()) {
            return v;
        }
        if (v.size() == 1) {
            String key = v.fieldNames().next();
            if (key.equals("Ref") || key.startsWith("Fn::") || key.equals("Condition") && v.get(key).isTextual()) {
                return function(key, v.get(key), path + "." + key);
            }
        }
        ObjectNode out = F.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode r = resolve(e.getValue(), path + "." + e.getKey());
            if (!isNoValue(r)) {
                out.set(e.getKey(), r);
            }
        }
        return out;
    }

    private JsonNode function(String key, JsonNode arg, String path) {
        switch (key) {
            case "Ref":
                return ref(arg.asText(), path);
            case "Condition": {
                Boolean c = condition(arg.asText(), path);
                return c == null ? unresolvedCondition(arg.asText(), "") : F.booleanNode(c);
            }
            case "Fn::GetAtt":
                return getAtt(arg, path);
            case "Fn::Sub":
                return sub(arg, path);
            case "Fn::ImportValue": {
                JsonNode name = resolve(arg, path);
                if (isUnresolved(name)) {
                    return name;
                }
                String value = exports.get(name.asText());
                String partial = exports.get(ChangeReader.PARTIAL_EXPORTS);
                return value != null ? TextNode.valueOf(value) : unresolved("export " + name.asText()
                        + " (another stack's output)", partial != null ? "not in " + partial + ", one page of several"
                        + " of `aws cloudformation list-exports` (it has a NextToken): give every page with --exports"
                        + " (or save the whole listing: the AWS CLI pages through it without --max-items or"
                        + " --no-paginate)" : "give `aws cloudformation list-exports` output with --exports");
            }
            case "Fn::If":
                return iff(arg, path);
            default:
                return listFunction(key, arg, path);
        }
    }

    private JsonNode listFunction(String key, JsonNode arg, String path) {
        JsonNode a = resolve(arg, path);
        if (isUnresolved(a)) {
            return a;
        }
        switch (key) {
            case "Fn::Split": {
                if (!a.isArray() || a.size() != 2 || !a.get(0).isTextual()) {
                    return bad(path, "expected [DELIMITER, STRING]");
                }
                if (isUnresolved(a.get(1))) {
                    return a.get(1);
                }
                ArrayNode out = F.arrayNode();
                for (String s : a.get(1).asText().split(Pattern.quote(a.get(0).asText()), -1)) {
                    out.add(s);
                }
                return out;
            }
            case "Fn::Join": {
                if (!a.isArray() || a.size() != 2 || !a.get(1).isArray()) {
                    return bad(path, "expected [DELIMITER, [VALUES]]");
                }
                List<String> parts = new ArrayList<>();
                for (JsonNode p : a.get(1)) {
                    if (isUnresolved(p)) {
                        return p;
                    }
                    parts.add(p.asText());
                }
                return TextNode.valueOf(String.join(a.get(0).asText(), parts));
            }
            case "Fn::Select": {
                if (!a.isArray() || a.size() != 2) {
                    return bad(path, "expected [INDEX, LIST]");
                }
                if (isUnresolved(a.get(1))) {
                    return a.get(1);
                }
                int i = a.get(0).asInt(-1);
                if (!a.get(1).isArray() || i < 0 || i >= a.get(1).size()) {
                    return bad(path, "index " + a.get(0) + " is outside the list " + a.get(1));
                }
                return a.get(1).get(i);
            }
            case "Fn::FindInMap": {
                if (!a.isArray() || a.size() < 3) {
                    return bad(path, "expected [MAP, KEY, KEY]");
                }
                for (JsonNode p : a) {
                    if (isUnresolved(p)) {
                        return p;
                    }
                }
                JsonNode v = template.path("Mappings").path(a.get(0).asText()).path(a.get(1).asText())
                        .path(a.get(2).asText());
                return v.isMissingNode() ? bad(path, "no mapping " + a.get(0).asText() + "." + a.get(1).asText()
                        + "." + a.get(2).asText()) : v;
            }
            case "Fn::GetAZs":
                return unresolved("the Availability Zones of the Region (Fn::GetAZs)", "known only at deployment;"
                        + " the gate names them after the subnet");
            case "Fn::Equals", "Fn::And", "Fn::Or", "Fn::Not": {
                Boolean b = logic(key, a, path);
                if (b == null && a.isArray()) {
                    for (JsonNode p : a) {
                        if (isUnresolved(p)) {
                            return p; // what is not known, and how to give it, as the value said it
                        }
                    }
                }
                return b == null ? unresolved(key + " of unresolved values", "give the parameters it reads with"
                        + " --parameters") : F.booleanNode(b);
            }
            default:
                return unresolved(key + " is not evaluated by enisim", "its value is known only at deployment");
        }
    }

    private JsonNode bad(String path, String message) {
        problems.add(new Problem(path, message));
        return unresolved("a broken " + path, "fix the template");
    }

    private JsonNode ref(String name, String path) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        if (name.equals("AWS::NoValue")) {
            ObjectNode n = F.objectNode();
            n.put(NO_VALUE, true);
            return n;
        }
        if (name.startsWith("AWS::")) {
            String v = pseudo.get(name);
            return v != null ? TextNode.valueOf(v) : unresolved("pseudo parameter " + name, "give it with"
                    + " --stack-name / --region, or as --parameters " + name + "=VALUE");
        }
        if (template.path("Resources").has(name)) {
            return TextNode.valueOf(id(name)); // the logical id stands for the resource's id
        }
        problems.add(new Problem(path, "Ref to '" + name + "', which is neither a parameter nor a resource of this"
                + " template"));
        return unresolved("Ref to undeclared " + name, "fix the template");
    }

    private JsonNode getAtt(JsonNode arg, String path) {
        JsonNode a = arg.isTextual() && arg.asText().contains(".") ? F.arrayNode().add(arg.asText()
                .substring(0, arg.asText().indexOf('.'))).add(arg.asText().substring(arg.asText().indexOf('.') + 1))
                : resolve(arg, path);
        if (isUnresolved(a)) {
            return a;
        }
        if (!a.isArray() || a.size() != 2) {
            return bad(path, "expected [RESOURCE, ATTRIBUTE] or \"RESOURCE.ATTRIBUTE\"");
        }
        String resource = a.get(0).asText();
        String attribute = a.get(1).asText();
        JsonNode r = template.path("Resources").path(resource);
        if (r.isMissingNode()) {
            problems.add(new Problem(path, "GetAtt of '" + resource + "', which is not a resource of this template"));
            return unresolved("GetAtt of undeclared " + resource, "fix the template");
        }
        String type = r.path("Type").asText();
        boolean id = type.equals("AWS::EC2::SecurityGroup") && attribute.equals("GroupId")
                || type.equals("AWS::EC2::Subnet") && attribute.equals("SubnetId")
                || type.equals("AWS::EC2::VPC") && attribute.equals("VpcId");
        return id ? TextNode.valueOf(id(resource)) : unresolved(resource + "." + attribute, "known only after deployment");
    }

    private JsonNode sub(JsonNode arg, String path) {
        String text;
        Map<String, JsonNode> vars = new TreeMap<>();
        if (arg.isArray() && arg.size() == 2) {
            text = arg.get(0).asText();
            for (Iterator<Map.Entry<String, JsonNode>> it = arg.get(1).fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                vars.put(e.getKey(), resolve(e.getValue(), path + "[1]." + e.getKey()));
            }
        } else if (arg.isTextual()) {
            text = arg.asText();
        } else {
            return bad(path, "expected a string or [STRING, {VARIABLES}]");
        }
        Matcher m = SUB.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            JsonNode v;
            if (name.startsWith("!")) {
                v = TextNode.valueOf("${" + name.substring(1) + "}");
            } else if (vars.containsKey(name)) {
                v = vars.get(name);
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                v = getAtt(TextNode.valueOf(name), path);
            } else {
                v = ref(name, path);
            }
            if (isUnresolved(v)) {
                return v;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(v.isArray() ? join(v) : v.asText()));
        }
        m.appendTail(out);
        return TextNode.valueOf(out.toString());
    }

    private static String join(JsonNode list) {
        List<String> parts = new ArrayList<>();
        list.forEach(p -> parts.add(p.asText()));
        return String.join(",", parts);
    }

    private JsonNode iff(JsonNode arg, String path) {
        if (!arg.isArray() || arg.size() != 3 || !arg.get(0).isTextual()) {
            return bad(path, "expected [CONDITION, VALUE_IF_TRUE, VALUE_IF_FALSE]");
        }
        Boolean c = condition(arg.get(0).asText(), path + "[0]");
        if (c == null) {
            return unresolvedCondition(arg.get(0).asText(), " (Fn::If)");
        }
        return resolve(arg.get(c ? 1 : 2), path + "[" + (c ? 1 : 2) + "]");
    }

    /**
     * A condition that depends on unresolved values, {@code label} after its name: what it depends on and how to give
     * it, as the value said (an SSM parameter is not given with --parameters).
     */
    ObjectNode unresolvedCondition(String name, String label) {
        JsonNode w = why.get(name);
        return w == null ? unresolved("condition " + name + label + " depends on unresolved values", "give the"
                + " parameters it reads with --parameters") : unresolved("condition " + name + label + " depends on"
                + " unresolved values: " + w.path(UNRESOLVED).asText(), w.path(HOW).asText());
    }

    /** A condition of the template: true, false, or null when it depends on unresolved values. */
    Boolean condition(String name, String path) {
        if (conditions.containsKey(name)) {
            return conditions.get(name);
        }
        JsonNode def = template.path("Conditions").get(name);
        if (def == null) {
            problems.add(new Problem(path, "condition '" + name + "' is not declared under Conditions"));
            return null;
        }
        if (!evaluating.add(name)) {
            problems.add(new Problem("Conditions." + name, "the condition refers to itself"));
            return null;
        }
        JsonNode v = resolve(def, "Conditions." + name);
        evaluating.remove(name);
        Boolean b = v.isBoolean() ? v.asBoolean() : null;
        if (isUnresolved(v)) {
            why.put(name, v);
        }
        conditions.put(name, b);
        return b;
    }

    private Boolean logic(String key, JsonNode a, String path) {
        if (!a.isArray()) {
            bad(path, "expected a list");
            return null;
        }
        for (JsonNode p : a) {
            if (isUnresolved(p)) {
                return null;
            }
        }
        switch (key) {
            case "Fn::Equals":
                if (a.size() != 2) {
                    bad(path, "expected [VALUE, VALUE]");
                    return null;
                }
                return a.get(0).asText().equals(a.get(1).asText());
            case "Fn::Not":
                if (a.size() != 1 || !a.get(0).isBoolean()) {
                    bad(path, "expected [CONDITION]");
                    return null;
                }
                return !a.get(0).asBoolean();
            case "Fn::And": {
                boolean all = true;
                for (JsonNode p : a) {
                    all &= p.asBoolean();
                }
                return all;
            }
            default: {
                boolean any = false;
                for (JsonNode p : a) {
                    any |= p.asBoolean();
                }
                return any;
            }
        }
    }
}
