package dev.enisim.iac;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * One CloudFormation template (SAM and CDK output included) as a change: its functions (AWS::Lambda::Function,
 * AWS::Serverless::Function with the template's Globals), their versions, aliases and concurrency, the subnets,
 * security groups and VPCs it defines, EFS mount targets, and its nested stacks and SAM applications (CDK names
 * their templates in the {@code aws:asset:path} metadata; before packaging, TemplateURL / Location is a local path). A function whose name is in the account is updated, else created; with
 * {@code deleteStack} every function is deleted.
 */
final class CloudFormation {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** The resource types whose properties are read. */
    private static final java.util.Set<String> READ = java.util.Set.of("AWS::Lambda::Function",
            "AWS::Serverless::Function", "AWS::Lambda::Version", "AWS::Lambda::Alias", "AWS::EC2::VPC",
            "AWS::EC2::Subnet", "AWS::EC2::SecurityGroup", "AWS::EFS::MountTarget", "AWS::CodeBuild::Project",
            "AWS::CloudFormation::Stack", "AWS::Serverless::Application");
    /** Lambda's largest MemorySize and Timeout, for functions on a capacity provider (Lambda Managed Instances). */
    private static final int AWS_MAX_MEMORY = 32_768;
    private static final int AWS_MAX_TIMEOUT = 5_400;
    /** Templates being read, parent first: a nested template that nests one of them again is refused. */
    private final List<Path> chain;
    private final Path file;
    private final JsonNode template;
    private final Builder out;
    private final List<Problem> problems;
    private final Intrinsics x;
    private final Map<String, Integer> provisioned = new TreeMap<>();
    private final Map<String, Boolean> publishes = new TreeMap<>();

    private final String stack;
    /** A nested stack or SAM application read through its parent: its own name is not the parent's. */
    private final boolean nested;
    /**
     * A nested stack's name as CloudFormation makes it, {@code PARENT-LogicalId-SUFFIX}: literal parts with a random
     * suffix between each two (one deeper: {@code PARENT-A-SUFFIX-B-SUFFIX}); null when not nested or when its
     * parent's name is not known.
     */
    private final List<String> nestedName;

    CloudFormation(Path file, JsonNode template, Map<String, String> parameters, Builder out) {
        this(file, template, parameters, Map.of(), out, null);
    }

    /**
     * @param stack the stack's name when several stacks are read together: logical ids are per stack, so the ids of
     *              the resources it creates are {@code stack/LogicalId} and a function without a FunctionName is
     *              {@code stack-LogicalId} (as CloudFormation names it, less its random suffix); null: one stack
     */
    CloudFormation(Path file, JsonNode template, Map<String, String> parameters,
            Map<String, ChangeReader.Origin> origins, Builder out, String stack) {
        this(file, template, parameters, origins, out, stack, List.of(), null, null);
    }

    /**
     * @param nestedId   the logical id of the nested stack (application) in its parent; null: a stack given itself
     * @param nestedName that nested stack's name ({@link #nestedName}), null when its parent's is not known
     */
    private CloudFormation(Path file, JsonNode template, Map<String, String> parameters,
            Map<String, ChangeReader.Origin> origins, Builder out, String stack, List<Path> parents, String nestedId,
            List<String> nestedName) {
        List<Path> c = new ArrayList<>(parents);
        c.add(file.toAbsolutePath().normalize());
        this.chain = List.copyOf(c);
        this.stack = stack;
        this.nested = nestedId != null;
        this.nestedName = nestedName;
        this.file = file;
        this.template = template;
        this.out = out;
        this.problems = out.problems(file);
        Map<String, String> pseudo = out.in.pseudo();
        if (nested) { // --stack-name (or a CDK manifest's) names the parent: this stack's name is CloudFormation's
            pseudo = new TreeMap<>(pseudo);
            pseudo.remove("AWS::StackName");
            pseudo.remove("AWS::StackId");
        }
        this.x = new Intrinsics(template, parameters, out.in.exports(), pseudo, problems, stack, origins,
                f -> out.problems(Path.of(f)), file.toString());
        if (nested) {
            x.nestedStack(nestedId, nestedName == null ? "PARENT-" + nestedId + "-SUFFIX" : shown(nestedName));
        }
        if (problems instanceof Builder.Problems ps) { // a value from a parameters file: said with where it was given
            ps.annotate(x::annotate);
        }
    }

    void read() {
        JsonNode resources = template.get("Resources");
        if (resources == null || !resources.isObject()) {
            problems.add(new Problem("Resources", "expected the template's resources (is this a CloudFormation"
                    + " template?)"));
            return;
        }
        if (ForEach.has(resources)) {
            // AWS::LanguageExtensions' loops: expanded in place, so that references to the resources they make resolve
            resources = ForEach.expand(resources, x, problems, out, file);
            ((ObjectNode) template).set("Resources", resources);
        }
        List<Runnable> functions = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String id = e.getKey();
            JsonNode r = e.getValue();
            String p = "Resources." + id;
            if (!r.path("Type").isTextual()) {
                problems.add(new Problem(p + ".Type", "missing (expected a resource type like AWS::Lambda::Function)"));
                continue;
            }
            JsonNode own = r.get("Properties");
            if (own != null && !own.isNull() && !own.isObject() && READ.contains(r.get("Type").asText())) {
                problems.add(new Problem(p + ".Properties", "expected an object (the resource's properties, NAME:"
                        + " VALUE), got " + own));
                continue;
            }
            if (r.has("Condition") && r.get("Condition").isTextual()) {
                Boolean c = x.condition(r.get("Condition").asText(), p + ".Condition");
                if (Boolean.FALSE.equals(c)) {
                    out.notes.add(file + ": " + p + " not created (condition " + r.get("Condition").asText()
                            + " is false)");
                    continue;
                }
                if (c == null) {
                    JsonNode why = x.unresolvedCondition(r.get("Condition").asText(), "");
                    out.placeholder(file, p + ".Condition", Intrinsics.unresolved("whether " + id + " is created ("
                            + why.path(Intrinsics.UNRESOLVED).asText() + ")", why.path(Intrinsics.HOW).asText()));
                    String type = r.get("Type").asText();
                    boolean function = type.equals("AWS::Lambda::Function") || type.equals("AWS::Serverless::Function");
                    if (function && (r.path("Properties").has("VpcConfig") || type.equals("AWS::Serverless::Function")
                            && template.path("Globals").path("Function").has("VpcConfig"))) {
                        // a VPC function that may or may not be created: neither branch checked, so not a pass
                        JsonNode name = r.path("Properties").path("FunctionName");
                        out.unsimulated.add((name.isTextual() ? name.asText() : id) + " (" + file + ": " + p + "):"
                                + " whether it is created is not known: " + why.path(Intrinsics.UNRESOLVED).asText()
                                + " (" + why.path(Intrinsics.HOW).asText() + ")");
                    }
                    continue;
                }
            }
            JsonNode props = r.path("Properties");
            switch (r.get("Type").asText()) {
                case "AWS::Lambda::Function", "AWS::Serverless::Function" ->
                        functions.add(() -> function(id, r, p));
                case "AWS::Lambda::Version" -> target(props, p, id).ifPresent(f -> {
                    publishes.put(f, true);
                    provisioned.merge(f, provisioned(props.path("ProvisionedConcurrencyConfig"), p), Math::max);
                });
                case "AWS::Lambda::Alias" -> target(props, p, id).ifPresent(f -> provisioned.merge(f,
                        provisioned(props.path("ProvisionedConcurrencyConfig"), p), Math::max));
                case "AWS::EC2::VPC" -> out.vpcs.add(new Change.Vpc(x.id(id), text(props.get("CidrBlock"),
                        p + ".Properties.CidrBlock"), file + ": " + p));
                case "AWS::EC2::Subnet" -> out.subnets.add(new Change.Subnet(x.id(id), text(props.get("VpcId"),
                        p + ".Properties.VpcId"), text(props.get("CidrBlock"), p + ".Properties.CidrBlock"),
                        text(props.get("AvailabilityZone"), p + ".Properties.AvailabilityZone"), file + ": " + p,
                        "true".equals(text(props.get("Ipv6Native"), p + ".Properties.Ipv6Native"))));
                case "AWS::EC2::SecurityGroup" -> out.groups.add(new Change.Group(x.id(id), text(props.get("VpcId"),
                        p + ".Properties.VpcId"), file + ": " + p));
                case "AWS::EFS::MountTarget" -> {
                    String subnet = text(props.get("SubnetId"), p + ".Properties.SubnetId");
                    if (subnet != null) {
                        out.interfaces.add(new Change.Interface(subnet, "EFS mount target", file + ": " + p));
                    }
                }
                case "AWS::CodeBuild::Project" -> {
                    if (props.has("VpcConfig")) {
                        out.notes.add(file + ": " + p + " (CodeBuild) has a VpcConfig: its builds use network"
                                + " interfaces of their own, not Lambda's; not simulated");
                    }
                }
                case "AWS::Serverless::CapacityProvider", "AWS::Lambda::CapacityProvider" -> out.notes.add(file + ": "
                        + p + " is a capacity provider (Lambda Managed Instances): its instances' network interfaces"
                        + " are not Hyperplane ENIs; not simulated");
                case "AWS::CloudFormation::Stack", "AWS::Serverless::Application" -> nested(id, r, p);
                default -> {
                    // other resources do not touch Lambda's networking
                }
            }
        }
        functions.forEach(Runnable::run);
    }

    /**
     * The function a Version or Alias belongs to: a Ref to a function of the template (its logical id), its ARN
     * (GetAtt Arn: its logical id too), or its name (a literal, or a parameter's value); {@link #function} looks a
     * function's versions up by both its logical id and its name.
     */
    private Optional<String> target(JsonNode props, String p, String id) {
        JsonNode fn = props.get("FunctionName");
        JsonNode att = fn == null ? null : fn.get("Fn::GetAtt");
        if (att != null) {
            String[] ra = att.isArray() && att.size() == 2 ? new String[] {att.get(0).asText(), att.get(1).asText()}
                    : att.asText().split("\\.", 2);
            String type = template.path("Resources").path(ra[0]).path("Type").asText();
            if (ra.length == 2 && ra[1].equals("Arn") && (type.equals("AWS::Lambda::Function")
                    || type.equals("AWS::Serverless::Function"))) {
                return Optional.of(ra[0]);
            }
        }
        JsonNode v = x.resolve(fn, p + ".Properties.FunctionName");
        if (v == null || !v.isTextual()) {
            out.notes.add(file + ": " + p + ": cannot tell which function " + id + " belongs to");
            return Optional.empty();
        }
        return Optional.of(x.local(v.asText())); // a Ref to the function: its logical id
    }

    /**
     * ProvisionedConcurrentExecutions: a whole number (or a string of digits, as CloudFormation accepts), 0 when absent
     * or not known before deployment. Anything else (2.5, -1, "two") is a problem of the template: CloudFormation refuses
     * it, and reading it as 0 would simulate a change that cannot be deployed.
     */
    private int provisioned(JsonNode config, String p) {
        String path = p + ".Properties.ProvisionedConcurrencyConfig.ProvisionedConcurrentExecutions";
        JsonNode v = x.resolve(config.get("ProvisionedConcurrentExecutions"), path);
        if (v == null || !v.isValueNode() || Intrinsics.isUnresolved(v) || Intrinsics.isNoValue(v)) {
            return 0;
        }
        if (v.isInt() && v.asInt() >= 0 || v.isTextual() && v.asText().matches("\\d{1,7}")) {
            return v.asInt();
        }
        problems.add(new Problem(path, "expected a whole number of execution environments, 0 or more, got " + v));
        return 0;
    }

    private String text(JsonNode v, String path) {
        JsonNode r = x.resolve(v, path);
        return resolved(r, path) && r.isValueNode() ? r.asText() : null;
    }

    /**
     * A function; for a SAM function, what is said of a value inherited from Globals is said where the value is
     * ({@code Globals.Function.VpcConfig.SubnetIds[0]}), not at a path of the function that does not exist.
     */
    private void function(String id, JsonNode r, String p) {
        JsonNode globals = template.path("Globals").path("Function");
        if (!r.get("Type").asText().equals("AWS::Serverless::Function") || !globals.isObject()) {
            functionMerged(id, r, p);
            return;
        }
        int problemsBefore = problems.size();
        int placeholdersBefore = out.placeholders.size();
        functionMerged(id, r, p);
        String pp = p + ".Properties";
        JsonNode own = r.path("Properties");
        List<Problem> mine = new ArrayList<>(problems.subList(problemsBefore, problems.size()));
        problems.subList(problemsBefore, problems.size()).clear();
        for (Problem q : mine) { // a Globals value wrong for every function is said once, where it is
            Problem at = new Problem(Globals.where(q.path(), pp, globals, own), q.message());
            if (!problems.contains(at)) {
                problems.add(at);
            }
        }
        String prefix = file + ": ";
        List<Change.Placeholder> asked = new ArrayList<>(out.placeholders.subList(placeholdersBefore,
                out.placeholders.size()));
        out.placeholders.subList(placeholdersBefore, out.placeholders.size()).clear();
        for (Change.Placeholder q : asked) { // a Globals value every function inherits is asked for once
            Change.Placeholder at = !q.where().startsWith(prefix) ? q : new Change.Placeholder(prefix + Globals.where(
                    q.where().substring(prefix.length()), pp, globals, own), q.what(), q.howToGive());
            if (!out.placeholders.contains(at)) {
                out.placeholders.add(at);
            }
        }
    }

    /**
     * The account a function is in when its Role is an ARN the template says ({@code arn:aws:iam::ACCOUNT:role/..},
     * {@code AWS::AccountId} as --account-id gives it), else null; a Role not resolved says nothing (no placeholder:
     * the role is not simulated).
     */
    private String account(JsonNode props, String pp) {
        int problemsBefore = problems.size();
        int placeholdersBefore = out.placeholders.size();
        JsonNode role = x.resolve(props.get("Role"), pp + ".Role");
        problems.subList(problemsBefore, problems.size()).clear();
        out.placeholders.subList(placeholdersBefore, out.placeholders.size()).clear();
        return role != null && role.isTextual() ? Change.Function.accountOf(role.asText()) : null;
    }

    private void functionMerged(String id, JsonNode r, String p) {
        boolean sam = r.get("Type").asText().equals("AWS::Serverless::Function");
        JsonNode props = r.path("Properties");
        if (sam) {
            props = Globals.merge(template.path("Globals").path("Function"), props);
        }
        String pp = p + ".Properties";
        ambiguous = List.of();
        String named = name(id, props, pp);
        boolean badName = named == null; // its other problems are still looked for: every problem at once
        String name = badName ? id : named;
        if (!ambiguous.isEmpty()) { // which of the account's functions it is decides create / update: not guessed
            out.placeholders.add(new Change.Placeholder(file + ": " + pp + ".FunctionName", "not given: the name"
                    + " CloudFormation generated (" + shown(functionName(id)) + "-SUFFIX) matches "
                    + ambiguous.size() + " of the account's functions: " + String.join(", ", ambiguous) + "; which one"
                    + " this stack made is not known", "take the others out of --account's scenario if they are gone,"
                    + " or pass --allow-unsimulated"));
            out.unsimulated.add(id + " (" + file + ": " + p + "): which of the account's functions it is ("
                    + String.join(", ", ambiguous) + ") is not known");
            return;
        }
        JsonNode capacity = x.resolve(props.get("CapacityProviderConfig"), pp + ".CapacityProviderConfig");
        if (capacity != null && !Intrinsics.isNoValue(capacity)) { // Lambda Managed Instances: no Hyperplane ENI
            integer(props.get("MemorySize"), pp + ".MemorySize", 128, AWS_MAX_MEMORY);
            integer(props.get("Timeout"), pp + ".Timeout", 1, AWS_MAX_TIMEOUT);
            if (Intrinsics.isUnresolved(capacity)) { // whether it runs on a capacity provider is not known
                out.placeholder(file, pp + ".CapacityProviderConfig", capacity);
                out.unsimulated.add(name + " (" + file + ": " + p + "): whether it runs on a capacity provider"
                        + " (CapacityProviderConfig) is not known");
            } else {
                out.notes.add(file + ": " + p + " (" + name + ") runs on a capacity provider (CapacityProviderConfig,"
                        + " Lambda Managed Instances): its network interfaces are its instances', not Hyperplane"
                        + " ENIs; not simulated");
            }
            return;
        }
        if (out.in.deleteStack()) {
            JsonNode policy = x.resolve(r.get("DeletionPolicy"), p + ".DeletionPolicy");
            if (policy != null && policy.isTextual() && (policy.asText().equals("Retain")
                    || policy.asText().equals("RetainExceptOnCreate"))) { // the stack goes, the function stays
                out.notes.add(file + ": " + p + " (" + name + ") has DeletionPolicy " + policy.asText() + ": deleting"
                        + " the stack keeps the function and its ENIs; not deleted here");
                return;
            }
        }
        Change.Action action = out.in.deleteStack() ? Change.Action.DELETE
                : out.in.functions().contains(name) ? Change.Action.UPDATE : Change.Action.CREATE;
        List<String> subnets = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        boolean known = vpc(x.resolve(props.get("VpcConfig"), pp + ".VpcConfig"), pp + ".VpcConfig", subnets, groups);
        int prov = Math.max(Math.max(provisioned.getOrDefault(id, 0), provisioned.getOrDefault(name, 0)),
                sam ? provisioned(props.path("ProvisionedConcurrencyConfig"), p) : 0);
        boolean publish = publishes.getOrDefault(id, false) || publishes.getOrDefault(name, false)
                || sam && props.hasNonNull("AutoPublishAlias");
        Change.Function f = new Change.Function(name, file + ": " + p, action, known, subnets, groups,
                integer(props.get("MemorySize"), pp + ".MemorySize", 128, 10_240),
                integer(props.get("Timeout"), pp + ".Timeout", 1, 900),
                integer(props.get("ReservedConcurrentExecutions"), pp + ".ReservedConcurrentExecutions", 0,
                        10_000_000), prov, publish, text(props.get("Runtime"), pp + ".Runtime"), account(props, pp));
        if (!badName) {
            out.function(f);
            JsonNode snap = x.resolve(props.get("SnapStart"), pp + ".SnapStart");
            JsonNode applyOn = snap == null || !snap.isObject() ? null : x.resolve(snap.get("ApplyOn"),
                    pp + ".SnapStart.ApplyOn");
            if (applyOn != null && applyOn.isTextual() && !applyOn.asText().equals("None")) {
                out.notes.add(file + ": " + p + " (" + name + ") sets SnapStart (ApplyOn " + applyOn.asText() + "):"
                        + " " + SNAPSTART);
            }
        }
    }

    /** What the gate says of a function with SnapStart on (README, Modelling assumptions). */
    static final String SNAPSTART = "not modelled (README, Modelling assumptions): cold starts of published versions"
            + " are full inits here, slower than a restore from a snapshot";

    /**
     * The function's name: FunctionName, else the one CloudFormation generates ({@code STACK-LogicalId-SUFFIX}): an
     * account function with that prefix when the stack name is given, else the logical id.
     */
    private String name(String id, JsonNode props, String pp) {
        JsonNode n = props.has("FunctionName") ? x.resolve(props.get("FunctionName"), pp + ".FunctionName") : null;
        if (n != null && n.isTextual()) {
            if (!NAME.matcher(n.asText()).matches()) {
                problems.add(new Problem(pp + ".FunctionName", "expected 1 to 64 letters, digits, '-' or '_', got "
                        + Problem.quote(n.asText())));
                return null;
            }
            return n.asText();
        }
        String stack = x.pseudo("AWS::StackName");
        List<String> deployed = functionName(id);
        if (deployed != null && n == null) {
            List<String> matches = generated(deployed, out.in.functions());
            if (matches.size() == 1) {
                return matches.get(0);
            }
            if (matches.size() > 1) {
                ambiguous = matches;
                return id;
            }
        } else if (stack != null) { // a FunctionName not resolved: the account's function with the stack's prefix
            String prefix = (stack + "-" + id);
            prefix = prefix.substring(0, Math.min(prefix.length(), 50));
            for (String existing : new TreeSet<>(out.in.functions())) {
                if (existing.startsWith(prefix)) {
                    return existing;
                }
            }
        }
        String generated = this.stack == null ? id : this.stack.replaceAll("[^A-Za-z0-9-]+", "-") + "-" + id;
        String fallback = generated.length() > 64 ? generated.substring(0, 64) : generated;
        if (n == null && nested) { // named after the nested stack's name, itself made from its parent's
            out.notes.add(file + ": " + pp + ".FunctionName not given: CloudFormation generates a name"
                    + (deployed == null ? " from its nested stack's, itself made from the parent stack's (give"
                    + " --stack-name to match it to the account's function)" : ", " + shown(deployed) + "-SUFFIX,"
                    + " which none of the account's functions has") + "; the function is called " + fallback
                    + " here");
        } else if (n == null) {
            out.notes.add(file + ": " + pp + ".FunctionName not given: CloudFormation generates a name"
                    + (stack == null ? " from the stack's (give --stack-name to match it to the account's function)"
                    : "") + "; the function is called " + fallback + " here");
        } else { // the template names it, from something not given: whether it is the account's decides create/update
            boolean fromStackName = props.get("FunctionName").toString().contains("AWS::StackName");
            boolean needsStack = fromStackName && stack == null && !nested;
            out.placeholders.add(new Change.Placeholder(file + ": " + pp + ".FunctionName", "not resolved: the"
                    + " function is called " + fallback + " here, so it is taken as a function the change creates, not"
                    + " one of the account's", needsStack ? "it is built from AWS::StackName: give --stack-name"
                    : fromStackName && nested ? "it is built from the nested stack's AWS::StackName, which"
                    + " CloudFormation makes when it creates the stack (" + (nestedName == null ? "PARENT-LogicalId"
                    + "-SUFFIX" : shown(nestedName)) + "): not known before deployment"
                    : "give the --parameters or --exports it is built from"));
        }
        return fallback;
    }

    /** The account's functions an ambiguous generated name matched (set by {@link #name}). */
    private List<String> ambiguous = List.of();

    /**
     * The stack name CloudFormation builds a function's name from: AWS::StackName when given (--stack-name,
     * --parameters, a CDK manifest's stackName), else the stack's name here when several are read; null when unknown.
     */
    private String generatedStack() {
        String given = x.pseudo("AWS::StackName");
        return given != null ? given : this.stack == null ? null : this.stack.replaceAll("[^A-Za-z0-9-]+", "-");
    }

    /**
     * This stack's name as CloudFormation names it ({@link #nestedName}'s form): a nested stack's
     * {@code PARENT-LogicalId-SUFFIX}, else {@link #generatedStack}; null when not known.
     */
    private List<String> stackName() {
        if (nested) {
            return nestedName;
        }
        String s = generatedStack();
        return s == null ? null : List.of(s);
    }

    /** The name CloudFormation generates for the function {@code id} of this stack, less its own suffix; or null. */
    private List<String> functionName(String id) {
        return extended(stackName(), "-" + id);
    }

    /** {@code name} ({@link #nestedName}'s form) with {@code text} after it; null for null. */
    private static List<String> extended(List<String> name, String text) {
        if (name == null) {
            return null;
        }
        List<String> parts = new ArrayList<>(name);
        parts.set(parts.size() - 1, parts.get(parts.size() - 1) + text);
        return parts;
    }

    /** A name in {@link #nestedName}'s form as said to the user: each random suffix written SUFFIX. */
    static String shown(List<String> name) {
        return String.join("SUFFIX", name);
    }

    /** Lambda's longest function name: a generated name longer than that is shortened ({@link #shortened}). */
    private static final int LONGEST = 64;

    /**
     * The account's functions named as CloudFormation names a function of the stack: {@code STACK-LogicalId}
     * ({@code base}) itself, or followed by {@code -} and its random suffix (letters and digits); when that is over 64
     * characters, the name CloudFormation shortens it to ({@link #shortened}).
     */
    static List<String> generated(String base, java.util.Set<String> account) {
        return generated(List.of(base), account);
    }

    /**
     * As {@link #generated(String, java.util.Set)}, {@code base} with random suffixes of its stacks in it (a nested
     * stack's function: {@code PARENT-ChildId-SUFFIX-LogicalId}, given as {@code ["PARENT-ChildId-", "-LogicalId"]}):
     * each a run of letters and digits.
     */
    static List<String> generated(List<String> base, java.util.Set<String> account) {
        String last = base.get(base.size() - 1);
        int dash = last.lastIndexOf('-'); // a logical id has none: what is before it is the stack's name
        List<String> stack = new ArrayList<>(base);
        stack.set(stack.size() - 1, last.substring(0, dash));
        String id = last.substring(dash + 1);
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < stack.size(); i++) {
            regex.append(i == 0 ? "" : "[A-Za-z0-9]+").append(Pattern.quote(stack.get(i)));
        }
        Pattern stackName = Pattern.compile(regex.toString());
        Pattern whole = Pattern.compile(regex + Pattern.quote("-" + id) + "(-[A-Za-z0-9]+)?");
        List<String> out = new ArrayList<>();
        for (String f : new TreeSet<>(account)) {
            if (whole.matcher(f).matches() || shortened(f, stack, stackName, id)) {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * Whether {@code f} is the name CloudFormation gives a function of the stack named {@code stack} (its random
     * suffixes as in {@link #nestedName}; {@code stackName} matches it whole) with logical id {@code id} when {@code
     * STACK-LogicalId-SUFFIX} is over 64 characters: 64 exactly, its SUFFIX whole, and what is left of the 64 less the
     * two dashes shared between the stack's name and the logical id, each cut from its end: the stack's name keeps half
     * (rounded up), or more when the logical id needs less, or all of it when it is shorter; the logical id the rest.
     * AWS does not document it ([assumed], README's Modelling assumptions): real names show it (a 26-character stack's
     * {@code mylongerapp-playground-ne-InstancesLifecycleHandle-1GRP3N0TVA1LD}: 25 and 24 with a 13-character
     * suffix; 25 and 25 with a 12-character one).
     */
    private static boolean shortened(String f, List<String> stack, Pattern stackName, String id) {
        int dash = f.lastIndexOf('-'); // before the suffix
        if (f.length() != LONGEST || !f.substring(dash + 1).matches("[A-Za-z0-9]+")) {
            return false;
        }
        int at = f.lastIndexOf('-', dash - 1); // between the stack's name and the logical id (which has no '-')
        if (at < 0) {
            return false;
        }
        String stackKept = f.substring(0, at);
        String idKept = f.substring(at + 1, dash);
        if (!id.startsWith(idKept)) {
            return false;
        }
        int room = dash - 1; // the characters of the stack's name and of the logical id: 62 less the suffix's
        int half = (room + 1) / 2;
        boolean stackCut = at == Math.max(half, room - id.length()) && startsLonger(stackKept, stack);
        boolean stackWhole = at <= half && idKept.length() < id.length() && stackName.matcher(stackKept).matches();
        return stackCut || stackWhole;
    }

    /**
     * Whether {@code head} is how a name made from {@code base} (suffixes between its parts, as in {@link
     * #generated(List, java.util.Set)}) begins, the name going on past it (or {@code head} ending in a suffix, which
     * may go on).
     */
    private static boolean startsLonger(String head, List<String> base) {
        int at = 0;
        for (int i = 0; i < base.size(); i++) {
            if (i > 0) { // a random suffix: letters and digits, at least one (the next part begins with '-')
                int from = at;
                while (at < head.length() && Character.isLetterOrDigit(head.charAt(at)) && head.charAt(at) < 128) {
                    at++;
                }
                if (at == head.length()) {
                    return true;
                }
                if (at == from) {
                    return false;
                }
            }
            String part = base.get(i);
            for (int k = 0; k < part.length(); k++, at++) {
                if (at == head.length()) {
                    return true; // the name goes on past what is kept
                }
                if (head.charAt(at) != part.charAt(k)) {
                    return false;
                }
            }
        }
        return false; // the name ends within what is kept: not shortened
    }

    /** Reads a resolved VpcConfig; false when it (or a part) is unresolved. */
    private boolean vpc(JsonNode v, String path, List<String> subnets, List<String> groups) {
        if (!resolved(v, path)) {
            return v == null || Intrinsics.isNoValue(v);
        }
        if (!v.isObject()) {
            problems.add(new Problem(path, "expected {SubnetIds: [...], SecurityGroupIds: [...]}, got " + v));
            return false;
        }
        int before = problems.size();
        boolean known = ids(v.get("SubnetIds"), path + ".SubnetIds", subnets, true);
        known &= ids(v.get("SecurityGroupIds"), path + ".SecurityGroupIds", groups, false);
        // a subnet refused just above is not "0 subnets": no second message about it
        if (known && problems.size() == before && subnets.isEmpty() != groups.isEmpty()) {
            problems.add(new Problem(path, "expected both SubnetIds and SecurityGroupIds, or neither; got "
                    + subnets.size() + " subnet(s) and " + groups.size() + " security group(s)"));
        }
        return known;
    }

    /** False for a missing value and for an unresolved one (recorded as a placeholder). */
    private boolean resolved(JsonNode v, String path) {
        if (Intrinsics.isUnresolved(v)) {
            out.placeholder(file, path, v);
            return false;
        }
        return v != null && !Intrinsics.isNoValue(v);
    }

    private boolean ids(JsonNode list, String path, List<String> into, boolean subnet) {
        if (!resolved(list, path)) {
            return list == null;
        }
        if (!list.isArray()) {
            problems.add(new Problem(path, "expected a list of ids, got " + list));
            return false;
        }
        boolean known = true;
        ArrayNode a = (ArrayNode) list;
        for (int i = 0; i < a.size(); i++) {
            JsonNode e = a.get(i);
            String at = path + "[" + i + "]";
            if (Intrinsics.isUnresolved(e)) {
                out.placeholder(file, at, e);
                known = false;
            } else if (e.isArray()) { // a whole-list parameter inside a list: CloudFormation flattens it
                for (JsonNode inner : e) {
                    into.add(inner.asText());
                }
            } else if (!e.isTextual() || e.asText().isBlank()) {
                problems.add(new Problem(at, "expected an id, got " + e));
            } else if (subnet && !template.path("Resources").has(x.local(e.asText())) && !out.knownSubnet(e.asText())) {
                problems.add(new Problem(at, "subnet " + Problem.quote(e.asText()) + " is neither in the imported account nor"
                        + " defined by this change (known: " + String.join(", ", out.in.subnetVpc().keySet()) + ")"));
            } else if (!into.contains(e.asText())) {
                into.add(e.asText());
            }
        }
        return known;
    }

    private Integer integer(JsonNode v, String path, long min, long max) {
        JsonNode r = x.resolve(v, path);
        if (!resolved(r, path)) {
            return null;
        }
        if (!(r.isIntegralNumber() || r.isTextual() && r.asText().matches("-?\\d{1,10}"))
                || r.asLong() < min || r.asLong() > max) {
            problems.add(new Problem(path, "expected a whole number from " + min + " to " + max + ", got " + r));
            return null;
        }
        return r.asInt();
    }

    /** How to give a nested template the gate could not read. */
    private static final String NESTED_HOW = "give its template as a local file (TemplateURL, or Location for a SAM"
            + " application: a path beside this template, as `sam build` writes it, before `sam package` / `aws"
            + " cloudformation package`); --template FILE reads it as a stack of its own, not this one's, or pass"
            + " --allow-unsimulated";

    /**
     * A nested stack ({@code AWS::CloudFormation::Stack}) or SAM application ({@code AWS::Serverless::Application}):
     * its template named by CDK's aws:asset:path metadata, else by a local path in its TemplateURL (Location), read
     * with the parameters passed. One the gate cannot read is unresolved, and its functions unknown: not simulated.
     */
    private void nested(String id, JsonNode r, String p) {
        boolean app = r.get("Type").asText().equals("AWS::Serverless::Application");
        String field = app ? "Location" : "TemplateURL";
        String kind = app ? "nested application" : "nested stack";
        String asset = r.path("Metadata").path("aws:asset:path").asText(null);
        JsonNode given = r.path("Properties").get(field);
        JsonNode at = given == null ? null : x.resolve(given, p + ".Properties." + field);
        String local = at != null && at.isTextual() && !at.asText().isBlank() && !at.asText().contains("://")
                ? at.asText() : null; // a path, as before packaging (s3:// or https:// after)
        String ref = asset != null ? asset : local;
        Path child = ref == null ? null : file.resolveSibling(ref).normalize();
        String refused = child == null ? null : dev.enisim.scenario.ReadScope.refusal(top(), child, kind + " " + id
                + "'s template " + ref, "the template's folder", "a template may nest only a template in or below"
                + " the folder of the template given (--template); if you trust this template");
        if (refused != null) { // judged before it is read: the template cannot learn whether a file outside exists
            problems.add(new Problem(p + (asset != null ? ".Metadata.aws:asset:path" : ".Properties." + field),
                    refused));
            return;
        }
        if (child == null || !Files.isRegularFile(child)) {
            String why = ref != null ? ref + " not found" : !app ? "no aws:asset:path metadata"
                    : at != null && at.isObject() && !Intrinsics.isUnresolved(at)
                    ? "Location is a Serverless Application Repository application"
                    : "Location " + (given == null ? "missing" : at != null && at.isTextual() ? at.asText()
                    + " is not a local file" : "not resolved");
            out.placeholders.add(new Change.Placeholder(file + ": " + p, kind + " " + id + " (" + why + ")",
                    NESTED_HOW));
            out.unsimulated.add(kind + " " + id + " (" + file + ": " + p + "): its template is not read (" + why
                    + "), so its functions are not known");
            return;
        }
        if (chain.contains(child.toAbsolutePath().normalize())) {
            problems.add(new Problem(p + (asset != null ? ".Metadata.aws:asset:path" : ".Properties." + field),
                    kind + " " + ref + " nests a template that nests it (" + chain.get(chain.size() - 1)
                    .getFileName() + "): CloudFormation would never finish creating it"));
            return;
        }
        Map<String, String> passed = new TreeMap<>();
        JsonNode params = r.path("Properties").path("Parameters");
        for (Iterator<Map.Entry<String, JsonNode>> it = params.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = x.resolve(e.getValue(), p + ".Properties.Parameters." + e.getKey());
            if (v != null && v.isValueNode()) {
                passed.put(e.getKey(), v.asText());
            } else if (v != null && v.isArray() && !Intrinsics.isUnresolved(v)) {
                List<String> parts = new ArrayList<>();
                v.forEach(s -> parts.add(s.asText()));
                passed.put(e.getKey(), String.join(",", parts));
            }
        }
        try {
            List<String> parent = stackName();
            List<String> name = parent == null ? null : extended(parent, "-" + id + "-");
            if (name != null) {
                name.add(""); // PARENT-LogicalId-, then CloudFormation's random suffix
            }
            new CloudFormation(child, TemplateFile.read(child), passed, Map.of(), out, stack == null ? null
                    : stack + "/" + id, chain, id, name).read();
            out.sources.add(child + " (" + kind + " " + id + " of " + file.getFileName() + ")");
        } catch (ScenarioException e) {
            problems.add(new Problem(p, kind + " " + ref + ": " + e.getMessage()));
        }
    }

    /**
     * The folder of the template given (--template, the first of the chain of nested templates): a nested template
     * must be in or below it, or in a folder --allow-read names.
     */
    private Path top() {
        Path first = chain.get(0);
        return first.getParent() == null ? first.toAbsolutePath() : first.getParent();
    }

    /** SAM's Globals: a function's own value wins for scalars; maps are merged and lists appended to Globals'. */
    static final class Globals {

        private Globals() {
        }

        static JsonNode merge(JsonNode globals, JsonNode own) {
            if (globals == null || globals.isMissingNode() || globals.isNull()) {
                return own;
            }
            if (own == null || own.isMissingNode() || own.isNull()) {
                return globals;
            }
            if (globals.isArray() && own.isArray()) {
                ArrayNode a = ((ArrayNode) globals).deepCopy();
                a.addAll((ArrayNode) own);
                return a;
            }
            if (globals.isObject() && own.isObject() && !intrinsic(globals) && !intrinsic(own)) {
                ObjectNode o = ((ObjectNode) globals).deepCopy();
                for (Iterator<Map.Entry<String, JsonNode>> it = own.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    o.set(e.getKey(), merge(globals.get(e.getKey()), e.getValue()));
                }
                return o;
            }
            return own;
        }

        private static final Pattern STEP = Pattern.compile("\\.?([^.\\[]+)|\\[(\\d+)]");

        /**
         * Where a path of a merged function ({@code pp} and below) really is: under {@code Globals.Function} when the
         * value there is Globals' (a key the function does not set, or a Globals list's item before the function's
         * own), else the function's own path (a list's own items counted from 0).
         */
        static String where(String path, String pp, JsonNode globals, JsonNode own) {
            if (!path.startsWith(pp + ".")) {
                return path;
            }
            String rest = path.substring(pp.length());
            java.util.regex.Matcher m = STEP.matcher(rest);
            StringBuilder done = new StringBuilder();
            JsonNode g = globals;
            JsonNode o = own;
            int end = 0;
            while (end < rest.length()) {
                m.region(end, rest.length());
                if (!m.lookingAt()) {
                    return path;
                }
                end = m.end();
                if (m.group(1) != null) {
                    String k = m.group(1);
                    done.append('.').append(k);
                    boolean mergeable = g != null && o != null && o.has(k) && g.has(k) && (g.get(k).isArray()
                            && o.get(k).isArray() || g.get(k).isObject() && o.get(k).isObject()
                            && !intrinsic(g.get(k)) && !intrinsic(o.get(k)));
                    if (mergeable) {
                        g = g.get(k);
                        o = o.get(k);
                        continue;
                    }
                    boolean fromGlobals = (o == null || !o.has(k)) && g != null && g.has(k);
                    return (fromGlobals ? "Globals.Function" : pp) + done + rest.substring(end);
                }
                int i = Integer.parseInt(m.group(2));
                if (g != null && o != null && g.isArray() && o.isArray()) { // Globals' items, then the function's
                    boolean fromGlobals = i < g.size();
                    return (fromGlobals ? "Globals.Function" + done + "[" + i + "]" : pp + done + "["
                            + (i - g.size()) + "]") + rest.substring(end);
                }
                done.append('[').append(i).append(']');
                g = null;
            }
            return path;
        }

        private static boolean intrinsic(JsonNode n) {
            return n.size() == 1 && (n.has("Ref") || n.fieldNames().next().startsWith("Fn::"));
        }
    }
}
