package dev.enisim.scenario;

import dev.enisim.model.EgressLimits;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.workload.ArrivalSpec;
import dev.enisim.workload.DistributionSpec;
import dev.enisim.workload.InitPresets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Reads and checks {@code functions[*]}. */
final class FunctionReader {

    private static final List<String> PACKAGE_TYPES = List.of("Zip", "Image");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private final Fields root;
    private final References refs;
    private final Scenario.Account account;
    /** What the table's bounds depend on: the account and the hyperplane block. */
    private final Setting.Limits limits;
    private final java.nio.file.Path baseDir;
    /** The run's end (its duration), or Long.MAX_VALUE when not known: how far a repeating schedule is walked. */
    private final long horizon;
    /**
     * Names (with their account when the scenario has several) and reservations of every function read, valid or
     * not, so that their checks do not hide.
     */
    private final java.util.Set<String> names = new java.util.HashSet<>();
    /** The functions' and roles' labels: a name in several accounts is {@code <account>:<name>}. */
    private final FunctionLabels labels;
    private long reservedSum;
    private final AsyncReader asyncReader;
    private final SqsReader sqsReader;

    FunctionReader(Fields root, References refs, Scenario.Account account, Scenario.Hyperplane hyperplane,
            java.nio.file.Path baseDir, long horizon) {
        this.baseDir = baseDir;
        this.horizon = horizon;
        this.root = root;
        this.refs = refs;
        this.account = account;
        this.limits = new Setting.Limits(account, hyperplane);
        this.asyncReader = new AsyncReader(root);
        this.sqsReader = new SqsReader(root);
        this.labels = FunctionLabels.of(root.json());
    }

    List<Scenario.Function> read() {
        return read(true);
    }

    /**
     * The functions; {@code oneAccount}: the scenario has no {@code accounts:} list, and the reserved concurrency of
     * all its functions is checked against its one account's room here. With {@code accounts:} each account's is
     * checked by {@link AccountsReader} on its own: the check here, run on the accounts' sums, said a second problem
     * with figures of no account ("concurrencyLimit 150 - unreservedMinimum 110", an adversarial review).
     */
    List<Scenario.Function> read(boolean oneAccount) {
        boolean none = root.list("functions").isEmpty();
        List<Fields> list = none ? List.of() : root.objects("functions");
        if (!root.has("functions") || none) {
            root.problem("functions", "at least one function is required");
        }
        List<Scenario.Function> out = new ArrayList<>();
        for (Fields f : list) {
            Scenario.Function fn = function(f);
            if (fn != null) {
                out.add(fn);
            }
        }
        long room = (long) account.concurrencyLimit() - account.unreservedMinimum();
        if (oneAccount && reservedSum > room) {
            root.problem("functions", "reserved concurrency adds up to " + reservedSum
                    + ", more than concurrencyLimit " + account.concurrencyLimit() + " - unreservedMinimum " + account.unreservedMinimum() + " = "
                    + room);
        }
        return out;
    }

    /** The fields of {@code functions[*]}: those read by code below, then the table's. */
    private static final String[] FIELDS = Setting.names(Scenario.Function.SETTINGS, "name", "vpcConfig",
            "reservedConcurrency", "duration", "arrivals", "role", "initDuration", "existing", "runtime",
            "packageType", "initExtra", "invocationType", "eventInvokeConfig", "deadLetterConfig", "egress",
            "eventSourceMapping", "account", "stateReasonCode", "warmEnvironments", "tags");

