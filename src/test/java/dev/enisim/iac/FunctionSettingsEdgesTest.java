package dev.enisim.iac;

import static dev.enisim.iac.ChangeReaderTest.A;
import static dev.enisim.iac.ChangeReaderTest.B;
import static dev.enisim.iac.ChangeReaderTest.fn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
 * A template function's settings at their edges, as the gate simulates them: Lambda's bounds of MemorySize and
 * Timeout taken and refused, provisioned concurrency written as a YAML number, an alias naming a SAM function's ARN,
 * a function with no VpcConfig (or one taken out with AWS::NoValue) known to be outside any VPC, a name not resolved
 * matched to the account's function by the stack's prefix, a long logical id cut to Lambda's 64 characters, a subnet
 * the change defines not making every other id known. Session 48: PIT's survivors of {@code CloudFormation}'s
 * {@code integer}, {@code provisioned}, {@code target}, {@code vpc}, {@code name}, {@code read} and
 * {@code Builder.knownSubnet} (session 46's run).
 */
class FunctionSettingsEdgesTest {

    @TempDir
    Path dir;

    private Change read(String yaml, Map<String, String> pseudo, Set<String> functions) throws Exception {
        Path t = Files.writeString(dir.resolve("t.yaml"), yaml);
        return ChangeReader.read(List.of(t), List.of(), new ChangeReader.Inputs(Map.of(), Map.of(), pseudo,
                Map.of(A, "vpc-1", B, "vpc-1"), functions, false));
    }

    private Change read(String yaml) throws Exception {
        return read(yaml, Map.of(), Set.of());
    }

    private List<String> problems(String yaml) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> read(yaml));
        return e.problems().stream().map(Object::toString).toList();
    }

    private static String function(String settings) {
        return "Resources:\n" + Templates.function("Api", "api", settings);
    }

    @Test
    void lambdasOwnBoundsOfMemoryAndTimeoutAreTaken() throws Exception {
        Change.Function least = fn(read(function("      MemorySize: 128\n      Timeout: 1\n")), "api");
        assertEquals(128, least.memoryMb());
        assertEquals(1, least.timeoutSeconds());
        Change.Function most = fn(read(function("      MemorySize: 10240\n      Timeout: '900'\n")), "api");
        assertEquals(10240, most.memoryMb());
        assertEquals(900, most.timeoutSeconds(), "a number written as a string, as CloudFormation takes it");
    }

    @Test
    void valuesPastLambdasBoundsOrNotWholeNumbersAreRefusedWithTheirPath() {
        assertEquals(List.of("Resources.Api.Properties.MemorySize: expected a whole number from 128 to 10240, got 127",
                "Resources.Api.Properties.Timeout: expected a whole number from 1 to 900, got 901"),
                problems(function("      MemorySize: 127\n      Timeout: 901\n")));
        assertEquals(List.of("Resources.Api.Properties.MemorySize: expected a whole number from 128 to 10240, got"
                + " 10241", "Resources.Api.Properties.Timeout: expected a whole number from 1 to 900, got 0"),
                problems(function("      MemorySize: 10241\n      Timeout: 0\n")));
        assertEquals(List.of("Resources.Api.Properties.MemorySize: expected a whole number from 128 to 10240, got"
                + " \"512MB\"", "Resources.Api.Properties.Timeout: expected a whole number from 1 to 900, got 1.5"),
                problems(function("      MemorySize: 512MB\n      Timeout: 1.5\n")));
        assertEquals(List.of("Resources.Api.Properties.ReservedConcurrentExecutions: expected a whole number from 0 to"
                + " 10000000, got \"none\""), problems(function("      ReservedConcurrentExecutions: none\n")),
                "a word is not 0 reserved (Lambda refuses it)");
    }

    @Test
    void provisionedConcurrencyWrittenAsANumberIsSimulated() throws Exception {
        Change c = read(function("") + """
                  Live:
                    Type: AWS::Lambda::Alias
                    Properties:
                      FunctionName: !Ref Api
                      FunctionVersion: '1'
                      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 5 }
                """);
        assertEquals(5, fn(c, "api").provisioned());
    }

    @Test
    void anAliasNamingASamFunctionsArnProvisionsThatFunction() throws Exception {
        Change c = read("""
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Worker:
                    Type: AWS::Serverless::Function
                    Properties: { FunctionName: worker, Runtime: python3.12, Handler: app.handler, CodeUri: . }
                  Live:
                    Type: AWS::Lambda::Alias
                    Properties:
                      FunctionName: !GetAtt Worker.Arn
                      FunctionVersion: '1'
                      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 3 }
                """);
        assertEquals(3, fn(c, "worker").provisioned());
        assertTrue(c.notes().stream().noneMatch(n -> n.contains("cannot tell which function")), c.notes().toString());
    }

    @Test
    void aFunctionWithoutVpcConfigOrWithItTakenOutIsKnownToBeOutsideAnyVpc() throws Exception {
        Change.Function plain = fn(read(function("")), "api");
        assertTrue(plain.vpcKnown(), "no VpcConfig: nothing unknown about its network");
        assertTrue(plain.subnets().isEmpty());
        Change.Function noValue = fn(read(function("      VpcConfig: !Ref AWS::NoValue\n")), "api");
        assertTrue(noValue.vpcKnown(), "VpcConfig taken out with AWS::NoValue: outside any VPC, not unknown");
        assertTrue(noValue.subnets().isEmpty());
    }

    @Test
    void aNameNotResolvedIsTheAccountsFunctionWithTheStacksPrefix() throws Exception {
        Change c = read("""
                Parameters:
                  Suffix: { Type: String }
                Resources:
                  Api:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: !Sub "${AWS::StackName}-Api-${Suffix}"
                      Runtime: python3.12
                      Handler: app.handler
                      Role: arn:aws:iam::123456789012:role/r
                      Code: { ZipFile: x }
                """, Map.of("AWS::StackName", "orders"), Set.of("billing-Api-1", "orders-Api-prod"));
        Change.Function f = fn(c, "orders-Api-prod");
        assertEquals(Change.Action.UPDATE, f.action(), "the account's function of this stack, updated");
    }

    @Test
    void aLogicalIdLongerThanLambdasLimitNamesTheFunctionByItsFirst64Characters() throws Exception {
        String id = "OrdersIngestWorkerFunctionThatReadsTheQueueAndWritesToTheDatabaseTable"; // 71
        Change c = read("Resources:\n  " + id + ":\n    Type: AWS::Lambda::Function\n    Properties:\n"
                + "      Runtime: python3.12\n      Handler: app.handler\n"
                + "      Role: arn:aws:iam::123456789012:role/r\n      Code: { ZipFile: x }\n");
        assertEquals(List.of(id.substring(0, 64)), c.functions().stream().map(Change.Function::name).toList());
        assertEquals(Change.Action.CREATE, c.functions().get(0).action());
    }

    @Test
    void aSubnetTheChangeDefinesDoesNotMakeAnUnknownIdKnown() {
        assertEquals(List.of("Resources.Api.Properties.VpcConfig.SubnetIds[0]: subnet 'subnet-0dead0dead0dead0d' is"
                + " neither in the imported account nor defined by this change (known: " + String.join(", ",
                new java.util.TreeSet<>(List.of(A, B))) + ")"), problems(function("""
                      VpcConfig: { SubnetIds: [subnet-0dead0dead0dead0d], SecurityGroupIds: [sg-1] }
                  NewSubnet:
                    Type: AWS::EC2::Subnet
                    Properties: { VpcId: vpc-1, CidrBlock: 10.0.9.0/24, AvailabilityZone: eu-west-1a }
                """)));
    }

    @Test
    void aVpcFunctionWhoseConditionIsNotKnownIsNotSimulated() throws Exception {
        String conditional = """
                Parameters:
                  Env: { Type: String }
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                Resources:
                  Api:
                    Type: %s
                    Condition: IsProd
                    Properties:
                      FunctionName: api
                      Runtime: python3.12
                      Handler: app.handler
                      Role: arn:aws:iam::123456789012:role/r
                      CodeUri: .
                      Code: { ZipFile: x }
                      VpcConfig: { SubnetIds: [%s], SecurityGroupIds: [sg-1] }
                """;
        for (String type : List.of("AWS::Lambda::Function", "AWS::Serverless::Function")) {
            Change c = read(conditional.formatted(type, A));
            assertEquals(1, c.unsimulated().size(), type + ": " + c.unsimulated());
            assertTrue(c.unsimulated().get(0).startsWith("api (") && c.unsimulated().get(0).contains(
                    "whether it is created is not known"), c.unsimulated().toString());
            assertFalse(c.functions().stream().anyMatch(f -> f.name().equals("api")), type);
        }
    }
}
