package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.TestFiles;
import dev.enisim.iac.Change;
import dev.enisim.iac.ChangeReader;
import dev.enisim.importer.ImportCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user review of the gate's inputs: parameters, reserved concurrency, encodings, imported accounts. */
class GateInputsReviewTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return TestFiles.write(dir, name, text);
    }

    /** A function in the account's tight subnet when the condition RunInVpc holds (SDLF's shape). */
    static final String SSM_TEMPLATE = """
            Parameters:
              pEnableVpc:
                Type: AWS::SSM::Parameter::Value<String>
                Default: /SDLF/VPC/Enabled
            Conditions:
              RunInVpc: !Equals [!Ref pEnableVpc, true]
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: sdlf-fn
                  Runtime: python3.12
                  Handler: app.handler
                  Role: arn:aws:iam::123456789012:role/r
                  Code: { ZipFile: x }
                  VpcConfig: !If
                    - RunInVpc
                    - { SubnetIds: [subnet-0aaaa1111bbbb2222], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
                    - !Ref AWS::NoValue
            """;

    @Test
    void anSsmParameterGivenInParametersIsItsNameNotItsValueSoWhatReadsItIsUnresolved() throws Exception {
        Path account = write("account.yaml", GateStacksTest.ACCOUNT);
        Path t = write("t.yaml", SSM_TEMPLATE);
        ChangeReader.Inputs in = GateTest.against(account);
        for (Map<String, String> given : List.of(Map.of("pEnableVpc", "/SDLF/VPC/Enabled"), Map.<String, String>of())) {
            Change c = ChangeReader.read(List.of(t), List.of(), new ChangeReader.Inputs(given, Map.of(), Map.of(),
                    in.subnetVpc(), in.functions(), false));
            assertFalse(c.functions().get(0).vpcKnown(), "RunInVpc is not known: the name is not 'true' nor 'false'");
            assertTrue(c.placeholders().stream().anyMatch(p -> p.what().contains("condition RunInVpc (Fn::If)"
                    + " depends on unresolved values: parameter pEnableVpc (AWS::SSM::Parameter::Value<String>) is the"
                    + " SSM parameter /SDLF/VPC/Enabled") && p.howToGive().contains("the SSM parameter's name, not its"
                    + " value")), c.placeholders().toString());
            Gate.Verdict v = Gate.run(account, c, new Gate.Options(300, Map.of(), "1/s", Gate.DEFAULT_RULES));
            assertFalse(v.passed(), "it passed: the function was taken out of the VPC");
            assertTrue(v.markdown().contains("- Unresolved: " + t + ": Resources.Fn.Properties.VpcConfig: condition"
                    + " RunInVpc"), v.markdown());
        }
    }

    static final String STACK_A = """
            Parameters:
              Subnets: { Type: List<AWS::EC2::Subnet::Id> }
            Resources:
            """ + dev.enisim.iac.Templates.function("Fn", "fn-a", """
                  VpcConfig: { SubnetIds: !Ref Subnets, SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
            """);
    static final String STACK_B = """
            Parameters:
              SubnetOne: { Type: AWS::EC2::Subnet::Id }
              Stage: { Type: String, Default: dev }
            Resources:
            """ + dev.enisim.iac.Templates.function("Fn", "fn-b", """
                  VpcConfig: { SubnetIds: [!Ref SubnetOne], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
            """);

    @Test
    void eachTemplateTakesTheParametersItDeclaresAndTemplateEqualsFileGivesOneTemplateItsOwn() throws Exception {
        Path account = write("account.yaml", GateStacksTest.ACCOUNT.replace("otherUsedIps: 10", "otherUsedIps: 0"));
        Path a = write("a.yaml", STACK_A);
        Path b = write("b.yaml", STACK_B);
        Path common = write("common.json", "{\"Subnets\": \"subnet-0aaaa1111bbbb2222\", \"SubnetOne\":"
                + " \"subnet-0aaaa1111bbbb2222\"}");
        Path prod = write("prod.json", "[{\"ParameterKey\": \"Stage\", \"ParameterValue\": \"prod\"}]");
        Path out = dir.resolve("gate");
        Result r = GateCommandTest.run("gate", "--account", account.toString(), "--template", a.toString(),
                b.toString(), "--parameters", common.toString(), b + "=" + prod, "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String md = Files.readString(out.resolve("gate.md"));
        assertTrue(md.contains("| fn-a | create |") && md.contains("| fn-b | create |"), md);

        Result byStack = GateCommandTest.run("gate", "--account", account.toString(), "--template", a.toString(),
                b.toString(), "--parameters", common.toString(), "b=" + prod, "--out", out.toString());
        assertEquals(0, byStack.code(), "the stack's name as gate.md shows it: " + byStack.err());

        Path typo = write("typo.json", "{\"Subnetz\": \"x\"}");
        Result none = GateCommandTest.run("gate", "--account", account.toString(), "--template", a.toString(),
                b.toString(), "--parameters", common.toString(), typo.toString(), "--out", out.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith(typo + ":1: Subnetz: --parameters gives Subnetz, which none of the 2"
                + " templates declares (declared: Stage, SubnetOne, Subnets)"), "the parameters file and the key's"
                + " path in it: " + none.err());
        Result wrong = GateCommandTest.run("gate", "--account", account.toString(), "--template", a.toString(),
                b.toString(), "--parameters", common.toString(), a + "=" + prod, "--out", out.toString());
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().startsWith(prod + ":1: [0].ParameterKey: --parameters gives Stage, which " + a
                + " does not declare (declared: Subnets)"), "a template's own parameters are checked against it, said"
                + " at the parameters file's key, naming the template: " + wrong.err());
        Result nowhere = GateCommandTest.run("gate", "--account", account.toString(), "--template", a.toString(),
                b.toString(), "--parameters", common.toString(), "c.yaml=" + prod, "--out", out.toString());
        assertEquals(2, nowhere.code());
        assertTrue(nowhere.err().startsWith("--parameters: c.yaml: no template given with --template is called"
                + " that"), nowhere.err());
    }

    @Test
    void reservedConcurrencyMoreThanTheAccountAllowsIsACrossedVerdictNamingTheFunctions() throws Exception {
        Path account = write("account.yaml", GateStacksTest.ACCOUNT.replace("seed: 1\n",
                "seed: 1\naccount: { concurrencyLimit: 200 }\n"));
        Path t = write("t.yaml", "Resources:\n" + dev.enisim.iac.Templates.function("Big", "big-fn",
                "      ReservedConcurrentExecutions: 150\n"));
        Path out = dir.resolve("gate");
        Result r = GateCommandTest.run("gate", "--account", account.toString(), "--template", t.toString(),
                "--out", out.toString());
        assertEquals(1, r.code(), "a verdict, not bad input: " + r.out() + r.err());
        assertTrue(r.out().contains("reserved concurrency fits the account: reserved concurrency adds up to 150 with"
                + " the change, more than concurrencyLimit 200 - unreservedMinimum 100 = 100: Lambda refuses the"
                + " change's reservations (big-fn 150 (" + t + ": Resources.Big))"), r.out());
        assertTrue(Files.readString(out.resolve("gate.md")).contains("| **FAIL** | reserved concurrency fits the"
                + " account |"), "the report is written");
    }

    /** As Windows PowerShell's {@code >} saves a file: UTF-16 LE with a byte-order mark. */
    private Path utf16(String name, String text) throws Exception {
        return Files.write(dir.resolve(name), ("\uFEFF" + text).getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
    }

    @Test
    void utf16TemplatesParametersExportsAndRulesAreReadAsImportReadsThem() throws Exception {
        Path account = write("account.yaml", GateStacksTest.ACCOUNT.replace("otherUsedIps: 10", "otherUsedIps: 0"));
        Path t = utf16("t.yaml", STACK_B.replace("[!Ref SubnetOne]", "[!ImportValue shared-subnet]"));
        Path params = utf16("params.json", "[{\"ParameterKey\": \"Stage\", \"ParameterValue\": \"prod\"},"
                + " {\"ParameterKey\": \"SubnetOne\", \"ParameterValue\": \"subnet-0aaaa1111bbbb2222\"}]");
        Path exports = utf16("exports.json", "{\"Exports\": [{\"Name\": \"shared-subnet\", \"Value\":"
                + " \"subnet-0aaaa1111bbbb2222\"}]}");
        Path rules = utf16("rules.yaml", "gate:\n  - new ENIs <= 5\n");
        Path out = dir.resolve("gate");
        Result r = GateCommandTest.run("gate", "--account", account.toString(), "--template", t.toString(),
                "--parameters", params.toString(), "--exports", exports.toString(), "--rules", rules.toString(),
                "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String md = Files.readString(out.resolve("gate.md"));
        assertTrue(md.contains("| pass | new ENIs <= 5 | 1 new ENIs |"), md);
        assertTrue(md.contains("| fn-b | create |"), md);
    }

    @Test
    void aFunctionInAnIpv6OnlySubnetOfTheChangeIsNotSimulatedAndTheGateSaysWhy() throws Exception {
        Path account = write("account.yaml", GateStacksTest.ACCOUNT);
        Path t = write("v6.yaml", """
                Resources:
                  Vpc: { Type: AWS::EC2::VPC, Properties: { CidrBlock: 10.9.0.0/16 } }
                  V6Subnet:
                    Type: AWS::EC2::Subnet
                    Properties: { VpcId: !Ref Vpc, Ipv6Native: true, AvailabilityZone: eu-west-1a,
                      Ipv6CidrBlock: !Select [0, !Cidr [!Select [0, !GetAtt Vpc.Ipv6CidrBlocks], 256, 64]] }
                  Sg: { Type: AWS::EC2::SecurityGroup, Properties: { GroupDescription: x, VpcId: !Ref Vpc } }
                """ + dev.enisim.iac.Templates.function("Fn6", "v6-fn", """
                      VpcConfig: { SubnetIds: [!Ref V6Subnet], SecurityGroupIds: [!GetAtt Sg.GroupId] }
                """));
        Change c = ChangeReader.read(List.of(t), List.of(), GateTest.against(account));
        Gate.Verdict v = Gate.run(account, c, new Gate.Options(300, Map.of(), "1/s", Gate.DEFAULT_RULES));
        assertFalse(v.passed());
        assertTrue(v.results().get(0).actual().startsWith("1 not simulated: v6-fn (" + t + ": Resources.Fn6): subnet"
                + " V6Subnet is IPv6-only: enisim does not connect functions to IPv6-only subnets"),
                "it said: subnet V6Subnet is not known, give what resolves them: " + v.results().get(0).actual());
    }

    @Test
    void aValueInheritedFromSamGlobalsIsNamedWhereItIs() throws Exception {
        Path account = write("account.yaml", GateStacksTest.ACCOUNT);
        Path t = write("sam.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Globals:
                  Function:
                    MemorySize: 99999
                    VpcConfig: { SubnetIds: [sub-id-2], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
                Resources:
                  Minimal: { Type: AWS::Serverless::Function, Properties: { FunctionName: minimal } }
                  Overrides:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: overrides
                      MemorySize: 99998
                      VpcConfig: { SubnetIds: [sub-id-3] }
                """);
        dev.enisim.scenario.ScenarioException e = org.junit.jupiter.api.Assertions.assertThrows(
                dev.enisim.scenario.ScenarioException.class, () -> ChangeReader.read(List.of(t), List.of(),
                GateTest.against(account)));
        assertEquals(t.toString(), e.source());
        List<String> paths = e.problems().stream().map(dev.enisim.scenario.Problem::path).toList();
        assertEquals(List.of("Globals.Function.VpcConfig.SubnetIds[0]", "Globals.Function.MemorySize",
                "Resources.Overrides.Properties.VpcConfig.SubnetIds[0]", "Resources.Overrides.Properties.MemorySize"),
                paths, "Globals' values where they are, once; the function's own at its path (its list counted from 0;"
                + " it said Resources.Minimal.Properties.VpcConfig.SubnetIds[0], which does not exist): " + e.problems());

        Path unknown = write("sam-unknown.yaml", """
                Parameters:
                  Sub: { Type: AWS::EC2::Subnet::Id }
                Globals:
                  Function:
                    VpcConfig: { SubnetIds: [!Ref Sub], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
                Resources:
                  A: { Type: AWS::Serverless::Function, Properties: { FunctionName: a } }
                  B: { Type: AWS::Serverless::Function, Properties: { FunctionName: b } }
                """);
        Change c = ChangeReader.read(List.of(unknown), List.of(), GateTest.against(account));
        assertEquals(List.of(unknown + ": Globals.Function.VpcConfig.SubnetIds[0]"), c.placeholders().stream()
                .map(Change.Placeholder::where).toList(), "asked for once, where it is");
    }

    @Test
    void anAccountImportedFromAPartialListingIsAWarningInTheReportAndOnStandardError() throws Exception {
        Path account = write("account.yaml", "# Generated by `enisim import` from PARTIAL AWS CLI output: review it"
                + " before use.\n#   - PARTIAL: `aws lambda list-functions` output in\n#     functions.json (NextMarker)"
                + " is one page of a longer listing\n#\n# Read from:\n" + GateStacksTest.ACCOUNT);
        Path t = write("t.yaml", "Resources:\n" + dev.enisim.iac.Templates.function("Fn", "new-fn", ""));
        Path out = dir.resolve("gate");
        Result r = GateCommandTest.run("gate", "--account", account.toString(), "--template", t.toString(),
                "--out", out.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String warning = account + " was imported from PARTIAL AWS CLI output (enisim import --allow-partial): the"
                + " account it gates against may lack functions, subnets or ENIs, so the verdict may be wrong: PARTIAL:"
                + " `aws lambda list-functions` output in functions.json (NextMarker) is one page of a longer listing";
        assertTrue(r.err().lines().anyMatch(l -> l.equals("warning: " + warning)), r.err()); // every warning's form
        String md = Files.readString(out.resolve("gate.md")).replace("\n  ", " "); // the item's folded lines joined
        assertTrue(md.contains("### What the gate could not know\n\n- Warning: " + warning + "\n"), md);
        Path elsewhere = write("elsewhere.yaml", "Resources:\n" + dev.enisim.iac.Templates.function("Fn", "new-fn",
                "      VpcConfig: { SubnetIds: [subnet-0bbbb], SecurityGroupIds: [sg-0a11aa11aa11aa11a] }\n"));
        Result bad = GateCommandTest.run("gate", "--account", account.toString(), "--template", elsewhere.toString(),
                "--out", out.toString());
        assertEquals(2, bad.code(), bad.err());
        assertTrue(bad.err().startsWith("warning: " + warning), "a partial listing may be why the subnet is"
                + " not known: " + bad.err());

        Path whole = write("whole.yaml", "# Generated by `enisim import` from saved AWS CLI output: review it before"
                + " use.\n" + GateStacksTest.ACCOUNT);
        Result fine = GateCommandTest.run("gate", "--account", whole.toString(), "--template", t.toString(),
                "--out", out.toString());
        assertEquals(0, fine.code(), fine.err());
        assertFalse(fine.err().contains("warning"), fine.err());
    }
}
