package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.metrics.RunSummary;
import dev.enisim.report.page.Headlines;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.run.SummaryShape;
import dev.enisim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/**
 * An incident responder's replay of a bad night (startsAt set): summary.json's update teardown gave the old ENIs'
 * release as its request time and no clock to map seconds to; a second update Lambda refused
 * (ResourceConflictException) was in the narrative only; the Answers opened with the update's harmless ENI wait, the
 * failed invocations and the Failed function after it.
 */
class ReplayOutputsTest {

    private static final String NIGHT = """
            name: night
            seed: 3
            duration: 1h
            bucket: 1m
            startsAt: 2026-12-06T22:00:00Z
            vpcs:
              - id: vpc-a
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }
                  - { id: subnet-b, cidr: 10.0.1.0/24, az: us-east-1b }
                  - { id: subnet-full, cidr: 10.0.2.0/28, az: us-east-1a, otherUsedIps: 11 }
                securityGroups: [sg-a, sg-b]
            hyperplane:
              eniCreateTime: { dist: constant, value: 2m }
            functions:
              - name: api
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                duration: 100ms
                arrivals: { poisson: 1/s }
              - name: orders
                vpcConfig: { subnetIds: [subnet-full], securityGroupIds: [sg-a] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            timeline:
              - at: 10m
                action: updateVpcConfig
                function: api
                vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg-b] }
              - at: 10m30s
                action: updateVpcConfig
                function: api
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-b] }
            """;

    private static RunResult run(String yaml) throws Exception {
        return new Simulation(ScenarioLoader.parse(yaml, "night.yaml"), 0).run();
    }

    private static String terminal(RunResult r) {
        StringWriter w = new StringWriter();
        try (PrintWriter out = new PrintWriter(w)) {
            TerminalSummary.print(out, r);
        }
        return w.toString();
    }

    @Test
    void anUpdatesTeardownKeepsItsRequestAndItsReleaseApartAndTheSummaryHasTheClock() throws Exception {
        RunResult r = run(NIGHT);
        RunSummary.Teardown t = r.summary().teardowns().get(0);
        assertEquals("updateVpcConfig", t.action());
        assertEquals(600.0, t.requestedAtSeconds(), 1e-9, "the UpdateFunctionConfiguration call, the timeline's at");
        assertEquals(720.0, t.oldEnisReleasedAtSeconds(), 1e-6, "released when the new ENI was ready (2 min)");
        JsonNode json = SummaryShape.tree(r.summary());
        assertEquals("2026-12-06T22:00:00Z", json.path("startsAt").asText());
        assertEquals(600.0, json.path("teardowns").get(0).path("requestedAtSeconds").asDouble(), 1e-9);
        assertEquals(720.0, json.path("teardowns").get(0).path("oldEnisReleasedAtSeconds").asDouble(), 1e-6);
        assertTrue(terminal(r).contains("updateVpcConfig requested at Sun 22:10:00, old ENIs released at Sun"
                + " 22:12:00"), terminal(r));
    }

    @Test
    void otherTeardownsAndRunsWithoutAStartLeaveTheNewFieldsOut() throws Exception {
        RunResult r = run(NIGHT.replace("startsAt: 2026-12-06T22:00:00Z\n", "") + """
                  - at: 40m
                    action: deleteFunction
                    function: api
                """);
        JsonNode json = SummaryShape.tree(r.summary());
        assertFalse(json.has("startsAt"), json.toString());
        RunSummary.Teardown deletion = r.summary().teardowns().get(1);
        assertEquals("deleteFunction", deletion.action());
        assertEquals(2400.0, deletion.requestedAtSeconds(), 1e-9);
        assertNull(deletion.oldEnisReleasedAtSeconds());
        assertFalse(json.path("teardowns").get(1).has("oldEnisReleasedAtSeconds"));
    }

    @Test
    void aTimelineActionLambdaRejectsIsInTheSummaryTheTerminalAndTheAnswers() throws Exception {
        RunResult r = run(NIGHT);
        assertEquals(1, r.summary().rejectedActions().size(), r.summary().rejectedActions().toString());
        RunSummary.Rejected a = r.summary().rejectedActions().get(0);
        assertEquals(new RunSummary.Rejected(630.0, "UpdateFunctionConfiguration", "api", "ResourceConflictException"),
                a);
        JsonNode json = SummaryShape.tree(r.summary()).path("rejectedActions").get(0);
        assertEquals("ResourceConflictException", json.path("error").asText());
        assertEquals(630.0, json.path("atSeconds").asDouble(), 1e-9);
        String term = terminal(r);
        assertTrue(term.contains("Timeline actions Lambda rejected (they changed nothing): 1\n"
                + "  UpdateFunctionConfiguration api at Sun 22:10:30: ResourceConflictException\n"), term);
        assertTrue(Headlines.html(r).contains("Lambda rejected 1 action of the timeline, which changed nothing:"
                + " UpdateFunctionConfiguration api at Sun 22:10:30: ResourceConflictException"), Headlines.html(r));
        // none refused: nothing said, nothing written
        RunResult quiet = run(NIGHT.substring(0, NIGHT.indexOf("  - at: 10m30s")));
        assertTrue(quiet.summary().rejectedActions().isEmpty());
        assertFalse(SummaryShape.tree(quiet.summary()).has("rejectedActions"));
        assertFalse(terminal(quiet).contains("rejected"), terminal(quiet));
    }

    @Test
    void theAnswersSayTheFailuresAndTheFailedFunctionBeforeTheUpdatesWait() throws Exception {
        String answers = Headlines.html(run(NIGHT));
        int failures = answers.indexOf("invocations did not succeed");
        int failed = answers.indexOf("Failed at the end: orders");
        int update = answers.indexOf("Updating api&#39;s VPC config");
        update = update < 0 ? answers.indexOf("Updating api's VPC config") : update;
        assertTrue(failures >= 0 && failed > failures && update > failed, answers);
    }
}
