package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
 * The edges of CloudFormation's intrinsic functions a user's template meets: Fn::GetAZs of a Region not given says
 * to give the Region, Fn::Split and Fn::Not in shapes CloudFormation refuses are problems at their path, a problem in
 * Fn::If's chosen branch is said at that branch, GetAtt of a subnet's SubnetId or a VPC's VpcId stands for it. Session
 * 48: PIT's survivors of {@code Intrinsics.listFunction}, {@code logic}, {@code iff} and {@code getAtt} (session 46's
 * run).
 */
class IntrinsicsEdgesTest {

    private static final String TEMPLATE = """
            Parameters:
              Stage: { Type: String, Default: prod }
            Conditions:
              IsProd: !Equals [!Ref Stage, prod]
              NotAText: !Not [prod]
            Resources:
              Vpc: { Type: 'AWS::EC2::VPC', Properties: { CidrBlock: 10.0.0.0/16 } }
              Sub: { Type: 'AWS::EC2::Subnet', Properties: { VpcId: !GetAtt Vpc.VpcId } }
            """;

    @TempDir
    Path dir;

    private final List<Problem> problems = new ArrayList<>();

    private Intrinsics intrinsics(Map<String, String> pseudo) throws Exception {
        JsonNode t = TemplateFile.read(Files.writeString(dir.resolve("t.yaml"), TEMPLATE));
        return new Intrinsics(t, Map.of(), Map.of(), pseudo, problems);
    }

    private JsonNode eval(Intrinsics x, String yaml) throws Exception {
        JsonNode v = TemplateFile.read(Files.writeString(dir.resolve("v.yaml"), "V: " + yaml + "\n")).get("V");
        return x.resolve(v, "V");
    }

    private static String what(JsonNode unresolved) {
        assertTrue(Intrinsics.isUnresolved(unresolved), "unresolved: " + unresolved);
        return unresolved.get(Intrinsics.UNRESOLVED).asText() + " | " + unresolved.get(Intrinsics.HOW).asText();
    }

    private List<String> problemTexts() {
        return problems.stream().map(Problem::toString).toList();
    }

    @Test
    void theZonesOfARegionNotGivenAskForTheRegion() throws Exception {
        assertEquals("pseudo parameter AWS::Region | give it with --stack-name / --region, or as --parameters"
                + " AWS::Region=VALUE", what(eval(intrinsics(Map.of()), "!Select [0, !GetAZs {Ref: AWS::Region}]")),
                "what is missing is the Region, which the user can give");
        assertEquals("the Availability Zones of the Region (Fn::GetAZs) | known only at deployment; the gate names"
                + " them after the subnet", what(eval(intrinsics(Map.of("AWS::Region", "eu-west-1")),
                "!Select [0, !GetAZs {Ref: AWS::Region}]")), "the Region given: the zones themselves are not known");
        assertTrue(problems.isEmpty(), problemTexts().toString());
    }

    @Test
    void splitWithoutATextDelimiterOrOnOneStringIsRefused() throws Exception {
        Intrinsics x = intrinsics(Map.of());
        what(eval(x, "!Split [1, 'a1b']"));
        what(eval(x, "{'Fn::Split': 'a,b'}"));
        assertEquals(List.of("V.Fn::Split: expected [DELIMITER, STRING]", "V.Fn::Split: expected [DELIMITER, STRING]"),
                problemTexts());
    }

    @Test
    void notOfAValueThatIsNotAConditionIsRefused() throws Exception {
        Intrinsics x = intrinsics(Map.of());
        assertEquals(null, x.condition("NotAText", "c"));
        assertEquals(List.of("Conditions.NotAText.Fn::Not: expected [CONDITION]"), problemTexts());
    }

    @Test
    void aProblemInTheBranchFnIfChoosesIsSaidAtThatBranch() throws Exception {
        Intrinsics x = intrinsics(Map.of());
        what(eval(x, "!If [IsProd, !Ref Undeclared, ok]"));
        assertEquals(List.of("V.Fn::If[1].Ref: Ref to 'Undeclared', which is neither a parameter nor a resource of"
                + " this template"), problemTexts());
    }

    @Test
    void getAttOfASubnetsIdOrAVpcsIdStandsForThatResource() throws Exception {
        Intrinsics x = intrinsics(Map.of());
        assertEquals("Sub", eval(x, "!GetAtt Sub.SubnetId").asText());
        assertEquals("Vpc", eval(x, "!GetAtt Vpc.VpcId").asText());
        assertEquals("Sub.AvailabilityZone | known only after deployment", what(eval(x,
                "!GetAtt Sub.AvailabilityZone")), "another attribute: known only after deployment");
        assertEquals("Vpc.SubnetId | known only after deployment", what(eval(x, "!GetAtt Vpc.SubnetId")),
                "SubnetId of a VPC: not an id of it");
        assertTrue(problems.isEmpty(), problemTexts().toString());
    }
}
