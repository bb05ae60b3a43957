package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.function.StateReasonCode;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code existing: Failed} through the public path (scenario -> simulation, invariants checked -> summary): broke,
 * saved Failed for SubnetOutOfIPAddresses, reads as ranout, whose creation fails in the run for that reason (the same
 * states, the same Invoke error), and holds no ENI or address; DeleteFunction works on it; plain, Failed without a
 * stateReasonCode, is InternalError (its invocations: ResourceConflictException, as a cancelled function's).
 */
class ExistingFailedRunTest {

    static final String SCENARIO = ExistingYaml.head("existing-failed", ExistingYaml.FULL, "[sg-1, sg-2]")
            + "hyperplane: { eniCreateTime: 30s }\nfunctions:\n" + ExistingYaml.broke("{ constant: 1/s }") + """
              - name: ranout
                vpcConfig: { subnetIds: [full], securityGroupIds: [sg-2] }
                duration: 100ms
                arrivals: { constant: 1/s }
              - name: plain
                existing: Failed
                duration: 100ms
                arrivals: { constant: 1/s }
            timeline:
              - at: 5m
                action: deleteFunction
                function: broke
            """;

    private CheckedRun checked;

    @BeforeEach
    void run() throws Exception {
        checked = CheckedRun.of(SCENARIO, "existing-failed.yaml");
    }

    @Test
    void aFunctionSavedFailedStartsAsARunTimeFailureLeavesIt() {
        assertEquals(List.of("Pending/Creating@0.0", "Failed/SubnetOutOfIPAddresses@0.0"), checked.states("ranout"));
        assertEquals(List.of("Pending/Creating@0.0", "Failed/SubnetOutOfIPAddresses@0.0", "Deleted@300.0"),
                checked.states("broke"), "not created again: it never goes Active");
        assertEquals(300L, checked.fn("broke").invocations().errors().get("SubnetIPAddressLimitReachedException"));
        assertEquals(300L, checked.fn("broke").invocations().errors().get("ResourceNotFoundException"),
                "deleted at 5m");
        assertEquals(600L, checked.fn("ranout").invocations().errors().get("SubnetIPAddressLimitReachedException"));
        assertEquals(0L, checked.fn("broke").invocations().succeeded());
        assertEquals(0, checked.result().summary().eniKeys().get("subnet-a+[sg-1]").peakEnis(), "no ENI");
        long[] free = checked.result().timeSeries().series().stream().filter(s -> s.scope().id().equals("subnet")
                && s.id().equals("subnet-a") && s.metric().metric().equals("Sim.SubnetAvailableIps")).findFirst()
                .orElseThrow().values();
        for (long v : free) {
            assertEquals(251 - 10, v, "no address of its subnet taken");
        }
    }

    @Test
    void failedWithoutAReasonIsInternalError() {
        assertEquals("Failed", checked.fn("plain").finalState());
        assertEquals(StateReasonCode.InternalError, checked.fn("plain").finalReasonCode());
        assertEquals(600L, checked.fn("plain").invocations().errors().get("ResourceConflictException"));
    }
}
