package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.TestFiles;
import dev.enisim.iac.Change;
import dev.enisim.iac.ChangeReader;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several stacks gated together: logical ids are per stack, so two stacks of one CDK app are two of everything. */
class GateStacksTest {

    @TempDir
    Path dir;

    /** One subnet with a single free address: a second new ENI key cannot get one. */
    static final String ACCOUNT = """
            name: tight
            seed: 1
            duration: 30m
            bucket: 1m
            vpcs:
              - id: vpc-0a1b2c3d4e5f60718
                subnets:
                  - { id: subnet-0aaaa1111bbbb2222, cidr: 10.0.3.0/28, az: us-east-1c, otherUsedIps: 10 }
                securityGroups: [sg-0a11aa11aa11aa11a]
            functions:
              - name: existing-fn
                existing: Active
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    /** A stage of a CDK app: a security group and a function without FunctionName (CDK's logical ids). */
    static final String STAGE = """
            {"Resources": {
              "SvcSecurityGroup1A2B3C4D": {"Type": "AWS::EC2::SecurityGroup",
                "Properties": {"GroupDescription": "x", "VpcId": "vpc-0a1b2c3d4e5f60718"}},
              "SvcFunction5E6F7A8B": {"Type": "AWS::Lambda::Function", "Properties": {"Runtime": "python3.12",
                "Handler": "index.handler", "Role": "arn:aws:iam::1:role/x", "Code": {"ZipFile": "x"},
                "VpcConfig": {"SubnetIds": ["subnet-0aaaa1111bbbb2222"],
                  "SecurityGroupIds": [{"Fn::GetAtt": ["SvcSecurityGroup1A2B3C4D", "GroupId"]}]}}}}}
            """;

    private Path write(String name, String text) throws Exception {
        return TestFiles.write(dir, name, text);
    }

    @Test
    void twoStagesWithTheSameLogicalIdsAreTwoGroupsTwoKeysAndTwoFunctions() throws Exception {
        Path account = write("account.yaml", ACCOUNT);
        Path dev = write("stage-dev/svc.template.json", STAGE);
        Path prod = write("stage-prod/svc.template.json", STAGE);
        Change c = ChangeReader.read(List.of(dev, prod), List.of(), GateTest.against(account));
        assertEquals(List.of("stage-dev/svc/SvcSecurityGroup1A2B3C4D", "stage-prod/svc/SvcSecurityGroup1A2B3C4D"),
                c.groups().stream().map(Change.Group::id).toList(), "one group per stack, named by its stack");
        assertEquals(List.of("stage-dev-svc-SvcFunction5E6F7A8B", "stage-prod-svc-SvcFunction5E6F7A8B"),
                c.functions().stream().map(Change.Function::name).toList());
        assertEquals(List.of("stage-dev/svc/SvcSecurityGroup1A2B3C4D"), c.functions().get(0).groups());
        assertTrue(c.notes().stream().noneMatch(n -> n.contains("defined twice")), c.notes().toString());

        Gate.Verdict v = Gate.run(account, c, new Gate.Options(300, Map.of(), "1/s", Gate.DEFAULT_RULES));
        assertFalse(v.passed(), "two keys, one free address: one stage's function fails");
        assertTrue(v.markdown().contains("- 2 new ENI key(s)"), v.markdown());
        assertTrue(v.results().get(0).actual().contains("SubnetOutOfIPAddresses"), v.results().toString());
        assertTrue(v.markdown().contains("stack stage-dev/svc"), "the report names the stacks");
    }

    @Test
    void oneTemplateKeepsItsLogicalIdsAndAFunctionNameSharedByTwoStacksIsAConflict() throws Exception {
        Path account = write("account.yaml", ACCOUNT);
        Path one = write("one/svc.template.json", STAGE);
        Change c = ChangeReader.read(List.of(one), List.of(), GateTest.against(account));
        assertEquals("SvcSecurityGroup1A2B3C4D", c.groups().get(0).id());
        assertEquals("SvcFunction5E6F7A8B", c.functions().get(0).name());

        String named = STAGE.replace("\"Runtime\"", "\"FunctionName\": \"svc\", \"Runtime\"");
        Path a = write("a.template.json", named);
        Path b = write("b.template.json", named);
        Change both = ChangeReader.read(List.of(a, b), List.of(), GateTest.against(account));
        assertEquals(List.of("svc"), both.functions().stream().map(Change.Function::name).toList(),
                "a deployed name is the name");
        assertTrue(both.notes().stream().anyMatch(n -> n.startsWith("function svc is defined twice")
                && n.contains("two functions cannot share a name")), both.notes().toString());
    }

    /** Two stacks of one cdk.out, each with its own VPC of CDK's logical id Vpc8378EB38. */
    @Test
    void twoStacksEachCreatingAVpcOfOneLogicalIdAreTwoVpcs() throws Exception {
        Path account = write("account.yaml", ACCOUNT);
        String stack = """
                {"Resources": {
                  "Vpc8378EB38": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.9.0.0/16"}},
                  "VpcSubnet1": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc8378EB38"},
                    "CidrBlock": "10.9.0.0/24", "AvailabilityZone": "us-east-1a"}},
                  "Sg": {"Type": "AWS::EC2::SecurityGroup", "Properties": {"GroupDescription": "x",
                    "VpcId": {"Ref": "Vpc8378EB38"}}},
                  "Fn": {"Type": "AWS::Lambda::Function", "Properties": {"Runtime": "python3.12",
                    "Handler": "index.handler", "Role": "arn:aws:iam::1:role/x", "Code": {"ZipFile": "x"},
                    "VpcConfig": {"SubnetIds": [{"Ref": "VpcSubnet1"}], "SecurityGroupIds": [{"Ref": "Sg"}]}}}}}
                """;
        write("cdk.out/alblam.template.json", stack);
        write("cdk.out/lammem.template.json", stack);
        Change c = ChangeReader.read(List.of(dir.resolve("cdk.out")), List.of(), GateTest.against(account));
        assertEquals(List.of("alblam/Vpc8378EB38", "lammem/Vpc8378EB38"), c.vpcs().stream().map(Change.Vpc::id)
                .toList());
        assertEquals(List.of("lammem/VpcSubnet1"), c.functions().get(1).subnets());
        Gate.Verdict v = Gate.run(account, c, new Gate.Options(300, Map.of(), "1/s", Gate.DEFAULT_RULES));
        assertTrue(v.passed(), v.results().toString());
        assertTrue(v.markdown().contains("| alblam/Vpc8378EB38 |") && v.markdown().contains("| lammem/Vpc8378EB38 |"),
                v.markdown());

        // the same template given twice is one stack twice: the error is the change's, named by its file
        Path t = dir.resolve("cdk.out/alblam.template.json");
        Change twice = ChangeReader.read(List.of(t, t), List.of(), GateTest.against(account));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Gate.run(account, twice,
                new Gate.Options(300, Map.of(), "1/s", Gate.DEFAULT_RULES)));
        assertTrue(e.getMessage().startsWith(t + ":2: Resources.Vpc8378EB38: VPC id '"), e.getMessage());
        assertFalse(e.getMessage().contains("account.yaml"), e.getMessage());
    }

    @Test
    void aProblemOfASubnetTheChangeAddsIsNamedByItsTemplateNotTheAccount() throws Exception {
        Path account = write("account.yaml", ACCOUNT);
        Path t = write("bad.yaml", """
                Resources:
                  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.9.0.0/16 } }
                  Sub: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.9.0.0/40,
                    AvailabilityZone: eu-west-1a } }
                """);
        Change c = ChangeReader.read(List.of(t), List.of(), GateTest.against(account));
        ScenarioException e = assertThrows(ScenarioException.class, () -> Gate.run(account, c,
                new Gate.Options(300, Map.of(), "1/s", Gate.DEFAULT_RULES)));
        assertEquals(t.toString(), e.source(), "it said: " + account + " with the change");
        assertEquals("Resources.Sub.Properties.CidrBlock", e.problems().get(0).path(), "the template's own path,"
                + " not the simulated scenario's vpcs[1].subnets[0].cidr");
        assertTrue(e.problems().get(0).message().startsWith("expected an IPv4 CIDR block"), e.getMessage());
    }

    @Test
    void eachStacksNameIsGivenWithItsOwnParameters() throws Exception {
        Path account = write("account.yaml", ACCOUNT);
        String named = STAGE.replace("\"Runtime\"", "\"FunctionName\": {\"Fn::Sub\": \"${AWS::StackName}-svc\"},"
                + " \"Runtime\"");
        Path dev = write("stage-dev/svc.template.json", named);
        Path prod = write("stage-prod/svc.template.json", named);
        ChangeReader.Inputs in = GateTest.against(account);
        Change c = ChangeReader.read(List.of(dev, prod), List.of(), new ChangeReader.Inputs(Map.of(), Map.of(),
                Map.of("AWS::StackName", "Shared"), in.subnetVpc(), in.functions(), false, Map.of("stage-dev/svc",
                Map.of("AWS::StackName", "Dev-Svc"), prod.toString(), Map.of("AWS::StackName", "Prod-Svc"))));
        assertEquals(List.of("Dev-Svc-svc", "Prod-Svc-svc"), c.functions().stream().map(Change.Function::name)
                .toList(), "a template's own AWS::StackName wins over --stack-name");
        assertTrue(c.notes().stream().noneMatch(n -> n.contains("defined twice")), c.notes().toString());
    }
}
