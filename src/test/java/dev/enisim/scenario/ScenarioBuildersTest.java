package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.AsyncConfig;
import dev.enisim.model.NetworkModel;
import dev.enisim.model.Scaling;
import dev.enisim.model.SqsConfig;
import dev.enisim.model.WarmRouting;
import dev.enisim.model.network.Cidr;
import dev.enisim.workload.ArrivalSpec;
import dev.enisim.workload.DistributionSpec;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * Scenarios built in code (experiments, sweeps, benchmarks and the run tests build them this way): a builder left to
 * its defaults gives what a file leaving those fields out gives, each setter sets its own field and nothing else, and
 * the {@code with...} copies change one thing.
 */
class ScenarioBuildersTest {

    private static final long SEC = 1_000_000L;
    private static final DistributionSpec RUN = new DistributionSpec.Constant(100_000);
    private static final ArrivalSpec FIVE = new ArrivalSpec.Poisson(5, 0, Long.MAX_VALUE);

    private static final String FILE = """
            name: built
            duration: 1h
            functions:
              - name: f
                duration: 100ms
                arrivals: { poisson: 5/s }
            """;

    @Test
    void aBuilderLeftToItsDefaultsIsTheFileLeftToItsDefaults() throws Exception {
        Scenario loaded = ScenarioLoader.parse(FILE, "code");
        Scenario.Function f = Scenario.Function.builder("f", RUN, FIVE).build();
        assertEquals(loaded.functions().get(0), f);
        assertEquals("f-role", f.role(), "the README: role defaults to <name>-role");
        Scenario built = Scenario.builder("built", 3_600 * SEC).functions(List.of(f)).build();
        assertEquals(loaded, built);
        // the bucket is 1m, or the whole run when it is shorter
        assertEquals(60 * SEC, built.bucketMicros());
        assertEquals(30 * SEC, Scenario.builder("short", 30 * SEC).build().bucketMicros());
        assertFalse(built.multiAccount());
    }

    @Test
    void eachFunctionSetterSetsItsField() {
        AsyncConfig async = new AsyncConfig(1, 120 * SEC, true, 0.5, false, 0, SEC, 60 * SEC, 2, false);
        SqsConfig sqs = new SqsConfig(10, 5, 30 * SEC, 3, 5, 300, 1250, 0.5, SEC);
        Scenario.VpcConfig vpc = new Scenario.VpcConfig(List.of("subnet-a"), List.of("sg-a"));
        Scenario.Egress egress = new Scenario.Egress(List.of(new Scenario.Route("api", 0.5)), true);
        DistributionSpec init = new DistributionSpec.Constant(SEC);
        ArrivalSpec one = new ArrivalSpec.Constant(1, 0, Long.MAX_VALUE);
        DistributionSpec run2 = new DistributionSpec.Constant(2 * SEC);
        Scenario.Function f = Scenario.Function.builder("x", RUN, FIVE).name("g").memoryMb(512).timeoutMicros(30 * SEC)
                .vpcConfig(vpc).reservedConcurrency(7).duration(run2).connectionsPerInvocation(2).arrivals(one)
                .createdAtMicros(5 * SEC).role("shared").initDuration(init).connectionsPerEnvironment(3)
                .provisionedConcurrency(4).existing(Scenario.Function.Existing.INACTIVE).async(Optional.of(async))
                .egress(egress).sqs(Optional.of(sqs)).architecture("arm64").build();
        assertEquals(new Scenario.Function("g", 512, 30 * SEC, vpc, OptionalInt.of(7), run2, 2, one, 5 * SEC, "shared",
                init, 3, 4, Scenario.Function.Existing.INACTIVE, Optional.of(async), egress, Optional.of(sqs), "arm64",
                null), f);
        assertTrue(f.asynchronous());
        assertTrue(f.fedByQueue());
        assertEquals(List.of("subnet-a"), f.subnetIds());
        assertEquals(List.of("sg-a"), f.securityGroupIds());
        // a copy is the same function; withArrivals changes only the arrivals
        assertEquals(f, f.toBuilder().build());
        Scenario.Function other = f.withArrivals(FIVE);
        assertEquals(FIVE, other.arrivals());
        assertEquals(f, other.withArrivals(one));
        assertEquals(OptionalInt.empty(), f.toBuilder().reservedConcurrency(OptionalInt.empty()).build()
                .reservedConcurrency());
        Scenario.Function plain = Scenario.Function.builder("p", RUN, FIVE).build();
        assertFalse(plain.asynchronous());
        assertFalse(plain.fedByQueue());
        assertFalse(plain.vpcConfig().attached());
        assertTrue(vpc.attached());
    }

