package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.plan.Planner;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sweep} and {@code plan} warned of the heap from the base scenario's estimate alone; a sweep's point at finer
 * buckets, or the plan's teardown runs (the scenario and up to its horizon after it), need more (a review of big
 * runs, fiftieth pass). The warning is now made of the largest run's estimate, and names it. Sizes are chosen from
 * this JVM's heap, so that the base's estimate is under the warning's 80% and the largest run's over it.
 */
class MemoryWarningLargestTest {

    @TempDir
    Path dir;

    private static final double WARNED = 0.8 * Runtime.getRuntime().maxMemory();

    /** {@code n} functions in one subnet over {@code duration} at {@code bucket}. */
    private static String scenario(int n, String duration, String bucket) {
        StringBuilder b = new StringBuilder("name: big\nduration: " + duration + "\nbucket: " + bucket + "\n"
                + "vpcs:\n  - id: v\n    subnets: [{ id: s, cidr: 10.0.0.0/16, az: a }]\n    securityGroups: [sg]\n"
                + "functions:\n");
        for (int i = 0; i < n; i++) {
            b.append("  - { name: f").append(i).append(", vpcConfig: { subnetIds: [s], securityGroupIds: [sg] },"
                    + " duration: 100ms, arrivals: { poisson: 1/h } }\n");
        }
        return b.toString();
    }

    /** The fewest functions (by tens) whose {@code larger} run is warned of; its base's is not. */
    private static int functionsBetween(String duration, String bucket, java.util.function.UnaryOperator<Scenario>
            larger) throws Exception {
        for (int n = 10; n < 100_000; n += 10) {
            Scenario base = ScenarioLoader.parse(scenario(n, duration, bucket), "big.yaml");
            if (Budget.need(larger.apply(base)) > WARNED) {
                assertTrue(Budget.need(base) < WARNED, "a size between: " + n);
                return n;
            }
        }
        throw new AssertionError("no size found");
    }

    @Test
    void aSweepWarnsFromItsLargestPointAndNamesIt() throws Exception {
        int n = functionsBetween("2h", "1m", s -> {
            try {
                return ScenarioLoader.parse(scenario(s.functions().size(), "2h", "1s"), "big.yaml");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        Path f = dir.resolve("big.yaml");
        Files.writeString(f, scenario(n, "2h", "1m"));
        CliTest.Result r = CliTest.run("sweep", f.toString(), "--vary", "bucket=1m,1s", "--vary", "traffic=1,2",
                "--out", dir.resolve("sw").toString(), "--max-events", "1");
        assertEquals(2, r.code(), r.err()); // refused for its events, after the warnings
        List<String> warnings = r.err().lines().filter(l -> l.startsWith("warning: ")).toList();
        assertEquals(1, warnings.size(), r.err());
        assertTrue(warnings.get(0).startsWith("warning: big's largest point (bucket=1s, traffic=1) may need about "),
                warnings.get(0));
        assertTrue(warnings.get(0).contains(String.format(java.util.Locale.ROOT, "%,d functions and 1 ENI key over"
                + " 7,200 buckets", n)), warnings.get(0));
        // the same scenario swept at its own buckets only: no warning (the base's estimate fits)
        CliTest.Result base = CliTest.run("sweep", f.toString(), "--vary", "traffic=1,2", "--out",
                dir.resolve("sw").toString(), "--max-events", "1");
        assertFalse(base.err().contains("warning: "), base.err());
    }

    @Test
    void aPlanWarnsFromItsTeardownRunsTheLongest() throws Exception {
        int n = functionsBetween("2h", "1s", s -> Planner.longestRun(s, 20));
        Scenario s = ScenarioLoader.parse(scenario(n, "2h", "1s"), "big.yaml");
        Scenario longest = Planner.longestRun(s, 20);
        assertTrue(longest.durationMicros() > s.durationMicros());
        assertEquals(s.functions().size(), longest.functions().size());
        Path f = dir.resolve("big.yaml");
        Files.writeString(f, scenario(n, "2h", "1s"));
        CliTest.Result r = CliTest.run("plan", f.toString(), "--out", dir.resolve("pl").toString(), "--max-events",
                "1");
        assertEquals(2, r.code(), r.err());
        List<String> warnings = r.err().lines().filter(l -> l.startsWith("warning: ")).toList();
        assertEquals(1, warnings.size(), r.err());
        assertTrue(warnings.get(0).startsWith("warning: big's teardown runs (the scenario and up to "
                + Format.duration(longest.durationMicros() - s.durationMicros()) + " after it) may need about "),
                warnings.get(0));
    }
}
