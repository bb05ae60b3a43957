package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A platform team's 600-function day (session 50, h4): narrative.txt told 491 "X's cold starts: init from the measured
 * preset" lines, one per function, then 880 spells of successes, and a 600-function start created within 40 seconds
 * took 4,726 lines (600 CreateFunction, 600 Pending, 1,196 "waits for", 600 Active...), burying the outage and the
 * ENI lines. Past {@link Narrative#CROWD} lines of the same kind within a span, they are one line naming a few; the
 * ENIs, the outage, a Failed function and a failure's first line stay a line each. The same, small: 60 functions
 * created within 20 seconds on two keys, an outage, a function Failed in a full subnet. And the narrative labels the
 * subnets and security groups the scenario names, as the terminal and the page do.
 */
class NarrativeCrowdTest {

    static String scenario(int functions) {
        StringBuilder y = new StringBuilder("""
                name: crowd
                seed: 7
                duration: 10m
                bucket: 1m
                account: { concurrencyLimit: 3000 }
                vpcs:
                  - id: vpc-main
                    subnets:
                      - { id: subnet-0aaa1111, cidr: 10.1.0.0/20, az: us-east-1a, name: private-a }
                      - { id: subnet-0bbb2222, cidr: 10.1.16.0/20, az: us-east-1b, name: private-b }
                      - { id: subnet-0ccc3333, cidr: 10.1.32.0/28, az: us-east-1a, otherUsedIps: 11 }
                    securityGroups: [sg-0app, sg-0batch, sg-0solo]
                    securityGroupNames: [{ id: sg-0app, name: app-lambda }, { id: sg-0batch, name: batch-lambda }]
                functions:
                """);
        String[] runtimes = {"python3.12", "nodejs20.x", "java21"};
        for (int i = 0; i < functions; i++) {
            y.append(String.format("  - { name: svc-%02d, runtime: %s, architecture: x86_64, packageType: Zip,"
                    + " memoryMb: 512, createdAt: %ds, duration: 50ms, vpcConfig: { subnetIds: [subnet-0aaa1111,"
                    + " subnet-0bbb2222], securityGroupIds: [%s] }, arrivals: { poisson: 2/m } }%n", i,
                    runtimes[i % 3], 1 + 19 * i / (functions - 1), i % 3 == 0 ? "sg-0batch" : "sg-0app"));
        }
        return y.append("""
                  - { name: solo, createdAt: 2m, duration: 50ms, vpcConfig: { subnetIds: [subnet-0ccc3333],\
                 securityGroupIds: [sg-0solo] }, arrivals: { poisson: 1/s } }
                timeline:
                  - { at: 5m, action: azOutage, az: us-east-1a, until: 7m }
                """).toString();
    }

    private static List<String> story(int functions) throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(scenario(functions), "crowd.yaml"), 0).run();
        return Narrative.lines(r);
    }

    @Test
    void sixtyFunctionsCreatedAlikeAreALineForEachThingTheyDo() throws Exception {
        List<String> story = story(60);
        String all = String.join("\n", story);
        assertTrue(story.size() < 150, story.size() + " lines:\n" + all); // 139; 489 before
        assertTrue(story.contains("00:00:01  60 functions' cold starts: init from the measured presets of their"
                + " runtime, memory, architecture and package (java21 20, nodejs20.x 20, python3.12 20; measured p50"
                + " 87 to 245 ms), between 00:00:01 and 00:00:20: svc-00, svc-01, svc-02, svc-03, svc-04 and 55 more"
                + " (each one's runtime, memory, architecture and package in the scenario)"), all);
        assertTrue(story.contains("00:00:01  60 functions -> Pending (Creating): created with VpcConfig, between"
                + " 00:00:01 and 00:00:20: svc-00, svc-01, svc-02, svc-03, svc-04 and 55 more"), all);
        // a crowd's line keeps the explanation its first line had
        assertTrue(story.get(story.indexOf("00:00:01  60 functions -> Pending (Creating): created with VpcConfig,"
                + " between 00:00:01 and 00:00:20: svc-00, svc-01, svc-02, svc-03, svc-04 and 55 more") + 1)
                .startsWith("          why: A function attached to a VPC stays Pending"), all);
        assertFalse(all.contains("svc-11's cold starts"), all);
        assertFalse(all.contains("svc-11 -> Pending"), all);
        assertFalse(all.contains("svc-11 -> Active"), all);
        // CreateFunction lines differ by their VpcConfig: 40 on one key, one line; 20 and solo, a line each
        assertTrue(story.contains("00:00:01  CreateFunction for 40 functions with subnets private-a (subnet-0aaa1111),"
                + " private-b (subnet-0bbb2222) and security groups [app-lambda (sg-0app)], between 00:00:01 and"
                + " 00:00:20: svc-01, svc-02, svc-04, svc-05, svc-07 and 35 more"), all);
        assertEquals(22, story.stream().filter(l -> l.contains("CreateFunction ")).count(), all);
        // what the story is about stays a line each: the ENIs, the outage, the Failed function, a failure's first
        assertTrue(story.stream().anyMatch(l -> l.matches("00:0.:..  ENI eni-0001 ready \\(private-a"
                + " \\(subnet-0aaa1111\\)\\+\\[batch-lambda \\(sg-0batch\\)\\] 10\\.1\\.15\\.254\\)")), all);
        assertTrue(story.contains("00:05:00  Availability Zone us-east-1a down"), all);
        assertTrue(story.contains("00:02:00  solo -> Failed (SubnetOutOfIPAddresses): no ENI could be created for"
                + " subnet-0ccc3333+[sg-0solo]"), all);
        assertTrue(story.stream().anyMatch(l -> l.matches("00:00:..  [0-9]+ invocations? of svc-[0-9]+ failed with"
                + " ResourceConflictException .*")), all);
    }

    @Test
    void aCrowdOfSpellsNamesTheFunctionsWithTheMostAndSumsThem() throws Exception {
        List<String> story = story(60);
        String all = String.join("\n", story);
        String line = story.stream().filter(l -> l.contains(" functions succeeded")).findFirst().orElseThrow(
                () -> new AssertionError(all));
        assertTrue(line.matches("00:0.:..  [0-9,]+ invocations of [0-9]+ functions succeeded(, starting between"
                + " 00:0.:.. and 00:0.:..| from 00:0.:..), the last by 00:10:00 \\(counted per 1m time-series"
                + " bucket\\): the most svc-[0-9]+ \\([0-9]+\\), .* and [0-9]+ more"), line);
    }

    @Test
    void twentyFourFunctionsAlikeKeepALineEach() throws Exception {
        List<String> story = story(24);
        String all = String.join("\n", story);
        assertEquals(24, story.stream().filter(l -> l.matches(".*svc-.. -> Pending \\(Creating\\): created with"
                + " VpcConfig")).count(), all);
        assertEquals(24, story.stream().filter(l -> l.contains("'s cold starts: init from the measured preset"))
                .count(), all);
        assertFalse(all.contains(" functions -> "), all);
    }

    @Test
    void theSubnetsAndSecurityGroupsTheScenarioNamesAreLabelled() throws Exception {
        List<String> story = story(3);
        String all = String.join("\n", story);
        assertTrue(story.contains("00:00:01  CreateFunction svc-00 with subnets private-a (subnet-0aaa1111), private-b"
                + " (subnet-0bbb2222) and security groups [batch-lambda (sg-0batch)]"), all);
        assertTrue(all.contains("ENI eni-0001 ready (private-a (subnet-0aaa1111)+[batch-lambda (sg-0batch)]"
                + " 10.1.15.254)"), all);
        // an id the scenario does not name stays as it is; the explanations are not touched
        assertTrue(all.contains("no ENI could be created for subnet-0ccc3333+[sg-0solo]"), all);
        assertTrue(story.stream().filter(l -> l.startsWith(" ")).noneMatch(l -> l.contains("private-a")), all);
    }
}
