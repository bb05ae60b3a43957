package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * What a teacher found false or confusing on the page of their lesson scenarios (session 51, r4): a cancelled ENI
 * deletion told as one not finished, Poisson noise told as a load that rose and fell, ResourceConflictException's why
 * for a Failed function, two lengths for one restore, idle reclaims among the teardowns, and a recreated function's
 * recovery left out of the verdict.
 */
class TeacherLessonFaultsTest {

    static RunResult run(String yaml) throws Exception {
        return new Simulation(ScenarioLoader.parse(yaml, "lesson.yaml"), 0).run();
    }

    /** old-app deleted at 30m; new-app, same subnet and security group, created at 35m takes its ENI back. */
    static final String REUSE = """
            name: reuse
            seed: 8
            duration: 1h
            vpcs:
              - id: vpc-class
                subnets: [{ id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }]
                securityGroups: [sg-app, sg-web]
            hyperplane: { eniDeleteTime: 20m }
            functions:
              - name: old-app
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                duration: 100ms
                arrivals: { poisson: 1/s, until: 30m }
              - name: new-app
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                duration: 100ms
                arrivals: { poisson: 1/s }
                createdAt: 35m
            timeline:
              - { at: 30m, action: deleteFunction, function: old-app }
            """;

    @Test
    void aCancelledDeletionIsToldAsCancelledNotAsOpen() throws Exception {
        RunResult r = run(REUSE);
        String answers = Headlines.html(r);
        int at = answers.indexOf("<p class=\"verdict");
        String verdict = answers.substring(at, answers.indexOf("</p>", at));
        assertFalse(verdict.contains("had not finished"), verdict);
        assertFalse(verdict.contains("could not be deleted"), verdict);
        assertTrue(verdict.contains("Deleting old-app at 00:30:00 released 1 Hyperplane ENI, but Lambda deleted none:"
                + " it was taken back before its deletion was done (new-app took eni-0001 back at 00:35:00;"), verdict);
        assertTrue(verdict.contains("hyperplane.reuseDeletingEni"), verdict);
        assertFalse(answers.contains("still there at the end"), answers);
        assertTrue(answers.contains("<td class=\"n\">cancelled: new-app took eni-0001 back at 00:35:00</td>"),
                answers);
    }

    /** Two functions deleted together (a stack), each ENI taken back by a new function: the stack waits for none. */
    @Test
    void aStackWhoseEnisWereAllTakenBackIsNotToldAsOpen() throws Exception {
        String yaml = REUSE.replace("""
                timeline:
                """, """
                  - name: web
                    existing: Active
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-web] }
                    duration: 100ms
                    arrivals: { poisson: 1/s, until: 30m }
                  - name: new-web
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-web] }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                    createdAt: 35m
                timeline:
                  - { at: 30m, action: deleteFunction, function: web }
                """);
        RunResult r = run(yaml);
        // the notes as when the verdict does not lead with this deletion (more than three led before it)
        String answers = TeardownNotes.html(r, dev.enisim.report.Narrative.When.of(r.scenario()), java.util.Set.of());
        assertTrue(answers.contains("Deleted together at 00:30:00 (as a stack deletion deletes them), 2 functions"
                + " wait for the longest: nothing to wait for, as Lambda deleted none of their ENIs"), answers);
        assertFalse(answers.contains("an ENI was still there at the end of the run"), answers);
    }

