package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/**
 * A nested stack's own AWS::StackName and AWS::StackId (made by CloudFormation when it creates the stack, not the
 * --stack-name of its parent), its function named from them, a SAM application whose Location the gate cannot read,
 * and a CDK nested stack (aws:asset:path) that nests its parent. Session 48: PIT's survivors of
 * {@code CloudFormation}'s constructor, {@code name} and {@code nested}, and {@code Intrinsics.ref} (session 46's run).
 */
class NestedStackEdgesTest {

    private static final String A = ChangeReaderTest.A;

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static ChangeReader.Inputs inputs(Set<String> functions, Map<String, String> pseudo) {
        return new ChangeReader.Inputs(Map.of(), Map.of(), pseudo, Map.of(A, "vpc-0a1b2c3d4e5f60718"), functions,
                false);
    }

    /** A parent nesting child.yaml as Child; the child's function is named and networked from its stack's name. */
    private Path parentAndChild() throws Exception {
        write("child.yaml", """
                Resources:
                  Api:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: !Sub "${AWS::StackName}-api"
                      Runtime: python3.12
                      Handler: app.handler
                      Role: arn:aws:iam::123456789012:role/r
                      Code: { ZipFile: x }
                      VpcConfig:
                        SubnetIds: [!ImportValue {'Fn::Sub': '${AWS::StackName}-subnet'}]
                        SecurityGroupIds: [!ImportValue {'Fn::Sub': '${AWS::StackId}-group'}]
                """);
        return write("parent.yaml", """
                Resources:
                  Child: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: child.yaml } }
                """);
    }

    private static List<String> whats(Change c) {
        return c.placeholders().stream().map(p -> p.where().substring(p.where().indexOf(": ") + 2) + ": " + p.what()
                + " | " + p.howToGive()).toList();
    }

    @Test
    void aNestedStacksNameIsItsOwnNotTheParentsStackName() throws Exception {
        Change c = ChangeReader.read(List.of(parentAndChild()), List.of(), inputs(Set.of("orders-Api-prod"),
                Map.of("AWS::StackName", "orders")));
        List<String> w = whats(c);
        assertTrue(w.contains("Resources.Api.Properties.VpcConfig.SubnetIds[0]: AWS::StackName of nested stack Child"
                + " (CloudFormation names it orders-Child-SUFFIX, its suffix random, when it creates it) | not known"
                + " before deployment: --stack-name names the parent stack only"), w.toString());
        assertTrue(w.contains("Resources.Api.Properties.VpcConfig.SecurityGroupIds[0]: AWS::StackId of nested stack"
                + " Child (CloudFormation names it orders-Child-SUFFIX, its suffix random, when it creates it) | not"
                + " known before deployment: --stack-name names the parent stack only"), w.toString());
        assertTrue(w.contains("Resources.Api.Properties.FunctionName: not resolved: the function is called Api here,"
                + " so it is taken as a function the change creates, not one of the account's | it is built from the"
                + " nested stack's AWS::StackName, which CloudFormation makes when it creates the stack"
                + " (orders-Child-SUFFIX): not known before deployment"), w.toString());
        assertEquals(List.of("Api"), c.functions().stream().map(Change.Function::name).toList(),
                "not the parent stack's orders-Api-prod: the name is built from the nested stack's");
        assertEquals(Change.Action.CREATE, c.functions().get(0).action());
    }

    @Test
    void withoutStackNameTheNestedStacksNameIsSaidAsCloudFormationMakesIt() throws Exception {
        Change c = ChangeReader.read(List.of(parentAndChild()), List.of(), inputs(Set.of(), Map.of()));
        List<String> w = whats(c);
        assertTrue(w.contains("Resources.Api.Properties.FunctionName: not resolved: the function is called Api here,"
                + " so it is taken as a function the change creates, not one of the account's | it is built from the"
                + " nested stack's AWS::StackName, which CloudFormation makes when it creates the stack"
                + " (PARENT-LogicalId-SUFFIX): not known before deployment"), w.toString());
        assertTrue(w.contains("Resources.Api.Properties.VpcConfig.SubnetIds[0]: AWS::StackName of nested stack Child"
                + " (CloudFormation names it PARENT-Child-SUFFIX, its suffix random, when it creates it) | not known"
                + " before deployment: --stack-name names the parent stack only"), w.toString());
    }

    @Test
    void aSamApplicationWhoseLocationIsNotALocalFileSaysWhy() throws Exception {
        Path t = write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Where: { Type: String }
                Resources:
                  NoLocation: { Type: AWS::Serverless::Application, Properties: {} }
                  NotGiven: { Type: AWS::Serverless::Application, Properties: { Location: !Ref Where } }
                  Packaged:
                    Type: AWS::Serverless::Application
                    Properties: { Location: 'https://bucket.s3.amazonaws.com/ingest/template.yaml' }
                """);
        Change c = ChangeReader.read(List.of(t), List.of(), inputs(Set.of(), Map.of()));
        assertEquals(List.of("nested application NoLocation (Location missing)",
                "nested application NotGiven (Location not resolved)",
                "nested application Packaged (Location https://bucket.s3.amazonaws.com/ingest/template.yaml is not a"
                + " local file)"), c.placeholders().stream().map(Change.Placeholder::what).toList());
        assertEquals(3, c.unsimulated().size(), c.unsimulated().toString());
    }

    @Test
    void aCdkNestedStackWhoseAssetNestsItsParentIsRefusedAtItsAssetPath() throws Exception {
        Path parent = write("Parent.template.json", """
                {"Resources": {"Child": {"Type": "AWS::CloudFormation::Stack",
                  "Metadata": {"aws:asset:path": "Child.nested.template.json"},
                  "Properties": {"TemplateURL": "https://s3.amazonaws.com/cdk-assets/child.json"}}}}
                """);
        Path child = write("Child.nested.template.json", """
                {"Resources": {"Back": {"Type": "AWS::CloudFormation::Stack",
                  "Metadata": {"aws:asset:path": "Parent.template.json"},
                  "Properties": {"TemplateURL": "https://s3.amazonaws.com/cdk-assets/parent.json"}}}}
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(parent),
                List.of(), inputs(Set.of(), Map.of())));
        assertEquals(child.toString(), e.source());
        assertEquals(List.of("Resources.Back.Metadata.aws:asset:path: nested stack Parent.template.json nests a"
                + " template that nests it (Child.nested.template.json): CloudFormation would never finish creating"
                + " it"), e.problems().stream().map(p -> p.path() + ": " + p.message()).toList());
    }
}
