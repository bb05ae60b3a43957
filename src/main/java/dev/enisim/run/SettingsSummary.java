package dev.enisim.run;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.SimEvent;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.DistributionSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * summary.json's {@code settings}: the run's effective inputs (copied from the scenario once, at the end of the run):
 * the {@code hyperplane.*}, {@code scaling.*}, {@code account.*} and {@code legacy.*} figures after the preset's and
 * enisim's defaults, each function's configuration (its vpcConfig and ENI keys), the timeline as given, and which
 * figures differ from their defaults ({@code overridden}). A grader's {@code expect:} can then pin an input
 * ({@code settings.hyperplane.idleReclaimAfterSeconds == 1209600}) that the results alone cannot show was changed.
 */
final class SettingsSummary {

    private SettingsSummary() {
    }

    static RunSummary.Settings of(Scenario s) {
        Map<String, Object> hyperplane = new LinkedHashMap<>();
        Map<String, Object> scaling = new LinkedHashMap<>();
        Map<String, Object> account = new LinkedHashMap<>();
        Map<String, Object> legacy = new LinkedHashMap<>();
        Map<String, String> names = new LinkedHashMap<>();
        figures(s, hyperplane, scaling, account, legacy, names);
        // the same scenario with none of these blocks: the figures its preset and enisim's defaults give
        Scenario plain = Scenario.builder(s.name(), s.durationMicros()).hyperplane(Scenario.Hyperplane.builder()
                .eniCreateTime(s.assumptions().eniCreateTime()).eniDeleteTime(s.assumptions().eniDeleteTime()).build())
                .build();
        Map<String, Object> h0 = new LinkedHashMap<>();
        Map<String, Object> s0 = new LinkedHashMap<>();
        Map<String, Object> l0 = new LinkedHashMap<>();
        figures(plain, h0, s0, new LinkedHashMap<>(), l0, new LinkedHashMap<>());
        List<String> overridden = new ArrayList<>();
        changed("hyperplane.", hyperplane, h0, names, overridden);
        changed("scaling.", scaling, s0, names, overridden);
        changed("legacy.", legacy, l0, names, overridden);
        Map<String, RunSummary.FunctionSettings> functions = new LinkedHashMap<>();
        for (Scenario.Function f : s.functions()) {
            List<String> keys = new ArrayList<>();
            for (String subnet : f.vpcConfig().subnetIds()) {
                keys.add(new dev.enisim.model.eni.EniKey("", subnet, f.vpcConfig().securityGroupIds(), "",
                        s.multiAccount() ? s.accounts().of(f.name()) : "").label());
            }
            functions.put(f.name(), new RunSummary.FunctionSettings(new RunSummary.VpcSettings(
                    f.vpcConfig().subnetIds(), f.vpcConfig().securityGroupIds()), keys, f.memoryMb(),
                    seconds(f.timeoutMicros()), f.reservedConcurrency().isPresent()
                    ? f.reservedConcurrency().getAsInt() : null, f.provisionedConcurrency(),
                    f.connectionsPerInvocation(), f.connectionsPerEnvironment(), f.role(),
                    seconds(f.createdAtMicros()), distribution(f.duration()), distribution(f.initDuration())));
        }
        List<RunSummary.TimelineAction> timeline = timeline(s);
        return new RunSummary.Settings(s.assumptions().label(), overridden, overridden.size(),
                s.networkModel().name().toLowerCase(java.util.Locale.ROOT), account, hyperplane, scaling, legacy,
                functions, timeline.size(), timeline);
    }