    @Test
    void eachScenarioSetterSetsItsField() {
        Scenario.Account account = new Scenario.Account(50, 5, 60);
        Scenario.Subnet subnet = new Scenario.Subnet("subnet-a", Cidr.parse("10.0.0.0/24"), "az-a", 2);
        Scenario.Vpc vpc = Scenario.Vpc.of("vpc-a", 9, List.of(subnet), List.of("sg-a"));
        Scenario.Hyperplane hyperplane = Scenario.Hyperplane.DEFAULT.withEniTimes(RUN, RUN, 9);
        Scenario.Function f = Scenario.Function.builder("f", RUN, FIVE).build();
        List<Scenario.At> timeline = List.of();
        Scenario.ScalingSpec scaling = Scenario.ScalingSpec.DEFAULT.withKeepAlive(SEC);
        Scenario.Legacy legacy = new Scenario.Legacy(RUN, 3, 4, 5);
        PriceTable prices = new PriceTable("eu-west-1", "2020-01-01", 1, PriceTable.DEFAULT.x86_64(),
                PriceTable.DEFAULT.arm64(), false, 2, 3);
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Scenario.Accounts accounts = new Scenario.Accounts(List.of(new Scenario.Account(50, 5, 60, "111111111111")),
                Map.of("f", "111111111111"), Map.of());
        Scenario s = Scenario.builder("x", SEC).name("s").description("d").seed(9).duration(7 * SEC, SEC)
                .account(account).vpcs(List.of(vpc)).hyperplane(hyperplane).functions(List.of(f)).timeline(timeline)
                .networkModel(NetworkModel.LEGACY).scaling(scaling).legacy(legacy).prices(prices).source("src")
                .startsAt(Optional.of(start)).assumptions(AssumptionPreset.DOCUMENTED).accounts(accounts).build();
        assertEquals(new Scenario("s", "d", 9, 7 * SEC, SEC, account, List.of(vpc), hyperplane, List.of(f), timeline,
                NetworkModel.LEGACY, scaling, legacy, prices, "src", Optional.of(start), AssumptionPreset.DOCUMENTED, accounts), s);
        assertEquals(s, s.toBuilder().build());
        assertTrue(s.multiAccount());
        assertEquals("111111111111", s.accounts().of("f"));
        assertEquals("", s.accounts().of("g"), "a function the accounts do not name");
        assertEquals(0, s.accounts().index("111111111111"));
        // Vpc.of: no other ENIs, no NAT gateways; withSubnets changes only the subnets
        assertEquals(new Scenario.Vpc("vpc-a", 9, List.of(subnet), List.of("sg-a"), 0, List.of()), vpc);
        assertEquals(List.of(), vpc.withSubnets(List.of()).subnets());
        assertEquals(vpc, vpc.withSubnets(List.of()).withSubnets(List.of(subnet)));
        assertEquals(new Scenario.Hyperplane(RUN, RUN, 9, 300 * SEC, Defaults.ENI_DELETE_TIME, 14 * 86_400 * SEC,
                360 * SEC, java.util.Optional.empty(), false), hyperplane);
        assertEquals(new Scenario.Account(7, 1, 60), account.withConcurrency(7, 1));
    }

    @Test
    void eachCopyChangesOneThing() {
        Scenario s = Scenario.builder("s", 3_600 * SEC).functions(List.of(Scenario.Function.builder("f", RUN, FIVE)
                .build())).build();
        assertEquals(11, s.withSeed(11).seed());
        assertEquals(NetworkModel.LEGACY, s.withNetworkModel(NetworkModel.LEGACY).networkModel());
        Scenario shorter = s.withDuration(60 * SEC, 10 * SEC);
        assertEquals(60 * SEC, shorter.durationMicros());
        assertEquals(10 * SEC, shorter.bucketMicros());
        Scenario.Vpc vpc = Scenario.Vpc.of("v", 1, List.of(), List.of());
        assertEquals(List.of(vpc), s.withVpcs(List.of(vpc)).vpcs());
        assertEquals(List.of(), s.withFunctions(List.of()).functions());
        List<Scenario.At> t = List.of(new Scenario.At(SEC, new dev.enisim.model.SimEvent.DeleteFunction(0)));
        assertEquals(t, s.withTimeline(t).timeline());
        Scenario.ScalingSpec scaling = Scenario.ScalingSpec.DEFAULT.withWarmRouting(WarmRouting.RANDOM)
                .withScaling(new Scaling(Scaling.Model.LEGACY_BURST, 1, 2, 3, 4, 5, 6, 7));
        assertEquals(scaling, s.withScaling(scaling).scaling());
        assertEquals(WarmRouting.RANDOM, scaling.warmRouting());
        assertEquals(Scaling.Model.LEGACY_BURST, scaling.scaling().model());
        assertEquals(new Scenario.ScalingSpec(Scenario.ScalingSpec.DEFAULT.scaling(), 3, WarmRouting.NEWEST),
                Scenario.ScalingSpec.DEFAULT.withKeepAlive(3).withWarmRouting(WarmRouting.NEWEST));
        PriceTable prices = new PriceTable("r", "d", 1, PriceTable.DEFAULT.x86_64(), PriceTable.DEFAULT.arm64(), true,
                0, 0);
        assertEquals(prices, s.withPrices(prices).prices());
        Scenario.Accounts accounts = new Scenario.Accounts(List.of(new Scenario.Account(1, 0, 1, "a"),
                new Scenario.Account(1, 0, 1, "b")), Map.of(), Map.of());
        Scenario multi = s.withAccounts(accounts);
        assertEquals(accounts, multi.accounts());
        assertEquals(1, accounts.index("b"));
        assertEquals(0, accounts.index("c"), "an unknown id: the first account");
        // every copy leaves the rest as it was
        assertEquals(s, s.withSeed(11).withSeed(s.seed()));
        assertEquals(s, multi.withAccounts(Scenario.Accounts.SINGLE));
        assertNotEquals(s, s.withPrices(prices));
    }
}
