package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CloudFormation's intrinsic functions one by one, as {@link Intrinsics} evaluates them in a template written in
 * YAML's short forms (read through {@link TemplateFile}, as the gate reads one): what each gives when its inputs are
 * known, that an unknown input spreads as an unresolved value saying how to give it, and that a template
 * CloudFormation would refuse is a problem naming the path.
 */
class IntrinsicsTest {

    private static final String TEMPLATE = """
            Parameters:
              Stage: { Type: String, Default: prod }
              Subnets: { Type: 'List<AWS::EC2::Subnet::Id>', Default: ' subnet-a , subnet-b,' }
              Groups: { Type: CommaDelimitedList, Default: 'sg-1,sg-2' }
              NoDefault: { Type: String }
              FromSsm: { Type: 'AWS::SSM::Parameter::Value<String>', Default: /vpc/subnets }
              Count: { Type: Number, Default: 3 }
            Mappings:
              Sizes: { prod: { memory: 1024 }, dev: { memory: 128 } }
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              IsDev: !Equals [dev, !Ref Stage]
              NotProd: !Not [!Condition IsProd]
              ProdAndDev: !And [!Condition IsProd, !Condition IsDev]
              ProdOrDev: !Or [!Condition IsDev, !Condition IsProd]
              Unknown: !Equals [!Ref NoDefault, x]
              UnknownOrProd: !Or [!Condition Unknown, !Condition IsProd]
              Loop: !Not [!Condition Loop]
              WrongEquals: !Equals [a]
              WrongNot: !Not [a, b]
              AllTrue: !And [!Condition IsProd, !Equals [a, a], !Condition NotDev]
              NotDev: !Not [!Condition IsDev]
              AllFalse: !Or [!Condition IsDev, !Equals [a, b]]
              NotAList: !And x
            Resources:
              Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: 10.0.0.0/16 } }
              Sub: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: !Ref Vpc } }
              Sg: { Type: 'AWS::EC2::SecurityGroup', Properties: { VpcId: !GetAtt Vpc.VpcId } }
              Db: { Type: 'AWS::RDS::DBInstance' }
            """;

    @TempDir
    Path dir;

    private final List<Problem> problems = new ArrayList<>();

    private Intrinsics intrinsics(Map<String, String> given, Map<String, String> exports, Map<String, String> pseudo)
            throws Exception {
        JsonNode t = TemplateFile.read(Files.writeString(dir.resolve("t.yaml"), TEMPLATE));
        return new Intrinsics(t, given, exports, pseudo, problems);
    }

    private Intrinsics intrinsics() throws Exception {
        return intrinsics(Map.of(), Map.of("net-subnets", "subnet-x,subnet-y"), Map.of("AWS::Region", "eu-west-1"));
    }

    /** The value of a YAML snippet (short forms) with its functions evaluated. */
    private JsonNode eval(Intrinsics x, String yaml) throws Exception {
        JsonNode v = TemplateFile.read(Files.writeString(dir.resolve("v.yaml"), "V: " + yaml + "\n")).get("V");
        return x.resolve(v, "V");
    }

    private JsonNode eval(String yaml) throws Exception {
        return eval(intrinsics(), yaml);
    }

    private static String what(JsonNode unresolved) {
        assertTrue(Intrinsics.isUnresolved(unresolved), "unresolved: " + unresolved);
        return unresolved.get(Intrinsics.UNRESOLVED).asText() + " | " + unresolved.get(Intrinsics.HOW).asText();
    }

    /** Nothing reported as a problem so far: what the test evaluated is a valid template's. */
    private void noProblems() {
        assertTrue(problems.isEmpty(), problemTexts().toString());
    }

    private List<String> problemTexts() {
        return problems.stream().map(Problem::toString).toList();
    }

