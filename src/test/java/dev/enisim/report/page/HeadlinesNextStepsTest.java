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

    /** A creation of 20 minutes cancelled by an update at 7 minutes: Failed (InternalError). */
    private static final String STUCK = """
                name: stuck
                duration: 1h
                bucket: 1m
                hyperplane:
                  eniCreateTime: 20m
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                    securityGroups: [sg-app, sg-db]
                functions:
                  - name: slow
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                    duration: 100ms
                    arrivals: %s
                    createdAt: 0s
                timeline:
                  - { at: 7m, action: updateVpcConfig, function: slow, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-db] } }
                """;

    private static String page(String yaml) throws Exception {
        return Headlines.html(new Simulation(ScenarioLoader.parse(yaml, "teach.yaml"), 0).run());
    }

    private static String line(String kind) {
        return "<li>" + dev.enisim.report.HtmlReport.esc(Headlines.NEXT_STEPS.get(kind)) + "</li>";
    }

    /**
     * A teacher's review: an update after 7 minutes Pending cancels the creation (Failed, InternalError), and every
     * later call gets ResourceConflictException; What to do said only "wait until the function is Active", which
     * it never will be. Its way out is to delete it and create it again (domain.md section 2).
     */
    @Test
    void aFunctionFailedByACancelledCreationGetsItsWayOutNotWait() throws Exception {
        String html = page(STUCK.formatted("{ constant: 1/m }"));
        assertTrue(html.contains(line("Failed")), html);
        assertTrue(Headlines.NEXT_STEPS.get("Failed").contains("delete the function and create it again"));
        // the calls before 7 minutes did meet Pending: its wait is said too, after the way out
        assertTrue(html.indexOf(line("Failed")) < html.indexOf(line("ResourceConflictException")), html);
    }

    /** The same, every call after it went Failed: no "wait until Active" at all. */
    @Test
    void callsOnlyWhileFailedGetNoWaitLine() throws Exception {
        String html = page(STUCK.formatted("{ constant: 1/m, from: 10m }"));
        assertTrue(html.contains(line("Failed")), html);
        assertFalse(html.contains(Headlines.NEXT_STEPS.get("ResourceConflictException")), html);
    }

    /** A function imported Failed gets the way out too (its old reason's advice stays off, above). */
    @Test
    void aFunctionFailedBeforeTheRunGetsItsWayOut() throws Exception {
        String html = page("""
                name: failed-before
                duration: 10m
                bucket: 1m
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }
                    securityGroups: [sg-1]
                functions:
                  - name: broke
                    existing: Failed
                    stateReasonCode: SubnetOutOfIPAddresses
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                    duration: 100ms
                    arrivals: { constant: 1/s }
                """);
        assertTrue(html.contains(line("Failed")), html);
        assertFalse(html.contains(Headlines.NEXT_STEPS.get("ResourceConflictException")), html);
    }

    /**
     * A teacher's review: the full-subnet line said "more subnets", which do not help (the function needs an ENI in
     * every subnet it names), and missed the quickstart's lesson (a shared security-group set shares ENIs).
     */
    @Test
    void theFullSubnetLineSaysEverySubnetAndSharedSecurityGroups() {
        String full = Headlines.NEXT_STEPS.get("SubnetOutOfIPAddresses");
        assertTrue(full.contains("in every subnet it names"), full);
        assertTrue(full.contains("more subnets do not help unless each has room"), full);
        assertTrue(full.contains("fewer security-group sets need fewer ENIs"), full);
        assertFalse(full.contains("(or more of them)"), full);
    }

    /**
     * A teacher's review: a restore refused by a full subnet (back to Inactive with SubnetOutOfIPAddresses) got only
     * the stay-warm line, nothing about the subnet.
     */
    @Test
    void aRestoreRefusedByAFullSubnetGetsTheFullSubnetLine() throws Exception {
        String html = page("""
                name: restore-fail
                seed: 3
                duration: 16d
                bucket: 1h
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-tiny, cidr: 10.0.9.0/28, az: us-east-1a, otherUsedIps: 5 }
                    securityGroups: [sg-app]
                functions:
                  - name: quiet
                    existing: Active
                    vpcConfig: { subnetIds: [subnet-tiny], securityGroupIds: [sg-app] }
                    duration: 100ms
                    arrivals: [{ constant: 1/d, until: 1h }, { constant: 1/m, from: 15d, until: 15d 20m }]
                timeline:
                  - { at: 14d 12h, action: setOtherUsedIps, subnet: subnet-tiny, otherUsedIps: 11 }
                """);
        assertTrue(html.contains(line("Idle")), html);
        assertTrue(html.contains(line("SubnetOutOfIPAddresses")), html);
    }
}
