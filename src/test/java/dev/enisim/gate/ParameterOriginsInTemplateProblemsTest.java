package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.enisim.importer.ImportCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template problem made from the values of parameters given in a parameters file names where each was given: two
 * parameters in one value both ("parameters", sorted), a NoEcho value masked in the message, a SAM Globals value
 * said once, with its origin once; a value given some other way is said without an origin.
 */
class ParameterOriginsInTemplateProblemsTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private List<String> errors(String template, String parameters) throws Exception {
        Path account = write("account.yaml", GateStacksTest.ACCOUNT);
        Path t = write("t.yaml", template);
        Path p = write("params.json", parameters);
        Result r = GateCommandTest.run("gate", "--account", account.toString(), "--template", t.toString(),
                "--parameters", p.toString(), "--out", dir.resolve("gate").toString());
        assertEquals(2, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        return r.err().lines().toList();
    }

    private String t() {
        return dir.resolve("t.yaml").toString();
    }

    private String p() {
        return dir.resolve("params.json").toString();
    }

    @Test
    void aNameMadeOfTwoParametersNamesBothWhereTheyWereGiven() throws Exception {
        List<String> err = errors("""
                Parameters:
                  Prefix: { Type: String }
                  Name: { Type: String }
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: !Sub "${Prefix}-${Name}"
                      Runtime: python3.12
                """, "[{\"ParameterKey\": \"Prefix\", \"ParameterValue\": \"my app\"},"
                + " {\"ParameterKey\": \"Name\", \"ParameterValue\": \"orders\"}]");
        assertEquals(List.of(t() + ":8: Resources.Fn.Properties.FunctionName: expected 1 to 64 letters, digits, '-' or"
                + " '_', got 'my app-orders'; from the value of parameters Name (" + p() + ": [1].ParameterValue),"
                + " Prefix (" + p() + ": [0].ParameterValue)"), err);
    }

    @Test
    void aNoEchoValueInATemplateProblemIsMasked() throws Exception {
        List<String> err = errors("""
                Parameters:
                  Hidden: { Type: String, NoEcho: true }
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: !Ref Hidden
                      Runtime: python3.12
                """, "{\"Hidden\": \"s3cr3t value\"}");
        assertEquals(List.of(t() + ":7: Resources.Fn.Properties.FunctionName: expected 1 to 64 letters, digits, '-' or"
                + " '_', got '****'; from the value of parameter Hidden (" + p() + ": Hidden)"), err);
    }

    @Test
    void aSamGlobalsValueFromAParameterIsSaidOnceWithItsOriginOnce() throws Exception {
        List<String> err = errors("""
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  Memory: { Type: Number }
                Globals:
                  Function:
                    MemorySize: !Ref Memory
                Resources:
                  A: { Type: AWS::Serverless::Function, Properties: { FunctionName: a, Runtime: python3.12 } }
                  B: { Type: AWS::Serverless::Function, Properties: { FunctionName: b, Runtime: python3.12 } }
                """, "{\"Memory\": \"64\"}");
        assertEquals(List.of(t() + ":6: Globals.Function.MemorySize: expected a whole number from 128 to 10240, got"
                + " \"64\"; from the value of parameter Memory (" + p() + ": Memory)"), err);
    }
}
