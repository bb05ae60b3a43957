package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the gate says of a template's functions where SAM's Globals, a Condition not known before deployment, a
 * capacity provider or a DeletionPolicy decide it: each problem where its value is (Globals' or the function's own),
 * and a function that may or may not be created, or may or may not run on a capacity provider, not simulated.
 */
class SamGlobalsAndConditionsTest {

    @TempDir
    Path dir;

    private static final String A = ChangeReaderTest.A;

    private static ChangeReader.Inputs account(boolean deleteStack) {
        return new ChangeReader.Inputs(Map.of(), Map.of(), Map.of(), Map.of(A, "vpc-0a1b2c3d4e5f60718"),
                Set.of("kept", "gone"), deleteStack);
    }

    private Path write(String text) throws Exception {
        return Files.writeString(dir.resolve("template.yaml"), text);
    }

    private List<String> problems(String template) throws Exception {
        Path t = write(template);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(t), List.of(),
                account(false)));
        return e.problems().stream().map(Problem::path).toList();
    }

    @Test
    void aPlainLambdaFunctionBesideSamGlobalsIsSaidAtItsOwnPaths() throws Exception {
        List<String> paths = problems("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    VpcConfig: { SubnetIds: [%s], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
                Resources:
                """.formatted(A) + Templates.function("Plain", "plain", """
                      VpcConfig: { SubnetIds: [subnet-0badbadbadbadbad0], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
                """));
        assertEquals(List.of("Resources.Plain.Properties.VpcConfig.SubnetIds[0]"), paths,
                "Globals apply to AWS::Serverless::Function only: its subnet is its own");
    }

    @Test
    void aSamFunctionsListsAreGlobalsItemsThenItsOwnCountedFromZero() throws Exception {
        List<String> paths = problems("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    VpcConfig: { SubnetIds: [subnet-0bad000000000001a, %s], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
                Resources:
                  Merged:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: merged
                      VpcConfig: { SubnetIds: [%s, subnet-0bad000000000002b], SecurityGroupIds: [7] }
                """.formatted(A, A));
        assertEquals(List.of("Globals.Function.VpcConfig.SubnetIds[0]",
                "Resources.Merged.Properties.VpcConfig.SubnetIds[1]",
                "Resources.Merged.Properties.VpcConfig.SecurityGroupIds[0]"), paths);
    }

    @Test
    void aSamFunctionsVpcConfigUnderFnIfIsItsOwnNotMergedWithGlobals() throws Exception {
        List<String> paths = problems("""
                Transform: AWS::Serverless-2016-10-31
                Conditions:
                  Never: !Equals [a, b]
                Globals:
                  Function:
                    VpcConfig: { SubnetIds: [%s], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
                Resources:
                  Chosen:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: chosen
                      VpcConfig: !If [Never, !Ref AWS::NoValue,
                        { SubnetIds: [subnet-0bad000000000003c], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }]
                """.formatted(A));
        assertEquals(List.of("Resources.Chosen.Properties.VpcConfig.SubnetIds[0]"), paths,
                "a VpcConfig chosen by Fn::If replaces Globals' whole: its subnet is the function's");
    }

    @Test
    void aVpcFunctionWhoseConditionIsNotKnownIsNotSimulatedEvenWithItsVpcConfigFromGlobals() throws Exception {
        Path t = write("""
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Stage: { Type: String }
                Conditions:
                  IsProd: !Equals [!Ref Stage, prod]
                Globals:
                  Function:
                    VpcConfig: { SubnetIds: [%s], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
                Resources:
                  Sam:
                    Type: AWS::Serverless::Function
                    Condition: IsProd
                    Properties: { FunctionName: sam, Runtime: python3.12, Handler: app.handler, CodeUri: src/ }
                  NoVpc:
                    Type: AWS::Lambda::Function
                    Condition: IsProd
                    Properties: { FunctionName: novpc, Runtime: python3.12, Handler: app.handler }
                  Topic:
                    Type: AWS::SNS::Topic
                    Condition: IsProd
                """.formatted(A));
        Change c = ChangeReader.read(List.of(t), List.of(), account(false));
        assertEquals(List.of(), c.functions(), "neither is taken as created");
        assertEquals(1, c.unsimulated().size(), c.unsimulated().toString());
        assertTrue(c.unsimulated().get(0).startsWith("sam (" + t + ": Resources.Sam): whether it is created is not"
                + " known"), c.unsimulated().toString());
        assertEquals(List.of(t + ": Resources.Sam.Condition", t + ": Resources.NoVpc.Condition",
                t + ": Resources.Topic.Condition"), c.placeholders().stream().map(Change.Placeholder::where).toList(),
                "each resource's condition asked for; only the VPC function is not simulated");
    }

    @Test
    void aFunctionThatMayRunOnACapacityProviderIsNotSimulated() throws Exception {
        Path t = write("""
                Parameters:
                  Managed: { Type: String }
                Conditions:
                  IsManaged: !Equals [!Ref Managed, "yes"]
                Resources:
                """ + Templates.function("Fn", "maybe-managed", """
                      CapacityProviderConfig: !If [IsManaged,
                        { LambdaManagedInstancesCapacityProviderConfig: { CapacityProviderArn: arn:x } },
                        !Ref AWS::NoValue]
                      VpcConfig: { SubnetIds: [%s], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
                """.formatted(A)));
        Change c = ChangeReader.read(List.of(t), List.of(), account(false));
        assertEquals(List.of(), c.functions());
        assertEquals(List.of("maybe-managed (" + t + ": Resources.Fn): whether it runs on a capacity provider"
                + " (CapacityProviderConfig) is not known"), c.unsimulated());
        assertEquals(List.of(t + ": Resources.Fn.Properties.CapacityProviderConfig"), c.placeholders().stream()
                .map(Change.Placeholder::where).toList());
    }

    @Test
    void deletingTheStackKeepsAFunctionRetainedExceptOnCreate() throws Exception {
        Path t = write("Resources:\n" + Templates.function("Kept", "kept", "") + "    DeletionPolicy:"
                + " RetainExceptOnCreate\n" + Templates.function("Gone", "gone", "") + "    DeletionPolicy: Delete\n");
        Change c = ChangeReader.read(List.of(t), List.of(), account(true));
        assertEquals(List.of("gone"), c.functions().stream().map(Change.Function::name).toList());
        assertEquals(Change.Action.DELETE, c.functions().get(0).action());
    }

    @Test
    void aSamFunctionsProblemOutsideItsPropertiesIsSaidWhereItIs() throws Exception {
        Path t = write("""
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    MemorySize: 256
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    DeletionPolicy: !If [Undeclared, Retain, Delete]
                    Properties: { FunctionName: gone, Runtime: python3.12, Handler: app.handler, CodeUri: src/ }
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(t), List.of(),
                account(true)));
        assertEquals(List.of("Resources.Fn.DeletionPolicy[0]"), e.problems().stream().map(Problem::path)
                .toList(), "not under Globals.Function nor under the function's Properties: " + e.problems());
    }
}
