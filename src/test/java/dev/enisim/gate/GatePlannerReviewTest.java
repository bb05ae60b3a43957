package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.check.Checker;
import dev.enisim.iac.Change;
import dev.enisim.iac.ChangeReader;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A capacity planner's review of the gate's words (session 53, r5): the change's EFS mount targets, which the gate
 * simulates, are counted in the verdict beside the new keys and shown in the subnet table, not listed among what it
 * could not know; the failed invocations of existing functions are broken down by error over those functions only,
 * and a created function's own (ResourceConflictException while Pending) said apart.
 */
class GatePlannerReviewTest {

    static final String FULL = GateTest.FULL;

    /** ten-groups.yaml (10 new keys on FULL, 6 free addresses) and an EFS mount target on FULL. */
    private static Change tenKeysAndAMountTarget() throws Exception {
        Change c = ChangeReader.read(List.of(GateTest.DIR.resolve("ten-groups.yaml")), List.of(),
                GateTest.against(GateTest.ACCOUNT));
        return new Change(c.functions(), c.vpcs(), c.subnets(), c.groups(), List.of(new Change.Interface(FULL,
                "EFS mount target", "t.yaml: Resources.Mount")), c.placeholders(), c.notes(), c.sources(),
                c.unsimulated());
    }

    @Test
    void theMountTargetTheGateSimulatedIsCountedBesideTheNewKeysAndShownInTheSubnetTable() throws Exception {
        Gate.Verdict v = Gate.run(GateTest.ACCOUNT, tenKeysAndAMountTarget(), new Gate.Options(300, Map.of(), "1/s",
                List.of("no function Failed", "every subnet keeps 1 IPs at the peak")));
        Checker.Result failed = v.results().get(0);
        // 6 free, 1 taken by the mount target: 5 ENIs for 10 keys, 5 Failed (the words said 6 free for 10 keys)
        assertTrue(failed.actual().startsWith("5 Failed: "), failed.actual());
        assertTrue(failed.actual().endsWith(FULL + " (10.40.1.0/24): 10 new ENI key(s) need 10 ENI(s), 6 IP(s) were"
                + " free at the peak before the change, 1 of them taken by the change's EFS mount target(s)"),
                failed.actual());
        assertTrue(v.results().get(1).actual().equals(FULL + " (10.40.1.0/24): 0 of 251 IPs free at the peak (0.0%),"
                + " 6 before; 5 new ENI(s), 1 EFS mount target(s) of the change"), v.results().get(1).actual());
        String md = v.markdown();
        assertTrue(md.contains("| subnet | CIDR | usable | free before | free after | new keys | new ENIs | the change's"
                + " EFS mount targets |\n"), md);
        assertTrue(md.contains("\n| " + FULL + " | 10.40.1.0/24 | 251 | 6 | 0 (0.0%) | 10 | 5 | 1 |\n"), md);
        assertTrue(md.contains("\n- Simulated from the deployment on: 1 EFS mount target(s) or other interfaces in "
                + FULL + ": one address each.\n"), md);
        String unknown = md.substring(md.indexOf("### What the gate could not know"));
        assertFalse(unknown.contains("EFS mount target"), "simulated, so not among what it could not know: " + md);
        assertFalse(v.html().substring(v.html().indexOf("What the gate could not know")).contains("EFS mount target"),
                v.html());
    }

    /** Without a mount target the table keeps its seven columns (the gate example's pages are unchanged). */
    @Test
    void withoutAMountTargetTheSubnetTableHasNoColumnForThem() throws Exception {
        Gate.Verdict v = GateTest.gate(GateTest.DIR.resolve("ten-groups.yaml"), Gate.DEFAULT_RULES);
        assertTrue(v.markdown().contains("| subnet | CIDR | usable | free before | free after | new keys | new ENIs |\n"),
                v.markdown());
        assertTrue(v.results().get(0).actual().endsWith("6 IP(s) were free at the peak before the change"),
                v.results().get(0).actual());
    }

    /**
     * orders-api deleted (its recorded traffic gets ResourceNotFoundException) and notifier created (invoked while
     * Pending: ResourceConflictException): the count is orders-api's, and so is the breakdown beside it.
     */
    @Test
    void theBreakdownBesideTheExistingFunctionsCountIsTheirsAndTheCreatedFunctionsFailuresAreSaidApart()
            throws Exception {
        Change c = new Change(List.of(
                new Change.Function("orders-api", "t.yaml: Resources.Orders", Change.Action.DELETE, true, List.of(),
                        List.of(), null, null, null, 0, false, null),
                new Change.Function("notifier", "t.yaml: Resources.Notifier", Change.Action.CREATE, true,
                        List.of(FULL), List.of(GateMutationTest.SG), null, null, null, 0, false, null)),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of("t.yaml"), List.of());
        Gate.Verdict v = Gate.run(GateTest.ACCOUNT, c, new Gate.Options(300, Map.of("notifier", "5/s"), "1/s",
                List.of("failing invocations <= 0")));
        String actual = v.results().get(0).actual();
        Matcher m = Pattern.compile("^(\\d+) more failed invocations of existing functions \\{(.*?)\\}: ").matcher(
                actual);
        assertTrue(m.find(), actual);
        long count = Long.parseLong(m.group(1));
        assertTrue(count > 0, actual);
        assertEquals("ResourceNotFoundException=" + count, m.group(2), "the breakdown is the count's: " + actual);
        Matcher created = Pattern.compile("; not counted: (\\d+) failed invocations of functions the change creates"
                + " \\{ResourceConflictException=(\\d+)\\} \\(notifier (\\d+): the table\\)$").matcher(actual);
        assertTrue(created.find(), actual);
        assertEquals(created.group(1), created.group(2), actual);
        assertEquals(created.group(1), created.group(3), actual);
        assertTrue(v.markdown().contains("\n- Failed invocations the change adds (after - before): of existing"
                + " functions {ResourceNotFoundException=" + count + "}; of the functions the change creates (invoked"
                + " while Pending included) {ResourceConflictException=" + created.group(1) + "}.\n"), v.markdown());
    }
}
