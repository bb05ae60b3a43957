package dev.enisim.run;

import static dev.enisim.run.Scenarios.SEC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.SimEvent;
import dev.enisim.report.ReportWriter;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.DistributionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Invariants over random scenarios: small subnets, quotas and ENI capacities so that every limit is hit.
 * The world's own invariant check (IPs, quota, ports, concurrency) runs after every event.
 */
class SimulationProperties {

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Long> seeds = Arbitraries.longs();
        Arbitrary<Integer> quotas = Arbitraries.integers().between(1, 8);
        Arbitrary<Integer> caps = Arbitraries.integers().between(1, 40);
        Arbitrary<Integer> limits = Arbitraries.integers().between(5, 200);
        Arbitrary<List<int[]>> fns = Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(6)
                .list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<int[]> subnetShape = Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(8);
        return Combinators.combine(seeds, quotas, caps, limits, fns, subnetShape)
                .as(SimulationProperties::scenario);
    }

    /** Random scenarios with a random timeline of control-plane actions (at most a dozen, any kind). */
    @Provide
    Arbitrary<Scenario> scenariosWithTimelines() {
        Arbitrary<List<int[]>> actions = Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(5)
                .list().ofMaxSize(12);
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(1, 40), Arbitraries.integers().between(5, 200),
                Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(6).list().ofMinSize(1)
                        .ofMaxSize(6),
                Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(8), actions)
                .as(SimulationProperties::scenario);
    }

    static Scenario scenario(long seed, int quota, int cap, int limit, List<int[]> fns, int[] shape) {
        return scenario(seed, quota, cap, limit, fns, shape, List.of());
    }

    /**
     * One timeline action per {kind, a, b, c, at}: create, update, publish, delete version / function, revoke /
     * grant / delete role, AZ outage and recovery, orphan deletion (all or one subnet), other tenants' IPs.
     */
    private static SimEvent.Control action(int[] a, int functions, int subnets) {
        int f = a[1] % functions;
        List<Integer> someSubnets = new ArrayList<>(); // subnet-k is subnet k, sg-k security group k
        for (int k = 0; k < subnets; k++) {
            if ((a[2] >> k & 1) == 1) {
                someSubnets.add(k);
            }
        }
        return switch (a[0] % 11) {
            case 0 -> new SimEvent.CreateFunction(f);
            case 1 -> new SimEvent.UpdateVpcConfig(f, new SimEvent.VpcConfig(someSubnets,
                    someSubnets.isEmpty() ? List.of() : List.of(a[3] % 3)));
            case 2 -> new SimEvent.PublishVersion(f);
            case 3 -> new SimEvent.DeleteVersion(f, 1 + a[3] % 3);
            case 4 -> new SimEvent.DeleteFunction(f);
            case 5 -> new SimEvent.SetRolePermissions(f, false, false);
            case 6 -> new SimEvent.SetRolePermissions(f, true, false);
            case 7 -> new SimEvent.SetRolePermissions(f, false, true);
            case 8 -> new SimEvent.AzAvailability(a[2] % Math.min(2, subnets), a[3] % 2 == 0);
            case 9 -> new SimEvent.DeleteOrphanedEnis(a[3] % 2 == 0 ? OptionalInt.empty()
                    : OptionalInt.of(a[2] % subnets));
            default -> new SimEvent.SetOtherUsedIps(a[2] % subnets, a[3] % 64);
        };
    }

    static Scenario scenario(long seed, int quota, int cap, int limit, List<int[]> fns, int[] shape,
            List<int[]> actions) {
        Scenarios s = new Scenarios();
        s.seed = seed;
        s.durationMicros = 900 * SEC;
        s.bucketMicros = 30 * SEC;
        s.concurrencyLimit = limit;
        s.connectionsPerEni = cap;
        s.eniCreate = new DistributionSpec.LogNormal(30 * SEC, 120 * SEC, Double.POSITIVE_INFINITY);
        List<Scenario.Subnet> subnets = new ArrayList<>();
        int nSubnets = 1 + shape[0] % 4;
        for (int i = 0; i < nSubnets; i++) {
            int prefix = 26 + shape[1 + i] % 3; // /26 to /28
            int usable = (1 << (32 - prefix)) - 5;
            subnets.add(Scenarios.subnet("subnet-" + i, "10.0." + i + ".0/" + prefix, "az-" + (i % 2),
                    shape[5 + (i % 3)] % (usable + 1)));
        }
        List<String> groups = List.of("sg-0", "sg-1", "sg-2");
        s.vpc("vpc-1", quota, subnets, groups);
        s.scaling = new Scenario.ScalingSpec(new dev.enisim.model.Scaling(shape[4] % 2 == 0
                ? dev.enisim.model.Scaling.Model.PER_FUNCTION : dev.enisim.model.Scaling.Model.LEGACY_BURST,
                1 + shape[4] % 50, 10 * SEC, 1 + shape[3] % 60, shape[2] % 20, 60 * SEC), (10 + shape[1] % 300) * SEC,
                dev.enisim.model.WarmRouting.MOST_RECENTLY_USED);
        s.networkModel = shape[7] % 3 == 0 ? dev.enisim.model.NetworkModel.LEGACY
                : dev.enisim.model.NetworkModel.HYPERPLANE;
        int i = 0;
        int reservedLeft = limit;
        for (int[] f : fns) {
            List<String> mySubnets = new ArrayList<>();
            for (int k = 0; k < nSubnets; k++) {
                if ((f[0] >> k & 1) == 1) {
                    mySubnets.add("subnet-" + k);
                }
            }
            List<String> myGroups = mySubnets.isEmpty() ? List.of() : List.of(groups.get(f[1] % 3));
            int reserved = -1;
            if (f[2] % 3 == 0 && reservedLeft > 0) {
                reserved = f[2] % (reservedLeft + 1);
                reservedLeft -= reserved;
            }
            DistributionSpec duration = new DistributionSpec.Exponential((50 + f[3] % 3000) * 1000.0,
                    Double.POSITIVE_INFINITY);
            DistributionSpec init = new DistributionSpec.Uniform(0, (f[4] % 5) * 400_000.0, Double.POSITIVE_INFINITY);
            int provisioned = reserved > 0 ? f[1] % (reserved + 1) : 0;
            s.function("f" + i++, mySubnets, myGroups, reserved, duration, f[4] % 4, 1 + f[5] % 40,
                    (f[5] % 300) * SEC, init, f[3] % 3, provisioned);
        }
        for (int[] a : actions) {
            s.timeline.add(new Scenario.At((a[4] % 900) * SEC, action(a, fns.size(), nSubnets)));
        }
        s.timeline.sort(java.util.Comparator.comparingLong(Scenario.At::atMicros));
        return s.build();
    }

    @Property(tries = 60)
    void invariantsHoldAndEveryInvocationHasOneOutcome(@ForAll("scenarios") Scenario scenario) {
        invariantsHoldAndOutcomesAreConserved(scenario);
    }

    /** The same, with every kind of timeline action at random times (the world's invariants after each event). */
    @Property(tries = 100)
    void invariantsHoldUnderRandomTimelines(@ForAll("scenariosWithTimelines") Scenario scenario) {
        invariantsHoldAndOutcomesAreConserved(scenario);
    }

    private static void invariantsHoldAndOutcomesAreConserved(Scenario scenario) {
        Simulation sim = new Simulation(scenario, 0).checkingInvariants();
        // the arrivals counted apart from the recorder, as the loop delivers them: each function's outcomes are as
        // many (the recorder's totals are sums of its own outcome counts, so only an outside count can check them)
        long[] arrived = new long[scenario.functions().size()];
        sim.loop().setObserver((e, now) -> {
            if (e instanceof SimEvent.Arrival a) {
                arrived[a.function()]++;
            }
        });
        RunSummary r = sim.run().summary();
        assertConserved(r.invocations());
        long total = 0;
        for (int i = 0; i < arrived.length; i++) {
            RunSummary.FunctionSummary f = r.functions().get(scenario.functions().get(i).name());
            assertConserved(f.invocations());
            assertEquals(arrived[i], f.invocations().total(), "one outcome per arrival of " + f);
            total += f.invocations().total();
        }
        assertEquals(r.invocations().total(), total);
        assertEquals(r.events().arrivals(), r.invocations().total(), "one outcome per arrival");
        for (RunSummary.SubnetSummary sub : r.subnets().values()) {
            assertTrue(sub.minAvailableIps() >= 0 && sub.minAvailableIps() <= sub.usableIps());
        }
        for (RunSummary.VpcSummary v : r.vpcs().values()) {
            assertTrue(v.peakEnis() <= v.eniQuota(), "ENIs per VPC <= quota");
        }
        boolean legacy = scenario.networkModel() == dev.enisim.model.NetworkModel.LEGACY;
        long cap = scenario.hyperplane().connectionsPerEni();
        for (RunSummary.KeySummary k : r.eniKeys().values()) {
            // legacy (128 MB functions): k ENIs serve k x 3 GB / 128 MB environments
            long bound = legacy ? k.peakEnis() * (long) dev.enisim.model.Legacy.MEMORY_PER_ENI_MB / 128
                    : k.peakEnis() * cap;
            assertTrue(k.peakConnections() <= bound, "connections (legacy: environments) per key"
                    + " <= ENIs x capacity");
        }
        RunSummary.Latency l = r.latencyMillis();
        assertTrue(l.p50() <= l.p90() && l.p90() <= l.p99() && l.p99() <= l.max(), "percentiles are monotone");
        assertEquals(r.invocations().succeeded(), l.count(), "one latency per success");
    }

    static void assertConserved(RunSummary.Invocations inv) {
        long errors = inv.errors().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(inv.total(), inv.succeeded() + inv.throttled() + inv.functionErrors() + errors,
                "total = succeeded + throttled + functionErrors + errors");
    }

    @Property(tries = 15)
    void sameScenarioAndSeedGiveByteIdenticalReports(@ForAll("scenarios") Scenario scenario) {
        Map<String, byte[]> a = ReportWriter.render(new Simulation(scenario, 0).run());
        Map<String, byte[]> b = ReportWriter.render(new Simulation(scenario, 0).run());
        assertEquals(a.keySet(), b.keySet());
        for (String name : a.keySet()) {
            assertArrayEquals(a.get(name), b.get(name), name);
        }
    }

    @Property(tries = 15)
    void addingAFunctionDoesNotChangeAnotherFunctionsArrivals(@ForAll("scenarios") Scenario scenario) {
        List<Long> before = arrivalsOfFirstFunction(scenario);
        List<Scenario.Function> more = new ArrayList<>(scenario.functions());
        more.add(1, Scenario.Function.builder("intruder", new DistributionSpec.Constant(SEC),
                new dev.enisim.workload.ArrivalSpec.Poisson(30, 0, Long.MAX_VALUE)).timeoutMicros(SEC)
                .initDuration(Scenario.Function.NO_INIT).build());
        Scenario bigger = scenario.withFunctions(more);
        assertEquals(before, arrivalsOfFirstFunction(bigger));
    }

    private static List<Long> arrivalsOfFirstFunction(Scenario scenario) {
        Simulation sim = new Simulation(scenario, 0);
        List<Long> times = new ArrayList<>();
        sim.loop().setObserver((e, now) -> {
            if (e instanceof SimEvent.Arrival a && a.function() == 0) {
                times.add(now);
            }
        });
        sim.run();
        return times;
    }
}
