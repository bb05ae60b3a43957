package dev.enisim.iac;

import static dev.enisim.iac.ChangeReaderTest.A;
import static dev.enisim.iac.ChangeReaderTest.B;
import static dev.enisim.iac.ChangeReaderTest.fn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The structure of what the gate reads, at its edges: Fn::ForEach loops in shapes CloudFormation refuses, a
 * whole-list parameter written inside a list (CloudFormation flattens it), a stack read together with others keeping
 * its versions' provisioned concurrency, a YAML mistake said at the line and column where it is, the gate's own
 * YAML files (rules) read as a tree, a text plan's first line quoted whole up to 60 characters. Session 48: PIT's
 * survivors of {@code ForEach.into}, {@code CloudFormation.ids}, {@code Intrinsics.local}, {@code ChangeReader.tree}
 * (session 46's run) and {@code TemplateFile.readPlan} (session 48's); {@code TemplateFile.yaml}'s problem mark, which
 * no other test of the row reaches since plans are read as JSON only.
 */
class TemplateStructureEdgesTest {

    @TempDir
    Path dir;

    private static ChangeReader.Inputs account() {
        return new ChangeReader.Inputs(Map.of(), Map.of(), Map.of(), Map.of(A, "vpc-1", B, "vpc-1"), Set.of(),
                false);
    }

    private List<String> problems(String yaml) throws Exception {
        Path t = Files.writeString(dir.resolve("t.yaml"), yaml);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(t), List.of(),
                account()));
        return e.problems().stream().map(Object::toString).toList();
    }

    @Test
    void loopsInShapesCloudFormationRefusesAreProblemsAtTheirPath() throws Exception {
        String fragment = "{'Sub${S}': {Type: 'AWS::EC2::Subnet', Properties: {VpcId: vpc-1, CidrBlock: 10.0.0.0/24}}}";
        String template = """
                Transform: AWS::LanguageExtensions
                Resources:
                  Fn::ForEach::NumberId: [1, [a, b], %s]
                  Fn::ForEach::ListFragment: [S, [a, b], [x]]
                  Fn::ForEach::TwoItems: [S, [a, b]]
                  Fn::ForEach::NotAList: S
                """.formatted(fragment);
        String shape = ": expected [Identifier, Collection, {OutputKey: Fragment}]";
        assertEquals(List.of("Resources.Fn::ForEach::NumberId" + shape, "Resources.Fn::ForEach::ListFragment" + shape,
                "Resources.Fn::ForEach::TwoItems" + shape, "Resources.Fn::ForEach::NotAList" + shape),
                problems(template));
    }

    @Test
    void aWholeListParameterInsideAListIsFlattened() throws Exception {
        Path t = Files.writeString(dir.resolve("t.yaml"), """
                Parameters:
                  Subnets: { Type: 'List<AWS::EC2::Subnet::Id>', Default: '%s,%s' }
                Resources:
                """.formatted(A, B) + Templates.function("Api", "api",
                "      VpcConfig: { SubnetIds: [!Ref Subnets], SecurityGroupIds: [sg-1] }\n"));
        Change.Function f = fn(ChangeReader.read(List.of(t), List.of(), account()), "api");
        assertEquals(List.of(A, B), f.subnets());
    }

    @Test
    void aStackReadWithOthersKeepsItsVersionsProvisionedConcurrency() throws Exception {
        Path api = Files.writeString(dir.resolve("api.yaml"), "Resources:\n" + Templates.function("Api", "api", "")
                + """
                  ApiVersion:
                    Type: AWS::Lambda::Version
                    Properties:
                      FunctionName: !Ref Api
                      ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 4 }
                """);
        Path other = Files.writeString(dir.resolve("other.yaml"), "Resources:\n" + Templates.function("Api", "other",
                ""));
        Change c = ChangeReader.read(List.of(api, other), List.of(), account());
        assertEquals(4, fn(c, "api").provisioned(), "its version names it by its logical id, in stack api's namespace");
        assertEquals(true, fn(c, "api").publishes());
        assertEquals(0, fn(c, "other").provisioned(), "the other stack's Api is another function");
    }

    @Test
    void aYamlMistakeIsSaidAtItsLineAndColumn() throws Exception {
        Path t = Files.writeString(dir.resolve("t.yaml"), "Resources:\n  Api:\n    Type: AWS::Lambda::Function: x\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(t), List.of(),
                account()));
        assertEquals(List.of(": malformed YAML at line 3, column 32: mapping values are not allowed here"),
                e.problems().stream().map(p -> p.path() + ": " + p.message()).toList());
    }

    /**
     * A text plan's first line is quoted as a trace's cell is: whole up to 8 characters, else its first 4 and its
     * length. 60 characters were quoted until the sixtieth pass: a credentials file given as the plan had a token
     * put on the terminal, in gate.md and in the step summary (a security review, fifty-ninth pass).
     */
    @Test
    void aTextPlansFirstLineIsQuotedAsATracesCellIs() throws Exception {
        Map<String, String> quoted = Map.of("no plan!", "'no plan!'", "no plan!!", "'no p...' (9 characters)",
                "# aws_lambda_function.orders_api_handler_v2 will be created!",
                "'# aw...' (60 characters)");
        for (Map.Entry<String, String> q : quoted.entrySet()) {
            Path plan = Files.writeString(dir.resolve("plan.txt"), q.getKey() + "\n  + resource {\n");
            ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(),
                    List.of(plan), account()));
            assertEquals(List.of("not JSON: it starts with " + q.getValue() + ", as `terraform plan` or `terraform"
                    + " show` print without -json; expected the output of `terraform show -json plan.out`"),
                    e.problems().stream().map(Object::toString).toList(), q.getKey());
        }
    }

    @Test
    void theGatesOwnYamlFilesAreReadAsTemplatesAre() throws Exception {
        JsonNode rules = ChangeReader.tree(Files.writeString(dir.resolve("rules.yaml"), "- a\n- b\n"));
        assertEquals("[\"a\",\"b\"]", rules.toString());
    }
}
