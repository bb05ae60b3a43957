package dev.enisim.run;

import dev.enisim.model.function.StateReasonCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.function.State;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Each lifecycle scenario of scenarios/ runs, and the headline of its story holds. */
class ScenarioStoriesTest {

    private static RunSummary run(String name) throws Exception {
        return new Simulation(ScenarioLoader.load(Path.of("scenarios", name + ".yaml")), 0).checkingInvariants().run()
                .summary();
    }

    private static long error(RunSummary.Invocations inv, String exception) {
        return inv.errors().get(exception);
    }

    @Test
    void quickstartPendingThenSharedThenTheSlash28RunsOut() throws Exception {
        RunSummary s = run("quickstart");
        RunSummary.FunctionSummary api = s.functions().get("orders-api");
        assertEquals(State.Pending, api.transitions().get(0).state());
        assertEquals(State.Active, api.transitions().get(1).state());
        assertTrue(error(api.invocations(), "ResourceConflictException") > 0, "invocations fail while Pending");
        assertEquals(2, s.eniKeys().get("subnet-a+[sg-app]").peakEnis() + s.eniKeys().get("subnet-b+[sg-app]")
                .peakEnis(), "orders-worker shares orders-api's two ENIs");
        assertEquals(0, s.subnets().get("subnet-a").minAvailableIps());
        assertEquals("Failed", s.functions().get("notifications").finalState());
        assertEquals(StateReasonCode.SubnetOutOfIPAddresses, s.functions().get("notifications").finalReasonCode());
    }

    @Test
    void idleReclaimFailsTheFirstInvocationAfterAQuietSpell() throws Exception {
        RunSummary s = run("idle-reclaim");
        assertEquals(2, error(s.functions().get("batch-report").invocations(), "ResourceNotReadyException"));
        assertEquals(2, error(s.functions().get("batch-ledger").invocations(), "ResourceNotReadyException"));
        assertEquals(5, s.functions().get("ledger-ping").invocations().succeeded(), "kept warm: never Inactive");
        assertEquals(4, s.functions().get("batch-report").invocations().succeeded(), "the retry after each failure");
        assertTrue(s.functions().get("batch-report").transitions().stream()
                .anyMatch(t -> t.reasonCode() == StateReasonCode.Idle));
    }

    @Test
    void redeployToNewSubnetsLosesNoInvocationAndReleasesTheOldEnis() throws Exception {
        RunSummary s = run("redeploy-new-subnets");
        RunSummary.FunctionSummary f = s.functions().get("checkout");
        assertEquals("Successful", f.lastUpdateStatus());
        // serving before the run (existing: Active): every invocation runs, before, during and after the switch;
        // the only function errors are the duration's own tail past the timeout
        assertEquals(f.invocations().total(), f.invocations().succeeded() + f.invocations().functionErrors());
        assertEquals(f.invocations().functionErrors(), s.invocations().functionErrorCauses().get("TaskTimedOut"));
        assertEquals(2, s.enis().deleted());
        assertEquals(s.subnets().get("subnet-old-a").usableIps() - 20,
                s.subnets().get("subnet-old-a").finalAvailableIps(), "old subnet whole again");
        RunSummary.Teardown t = s.teardowns().get(0);
        assertEquals("updateVpcConfig", t.action());
        assertNotNull(t.waitSeconds());
        assertTrue(t.waitSeconds() > 0 && t.waitSeconds() <= 45 * 60);
    }

    @Test
    void teardownWaitsForTheLastEniAndAtMost45Minutes() throws Exception {
        RunSummary s = run("teardown");
        assertEquals(0, s.enis().fin());
        assertEquals(s.enis().created(), s.enis().deleted());
        double longest = 0;
        for (RunSummary.Teardown t : s.teardowns()) {
            assertEquals("deleteFunction", t.action());
            longest = Math.max(longest, t.waitSeconds());
        }
        assertTrue(longest > 0 && longest <= 45 * 60, "longest wait " + longest);
    }

    @Test
    void deletingTheRoleFirstOrphansTheEnisUntilDeletedByHand() throws Exception {
        RunSummary s = run("orphaned-enis");
        assertEquals(2, s.enis().orphaned());
        RunSummary.Teardown t = s.teardowns().get(0);
        assertEquals(2, t.orphaned());
        assertEquals(3 * 3600 - 3600, t.waitSeconds(), 1e-6, "freed only by the manual deletion at 03:00");
        assertEquals(6, s.subnets().get("subnet-archive-a").minAvailableIps(), "held while orphaned");
        assertEquals(7, s.subnets().get("subnet-archive-a").finalAvailableIps());
    }

