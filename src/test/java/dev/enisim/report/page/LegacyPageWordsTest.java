package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The legacy model's page in its own words: its SubnetIPAddressLimitReachedExceptions were explained as "the
 * function is Failed" while ingest was Active all along (legacy cold starts fail instead), and its cost line said
 * "Hyperplane ENIs are free".
 */
class LegacyPageWordsTest {

    @Test
    void aLegacyRunsFailuresAndCostAreToldInItsTerms() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/legacy-vs-hyperplane.yaml")), 0).run();
        List<Headlines.Failure> ip = Headlines.failures(r).stream()
                .filter(f -> f.outcome().equals("SubnetIPAddressLimitReachedException")).toList();
        assertEquals(1, ip.size(), "the premise: the legacy run's subnets run out");
        assertEquals("a cold start found no free IP in the function's subnets for a new ENI", ip.get(0).why());
        assertFalse(r.summary().functions().values().stream().anyMatch(f -> "Failed".equals(f.finalState())));
        String cost = CostLine.text(r.summary());
        assertTrue(cost.contains("no charge for ENIs (Hyperplane or not"), cost);
        assertEquals("the function is Failed: a subnet had no free IP for its ENI",
                Headlines.cause("SubnetIPAddressLimitReachedException"), "Hyperplane's own words stay");
    }

    /** The player called the legacy model's limit (legacy.eniLimit, EC2's network interfaces) a quota. */
    @Test
    void thePlayerNamesTheLegacyLimitNotAQuota() throws Exception {
        RunResult legacy = new Simulation(ScenarioLoader.load(Path.of("scenarios/legacy-vs-hyperplane.yaml")), 0).run();
        assertEquals("legacy.eniLimit", TopologyData.build(legacy).get("vpcs").get(0).get("limit").asText());
        RunResult hyperplane = new Simulation(ScenarioLoader.load(Path.of("scenarios/quickstart.yaml")), 0).run();
        assertEquals("quota", TopologyData.build(hyperplane).get("vpcs").get(0).get("limit").asText());
        // the script as the page embeds it (Assets.bare: without its indentation), its spacing aside
        String js = Assets.own("player.js").replaceAll("\\s+", " ");
        assertTrue(js.contains("' ENIs of ' + (v.limit || 'quota') + ' ' + NF.format(v.quota)"), "the player"
                + " writes the limit's name");
    }
}
