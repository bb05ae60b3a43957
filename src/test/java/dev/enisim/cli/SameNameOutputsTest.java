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
 * Two accounts' functions {@code api}, one on a subnet with no free address (it goes Failed,
 * SubnetOutOfIPAddresses), the other fine: run's narrative and report.html (its Functions table, its topology's
 * timeline), explain's lines and plan's "fails as it is" each say the failure of {@code 200000000000:api} and the
 * other's successes under {@code 100000000000:api}, never one under the other's label nor under the bare name. The
 * topology's timeline left out every action on a labelled function (it took {@code 200000000000} for the function's
 * name, as it takes {@code f-1} of a version's {@code f-1:3}).
 */
class SameNameOutputsTest extends InScratch {

    static final String SAME = """
            name: same-fail
            seed: 1
            duration: 5m
            accounts:
              - { id: "100000000000" }
              - { id: "200000000000" }
            vpcs:
              - id: vpc-shared
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/24, az: eu-west-1a }
                  - { id: subnet-full, cidr: 10.0.1.0/28, az: eu-west-1a, otherUsedIps: 11 }
                securityGroups: [sg-app]
            functions:
              - { name: api, account: "100000000000", vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }, duration: 100ms, arrivals: { poisson: 5/s } }
              - { name: api, account: "200000000000", vpcConfig: { subnetIds: [subnet-full], securityGroupIds: [sg-app] }, duration: 100ms, arrivals: { poisson: 5/s } }
            """;

    private static final String OK = "100000000000:api";
    private static final String FAILED = "200000000000:api";

    /** Every line of {@code text} that names the bare {@code api}, not after an account. */
    private static List<String> bare(String text) {
        List<String> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.matches(".*(^|[^0-9:])api\\b.*") && !line.contains("name: api")) {
                out.add(line);
            }
        }
        return out;
    }

    @Test
    void runsNarrativeAndPageSayEachFunctionsFateUnderItsLabel() throws Exception {
        Files.writeString(s.work.resolve("same.yaml"), SAME);
        Scratch.Result r = s.run("run", "same.yaml", "--out", "out");
        assertExit(0, r);
        JsonNode summary = new ObjectMapper().readTree(s.work.resolve("out/summary.json").toFile());
        JsonNode failed = summary.path("functions").path(FAILED);
        JsonNode ok = summary.path("functions").path(OK);
        assertEquals("Failed", failed.path("finalState").asText());
        assertEquals("Active", ok.path("finalState").asText());
        long okSucceeded = ok.path("invocations").path("succeeded").asLong();
        assertTrue(okSucceeded > 0 && failed.path("invocations").path("succeeded").asLong() == 0, summary.toString());

        String story = Files.readString(s.work.resolve("out/narrative.txt"));
        assertTrue(story.contains(FAILED + " -> Failed (SubnetOutOfIPAddresses): no ENI could be created for"
                + " 200000000000:subnet-full+[sg-app]"), story);
        assertTrue(story.matches("(?s).*invocations of " + FAILED + " failed with SubnetIPAddressLimitReachedException.*"),
                story);
        assertFalse(story.contains(OK + " -> Failed") || story.matches("(?s).*of " + OK
                + " failed with SubnetIPAddressLimitReachedException.*"), story);
        assertTrue(story.contains(String.format("%,d", okSucceeded) + " invocations of " + OK + " succeeded"), story);
        assertEquals(List.of(), bare(story));

        String page = Files.readString(s.work.resolve("out/report.html"));
        assertTrue(page.contains("<tr><td>" + FAILED + "</td><td class=\"bad\">Failed (SubnetOutOfIPAddresses)</td>"),
                page);
        assertTrue(page.matches("(?s).*<tr><td>" + OK + "</td><td class=\"ok\">Active</td><td class=\"n\">[0-9,]+</td>"
                + "<td class=\"n\">" + String.format("%,d", okSucceeded) + "</td></tr>.*"), "its successes in its row");
        String topology = page.substring(page.indexOf("\"topology\":{"));
        assertTrue(topology.contains("CreateFunction " + OK + " with subnets subnet-a")
                && topology.contains("CreateFunction " + FAILED + " with subnets subnet-full"),
                "the topology's timeline has both functions' creation");
        assertEquals(List.of(), bare(page.replace("-&gt;", "->")).stream().filter(l -> !l.contains("name: api"))
                .toList());
    }

    @Test
    void explainAndPlanSayTheFailureOfTheFunctionThatFailed() throws Exception {
        Files.writeString(s.work.resolve("same.yaml"), SAME);
        Scratch.Result e = s.run("explain", "same.yaml");
        assertExit(0, e);
        assertTrue(e.out().contains(FAILED + " -> Failed (SubnetOutOfIPAddresses)"), e.out());
        assertTrue(e.out().contains("account 200000000000 (" + FAILED + "): 1,487 invocations, 0 succeeded"), e.out());
        assertFalse(e.out().contains(OK + " -> Failed"), e.out());
        assertEquals(List.of(), bare(e.out()));

        Scratch.Result p = s.run("plan", "same.yaml", "--out", "plan");
        assertExit(0, p);
        JsonNode plan = new ObjectMapper().readTree(s.work.resolve("plan/plan.json").toFile());
        List<String> asIs = new ArrayList<>();
        plan.path("failsAsIs").forEach(n -> asIs.add(n.asText()));
        assertTrue(asIs.contains(FAILED + " ends Failed (SubnetOutOfIPAddresses)"), asIs.toString());
        assertTrue(asIs.stream().anyMatch(l -> l.endsWith("fail with SubnetIPAddressLimitReachedException, of "
                + FAILED)), asIs.toString());
        assertFalse(asIs.stream().anyMatch(l -> l.startsWith(OK + " ends Failed")
                || l.endsWith("SubnetIPAddressLimitReachedException, of " + OK)), asIs.toString());
        assertTrue(p.out().contains("no keep-warm advice for " + FAILED + ": it ends Failed"), p.out());
        assertEquals(List.of(), bare(p.out()));
    }
}
