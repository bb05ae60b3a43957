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
 * ProvisionedConcurrentExecutions is a whole number (a number, or a string of digits as CloudFormation accepts): 2.5
 * is none, and provisions nothing (it is not rounded down to 2), on a SAM function as on a Version or an Alias; a
 * string of digits is read. Session 54: PIT's open survivor of {@code CloudFormation.provisioned} (line 226, {@code
 * v.isInt()} taken as true: any value read as a number, 2.5 as 2).
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

    @Test
    void aValueThatIsNotAWholeNumberProvisionsNothing() throws Exception {
        Change c = read("""
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
                      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2.5 }
                  Plain:
                    Type: AWS::Lambda::Function
                    Properties: { FunctionName: plain, Runtime: python3.12, Handler: app.handler, Code: { ZipFile: x } }
                  PlainVersion:
                    Type: AWS::Lambda::Version
                    Properties:
                      FunctionName: !Ref Plain
                      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 3.5 }
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
        assertEquals(0, provisioned(c, "sam"), "2.5 on a SAM function");
        assertEquals(0, provisioned(c, "plain"), "3.5 on a Version");
        assertEquals(4, provisioned(c, "digits"), "'4' on an Alias: digits, read");
    }
}
