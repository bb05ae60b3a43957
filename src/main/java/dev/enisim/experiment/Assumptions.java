package dev.enisim.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.scenario.AssumptionPreset;
import dev.enisim.scenario.Units;
import java.util.ArrayList;
import java.util.List;

/**
 * The scenario parameters that are assumptions (figures AWS does not document: the README's assumptions
 * table), each with a plausible range from the spread of AWS's wording and the field reports. These are what
 * {@code enisim sensitivity} varies when the user names no ranges.
 *
 * <p>A distribution is varied by its median, its p99 (and cap) kept: a scenario that leaves it to its default
 * gets the default spelled out first, a constant is varied as a constant, and a median range that would pass the
 * scenario's p99 is cut at that p99.
 */
public final class Assumptions {

    /**
     * One assumption: the value varied ({@code path}: a median when {@code distribution}, the parameter's
     * default distribution, is given), its range, and why that range.
     */
    public record Assumption(String path, String low, String high, String distribution, boolean legacyOnly,
            String why) {
    }

    /** Every assumption enisim knows, in the order of the README's table. */
    public static final List<Assumption> ALL = List.of(
            new Assumption("hyperplane.eniCreateTime.median", "30s", "4m",
                    AssumptionPreset.DEFAULT.eniCreateTimeText(), false,
                    "AWS: \"about a minute\" (2019) to \"several minutes\"; 90 s most quoted"),
            new Assumption("hyperplane.attachExistingTime", "1s", "30s", null, false,
                    "AWS: \"much quicker\" than a new ENI"),
            new Assumption("hyperplane.eniDeleteTime.median", "3m", "20m",
                    AssumptionPreset.DEFAULT.eniDeleteTimeText(), false,
                    "AWS: \"up to 20 minutes\"; Terraform: p99 35 min"),
            new Assumption("hyperplane.eniRetryBackoff", "1m", "10m", null, false,
                    "AWS (2018): \"at least 5 minutes\""),
            new Assumption("hyperplane.idleReclaimAfter", "7d", "28d", null, false,
                    "AWS: \"consecutive weeks\"; 14 days is folklore"),
            new Assumption("scaling.keepAlive", "5m", "15m", null, false, "field reports: 5 to 15 minutes"),
            new Assumption("functions[*].initDuration.median", "100ms", "1s",
                    "{dist: lognormal, median: 250ms, p99: 1.5s, cap: 10s}", false,
                    "AWS documents only the 10 s cap; typical inits 0.1 to 1 s"),
            new Assumption("legacy.coldStartAttachTime.median", "3s", "12s",
                    "{dist: lognormal, median: 8s, p99: 15s, cap: 60s}", true,
                    "field reports: VPC cold starts of 3 to 15 s"),
            new Assumption("legacy.ec2ApiBurst", "50", "400", null, true,
                    "EC2's bucket is 200; Lambda's share of it is unknown"),
            new Assumption("legacy.ec2ApiRefill", "1/s", "20/s", null, true,
                    "EC2 refills 5/s; Lambda's share is unknown"));

    /**
     * The tree with the varied defaults spelled out, the factors to vary, why each range, and the assumptions left
     * out because they cannot matter in this scenario (with the reason).
     */
    public record Prepared(JsonNode tree, List<Factor> factors, List<String> why, List<LeftOut> leftOut) {

        /** The left-out assumptions grouped by their reason, one line each: "a, b: reason". */
        public List<String> leftOutLines() {
            java.util.Map<String, List<String>> byReason = new java.util.LinkedHashMap<>();
            for (LeftOut l : leftOut) {
                byReason.computeIfAbsent(l.reason(), k -> new ArrayList<>()).add(l.path());
            }
            List<String> out = new ArrayList<>();
            byReason.forEach((reason, paths) -> out.add(String.join(", ", paths) + ": " + reason));
            return out;
        }
    }

    /** An assumption not varied, and why it cannot matter in the scenario. */
    public record LeftOut(String path, String reason) {
    }

    private Assumptions() {
    }

