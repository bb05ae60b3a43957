package dev.enisim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.experiment.ValidationSuite;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The bench's reference simulators are the loss workload (their lost fraction is Erlang B's), both are found on
 * the test class path, the bench runs them beside the model, and the generated workloads are what they say.
 */
class ReferencesTest {

    private static void lossesMatchErlangB(ReferenceSimulator sim) {
        ReferenceSimulator.LossRun r = sim.run(20, 17, 400_000, 5);
        assertEquals(400_000, r.arrivals());
        // every admitted arrival departs: events = arrivals + (arrivals - lost)
        assertEquals(2 * r.arrivals() - r.lost(), r.events());
        double theory = ValidationSuite.erlangB(20, 17);
        double simulated = (double) r.lost() / r.arrivals();
        assertEquals(theory, simulated, 0.1 * theory, sim.name() + ": lost " + simulated + " vs Erlang B " + theory);
    }

    @Test
    void thePriorityQueueSimulatorIsAnMmccLossSystem() {
        lossesMatchErlangB(new PriorityQueueLoss());
    }

    @Test
    void theSsjSimulatorIsAnMmccLossSystem() {
        lossesMatchErlangB(new SsjLoss());
    }

    @Test
    void bothReferencesAreFoundAndRunBesideALossWorkload() throws Exception {
        List<String> names = new ArrayList<>();
        for (ReferenceSimulator r : Bench.references()) {
            names.add(r.name());
        }
        assertEquals(List.of("priority-queue", "ssj"), names);
        Bench.Result model = Bench.run("tiny", BenchTest.tinyLoss(), 1, line -> { });
        Bench.ReferenceResult ref = Bench.reference(new PriorityQueueLoss(), model, 1, line -> { });
        assertEquals(model.arrivals(), ref.arrivals());
        assertEquals(model.eventsPerSecond() / ref.eventsPerSecond(), ref.modelOverReference(), 1e-9);
        assertTrue(ref.bytesPerEvent() > 0, "a new object per event allocates: " + ref.bytesPerEvent());
    }

    @Test
    void manyFunctionsHasTenThousandFunctionsOverTwentySubnetsAndFiveHundredKeys() throws Exception {
        JsonNode tree = Workloads.manyFunctions(10_000);
        Scenario s = ScenarioLoader.parseTree(tree, "many-functions");
        assertEquals(10_000, s.functions().size());
        assertEquals(3_600_000_000L, s.durationMicros());
        Set<String> subnets = new HashSet<>();
        Set<String> keys = new HashSet<>();
        for (JsonNode f : tree.get("functions")) {
            JsonNode vc = f.get("vpcConfig");
            vc.get("subnetIds").forEach(n -> subnets.add(n.asText()));
            keys.add(vc.get("subnetIds").toString() + vc.get("securityGroupIds").toString());
        }
        assertEquals(20, subnets.size());
        assertEquals(500, keys.size());
        assertEquals(tree, Workloads.manyFunctions(10_000), "generated deterministically");
    }

    @Test
    void theCostModelsLossSplitKeepsTheTrafficAndSetsTheKeys() throws Exception {
        Scenario one = ScenarioLoader.parseTree(Workloads.lossSplit(1, true, 950_000), "one");
        Scenario many = ScenarioLoader.parseTree(Workloads.lossSplit(100, true, 950_000), "many");
        Scenario shared = ScenarioLoader.parseTree(Workloads.lossSplit(100, false, 950_000), "shared");
        assertEquals(1_000_000_000L, one.durationMicros());
        assertEquals(one.durationMicros(), many.durationMicros());
        assertEquals(100, many.functions().size());
        Set<List<String>> manyKeys = new HashSet<>();
        Set<List<String>> sharedKeys = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            manyKeys.add(many.functions().get(i).vpcConfig().securityGroupIds());
            sharedKeys.add(shared.functions().get(i).vpcConfig().securityGroupIds());
        }
        assertEquals(100, manyKeys.size());
        assertEquals(1, sharedKeys.size());
        double rate = 0;
        for (Scenario.Function f : many.functions()) {
            rate += ((dev.enisim.workload.ArrivalSpec.Poisson) f.arrivals()).ratePerSecond();
        }
        assertEquals(950, rate, 1e-9, "the same traffic in all");
    }

    @Test
    void everySamplerCandidateDrawsItsQuantity() {
        List<SamplerBench.Figure> figures = SamplerBench.measure(SamplerBench.candidates(), 1000, 1, line -> { });
        Set<String> groups = new HashSet<>();
        for (SamplerBench.Figure f : figures) {
            groups.add(f.group());
            assertTrue(f.nsPerDraw() > 0, f.toString());
        }
        assertEquals(Set.of("uniform-long", "uniform-double", "seeding", "exponential", "lognormal", "poisson-arrival",
                "diurnal-arrival"), groups);
        assertEquals(12, figures.size(), "enisim's seven and Commons RNG's five: " + figures);
        double sigma = Math.log(SamplerBench.LOGNORMAL_P99_MICROS / SamplerBench.LOGNORMAL_MEDIAN_MICROS) / 2.3263;
        for (Draws d : SamplerBench.candidates()) {
            int n = 400_000;
            double mean = d.run(9, n) / n;
            if (d.group().equals("exponential")) {
                assertEquals(SamplerBench.EXPONENTIAL_MEAN_MICROS, mean, 0.02 * SamplerBench.EXPONENTIAL_MEAN_MICROS,
                        d.name());
            } else if (d.group().equals("lognormal")) {
                double expected = SamplerBench.LOGNORMAL_MEDIAN_MICROS * Math.exp(sigma * sigma / 2);
                assertEquals(expected, mean, 0.03 * expected, d.name());
            } else if (d.group().equals("uniform-double")) {
                assertEquals(0.5, mean, 0.01, d.name());
            } else if (d.group().equals("poisson-arrival")) {
                // the i-th arrival near i / rate: the mean of n arrival times near (n + 1) / 2 / rate
                double expected = (n + 1) / 2.0 / SamplerBench.POISSON_PER_SECOND;
                assertEquals(expected, mean, 0.01 * expected, d.name());
            } else if (d.group().equals("diurnal-arrival")) {
                double rate = (SamplerBench.DIURNAL_PEAK_PER_SECOND + SamplerBench.DIURNAL_TROUGH_PER_SECOND) / 2;
                double expected = (n + 1) / 2.0 / rate;
                assertEquals(expected, mean, 0.02 * expected, d.name() + ": about the mean rate over 2.2 days");
            } else {
                // uniform longs and seeds: a wrapping sum, with no mean to check; it depends on every draw and the
                // seed (a loop that drew nothing, or always the same, would not)
                assertTrue(d.group().equals("uniform-long") || d.group().equals("seeding"), d.group());
                double sum = d.run(9, n);
                assertTrue(sum != 0, d.name());
                assertEquals(sum, d.run(9, n), d.name() + ": the same seed, the same draws");
                assertTrue(sum != d.run(10, n), d.name() + ": another seed, other draws");
                assertTrue(sum != d.run(9, n + 1), d.name() + ": one draw more, another sum");
            }
        }
    }
}
