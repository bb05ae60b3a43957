package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.metrics.RunSummary;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Functions that exist when the run starts ({@code existing:}, as {@code enisim import} writes them), and VPC
 * configs Lambda refuses, through the public path (scenario -> simulation -> summary). From the scenarios README:
 * an existing Active function has an in-use ENI per key at time 0 (its IPs and quota slots taken, no Pending); an
 * existing Inactive one has had its ENIs reclaimed, and its first invocation restores it; a security group of
 * another VPC than the subnets makes the function go Failed (InvalidSecurityGroup), and an update to such a
 * config fails (LastUpdateStatus Failed) leaving the function Active on its old config.
 */
class ExistingFunctionsTest {

    static final String SCENARIO = ExistingYaml.head("existing", ExistingYaml.FULL, "[sg-1, sg-2]") + """
              - id: vpc-2
                subnets: [{ id: subnet-z, cidr: 10.9.0.0/24, az: us-east-1a }]
                securityGroups: [sg-other]
            hyperplane: { eniCreateTime: 30s }
            functions:
              - name: warm
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                duration: 100ms
                arrivals: { constant: 1/s }
              - name: nofit
                existing: Active
                vpcConfig: { subnetIds: [full], securityGroupIds: [sg-1] }
                duration: 100ms
                arrivals: { constant: 1/s }
              - name: othervpc
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-other] }
                duration: 100ms
                arrivals: { constant: 1/s }
              - name: idle
                existing: Inactive
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-2] }
                duration: 100ms
                arrivals: { constant: 1/s }
            timeline:
              - at: 5m
                action: updateVpcConfig
                function: warm
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-other] }
            """;

    private CheckedRun checked;

    /**
     * Per test, not once per class: PIT attributes what a {@code @BeforeAll} runs to no test, so no mutant of the
     * code it covers would be run against these tests.
     */
    @BeforeEach
    void run() throws Exception {
        checked = CheckedRun.of(SCENARIO, "existing.yaml");
    }

    /** A function's transitions as State[/StateReasonCode]@seconds, in order. */
    static List<String> states(RunSummary.FunctionSummary f) {
        return f.transitions().stream().map(t -> t.state() + (t.reasonCode() == null ? "" : "/" + t.reasonCode())
                + "@" + t.atSeconds()).toList();
    }

    /** Constant 1/s over the run's [0 s, 600 s): 600 (601 while the run wrongly delivered the arrival at its end). */
    private static final long ARRIVALS = 600;

    @Test
    void anExistingActiveFunctionHasItsEniAtTimeZeroAndNeverWaits() {
        RunSummary.FunctionSummary warm = checked.fn("warm");
        assertEquals(List.of("Active@0.0"), checked.states("warm"), "no Pending");
        assertEquals(ARRIVALS, warm.invocations().total());
        assertEquals(ARRIVALS, warm.invocations().succeeded(), "every invocation ran, the first included");
        assertEquals(0.0, warm.longestPendingSeconds());
        // its ENI holds an address of subnet-a from 0 s (251 usable - 10 others), as does the one idle's first
        // invocation starts creating at 0 s; othervpc, Failed, holds none
        long[] free = series("subnet", "subnet-a", "Sim.SubnetAvailableIps");
        assertEquals(251 - 10 - 2, free[0]);
        assertEquals(1, checked.result().summary().eniKeys().get("subnet-a+[sg-1]").peakEnis());
    }

    @Test
    void anUpdateToAnotherVpcsSecurityGroupFailsAndKeepsTheOldConfig() {
        RunSummary.FunctionSummary warm = checked.fn("warm");
        assertEquals("Active", warm.finalState());
        assertEquals("Failed", warm.lastUpdateStatus());
        assertEquals(List.of(new RunSummary.Update(300.0, dev.enisim.model.function.LastUpdateStatus.Failed, dev.enisim.model.function.StateReasonCode.InvalidSecurityGroup)), warm.updates());
        assertEquals(1, checked.result().summary().eniKeys().get("subnet-a+[sg-1]").finalEnis(), "the old ENI stays");
    }

    @Test
    void anExistingFunctionWhoseEniDoesNotFitFails() {
        // full: a /28 has 11 usable addresses, all used by others
        assertEquals(List.of("Pending/Creating@0.0", "Failed/SubnetOutOfIPAddresses@0.0"), checked.states("nofit"));
        assertEquals(ARRIVALS, checked.fn("nofit").invocations().errors().get("SubnetIPAddressLimitReachedException"));
        assertEquals(0, checked.result().summary().eniKeys().get("full+[sg-1]").peakEnis());
    }

    @Test
    void anExistingFunctionWithAnotherVpcsSecurityGroupFails() {
        assertEquals(List.of("Pending/Creating@0.0", "Failed/InvalidSecurityGroup@0.0"), checked.states("othervpc"));
        assertEquals(ARRIVALS, checked.fn("othervpc").invocations().errors().get("InvalidSecurityGroupIDException"));
    }

    /** idle: Inactive at 0; the invocation at 0 s restores it (Pending, Restoring) for the 30 s ENI creation. */
    @Test
    void anExistingInactiveFunctionIsRestoredByItsFirstInvocation() {
        assertEquals(List.of("Active@0.0", "Inactive/Idle@0.0", "Pending/Restoring@0.0", "Active@30.0"),
                checked.states("idle"));
        RunSummary.FunctionSummary idle = checked.fn("idle");
        assertEquals(ARRIVALS, idle.invocations().total());
        assertEquals(ARRIVALS - 30, idle.invocations().succeeded(), "all but those of the first 30 s");
        assertEquals(30.0, idle.longestPendingSeconds());
        assertEquals(1, checked.result().summary().eniKeys().get("subnet-a+[sg-2]").finalEnis());
        long[] free = series("subnet", "subnet-a", "Sim.SubnetAvailableIps");
        assertEquals(251 - 10 - 2, free[free.length - 1], "warm's ENI and idle's");
    }

    private long[] series(String scope, String id, String metric) {
        return checked.result().timeSeries().series().stream()
                .filter(s -> s.scope().id().equals(scope) && s.id().equals(id) && s.metric().metric().equals(metric))
                .findFirst().orElseThrow().values();
    }
}
