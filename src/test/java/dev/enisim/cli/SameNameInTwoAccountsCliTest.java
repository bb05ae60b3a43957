package dev.enisim.cli;

import static dev.enisim.cli.Scratch.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A multi-account platform owner's review (session 60, r2 items 5 and 6), end to end: one app deployed into two
 * workload accounts has a function {@code api} in each. Both run, each named {@code <account>:<name>} in every
 * output and input (summary.json, the terminal, the timeline, check's paths, --set), and the terminal's Functions list
 * says each function's account when the scenario has accounts (and only then).
 */
class SameNameInTwoAccountsCliTest extends InScratch {

    static final String SAME = dev.enisim.scenario.SameNameInTwoAccountsTest.HEAD.replace("duration: 30m",
            "duration: 5m") + """
              - { name: api, account: "200000000000", vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }, duration: 100ms, arrivals: { poisson: 5/s } }
              - { name: api, account: "300000000000", vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }, duration: 100ms, arrivals: { poisson: 5/s } }
              - { name: edge, duration: 100ms, arrivals: { poisson: 1/s } }
            timeline:
              - { at: 3m, action: deleteFunction, function: "300000000000:api" }
            """;

    private static final String EXPECT = """
            expect:
              - "functions.200000000000:api.finalState == Active"
              - "functions.300000000000:api.invocations.succeeded > 0"
            """;

    @Test
    void twoAccountsFunctionsOfOneNameRunAndAreNamedByTheirAccountEverywhere() throws Exception {
        Files.writeString(s.work.resolve("same.yaml"), SAME + EXPECT);
        Scratch.Result r = s.run("run", "same.yaml", "--out", "out", "--set", "functions[200000000000:api].memoryMb=256");
        assertExit(0, r);
        JsonNode summary = new ObjectMapper().readTree(s.work.resolve("out/summary.json").toFile());
        List<String> keys = new ArrayList<>();
        summary.path("functions").fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("200000000000:api", "300000000000:api", "edge"), keys);
        assertEquals("Active", summary.path("functions").path("200000000000:api").path("finalState").asText());
        assertTrue(Files.readString(s.work.resolve("out/narrative.txt")).contains("DeleteFunction 300000000000:api"),
                "the timeline's action on the second account's api");
        assertTrue(r.out().matches("(?s).*\\n  200000000000:api {9}account 200000000000  Active +[0-9,]+ requests.*"),
                r.out());
        assertTrue(r.out().matches("(?s).*\\n  edge {21}account 100000000000  Active +[0-9,]+ requests.*"),
                "a function with no account: is the first account's");
        assertExit(0, s.run("check", "same.yaml"));

        Files.writeString(s.work.resolve("bad.yaml"), SAME + EXPECT.replace("functions.200000000000:api.",
                "functions.api."));
        Scratch.Result bad = s.run("check", "bad.yaml");
        assertExit(2, bad);
        assertTrue(bad.err().contains("expect[0]: 'functions.api.finalState': 'api' is a function of accounts"
                + " 200000000000 and 300000000000 (a function is its account's): name one as 200000000000:api or"
                + " 300000000000:api"), bad.err());
    }

    @Test
    void aScenarioWithoutAccountsListsItsFunctionsWithoutAnAccountColumn() throws Exception {
        Scratch.Result r = s.run("run", "scenario.yaml", "--out", "out");
        assertExit(0, r);
        String list = r.out().substring(r.out().indexOf("\nFunctions ("));
        assertFalse(list.contains("account"), list);
    }
}
