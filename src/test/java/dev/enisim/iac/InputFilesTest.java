package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The files the gate reads beside the change: parameter files in each shape the AWS tools write, list-exports
 * output, templates in YAML (short forms) and JSON, CDK output folders; and each way such a file can be broken,
 * reported with the file's name and what was expected.
 */
class InputFilesTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static String problems(ScenarioException e) {
        return e.problems().stream().map(Object::toString).toList().toString();
    }

    @Test
    void parameterFilesInEveryShapeTheToolsWrite() throws Exception {
        assertEquals(Map.of("Stage", "prod", "Subnets", "subnet-a,subnet-b"), ChangeReader.parameters(file("a.json",
                "[{\"ParameterKey\": \"Stage\", \"ParameterValue\": \"prod\"},"
                        + " {\"ParameterKey\": \"Subnets\", \"ParameterValue\": \"subnet-a,subnet-b\"}]")),
                "aws cloudformation create-stack --parameters file://");
        assertEquals(Map.of("Stage", "prod", "Query", "a=b", "Empty", ""), ChangeReader.parameters(file("b.json",
                "[\"Stage=prod\", \"Query=a=b\", \"Empty=\"]")),
                "aws cloudformation deploy --parameter-overrides file://: the value is all after the first '='");
        assertEquals(Map.of("Stage", "prod", "Memory", "512"), ChangeReader.parameters(file("c.json",
                "{\"Parameters\": {\"Stage\": \"prod\", \"Memory\": 512}, \"Tags\": {\"team\": \"x\"}}")),
                "CodePipeline's template configuration: its Tags are not parameters");
        assertEquals(Map.of("Stage", "prod", "Subnets", "subnet-a,subnet-b"), ChangeReader.parameters(file("d.yaml",
                "Stage: prod\nSubnets: [subnet-a, subnet-b]\n")), "a plain map, YAML, a list joined by commas");
        assertEquals(Map.of(), ChangeReader.parameters(file("e.json", "[]")));
    }

    @Test
    void aBrokenParameterFileNamesTheFileAndEachBadEntry() throws Exception {
        Path list = file("list.json", "[{\"ParameterKey\": \"Stage\"}, {\"ParameterKey\": 3, \"ParameterValue\": \"x\"},"
                + " {\"ParameterKey\": \"Ok\", \"ParameterValue\": \"y\"}]");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.parameters(list));
        assertEquals(list.toString(), e.source());
        assertEquals("[[0].ParameterValue: missing (expected the value, a string, or \"UsePreviousValue\": true; the"
                + " entry has ParameterKey), [1].ParameterKey: got 3 (expected the parameter's name, a string)]",
                problems(e), "each entry's bad field, and what was expected there");

        Path overrides = file("overrides.json", "[\"Stage=prod\", \"NoEquals\", \"=value\", 3]");
        ScenarioException o = assertThrows(ScenarioException.class, () -> ChangeReader.parameters(overrides));
        assertEquals(overrides.toString(), o.source());
        assertEquals("[[1]: expected \"NAME=VALUE\", got \"NoEquals\", [2]: expected \"NAME=VALUE\", got \"=value\","
                + " [3]: expected \"NAME=VALUE\", got 3]", problems(o));

        Path map = file("map.json", "{\"Stage\": {\"nested\": 1}, \"Ok\": \"x\"}");
        ScenarioException m = assertThrows(ScenarioException.class, () -> ChangeReader.parameters(map));
        assertEquals("[Stage: expected a string, number or boolean (or, for a list parameter, a list of them), got"
                + " {\"nested\":1}]", problems(m));
    }

    @Test
    void exportsAreListExportsOutput() throws Exception {
        assertEquals(Map.of("net-subnets", "subnet-a,subnet-b", "net-sg", "sg-1"), ChangeReader.exports(file("x.json",
                "{\"Exports\": [{\"ExportingStackId\": \"arn:...\", \"Name\": \"net-subnets\", \"Value\":"
                        + " \"subnet-a,subnet-b\"}, {\"Name\": \"net-sg\", \"Value\": \"sg-1\"}]}")));
        Path wrong = file("wrong.json", "{\"Outputs\": []}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.exports(wrong));
        assertEquals(wrong.toString(), e.source());
        assertTrue(e.getMessage().contains("expected the output of `aws cloudformation list-exports`"),
                e.getMessage());
        Path bad = file("bad.json", "{\"Exports\": [{\"Name\": \"a\"}, {\"Name\": \"b\", \"Value\": \"v\"},"
                + " {\"Value\": \"c\"}]}");
        ScenarioException b = assertThrows(ScenarioException.class, () -> ChangeReader.exports(bad));
        assertEquals("[Exports[0]: expected {\"Name\": ..., \"Value\": ...}, Exports[2]: expected {\"Name\": ...,"
                + " \"Value\": ...}]", problems(b));
    }

    @Test
    void yamlShortFormsBecomeTheLongFormsJsonHas() throws Exception {
        JsonNode yaml = TemplateFile.read(file("t.yaml", """
                A: !Ref X
                B: !GetAtt Res.Attr.Deep
                C: !GetAtt [Res, Attr]
                D: !Sub ['${X}', { X: !Ref Y }]
                E: !If [Cond, !Ref AWS::NoValue, 1]
                F: !Condition Cond
                G: !Transform { Name: AWS::Include, Parameters: { Location: s3://b/k } }
                H: !Base64 text
                I: !Select [0, !GetAZs '']
                """));
        JsonNode json = TemplateFile.read(file("t.json", """
                {"A": {"Ref": "X"}, "B": {"Fn::GetAtt": ["Res", "Attr.Deep"]}, "C": {"Fn::GetAtt": ["Res", "Attr"]},
                 "D": {"Fn::Sub": ["${X}", {"X": {"Ref": "Y"}}]},
                 "E": {"Fn::If": ["Cond", {"Ref": "AWS::NoValue"}, 1]}, "F": {"Condition": "Cond"},
                 "G": {"Fn::Transform": {"Name": "AWS::Include", "Parameters": {"Location": "s3://b/k"}}},
                 "H": {"Fn::Base64": "text"}, "I": {"Fn::Select": [0, {"Fn::GetAZs": ""}]}}
                """));
        assertEquals(json, yaml);
    }

    @Test
    void aByteOrderMarkIsSkippedAndAPlanMayBeAList() throws Exception {
        assertEquals("x", TemplateFile.read(file("bom.yaml", "\uFEFFA: x\n")).get("A").asText());
        assertEquals("x", TemplateFile.read(file("bom.json", "\uFEFF  {\"A\": \"x\"}")).get("A").asText());
        assertEquals(2, TemplateFile.readAny(file("list.yaml", "- a\n- b\n")).size());
    }

    @Test
    void brokenTemplatesAreOneLineEachNamingTheFile() throws Exception {
        assertEquals("file not found", failure(dir.resolve("missing.yaml")));
        assertEquals("the file is empty", failure(file("empty.yaml", " \n\n")));
        assertEquals("expected a template or plan (key: value pairs at the top level)", failure(file("scalar.yaml",
                "just text\n")));
        assertEquals("expected a template or plan (key: value pairs at the top level)", failure(file("list.json",
                "[1, 2]")));
        assertTrue(failure(file("bad.json", "{\"A\": }")).startsWith("malformed JSON at line 1, column 7: "),
                failure(file("bad2.json", "{\"A\": }")));
        assertTrue(failure(file("dup.yaml", "A: 1\nA: 2\n")).startsWith("malformed YAML at line 2, column 1: "),
                "a key twice is refused, as CloudFormation does: " + failure(file("dup2.yaml", "A: 1\nA: 2\n")));
        assertTrue(failure(file("bad.yaml", "A: [1,\nB: 2\n")).startsWith("malformed YAML at line "),
                failure(file("bad3.yaml", "A: [1,\nB: 2\n")));
        assertEquals("is a folder; expected a template, plan or parameters file", failure(dir));
        // what follows the template was dropped unread: two plans appended, or a template and a stray line
        assertTrue(failure(file("two.json", "{\"Resources\": {}}\n{\"Resources\": {}}\n")).startsWith(
                "malformed JSON at line 2, column 1: more after the file's one JSON value ends (two documents appended?): a"
                + " template or plan is one value"), failure(file("two2.json", "{\"A\": 1}\n{\"B\": 2}\n")));
        assertTrue(failure(file("tail.json", "{\"Resources\": {}} trailing words")).startsWith(
                "malformed JSON at line 1, column "), failure(file("tail2.json", "{\"A\": 1} trailing words")));
    }

    /** A YAML bomb (aliases of aliases) or a pathological nesting is refused before it costs memory or stack. */
    @Test
    void yamlBombsAndDeepNestingAreRefused() throws Exception {
        StringBuilder bomb = new StringBuilder("a: &a [x, x]\n");
        for (int i = 0; i < 60; i++) {
            bomb.append("b").append(i).append(": *a\n");
        }
        String aliases = failure(file("bomb.yaml", bomb.toString()));
        assertTrue(aliases.startsWith("malformed YAML") && aliases.contains("aliases"), aliases);
        String deep = failure(file("deep.yaml", "a: " + "[".repeat(150) + "]".repeat(150) + "\n"));
        // in enisim's words since session 42 (SnakeYAML's own read "Nesting Depth exceeded max 100")
        assertTrue(deep.startsWith("malformed YAML") && deep.contains("nested deeper than 100 levels"), deep);
        StringBuilder fifty = new StringBuilder("a: &a [x, x]\n");
        for (int i = 0; i < 40; i++) {
            fifty.append("b").append(i).append(": *a\n");
        }
        assertEquals(41, TemplateFile.read(file("fine.yaml", fifty.toString())).size(), "40 aliases are fine");
    }

    private static String failure(Path f) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> TemplateFile.read(f));
        assertEquals(f.toString(), e.source());
        assertEquals(1, e.problems().size(), e.problems().toString());
        return e.problems().get(0).message();
    }

    @Test
    void aCdkOutputFolderIsItsTopTemplatesNestedOnesReadThroughTheirParents() throws Exception {
        Path out = Files.createDirectories(dir.resolve("cdk.out"));
        Path nested = Files.writeString(out.resolve("StackChild1234.nested.template.json"), "{\"Resources\": {\"F\":"
                + " {\"Type\": \"AWS::Lambda::Function\", \"Properties\": {\"FunctionName\": \"child-fn\"}}}}");
        Files.writeString(out.resolve("B.template.json"), "{\"Resources\": {\"Child\": {\"Type\":"
                + " \"AWS::CloudFormation::Stack\", \"Metadata\": {\"aws:asset:path\": \"" + nested.getFileName()
                + "\"}}}}");
        Files.writeString(out.resolve("A.template.json"), "{\"Resources\": {\"F\": {\"Type\":"
                + " \"AWS::Lambda::Function\", \"Properties\": {\"FunctionName\": \"top-fn\"}}}}");
        Files.writeString(out.resolve("manifest.json"), "{}");
        Change c = ChangeReader.read(List.of(out), List.of(), new ChangeReader.Inputs(Map.of(), Map.of(), Map.of(),
                Map.of(), java.util.Set.of(), false));
        assertEquals(List.of("top-fn", "child-fn"), c.functions().stream().map(Change.Function::name).toList(),
                "A, then B with its nested stack; the nested template is not read twice");
        assertEquals(List.of(out.resolve("A.template.json") + " (CloudFormation template, stack A)", nested
                + " (nested stack Child of B.template.json)", out.resolve("B.template.json")
                + " (CloudFormation template, stack B)"), c.sources(), "two stacks: each named");

        Path empty = Files.createDirectories(dir.resolve("empty.out"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(empty), List.of(),
                new ChangeReader.Inputs(Map.of(), Map.of(), Map.of(), Map.of(), java.util.Set.of(), false)));
        assertEquals(empty.toString(), e.source());
        assertEquals("[no *.template.json in this folder (expected a CDK output folder, cdk.out)]", problems(e));
    }

    /**
     * A nesting past Jackson's limit crashed (no location: a stack trace, exit 1), and a YAML line of many MB ran for
     * minutes (a re-check of the safety review): both are one line now.
     */
    @Test
    void aDeepNestingAndAHugeLineAreOneLineEach() throws Exception {
        assertTrue(failure(file("nest.json", "[".repeat(200_000))).startsWith("malformed JSON: nested deeper than 1,000 levels"),
                failure(file("nest2.json", "[".repeat(200_000))));
        assertEquals("line 2 is longer than 8192 KiB: no template has such a line (is it the right file?)",
                failure(file("long.yaml", "A: 1\nB: " + "a".repeat(9 << 20) + "\n")));
    }
}
