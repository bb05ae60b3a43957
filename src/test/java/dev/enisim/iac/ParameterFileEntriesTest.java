package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parameters file's entries as a user writes them by hand: a one-letter name, an entry that is not an object, an
 * entry without its key or with no fields at all, an empty CodePipeline list, a file that is not parameters at all;
 * each refused entry named by its path in the file, with what was expected.
 */
class ParameterFileEntriesTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static List<String> problems(Path f) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.parameters(f));
        assertEquals(f.toString(), e.source());
        return e.problems().stream().map(Object::toString).toList();
    }

    @Test
    void aOneLetterNameIsAParameterOfTheOverridesShape() throws Exception {
        assertEquals(Map.of("A", "1", "Bb", "2"), ChangeReader.parameters(file("o.json", "[\"A=1\", \"Bb=2\"]")));
    }

    @Test
    void anEntryThatIsNotAnObjectIsRefusedAsAWhole() throws Exception {
        assertEquals(List.of("[1]: expected {\"ParameterKey\": NAME, \"ParameterValue\": VALUE}, got 3"),
                problems(file("p.json", "[{\"ParameterKey\": \"Stage\", \"ParameterValue\": \"prod\"}, 3]")));
    }

    @Test
    void anEntryWithoutItsKeySaysWhichFieldsItHas() throws Exception {
        assertEquals(List.of("[0].ParameterKey: missing (expected the parameter's name, a string; the entry has"
                + " ParameterValue)"), problems(file("p.json", "[{\"ParameterValue\": \"prod\"}]")));
        assertEquals(List.of("[0].ParameterKey: got \" \" (expected the parameter's name, a string)"),
                problems(file("blank.json", "[{\"ParameterKey\": \" \", \"ParameterValue\": \"prod\"}]")));
        assertEquals(List.of("[0].ParameterKey: missing (expected the parameter's name, a string; the entry has no"
                + " fields)", "[0].ParameterValue: missing (expected the value, a string, or \"UsePreviousValue\":"
                + " true; the entry has no fields)"), problems(file("q.json", "[{}]")));
    }

    @Test
    void anEmptyParametersListOfCodePipelineIsRefusedAsAList() throws Exception {
        assertEquals(List.of("Parameters: expected {NAME: VALUE, ...} (CodePipeline's template configuration), got a"
                + " list (expected [{\"ParameterKey\": K, \"ParameterValue\": V}], [\"K=V\", ...],"
                + " {\"Parameters\": {K: V}} or {K: V})"), problems(file("p.json", "{\"Parameters\": []}")));
    }

    @Test
    void aFileThatIsNotParametersSaysTheShapesExpected() throws Exception {
        assertEquals(List.of("expected template parameters: [{\"ParameterKey\": K, \"ParameterValue\": V}],"
                + " [\"K=V\", ...], {\"Parameters\": {K: V}} or {K: V}"), problems(file("p.yaml", "just text\n")));
    }
}
