package dev.enisim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code updates[i]} in an expect block: a function configuration update as one subject (an SRE team's wish, session
 * 49: "the update left the function Successful within N minutes" could not be written; summary.json has each
 * function's status changes only).
 */
class UpdatesExpectTest {

    @TempDir
    Path dir;

    /** One function moved at 1m from subnet-a to {@code target}; subnet-full has no free address. */
    private Path scenario(String target, String... sentences) throws Exception {
        StringBuilder expect = new StringBuilder("expect:\n");
        for (String s : sentences) {
            expect.append("  - \"").append(s).append("\"\n");
        }
        return Files.writeString(dir.resolve("u.yaml"), """
                name: u
                seed: 3
                duration: 10m
                bucket: 1m
                vpcs:
                  - id: vpc-a
                    subnets:
                      - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                      - { id: subnet-b, cidr: 10.0.2.0/24, az: us-east-1b }
                      - { id: subnet-full, cidr: 10.0.3.0/28, az: us-east-1b, otherUsedIps: 11 }
                    securityGroups: [sg-a]
                functions:
                  - name: api
                    existing: Active
                    memoryMb: 512
                    timeout: 10s
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                    duration: { dist: constant, value: 100ms }
                    arrivals: { constant: 2/s }
                timeline:
                  - { at: 1m, action: updateVpcConfig, function: api,
                      vpcConfig: { subnetIds: [TARGET], securityGroupIds: [sg-a] } }
                """.replace("TARGET", target) + expect);
    }

    private static List<Checker.Result> check(Path file) throws ScenarioException {
        return Checker.check(file, List.of(), 1, 1).results();
    }

    @Test
    void aSuccessfulUpdateIsOneSubjectWithHowLongItStayedInProgress() throws Exception {
        List<Checker.Result> r = check(scenario("subnet-b", "updates[0].lastUpdateStatus == Successful",
                "updates[0].function == api", "updates[0].atSeconds == 60", "updates[0].inProgressSeconds between 1 "
                + "and 600", "updates[0]reasonCode == null"));
        for (Checker.Result x : r) {
            assertTrue(x.passed(), x.expectation().text() + ": " + x.actual());
        }
        assertEquals(5, r.size());
    }

    @Test
    void aFailedUpdateSaysSoWithItsReason() throws Exception {
        List<Checker.Result> r = check(scenario("subnet-full", "updates[0].lastUpdateStatus == Successful",
                "updates[0].reasonCode == SubnetOutOfIPAddresses", "updates[0].inProgressSeconds < 600"));
        assertEquals(List.of(false, true, true), r.stream().map(Checker.Result::passed).toList(), r.toString());
        assertEquals("Failed", r.get(0).actual());
    }

    @Test
    void badFormsAndUpdatesTheTimelineCannotMakeAreRefusedWhenRead() throws Exception {
        ScenarioException e = assertThrows(ScenarioException.class, () -> Checker.load(scenario("subnet-b",
                "updates[0].inProgresSeconds < 60", "updates.function == api", "updates[0] == null",
                "updates[0].lastUpdateStatus == Sucessful", "updates[1].lastUpdateStatus == Successful"), List.of()));
        List<String> said = e.problems().stream().map(p -> p.path() + ": " + p.message()).toList();
        assertEquals(5, said.size(), said.toString());
        assertTrue(said.get(0).startsWith("expect[0]: 'updates[0].inProgresSeconds < 60': 'inProgresSeconds' is not a"
                + " field of an update (did you mean 'inProgressSeconds'?); expected updates[i].FIELD"), said.get(0));
        assertTrue(said.get(1).startsWith("expect[1]: 'updates.function == api': expected updates[i].FIELD"),
                said.get(1));
        assertTrue(said.get(2).contains("updates[0] is an update, not one figure"), said.get(2));
        assertTrue(said.get(3).contains("did you mean 'Successful'?"), said.get(3));
        assertTrue(said.get(4).startsWith("expect[4]: 'updates[1].lastUpdateStatus == Successful': the scenario's "
                + "timeline has 1 updateVpcConfig action, so a run makes at most 1 update: expected updates[0]"),
                said.get(4));
    }

    @Test
    void theListIsEveryFunctionsUpdatesInTimeOrder() throws Exception {
        JsonNode tree = new ObjectMapper().readTree("""
                {"functions": {
                  "a": {"updates": [
                    {"atSeconds": 100.0, "lastUpdateStatus": "InProgress", "reasonCode": null},
                    {"atSeconds": 130.5, "lastUpdateStatus": "Failed", "reasonCode": "EniLimitExceeded"},
                    {"atSeconds": 900.0, "lastUpdateStatus": "InProgress", "reasonCode": null}]},
                  "b": {"updates": [{"atSeconds": 50.0, "lastUpdateStatus": "Successful", "reasonCode": null}]},
                  "c": {}}}""");
        Updates.add(tree);
        assertEquals("[{\"function\":\"b\",\"atSeconds\":50.0,\"lastUpdateStatus\":\"Successful\",\"reasonCode\":null,"
                + "\"inProgressSeconds\":0.0},{\"function\":\"a\",\"atSeconds\":100.0,\"lastUpdateStatus\":\"Failed\","
                + "\"reasonCode\":\"EniLimitExceeded\",\"inProgressSeconds\":30.5},{\"function\":\"a\",\"atSeconds\":"
                + "900.0,\"lastUpdateStatus\":\"InProgress\",\"reasonCode\":null,\"inProgressSeconds\":null}]",
                tree.get("updates").toString());
        assertEquals("the update was still InProgress at the end of the run",
                Checker.whyNone("updates[2].inProgressSeconds"));
    }
}
