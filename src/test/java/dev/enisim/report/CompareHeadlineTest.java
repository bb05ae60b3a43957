package dev.enisim.report;

import static dev.enisim.report.CompareRowOrderTest.row;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.experiment.Comparison;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * h3's review of the README's compare example (az-outage, reports-single-az given a second subnet) in a browser: the
 * page's first rows were reports-single-az's averageEnvironments.idle and .mean, warm starts and cost.requests; the
 * answer a planner came for, ServiceException 7,190 -> 0, was the tenth row. The account's headline figures now come
 * first, in a table of their own, in the order a decision reads them; the differences table stays as it was.
 */
class CompareHeadlineTest {

    /** az-outage's compare as the terminal printed it, abridged, in the summary's order. */
    static final List<Comparison.Row> AZ_OUTAGE = List.of(
            row("events.total", 594_000, 601_000, true),
            row("invocations.succeeded", 290_134.1, 297_271.9, true),
            row("invocations.errors.ResourceConflictException", 4_930.6, 4_982.8, false),
            row("invocations.errors.ServiceException", 7_190, 0, true),
            row("functions.reports-single-az.averageEnvironments.idle", 3.39064, 6.92521, true),
            row("functions.reports-single-az.cost.requests", 0.00141712, 0.00284468, true),
            row("functions.reports-single-az.invocations.errors.ServiceException", 7_190, 0, true),
            row("enis.peak", 3, 4, true),
            row("vpcs.vpc-prod.peakEnis", 3, 4, true),
            row("subnets.subnet-1b.minAvailableIps", 250, 249, true),
            row("latencyMillis.p99", 1_444, 1_851.2, true),
            row("cost.total", 0.2019, 0.2223, true));

    private static List<String> metrics(String html, String section) {
        int from = html.indexOf("<section id=\"" + section + "\">");
        String part = html.substring(from, html.indexOf("</section>", from));
        Matcher m = Pattern.compile("<tr><td[^>]*>([^<]+)</td>").matcher(part);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void theAccountsHeadlineFiguresComeBeforeTheDifferences() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/quickstart.yaml")), 0).run();
        String html = ComparePage.compare("A", r, "B", r, AZ_OUTAGE, 10, false).replace("<wbr/>", ""); // as read
        assertTrue(html.indexOf("<section id=\"headline\"><h2>What changes for the account</h2>")
                < html.indexOf("<section id=\"differences\">"), html);
        // invoke errors first, then successes, ENIs, per VPC, free IPs, p99, cost; no function's metric
        assertEquals(List.of("invocations.errors.ResourceConflictException", "invocations.errors.ServiceException",
                "invocations.succeeded", "enis.peak", "vpcs.vpc-prod.peakEnis", "subnets.subnet-1b.minAvailableIps",
                "latencyMillis.p99", "cost.total"), metrics(html, "headline"));
        assertTrue(html.contains("<tr><td style=\"min-width:14em\">"
                + "invocations.errors.ServiceException</td><td class=\"n\">7,190</td><td class=\"n\">0</td><td"
                + " class=\"n\">-7,190</td>"), html);
        // the differences table as before: every metric that differs, the largest significant change relative to A
        // first (+104% before -100%: as on the real page)
        List<String> differences = metrics(html, "differences");
        assertEquals(12, differences.size(), differences.toString());
        assertEquals("functions.reports-single-az.averageEnvironments.idle", differences.get(0));
    }

    @Test
    void theMetricsOnlyOneSideHasStayUnderTheDifferences() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/quickstart.yaml")), 0).run();
        String html = ComparePage.compare("A", r, "B", r, new Comparison.Outcome(AZ_OUTAGE, List.of(), List.of(
                new Comparison.Only("functions.x.latencyMillis.p50", 12.5)), 12), 10, false);
        int note = html.indexOf("<p class=\"note\">Only in B");
        assertTrue(note > html.indexOf("<section id=\"differences\">"), html);
    }
}
