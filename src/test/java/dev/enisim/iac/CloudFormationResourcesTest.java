package dev.enisim.iac;

import static dev.enisim.iac.ChangeReaderTest.A;
import static dev.enisim.iac.ChangeReaderTest.B;
import static dev.enisim.iac.ChangeReaderTest.fn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
 * Each resource type a template's change is read from, with what it contributes to the change (functions and their
 * settings, versions and aliases with provisioned concurrency, the network it defines, other interfaces, nested
 * stacks, conditions), and the template mistakes CloudFormation would refuse, all reported at once.
 */
class CloudFormationResourcesTest {

    @TempDir
    Path dir;

    private static final Set<String> ACCOUNT_FUNCTIONS = Set.of("orders-api", "stack-Worker-ABC123");

    private ChangeReader.Inputs inputs(boolean deleteStack, Map<String, String> pseudo) {
        return new ChangeReader.Inputs(Map.of(), Map.of(), pseudo, Map.of(A, "vpc-1", B, "vpc-1"), ACCOUNT_FUNCTIONS,
                deleteStack);
    }

    private Change read(String yaml, boolean deleteStack, Map<String, String> pseudo) throws Exception {
        Path t = Files.writeString(dir.resolve("t.yaml"), yaml);
        return ChangeReader.read(List.of(t), List.of(), inputs(deleteStack, pseudo));
    }

    private Change read(String yaml) throws Exception {
        return read(yaml, false, Map.of());
    }

