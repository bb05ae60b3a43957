package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.plan.Plan;
import dev.enisim.report.PlanPageTest;
import dev.enisim.report.PlanReport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * plan.html's ENI-quota table at a 1,400 px window (r8): a VPC with ENIs already in place (an import's NAT gateways
 * and endpoint) and ENIs left by the warm-up had the sentence "8 + 4 ENIs already in place (other services', ...)
 * (9 during the 5 min warm-up, not counted)" in its "peak ENIs" cell, a figure cell that does not wrap: a line of
 * about 1,600 px that pushed the quota, used and headroom columns off the screen. The cell holds the figures now, the
 * words a note under the table; every column's cell is inside the window.
 */
class PlanQuotaTableFitsBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser(1400, 900);

    @Test
    void theQuotaTablesColumnsAreInsideA1400PxWindow() throws Exception {
        Plan s = PlanPageTest.shortPlan();
        Plan plan = new Plan(s.scenario(), s.seed(), s.networkModel(), s.failsAsIs(), s.failedFunctions(),
                s.subnets(), List.of(), List.of(new Plan.VpcAdvice("vpc-0aa11bb22cc33dd44", 13, 8, List.of(
                        new Plan.KeyUse("subnet-a+[sg-app]", 1, 37)), 4, 4, 4, 9)), s.headroom(), s.teardown(),
                s.idle(), s.assumptions());
        Path dir = Files.createDirectories(Path.of("target/browser/plan-quota-table"));
        Path page = Files.writeString(dir.resolve("plan.html"), PlanReport.html(plan));
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
        browser.open(page);
        @SuppressWarnings("unchecked")
        List<Object> out = (List<Object>) browser.driver.executeScript("""
                var w = document.documentElement.clientWidth, t = document.querySelector('#quota table');
                var out = [];
                t.querySelectorAll('th, td').forEach(function (c) {
                  var r = c.getBoundingClientRect();
                  if (r.right > w + 0.5) { out.push(c.textContent.slice(0, 40) + ' ends at ' + Math.round(r.right)); }
                });
                return out;""");
        browser.screenshot("plan-quota-table-1400px");
        assertEquals(List.of(), out, "cells of the ENI-quota table past the 1,400 px window");
        String html = PlanReport.html(plan);
        assertTrue(html.contains("warm-up, not counted.</p>"), "the words are still said, under the table");
    }
}
