package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.experiment.Sweep;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An accessibility review (r1, session 57) of the experiment pages' words: compare painted every significant row red
 * and bold, an improvement too (ServiceException 7,164 -> 0), and left a difference that is not significant an empty
 * cell (only the narrow cards wrote "not significant"); sweep's charts were named by the metric alone ("
 * invocations.succeeded"); plan's two subnet charts were both "demand versus prefix".
 */
class AccessibleTextsTest {

    private static ComparePage.Row row(String metric, String a, String b, boolean significant) {
        return new ComparePage.Row(metric, a, b, "", "", "0.01", significant);
    }

    @Test
    void compareSaysBetterOrWorseInWordsAndNotSignificantInTheCell() {
        assertEquals("ok\">better (significant)", ComparePage.verdict(row(
                "invocations.errors.ServiceException", "7,164", "0", true), false), "fewer errors are better");
        assertEquals("bad\">worse (significant)", ComparePage.verdict(row("invocations.succeeded", "301,968",
                "290,000", true), false), "fewer successes are worse");
        assertEquals("ok\">better (significant)", ComparePage.verdict(row("subnets.subnet-a.minAvailableIps", "0",
                "12", true), false), "more free IPs are better");
        assertEquals("bad\">worse (significant)", ComparePage.verdict(row("latencyMillis.p99", "2,375.4", "2,600",
                true), false), "a slower p99 is worse");
        assertEquals("\">significant: B higher", ComparePage.verdict(row("functions.api.transitions", "3", "5",
                true), false), "no direction: which way B went");
        assertEquals("gone\">not significant", ComparePage.verdict(row("invocations.succeeded", "1", "2", false),
                false), "said in the cell");
        assertEquals("\">not adjusted", ComparePage.verdict(row("enis.created", "1", "2", false), true));
    }

    @Test
    void sweepsChartsAreNamedByTheirMetricAndWhatTheyShow() {
        String alt = SweepReport.alt("invocations.succeeded", List.of(new Sweep.Axis("traffic", List.of("1", "2"),
                "traffic")), 6);
        assertTrue(alt.startsWith("Chart of invocations.succeeded at each of the 6 points of the sweep, by traffic"),
                alt);
        assertTrue(alt.endsWith("."), alt);
    }

    @Test
    void plansSubnetChartsAreEachNamedByTheirSubnet() {
        String html = PlanReport.html(PlanPageTest.shortPlan());
        Matcher m = Pattern.compile("aria-label=\"(demand versus prefix[^\"]*)\"").matcher(html);
        List<String> labels = new ArrayList<>();
        while (m.find()) {
            labels.add(m.group(1));
        }
        assertEquals(2, labels.size(), labels.toString());
        assertTrue(labels.get(0).contains("subnet-a") && labels.get(1).contains("subnet-b"), labels.toString());
    }
}
