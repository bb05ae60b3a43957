package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.enisim.bench.Workloads;
import dev.enisim.report.ReportWriter;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * A run whose observers have a thread of their own ({@link Simulation#Simulation(Scenario, int, boolean)}, the
 * {@code run} command's default on two cores or more) writes byte for byte the files of one without: committed
 * scenarios that between them make every kind of call (asynchronous and SQS-fed functions, NAT gateways, provisioned
 * concurrency, two accounts, an AZ outage, a teardown, dual-stack subnets), and many functions, whose rows the run
 * reads ahead (the observers' are left to their own thread).
 */
class ObserversThreadTest {

    @ParameterizedTest
    @ValueSource(strings = {"quickstart", "async-inactive-function", "sqs-burst", "nat-hot-destination",
        "shared-vpc-two-accounts", "az-outage", "teardown", "dual-stack", "burst-scaling", "orphaned-enis"})
    void aCommittedScenarioWritesTheSameFiles(String name) throws Exception {
        sameFiles(ScenarioLoader.load(Path.of("scenarios", name + ".yaml")));
    }

    @Test
    void manyFunctionsReadAheadWriteTheSameFiles() throws Exception {
        ObjectNode tree = Workloads.manyFunctions(Simulation.LOOKAHEAD_FUNCTIONS, 50);
        tree.put("duration", "40s");
        tree.put("bucket", "5s");
        tree.get("functions").forEach(f -> ((ObjectNode) f).put("existing", "Active"));
        Simulation piped = sameFiles(ScenarioLoader.parseTree(tree, "many-functions"));
        assertNotEquals(0, piped.touched(), "the model's rows were still read ahead");
    }

    /** Runs {@code s} with the observers on their own thread and without; returns the one with. */
    private static Simulation sameFiles(Scenario s) {
        Simulation piped = new Simulation(s, 0, true);
        Map<String, byte[]> a = ReportWriter.render(piped.run());
        Map<String, byte[]> b = ReportWriter.render(new Simulation(s, 0, false).run());
        assertEquals(b.keySet(), a.keySet());
        for (String file : b.keySet()) {
            assertArrayEquals(b.get(file), a.get(file), s.name() + ": " + file);
        }
        assertTrue(piped.observersThreadCpuNanos() > 0, "the observers ran on their own thread");
        assertEquals(0, piped.crossedAtCalls(), "every edge reached before the calls past it, as without");
        return piped;
    }
}
