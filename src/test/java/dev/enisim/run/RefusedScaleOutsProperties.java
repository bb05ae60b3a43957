package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.JournalEntry;
import dev.enisim.metrics.RefusedScaleOut;
import dev.enisim.model.ScaleOutLimit;
import dev.enisim.scenario.Scenario;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The refused scale-outs the model records (what refused each, {@link RunResult#refusedScaleOuts}) are conserved
 * against the invocations counted elsewhere: every SubnetIPAddressLimitReachedException or ENILimitReachedException of
 * an Active function is one of them, counted once against one limit, in the journal's spell that counts it, and none
 * is recorded for another error or a function in another state (a Failed function's errors are its failed creation).
 * Over random scenarios with small subnets and quotas, and random timelines (updates, other tenants' IPs, outages).
 */
class RefusedScaleOutsProperties {

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<int[]>> actions = Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(5)
                .list().ofMaxSize(12);
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(1, 40), Arbitraries.integers().between(5, 200),
                Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(6).list().ofMinSize(1)
                        .ofMaxSize(6),
                Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(8), actions)
                .as(SimulationProperties::scenario);
    }

    /**
     * Existing Active functions on two small subnets of a VPC with a small ENI quota, in a Region with few network
     * interfaces, bursting at 1m, 4m and 7m with environments that fill ENIs; a timeline of other tenants' IPs, other
     * services' ENIs (in the VPC and in another) and VpcConfig updates: every limit refuses, in and after back-offs.
     */
    @Provide
    Arbitrary<Scenario> crowded() {
        return Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(8).list().ofMinSize(1)
                .ofMaxSize(10).map(RefusedScaleOutsProperties::crowded);
    }

    static Scenario crowded(List<int[]> draws) {
        int[] a = draws.get(0);
        int quota = 2 + a[0] % 5;
        int region = 4 + a[1] % 9;
        StringBuilder y = new StringBuilder("name: crowded\nduration: 10m\nbucket: 30s\nseed: " + a[2] + "\n"
                + "account: { networkInterfacesPerRegion: " + region + " }\n"
                + "vpcs:\n  - id: v\n    eniQuota: " + quota + "\n    subnets:\n"
                + "      - { id: subnet-0, cidr: 10.0.0.0/28, az: a, otherUsedIps: " + a[3] % 10 + " }\n"
                + "      - { id: subnet-1, cidr: 10.0.1.0/28, az: b, otherUsedIps: " + a[4] % 10 + " }\n"
                + "    securityGroups: [sg]\n"
                + "  - id: w\n    subnets: [{ id: subnet-w, cidr: 10.1.0.0/24, az: a }]\n    securityGroups: [sg-w]\n"
                + "hyperplane: { connectionsPerEni: " + List.of(60, 100, 200).get(a[5] % 3) + ", eniRetryBackoff: "
                + List.of("10s", "1m", "5m").get(a[6] % 3) + " }\nfunctions:\n");
        int functions = 1 + a[7] % 3;
        for (int i = 0; i < functions; i++) {
            int[] f = draws.get(i % draws.size());
            y.append("  - name: f").append(i).append("\n    existing: Active\n    vpcConfig: { subnetIds: ")
                    .append(subnets(1 + (f[0] + i) % 3)).append(", securityGroupIds: [sg] }\n    duration: ")
                    .append(2 + f[1] % 4).append("s\n    connectionsPerEnvironment: ").append(30 + 30 * (f[2] % 2))
                    .append("\n    arrivals: { bursts: { rate: ").append(2 + f[3] % 19).append("/s, duration: ")
                    .append(10 + f[4] % 21).append("s, at: [1m, 4m, 7m] } }\n");
        }
        List<String> actions = new java.util.ArrayList<>();
        for (int[] d : draws.subList(1, draws.size())) {
            String at = "{ at: " + (d[0] % 600) + "s, action: ";
            actions.add(switch (d[1] % 4) {
                case 0 -> at + "setOtherUsedIps, subnet: subnet-" + d[2] % 2 + ", otherUsedIps: " + d[3] % 12 + " }";
                case 1 -> at + "setOtherUsedEnis, vpc: v, otherUsedEnis: " + d[3] % (quota + 1) + " }";
                case 2 -> at + "setOtherUsedEnis, vpc: w, otherUsedEnis: " + d[3] % (region + 1) + " }";
                default -> at + "updateVpcConfig, function: f" + d[2] % functions + ", vpcConfig: { subnetIds: "
                        + subnets(1 + d[3] % 3) + ", securityGroupIds: [sg] } }";
            });
        }
        if (!actions.isEmpty()) {
            y.append("timeline:\n");
            actions.forEach(x -> y.append("  - ").append(x).append("\n"));
        }
        try {
            return dev.enisim.scenario.ScenarioLoader.parse(y.toString(), "crowded");
        } catch (Exception e) {
            throw new AssertionError(y.toString(), e);
        }
    }

    /** subnet-0, subnet-1 or both, by the bits of {@code bits} (1..3). */
    private static String subnets(int bits) {
        return bits == 1 ? "[subnet-0]" : bits == 2 ? "[subnet-1]" : "[subnet-0, subnet-1]";
    }

    /** Over SimulationProperties' scenarios: both network models, every kind of timeline action. */
    @Property(tries = 40)
    void everyRefusedScaleOutIsRecordedOnceAgainstOneLimit(@ForAll("scenarios") Scenario scenario) {
        refusalsAreConserved(scenario);
    }

    /** The same where every limit refuses: a subnet's IPs, the VPC's quota, the Region's network interfaces. */
    @Property(tries = 80)
    void everyLimitsRefusalsAreConserved(@ForAll("crowded") Scenario scenario) {
        refusalsAreConserved(scenario);
    }

    private static void refusalsAreConserved(Scenario scenario) {
        RunResult r = new Simulation(scenario, 0).checkingInvariants().run();
        net.jqwik.api.statistics.Statistics.label("limits").collect(r.refusedScaleOuts().stream()
                .map(RefusedScaleOut::limit).distinct().sorted().toList().toString());
        Map<String, String> stateOf = new HashMap<>();
        Map<String, Long> refusedByJournal = new HashMap<>(); // per function: its Active spells' limit errors
        Set<RefusedScaleOut> matched = new HashSet<>();
        for (JournalEntry e : r.journal()) {
            if (e.kind() == JournalEntry.Kind.FUNCTION_STATE) {
                stateOf.put(e.subject(), e.state());
            }
            if (e.kind() != JournalEntry.Kind.INVOCATIONS) {
                continue;
            }
            long recorded = 0;
            for (RefusedScaleOut x : r.refusedScaleOuts()) {
                if (x.countedIn(e)) {
                    assertTrue(matched.add(x), "one spell counts " + x);
                    recorded += x.count();
                }
            }
            boolean limit = "SubnetIPAddressLimitReachedException".equals(e.reason())
                    || "ENILimitReachedException".equals(e.reason());
            boolean active = "Active".equals(stateOf.get(e.subject()));
            assertEquals(limit && active ? e.count() : 0, recorded, "refusals recorded for " + e);
            if (limit && active) {
                refusedByJournal.merge(e.subject(), e.count(), Long::sum);
            }
        }
        assertEquals(Set.copyOf(r.refusedScaleOuts()), matched, "every refusal is in a spell of its function");
        Map<String, Long> recordedByFunction = new HashMap<>();
        for (RefusedScaleOut x : r.refusedScaleOuts()) {
            assertTrue(x.count() > 0 && x.firstMicros() <= x.lastMicros(), x.toString());
            assertTrue(x.limit() == ScaleOutLimit.REGION_NETWORK_INTERFACES ? x.where().isEmpty()
                    : x.limit() == ScaleOutLimit.SUBNET_IPS ? r.summary().subnets().containsKey(x.where())
                    : r.summary().vpcs().containsKey(x.where()), x.toString());
            recordedByFunction.merge(x.function(), x.count(), Long::sum);
        }
        assertEquals(refusedByJournal, recordedByFunction);
        // and the journal's limit errors are the summary's (the recorder's count), those of Failed functions apart
        for (Scenario.Function f : scenario.functions()) {
            Map<String, Long> errors = r.summary().functions().get(f.name()).invocations().errors();
            long summary = errors.getOrDefault("SubnetIPAddressLimitReachedException", 0L)
                    + errors.getOrDefault("ENILimitReachedException", 0L);
            long elsewhere = 0;
            for (JournalEntry e : r.journal()) {
                if (e.kind() == JournalEntry.Kind.INVOCATIONS && e.subject().equals(f.name())
                        && ("SubnetIPAddressLimitReachedException".equals(e.reason())
                                || "ENILimitReachedException".equals(e.reason()))) {
                    elsewhere += e.count();
                }
            }
            assertEquals(summary, elsewhere, f.name());
            assertTrue(recordedByFunction.getOrDefault(f.name(), 0L) <= summary, f.name());
        }
    }
}
