package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.HtmlReport;
import dev.enisim.report.page.Headlines;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * A teacher's review of the lesson scenarios (session 53, r6): outcomes the run got right that the page and the
 * terminal left out or mislabelled. A failed VPC config update (B1), other tenants' addresses given at the run's end
 * without saying so (B2), a restore refused mid-run by a function that came back later (B3), and teardown.yaml's
 * count of its keys (A1).
 */
class TeacherLessonOutcomesTest {

    /** shop on subnet-a moves at 2m to subnet-b, whose 11 addresses other tenants hold: the update fails. */
    static final String UPDATE_FAILS = """
            name: update-fails
            duration: 10m
            vpcs:
              - id: v
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/28, az: a }
                  - { id: subnet-b, cidr: 10.0.0.16/28, az: b, otherUsedIps: 11 }
                securityGroups: [sg]
            functions:
              - name: shop
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            timeline:
              - { at: 2m, action: updateVpcConfig, function: shop, vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg] } }
            """;

    /**
     * nightly, Inactive on a /28 whose 11 addresses other tenants hold: its restore is refused
     * (SubnetOutOfIPAddresses); at 2m they free them all, and its next restore succeeds.
     */
    static final String RESTORE_REFUSED_THEN_BACK = dev.enisim.report.RestoreFailsStoryTest.FULL
            .replace("name: restore-fails\nduration: 5m", "name: restore-refused\nduration: 10m")
            + "timeline:\n  - { at: 2m, action: setOtherUsedIps, subnet: subnet-a, otherUsedIps: 0 }\n";

    private static RunResult run(String yaml) throws Exception {
        return new Simulation(ScenarioLoader.parse(yaml, "t"), 0).run();
    }

    private static String terminal(RunResult r) {
        StringWriter out = new StringWriter();
        TerminalSummary.print(new PrintWriter(out), r);
        return out.toString();
    }

    /** B1: the update's failure, told in the verdict, the Summary's final state and the terminal's function line. */
    @Test
    void aFailedUpdateIsToldOnThePageAndInTheTerminal() throws Exception {
        RunResult r = run(UPDATE_FAILS);
        assertEquals("Failed", r.summary().functions().get("shop").lastUpdateStatus(), "the run's own record");
        String answers = Headlines.html(r);
        assertTrue(answers.contains("The update of shop's VPC config at 00:02:00 (subnets subnet-a to subnet-b)"
                + " failed: LastUpdateStatus Failed (SubnetOutOfIPAddresses), a subnet had no free IP for an ENI"
                + " (subnet-b). Lambda kept shop on its old VPC config and ENIs, and it served on"), answers);
        // every invocation succeeded, but the function is not as asked: not green
        assertTrue(answers.contains("<p class=\"verdict warn\">"), answers);
        String page = HtmlReport.render(r, Map.of(), "test");
        assertTrue(page.contains("<td class=\"ok\">Active<br><span class=\"bad\">VPC config update LastUpdateStatus"
                + " Failed (SubnetOutOfIPAddresses) at 00:02:00: kept its old config</span></td>"), page);
        String text = terminal(r);
        assertTrue(text.lines().anyMatch(l -> l.startsWith("  shop ") && l.endsWith("ok; VPC config update"
                + " LastUpdateStatus Failed (SubnetOutOfIPAddresses) at 00:02:00: kept its old config")), text);
    }

    /** B1: an update that succeeded adds nothing. */
    @Test
    void anUpdateThatSucceededAddsNothing() throws Exception {
        RunResult r = run(UPDATE_FAILS.replace("otherUsedIps: 11", "otherUsedIps: 0"));
        assertEquals("Successful", r.summary().functions().get("shop").lastUpdateStatus());
        assertFalse(Headlines.html(r).contains("LastUpdateStatus Failed"));
        assertFalse(terminal(r).contains("LastUpdateStatus"), terminal(r));
    }

    /**
     * B2: other tenants' figure is the run's end: said so in the subnet table's header and the terminal, and when the
     * timeline changed it, its values before (11 from the start, 0 from 00:02:00) beside the fewest free (0).
     */
    @Test
    void otherTenantsSayWhichMomentAndTheirValuesDuringTheRun() throws Exception {
        RunResult r = run(RESTORE_REFUSED_THEN_BACK);
        String answers = Headlines.html(r);
        assertTrue(answers.contains("<th scope=\"col\">other tenants (end)</th>"), answers);
        assertTrue(answers.contains("<td class=\"n\">0<br><small>(11 from the start, 0 from 00:02:00)</small></td>"),
                answers);
        String text = terminal(r);
        assertTrue(text.contains("11 usable,     0 used by others (end), min free 0 (used by others: 11 from the"
                + " start, 0 from 00:02:00)"), text);
        // unchanged all run: the figure alone
        String still = terminal(run(UPDATE_FAILS));
        assertTrue(still.contains("11 usable,    11 used by others (end), min free 0\n"), still);
    }

