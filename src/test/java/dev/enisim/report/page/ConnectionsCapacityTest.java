package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Session 43's teacher read of shared-eni-65k and eni-not-ready: the Capacity table showed ENIs and IPs, not the
 * connections against each ENI's cap (hyperplane.connectionsPerEni, 65,000) that are shared-eni-65k's story. Capacity
 * now lists each ENI key's peak connections against one ENI's cap and its peak ENIs' cap, where the run has
 * connections, and (session 56) the most one of its ENIs held, which never passes the cap: 65,000 here, the key's
 * first ENI full while its second was being created.
 */
class ConnectionsCapacityTest {

    private static String answers(String scenario) throws Exception {
        return Headlines.html(new Simulation(ScenarioLoader.load(Path.of("scenarios/" + scenario + ".yaml")), 0)
                .run());
    }

    @Test
    void aKeyPastOneEnisCapIsShownAgainstIt() throws Exception {
        String a = answers("shared-eni-65k");
        assertTrue(a.contains("<tr><td>subnet-db+[sg-db]</td><td class=\"n bad\">103,737</td><td class=\"n\">65,000"
                + "</td><td class=\"n\">2</td><td class=\"n\">79.8%</td><td class=\"n bad\">65,000</td></tr>"), a);
        assertTrue(a.contains("A Hyperplane ENI carries at most 65,000 connections (hyperplane.connectionsPerEni)"),
                a);
        assertTrue(a.contains("One key's connections passed one ENI's cap."), a);
    }

    @Test
    void eniNotReadysKeyToo() throws Exception {
        assertTrue(answers("eni-not-ready").contains("<tr><td>subnet-db+[sg-db]</td><td class=\"n bad\">100,346</td>"));
    }

    @Test
    void noTableWithoutAVpc() throws Exception {
        assertFalse(answers("burst-scaling").contains("peak connections"));
    }
}
