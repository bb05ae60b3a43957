package dev.enisim.plan;

import dev.enisim.model.SimEvent;
import dev.enisim.model.network.Cidr;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.ArrivalSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Variants of a scenario for planning: other subnet sizes, scaled traffic, extra timeline actions. */
final class Variants {

    private Variants() {
    }

    /**
     * The scenario with some subnets resized to the given prefixes (network address kept, masked; a dual-stack
     * subnet keeps its IPv6 CIDR: Lambda's addresses there are counted in its /64 whatever the IPv4 size).
     */
    static Scenario resize(Scenario s, Map<String, Integer> prefixes) {
        List<Scenario.Vpc> vpcs = new ArrayList<>();
        for (Scenario.Vpc v : s.vpcs()) {
            List<Scenario.Subnet> subnets = new ArrayList<>();
            for (Scenario.Subnet sub : v.subnets()) {
                Integer p = prefixes.get(sub.id());
                if (p == null) {
                    subnets.add(sub);
                } else {
                    Cidr c = new Cidr(sub.cidr().network() & (p == 0 ? 0 : -1 << (32 - p)), p);
                    subnets.add(new Scenario.Subnet(sub.id(), c, sub.az(),
                            Math.min(sub.otherUsedIps(), c.usableAddresses()), sub.ipv6Cidr(), sub.name()));
                }
            }
            vpcs.add(v.withSubnets(subnets));
        }
        return with(s, vpcs, s.functions(), s.timeline(), s.durationMicros());
    }

    /** A VPC quota no design reaches: what a plan's demand run sets, to measure the ENIs a design needs. */
    static final int NO_QUOTA = 1_000_000;

    /**
     * The scenario with no VPC's ENI quota ({@link #NO_QUOTA}) and no EC2 request limit for Lambda's
     * CreateNetworkInterface calls in the way ({@link #noEc2RequestLimit}; the Region's quota stays).
     */
    static Scenario unlimitedQuotas(Scenario s) {
        return noEc2RequestLimit(vpcQuotasLifted(s));
    }

    /**
     * The scenario with no {@code hyperplane.ec2RequestLimit}: EC2 creates every ENI Lambda asks for (a demand run
     * with the limit measured the ENIs it let through: ec2-request-limit's 10 of the design's 12).
     */
    static Scenario noEc2RequestLimit(Scenario s) {
        if (s.hyperplane().ec2RequestLimit().isEmpty()) {
            return s;
        }
        return s.toBuilder().hyperplane(s.hyperplane().toBuilder().ec2RequestLimit(java.util.Optional.empty())
                .build()).build();
    }

    private static Scenario vpcQuotasLifted(Scenario s) {
        List<Scenario.Vpc> vpcs = new ArrayList<>();
        for (Scenario.Vpc v : s.vpcs()) {
            vpcs.add(v.withEniQuota(NO_QUOTA));
        }
        return with(s, vpcs, s.functions(), s.timeline(), s.durationMicros());
    }

    /**
     * The scenario's functions as configured, with their traffic until the scenario's end (every ENI a key scales
     * out to), every one deleted at the end, run on for {@code extraMicros} with no traffic after; with the actions of
     * the scenario's timeline that say what stands when the stack is torn down ({@link #standing}): a role deleted
     * before the end orphans the ENIs here as in the run. It kept no timeline at all, and quoted orphaned-enis'
     * teardown as 17 minutes where the scenario's own story is that its ENIs are never deleted.
     */
    static Scenario teardown(Scenario s, long extraMicros) {
        List<Scenario.Function> fns = new ArrayList<>();
        List<Scenario.At> actions = new ArrayList<>(standing(s));
        for (Scenario.Function f : s.functions()) {
            actions.add(new Scenario.At(s.durationMicros(), new SimEvent.DeleteFunction(fns.size())));
            fns.add(f.withArrivals(f.arrivals().until(s.durationMicros())));
        }
        return with(s, s.vpcs(), fns, actions, s.durationMicros() + extraMicros);
    }

    /**
     * The actions of the scenario's timeline that the plan's teardown keeps, in the timeline's order: every action
     * before the scenario's end that makes the stack what it is when it is torn down (a role deleted, or its EC2
     * permissions revoked or given back; a VpcConfig updated; a version published or deleted; provisioned
     * concurrency put or deleted; other tenants' IPs or other services' ENIs changed; an Availability Zone's outage,
     * and its end when that comes before the scenario's; a function re-created, with the deletion before it: a
     * redeploy). Left out: the scenario's own teardown steps, which the plan's teardown replaces by deleting every
     * function at the end (a {@code deleteFunction} that no {@code createFunction} of the function follows before the
     * end) and by waiting for Lambda's deletions alone ({@code deleteOrphanedEnis}, an operator's fix by hand); and
     * any action at or after the end, which never happens in the run either (an outage still running at the end
     * stays down through the teardown).
     */
    static List<Scenario.At> standing(Scenario s) {
        long end = s.durationMicros();
        java.util.Set<Integer> recreated = new java.util.HashSet<>(); // functions re-created later, before the end
        List<Scenario.At> kept = new ArrayList<>();
        List<Scenario.At> timeline = s.timeline();
        for (int i = timeline.size() - 1; i >= 0; i--) { // backwards: a deletion is kept when a re-creation follows
            Scenario.At a = timeline.get(i);
            if (a.atMicros() >= end || a.action() instanceof SimEvent.DeleteOrphanedEnis) {
                continue;
            }
            if (a.action() instanceof SimEvent.CreateFunction c) {
                recreated.add(c.function());
            } else if (a.action() instanceof SimEvent.DeleteFunction d && !recreated.contains(d.function())) {
                continue;
            }
            kept.add(a);
        }
        java.util.Collections.reverse(kept);
        return kept;
    }

