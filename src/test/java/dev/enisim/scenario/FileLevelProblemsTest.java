package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A problem of a whole file is said with no field path, and one it cannot read says why (an adversarial review:
 * {@code /root/.bashrc: (root): cannot read the file: /root/.bashrc} gave no reason, its file twice, and a
 * placeholder path that read as the root user). The old code said "(root): " before each of these, and the file's
 * name where the reason should be.
 */
class FileLevelProblemsTest {

    @TempDir
    Path dir;

    private static final String LOOP = "too many levels of symbolic links or unable to access attributes of symbolic"
            + " link";

    private Path loop(String name) throws IOException {
        Path a = dir.resolve(name);
        Files.createSymbolicLink(a, dir.resolve("other-" + name));
        Files.createSymbolicLink(dir.resolve("other-" + name), a);
        return a;
    }

    @Test
    void aFileThatCannotBeReadSaysWhyWithoutAPath() throws Exception {
        Path a = loop("a.yaml");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(a));
        assertEquals(a + ": cannot read the file (" + LOOP + ")", e.getMessage());
        Path missing = dir.resolve("nothere.yml");
        assertEquals(missing + ": file not found", assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(missing)).getMessage());
        ScenarioException input = assertThrows(ScenarioException.class, () -> InputText.read(loop("subnets.json"),
                1 << 20, "saved AWS CLI output", "JSON"));
        assertEquals(dir.resolve("subnets.json") + ": cannot read the file (" + LOOP + ")", input.getMessage());
    }

    @Test
    void aTraceThatCannotBeReadSaysWhy() throws Exception {
        loop("t.csv");
        Path s = Files.writeString(dir.resolve("s.yaml"), OneSubnetYaml.traced("name: s\nduration: 2m", "t.csv"));
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(s));
        assertEquals(List.of("functions[0].arrivals.trace.file: cannot read the trace " + dir.resolve("t.csv") + " ("
                + LOOP + ")"), e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void theReasonIsTheSystemsWords() {
        // as a non-root user reading /root/.bashrc (this test may run as root, which reads it)
        assertEquals("permission denied", InputText.reason(new AccessDeniedException("/root/.bashrc")));
        assertEquals("is a directory", InputText.reason(new FileSystemException("/tmp", null, "Is a directory")));
        assertEquals("input/output error", InputText.reason(new IOException("Input/output error")));
        assertEquals("I/O error", InputText.reason(new IOException("I/O error")));
        assertEquals("IOException", InputText.reason(new IOException()));
        assertEquals("cannot read the file (permission denied)", InputText.cannotRead(new AccessDeniedException("/x")));
    }

    @Test
    void aProblemOfTheWholeFileHasNoPath() {
        assertEquals("the file is empty", new Problem("", "the file is empty").toString());
        assertEquals("duration: expected a duration", new Problem("duration", "expected a duration").toString());
    }
}
