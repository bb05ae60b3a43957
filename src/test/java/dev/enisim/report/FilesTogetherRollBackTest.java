package dev.enisim.report;

import static dev.enisim.TestFiles.text;
import static dev.enisim.TestFiles.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.SafeOutput.Mark;
import dev.enisim.report.SafeOutput.Planned;
import dev.enisim.report.SafeOutput.Seal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files written as a set ({@code check --update-baseline}) when one of them cannot be written part-way (a file where
 * its folder should be): the files already written to their temporary siblings are removed with the folders made
 * for them, every existing file keeps its bytes, and the one line says which file and that none was changed. A set
 * with a sealed mark is sealed; a killed run's temporary file beside one of the set is swept.
 */
class FilesTogetherRollBackTest {

    /** Beyond Linux's largest process id: never a live process. */
    private static final long GONE = 99_999_999L;
    private static final Mark BASELINE = Mark.startingWith("{\n  \"scenario\"");

    @TempDir
    Path work;

    @Test
    void aWriteFailingPartWayLeavesEveryFileAsItWasAndNoFolderMadeForIt() throws Exception {
        Files.createDirectories(work.resolve("base"));
        String ours = "{\n  \"scenario\" : \"a\" }\n";
        Files.writeString(work.resolve("base/a.json"), ours);
        Files.writeString(work.resolve("blocker"), "a file where a folder is needed");
        IOException e = assertThrows(IOException.class, () -> SafeOutput.writeFilesTogether(List.of(
                new Planned(Path.of("fresh/deeper/c.json"), BASELINE, text("{\n  \"scenario\" : \"c\" }\n")),
                new Planned(Path.of("base/a.json"), BASELINE, text("{\n  \"scenario\" : \"a2\" }\n")),
                new Planned(Path.of("blocker/b.json"), BASELINE, text("{\n  \"scenario\" : \"b\" }\n"))), work));
        assertEquals("cannot write blocker/b.json: already exists: " + work.resolve("blocker") + "; none of the 3 "
                + "file(s) was changed", e.getMessage());
        assertEquals(ours, Files.readString(work.resolve("base/a.json")), "the existing file keeps its bytes");
        assertEquals(List.of("a.json"), names(work.resolve("base")), "no temporary sibling left");
        assertEquals(List.of("base", "blocker"), names(work), "the folders made for the set removed");
    }

    @Test
    void aSetWrittenWithASealedMarkIsSealedAndReplacedAsEnisims() throws Exception {
        Mark sealed = BASELINE.sealedBy(Seal.JSON);
        List<Path> written = SafeOutput.writeFilesTogether(List.of(
                new Planned(Path.of("bl/a.json"), sealed, text("{\n  \"scenario\" : \"a\"\n}\n")),
                new Planned(Path.of("bl/b.json"), sealed, text("{\n  \"scenario\" : \"b\"\n}\n"))), work);
        assertEquals(List.of(work.resolve("bl/a.json"), work.resolve("bl/b.json")), written);
        assertTrue(Seal.JSON.holds(Files.readAllBytes(work.resolve("bl/a.json"))), "sealed as written");
        SafeOutput.writeFilesTogether(List.of(
                new Planned(Path.of("bl/a.json"), sealed, text("{\n  \"scenario\" : \"a2\"\n}\n"))), work);
        assertTrue(Files.readString(work.resolve("bl/a.json")).startsWith("{\n  \"scenario\" : \"a2\",\n"));

        String edited = Files.readString(work.resolve("bl/b.json")).replace("\"b\"", "\"mine\"");
        Files.writeString(work.resolve("bl/b.json"), edited);
        assertThrows(OutputRefused.class, () -> SafeOutput.writeFilesTogether(List.of(
                new Planned(Path.of("bl/b.json"), sealed, text("{\n  \"scenario\" : \"b2\"\n}\n"))), work));
        assertEquals(edited, Files.readString(work.resolve("bl/b.json")), "edited since: the user's now");
    }

    @Test
    void aKilledRunsTemporaryFileBesideOneOfTheSetIsSwept() throws Exception {
        Files.createDirectories(work.resolve("bl"));
        Path leftover = Files.writeString(work.resolve("bl/.a.json.tmp-" + GONE + "-3"), "{\n  \"scen");
        SafeOutput.writeFilesTogether(List.of(
                new Planned(Path.of("bl/a.json"), BASELINE, text("{\n  \"scenario\" : \"a\" }\n"))), work);
        assertFalse(Files.exists(leftover));
        assertEquals(List.of("a.json"), names(work.resolve("bl")));
    }
}
