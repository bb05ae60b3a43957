package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.TestFiles;
import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Changes a platform engineer's review of the gate found misread (cdk.out, nested applications, bad shapes). */
class IacImporterFindingsTest {

    @TempDir
    Path dir;

    private static final String VPC = "vpc-0a1b2c3d4e5f60718";

    private static ChangeReader.Inputs inputs(Set<String> functions, Map<String, String> pseudo) {
        return new ChangeReader.Inputs(Map.of(), Map.of(), pseudo, Map.of(ChangeReaderTest.A, VPC), functions, false);
    }

    private Path write(String name, String text) throws Exception {
        return TestFiles.write(dir, name, text);
    }

    /** A synthesized CDK stack: one VPC function without FunctionName (CDK's logical id with its hash). */
    private static String cdkStack(String logicalId) {
        return "{\"Resources\": {\"" + logicalId + "\": {\"Type\": \"AWS::Lambda::Function\", \"Properties\": {"
                + "\"Runtime\": \"python3.12\", \"Handler\": \"index.handler\", \"Role\": \"arn:aws:iam::1:role/x\","
                + " \"Code\": {\"ZipFile\": \"x\"}, \"VpcConfig\": {\"SubnetIds\": [\"" + ChangeReaderTest.A
                + "\"], \"SecurityGroupIds\": [\"sg-0a11aa11aa11aa11a\"]}}}}}";
    }

    @Test
    void aCdkOutFolderNamesEachStackAsItsManifestDoesAndMatchesTheDeployedFunctionsWithTheirSuffix()
            throws Exception {
        Path out = dir.resolve("cdk.out");
        write("cdk.out/manifest.json", """
                {"version": "36.0.0", "artifacts": {
                  "StackA": {"type": "aws:cloudformation:stack", "environment": "aws://unknown-account/unknown-region",
                    "properties": {"templateFile": "StackA.template.json", "stackName": "prod-a"}},
                  "StackB": {"type": "aws:cloudformation:stack", "environment": "aws://unknown-account/unknown-region",
                    "properties": {"templateFile": "StackB.template.json"}},
                  "Tree": {"type": "cdk:tree", "properties": {"file": "tree.json"}}}}
                """);
        write("cdk.out/StackA.template.json", cdkStack("MyLambdaCCE802FB"));
        write("cdk.out/StackB.template.json", cdkStack("testfunction5B23D3B0"));
        Change c = ChangeReader.read(List.of(out), List.of(), inputs(Set.of("prod-a-MyLambdaCCE802FB-1AbCdEfGhIjK",
                "StackB-testfunction5B23D3B0-9ZyXwVuTsR"), Map.of()));
        assertEquals(List.of("prod-a-MyLambdaCCE802FB-1AbCdEfGhIjK", "StackB-testfunction5B23D3B0-9ZyXwVuTsR"),
                c.functions().stream().map(Change.Function::name).toList(), "the deployed stack's name (the"
                + " manifest's stackName, else the artifact's id), its random suffix matched");
        assertEquals(List.of(Change.Action.UPDATE, Change.Action.UPDATE), c.functions().stream()
                .map(Change.Function::action).toList());
        assertTrue(c.sources().get(0).endsWith("(CloudFormation template, stack prod-a)"), c.sources().toString());

        // one stack of it alone: still its manifest's name (no --stack-name needed)
        Files.delete(out.resolve("StackB.template.json"));
        Change one = ChangeReader.read(List.of(out), List.of(), inputs(Set.of("prod-a-MyLambdaCCE802FB-1AbCdEfGhIjK"),
                Map.of()));
        assertEquals(Change.Action.UPDATE, one.functions().get(0).action(), one.functions().toString());
    }

    @Test
    void aGeneratedNameMatchesOnlyTheStackAndLogicalIdWithASuffixAndTwoMatchesAreSaidNotGuessed() throws Exception {
        Path t = write("t.yaml", "Resources:\n  Api:\n    Type: AWS::Lambda::Function\n    Properties:\n"
                + "      Runtime: python3.12\n      VpcConfig: { SubnetIds: [" + ChangeReaderTest.A + "],"
                + " SecurityGroupIds: [sg-1] }\n");
        Change other = ChangeReader.read(List.of(t), List.of(), inputs(Set.of("orders-Api2-1AbCdEfGhIjK"),
                Map.of("AWS::StackName", "orders")));
        assertEquals(Change.Action.CREATE, other.functions().get(0).action(), "orders-Api2-... is another logical"
                + " id's function: " + other.functions());

        Change two = ChangeReader.read(List.of(t), List.of(), inputs(Set.of("orders-Api-1AbCdEfGhIjK",
                "orders-Api-9ZyXwVuTsRqP"), Map.of("AWS::StackName", "orders")));
        assertEquals(List.of(), two.functions(), "neither of the two is picked");
        assertTrue(two.placeholders().stream().anyMatch(p -> p.toString().contains("Resources.Api.Properties"
                + ".FunctionName: not given: the name CloudFormation generated (orders-Api-SUFFIX) matches 2 of the"
                + " account's functions: orders-Api-1AbCdEfGhIjK, orders-Api-9ZyXwVuTsRqP")), two.placeholders()
                .toString());
        assertEquals(1, two.unsimulated().size(), "not simulated, so the gate does not pass on it");
    }

