package dev.enisim.iac;

import static dev.enisim.iac.ChangeReaderTest.A;
import static dev.enisim.iac.ChangeReaderTest.fn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SAM's Globals at their edges: a function with no Properties (or an empty Properties: ~) takes every Globals value;
 * a plain AWS::Lambda::Function takes none, and its problems are said at its own paths; a function's VpcConfig written
 * as Fn::If replaces Globals' (not merged), so its problems are its own; a problem of the merged VpcConfig as a whole
 * is said at the function's VpcConfig. Session 48: PIT's survivors of {@code CloudFormation.function},
 * {@code Globals.merge} and {@code Globals.where} (session 46's run).
 */
class SamGlobalsEdgesTest {

    private static final String UNKNOWN = "subnet-0dead0dead0dead0d";

    @TempDir
    Path dir;

    private static final String GLOBALS = """
            Transform: AWS::Serverless-2016-10-31
            Globals:
              Function:
                Runtime: python3.12
                MemorySize: 512
                VpcConfig:
                  SubnetIds: [%s]
                  SecurityGroupIds: [sg-0a11aa11aa11aa11a]
            Resources:
            """.formatted(A);

    private Change read(String yaml) throws Exception {
        Path t = Files.writeString(dir.resolve("t.yaml"), yaml);
        return ChangeReaderTest.template(t, ChangeReaderTest.account(Map.of(), Map.of()));
    }

    private List<String> problems(String yaml) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> read(yaml));
        return e.problems().stream().map(Object::toString).toList();
    }

    private static String unknownSubnet(String path) {
        return path + ": subnet '" + UNKNOWN + "' is neither in the imported account nor defined by this change"
                + " (known: " + String.join(", ", ChangeReaderTest.account(Map.of(), Map.of()).subnetVpc().keySet())
                + ")";
    }

    @Test
    void aFunctionWithoutPropertiesTakesEveryGlobalsValue() throws Exception {
        for (String worker : List.of("  Worker:\n    Type: AWS::Serverless::Function\n",
                "  Worker:\n    Type: AWS::Serverless::Function\n    Properties: ~\n")) {
            Change.Function f = fn(read(GLOBALS + worker), "Worker");
            assertEquals(List.of(A), f.subnets(), worker);
            assertEquals(List.of("sg-0a11aa11aa11aa11a"), f.groups(), worker);
            assertEquals(512, f.memoryMb(), worker);
            assertEquals("python3.12", f.runtime(), worker);
        }
    }

    @Test
    void aPlainLambdaFunctionsProblemIsSaidAtItsOwnPathNotAtGlobals() {
        assertEquals(List.of(unknownSubnet("Resources.Plain.Properties.VpcConfig.SubnetIds[0]")), problems(GLOBALS
                + Templates.function("Plain", "plain", "      VpcConfig: { SubnetIds: [" + UNKNOWN
                + "], SecurityGroupIds: [sg-1] }\n")));
    }

    @Test
    void aVpcConfigWrittenAsFnIfReplacesGlobalsAndItsProblemsAreTheFunctions() {
        assertEquals(List.of(unknownSubnet("Resources.Worker.Properties.VpcConfig.SubnetIds[0]")), problems(GLOBALS
                + """
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      VpcConfig: !If [AlwaysTrue, {SubnetIds: [%s], SecurityGroupIds: [sg-1]}, !Ref AWS::NoValue]
                Conditions:
                  AlwaysTrue: !Equals [a, a]
                """.formatted(UNKNOWN)));
    }

    @Test
    void aProblemOfTheMergedVpcConfigIsSaidAtTheFunctionsVpcConfig() {
        String text = GLOBALS.replace("      SubnetIds: [" + A + "]\n", "") + """
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      VpcConfig: { SubnetIds: [] }
                """;
        assertEquals(List.of("Resources.Worker.Properties.VpcConfig: expected both SubnetIds and SecurityGroupIds, or"
                + " neither; got 0 subnet(s) and 1 security group(s)"), problems(text));
    }
}