    /** B3: a restore refused mid-run is in the why of ResourceNotReadyException though the function came back. */
    @Test
    void aRestoreRefusedMidRunIsInTheWhyWhenTheFunctionRecovers() throws Exception {
        RunResult r = run(RESTORE_REFUSED_THEN_BACK);
        assertEquals("Active", r.summary().functions().get("nightly").finalState());
        Headlines.Failure f = Headlines.failures(r).stream()
                .filter(x -> x.outcome().equals("ResourceNotReadyException")).findFirst().orElseThrow();
        assertTrue(f.why().contains("; 1 restore refused, the function Inactive until a later one succeeded:"
                + " nightly's at 00:00:01 (SubnetOutOfIPAddresses: a subnet had no free IP for an ENI; its "), f.why());
        // retried on each call until Lambda's retry of the ENI (hyperplane.eniRetryBackoff, 5m) found room
        assertTrue(f.why().matches(".* retries, the last at 00:04:59, refused too\\), Active again at 00:05:34"),
                f.why());
    }

    /**
     * A1: teardown.yaml's opening counts its keys (subnet + security-group set) as the scenario has them: it said "a
     * stack of three functions shares two keys", five in the file and the run.
     */
    @Test
    void teardownsCommentCountsItsKeys() throws Exception {
        Path file = Path.of("scenarios/teardown.yaml");
        Scenario sc = ScenarioLoader.load(file);
        Set<String> keys = new TreeSet<>();
        for (Scenario.Function f : sc.functions()) {
            for (String subnet : f.vpcConfig().subnetIds()) {
                keys.add(subnet + "+" + new TreeSet<>(f.vpcConfig().securityGroupIds()));
            }
        }
        assertEquals(5, keys.size(), keys.toString());
        String comment = Files.readString(file).lines().takeWhile(l -> l.startsWith("#"))
                .reduce("", (a, b) -> a + " " + b.substring(1).trim());
        assertTrue(comment.contains("five keys, five ENIs"), comment);
        assertFalse(comment.contains("two keys"), comment);
    }

    /**
     * B4: from 601 to 1,023 px the tables with a "why" (What failed, Functions that went Failed) and the queued
     * events' are cards: at 800 px quickstart's "last" and "why" were off the screen in their scroll box, and
     * async-inactive-function's why wrapped to a word a line. (Screenshots at 800 and 1,024 px checked by eye.)
     */
    @Test
    void theWhyTablesAreCardsBelow1024Pixels() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/async-inactive-function.yaml")), 0).run();
        String page = HtmlReport.render(r, Map.of(), "test");
        assertTrue(page.contains("<h3>What failed, when and why</h3>\n<div class=\"scroll\"><table class=\"answers"
                + " wide\">"), "the failure table");
        assertTrue(page.contains("<div class=\"scroll\"><table class=\"answers wide\">\n<tr><th scope=\"col\">"
                + "function</th><th scope=\"col\">events queued</th>"), "the queued events' table");
        String css = new String(HtmlReport.class.getResourceAsStream("page/report.css").readAllBytes(),
                java.nio.charset.StandardCharsets.UTF_8);
        int at = css.indexOf("@media (max-width:1023px){table.answers.wide");
        assertTrue(at >= 0, "cards under 1,024 px");
        String block = css.substring(at, css.indexOf("}}", at));
        assertTrue(block.contains("{display:block}") && block.contains("tr:first-child{display:none}")
                && block.contains("td[data-label]::before{content:attr(data-label)"), block);
        assertTrue(page.contains("table.answers.wide"), "the page carries the rule");
    }

    /** C1, C3: the terminal's heading names idle reclaims when it lists them; the narrative's "IPs freed" for two. */
    @Test
    void idleReclaimWaitsAreNamedInTheHeading() throws Exception {
        String text = terminal(new Simulation(ScenarioLoader.load(Path.of("scenarios/idle-reclaim.yaml")), 0).run());
        assertTrue(text.contains("Teardown and idle-reclaim waits (from the ENIs' release until the last was"
                + " gone):\n  batch-report             idle reclaim at "), text);
        String story = String.join("\n", dev.enisim.report.Narrative.lines(new Simulation(ScenarioLoader.load(
                Path.of("scenarios/orphaned-enis.yaml")), 0).run()));
        assertTrue(story.contains("2 ENIs deleted, IPs freed: eni-0001 to eni-0002"), story);
    }

    /**
     * C5: the connections chart leaves out keys with no connection all run, and says so: quickstart's
     * subnet-b+[sg-audit] (its one environment in subnet-a) vanished from the legend without a word.
     */
    @Test
    void theConnectionsChartNamesTheKeysItLeavesOut() throws Exception {
        String page = HtmlReport.render(new Simulation(ScenarioLoader.load(Path.of("scenarios/quickstart.yaml")), 0)
                .run(), Map.of(), "test");
        assertTrue(page.contains("Not drawn: 3 keys with no connection all run (subnet-b+[sg-audit],"
                + " subnet-a+[sg-notify], subnet-b+[sg-notify])"), "the connections chart's note");
    }
}