    /**
     * The execution roles that have no EC2 network-interface permissions at the scenario's end by the actions
     * {@link #standing} keeps (deleted or revoked, not given back), in the order functions first name them: Lambda
     * cannot delete the ENIs of their functions.
     */
    static List<String> rolesWithoutEc2(Scenario s) {
        List<String> roles = new ArrayList<>(new java.util.LinkedHashSet<>(s.functions().stream()
                .map(Scenario.Function::role).toList()));
        java.util.Map<Integer, Boolean> granted = new java.util.TreeMap<>();
        for (Scenario.At a : standing(s)) {
            if (a.action() instanceof SimEvent.SetRolePermissions r) {
                granted.put(r.role(), r.granted());
            }
        }
        List<String> out = new ArrayList<>();
        granted.forEach((role, yes) -> {
            if (!yes) {
                out.add(roles.get(role));
            }
        });
        return out;
    }

    /**
     * The actions {@link #standing} keeps, as the timeline names them with their times ("deleteRole
     * archive-stack-role at 30 min"): what a plan says its teardown kept.
     */
    static List<String> said(Scenario s) {
        List<String> roles = new ArrayList<>(new java.util.LinkedHashSet<>(s.functions().stream()
                .map(Scenario.Function::role).toList()));
        List<String> subnets = new ArrayList<>();
        java.util.Set<String> azs = new java.util.LinkedHashSet<>();
        for (Scenario.Vpc v : s.vpcs()) {
            for (Scenario.Subnet sn : v.subnets()) {
                subnets.add(sn.id());
                azs.add(sn.az());
            }
        }
        List<String> az = new ArrayList<>(azs);
        List<String> out = new ArrayList<>();
        for (Scenario.At a : standing(s)) {
            SimEvent.Control c = a.action();
            String what;
            if (c instanceof SimEvent.SetRolePermissions r) {
                what = (r.deleted() ? "deleteRole " : r.granted() ? "grantRolePermissions " : "revokeRolePermissions ")
                        + roles.get(r.role());
            } else if (c instanceof SimEvent.UpdateVpcConfig u) {
                what = "updateVpcConfig " + s.functions().get(u.function()).name();
            } else if (c instanceof SimEvent.CreateFunction f) {
                what = "createFunction " + s.functions().get(f.function()).name();
            } else if (c instanceof SimEvent.DeleteFunction d) {
                what = "deleteFunction " + s.functions().get(d.function()).name();
            } else if (c instanceof SimEvent.PublishVersion v) {
                what = "publishVersion " + s.functions().get(v.function()).name();
            } else if (c instanceof SimEvent.DeleteVersion v) {
                what = "deleteVersion " + s.functions().get(v.function()).name() + " " + v.version();
            } else if (c instanceof SimEvent.PutProvisionedConcurrency p) {
                what = (p.amount() == 0 ? "deleteProvisionedConcurrencyConfig " : "putProvisionedConcurrencyConfig ")
                        + s.functions().get(p.function()).name();
            } else if (c instanceof SimEvent.SetOtherUsedIps o) {
                what = "setOtherUsedIps " + subnets.get(o.subnet());
            } else if (c instanceof SimEvent.SetOtherUsedEnis o) {
                what = "setOtherUsedEnis " + s.vpcs().get(o.vpc()).id();
            } else if (c instanceof SimEvent.AzAvailability x) {
                what = (x.down() ? "azOutage " : "end of the azOutage of ") + az.get(x.az());
            } else {
                what = c.getClass().getSimpleName();
            }
            out.add(what + " at " + Planner.at(s, a.atMicros()));
        }
        return out;
    }

    /** The scenario with some functions created at other times ({@code createdAt}, microseconds, by name). */
    static Scenario createdAt(Scenario s, Map<String, Long> at) {
        List<Scenario.Function> fns = new ArrayList<>();
        for (Scenario.Function f : s.functions()) {
            Long t = at.get(f.name());
            fns.add(t == null || t == f.createdAtMicros() ? f : f.toBuilder().createdAtMicros(t).build());
        }
        return with(s, s.vpcs(), fns, s.timeline(), s.durationMicros());
    }

    /**
     * The scenario with no traffic to its functions saved Failed ({@code existing: Failed}), whose invocations all
     * fail whatever the traffic; the scenario itself when it has none.
     */
    static Scenario withoutFailedTraffic(Scenario s) {
        if (s.functions().stream().noneMatch(f -> f.existing() == Scenario.Function.Existing.FAILED)) {
            return s;
        }
        List<Scenario.Function> fns = new ArrayList<>();
        for (Scenario.Function f : s.functions()) {
            fns.add(f.existing() == Scenario.Function.Existing.FAILED
                    ? f.withArrivals(new dev.enisim.workload.ArrivalSpec.None()) : f);
        }
        return with(s, s.vpcs(), fns, s.timeline(), s.durationMicros());
    }

    /** The scenario with other VPCs, functions, timeline or duration. */
    static Scenario with(Scenario s, List<Scenario.Vpc> vpcs, List<Scenario.Function> fns,
            List<Scenario.At> timeline, long durationMicros) {
        long bucket = Math.min(s.bucketMicros(), durationMicros);
        return s.withDuration(durationMicros, bucket).withVpcs(vpcs).withFunctions(fns).withTimeline(timeline);
    }
}
