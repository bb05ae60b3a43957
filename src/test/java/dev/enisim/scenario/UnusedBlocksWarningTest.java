package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Figures set where the run does not read them are warned of: `--set legacy.eniLimit=1` on a Hyperplane scenario,
 * or a legacy burst under per-function scaling, ran as if unset without a word (the CI team's review).
 */
class UnusedBlocksWarningTest {

    private static List<String> warnings(String head) throws Exception {
        return ScenarioLoader.warnings(ScenarioLoader.parse(OneSubnetYaml.of("name: u\nduration: 10m\n" + head,
                "name: f\nduration: 100ms\narrivals: { poisson: 1/s }"), "u.yaml"));
    }

    @Test
    void legacyFiguresUnderHyperplaneAreWarnedOf() throws Exception {
        assertEquals(List.of("u.yaml: legacy: its figures apply only under networkModel: legacy (this scenario runs"
                + " the Hyperplane model; compare-network-models and plan --both-network-models use them for the"
                + " legacy side)"), warnings("legacy: { eniLimit: 1 }"));
        assertEquals(List.of(), warnings("networkModel: legacy\nlegacy: { eniLimit: 100 }"), "read: no warning");
        assertEquals(List.of(), warnings(""), "nothing set, nothing said");
    }

    @Test
    void aLegacyBurstUnderPerFunctionScalingIsWarnedOf() throws Exception {
        List<String> w = warnings("scaling: { burst: 500 }");
        assertEquals(1, w.size(), w.toString());
        assertTrue(w.get(0).startsWith("u.yaml: scaling: burst and burstIncreasePerMinute apply only with model:"
                + " legacy-burst"), w.get(0));
        assertEquals(List.of(), warnings("scaling: { model: legacy-burst, burst: 500 }"));
    }

    @Test
    void asyncAndSqsFiguresWithNoFunctionToReadThemAreWarnedOf() throws Exception {
        assertEquals(List.of("u.yaml: async: its figures apply only to functions with invocationType: Event (none"
                + " here): they change nothing"), warnings("async: { backoffFactor: 3 }"));
        assertEquals(List.of("u.yaml: sqs: its figures apply only to functions fed by an SQS queue"
                + " (eventSourceMapping; none here): they change nothing"), warnings("sqs: { maxBatches: 5 }"));
        assertEquals(List.of(), ScenarioLoader.warnings(ScenarioLoader.parse(OneSubnetYaml.of("name: u\nduration:"
                + " 10m\nasync: { backoffFactor: 3 }", "name: f\nduration: 100ms\ninvocationType: Event\narrivals:"
                + " { poisson: 1/s }"), "u.yaml")), "read by an Event function: no warning");
    }

    /**
     * Another account's networkInterfacesPerRegion is its own quota (each account's ENIs count against it): nothing
     * to warn of. It was warned of as unused while the Region was counted once, against the first account's.
     */
    @Test
    void anotherAccountsRegionQuotaIsNotWarnedOf() throws Exception {
        String yaml = """
                name: accounts
                duration: 10m
                accounts:
                  - { id: "111111111111", networkInterfacesPerRegion: 2 }
                  - { id: "222222222222", networkInterfacesPerRegion: %s }
                vpcs:
                  - id: vpc-1
                    owner: "111111111111"
                    subnets: [{ id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }]
                    securityGroups: [sg-a]
                functions:
                  - { name: b1, account: "222222222222", duration: 100ms, arrivals: { constant: 1/m },
                      vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] } }
                """;
        assertEquals(List.of(), ScenarioLoader.warnings(ScenarioLoader.parse(yaml.formatted("5000"), "a.yaml")));
        assertEquals(List.of(), ScenarioLoader.warnings(ScenarioLoader.parse(yaml.formatted("2"), "a.yaml")),
                "the same figure: nothing said");
    }
}
