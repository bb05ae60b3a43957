package dev.enisim.gate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.iac.Change;
import dev.enisim.scenario.FunctionLabels;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The change as the account's "after" scenario: the VPCs, subnets and security groups it defines are added; at
 * {@code deployAt} every function it creates is created (with the traffic given for it, else a placeholder rate),
 * every VPC config it changes is updated, every function it deletes is deleted (a stack deletion: all at once),
 * a replaced function is deleted and created again one second later, and EFS mount targets take an address each.
 * An updated function that publishes versions first publishes one of its current configuration, which keeps the
 * old keys' ENIs (old versions are not deleted).
 * Functions whose VpcConfig could not be resolved are not simulated (their placeholders say why).
 */
final class Deployment {

    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    /** A scenario's name is at most this long (ScenarioLoader's {@code name} rule); the after scenario's suffix. */
    static final int NAME_MAX = 128;
    static final String AFTER = "-after";

    /**
     * The after scenario's tree, and what the deployment left out or assumed; {@code reservedBefore}: the existing
     * functions whose reserved concurrency the change sets, with their reservation before it (null: none);
     * {@code interfaces}: the change's EFS mount targets (and such) it simulated, where (not among what the gate
     * could not know: their addresses and quota slots are in the after run).
     */
    record After(ObjectNode tree, List<String> notSimulated, List<String> notes, List<String> placeholders,
            List<String> created, Map<String, Integer> reservedBefore, List<String> interfaces,
            java.util.SortedSet<String> accounts, List<String> labels) {
    }

    /**
     * @param traffic        function -> a rate ("5/s") for functions the change creates
     * @param defaultTraffic the rate of created functions without one (a placeholder)
     * @param accountId      the account the change deploys into (--account-id), null when not given
     */
    record Options(long deployAtSeconds, Map<String, String> traffic, String defaultTraffic, String accountId) {

        /** The account not given. */
        Options(long deployAtSeconds, Map<String, String> traffic, String defaultTraffic) {
            this(deployAtSeconds, traffic, defaultTraffic, null);
        }
    }

    private final ObjectNode tree;
    private final Change change;
    private final Options options;
    private final Map<String, ObjectNode> vpcs = new LinkedHashMap<>();
    private final Map<String, String> subnetVpc = new TreeMap<>();
    private final Map<String, ObjectNode> subnets = new TreeMap<>();
    private final Map<String, ObjectNode> functions = new TreeMap<>();
    private final List<String> notSimulated = new ArrayList<>();
    /** As {@code enisim import} says of such a subnet. */
    static final String IPV6_ONLY = "enisim does not connect functions to IPv6-only subnets (a Hyperplane ENI needs an"
            + " IPv4 address; scenarios/README.md, `ipv6Only`)";
    private final java.util.Set<String> ipv6Only = new java.util.TreeSet<>();
    private final List<String> notes = new ArrayList<>();
    /** Functions the change updates with their VpcConfig as it is: one note for all (13 lines said nothing more). */
    private final List<String> unchanged = new ArrayList<>();
    private final List<String> interfaces = new ArrayList<>();
    private final List<String> placeholders = new ArrayList<>();
    private final List<String> defaulted = new ArrayList<>();
    private final List<String> publishing = new ArrayList<>();
    private boolean created; // a function is created (its invocations' duration is a placeholder)
    private final List<String> createdNames = new ArrayList<>();
    private final Map<String, Integer> reservedBefore = new LinkedHashMap<>();
    /** The scenario's account ids in its order (empty: a single-account scenario). */
    private final List<String> accountIds = new ArrayList<>();
    /**
     * The timeline actions the change adds, with the account of the function each names: written with the function's
     * label once the after scenario's functions are all known (a function the change creates in a second account
     * makes {@code api} {@code 222222222222:api}).
     */
    private final List<Map.Entry<ObjectNode, String>> added = new ArrayList<>(); // a node's equals is its content's
    /** The account the change's functions go into when they name none ("" with a single account). */
    private String target = "";
    /** The accounts the change's functions went into (empty with a single account). */
    private final java.util.SortedSet<String> into = new java.util.TreeSet<>();

