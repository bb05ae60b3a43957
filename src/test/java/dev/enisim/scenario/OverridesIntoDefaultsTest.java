package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.workload.DistributionSpec;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@code --set} into a distribution the file leaves at its default starts from that default (under the scenario's
 * assumptions preset): {@code hyperplane.eniDeleteTime.median=20m} on a file without a {@code hyperplane} block was
 * "hyperplane.eniDeleteTime.dist: is required" (an SRE review), and {@code sweep --vary
 * 'hyperplane.eniCreateTime.median=30s,4m'} failed at every point.
 */
class OverridesIntoDefaultsTest {

    private static final String GOOD = ScenarioValidationTest.GOOD;
    private static final double M = 60e6;

    private static Scenario load(String yaml, String... sets) throws Exception {
        List<Problem> problems = new ArrayList<>();
        var tree = Overrides.applyValid(ScenarioLoader.readTree(yaml, "t.yaml"), List.of(sets), problems);
        assertEquals(List.of(), problems);
        return ScenarioLoader.parseTree(tree, "t.yaml");
    }

    @Test
    void aPartOfADefaultDistributionKeepsTheDefaultsOtherParts() throws Exception {
        assertEquals(new DistributionSpec.LogNormal(20 * M, 35 * M, 45 * M),
                load(GOOD, "hyperplane.eniDeleteTime.median=20m").hyperplane().eniDeleteTime(), "the field preset's");
        assertEquals(new DistributionSpec.LogNormal(30e6, 5 * M, Double.POSITIVE_INFINITY),
                load(GOOD, "hyperplane.eniCreateTime.median=30s").hyperplane().eniCreateTime());
        assertEquals(new DistributionSpec.LogNormal(500e3, 1.5e6, 10e6),
                load(GOOD, "functions[f].initDuration.median=500ms").functions().get(0).initDuration());
        assertEquals(new DistributionSpec.Constant(5e6, 10e6),
                load(GOOD, "hyperplane.attachExistingTime.cap=10s").hyperplane().attachExistingTime(),
                "a plain duration's default is a constant");
    }

    @Test
    void theDefaultIsThePresetsTheScenarioWillHave() throws Exception {
        DistributionSpec documented = new DistributionSpec.LogNormal(15 * M, 20 * M, 20 * M);
        assertEquals(documented, load("assumptions: documented\n" + GOOD, "hyperplane.eniDeleteTime.median=15m")
                .hyperplane().eniDeleteTime());
        assertEquals(documented, load(GOOD, "hyperplane.eniDeleteTime.median=15m", "assumptions=documented")
                .hyperplane().eniDeleteTime(), "a later --set assumptions: its defaults");
    }

    @Test
    void anotherKindOfDistributionDropsTheDefaultsParts() throws Exception {
        DistributionSpec five = new DistributionSpec.Constant(5 * M, Double.POSITIVE_INFINITY);
        assertEquals(five, load(GOOD, "hyperplane.eniDeleteTime.dist=constant", "hyperplane.eniDeleteTime.value=5m")
                .hyperplane().eniDeleteTime(), "dist first: an empty block, as before");
        assertEquals(five, load(GOOD, "hyperplane.eniDeleteTime.value=5m", "hyperplane.eniDeleteTime.dist=constant")
                .hyperplane().eniDeleteTime(), "dist after: the default's median, p99 and cap are dropped");
    }
}
