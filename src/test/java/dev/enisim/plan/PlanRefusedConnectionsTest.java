package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The refused invocations' connections by Little's law ({@code Planner.refusedConnections}) and the share of a
 * function's port refusals put on each of its subnets ({@code Planner.share}), on a plan of one minute: {@code chatty}
 * (subnets a and b, 20 calls a second of 1 s, 6,000 connections each to a database through the NAT gateway of its
 * zone) runs each gateway's one address out of ports (ErrorPortAllocation, 273 refusals in the demand run), while its
 * ENIs, of 200,000 connections each, never fill. No subnet is known to have refused, so the refusals are shared
 * evenly among both: 136.5 each, said as about 137; their connections, 273 / 60 s x 1 s x 6,000 x 1/2 = 13,650 at a
 * time in each subnet. Connections per invocation and shares other than 1 are what tell a product from a quotient.
 * The note says where the ports ran out: at the NAT gateway, none of the ENIs full (until session 43 it said "refused
 * for want of ports on their ENIs ... shared among their subnets whose ENIs reached 200,000 connections", though the
 * gateway refused them and no ENI filled), and that the gateway's addresses, not the subnet's size, would cure it.
 */
class PlanRefusedConnectionsTest {

    /**
     * {@code chatty} in subnets a and b of one VPC for a minute, formatted with the ENIs' connections, the VPC's NAT
     * gateways (or nothing) and the function's connections and traffic.
     */
    private static final String TWO_SUBNETS = """
            name: refused
            seed: 1
            duration: 1m
            bucket: 10s
            hyperplane: { connectionsPerEni: %d }
            vpcs:
              - id: v
                subnets:
                  - { id: a, cidr: 10.0.0.0/24, az: a }
                  - { id: b, cidr: 10.0.1.0/24, az: b }
                securityGroups: [sg-1]
                %s
            functions:
              - { name: chatty, existing: Active, vpcConfig: { subnetIds: [a, b], securityGroupIds: [sg-1] },
                  initDuration: 0s, duration: 1s, %s }
            """;

    static final String NAT_TWO_ZONES = TWO_SUBNETS.formatted(200_000,
            "natGateways: [{ id: nat-a, az: a }, { id: nat-b, az: b }]", "connectionsPerInvocation: 6000,"
            + " arrivals: { poisson: 20/s }, egress: { destinations: [{ destination: db }] }");

    @Test
    void refusalsNoSubnetIsKnownToHaveMadeAreSharedAmongAllAndCountedByLittlesLaw() throws Exception {
        assertNotes(NAT_TWO_ZONES, "about 137 (", "about 13,650 at a time");
    }

    @Test
    void aNatGatewaysRefusalsAreSaidAsTheGatewaysNotTheEnisAndTheirCureIsTheGatewaysAddresses() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse(NAT_TWO_ZONES, "refused"), 1, line -> { }).warmUp(0).plan();
        List<String> notes = p.sizingNotes().stream().filter(n -> n.contains("refused for want of ports")).toList();
        assertEquals(2, notes.size(), p.sizingNotes().toString());
        for (String n : notes) {
            assertTrue(n.contains("refused for want of ports at their NAT gateway, about 137 (the functions' refusals"
                    + " shared evenly among their subnets, none of whose ENIs reached 200,000 connections; the run does"
                    + " not count them per subnet; ErrorPortAllocation) even at /16"), n);
            assertTrue(n.endsWith("; the NAT gateway's refusals are not the subnet's to cure: each of its addresses"
                    + " holds 55,000 connections to a destination, so give it more (natGateways[*].addresses, up to"
                    + " 8)"), n);
            assertFalse(n.contains("on their ENIs") || n.contains("NoFreePortOnEni"), n);
        }
        dev.enisim.scenario.Scenario sc = ScenarioLoader.parse(NAT_TWO_ZONES, "refused");
        List<String> details = Planner.hitDetails(new dev.enisim.run.Simulation(sc, 0).run().summary(), sc);
        String line = details.stream().filter(d -> d.startsWith("connections: chatty")).findFirst().orElseThrow();
        assertTrue(line.endsWith("could not open their connections (ErrorPortAllocation: no port left at their NAT"
                + " gateway, whose addresses hold 55,000 connections to a destination each; more addresses"
                + " (natGateways[*].addresses, up to 8) raise it, a larger subnet does not)"), line);
    }

    /** The ENIs' own refusals (both subnets full, below) are said as the ENIs', with no word of a gateway. */
    @Test
    void anEnisRefusalsAreSaidAsTheEnisWithNoGatewayAdvice() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse(TWO_FULL_SUBNETS, "refused"), 1, line -> { }).warmUp(0).plan();
        for (String n : p.sizingNotes().stream().filter(x -> x.contains("refused for want of ports")).toList()) {
            assertTrue(n.contains("refused for want of ports on their ENIs, about 261 (the functions' refusals shared"
                    + " among their subnets whose ENIs reached 1,000 connections; the run does not count them per"
                    + " subnet; NoFreePortOnEni) even at /16"), n);
            assertFalse(n.contains("NAT") || n.contains("ErrorPortAllocation"), n);
        }
    }

    /**
     * Both subnets' ENIs (1,000 connections each) fill: {@code chatty} (20 calls a second of 1 s, 150 connections per
     * invocation and 50 per environment) refuses 521 invocations with NoFreePortOnEni, shared between the two subnets
     * that ran out (260.5 each, said as about 261); their connections, 521 / 60 s x 1 s x (150 + 50) x 1/2 = 868 at a
     * time in each.
     */
    static final String TWO_FULL_SUBNETS = TWO_SUBNETS.formatted(1000, "", "connectionsPerInvocation: 150,"
            + " connectionsPerEnvironment: 50, arrivals: { poisson: 20/s }");

    @Test
    void refusalsAreSharedAmongTheSubnetsThatRanOutWithEachEnvironmentsConnections() throws Exception {
        assertNotes(TWO_FULL_SUBNETS, "about 261 (", "about 868 at a time");
    }

    private static void assertNotes(String yaml, String refused, String connections) throws Exception {
        Plan p = new Planner(ScenarioLoader.parse(yaml, "refused"), 1, line -> { }).warmUp(0).plan();
        List<String> notes = p.sizingNotes().stream().filter(n -> n.contains("refused for want of ports")).toList();
        assertEquals(2, notes.size(), "one note per subnet, each with half the refusals: " + p.sizingNotes());
        for (int i = 0; i < 2; i++) {
            String n = notes.get(i);
            assertEquals(List.of("a", "b").get(i), n.substring(0, n.indexOf(':')), n);
            assertTrue(n.contains(", " + refused + "the functions' refusals shared"), n);
            assertTrue(n.contains("(refused per second x mean duration x connections: " + connections + ")"), n);
        }
    }
}
