package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.check.Checker;
import dev.enisim.iac.Change;
import dev.enisim.iac.ChangeReader;
import dev.enisim.iac.Templates;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a platform engineer's review of the gate found: each case passed or misled before. */
class GateReviewFixesTest {

    @TempDir
    Path dir;

    private static String vpc(String subnet) {
        return "      VpcConfig:\n        SubnetIds: [" + subnet + "]\n"
                + "        SecurityGroupIds: [sg-0a11aa11aa11aa11a]\n";
    }

    private Path template(String... functions) throws Exception {
        StringBuilder b = new StringBuilder("AWSTemplateFormatVersion: \"2010-09-09\"\nParameters:\n"
                + "  Missing: { Type: AWS::EC2::Subnet::Id }\nResources:\n");
        for (String f : functions) {
            b.append(f);
        }
        return Files.writeString(dir.resolve("t" + Files.list(dir).count() + ".yaml"), b.toString());
    }

    private static Gate.Verdict gate(Path account, Path template, Gate.Options o) throws Exception {
        Change c = ChangeReader.read(List.of(template), List.of(), GateTest.against(account));
        return Gate.run(account, c, o);
    }

    private static Gate.Options rules(String... rules) {
        return new Gate.Options(300, Map.of(), "1/s", List.of(rules));
    }

    @Test
    void aChangeWhoseFunctionsCannotBeSimulatedFailsUnlessAllowedAndThenSaysSo() throws Exception {
        Path t = template(Templates.function("Unknown", "unknown-fn", vpc("!Ref Missing")));
        Gate.Verdict v = gate(GateTest.ACCOUNT, t, rules("no function Failed"));
        assertFalse(v.passed(), "nothing was checked for unknown-fn");
        Checker.Result r = v.results().get(0);
        assertEquals(Gate.SIMULATED, r.expectation().text());
        assertTrue(r.actual().startsWith("1 not simulated: unknown-fn ("), r.actual());
        assertTrue(v.markdown().contains("## enisim gate: FAILED"), v.markdown());

        Gate.Verdict allowed = gate(GateTest.ACCOUNT, t, new Gate.Options(300, Map.of(), "1/s",
                List.of("no function Failed"), true, "gate rules", 1));
        assertTrue(allowed.passed());
        assertEquals("PASSED (1 function(s) of the change not simulated: --allow-unsimulated)", allowed.headline());
        assertTrue(allowed.markdown().contains("## enisim gate: " + allowed.headline()), allowed.markdown());
    }

    @Test
    void removingAVpcConfigReleasesTheKeysEnisAndTheTeardownRuleSeesTheirWait() throws Exception {
        Path t = template(Templates.function("Api", "orders-api", ""));
        Gate.Verdict v = gate(GateTest.ACCOUNT, t, rules("teardown wait <= 1m"));
        Checker.Result r = v.results().get(0);
        assertFalse(r.passed(), r.actual());
        assertTrue(r.actual().startsWith("orders-api waits "), r.actual());
        assertTrue(v.markdown().contains("| orders-api | update |"), v.markdown());
        Gate.Verdict loose = gate(GateTest.ACCOUNT, t, rules("teardown wait <= 2h"));
        assertTrue(loose.passed(), loose.results().toString());
        assertTrue(loose.results().get(0).actual().startsWith("longest teardown wait "), loose.results().toString());
        assertFalse(loose.results().get(0).actual().equals("longest teardown wait 0s"), "it was 0s: not seen");
    }

    @Test
    void aQuotaThatRefusedAnEniFailsTheHeadroomRule() throws Exception {
        Path account = Files.writeString(dir.resolve("q.yaml"), Files.readString(GateTest.ACCOUNT)
                .replace("eniQuota: 500", "eniQuota: 1"));
        Path t = template(Templates.function("Other", "other-fn", vpc("subnet-09a8b7c6d5e4f3a21")));
        Gate.Verdict v = gate(account, t, rules("quota headroom >= 0"));
        Checker.Result r = v.results().get(0);
        assertFalse(r.passed(), "headroom 0 at the peak, but only because the quota refused other-fn's ENI");
        assertTrue(r.actual().contains("other-fn could not get an ENI (EniLimitExceeded): the quota is short by at"
                + " least 1"), r.actual());
        // the VPC table shows the VPC whose quota refused the ENI (it said "(none)": its peak did not move)
        String vpcs = v.markdown().split("### VPCs")[1].split("###")[0];
        assertFalse(vpcs.contains("(none)"), vpcs);
        assertTrue(vpcs.contains("| 1 | 0 | 1 | 1 | 0 |"), vpcs);
    }

