package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deletion by hand counts its ENIs in English (a teacher's review, C3): "DeleteNetworkInterface by hand: 2
 * orphaned ENI(s)" now reads "2 orphaned ENIs", and one reads "1 orphaned ENI".
 */
class OrphanedByHandPluralTest {

    private static List<String> story(Path scenario) throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(scenario), 0).run();
        return Narrative.lines(r);
    }

    @Test
    void twoOrphansArePlural() throws Exception {
        List<String> s = story(Path.of("scenarios/orphaned-enis.yaml"));
        assertTrue(s.contains("03:00:00  DeleteNetworkInterface by hand: 2 orphaned ENIs"), String.join("\n", s));
        assertFalse(String.join("\n", s).contains("ENI(s)"), String.join("\n", s));
    }

    /** orphaned-enis with one subnet: one ENI orphaned, deleted by hand in its subnet. */
    @Test
    void oneOrphanIsSingular(@TempDir Path dir) throws Exception {
        String yaml = Files.readString(Path.of("scenarios/orphaned-enis.yaml"))
                .replace("subnetIds: [subnet-archive-a, subnet-archive-b]", "subnetIds: [subnet-archive-a]")
                .replace("action: deleteOrphanedEnis }", "action: deleteOrphanedEnis, subnet: subnet-archive-a }");
        int cut = yaml.indexOf("expect:");
        Path one = dir.resolve("one.yaml");
        Files.writeString(one, cut < 0 ? yaml : yaml.substring(0, cut));
        List<String> s = story(one);
        assertTrue(s.contains("03:00:00  DeleteNetworkInterface by hand: 1 orphaned ENI in subnet-archive-a"),
                String.join("\n", s));
    }
}
