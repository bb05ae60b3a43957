package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.check.Checker;
import dev.enisim.iac.Change;
import dev.enisim.iac.ChangeReader;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The gate's verdict on changes to a nearly full subnet. */
class GateTest {

    static final Path DIR = Path.of("src/test/resources/gate");

    @org.junit.jupiter.api.io.TempDir
    Path dir;
    static final Path ACCOUNT = DIR.resolve("account.yaml");
    static final String FULL = "subnet-0f1e2d3c4b5a69788";

    static ChangeReader.Inputs against(Path account) throws Exception {
        Scenario s = ScenarioLoader.load(account);
        Map<String, String> subnets = new TreeMap<>();
        s.vpcs().forEach(v -> v.subnets().forEach(n -> subnets.put(n.id(), v.id())));
        Set<String> functions = new java.util.TreeSet<>();
        s.functions().forEach(f -> functions.add(f.name()));
        return new ChangeReader.Inputs(Map.of(), Map.of(), Map.of(), subnets, functions, false);
    }

    static Gate.Verdict gate(Path template, List<String> rules) throws Exception {
        Change c = ChangeReader.read(List.of(template), List.of(), against(ACCOUNT));
        return Gate.run(ACCOUNT, c, new Gate.Options(300, Map.of(), "1/s", rules));
    }

    @Test
    void tenFunctionsWithAGroupEachFailOnANearlyFullSubnetAndOneSharedGroupPasses() throws Exception {
        Gate.Verdict ten = gate(DIR.resolve("ten-groups.yaml"), Gate.DEFAULT_RULES);
        assertFalse(ten.passed());
        Checker.Result failed = ten.results().get(0);
        assertEquals("no function Failed", failed.expectation().text());
        assertFalse(failed.passed());
        assertTrue(failed.actual().startsWith("4 Failed: "), failed.actual());
        assertTrue(failed.actual().contains("(SubnetOutOfIPAddresses)"), failed.actual());
        assertTrue(failed.actual().contains(FULL + " (10.40.1.0/24): 10 new ENI key(s) need 10 ENI(s), 6 IP(s) were"
                + " free"), failed.actual());
        assertTrue(ten.markdown().contains("## enisim gate: FAILED"), ten.markdown());
        assertTrue(ten.markdown().contains("| " + FULL + " | 10.40.1.0/24 | 251 | 6 | 0 (0.0%) | 10 | 6 |"),
                ten.markdown());
        assertTrue(ten.markdown().contains("one shared group for those functions would make 1 (one per subnet)"),
                ten.markdown());
        assertTrue(ten.junit().contains("<failure message=\"expected no function Failed, actual 4 Failed"),
                ten.junit());

        Gate.Verdict one = gate(DIR.resolve("one-group.yaml"), Gate.DEFAULT_RULES);
        assertTrue(one.passed(), one.markdown());
        assertTrue(one.markdown().contains("| " + FULL + " | 10.40.1.0/24 | 251 | 6 | 5 (2.0%) | 1 | 1 |"),
                one.markdown());
    }