    /**
     * The assumptions that apply to this scenario (legacy ones only under {@code networkModel: legacy}, the ENI ones
     * only with a VPC function, the idle rule only in a run long enough: {@link #inapplicable}). A function
     * whose init comes from a {@code runtime:} preset (measured figures, no {@code initDuration} of its own) has no
     * assumed init: the init's assumption is varied in the other functions only (together, as {@code functions[*]}
     * when that is all of them, else each by its index), and not at all when every function has a preset. Spelling
     * an {@code initDuration} out for such a function would replace its preset (and refuse its {@code initExtra}).
     */
    public static Prepared prepare(JsonNode tree) {
        ObjectNode copy = (ObjectNode) tree.deepCopy();
        boolean legacy = "legacy".equals(copy.path("networkModel").asText(""));
        AssumptionPreset preset = AssumptionPreset.of(copy.path("assumptions").asText(""));
        List<Factor> factors = new ArrayList<>();
        List<String> why = new ArrayList<>();
        List<LeftOut> left = new ArrayList<>();
        for (Assumption a : ALL) {
            if (a.path().equals("scaling.keepAlive")) { // after the hyperplane.* rows, as in the README's table
                ec2RequestLimit(copy, legacy, factors, why, left);
            }
            String reason = inapplicable(copy, a, legacy);
            if (reason != null) {
                left.add(new LeftOut(a.path(), reason));
                continue;
            }
            List<String> paths = List.of(a.path());
            if (a.path().startsWith(FUNCTIONS)) {
                paths = functionPaths(copy, a.path().substring(FUNCTIONS.length()));
                if (paths.isEmpty()) {
                    left.add(new LeftOut(a.path(), "every function's init comes from its runtime preset (measured"
                            + " figures, not an assumption)"));
                }
            }
            for (String path : paths) {
                factors.add(factor(copy, a, path, preset));
                why.add(a.why());
            }
        }
        return new Prepared(copy, factors, why, left);
    }

    /** The path of the EC2 request limit's bucket, an assumption whose range is the scenario's own figure's. */
    public static final String EC2_REQUEST_LIMIT = "hyperplane.ec2RequestLimit";

    /** Why the EC2 request limit's range is what it is. */
    static final String EC2_REQUEST_LIMIT_WHY = "AWS gives no rate for Lambda's CreateNetworkInterface calls: half to"
            + " twice the scenario's own figure";

    /**
     * {@code hyperplane.ec2RequestLimit}: AWS gives no rate at all (README's assumptions table), so a scenario that
     * states a bucket states an assumption, and its {@code burst} and {@code refill} are varied from half to twice the
     * scenario's figures (a planner's review: it was never varied, and {@code sensitivity} said nothing mattered to
     * the EC2ThrottledException count it alone decides). Without a bucket Lambda's creations are not rate-limited
     * (the default): left out, with that reason; so is a bucket the scenario's validation will refuse.
     */
    private static void ec2RequestLimit(ObjectNode copy, boolean legacy, List<Factor> factors, List<String> why,
            List<LeftOut> left) {
        if (!vpcAttached(copy)) {
            left.add(new LeftOut(EC2_REQUEST_LIMIT, NO_VPC));
            return;
        }
        if (legacy) {
            left.add(new LeftOut(EC2_REQUEST_LIMIT, "the scenario uses the legacy network model (its EC2 figures are"
                    + " legacy.ec2ApiBurst and legacy.ec2ApiRefill; hyperplane.* are read only under the Hyperplane"
                    + " model)"));
            return;
        }
        JsonNode bucket = copy.path("hyperplane").path("ec2RequestLimit");
        if (!bucket.isObject()) {
            left.add(new LeftOut(EC2_REQUEST_LIMIT, "the scenario gives no bucket, so Lambda's ENI creations are not"
                    + " rate-limited (the default; AWS gives no rate to vary around): give one, e.g. {burst: 10,"
                    + " refill: 1/m}, to vary it"));
            return;
        }
        long burst;
        double refill;
        try {
            burst = Long.parseLong(bucket.path("burst").asText(""));
            refill = Units.ratePerSecond(bucket.path("refill").asText(""));
        } catch (IllegalArgumentException e) {
            return; // the validation says what is wrong with the bucket
        }
        if (burst < 1 || burst > MAX_BURST || !(refill > 0) || !Double.isFinite(refill)) {
            return; // likewise
        }
        long low = Math.max(1, burst / 2);
        long high = Math.min(MAX_BURST, 2 * burst);
        if (low < high) {
            factors.add(Factor.parse(EC2_REQUEST_LIMIT + ".burst=" + low + ".." + high));
            why.add(EC2_REQUEST_LIMIT_WHY);
        }
        factors.add(new Factor(EC2_REQUEST_LIMIT + ".refill", refill / 2, refill * 2, Factor.Kind.RATE));
        why.add(EC2_REQUEST_LIMIT_WHY);
    }

