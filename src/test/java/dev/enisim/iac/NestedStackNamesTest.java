package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A nested stack's functions without a FunctionName, matched to the account's by the names CloudFormation gives them:
 * the nested stack is {@code PARENT-ChildLogicalId-SUFFIX}, its function {@code NESTED-FnLogicalId-SUFFIX}, so
 * {@code PARENT-ChildId-SUFFIX-FnId-SUFFIX} (they were matched as the parent's own, {@code PARENT-FnId-SUFFIX}).
 */
class NestedStackNamesTest {

    @TempDir
    Path dir;

    private static final String VPC = "vpc-0a1b2c3d4e5f60718";
    private static final String A = ChangeReaderTest.A;

    private static ChangeReader.Inputs inputs(Set<String> functions, Map<String, String> pseudo) {
        return new ChangeReader.Inputs(Map.of(), Map.of(), pseudo, Map.of(A, VPC), functions, false);
    }

    private Path write(String name, String text) throws Exception {
        return TestFiles.write(dir, name, text);
    }

    private static Change.Function fn(Change c, String name) {
        return ChangeReaderTest.fn(c, name);
    }

    /** A SAM project as `sam build` leaves it: the application's Location a path beside the parent. */
    private Path samProject() throws Exception {
        write("ingest/template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Parameters:
                  SubnetId: { Type: 'AWS::EC2::Subnet::Id' }
                  GroupId: { Type: 'AWS::EC2::SecurityGroup::Id' }
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: worker/
                      VpcConfig:
                        SubnetIds: [!Ref SubnetId]
                        SecurityGroupIds: [!Ref GroupId]
                """);
        return write("template.yaml", """
                AWSTemplateFormatVersion: '2010-09-09'
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Api:
                    Type: AWS::Serverless::Function
                    Properties:
                      Runtime: python3.12
                      Handler: app.handler
                      CodeUri: api/
                      VpcConfig: { SubnetIds: [%s], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
                  Ingest:
                    Type: AWS::Serverless::Application
                    Properties:
                      Location: ingest/template.yaml
                      Parameters:
                        SubnetId: %s
                        GroupId: sg-0b22bb22bb22bb22b
                """.formatted(A, A));
    }

    @Test
    void aSamApplicationsFunctionIsTheAccountsFunctionNamedAfterTheNestedStackNotAfterTheParent() throws Exception {
        Path t = samProject();
        // orders-Worker-...: a function of the parent's name and the child's logical id, made by another template
        Change c = ChangeReader.read(List.of(t), List.of(), inputs(Set.of("orders-Api-7TQ1XKZ0LMNA",
                "orders-Ingest-1X2Y3Z4W5V6U-Worker-Ab3dE5fG7hJ9", "orders-Worker-Q1W2E3R4T5Y6"),
                Map.of("AWS::StackName", "orders")));
        assertEquals(List.of("orders-Api-7TQ1XKZ0LMNA", "orders-Ingest-1X2Y3Z4W5V6U-Worker-Ab3dE5fG7hJ9"),
                c.functions().stream().map(Change.Function::name).sorted().toList());
        assertEquals(Change.Action.UPDATE, fn(c, "orders-Ingest-1X2Y3Z4W5V6U-Worker-Ab3dE5fG7hJ9").action());
        assertEquals(List.of("sg-0b22bb22bb22bb22b"), fn(c, "orders-Ingest-1X2Y3Z4W5V6U-Worker-Ab3dE5fG7hJ9")
                .groups(), "the group the parent passes");
        assertTrue(c.unsimulated().isEmpty(), c.unsimulated().toString());
    }

    @Test
    void aNestedFunctionNamedLikeNoneOfTheAccountsIsCreatedAndTheNoteSaysWhichNameWasLookedFor() throws Exception {
        Path t = samProject();
        Change c = ChangeReader.read(List.of(t), List.of(), inputs(Set.of("orders-Api-7TQ1XKZ0LMNA",
                "orders-Worker-Q1W2E3R4T5Y6"), Map.of("AWS::StackName", "orders")));
        assertEquals(Change.Action.CREATE, fn(c, "Worker").action(), "not the parent's orders-Worker-...: "
                + c.functions());
        assertTrue(c.notes().stream().anyMatch(n -> n.endsWith("Resources.Worker.Properties.FunctionName not given:"
                + " CloudFormation generates a name, orders-Ingest-SUFFIX-Worker-SUFFIX, which none of the account's"
                + " functions has; the function is called Worker here")), c.notes().toString());
    }

    @Test
    void twoDeployedNestedStacksFunctionsMatchingAreUnresolvedNotGuessed() throws Exception {
        Path t = samProject();
        Change c = ChangeReader.read(List.of(t), List.of(), inputs(Set.of("orders-Api-7TQ1XKZ0LMNA",
                "orders-Ingest-1X2Y3Z4W5V6U-Worker-Ab3dE5fG7hJ9", "orders-Ingest-9Z8Y7X6W5V4U-Worker-Zz9yX8wV7uT6"),
                Map.of("AWS::StackName", "orders")));
        assertEquals(List.of("orders-Api-7TQ1XKZ0LMNA"), c.functions().stream().map(Change.Function::name).toList(),
                "neither of the two is picked");
        assertTrue(c.placeholders().stream().anyMatch(p -> p.what().equals("not given: the name CloudFormation"
                + " generated (orders-Ingest-SUFFIX-Worker-SUFFIX) matches 2 of the account's functions:"
                + " orders-Ingest-1X2Y3Z4W5V6U-Worker-Ab3dE5fG7hJ9, orders-Ingest-9Z8Y7X6W5V4U-Worker-Zz9yX8wV7uT6;"
                + " which one this stack made is not known")), c.placeholders().toString());
        assertEquals(1, c.unsimulated().size(), c.unsimulated().toString());
        assertTrue(c.unsimulated().get(0).startsWith("Worker ("), c.unsimulated().toString());
    }

    @Test
    void aStackNestedTwiceThroughLocalTemplateUrlsIsNamedAfterEveryStackAbove() throws Exception {
        write("net/workers.json", """
                {"Parameters": {"Subnet": {"Type": "String"}},
                 "Resources": {"Settle": {"Type": "AWS::Lambda::Function", "Properties": {"Runtime": "java21",
                   "Handler": "a.B", "Role": "arn:aws:iam::123456789012:role/r", "Code": {"ZipFile": "x"},
                   "VpcConfig": {"SubnetIds": [{"Ref": "Subnet"}], "SecurityGroupIds": ["sg-0a11aa11aa11aa11a"]}}}}}
                """);
        write("net/network.yaml", """
                Parameters:
                  Subnet: { Type: String }
                Resources:
                  Wk:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: workers.json
                      Parameters: { Subnet: !Ref Subnet }
                """);
        Path t = write("main.yaml", """
                Resources:
                  Net:
                    Type: AWS::CloudFormation::Stack
                    Properties:
                      TemplateURL: net/network.yaml
                      Parameters: { Subnet: %s }
                """.formatted(A));
        String deployed = "pay-Net-1AB2CD3EF4GH-Wk-9ZY8XW7VU6TS-Settle-q1W2e3R4t5Y6";
        Change c = ChangeReader.read(List.of(t), List.of(), inputs(Set.of(deployed, "pay-Settle-Q1W2E3R4T5Y6",
                "pay-Net-1AB2CD3EF4GH-Settle-Q1W2E3R4T5Y6"), Map.of("AWS::StackName", "pay")));
        assertEquals(List.of(deployed), c.functions().stream().map(Change.Function::name).toList());
        assertEquals(Change.Action.UPDATE, c.functions().get(0).action());
    }

    @Test
    void aNestedStacksOwnStackNameIsNotTheParentsForAFunctionNameBuiltFromIt() throws Exception {
        write("child.yaml", """
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: !Sub '${AWS::StackName}-fn'
                      Runtime: python3.12
                      VpcConfig: { SubnetIds: [%s], SecurityGroupIds: [sg-1] }
                """.formatted(A));
        Path t = write("parent.yaml", """
                Resources:
                  Child: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: ./child.yaml } }
                """);
        Change c = ChangeReader.read(List.of(t), List.of(), inputs(Set.of("orders-fn"),
                Map.of("AWS::StackName", "orders")));
        assertEquals(Change.Action.CREATE, c.functions().get(0).action(), "orders-fn is the parent's name's: "
                + c.functions());
        assertTrue(c.placeholders().stream().anyMatch(p -> p.what().startsWith("not resolved: the function is called"
                + " Fn here") && p.howToGive().equals("it is built from the nested stack's AWS::StackName, which"
                + " CloudFormation makes when it creates the stack (orders-Child-SUFFIX): not known before"
                + " deployment")), c.placeholders().toString());
    }

    @Test
    void aCdkNestedStackIsNamedAfterItsManifestsStackNameAndItsLogicalId() throws Exception {
        Path out = dir.resolve("cdk.out");
        write("cdk.out/manifest.json", """
                {"version": "36.0.0", "artifacts": {
                  "OrdersStack": {"type": "aws:cloudformation:stack",
                    "environment": "aws://123456789012/eu-west-1",
                    "properties": {"templateFile": "OrdersStack.template.json", "stackName": "orders-prod"}}}}
                """);
        write("cdk.out/OrdersStack.template.json", """
                {"Resources": {"WorkersNestedStackWorkersNestedStackResource4F2A1B3C": {
                  "Type": "AWS::CloudFormation::Stack",
                  "Properties": {"TemplateURL": {"Fn::Join": ["", ["https://s3.eu-west-1.", {"Ref": "AWS::URLSuffix"},
                    "/cdk-hnb659fds-assets-123456789012-eu-west-1/5e2d.json"]]}},
                  "Metadata": {"aws:cdk:path": "OrdersStack/Workers.NestedStack/Workers.NestedStackResource",
                    "aws:asset:path": "OrdersStackWorkers1C2D3E4F.nested.template.json",
                    "aws:asset:property": "TemplateURL"}}}}
                """);
        write("cdk.out/OrdersStackWorkers1C2D3E4F.nested.template.json", """
                {"Resources": {"IngestFn0C9D8E7F": {"Type": "AWS::Lambda::Function", "Properties": {
                  "Runtime": "nodejs20.x", "Handler": "index.handler", "Role": "arn:aws:iam::123456789012:role/r",
                  "Code": {"ZipFile": "x"},
                  "VpcConfig": {"SubnetIds": ["%s"], "SecurityGroupIds": ["sg-0a11aa11aa11aa11a"]}},
                  "Metadata": {"aws:cdk:path": "OrdersStack/Workers/IngestFn/Resource"}},
                 "SettleFn5A6B7C8D": {"Type": "AWS::Lambda::Function", "Properties": {
                  "Runtime": "nodejs20.x", "Handler": "index.handler", "Role": "arn:aws:iam::123456789012:role/r",
                  "Code": {"ZipFile": "x"},
                  "VpcConfig": {"SubnetIds": ["%s"], "SecurityGroupIds": ["sg-0a11aa11aa11aa11a"]}},
                  "Metadata": {"aws:cdk:path": "OrdersStack/Workers/SettleFn/Resource"}}}}
                """.formatted(A, A));
        // the nested stack's name is long: the function's name keeps what its logical id leaves of 50 characters
        // (34), its whole logical id, then its suffix: each function of the nested stack its own name
        String ingest = "orders-prod-WorkersNestedStackWork-IngestFn0C9D8E7F-aB3dE5fG7hJ9";
        String settle = "orders-prod-WorkersNestedStackWork-SettleFn5A6B7C8D-Zx9Yw8Vu7Ts6";
        Change c = ChangeReader.read(List.of(out), List.of(), inputs(Set.of(ingest, settle,
                "orders-prod-IngestFn0C9D8E7F-Q1W2E3R4T5Y6", "dev-IngestFn0C9D8E7F-Q1W2E3R4T5Y6"),
                Map.of("AWS::StackName", "dev")));
        assertEquals(List.of(ingest, settle), c.functions().stream().map(Change.Function::name).toList(),
                "not the parent's orders-prod-IngestFn..., nor --stack-name's dev-IngestFn...");
        assertEquals(List.of(Change.Action.UPDATE, Change.Action.UPDATE), c.functions().stream()
                .map(Change.Function::action).toList());
        assertEquals(List.of(), c.unsimulated(), "neither is ambiguous");
    }

    @Test
    void aGeneratedNameWithSuffixesInsideItIsShortenedAsATopLevelOneIs() {
        List<String> base = List.of("pay-Net-", "-Settle");
        assertEquals(List.of("pay-Net-1AB2CD3EF4GH-Settle", "pay-Net-1AB2CD3EF4GH-Settle-q1W2e3R4t5Y6"),
                CloudFormation.generated(base, Set.of("pay-Net-1AB2CD3EF4GH-Settle", "pay-Net--Settle-x",
                "pay-Net-1AB2CD3EF4GH-Settle-q1W2e3R4t5Y6", "pay-Net-1AB2-X-Settle-q1W2e3R4t5Y6",
                "pay-Net-1AB2CD3EF4GH-Settle2-q1W2e3R4t5Y6", "pay-Net-1AB2CD3EF4GH-Settle-q1W2-e3R4t5Y6")));
        // over 64 with its suffix: the stack's name (a stack's suffix in it) cut to what the logical id leaves of 50
        List<String> tall = List.of("payments-platform-production-Network-", "-SettlementFunction");
        String kept = "payments-platform-production-Net-SettlementFunction-q1W2e3R4t5Y6"; // 32 + 18 of 50
        assertEquals(64, kept.length());
        assertEquals(List.of(kept), CloudFormation.generated(tall, Set.of(kept,
                "payments-platform-production-Network-1AB2CD3EF4GH-Se-q1W2e3R4t5Y6")));
        // a name that ends within 64 is not shortened: only itself, with or without a suffix
        assertEquals(List.of(), CloudFormation.generated(List.of("orders-Api"), Set.of("orders-Api-X-Y")));
        // the top-level form is as before
        Set<String> account = Set.of("orders-Api", "orders-Api-1AbC", "orders-Api2-1");
        assertEquals(CloudFormation.generated("orders-Api", account), CloudFormation.generated(List.of("orders-Api"),
                account));
    }
}