    @Test
    void aSamApplicationWithALocalLocationIsReadAsANestedStackIs() throws Exception {
        write("child.yaml", """
                Parameters:
                  SubnetId: { Type: String }
                Resources:
                  ChildFn:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: child-fn
                      Runtime: python3.12
                      VpcConfig: { SubnetIds: [!Ref SubnetId], SecurityGroupIds: [sg-1] }
                """);
        Path parent = write("parent.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  ChildApp:
                    Type: AWS::Serverless::Application
                    Properties:
                      Location: ./child.yaml
                      Parameters: { SubnetId: %s }
                """.formatted(ChangeReaderTest.A));
        Change c = ChangeReader.read(List.of(parent), List.of(), inputs(Set.of(), Map.of()));
        assertEquals(List.of("child-fn"), c.functions().stream().map(Change.Function::name).toList());
        assertEquals(List.of(ChangeReaderTest.A), c.functions().get(0).subnets(), "the parameter the parent passes");
        assertTrue(c.unsimulated().isEmpty(), c.unsimulated().toString());
    }

    @Test
    void aNestedStackOrApplicationNotReadIsUnsimulatedNotJustListed() throws Exception {
        Path t = write("parent.yaml", """
                Resources:
                  Remote: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: https://s3.amazonaws.com/b/c.yaml } }
                  FromRepo:
                    Type: AWS::Serverless::Application
                    Properties:
                      Location: { ApplicationId: arn:aws:serverlessrepo:us-east-1:123456789012:applications/x,
                                  SemanticVersion: 1.0.0 }
                """);
        Change c = ChangeReader.read(List.of(t), List.of(), inputs(Set.of(), Map.of()));
        assertEquals(2, c.unsimulated().size(), c.unsimulated().toString());
        assertTrue(c.unsimulated().get(0).startsWith("nested stack Remote (" + t + ": Resources.Remote): its template"
                + " is not read"), c.unsimulated().toString());
        assertTrue(c.unsimulated().get(1).contains("nested application FromRepo") && c.unsimulated().get(1)
                .contains("Serverless Application Repository"), c.unsimulated().toString());
    }

    @Test
    void aFunctionOnACapacityProviderIsNotedWithLambdasOwnLimitsNotRefused() throws Exception {
        Path t = write("mi.yaml", """
                Resources:
                  Mi:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: mi-fn
                      Runtime: python3.13
                      MemorySize: 32768
                      Timeout: 5400
                      CapacityProviderConfig:
                        LambdaManagedInstancesCapacityProviderConfig:
                          CapacityProviderArn: arn:aws:lambda:eu-west-1:123456789012:capacity-provider:cp1
                """);
        Change c = ChangeReader.read(List.of(t), List.of(), inputs(Set.of(), Map.of()));
        assertEquals(List.of(), c.functions(), "not a Hyperplane ENI's function: not simulated");
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("Resources.Mi (mi-fn) runs on a capacity provider")),
                c.notes().toString());

        Path beyond = write("big.yaml", Files.readString(t).replace("32768", "40000"));
        ScenarioException x = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(beyond),
                List.of(), inputs(Set.of(), Map.of())));
        assertEquals("Resources.Mi.Properties.MemorySize: expected a whole number from 128 to 32768, got 40000",
                x.problems().get(0).toString());
    }

    @Test
    void withTwoTemplatesAnUnknownParameterKeyIsSaidWithEveryOtherProblem() throws Exception {
        Path t = write("t.yaml", """
                Parameters:
                  Mem: { Type: Number }
                Resources:
                  F:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: f
                      MemorySize: !Ref Mem
                      VpcConfig: { SubnetIds: [subnet-zzz], SecurityGroupIds: [sg-1] }
                """);
        Path other = write("other.yaml", "Resources: null\n");
        Path params = write("p.json", "[{\"ParameterKey\": \"Nope\", \"ParameterValue\": \"x\"},"
                + " {\"ParameterKey\": \"Mem\", \"ParameterValue\": \"lots\"}]");
        List<Problem> wrong = new ArrayList<>();
        ChangeReader.ParameterFile f = ChangeReader.parameterFile(params, wrong);
        assertTrue(wrong.isEmpty(), wrong.toString());
        ChangeReader.Inputs in = new ChangeReader.Inputs(f.values(), Map.of(), Map.of(), Map.of(ChangeReaderTest.A,
                VPC), Set.of(), false, Map.of(), f.origins(), Map.of());
        ScenarioException x = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(t, other),
                List.of(), in));
        String m = x.getMessage();
        for (String said : List.of(t + ":9: Resources.F.Properties.VpcConfig.SubnetIds[0]: subnet 'subnet-zzz'",
                t + ":8: Resources.F.Properties.MemorySize:", params + ":1: [1].ParameterValue: 'lots'",
                params + ":1: [0].ParameterKey: --parameters gives Nope, which none of the 2 templates declares",
                other + ":1: Resources: expected the template's resources")) {
            assertTrue(m.contains(said), said + " in: " + m);
        }
    }

    @Test
    void propertiesThatAreNotAnObjectAreRefusedForEveryTypeTheGateReads() throws Exception {
        Path t = write("b4.yaml", """
                Resources:
                  F: { Type: AWS::Lambda::Function, Properties: "str" }
                  Sg: { Type: AWS::EC2::SecurityGroup, Properties: [a] }
                  Bucket: { Type: AWS::S3::Bucket }
                """);
        ScenarioException x = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(t), List.of(),
                inputs(Set.of(), Map.of())));
        assertEquals(List.of("Resources.F.Properties: expected an object (the resource's properties, NAME: VALUE),"
                + " got \"str\"", "Resources.Sg.Properties: expected an object (the resource's properties, NAME:"
                + " VALUE), got [\"a\"]"), x.problems().stream().map(Problem::toString).toList());
        assertFalse(x.getMessage().contains("Bucket"), x.getMessage());
    }
}