    private Scenario.Function function(Fields f) {
        f.allowOnly(FIELDS);
        Scenario.Function.Builder b = Scenario.Function.builder(null, null, null);
        Setting.readAll(Scenario.Function.SETTINGS, f, limits, b);
        Scenario.Function table = b.build(); // the table's fields read, for the checks that use them
        String name = f.requireText("name");
        if (name != null && !NAME.matcher(name).matches()) {
            f.problem("name", "expected 1 to 64 letters, digits, '-' or '_' (Lambda's function names), got "
                    + Problem.quote(name));
        }
        // AWS's function is an account's: with accounts, a name is unique in its account only (one SAM app deployed
        // into two accounts is two functions, which their labels tell apart: 222222222222:api)
        String in = labels.account(f.json());
        if (!names.add(FunctionLabels.qualified(in, name)) && name != null) {
            f.problem("name", "duplicate function name " + Problem.quote(name) + (in.isEmpty() ? ""
                    : " in account " + in + " (a name is unique in its account)"));
        }
        Scenario.VpcConfig vpc = vpcConfig(f, "vpcConfig", refs);
        int before = f.problemCount();
        OptionalInt reservation = f.has("reservedConcurrency")
                ? OptionalInt.of((int) f.integer("reservedConcurrency", 0, 0, account.concurrencyLimit()))
                : OptionalInt.empty();
        if (f.problemCount() > before) {
            // its problem is said: the bounds that hang on it (warmEnvironments, provisionedConcurrency) are not
            // checked against the 0 read in its place ("warmEnvironments: ... from 0 to 0, got 5" followed from it)
            reservation = OptionalInt.empty();
        }
        reservedSum += reservation.orElse(0);
        if (!f.has("duration")) {
            f.problem("duration", "is required (a duration like 120ms, or {dist: lognormal, median: 120ms, p99: 2s})");
        }
        DistributionSpec duration = Distributions.read(f, "duration", null);
        ArrivalSpec arrivals = Arrivals.read(f, baseDir, horizon);
        String role = f.text("role", name + Defaults.ROLE_SUFFIX);
        role = role == null || name == null ? role : labels.role(f.json());
        DistributionSpec init = initDuration(f, table.memoryMb(), table.architecture());
        if (reservation.isPresent() && table.provisionedConcurrency() > reservation.getAsInt()) {
            f.problem("provisionedConcurrency", "must not exceed reservedConcurrency (" + reservation.getAsInt()
                    + ")");
        }
        AsyncReader.Read async = asyncReader.read(f);
        SqsReader.Read sqs = sqsReader.read(f, table.timeoutMicros(), async.config().isPresent());
        // read before giving up on the function, so that its problems are all said at once
        Scenario.Function.Existing existing = existing(f, table.createdAtMicros());
        StateReasonCode failedReason = failedReason(f, existing);
        OptionalInt warm = warmEnvironments(f, existing, reservation);
        tags(f);
        if (name == null || vpc == null || duration == null || arrivals == null || init == null || !async.ok()
                || !sqs.ok()) {
            return null;
        }
        Scenario.Egress egress = egress(f, vpc);
        return b.name(labels.function(f.json())).vpcConfig(vpc).reservedConcurrency(reservation).duration(duration).arrivals(arrivals)
                .role(role).initDuration(init).existing(existing).failedReason(failedReason).warmEnvironments(warm)
                .async(async.config())
                .egress(egress).sqs(sqs.config()).build();
    }

    /** Lambda's limits on a function's tags (AWS::Lambda::Function Tag: a key of 1 to 128, a value of 0 to 256). */
    static final int TAG_KEY_MAX = 128;
    static final int TAG_VALUE_MAX = 256;
    /** Tags per resource, those AWS sets ({@code aws:...}, such as CloudFormation's) not counted. */
    static final int TAGS_MAX = 50;

    /**
     * {@code tags}: the function's tags as Lambda keeps them ({@code aws lambda get-function}'s {@code Tags}, {@code
     * list-tags}), a map of string to string. The run does not read them; {@code enisim gate --stack-name} reads
     * CloudFormation's ({@code aws:cloudformation:stack-name}, {@code aws:cloudformation:logical-id}) from the
     * scenario's tree. Checked here so that a scenario the gate reads is one every command accepts.
     */
    private static void tags(Fields f) {
        Fields t = f.object("tags");
        if (t == null) {
            return;
        }
        int own = 0;
        for (java.util.Iterator<java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode>> it =
                t.json().fields(); it.hasNext();) {
            java.util.Map.Entry<String, com.fasterxml.jackson.databind.JsonNode> e = it.next();
            String key = e.getKey();
            if (key.isEmpty() || key.length() > TAG_KEY_MAX || key.chars().anyMatch(Character::isISOControl)) {
                t.problem(key, "expected a tag key of 1 to " + TAG_KEY_MAX + " characters on one line (Lambda's"
                        + " limit), got " + key.length() + " characters");
            }
            com.fasterxml.jackson.databind.JsonNode v = e.getValue();
            if (!v.isTextual()) {
                t.problem(key, "expected a string (a tag value; quote it: \"" + (v.isValueNode() ? v.asText()
                        : "...") + "\"), got " + Fields.describe(v));
            } else if (v.asText().length() > TAG_VALUE_MAX || v.asText().chars().anyMatch(Character::isISOControl)) {
                t.problem(key, "expected a tag value of 0 to " + TAG_VALUE_MAX + " characters on one line (Lambda's"
                        + " limit), got " + v.asText().length() + " characters");
            }
            if (!key.regionMatches(true, 0, "aws:", 0, 4)) {
                own++;
            }
        }
        if (own > TAGS_MAX) {
            f.problem("tags", "at most " + TAGS_MAX + " tags of your own per function (Lambda's limit; the aws:"
                    + " ones AWS sets, such as CloudFormation's, are not counted), got " + own);
        }
    }

