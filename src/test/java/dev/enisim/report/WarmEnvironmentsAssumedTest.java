package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An imported account's report says its functions started warm (`warmEnvironments: auto`, which `enisim import`
 * writes): an assumption that moves the run's first minutes, listed with the others in force; a scenario without
 * it lists nothing new.
 */
class WarmEnvironmentsAssumedTest {

    /** A ten-minute scenario named {@code name} of one subnet and group, its functions to follow. */
    private static String head(String name) {
        return Vpc1Yaml.head(name, "", false);
    }

    private static Scenario scenario(String api, String worker) throws Exception {
        return ScenarioLoader.parse(head("warm") + """
                  - { name: api, existing: Active, API
                      vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] },
                      duration: 200ms, arrivals: { poisson: 50/s } }
                  - { name: worker, existing: Active, WORKER
                      vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] },
                      duration: 200ms, arrivals: { poisson: 5/s } }
                  - { name: cron, existing: Active, warmEnvironments: auto,
                      vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] },
                      duration: 200ms, arrivals: { poisson: 1/s } }
                """.replace("API", api).replace("WORKER", worker), "warm");
    }

    private static List<Assumptions.Row> warm(Scenario s) {
        return Assumptions.rows(s).stream().filter(r -> r.field().equals("functions[*].warmEnvironments")).toList();
    }

    @Test
    void theWarmStartIsAnAssumptionInForceCountedBySetting() throws Exception {
        assertEquals(List.of(new Assumptions.Row("functions[*].warmEnvironments", "auto (2 functions), 3 (1 function)")),
                warm(scenario("warmEnvironments: auto,", "warmEnvironments: 3,")));
        assertEquals(List.of(new Assumptions.Row("functions[*].warmEnvironments", "auto (1 function)")),
                warm(scenario("", "warmEnvironments: 0,")), "0, written or not, is no warm start");
    }

    @Test
    void withoutItNothingIsSaid() throws Exception {
        Scenario none = ScenarioLoader.parse(scenarioText(), "cold");
        assertTrue(warm(none).isEmpty());
    }

    private static String scenarioText() {
        return head("cold") + """
                  - { name: api, existing: Active, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] },
                      duration: 200ms, arrivals: { poisson: 50/s } }
                """;
    }
}