    /** The blocks' figures, each under its summary key; {@code names} the scenario's field of each, in order. */
    private static void figures(Scenario s, Map<String, Object> hyperplane, Map<String, Object> scaling,
            Map<String, Object> account, Map<String, Object> legacy, Map<String, String> names) {
        Scenario.Hyperplane h = s.hyperplane();
        put(hyperplane, names, "eniCreateTime", "eniCreateTime", distribution(h.eniCreateTime()));
        put(hyperplane, names, "attachExistingTime", "attachExistingTime", distribution(h.attachExistingTime()));
        put(hyperplane, names, "connectionsPerEni", "connectionsPerEni", h.connectionsPerEni());
        put(hyperplane, names, "eniRetryBackoff", "eniRetryBackoffSeconds", seconds(h.eniRetryBackoffMicros()));
        put(hyperplane, names, "eniDeleteTime", "eniDeleteTime", distribution(h.eniDeleteTime()));
        put(hyperplane, names, "idleReclaimAfter", "idleReclaimAfterSeconds", seconds(h.idleReclaimAfterMicros()));
        put(hyperplane, names, "stuckPendingAfter", "stuckPendingAfterSeconds",
                seconds(h.stuckPendingAfterMicros()));
        put(hyperplane, names, "ec2RequestLimit", "ec2RequestLimit", h.ec2RequestLimit().map(l -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("burst", l.burst());
            m.put("perSecond", l.perSecond());
            return (Object) m;
        }).orElse(null));
        put(hyperplane, names, "eniNotReadyOnScaleOut", "eniNotReadyOnScaleOut", h.eniNotReadyOnScaleOut());
        put(hyperplane, names, "reuseDeletingEni", "reuseDeletingEni", h.reuseDeletingEni());
        put(hyperplane, names, "eniRetryBackoffScope", "eniRetryBackoffScope", h.eniRetryBackoffScope());
        put(hyperplane, names, "cancelledCreationKeepsEnis", "cancelledCreationKeepsEnis",
                h.cancelledCreationKeepsEnis());
        Scenario.ScalingSpec sc = s.scaling();
        dev.enisim.model.Scaling rule = sc.scaling();
        put(scaling, names, "model", "model", rule.model() == dev.enisim.model.Scaling.Model.LEGACY_BURST
                ? "legacy-burst" : "per-function");
        put(scaling, names, "newEnvironmentsPer10s", "newEnvironmentsPer10s", rule.newEnvironments());
        put(scaling, names, "burst", "burst", rule.burst());
        put(scaling, names, "burstIncreasePerMinute", "burstIncreasePerMinute", rule.burstIncrease());
        put(scaling, names, "keepAlive", "keepAliveSeconds", seconds(sc.keepAliveMicros()));
        put(scaling, names, "newRequestsPerSecondPer10s", "newRequestsPerSecondPer10s", rule.newRequestsPerSecond());
        put(scaling, names, "requestRateWindow", "requestRateWindowSeconds", seconds(rule.requestRateWindowMicros()));
        put(scaling, names, "warmRouting", "warmRouting", sc.warmRouting().label());
        dev.enisim.model.ProvisionedAllocation p = sc.provisioned();
        Map<String, Object> provisioned = new LinkedHashMap<>();
        provisioned.put("preparationSeconds", seconds(p.preparationMicros()));
        provisioned.put("allocationPerMinute", p.allocationPerMinute());
        provisioned.put("keepsFunctionActive", p.keepsFunctionActive());
        provisioned.put("rateCapsAllRequests", p.rateCapsAllRequests());
        put(scaling, names, "provisionedConcurrency", "provisionedConcurrency", provisioned);
        Scenario.Account a = s.account();
        account.put("concurrencyLimit", a.concurrencyLimit());
        account.put("unreservedMinimum", a.unreservedMinimum());
        account.put("networkInterfacesPerRegion", a.networkInterfacesPerRegion());
        account.put("otherNetworkInterfaces", a.otherNetworkInterfaces());
        Scenario.Legacy l = s.legacy();
        put(legacy, names, "coldStartAttachTime", "coldStartAttachTime", distribution(l.coldStartAttachTime()));
        put(legacy, names, "ec2ApiBurst", "ec2ApiBurst", l.ec2ApiBurst());
        put(legacy, names, "ec2ApiRefillPerSecond", "ec2ApiRefillPerSecond", l.ec2ApiRefillPerSecond());
        put(legacy, names, "eniLimit", "eniLimit", l.eniLimit());
    }

    private static void put(Map<String, Object> block, Map<String, String> names, String field, String key,
            Object value) {
        block.put(key, value);
        names.put(key, field);
    }

    /** The fields of a block ({@code prefix}) whose figure differs from the default's, as the scenario names them. */
    private static void changed(String prefix, Map<String, Object> actual, Map<String, Object> dflt,
            Map<String, String> names, List<String> out) {
        for (Map.Entry<String, Object> e : actual.entrySet()) {
            if (!java.util.Objects.equals(e.getValue(), dflt.get(e.getKey()))) {
                out.add(prefix + names.get(e.getKey()));
            }
        }
    }

    /** A distribution as summary.json writes it: its kind and its figures (times in seconds). */
    static Map<String, Object> distribution(DistributionSpec d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dist", d.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT));
        for (java.lang.reflect.RecordComponent c : d.getClass().getRecordComponents()) {
            Object v;
            try {
                v = c.getAccessor().invoke(d);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
            if (v instanceof DistributionSpec inner) {
                m.put(c.getName(), distribution(inner));
            } else if (v instanceof Double x) {
                if (Double.isFinite(x)) {
                    boolean time = !c.getName().equals("mu") && !c.getName().equals("sigma");
                    String name = c.getName().equals("max") ? "cap" : c.getName(); // as the scenario writes it
                    m.put(time ? name + "Seconds" : name, time ? x / 1e6 : x);
                }
            } else {
                m.put(c.getName(), v);
            }
        }
        return m;
    }

    private static double seconds(long micros) {
        return micros / 1e6;
    }

    /** The timeline as given: each action's time, its name and what it names (a function, subnet, VPC, AZ, role). */
    private static List<RunSummary.TimelineAction> timeline(Scenario s) {
        List<String> subnets = new ArrayList<>();
        List<String> azs = new ArrayList<>();
        for (Scenario.Vpc v : s.vpcs()) {
            for (Scenario.Subnet sub : v.subnets()) {
                subnets.add(sub.id());
                if (!azs.contains(sub.az())) {
                    azs.add(sub.az());
                }
            }
        }
        List<String> roles = new ArrayList<>();
        for (Scenario.Function f : s.functions()) {
            if (!roles.contains(f.role())) {
                roles.add(f.role());
            }
        }
        List<RunSummary.TimelineAction> out = new ArrayList<>();
        for (Scenario.At at : s.timeline()) {
            SimEvent.Control c = at.action();
            String action;
            String target;
            if (c instanceof SimEvent.CreateFunction x) {
                action = "createFunction";
                target = fn(s, x.function());
            } else if (c instanceof SimEvent.UpdateVpcConfig x) {
                action = "updateVpcConfig";
                target = fn(s, x.function());
            } else if (c instanceof SimEvent.PublishVersion x) {
                action = "publishVersion";
                target = fn(s, x.function());
            } else if (c instanceof SimEvent.DeleteVersion x) {
                action = "deleteVersion";
                target = fn(s, x.function());
            } else if (c instanceof SimEvent.DeleteFunction x) {
                action = "deleteFunction";
                target = fn(s, x.function());
            } else if (c instanceof SimEvent.SetRolePermissions x) {
                action = x.deleted() ? "deleteRole" : x.granted() ? "grantRolePermissions" : "revokeRolePermissions";
                target = x.role() < roles.size() ? roles.get(x.role()) : null;
            } else if (c instanceof SimEvent.SetOtherUsedIps x) {
                action = "setOtherUsedIps";
                target = x.subnet() < subnets.size() ? subnets.get(x.subnet()) : null;
            } else if (c instanceof SimEvent.SetOtherUsedEnis x) {
                action = "setOtherUsedEnis";
                target = x.vpc() < s.vpcs().size() ? s.vpcs().get(x.vpc()).id() : null;
            } else if (c instanceof SimEvent.AzAvailability x) {
                action = x.down() ? "azOutage" : "azOutageEnds";
                target = x.az() < azs.size() ? azs.get(x.az()) : null;
            } else if (c instanceof SimEvent.DeleteOrphanedEnis x) {
                action = "deleteOrphanedEnis";
                target = x.subnet().isPresent() && x.subnet().getAsInt() < subnets.size()
                        ? subnets.get(x.subnet().getAsInt()) : null;
            } else if (c instanceof SimEvent.PutProvisionedConcurrency x) {
                action = x.amount() == 0 ? "deleteProvisionedConcurrencyConfig" : "putProvisionedConcurrencyConfig";
                target = fn(s, x.function());
            } else {
                continue; // an existing function's state at the start: the function's, not an action
            }
            out.add(new RunSummary.TimelineAction(seconds(at.atMicros()), action, target));
        }
        return out;
    }

    private static String fn(Scenario s, int function) {
        return function < s.functions().size() ? s.functions().get(function).name() : null;
    }
}
