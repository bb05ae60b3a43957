package dev.enisim.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads {@code timeline[*]}: control-plane actions at simulated times, each {@code {at: DURATION, action: NAME,
 * ...}}. Actions are kept in time order (stable for equal times).
 */
final class TimelineReader {

    static final List<String> ACTIONS = List.of("createFunction", "updateVpcConfig", "publishVersion",
            "deleteVersion", "deleteFunction", "deleteRole", "revokeRolePermissions", "grantRolePermissions",
            "setOtherUsedIps", "azOutage", "deleteOrphanedEnis");

    private final Fields root;
    private final References refs;
    private final List<String> functions = new ArrayList<>();
    private final List<String> roles = new ArrayList<>();

    TimelineReader(Fields root, References refs, List<Scenario.Function> fns) {
        this.root = root;
        this.refs = refs;
        for (Scenario.Function f : fns) {
            functions.add(f.name());
            if (!roles.contains(f.role())) {
                roles.add(f.role());
            }
        }
    }

    List<Scenario.Action> read() {
        List<Scenario.Action> out = new ArrayList<>();
        for (Fields a : root.objects("timeline")) {
            Scenario.Action action = action(a);
            if (action != null) {
                out.add(action);
            }
        }
        out.sort((x, y) -> Long.compare(x.atMicros(), y.atMicros()));
        return out;
    }

    private Scenario.Action action(Fields a) {
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
                return f == null ? null : new Scenario.CreateFunctionAction(at, f, v);
            }
            case "updateVpcConfig" -> {
                a.allowOnly("at", "action", "function", "vpcConfig");
                String f = function(a);
                if (!a.has("vpcConfig")) {
                    a.problem("vpcConfig", "is required ({subnetIds: [], securityGroupIds: []} detaches)");
                    return null;
                }
                Scenario.VpcConfig v = FunctionReader.vpcConfig(a, "vpcConfig", refs);
                return f == null || v == null ? null : new Scenario.UpdateVpcConfigAction(at, f, v);
            }
            case "publishVersion", "deleteFunction" -> {
                a.allowOnly("at", "action", "function");
                String f = function(a);
                if (f == null) {
                    return null;
                }
                return name.equals("publishVersion") ? new Scenario.PublishVersionAction(at, f)
                        : new Scenario.DeleteFunctionAction(at, f);
            }
            case "deleteVersion" -> {
                a.allowOnly("at", "action", "function", "version");
                String f = function(a);
                Long v = a.requireInteger("version", 1, Integer.MAX_VALUE);
                return f == null || v == null ? null : new Scenario.DeleteVersionAction(at, f, v.intValue());
            }
            case "deleteRole", "revokeRolePermissions", "grantRolePermissions" -> {
                a.allowOnly("at", "action", "role");
                String role = a.requireText("role");
                if (role == null || !References.check(a, "role", "role", role, roles)) {
                    return null;
                }
                return new Scenario.RoleAction(at, role, Scenario.RoleAction.Kind.valueOf(name));
            }
            case "setOtherUsedIps" -> {
                a.allowOnly("at", "action", "subnet", "otherUsedIps");
                String s = a.requireText("subnet");
                Long n = a.requireInteger("otherUsedIps", 0, 65_536);
                if (s == null || n == null || !References.check(a, "subnet", "subnet", s, refs.subnets)) {
                    return null;
                }
                return new Scenario.SetOtherUsedIpsAction(at, s, n.intValue());
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
                return new Scenario.AzOutageAction(at, az, until);
            }
            case "deleteOrphanedEnis" -> {
                a.allowOnly("at", "action", "subnet");
                String s = a.text("subnet", null);
                if (s != null && !References.check(a, "subnet", "subnet", s, refs.subnets)) {
                    return null;
                }
                return new Scenario.DeleteOrphanedEnisAction(at, s);
            }
            default -> {
                String close = Suggest.closest(name, ACTIONS);
                a.problem("action", "unknown action '" + name + "' (expected one of: " + String.join(", ", ACTIONS)
                        + ")" + (close == null ? "" : "; did you mean '" + close + "'?"));
                return null;
            }
        }
    }

    private String function(Fields a) {
        String f = a.requireText("function");
        return f != null && References.check(a, "function", "function", f, functions) ? f : null;
    }
}
