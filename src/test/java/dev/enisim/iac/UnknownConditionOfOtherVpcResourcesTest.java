package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A resource whose condition is not known is asked for; only a Lambda function in a VPC is also not simulated (whether
 * its ENIs are made is not known). A CodeBuild project has a VpcConfig too, but its builds' network interfaces are not
 * Lambda's: its unknown condition leaves nothing unsimulated. Session 54: PIT's open survivor of {@code
 * CloudFormation.read} (line 144, {@code type.equals("AWS::Lambda::Function")} taken as true: every resource with a
 * VpcConfig was a function).
 */
class UnknownConditionOfOtherVpcResourcesTest {

    @TempDir
    Path dir;

    @Test
    void aCodeBuildProjectInAVpcWhoseConditionIsNotKnownIsNotAnUnsimulatedFunction() throws Exception {
        String a = ChangeReaderTest.A;
        Path t = Files.writeString(dir.resolve("template.yaml"), """
                Parameters:
                  Stage: { Type: String }
                Conditions:
                  IsProd: !Equals [!Ref Stage, prod]
                Resources:
                  Build:
                    Type: AWS::CodeBuild::Project
                    Condition: IsProd
                    Properties:
                      VpcConfig: { VpcId: vpc-0a1b2c3d4e5f60718, Subnets: [%s], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
                  Api:
                    Type: AWS::Lambda::Function
                    Condition: IsProd
                    Properties:
                      FunctionName: api
                      Runtime: python3.12
                      Handler: app.handler
                      VpcConfig: { SubnetIds: [%s], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
                """.formatted(a, a));
        Change c = ChangeReader.read(List.of(t), List.of(), new ChangeReader.Inputs(Map.of(), Map.of(), Map.of(),
                Map.of(a, "vpc-0a1b2c3d4e5f60718"), Set.of(), false));
        assertEquals(List.of(t + ": Resources.Build.Condition", t + ": Resources.Api.Condition"),
                c.placeholders().stream().map(Change.Placeholder::where).toList(), "each condition asked for");
        assertEquals(1, c.unsimulated().size(), c.unsimulated().toString());
        assertTrue(c.unsimulated().get(0).startsWith("api (" + t + ": Resources.Api): whether it is created is not"
                + " known"), c.unsimulated().toString());
        assertEquals(List.of(), c.functions());
    }
}
