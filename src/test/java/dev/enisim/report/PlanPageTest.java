package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.plan.Plan;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** plan --html: a real page, its verdicts spelled out, from a plan built by hand. */
public class PlanPageTest {

    /** A plan where subnet-a is 3 IPs short today: the scenario already fails as it is. */
    public static Plan shortPlan() {
        return new Plan("quickstart", 42, "hyperplane", List.of(), List.of(),
                List.of(new Plan.SubnetAdvice("subnet-a", "10.0.1.0/28", 11, 7, 7, 5, 27, 27, -3, 0, 12),
                        new Plan.SubnetAdvice("subnet-b", "10.0.2.0/24", 251, 40, 7, 5, 26, 59, 204, 0, 3)),
                List.of(),
                List.of(new Plan.VpcAdvice("vpc-main", 500, 10, List.of(new Plan.KeyUse("subnet-a+[sg-app]", 1, 37)),
                        2, 8)),
                new Plan.Headroom(2.5, List.of("IP"), 8, List.of(new Plan.Probe(1, List.of()),
                        new Plan.Probe(2.5, List.of("IP")))),
                new Plan.TeardownWait(20, 10, 900, 1900, 950, 2000),
                List.of(new Plan.IdleAdvice("orders-api", 14 * 86_400, 7 * 86_400, true, true, 1.0e-6)), "field");
    }

    @Test
    void thePlanPageSpellsOutItsVerdicts() throws Exception {
        String html = PlanReport.html(shortPlan());
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertFalse(html.contains("<pre>"), "a page, not terminal text");
        // short of the design's peak with no IP failure in the run (failsAsIs is empty): a warning, not "already
        // fails" (the page alone said "already fails: subnet-a is 3 IPs short (needs /27)"; the terminal, nothing)
        assertTrue(html.contains("<p class=\"verdict warn\">Warning: subnet-a is 3 IPs short of the design's peak at"
                + " its size now (recommended /27), though the run as it is had no IP failure.</p>"), html);
        assertFalse(html.contains("already fails"), html);
        assertTrue(html.contains("<b>/27</b> (27 IPs usable)"), "the prefix spelled out");
        assertTrue(html.contains("3 IPs short") && html.contains("204 IPs spare"), "no 'headroom -3'");
        assertFalse(html.contains("headroom -"));
        assertTrue(html.contains("demand 14 IPs (Lambda's peak 7 + 7 already in use: other tenants', or Lambda's beyond"
                + " those its functions start with)"), "the demand-vs-prefix chart");
        assertTrue(html.contains("The first limit is hit at 2.50 times today's traffic: IP."));
        assertTrue(html.contains("490 ENIs spare"));
        assertTrue(html.contains("simulated p99") && html.contains("31.7 min"), "the teardown wait");
    }

    /**
     * The headroom at the recommended sizes is read from probes of its own: the page lists them under a caption, after
     * the scenario's own (which stop at x1.00 when it fails as it is), and the intro names every limit searched (it
     * named four of the seven).
     */
    @Test
    void theRecommendedSizesProbesAreListedAndEveryLimitNamed() throws Exception {
        Plan s = shortPlan();
        Plan.Headroom after = new Plan.Headroom(10.8, List.of("concurrency"), 10.8, List.of(new Plan.Probe(1,
                List.of()), new Plan.Probe(10.4, List.of()), new Plan.Probe(10.8, List.of("concurrency"))));
        Plan.Headroom asIs = new Plan.Headroom(1.0, List.of("IP"), 1, List.of(new Plan.Probe(1, List.of("IP"))),
                after);
        Plan p = new Plan(s.scenario(), s.seed(), s.networkModel(), s.failsAsIs(), s.failedFunctions(), s.subnets(),
                s.subnetsUnderOtherModel(), s.vpcs(), asIs, s.teardown(), s.idle(), s.assumptions());
        String html = PlanReport.html(p);
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        String section = html.substring(html.indexOf("<section id=\"headroom\">"), html.indexOf("</section>",
                html.indexOf("<section id=\"headroom\">")));
        assertTrue(section.contains("(ENI quota, subnet IPs, connections per ENI, concurrency, scaling rate, request"
                + " rate or EC2's request rate)"), section);
        int own = section.indexOf(">Probes of the scenario as it is, in the order tried</caption>");
        int resized = section.indexOf(">Probes with every subnet at its recommended size, in the order tried</caption>");
        assertTrue(own > 0 && resized > own, section);
        assertTrue(section.indexOf("<td class=\"n\">10.40</td><td class=\"ok\">none</td>", resized) > resized,
                section);
        assertTrue(section.indexOf("<td class=\"n\">10.80</td><td class=\"bad\">concurrency</td>", resized)
                > resized, section);
        assertFalse(PlanReport.html(s).contains("<caption>"), "one search: no caption");
    }

