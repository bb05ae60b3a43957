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
 * A nested stack or SAM application whose template nests, again, a template that nests it: refused at the field that
 * names it (TemplateURL, Location), as CloudFormation would never finish creating it; never read round and round.
 */
class NestedTemplateCyclesTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static ChangeReader.Inputs account() {
        return new ChangeReader.Inputs(Map.of(), Map.of(), Map.of(), Map.of(ChangeReaderTest.A,
                "vpc-0a1b2c3d4e5f60718"), Set.of(), false);
    }

    @Test
    void anApplicationWhoseTemplateNestsItsParentIsRefusedAtItsLocation() throws Exception {
        Path parent = write("parent.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Child: { Type: AWS::Serverless::Application, Properties: { Location: child.yaml } }
                """);
        Path child = write("child.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Back: { Type: AWS::Serverless::Application, Properties: { Location: parent.yaml } }
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(parent),
                List.of(), account()));
        assertEquals(child.toString(), e.source());
        assertEquals(List.of("Resources.Back.Properties.Location: nested application parent.yaml nests a template"
                + " that nests it (child.yaml): CloudFormation would never finish creating it"), e.problems().stream()
                .map(p -> p.path() + ": " + p.message()).toList());
    }

    @Test
    void aStackWhoseTemplateNestsItselfIsRefusedAtItsTemplateUrl() throws Exception {
        Path self = write("self.yaml", """
                Resources:
                  Again: { Type: AWS::CloudFormation::Stack, Properties: { TemplateURL: ./self.yaml } }
                """);
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.read(List.of(self),
                List.of(), account()));
        assertEquals(List.of("Resources.Again.Properties.TemplateURL: nested stack ./self.yaml nests a template"
                + " that nests it (self.yaml): CloudFormation would never finish creating it"), e.problems().stream()
                .map(p -> p.path() + ": " + p.message()).toList());
    }
}