    @Test
    void anAzOutageFailsOnlyTheSingleAzFunction() throws Exception {
        RunSummary s = run("az-outage");
        assertEquals(0, error(s.functions().get("payments").invocations(), "ServiceException"));
        long failed = error(s.functions().get("reports-single-az").invocations(), "ServiceException");
        // 2/s for one hour: about 7,200
        assertEquals(7200, failed, 300);
    }

    @Test
    void aUniqueSecurityGroupPerFunctionExhaustsTheQuota() throws Exception {
        RunSummary s = run("quota-500");
        assertEquals(500, s.vpcs().get("vpc-platform").peakEnis());
        for (int i = 1; i <= 110; i++) {
            RunSummary.FunctionSummary f = s.functions().get(String.format("svc-%03d", i));
            if (i <= 100) {
                assertEquals("Active", f.finalState());
                assertNull(f.finalReasonCode());
            } else {
                assertEquals(StateReasonCode.EniLimitExceeded, f.finalReasonCode());
            }
        }
        assertTrue(error(s.invocations(), "ENILimitReachedException") > 0);
    }

    @Test
    void burstScalingMeetsTheBurstThenGrows500PerMinute() throws Exception {
        RunSummary s = run("burst-scaling");
        assertEquals(10_000 + 200 * 599, s.invocations().total(), "the burst, then 200/s from 00:00:01 to 00:10:00");
        assertEquals(3000 + 6 * 500, s.coldStarts().total(), "3,000 at the burst, then 500 per minute for 6 minutes");
        assertEquals(6000, s.peakConcurrentExecutions(), "the ceiling meets the stream's 200/s x 30 s");
        assertEquals(7000 + 29 * 200 + 18_000,
                s.invocations().throttleReasons().get("FunctionInvocationRateLimitExceeded"),
                "the burst's 7,000, the stream's before 00:00:30, and the stream's at the rising ceiling");
    }

    @Test
    void databasePoolsPushTheSharedEniPast65k() throws Exception {
        RunSummary s = run("shared-eni-65k");
        RunSummary.KeySummary key = s.eniKeys().get("subnet-db+[sg-db]");
        assertEquals(2, key.peakEnis(), "the key scaled out to a second ENI");
        assertTrue(key.peakConnections() > 65_000, "more than one ENI's worth of connections");
        assertTrue(s.invocations().functionErrorCauses().get("NoFreePortOnEni") > 0,
                "connections fail while the second ENI is created");
    }

    @Test
    void legacyEnisFollowTheFormulaAndOutgrowThe2018Subnets() throws Exception {
        RunSummary s = run("legacy-vs-hyperplane");
        long peakEnvironments = s.functions().get("ingest").peakEnvironments();
        // 1,536 MB: two environments per ENI, per subnet (rounded up in each of the two subnets)
        assertEquals((double) peakEnvironments / 2, s.enis().peak(), 1.0);
        assertEquals(0, s.subnets().get("subnet-ingest-a").minAvailableIps(), "the /25 ran out");
        assertTrue(s.invocations().errors().get("SubnetIPAddressLimitReachedException") > 0);
        assertTrue(s.latencyMillis().coldStartP50() > 8000, "cold starts pay the ENI attachment");
    }

    @Test
    void anInactiveFunctionInvokedAsynchronouslySucceedsLateInsteadOfFailing() throws Exception {
        RunSummary s = run("async-inactive-function");
        RunSummary.AsyncSummary thumbs = s.async().get("thumbnails");
        assertTrue(error(s.functions().get("thumbnails-sync").invocations(), "ResourceNotReadyException") > 0,
                "the synchronous twin fails during the restore");
        assertEquals(600, thumbs.received());
        assertEquals(600, thumbs.succeeded(), "every event succeeds, late");
        assertTrue(thumbs.latencyMillis().max() > 60_000, "the restore shows in the latency");
        RunSummary.AsyncSummary audit = s.async().get("audit-log");
        assertTrue(audit.dropReasons().get("EventAgeExceeded") > 0, "a 1-minute maximum age drops events");
        assertEquals(audit.dropped(), audit.sentToDeadLetterQueue());
        assertNull(run("idle-reclaim").async(), "no async section without asynchronous functions");
    }

    @Test
    void anSqsBacklogDrainsThroughThrottlesAndTheOldestMessageAges() throws Exception {
        RunSummary s = run("sqs-burst");
        RunSummary.SqsSummary q = s.sqs().get("order-export");
        assertEquals(60_000, q.sent());
        assertEquals(60_000, q.deleted(), "every message is processed in the end");
        assertTrue(q.throttledAttempts() > 0 && q.returnedToQueue() > 0, "throttled batches go back to the queue");
        assertTrue(q.maxAgeOfOldestMessageSeconds() > 120, "the backlog ages");
        assertTrue(q.peakConcurrentBatches() > 50, "the poller scales beyond the reserved concurrency");
        assertEquals(50, s.peakConcurrentExecutions());
    }
}
