package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.function.State;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An Inactive function whose restore fails goes back to Inactive (AWS's rule). A planner's summary said
 * {@code finalReasonCode: Idle} for it, and the story's explanation was the idle rule's, where the cause was a full
 * subnet: the reason code is now the failure's, and the story says why.
 */
public class RestoreFailsStoryTest {

    /** An Inactive function on a /28 (11 usable addresses) that other tenants fill: its restore finds no IP. */
    public static final String FULL = """
            name: restore-fails
            duration: 5m
            vpcs:
              - id: v
                subnets: [{ id: subnet-a, cidr: 10.0.0.0/28, az: a, otherUsedIps: 11 }]
                securityGroups: [sg]
            functions:
              - name: nightly
                existing: Inactive
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    private static RunResult run(String yaml) throws Exception {
        return new Simulation(ScenarioLoader.parse(yaml, "restore-fails"), 0).run();
    }

    @Test
    void theSummaryNamesTheFailureNotIdle() throws Exception {
        RunSummary.FunctionSummary f = run(FULL).summary().functions().get("nightly");
        assertEquals("Inactive", f.finalState());
        assertEquals(StateReasonCode.SubnetOutOfIPAddresses, f.finalReasonCode());
        List<RunSummary.Transition> back = f.transitions().stream()
                .filter(t -> t.state() == State.Inactive && t.reasonCode() == StateReasonCode.SubnetOutOfIPAddresses)
                .toList();
        assertEquals(1, back.size(), "the retries are counted on the first failure: " + f.transitions());
        long failures = f.invocations().errors().get("ResourceNotReadyException");
        assertEquals(failures - 1, back.get(0).retries(), "every invocation while Inactive tries the restore again");
        assertEquals(4, f.transitions().size(), f.transitions().toString());
    }

    @Test
    void theStoryExplainsTheFailedRestoreOnce() throws Exception {
        List<String> s = Narrative.lines(run(FULL));
        String all = String.join("\n", s);
        int back = NarrativeTeachesTest.lastLine(s,
                l -> l.contains("nightly -> Inactive (SubnetOutOfIPAddresses): restoring failed"));
        assertTrue(back > 0, all);
        assertEquals(1, s.stream().filter(l -> l.contains("why: Restoring the function's ENIs failed: the subnet had"
                + " no free address for a new ENI")).count(), all);
        assertTrue(all.contains("tries to restore it again. Lambda tries to create an ENI for the key again only 5m"
                + " after a failed creation (hyperplane.eniRetryBackoff)"), all);
        assertTrue(s.size() < 20, "the retries are one line, not three a retry: " + all);
    }

    @Test
    void theRetriesEndWhenTheSubnetHasRoomAndTheRestoreIsToldAsItHappens() throws Exception {
        RunResult r = run(FULL.replace("duration: 5m", "duration: 10m") + """
                timeline:
                  - { at: 2m, action: setOtherUsedIps, subnet: subnet-a, otherUsedIps: 0 }
                """);
        RunSummary.FunctionSummary f = r.summary().functions().get("nightly");
        assertEquals("Active", f.finalState(), f.transitions().toString());
        List<RunSummary.Transition> ts = f.transitions();
        RunSummary.Transition failed = ts.get(3);
        assertEquals(State.Inactive, failed.state());
        assertEquals(StateReasonCode.SubnetOutOfIPAddresses, failed.reasonCode());
        long invokedWhileInactive = r.summary().functions().get("nightly").invocations().errors()
                .get("ResourceNotReadyException");
        // Lambda waits hyperplane.eniRetryBackoff (5m) after the first failure before it creates an ENI again
        double firstTry = failed.atSeconds();
        assertTrue(failed.retries() > 100 && failed.lastRetryAtSeconds() < firstTry + 300, failed.toString());
        assertEquals(List.of(State.Active, State.Inactive, State.Pending, State.Inactive, State.Pending, State.Active),
                ts.stream().map(RunSummary.Transition::state).toList(), "the retries folded, the restore listed");
        assertTrue(ts.get(4).atSeconds() >= firstTry + 300 && ts.get(4).atSeconds() < firstTry + 310, ts.toString());

        List<String> s = Narrative.lines(r);
        String all = String.join("\n", s);
        int retried = NarrativeTeachesTest.lastLine(s, l -> l.contains("its restore was tried again "
                + failed.retries() + " times"));
        int restored = NarrativeTeachesTest.lastLine(s, l -> l.contains("nightly -> Pending (Restoring)"));
        int active = NarrativeTeachesTest.lastLine(s, l -> l.contains("nightly -> Active: all ENIs ready"));
        assertTrue(0 < retried && retried < restored && restored < active, all);
        // the failures before the restore are one spell, those while it ran another: every failure counted once
        long told = s.stream().filter(l -> l.contains("of nightly failed with ResourceNotReadyException"))
                .mapToLong(l -> Long.parseLong(l.substring(10, l.indexOf(" invocation")).replace(",", ""))).sum();
        assertEquals(invokedWhileInactive, told, all);
        assertEquals(failed.retries() + 1, s.stream().filter(l -> l.contains("of nightly failed with"
                + " ResourceNotReadyException (HTTP 502) between") && s.indexOf(l) < restored).mapToLong(l -> Long.parseLong(
                l.substring(10, l.indexOf(" invocation")).replace(",", ""))).sum(), "one failure per try: " + all);
    }

    @Test
    void theRunsHistoryGrowsWithTheLifecycleNotWithTheRetries() throws Exception {
        RunResult r = run(FULL.replace("poisson: 1/s", "poisson: 1000/s"));
        RunSummary.FunctionSummary f = r.summary().functions().get("nightly");
        assertTrue(f.invocations().total() > 250_000, f.invocations().toString());
        assertEquals(4, f.transitions().size(), f.transitions().toString());
        assertTrue(r.journal().size() < 10, r.journal().toString());
        assertEquals(f.invocations().total() - 1, f.transitions().get(3).retries());
    }

    @Test
    void anIdleFunctionStillSaysIdle() throws Exception {
        RunSummary.FunctionSummary f = run(FULL.replace("arrivals: { poisson: 1/s }", "arrivals: { none: true }"))
                .summary().functions().get("nightly");
        assertEquals("Inactive", f.finalState(), f.transitions().toString());
        assertEquals(StateReasonCode.Idle, f.finalReasonCode());
    }
}