    /** {@code egress}: shares of the connections to hot destinations through the VPC's NAT gateway. */
    private Scenario.Egress egress(Fields f, Scenario.VpcConfig vpc) {
        Fields e = f.object("egress");
        if (e == null) {
            return Scenario.Egress.NONE;
        }
        e.allowOnly("destinations", "keepConnectionsOpen");
        boolean kept = e.flag("keepConnectionsOpen", Defaults.KEEP_CONNECTIONS_OPEN);
        List<Scenario.Route> routes = new ArrayList<>();
        double total = 0;
        for (Fields d : e.objects("destinations")) {
            d.allowOnly("destination", "share");
            String to = d.requireText("destination");
            double share = d.fraction("share", 1.0);
            total += share;
            if (to != null) {
                routes.add(new Scenario.Route(to, share));
            }
        }
        if (total > 1 + 1e-9) {
            e.problem("destinations", "shares add up to " + total + ", more than 1 (all of the connections)");
        }
        if (routes.size() > EgressLimits.MAX_DESTINATIONS) {
            e.problem("destinations", "at most " + EgressLimits.MAX_DESTINATIONS + " hot destinations per"
                    + " function, got " + routes.size() + " (a bound"
                    + " of enisim's model, not an AWS limit: a NAT gateway limits connections to each destination, not"
                    + " destinations); list only those that can come near 55,000 simultaneous connections per NAT"
                    + " address, which are the ones that can run out of ports (the rest of the connections are not"
                    + " counted at the gateway)");
        }
        if (!routes.isEmpty() && (vpc == null || !vpc.attached())) {
            e.problem("a function outside a VPC reaches the internet without a NAT gateway: egress needs a vpcConfig");
        } else if (!routes.isEmpty() && !refs.hasNat(vpc.subnetIds().get(0))) {
            e.problem("the VPC of " + vpc.subnetIds().get(0) + " has no natGateways to leave by");
        }
        return new Scenario.Egress(routes, kept);
    }

    /**
     * A cold start's init: {@code initDuration} when given; else the measured preset of {@code runtime} (with
     * {@code architecture}, {@code packageType} and the memory size) plus {@code initExtra}; else the default.
     */
    private static DistributionSpec initDuration(Fields f, int memory, String arch) {
        String pkg = f.text("packageType", Defaults.PACKAGE_TYPE);
        if (!PACKAGE_TYPES.contains(pkg)) {
            f.problem("packageType", "expected one of " + PACKAGE_TYPES + " (Lambda's PackageType), got "
                    + Problem.quote(pkg));
            pkg = null;
        }
        String runtime = f.text("runtime", null);
        DistributionSpec extra = Distributions.read(f, "initExtra", null);
        if (f.has("initDuration")) {
            if (f.has("initExtra")) {
                f.problem("initExtra", "adds to a runtime preset; with an explicit initDuration, include your own"
                        + " initialisation in initDuration instead");
            }
            return Distributions.read(f, "initDuration", null);
        }
        double cap = Defaults.INIT_DURATION.max();
        if (runtime == null) {
            if (f.has("initExtra")) {
                f.problem("initExtra", "adds to a runtime preset: set runtime too (e.g. runtime: python3.12), or give"
                        + " initDuration");
            }
            return Defaults.INIT_DURATION;
        }
        if (pkg == null || (f.has("initExtra") && extra == null)) {
            return null;
        }
        DistributionSpec preset;
        try {
            preset = InitPresets.preset(runtime, memory, arch, pkg, cap);
        } catch (IllegalArgumentException e) {
            f.problem("runtime", e.getMessage());
            return null;
        }
        return extra == null ? preset : new DistributionSpec.Sum(preset, extra, cap);
    }

