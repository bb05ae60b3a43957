package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.TestFiles;
import dev.enisim.importer.ImportCommandTest.Result;
import dev.enisim.iac.Change;
import dev.enisim.iac.ChangeReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a review found the gate passing without having seen it: nested stacks not read, CDK stacks misnamed. */
class GateUnreadStacksTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return TestFiles.write(dir, name, text);
    }

    @Test
    void aNestedStackTheGateCannotReadFailsEveryFunctionSimulatedUnlessAllowed() throws Exception {
        Path account = write("account.yaml", GateStacksTest.ACCOUNT);
        Path t = write("parent.yaml", """
                Resources:
                  ChildStack:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: https://s3.amazonaws.com/bucket/child.yaml
                      Parameters: { SubnetId: subnet-0aaaa1111bbbb2222 }
                """);
        Change c = ChangeReader.read(List.of(t), List.of(), GateTest.against(account));
        Gate.Verdict v = Gate.run(account, c, new Gate.Options(300, Map.of(), "1/s", Gate.DEFAULT_RULES));
        assertFalse(v.passed(), "its functions were never seen: " + v.markdown());
        assertTrue(v.results().stream().anyMatch(r -> !r.passed() && r.expectation().text().equals(Gate.SIMULATED)
                && r.actual().contains("nested stack ChildStack")), v.results().toString());
        assertTrue(v.markdown().startsWith("<!-- enisim gate -->\n## enisim gate: FAILED"), v.markdown());

        Gate.Verdict allowed = Gate.run(account, c, new Gate.Options(300, Map.of(), "1/s", Gate.DEFAULT_RULES, true,
                "gate rules", 1));
        assertTrue(allowed.passed(), allowed.results().toString());
        assertTrue(allowed.headline().contains("not simulated: --allow-unsimulated"), allowed.headline());
    }

    @Test
    void theCommandMatchesACdkOutsFunctionsToTheDeployedOnesAndFailsAnUnreadNestedApplication() throws Exception {
        Path account = write("account.yaml", GateStacksTest.ACCOUNT.replace("  - name: existing-fn",
                "  - name: prod-a-Fn5E6F7A8B-1AbCdEfGhIjK\n    existing: Active\n    duration: 100ms\n"
                + "    arrivals: { poisson: 1/s }\n  - name: existing-fn"));
        write("cdk.out/manifest.json", "{\"version\": \"36.0.0\", \"artifacts\": {\"Svc\": {\"type\":"
                + " \"aws:cloudformation:stack\", \"properties\": {\"templateFile\": \"Svc.template.json\","
                + " \"stackName\": \"prod-a\"}}}}");
        write("cdk.out/Svc.template.json", "{\"Resources\": {\"Fn5E6F7A8B\": {\"Type\": \"AWS::Lambda::Function\","
                + " \"Properties\": {\"Runtime\": \"python3.12\", \"Handler\": \"index.handler\", \"Role\": \"r\","
                + " \"Code\": {\"ZipFile\": \"x\"}}}}}");
        Path out = dir.resolve("gate");
        Result r = GateCommandTest.run("gate", "--account", account.toString(), "--template",
                dir.resolve("cdk.out").toString(), "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String md = Files.readString(out.resolve("gate.md"));
        assertTrue(md.contains("| prod-a-Fn5E6F7A8B-1AbCdEfGhIjK | update |"), md);

        Path app = write("app.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  ChildApp:
                    Type: AWS::Serverless::Application
                    Properties: { Location: ./missing-child.yaml }
                """);
        Result unread = GateCommandTest.run("gate", "--account", account.toString(), "--template",
                app.toString(), "--out", out.toString());
        assertEquals(1, unread.code(), unread.out() + unread.err());
        String said = Files.readString(out.resolve("gate.md"));
        assertTrue(said.contains("nested application ChildApp (" + app + ": Resources.ChildApp): its template is not"
                + " read (./missing-child.yaml not found)"), said);
    }

    @Test
    void theCommandUpdatesASamApplicationsFunctionNamedAfterItsNestedStack() throws Exception {
        String nested = "orders-Ingest-1X2Y3Z4W5V6U-Worker-Ab3dE5fG7hJ9";
        Path account = write("account.yaml", GateStacksTest.ACCOUNT.replace("  - name: existing-fn",
                "  - name: " + nested + "\n    existing: Active\n    duration: 100ms\n"
                + "    arrivals: { poisson: 1/s }\n  - name: existing-fn"));
        write("ingest/template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  SubnetId: { Type: 'AWS::EC2::Subnet::Id' }
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: worker/
                      VpcConfig: { SubnetIds: [!Ref SubnetId], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
                """);
        Path t = write("template.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Ingest:
                    Type: AWS::Serverless::Application
                    Properties:
                      Location: ingest/template.yaml
                      Parameters: { SubnetId: subnet-0aaaa1111bbbb2222 }
                """);
        Path out = dir.resolve("gate");
        Result r = GateCommandTest.run("gate", "--account", account.toString(), "--template", t.toString(),
                "--stack-name", "orders", "--out", out.toString());
        String md = Files.readString(out.resolve("gate.md"));
        assertTrue(md.contains("| " + nested + " | update |"), md);
        assertFalse(md.contains("| Worker | create |"), md);
        assertEquals(0, r.code(), r.out() + r.err());
    }
}
