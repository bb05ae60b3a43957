package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * With several accounts, the plan gives each account's network interfaces per Region at the design's peak against
 * its own quota, the account closest to it first ("which account runs out first"), with its Lambda ENIs in each
 * VPC's quota; in the terminal, plan.json ({@code accountQuotas}) and the page, and a warning for an account at or
 * over its quota. Before, an account near its quota was said only once ENIs were refused.
 */
class PlanAccountQuotasTest {

    /** Accounts A (default quota) and B ({@code quota}, one other interface); one function each on sn. */
    private static Plan plan(int quota) throws Exception {
        return PlanRegionQuotaPerAccountTest.plan(quota);
    }

    @Test
    void theAccountClosestToItsQuotaComesFirst() throws Exception {
        Plan p = plan(3);
        assertEquals(List.of(new Plan.AccountQuota("222222222222", 1, 3, 2, 1, Map.of("vpc-p", 1L)),
                new Plan.AccountQuota("111111111111", 0, 5000, 1, 4999, Map.of("vpc-p", 1L))), p.accountQuotas());
        String text = PlanReport.text(p);
        assertTrue(text.contains("   network interfaces per Region, each account against its own quota (the one"
                + " closest to it first; every subnet at /16, no VPC quota in the way):\n"
                + "     account 222222222222: peak 2 of 3 (1 ENI spare; accounts[1].networkInterfacesPerRegion);"
                + " its Lambda ENIs use 1 ENI of vpc-p's quota\n"
                + "     account 111111111111: peak 1 of 5,000 (4,999 ENIs spare;"
                + " accounts[0].networkInterfacesPerRegion); its Lambda ENIs use 1 ENI of vpc-p's quota\n"), text);
        assertFalse(text.contains("its network-interface quota at the design's peak"), text);
        String json = PlanReport.json(p);
        assertTrue(json.contains("\"accountQuotas\"") && json.contains("\"peakNetworkInterfaces\" : 2"), json);
        assertTrue(PlanReport.html(p).contains("<li>account 222222222222: peak 2 of 3 (1 ENI spare;"),
                "the page lists them too");
    }

    @Test
    void anAccountAtItsQuotaIsWarned() throws Exception {
        Plan p = plan(2);
        assertEquals("222222222222", p.accountQuotas().get(0).account());
        assertEquals(0, p.accountQuotas().get(0).spare());
        String text = PlanReport.text(p);
        assertTrue(text.contains("Warning: account 222222222222 is at its network-interface quota at the design's peak"
                + " (peak 2 of 2 (at the quota; accounts[1].networkInterfacesPerRegion); its Lambda ENIs use 1 ENI of"
                + " vpc-p's quota): raise it before the next scale-out"), text);
    }

    @Test
    void oneAccountHasNone() throws Exception {
        Plan p = new Planner(ScenarioLoader.parse("""
                name: one
                duration: 20m
                vpcs:
                  - id: vpc-p
                    subnets: [{ id: sn, cidr: 10.1.0.0/24, az: a }]
                    securityGroups: [sg-1]
                functions:
                  - { name: one, vpcConfig: { subnetIds: [sn], securityGroupIds: [sg-1] }, duration: 100ms,
                      arrivals: { poisson: 2/s } }
                """, "one.yaml"), 1, line -> { }).plan();
        assertEquals(List.of(), p.accountQuotas());
        assertFalse(PlanReport.json(p).contains("accountQuotas"));
    }
}
