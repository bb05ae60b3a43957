package dev.enisim.iac;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --exports} files that are not {@code aws cloudformation list-exports} output, or hold an export that is not
 * a name and a string value: refused with the file named, never read as "no exports"; every bad file at once.
 */
class ListExportsFilesTest {

    @TempDir
    Path dir;

    private Path file(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static final String GOOD = "{\"Exports\": [{\"Name\": \"net-sg\", \"Value\": \"sg-1\"}]}";

    @Test
    void exportsThatAreNotAListAreRefusedNotReadAsNone() throws Exception {
        Path object = file("object.json", "{\"Exports\": {\"Name\": \"net-sg\", \"Value\": \"sg-1\"}}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.exports(object));
        assertEquals(object.toString(), e.source());
        assertEquals("[expected the output of `aws cloudformation list-exports` ({\"Exports\": [{\"Name\":"
                + " ..., \"Value\": ...}]})]", e.problems().toString());
    }

    /** A list at the top (the Exports array saved alone) was said to be "expected a template or plan". */
    @Test
    void aListIsSaidToBeNoListExportsOutputNotATemplate() throws Exception {
        Path list = file("list.json", "[{\"Name\": \"net-sg\", \"Value\": \"sg-1\"}]");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.exports(list));
        assertEquals(list.toString(), e.source());
        assertEquals("[expected the output of `aws cloudformation list-exports` ({\"Exports\": [{\"Name\":"
                + " ..., \"Value\": ...}]})]", e.problems().toString());
    }

    @Test
    void anExportWhoseNameOrValueIsNotAStringIsRefused() throws Exception {
        Path f = file("x.json", "{\"Exports\": [{\"Name\": \"a\", \"Value\": 3}, {\"Name\": 4, \"Value\": \"b\"},"
                + " {\"Name\": \"c\", \"Value\": \"ok\"}]}");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ChangeReader.exports(f));
        assertEquals("[Exports[0]: expected {\"Name\": ..., \"Value\": ...}, Exports[1]: expected {\"Name\": ...,"
                + " \"Value\": ...}]", e.problems().toString());
    }

    @Test
    void aBadFileAmongSeveralIsRefusedAndEachBadOneNamed() throws Exception {
        Path good = file("good.json", GOOD);
        Path bad = file("bad.json", "{\"Outputs\": []}");
        ScenarioException one = assertThrows(ScenarioException.class, () -> ChangeReader.exports(List.of(good, bad)));
        assertEquals(List.of(bad.toString()), one.parts().stream().map(ScenarioException::source).toList());

        Path worse = file("worse.json", "{\"Exports\": [{\"Name\": \"a\"}]}");
        ScenarioException two = assertThrows(ScenarioException.class, () -> ChangeReader.exports(List.of(bad, good,
                worse)));
        assertEquals(List.of(bad.toString(), worse.toString()), two.parts().stream().map(ScenarioException::source)
                .toList());
        assertEquals("[Exports[0]: expected {\"Name\": ..., \"Value\": ...}]", two.parts().get(1).problems()
                .toString());
    }
}
