package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.Series;
import dev.enisim.model.EgressLimits;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The bound on a function's hot destinations is stated once ({@link EgressLimits#MAX_DESTINATIONS}): the
 * reader refuses one more, naming the bound, and a function at the bound runs, each destination's connections
 * counted at the gateway (the model's scratch array is as long as the reader lets through).
 */
class EgressDestinationsBoundTest {

    private static String scenario(int destinations) {
        StringBuilder list = new StringBuilder();
        for (int d = 0; d < destinations; d++) {
            list.append(d == 0 ? "" : ", ").append("{ destination: d").append(d).append(", share: ")
                    .append(1.0 / 32).append(" }");
        }
        return """
                name: sixteen-destinations
                duration: 2m
                vpcs:
                  - id: v
                    subnets: [{ id: s, cidr: 10.0.0.0/24, az: a }]
                    securityGroups: [sg]
                    natGateways: [{ id: nat-a, az: a }]
                functions:
                  - name: f
                    vpcConfig: { subnetIds: [s], securityGroupIds: [sg] }
                    existing: Active
                    duration: 100ms
                    connectionsPerInvocation: 32
                    egress: { destinations: [""" + list + """
                ] }
                    arrivals: { poisson: 20/s }
                """;
    }

    @Test
    void theBoundIsSixteen() {
        assertEquals(16, EgressLimits.MAX_DESTINATIONS);
    }

    @Test
    void oneDestinationMoreThanTheBoundIsRefusedNamingIt() {
        int over = EgressLimits.MAX_DESTINATIONS + 1;
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> ScenarioLoader.parse(scenario(over), "seventeen.yaml"));
        assertTrue(e.getMessage().contains("functions[0].egress.destinations: at most 16 hot destinations per function,"
                + " got 17 (a bound of enisim's model, not an AWS limit"), e.getMessage());
    }

    @Test
    void aFunctionAtTheBoundRunsWithEveryDestinationCounted() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(scenario(EgressLimits.MAX_DESTINATIONS),
                "sixteen.yaml"), 0).run();
        Map<String, Long> peaks = new TreeMap<>();
        for (Series s : r.timeSeries().series()) {
            if (s.metric().metric().equals("Sim.NatConnections") && !s.id().isEmpty()) {
                long p = 0;
                for (long v : s.values()) {
                    p = Math.max(p, v);
                }
                peaks.put(s.id(), p);
            }
        }
        assertEquals(16, peaks.size(), peaks.toString());
        for (Map.Entry<String, Long> p : peaks.entrySet()) {
            assertTrue(p.getValue() > 0, "connections through " + p.getKey() + ": " + peaks);
        }
    }
}
