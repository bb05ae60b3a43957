package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.page.BigAccountAnswersTest;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What the terminal hid of a 600-function account (session 48, h3's review): the functions a failed restore left
 * Inactive, among 590 quiet Active ones; why 13.4 M requests were throttled ("13,454,530 throttled", no Reason); a stack
 * deletion's 10 of 32 waits in name order and not its total. The page's scenarios, small (BigAccountAnswersTest).
 */
class TerminalBigAccountTest {

    private static String print(String yaml) throws Exception {
        StringWriter out = new StringWriter();
        TerminalSummary.print(new PrintWriter(out), new Simulation(ScenarioLoader.parse(yaml, "big-account"), 0)
                .run());
        return out.toString();
    }

    @Test
    void aFunctionLeftInactiveByAFailedRestoreIsListedFirst() throws Exception {
        String text = print(BigAccountAnswersTest.STRANDED);
        int list = text.indexOf("Functions (Failed, or Inactive/Pending for a network cause, first; then those"
                + " with a failed VPC config update; each by invocation requests):\n");
        assertTrue(list > 0, text);
        assertTrue(text.substring(list).matches("(?s)[^\n]*\n  nightly +Inactive/SubnetOutOfIPAddresses +[0-9,]+"
                + " requests, 0 ok\n  api +Active .*"), text);
    }

    @Test
    void theThrottlesReasonsAreToldWithTheAccountsCap() throws Exception {
        String text = print(BigAccountAnswersTest.ACCOUNT_CAP);
        assertTrue(text.matches("(?s).*\n  Throttled: FunctionInvocationRateLimitExceeded +[0-9,]+ \\(the account's"
                + " cap of 100 requests/s \\(10 x its concurrency limit of 10\\) was passed: its functions were sent"
                + " up to 150/s together\\)\n.*"), text);
    }

    @Test
    void aStackDeletionsWaitsAreTheLongestFirstWithTheTotal() throws Exception {
        String text = print(BigAccountAnswersTest.stack());
        Matcher m = Pattern.compile("\n  (fn-\\d\\d) +deleteFunction at 00:01:00: 1 ENI, waited (\\d\\d:\\d\\d:\\d\\d)")
                .matcher(text);
        List<String> waits = new ArrayList<>();
        String longest = null;
        while (m.find()) {
            longest = longest == null ? m.group(1) : longest;
            waits.add(m.group(2));
        }
        assertEquals(4, waits.size(), text);
        List<String> sorted = new ArrayList<>(waits);
        sorted.sort(java.util.Comparator.reverseOrder());
        assertEquals(sorted, waits, text);
        assertTrue(text.contains("\n  and 20 with no ENI to wait for\n"), text);
        assertTrue(text.contains("\n  24 functions deleted together at 00:01:00 (as a stack's deletion): done after "
                + waits.get(0) + ", the longest wait (" + longest + "'s)\n"), text);
    }
}