    private List<String> problems(String yaml) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> read(yaml));
        assertEquals(dir.resolve("t.yaml").toString(), e.source());
        return e.problems().stream().map(Object::toString).toList();
    }

    private static final String FUNCTIONS = """
            Parameters:
              PlainName: { Type: String, Default: plain }
            Resources:
              Api:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: orders-api
                  MemorySize: '512'
                  Timeout: 30
                  ReservedConcurrentExecutions: 7
                  VpcConfig: { SubnetIds: [%s, %s, %s], SecurityGroupIds: [sg-1, sg-2] }
              ApiVersion:
                Type: AWS::Lambda::Version
                Properties:
                  FunctionName: !Ref Api
                  ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 4 }
              ApiAlias:
                Type: AWS::Lambda::Alias
                Properties:
                  FunctionName: !GetAtt Api.Arn
                  FunctionVersion: !GetAtt ApiVersion.Version
                  ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: '6' }
              ApiAlias2:
                Type: AWS::Lambda::Alias
                Properties:
                  FunctionName: { 'Fn::GetAtt': Api.Arn }
                  ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 5 }
              Worker:
                Type: AWS::Serverless::Function
                Properties:
                  ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 }
              Orphan:
                Type: AWS::Lambda::Alias
                Properties: { FunctionName: !GetAtt ApiVersion.Version }
              Plain: { Type: AWS::Lambda::Function, Properties: { FunctionName: plain } }
              ByParameter:
                Type: AWS::Lambda::Alias
                Properties:
                  FunctionName: !Ref PlainName
                  ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 9 }
              PlainVersion: { Type: AWS::Lambda::Version, Properties: { FunctionName: plain } }
              PlainAlias:
                Type: AWS::Lambda::Alias
                Properties:
                  FunctionName: plain
                  ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 8 }
              NotAFunction: { Type: AWS::Lambda::Alias, Properties: { FunctionName: !GetAtt ApiVersion.Arn } }
              NoFunction: { Type: AWS::Lambda::Version, Properties: {} }
            """.formatted(A, B, A);

    @Test
    void aFunctionsSettingsVersionsAndAliases() throws Exception {
        Change c = read(FUNCTIONS, false, Map.of("AWS::StackName", "stack"));
        Change.Function api = fn(c, "orders-api");
        assertEquals(Change.Action.UPDATE, api.action(), "in the account: an update");
        assertEquals(List.of(A, B), api.subnets(), "a subnet listed twice counts once");
        assertEquals(List.of("sg-1", "sg-2"), api.groups());
        assertEquals(512, api.memoryMb(), "a number as a string, as CloudFormation takes it");
        assertEquals(30, api.timeoutSeconds());
        assertEquals(7, api.reserved());
        assertEquals(6, api.provisioned(), "the most any version or alias of it provisions (an alias naming its ARN"
                + " included)");
        assertTrue(api.publishes(), "an AWS::Lambda::Version of it");
        assertTrue(api.vpcKnown());

        Change.Function worker = fn(c, "stack-Worker-ABC123");
        assertEquals(Change.Action.UPDATE, worker.action(), "a generated name: the account's function with the"
                + " stack's prefix");
        assertEquals(2, worker.provisioned(), "SAM's own ProvisionedConcurrencyConfig");
        assertFalse(worker.publishes());
        assertEquals(List.of(), worker.subnets(), "no VpcConfig: not in a VPC");
        assertTrue(worker.vpcKnown());
        assertNull(worker.memoryMb(), "not given: Lambda's default, or the existing function's");

        Change.Function plain = fn(c, "plain");
        assertEquals(Change.Action.CREATE, plain.action());
        assertEquals(9, plain.provisioned(), "aliases naming the function by its name (not its logical id), one"
                + " through a parameter's value (9), one literally (8)");
        assertTrue(plain.publishes(), "a version naming it by its name");
        for (String orphan : List.of("Orphan", "NotAFunction", "NoFunction")) {
            assertTrue(c.notes().stream().anyMatch(n -> n.endsWith("Resources." + orphan + ": cannot tell which"
                    + " function " + orphan + " belongs to")), orphan + ": " + c.notes());
        }
        assertEquals(3, c.functions().size());
    }

    @Test
    void deletingTheStackDeletesEveryFunction() throws Exception {
        Change c = read(FUNCTIONS, true, Map.of());
        assertEquals(List.of(Change.Action.DELETE), c.functions().stream().map(Change.Function::action).distinct()
                .toList());
        assertEquals("Worker", fn(c, "Worker").name(), "no stack name: the logical id stands for the name");
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("Resources.Worker.Properties.FunctionName not given:"
                + " CloudFormation generates a name from the stack's (give --stack-name to match it to the account's"
                + " function); the function is called Worker here")), c.notes().toString());
    }

    @Test
    void theNetworkTheTemplateDefinesAndOtherInterfaces() throws Exception {
        Change c = read("""
                Resources:
                  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.50.0.0/16 } }
                  Sub: { Type: AWS::EC2::Subnet, Properties: { VpcId: !Ref Vpc, CidrBlock: 10.50.1.0/24,
                         AvailabilityZone: eu-west-1a } }
                  Sg: { Type: AWS::EC2::SecurityGroup, Properties: { VpcId: !Ref Vpc, GroupDescription: x } }
                  Efs: { Type: AWS::EFS::MountTarget, Properties: { SubnetId: !Ref Sub, SecurityGroups: [!Ref Sg] } }
                  Build: { Type: AWS::CodeBuild::Project, Properties: { VpcConfig: { Subnets: [!Ref Sub] } } }
                  Quiet: { Type: AWS::CodeBuild::Project, Properties: { Name: q } }
                  Cap: { Type: AWS::Lambda::CapacityProvider }
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: new-fn
                      VpcConfig: { SubnetIds: [!Ref Sub], SecurityGroupIds: [!GetAtt Sg.GroupId] }
                """);
        String t = dir.resolve("t.yaml").toString();
        assertEquals(List.of(new Change.Vpc("Vpc", "10.50.0.0/16", t + ": Resources.Vpc")), c.vpcs());
        assertEquals(List.of(new Change.Subnet("Sub", "Vpc", "10.50.1.0/24", "eu-west-1a", t + ": Resources.Sub")),
                c.subnets());
        assertEquals(List.of(new Change.Group("Sg", "Vpc", t + ": Resources.Sg")), c.groups());
        assertEquals(List.of(new Change.Interface("Sub", "EFS mount target", t + ": Resources.Efs")), c.interfaces());
        assertEquals(List.of("Sub"), fn(c, "new-fn").subnets(), "a subnet the template defines is known");
        assertEquals(List.of("Sg"), fn(c, "new-fn").groups());
        assertEquals(2, c.notes().size(), c.notes().toString());
        assertTrue(c.notes().get(0).endsWith("Resources.Build (CodeBuild) has a VpcConfig: its builds use network"
                + " interfaces of their own, not Lambda's; not simulated"), c.notes().toString());
        assertTrue(c.notes().get(1).endsWith("Resources.Cap is a capacity provider (Lambda Managed Instances): its"
                + " instances' network interfaces are not Hyperplane ENIs; not simulated"), c.notes().toString());
    }

    @Test
    void resourcesUnderAFalseConditionAreNotCreatedAndAnUnknownOneIsAPlaceholder() throws Exception {
        Change c = read("""
                Parameters:
                  Stage: { Type: String, Default: dev }
                  Flag: { Type: String }
                Conditions:
                  IsProd: !Equals [!Ref Stage, prod]
                  Flagged: !Equals [!Ref Flag, 'yes']
                Resources:
                  ProdOnly: { Type: AWS::Lambda::Function, Condition: IsProd, Properties: { FunctionName: p } }
                  Maybe: { Type: AWS::Lambda::Function, Condition: Flagged, Properties: { FunctionName: m } }
                  Always: { Type: AWS::Lambda::Function, Properties: { FunctionName: a } }
                """);
        assertEquals(List.of("a"), c.functions().stream().map(Change.Function::name).toList());
        assertTrue(c.notes().stream().anyMatch(n -> n.endsWith("Resources.ProdOnly not created (condition IsProd is"
                + " false)")), c.notes().toString());
        assertEquals(1, c.placeholders().size(), c.placeholders().toString());
        assertEquals("whether Maybe is created (condition Flagged depends on unresolved values: parameter Flag (String)"
                + " has no value and no Default)", c.placeholders().get(0).what(), "and on what it depends");
        assertTrue(c.placeholders().get(0).where().endsWith("Resources.Maybe.Condition"));
    }

    @Test
    void anUnresolvedVpcConfigOrListElementIsAPlaceholderAndTheFunctionNotSimulated() throws Exception {
        Change c = read("""
                Parameters:
                  Sn: { Type: String }
                Resources:
                  Whole:
                    Type: AWS::Lambda::Function
                    Properties: { FunctionName: whole, VpcConfig: !ImportValue net-config }
                  Element:
                    Type: AWS::Lambda::Function
                    Properties:
                      FunctionName: element
                      VpcConfig: { SubnetIds: [%s, !Ref Sn], SecurityGroupIds: [sg-1] }
                """.formatted(A));
        assertFalse(fn(c, "whole").vpcKnown());
        assertFalse(fn(c, "element").vpcKnown());
        assertEquals(List.of(A), fn(c, "element").subnets(), "the known ones kept");
        List<String> where = c.placeholders().stream().map(p -> p.where().substring(p.where().indexOf(": ") + 2))
                .toList();
        assertEquals(List.of("Resources.Whole.Properties.VpcConfig",
                "Resources.Element.Properties.VpcConfig.SubnetIds[1]"), where);
    }

    @Test
    void aNestedStackWithoutItsTemplateIsAPlaceholderWithItsParametersPassed() throws Exception {
        Files.writeString(dir.resolve("child.json"), "{\"Parameters\": {\"Subnets\": {\"Type\":"
                + " \"CommaDelimitedList\"}, \"Size\": {\"Type\": \"Number\"}}, \"Resources\": {\"F\": {\"Type\":"
                + " \"AWS::Lambda::Function\", \"Properties\": {\"FunctionName\": \"child\", \"MemorySize\": {\"Ref\":"
                + " \"Size\"}, \"VpcConfig\": {\"SubnetIds\": {\"Ref\": \"Subnets\"}, \"SecurityGroupIds\":"
                + " [\"sg-1\"]}}}}}");
        Change c = read("""
                Parameters:
                  Subnets: { Type: 'List<AWS::EC2::Subnet::Id>', Default: '%s,%s' }
                Resources:
                  Child:
                    Type: AWS::CloudFormation::Stack
                    Metadata: { 'aws:asset:path': child.json }
                    Properties: { Parameters: { Subnets: !Ref Subnets, Size: 256 } }
                  NoMeta: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: https://x } }
                  Gone: { Type: AWS::CloudFormation::Stack, Metadata: { 'aws:asset:path': gone.json } }
                """.formatted(A, B));
        assertEquals(List.of(A, B), fn(c, "child").subnets(), "a list passed to the nested stack");
        assertEquals(256, fn(c, "child").memoryMb());
        List<String> what = c.placeholders().stream().map(Change.Placeholder::what).toList();
        assertEquals(List.of("nested stack NoMeta (no aws:asset:path metadata)", "nested stack Gone (gone.json not"
                + " found)"), what);
    }

    @Test
    void theMistakesCloudFormationRefusesAreAllReportedAtOnce() {
        List<String> p = problems("""
                Resources:
                  NoType: { Properties: {} }
                  BadName: { Type: AWS::Lambda::Function, Properties: { FunctionName: 'has space' } }
                  Small:
                    Type: AWS::Lambda::Function
                    Properties: { FunctionName: small, MemorySize: 127, Timeout: 901, ReservedConcurrentExecutions: -1 }
                  Half:
                    Type: AWS::Lambda::Function
                    Properties: { FunctionName: half, VpcConfig: { SubnetIds: [%s] } }
                  NotAList:
                    Type: AWS::Lambda::Function
                    Properties: { FunctionName: nal, VpcConfig: { SubnetIds: %s, SecurityGroupIds: [sg-1, 3, ''] } }
                  NotAnObject:
                    Type: AWS::Lambda::Function
                    Properties: { FunctionName: nao, VpcConfig: [a] }
                """.formatted(A, A));
        assertEquals(List.of(
                "Resources.NoType.Type: missing (expected a resource type like AWS::Lambda::Function)",
                "Resources.BadName.Properties.FunctionName: expected 1 to 64 letters, digits, '-' or '_', got 'has"
                        + " space'",
                "Resources.Small.Properties.MemorySize: expected a whole number from 128 to 10240, got 127",
                "Resources.Small.Properties.Timeout: expected a whole number from 1 to 900, got 901",
                "Resources.Small.Properties.ReservedConcurrentExecutions: expected a whole number from 0 to 10000000,"
                        + " got -1",
                "Resources.Half.Properties.VpcConfig: expected both SubnetIds and SecurityGroupIds, or neither; got 1"
                        + " subnet(s) and 0 security group(s)",
                "Resources.NotAList.Properties.VpcConfig.SubnetIds: expected a list of ids, got \"" + A + "\"",
                "Resources.NotAList.Properties.VpcConfig.SecurityGroupIds[1]: expected an id, got 3",
                "Resources.NotAList.Properties.VpcConfig.SecurityGroupIds[2]: expected an id, got \"\"",
                "Resources.NotAnObject.Properties.VpcConfig: expected {SubnetIds: [...], SecurityGroupIds: [...]}, got"
                        + " [\"a\"]"), p);
        assertEquals(List.of("Resources: expected the template's resources (is this a CloudFormation template?)"),
                problems("AWSTemplateFormatVersion: '2010-09-09'\n"));

    }

    /**
     * Fn::ForEach (AWS::LanguageExtensions), as CloudFormation expands it: a function and a security group per team
     * from a list parameter, a nested loop per stage, the identifier through Ref, Fn::Sub and &{} in logical ids, and
     * references to the resources a loop makes.
     */
    @Test
    void languageExtensionsLoopsAreExpanded() throws Exception {
        Change c = read("""
                Transform: AWS::LanguageExtensions
                Parameters:
                  Teams: { Type: CommaDelimitedList, Default: 'blue,red' }
                Resources:
                  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.60.0.0/16 } }
                  'Fn::ForEach::Teams':
                    - Team
                    - !Ref Teams
                    - 'Sg${Team}': { Type: AWS::EC2::SecurityGroup, Properties: { VpcId: !Ref Vpc } }
                      'Fn::ForEach::Stages':
                        - Stage
                        - [dev, prod-1]
                        - 'Fn${Team}&{Stage}':
                            Type: AWS::Lambda::Function
                            Properties:
                              FunctionName: !Sub '${Team}-${Stage}-${AWS::Region}'
                              MemorySize: 256
                              VpcConfig:
                                SubnetIds: [%s]
                                SecurityGroupIds: [!GetAtt [!Sub 'Sg${Team}', GroupId]]
                              Tags: [{ Key: team, Value: !Ref Team }]
                """.formatted(A), false, Map.of("AWS::Region", "eu-west-1"));
        assertEquals(List.of("blue-dev-eu-west-1", "blue-prod-1-eu-west-1", "red-dev-eu-west-1",
                "red-prod-1-eu-west-1"), c.functions().stream().map(Change.Function::name).toList());
        assertTrue(c.functions().get(1).where().endsWith("Resources.Fnblueprod1"),
                "&{Stage}: the value without its non-alphanumeric characters: " + c.functions().get(1).where());
        assertEquals(List.of("Sgblue", "Sgred"), c.groups().stream().map(Change.Group::id).toList());
        assertEquals("Vpc", c.groups().get(1).vpc());
        assertEquals(List.of("Sgred"), c.functions().get(3).groups(), "the loop's own group, through GetAtt of a Sub");
        assertTrue(c.functions().stream().allMatch(f -> f.subnets().equals(List.of(A)) && f.memoryMb() == 256));
    }

    /** The identifier through Ref and each form of Fn::Sub; a Sub's own variable of the same name wins. */
    @Test
    void aLoopsIdentifierReachesRefAndSubInTheFragment() throws Exception {
        Change c = read("""
                Resources:
                  'Fn::ForEach::Jobs':
                    - Job
                    - [etl, report]
                    - 'Job${Job}': { Type: AWS::Lambda::Function, Properties: { FunctionName: !Ref Job } }
                      'Env${Job}':
                        Type: AWS::Lambda::Function
                        Properties: { FunctionName: !Sub ['${Job}-${Env}', { Env: prod }] }
                      'Own${Job}':
                        Type: AWS::Lambda::Function
                        Properties: { FunctionName: !Sub ['own-${Job}', { Job: fixed }] }
                """);
        assertEquals(List.of("etl", "etl-prod", "own-fixed", "report", "report-prod"), c.functions().stream()
                .map(Change.Function::name).toList(), "own-fixed made twice: the last kept, noted");
        assertTrue(c.notes().stream().anyMatch(n -> n.startsWith("function own-fixed is defined twice")),
                c.notes().toString());
    }

    @Test
    void aLoopOverAValueNotKnownBeforeDeploymentIsAPlaceholderAndABrokenOneAProblem() throws Exception {
        Change c = read("""
                Parameters:
                  Teams: { Type: CommaDelimitedList }
                Resources:
                  'Fn::ForEach::Teams':
                    - Team
                    - !Ref Teams
                    - 'Fn${Team}': { Type: AWS::Lambda::Function, Properties: { FunctionName: !Ref Team } }
                  Kept: { Type: AWS::Lambda::Function, Properties: { FunctionName: kept } }
                """);
        assertEquals(List.of("kept"), c.functions().stream().map(Change.Function::name).toList());
        assertEquals(1, c.placeholders().size(), c.placeholders().toString());
        assertTrue(c.placeholders().get(0).where().endsWith("Resources.Fn::ForEach::Teams[1]"));
        assertEquals("parameter Teams (CommaDelimitedList) has no value and no Default", c.placeholders().get(0).what());
        assertEquals(List.of("Resources.Fn::ForEach::Bad: expected [Identifier, Collection, {OutputKey: Fragment}]",
                "Resources.Fn::ForEach::Scalar[1]: expected a list of values to loop over, got \"one\"",
                "Resources.Fn::ForEach::Twice[b].Same: the logical id Same is made twice"), problems("""
                Resources:
                  'Fn::ForEach::Bad': [X, [a]]
                  'Fn::ForEach::Scalar': [X, one, { 'R${X}': { Type: AWS::SNS::Topic } }]
                  'Fn::ForEach::Twice': [X, [a, b], { Same: { Type: AWS::SNS::Topic } }]
                """));
    }

    @Test
    void aFunctionDefinedTwiceIsANoteAndTheLastOneCounts() throws Exception {
        Change c = read("""
                Resources:
                  One: { Type: AWS::Lambda::Function, Properties: { FunctionName: same, MemorySize: 256 } }
                  Two: { Type: AWS::Lambda::Function, Properties: { FunctionName: same, MemorySize: 512 } }
                """);
        assertEquals(1, c.functions().size());
        assertEquals(512, fn(c, "same").memoryMb());
        assertTrue(c.notes().stream().anyMatch(n -> n.startsWith("function same is defined twice (")
                && n.contains("Resources.Two): two functions cannot share a name") && n.endsWith("the last is used")),
                c.notes().toString());
    }
}
