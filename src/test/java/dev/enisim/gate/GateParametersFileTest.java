package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.importer.ImportCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parameters file's problems are the parameters file's: named with the path in it (an entry's ParameterKey or
 * ParameterValue, a map's key), the template they were checked against named too, every problem at once, exit 2
 * without a stack trace; a template problem made from a parameter's value says where that value was given.
 */
class GateParametersFileTest {

    @TempDir
    Path dir;

    static final String TEMPLATE = """
            Parameters:
              Subnets: { Type: List<AWS::EC2::Subnet::Id> }
              Stage: { Type: String, AllowedValues: [dev, prod], Default: dev }
              Memory: { Type: Number, Default: 512 }
              DbPassword: { Type: String, NoEcho: true, AllowedPattern: "[A-Za-z0-9]{12,}", Default: abcdefghijkl0 }
            Resources:
              Fn:
                Type: AWS::Lambda::Function
                Properties:
                  FunctionName: fn-a
                  Runtime: python3.12
                  MemorySize: !Ref Memory
                  VpcConfig: { SubnetIds: !Ref Subnets, SecurityGroupIds: [sg-0a11aa11aa11aa11a] }
            """;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    /** The gate with t.yaml and this parameters file: its exit code and standard error. */
    private Result gate(String parameters) throws Exception {
        Path account = write("account.yaml", GateStacksTest.ACCOUNT.replace("otherUsedIps: 10", "otherUsedIps: 0"));
        Path t = write("t.yaml", TEMPLATE);
        Path p = write("params.json", parameters);
        return GateCommandTest.run("gate", "--account", account.toString(), "--template", t.toString(),
                "--parameters", p.toString(), "--out", dir.resolve("gate").toString());
    }

    private List<String> lines(Result r) {
        assertEquals(2, r.code(), r.out() + r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), "no stack trace: " + r.err());
        return r.err().lines().toList();
    }

    private String p() {
        return dir.resolve("params.json").toString();
    }

    private String t() {
        return dir.resolve("t.yaml").toString();
    }

    @Test
    void aParameterTheTemplateDoesNotDeclareIsTheParametersFilesProblemAtItsKey() throws Exception {
        List<String> list = lines(gate("[{\"ParameterKey\": \"Subnets\", \"ParameterValue\": \"subnet-0aaaa1111bbbb2222\"},"
                + " {\"ParameterKey\": \"Stagee\", \"ParameterValue\": \"prod\"}]"));
        assertEquals(List.of(p() + ":1: [1].ParameterKey: --parameters gives Stagee, which " + t() + " does not declare"
                + " (declared: DbPassword, Memory, Stage, Subnets)"), list);
        List<String> map = lines(gate("{\"Parameters\": {\"Subnets\": \"subnet-0aaaa1111bbbb2222\", \"Stagee\": \"x\"}}"));
        assertEquals(List.of(p() + ":1: Parameters.Stagee: --parameters gives Stagee, which " + t() + " does not declare"
                + " (declared: DbPassword, Memory, Stage, Subnets)"), map);
    }

    @Test
    void everyProblemOfAParametersFileAtOnceEachAtItsPath() throws Exception {
        List<String> err = lines(gate("[{\"ParameterKey\": \"Subnets\", \"ParameterValue\": {\"x\": 1}},"
                + " {\"ParameterKey\": \"Stage\", \"ParameterValue\": \"staging\"},"
                + " {\"ParameterKey\": \"Memory\", \"ParameterValue\": \"lots\"},"
                + " {\"ParameterKey\": \"Nope\", \"ParameterValue\": \"x\"},"
                + " {\"ParameterKey\": \"Subnets\", \"ParameterVaule\": \"subnet-0aaaa1111bbbb2222\"}]"));
        assertEquals(List.of(
                p() + ":1: [0].ParameterValue: expected a string, got {\"x\":1}",
                p() + ":1: [4].ParameterValue: missing (expected the value, a string, or \"UsePreviousValue\": true; the"
                        + " entry has ParameterKey, ParameterVaule)",
                p() + ":1: [1].ParameterValue: 'staging' for parameter Stage of " + t() + ": expected one of its"
                        + " AllowedValues [dev, prod] (CloudFormation would refuse the stack)",
                p() + ":1: [2].ParameterValue: 'lots' for parameter Memory of " + t() + ": expected a number: its Type"
                        + " is Number (CloudFormation would refuse the stack)",
                p() + ":1: [3].ParameterKey: --parameters gives Nope, which " + t() + " does not declare (declared:"
                        + " DbPassword, Memory, Stage, Subnets)"),
                err.stream().filter(l -> l.startsWith(p())).toList());
        assertTrue(err.stream().allMatch(l -> l.startsWith(p()) || l.startsWith(t())), String.join("\n", err));
    }

    @Test
    void aTemplateProblemMadeFromAParameterValueNamesTheTemplateAndWhereTheValueWasGiven() throws Exception {
        List<String> err = lines(gate("[{\"ParameterKey\": \"Subnets\", \"ParameterValue\":"
                + " \"subnet-0aaaa1111bbbb2222,subnet-0ffff9999eeee8888\"}, {\"ParameterKey\": \"Memory\","
                + " \"ParameterValue\": \"64\"}]"));
        assertEquals(List.of(t() + ": Resources.Fn.Properties.VpcConfig.SubnetIds[1]: subnet 'subnet-0ffff9999eeee8888'"
                + " is neither in the imported account nor defined by this change (known: subnet-0aaaa1111bbbb2222);"
                + " from the value of parameter Subnets (" + p() + ": [0].ParameterValue)",
                t() + ":12: Resources.Fn.Properties.MemorySize: expected a whole number from 128 to 10240, got \"64\";"
                + " from the value of parameter Memory (" + p() + ": [1].ParameterValue)"), err);
    }

    @Test
    void aNoEchoParametersValueIsNeverShown() throws Exception {
        List<String> err = lines(gate("{\"Subnets\": \"subnet-0aaaa1111bbbb2222\", \"DbPassword\": \"hunter2\"}"));
        assertEquals(List.of(p() + ":1: DbPassword: '****' for parameter DbPassword of " + t() + ": expected a value"
                + " matching its AllowedPattern [A-Za-z0-9]{12,} (CloudFormation would refuse the stack)"), err);
        Path account = write("account.yaml", GateStacksTest.ACCOUNT);
        Path t = write("modes.yaml", "Parameters:\n  Mode: { Type: String, NoEcho: true, AllowedValues: [blue,"
                + " green] }\nResources:\n" + dev.enisim.iac.Templates.function("Fn", "fn-a", ""));
        Path modes = write("modes.json", "[{\"ParameterKey\": \"Mode\", \"ParameterValue\": \"s3cr3t-v4lue\"}]");
        Result r = GateCommandTest.run("gate", "--account", account.toString(), "--template", t.toString(),
                "--parameters", modes.toString(), "--out", dir.resolve("gate").toString());
        assertEquals(List.of(modes + ":1: [0].ParameterValue: '****' for parameter Mode of " + t + ": expected one of"
                + " its AllowedValues [blue, green] (CloudFormation would refuse the stack)"), lines(r));
        assertFalse(r.err().contains("s3cr3t"), r.err());
    }

    @Test
    void aListParametersValuesMayBeAJsonListInAMapButNotInTheAwsClisShape() throws Exception {
        Result ok = gate("{\"Subnets\": [\"subnet-0aaaa1111bbbb2222\"], \"Stage\": \"prod\"}");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertEquals(List.of(p() + ":1: [0].ParameterValue: expected a string, got a list [\"subnet-0aaaa1111bbbb2222\"]"
                + " (the AWS CLI refuses it: a list parameter's values are one string joined by commas, \"a,b\")"),
                lines(gate("[{\"ParameterKey\": \"Subnets\", \"ParameterValue\": [\"subnet-0aaaa1111bbbb2222\"]}]")));
        assertEquals(List.of(p() + ":1: Stage: expected one value: parameter Stage of " + t() + " is a String, not a"
                + " list (a list is for CommaDelimitedList and List<...> parameters)"),
                lines(gate("{\"Subnets\": [\"subnet-0aaaa1111bbbb2222\"], \"Stage\": [\"prod\"]}")));
        assertEquals(List.of(p() + ":1: Subnets[0]: expected one value without a comma, got \"subnet-0aaaa1111bbbb2222,"
                + "subnet-0aaaa1111bbbb2222\": CloudFormation splits a list parameter's value at its commas, so it"
                + " would be 2 values", p() + ":1: Subnets[1]: expected a string, number or boolean (one value of a"
                + " list), got null"),
                lines(gate("{\"Subnets\": [\"subnet-0aaaa1111bbbb2222,subnet-0aaaa1111bbbb2222\", null]}")));
    }

    @Test
    void aWrongShapeUnderParametersIsSaidThereNotTakenForAParameterCalledParameters() throws Exception {
        List<String> err = lines(gate("{\"Parameters\": [{\"ParameterKey\": \"Stage\", \"ParameterValue\": \"x\"}]}"));
        assertEquals(1, err.size(), String.join("\n", err));
        assertTrue(err.get(0).startsWith(p() + ":1: Parameters: expected {NAME: VALUE, ...} (CodePipeline's template"
                + " configuration), got a list: a list of {\"ParameterKey\", \"ParameterValue\"} is the whole file"),
                err.get(0));
    }

    @Test
    void aKeyGivenTwiceInAListIsRefusedAtItsSecondEntry() throws Exception {
        assertEquals(List.of(p() + ":1: [2].ParameterKey: Stage is given twice (first at [1].ParameterKey): expected"
                + " each parameter once"), lines(gate("[{\"ParameterKey\": \"Subnets\", \"ParameterValue\":"
                + " \"subnet-0aaaa1111bbbb2222\"}, {\"ParameterKey\": \"Stage\", \"ParameterValue\": \"dev\"},"
                + " {\"ParameterKey\": \"Stage\", \"ParameterValue\": \"prod\"}]")));
        assertEquals(List.of(p() + ":1: [1]: Stage is given twice (first at [0]): expected each parameter once"),
                lines(gate("[\"Stage=dev\", \"Stage=prod\", \"Subnets=subnet-0aaaa1111bbbb2222\"]")));
    }

    @Test
    void aMissingOrEmptyParametersFileIsNamed() throws Exception {
        Path account = write("account.yaml", GateStacksTest.ACCOUNT);
        Path t = write("t.yaml", TEMPLATE);
        Result missing = GateCommandTest.run("gate", "--account", account.toString(), "--template", t.toString(),
                "--parameters", dir.resolve("nope.json").toString(), "--out", dir.resolve("gate").toString());
        assertTrue(lines(missing).contains(dir.resolve("nope.json") + ": file not found"), missing.err());
        assertEquals(List.of(p() + ": the file is empty"), lines(gate("")));
    }
}
