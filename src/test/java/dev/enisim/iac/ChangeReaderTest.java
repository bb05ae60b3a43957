package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Templates and plans in the shapes the tools write, read against an account (its subnets and functions). */
class ChangeReaderTest {

    static final Path IAC = Path.of("src/test/resources/iac");
    static final String A = "subnet-0f1e2d3c4b5a69788";
    static final String B = "subnet-09a8b7c6d5e4f3a21";

    @TempDir
    Path dir;

    static ChangeReader.Inputs account(Map<String, String> parameters, Map<String, String> exports) {
        return new ChangeReader.Inputs(parameters, exports, Map.of(), Map.of(A, "vpc-0a1b2c3d4e5f60718", B,
                "vpc-0a1b2c3d4e5f60718"), Set.of("orders-api"), false);
    }

    static Change template(Path t, ChangeReader.Inputs in) throws Exception {
        return ChangeReader.read(List.of(t), List.of(), in);
    }

    static Change.Function fn(Change c, String name) {
        return c.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow(
                () -> new AssertionError(name + " not in " + c.functions()));
    }

    @Test
    void samGlobalsArePrependedToAFunctionsOwnList() throws Exception {
        Change c = template(IAC.resolve("sam-globals.yaml"), account(Map.of(), Map.of()));
        Change.Function consumer = fn(c, "orders-consumer-prod");
        assertEquals(List.of(A), consumer.subnets());
        assertEquals(List.of("sg-0a11aa11aa11aa11a"), consumer.groups());
        assertEquals(256, consumer.memoryMb());
        assertEquals(20, consumer.timeoutSeconds());
        Change.Function reporter = fn(c, "orders-reporter-prod");
        assertEquals(List.of("sg-0a11aa11aa11aa11a", "ReporterSecurityGroup"), reporter.groups(),
                "Globals' groups first, then the function's: a different key than the consumer's");
        assertEquals(1024, reporter.memoryMb());
        assertTrue(reporter.publishes(), "AutoPublishAlias");
        assertEquals(2, reporter.provisioned());
        assertEquals(Change.Action.CREATE, reporter.action());
        assertEquals(List.of(new Change.Group("ReporterSecurityGroup", "vpc-0a1b2c3d4e5f60718",
                IAC.resolve("sam-globals.yaml") + ": Resources.ReporterSecurityGroup")), c.groups());
    }

    @Test
    void conditionsParametersAndExportsResolveAWholeVpcConfig() throws Exception {
        Path t = IAC.resolve("cfn-conditional.json");
        Change off = template(t, account(Map.of(), Map.of()));
        assertTrue(fn(off, "invoice-render").subnets().isEmpty(), "EnableVpc defaults to false: AWS::NoValue");
        assertTrue(off.placeholders().isEmpty(), off.placeholders().toString());

        Map<String, String> params = ChangeReader.parameters(IAC.resolve("parameters.json"));
        Change noExports = template(t, account(params, Map.of()));
        assertFalse(fn(noExports, "invoice-render").vpcKnown());
        assertEquals(t + ": Resources.InvoiceRender.Properties.VpcConfig.SubnetIds", noExports
                .placeholders().get(0).where());
        assertTrue(noExports.placeholders().get(0).toString().contains("export network-private-subnets (another"
                + " stack's output) (give `aws cloudformation list-exports` output with --exports)"));

        Change on = template(t, account(params, ChangeReader.exports(IAC.resolve("exports.json"))));
        Change.Function f = fn(on, "invoice-render");
        assertTrue(f.vpcKnown());
        assertEquals(List.of(A, B), f.subnets());
        assertEquals(List.of("sg-0c33cc33cc33cc33c"), f.groups());
        assertEquals(20, f.reserved());
    }