    /**
     * {@code existing: Active | Inactive | Failed}: the function is already there at time 0 (it cannot have a
     * createdAt).
     */
    private static Scenario.Function.Existing existing(Fields f, long createdAt) {
        String e = f.text("existing", null);
        if (e == null) {
            return Scenario.Function.Existing.NO;
        }
        if (f.has("createdAt") && createdAt != 0) {
            f.problem("createdAt", "an existing function is there from the start: leave createdAt out");
        }
        return switch (e) {
            case "Active" -> Scenario.Function.Existing.ACTIVE;
            case "Inactive" -> Scenario.Function.Existing.INACTIVE;
            case "Failed" -> Scenario.Function.Existing.FAILED;
            default -> {
                f.problem("existing", "expected Active, Inactive or Failed (the state the function is in at time 0),"
                        + " got " + Problem.quote(e));
                yield Scenario.Function.Existing.NO;
            }
        };
    }

    /**
     * {@code warmEnvironments: N | auto}: the idle execution environments an {@code existing: Active} function has at
     * time 0, as a running account has them; empty for {@code auto} (what {@code enisim import} writes). The default,
     * 0, may be written on any function; another number or {@code auto} only on an existing Active one, a number at
     * most its reserved concurrency (or the account's limit): more idle environments than it can ever use at once is
     * a mistake.
     */
    private OptionalInt warmEnvironments(Fields f, Scenario.Function.Existing existing, OptionalInt reservation) {
        if (!f.has("warmEnvironments")) {
            return OptionalInt.of(0);
        }
        String w = f.text("warmEnvironments", "0");
        int most = reservation.orElse(account.concurrencyLimit());
        boolean auto = w.equals("auto");
        if (!auto && !f.json().get("warmEnvironments").isIntegralNumber()) {
            f.problem("warmEnvironments", "expected auto or a whole number from 0 to " + most + " (idle execution"
                    + " environments at time 0), got " + Problem.quote(w));
            return OptionalInt.of(0);
        }
        if (auto) {
            if (existing == Scenario.Function.Existing.ACTIVE) {
                return OptionalInt.empty();
            }
        } else {
            long n = f.integer("warmEnvironments", 0, 0, most);
            if (n == 0 || existing == Scenario.Function.Existing.ACTIVE) {
                return OptionalInt.of((int) n);
            }
        }
        f.problem("warmEnvironments", "is for a function that is Active at time 0 (existing: Active): set"
                + " existing: Active too, or leave warmEnvironments out");
        return OptionalInt.of(0);
    }

    /**
     * {@code stateReasonCode}: why an {@code existing: Failed} function's creation failed, one of AWS's
     * StateReasonCode names the model simulates ({@link StateReasonCode#FAILED_CREATION}; default the first,
     * InternalError); null for a function that is not Failed, which may not have one.
     */
    private static StateReasonCode failedReason(Fields f, Scenario.Function.Existing existing) {
        String code = f.text("stateReasonCode", null);
        if (existing == Scenario.Function.Existing.INACTIVE) {
            return restoreReason(f, code);
        }
        if (existing != Scenario.Function.Existing.FAILED) {
            if (code != null) {
                f.problem("stateReasonCode", "is for a function existing at time 0 whose creation failed (existing:"
                        + " Failed) or whose last restore failed (existing: Inactive): set existing too, or leave"
                        + " stateReasonCode out");
            }
            return null;
        }
        if (code == null) {
            return StateReasonCode.FAILED_CREATION.get(0);
        }
        for (StateReasonCode c : StateReasonCode.FAILED_CREATION) {
            if (c.name().equals(code)) {
                return c;
            }
        }
        f.problem("stateReasonCode", "expected one of " + StateReasonCode.FAILED_CREATION + " (AWS's StateReasonCode"
                + " of a function whose creation failed, as simulated), got " + Problem.quote(code));
        return StateReasonCode.FAILED_CREATION.get(0);
    }

