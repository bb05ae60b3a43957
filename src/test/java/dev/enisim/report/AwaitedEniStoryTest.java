package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.OneSubnetYaml;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function that attaches to a key whose ENI Lambda is still creating for another function waits for that ENI and
 * shares it. The story said nothing of it (a teacher's review): the second function went Pending, then Active when
 * "ENI eni-0001 ready" for the first, and a learner could think it had an ENI of its own, or none.
 */
class AwaitedEniStoryTest {

    private static RunResult run(String createdAt) throws Exception {
        String yaml = OneSubnetYaml.of("name: awaited\nduration: 10m", "name: first\nduration: 100ms\n"
                + "arrivals: { poisson: 1/s }") + """
                  - name: second
                    createdAt: %s
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg] }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                """.formatted(createdAt);
        return new Simulation(ScenarioLoader.parse(yaml, "awaited"), 0).run();
    }

    @Test
    void aFunctionAttachingWhileTheEniIsBeingCreatedWaitsToShareIt() throws Exception {
        List<String> s = Narrative.lines(run("30s"));
        String all = String.join("\n", s);
        int waits = NarrativeTeachesTest.lastLine(s, l -> l.equals("00:00:30  second waits for eni-0001"
                + " (subnet-a+[sg] 10.0.0.254), which Lambda is already creating for the same subnet and security"
                + " groups: it will share it"));
        assertTrue(waits > 0, all);
        assertTrue(s.get(waits + 1).contains("why: Hyperplane ENIs are shared by every function"), all);
        int ready = NarrativeTeachesTest.lastLine(s, l -> l.contains("ENI eni-0001 ready"));
        int active = NarrativeTeachesTest.lastLine(s, l -> l.contains("second -> Active: all ENIs ready"));
        assertTrue(waits < ready && ready < active, all);
        assertEquals(1, s.stream().filter(l -> l.contains("ENI") && l.contains("created")).count(), "one ENI: " + all);
    }

    @Test
    void aFunctionAttachingToAReadyEniSharesItAsBefore() throws Exception {
        List<String> s = Narrative.lines(run("9m"));
        String all = String.join("\n", s);
        assertTrue(s.stream().anyMatch(l -> l.startsWith("00:09:00  second shares eni-0001")), all);
        assertTrue(s.stream().noneMatch(l -> l.contains(" waits for ")), all);
    }
}
