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
                            Math.min(sub.otherUsedIps(), c.usableAddresses()), sub.ipv6Cidr()));
                }
            }
            vpcs.add(new Scenario.Vpc(v.id(), v.eniQuota(), subnets, v.securityGroups(), v.otherUsedEnis(),
                    v.natGateways()));
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
            vpcs.add(new Scenario.Vpc(v.id(), NO_QUOTA, v.subnets(), v.securityGroups(), v.otherUsedEnis(),
                    v.natGateways()));
        }
        return with(s, vpcs, s.functions(), s.timeline(), s.durationMicros());
    }

    /**
     * The scenario's functions as configured, with their traffic until the scenario's end (every ENI a key scales
     * out to) but without its timeline (the scenario's own deletions, updates and outages: the question is the
     * stack as configured), every one deleted at the end, run on for {@code extraMicros} with no traffic after.
     */
    static Scenario teardown(Scenario s, long extraMicros) {
        List<Scenario.Function> fns = new ArrayList<>();
        List<Scenario.At> actions = new ArrayList<>();
        for (Scenario.Function f : s.functions()) {
            actions.add(new Scenario.At(s.durationMicros(), new SimEvent.DeleteFunction(fns.size())));
            fns.add(f.withArrivals(f.arrivals().until(s.durationMicros())));
        }
        return with(s, s.vpcs(), fns, actions, s.durationMicros() + extraMicros);
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
