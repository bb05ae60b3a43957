package dev.enisim.importer;

import dev.enisim.scenario.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Reads what the Lambda CLI prints about functions into an {@link Account}: {@code list-functions} (also with
 * {@code --function-version ALL}), {@code get-function-configuration} (also of a published version,
 * {@code my-function:2}), {@code get-function} (with its {@code Concurrency}), {@code get-function-concurrency}
 * (which does not name its function, so it comes with one) and {@code get-account-settings}.
 *
 * <p>What the scenario format cannot hold is mapped, with a note, or left out, with a note: names it refuses
 * (placeholders like {@code <function-name:1>}), newer {@code State} values, figures beyond the model's ranges
 * (MemorySize up to 32,768 MB and Timeout up to 5,400 s for newer function kinds), functions on a capacity
 * provider (Lambda Managed Instances: their network interfaces are the provider's instances', not Hyperplane ENIs).
 */
final class FunctionsReader {

    static final String COMMAND = "aws lambda list-functions";
    /** What the scenario format accepts (FunctionReader's pattern). */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** The model's ranges (scenarios/README.md) and AWS's (the Lambda API's, since 2025-12 and 2026-06). */
    static final int MODEL_MAX_MEMORY = 10_240;
    static final int MODEL_MAX_TIMEOUT = 900;
    private static final int AWS_MAX_MEMORY = 32_768;
    private static final int AWS_MAX_TIMEOUT = 5_400;
    static final int DEFAULT_MEMORY = 128;
    static final int DEFAULT_TIMEOUT = 3;

    private final Account a;
    /** Published versions, by function and version number: used when a function's $LATEST was not saved. */
    private final Map<String, TreeMap<Long, Account.Function>> versions = new TreeMap<>();
    private int versionsLeftOut;
    /**
     * Where get-function said a function's reservation (its {@code Concurrency}, or none without it), by function:
     * the only functions output that prints it (list-functions and get-function-configuration do not), so a
     * get-function-concurrency that disagrees is a conflict between two exports, said in a note.
     */
    private final Map<String, Said> reservedFrom = new TreeMap<>();

    /** What get-function said of a reservation ({@code value}, null: none), and where. */
    private record Said(String where, Integer value) {
    }

    FunctionsReader(Account account) {
        this.a = account;
    }

    /**
     * The function names that FunctionArns of several accounts give, across every {@code --functions} file (one app
     * deployed into two workload accounts, each account's list-functions saved to its own file): each such function
     * is imported under its label, {@code <account>:<name>} (as the scenario names it, {@link
     * dev.enisim.scenario.FunctionLabels}), and written with its {@code account}. Read before the files are read
     * for good, so that a function's first description has its label already; a file that does not parse is
     * skipped here (its problems are said when it is read).
     */
    private final Map<String, java.util.Set<String>> accountsByName = new TreeMap<>();

    void scanAccounts(List<Path> files) {
        for (Path file : files) {
            List<CliJson> docs;
            try {
                docs = CliJson.readAll(file, COMMAND);
            } catch (ScenarioException e) {
                continue;
            }
            for (CliJson j : docs) {
                JsonNode root = j.root;
                List<JsonNode> described = new ArrayList<>();
                if (root.has("FunctionName")) {
                    described.add(root);
                } else if (root.path("Configuration").isObject()) {
                    described.add(root.get("Configuration"));
                } else {
                    root.path("Functions").forEach(described::add);
                }
                for (JsonNode f : described) {
                    String name = f.path("FunctionName").asText(null);
                    String account = accountOf(f.path("FunctionArn").asText(""));
                    if (name != null && account != null) {
                        accountsByName.computeIfAbsent(name, k -> new java.util.TreeSet<>()).add(account);
                    }
                }
            }
        }
    }

    /**
     * A function's name in the import: {@code <account>:<name>} when functions of several accounts have its name,
     * else its name. Null, with a problem, for a description without an ARN of such a name: which account's it is
     * cannot be told.
     */
    private String label(CliJson j, String p, String name, String account) {
        java.util.Set<String> accounts = accountsByName.get(name);
        if (accounts == null || accounts.size() < 2) {
            return name;
        }
        if (account == null) {
            j.problem(CliJson.join(p, "FunctionArn"), "function " + name + " has no FunctionArn, and the files hold"
                    + " functions of that name in accounts " + String.join(" and ", accounts) + ": which one this"
                    + " describes cannot be told (save it with its FunctionArn, as the CLI prints it)");
            return null;
        }
        return dev.enisim.scenario.FunctionLabels.qualified(account, name);
    }

    /** The label of the function a {@code get-function} document describes (its {@code Configuration}), or null. */
    private String labelOf(JsonNode configuration) {
        String name = configuration.path("FunctionName").asText(null);
        String account = accountOf(configuration.path("FunctionArn").asText(""));
        java.util.Set<String> accounts = name == null ? null : accountsByName.get(name);
        return accounts == null || accounts.size() < 2 || account == null ? name
                : dev.enisim.scenario.FunctionLabels.qualified(account, name);
    }

    /**
     * One file of {@code --functions}: each document is list-functions, get-function-configuration,
     * get-function or get-account-settings output.
     */
    void read(Path file) throws ScenarioException {
        List<CliJson> docs = a.readAll(file, COMMAND);
        for (CliJson j : docs) {
            document(j);
        }
        docs.get(0).throwIfProblems();
    }

    private void document(CliJson j) {
        JsonNode root = j.root;
        if (root.has("AccountLimit")) {
            accountSettings(j);
        } else if (root.has("FunctionName")) {
            add(j, root, "", null);
        } else if (root.path("Configuration").isObject()) {
            Long reserved = root.path("Concurrency").isObject() ? j.integer(root.get("Concurrency"), "Concurrency",
                    "ReservedConcurrentExecutions", false, 0, Integer.MAX_VALUE) : null;
            String name = add(j, root.get("Configuration"), "Configuration", reserved);
            tags(j, root, labelOf(root.get("Configuration")));
            if (name != null) {
                reservedFrom.put(name, new Said(reserved == null ? j.file + ", no Concurrency" : Account.where(j.file,
                        "Concurrency.ReservedConcurrentExecutions"), reserved == null ? null : reserved.intValue()));
            }
        } else if (root.has("ReservedConcurrentExecutions")) {
            j.problem("ReservedConcurrentExecutions", "this is `aws lambda get-function-concurrency` output, which"
                    + " does not name its function: give it as --concurrency FUNCTION=FILE");
        } else {
            List<JsonNode> list = j.list("Functions", COMMAND + " (or get-function-configuration, get-function)");
            a.page(j, COMMAND);
            for (int i = 0; i < list.size(); i++) {
                add(j, list.get(i), "Functions[" + i + "]", null);
            }
        }
    }

    /** The tags CloudFormation puts on the functions it creates: what {@code gate --stack-name} reads. */
    static final List<String> STACK_TAGS = List.of("aws:cloudformation:logical-id", "aws:cloudformation:stack-name");

    /**
     * {@code get-function}'s {@code Tags} ({@code {"KEY": "VALUE", ...}}; none printed: the function has none) of
     * function {@code name}, kept whole for {@code functions[*].tags}.
     */
    private void tags(CliJson j, JsonNode root, String name) {
        Map<String, String> kept = tagMap(j, root.get("Tags"), "Tags", "aws lambda get-function");
        if (name != null && kept != null) {
            a.tags.put(name, kept);
            a.tagsFrom.put(name, j.file.toString());
        }
    }

    /**
     * A Tags object ({@code get-function}'s or {@code list-tags}'), each tag checked against Lambda's limits (a key
     * of 1 to 128 characters, a value of at most 256, on one line; CloudFormation's not empty): every problem is
     * recorded at its path, and null returned when there was one. Absent or null: no tags.
     */
    static Map<String, String> tagMap(CliJson j, JsonNode tags, String path, String command) {
        Map<String, String> kept = new TreeMap<>();
        if (tags == null || tags.isNull()) {
            return kept;
        }
        if (!tags.isObject()) {
            j.problem(path, "expected an object of tag keys and values ({\"aws:cloudformation:stack-name\":"
                    + " \"shop\", ...}), as `" + command + "` prints it; got " + tags);
            return null;
        }
        boolean ok = true;
        for (java.util.Iterator<Map.Entry<String, JsonNode>> it = tags.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode v = e.getValue();
            String at = CliJson.join(path, key);
            if (key.isEmpty() || key.length() > 128 || key.chars().anyMatch(Character::isISOControl)) {
                j.problem(at, "expected a tag key of 1 to 128 characters on one line (Lambda's limit), got "
                        + key.length() + " characters");
                ok = false;
            } else if (!v.isTextual() || v.asText().length() > 256 || v.asText().chars().anyMatch(
                    Character::isISOControl) || (STACK_TAGS.contains(key) && v.asText().isEmpty())) {
                j.problem(at, "expected a tag value (a string of at most 256 characters on one line"
                        + (STACK_TAGS.contains(key) ? ", not empty" : "") + "), got " + v);
                ok = false;
            } else {
                kept.put(key, v.asText());
            }
        }
        return ok ? kept : null;
    }

    /** {@code aws lambda get-account-settings}: the account's concurrency limit, and how many functions it has. */
    void accountSettings(CliJson j) {
        JsonNode limit = j.root.get("AccountLimit");
        if (limit == null || !limit.isObject()) {
            j.problem("AccountLimit", "expected an object {ConcurrentExecutions, ...}, as `aws lambda"
                    + " get-account-settings` prints");
            return;
        }
        Long c = j.integer(limit, "AccountLimit", "ConcurrentExecutions", true, 1, 10_000_000);
        if (c != null) {
            a.concurrencyLimit = c.intValue();
            a.concurrencyLimitFile = j.file;
            a.concurrencyLimitPath = j.at("AccountLimit.ConcurrentExecutions");
        }
        Long u = j.integer(limit, "AccountLimit", "UnreservedConcurrentExecutions", false, 0, 10_000_000);
        a.unreservedNow = u == null ? null : u.intValue();
        if (u != null && c != null && u > c) {
            j.problem("AccountLimit.UnreservedConcurrentExecutions", "expected at most ConcurrentExecutions (" + c
                    + "), got " + u);
        }
        JsonNode usage = j.root.get("AccountUsage");
        if (usage != null && usage.isObject()) {
            Long n = j.integer(usage, "AccountUsage", "FunctionCount", false, 0, Integer.MAX_VALUE);
            if (n != null) {
                a.functionCount = n.intValue();
            }
        }
    }

    /**
     * {@code aws lambda get-function-concurrency} output for {@code function}; {@code functionsComplete}: every
     * functions file was read without a problem, so a function none of them lists is not there (else it may be in
     * the part that was refused, and is not named as unknown).
     */
    void concurrency(String function, Path file, boolean functionsComplete) throws ScenarioException {
        List<CliJson> docs = CliJson.readAll(file, "aws lambda get-function-concurrency");
        CliJson j = docs.get(0);
        if (docs.size() > 1) {
            j.problem("", "expected one document ({\"ReservedConcurrentExecutions\": N}), got " + docs.size());
        }
        Long r = j.integer(j.root, "", "ReservedConcurrentExecutions", false, 0, Integer.MAX_VALUE);
        j.throwIfProblems();
        Account.Function f = a.functions.get(function);
        if (f == null && !functionsComplete) {
            return;
        }
        if (f == null) {
            j.problem("", "--concurrency names function " + Problem.quote(function) + ", which no --functions file lists"
                    + (a.functions.isEmpty() ? "" : " (known: " + String.join(", ", a.functions.keySet()) + ")"));
            j.throwIfProblems();
        }
        // an empty object: no reserved concurrency (the CLI prints {} then)
        Integer now = r == null ? null : r.intValue();
        Said earlier = reservedFrom.get(function);
        // get-function's word, when the scenario still has it (a later get-function-configuration or list-functions
        // description keeps it, printing none; a later get-function replaces it with its own)
        if (earlier != null && java.util.Objects.equals(f.reserved(), earlier.value())
                && !java.util.Objects.equals(earlier.value(), now)) {
            a.notes.add("function " + function + ": its reserved concurrency differs between two exports:"
                    + " get-function (" + earlier.where() + ") says " + (earlier.value() == null ? "none"
                    : earlier.value()) + ", get-function-concurrency (" + file + ") says " + (now == null
                    ? "none ({})" : now) + ": " + (now == null ? "none" : now) + " is taken, not " + (earlier.value()
                    == null ? "none" : earlier.value()) + " (get-function-concurrency is the API of record for a"
                    + " function's reservation; were the two saved at different times?)");
        }
        a.functions.put(function, f.withReserved(now));
    }

    /** After every file: functions saved only as published versions are taken from their newest version. */
    void finish() {
        for (Map.Entry<String, TreeMap<Long, Account.Function>> e : versions.entrySet()) {
            if (!a.functions.containsKey(e.getKey())) {
                Map.Entry<Long, Account.Function> newest = e.getValue().lastEntry();
                a.functions.put(e.getKey(), newest.getValue());
                a.notes.add("function " + e.getKey() + ": only published version(s) saved; its configuration is"
                        + " taken from version " + newest.getKey() + " (get-function-configuration without a"
                        + " qualifier gives $LATEST)");
                versionsLeftOut += e.getValue().size() - 1;
            } else {
                versionsLeftOut += e.getValue().size();
            }
        }
        if (versionsLeftOut > 0) {
            a.notes.add(versionsLeftOut + " published version(s) left out: only each function's $LATEST is"
                    + " imported");
        }
        versions.clear();
    }

    /** Adds one description of a function; its name when it is the function's $LATEST, taken, else null. */
    private String add(CliJson j, JsonNode f, String p, Long reserved) {
        String version = j.text(f, p, "Version", false);
        Account.Function fn = function(j, f, p, reserved);
        if (fn == null) {
            return null;
        }
        if (version != null && !version.equals("$LATEST")) {
            long number;
            try {
                number = Long.parseLong(version);
            } catch (NumberFormatException e) {
                j.problem(CliJson.join(p, "Version"), "expected $LATEST or a version number, got " + Problem.quote(version));
                return null;
            }
            versions.computeIfAbsent(fn.name(), k -> new TreeMap<>()).put(number, fn);
            return null;
        }
        Account.Function before = a.functions.get(fn.name());
        // what the later description does not print is kept from the earlier, not dropped: list-functions and
        // get-function-configuration print no reservation (get-function does: its Concurrency, none without it), and
        // list-functions no State (a planner's review: list-functions after get-function lost a reservation of 120)
        List<String> kept = new ArrayList<>();
        if (before != null && !p.equals("Configuration") && before.reserved() != null) {
            fn = fn.withReserved(before.reserved());
            kept.add("ReservedConcurrentExecutions " + before.reserved());
        }
        if (before != null && !f.hasNonNull("State") && before.state() != null) {
            fn = fn.withState(before.state(), before.stateSource());
            kept.add("State " + before.state() + " (" + before.stateSource() + ")");
        }
        a.functions.put(fn.name(), fn);
        lastModified(f, fn.name());
        if (before != null) {
            a.notes.add(Account.described("function " + fn.name(), Account.where(before.file(), before.path()),
                    Account.where(fn.file(), fn.path()), differences(before, fn)) + (kept.isEmpty() ? ""
                    : "; kept from the earlier, as the later does not print " + (kept.size() == 1 ? "it" : "them")
                    + ": " + String.join(", ", kept)));
        }
        return fn.name();
    }

    /** The fields of the Lambda output the import uses that differ between two descriptions of one function. */
    static List<String> differences(Account.Function x, Account.Function y) {
        List<String> out = new ArrayList<>();
        Account.differ(out, "MemorySize", x.memoryMb(), y.memoryMb());
        Account.differ(out, "Timeout", x.timeoutSeconds(), y.timeoutSeconds());
        Account.differ(out, "VpcConfig.SubnetIds", x.subnets(), y.subnets());
        Account.differ(out, "VpcConfig.SecurityGroupIds", x.groups(), y.groups());
        Account.differ(out, "VpcConfig.Ipv6AllowedForDualStack", x.ipv6AllowedForDualStack(),
                y.ipv6AllowedForDualStack());
        Account.differ(out, "State", x.state(), y.state());
        Account.differ(out, "Role", x.role(), y.role());
        Account.differ(out, "ReservedConcurrentExecutions", x.reserved(), y.reserved());
        Account.differ(out, "Runtime", x.pkg().runtime(), y.pkg().runtime());
        Account.differ(out, "Architectures", x.pkg().architecture(), y.pkg().architecture());
        Account.differ(out, "PackageType", x.pkg().packageType(), y.pkg().packageType());
        Account.differ(out, "SnapStart.ApplyOn", x.snapStart(), y.snapStart());
        return out;
    }

    /** The account id of a FunctionArn ({@code arn:aws:lambda:REGION:ACCOUNT:function:NAME}), or null. */
    static String accountOf(String arn) {
        String[] parts = arn.split(":", -1);
        return parts.length > 5 && parts[0].equals("arn") && parts[4].matches("\\d{12}") ? parts[4] : null;
    }

    private Account.Function function(CliJson j, JsonNode f, String p, Long reserved) {
        String name = j.text(f, p, "FunctionName", true);
        Long memory = j.integer(f, p, "MemorySize", false, 128, AWS_MAX_MEMORY);
        Long timeout = j.integer(f, p, "Timeout", false, 1, AWS_MAX_TIMEOUT);
        String role = j.text(f, p, "Role", false);
        String arn = f.path("FunctionArn").asText("");
        if (arn.startsWith("arn:aws") && arn.split(":").length > 3 && !arn.split(":")[3].isEmpty()) {
            a.regions.putIfAbsent(arn.split(":")[3], "FunctionArn " + arn);
        }
        String state = j.text(f, p, "State", false);
        String runtime = j.text(f, p, "Runtime", false);
        String packageType = j.text(f, p, "PackageType", false);
        List<String> architectures = f.has("Architectures") ? j.strings(f, p, "Architectures") : List.of();
        packageFields(j, p, architectures, packageType); // r1: ["arm"], "Jar", two architectures were dropped silently
        List<String> subnetIds = List.of();
        List<String> groups = List.of();
        boolean ipv6 = false;
        String vpcId = null;
        JsonNode vpc = f.get("VpcConfig");
        if (vpc != null && !vpc.isNull() && !vpc.isObject()) {
            j.problem(CliJson.join(p, "VpcConfig"), "expected an object {SubnetIds, SecurityGroupIds, VpcId}, got "
                    + vpc);
        } else if (vpc != null && vpc.isObject()) {
            String vp = CliJson.join(p, "VpcConfig");
            subnetIds = Account.sorted(j.strings(vpc, vp, "SubnetIds"));
            groups = Account.sorted(j.strings(vpc, vp, "SecurityGroupIds"));
            ipv6 = vpc.path("Ipv6AllowedForDualStack").asBoolean(false);
            vpcId = vpc.path("VpcId").isTextual() && !vpc.get("VpcId").asText().isEmpty() ? vpc.get("VpcId").asText()
                    : null;
            String of = name == null ? "" : name + ": "; // which function, as the other function problems say
            if (subnetIds.isEmpty() != groups.isEmpty()) {
                j.problem(vp, of + "expected both SubnetIds and SecurityGroupIds, or neither (not in a VPC); got "
                        + subnetIds.size() + " subnet(s) and " + groups.size() + " security group(s)");
            } else if (subnetIds.size() > 16 || groups.size() > 5) {
                j.problem(vp, of + "expected at most 16 subnets and 5 security groups (Lambda's limits), got "
                        + subnetIds.size() + " and " + groups.size());
            }
        }
        if (name == null) {
            return null;
        }
        String where = "function " + Problem.quote(name) + " (" + j.where() + (p.isEmpty() ? "" : ", " + j.at(p)) + ")";
        if (!NAME.matcher(name).matches()) {
            leftOut(where + " left out: a function name is 1 to 64 letters, digits, '-' or '_' (a placeholder"
                    + " from a test recording?)");
            return null;
        }
        String plain = name;
        name = label(j, p, plain, accountOf(arn));
        if (name == null) {
            return null;
        }
        where = "function " + Problem.quote(name) + " (" + j.where() + (p.isEmpty() ? "" : ", " + j.at(p)) + ")";
        if (f.hasNonNull("CapacityProviderConfig")) {
            leftOut(where + " left out: it runs on a capacity provider (Lambda Managed Instances), whose network"
                    + " interfaces are the provider's instances', not Hyperplane ENIs");
            return null;
        }
        String mapped = state(state, where);
        if ("Pending".equals(mapped) && "Restoring".equals(f.path("StateReasonCode").asText(null))) {
            mapped = Importer.RESTORING; // Pending after an Inactive spell, not a creation: see Importer.states
        }
        if ("Failed".equals(mapped)) {
            mapped = Importer.failed(f.path("StateReasonCode").asText(null)); // with why, for existing: Failed
        }
        String code = f.path("StateReasonCode").asText("");
        if ("Inactive".equals(state) && !code.isBlank() && !code.equals("Idle")) {
            mapped = Importer.inactive(code); // r1: a failed restore's reason (AWS: back to Inactive with it)
        }
        if ("Deleting".equals(state)) {
            return null;
        }
        lastUpdate(j, f, p, name);
        ephemeralStorage(j, f, p, name);
        Map<String, String> placeholders = new TreeMap<>();
        int mb = bounded(memory, DEFAULT_MEMORY, MODEL_MAX_MEMORY, "memoryMb", "MemorySize", " MB", placeholders);
        int s = bounded(timeout, DEFAULT_TIMEOUT, MODEL_MAX_TIMEOUT, "timeout", "Timeout", " s", placeholders);
        return new Account.Function(name, mb, s, subnetIds, groups, role == null ? null
                : role.substring(role.lastIndexOf('/') + 1), mapped, reserved == null ? null : reserved.intValue(),
                placeholders, j.file, j.at(p), new Account.Function.Package(runtime,
                        architectures.isEmpty() ? null : architectures.get(0), packageType), ipv6, accountOf(arn),
                snapStart(f), vpcId, p.endsWith("Configuration") ? "get-function" : "get-function-configuration");
    }

    /**
     * Lambda's own values only: {@code Architectures} holds exactly one of {@code x86_64}, {@code arm64} (an empty
     * list is taken as absent: x86_64, Lambda's default) and {@code PackageType} is {@code Zip} or {@code Image};
     * anything else is not Lambda's output (edited, or another tool's), so a problem, said with the others.
     */
    private static void packageFields(CliJson j, String p, List<String> architectures, String packageType) {
        String at = CliJson.join(p, "Architectures");
        if (architectures.size() > 1) {
            j.problem(at, "expected exactly one architecture (Lambda takes one: x86_64 or arm64), got "
                    + architectures.size() + ": " + Problem.quote(String.join(", ", architectures)));
        }
        for (int i = 0; i < architectures.size(); i++) {
            if (!ARCHITECTURES.contains(architectures.get(i))) {
                j.problem(at + "[" + i + "]", "expected x86_64 or arm64, got " + Problem.quote(architectures.get(i)));
            }
        }
        if (packageType != null && !PACKAGE_TYPES.contains(packageType)) {
            j.problem(CliJson.join(p, "PackageType"), "expected Zip or Image, got " + Problem.quote(packageType));
        }
    }

    /** Lambda's Architectures and PackageType values. */
    private static final List<String> ARCHITECTURES = List.of("x86_64", "arm64");
    private static final List<String> PACKAGE_TYPES = List.of("Zip", "Image");

    /**
     * SnapStart's {@code ApplyOn} when SnapStart is on ({@code PublishedVersions}), else null (absent, or
     * {@code None}): enisim does not model SnapStart (README, Modelling assumptions).
     */
    private static String snapStart(JsonNode f) {
        String applyOn = f.path("SnapStart").path("ApplyOn").asText("");
        return applyOn.isEmpty() || applyOn.equals("None") ? null : applyOn;
    }

    /**
     * A configuration update under way ({@code LastUpdateStatus: InProgress}) or failed ({@code Failed}) when the
     * output was saved: the scenario starts from the VpcConfig printed, and says so (the network interfaces of the
     * configuration before it, if still there, count as other tenants' addresses and ENIs).
     */
    static final String IN_PROGRESS = "LastUpdateStatus InProgress, an update was under way when this was saved";

    private void lastUpdate(CliJson j, JsonNode f, String p, String name) {
        String status = j.text(f, p, "LastUpdateStatus", false);
        if ("InProgress".equals(status)) {
            a.updateInProgress.add(name);
            a.notes.add(name + ": " + IN_PROGRESS + ": the scenario"
                    + " starts from the configuration printed; the ENIs of the one before it, if listed, are counted as"
                    + " other tenants' addresses and ENIs for the whole run (a note below says when they are listed)");
        } else if ("Failed".equals(status)) {
            String reason = j.text(f, p, "LastUpdateStatusReasonCode", false);
            a.notes.add(name + ": LastUpdateStatus Failed" + (reason == null ? "" : " (" + reason + ")") + ": the last"
                    + " update failed; the scenario starts from the configuration printed");
        }
    }

    /** LastModified as Lambda prints it ({@code 2026-12-06T23:10:00.000+0000}); one that does not read is left. */
    private void lastModified(JsonNode f, String name) {
        String text = f.path("LastModified").asText("");
        try {
            a.lastModified.put(name, java.time.OffsetDateTime.parse(text, LAST_MODIFIED).toInstant());
        } catch (java.time.format.DateTimeParseException e) {
            a.lastModified.remove(name);
        }
    }

    private static final java.time.format.DateTimeFormatter LAST_MODIFIED = new java.time.format
            .DateTimeFormatterBuilder().append(java.time.format.DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .appendPattern("[XXX][XX][X]").toFormatter(java.util.Locale.ROOT);

    /**
     * {@code EphemeralStorage.Size} above the 512 MB included: enisim does not model /tmp, and its cost leaves out
     * the storage AWS bills above 512 MB (per GB-second), which the scenario's notes say.
     */
    private void ephemeralStorage(CliJson j, JsonNode f, String p, String name) {
        JsonNode e = f.get("EphemeralStorage");
        if (e == null || !e.isObject()) {
            return;
        }
        Long size = j.integer(e, CliJson.join(p, "EphemeralStorage"), "Size", false, 512, 10_240);
        if (size != null && size > 512) {
            a.notes.add(String.format(java.util.Locale.ROOT, "%s: EphemeralStorage.Size %,d MB is not modelled: the"
                    + " cost estimate leaves out the storage AWS bills above the 512 MB included", name, size));
        }
    }

    private void leftOut(String note) {
        a.notes.add(note);
        a.functionsLeftOut.add(note);
    }

    /** A figure within the model's range; a default when missing, the model's maximum above it: placeholders. */
    private static int bounded(Long value, int fallback, int max, String field, String awsField, String unit,
            Map<String, String> placeholders) {
        if (value == null) {
            placeholders.put(field, awsField + " not in the saved output: Lambda's default");
            return fallback;
        }
        if (value > max) {
            placeholders.put(field, awsField + " " + value + unit + " is beyond the model's " + max + unit);
            return max;
        }
        return value.intValue();
    }

    /**
     * The State as one of the model's four (Active, Inactive, Pending, Failed), or null (unknown: the network
     * interfaces tell). Newer values: Deleting (left out), Deactivating and Deactivated (their resources are being
     * or have been released: Inactive), ActiveNonInvocable (resources in place, invocations refused: Active).
     */
    private String state(String state, String where) {
        if (state == null) {
            return null;
        }
        switch (state) {
            case "Active", "Inactive", "Pending", "Failed" -> {
                return state;
            }
            case "Deleting" -> {
                leftOut(where + " left out: its State is Deleting");
                return null;
            }
            case "Deactivating", "Deactivated" -> {
                a.notes.add(where + " is " + state + ": imported as Inactive (its resources are released)");
                return "Inactive";
            }
            case "ActiveNonInvocable" -> {
                a.notes.add(where + " is ActiveNonInvocable: imported as Active (its ENIs exist), although AWS refuses"
                        + " its invocations");
                return "Active";
            }
            default -> {
                a.notes.add(where + ": State " + Problem.quote(state) + " is unknown to enisim: its state at time 0 is taken from"
                        + " the network interfaces as when no State is saved");
                return null;
            }
        }
    }
}