    @Test
    void cdkOutputWithANestedStackAndAnAutomaticGroupPerFunction() throws Exception {
        Change c = template(IAC.resolve("cdk.out"), account(Map.of(), Map.of()));
        assertEquals(3, c.functions().size());
        for (Change.Function f : c.functions()) {
            assertEquals(List.of("VpcPrivateSubnet1Subnet536B997A"), f.subnets(), "the parent's subnet, passed as a"
                    + " nested-stack parameter");
            assertEquals(1, f.groups().size());
            assertTrue(f.groups().get(0).endsWith("A1B2C3D") && f.groups().get(0).contains("FnSecurityGroup"));
        }
        assertEquals(3, c.groups().stream().map(Change.Group::id).distinct().count(), "one group per function");
        assertTrue(c.groups().stream().allMatch(g -> g.vpc().equals("Vpc8378EB38")));
        assertEquals(List.of(new Change.Vpc("Vpc8378EB38", "10.50.0.0/16", IAC.resolve("cdk.out")
                .resolve("OrdersStack.template.json") + ": Resources.Vpc8378EB38")), c.vpcs());
        Change.Subnet s = c.subnets().get(0);
        assertEquals("10.50.0.0/28", s.cidr());
        assertEquals(null, s.az(), "Fn::GetAZs: a placeholder");
        assertTrue(c.placeholders().stream().anyMatch(p -> p.where().endsWith(
                "Resources.VpcPrivateSubnet1Subnet536B997A.Properties.AvailabilityZone")), c.placeholders().toString());
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("CloudFormation generates a name")));
    }

    @Test
    void aTerraformPlanResolvesUnknownsThroughItsConfiguration() throws Exception {
        Change c = ChangeReader.read(List.of(), List.of(IAC.resolve("tfplan-create.json")), account(Map.of(),
                Map.of()));
        Change.Function n = fn(c, "notifier");
        assertEquals(Change.Action.CREATE, n.action());
        assertEquals(List.of(A, "aws_subnet.lambda_b"), n.subnets(), "the known id, then the subnet the plan"
                + " creates");
        assertEquals(List.of("aws_security_group.notifier"), n.groups(), "unknown until apply: the group this plan"
                + " creates");
        assertEquals(3, n.provisioned(), "aws_lambda_provisioned_concurrency_config, through its reference");
        assertEquals(null, n.reserved(), "-1 is no reservation");
        assertTrue(n.publishes());
        Change.Function orders = fn(c, "orders-api");
        assertEquals(Change.Action.UPDATE, orders.action());
        assertEquals(List.of(B), orders.subnets());
        assertEquals(List.of(new Change.Subnet("aws_subnet.lambda_b", "vpc-0a1b2c3d4e5f60718", "10.40.3.0/27",
                "eu-west-1b", IAC.resolve("tfplan-create.json") + ": resource_changes[1] (aws_subnet.lambda_b)")),
                c.subnets());

        Change destroy = ChangeReader.read(List.of(), List.of(IAC.resolve("tfplan-destroy.json")),
                account(Map.of(), Map.of()));
        assertEquals(Change.Action.DELETE, fn(destroy, "orders-api").action());

        Change unknown = ChangeReader.read(List.of(), List.of(IAC.resolve("tfplan-unknown.json")),
                account(Map.of(), Map.of()));
        assertFalse(fn(unknown, "mod-fn").vpcKnown());
        assertTrue(unknown.placeholders().get(0).toString().contains("comes from module.vpc.intra_subnets"),
                unknown.placeholders().toString());
    }

    @Test
    void unresolvedReferencesArePlaceholdersNeverGuesses() throws Exception {
        Change c = template(IAC.resolve("unresolved.yaml"), account(Map.of(), Map.of()));
        assertFalse(fn(c, "exporter").vpcKnown());
        assertFalse(fn(c, "scheduler").vpcKnown());
        List<String> p = c.placeholders().stream().map(Change.Placeholder::toString).toList();
        assertTrue(p.get(0).endsWith("Resources.Exporter.Properties.VpcConfig.SubnetIds: parameter Subnets"
                + " (List<AWS::EC2::Subnet::Id>) has no value and no Default (give it with --parameters)"), p.get(0));
        assertTrue(p.get(1).contains("condition RunInVpc (Fn::If) depends on unresolved values"), p.get(1));

        Change given = template(IAC.resolve("unresolved.yaml"), account(Map.of("Subnets", A + "," + B, "Enabled",
                "true"), Map.of()));
        assertEquals(List.of(A, B), fn(given, "exporter").subnets());
        assertFalse(fn(given, "scheduler").vpcKnown(), "Enabled is an SSM parameter: a value given for it is the SSM"
                + " parameter's name, so RunInVpc stays unknown (it was taken as the value)");
    }

    @Test
    void badInputNamesTheFileAndThePath() throws Exception {
        Path t = IAC.resolve("broken-subnet.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> template(t, account(Map.of(
                "OtherSubnet", B), Map.of())));
        assertEquals(t.toString(), e.source());
        List<String> problems = e.problems().stream().map(Object::toString).toList();
        assertTrue(problems.get(0).startsWith("Resources.OrdersApi.Properties.VpcConfig.SubnetIds[1]: subnet"
                + " 'subnet-123' is neither in the imported account nor defined by this change"), problems.toString());
        assertTrue(problems.contains("Resources.Audit.Properties.VpcConfig.SubnetIds[0]: Ref to 'PrivateSubnetC',"
                + " which is neither a parameter nor a resource of this template"), problems.toString());

        Path yaml = Files.writeString(dir.resolve("t.yaml"), "Resources:\n  A: !Ref [\n");
        ScenarioException m = assertThrows(ScenarioException.class, () -> template(yaml, account(Map.of(),
                Map.of())));
        assertTrue(m.getMessage().contains("malformed YAML at line"), m.getMessage());
        Path plan = Files.writeString(dir.resolve("plan.json"), "{\"planned_values\": {}}");
        ScenarioException pl = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(),
                List.of(plan), account(Map.of(), Map.of())));
        assertTrue(pl.getMessage().contains("resource_changes: expected the output of `terraform show -json"),
                pl.getMessage());
        ScenarioException undeclared = assertThrows(ScenarioException.class, () -> template(IAC.resolve(
                "sam-globals.yaml"), account(Map.of("Stages", "x"), Map.of())));
        assertTrue(undeclared.getMessage().contains("--parameters gives Stages, which the template does not"
                + " declare"), undeclared.getMessage());
    }

    @Test
    void generatedNamesMatchTheStacksFunctionsAndGlobalsMayBeConditional() throws Exception {
        Path t = Files.writeString(dir.resolve("template.yaml"), """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  pEnableVpc: { Type: String, Default: "false" }
                  pSubnets: { Type: String, Default: "subnet-0f1e2d3c4b5a69788,subnet-09a8b7c6d5e4f3a21" }
                Conditions:
                  RunInVpc: !Equals [!Ref pEnableVpc, "true"]
                Globals:
                  Function:
                    VpcConfig: !If
                      - RunInVpc
                      - SecurityGroupIds: [sg-0a11aa11aa11aa11a]
                        SubnetIds: !Split [",", !Ref pSubnets]
                      - !Ref "AWS::NoValue"
                Resources:
                  OrdersApi:
                    Type: AWS::Serverless::Function
                    Properties: { Handler: app.handler, Runtime: python3.12, CodeUri: src/ }
                """);
        ChangeReader.Inputs off = new ChangeReader.Inputs(Map.of(), Map.of(), Map.of("AWS::StackName", "orders"),
                Map.of(A, "vpc-0a1b2c3d4e5f60718", B, "vpc-0a1b2c3d4e5f60718"),
                Set.of("orders-OrdersApi-1A2B3C4D5E6F"), false);
        Change.Function f = template(t, off).functions().get(0);
        assertEquals("orders-OrdersApi-1A2B3C4D5E6F", f.name(), "STACK-LogicalId-SUFFIX, as CloudFormation names it");
        assertEquals(Change.Action.UPDATE, f.action());
        assertTrue(f.subnets().isEmpty(), "RunInVpc is false: AWS::NoValue");

        ChangeReader.Inputs on = new ChangeReader.Inputs(Map.of("pEnableVpc", "true"), Map.of(), Map.of(),
                off.subnetVpc(), Set.of(), false);
        Change.Function g = template(t, on).functions().get(0);
        assertEquals("OrdersApi", g.name(), "no stack name: the logical id");
        assertEquals(List.of(A, B), g.subnets(), "Globals' VpcConfig under Fn::If, its list through Fn::Split");
    }

    @Test
    void aPlanThatCreatesTheVpcItsSubnetsAndGroupsResolvesEveryUnknownId() throws Exception {
        Change c = ChangeReader.read(List.of(), List.of(IAC.resolve("tfplan-new-vpc.json")), account(Map.of(),
                Map.of()));
        assertEquals("aws_vpc.main", c.vpcs().get(0).id());
        assertEquals("aws_vpc.main", c.subnets().get(0).vpc(), "vpc_id unknown: the VPC this plan creates");
        assertEquals("aws_subnet.private[0]", c.subnets().get(0).id());
        assertEquals("aws_vpc.main", c.groups().get(0).vpc());
        Change.Function f = fn(c, "greenfield-fn");
        assertTrue(f.vpcKnown(), c.placeholders().toString());
        assertEquals(List.of("aws_subnet.private[0]"), f.subnets());
        assertEquals(List.of("aws_security_group.fn"), f.groups());
    }
}
