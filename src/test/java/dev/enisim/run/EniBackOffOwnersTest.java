package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Whose the wait after a failed ENI creation ({@code hyperplane.eniRetryBackoff}) is. A failure for the execution
 * role's EC2 permissions is that role's: it blocked every other function of the key (a good function created on the
 * same subnet and group went Failed, InsufficientRolePermissions, and 480 of its invocations got
 * EC2AccessDeniedException; a key shared with a revoked role never scaled out). A failure for lack of IPs or quota is
 * the key's ({@code eniRetryBackoffScope: key}, the default) or the failed function's ({@code function}); a function
 * the key's back-off refuses says so, not "no ENI could be created".
 */
class EniBackOffOwnersTest {

    private static RunResult run(String yaml) throws Exception {
        return new Simulation(ScenarioLoader.parse(yaml, "t.yaml"), 0).run();
    }

    private static long errors(RunSummary.FunctionSummary f, String error) {
        return f.invocations().errors().getOrDefault(error, 0L);
    }

    /** The cause of the function's last transition. */
    private static String lastCause(RunSummary.FunctionSummary f) {
        List<RunSummary.Transition> ts = f.transitions();
        return ts.get(ts.size() - 1).cause();
    }

    // ---- a role's permissions ----------------------------------------------------------------------------------

    /** f1's role has lost its EC2 permissions; f1 is created at 1 min, f2 (its own role) at 2 min, same key. */
    private static final String ROLES = """
            name: role-back-off
            duration: 10m
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                securityGroups: [sg-a]
            hyperplane: { eniCreateTime: 60s }
            functions:
              - name: f1
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                duration: 100ms
                arrivals: { none: true }
                createdAt: 1m
              - name: f2
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                duration: 100ms
                arrivals: { constant: 1/s, from: 2m }
                createdAt: 2m
            timeline:
              - { at: 0s, action: revokeRolePermissions, role: f1-role }
            """;

    @Test
    void aRoleWithoutPermissionsDoesNotHoldBackAnotherRolesFunctionOnTheKey() throws Exception {
        RunSummary s = run(ROLES).summary();
        RunSummary.FunctionSummary f1 = s.functions().get("f1");
        RunSummary.FunctionSummary f2 = s.functions().get("f2");
        assertEquals("Failed", f1.finalState());
        assertEquals(StateReasonCode.InsufficientRolePermissions, f1.finalReasonCode());
        assertEquals("Active", f2.finalState(), f2.transitions().toString());
        assertEquals(0, errors(f2, "EC2AccessDeniedException"));
        assertEquals(1, s.eniKeys().get("subnet-a+[sg-a]").peakEnis());
    }

    @Test
    void theRoleItselfWaitsAndIsToldItIsBackingOff() throws Exception {
        // f1 deleted and created again at 3 min (within its role's 5 min), then at 7 min (after them)
        RunSummary.FunctionSummary f1 = run(ROLES.replace("arrivals: { constant: 1/s, from: 2m }\n    createdAt: 2m",
                "arrivals: { none: true }\n    createdAt: 20m") + """
                  - { at: 3m, action: deleteFunction, function: f1 }
                  - { at: 3m, action: createFunction, function: f1 }
                  - { at: 7m, action: deleteFunction, function: f1 }
                  - { at: 7m, action: createFunction, function: f1 }
                """).summary().functions().get("f1");
        List<String> failed = f1.transitions().stream().filter(t -> t.state().name().equals("Failed"))
                .map(RunSummary.Transition::cause).toList();
        assertEquals(List.of("no ENI could be created for subnet-a+[sg-a]",
                "ENI creation for subnet-a+[sg-a] by role f1-role is backing off after its failure 2 min before"
                        + " (InsufficientRolePermissions); Lambda tries again only 3 min from now"
                        + " (hyperplane.eniRetryBackoff)",
                "no ENI could be created for subnet-a+[sg-a]"), failed);
    }

