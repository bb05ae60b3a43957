package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "I deleted my function: why is its ENI still there?" The story said nothing when a deleted function's key was
 * still another's: now the action says whose ENIs stay and why, once.
 */
class NarrativeKeptEnisTest {

    private static List<String> story(String others) throws Exception {
        return Narrative.lines(new Simulation(ScenarioLoader.parse("""
                name: kept
                duration: 30m
                vpcs:
                  - id: vpc-1
                    subnets: [{ id: subnet-a, cidr: 10.0.1.0/24, az: a }]
                    securityGroups: [sg-app, sg-other]
                functions:
                  - { name: api, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }, duration: 100ms,
                      arrivals: { poisson: 2/s } }
                  - { name: worker, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [%s] }, duration: 100ms,
                      arrivals: { poisson: 2/s } }
                timeline:
                  - { at: 10m, action: deleteFunction, function: api }
                """.formatted(others), "kept.yaml"), 0).run());
    }

    @Test
    void aDeletedFunctionsKeyStillUsedByAnotherKeepsItsEniAndTheStorySaysWhy() throws Exception {
        List<String> shared = story("sg-app");
        int at = NarrativeTeachesTest.lastLine(shared, l -> l.startsWith("00:10:00  DeleteFunction api"));
        assertTrue(at >= 0, String.join("\n", shared));
        assertEquals("00:10:00  DeleteFunction api (the ENI of subnet-a+[sg-app] stays: another function or version"
                + " uses that key)", shared.get(at));
        assertTrue(shared.get(at + 1).startsWith("          why: A Hyperplane ENI belongs to its subnet +"
                + " security-group key, not to a function"), shared.get(at + 1));
        assertTrue(shared.stream().noneMatch(l -> l.contains("being deleted")), "the ENI stays: " + shared);

        List<String> alone = story("sg-other");
        assertTrue(alone.contains("00:10:00  DeleteFunction api"), String.join("\n", alone));
        assertTrue(alone.stream().anyMatch(l -> l.startsWith("00:10:00  ENI eni-0001 being deleted")
                || l.contains("being deleted")), "its own key's ENI goes: " + alone);
        assertTrue(alone.stream().noneMatch(l -> l.contains("not to a function")));
    }
}
