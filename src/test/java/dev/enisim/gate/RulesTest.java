package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.check.Checker;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Each of the gate's sentences against an impact made by hand, at its boundary: a rule that says "at least N" or
 * "at most N" holds at exactly N and fails one past it, and the actual text names what crossed it.
 */
class RulesTest {

    private static Impact.FunctionImpact function(String name, String state, String update, double pending,
            Double teardown) {
        return new Impact.FunctionImpact(name, "create", state, state.equals("Failed") ? "SubnetOutOfIPAddresses"
                : null, pending, update, 0, teardown, 0, 0);
    }

    private static Impact impact(List<Impact.SubnetImpact> subnets, List<Impact.VpcImpact> vpcs,
            List<Impact.FunctionImpact> functions, long newEnis, long extraFailed) {
        return new Impact(subnets, vpcs, functions, 2, newEnis, 0, 1, extraFailed, Map.of("ResourceNotReadyException",
                extraFailed));
    }

    private static Checker.Result check(String rule, Impact impact) {
        Checker.Result r = Rules.evaluate(rule, impact);
        assertEquals(rule, r.expectation().text());
        return r;
    }

    /** The rule at its limit holds with {@code fine}; one past it fails with {@code bad}. */
    private static void boundary(Impact i, String atLimit, String fine, String pastLimit, String bad) {
        Checker.Result at = check(atLimit, i);
        assertTrue(at.passed(), at.actual());
        assertEquals(fine, at.actual());
        Checker.Result past = check(pastLimit, i);
        assertFalse(past.passed());
        assertEquals(bad, past.actual());
    }

    private static final Impact.SubnetImpact SUBNET = new Impact.SubnetImpact("subnet-a", "vpc-1", "10.0.0.0/24",
            200, 30, 20, 1, 10);

    @Test
    void everySubnetKeepsAShareOrANumberOfItsIpsAtThePeak() {
        Impact i = impact(List.of(SUBNET), List.of(), List.of(), 10, 0);
        assertTrue(check("every subnet keeps 10% of its IPs at the peak", i).passed(), "20 of 200 is exactly 10%");
        Checker.Result more = check("every subnet keeps 10.5% of its IPs at the peak", i);
        assertFalse(more.passed());
        assertEquals("subnet-a (10.0.0.0/24): 20 of 200 IPs free at the peak (10.0%), 30 before; 10 new ENI(s)",
                more.actual());
        assertTrue(check("every subnet keeps 20 IPs at the peak", i).passed(), "20 free: exactly 20");
        assertFalse(check("every subnet keeps 21 IPs free at the peak", i).passed());
        assertEquals("fewest free 20 IPs", check("every subnet keeps 20 IPs at the peak", i).actual());
        Impact none = impact(List.of(), List.of(), List.of(), 0, 0);
        assertEquals("no subnet changed", check("every subnet keeps 5% of its IPs at the peak", none).actual());
        assertEquals(0, new Impact.SubnetImpact("s", "v", "c", 0, 0, 0, 0, 0).freeAfterPercent(),
                "no usable address: 0%, not a division by zero");
    }

    @Test
    void quotaHeadroomHoldsAtExactlyN() {
        Impact i = impact(List.of(), List.of(new Impact.VpcImpact("vpc-1", 500, 480, 495),
                new Impact.VpcImpact("vpc-2", 500, 0, 10)), List.of(), 15, 0);
        boundary(i, "quota headroom >= 5", "headroom vpc-1: 5, vpc-2: 490", "quota headroom >= 6",
                "vpc-1: 495 of 500 ENIs at the peak, headroom 5");
        Impact efs = impact(List.of(), List.of(new Impact.VpcImpact("vpc-1", 500, 480, 495, 3)), List.of(), 15, 0);
        boundary(efs, "quota headroom >= 2", "headroom vpc-1: 2", "quota headroom >= 3",
                "vpc-1: 495 of 500 ENIs at the peak beside 3 of other services, headroom 2");
        assertEquals("no VPC changed", check("quota headroom >= 6", impact(List.of(), List.of(), List.of(), 0, 0))
                .actual());
    }

    @Test
    void newEnisAndFailingInvocationsHoldAtExactlyN() {
        Impact i = impact(List.of(), List.of(), List.of(), 4, 7);
        boundary(i, "new ENIs <= 4", "4 new ENIs", "new ENIs <= 3", "4 new ENIs (2 new keys)");
        boundary(i, "failing invocations <= 7", "7 more failed invocations of existing functions (the new functions' own: the table)", "failing invocations <= 6",
                "7 more failed invocations of existing functions {ResourceNotReadyException=7}");
    }

    @Test
    void pendingAndTeardownHoldAtExactlyTheLimitAndNameTheFunction() {
        Impact i = impact(List.of(), List.of(), List.of(function("a", "Active", null, 300, null),
                function("b", "Active", null, 120, 2700.0), function("c", "Active", null, 0, null)), 0, 0);
        boundary(i, "no function Pending longer than 5m", "longest Pending 5m", "no function Pending longer than 4m",
                "a Pending for 5m");
        // a function without a teardown waits 0
        boundary(i, "teardown wait <= 45m", "longest teardown wait 45m", "teardown wait <= 40m", "b waits 45m");
    }

    @Test
    void noFunctionFailedNamesEachFailedFunctionOrUpdateAndTheFullSubnet() {
        Impact.SubnetImpact full = new Impact.SubnetImpact("subnet-f", "vpc-1", "10.0.1.0/28", 11, 2, 0, 3, 2);
        Impact.SubnetImpact fullNoNewKeys = new Impact.SubnetImpact("subnet-g", "vpc-1", "10.0.2.0/28", 11, 0, 0, 0,
                0);
        Impact i = impact(List.of(full, fullNoNewKeys, SUBNET), List.of(), List.of(function("a", "Failed", null, 0,
                null), function("b", "Active", "Failed", 0, null), function("c", "Active", "Successful", 0, null)),
                0, 0);
        Checker.Result r = check("no function Failed", i);
        assertFalse(r.passed());
        assertEquals("1 Failed: a (SubnetOutOfIPAddresses); 1 update failed: b (null) (it stays Active on its old"
                + " configuration, LastUpdateStatus Failed); subnet-f (10.0.1.0/28): 3 new ENI key(s) need 3"
                + " ENI(s), 2 IP(s) were free at the peak before the change", r.actual(),
                "a full subnet is named only when new keys came to it");
        Checker.Result ok = check("no function Failed", impact(List.of(full), List.of(), List.of(function("c",
                "Active", "Successful", 0, null)), 0, 0));
        assertTrue(ok.passed());
        assertEquals("none Failed", ok.actual());
    }

    @Test
    void sentencesAreReadWhateverTheirCaseAndSpacingAndOthersAreRefused() {
        assertTrue(Rules.isGateRule("  No   Function FAILED "));
        assertTrue(Rules.isGateRule("every subnet keeps 5 % of its ips at the peak"));
        assertFalse(Rules.isGateRule("enis.peak <= 10"), "a summary expectation, not a gate rule");
        assertNull(Rules.evaluate("quota headroom >= 3", null), "no impact: the sentence checked only");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Rules.validate(
                "the subnets look fine"));
        assertTrue(e.getMessage().startsWith("'the subnets look fine' is not a gate rule (no function Failed;"),
                e.getMessage());
        IllegalArgumentException d = assertThrows(IllegalArgumentException.class, () -> Rules.validate(
                "teardown wait <= soon"));
        assertTrue(d.getMessage().startsWith("'teardown wait <= soon': "), d.getMessage());
    }
}