    @Test
    void parametersTakeTheirDefaultOrTheValueGivenListsSplitAndStripped() throws Exception {
        Intrinsics x = intrinsics();
        assertEquals("prod", eval(x, "!Ref Stage").asText());
        assertEquals("[\"subnet-a\",\"subnet-b\"]", eval(x, "!Ref Subnets").toString(),
                "a List<> parameter: split at commas, blanks stripped, empty parts dropped");
        assertEquals("[\"sg-1\",\"sg-2\"]", eval(x, "!Ref Groups").toString());
        assertEquals("3", eval(x, "!Ref Count").asText());
        noProblems();

        Intrinsics given = intrinsics(Map.of("Stage", "dev", "Subnets", "subnet-z", "FromSsm", "subnet-s",
                "NoDefault", "n"), Map.of(), Map.of());
        assertEquals("dev", eval(given, "!Ref Stage").asText());
        assertEquals("[\"subnet-z\"]", eval(given, "!Ref Subnets").toString());
        assertEquals("parameter FromSsm (AWS::SSM::Parameter::Value<String>) is the SSM parameter subnet-s (given in"
                + " --parameters), whose value CloudFormation reads from SSM Parameter Store at deployment | the gate"
                + " cannot read Parameter Store: a value in --parameters is the SSM parameter's name, not its value;"
                + " --allow-unsimulated passes without what depends on it", what(eval(given, "!Ref FromSsm")),
                "an SSM parameter given in --parameters: its name, not its value (it was taken as the value)");
        assertEquals("n", eval(given, "!Ref NoDefault").asText());
        noProblems();
    }

    @Test
    void aParameterWithoutAValueOrReadFromSsmIsUnresolvedAndSaysHowToGiveIt() throws Exception {
        Intrinsics x = intrinsics();
        assertEquals("parameter NoDefault (String) has no value and no Default | give it with --parameters",
                what(eval(x, "!Ref NoDefault")));
        assertEquals("parameter FromSsm (AWS::SSM::Parameter::Value<String>) is the SSM parameter /vpc/subnets, whose"
                + " value CloudFormation reads from SSM Parameter Store at deployment | the gate cannot read Parameter"
                + " Store: a value in --parameters is the SSM parameter's name, not its value; --allow-unsimulated"
                + " passes without what depends on it", what(eval(x, "!Ref FromSsm")));
        assertTrue(problems.isEmpty(), "not a problem: a value to give");
    }

    @Test
    void aParameterGivenThatTheTemplateDoesNotDeclareIsAProblemNamingTheDeclaredOnes() throws Exception {
        intrinsics(Map.of("Stages", "x"), Map.of(), Map.of());
        assertEquals(List.of("Parameters: --parameters gives Stages, which the template does not declare (declared:"
                + " Count, FromSsm, Groups, NoDefault, Stage, Subnets)"), problemTexts());
    }

    @Test
    void refsToPseudoParametersResourcesAndNoValue() throws Exception {
        Intrinsics x = intrinsics();
        assertEquals("eu-west-1", eval(x, "!Ref AWS::Region").asText());
        assertEquals("pseudo parameter AWS::StackName | give it with --stack-name / --region, or as --parameters"
                + " AWS::StackName=VALUE", what(eval(x, "!Ref AWS::StackName")));
        assertEquals("Sg", eval(x, "!Ref Sg").asText(), "a resource's logical id stands for its id");
        assertEquals("[\"a\",\"b\"]", eval(x, "[a, !Ref 'AWS::NoValue', b]").toString(),
                "AWS::NoValue leaves a list");
        assertEquals("{\"Keep\":1}", eval(x, "{ Keep: 1, Drop: !Ref 'AWS::NoValue' }").toString(),
                "and an object");
        noProblems();
        assertEquals("Ref to undeclared Nothing | fix the template", what(eval(x, "!Ref Nothing")));
        assertEquals(List.of("V.Ref: Ref to 'Nothing', which is neither a parameter nor a resource of this template"),
                problemTexts());
    }

