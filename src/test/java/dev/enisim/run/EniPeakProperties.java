package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.Legacy;
import dev.enisim.model.NetworkModel;
import dev.enisim.scenario.Scenario;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Each ENI's peak connections (enis.csv {@code peakConnections}, summary.json {@code enis.peakConnectionsPerEni}) over
 * random scenarios whose small ENI capacities are hit ({@link SimulationProperties#scenario}): no ENI's peak is above
 * its cap (hyperplane.connectionsPerEni; under the legacy model the environments 3 GB of 128 MB functions fill), the
 * summary's figure is the highest of them, and the ENIs' peaks account for their key's: a key's peak is at most the
 * sum of its ENIs' peaks, and one of them held at least its share of it.
 */
class EniPeakProperties {

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(1, 40), Arbitraries.integers().between(5, 200),
                Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(6).list().ofMinSize(1)
                        .ofMaxSize(6),
                Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(8))
                .as(SimulationProperties::scenario);
    }

    @Property(tries = 60)
    void noEniHoldsMoreThanItsCapAndTheSummaryHasTheHighest(@ForAll("scenarios") Scenario scenario) {
        RunResult r = new Simulation(scenario, 0).checkingInvariants().run();
        boolean legacy = scenario.networkModel() == NetworkModel.LEGACY;
        long cap = legacy ? Legacy.MEMORY_PER_ENI_MB / 128 : scenario.hyperplane().connectionsPerEni();
        long highest = 0;
        Map<String, Long> sums = new HashMap<>();
        Map<String, Long> most = new HashMap<>();
        Map<String, Long> enis = new HashMap<>();
        for (RunResult.EniLifetime e : r.enis()) {
            assertTrue(e.peakConnections() >= 0 && e.peakConnections() <= cap,
                    e.id() + " held " + e.peakConnections() + " at once, its cap " + cap);
            highest = Math.max(highest, e.peakConnections());
            sums.merge(e.key(), (long) e.peakConnections(), Long::sum);
            most.merge(e.key(), (long) e.peakConnections(), Math::max);
            enis.merge(e.key(), 1L, Long::sum);
        }
        assertEquals(highest, r.summary().enis().peakConnectionsPerEni(), "the summary's is the highest ENI's");
        for (Map.Entry<String, RunSummary.KeySummary> k : r.summary().eniKeys().entrySet()) {
            long keyPeak = k.getValue().peakConnections();
            if (legacy || keyPeak == 0) {
                continue; // legacy keys count environments by function, not the ENIs' ports
            }
            long n = enis.getOrDefault(k.getKey(), 0L);
            assertTrue(n > 0, k.getKey() + " held connections with no ENI");
            assertTrue(keyPeak <= sums.get(k.getKey()), k.getKey() + ": its peak " + keyPeak
                    + " is more than its ENIs' peaks together, " + sums.get(k.getKey()));
            assertTrue(most.get(k.getKey()) * n >= keyPeak, k.getKey() + ": none of its " + n
                    + " ENIs held its share of its peak " + keyPeak + " (the most " + most.get(k.getKey()) + ")");
        }
    }

    /** A scenario of the property's kind that reaches the cap: the property is not vacuous. */
    @Property(tries = 1)
    void theCapIsReachedInAScenarioOfTheKind() {
        Scenario s = SimulationProperties.scenario(7, 8, 3, 200, List.of(new int[] {1, 0, 1, 2000, 1, 39},
                new int[] {1, 0, 1, 2000, 1, 39}), new int[] {0, 0, 0, 0, 1, 0, 0, 1});
        RunResult r = new Simulation(s, 0).run();
        assertEquals(3, r.summary().enis().peakConnectionsPerEni());
    }
}
