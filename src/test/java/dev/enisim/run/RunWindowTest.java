package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.metrics.RunSummary;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A run is the half-open window [0, duration), as every arrival window is (`until` excludes its end): `constant:
 * 1/s` over 10 minutes is 600 invocations, as scenarios/README.md promises ("a rate r over a window w gives exactly
 * r x w"). The run delivered the arrival at the end itself too (601), and counted it.
 */
class RunWindowTest {

    private static RunSummary run(String arrivals, String duration, String bucket) throws Exception {
        String y = dev.enisim.scenario.OneSubnetYaml.of("name: window\nduration: " + duration + "\nbucket: " + bucket,
                "name: f\nexisting: Active\nduration: 100ms\narrivals: " + arrivals);
        return new Simulation(ScenarioLoader.parse(y, "window"), 0).run().summary();
    }

    @Test
    void aConstantRateGivesExactlyRateTimesDuration() throws Exception {
        assertEquals(600, run("{ constant: 1/s }", "10m", "1m").invocations().total());
        assertEquals(3000, run("{ constant: 50/s }", "1m", "10s").invocations().total());
        // the end not on a bucket edge: the last slice ends there all the same
        assertEquals(70, run("{ constant: 1/s }", "70s", "1m").invocations().total());
    }

    /** The same whether the window ends at the run's end or before it: the run's end is exclusive as `until` is. */
    @Test
    void theRunsEndExcludesItsInstantAsUntilDoes() throws Exception {
        assertEquals(run("{ constant: 1/s, until: 2m }", "10m", "1m").invocations().total(), 120);
        assertEquals(run("{ constant: 1/s }", "2m", "1m").invocations().total(), 120);
    }
}
