package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.metrics.RunSummary;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/** Each declared NAT gateway is billed its hours over the run at the price table's hourly rate. */
class NatCostTest {

    private static RunSummary.Cost cost(String gateways) throws Exception {
        return cost(gateways, "2h");
    }

    private static RunSummary.Cost cost(String gateways, String duration) throws Exception {
        String yaml = """
                name: nat-cost
                duration: DURATION
                vpcs:
                  - id: v
                    subnets: [{ id: s, cidr: 10.0.0.0/24, az: a }]
                    securityGroups: [sg]
                """ + gateways + """
                functions:
                  - { name: f, vpcConfig: { subnetIds: [s], securityGroupIds: [sg] }, duration: 10ms,
                      arrivals: { poisson: 1/s } }
                prices: { natGatewayPerHour: 0.05 }
                """;
        return new Simulation(ScenarioLoader.parse(yaml.replace("DURATION", duration), "nat-cost.yaml"), 0).run().summary().cost();
    }

    @Test
    void twoGatewaysForTwoHoursCostFourGatewayHours() throws Exception {
        RunSummary.Cost none = cost("");
        RunSummary.Cost two = cost("""
                    natGateways: [{ id: nat-1, az: a }, { id: nat-2, az: a }]
                """);
        assertEquals(0, none.natGateway());
        assertEquals(2 * 2 * 0.05, two.natGateway(), 1e-12, "2 gateways x 2 h x $0.05");
        assertEquals(none.total() + 0.2, two.total(), 1e-9, "the rest of the bill is the same");
    }

    /** "Each partial NAT Gateway-hour consumed is billed as a full hour" (AWS VPC pricing): 30 min is 1 h, 61 min 2. */
    @Test
    void aPartialGatewayHourIsBilledAsAFullHour() throws Exception {
        String one = """
                    natGateways: [{ id: nat-1, az: a }]
                """;
        assertEquals(0.05, cost(one, "30m").natGateway(), 1e-12, "30 min: one gateway-hour");
        assertEquals(2 * 0.05, cost(one, "61m").natGateway(), 1e-12, "61 min: two gateway-hours");
        assertEquals(1, dev.enisim.metrics.CostEstimate.natGatewayHours(0, 3_600_000_000L));
        assertEquals(1, dev.enisim.metrics.CostEstimate.natGatewayHours(1_800_000_000L, 3_600_000_000L),
                "after a 30-minute warm-up, the hour under way is billed, once");
        assertEquals(2, dev.enisim.metrics.CostEstimate.natGatewayHours(1_800_000_000L, 3_660_000_000L));
    }
}
