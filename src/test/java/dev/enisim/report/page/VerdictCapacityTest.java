package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Session 43 (h2), a teacher's read of the pages' tops: dual-stack's verdict said only that 2,835 requests came while
 * its functions were Pending; that its two /27 subnets had no free IPv4 address left from 00:40:00, the scenario's
 * point ("IPv4 addresses are still consumed"), was a red 0 in the Capacity table further down. And teardown's table
 * said api "waited 00:00:00", as if its deletion had been immediate, when it released no ENI to wait for.
 */
class VerdictCapacityTest {

    @Test
    void subnetsWithNoFreeIpLeftAreInTheVerdict() throws Exception {
        String v = Verdicts.of("dual-stack");
        assertTrue(v.contains(" Subnets subnet-ds-a and subnet-ds-b ran out of free IPs (the first in the "), v);
        assertTrue(v.endsWith("from 00:40:00): a new ENI there fails until an IP is freed (see Capacity)."), v);
    }

    @Test
    void aRunWhoseSubnetsKeptFreeIpsSaysNothingOfThem() throws Exception {
        assertFalse(Verdicts.of("teardown").contains("ran out of free IPs"));
    }

    @Test
    void aDeletionThatReleasedNoEniWaitedForNothing() throws Exception {
        String a = Headlines.html(new Simulation(ScenarioLoader.load(Path.of("scenarios/teardown.yaml")), 0).run());
        assertTrue(a.contains("<tr><td>api</td><td>deleteFunction</td><td class=\"n\">01:00:00</td><td class=\"n\">0"
                + "</td><td class=\"n\" title=\"no ENI released: nothing to wait for\">nothing</td>"), a);
    }
}