    private Deployment(JsonNode before, Change change, Options options) {
        this.tree = before.deepCopy();
        this.change = change;
        this.options = options;
        for (JsonNode v : array(tree, "vpcs")) {
            vpcs.put(v.path("id").asText(), (ObjectNode) v);
            for (JsonNode s : v.path("subnets")) {
                subnetVpc.put(s.path("id").asText(), v.path("id").asText());
                subnets.put(s.path("id").asText(), (ObjectNode) s);
            }
        }
        for (JsonNode a : tree.path("accounts")) {
            accountIds.add(a.path("id").asText());
        }
        for (JsonNode f : array(tree, "functions")) { // by account and name: AWS's function is its account's
            functions.put(FunctionLabels.qualified(f.path("account").asText(accountIds.isEmpty() ? ""
                    : accountIds.get(0)), f.path("name").asText()), (ObjectNode) f);
        }
    }

    /**
     * The account the change deploys into, when the scenario has several: --account-id, else the one account the
     * change's ARNs name, else the scenario's only account; with several accounts and none of these, refused
     * (exit 2) naming the accounts, rather than put the change into the first account (review r2 of session 60).
     */
    private void target() throws ScenarioException {
        if (accountIds.isEmpty()) {
            return; // one account: as before the option
        }
        List<Problem> problems = new ArrayList<>();
        String given = options.accountId();
        if (given != null && !accountIds.contains(given)) {
            problems.add(new Problem("--account-id " + given, (given.matches("\\d{12}") ? "not an account of the"
                    + " scenario" : "expected a 12-digit AWS account id") + " (its accounts: " + String.join(", ",
                    accountIds) + ")"));
        }
        java.util.SortedSet<String> named = new java.util.TreeSet<>();
        boolean unnamed = false;
        for (Change.Function f : change.functions()) {
            if (f.account() == null) {
                unnamed = true;
            } else if (!accountIds.contains(f.account())) {
                problems.add(new Problem(f.where(), f.name() + " is in account " + f.account() + " (its ARN or its"
                        + " role's), not an account of the scenario (its accounts: " + String.join(", ", accountIds)
                        + ")"));
            } else {
                named.add(f.account());
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException("gate", problems);
        }
        target = given != null ? given : named.size() == 1 ? named.first() : accountIds.size() == 1
                ? accountIds.get(0) : null;
        if (target == null && unnamed) {
            throw new ScenarioException("gate", List.of(new Problem("--account-id", "the scenario has "
                    + accountIds.size() + " accounts (" + String.join(", ", accountIds) + ") and the change does"
                    + " not say which one it deploys into (" + (named.isEmpty() ? "no ARN of its functions or their"
                    + " roles names one" : "its ARNs name " + String.join(" and ", named)) + "): give"
                    + " --account-id with one of them")));
        }
    }

    /** The account a function of the change goes into ("" with a single account). */
    private String accountOf(Change.Function f) {
        return accountIds.isEmpty() ? "" : f.account() != null ? f.account() : target;
    }

    static After apply(JsonNode before, Change change, Options options) throws ScenarioException {
        Deployment d = new Deployment(before, change, options);
        d.target();
        d.network();
        d.interfaces(); // before the functions' actions at the same instant: a function that mounts EFS waits for it
        d.notSimulated.addAll(change.unsimulated());
        for (Change.Function f : change.functions()) {
            d.function(f);
        }
        d.labels();
        if (d.unchanged.size() == 1) {
            d.notes.add(d.unchanged.get(0) + ": updated, but its VpcConfig is unchanged: no new ENI");
        } else if (!d.unchanged.isEmpty()) {
            d.notes.add(d.unchanged.size() + " functions updated, each with its VpcConfig unchanged: no new ENI ("
                    + String.join(", ", d.unchanged) + ")");
        }
        if (!d.publishing.isEmpty()) {
            d.notes.add("versions published by " + String.join(", ", d.publishing) + ": a version pins its function's"
                    + " keys, which adds no ENI; not simulated apart");
        }
        if (!d.defaulted.isEmpty()) {
            d.placeholders.add("traffic " + options.defaultTraffic() + " (--default-traffic) of " + d.defaulted.size()
                    + " created function(s): " + String.join(", ", d.defaulted) + " (give --traffic NAME=RATE)");
        }
        if (d.created) {
            d.placeholders.add("the duration of created functions' invocations: 100ms");
        }
        // the account's name with "-after", cut to the 128 characters a scenario's name may have (a name the account
        // itself may have must not make the after scenario, and the gate with it, fail)
        String name = d.tree.path("name").asText();
        d.tree.put("name", name.substring(0, Math.min(name.length(), NAME_MAX - AFTER.length())) + AFTER);
        return new After(d.tree, d.notSimulated, d.notes, d.placeholders, d.createdNames, d.reservedBefore,
                d.interfaces, java.util.Collections.unmodifiableSortedSet(d.into), d.changeLabels());
    }

    private static ArrayNode array(ObjectNode parent, String key) {
        JsonNode n = parent.get(key);
        return n instanceof ArrayNode a ? a : parent.putArray(key);
    }

    private String at() {
        return options.deployAtSeconds() + "s";
    }

    private void network() throws ScenarioException {
        for (Change.Vpc v : change.vpcs()) {
            if (vpcs.containsKey(v.id())) { // the change's error, named where the change says it, not the account's
                throw changeProblem(v.where(), "VPC id " + Problem.quote(v.id()) + " is already a VPC of the account" + (change
                        .vpcs().stream().filter(o -> o.id().equals(v.id())).count() > 1 ? " or of the change" : "")
                        + " (the change's VPC would be two VPCs of one id)");
            }
            ObjectNode n = array(tree, "vpcs").addObject();
            n.put("id", v.id());
            n.putArray("subnets");
            n.putArray("securityGroups");
            vpcs.put(v.id(), n);
        }
        for (Change.Subnet s : change.subnets()) {
            if (s.ipv6Only()) {
                ipv6Only.add(s.id());
                notes.add("subnet " + s.id() + " (" + s.where() + ") not added: it is IPv6-only; " + IPV6_ONLY);
                continue;
            }
            if (s.vpc() == null || !vpcs.containsKey(s.vpc()) || s.cidr() == null) {
                notes.add("subnet " + s.id() + " (" + s.where() + ") not added: its " + (s.cidr() == null ? "CIDR"
                        : "VPC") + " is not known; functions using it are not simulated");
                continue;
            }
            if (subnets.containsKey(s.id())) {
                throw changeProblem(s.where(), "subnet id " + Problem.quote(s.id()) + " is already a subnet of the account or of"
                        + " the change (two subnets of one id)");
            }
            ObjectNode n = array(vpcs.get(s.vpc()), "subnets").addObject();
            n.put("id", s.id());
            n.put("cidr", s.cidr());
            String az = s.az() != null ? s.az() : s.id() + "-az";
            if (s.az() == null) {
                placeholders.add("subnet " + s.id() + ": Availability Zone not known before deployment; called " + az);
            }
            n.put("az", az);
            subnetVpc.put(s.id(), s.vpc());
            subnets.put(s.id(), n);
        }
        for (Change.Group g : change.groups()) {
            if (g.vpc() != null && vpcs.containsKey(g.vpc())) {
                addGroup(g.id(), g.vpc());
            }
        }
    }

    /** A problem of the change at {@code where} ("FILE: PATH"), named by the file. */
    private static ScenarioException changeProblem(String where, String message) {
        int colon = where.indexOf(": ");
        return new ScenarioException(colon < 0 ? where : where.substring(0, colon), List.of(new Problem(colon < 0
                ? "" : where.substring(colon + 2), message)));
    }

    private boolean groupDefined(String g) {
        for (ObjectNode v : vpcs.values()) {
            for (JsonNode s : v.path("securityGroups")) {
                if (s.asText().equals(g)) {
                    return true;
                }
            }
        }
        return false;
    }

    private void addGroup(String g, String vpc) {
        if (!groupDefined(g)) {
            array(vpcs.get(vpc), "securityGroups").add(g);
        }
    }

    private void function(Change.Function f) throws ScenarioException {
        if (!f.vpcKnown()) {
            notSimulated.add(f.name() + " (" + f.where() + "): its VpcConfig is not resolved (see the Unresolved lines)");
            return;
        }
        for (String s : f.subnets()) {
            if (ipv6Only.contains(s)) {
                notSimulated.add(f.name() + " (" + f.where() + "): subnet " + s + " is IPv6-only: " + IPV6_ONLY);
                return;
            }
            if (!subnetVpc.containsKey(s)) {
                notSimulated.add(f.name() + " (" + f.where() + "): subnet " + s + " is not known");
                return;
            }
        }
        if (!f.subnets().isEmpty()) {
            String vpc = subnetVpc.get(f.subnets().get(0));
            for (String g : f.groups()) {
                if (!groupDefined(g)) {
                    addGroup(g, vpc);
                    if (change.groups().stream().noneMatch(c -> c.id().equals(g))) {
                        notes.add("security group " + g + " (used by " + f.name() + ") is not in the account's"
                                + " scenario: taken to be in " + vpc);
                    }
                }
            }
        }
        String account = accountOf(f);
        // found by name in its account: another account's function of that name is another function (one app
        // deployed into several workload accounts)
        ObjectNode existing = functions.get(FunctionLabels.qualified(account, f.name()));
        if (!account.isEmpty()) {
            into.add(account);
        }
        Change.Action action = existing == null && f.action() != Change.Action.DELETE ? Change.Action.CREATE
                : f.action();
        if (existing == null && (f.action() == Change.Action.UPDATE || f.action() == Change.Action.REPLACE)) {
            notes.add(f.name() + " (" + f.where() + "): " + (f.action() == Change.Action.UPDATE ? "updated"
                    : "replaced") + " by the change but not in the account: simulated as created at the deployment");
        }
        if (existing != null && action == Change.Action.CREATE) { // a second function of one name cannot be
            notes.add(f.name() + " (" + f.where() + "): created by the change but the account already has it"
                    + " (creating it would fail with ResourceConflictException): simulated as an update of its"
                    + " VpcConfig");
            action = Change.Action.UPDATE;
        }
        switch (action) {
            case CREATE -> create(f);
            case UPDATE -> update(f, existing);
            case DELETE -> {
                if (existing == null) {
                    notes.add(f.name() + ": deleted by the change but not in the account" + (account.isEmpty() ? ""
                            : " (" + account + ")") + ": nothing to delete");
                } else {
                    timeline("deleteFunction", f, options.deployAtSeconds());
                }
            }
            case REPLACE -> {
                timeline("deleteFunction", f, options.deployAtSeconds());
                timeline("createFunction", f, options.deployAtSeconds() + 1).set("vpcConfig", vpcConfig(f));
            }
            default -> throw new IllegalStateException("unhandled action " + action);
        }
        if (f.publishes()) {
            publishing.add(f.name());
        }
    }

    private ObjectNode vpcConfig(Change.Function f) {
        ObjectNode v = F.objectNode();
        ArrayNode s = v.putArray("subnetIds");
        f.subnets().forEach(s::add);
        ArrayNode g = v.putArray("securityGroupIds");
        f.groups().forEach(g::add);
        return v;
    }

    private void create(Change.Function f) {
        created = true;
        createdNames.add(f.name());
        ObjectNode n = array(tree, "functions").addObject();
        n.put("name", f.name());
        if (!accountIds.isEmpty()) {
            n.put("account", accountOf(f));
        }
        n.put("createdAt", at());
        n.put("memoryMb", f.memoryMb() == null ? 128 : f.memoryMb());
        n.put("timeout", (f.timeoutSeconds() == null ? 3 : f.timeoutSeconds()) + "s");
        if (!f.subnets().isEmpty()) {
            n.set("vpcConfig", vpcConfig(f));
        }
        if (f.reserved() != null) {
            n.put("reservedConcurrency", f.reserved());
        }
        if (f.provisioned() > 0) {
            n.put("provisionedConcurrency", f.provisioned());
        }
        if (f.runtime() != null && dev.enisim.workload.InitPresets.runtimes().contains(f.runtime())) {
            n.put("runtime", f.runtime()); // its cold starts from the measured preset, not the default init
        } else if (f.runtime() != null) {
            notes.add(f.name() + " (" + f.where() + "): runtime " + f.runtime() + " has no measured preset: its cold"
                    + " starts take the default init time");
        }
        n.put("duration", "100ms");
        String rate = options.traffic().get(f.name());
        if (rate == null) {
            rate = options.defaultTraffic();
            defaulted.add(f.name());
        }
        n.putObject("arrivals").put("poisson", rate);
        functions.put(FunctionLabels.qualified(accountOf(f), f.name()), n);
    }

    private void update(Change.Function f, ObjectNode existing) {
        properties(f, existing);
        JsonNode before = existing.path("vpcConfig");
        List<String> oldSubnets = new ArrayList<>();
        List<String> oldGroups = new ArrayList<>();
        before.path("subnetIds").forEach(s -> oldSubnets.add(s.asText()));
        before.path("securityGroupIds").forEach(s -> oldGroups.add(s.asText()));
        if (oldSubnets.equals(f.subnets()) && oldGroups.stream().sorted().toList().equals(
                f.groups().stream().sorted().toList())) {
            unchanged.add(f.name());
            return;
        }
        if (f.publishes()) {
            // the version published by the previous deployment pins the old keys: their ENIs stay while it exists
            timeline("publishVersion", f, options.deployAtSeconds());
            notes.add(f.name() + " publishes versions: the version of its current configuration keeps the old keys'"
                    + " ENIs after the update (while that version exists)");
        }
        timeline("updateVpcConfig", f, options.deployAtSeconds()).set("vpcConfig", vpcConfig(f));
    }

    /**
     * What the change sets of an existing function besides its VpcConfig: its reserved concurrency, memory and timeout
     * (no timeline action changes them, so the after run has them from its start, which its notes say); a change of
     * its provisioned concurrency is said in a note, not simulated. A property the change does not give keeps its
     * value.
     */
    private void properties(Change.Function f, ObjectNode existing) {
        List<String> set = new ArrayList<>();
        if (f.reserved() != null && (!existing.has("reservedConcurrency")
                || existing.get("reservedConcurrency").asInt() != f.reserved())) {
            Integer old = existing.has("reservedConcurrency") ? existing.get("reservedConcurrency").asInt() : null;
            reservedBefore.put(f.name(), old);
            existing.put("reservedConcurrency", f.reserved());
            set.add("reservedConcurrency " + (old == null ? "none" : old) + " -> " + f.reserved());
        }
        if (f.memoryMb() != null && existing.path("memoryMb").asInt(128) != f.memoryMb()) {
            set.add("memoryMb " + existing.path("memoryMb").asInt(128) + " -> " + f.memoryMb());
            existing.put("memoryMb", f.memoryMb());
        }
        if (f.timeoutSeconds() != null) {
            String old = existing.path("timeout").asText("3s");
            String now = f.timeoutSeconds() + "s";
            long oldMicros;
            try {
                oldMicros = dev.enisim.scenario.Units.durationMicros(old);
            } catch (IllegalArgumentException e) {
                oldMicros = -1; // the account's own problem, said when it loads
            }
            if (oldMicros != f.timeoutSeconds() * 1_000_000L) {
                set.add("timeout " + old + " -> " + now);
                existing.put("timeout", now);
            }
        }
        if (!set.isEmpty()) {
            notes.add(f.name() + " (" + f.where() + "): the change sets " + String.join(", ", set) + ": applied to"
                    + " it in the after run from the run's start (the scenario has no action that changes them at the"
                    + " deployment), so the after run differs from the before run before --deploy-at too");
        }
        if (f.provisioned() > 0 && existing.path("provisionedConcurrency").asInt(0) != f.provisioned()) {
            notes.add(f.name() + " (" + f.where() + "): the change sets provisioned concurrency " + f.provisioned()
                    + " (it has " + existing.path("provisionedConcurrency").asInt(0) + "): not simulated for a function"
                    + " that exists (the after run keeps its current figure)");
        }
    }

    private ObjectNode timeline(String action, Change.Function f, long atSeconds) {
        ObjectNode a = array(tree, "timeline").addObject();
        a.put("at", atSeconds + "s");
        a.put("action", action);
        a.put("function", f.name());
        added.add(Map.entry(a, accountOf(f)));
        return a;
    }

    /**
     * The added actions' functions by their labels in the after scenario: {@code <account>:<name>} for a name
     * functions of several accounts have there, as the scenario reader names them ({@link FunctionLabels}).
     */
    private void labels() {
        FunctionLabels labels = FunctionLabels.of(tree);
        for (Map.Entry<ObjectNode, String> e : added) {
            String name = e.getKey().path("function").asText();
            if (!labels.functionsNamed(name).isEmpty()) {
                e.getKey().put("function", FunctionLabels.qualified(e.getValue(), name));
            }
        }
    }

    /**
     * Each function of the change by its label in the after scenario, in the change's order: {@code
     * <account>:<name>} when functions of several accounts have its name there, else its name.
     */
    private List<String> changeLabels() {
        FunctionLabels labels = FunctionLabels.of(tree);
        List<String> out = new ArrayList<>();
        for (Change.Function f : change.functions()) {
            out.add(labels.functionsNamed(f.name()).isEmpty() ? f.name()
                    : FunctionLabels.qualified(accountOf(f), f.name()));
        }
        return List.copyOf(out);
    }

    /**
     * EFS mount targets (and such) take, from the deployment on, one address each in their subnet and one slot each
     * of their VPC's ENI quota, which Lambda's Hyperplane ENIs share with other services such as Amazon EFS [doc:
     * Lambda quotas page] ({@code otherUsedEnis}).
     */
    private void interfaces() {
        Map<String, Integer> count = new TreeMap<>();
        Map<String, Integer> perVpc = new TreeMap<>();
        for (Change.Interface i : change.interfaces()) {
            if (subnets.containsKey(i.subnet())) {
                count.merge(i.subnet(), 1, Integer::sum);
                perVpc.merge(subnetVpc.get(i.subnet()), 1, Integer::sum);
            } else {
                notes.add(i.kind() + " in " + i.subnet() + " (" + i.where() + "): subnet not known; not simulated");
            }
        }
        count.forEach((s, n) -> others("setOtherUsedIps", "subnet", s, "otherUsedIps", subnets.get(s), n,
                "one address each"));
        perVpc.forEach((v, n) -> others("setOtherUsedEnis", "vpc", v, "otherUsedEnis", vpcs.get(v), n,
                "one slot each of its ENI quota (shared with other services such as Amazon EFS)"));
    }

    /** At the deployment, {@code n} more of other services' {@code field} in {@code where} (an action and a note). */
    private void others(String action, String kind, String id, String field, ObjectNode where, int n, String each) {
        ObjectNode a = array(tree, "timeline").addObject();
        a.put("at", at());
        a.put("action", action);
        a.put(kind, id);
        a.put(field, where.path(field).asInt(0) + n);
        interfaces.add(n + " EFS mount target(s) or other interfaces in " + id + ": " + each);
    }
}
