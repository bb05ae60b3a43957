package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.TestFiles;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stack each of several templates is read as (logical ids are per stack), as a user sees it in the gate's
 * sources, its notes and its messages: a CDK stack named as its manifest names it unless another template has that
 * name, templates sharing a file and a folder name told apart by their paths, --stack-name that a CDK stack does not
 * take, a --parameters TEMPLATE= naming none of them, a pseudo parameter given to all, a key none declares.
 */
class TemplateStackNamesTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return TestFiles.write(dir, name, text);
    }

    private static String function(String name) {
        return "{\"Resources\": {\"Fn\": {\"Type\": \"AWS::Lambda::Function\", \"Properties\": {\"FunctionName\": \""
                + name + "\", \"Runtime\": \"python3.12\", \"Handler\": \"index.handler\", \"Role\": \"r\","
                + " \"Code\": {\"ZipFile\": \"x\"}}}}}";
    }

    private static ChangeReader.Inputs inputs(Map<String, String> parameters, Map<String, String> pseudo,
            Map<String, Map<String, String>> stackParameters) {
        return new ChangeReader.Inputs(parameters, Map.of(), pseudo, Map.of(), Set.of(), false, stackParameters);
    }

    /** cdk.out: A named B (B's own file name), B named prod-b, C named orders (orders.yaml's name); and orders.yaml. */
    private List<Path> cdkAndOrders() throws Exception {
        write("cdk.out/manifest.json", "{\"version\": \"36.0.0\", \"artifacts\": {"
                + "\"A\": {\"type\": \"aws:cloudformation:stack\", \"properties\": {\"templateFile\": \"A.template.json\","
                + " \"stackName\": \"B\"}},"
                + "\"B\": {\"type\": \"aws:cloudformation:stack\", \"properties\": {\"templateFile\": \"B.template.json\","
                + " \"stackName\": \"prod-b\"}},"
                + "\"C\": {\"type\": \"aws:cloudformation:stack\", \"properties\": {\"templateFile\": \"C.template.json\","
                + " \"stackName\": \"orders\"}}}}");
        write("cdk.out/A.template.json", function("fn-a"));
        write("cdk.out/B.template.json", function("fn-b"));
        write("cdk.out/C.template.json", function("fn-c"));
        return List.of(dir.resolve("cdk.out"), write("orders.yaml", function("fn-orders")));
    }

    @Test
    void aCdkStackTakesItsManifestsNameUnlessATemplateNotOfTheAppHasIt() throws Exception {
        List<Path> given = cdkAndOrders();
        Path out = dir.resolve("cdk.out");
        Change c = ChangeReader.read(given, List.of(), inputs(Map.of(), Map.of(), Map.of()));
        assertEquals(List.of(out.resolve("A.template.json") + " (CloudFormation template, stack B)",
                out.resolve("B.template.json") + " (CloudFormation template, stack prod-b)",
                out.resolve("C.template.json") + " (CloudFormation template, stack C)",
                given.get(1) + " (CloudFormation template, stack orders)"), c.sources(),
                "A takes B, the name of another stack of the app (which is prod-b); C keeps its file's name: orders"
                        + " is orders.yaml's");
        assertEquals(List.of(), c.notes().stream().filter(n -> n.startsWith("--stack-name")).toList());
    }

    @Test
    void stackNameIsSaidNotToBeUsedForEachCdkStackNamedOtherwise() throws Exception {
        List<Path> given = cdkAndOrders();
        Path out = dir.resolve("cdk.out");
        Change c = ChangeReader.read(given, List.of(), inputs(Map.of(), Map.of("AWS::StackName", "prod-b"), Map.of()));
        assertEquals(List.of("--stack-name prod-b is not used for " + out.resolve("A.template.json") + ": its CDK"
                + " manifest (manifest.json) names its stack B", "--stack-name prod-b is not used for "
                + out.resolve("C.template.json") + ": its CDK manifest (manifest.json) names its stack orders"),
                c.notes().stream().filter(n -> n.startsWith("--stack-name")).toList());
    }

    @Test
    void parametersForATemplateNotGivenListTheNamesOfThoseGiven() throws Exception {
        List<Path> given = cdkAndOrders();
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(given, List.of(),
                inputs(Map.of(), Map.of(), Map.of("payments", Map.of("Stage", "prod")))));
        assertEquals("--parameters", e.source());
        assertEquals("[payments: no template given with --template is called that (expected one as given, a file"
                + " of it, its file name or its stack's name: B, prod-b, orders, orders)]", e.problems().toString(),
                "each template by its stack's name, a CDK stack's its manifest's");
    }

    @Test
    void templatesSharingTheirFileAndFolderNamesAreStacksNamedByTheirPaths() throws Exception {
        Path one = write("one/svc/template.yaml", function("fn-one"));
        Path two = write("two/svc/template.yaml", function("fn-two"));
        Change c = ChangeReader.read(List.of(one, two), List.of(), inputs(Map.of(), Map.of(), Map.of()));
        assertEquals(List.of(one + " (CloudFormation template, stack " + dir.resolve("one/svc/template") + ")",
                two + " (CloudFormation template, stack " + dir.resolve("two/svc/template") + ")"), c.sources());
    }

    @Test
    void aPseudoParameterGivenInParametersIsEveryTemplates() throws Exception {
        Path a = write("a.yaml", "Resources:\n" + Templates.function("Fn", "!Sub 'a-${AWS::Region}'", ""));
        Path b = write("b.yaml", "Resources:\n" + Templates.function("Fn", "!Sub 'b-${AWS::Region}'", ""));
        Change c = ChangeReader.read(List.of(a, b), List.of(), inputs(Map.of("AWS::Region", "eu-west-1"), Map.of(),
                Map.of()));
        assertEquals(List.of("a-eu-west-1", "b-eu-west-1"), c.functions().stream().map(Change.Function::name)
                .toList());
    }

    @Test
    void aKeyNoneOfSeveralTemplatesDeclaresIsRefusedByItsName() throws Exception {
        Path a = write("a.yaml", "Parameters:\n  Stage: { Type: String, Default: dev }\nResources:\n"
                + Templates.function("Fn", "a-fn", ""));
        Path b = write("b.yaml", "Resources:\n" + Templates.function("Fn", "b-fn", ""));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(a, b), List.of(),
                inputs(Map.of("Stage", "prod", "Memory", "512"), Map.of(), Map.of())));
        assertEquals("--parameters", e.source());
        assertEquals("[Memory: --parameters gives Memory, which none of the 2 templates declares (declared: Stage);"
                + " give a template's own with --parameters TEMPLATE=FILE]", e.problems().toString());
    }

    @Test
    void anUnreadableTemplateAmongOthersIsItsOneProblem() throws Exception {
        Path bad = write("bad.yaml", "Resources: [1,\n");
        Path good = write("good.yaml", "Resources:\n" + Templates.function("Fn", "good-fn", ""));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(bad, good),
                List.of(), inputs(Map.of(), Map.of(), Map.of())));
        assertEquals(List.of(bad.toString()), e.parts().stream().map(ScenarioException::source).toList());
        assertEquals(1, e.problems().size(), e.problems().toString());
        ScenarioException twice = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(bad, good,
                bad), List.of(), inputs(Map.of(), Map.of(), Map.of())));
        assertEquals(e.problems(), twice.problems(), "given twice, its problem said once");
    }

    @Test
    void theSameTemplateGivenTwiceIsOneStackNamedByItsPathAndItsFunctionsSaidTwice() throws Exception {
        Path t = write("svc.yaml", "Resources:\n" + Templates.function("Fn", "svc-fn", ""));
        Change c = ChangeReader.read(List.of(t, t), List.of(), inputs(Map.of(), Map.of(), Map.of()));
        String read = t + " (CloudFormation template, stack " + dir.resolve("svc") + ")";
        assertEquals(List.of(read, read), c.sources());
        assertEquals(1, c.notes().stream().filter(n -> n.startsWith("function svc-fn is defined twice")).count(),
                c.notes().toString());
    }
}
