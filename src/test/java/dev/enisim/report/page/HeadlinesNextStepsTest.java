package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.model.CancelledCreationEnisTest;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An SRE's review: the page's headlines named no next step, its What failed table gave no HTTP status, a failed
 * update named no subnet, and a cancelled creation's ENI was said kept "made before the creation failed".
 */
class HeadlinesNextStepsTest {

    @Test
    void aFullSubnetAndInvokingWhilePendingEachGetAWhatToDoLine() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(dev.enisim.report.NarrativeSreTest.FULL_UPDATE, "full.yaml"), 0).run();
        String html = Headlines.html(r);
        assertTrue(html.contains("<strong>What to do</strong>"), html);
        assertTrue(html.contains("<li>" + dev.enisim.report.HtmlReport.esc(
                Headlines.NEXT_STEPS.get("SubnetOutOfIPAddresses")) + "</li>"), html);
        assertTrue(html.contains("enisim plan"), html);
        assertTrue(html.contains("<li>" + dev.enisim.report.HtmlReport.esc(
                Headlines.NEXT_STEPS.get("ResourceConflictException")) + "</li>"), html);
        assertFalse(html.contains(Headlines.NEXT_STEPS.get("EC2RequestLimitExceeded")), html);
        // the failed update names its subnet, and the What failed table its HTTP status
        assertTrue(html.contains("a subnet had no free IP for an ENI (subnet-new-a). Lambda kept api on its old"), html);
        assertTrue(html.contains("ResourceConflictException (HTTP 409)</td>"), html);
    }

    @Test
    void theOutcomesHttpStatusIsAddedToItsCell() {
        assertEquals("ResourceConflictException (HTTP 409)", Headlines.withHttp("ResourceConflictException"));
        assertEquals("TooManyRequestsException (ConcurrentInvocationLimitExceeded, HTTP 429)",
                Headlines.withHttp("TooManyRequestsException (ConcurrentInvocationLimitExceeded)"));
        assertEquals("Function error TaskTimedOut", Headlines.withHttp("Function error TaskTimedOut"));
    }

    @Test
    void aCancelledCreationsKeptEniIsSaidByItsParameter() throws Exception {
        RunResult kept = CancelledCreationEnisTest.run("  cancelledCreationKeepsEnis: true");
        String words = Headlines.failedHolds(kept, List.of("worker"));
        assertTrue(words.contains("made for the creation Lambda cancelled, kept until the function is deleted"
                + " (hyperplane.cancelledCreationKeepsEnis: true"), words);
        assertFalse(words.contains("made before the creation failed"), words);
        // by default it is deleted: nothing held at the end, nothing said
        assertEquals("", Headlines.failedHolds(CancelledCreationEnisTest.run(""), List.of("worker")));
    }

    /**
     * r1 (a migrating architect): a function imported {@code existing: Failed} with SubnetOutOfIPAddresses (its
     * account's reason, from before the run) made the page advise larger subnets for subnets with room; its step is
     * the verdict's "delete it and create it again". A function that fails in the run for a full subnet still gets
     * the line (above).
     */
    @Test
    void aFunctionFailedBeforeTheRunGetsNoFullSubnetLine() throws Exception {
        String yaml = dev.enisim.model.ExistingYaml.head("failed-before", "", "[sg-1]") + "functions:\n"
                + dev.enisim.model.ExistingYaml.broke("%s");
        for (String arrivals : List.of("{ none: true }", "{ constant: 1/s }")) {
            String html = Headlines.html(new Simulation(ScenarioLoader.parse(yaml.formatted(arrivals), "f.yaml"), 0)
                    .run());
            assertFalse(html.contains(Headlines.NEXT_STEPS.get("SubnetOutOfIPAddresses")), arrivals + ": " + html);
            assertTrue(html.contains("delete it and create it again"), html);
        }
    }
}
