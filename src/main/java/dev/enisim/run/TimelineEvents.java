package dev.enisim.run;

import dev.enisim.engine.EventLoop;
import dev.enisim.model.SimEvent;
import dev.enisim.model.World;
import dev.enisim.scenario.Scenario;

/** Turns the scenario's timeline actions into the model's control-plane events. */
final class TimelineEvents {

    private TimelineEvents() {
    }

    static void schedule(Scenario.Action action, World world, EventLoop<SimEvent> loop) {
        long at = action.atMicros();
        if (action instanceof Scenario.CreateFunctionAction c) {
            Scenario.VpcConfig v = c.vpcConfig();
            loop.schedule(at, SimEvent.PRIORITY_CONTROL, new SimEvent.CreateFunction(fn(world, c.function()),
                    v == null ? null : v.subnetIds(), v == null ? null : v.securityGroupIds()));
        } else if (action instanceof Scenario.UpdateVpcConfigAction u) {
            loop.schedule(at, SimEvent.PRIORITY_CONTROL, new SimEvent.UpdateVpcConfig(fn(world, u.function()),
                    u.vpcConfig().subnetIds(), u.vpcConfig().securityGroupIds()));
        } else if (action instanceof Scenario.PublishVersionAction p) {
            loop.schedule(at, SimEvent.PRIORITY_CONTROL, new SimEvent.PublishVersion(fn(world, p.function())));
        } else if (action instanceof Scenario.DeleteVersionAction d) {
            loop.schedule(at, SimEvent.PRIORITY_CONTROL, new SimEvent.DeleteVersion(fn(world, d.function()),
                    d.version()));
        } else if (action instanceof Scenario.DeleteFunctionAction d) {
            loop.schedule(at, SimEvent.PRIORITY_CONTROL, new SimEvent.DeleteFunction(fn(world, d.function())));
        } else if (action instanceof Scenario.RoleAction r) {
            boolean granted = r.kind() == Scenario.RoleAction.Kind.grantRolePermissions;
            loop.schedule(at, SimEvent.PRIORITY_CONTROL, new SimEvent.SetRolePermissions(r.role(), granted,
                    r.kind() == Scenario.RoleAction.Kind.deleteRole));
        } else if (action instanceof Scenario.SetOtherUsedIpsAction o) {
            loop.schedule(at, SimEvent.PRIORITY_CONTROL, new SimEvent.SetOtherUsedIps(o.subnet(), o.otherUsedIps()));
        } else if (action instanceof Scenario.AzOutageAction a) {
            loop.schedule(at, SimEvent.PRIORITY_CONTROL, new SimEvent.AzAvailability(a.az(), true));
            if (a.untilMicros() != Long.MAX_VALUE) {
                loop.schedule(a.untilMicros(), SimEvent.PRIORITY_CONTROL, new SimEvent.AzAvailability(a.az(), false));
            }
        } else if (action instanceof Scenario.DeleteOrphanedEnisAction d) {
            loop.schedule(at, SimEvent.PRIORITY_CONTROL, new SimEvent.DeleteOrphanedEnis(d.subnet()));
        } else {
            throw new IllegalArgumentException("unhandled timeline action " + action);
        }
    }

    private static int fn(World world, String name) {
        int i = world.functionIndex(name);
        if (i < 0) {
            throw new IllegalArgumentException("timeline names unknown function " + name);
        }
        return i;
    }
}
