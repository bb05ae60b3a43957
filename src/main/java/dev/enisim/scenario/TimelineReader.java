package dev.enisim.scenario;

import dev.enisim.model.SimEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads {@code timeline[*]}: control-plane actions at simulated times, each {@code {at: DURATION, action: NAME,
 * ...}}. Actions are kept in time order (stable for equal times).
 */
final class TimelineReader {

    static final List<String> ACTIONS = List.of("createFunction", "updateVpcConfig", "publishVersion",
            "deleteVersion", "deleteFunction", "deleteRole", "revokeRolePermissions", "grantRolePermissions",
            "setOtherUsedIps", "setOtherUsedEnis", "azOutage", "deleteOrphanedEnis", "putProvisionedConcurrencyConfig",
            "deleteProvisionedConcurrencyConfig");

    private final Fields root;
    private final References refs;
    /** Function and role names to their indices (roles in the order functions first name them, as the world's). */
    private final Map<String, Integer> functions = new LinkedHashMap<>();
    private final Map<String, Integer> roles = new LinkedHashMap<>();
    private final List<Scenario.Function> fns;
    private final int provisionedCeiling;

    /** @param provisionedCeiling the most provisioned concurrency a function without reserved concurrency may get */
    TimelineReader(Fields root, References refs, List<Scenario.Function> fns, int provisionedCeiling) {
        this.root = root;
        this.refs = refs;
        this.fns = fns;
        this.provisionedCeiling = provisionedCeiling;
        for (Scenario.Function f : fns) {
            functions.putIfAbsent(f.name(), functions.size());
            roles.putIfAbsent(f.role(), roles.size());
        }
    }

    /** The actions by time (stable); an outage's end follows right after its start. */
    List<Scenario.At> read() {
        List<List<Scenario.At>> out = new ArrayList<>();
        for (Fields a : root.objects("timeline")) {
            List<Scenario.At> action = action(a);
            if (action != null) {
                out.add(action);
            }
        }
        out.sort((x, y) -> Long.compare(x.get(0).atMicros(), y.get(0).atMicros()));
        List<Scenario.At> flat = new ArrayList<>();
        out.forEach(flat::addAll);
        return flat;
    }

    private static List<Scenario.At> at(long atMicros, SimEvent.Control action) {
        return List.of(new Scenario.At(atMicros, action));
    }

