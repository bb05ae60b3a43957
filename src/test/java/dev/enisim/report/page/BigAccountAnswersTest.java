package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.HtmlReport;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A platform team's 600-function account (session 48, h3's review) read the page's answers hidden by its size: 4
 * functions left Inactive by a restore that found no free IP, named nowhere; 13.4 M FunctionInvocationRateLimitExceeded
 * put on scaling when the account was sent 21,220 requests/s against its cap of 10,000; a stack deletion's table of
 * 20 "nothing" rows without any of the 32 deletions that waited. The same, small.
 */
public class BigAccountAnswersTest {

    /**
     * nightly, Inactive on a /28 that other tenants fill: invoked, its restore fails (SubnetOutOfIPAddresses) and it
     * stays Inactive; api, busy and Active on another subnet. Also the terminal's scenario (TerminalBigAccountTest).
     */
    public static final String STRANDED = """
            name: stranded
            duration: 5m
            vpcs:
              - id: v
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/28, az: a, otherUsedIps: 11 }
                  - { id: subnet-b, cidr: 10.0.1.0/24, az: b }
                securityGroups: [sg]
            functions:
              - name: api
                vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg] }
                existing: Active
                duration: 10ms
                arrivals: { poisson: 20/s }
              - name: nightly
                existing: Inactive
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    /**
     * Five functions sent 30 requests/s each, 150/s together, under an account limit of 10: its cap is 100/s, no
     * function's own rate passes it. Also the terminal's scenario.
     */
    public static final String ACCOUNT_CAP = """
            name: account-cap
            duration: 1m
            bucket: 10s
            account: { concurrencyLimit: 10 }
            functions:
              - { name: a, duration: 1ms, initDuration: 0s, arrivals: { constant: 30/s } }
              - { name: b, duration: 1ms, initDuration: 0s, arrivals: { constant: 30/s } }
              - { name: c, duration: 1ms, initDuration: 0s, arrivals: { constant: 30/s } }
              - { name: d, duration: 1ms, initDuration: 0s, arrivals: { constant: 30/s } }
              - { name: e, duration: 1ms, initDuration: 0s, arrivals: { constant: 30/s } }
            """;

    /**
     * 24 functions deleted together at 1m: fn-00 to fn-20 share one ENI key (fn-20, deleted last, releases its ENI;
     * the 20 others none), fn-21 to fn-23 each have a key of their own. Also the terminal's scenario.
     */
    public static String stack() {
        StringBuilder y = new StringBuilder("""
                name: stack
                seed: 3
                duration: 2h
                bucket: 1m
                vpcs:
                  - id: v
                    subnets: [{ id: subnet-a, cidr: 10.0.0.0/24, az: a }]
                    securityGroups: [sg-shared, sg-21, sg-22, sg-23]
                functions:
                """);
        StringBuilder timeline = new StringBuilder("timeline:\n");
        for (int i = 0; i < 24; i++) {
            String name = String.format("fn-%02d", i);
            y.append("  - { name: ").append(name).append(", existing: Active, duration: 10ms, arrivals: { constant:"
                    + " 1/m, until: 30s }, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [")
                    .append(i <= 20 ? "sg-shared" : "sg-" + i).append("] } }\n");
            timeline.append("  - { at: 1m, action: deleteFunction, function: ").append(name).append(" }\n");
        }
        return y.append(timeline).toString();
    }

    static RunResult run(String yaml) throws Exception {
        return new Simulation(ScenarioLoader.parse(yaml, "big-account"), 0).run();
    }

    private static String verdict(String answers) {
        int at = answers.indexOf("<p class=\"verdict");
        return answers.substring(at, answers.indexOf("</p>", at));
    }

    @Test
    void aFunctionLeftInactiveByAFailedRestoreIsNamedAndListedFirst() throws Exception {
        RunResult r = run(STRANDED);
        assertEquals("Inactive", r.summary().functions().get("nightly").finalState());
        String answers = Headlines.html(r);
        String v = verdict(answers);
        assertTrue(v.contains(" Inactive at the end, its ENIs not restored (StateReasonCode SubnetOutOfIPAddresses: a"
                + " subnet had no free IP for an ENI): nightly. Each call to it fails with ResourceNotReadyException"
                + " and tries the restore again, which fails while the cause lasts."), v);
        assertTrue(v.startsWith("<p class=\"verdict bad\">"), v);
        // What failed tells which of the refused functions could not come back
        assertTrue(answers.contains("invoked while Inactive or restoring its ENIs; 1 of them stayed Inactive"
                + " (SubnetOutOfIPAddresses), its restore refused: nightly</td>"), answers);
        // the page's function table: nightly (a few hundred requests) before api (thousands)
        String page = HtmlReport.render(r, Map.of(), "test");
        int table = page.indexOf("<table class=\"answers functions\">");
        assertTrue(page.indexOf("<td>nightly</td>", table) < page.indexOf("<td>api</td>", table),
                page.substring(table, page.indexOf("</table>", table)));
    }

    @Test
    void theAccountsCapOnRequestsIsNamedWhenItsFunctionsTogetherPassIt() throws Exception {
        RunResult r = run(ACCOUNT_CAP);
        long throttled = r.summary().invocations().throttleReasons().get("FunctionInvocationRateLimitExceeded");
        assertTrue(throttled > 2000, "about 50/s over a minute: " + throttled);
        String answers = Headlines.html(r);
        assertTrue(answers.contains("<td data-label=\"why\">the account's cap of 100 requests/s (10 x its concurrency"
                + " limit of 10) was passed: its functions were sent up to 150/s together</td>"), answers);
        assertFalse(answers.contains("scaling could not add environments fast enough"), answers);
        String v = verdict(answers);
        assertTrue(v.contains(" The account's cap on requests, not the scaling of environments, throttled them:"
                + " Lambda accepts at most 100 requests per second for the account (10 x its concurrency limit of"
                + " 10), and its functions were sent up to 150 per second together (over 10s)"), v);
        assertFalse(v.contains("How Lambda scaled"), v);
    }

    @Test
    void underTheCapTheRateThrottlesAreStillScalingsAndOneFunctionIsNamed() throws Exception {
        // one function at 30/s under the same limit: nothing passes 100/s, no rate throttle, no cap told
        RunResult r = run(ACCOUNT_CAP.replaceAll("  - \\{ name: [b-e],.*\n", ""));
        assertEquals(null, AccountRate.of(r));
        assertEquals("scaling could not add environments fast enough", AccountRate.why(r,
                "FunctionInvocationRateLimitExceeded"));
        // one function alone past the cap (request-rate-cap): named, not "its functions ... together"
        RunResult one = new Simulation(ScenarioLoader.load(java.nio.file.Path.of("scenarios/request-rate-cap.yaml")),
                0).run();
        assertEquals("the account's cap of 100 requests/s (10 x its concurrency limit of 10) was passed: pixel was"
                + " sent up to 10,000/s", AccountRate.why(one, "FunctionInvocationRateLimitExceeded"));
    }

    @Test
    void aStackDeletionListsTheDeletionsThatWaitedLongestFirstAndCountsTheRest() throws Exception {
        RunResult r = run(stack());
        String answers = Headlines.html(r);
        int at = answers.indexOf("<table class=\"answers teardowns\">");
        String table = answers.substring(at, answers.indexOf("</table>", at));
        Matcher m = Pattern.compile("<tr><td>(fn-\\d\\d)</td><td>deleteFunction</td><td class=\"n\">00:01:00</td>"
                + "<td class=\"n\">(\\d+)</td><td class=\"n\">(\\d\\d:\\d\\d:\\d\\d)</td>").matcher(table);
        List<String> names = new ArrayList<>();
        List<String> waits = new ArrayList<>();
        while (m.find()) {
            names.add(m.group(1));
            waits.add(m.group(3));
        }
        assertEquals(4, names.size(), table);
        assertTrue(names.containsAll(List.of("fn-20", "fn-21", "fn-22", "fn-23")), names.toString());
        List<String> sorted = new ArrayList<>(waits);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, waits, "the longest first: " + names);
        assertFalse(table.contains(">nothing<"), table);
        assertTrue(answers.contains("<p class=\"note\">The 4 teardowns that waited shown, the longest first; and 20"
                + " with no ENI to wait for (in summary.json teardowns).</p>"), answers);
    }
}
