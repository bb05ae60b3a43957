package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
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

/** Reading changes as a platform engineer's review found them misread: each passed silently before. */
class IacReviewFixesTest {

    @TempDir
    Path dir;

    private static String fn(String name, String subnet) {
        return Templates.function("Fn", name, "      VpcConfig: { SubnetIds: [" + subnet + "], SecurityGroupIds: [sg-1] }\n");
    }

    private static ChangeReader.Inputs inputs(Map<String, String> parameters, Map<String, String> pseudo) {
        return new ChangeReader.Inputs(parameters, Map.of(), pseudo, Map.of(ChangeReaderTest.A,
                "vpc-0a1b2c3d4e5f60718"), Set.of("orders-api"), false);
    }

    @Test
    void aJsonTemplateGivingAKeyTwiceIsRefusedAsAYamlOneIs() throws Exception {
        Path t = Files.writeString(dir.resolve("dup.json"), "{\"Resources\": {\"Fn\": {\"Type\":"
                + " \"AWS::Lambda::Function\", \"Properties\": {}}, \"Fn\": {\"Type\": \"AWS::S3::Bucket\"}}}");
        ScenarioException x = assertThrows(ScenarioException.class,
                () -> ChangeReader.read(List.of(t), List.of(), inputs(Map.of(), Map.of())));
        assertTrue(x.getMessage().contains("Duplicate field 'Fn'"), x.getMessage());
    }

    @Test
    void aParameterOutsideItsAllowedValuesIsRefusedAsCloudFormationWould() throws Exception {
        Path t = Files.writeString(dir.resolve("t.yaml"), "Parameters:\n  Stage: { Type: String, Default: dev,"
                + " AllowedValues: [dev, prod] }\nResources:\n" + fn("orders-api", ChangeReaderTest.A));
        ScenarioException x = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(t), List.of(),
                inputs(Map.of("Stage", "staging"), Map.of())));
        assertEquals("Parameters.Stage: --parameters gives 'staging', not one of its AllowedValues [dev, prod]"
                + " (CloudFormation would refuse the stack)", x.problems().get(0).toString());
        ChangeReader.read(List.of(t), List.of(), inputs(Map.of("Stage", "prod"), Map.of()));
        ChangeReader.read(List.of(t), List.of(), inputs(Map.of(), Map.of())); // the Default: allowed
    }

    @Test
    void aFunctionNameBuiltFromTheStackNameAsksForItInsteadOfSayingCloudFormationGeneratesOne() throws Exception {
        Path t = Files.writeString(dir.resolve("t.yaml"), "Resources:\n" + fn("!Sub \"${AWS::StackName}-api\"",
                ChangeReaderTest.A));
        Change c = ChangeReader.read(List.of(t), List.of(), inputs(Map.of(), Map.of()));
        assertTrue(c.placeholders().stream().anyMatch(p -> p.toString().contains("Resources.Fn.Properties"
                + ".FunctionName: not resolved: the function is called Fn here, so it is taken as a function the"
                + " change creates, not one of the account's (it is built from AWS::StackName: give --stack-name)")),
                c.placeholders().toString());
        assertTrue(c.notes().stream().noneMatch(n -> n.contains("CloudFormation generates")), c.notes().toString());
        Change named = ChangeReader.read(List.of(t), List.of(), inputs(Map.of(), Map.of("AWS::StackName", "orders")));
        assertEquals("orders-api", named.functions().get(0).name());
        assertEquals(Change.Action.UPDATE, named.functions().get(0).action());
    }

    @Test
    void aPlanCreatingAFunctionTheAccountHasSaysSo() throws Exception {
        String plan = Files.readString(ChangeReaderTest.IAC.resolve("tfplan-create.json"));
        Change c = ChangeReader.read(List.of(), List.of(ChangeReaderTest.IAC.resolve("tfplan-create.json")),
                new ChangeReader.Inputs(Map.of(), Map.of(), Map.of(), Map.of(ChangeReaderTest.A,
                        "vpc-0a1b2c3d4e5f60718", ChangeReaderTest.B, "vpc-0a1b2c3d4e5f60718"), Set.of("orders-api",
                        "notifier"), false));
        assertTrue(plan.contains("\"function_name\": \"notifier\"") || plan.contains("\"function_name\":\"notifier\""));
        assertEquals(Change.Action.UPDATE, c.functions().stream().filter(f -> f.name().equals("notifier"))
                .findFirst().orElseThrow().action());
        assertTrue(c.notes().stream().anyMatch(n -> n.contains("the plan creates notifier, but the account already"
                + " has a function of that name")), c.notes().toString());
    }

    @Test
    void anUnknownSubnetIsOneProblemNotAlsoZeroSubnets() throws Exception {
        Path t = Files.writeString(dir.resolve("t.yaml"), "Resources:\n" + fn("orders-api", "subnet-nowhere"));
        ScenarioException x = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(t), List.of(),
                inputs(Map.of(), Map.of())));
        assertEquals(1, x.problems().size(), x.problems().toString());
        assertTrue(x.problems().get(0).toString().contains("subnet 'subnet-nowhere'"), x.problems().toString());
    }

    @Test
    void aParameterKeptAtItsPreviousValueIsUnresolvedNotRefused() throws Exception {
        Path params = Files.writeString(dir.resolve("p.json"), "[{\"ParameterKey\": \"Sub\", \"UsePreviousValue\":"
                + " true}]");
        Path t = Files.writeString(dir.resolve("t.yaml"), "Parameters:\n  Sub: { Type: AWS::EC2::Subnet::Id }\n"
                + "Resources:\n" + fn("orders-api", "!Ref Sub"));
        Change c = ChangeReader.read(List.of(t), List.of(), inputs(ChangeReader.parameters(params), Map.of()));
        assertTrue(c.placeholders().stream().anyMatch(p -> p.toString().contains("parameter Sub keeps the stack's"
                + " previous value (UsePreviousValue)") && p.toString().contains("give its ParameterValue")),
                c.placeholders().toString());
        assertTrue(!c.functions().get(0).vpcKnown(), "its subnet is not known: not simulated, not guessed");
    }
}
