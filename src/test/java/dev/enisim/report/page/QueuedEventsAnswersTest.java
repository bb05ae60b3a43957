package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The answers of a run with queued invocations (h3's review in a browser): async-inactive-function's page said "1,591
 * of 2,581 invocations did not succeed (61.6%)" in red and nothing more, though thumbnails' 600 events all succeeded
 * (121 after retries) and audit-log's 68 lost ones went to its dead-letter queue, the scenario's story; sqs-burst's
 * was red for 7,072 throttled batches while its 60,000 messages were all processed. Both were told only at the end of
 * the narrative.
 */
class QueuedEventsAnswersTest {

    private static String answers(String scenario) throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/" + scenario + ".yaml")), 0).run();
        return Headlines.html(r);
    }

    @Test
    void asyncEventsAreToldApartFromTheFailedAttemptsInTheAnswers() throws Exception {
        String a = answers("async-inactive-function");
        // thumbnails-sync's 204 failures are its callers': still a red verdict
        assertTrue(a.contains("<p class=\"verdict bad\">2,393 of 3,483 invocations did not succeed (68.7%); most:"
                + " ResourceNotReadyException, 2,393 from 00:10:00 to 00:13:56. 2,189 of them were attempts at queued"
                + " events (thumbnails, audit-log), which Lambda retries; the callers did not see them fail. Of their"
                + " 900 events, 694 got through, 206 were lost (see Queued events).</p>"), a);
        assertTrue(a.contains("<h3>Queued events: what became of them</h3>"), a);
        assertTrue(a.contains("<tr><td>thumbnails</td><td class=\"n\" data-label=\"events queued\">600</td><td"
                + " class=\"n\" data-label=\"succeeded\">600</td><td class=\"n\" data-label=\"after retries\">"
                + "152</td><td class=\"n\" data-label=\"dropped\">0</td>"), a);
        assertTrue(a.contains("<tr><td>audit-log</td><td class=\"n\" data-label=\"events queued\">300</td><td"
                + " class=\"n\" data-label=\"succeeded\">94</td><td class=\"n\" data-label=\"after retries\">"
                + "31</td><td class=\"n bad\" data-label=\"dropped\">206 (206 to the DLQ)</td>"), a);
        assertFalse(a.contains("messages sent"), "no SQS queue in this run: " + a);
    }

    @Test
    void anSqsBacklogAllProcessedIsNotARedRun() throws Exception {
        String a = answers("sqs-burst");
        assertTrue(a.contains("<p class=\"verdict warn\">7,072 of 13,077 invocations did not succeed (54.1%); most:"
                + " TooManyRequestsException (ReservedFunctionConcurrentInvocationLimitExceeded), 7,072 from"), a);
        assertTrue(a.contains("All 7,072 were attempts at queued events (order-export), which Lambda retries; the"
                + " callers did not see them fail. Of their 60,000 events, 60,000 got through, 0 were lost (see"
                + " Queued events). Subnets subnet-orders-a and subnet-orders-b had no free IP from the start: a new"
                + " ENI there fails until an IP is freed (see Capacity).</p>"), a); // full before the run (FromTheStartTest)
        assertTrue(a.contains("<tr><td>order-export</td><td class=\"n\" data-label=\"messages sent\">60,000</td><td"
                + " class=\"n\" data-label=\"processed (deleted)\">60,000</td><td class=\"n\" data-label=\"to the"
                + " DLQ\">0</td>"), a);
        assertTrue(a.contains("<td class=\"n\" data-label=\"throttled batches (retried)\">7,072</td><td class=\"n\""
                + " data-label=\"most waiting\">32,185</td><td class=\"n\" data-label=\"oldest message\">274 s</td>"), a);
    }

    @Test
    void aRunWithoutQueuesIsToldAsBefore() throws Exception {
        String a = answers("quickstart");
        assertFalse(a.contains("Queued events") || a.contains("queued events"), a);
        assertTrue(a.contains("Failed at the end: notifications (it stays Failed: delete it and create it again once"
                + " the cause is fixed).</p>"), a);
    }
}
