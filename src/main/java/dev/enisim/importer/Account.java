package dev.enisim.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.model.network.Cidr;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the saved EC2 and Lambda CLI output says about an account, parsed. Entities are kept in maps sorted by id
 * so that the generated scenario does not depend on the order the CLI listed them in. Anything skipped on purpose
 * (a published version, an IPv6-only subnet, a duplicate) is said in {@link #notes}, which the generated file
 * lists at its top.
 */
final class Account {

    /** One IPv4 subnet; {@code name} is its Name tag (or null). */
    record Subnet(String id, String vpc, String cidr, String az, long availableIps, int usableIps, String name) {
    }

    /**
     * One function ($LATEST). {@code subnets} and {@code groups} are sorted; both empty when not in a VPC.
     * {@code state} is the State that get-function-configuration prints (list-functions does not), or null.
     * {@code file} and {@code path} say where it was read, for error messages.
     */
    record Function(String name, int memoryMb, int timeoutSeconds, List<String> subnets, List<String> groups,
            String role, String state, Path file, String path) {

        boolean inVpc() {
            return !subnets.isEmpty();
        }
    }

    /** One of Lambda's own network interfaces; {@code groups} sorted. */
    record Eni(String id, String subnet, List<String> groups) {
    }

    static final String SUBNETS = "aws ec2 describe-subnets";
    static final String FUNCTIONS = "aws lambda list-functions";
    static final String ENIS = "aws ec2 describe-network-interfaces";
    static final String GROUPS = "aws ec2 describe-security-groups";
    private static final List<String> STATES = List.of("Active", "Inactive", "Pending", "Failed");

    final Map<String, Subnet> subnets = new TreeMap<>();
    final Map<String, Function> functions = new TreeMap<>();
    final Map<String, Eni> enis = new TreeMap<>();
    /** Security group id -> its VPC, from describe-security-groups. */
    final Map<String, String> groupVpc = new TreeMap<>();
    /** Security group id -> its GroupName, from describe-security-groups. */
    final Map<String, String> groupName = new TreeMap<>();
    final List<String> notes = new ArrayList<>();

    void readSubnets(Path file) throws ScenarioException {
        CliJson j = CliJson.read(file, SUBNETS);
        List<JsonNode> list = j.list("Subnets", SUBNETS);
        for (int i = 0; i < list.size(); i++) {
            JsonNode s = list.get(i);
            String p = "Subnets[" + i + "]";
            String id = j.text(s, p, "SubnetId", true);
            String vpc = j.text(s, p, "VpcId", true);
            String az = j.text(s, p, "AvailabilityZone", true);
            Long available = j.integer(s, p, "AvailableIpAddressCount", true, 0, Integer.MAX_VALUE);
            String cidr = j.text(s, p, "CidrBlock", false);
            if (cidr == null && s.path("Ipv6Native").asBoolean(false)) {
                notes.add("subnet " + id + " is IPv6-only (no CidrBlock): left out, Lambda's Hyperplane ENIs need"
                        + " an IPv4 address here");
                continue;
            }
            if (cidr == null) {
                j.problem(CliJson.join(p, "CidrBlock"), "missing (expected the subnet's IPv4 CIDR, like 10.0.1.0/24)");
                continue;
            }
            int usable;
            try {
                usable = Cidr.parse(cidr).usableAddresses();
            } catch (IllegalArgumentException e) {
                j.problem(CliJson.join(p, "CidrBlock"), e.getMessage());
                continue;
            }
            if (available != null && available > usable) {
                j.problem(CliJson.join(p, "AvailableIpAddressCount"), "expected at most the " + usable
                        + " usable addresses of " + cidr + " (AWS reserves 5 per subnet), got " + available);
                continue;
            }
            if (id != null && vpc != null && az != null && available != null && subnets.putIfAbsent(id,
                    new Subnet(id, vpc, cidr, az, available, usable, nameTag(s))) != null) {
                notes.add("subnet " + id + " is described more than once: the first description is used");
            }
        }
        j.throwIfProblems();
    }

    /**
     * {@code list-functions} output ({"Functions": [...]}), one {@code get-function-configuration}, or one
     * {@code get-function} ({"Configuration": {...}}).
     */
    void readFunctions(Path file) throws ScenarioException {
        CliJson j = CliJson.read(file, FUNCTIONS);
        List<JsonNode> list;
        List<String> paths = new ArrayList<>();
        if (j.root.has("FunctionName")) {
            list = List.of(j.root);
            paths.add("");
        } else if (j.root.path("Configuration").isObject()) {
            list = List.of(j.root.get("Configuration"));
            paths.add("Configuration");
        } else {
            list = j.list("Functions", FUNCTIONS + " (or get-function-configuration)");
            for (int i = 0; i < list.size(); i++) {
                paths.add("Functions[" + i + "]");
            }
        }
        int versions = 0;
        for (int i = 0; i < list.size(); i++) {
            JsonNode f = list.get(i);
            String p = paths.get(i);
            String version = j.text(f, p, "Version", false);
            if (version != null && !version.equals("$LATEST")) {
                versions++; // FunctionVersion=ALL lists published versions too; they share $LATEST's VpcConfig
                continue;
            }
            Function fn = function(j, f, p, file);
            if (fn != null && functions.put(fn.name(), fn) != null) {
                notes.add("function " + fn.name() + " is described more than once: the last description ("
                        + file + ") is used");
            }
        }
        if (versions > 0) {
            notes.add(versions + " published version(s) in " + file + " left out: only $LATEST is imported");
        }
        j.throwIfProblems();
    }

    private static Function function(CliJson j, JsonNode f, String p, Path file) {
        String name = j.text(f, p, "FunctionName", true);
        Long memory = j.integer(f, p, "MemorySize", false, 128, 10_240);
        Long timeout = j.integer(f, p, "Timeout", false, 1, 900);
        String role = j.text(f, p, "Role", false);
        String state = j.text(f, p, "State", false);
        List<String> subnetIds = List.of();
        List<String> groups = List.of();
        JsonNode vpc = f.get("VpcConfig");
        if (vpc != null && !vpc.isNull() && !vpc.isObject()) {
            j.problem(CliJson.join(p, "VpcConfig"), "expected an object {SubnetIds, SecurityGroupIds, VpcId}, got " + vpc);
        } else if (vpc != null && vpc.isObject()) {
            String vp = CliJson.join(p, "VpcConfig");
            subnetIds = sorted(j.strings(vpc, vp, "SubnetIds"));
            groups = sorted(j.strings(vpc, vp, "SecurityGroupIds"));
            if (subnetIds.isEmpty() != groups.isEmpty()) {
                j.problem(vp, "expected both SubnetIds and SecurityGroupIds, or neither (not in a VPC); got "
                        + subnetIds.size() + " subnet(s) and " + groups.size() + " security group(s)");
            } else if (subnetIds.size() > 16 || groups.size() > 5) {
                j.problem(vp, "expected at most 16 subnets and 5 security groups (Lambda's limits), got "
                        + subnetIds.size() + " and " + groups.size());
            }
        }
        if (name == null) {
            return null;
        }
        return new Function(name, memory == null ? 128 : memory.intValue(), timeout == null ? 3 : timeout.intValue(),
                subnetIds, groups, role == null ? null : role.substring(role.lastIndexOf('/') + 1),
                state != null && STATES.contains(state) ? state : null, file, p);
    }

    /** Lambda's own interfaces from {@code describe-network-interfaces}; other interfaces are other tenants'. */
    void readEnis(Path file) throws ScenarioException {
        CliJson j = CliJson.read(file, ENIS);
        List<JsonNode> list = j.list("NetworkInterfaces", ENIS);
        for (int i = 0; i < list.size(); i++) {
            JsonNode n = list.get(i);
            String p = "NetworkInterfaces[" + i + "]";
            String type = j.text(n, p, "InterfaceType", false);
            String description = j.text(n, p, "Description", false);
            if (!"lambda".equals(type) && (description == null || !description.startsWith("AWS Lambda VPC ENI"))) {
                continue;
            }
            String id = j.text(n, p, "NetworkInterfaceId", true);
            String subnet = j.text(n, p, "SubnetId", true);
            List<String> groups = new ArrayList<>();
            JsonNode g = n.get("Groups");
            if (g == null || !g.isArray()) {
                j.problem(CliJson.join(p, "Groups"), "expected a list of {GroupName, GroupId}, got " + g);
            } else {
                for (int k = 0; k < g.size(); k++) {
                    String gid = j.text(g.get(k), p + ".Groups[" + k + "]", "GroupId", true);
                    if (gid != null) {
                        groups.add(gid);
                    }
                }
            }
            if (id != null && subnet != null) {
                enis.put(id, new Eni(id, subnet, sorted(groups)));
            }
        }
        j.throwIfProblems();
    }

    void readSecurityGroups(Path file) throws ScenarioException {
        CliJson j = CliJson.read(file, GROUPS);
        List<JsonNode> list = j.list("SecurityGroups", GROUPS);
        for (int i = 0; i < list.size(); i++) {
            String p = "SecurityGroups[" + i + "]";
            String id = j.text(list.get(i), p, "GroupId", true);
            String vpc = j.text(list.get(i), p, "VpcId", true);
            String name = j.text(list.get(i), p, "GroupName", false);
            if (id != null && vpc != null) {
                groupVpc.put(id, vpc);
                if (name != null) {
                    groupName.put(id, name);
                }
            }
        }
        j.throwIfProblems();
    }

    private static String nameTag(JsonNode subnet) {
        for (JsonNode tag : subnet.path("Tags")) {
            if ("Name".equals(tag.path("Key").asText(null)) && tag.path("Value").isTextual()) {
                return tag.get("Value").asText();
            }
        }
        return null;
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().distinct().sorted().toList();
    }
}
