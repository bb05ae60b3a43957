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

    /** The tree with the varied defaults spelled out, the factors to vary, and why each range. */
    public record Prepared(JsonNode tree, List<Factor> factors, List<String> why) {
    }

    private Assumptions() {
    }

    /** The assumptions that apply to this scenario (legacy ones only under {@code networkModel: legacy}). */
    public static Prepared prepare(JsonNode tree) {
        ObjectNode copy = (ObjectNode) tree.deepCopy();
        boolean legacy = "legacy".equals(copy.path("networkModel").asText(""));
        AssumptionPreset preset = AssumptionPreset.of(copy.path("assumptions").asText(""));
        List<Factor> factors = new ArrayList<>();
        List<String> why = new ArrayList<>();
        for (Assumption a : ALL) {
            if (a.legacyOnly() && !legacy) {
                continue;
            }
            String path = a.path();
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
            factors.add(Factor.parse(path + "=" + a.low() + ".." + high));
            why.add(a.why());
        }
        return new Prepared(copy, factors, why);
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

    /** The objects at {@code path} (dotted names, {@code [*]} for every element), creating missing blocks. */
    private static List<ObjectNode> owners(ObjectNode root, String path) {
        List<ObjectNode> nodes = List.of(root);
        for (String step : path.split("\\.")) {
            List<ObjectNode> next = new ArrayList<>();
            boolean all = step.endsWith("[*]");
            String name = all ? step.substring(0, step.length() - 3) : step;
            for (ObjectNode n : nodes) {
                JsonNode c = n.get(name);
                if (all) {
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
