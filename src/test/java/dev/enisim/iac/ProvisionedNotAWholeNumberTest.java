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
 * ProvisionedConcurrentExecutions is a whole number (a number, or a string of digits as CloudFormation accepts): 2.5
 * or -1 is a problem of the template, named at its path, on a SAM function as on a Version (it is neither rounded down
 * to 2 nor read as 0, which would simulate a change CloudFormation refuses to deploy); a string of digits is read.
 * Session 54: PIT's open survivor of {@code CloudFormation.provisioned} ({@code v.isInt()} taken as true: any value read
 * as a number, 2.5 as 2); then the lead made the silent 0 a problem (MemorySize or Timeout of 2.5 already was one).
 */
class ProvisionedNotAWholeNumberTest {

    @TempDir
    Path dir;

    private Change read(String yaml) throws Exception {
        Path t = Files.writeString(dir.resolve("template.yaml"), yaml);
        return ChangeReader.read(List.of(t), List.of(), new ChangeReader.Inputs(Map.of(), Map.of(), Map.of(),
                Map.of(ChangeReaderTest.A, "vpc-0a1b2c3d4e5f60718"), Set.of(), false));
    }

    private static int provisioned(Change c, String name) {
        return c.functions().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow().provisioned();
    }

    /** A template's head and a SAM function provisioned {@code executions}; the resources after it follow. */
    private static String sam(String executions) {
        return """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Sam:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: sam
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: src/
                      AutoPublishAlias: live
                """ + "      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: " + executions + " }\n";
    }

    @Test
    void aValueThatIsNotAWholeNumberIsAProblemAtItsPath() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> read(sam("2.5") + """
                  Plain:
                    Type: AWS::Lambda::Function
                    Properties: { FunctionName: plain, Runtime: python3.12, Handler: app.handler, Code: { ZipFile: x } }
                  PlainVersion:
                    Type: AWS::Lambda::Version
                    Properties:
                      FunctionName: !Ref Plain
                      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: -1 }
                """));
        List<String> problems = e.problems().stream().map(Object::toString).toList();
        assertTrue(problems.contains("Resources.Sam.Properties.ProvisionedConcurrencyConfig"
                + ".ProvisionedConcurrentExecutions: expected a whole number of execution environments, 0 or more,"
                + " got 2.5"), problems.toString());
        assertTrue(problems.contains("Resources.PlainVersion.Properties.ProvisionedConcurrencyConfig"
                + ".ProvisionedConcurrentExecutions: expected a whole number of execution environments, 0 or more,"
                + " got -1"), problems.toString());
    }

    @Test
    void aWholeNumberOrAStringOfDigitsIsRead() throws Exception {
        Change c = read(sam("2") + """
                  Digits:
                    Type: AWS::Lambda::Function
                    Properties: { FunctionName: digits, Runtime: python3.12, Handler: app.handler, Code: { ZipFile: x } }
                  DigitsAlias:
                    Type: AWS::Lambda::Alias
                    Properties:
                      FunctionName: !Ref Digits
                      FunctionVersion: '1'
                      Name: live
                      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: '4' }
                """);
        assertEquals(2, provisioned(c, "sam"), "2 on a SAM function");
        assertEquals(4, provisioned(c, "digits"), "'4' on an Alias: digits, read");
    }
}