    /**
     * A plan wired through registry modules: with the subnets and groups found through module outputs and variables,
     * the gate simulates each function in them and catches a group of one VPC given to subnets of another (the
     * splat function's: Failed, InvalidSecurityGroup), which a plan read as "unknown until apply" could not show.
     */
    @Test
    void aPlanThroughModulesIsSimulatedAndACrossVpcGroupCaught() throws Exception {
        Change c = ChangeReader.read(List.of(), List.of(Path.of("src/test/resources/iac/tfplan-modules.json")),
                against(ACCOUNT));
        Gate.Verdict v = Gate.run(ACCOUNT, c, new Gate.Options(300, Map.of(), "1/s", Gate.DEFAULT_RULES));
        assertFalse(v.passed());
        assertEquals(Gate.SIMULATED, v.results().get(0).expectation().text(), "rootvar-fn's VpcConfig: unresolved");
        assertTrue(v.results().get(0).actual().startsWith("1 not simulated: rootvar-fn ("), v.results().get(0).actual());
        assertFalse(v.results().get(0).passed());
        assertEquals("1 Failed: splat-fn (InvalidSecurityGroup)", v.results().get(1).actual());
        assertTrue(v.markdown().contains("| modules-fn | create | Active |"), v.markdown());
        assertTrue(v.markdown().contains("| module.vpc.aws_subnet.private[2] | 10.80.3.0/24 | 251 | 251 | 250 (99.6%)"
                + " | 1 | 1 |"), v.markdown());
        assertTrue(v.markdown().contains("| module.vpc.aws_vpc.this[0] | 500 | 0 | 0 | 3 | 497 |"), v.markdown());
        assertTrue(v.markdown().contains("Not simulated: rootvar-fn"), v.markdown());

        // gate.html: the same verdict, rules coloured, before and after side by side, caveats listed and escaped
        String html = v.html();
        assertTrue(html.contains("<h1>enisim gate: <span class=\"fail\">FAILED</span></h1>"), html);
        assertTrue(html.contains("<tr><td class=\"fail\">FAIL</td><td>no function Failed</td><td>1 Failed: splat-fn"
                + " (InvalidSecurityGroup)</td></tr>"), html);
        assertTrue(html.contains("<td class=\"pass\">pass</td><td>quota headroom &gt;= 0</td>"), html);
        assertTrue(html.contains("<h2>Before</h2>") && html.contains("<h2>After</h2>"), html);
        assertTrue(html.contains("<tr><td>ENIs created</td><td>" + v.before().enis().created() + "</td></tr>"), html);
        assertTrue(html.contains("<tr><td>ENIs created</td><td>" + v.after().enis().created() + "</td></tr>"), html);
        assertTrue(html.contains("<tr><td>module.vpc.aws_subnet.private[0] min free IPs</td><td>250</td></tr>"), html);
        assertTrue(html.contains("<h2>What the gate could not know</h2><ul><li>Not simulated: rootvar-fn"), html);
        assertTrue(html.contains("<li>Placeholder: traffic 1/s (--default-traffic) of 3 created function(s):"), html);
        assertTrue(html.contains("<li>4 new ENI key(s) (subnet + security-group set), 4 new ENI(s) at the peak.</li>"),
                html);
        assertTrue(html.endsWith("</body></html>\n"));
    }

    /**
     * A created function that takes the account's concurrency throttles an existing one: its extra failed
     * invocations cross "failing invocations <= 0" (the new function's own failures are not counted there).
     */
    @Test
    void aNewFunctionThatTakesTheAccountsConcurrencyFailsTheExistingOnesRule() throws Exception {
        Path t = Files.writeString(dir.resolve("hog.yaml"), """
                Resources:
                  Hog: { Type: AWS::Lambda::Function, Properties: { FunctionName: hog, Timeout: 30 } }
                """);
        Change c = ChangeReader.read(List.of(t), List.of(), against(ACCOUNT));
        Gate.Verdict v = Gate.run(ACCOUNT, c, new Gate.Options(3500, Map.of("hog", "20000/s"), "1/s",
                List.of("failing invocations <= 0", "failing invocations <= 1000000")));
        Checker.Result r = v.results().get(0);
        assertFalse(r.passed(), r.actual());
        long existing = Impact.failures(v.after().functions().get("orders-api"))
                - Impact.failures(v.before().functions().get("orders-api"));
        assertTrue(existing > 0, "orders-api throttled after the change: " + existing);
        assertTrue(r.actual().startsWith(existing + " more failed invocations of existing functions"), r.actual());
        assertTrue(v.results().get(1).passed(), v.results().get(1).actual());
        assertEquals(existing + " more failed invocations of existing functions (the new functions' own: the table)",
                v.results().get(1).actual());
    }

    /** How the gate prints durations: seconds, then minutes and seconds, then hours and minutes. */
    @Test
    void durationsArePrintedAtTheirScale() {
        assertEquals("59s", Format.seconds(59.4));
        assertEquals("1m", Format.seconds(59.5), "rounded to the second first");
        assertEquals("1m15s", Format.seconds(75));
        assertEquals("59m59s", Format.seconds(3599));
        assertEquals("1h0m", Format.seconds(3600));
        assertEquals("2h2m", Format.seconds(7325));
        assertEquals("not done by the end of the run", Format.seconds(Double.POSITIVE_INFINITY));
        assertEquals("12.3%", Format.percent(12.345));
    }

    @Test
    void thresholdsOnFreeIpsAndPendingAreCheckedAndSaySo() throws Exception {
        Gate.Verdict one = gate(DIR.resolve("one-group.yaml"), List.of("every subnet keeps 5% of its IPs at the"
                + " peak", "no function Pending longer than 10m", "new ENIs <= 1", "enis.peak <= 10"));
        Checker.Result keeps = one.results().get(0);
        assertFalse(keeps.passed());
        assertTrue(keeps.actual().startsWith(FULL + " (10.40.1.0/24): 5 of 251 IPs free at the peak (2.0%), 6"
                + " before; 1 new ENI(s)"), keeps.actual());
        assertTrue(one.results().get(1).passed(), one.results().get(1).actual());
        assertTrue(one.results().get(2).passed(), one.results().get(2).actual());
        assertTrue(one.results().get(3).passed(), "a summary expectation on the after run");
    }