    /** A Failed function and failing invocations: the verdict says so, and the Failed function gets no keep-warm. */
    @Test
    void aScenarioThatFailsAsItIsSaysSoAndGivesNoKeepWarmToAFailedFunction() {
        Plan s = shortPlan();
        Plan p = new Plan(s.scenario(), s.seed(), s.networkModel(), List.of("notifications ends Failed "
                + "(SubnetOutOfIPAddresses)", "35,936 invocations fail with SubnetIPAddressLimitReachedException"),
                List.of("notifications"), List.of(new Plan.SubnetAdvice("subnet-b", "10.0.2.0/24", 251, 40, 7, 5, 26,
                        59, 204, 0, 3)), List.of(), s.vpcs(), s.headroom(), s.teardown(), s.idle(), s.assumptions());
        String html = PlanReport.html(p);
        assertTrue(html.contains("As it is, this scenario already fails: notifications ends Failed "
                + "(SubnetOutOfIPAddresses); 35,936 invocations fail with SubnetIPAddressLimitReachedException"), html);
        assertTrue(html.contains("No keep-warm advice for notifications"), html);
        assertFalse(html.contains("<td>notifications</td>"), "no keep-warm row for it");
        String text = PlanReport.text(p);
        assertTrue(text.contains("As it is, this scenario already fails: notifications ends Failed"), text);
        assertTrue(text.contains("no keep-warm advice for notifications"), text);
        Plan fine = new Plan(s.scenario(), s.seed(), s.networkModel(), List.of(), List.of(), p.subnets(), List.of(),
                s.vpcs(), s.headroom(), s.teardown(), s.idle(), s.assumptions());
        assertTrue(PlanReport.html(fine).contains("As it is, the scenario fits"));
        assertFalse(PlanReport.text(fine).contains("already fails"));
    }

    /** A limit hit today: the page gives the headroom once the plan's subnet sizes are applied too, and the text. */
    @Test
    void theHeadroomAtTheRecommendedSizesIsSaid() {
        Plan p = shortPlan();
        Plan.Headroom after = new Plan.Headroom(10.83, List.of("concurrency"), 16, List.of());
        Plan withAfter = new Plan(p.scenario(), p.seed(), p.networkModel(), p.failsAsIs(), p.failedFunctions(),
                p.subnets(), p.subnetsUnderOtherModel(), p.vpcs(), new Plan.Headroom(1.0, List.of("IP"), 1,
                List.of(new Plan.Probe(1, List.of("IP"))), after), p.teardown(), p.idle(), p.assumptions());
        assertTrue(PlanReport.html(withAfter).contains("With every subnet at its recommended size (section 1): first"
                + " limit at x10.83: concurrency"));
        assertTrue(PlanReport.text(withAfter).contains("   with every subnet at its recommended size: first limit at"
                + " x10.83: concurrency\n"), PlanReport.text(withAfter));
        assertFalse(PlanReport.html(p).contains("With every subnet at its recommended size"), "none: not said");
    }

    @Test
    void aLimitMetOnlyInTheWarmUpSaysTheWarmUpsLengthAsTheOtherLinesDo() {
        List<Plan.Probe> probes = List.of(new Plan.Probe(1, List.of(), List.of(), 1, List.of("scaling-rate")),
                new Plan.Probe(2, List.of("IP"), List.of(), 1));
        Plan.Headroom ninety = new Plan.Headroom(2.0, List.of("IP"), 2, probes, null, 1.0, 1, 90);
        assertEquals("met only in the warm-up (the first 90 s of the run or of a function's turning Active, while its"
                + " environments ramp up from none; plan --warm-up), not counted as a limit: scaling-rate from x1.00",
                PlanReport.warmUpText(ninety), "a 90 s warm-up was 'the first 2 min'");
        Plan.Headroom five = new Plan.Headroom(2.0, List.of("IP"), 2, probes, null, 1.0, 1, 300);
        assertTrue(PlanReport.warmUpText(five).startsWith("met only in the warm-up (the first 5 min of the run"),
                PlanReport.warmUpText(five));
    }
}
