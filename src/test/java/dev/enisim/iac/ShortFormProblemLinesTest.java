package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review 54 (r7 section 8): {@code gt/bad2.yml: Resources.Fn.Properties.VpcConfig.SubnetIds[0].Ref: Ref to 'Nope' ...}
 * had no line while its neighbours had theirs: the path named the long form's key, which a short-form tag does not
 * write. Such a problem is now said at the path the file has, with the tag's line; a long form keeps its key.
 */
class ShortFormProblemLinesTest {

    @TempDir
    Path dir;

    private String problems(String name, String template) throws Exception {
        Path file = Files.writeString(dir.resolve(name), template);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(file), List.of(),
                new ChangeReader.Inputs(Map.of(), Map.of(), Map.of(), Map.of("subnet-a", "vpc-1"), Set.of(), false,
                        Map.of(), Map.of(), Map.of())));
        return e.getMessage().replace(file.toString(), name);
    }

    @Test
    void aShortFormRefIsSaidAtItsLine() throws Exception {
        assertEquals("""
                bad2.yml:7: Resources.Fn.Properties.VpcConfig.SubnetIds[0]: Ref to 'Nope', which is neither a parameter\
                 nor a resource of this template
                bad2.yml:7: Resources.Fn.Properties.VpcConfig.SecurityGroupIds: expected a list of ids, got 5
                bad2.yml:5: Resources.Fn.Properties.MemorySize: expected a whole number from 128 to 10240, got "lots"
                bad2.yml:6: Resources.Fn.Properties.ReservedConcurrentExecutions: expected a whole number from 0 to\
                 10000000, got -4""",
                problems("bad2.yml", """
                        Resources:
                          Fn:
                            Type: AWS::Lambda::Function
                            Properties:
                              MemorySize: lots
                              ReservedConcurrentExecutions: -4
                              VpcConfig: {SubnetIds: [!Ref Nope], SecurityGroupIds: 5}
                        """));
    }

    @Test
    void aLongFormKeepsItsKeyAndANestedShortFormIsSaidAsWritten() throws Exception {
        String said = problems("long.yaml", """
                Resources:
                  Fn:
                    Type: AWS::Lambda::Function
                    Properties:
                      VpcConfig:
                        SubnetIds:
                          - Ref: Nope
                          - !Select [0, !Ref Gone]
                        SecurityGroupIds: [sg-1]
                """);
        assertEquals("""
                long.yaml:7: Resources.Fn.Properties.VpcConfig.SubnetIds[0].Ref: Ref to 'Nope', which is neither a\
                 parameter nor a resource of this template
                long.yaml:8: Resources.Fn.Properties.VpcConfig.SubnetIds[1][1]: Ref to 'Gone', which is neither a\
                 parameter nor a resource of this template""", said);
    }
}