    /**
     * {@code stateReasonCode} of an {@code existing: Inactive} function: Idle (the default, null: its ENIs were
     * reclaimed while idle) or the code of the failure of its last restore, which AWS leaves it Inactive with
     * ({@link StateReasonCode#FAILED_RESTORE}).
     */
    private static StateReasonCode restoreReason(Fields f, String code) {
        if (code == null || code.equals(StateReasonCode.Idle.name())) {
            return null;
        }
        for (StateReasonCode c : StateReasonCode.FAILED_RESTORE) {
            if (c.name().equals(code)) {
                return c;
            }
        }
        f.problem("stateReasonCode", "expected Idle or one of " + StateReasonCode.FAILED_RESTORE + " (AWS's"
                + " StateReasonCode of an Inactive function: idle, or why its last restore failed), got "
                + Problem.quote(code));
        return null;
    }

    /** A VpcConfig {subnetIds, securityGroupIds}; absent or both empty = {@link Scenario.VpcConfig#NONE}. */
    static Scenario.VpcConfig vpcConfig(Fields parent, String field, References refs) {
        Fields v = parent.object(field);
        if (v == null) {
            return parent.has(field) ? null : Scenario.VpcConfig.NONE;
        }
        v.allowOnly("subnetIds", "securityGroupIds", "ipv6AllowedForDualStack");
        boolean ipv6 = v.flag("ipv6AllowedForDualStack", false);
        List<String> subnets = v.strings("subnetIds");
        List<String> groups = v.strings("securityGroupIds");
        if (subnets.isEmpty() && groups.isEmpty()) {
            return Scenario.VpcConfig.NONE;
        }
        boolean ok = true;
        if (subnets.isEmpty() || groups.isEmpty()) {
            v.problem((subnets.isEmpty() ? "subnetIds" : "securityGroupIds"),
                    "must not be empty when the other list is not (both empty = not attached to a VPC)");
            ok = false;
        }
        if (subnets.size() > 16) {
            v.problem("subnetIds", "at most 16 subnets per function, got " + subnets.size());
            ok = false;
        }
        if (groups.size() > 5) {
            v.problem("securityGroupIds", "at most 5 security groups per function, got " + groups.size());
            ok = false;
        }
        for (int i = 0; i < subnets.size(); i++) {
            if (refs.ipv6Only.contains(subnets.get(i))) {
                // [assumed] Lambda's Hyperplane ENIs need an IPv4 address (the research found no AWS text either way)
                v.problem("subnetIds[" + i + "]", Problem.quote(subnets.get(i)) + " is IPv6-only: Lambda does not connect"
                        + " functions to IPv6-only subnets (use an IPv4 or a dual-stack subnet)");
                ok = false;
                continue;
            }
            ok &= refs.checkNetwork(v, "subnetIds[" + i + "]", "subnet", subnets.get(i), refs.subnets);
            if (ok && ipv6 && !refs.dualStack(subnets.get(i))) {
                v.problem("ipv6AllowedForDualStack", "needs dual-stack subnets: "
                        + Problem.quote(subnets.get(i)) + " has no ipv6Cidr");
                ok = false;
            }
        }
        for (int i = 0; i < groups.size(); i++) {
            ok &= refs.checkNetwork(v, "securityGroupIds[" + i + "]", "security group", groups.get(i), refs.groups);
        }
        for (int i = 1; ok && i < subnets.size(); i++) {
            String first = refs.vpcOfSubnet(subnets.get(0));
            String other = refs.vpcOfSubnet(subnets.get(i));
            if (!first.equals(other)) {
                // AWS refuses it at creation (VpcConfigResponse has one VpcId) [assumed: InvalidParameterValueException]
                v.problem("subnetIds[" + i + "]", Problem.quote(subnets.get(i)) + " is in " + other + ", "
                        + Problem.quote(subnets.get(0)) + " in " + first + ": a function connects to a single VPC");
                ok = false;
            }
        }
        return ok ? new Scenario.VpcConfig(subnets, groups, ipv6) : null;
    }
}
