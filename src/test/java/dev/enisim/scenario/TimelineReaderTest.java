package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.model.SimEvent;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every timeline action read into its record, in time order; each one's bad fields at their paths. */
class TimelineReaderTest {

    private static final String BASE = """
            name: timeline
            duration: 2h
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }
                  - { id: subnet-b, cidr: 10.0.1.0/24, az: us-east-1b }
                securityGroups: [sg-1, sg-2]
            functions:
              - name: api
                role: api-role
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            timeline:
            """;

    private static List<Scenario.At> read(String... actions) throws ScenarioException {
        return ScenarioLoader.parse(BASE + "  - " + String.join("\n  - ", actions) + "\n", "t.yaml").timeline();
    }

    private static List<String> problems(String... actions) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> read(actions));
        return e.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
    }

    @Test
    void everyActionIsReadIntoItsRecordInTimeOrder() throws Exception {
        List<Scenario.At> t = read(
                "{ at: 50m, action: deleteOrphanedEnis }",
                "{ at: 10m, action: updateVpcConfig, function: api, vpcConfig: { subnetIds: [subnet-b],"
                        + " securityGroupIds: [sg-2] } }",
                "{ at: 5m, action: publishVersion, function: api }",
                "{ at: 20m, action: deleteVersion, function: api, version: 1 }",
                "{ at: 25m, action: revokeRolePermissions, role: api-role }",
                "{ at: 26m, action: grantRolePermissions, role: api-role }",
                "{ at: 30m, action: setOtherUsedIps, subnet: subnet-b, otherUsedIps: 251 }",
                "{ at: 40m, action: azOutage, az: us-east-1b, until: 45m }",
                "{ at: 41m, action: azOutage, az: us-east-1a }",
                "{ at: 50m, action: deleteOrphanedEnis, subnet: subnet-a }",
                "{ at: 60m, action: deleteFunction, function: api }",
                "{ at: 70m, action: createFunction, function: api }",
                "{ at: 80m, action: deleteRole, role: api-role }",
                "{ at: 90m, action: createFunction, function: api, vpcConfig: { subnetIds: [], securityGroupIds: [] } }");
        long min = 60_000_000L;
        // names resolved to indices in the scenario's order: function api 0, role api-role 0, subnet-a 0,
        // subnet-b 1, sg-1 0, sg-2 1, us-east-1a 0, us-east-1b 1; an outage with an end is its down and up, together
        assertEquals(List.of(
                new Scenario.At(5 * min, new SimEvent.PublishVersion(0)),
                new Scenario.At(10 * min, new SimEvent.UpdateVpcConfig(0, new SimEvent.VpcConfig(List.of(1), List.of(1)))),
                new Scenario.At(20 * min, new SimEvent.DeleteVersion(0, 1)),
                new Scenario.At(25 * min, new SimEvent.SetRolePermissions(0, false, false)),
                new Scenario.At(26 * min, new SimEvent.SetRolePermissions(0, true, false)),
                new Scenario.At(30 * min, new SimEvent.SetOtherUsedIps(1, 251)),
                new Scenario.At(40 * min, new SimEvent.AzAvailability(1, true)),
                new Scenario.At(45 * min, new SimEvent.AzAvailability(1, false)), // an outage's end follows its start
                new Scenario.At(41 * min, new SimEvent.AzAvailability(0, true)),
                new Scenario.At(50 * min, new SimEvent.DeleteOrphanedEnis(OptionalInt.empty())),
                new Scenario.At(50 * min, new SimEvent.DeleteOrphanedEnis(OptionalInt.of(0))),
                new Scenario.At(60 * min, new SimEvent.DeleteFunction(0)),
                new Scenario.At(70 * min, new SimEvent.CreateFunction(0)),
                new Scenario.At(80 * min, new SimEvent.SetRolePermissions(0, false, true)),
                new Scenario.At(90 * min, new SimEvent.CreateFunction(0, SimEvent.VpcConfig.NONE))), t,
                "sorted by start time, equal times in file order; the event loop orders the end of an outage");
    }

    /**
     * PutProvisionedConcurrencyConfig and DeleteProvisionedConcurrencyConfig (amount 0); at most the unreserved
     * concurrency (1,000 - 100 by default: the 901 case below is refused).
     */
    @Test
    void provisionedConcurrencyActionsAreRead() throws Exception {
        List<Scenario.At> t = read("{ at: 1m, action: putProvisionedConcurrencyConfig, function: api,"
                + " provisionedConcurrency: 900 }", "{ at: 2m, action: deleteProvisionedConcurrencyConfig, function: api }");
        assertEquals(List.of(new Scenario.At(60_000_000L, new SimEvent.PutProvisionedConcurrency(0, 900)),
                new Scenario.At(120_000_000L, new SimEvent.PutProvisionedConcurrency(0, 0))), t);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "{ at: 1m, action: publishVersion, function: api, extra: 1 } | timeline[0].extra",
        "{ at: 1m, action: deleteFunction, function: apj }            | timeline[0].function",
        "{ at: 1m, action: deleteFunction }                           | timeline[0].function",
        "{ at: 1m, action: createFunction, function: api, x: 1 }      | timeline[0].x",
        "{ at: 1m, action: createFunction, function: nope }           | timeline[0].function",
        "{ at: 1m, action: updateVpcConfig, function: api }           | timeline[0].vpcConfig",
        "{ at: 1m, action: updateVpcConfig, function: api, y: 1, vpcConfig: { subnetIds: [], securityGroupIds: [] } }"
                + " | timeline[0].y",
        "{ at: 1m, action: updateVpcConfig, function: api, vpcConfig: { subnetIds: [subnet-z], securityGroupIds:"
                + " [sg-1] } } | timeline[0].vpcConfig.subnetIds[0]",
        "{ at: 1m, action: deleteVersion, function: api }             | timeline[0].version",
        "{ at: 1m, action: deleteVersion, function: api, version: 0 } | timeline[0].version",
        "{ at: 1m, action: deleteVersion, function: api, version: 1, v: 1 } | timeline[0].v",
        "{ at: 1m, action: deleteRole }                               | timeline[0].role",
        "{ at: 1m, action: deleteRole, role: other-role }             | timeline[0].role",
        "{ at: 1m, action: revokeRolePermissions, role: api-role, z: 1 } | timeline[0].z",
        "{ at: 1m, action: setOtherUsedIps, subnet: subnet-a }        | timeline[0].otherUsedIps",
        "{ at: 1m, action: setOtherUsedIps, otherUsedIps: 3 }         | timeline[0].subnet",
        "{ at: 1m, action: setOtherUsedIps, subnet: subnet-q, otherUsedIps: 3 } | timeline[0].subnet",
        "{ at: 1m, action: setOtherUsedIps, subnet: subnet-a, otherUsedIps: 65537 } | timeline[0].otherUsedIps",
        "{ at: 1m, action: setOtherUsedIps, subnet: subnet-a, otherUsedIps: 3, w: 1 } | timeline[0].w",
        "{ at: 1m, action: azOutage, az: us-east-1a, until: 1m }      | timeline[0].until",
        "{ at: 1m, action: azOutage, az: us-east-1c }                 | timeline[0].az",
        "{ at: 1m, action: azOutage }                                 | timeline[0].az",
        "{ at: 1m, action: azOutage, az: us-east-1a, q: 1 }           | timeline[0].q",
        "{ at: 1m, action: deleteOrphanedEnis, subnet: subnet-q }     | timeline[0].subnet",
        "{ at: 1m, action: deleteOrphanedEnis, r: 1 }                 | timeline[0].r",
        "{ at: 1m, action: deleteFunctoin, function: api }            | timeline[0].action",
        "{ action: deleteFunction, function: api }                    | timeline[0].at",
        "{ at: 1m, function: api }                                    | timeline[0].action",
        "{ at: 1m, action: putProvisionedConcurrencyConfig, function: api } | timeline[0].provisionedConcurrency",
        "{ at: 1m, action: putProvisionedConcurrencyConfig, function: api, provisionedConcurrency: 0 }"
                + " | timeline[0].provisionedConcurrency",
        "{ at: 1m, action: putProvisionedConcurrencyConfig, function: api, provisionedConcurrency: 901 }"
                + " | timeline[0].provisionedConcurrency",
        "{ at: 1m, action: deleteProvisionedConcurrencyConfig, function: api, n: 1 } | timeline[0].n",
    })
    void eachBadFieldIsReportedAtItsPath(String action, String path) {
        List<String> p = problems(action);
        assertEquals(1, p.size(), p.toString());
        assertEquals(path, p.get(0).substring(0, p.get(0).indexOf(": ")), p.toString());
    }

    @Test
    void anAzOutageEndsAfterItStartsAndAVersionIsAPositiveNumber() throws Exception {
        assertEquals(List.of(new Scenario.At(60_000_000L, new SimEvent.AzAvailability(0, true)),
                new Scenario.At(60_000_001L, new SimEvent.AzAvailability(0, false))),
                read("{ at: 1m, action: azOutage, az: us-east-1a, until: 60000001us }"));
        assertEquals(List.of(new Scenario.At(0, new SimEvent.SetOtherUsedIps(0, 0))),
                read("{ at: 0s, action: setOtherUsedIps, subnet: subnet-a, otherUsedIps: 0 }"));
        assertEquals("timeline[0].action: unknown action 'deleteFunctoin' (expected one of: createFunction, "
                + "updateVpcConfig, publishVersion, deleteVersion, deleteFunction, deleteRole, revokeRolePermissions, "
                + "grantRolePermissions, setOtherUsedIps, setOtherUsedEnis, azOutage, deleteOrphanedEnis, putProvisionedConcurrencyConfig, "
                + "deleteProvisionedConcurrencyConfig); did you mean "
                + "'deleteFunction'?", problems("{ at: 1m, action: deleteFunctoin, function: api }").get(0));
    }

    /**
     * The action table covers the timeline: every control record but the run's own {@code ExistingFunction} is
     * made by some action of {@link SimEvent#ACTIONS}, each name once, and scenarios/README.md documents each one.
     */
    @Test
    void theActionTableMakesEveryControlRecord() throws Exception {
        SimEvent.ActionFields zeros = new SimEvent.ActionFields() {
            public int function(String key) {
                return 0;
            }

            public int role(String key) {
                return 0;
            }

            public int subnet(String key) {
                return 0;
            }

            public java.util.OptionalInt optionalSubnet(String key) {
                return java.util.OptionalInt.empty();
            }

            public int vpc(String key) {
                return 0;
            }

            public int az(String key) {
                return 0;
            }

            public int count(String key, int min, int max) {
                return min;
            }

            public int subnetAddresses(String key, int subnet) {
                return 0;
            }

            public int provisionedConcurrency(String key, int function) {
                return 1;
            }

            public java.util.Optional<SimEvent.VpcConfig> vpcConfig(String key) {
                return java.util.Optional.empty();
            }

            public SimEvent.VpcConfig requiredVpcConfig(String key, String hint) {
                return SimEvent.VpcConfig.NONE;
            }

            public void until(String key, SimEvent.Control end) {
            }
        };
        java.util.Set<Class<?>> made = new java.util.HashSet<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("scenarios/README.md"));
        for (SimEvent.Action a : SimEvent.ACTIONS) {
            made.add(a.read().apply(zeros).getClass());
            assertEquals(true, names.add(a.name()), a.name() + " twice");
            assertEquals(true, doc.contains("`" + a.name() + "`"), a.name() + " not in scenarios/README.md");
        }
        java.util.Set<Class<?>> records = new java.util.HashSet<>(List.of(SimEvent.Control.class
                .getPermittedSubclasses()));
        records.remove(SimEvent.ExistingFunction.class);
        assertEquals(records, made);
    }
}
