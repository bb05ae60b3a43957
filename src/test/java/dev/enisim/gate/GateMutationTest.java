package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.check.Checker;
import dev.enisim.iac.Change;
import dev.enisim.iac.ChangeReader;
import dev.enisim.metrics.RunSummary;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioException;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the gate says and decides at its edges, each pinned so that a change of the code that says it fails a test:
 * the change's own problems named at its template's or plan's path, the deployment time at the run's end, the
 * reservations the account can just take, what the impact counts as new, failed or unsettled.
 */
class GateMutationTest {

    static final Path ACCOUNT = GateTest.ACCOUNT;
    static final String VPC = "vpc-0a1b2c3d4e5f60718";
    static final String FULL = GateTest.FULL;
    static final String OTHER = "subnet-09a8b7c6d5e4f3a21";
    static final String SG = "sg-0a11aa11aa11aa11a";
    static final String AFTER = " (in the account after the change is applied)";

    @TempDir
    Path dir;

    private Change template(String name, String yaml) throws Exception {
        Path t = Files.writeString(dir.resolve(name), yaml);
        return ChangeReader.read(List.of(t), List.of(), GateTest.against(ACCOUNT));
    }

    private static Gate.Options options(long deployAt) {
        return new Gate.Options(deployAt, Map.of(), "1/s", Gate.DEFAULT_RULES);
    }

    private static final String NEW_VPC = """
            Resources:
              Vpc:
                Type: AWS::EC2::VPC
                Properties: { CidrBlock: 10.90.0.0/16 }
              SubA:
                Type: AWS::EC2::Subnet
                Properties: { VpcId: !Ref Vpc, CidrBlock: CIDR, AvailabilityZone: eu-west-1a }
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: big-fn
                  VpcConfig: { SubnetIds: SUBNETS, SecurityGroupIds: GROUPS }
            """;

    private Change newVpc(String name, String cidr, String subnets, String groups) throws Exception {
        return template(name, NEW_VPC.replace("CIDR", cidr).replace("SUBNETS", subnets).replace("GROUPS", groups));
    }

    // ---- the change's problems, named where the change says them