    static final String STEADY = """
            name: steady
            seed: 2
            duration: 3h
            vpcs:
              - id: vpc-class
                subnets: [{ id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }]
                securityGroups: [sg-app]
            functions:
              - name: steady
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    /** Poisson noise about 60 a minute spans 40 to 83 a minute: a steady load, not one that rose and fell. */
    @Test
    void aSteadyPoissonLoadDidNotRiseAndFall() throws Exception {
        for (long seed : new long[] {2, 4, 5}) {
            RunResult r = run(STEADY.replace("seed: 2", "seed: " + seed));
            long[] v = r.timeSeries().account(dev.enisim.metrics.Metric.INVOCATIONS).values();
            long lo = java.util.Arrays.stream(v).min().getAsLong();
            long hi = java.util.Arrays.stream(v).max().getAsLong();
            assertTrue(hi >= 2 * lo, "seed " + seed + ": noise past the old guard (" + lo + " to " + hi + ")");
            assertTrue(Headlines.loadCycles(r) == null, "seed " + seed);
            assertFalse(Headlines.html(r).contains("rose and fell"), "seed " + seed);
        }
    }

    /** A daily-like cycle at a lesson's low rate (1 an hour period, 0.2/s to 1.5/s, 1m buckets) is still told. */
    @Test
    void aLowRateCycleStillRoseAndFell() throws Exception {
        RunResult r = run(STEADY.replace("duration: 3h", "duration: 5h").replace("{ poisson: 1/s }",
                "{ diurnal: { peak: 1.5/s, trough: 0.2/s, peakAt: 30m, period: 1h } }"));
        Headlines.Cycles c = Headlines.loadCycles(r);
        assertTrue(c != null && c.rises() >= 4, String.valueOf(c));
        assertTrue(Headlines.html(r).contains("A load that rose and fell " + c.rises() + " times in the 5h"));
    }

    @Test
    void poissonNoiseIsNotASpreadButStepsAre() {
        assertFalse(Headlines.beyondPoissonNoise(new long[] {60, 60, 60, 60}));
        assertFalse(Headlines.beyondPoissonNoise(new long[] {52, 68, 61, 57, 66, 49, 71, 58, 63, 55}));
        assertTrue(Headlines.beyondPoissonNoise(new long[] {40, 80, 40, 80, 40, 80, 40, 80, 40, 80}));
        assertFalse(Headlines.beyondPoissonNoise(new long[] {0, 0, 0}));
    }

    /** slow stays Pending 10 min; an update at 7m cancels it: Failed (InternalError), still invoked until 20m. */
    static final String CANCELLED_PENDING = """
            name: stuck
            seed: 8
            duration: 30m
            vpcs:
              - id: vpc-class
                subnets: [{ id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }]
                securityGroups: [sg-slow, sg-app]
            hyperplane: { eniCreateTime: 10m }
            functions:
              - name: slow
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-slow] }
                duration: 100ms
                arrivals: { poisson: 1/s, until: 20m }
            timeline:
              - { at: 7m, action: updateVpcConfig, function: slow, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] } }
            """;

    @Test
    void resourceConflictAfterTheFunctionWentFailedSaysSo() throws Exception {
        RunResult r = run(CANCELLED_PENDING);
        Headlines.Failure f = Headlines.failures(r).get(0);
        org.junit.jupiter.api.Assertions.assertEquals("ResourceConflictException", f.outcome());
        assertTrue(f.why().startsWith("invoked while Pending: its ENIs were still being created or attached ("),
                f.why());
        assertTrue(f.why().contains(" of them, from 00:00:00); or the function is Failed (InternalError): an update"
                + " after 6 minutes Pending cancelled its pending operation; it stays Failed until it is deleted and"
                + " created again ("), f.why());
        long pending = Long.parseLong(f.why().replaceAll(".*attached \\(([0-9,]+) of them.*", "$1")
                .replace(",", ""));
        long failed = Long.parseLong(f.why().replaceAll(".*created again \\(([0-9,]+) of them.*", "$1")
                .replace(",", ""));
        org.junit.jupiter.api.Assertions.assertEquals(f.count(), pending + failed, f.why());
        assertTrue(failed > pending, f.why()); // 13 min Failed against 7 Pending
    }

    /** idle-reclaim's restore of 260.07 s: the What failed row gives what the narrative's two instants subtract to. */
    @Test
    void aRestoresLengthIsWhatItsInstantsSubtractTo() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(java.nio.file.Path.of("scenarios/idle-reclaim.yaml")), 0)
                .run();
        String answers = Headlines.html(r);
        assertTrue(answers.contains("Pending (Restoring) for 5 s to 4 min 20 s"), answers);
        String story = String.join("\n", dev.enisim.report.Narrative.lines(r));
        assertTrue(story.contains("40d 00:00:00  batch-report -> Pending (Restoring)"), story);
        assertTrue(story.contains("40d 00:04:20  batch-report -> Active"), story);
    }

    /** idle-reclaim's reclaim is listed apart from the teardowns asked for: the heading and a note say what it is. */
    @Test
    void idleReclaimsAreNotCalledTeardowns() throws Exception {
        String answers = Headlines.html(new Simulation(ScenarioLoader.load(java.nio.file.Path.of(
                "scenarios/idle-reclaim.yaml")), 0).run());
        assertTrue(answers.contains("<h3>Teardown and idle-reclaim waits (from"), answers);
        assertTrue(answers.contains("A row whose action is <i>idle reclaim</i> is no teardown of yours"), answers);
        assertFalse(Headlines.html(run(REUSE)).contains("idle-reclaim"), "no reclaim, no note");
    }

    /** app Failed for want of an IP; other tenants free 3 at 10m; deleted at 20m, created again at 21m: Active. */
    @Test
    void aRecreatedFunctionsRecoveryIsInTheVerdict() throws Exception {
        RunResult r = run("""
                name: lesson-recreate
                seed: 9
                duration: 1h
                vpcs:
                  - id: vpc-class
                    subnets:
                      - { id: subnet-a, cidr: 10.0.1.0/28, az: us-east-1a, otherUsedIps: 11 }
                    securityGroups: [sg-app]
                functions:
                  - name: app
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                timeline:
                  - { at: 10m, action: setOtherUsedIps, subnet: subnet-a, otherUsedIps: 8 }
                  - { at: 20m, action: deleteFunction, function: app }
                  - { at: 21m, action: createFunction, function: app }
                """);
        String answers = Headlines.html(r);
        int at = answers.indexOf("<p class=\"verdict");
        String verdict = answers.substring(at, answers.indexOf("</p>", at));
        assertTrue(verdict.contains(" app, Failed (SubnetOutOfIPAddresses) from 00:00:00, subnet-a had a free IP"
                + " again by 00:11:00, deleted at 00:20:00 and created again at 00:21:00, was Active again from"
                + " 00:21:"), verdict);
    }
}