    @Test
    void aFunctionStillPendingWhenTheRunEndsCannotPassThePendingRule() throws Exception {
        Path t = template(Templates.function("Late", "late-fn", vpc("subnet-09a8b7c6d5e4f3a21")));
        Gate.Verdict v = gate(GateTest.ACCOUNT, t, new Gate.Options(3590, Map.of(), "1/s",
                List.of("no function Pending longer than 5m")));
        Checker.Result r = v.results().get(0);
        assertFalse(r.passed(), "Pending 10 s so far: the spell was cut by the run's end");
        assertTrue(r.actual().contains("late-fn still Pending when the run ends (10s so far)"), r.actual());
        assertTrue(r.actual().endsWith("cannot tell; deploy earlier (--deploy-at) or run the account longer"),
                r.actual());
        Gate.Verdict early = gate(GateTest.ACCOUNT, t, rules("no function Pending longer than 5m"));
        assertTrue(early.passed(), early.results().toString());
    }

    @Test
    void everyReplicationMustHoldAndTheCrossedOneIsShown() throws Exception {
        Path t = template(Templates.function("Api", "orders-api", ""));
        Gate.Verdict v8 = gate(GateTest.ACCOUNT, t, new Gate.Options(300, Map.of(), "1/s",
                List.of("teardown wait <= 2h", "no function Failed"), false, "gate rules", 8));
        assertTrue(v8.passed());
        assertTrue(v8.results().get(0).actual().endsWith(" (replication 0; holds in all 8)"), v8.results().toString());
        assertTrue(v8.markdown().contains("8 replications each: every rule must hold in all"), v8.markdown());
        double first = v8.after().teardowns().get(0).waitSeconds();
        long limit = (long) Math.floor(first) + 1; // replication 0 holds; a longer draw among the others crosses it
        Gate.Verdict tight = gate(GateTest.ACCOUNT, t, new Gate.Options(300, Map.of(), "1/s",
                List.of("teardown wait <= " + limit + "s"), false, "gate rules", 8));
        Gate.Verdict single = gate(GateTest.ACCOUNT, t, new Gate.Options(300, Map.of(), "1/s",
                List.of("teardown wait <= " + limit + "s"), false, "gate rules", 1));
        assertTrue(single.passed(), "replication 0 alone holds: " + single.results());
        assertFalse(tight.passed(), "another replication's teardown takes longer: " + tight.results());
        assertTrue(tight.results().get(0).actual().matches("orders-api waits .* \\(crossed in [1-7] of 8"
                + " replications: replications? [0-7](, [0-7])*; shown: replication [0-7]'s, seed [0-9]+, which"
                + " --replications [1-8] or more runs again\\)"), tight.results().get(0).actual());
    }

    @Test
    void trafficForAFunctionTheChangeDoesNotCreateIsBadInput() throws Exception {
        Path t = template(Templates.function("New", "new-fn", vpc("subnet-09a8b7c6d5e4f3a21")));
        ScenarioException x = assertThrows(ScenarioException.class, () -> gate(GateTest.ACCOUNT, t,
                new Gate.Options(300, Map.of("nosuch", "5/s"), "1/s", List.of("no function Failed"))));
        assertEquals("--traffic nosuch=5/s: the change creates no function nosuch (it creates: new-fn)",
                x.problems().get(0).toString());
    }

    @Test
    void aRulesFilesUnknownMetricIsNamedInTheRulesFile() throws Exception {
        Path t = template(Templates.function("New", "new-fn", vpc("subnet-09a8b7c6d5e4f3a21")));
        ScenarioException x = assertThrows(ScenarioException.class, () -> gate(GateTest.ACCOUNT, t,
                new Gate.Options(300, Map.of(), "1/s", List.of("enis.nosuch <= 3"), false, "rules.yml", 1)));
        assertEquals("rules.yml", x.source());
        assertTrue(x.problems().get(0).toString().startsWith("rule 'enis.nosuch <= 3': unknown metric 'enis.nosuch'"),
                x.problems().get(0).toString());
    }