    @Test
    void aSubnetOfTheChangeTooSmallForAwsIsNamedAtItsTemplatesCidrBlock() throws Exception {
        Change c = newVpc("small.yaml", "10.90.1.0/30", "[!Ref SubA]", "[" + SG + "]");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Gate.run(ACCOUNT, c, options(300)));
        assertEquals(dir.resolve("small.yaml") + ":7: Resources.SubA.Properties.CidrBlock: expected a prefix from /16 to"
                + " /28 (the sizes AWS allows for a subnet), got /30" + AFTER, e.getMessage());
        assertEquals(1, e.parts().size());
    }

    @Test
    void aFunctionsFieldIsNamedAtTheLongestTemplatePathThatHoldsIt() throws Exception {
        Change two = newVpc("two.yaml", "10.90.1.0/24", "[!Ref SubA, " + FULL + "]", "[" + SG + "]");
        ScenarioException e = assertThrows(ScenarioException.class, () -> Gate.run(ACCOUNT, two, options(300)));
        assertEquals(dir.resolve("two.yaml") + ":12: Resources.Fn.Properties.VpcConfig.SubnetIds[1]: '" + FULL
                + "' is in " + VPC + ", 'SubA' in Vpc: a function connects to a single VPC" + AFTER, e.getMessage());

        Change six = newVpc("six.yaml", "10.90.1.0/24", "[!Ref SubA]", "[sg-1, sg-2, sg-3, sg-4, sg-5, sg-6]");
        ScenarioException s = assertThrows(ScenarioException.class, () -> Gate.run(ACCOUNT, six, options(300)));
        assertEquals(dir.resolve("six.yaml") + ":12: Resources.Fn.Properties.VpcConfig.SecurityGroupIds: at most 5"
                + " security groups per function, got 6" + AFTER, s.getMessage());
    }

    @Test
    void twoSubnetsOfTheChangeThatOverlapAreTheChanges() throws Exception {
        Change c = template("overlap.yaml", """
                Resources:
                  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.90.0.0/16 } }
                  SubA:
                    Type: AWS::EC2::Subnet
                    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.90.1.0/24, AvailabilityZone: eu-west-1a }
                  SubB:
                    Type: AWS::EC2::Subnet
                    Properties: { VpcId: !Ref Vpc, CidrBlock: 10.90.1.128/25, AvailabilityZone: eu-west-1b }
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> Gate.run(ACCOUNT, c, options(300)));
        assertEquals(dir.resolve("overlap.yaml") + ":8: Resources.SubB.Properties.CidrBlock: 10.90.1.128/25 overlaps"
                + " SubA (10.90.1.0/24)" + AFTER, e.getMessage());
    }

    @Test
    void aPlansProblemIsNamedAtItsResourceChangeWithTheAddressApart() throws Exception {
        Path plan = Files.writeString(dir.resolve("plan.json"), """
                {"format_version": "1.2", "resource_changes": [
                  {"address": "aws_subnet.tiny", "mode": "managed", "type": "aws_subnet", "name": "tiny",
                   "change": {"actions": ["create"], "before": null,
                              "after": {"vpc_id": "VPC", "availability_zone": "eu-west-1a",
                                        "cidr_block": "10.40.9.0/30"},
                              "after_unknown": {"id": true}}},
                  {"address": "aws_lambda_function.fn", "mode": "managed", "type": "aws_lambda_function",
                   "name": "fn",
                   "change": {"actions": ["create"], "before": null,
                              "after": {"function_name": "plan-fn", "memory_size": 128, "timeout": 3,
                                        "vpc_config": [{"subnet_ids": ["OTHER"],
                                          "security_group_ids": ["sg-1", "sg-2", "sg-3", "sg-4", "sg-5", "sg-6"]}]},
                              "after_unknown": {"arn": true}}}
                ]}
                """.replace("VPC", VPC).replace("OTHER", OTHER));
        Change c = ChangeReader.read(List.of(), List.of(plan), GateTest.against(ACCOUNT));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Gate.run(ACCOUNT, c, options(300)));
        assertEquals(List.of(
                plan + ":12: resource_changes[1].change.after.vpc_config[0].security_group_ids: aws_lambda_function.fn:"
                        + " at most 5 security groups per function, got 6" + AFTER,
                plan + ":5: resource_changes[0].change.after.cidr_block: aws_subnet.tiny: expected a prefix from /16 to"
                        + " /28 (the sizes AWS allows for a subnet), got /30" + AFTER),
                e.getMessage().lines().sorted().toList()); // sorted as text: ":12:" before ":5:"
    }

    @Test
    void problemsOfTwoTemplatesAreEachNamedByItsOwnFile() throws Exception {
        Path a = Files.writeString(dir.resolve("a.yaml"), NEW_VPC.replace("CIDR", "10.90.1.0/30")
                .replace("SUBNETS", "[!Ref SubA]").replace("GROUPS", "[" + SG + "]"));
        Path b = Files.writeString(dir.resolve("b.yaml"), """
                Resources:
                  Solo:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: solo
                      VpcConfig: { SubnetIds: [OTHER], SecurityGroupIds: [sg-1, sg-2, sg-3, sg-4, sg-5, sg-6] }
                """.replace("OTHER", OTHER));
        Change c = ChangeReader.read(List.of(a, b), List.of(), GateTest.against(ACCOUNT));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Gate.run(ACCOUNT, c, options(300)));
        assertEquals(2, e.parts().size(), e.getMessage());
        assertEquals(List.of(a.toString(), b.toString()), e.parts().stream().map(ScenarioException::source)
                .sorted().toList());
        assertTrue(e.getMessage().contains(b + ":6: Resources.Solo.Properties.VpcConfig.SecurityGroupIds: at most 5"),
                e.getMessage());
    }

    // ---- the deployment time against the run's end, in the options' check and in the run

    @Test
    void aDeploymentAtTheRunsLastSecondIsTooLateAndOneSecondBeforeIsNot() throws Exception {
        Change c = template("one.yaml", Files.readString(GateTest.DIR.resolve("one-group.yaml")));
        ScenarioException late = assertThrows(ScenarioException.class, () -> Gate.run(ACCOUNT, c, options(3600)));
        assertEquals(ACCOUNT + ":5: duration: the run ends at 3600 s, before the deployment at 3600 s (--deploy-at)",
                late.getMessage());
        Gate.Verdict v = Gate.run(ACCOUNT, c, options(3599)); // runs: its functions are still Pending at the end
        assertTrue(v.markdown().contains("deployed at 59m59s"), v.markdown());
        assertTrue(v.results().get(0).actual().startsWith("10 still Pending"), v.results().get(0).actual());

        ScenarioException opt = assertThrows(ScenarioException.class, () -> Gate.checkOptions(ACCOUNT, c, Map.of(),
                3600L, "1h", "gate options"));
        assertEquals(ACCOUNT + ":5: duration: the run ends at 3600 s, before the deployment at 3600 s (--deploy-at 1h)",
                opt.getMessage());
        Gate.checkOptions(ACCOUNT, c, Map.of(), 3599L, "3599s", "gate options");
        Gate.checkOptions(ACCOUNT, c, Map.of(), null, "soon", "gate options"); // not known: said by its own check
    }

    @Test
    void aTrafficForAFunctionTheChangeDoesNotCreateIsSaidWithTheLateDeploymentAtOnce() throws Exception {
        Change c = template("one.yaml", Files.readString(GateTest.DIR.resolve("ten-groups.yaml")));
        ScenarioException one = assertThrows(ScenarioException.class, () -> Gate.checkOptions(ACCOUNT, c,
                Map.of("nope", "5/s"), 300L, "5m", "gate options"));
        assertEquals(1, one.parts().size());
        assertEquals("gate options", one.source());
        assertEquals("--traffic nope=5/s", one.problems().get(0).path());
        assertTrue(one.problems().get(0).message().startsWith("the change creates no function nope (it creates: "),
                one.getMessage());

        ScenarioException both = assertThrows(ScenarioException.class, () -> Gate.checkOptions(ACCOUNT, c,
                Map.of("nope", "5/s"), 7200L, "2h", "gate options"));
        assertEquals(2, both.parts().size(), both.getMessage());
        assertTrue(both.getMessage().contains("gate options: --traffic nope=5/s: the change creates no function nope"),
                both.getMessage());
        assertTrue(both.getMessage().contains("before the deployment at 7200 s (--deploy-at 2h)"), both.getMessage());

        Change none = template("none.yaml", """
                Resources:
                  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.90.0.0/16 } }
                """);
        ScenarioException nothing = assertThrows(ScenarioException.class, () -> Gate.checkOptions(ACCOUNT, none,
                Map.of("nope", "5/s"), 300L, "5m", "gate options"));
        assertEquals("gate options: --traffic nope=5/s: the change creates no function nope (it creates none)",
                nothing.getMessage());
    }

    @Test
    void anEmptyAccountFileWarnsOfNothing() throws Exception {
        assertEquals(List.of(), Gate.accountWarnings(Files.writeString(dir.resolve("empty.yaml"), "")));
    }

    // ---- reservations: the account's room, exactly

    private static Change.Function created(String name, Integer reserved) {
        return new Change.Function(name, "t.yaml: Resources." + name, Change.Action.CREATE, true, List.of(OTHER),
                List.of(SG), null, null, reserved, 0, false);
    }

    private static Change functions(Change.Function... fs) {
        return new Change(List.of(fs), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of("t.yaml"));
    }

    @Test
    void reservationsUpToTheAccountsRoomFitAndOneMoreIsRefusedNamingWhoReserves() throws Exception {
        // concurrencyLimit 1000, unreservedMinimum 100 (default): room 900
        Gate.Verdict fits = Gate.run(ACCOUNT, functions(created("res", 900), created("plain", null)), options(300));
        assertTrue(fits.results().stream().noneMatch(r -> r.expectation().text().equals(Gate.RESERVED)),
                fits.markdown());

        Gate.Verdict over = Gate.run(ACCOUNT, functions(created("res", 901), created("plain", null)), options(300));
        Checker.Result r = over.results().get(0);
        assertEquals(Gate.RESERVED, r.expectation().text());
        assertFalse(r.passed());
        assertEquals("reserved concurrency adds up to 901 with the change, more than concurrencyLimit 1000 -"
                + " unreservedMinimum 100 = 900: Lambda refuses the change's reservations (res 901 (t.yaml:"
                + " Resources.res)), so its deployment fails", r.actual());

        Change.Function update = new Change.Function("orders-api", "t.yaml: Resources.Api", Change.Action.UPDATE, true,
                List.of(FULL), List.of(SG), null, null, 950, 0, false);
        Gate.Verdict updated = Gate.run(ACCOUNT, functions(update), options(300));
        assertEquals("reserved concurrency adds up to 950 with the change, more than concurrencyLimit 1000 -"
                + " unreservedMinimum 100 = 900: Lambda refuses the change's reservations (orders-api 950 (an update;"
                + " it reserves nothing now) (t.yaml: Resources.Api)), so its deployment fails",
                updated.results().get(0).actual());
    }

    // ---- the deployment's own problems and notes

    @Test
    void aVpcOrSubnetIdTheAccountHasIsTheChangesProblemAtItsPath() throws Exception {
        var tree = ScenarioLoader.readTree(ACCOUNT);
        Deployment.Options o = new Deployment.Options(300, Map.of(), "1/s");
        Change vpc = new Change(List.of(), List.of(new Change.Vpc(VPC, "10.0.0.0/16", "t.yaml: Resources.Vpc")),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of("t.yaml"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Deployment.apply(tree, vpc, o));
        assertEquals("t.yaml: Resources.Vpc: VPC id '" + VPC + "' is already a VPC of the account (the change's VPC"
                + " would be two VPCs of one id)", e.getMessage());

        Change twice = new Change(List.of(), List.of(new Change.Vpc("vpc-new", "10.0.0.0/16", "plan.json"),
                new Change.Vpc("vpc-new", "10.1.0.0/16", "plan.json")), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of("plan.json"));
        ScenarioException t = assertThrows(ScenarioException.class, () -> Deployment.apply(tree, twice, o));
        assertEquals("plan.json", t.source());
        assertEquals("", t.problems().get(0).path());
        assertEquals("VPC id 'vpc-new' is already a VPC of the account or of the change (the change's VPC would be two"
                + " VPCs of one id)", t.problems().get(0).message());

        Change subnet = new Change(List.of(), List.of(), List.of(new Change.Subnet(OTHER, VPC, "10.40.7.0/24",
                "eu-west-1a", "t.yaml: Resources.Sub")), List.of(), List.of(), List.of(), List.of(), List.of("t.yaml"));
        ScenarioException s = assertThrows(ScenarioException.class, () -> Deployment.apply(tree, subnet, o));
        assertEquals("t.yaml: Resources.Sub: subnet id '" + OTHER + "' is already a subnet of the account or of the"
                + " change (two subnets of one id)", s.getMessage());
    }

    @Test
    void anUpdateSaysWhatItSetsAndNothingItLeavesAsItWas() throws Exception {
        var tree = ScenarioLoader.readTree(ACCOUNT);
        Deployment.Options o = new Deployment.Options(300, Map.of(), "1/s");
        // orders-api: memoryMb 1024, timeout 10s, no reservation, no provisioned concurrency
        Change.Function same = new Change.Function("orders-api", "t.yaml: Resources.Api", Change.Action.UPDATE, true,
                List.of(FULL), List.of(SG), 1024, 10, null, 0, false);
        Deployment.After a = Deployment.apply(tree, functions(same), o);
        assertTrue(a.notes().stream().noneMatch(n -> n.contains("the change sets")), a.notes().toString());

        Change.Function more = new Change.Function("orders-api", "t.yaml: Resources.Api", Change.Action.UPDATE, true,
                List.of(FULL), List.of(SG), 2048, 20, 50, 0, false);
        Deployment.After b = Deployment.apply(tree, functions(more), o);
        assertTrue(b.notes().stream().anyMatch(n -> n.startsWith("orders-api (t.yaml: Resources.Api): the change sets"
                + " reservedConcurrency none -> 50, memoryMb 1024 -> 2048, timeout 10s -> 20s: applied")),
                b.notes().toString());
        assertEquals(java.util.Collections.singletonMap("orders-api", null), b.reservedBefore());

        var reserved = ScenarioLoader.readTree(ACCOUNT);
        ((com.fasterxml.jackson.databind.node.ObjectNode) reserved.path("functions").get(0))
                .put("reservedConcurrency", 50).put("provisionedConcurrency", 5);
        Change.Function again = new Change.Function("orders-api", "t.yaml: Resources.Api", Change.Action.UPDATE, true,
                List.of(FULL), List.of(SG), null, null, 50, 0, false);
        Deployment.After c = Deployment.apply(reserved, functions(again), o);
        assertTrue(c.notes().stream().noneMatch(n -> n.contains("the change sets") || n.contains("provisioned")),
                c.notes().toString());
        assertEquals(Map.of(), c.reservedBefore());

        Change.Function pc = new Change.Function("orders-api", "t.yaml: Resources.Api", Change.Action.UPDATE, true,
                List.of(FULL), List.of(SG), null, null, 60, 8, false);
        Deployment.After d = Deployment.apply(reserved, functions(pc), o);
        assertTrue(d.notes().contains("orders-api (t.yaml: Resources.Api): the change sets provisioned concurrency 8"
                + " (it has 5): not simulated for a function that exists (the after run keeps its current figure)"),
                d.notes().toString());
        assertTrue(d.notes().stream().anyMatch(n -> n.contains("reservedConcurrency 50 -> 60")), d.notes().toString());
    }

    @Test
    void aGroupNeitherTheAccountNorTheChangeDefinesIsNotedAndOneOfTheChangesIsNot() throws Exception {
        var tree = ScenarioLoader.readTree(ACCOUNT);
        Deployment.Options o = new Deployment.Options(300, Map.of(), "1/s");
        Change.Function f = new Change.Function("fresh", "t.yaml: Resources.Fresh", Change.Action.CREATE, true,
                List.of(OTHER), List.of("sg-stranger"), null, null, null, 0, false);
        Deployment.After a = Deployment.apply(tree, functions(f), o);
        assertTrue(a.notes().contains("security group sg-stranger (used by fresh) is not in the account's scenario:"
                + " taken to be in " + VPC), a.notes().toString());

        Change withGroup = new Change(List.of(f), List.of(), List.of(), List.of(new Change.Group("sg-stranger", VPC,
                "t.yaml: Resources.Sg")), List.of(), List.of(), List.of(), List.of("t.yaml"));
        Deployment.After b = Deployment.apply(tree, withGroup, o);
        assertTrue(b.notes().stream().noneMatch(n -> n.startsWith("security group sg-stranger")), b.notes().toString());
    }

    // ---- the report: what it says of a change with nothing in a table, and of one it could not resolve

    @Test
    void emptyTablesSayNoneAndAChangesUnresolvedPartsAreListed() throws Exception {
        Change c = new Change(List.of(), List.of(new Change.Vpc("vpc-9", "10.9.0.0/16", "t.yaml: Resources.Vpc")),
                List.of(), List.of(), List.of(), List.of(new Change.Placeholder("t.yaml: Resources.Fn.Properties"
                + ".VpcConfig.SubnetIds", "the subnet PrivateSubnet", "give --parameters PrivateSubnet=subnet-...")),
                List.of(), List.of("t.yaml"));
        Gate.Verdict v = Gate.run(ACCOUNT, c, options(300));
        assertTrue(v.passed(), v.markdown());
        assertTrue(v.markdown().contains("\n### Functions\n\n(none)\n"), v.markdown());
        assertTrue(v.markdown().contains("- Unresolved: t.yaml: Resources.Fn.Properties.VpcConfig.SubnetIds: the"
                + " subnet PrivateSubnet (give --parameters PrivateSubnet=subnet-...)"), v.markdown());
        assertTrue(v.html().contains("<h1>enisim gate: <span class=\"pass\">"), v.html());
        assertTrue(v.html().contains("<h2>Functions</h2>\n<p>(none)</p>"), v.html());
        assertTrue(v.html().contains("<table><tr><th scope=\"col\"></th><th scope=\"col\">rule</th><th scope=\"col\">actual</th></tr>"), v.html());

        Gate.Verdict failed = Gate.run(ACCOUNT, template("ten.yaml", Files.readString(GateTest.DIR.resolve(
                "ten-groups.yaml"))), options(300));
        assertTrue(failed.html().contains("<h1>enisim gate: <span class=\"fail\">"), failed.html());
    }

    @Test
    void oneNewKeyOfANewGroupIsNotCalledSomethingSharingWouldSave() throws Exception {
        Change one = template("one-new.yaml", """
                Resources:
                  Sg:
                    Type: AWS::EC2::SecurityGroup
                    Properties: { VpcId: VPC, GroupDescription: one }
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: lone
                      VpcConfig: { SubnetIds: [OTHER], SecurityGroupIds: [!Ref Sg] }
                """.replace("VPC", VPC).replace("OTHER", OTHER));
        Gate.Verdict v = Gate.run(ACCOUNT, one, options(300));
        assertTrue(v.markdown().contains("- 1 new ENI key(s) (subnet + security-group set), 1 new ENI(s) at the"
                + " peak."), v.markdown());
        assertFalse(v.markdown().contains("one shared group for those functions"), v.markdown());
    }

    @Test
    void callsToADeletedFunctionAreCountedAsItsOwnExtraFailures() throws Exception {
        Change c = template("delete.yaml", """
                Resources:
                  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.90.0.0/16 } }
                """);
        Change.Function gone = new Change.Function("orders-api", "t.yaml: Resources.Api", Change.Action.DELETE, true,
                List.of(FULL), List.of(SG), null, null, null, 0, false);
        Change delete = new Change(List.of(gone), c.vpcs(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of("t.yaml"));
        Gate.Verdict v = Gate.run(ACCOUNT, delete, new Gate.Options(300, Map.of(), "1/s",
                List.of("failing invocations <= 0")));
        long extra = Impact.failures(v.after().functions().get("orders-api"))
                - Impact.failures(v.before().functions().get("orders-api"));
        assertTrue(extra > 1000, "its traffic goes on calling it: " + extra);
        assertTrue(v.results().get(0).actual().startsWith(extra + " more failed invocations of existing functions"
                + " {ResourceNotFoundException=" + extra + "}: " + extra + " of them calls to functions the change"
                + " deletes (orders-api), their account's recorded traffic"), v.results().get(0).actual());
    }

    // ---- the impact: what is new, failed, unsettled

    private RunSummary runOf(String yaml) throws Exception {
        Path p = Files.writeString(dir.resolve("s" + System.nanoTime() + ".yaml"), yaml);
        return new Simulation(ScenarioLoader.load(p), 0).run().summary();
    }

    private static final String BASE = """
            name: impact
            seed: 7
            duration: 10m
            bucket: 1m
            account: { concurrencyLimit: 1000 }
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-a, cidr: 10.0.1.0/24, az: eu-west-1a }
                  - { id: subnet-b, cidr: 10.0.2.0/24, az: eu-west-1b }
                securityGroups: [sg-old, sg-new]
            functions:
              - name: kept
                existing: Active
                reservedConcurrency: 1
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-old] }
                duration: { dist: exponential, mean: 500ms }
                arrivals: { poisson: 20/s }
            """;

    @Test
    void theSameRunTwiceHasNoImpactEvenWithFailuresInBoth() throws Exception {
        RunSummary s = runOf(BASE);
        assertTrue(Impact.failures(s.functions().get("kept")) > 100, "kept throttles at a reservation of 1");
        Impact i = Impact.of(s, s, functions(), 60);
        assertEquals(0, i.newKeys());
        assertEquals(0, i.newEnis());
        assertEquals(List.of(), i.subnets());
        assertEquals(List.of(), i.vpcs());
        assertEquals(List.of(), i.functions(), "an unchanged function that did not fail is not the change's");
        assertEquals(0, i.extraFailedInvocations());
        assertEquals(Map.of(), i.extraErrors());
    }

    @Test
    void newKeysAreCountedAndThoseOfTheChangesGroupsApart() throws Exception {
        RunSummary before = runOf(BASE);
        RunSummary after = runOf(BASE + """
                  - name: grouped
                    existing: Active
                    vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg-new] }
                    duration: { dist: constant, value: 100ms }
                    arrivals: { poisson: 1/s }
                  - name: plain
                    existing: Active
                    vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg-old] }
                    duration: { dist: constant, value: 100ms }
                    arrivals: { poisson: 1/s }
                """);
        Change c = new Change(List.of(created("grouped", null), created("plain", null)), List.of(), List.of(),
                List.of(new Change.Group("sg-new", "vpc-1", "t.yaml: Resources.Sg")), List.of(), List.of(), List.of(),
                List.of("t.yaml"));
        Impact i = Impact.of(before, after, c, 0);
        assertEquals(2, i.newKeys());
        assertEquals(2, i.newEnis());
        assertEquals(1, i.newKeysFromNewGroups());
        assertEquals(1, i.keysIfShared());
        assertEquals(1, i.subnets().size());
        Impact.SubnetImpact b = i.subnets().get(0);
        assertEquals("subnet-b", b.id());
        assertEquals("vpc-1", b.vpc());
        assertEquals(2, b.newKeys());
        assertEquals(b.freeBefore() - 2, b.freeAfter());
        assertEquals(List.of("vpc-1"), i.vpcs().stream().map(Impact.VpcImpact::id).toList());
        assertEquals(List.of("grouped", "plain"), i.functions().stream().map(Impact.FunctionImpact::name).toList());
        assertEquals(List.of("create", "create"), i.functions().stream().map(Impact.FunctionImpact::action).toList());
    }

    @Test
    void aVpcTheChangeAddsIsShownEvenWithNoEniInIt() throws Exception {
        RunSummary before = runOf(BASE);
        RunSummary after = runOf(BASE.replace("functions:\n", """
                  - id: vpc-2
                    subnets:
                      - { id: subnet-c, cidr: 10.9.1.0/24, az: eu-west-1a }
                functions:
                """));
        Impact i = Impact.of(before, after, functions(), 0);
        assertEquals(List.of("vpc-2"), i.vpcs().stream().map(Impact.VpcImpact::id).toList());
        assertEquals(0, i.vpcs().get(0).peakBefore());
        assertEquals(0, i.vpcs().get(0).peakAfter());
    }

    @Test
    void aFailedUpdateIsFailedWithItsReasonWhileTheFunctionStaysActive() throws Exception {
        String full = BASE.replace("{ id: subnet-b, cidr: 10.0.2.0/24, az: eu-west-1b }",
                "{ id: subnet-b, cidr: 10.0.2.0/28, az: eu-west-1b, otherUsedIps: 11 }");
        RunSummary before = runOf(full);
        RunSummary after = runOf(full + """
                timeline:
                  - { at: 1m, action: updateVpcConfig, function: kept,
                      vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg-new] } }
                """);
        Change.Function update = new Change.Function("kept", "t.yaml: Resources.Kept", Change.Action.UPDATE, true,
                List.of("subnet-b"), List.of("sg-new"), null, null, null, 0, false);
        Impact i = Impact.of(before, after, functions(update), 60);
        Impact.FunctionImpact kept = i.functions().get(0);
        assertEquals("update", kept.action());
        assertEquals("Failed", kept.updateStatus(), kept.toString());
        assertEquals("Active", kept.state(), "a failed update leaves the function Active");
        assertEquals("SubnetOutOfIPAddresses", kept.reason());
        assertTrue(kept.failed());
        assertNull(kept.teardownSeconds());
        assertEquals(1, i.failedFunctions());
    }

    @Test
    void aFunctionFailedWithoutTheChangeIsNotTheChangesButAnUpdateOfItIs() throws Exception {
        // an account imported with a function saved Failed: every gate on it failed "no function Failed" for it
        String broken = BASE + """
                  - name: broke
                    existing: Failed
                    stateReasonCode: SubnetOutOfIPAddresses
                    vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg-old] }
                    duration: { dist: constant, value: 100ms }
                    arrivals: { poisson: 1/s }
                """;
        RunSummary before = runOf(broken);
        assertEquals("Failed", before.functions().get("broke").finalState());
        Impact i = Impact.of(before, runOf(broken), functions(), 60);
        assertEquals(List.of(), i.functions(), "Failed before the change as after it: the account's, not the change's");
        assertEquals(0, i.failedFunctions());
        RunSummary after = runOf(broken + """
                timeline:
                  - { at: 1m, action: updateVpcConfig, function: broke,
                      vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-old] } }
                """);
        Change.Function update = new Change.Function("broke", "t.yaml: Resources.Broke", Change.Action.UPDATE, true,
                List.of("subnet-a"), List.of("sg-old"), null, null, null, 0, false);
        Impact u = Impact.of(before, after, functions(update), 60);
        assertEquals(1, u.failedFunctions(), "the change updates a Failed function: refused, it stays Failed");
        assertEquals("Failed", u.functions().get(0).state());
    }

    @Test
    void onlyAChangesCreationOrUpdateStillUnderWayIsUnsettled() {
        assertTrue(fi("create", "Pending", null).unsettled());
        assertTrue(fi("update", "Active", "InProgress").unsettled());
        assertFalse(fi("unchanged", "Pending", null).unsettled(), "not the change's");
        assertFalse(fi("delete", "Pending", null).unsettled(), "a deletion waits on nothing the verdict reads");
        assertFalse(fi("create", "Active", "Successful").unsettled());
        assertFalse(fi("create", "Failed", null).unsettled(), "failed is settled");
        assertFalse(fi("update", "Active", "Failed").unsettled(), "failed is settled");
        Impact i = new Impact(List.of(), List.of(), List.of(fi("create", "Failed", null), fi("update", "Active",
                "Failed"), fi("create", "Active", null)), 0, 0, 0, 0, 0, Map.of());
        assertEquals(2, i.failedFunctions());
    }

    private static Impact.FunctionImpact fi(String action, String state, String update) {
        return new Impact.FunctionImpact("f", action, state, null, 0, update, 0, null, 0, 0);
    }
}