    @Test
    void getAttGivesTheIdOfANetworkResourceOfTheTemplateAndNothingElse() throws Exception {
        Intrinsics x = intrinsics();
        assertEquals("Sg", eval(x, "!GetAtt Sg.GroupId").asText());
        assertEquals("Sub", eval(x, "{ 'Fn::GetAtt': [Sub, SubnetId] }").asText(), "the long form, a list");
        assertEquals("Vpc", eval(x, "{ 'Fn::GetAtt': Vpc.VpcId }").asText(), "the long form, a dotted string");
        assertEquals("Sg.VpcId | known only after deployment", what(eval(x, "!GetAtt Sg.VpcId")));
        assertEquals("Db.Endpoint.Address | known only after deployment", what(eval(x, "!GetAtt Db.Endpoint.Address")),
                "an attribute with dots: split at the first");
        noProblems();
        assertEquals("GetAtt of undeclared Nope | fix the template", what(eval(x, "!GetAtt Nope.GroupId")));
        what(eval(x, "{ 'Fn::GetAtt': [Sg] }"));
        what(eval(x, "{ 'Fn::GetAtt': Sg }"));
        assertEquals(List.of("V: GetAtt of 'Nope', which is not a resource of this template",
                "V.Fn::GetAtt: expected [RESOURCE, ATTRIBUTE] or \"RESOURCE.ATTRIBUTE\"",
                "V.Fn::GetAtt: expected [RESOURCE, ATTRIBUTE] or \"RESOURCE.ATTRIBUTE\""), problemTexts());
    }

    @Test
    void subReplacesParametersPseudoParametersAttributesAndItsOwnVariables() throws Exception {
        Intrinsics x = intrinsics();
        assertEquals("prod-eu-west-1-Sg-${Literal}", eval(x, "!Sub '${Stage}-${AWS::Region}-${Sg.GroupId}-${!Literal}'")
                .asText());
        assertEquals("subnet-a,subnet-b", eval(x, "!Sub '${Subnets}'").asText(), "a list parameter: joined by commas");
        assertEquals("v1-prod/a$1", eval(x, "!Sub ['${Name}-${Stage}/${Odd}', { Name: v1, Odd: a$1 }]").asText(),
                "variables of its own first, replacement text taken literally");
        assertEquals("x-Sg", eval(x, "!Sub ['${A}', { A: !Sub 'x-${Sg}' }]").asText(), "a variable evaluated");
        assertEquals("no variables", eval(x, "!Sub no variables").asText());
        noProblems();
        assertEquals("parameter NoDefault (String) has no value and no Default | give it with --parameters",
                what(eval(x, "!Sub 'a-${NoDefault}'")), "an unresolved part spreads");
        what(eval(x, "{ 'Fn::Sub': 3 }"));
        assertEquals(List.of("V.Fn::Sub: expected a string or [STRING, {VARIABLES}]"), problemTexts());
    }

    @Test
    void importValueReadsTheExportsGiven() throws Exception {
        Intrinsics x = intrinsics();
        assertEquals("subnet-x,subnet-y", eval(x, "!ImportValue net-subnets").asText());
        assertEquals("[\"subnet-x\",\"subnet-y\"]", eval(x, "!Split [',', !ImportValue net-subnets]").toString(),
                "the usual way to import a list");
        assertEquals("subnet-x,subnet-y", eval(intrinsics(Map.of("Stage", "net"), Map.of("net-subnets", "subnet-x,"
                + "subnet-y"), Map.of()), "{ 'Fn::ImportValue': !Sub '${Stage}-subnets' }").asText(),
                "a name built with Sub");
        assertEquals("export other-subnets (another stack's output) | give `aws cloudformation list-exports` output"
                + " with --exports", what(eval(x, "!ImportValue other-subnets")));
        assertEquals("parameter NoDefault (String) has no value and no Default | give it with --parameters",
                what(eval(x, "!ImportValue { 'Fn::Sub': '${NoDefault}-x' }")), "an unresolved name spreads");
        noProblems();
    }

