package dev.enisim.iac;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Terraform plan ({@code terraform show -json plan.out}) as a change: {@code resource_changes} of
 * {@code aws_lambda_function}, {@code aws_lambda_provisioned_concurrency_config}, {@code aws_subnet},
 * {@code aws_security_group}, {@code aws_vpc} and {@code aws_efs_mount_target}, with their actions. Values unknown
 * until apply ({@code after_unknown}) are resolved through the plan's {@code configuration}: a reference to a
 * resource the same plan creates stands for it (its address is its id); anything else (a variable, a module
 * output, a data source) is a placeholder.
 */
final class TerraformPlan {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private final Path file;
    private final JsonNode plan;
    private final Builder out;
    private final List<Problem> problems;
    /** Address -> the resource change, for references. */
    private final Map<String, JsonNode> changes = new LinkedHashMap<>();
    /** What pairing by {@code count.index} / {@code each.key} assumed, once per configuration and attribute. */
    private final java.util.Set<String> paired = new java.util.LinkedHashSet<>();
    /**
     * Address -> the name its function is simulated under (its function_name, else its resource's name), for the
     * provisioned concurrency that references it.
     */
    private final Map<String, String> functionNames = new LinkedHashMap<>();
    /** Why the last {@link #references} call could not pair an instance (empty: it could, or had none to pair). */
    private final List<String> unpaired = new ArrayList<>();

    TerraformPlan(Path file, JsonNode plan, Builder out) {
        this.file = file;
        this.plan = plan;
        this.out = out;
        this.problems = out.problems(file);
    }

