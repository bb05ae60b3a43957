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

/**
 * A template's problem is said with where a parameter's value was given only when the parameter is used at, inside or
 * around the problem's path: a path that merely begins with the problem's (the resource {@code NetworkSubnet} beside
 * the nested stack {@code Network}) is another resource's. Session 54: PIT's open survivor of {@code
 * Intrinsics.inside} (line 287, {@code charAt == '.'} taken as true: any path that begins with another was inside it).
 */
class ParameterOriginOfLookalikePathsTest {

    @TempDir
    Path dir;

    @Test
    void aNestedStacksProblemIsNotSaidWithTheParameterOfAResourceWhoseIdBeginsWithItsId() throws Exception {
        Files.writeString(dir.resolve("network.yaml"), "Resources: [unclosed\n");
        Path t = Files.writeString(dir.resolve("t.yaml"), """
                Parameters:
                  Cidr: { Type: String }
                Resources:
                  NetworkSubnet:
                    Type: AWS::EC2::Subnet
                    Properties: { VpcId: vpc-0a1b2c3d4e5f60718, CidrBlock: !Ref Cidr, AvailabilityZone: us-east-1a }
                  Network:
                    Type: AWS::CloudFormation::Stack
                    Properties: { TemplateURL: network.yaml }
                """);
        ChangeReader.Inputs in = new ChangeReader.Inputs(Map.of("Cidr", "10.0.9.0/24"), Map.of(), Map.of(),
                Map.of(ChangeReaderTest.A, "vpc-0a1b2c3d4e5f60718"), Set.of(), false, Map.of(),
                Map.of("Cidr", new ChangeReader.Origin("params.json", "Parameters.Cidr", "Parameters.Cidr", false)),
                Map.of());
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(t), List.of(),
                in));
        List<String> problems = e.parts().stream().flatMap(p -> p.problems().stream()).map(Object::toString)
                .toList();
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("Resources.Network: nested stack network.yaml: "), problems.toString());
        assertTrue(!problems.get(0).contains("parameter Cidr"), "Cidr is NetworkSubnet's, not the nested stack's: "
                + problems);
    }
}