    @Test
    void aTerraformPlanUpdatesMovesAndCreatesAndADestroyPlanWaitsForTeardown() throws Exception {
        Path iac = Path.of("src/test/resources/iac");
        Change plan = ChangeReader.read(List.of(), List.of(iac.resolve("tfplan-create.json")), against(ACCOUNT));
        Gate.Verdict v = Gate.run(ACCOUNT, plan, new Gate.Options(300, Map.of("notifier", "2/s"), "1/s",
                Gate.DEFAULT_RULES));
        assertTrue(v.passed(), v.markdown());
        assertTrue(v.afterScenario().contains("action: \"updateVpcConfig\""), v.afterScenario());
        assertTrue(v.afterScenario().contains("id: \"aws_subnet.lambda_b\""), v.afterScenario());
        assertTrue(v.markdown().contains("| orders-api | update | Active, update Successful |"), v.markdown());
        assertTrue(v.markdown().contains("| notifier | create | Active |"), v.markdown());
        assertTrue(v.markdown().contains("| aws_subnet.lambda_b | 10.40.3.0/27 | 27 | 27 |"), v.markdown());

        Change destroy = ChangeReader.read(List.of(), List.of(iac.resolve("tfplan-destroy.json")), against(ACCOUNT));
        Gate.Verdict d = Gate.run(ACCOUNT, destroy, new Gate.Options(300, Map.of(), "1/s",
                List.of("teardown wait <= 1m")));
        assertFalse(d.passed(), "Lambda takes minutes to delete an ENI: " + d.markdown());
        assertTrue(d.results().get(0).actual().startsWith("orders-api waits "), d.results().get(0).actual());
    }

    @Test
    void unresolvedFunctionsAreListedAndNotSimulated() throws Exception {
        Change c = ChangeReader.read(List.of(Path.of("src/test/resources/iac/unresolved.yaml")), List.of(),
                against(ACCOUNT));
        Gate.Verdict v = Gate.run(ACCOUNT, c, new Gate.Options(300, Map.of(), "1/s", Gate.DEFAULT_RULES));
        assertTrue(v.markdown().contains("- Not simulated: exporter ("), v.markdown());
        assertTrue(v.markdown().contains("- Unresolved: src/test/resources/iac/unresolved.yaml:"
                + " Resources.Exporter.Properties.VpcConfig.SubnetIds: parameter Subnets"), v.markdown());
    }

    @Test
    void aGreenfieldVpcFromAPlanIsAddedToTheAccount() throws Exception {
        Change c = ChangeReader.read(List.of(), List.of(Path.of("src/test/resources/iac/tfplan-new-vpc.json")),
                against(ACCOUNT));
        Gate.Verdict v = Gate.run(ACCOUNT, c, new Gate.Options(300, Map.of(), "1/s", Gate.DEFAULT_RULES));
        assertTrue(v.passed(), v.markdown());
        assertTrue(v.markdown().contains("| aws_subnet.private[0] | 10.70.1.0/24 | 251 | 251 | 250 (99.6%) | 1 | 1 |"),
                v.markdown());
        assertTrue(v.markdown().contains("| aws_vpc.main | 500 | 0 | 0 | 1 | 499 |"), v.markdown());
    }

    @Test
    void anUpdateOfAFunctionThatPublishesVersionsKeepsTheOldKeysEnis() throws Exception {
        Path t = DIR.resolve("move-with-alias.yaml");
        Gate.Verdict withAlias = gate(t, Gate.DEFAULT_RULES);
        assertTrue(withAlias.afterScenario().indexOf("publishVersion") < withAlias.afterScenario().indexOf(
                "updateVpcConfig"), withAlias.afterScenario());
        String oldKey = FULL + "+[sg-0a11aa11aa11aa11a]";
        assertEquals(1, withAlias.after().eniKeys().get(oldKey).finalEnis(), "the old version keeps the old key");
        Path plain = java.nio.file.Files.writeString(java.nio.file.Files.createTempDirectory("gate").resolve(
                "t.yaml"), java.nio.file.Files.readString(t).replace("      AutoPublishAlias: live\n", ""));
        Gate.Verdict without = gate(plain, Gate.DEFAULT_RULES);
        assertFalse(without.afterScenario().contains("publishVersion"), without.afterScenario());
        assertEquals(0, without.after().eniKeys().get(oldKey).finalEnis(), "released after the update");
    }
}
