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
        this(template, given, exports, pseudo, problems, stack, Map.of(), f -> problems, "the template");
    }

    /** Where each given parameter was given (a key without one: not from a file). */
    private final Map<String, ChangeReader.Origin> origins;
    /** The parameters whose value is masked in what the gate says (NoEcho). */
    private final Map<String, String> secret = new TreeMap<>();
    /** Path of a Ref (less ".Ref") or Fn::Sub -> the given parameters it read there. */
    private final Map<String, Set<String>> refs = new TreeMap<>();
    private final String templateName;

    /**
     * @param origins      where each value of {@code given} was given: a problem of that value is then the
     *                     parameters file's, at the value's path there, naming the template
     * @param fileProblems a parameters file's problems
     * @param templateName the template, as messages name it
     */
    Intrinsics(JsonNode template, Map<String, String> given, Map<String, String> exports, Map<String, String> pseudo,
            List<Problem> problems, String stack, Map<String, ChangeReader.Origin> origins,
            java.util.function.Function<String, List<Problem>> fileProblems, String templateName) {
        this.stack = stack;
        this.template = template;
        this.exports = exports;
        this.origins = origins;
        this.templateName = templateName;
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
            boolean list = type.startsWith("List<") || type.contains("CommaDelimitedList") || type.contains("<List<");
            if (p.getValue().path("NoEcho").asText().equalsIgnoreCase("true") && value != null) {
                secret.put(p.getKey(), value);
            }
            if (value != null && !ChangeReader.PREVIOUS_VALUE.equals(value) && !type.startsWith("AWS::SSM::")) {
                String refused = refused(p.getKey(), p.getValue(), type, list, value);
                ChangeReader.Origin o = given.containsKey(p.getKey()) ? origins.get(p.getKey()) : null;
                if (refused != null && o != null) { // the parameters file's value: said there, naming the template
                    fileProblems.apply(o.file()).add(new Problem(o.valuePath(), Problem.quote(shown(p.getKey(), value))
                            + " for parameter " + p.getKey() + " of " + templateName + ": " + refused
                            + " (CloudFormation would refuse the stack)"));
                } else if (refused != null && refused.startsWith("expected one of its AllowedValues ")) {
                    problems.add(new Problem("Parameters." + p.getKey(), (given.containsKey(p.getKey())
                            ? "--parameters gives " : "its Default ") + Problem.quote(shown(p.getKey(), value)) + ", not one of"
                            + refused.substring("expected one of".length()) + " (CloudFormation would refuse the"
                            + " stack)"));
                } else if (refused != null) {
                    problems.add(new Problem("Parameters." + p.getKey() + (given.containsKey(p.getKey()) ? ""
                            : ".Default"), (given.containsKey(p.getKey()) ? "--parameters gives " : "its Default ")
                            + Problem.quote(shown(p.getKey(), value)) + ": " + refused + " (CloudFormation would refuse the stack)"));
                }
            }
            ChangeReader.Origin listed = given.containsKey(p.getKey()) ? origins.get(p.getKey()) : null;
            if (listed != null && listed.list() && !list) {
                fileProblems.apply(listed.file()).add(new Problem(listed.valuePath(), "expected one value: parameter "
                        + p.getKey() + " of " + templateName + " is a " + type + ", not a list (a list is for"
                        + " CommaDelimitedList and List<...> parameters)"));
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
                v = unresolved("parameter " + p.getKey() + " (" + type + ") is the SSM parameter "
                        + shown(p.getKey(), value) + (given.containsKey(p.getKey()) ? " (given in --parameters)" : "")
                        + ", whose value CloudFormation reads from SSM Parameter Store at deployment", "the gate cannot"
                        + " read Parameter Store: a value in --parameters is the SSM parameter's name, not its value;"
                        + " --allow-unsimulated passes without what depends on it");
            } else if (list) {
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
                ChangeReader.Origin o = origins.get(name);
                if (o != null) {
                    fileProblems.apply(o.file()).add(new Problem(o.keyPath(), "--parameters gives " + name + ", which "
                            + templateName + " does not declare (declared: " + String.join(", ", parameters.keySet())
                            + ")"));
                } else {
                    problems.add(new Problem("Parameters", "--parameters gives " + name + ", which the template does"
                            + " not declare (declared: " + String.join(", ", parameters.keySet()) + ")"));
                }
            }
        }
    }

    /** A parameter's value as the gate may say it: '****' for a NoEcho parameter, as CloudFormation shows it. */
    private String shown(String name, String value) {
        return secret.containsKey(name) ? "****" : value;
    }

    private static final Map<String, String> ID_PREFIXES = Map.of("AWS::EC2::Subnet::Id", "subnet-",
            "AWS::EC2::SecurityGroup::Id", "sg-", "AWS::EC2::VPC::Id", "vpc-");

    /**
     * Why CloudFormation refuses a parameter's value (its Type, AllowedValues, AllowedPattern, Min/MaxLength,
     * Min/MaxValue, each value of a list checked), as "expected ..."; null when it takes it.
     */
    private String refused(String name, JsonNode declared, String type, boolean list, String value) {
        String itemType = list && type.startsWith("List<") ? type.substring(5, type.length() - 1) : type;
        List<String> items = new ArrayList<>();
        if (list) {
            for (String s : value.split(",")) {
                if (!s.isBlank()) {
                    items.add(s.strip());
                }
            }
        } else {
            items.add(value);
        }
        JsonNode allowed = declared.path("AllowedValues");
        if (!list && allowed.isArray() && !allowed.isEmpty()) {
            List<String> values = new ArrayList<>();
            allowed.forEach(a -> values.add(a.asText()));
            if (!values.contains(value)) {
                return "expected one of its AllowedValues " + values;
            }
        }
        for (String item : items) {
            String at = list ? Problem.quote(secret.containsKey(name) ? "****" : item) + " of the list: " : "";
            if (itemType.equals("Number") && !item.strip().matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
                return at + "expected a number: its Type is " + type;
            }
            String prefix = ID_PREFIXES.get(itemType);
            if (prefix != null && !item.startsWith(prefix)) {
                return at + "expected " + (itemType.contains("Subnet") ? "a subnet" : itemType.contains("Security")
                        ? "a security group" : "a VPC") + " id, " + prefix + "...: its Type is " + type;
            }
        }
        if (list) {
            return null;
        }
        JsonNode pattern = declared.path("AllowedPattern");
        if (pattern.isTextual()) {
            try {
                if (!Pattern.compile(pattern.asText()).matcher(value).matches()) {
                    return "expected a value matching its AllowedPattern " + pattern.asText();
                }
            } catch (java.util.regex.PatternSyntaxException e) {
                // a pattern Java cannot read: CloudFormation's own check is not repeated
            }
        }
        if (declared.path("MinLength").canConvertToInt() && declared.path("MinLength").isNumber()
                && value.length() < declared.path("MinLength").asInt()) {
            return "expected at least its MinLength " + declared.path("MinLength").asInt() + " characters";
        }
        if (declared.path("MaxLength").isNumber() && value.length() > declared.path("MaxLength").asInt()) {
            return "expected at most its MaxLength " + declared.path("MaxLength").asInt() + " characters";
        }
        if (type.equals("Number")) {
            double d = Double.parseDouble(value.strip());
            if (declared.path("MinValue").isNumber() && d < declared.path("MinValue").asDouble()) {
                return "expected at least its MinValue " + declared.path("MinValue").asText();
            }
            if (declared.path("MaxValue").isNumber() && d > declared.path("MaxValue").asDouble()) {
                return "expected at most its MaxValue " + declared.path("MaxValue").asText();
            }
        }
        return null;
    }

    /**
     * A template's problem at {@code q.path()} made from values of parameters given in a parameters file (a Ref or
     * Fn::Sub of them at, inside or around that path): said with where each was given, a NoEcho value masked.
     */
    Problem annotate(Problem q) {
        if (!q.path().contains(".") && !q.path().contains("[")) { // "Resources": not one value, not every value
            return q;
        }
        Set<String> used = new java.util.TreeSet<>();
        refs.forEach((at, names) -> {
            if (related(at, q.path())) {
                used.addAll(names);
            }
        });
        String message = q.message();
        List<String> from = new ArrayList<>();
        for (String name : used) {
            String value = secret.get(name);
            if (value != null && value.length() > 2) {
                message = message.replace(value, "****");
            }
            ChangeReader.Origin o = origins.get(name);
            if (o != null) {
                from.add(name + " (" + o.file() + ": " + o.valuePath() + ")");
            }
        }
        String said = "; from the value of parameter" + (from.size() > 1 ? "s " : " ") + String.join(", ", from);
        if (from.isEmpty() || message.contains(said)) {
            return message.equals(q.message()) ? q : new Problem(q.path(), message);
        }
        return new Problem(q.path(), message + said);
    }

    private static boolean related(String a, String b) {
        return a.equals(b) || inside(a, b) || inside(b, a);
    }

    /** {@code inner} is a path below {@code outer}. */
    private static boolean inside(String inner, String outer) {
        return inner.startsWith(outer) && inner.length() > outer.length()
                && (inner.charAt(outer.length()) == '.' || inner.charAt(outer.length()) == '[');
    }

    /** A nested stack's logical id in its parent and its name as CloudFormation makes it; null when not nested. */
    private String[] nested;

    /**
     * This template is a nested stack's (or SAM application's), {@code id} in its parent: its AWS::StackName and
     * AWS::StackId are its own, made by CloudFormation when it creates it ({@code name}: PARENT-id-SUFFIX), not known
     * before.
     */
    void nestedStack(String id, String name) {
        nested = new String[] {id, name};
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
            return unresolved(Problem.quote(v.asText()) + " is a dynamic reference, resolved at deployment",
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
                String given = exports.get(ChangeReader.EXPORTS_GIVEN);
                return value != null ? TextNode.valueOf(value) : unresolved("export " + name.asText()
                        + " (another stack's output)", partial != null ? "not in " + partial + ", one page of several"
                        + " of `aws cloudformation list-exports` (it has a NextToken): give every page with --exports"
                        + " (or save the whole listing: the AWS CLI pages through it without --max-items or"
                        + " --no-paginate)" : given != null ? "not in " + given + ", the `aws cloudformation"
                        + " list-exports` output given with --exports: is the export's stack deployed in this account"
                        + " and Region, and was the listing saved after it?"
                        : "give `aws cloudformation list-exports` output with --exports");
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
            if (origins.containsKey(name)) {
                refs.computeIfAbsent(path.endsWith(".Ref") ? path.substring(0, path.length() - 4) : path,
                        k -> new java.util.TreeSet<>()).add(name);
            }
            return parameters.get(name);
        }
        if (name.equals("AWS::NoValue")) {
            ObjectNode n = F.objectNode();
            n.put(NO_VALUE, true);
            return n;
        }
        if (nested != null && (name.equals("AWS::StackName") || name.equals("AWS::StackId"))) {
            return unresolved(name + " of nested stack " + nested[0] + " (CloudFormation names it " + nested[1]
                    + ", its suffix random, when it creates it)", "not known before deployment: --stack-name names"
                    + " the parent stack only");
        }
        if (name.startsWith("AWS::")) {
            String v = pseudo.get(name);
            return v != null ? TextNode.valueOf(v) : unresolved("pseudo parameter " + name, "give it with"
                    + " --stack-name / --region, or as --parameters " + name + "=VALUE");
        }
        if (template.path("Resources").has(name)) {
            return TextNode.valueOf(id(name)); // the logical id stands for the resource's id
        }
        problems.add(new Problem(path, "Ref to " + Problem.quote(name) + ", which is neither a parameter nor a resource of this"
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
        if (r.isMissingNode()) { // said at the value's own path, which the file has in either form (!GetAtt too)
            String at = path.endsWith(".Fn::GetAtt") ? path.substring(0, path.length() - ".Fn::GetAtt".length()) : path;
            problems.add(new Problem(at, "GetAtt of " + Problem.quote(resource) + ", which is not a resource of this template"));
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
            problems.add(new Problem(path, "condition " + Problem.quote(name) + " is not declared under Conditions"));
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