    /** The largest burst a scenario may give ({@code ScenarioLoader}'s bound). */
    private static final long MAX_BURST = 1_000_000;

    private static final String NO_VPC = "no function is attached to a VPC (no vpcConfig with subnets, in the"
            + " functions or the timeline), so no ENI is ever made";

    /**
     * Why assumption {@code a} cannot matter in the scenario {@code root}, or null when it can. The ENI assumptions
     * ({@code hyperplane.*}, {@code legacy.*}) need a function attached to a VPC, in the file or by a timeline
     * action (no ENI is ever made without one: the function runs outside any VPC); {@code legacy.*} the legacy
     * network model; {@code hyperplane.idleReclaimAfter} a run at least as long as its range's low end (a VPC
     * function goes Inactive only after that long without an invocation, counted from the run's start at the
     * earliest). Conservative: what the tree cannot rule out is varied.
     */
    static String inapplicable(ObjectNode root, Assumption a, boolean legacy) {
        if (a.legacyOnly() && !legacy) {
            return "the scenario uses the Hyperplane network model (legacy.* figures are read only under"
                    + " networkModel: legacy)";
        }
        boolean eni = a.legacyOnly() || a.path().startsWith("hyperplane.");
        if (eni && !vpcAttached(root)) {
            return NO_VPC;
        }
        if (a.path().equals("hyperplane.idleReclaimAfter")) {
            try {
                long run = Units.durationMicros(root.path("duration").asText(""));
                long low = Units.durationMicros(a.low());
                if (run < low) {
                    return "the run (" + root.path("duration").asText() + ") is shorter than the range's low end ("
                            + a.low() + "): no function can be idle that long within it";
                }
            } catch (IllegalArgumentException e) {
                return null; // the validation says what is wrong with the duration
            }
        }
        return null;
    }

    /**
     * Whether a path is one of the assumptions' timings (ENI, init, keep-alive, legacy EC2 API figures), which
     * change neither a run's arrivals nor its duration: the event estimate of a point does not depend on it.
     */
    public static boolean timingOnly(String path) {
        return path.startsWith("hyperplane.") || path.startsWith("legacy.") || path.equals("scaling.keepAlive")
                || path.matches("functions\\[[^\\]]*\\]\\.initDuration(\\..*)?");
    }

    /** Whether a function has a vpcConfig with subnets, or a timeline action gives one (a non-empty subnetIds). */
    static boolean vpcAttached(ObjectNode root) {
        for (JsonNode f : root.path("functions")) {
            if (hasSubnets(f.path("vpcConfig"))) {
                return true;
            }
        }
        return anySubnets(root.path("timeline"));
    }

    private static boolean hasSubnets(JsonNode vpcConfig) {
        JsonNode s = vpcConfig.path("subnetIds");
        return s.isArray() ? !s.isEmpty() : !s.isMissingNode() && !s.isNull();
    }

