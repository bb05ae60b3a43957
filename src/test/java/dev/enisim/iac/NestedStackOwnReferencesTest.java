package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nested stack's template refers to its own resources and to the Region as any template does: only its
 * AWS::StackName and AWS::StackId are its own and not known before deployment ({@link NestedStackEdgesTest}). Session
 * 54: PIT's open survivor of {@code Intrinsics.ref} (line 504, {@code name.equals("AWS::StackName")} taken as true:
 * every Ref a nested template makes to a resource or to another pseudo parameter was said not known).
 */
class NestedStackOwnReferencesTest {

    @TempDir
    Path dir;

    @Test
    void aNestedFunctionInItsOwnSubnetNamedAfterTheRegionIsRead() throws Exception {
        Files.writeString(dir.resolve("child.yaml"), """
                Resources:
                  Private:
                    Type: AWS::EC2::Subnet
                    Properties: { VpcId: vpc-0a1b2c3d4e5f60718, CidrBlock: 10.0.9.0/24, AvailabilityZone: us-east-1a }
                  Api:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: !Join ['-', [api, !Ref 'AWS::Region']]
                      Runtime: python3.12
                      Handler: app.handler
                      Role: arn:aws:iam::123456789012:role/r
                      Code: { ZipFile: x }
                      VpcConfig: { SubnetIds: [!Ref Private], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
                """);
        Path parent = Files.writeString(dir.resolve("parent.yaml"), """
                Resources:
                  Child: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: child.yaml } }
                """);
        Change c = ChangeReader.read(List.of(parent), List.of(), new ChangeReader.Inputs(Map.of(), Map.of(),
                Map.of("AWS::StackName", "orders", "AWS::Region", "us-east-1"),
                Map.of(ChangeReaderTest.A, "vpc-0a1b2c3d4e5f60718"), Set.of(), false));
        assertEquals(List.of(), c.placeholders(), "nothing in the nested template is unknown");
        assertEquals(1, c.subnets().size(), c.subnets().toString());
        Change.Function f = c.functions().get(0);
        assertEquals("api-us-east-1", f.name(), "AWS::Region is the Region given, in a nested stack too");
        assertEquals(List.of(c.subnets().get(0).id()), f.subnets(), "a Ref to the nested template's own subnet");
    }
}
