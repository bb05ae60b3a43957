package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * A function saved Failed ({@code existing: Failed}, as {@code enisim import} writes it) in {@code plan}: said as
 * such beside the sizes, not planned around in silence, and given no idle probe (which said "broke stays Active"
 * of a function that never runs: it ended Deleted, so the "ends Failed" skip did not catch it).
 */
class PlanExistingFailedTest {

    /**
     * A 20-minute plan of ok (2/s on sn + sg-1) and {@code failed}, saved Failed for {@code reason} on sn + sg-2 (2/s),
     * {@code more} after them (a timeline, or nothing).
     */
    private static Plan plan(String name, String failed, String reason, String more) throws Exception {
        return new Planner(ScenarioLoader.parse("""
                name: NAME
                duration: 20m
                vpcs:
                  - id: vpc-p
                    subnets: [{ id: sn, cidr: 10.1.0.0/24, az: a }]
                    securityGroups: [sg-1, sg-2]
                functions:
                  - { name: ok, vpcConfig: { subnetIds: [sn], securityGroupIds: [sg-1] }, duration: 100ms,
                      arrivals: { poisson: 2/s } }
                  - { name: FAILED, existing: Failed, stateReasonCode: REASON,
                      vpcConfig: { subnetIds: [sn], securityGroupIds: [sg-2] }, duration: 100ms,
                      arrivals: { poisson: 2/s } }
                """.replace("NAME", name).replace("FAILED", failed).replace("REASON", reason) + more, name + ".yaml"),
                1, line -> { }).plan();
    }

    /** No probe of the headroom names {@code failed}, and no limit is hit at x1 for it. */
    private static void assertNoHeadroomLimitOf(Plan p, String failed, String text) {
        assertTrue(p.headroom().probes().stream().flatMap(r -> r.details().stream()).noneMatch(d -> d.contains(
                failed)), text);
        assertTrue(p.headroom().firstLimitAtMultiplier() == null || p.headroom().firstLimitAtMultiplier() > 1, text);
    }

    @Test
    void aFunctionThatStartsFailedIsSaidAndGetsNoIdleAdvice() throws Exception {
        Plan p = plan("broken", "broke", "EniLimitExceeded", """
                timeline:
                  - { at: 15m, action: deleteFunction, function: broke }
                """);
        String text = PlanReport.text(p);
        assertTrue(text.contains("   (!) broke: it starts Failed (existing: Failed, EniLimitExceeded): its creation"
                + " failed before the run, so it holds no ENI and every invocation fails whatever the capacity, until"
                + " it is deleted and recreated; the sizes count no demand of it, and the traffic headroom leaves its invocations out"), text);
        assertTrue(text.contains("no keep-warm advice for broke: it starts Failed"), text);
        assertNoHeadroomLimitOf(p, "broke", text);
        assertTrue(p.idle().stream().noneMatch(a -> a.function().equals("broke")), p.idle().toString());
        assertTrue(p.idle().stream().anyMatch(a -> a.function().equals("ok")), p.idle().toString());
    }

    @Test
    void aFunctionStillFailedAtTheEndIsNoLimitOfTheHeadroom() throws Exception {
        // a migrating architect's account: fraud-scorer saved Failed, never deleted, every subnet with room; the
        // headroom said "first limit at x1.00: IP: fraud-scorer: no invocation made, and it ends Failed"
        Plan p = plan("broken-kept", "fraud-scorer", "SubnetOutOfIPAddresses", "");
        String text = PlanReport.text(p);
        assertNoHeadroomLimitOf(p, "fraud-scorer", text);
        assertTrue(p.headroom().probes().stream().allMatch(r -> r.multiplier() > 1 || r.limitsHit().isEmpty()),
                text);
    }
}
