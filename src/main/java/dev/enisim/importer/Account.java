package dev.enisim.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.model.network.Cidr;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What the AWS CLI files say about an account, parsed and cross-checked. */
final class Account {

    record Subnet(String id, String vpc, String cidr, String az, long availableIps) {
    }

    record Function(String name, int memoryMb, int timeoutSeconds, List<String> subnets, List<String> groups,
            String role) {
    }

    record Eni(String subnet, List<String> groups) {
    }

    /** Invocation counts per period, by start time (epoch seconds); average duration if given. */
    record Traffic(long periodSeconds, TreeMap<Long, Double> counts, Double averageDurationMs) {
    }

    final List<Subnet> subnets = new ArrayList<>();
    final List<Function> functions = new ArrayList<>();
    final List<Eni> enis = new ArrayList<>();
    final Map<String, String> groupVpc = new LinkedHashMap<>();
    final Map<String, Traffic> traffic = new LinkedHashMap<>();

    void readSubnets(Path file) throws ScenarioException {
        CliJson j = CliJson.read(file);
        List<JsonNode> list = j.list("Subnets");
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String p = "Subnets[" + i + "]";
            String id = j.text(s, p, "SubnetId", true);
            String vpc = j.text(s, p, "VpcId", true);
            String cidr = j.text(s, p, "CidrBlock", true);
            String az = j.text(s, p, "AvailabilityZone", true);
            Long available = j.number(s, p, "AvailableIpAddressCount", true);
            if (cidr != null) {
                try {
                    Cidr.parse(cidr);
                } catch (IllegalArgumentException e) {
                    j.problems.add(new dev.enisim.scenario.Problem(p + ".CidrBlock", e.getMessage()));
                }
            }
            if (id != null && vpc != null && cidr != null && az != null && available != null) {
                subnets.add(new Subnet(id, vpc, cidr, az, available));
            }
        }
        j.throwIfProblems();
    }

    /** {@code list-functions} output ({"Functions": [...]}) or one {@code get-function-configuration}. */
    void readFunctions(Path file) throws ScenarioException {
        CliJson j = CliJson.read(file);
        List<JsonNode> list = j.root.has("FunctionName") ? List.of(j.root) : j.list("Functions");
        for (int i = 0; i < list.size(); i++) {
            JsonNode f = list.get(i);
            String p = j.root.has("FunctionName") ? "" : "Functions[" + i + "]";
            String name = j.text(f, p, "FunctionName", true);
            Long memory = j.number(f, p, "MemorySize", false);
            Long timeout = j.number(f, p, "Timeout", false);
            String role = j.text(f, p, "Role", false);
            List<String> subnetIds = List.of();
            List<String> groups = List.of();
            JsonNode vpc = f.get("VpcConfig");
            if (vpc != null && vpc.isObject()) {
                subnetIds = j.strings(vpc, p + ".VpcConfig", "SubnetIds");
                groups = j.strings(vpc, p + ".VpcConfig", "SecurityGroupIds");
            }
            if (name != null) {
                functions.add(new Function(name, memory == null ? 128 : memory.intValue(),
                        timeout == null ? 3 : timeout.intValue(), subnetIds, groups,
                        role == null ? null : role.substring(role.lastIndexOf('/') + 1)));
            }
        }
        j.throwIfProblems();
    }

    /** Lambda's own interfaces from {@code describe-network-interfaces} (others are ignored). */
    void readEnis(Path file) throws ScenarioException {
        CliJson j = CliJson.read(file);
        List<JsonNode> list = j.list("NetworkInterfaces");
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String p = "NetworkInterfaces[" + i + "]";
            String type = j.text(n, p, "InterfaceType", false);
            String description = j.text(n, p, "Description", false);
            boolean lambda = "lambda".equals(type) || description != null && description.startsWith("AWS Lambda VPC ENI");
            if (!lambda) {
                continue;
            }
            String subnet = j.text(n, p, "SubnetId", true);
            List<String> groups = new ArrayList<>();
            JsonNode g = n.get("Groups");
            if (g != null && g.isArray()) {
                for (int k = 0; k < g.size(); k++) {
                    String id = j.text(g.get(k), p + ".Groups[" + k + "]", "GroupId", true);
                    if (id != null) {
                        groups.add(id);
                    }
                }
            }
            if (subnet != null) {
                enis.add(new Eni(subnet, groups));
            }
        }
        j.throwIfProblems();
    }

    void readSecurityGroups(Path file) throws ScenarioException {
        CliJson j = CliJson.read(file);
        List<JsonNode> list = j.list("SecurityGroups");
        for (int i = 0; i < list.size(); i++) {
            String id = j.text(list.get(i), "SecurityGroups[" + i + "]", "GroupId", true);
            String vpc = j.text(list.get(i), "SecurityGroups[" + i + "]", "VpcId", true);
            if (id != null && vpc != null) {
                groupVpc.put(id, vpc);
            }
        }
        j.throwIfProblems();
    }

    /**
     * {@code get-metric-data} output: each result whose Id or Label names a function (dashes may be underscores:
     * Ids cannot hold dashes) is its Invocations, or its Duration when the Id or Label says so.
     */
    void readMetrics(Path file) throws ScenarioException {
        CliJson j = CliJson.read(file);
        List<JsonNode> list = j.list("MetricDataResults");
        Map<String, TreeMap<Long, Double>> invocations = new LinkedHashMap<>();
        Map<String, Double> durations = new LinkedHashMap<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode r = list.get(i);
            String p = "MetricDataResults[" + i + "]";
            String id = j.text(r, p, "Id", true);
            String label = j.text(r, p, "Label", false);
            String text = ((id == null ? "" : id) + " " + (label == null ? "" : label)).toLowerCase().replace('_', '-');
            Function fn = null;
            for (Function f : functions) {
                if (text.contains(f.name().toLowerCase())) {
                    fn = f;
                }
            }
            if (fn == null) {
                continue;
            }
            JsonNode ts = r.get("Timestamps");
            JsonNode vs = r.get("Values");
            if (ts == null || vs == null || !ts.isArray() || !vs.isArray() || ts.size() != vs.size()) {
                j.problems.add(new dev.enisim.scenario.Problem(p, "expected Timestamps and Values of equal length"));
                continue;
            }
            TreeMap<Long, Double> series = new TreeMap<>();
            for (int k = 0; k < ts.size(); k++) {
                try {
                    series.put(java.time.OffsetDateTime.parse(ts.get(k).asText().replace(" ", "T"))
                            .toEpochSecond(), vs.get(k).asDouble());
                } catch (DateTimeParseException e) {
                    j.problems.add(new dev.enisim.scenario.Problem(p + ".Timestamps[" + k + "]",
                            "expected an ISO-8601 time like 2026-11-20T10:00:00Z, got " + ts.get(k)));
                }
            }
            if (text.contains("duration")) {
                durations.put(fn.name(), series.values().stream().mapToDouble(Double::doubleValue).average()
                        .orElse(Double.NaN));
            } else {
                invocations.put(fn.name(), series);
            }
        }
        j.throwIfProblems();
        for (Map.Entry<String, TreeMap<Long, Double>> e : invocations.entrySet()) {
            TreeMap<Long, Double> s = e.getValue();
            long period = s.size() > 1 ? s.higherKey(s.firstKey()) - s.firstKey() : 300;
            traffic.put(e.getKey(), new Traffic(period, s, durations.get(e.getKey())));
        }
    }
}