    private List<Scenario.At> action(Fields a) {
        Long at = a.requireDuration("at");
        String name = a.requireText("action");
        if (at == null || name == null) {
            return null;
        }
        switch (name) {
            case "createFunction" -> {
                a.allowOnly("at", "action", "function", "vpcConfig");
                String f = function(a);
                Scenario.VpcConfig v = a.has("vpcConfig") ? FunctionReader.vpcConfig(a, "vpcConfig", refs) : null;
                return f == null ? null : at(at, v == null ? new SimEvent.CreateFunction(functions.get(f))
                        : new SimEvent.CreateFunction(functions.get(f), indices(v)));
            }
            case "updateVpcConfig" -> {
                a.allowOnly("at", "action", "function", "vpcConfig");
                String f = function(a);
                if (!a.has("vpcConfig")) {
                    a.problem("vpcConfig", "is required ({subnetIds: [], securityGroupIds: []} detaches)");
                    return null;
                }
                Scenario.VpcConfig v = FunctionReader.vpcConfig(a, "vpcConfig", refs);
                return f == null || v == null ? null : at(at, new SimEvent.UpdateVpcConfig(functions.get(f),
                        indices(v)));
            }
            case "publishVersion", "deleteFunction" -> {
                a.allowOnly("at", "action", "function");
                String f = function(a);
                if (f == null) {
                    return null;
                }
                return at(at, name.equals("publishVersion") ? new SimEvent.PublishVersion(functions.get(f))
                        : new SimEvent.DeleteFunction(functions.get(f)));
            }
            case "deleteVersion" -> {
                a.allowOnly("at", "action", "function", "version");
                String f = function(a);
                Long v = a.requireInteger("version", 1, Integer.MAX_VALUE);
                return f == null || v == null ? null
                        : at(at, new SimEvent.DeleteVersion(functions.get(f), v.intValue()));
            }
            case "deleteRole", "revokeRolePermissions", "grantRolePermissions" -> {
                a.allowOnly("at", "action", "role");
                String role = a.requireText("role");
                if (role == null || !References.check(a, "role", "role", role, roles.keySet())) {
                    return null;
                }
                return at(at, new SimEvent.SetRolePermissions(roles.get(role), name.equals("grantRolePermissions"),
                        name.equals("deleteRole")));
            }
            case "setOtherUsedIps" -> {
                a.allowOnly("at", "action", "subnet", "otherUsedIps");
                String s = a.requireText("subnet");
                Long n = a.requireInteger("otherUsedIps", 0, 65_536);
                if (s == null || n == null || !References.check(a, "subnet", "subnet", s, refs.subnets)) {
                    return null;
                }
                return at(at, new SimEvent.SetOtherUsedIps(refs.subnets.indexOf(s), n.intValue()));
            }
            case "setOtherUsedEnis" -> {
                a.allowOnly("at", "action", "vpc", "otherUsedEnis");
                String v = a.requireText("vpc");
                Long n = a.requireInteger("otherUsedEnis", 0, 10_000_000);
                if (v == null || n == null || !References.check(a, "vpc", "VPC", v, refs.vpcs)) {
                    return null;
                }
                return at(at, new SimEvent.SetOtherUsedEnis(refs.vpcs.indexOf(v), n.intValue()));
            }
            case "azOutage" -> {
                a.allowOnly("at", "action", "az", "until");
                String az = a.requireText("az");
                long until = a.duration("until", Long.MAX_VALUE);
                if (until <= at) {
                    a.problem("until", "must be after at");
                    return null;
                }
                if (az == null || !References.check(a, "az", "Availability Zone", az, refs.azs)) {
                    return null;
                }
                SimEvent.AzAvailability down = new SimEvent.AzAvailability(refs.azs.indexOf(az), true);
                return until == Long.MAX_VALUE ? at(at, down) : List.of(new Scenario.At(at, down),
                        new Scenario.At(until, new SimEvent.AzAvailability(refs.azs.indexOf(az), false)));
            }
            case "deleteOrphanedEnis" -> {
                a.allowOnly("at", "action", "subnet");
                String s = a.text("subnet", null);
                if (s != null && !References.check(a, "subnet", "subnet", s, refs.subnets)) {
                    return null;
                }
                return at(at, new SimEvent.DeleteOrphanedEnis(s == null ? SimEvent.DeleteOrphanedEnis.ALL_SUBNETS
                        : refs.subnets.indexOf(s)));
            }
            case "putProvisionedConcurrencyConfig" -> {
                a.allowOnly("at", "action", "function", "provisionedConcurrency");
                String f = function(a);
                Long n = a.requireInteger("provisionedConcurrency", 1, 10_000_000);
                if (f == null || n == null) {
                    return null;
                }
                Scenario.Function fn = fns.get(functions.get(f));
                int ceiling = fn.reservedConcurrency().orElse(provisionedCeiling);
                if (n > ceiling) {
                    a.problem("provisionedConcurrency", "must not exceed " + (fn.reservedConcurrency().isPresent()
                            ? "the function's reservedConcurrency (" : "the account's unreserved concurrency (")
                            + ceiling + "), got " + n);
                    return null;
                }
                return at(at, new SimEvent.PutProvisionedConcurrency(functions.get(f), n.intValue()));
            }
            case "deleteProvisionedConcurrencyConfig" -> {
                a.allowOnly("at", "action", "function");
                String f = function(a);
                return f == null ? null : at(at, new SimEvent.PutProvisionedConcurrency(functions.get(f), 0));
            }
            default -> {
                String close = Suggest.closest(name, ACTIONS);
                a.problem("action", "unknown action '" + name + "' (expected one of: " + String.join(", ", ACTIONS)
                        + ")" + (close == null ? "" : "; did you mean '" + close + "'?"));
                return null;
            }
        }
    }

    /** A checked VpcConfig's ids as the world's indices (subnets and security groups in scenario order). */
    private SimEvent.VpcConfig indices(Scenario.VpcConfig v) {
        return new SimEvent.VpcConfig(v.subnetIds().stream().map(refs.subnets::indexOf).toList(),
                v.securityGroupIds().stream().map(refs.groups::indexOf).toList());
    }

    private String function(Fields a) {
        String f = a.requireText("function");
        return f != null && References.check(a, "function", "function", f, functions.keySet()) ? f : null;
    }
}
