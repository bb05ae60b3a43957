package dev.enisim.scenario;

import static dev.enisim.scenario.FieldRulesTest.GOOD;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the loader does with the file itself (README: bad input is one clear line naming the file, exit 2): a folder,
 * a device, a file over the size limits, a byte-order mark, an empty document, syntax errors with their line; and
 * the warnings of {@code validate} for a scenario that brings no traffic into the run.
 */
class LoaderFilesTest {

    @TempDir
    Path dir;

    private static List<String> problems(Path file) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file)).problems().stream()
                .map(p -> p.path() + ": " + p.message()).toList();
    }

    private static List<String> problems(String text, String source) {
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(text, source)).problems().stream()
                .map(p -> p.path() + ": " + p.message()).toList();
    }

    @Test
    void aFolderOrADeviceIsNotAScenario() throws Exception {
        assertEquals(List.of(": is a folder, not a scenario file"), problems(dir));
        Path device = Path.of("/dev/null");
        if (Files.exists(device)) {
            assertEquals(List.of(": is not a regular file"), problems(device));
        }
    }

    /** The limits of the README: 64 MiB for YAML (read whole), 512 MiB for JSON; sparse files, nothing written. */
    @Test
    void aFileOverItsSizeLimitIsRefusedBeforeItIsRead() throws Exception {
        Path yaml = sparse("big.yaml", 64L * 1024 * 1024 + 1);
        assertEquals(List.of(": the file is 64.0 MiB, above the 64.0 MiB limit for YAML scenarios (YAML is read whole "
                + "into memory): convert it to JSON (yq -o=json), or raise the limit with ENISIM_MAX_YAML_MB=MiB"),
                problems(yaml));
        Path json = sparse("big.json", 512L * 1024 * 1024 + 1);
        assertEquals(List.of(": the file is 512.0 MiB, above the 512.0 MiB limit for JSON scenarios"), problems(json));
    }

    private Path sparse(String name, long size) throws Exception {
        Path p = dir.resolve(name);
        try (RandomAccessFile f = new RandomAccessFile(p.toFile(), "rw")) {
            f.setLength(size);
        }
        return p;
    }

    @Test
    void aByteOrderMarkIsDropped() throws Exception {
        Path f = dir.resolve("bom.yaml");
        Files.writeString(f, "\uFEFF" + GOOD, StandardCharsets.UTF_8);
        assertEquals("good", ScenarioLoader.load(f).name());
        Path j = dir.resolve("bom.json");
        Files.writeString(j, "\uFEFF{\"name\": \"j\", \"duration\": \"1m\", \"functions\": [{\"name\": \"f\", "
                + "\"duration\": \"1s\", \"arrivals\": {\"none\": true}}]}", StandardCharsets.UTF_8);
        assertEquals("j", ScenarioLoader.load(j).name());
    }

    @Test
    void aDocumentOfNothingIsAnEmptyFile() {
        assertEquals(List.of(": the file is empty"), problems("null", "t.json"));
        assertEquals(List.of(": the file is empty"), problems("~\n", "t.yaml"));
        assertEquals(List.of(": expected a scenario (key: value pairs at the top level)"), problems("[1]", "t.json"));
    }

    @Test
    void syntaxErrorsNameTheirLineAndColumn() {
        List<String> json = problems("{\"name\": }", "t.json");
        assertEquals(1, json.size(), json.toString());
        assertTrue(json.get(0).startsWith(": malformed JSON at line 1, column 10: "), json.get(0));
        // SnakeYAML's context (what it was reading, and where) comes after its complaint, on the same line
        assertEquals(List.of(": malformed YAML/JSON at line 2, column 17: expected ',' or ']', but got <stream end> "
                + "(while parsing a flow sequence at line 2, column 12)"), problems("name: x\nfunctions: [a, b\n", "t.yaml"));
    }

    @Test
    void warningsForAScenarioThatBringsNoTraffic() throws Exception {
        Files.writeString(dir.resolve("empty.csv"), "time\n");
        Files.writeString(dir.resolve("late.csv"), "5000\n6000\n");
        Path f = dir.resolve("quiet.yaml");
        Files.writeString(f, """
                name: quiet
                duration: 1h
                functions:
                  - { name: empty, duration: 1s, arrivals: { trace: { file: empty.csv } } }
                  - { name: late, duration: 1s, arrivals: { trace: { file: late.csv } } }
                  - { name: after, duration: 1s, arrivals: { poisson: 5/s, from: 2h } }
                  - { name: none, duration: 1s, arrivals: { none: true } }
                  - { name: busy, duration: 1s, arrivals: { poisson: 5/s } }
                  - { name: edge, duration: 1s, arrivals: { poisson: 5/s, from: 59m59s } }
                """);
        Scenario s = ScenarioLoader.load(f);
        String at = f + ": functions[";
        assertEquals(List.of(
                at + "empty].arrivals: the trace " + dir.resolve("empty.csv") + " has no rows (empty, or a header only): "
                        + "no arrivals",
                at + "late].arrivals: no arrival falls within the run (0 to 3600.0 s): the trace "
                        + dir.resolve("late.csv") + " starts at 5000.0 s",
                at + "after].arrivals: no arrival falls within the run (0 to 3600.0 s)"), ScenarioLoader.warnings(s));
    }
}
