package dev.enisim.iac;

import static dev.enisim.iac.ChangeReaderTest.A;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template's problem made from a value given in a parameters file says where that value was given, once, and only
 * then: a subnet of a list parameter (the problem at an item of the list the Ref stands for), a VpcConfig whose one
 * list came from a parameter, a problem said twice over (SAM's Globals re-say a function's problems), a problem no
 * parameter made. Session 48: PIT's survivors of {@code Intrinsics.annotate} and {@code inside} (session 46's run).
 */
class ParameterValueOriginsTest {

    private static final String UNKNOWN = "subnet-0dead0dead0dead0d";
    private static final String PARAMS = "params.json";

    @TempDir
    Path dir;

    /** The template read with {@code values} given in {@link #PARAMS}, each at Parameters.KEY there. */
    private List<String> problems(String yaml, Map<String, String> values) throws Exception {
        Path t = Files.writeString(dir.resolve("t.yaml"), yaml);
        Map<String, ChangeReader.Origin> origins = new java.util.TreeMap<>();
        values.forEach((k, v) -> origins.put(k, new ChangeReader.Origin(PARAMS, "Parameters." + k, "Parameters." + k,
                false)));
        ChangeReader.Inputs in = new ChangeReader.Inputs(values, Map.of(), Map.of(), Map.of(A, "vpc-1"), Set.of(),
                false, Map.of(), origins, Map.of());
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(t), List.of(),
                in));
        return e.parts().stream().flatMap(p -> p.problems().stream()).map(Object::toString).toList();
    }

    private static String unknown(String path) {
        return path + ": subnet '" + UNKNOWN + "' is neither in the imported account nor defined by this change"
                + " (known: " + A + ")";
    }

    private static final String FUNCTION = """
            Parameters:
              Subnets: { Type: 'List<AWS::EC2::Subnet::Id>' }
              Subnet: { Type: 'AWS::EC2::Subnet::Id' }
              Name: { Type: String, Default: api }
            Resources:
              Api:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: !Ref Name
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: { ZipFile: x }
                  VpcConfig: %s
            """;

    @Test
    void aSubnetOfAListParameterIsSaidWithWhereTheListWasGiven() throws Exception {
        assertEquals(List.of(unknown("Resources.Api.Properties.VpcConfig.SubnetIds[0]") + "; from the value of"
                + " parameter Subnets (params.json: Parameters.Subnets)"), problems(FUNCTION.formatted(
                "{ SubnetIds: !Ref Subnets, SecurityGroupIds: [sg-1] }"), Map.of("Subnets", UNKNOWN, "Subnet", A)));
    }

    @Test
    void aVpcConfigWhoseOnlyListCameFromAParameterSaysWhereItWasGiven() throws Exception {
        assertEquals(List.of("Resources.Api.Properties.VpcConfig: expected both SubnetIds and SecurityGroupIds, or"
                + " neither; got 1 subnet(s) and 0 security group(s); from the value of parameter Subnet (params.json:"
                + " Parameters.Subnet)"), problems(FUNCTION.formatted("{ SubnetIds: [!Ref Subnet] }"),
                Map.of("Subnet", A, "Subnets", A)));
    }

    @Test
    void aProblemNoGivenValueMadeSaysNoParameter() throws Exception {
        assertEquals(List.of(unknown("Resources.Api.Properties.VpcConfig.SubnetIds[0]")), problems(FUNCTION.formatted(
                "{ SubnetIds: [" + UNKNOWN + "], SecurityGroupIds: [sg-1] }"), Map.of("Subnet", A, "Subnets", A)));
    }

    @Test
    void aSamFunctionsProblemFromAGivenValueSaysItOnce() throws Exception {
        String sam = """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Name: { Type: String }
                Globals:
                  Function: { Runtime: python3.12 }
                Resources:
                  Api:
                    Type: AWS::Serverless::Function
                    Properties: { FunctionName: !Ref Name, Handler: app.handler, CodeUri: . }
                """;
        assertEquals(List.of("Resources.Api.Properties.FunctionName: expected 1 to 64 letters, digits, '-' or '_', got"
                + " 'orders api'; from the value of parameter Name (params.json: Parameters.Name)"), problems(sam,
                Map.of("Name", "orders api")));
    }
}
