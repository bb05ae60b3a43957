package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a teacher's review found missing from the story: the 65,000-connection rule was never said when a key got a
 * second ENI, the role's deletion had no why, and the ENIs deleted by hand came before the action that deleted them.
 */
class NarrativeTeachesTest {

    static List<String> story(String scenario) throws Exception {
        return Narrative.lines(new Simulation(ScenarioLoader.load(Path.of("scenarios/" + scenario)), 0).run());
    }

    /** The index of the story's last line that {@code is}, -1 when none is. */
    static int lastLine(List<String> story, java.util.function.Predicate<String> is) {
        int at = -1;
        for (int i = 0; i < story.size(); i++) {
            if (is.test(story.get(i))) {
                at = i;
            }
        }
        return at;
    }

    @Test
    void aSecondEniForAKeyInServiceTellsThe65000ConnectionRule() throws Exception {
        List<String> s = story("shared-eni-65k.yaml");
        int second = lastLine(s, l -> l.contains("ENI eni-0002 being created (subnet-db+[sg-db]"));
        assertTrue(second > 0, String.join("\n", s));
        assertTrue(s.get(second + 1).startsWith("          why: One Hyperplane ENI carries at most 65,000 connections"),
                s.get(second + 1));
        assertEquals(0, story("redeploy-new-subnets.yaml").stream().filter(l -> l.contains("at most 65,000"))
                .count(), "new ENIs for a new key are no scale-out");
        assertEquals(0, story("idle-reclaim.yaml").stream().filter(l -> l.contains("at most 65,000")).count(),
                "an ENI made again after its key's was deleted is no scale-out");
    }

    @Test
    void theRolesDeletionIsExplainedAndTheEnisDeletedByHandComeAfterTheAction() throws Exception {
        List<String> s = story("orphaned-enis.yaml");
        int role = s.indexOf("00:30:00  DeleteRole archive-stack-role");
        assertTrue(role > 0 && s.get(role + 1).contains("why: Lambda needs the execution role's EC2 permissions only"),
                String.join("\n", s));
        int action = s.indexOf("03:00:00  DeleteNetworkInterface by hand: 2 orphaned ENIs");
        int deleted = s.indexOf("03:00:00  2 ENIs deleted, IPs freed: eni-0001 to eni-0002");
        assertTrue(action > 0 && deleted == action + 1, String.join("\n", s));
    }
}