    @Test
    void conditionsEvaluateEqualsNotAndOrAndOtherConditions() throws Exception {
        Intrinsics x = intrinsics();
        assertEquals(Boolean.TRUE, x.condition("IsProd", "c"));
        assertEquals(Boolean.FALSE, x.condition("IsDev", "c"));
        assertEquals(Boolean.FALSE, x.condition("NotProd", "c"));
        assertEquals(Boolean.FALSE, x.condition("ProdAndDev", "c"));
        assertEquals(Boolean.TRUE, x.condition("ProdOrDev", "c"));
        assertEquals(Boolean.TRUE, x.condition("AllTrue", "c"), "an And of three true ones");
        assertEquals(Boolean.FALSE, x.condition("AllFalse", "c"), "an Or of two false ones");
        noProblems();

        Intrinsics dev = intrinsics(Map.of("Stage", "dev"), Map.of(), Map.of());
        assertEquals(Boolean.FALSE, dev.condition("IsProd", "c"));
        assertEquals(Boolean.TRUE, dev.condition("IsDev", "c"));
        assertEquals(Boolean.TRUE, dev.condition("NotProd", "c"));
        assertEquals(Boolean.FALSE, dev.condition("ProdAndDev", "c"));
        assertEquals(Boolean.TRUE, dev.condition("ProdOrDev", "c"));
        noProblems();
    }

    @Test
    void aConditionOnAnUnknownValueIsUnknownAndSpreads() throws Exception {
        Intrinsics x = intrinsics();
        assertNull(x.condition("Unknown", "c"));
        assertNull(x.condition("UnknownOrProd", "c"), "an Or of an unknown and a true one is not evaluated");
        assertEquals("condition Unknown depends on unresolved values: parameter NoDefault (String) has no value and"
                + " no Default | give it with --parameters", what(eval(x, "!Condition Unknown")),
                "what it depends on, and how to give that");
        assertEquals("condition Unknown (Fn::If) depends on unresolved values: parameter NoDefault (String) has no"
                + " value and no Default | give it with --parameters", what(eval(x, "!If [Unknown, a, b]")));
        noProblems();
    }

    @Test
    void conditionsCloudFormationRefusesAreProblems() throws Exception {
        Intrinsics x = intrinsics();
        assertNull(x.condition("Loop", "c"));
        assertNull(x.condition("Missing", "Resources.A.Condition"));
        assertNull(x.condition("WrongEquals", "c"));
        assertNull(x.condition("WrongNot", "c"));
        assertNull(x.condition("NotAList", "c"));
        assertEquals(List.of("Conditions.Loop: the condition refers to itself",
                "Resources.A.Condition: condition 'Missing' is not declared under Conditions",
                "Conditions.WrongEquals.Fn::Equals: expected [VALUE, VALUE]",
                "Conditions.WrongNot.Fn::Not: expected [CONDITION]",
                "Conditions.NotAList.Fn::And: expected a list"), problemTexts());
    }

    @Test
    void ifTakesTheBranchItsConditionSaysAndNoValueRemovesTheProperty() throws Exception {
        Intrinsics x = intrinsics();
        assertEquals("big", eval(x, "!If [IsProd, big, small]").asText());
        assertEquals("small", eval(x, "!If [IsDev, big, small]").asText());
        assertEquals("{}", eval(x, "{ VpcConfig: !If [IsDev, { SubnetIds: [a] }, !Ref 'AWS::NoValue'] }").toString(),
                "the SAR templates' optional VpcConfig, left out");
        assertEquals("{\"VpcConfig\":{\"SubnetIds\":[\"subnet-a\",\"subnet-b\"]}}", eval(x, "{ VpcConfig: !If [IsProd,"
                + " { SubnetIds: !Ref Subnets }, !Ref 'AWS::NoValue'] }").toString());
        noProblems();
        what(eval(x, "!If [IsProd, a]"));
        what(eval(x, "!If [[IsProd], a, b]"));
        assertEquals(List.of("V.Fn::If: expected [CONDITION, VALUE_IF_TRUE, VALUE_IF_FALSE]",
                "V.Fn::If: expected [CONDITION, VALUE_IF_TRUE, VALUE_IF_FALSE]"), problemTexts());
    }

