package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.check.Checker;
import dev.enisim.iac.Change;
import dev.enisim.iac.ChangeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lines of gate.md and verdicts that no other test pinned whole (mutation testing's survivors): how long an update
 * was InProgress and the new invocation errors; the reservations Lambda refuses, against what an updated function
 * reserves now and leaving the account's own; an account named as long as a scenario may be; an update's problem
 * named at its template's path; a --traffic beside a --deploy-at not understood; a teardown not done by the run's
 * end; a PARTIAL import's warning with nothing listed; the failures of deleted functions counted by what they add.
 */
class GateReportLinesTest {

    static final Path ACCOUNT = GateTest.ACCOUNT;
    static final String FULL = GateTest.FULL;
    static final String OTHER = GateMutationTest.OTHER;
    static final String SG = GateMutationTest.SG;

    @TempDir
    Path dir;

    private static Gate.Options options() {
        return new Gate.Options(300, Map.of(), "1/s", Gate.DEFAULT_RULES);
    }

    private static Change functions(Change.Function... fs) {
        return new Change(List.of(fs), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of("t.yaml"));
    }

    @Test
    void anUpdatesRowSaysHowLongItWasInProgressAndTheFindingsSayTheNewInvocationErrors() throws Exception {
        Change plan = ChangeReader.read(List.of(), List.of(Path.of("src/test/resources/iac/tfplan-create.json")),
                GateTest.against(ACCOUNT));
        Gate.Verdict v = Gate.run(ACCOUNT, plan, new Gate.Options(300, Map.of("notifier", "2/s"), "1/s",
                Gate.DEFAULT_RULES));
        String md = v.markdown();
        assertTrue(md.contains("\n| orders-api | update | Active, update Successful | 2m59s (update InProgress) |"
                + " 7m6s | 0 / 0 |\n"), md);
        assertTrue(md.contains("\n| notifier | create | Active | 3m48s | - | 0 / 434 |\n"), md);
        assertTrue(md.contains("\n- Failed invocations the change adds (after - before): of existing functions none;"
                + " of the functions the change creates (invoked while Pending included) {ResourceConflictException=434}"
                + ".\n"), md);
    }

    @Test
    void aReservationLambdaRefusesNamesWhatTheUpdatedFunctionReservesNowAndTheRunKeepsIt() throws Exception {
        Path account = Files.writeString(dir.resolve("account.yaml"), Files.readString(ACCOUNT)
                .replace("    memoryMb: 1024\n", "    memoryMb: 1024\n    reservedConcurrency: 50\n"));
        Change.Function update = new Change.Function("orders-api", "t.yaml: Resources.Api", Change.Action.UPDATE, true,
                List.of(FULL), List.of(SG), null, null, 950, 0, false);
        Gate.Verdict v = Gate.run(account, functions(update), options());
        Checker.Result r = v.results().get(0);
        assertEquals(Gate.RESERVED, r.expectation().text());
        assertFalse(r.passed());
        assertEquals("reserved concurrency adds up to 950 with the change, more than concurrencyLimit 1000 -"
                + " unreservedMinimum 100 = 900: Lambda refuses the change's reservations (orders-api 950 (an update;"
                + " it reserves 50 now) (t.yaml: Resources.Api)), so its deployment fails", r.actual());
        assertTrue(v.afterScenario().contains("reservedConcurrency: 50\n"), "simulated with the reservation it has: "
                + v.afterScenario());
        assertFalse(v.afterScenario().contains("950"), v.afterScenario());
        assertTrue(v.markdown().contains("- simulated without the reserved concurrency Lambda would refuse:"
                + " orders-api\n"), v.markdown());
    }

    @Test
    void anAccountsOwnReservationIsNotAmongTheChangesRefusedOnesAndTheRunKeepsIt() throws Exception {
        Path account = Files.writeString(dir.resolve("account.yaml"), Files.readString(ACCOUNT)
                .replace("    memoryMb: 1024\n", "    memoryMb: 1024\n    reservedConcurrency: 100\n"));
        Gate.Verdict v = Gate.run(account, functions(created("big", 850)), options());
        Checker.Result r = v.results().get(0);
        assertEquals(Gate.RESERVED, r.expectation().text());
        assertEquals("reserved concurrency adds up to 950 with the change, more than concurrencyLimit 1000 -"
                + " unreservedMinimum 100 = 900: Lambda refuses the change's reservations (big 850 (t.yaml:"
                + " Resources.big)), so its deployment fails", r.actual());
        assertTrue(v.markdown().contains("- simulated without the reserved concurrency Lambda would refuse:"
                + " big\n"), v.markdown());
        assertTrue(v.afterScenario().contains("reservedConcurrency: 100\n"), "the account's own reservation stays: "
                + v.afterScenario());
    }

    @Test
    void anAccountWhoseNameIsAsLongAsAScenarioMayHaveIsGated() throws Exception {
        String name = "a".repeat(125);
        Path account = Files.writeString(dir.resolve("long.yaml"), Files.readString(ACCOUNT)
                .replace("name: orders-account", "name: " + name));
        Gate.Verdict v = Gate.run(account, ChangeReader.read(List.of(GateTest.DIR.resolve("one-group.yaml")), List.of(),
                GateTest.against(account)), options());
        assertTrue(v.afterScenario().contains("name: \"" + "a".repeat(122) + "-after\"\n"), v.afterScenario());
        assertTrue(v.markdown().contains("Account: `" + name + "`"), v.markdown());
    }

    @Test
    void anUpdatesProblemInTheTimelineIsNamedAtItsTemplatesPath() throws Exception {
        Path t = Files.writeString(dir.resolve("six.yaml"), """
                Resources:
                  Api:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: orders-api
                      VpcConfig: { SubnetIds: [OTHER], SecurityGroupIds: [sg-1, sg-2, sg-3, sg-4, sg-5, sg-6] }
                """.replace("OTHER", OTHER));
        Change c = ChangeReader.read(List.of(t), List.of(), GateTest.against(ACCOUNT));
        dev.enisim.scenario.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.enisim.scenario.ScenarioException.class, () -> Gate.run(ACCOUNT, c, options()));
        assertEquals(t + ":6: Resources.Api.Properties.VpcConfig.SecurityGroupIds: at most 5 security groups per"
                + " function, got 6 (in the account after the change is applied)", e.getMessage());
    }

    @Test
    void aTrafficOptionWithADeploymentTimeNotUnderstoodIsSaidAsAProblemNotACrash() throws Exception {
        Change c = ChangeReader.read(List.of(GateTest.DIR.resolve("one-group.yaml")), List.of(),
                GateTest.against(ACCOUNT));
        dev.enisim.scenario.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.enisim.scenario.ScenarioException.class, () -> Gate.checkOptions(ACCOUNT, c, Map.of("nope",
                "5/s"), null, "soon", "gate options"));
        assertTrue(e.getMessage().startsWith("gate options: --traffic nope=5/s: the change creates no function nope"
                + " (it creates: "), e.getMessage());
    }

    @Test
    void aDeletionWhoseEnisAreNotGoneWhenTheRunEndsWaitsPastTheEnd() throws Exception {
        Change destroy = ChangeReader.read(List.of(), List.of(Path.of("src/test/resources/iac/tfplan-destroy.json")),
                GateTest.against(ACCOUNT));
        Gate.Verdict d = Gate.run(ACCOUNT, destroy, new Gate.Options(3540, Map.of(), "1/s",
                List.of("teardown wait <= 45m")));
        assertFalse(d.passed(), d.markdown());
        assertEquals("orders-api waits not done by the end of the run", d.results().get(0).actual());
        assertTrue(d.markdown().contains("| orders-api | delete | Deleted | - | not done by the end of the run |"),
                d.markdown());
    }

    @Test
    void aMountTargetAloneTouchesItsSubnetAndTheChangesNotesAreListed() throws Exception {
        Change c = new Change(List.of(), List.of(), List.of(), List.of(), List.of(new Change.Interface(OTHER,
                "EFS mount target", "t.yaml: Resources.Mount")), List.of(), List.of("a note of the change's reader"),
                List.of("t.yaml"));
        Gate.Verdict v = Gate.run(ACCOUNT, c, options());
        String md = v.markdown();
        assertTrue(md.contains("\n| " + OTHER + " | 10.40.2.0/24 | 251 | 231 | 230 (91.6%) | 0 | 0 | 1 |\n"), md);
        assertTrue(md.contains("| new keys | new ENIs | the change's EFS mount targets |\n"), md);
        assertTrue(md.contains("\n### Notes\n\n- a note of the change's reader\n"), md);
    }

    @Test
    void theFailuresOfDeletedFunctionsCountOnlyWhatTheyAddAndNameOnlyThoseThatAdd() {
        Impact i = new Impact(List.of(), List.of(), List.of(
                new Impact.FunctionImpact("gone", "delete", "Deleted", null, 0, null, 0, 60.0, 10, 30),
                new Impact.FunctionImpact("quiet", "delete", "Deleted", null, 0, null, 0, 60.0, 5, 5)),
                0, 0, 0, 0, 20, Map.of("ResourceNotFoundException", 20L));
        Checker.Result r = Rules.evaluate("failing invocations <= 0", i);
        assertFalse(r.passed());
        assertTrue(r.actual().startsWith("20 more failed invocations of existing functions"
                + " {ResourceNotFoundException=20}: 20 of them calls to functions the change deletes (gone), their"
                + " account's recorded traffic"), r.actual());
    }

    @Test
    void aTrafficRateNotUnderstoodIsNamedAtTheCreatedFunctionAsSimulated() throws Exception {
        Change c = ChangeReader.read(List.of(GateTest.DIR.resolve("one-group.yaml")), List.of(),
                GateTest.against(ACCOUNT));
        String name = c.functions().get(0).name();
        dev.enisim.scenario.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.enisim.scenario.ScenarioException.class, () -> Gate.run(ACCOUNT, c, new Gate.Options(300,
                Map.of(name, "fast"), "1/s", Gate.DEFAULT_RULES)));
        assertTrue(e.getMessage().startsWith(c.functions().get(0).where().replace(": ", ":16: ") + ": as simulated, arrivals"),
                e.getMessage());
    }

    private static Change.Function created(String name, Integer reserved) {
        return new Change.Function(name, "t.yaml: Resources." + name, Change.Action.CREATE, true, List.of(OTHER),
                List.of(SG), null, null, reserved, 0, false);
    }

    @Test
    void aPartialImportWithNothingListedIsWarnedOfWithoutAList() throws Exception {
        Path account = Files.writeString(dir.resolve("partial.yaml"), "# Generated by `enisim import` from PARTIAL AWS"
                + " CLI output: review it before use.\n" + Files.readString(ACCOUNT).lines().skip(1)
                .reduce("", (a, b) -> a + b + "\n"));
        assertEquals(List.of(account + " was imported from PARTIAL AWS CLI output (enisim import --allow-partial): the"
                + " account it gates against may lack functions, subnets or ENIs, so the verdict may be wrong"),
                Gate.accountWarnings(account));
    }
}