    private static boolean anySubnets(JsonNode n) {
        if (n.isObject()) {
            if (n.has("subnetIds") && hasSubnets(n)) {
                return true;
            }
            for (JsonNode c : n) {
                if (anySubnets(c)) {
                    return true;
                }
            }
        } else if (n.isArray()) {
            for (JsonNode c : n) {
                if (anySubnets(c)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final String FUNCTIONS = "functions[*].";

    /**
     * {@code rest} (a function's field path) for the functions whose init is assumed: {@code functions[*].rest}
     * when all are, {@code functions[i].rest} for each when only some are, none when none is.
     */
    private static List<String> functionPaths(ObjectNode root, String rest) {
        JsonNode fs = root.path("functions");
        List<String> some = new ArrayList<>();
        int all = 0;
        if (fs.isArray()) {
            for (int i = 0; i < fs.size(); i++) {
                JsonNode f = fs.get(i);
                all++;
                if (!(f.hasNonNull("runtime") && !f.has("initDuration"))) {
                    some.add("functions[" + i + "]." + rest);
                }
            }
        }
        return some.size() == all ? List.of(FUNCTIONS + rest) : some;
    }

    /**
     * The factor of assumption {@code a} at {@code path}: a distribution's default spelled out where the scenario
     * leaves it, its median varied (cut at the scenario's p99), or the value itself when the scenario gives a
     * constant.
     */
    private static Factor factor(ObjectNode copy, Assumption a, String path, AssumptionPreset preset) {
        String high = a.high();
        if (a.distribution() != null) {
            String parent = path.substring(0, path.lastIndexOf('.'));
            List<ObjectNode> owners = owners(copy, parent.substring(0, parent.lastIndexOf('.')));
            String field = parent.substring(parent.lastIndexOf('.') + 1);
            boolean constant = false;
            for (ObjectNode o : owners) {
                JsonNode d = o.get(field);
                if (d == null) {
                    o.set(field, yaml(presetDefault(a, preset))); // the default, spelled out
                } else if (d.isTextual()) {
                    constant = true;
                } else if (d.has("p99")) {
                    high = shorter(high, d.get("p99").asText());
                }
            }
            if (constant) {
                path = parent;
            }
        }
        return Factor.parse(path + "=" + a.low() + ".." + high);
    }

    /** The default a scenario under {@code preset} (null: the default preset) has for this assumption. */
    private static String presetDefault(Assumption a, AssumptionPreset preset) {
        AssumptionPreset p = preset == null ? AssumptionPreset.DEFAULT : preset;
        if (a.path().startsWith("hyperplane.eniCreateTime.")) {
            return p.eniCreateTimeText();
        }
        if (a.path().startsWith("hyperplane.eniDeleteTime.")) {
            return p.eniDeleteTimeText();
        }
        return a.distribution();
    }

    /**
     * The objects at {@code path} (dotted names, {@code [*]} for every element, {@code [i]} for one), creating
     * missing blocks.
     */
    private static List<ObjectNode> owners(ObjectNode root, String path) {
        List<ObjectNode> nodes = List.of(root);
        for (String step : path.split("\\.")) {
            List<ObjectNode> next = new ArrayList<>();
            boolean all = step.endsWith("[*]");
            int at = -1; // an element by its index: functions[2]
            String name = all ? step.substring(0, step.length() - 3) : step;
            if (!all && step.endsWith("]") && step.indexOf('[') > 0) {
                at = Integer.parseInt(step.substring(step.indexOf('[') + 1, step.length() - 1));
                name = step.substring(0, step.indexOf('['));
            }
            for (ObjectNode n : nodes) {
                JsonNode c = n.get(name);
                if (at >= 0) {
                    if (c != null && c.isArray() && c.get(at) instanceof ObjectNode o) {
                        next.add(o);
                    }
                } else if (all) {
                    if (c != null && c.isArray()) {
                        c.forEach(e -> {
                            if (e instanceof ObjectNode o) {
                                next.add(o);
                            }
                        });
                    }
                } else if (c instanceof ObjectNode o) {
                    next.add(o);
                } else if (c == null) {
                    next.add(n.putObject(name));
                }
            }
            nodes = next;
        }
        return nodes;
    }

    private static String shorter(String a, String b) {
        try {
            return Units.durationMicros(b) < Units.durationMicros(a) ? b : a;
        } catch (IllegalArgumentException e) {
            return a; // the validation will say what is wrong with the scenario's p99
        }
    }

    private static JsonNode yaml(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