    @Test
    void splitJoinSelectAndFindInMap() throws Exception {
        Intrinsics x = intrinsics();
        assertEquals("[\"a\",\"\",\"b.c\"]", eval(x, "!Split ['|', 'a||b.c']").toString(),
                "the delimiter taken literally, empty parts kept");
        assertEquals("a.b.Sg", eval(x, "!Join ['.', [a, b, !Ref Sg]]").toString().replace("\"", ""));
        assertEquals("subnet-a;subnet-b", eval(x, "!Join [';', !Ref Subnets]").asText(), "a whole list parameter");
        assertEquals("a-c", eval(x, "!Join ['-', [a, !Ref 'AWS::NoValue', c]]").asText());
        assertEquals("subnet-b", eval(x, "!Select [1, !Ref Subnets]").asText());
        assertEquals("subnet-a", eval(x, "!Select ['0', !Ref Subnets]").asText(), "an index as a string");
        assertEquals("1024", eval(x, "!FindInMap [Sizes, !Ref Stage, memory]").asText());
        noProblems();

        what(eval(x, "!Select [2, !Ref Subnets]"));
        what(eval(x, "!Select [-1, [a]]"));
        what(eval(x, "!FindInMap [Sizes, test, memory]"));
        what(eval(x, "!Split [',']"));
        what(eval(x, "!Join [',', a]"));
        what(eval(x, "!Select [0]"));
        what(eval(x, "!FindInMap [Sizes, prod]"));
        assertEquals(List.of("V.Fn::Select: index 2 is outside the list [\"subnet-a\",\"subnet-b\"]",
                "V.Fn::Select: index -1 is outside the list [\"a\"]",
                "V.Fn::FindInMap: no mapping Sizes.test.memory",
                "V.Fn::Split: expected [DELIMITER, STRING]",
                "V.Fn::Join: expected [DELIMITER, [VALUES]]",
                "V.Fn::Select: expected [INDEX, LIST]",
                "V.Fn::FindInMap: expected [MAP, KEY, KEY]"), problemTexts());
    }

    @Test
    void unresolvedValuesSpreadThroughEveryFunction() throws Exception {
        Intrinsics x = intrinsics();
        String noDefault = "parameter NoDefault (String) has no value and no Default | give it with --parameters";
        assertEquals(noDefault, what(eval(x, "!Split [',', !Ref NoDefault]")));
        assertEquals(noDefault, what(eval(x, "!Join [',', [a, !Ref NoDefault]]")));
        assertEquals(noDefault, what(eval(x, "!Select [0, !Split [',', !Ref NoDefault]]")));
        assertEquals(noDefault, what(eval(x, "!FindInMap [Sizes, !Ref NoDefault, memory]")));
        assertEquals(noDefault, what(eval(x, "!Equals [!Ref NoDefault, a]")), "the value it compares");
        assertEquals("the Availability Zones of the Region (Fn::GetAZs) | known only at deployment; the gate names"
                + " them after the subnet", what(eval(x, "!Select [0, !GetAZs '']")));
        assertEquals("Fn::Cidr is not evaluated by enisim | its value is known only at deployment",
                what(eval(x, "!Cidr [10.0.0.0/16, 4, 8]")));
        assertEquals("'{{resolve:ssm:/vpc/subnet}}' is a dynamic reference, resolved at deployment | give the value it"
                + " resolves to with --parameters, through a parameter", what(eval(x, "'{{resolve:ssm:/vpc/subnet}}'")));
        noProblems();
    }

    @Test
    void aPlainObjectOrScalarIsItselfAndTheResultNeverChangesTheTemplate() throws Exception {
        Intrinsics x = intrinsics();
        assertEquals("{\"Ref\":\"Sg\",\"Other\":1}", eval(x, "{ Ref: Sg, Other: 1 }").toString(),
                "two keys: not a function");
        assertEquals("{\"Condition\":[\"IsProd\"]}", eval(x, "{ Condition: [IsProd] }").toString(),
                "Condition with a list: a property, not the function");
        assertEquals(7, eval(x, "7").asInt());
        assertNull(x.resolve(null, "V"));
        assertFalse(Intrinsics.isUnresolved(null));
        assertFalse(Intrinsics.isNoValue(null));
        assertFalse(Intrinsics.isUnresolved(eval(x, "{ a: 1 }")));
        assertFalse(Intrinsics.isNoValue(eval(x, "{ a: 1 }")));
        noProblems();
    }
}
