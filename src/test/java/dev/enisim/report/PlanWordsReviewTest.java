package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.plan.Plan;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A planner's review of the plan's words (session 53): a VPC's {@code otherUsedEnis}, which an import fills with
 * Lambda ENIs too, were "other services'" in the text and the page, and a subnet's {@code otherUsedIps} "other
 * tenants" in the page's chart; they are now said as the run says them, already in place. A recommended size that
 * leaves no address at the design's peak says so beside it, with the next size's spare, and its bar in the chart is
 * amber with "none spare", not a comfortable green.
 */
class PlanWordsReviewTest {

    private static final String IN_PLACE = "ENIs already in place (other services', or Lambda's beyond those its"
            + " functions start with";

    /**
     * app-c: 10 addresses in use and Lambda's peak 1, so a /28 (11 usable) holds it with none spare; vpc-main: 5
     * ENIs already in place beside Lambda's peak 10.
     */
    private static Plan plan() {
        Plan s = PlanPageTest.shortPlan();
        return new Plan(s.scenario(), s.seed(), s.networkModel(), s.failsAsIs(), s.failedFunctions(), List.of(
                new Plan.SubnetAdvice("app-c", "10.0.3.0/24", 251, 10, 1, 1, 28, 11, 240, 0, -1),
                new Plan.SubnetAdvice("subnet-b", "10.0.2.0/24", 251, 40, 7, 5, 26, 59, 204, 0, 3)), List.of(),
                List.of(new Plan.VpcAdvice("vpc-main", 500, 10, List.of(new Plan.KeyUse("app-c+[sg-app]", 1, 37)), 2,
                        8, 5)), s.headroom(), s.teardown(), s.idle(), s.assumptions());
    }

    @Test
    void theVpcsEnisAlreadyInPlaceAreNotCalledOtherServices() {
        String text = PlanReport.text(plan());
        assertTrue(text.contains("   vpc-main: peak 10 + 5 " + IN_PLACE + "; at their most) of 500 (485 ENIs spare)"),
                text);
        assertFalse(text.contains("other services' (at their most)"), text);
        String html = PlanReport.html(plan());
        // the words are in a note under the table, the cell holds the figures (r8: a cell of ~1,600 px)
        assertTrue(html.contains("<td class=\"n\">10 + 5<sup>*</sup></td>"), html);
        assertTrue(html.contains("<p class=\"note\">* vpc-main: peak ENIs 10 + 5: 10 Lambda's at the design's"
                + " peak + 5 " + IN_PLACE + ").</p>"), html);
        assertFalse(html.contains("5 other services'"), html);
    }

    @Test
    void theChartsAddressesInUseAreNotCalledOtherTenants() {
        String html = PlanReport.html(plan());
        assertTrue(html.contains("app-c: demand 11 IPs (Lambda's peak 1 + 10 already in use: other tenants', or"
                + " Lambda's beyond those its functions start with) against each subnet size"), html);
        assertFalse(html.contains("+ other tenants "), html);
    }

    @Test
    void aRecommendedSizeWithNoAddressSpareSaysSoBesideIt() {
        String text = PlanReport.text(plan());
        assertTrue(text.contains("0 failures at /28, none spare at the peak (16 at /27)"), text);
        assertFalse(text.contains("0 failures at /26, none spare"), "subnet-b's /26 leaves some: " + text);
        String html = PlanReport.html(plan());
        assertTrue(html.contains("<b>/28</b> (11 IPs usable; none spare at the peak, 16 at /27)</td>"), html);
        // its bar in the demand-vs-prefix chart: amber (Palette.FUNCTION_ERRORS), said in words too
        String chart = PlanCharts.demandVersusPrefix(plan().subnets().get(0), "app-c");
        int label = chart.indexOf(">/28 advised</text>");
        assertTrue(label > 0, chart);
        assertTrue(chart.substring(label).startsWith(">/28 advised</text><rect ") && chart.substring(label, chart
                .indexOf("/>", label)).contains("fill=\"" + dev.enisim.report.chart.Palette.FUNCTION_ERRORS + "\""),
                chart);
        assertTrue(chart.contains(">11 usable, none spare</text>"), chart);
        assertTrue(chart.contains(">27 usable</text>"), "a /27 holds it with room: " + chart);
    }
}