    @Test
    void aSubnetKeepingMoreThanAllItsIpsIsNotARule() {
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> Rules.validate("every subnet keeps 120% of its IPs at the peak"));
        assertTrue(x.getMessage().contains("a subnet keeps at most 100% of its IPs"), x.getMessage());
        Rules.validate("every subnet keeps 100% of its IPs at the peak");
    }

    @Test
    void aChangeThatUpdatesAFunctionTheAccountLacksSaysItIsSimulatedAsCreated() throws Exception {
        Change.Function ghost = new Change.Function("ghost-fn", "plan.json: resource_changes[0]", Change.Action.UPDATE,
                true, List.of("subnet-09a8b7c6d5e4f3a21"), List.of("sg-0a11aa11aa11aa11a"), null, null, null, 0,
                false);
        Change c = new Change(List.of(ghost), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of("plan.json"));
        Gate.Verdict v = Gate.run(GateTest.ACCOUNT, c, rules("no function Failed"));
        assertTrue(v.markdown().contains("\n- ghost-fn (plan.json: resource_changes[0]): updated by the change but"
                + " not in the account: simulated as created at the deployment"), v.markdown());
    }

    private static Change.Function change(String name, Change.Action action, String subnet) {
        return new Change.Function(name, "plan.json: " + name, action, true, List.of(subnet),
                List.of("sg-0a11aa11aa11aa11a"), null, null, null, 0, false);
    }

    private static Change of(Change.Function... fns) {
        return new Change(List.of(fns), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of("plan.json"));
    }

    @Test
    void aReplacementOfAMissingFunctionAndACreationOfAnExistingOneAreSaid() throws Exception {
        Gate.Verdict v = Gate.run(GateTest.ACCOUNT, of(change("ghost-fn", Change.Action.REPLACE,
                "subnet-09a8b7c6d5e4f3a21"), change("orders-api", Change.Action.CREATE, "subnet-09a8b7c6d5e4f3a21")),
                rules("no function Failed"));
        assertTrue(v.markdown().contains("\n- ghost-fn (plan.json: ghost-fn): replaced by the change but not in the"
                + " account: simulated as created at the deployment"), v.markdown());
        assertTrue(v.markdown().contains("\n- orders-api (plan.json: orders-api): created by the change but the"
                + " account already has it (creating it would fail with ResourceConflictException): simulated as an"
                + " update of its VpcConfig"), v.markdown());
        assertTrue(v.afterScenario().contains("action: \"updateVpcConfig\"") || v.afterScenario().contains(
                "action: updateVpcConfig"), v.afterScenario());
        assertEquals(1, v.after().functions().keySet().stream().filter(n -> n.equals("orders-api")).count());
        Gate.Verdict plain = Gate.run(GateTest.ACCOUNT, of(change("orders-api", Change.Action.UPDATE,
                "subnet-09a8b7c6d5e4f3a21")), rules("no function Failed"));
        assertTrue(!plain.markdown().contains("\n- orders-api ("), plain.markdown());
    }

    @Test
    void trafficForAChangeThatCreatesNothingSaysSo() {
        ScenarioException x = assertThrows(ScenarioException.class, () -> Gate.run(GateTest.ACCOUNT,
                of(change("orders-api", Change.Action.UPDATE, "subnet-09a8b7c6d5e4f3a21")), new Gate.Options(300,
                        Map.of("orders-api", "5/s"), "1/s", List.of("no function Failed"))));
        assertEquals("--traffic orders-api=5/s: the change creates no function orders-api (it creates none)",
                x.problems().get(0).toString());
    }

    @Test
    void replicationsBelowOneAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Gate.Options(300, Map.of(), "1/s", List.of(), false,
                "gate rules", 0));
        assertEquals(1, new Gate.Options(300, Map.of(), "1/s", List.of(), false, "gate rules", 1).replications());
    }

    @Test
    void aFunctionPastTheLimitAndAnotherStillPendingAreBothSaid() throws Exception {
        Path t = template(Templates.function("Late", "late-fn", vpc("subnet-09a8b7c6d5e4f3a21")));
        Gate.Verdict v = gate(GateTest.ACCOUNT, t, new Gate.Options(3590, Map.of(), "1/s",
                List.of("no function Pending longer than 10s")));
        assertEquals("late-fn still Pending when the run ends (10s so far): cannot tell; deploy earlier"
                + " (--deploy-at) or run the account longer", v.results().get(0).actual(), "10 s is not past 10s");
        Gate.Verdict past = gate(GateTest.ACCOUNT, t, new Gate.Options(3590, Map.of(), "1/s",
                List.of("no function Pending longer than 5s")));
        assertEquals("late-fn Pending for 10s", past.results().get(0).actual(), "past the limit: crossed, no need"
                + " to tell more");
    }

    @Test
    void aCreatedFunctionKeepsItsRuntimeGlobalsIncludedForItsColdStarts() throws Exception {
        Path t = Files.writeString(dir.resolve("sam.yaml"), "Transform: AWS::Serverless-2016-10-31\n"
                + "Globals:\n  Function:\n    Runtime: java21\n    MemorySize: 512\n"
                + "Resources:\n  Fn:\n    Type: AWS::Serverless::Function\n    Properties:\n"
                + "      FunctionName: new-java\n      Handler: x\n      CodeUri: .\n" + vpc("subnet-09a8b7c6d5e4f3a21")
                + "  Odd:\n    Type: AWS::Serverless::Function\n    Properties:\n      FunctionName: new-odd\n"
                + "      Runtime: cobol85\n      Handler: x\n      CodeUri: .\n");
        Gate.Verdict v = gate(GateTest.ACCOUNT, t, rules("no function Failed"));
        assertTrue(v.afterScenario().contains("runtime: \"java21\"") || v.afterScenario().contains("runtime: java21"),
                "SAM's Globals runtime, for the measured preset's cold starts: " + v.afterScenario());
        assertTrue(v.markdown().contains("runtime cobol85 has no measured preset: its cold starts take the default"
                + " init time"), v.markdown());
    }
}