    void read() {
        JsonNode list = plan.get("resource_changes");
        if (list == null && plan.has("format_version")) { // Terraform leaves the key out of a plan with no changes
            out.notes.add(file + ": the plan changes nothing (no resource_changes)");
            return;
        }
        if (list == null || !list.isArray()) {
            problems.add(new Problem("resource_changes", plan.has("format_version") ? "expected a list of the plan's"
                    + " changes" : "expected the output of `terraform show -json plan.out` (format_version,"
                    + " resource_changes, configuration)"));
            return;
        }
        for (JsonNode c : list) {
            if (c.path("address").isTextual()) {
                changes.put(c.get("address").asText(), c);
            }
        }
        List<Runnable> later = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode c = list.get(i);
            String p = "resource_changes[" + i + "]";
            if (!c.path("address").isTextual() || !c.path("type").isTextual() || !c.path("change").path("actions")
                    .isArray()) {
                problems.add(new Problem(p, "expected {address, type, change: {actions, before, after,"
                        + " after_unknown}}"));
                continue;
            }
            if ("data".equals(c.path("mode").asText())) {
                continue;
            }
            Change.Action action = action(c.path("change").path("actions"), p + ".change.actions");
            if (action == null) {
                continue;
            }
            String address = c.get("address").asText();
            JsonNode values = action == Change.Action.DELETE ? c.path("change").path("before")
                    : c.path("change").path("after");
            String where = file + ": " + p + " (" + address + ")";
            switch (c.get("type").asText()) {
                case "aws_lambda_function" -> later.add(() -> function(c, action, values, p, where));
                case "aws_subnet" -> {
                    if (action == Change.Action.CREATE || action == Change.Action.REPLACE) {
                        out.subnets.add(new Change.Subnet(address, value(c, values, "vpc_id", p), text(values,
                                "cidr_block"), text(values, "availability_zone"), where,
                                values.path("ipv6_native").asBoolean(false)));
                    }
                }
                case "aws_security_group" -> {
                    if (action == Change.Action.CREATE || action == Change.Action.REPLACE) {
                        out.groups.add(new Change.Group(address, value(c, values, "vpc_id", p), where));
                    }
                }
                case "aws_vpc" -> {
                    if (action == Change.Action.CREATE) {
                        out.vpcs.add(new Change.Vpc(address, text(values, "cidr_block"), where));
                    }
                }
                case "aws_efs_mount_target" -> {
                    String subnet = value(c, values, "subnet_id", p);
                    if (subnet != null && action == Change.Action.CREATE) {
                        out.interfaces.add(new Change.Interface(subnet, "EFS mount target", where));
                    }
                }
                case "aws_lambda_capacity_provider" -> out.notes.add(where + " is a capacity provider (Lambda"
                        + " Managed Instances): not simulated");
                default -> {
                    // other resources do not touch Lambda's networking
                }
            }
        }
        later.forEach(Runnable::run);
        provisioned(list);
        out.notes.addAll(paired);
    }

    private Change.Action action(JsonNode actions, String path) {
        List<String> a = new ArrayList<>();
        actions.forEach(n -> a.add(n.asText()));
        if (a.equals(List.of("create"))) {
            return Change.Action.CREATE;
        }
        if (a.equals(List.of("update"))) {
            return Change.Action.UPDATE;
        }
        if (a.equals(List.of("delete"))) {
            return Change.Action.DELETE;
        }
        if (a.size() == 2 && a.contains("create") && a.contains("delete")) {
            return Change.Action.REPLACE;
        }
        if (a.equals(List.of("no-op")) || a.equals(List.of("read")) || a.equals(List.of("forget"))) {
            return null;
        }
        problems.add(new Problem(path, "expected create, update, delete, [delete, create], no-op or read, got " + a));
        return null;
    }

    private static String text(JsonNode values, String key) {
        JsonNode v = values.get(key);
        return v != null && v.isTextual() && !v.asText().isEmpty() ? v.asText() : null;
    }

    /** A single id: known in the plan, else the resource of this plan it references, else a placeholder. */
    private String value(JsonNode c, JsonNode values, String key, String p) {
        String known = text(values, key);
        if (known != null) {
            return known;
        }
        List<String> refs = references(c, key);
        if (!unpaired.isEmpty()) {
            out.placeholders.add(new Change.Placeholder(file + ": " + p + ".change.after." + key, key + " of "
                    + c.get("address").asText() + " is known only after apply, and " + String.join("; ", unpaired),
                    "give it a value the plan knows (a literal or -var)"));
            return null;
        }
        if (!refs.isEmpty()) {
            return refs.get(0);
        }
        if (c.path("change").path("after_unknown").path(key).asBoolean(false)) {
            out.placeholders.add(new Change.Placeholder(file + ": " + p + ".change.after." + key, key + " of "
                    + c.get("address").asText() + " is known only after apply, and references no resource this plan"
                    + " creates", "give it a value the plan knows (a literal or -var)"));
        }
        return null;
    }

    /**
     * The account a function of the plan is in: its ARN's (after, else before), its role's, else the one account
     * its provider allows ({@code allowed_account_ids}); null when the plan does not say.
     */
    private String account(JsonNode c, JsonNode values) {
        for (JsonNode arn : List.of(values.path("arn"), c.path("change").path("before").path("arn"),
                values.path("role"), c.path("change").path("before").path("role"))) {
            String a = arn.isTextual() ? Change.Function.accountOf(arn.asText()) : null;
            if (a != null) {
                return a;
            }
        }
        String provider = c.path("provider_config_key").asText(c.path("provider_name").asText(""));
        for (String key : new String[] {provider, "aws"}) {
            JsonNode ids = plan.path("configuration").path("provider_config").path(key).path("expressions")
                    .path("allowed_account_ids").path("constant_value");
            if (ids.isArray() && ids.size() == 1 && ids.get(0).asText().matches("\\d{12}")) {
                return ids.get(0).asText();
            }
        }
        return null;
    }

    private void function(JsonNode c, Change.Action action, JsonNode values, String p, String where) {
        String address = c.get("address").asText();
        String name = text(values, "function_name");
        if (name == null) {
            name = c.path("name").asText();
            out.notes.add(where + ": function_name unknown: called " + name + " here");
        }
        if (!NAME.matcher(name).matches()) {
            problems.add(new Problem(p + ".change.after.function_name", "expected 1 to 64 letters, digits, '-' or"
                    + " '_', got " + Problem.quote(name)));
            return;
        }
        functionNames.put(address, name);
        List<String> subnets = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        boolean known = true;
        JsonNode vpc = values.path("vpc_config");
        JsonNode unknown = c.path("change").path("after_unknown").path("vpc_config");
        boolean inVpc = vpc.isArray() && vpc.size() > 0 || unknown.asBoolean(false)
                || unknown.isArray() && unknown.size() > 0;
        if (inVpc && action != Change.Action.DELETE) {
            JsonNode v = vpc.isArray() && vpc.size() > 0 ? vpc.get(0) : com.fasterxml.jackson.databind.node
                    .JsonNodeFactory.instance.objectNode();
            JsonNode u = unknown.isArray() && unknown.size() > 0 ? unknown.get(0) : unknown;
            known = ids(c, v, u, "subnet_ids", p, subnets) & ids(c, v, u, "security_group_ids", p, groups);
        } else if (inVpc) {
            JsonNode v = vpc.get(0);
            v.path("subnet_ids").forEach(s -> subnets.add(s.asText()));
            v.path("security_group_ids").forEach(s -> groups.add(s.asText()));
        }
        for (int i = 0; i < subnets.size(); i++) {
            if (!out.knownSubnet(subnets.get(i)) && !changes.containsKey(subnets.get(i))) {
                problems.add(new Problem(p + ".change.after.vpc_config[0].subnet_ids[" + i + "]", "subnet "
                        + Problem.quote(subnets.get(i)) + " is neither in the imported account nor created by this plan (known: "
                        + String.join(", ", out.in.subnetVpc().keySet()) + ")"));
            }
        }
        Integer reserved = values.path("reserved_concurrent_executions").isInt()
                && values.get("reserved_concurrent_executions").asInt() >= 0
                ? values.get("reserved_concurrent_executions").asInt() : null;
        Change.Action a = action == Change.Action.CREATE && out.in.functions().contains(name)
                ? Change.Action.UPDATE : action;
        if (a != action) { // not silently: Terraform's apply would fail on it
            out.notes.add(where + ": the plan creates " + name + ", but the account already has a function of that"
                    + " name (creating it would fail with ResourceConflictException unless it is imported into the"
                    + " state): simulated as an update of its VpcConfig");
        }
        out.function(new Change.Function(name, where, a, known, subnets, groups,
                values.path("memory_size").isInt() ? values.get("memory_size").asInt() : null,
                values.path("timeout").isInt() ? values.get("timeout").asInt() : null, reserved, 0,
                values.path("publish").asBoolean(false), values.path("runtime").isTextual()
                ? values.get("runtime").asText() : null, account(c, values)));
        String applyOn = values.path("snap_start").path(0).path("apply_on").asText("");
        if (!applyOn.isEmpty() && !applyOn.equals("None") && action != Change.Action.DELETE) {
            out.notes.add(where + " (" + name + ") sets snap_start (apply_on " + applyOn + "): "
                    + CloudFormation.SNAPSTART);
        }
    }

    /** A list of ids of vpc_config: known elements as they are, unknown ones through the configuration. */
    private boolean ids(JsonNode c, JsonNode v, JsonNode u, String key, String p, List<String> into) {
        JsonNode known = v.path(key);
        JsonNode unknown = u.isBoolean() ? u : u.path(key); // the whole block unknown (a dynamic block): each list too
        List<String> refs = references(c, "vpc_config." + key);
        List<String> why = List.copyOf(unpaired);
        if (!why.isEmpty()) {
            refs = List.of(); // one instance's resource, which this one is not known: none of them, not all
        }
        boolean all = true;
        int size = Math.max(known.size(), unknown.isArray() ? unknown.size() : 0);
        if (unknown.asBoolean(false) && !unknown.isArray()) {
            if (!why.isEmpty()) {
                out.placeholders.add(new Change.Placeholder(file + ": " + p + ".change.after_unknown.vpc_config[0]."
                        + key, key + " of " + c.get("address").asText() + " is known only after apply, and "
                        + String.join("; ", why), "give the ids in the plan (-var)"));
                return false;
            }
            if (refs.isEmpty()) {
                List<String> raw = rawReferences(c, "vpc_config." + key);
                out.placeholders.add(new Change.Placeholder(file + ": " + p + ".change.after_unknown.vpc_config[0]."
                        + key, key + " of " + c.get("address").asText() + " is known only after apply, and "
                        + (raw.isEmpty() ? "the plan's configuration does not say where it comes from"
                        : "comes from " + String.join(", ", raw)), "give the ids in the plan"
                        + " (-var) or plan the resources it references together with it"));
                return false;
            }
            into.addAll(refs);
            return true;
        }
        int next = 0; // unknown elements take, in order, the resources of this plan the expression references
        for (int i = 0; i < size; i++) {
            JsonNode k = known.get(i);
            if (k != null && k.isTextual()) {
                into.add(k.asText());
            } else if (next < refs.size()) {
                into.add(refs.get(next++));
            } else {
                out.placeholders.add(new Change.Placeholder(file + ": " + p + ".change.after.vpc_config[0]." + key
                        + "[" + i + "]", "unknown until apply" + (why.isEmpty() ? "" : ": " + String.join("; ", why)),
                        why.isEmpty() ? "plan the resource it references together with it" : "give the ids in the"
                        + " plan (-var)"));
                all = false;
            }
        }
        return all;
    }

    /**
     * The plan's resource instances an attribute's expression references, in order, each once: a reference to a
     * resource of the same module instance ({@code aws_subnet.a.id}, {@code aws_subnet.a[0]}); every instance of a
     * resource with {@code count} or {@code for_each} for a reference to all of them ({@code aws_subnet.a[*].id},
     * a {@code for} expression over it); a module's output ({@code module.vpc.private_subnets}) through the output's
     * expression in that module; a variable of a module ({@code var.subnet_ids}) through the argument its module call
     * passes. Terraform lists a traversal's shorter forms after it ({@code aws_subnet.a[0].id}, {@code
     * aws_subnet.a[0]}, {@code aws_subnet.a}): those name nothing more. Data sources, locals (the plan's
     * configuration does not carry them) and root variables reach no resource.
     */
    private List<String> references(JsonNode c, String attribute) {
        String address = c.get("address").asText();
        List<String> out = new ArrayList<>();
        List<String> segments = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        moduleSegments(address, segments, calls, keys);
        unpaired.clear();
        JsonNode index = c.get("index");
        String key = index == null || index.isNull() ? null : index.isNumber() ? "[" + index.asText() + "]"
                : "[" + com.fasterxml.jackson.databind.node.TextNode.valueOf(index.asText()) + "]";
        follow(calls, segments, keys, rawReferences(c, attribute), 0, out, key,
                configurationAddress(address) + "'s " + attribute);
        return out;
    }

    /** An instance's address without its own instance key ({@code aws_lambda_function.fn[0]}: {@code ...fn}). */
    private static String configurationAddress(String address) {
        return address.replaceFirst("\\[[^]]*]$", "");
    }

    private static final Pattern MODULE_SEGMENT = Pattern.compile("\\Gmodule\\.([A-Za-z0-9_-]+)(\\[[^]]*])?\\.");
    private static final Pattern MODULE_NAME = Pattern.compile("([A-Za-z0-9_-]+)(\\[[^]]*])?");
    private static final Pattern RESOURCE = Pattern.compile("([A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+)(\\[[^]]*])?.*");
    private static final List<String> NO_RESOURCE = List.of("data", "local", "each", "count", "path", "self",
            "terraform");

    /** An address's module instances as patterns matching them exactly, and the module calls' names. */
    private static void moduleSegments(String address, List<String> segments, List<String> calls) {
        moduleSegments(address, segments, calls, new ArrayList<>());
    }

    /** ... and each module instance's key ({@code [0]}, {@code ["a"]}; null for a module without count or for_each). */
    private static void moduleSegments(String address, List<String> segments, List<String> calls, List<String> keys) {
        Matcher m = MODULE_SEGMENT.matcher(address);
        while (m.find()) {
            segments.add(Pattern.quote(m.group()));
            calls.add(m.group(1));
            keys.add(m.group(2));
        }
    }

    /**
     * @param key  the instance key {@code count.index} / {@code each.key} stand for in {@code refs} ({@code [0]},
     *             {@code ["a"]}): the resource's own, or, in a module call's arguments, the module instance's; null
     *             where there is none (a module's outputs)
     * @param what the expression, for notes
     */
    private void follow(List<String> calls, List<String> segments, List<String> keys, List<String> refs, int depth,
            List<String> out, String key, String what) {
        if (depth > 16) {
            return; // a cycle through outputs and variables: Terraform refuses it; nothing more to find
        }
        // aws_security_group.sg[count.index].id: Terraform lists aws_security_group.sg and count.index (the traversal
        // ends at the index it cannot know): that is the instance of this one's own index, not every instance
        List<String> iterators = refs.stream().filter(r -> r.startsWith("count.") || r.startsWith("each.")).toList();
        for (int i = 0; i < refs.size(); i++) {
            String r = refs.get(i);
            if (shorterFormOfAnEarlier(refs, i)) {
                continue;
            }
            String[] parts = r.split("\\.", 3);
            if (parts[0].equals("var")) {
                if (!calls.isEmpty() && parts.length > 1) {
                    int last = calls.size() - 1;
                    JsonNode argument = module(calls.subList(0, last)).path("module_calls").path(calls.get(last))
                            .path("expressions").path(parts[1]);
                    follow(calls.subList(0, last), segments.subList(0, last), keys.subList(0, last),
                            texts(argument.path("references")), depth + 1, out, keys.get(last), "module."
                            + calls.get(last) + "'s argument " + parts[1]);
                }
            } else if (parts[0].equals("module")) {
                if (parts.length == 3) {
                    Matcher m = MODULE_NAME.matcher(parts[1]);
                    if (m.matches()) {
                        List<String> childCalls = new ArrayList<>(calls);
                        childCalls.add(m.group(1));
                        List<String> childSegments = new ArrayList<>(segments);
                        childSegments.add(Pattern.quote("module." + m.group(1)) + (m.group(2) != null
                                ? Pattern.quote(m.group(2)) : "(\\[[^]]*])?") + "\\.");
                        String output = parts[2].split("[.\\[]", 2)[0];
                        List<String> childKeys = new ArrayList<>(keys);
                        childKeys.add(m.group(2));
                        follow(childCalls, childSegments, childKeys, texts(module(childCalls).path("outputs")
                                .path(output).path("expression").path("references")), depth + 1, out, null,
                                "module." + m.group(1) + "'s output " + output);
                    }
                }
            } else if (!NO_RESOURCE.contains(parts[0])) {
                if (!iterators.isEmpty() && r.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+") && counted(segments, r)) {
                    pair(segments, r, iterators, key, what, out);
                } else {
                    instances(segments, r, out);
                }
            }
        }
    }

    /** The plan has instances of the resource {@code ref} names with an instance key ({@code count}, {@code for_each}). */
    private boolean counted(List<String> segments, String ref) {
        Pattern p = Pattern.compile(String.join("", segments) + Pattern.quote(ref) + "\\[[^]]*]");
        return changes.keySet().stream().anyMatch(a -> p.matcher(a).matches());
    }

    /**
     * {@code ref[count.index]} or {@code ref[each.key]}: the instance of the key {@code key}; anything else indexing
     * it ({@code each.value}, a computed index) cannot be paired here and is said in {@link #unpaired}.
     */
    private void pair(List<String> segments, String ref, List<String> iterators, String key, String what,
            List<String> out) {
        boolean byIndex = iterators.stream().allMatch(r -> r.equals("count.index"));
        boolean byKey = iterators.stream().allMatch(r -> r.equals("each.key"));
        boolean numeric = key != null && key.matches("\\[\\d+]");
        if (key == null || !(byIndex && numeric || byKey && !numeric)) {
            unpaired.add("comes from an instance of " + ref + " chosen by " + String.join(", ", iterators)
                    + ", which enisim cannot pair with " + (key == null ? "an instance here" : "this instance's key "
                    + key) + " (only " + ref + "[count.index] and " + ref + "[each.key] are paired)");
            return;
        }
        Pattern exact = Pattern.compile(String.join("", segments) + Pattern.quote(ref + key));
        if (changes.keySet().stream().noneMatch(a -> exact.matcher(a).matches())) {
            unpaired.add("comes from " + ref + key + " (" + iterators.get(0) + "), which the plan does not have");
            return;
        }
        instances(segments, ref + key, out);
        paired.add(file + ": " + what + " references " + ref + " by " + iterators.get(0) + ": each instance is paired"
                + " with the " + ref + " instance of its own " + (byIndex ? "index" : "key") + ", as " + ref + "["
                + iterators.get(0) + "] would (not every instance); an index computed from it (" + iterators.get(0)
                + " % 2) is not read");
    }

    /** Terraform lists {@code a.b[0].id}, then {@code a.b[0]}, then {@code a.b}: the later ones add nothing. */
    private static boolean shorterFormOfAnEarlier(List<String> refs, int i) {
        String r = refs.get(i);
        for (int j = 0; j < i; j++) {
            if (refs.get(j).startsWith(r + ".") || refs.get(j).startsWith(r + "[")) {
                return true;
            }
        }
        return false;
    }

    /** The plan's instances of the resource {@code ref} names, in the module instances {@code segments} match. */
    private void instances(List<String> segments, String ref, List<String> out) {
        Matcher m = RESOURCE.matcher(ref);
        if (!m.matches()) {
            return;
        }
        Pattern p = Pattern.compile(String.join("", segments) + Pattern.quote(m.group(1)) + (m.group(2) != null
                ? Pattern.quote(m.group(2)) : "(\\[[^]]*])?"));
        for (String address : changes.keySet()) {
            if (p.matcher(address).matches() && !out.contains(address)) {
                out.add(address);
            }
        }
    }

    private static List<String> texts(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(r -> out.add(r.asText()));
        return out;
    }

    private List<String> rawReferences(JsonNode c, String attribute) {
        JsonNode resource = configuration(c.get("address").asText());
        if (resource == null) {
            return new ArrayList<>();
        }
        JsonNode e = resource.path("expressions");
        for (String part : attribute.split("\\.")) {
            e = e.isArray() ? e.path(0).path(part) : e.path(part);
        }
        return texts(e.path("references"));
    }

    /** The configuration of the module the calls lead to from the root. */
    private JsonNode module(List<String> calls) {
        JsonNode m = plan.path("configuration").path("root_module");
        for (String call : calls) {
            m = m.path("module_calls").path(call).path("module");
        }
        return m;
    }

    /** The configuration block of a resource: root_module, or the module_calls its address goes through. */
    private JsonNode configuration(String address) {
        List<String> segments = new ArrayList<>();
        List<String> calls = new ArrayList<>();
        moduleSegments(address, segments, calls);
        Matcher rest = RESOURCE.matcher(address.replaceFirst("^(module\\.[A-Za-z0-9_-]+(\\[[^]]*])?\\.)*",
                ""));
        if (!rest.matches()) {
            return null;
        }
        for (JsonNode r : module(calls).path("resources")) {
            if (rest.group(1).equals(r.path("address").asText())) {
                return r;
            }
        }
        return null;
    }

    /** aws_lambda_provisioned_concurrency_config: provisioned concurrency of a function of this plan. */
    private void provisioned(JsonNode list) {
        for (JsonNode c : list) {
            if (!"aws_lambda_provisioned_concurrency_config".equals(c.path("type").asText())) {
                continue;
            }
            JsonNode after = c.path("change").path("after");
            String fn = text(after, "function_name");
            if (fn == null) { // a function's name known only after apply: the name it is simulated under
                List<String> refs = references(c, "function_name");
                fn = refs.isEmpty() ? null : functionNames.get(refs.get(0));
            }
            Change.Function f = fn == null ? null : out.functions.get(fn);
            int n = after.path("provisioned_concurrent_executions").asInt(0);
            if (f == null) {
                out.notes.add(file + ": " + c.path("address").asText() + ": provisioned concurrency of a function"
                        + " this plan does not change; not simulated");
            } else {
                out.functions.put(fn, new Change.Function(f.name(), f.where(), f.action(), f.vpcKnown(), f.subnets(),
                        f.groups(), f.memoryMb(), f.timeoutSeconds(), f.reserved(), n, f.publishes(), f.runtime(),
                        f.account()));
            }
        }
    }
}
