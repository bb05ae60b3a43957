package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a YAML file may be and still be read: nested 90 deep (the limit is 100, past SnakeYAML's own 50), larger than
 * SnakeYAML's own 3 MB (the limit is 20 MB); and a YAML file with no document at all (only comments, or null) is
 * refused as not a template, not a crash.
 */
class TemplateFileLimitsTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    @Test
    void aYamlTemplateNested90DeepIsRead() throws Exception {
        assertEquals(1, TemplateFile.read(file("deep.yaml", "a: " + "[".repeat(90) + "]".repeat(90) + "\n")).size());
    }

    @Test
    void aYamlTemplateOfFourMegabytesIsRead() throws Exception {
        StringBuilder text = new StringBuilder("Resources: {}\nMetadata:\n");
        String value = "x".repeat(1000);
        for (int i = 0; i < 4 * 1024; i++) {
            text.append("  Key").append(i).append(": ").append(value).append('\n');
        }
        assertEquals(4 * 1024, TemplateFile.read(file("big.yaml", text.toString())).get("Metadata").size());
    }

    @Test
    void aYamlFileWithNoDocumentIsNotATemplate() throws Exception {
        for (String text : new String[] {"# only a comment\n", "~\n", "null\n"}) {
            Path f = file("none.yaml", text);
            ScenarioException e = assertThrows(ScenarioException.class, () -> TemplateFile.read(f), text);
            assertEquals(f.toString(), e.source());
            assertEquals("[expected a template or plan (key: value pairs at the top level)]",
                    e.problems().toString(), text);
        }
    }
}