    @Test
    void aKeyFullOfARevokedRolesConnectionsStillScalesOutForAnotherRole() throws Exception {
        // 10 connections an ENI; fbad (8 at a time) loses its permissions, its scale-outs fail; fgood's 5 more from
        // 5 min need a second ENI, which fgood's role may create
        RunSummary s = run("""
                name: scale-out-role
                duration: 15m
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                    securityGroups: [sg-a]
                hyperplane: { eniCreateTime: 60s, connectionsPerEni: 10 }
                functions:
                  - name: fbad
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                    duration: 1s
                    arrivals: { constant: 8/s, from: 2m }
                  - name: fgood
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                    duration: 1s
                    arrivals: { constant: 5/s, from: 5m }
                timeline:
                  - { at: 1m30s, action: revokeRolePermissions, role: fbad-role }
                """).summary();
        assertEquals(0, errors(s.functions().get("fgood"), "EC2AccessDeniedException"));
        assertEquals(2, s.eniKeys().get("subnet-a+[sg-a]").peakEnis());
    }

    // ---- lack of IPs: hyperplane.eniRetryBackoffScope -----------------------------------------------------------

    /**
     * A /28 full at first: f1's creation fails at 0; other tenants shrink to 5 at 1 min, leaving 6 free; f2 is created
     * on the same key at 2 min, inside the 5 min back-off.
     */
    private static final String FULL = """
            name: ip-back-off
            duration: 10m
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/28, az: us-east-1a, otherUsedIps: 11 }
                securityGroups: [sg-a]
            hyperplane: { eniCreateTime: 60s }
            functions:
              - name: f1
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                duration: 100ms
                arrivals: { none: true }
              - name: f2
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                duration: 100ms
                arrivals: { none: true }
                createdAt: 2m
            timeline:
              - { at: 1m, action: setOtherUsedIps, subnet: subnet-a, otherUsedIps: 5 }
            """;

    @Test
    void underTheKeyScopeANewFunctionFailsAndItsCauseNamesTheBackOff() throws Exception {
        RunSummary.FunctionSummary f2 = run(FULL).summary().functions().get("f2");
        assertEquals("Failed", f2.finalState());
        assertEquals(StateReasonCode.SubnetOutOfIPAddresses, f2.finalReasonCode());
        assertEquals("ENI creation for subnet-a+[sg-a] is backing off after its failure 2 min before"
                + " (SubnetOutOfIPAddresses); Lambda tries again only 3 min from now (hyperplane.eniRetryBackoff)",
                lastCause(f2));
    }

    @Test
    void underTheFunctionScopeANewFunctionTriesAtOnce() throws Exception {
        RunSummary s = run(FULL.replace("hyperplane: { eniCreateTime: 60s }",
                "hyperplane: { eniCreateTime: 60s, eniRetryBackoffScope: function }")).summary();
        assertEquals("Failed", s.functions().get("f1").finalState());
        assertEquals("Active", s.functions().get("f2").finalState(), s.functions().get("f2").transitions().toString());
    }

    @Test
    void underTheFunctionScopeAFailedFunctionDeletedAndCreatedAgainTriesAtOnce() throws Exception {
        String again = FULL.replace("    createdAt: 2m\n", "    createdAt: 20m\n") + """
                  - { at: 2m, action: deleteFunction, function: f1 }
                  - { at: 2m, action: createFunction, function: f1 }
                """;
        assertEquals("Active", run(again.replace("hyperplane: { eniCreateTime: 60s }",
                "hyperplane: { eniCreateTime: 60s, eniRetryBackoffScope: function }")).summary().functions().get("f1")
                .finalState(), "AWS's way out of a failed creation");
        RunSummary.FunctionSummary keyScope = run(again).summary().functions().get("f1");
        assertEquals("Failed", keyScope.finalState(), "the key's back-off holds the new f1 too");
        assertTrue(lastCause(keyScope).startsWith("ENI creation for subnet-a+[sg-a] is backing off"), lastCause(keyScope));
    }

    @Test
    void theScopeIsKeyOrFunction() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(FULL.replace(
                "hyperplane: { eniCreateTime: 60s }", "hyperplane: { eniCreateTime: 60s, eniRetryBackoffScope: role }"),
                "t.yaml"));
        assertEquals(List.of("hyperplane.eniRetryBackoffScope: expected one of [key, function] (whose the back-off"
                + " is), got 'role'"), e.problems().stream().map(p -> p.path() + ": " + p.message()).toList());
    }
}
