package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Refusals on the ENIs and at the NAT gateway in one subnet are said as both (PIT's survivor of session 52:
 * {@code portRefusals}' {@code onEnis |= eni} as {@code &=} said them as the gateway's alone, hiding the ENIs' ports,
 * and no test had both). PlanRefusedConnectionsTest's {@code chatty} (20 calls a second of 1 s, 6,000 connections
 * each to one destination, in subnets a and b) with ENIs of 30,000 connections instead of 200,000: the ENIs fill
 * (NoFreePortOnEni) and each gateway's one address runs out (ErrorPortAllocation).
 */
class PlanPortRefusalsBothTest {

    static final String BOTH = PlanRefusedConnectionsTest.NAT_TWO_ZONES.replace("connectionsPerEni: 200000",
            "connectionsPerEni: 30000");

    @Test
    void refusalsOnTheEnisAndAtTheGatewayAreSaidAsBoth() throws Exception {
        Scenario sc = ScenarioLoader.parse(BOTH, "refused-both");
        Map<String, Long> causes = new dev.enisim.run.Simulation(sc, 0).run().summary().functions().get("chatty")
                .invocations().functionErrorCauses();
        assertTrue(causes.get("NoFreePortOnEni") > 0 && causes.get("ErrorPortAllocation") > 0, causes.toString());
        Plan p = new Planner(sc, 1, line -> { }).warmUp(0).plan();
        List<String> notes = p.sizingNotes().stream().filter(n -> n.contains("refused for want of ports")).toList();
        assertEquals(2, notes.size(), p.sizingNotes().toString());
        for (String n : notes) {
            assertTrue(n.contains("refused for want of ports on their ENIs and at their NAT gateway, about "), n);
            assertTrue(n.contains("the run does not count them per subnet; NoFreePortOnEni, ErrorPortAllocation)"), n);
            assertTrue(n.endsWith("; the NAT gateway's refusals are not the subnet's to cure: each of its addresses"
                    + " holds 55,000 connections to a destination, so give it more (natGateways[*].addresses, up to"
                    + " 8)"), n);
        }
    }
}
