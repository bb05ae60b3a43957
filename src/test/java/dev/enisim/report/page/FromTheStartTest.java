package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Session 45 (h4): Capacity's "first reached (bucket)" read 00:00:00 for a level that was there before anything in
 * the run happened (sqs-burst's subnets, full from the start: 250 of 251 addresses held by other tenants, one by an
 * existing function's ENI), as if the run had reached it; the verdict said they "ran out of free IPs (the first in
 * the 10s from 00:00:00)". Such a level now reads "from the start"; one the run reached in its first bucket (ENIs
 * whose creation started at 00:00:00) keeps its time.
 */
class FromTheStartTest {

    private static String answers(String scenario) throws Exception {
        return Headlines.html(new Simulation(ScenarioLoader.load(Path.of("scenarios/" + scenario + ".yaml")), 0)
                .run());
    }

    /** Each row of the Capacity table of this class ("vpcs", "subnets"): its first cell and its last. */
    private static List<String> rows(String answers, String table) {
        int at = answers.indexOf("<table class=\"answers " + table);
        String t = answers.substring(at, answers.indexOf("</table>", at));
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("<tr><td>([^<]*)</td>.*<td class=\"n\">([^<]*)</td></tr>").matcher(t);
        while (m.find()) {
            out.add(m.group(1) + " " + m.group(2));
        }
        return out;
    }

    @Test
    void subnetsFullBeforeTheRunReadFromTheStart() throws Exception {
        String a = answers("sqs-burst");
        assertEquals(List.of("subnet-orders-a from the start", "subnet-orders-b from the start"), rows(a, "subnets"));
        assertTrue(a.contains("Subnets subnet-orders-a and subnet-orders-b had no free IP from the start: a new ENI"
                + " there fails until an IP is freed (see Capacity)."), a);
        assertFalse(a.contains("ran out of free IPs"), a);
    }

    @Test
    void existingFunctionsEnisAreThereFromTheStart() throws Exception {
        String a = answers("teardown");
        assertEquals(List.of("vpc-stack from the start"), rows(a, "vpcs"));
        assertEquals(List.of("subnet-stack-a from the start", "subnet-stack-b from the start",
                "subnet-stack-c from the start"), rows(a, "subnets"));
    }

    @Test
    void aLevelTheRunReachedInItsFirstBucketKeepsItsTime() throws Exception {
        String a = answers("shared-vpc-two-accounts");
        // subnet-shared-b: 10 of 11 addresses other tenants', the last taken by an ENI created at 00:00:00
        assertEquals(List.of("subnet-shared-a 00:30:00", "subnet-shared-b 00:00:00"), rows(a, "subnets"));
        assertTrue(a.contains("ran out of free IPs (the first in the 1m from 00:00:00)"), a);
    }
}
