package dev.enisim.report;

import static dev.enisim.TestFiles.names;
import static dev.enisim.TestFiles.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.SafeOutput.Mark;
import dev.enisim.report.SafeOutput.Planned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SafeOutput} under faults its other tests do not make (session 46, its mutants killed): a folder on the way
 * that cannot be made after the one above it was, a user's file that appears between the check before a write and
 * the move into place (made by the room check's seam, {@link SafeOutput#usableSpace}, which runs between the two), and
 * a disk without room for a write that was to replace a user's file (the refusal names the file, the user's to fix,
 * not the room).
 */
class SafeOutputFaultsTest {

    private static final Mark BASELINE = Mark.startingWith("{\n  \"scenario\"");
    /** A folder name one byte over what the file system takes: made after the folder above it, it fails. */
    private static final String TOO_LONG = "x".repeat(256);

    @TempDir
    Path work;

    @AfterEach
    void restore() {
        dev.enisim.run.Disk.usableSpace = dev.enisim.run.Disk.FILE_STORE_SPACE;
        SafeOutput.reopenAfterCleanUp();
    }

    /** The room check's seam made to put {@code content} at {@code file} (a user's), then to tell plenty of room. */
    private void userWritesMeanwhile(Path file, String content) {
        dev.enisim.run.Disk.usableSpace = place -> {
            try {
                Files.writeString(file, content);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Long.MAX_VALUE;
        };
    }

    @Test
    void aSingleFileWhoseFolderCannotBeMadeLeavesNoneOfTheFoldersMadeForIt() {
        IOException e = assertThrows(IOException.class, () -> SafeOutput.writeFile(
                Path.of("fresh/" + TOO_LONG + "/r.json"), work, null, text("{}")));
        assertTrue(e.getMessage().contains("File name too long"), e.getMessage());
        assertTrue(Files.notExists(work.resolve("fresh")), "the folder made on the way removed");
    }

    @Test
    void anOutputFolderWhoseParentCannotBeMadeLeavesNoneOfTheFoldersMadeForIt() {
        IOException e = assertThrows(IOException.class, () -> SafeOutput.writeFolder(
                Path.of("fresh/" + TOO_LONG + "/out"), work, java.util.Map.of("summary.json", text("{}"))));
        assertTrue(e.getMessage().contains("File name too long"), e.getMessage());
        assertTrue(Files.notExists(work.resolve("fresh")), "the folder made on the way removed");
    }

    @Test
    void filesWrittenTogetherWhoseFolderCannotBeMadeLeaveNoneOfTheFoldersMadeForThem() throws Exception {
        IOException e = assertThrows(IOException.class, () -> SafeOutput.writeFilesTogether(List.of(
                new Planned(Path.of("fresh/a.json"), BASELINE, text("{\n  \"scenario\" : \"a\" }\n")),
                new Planned(Path.of("other/" + TOO_LONG + "/b.json"), BASELINE, text("{\n  \"scenario\" : \"b\" }\n"))),
                work));
        assertTrue(e.getMessage().endsWith("; none of the 2 file(s) was changed"), e.getMessage());
        assertEquals(List.of(), names(work), "the folders made for the set removed (other/ too, made on the way to b's), with a's temporary file");
    }

    @Test
    void aUsersFileThatAppearsBeforeASingleFileIsMovedIntoPlaceIsKept() throws Exception {
        Path r = work.resolve("r.json");
        userWritesMeanwhile(r, "the user's notes");
        OutputRefused e = assertThrows(OutputRefused.class, () -> SafeOutput.writeMarkedFile(Path.of("r.json"), work,
                BASELINE, text("{\n  \"scenario\" : \"a\" }\n")));
        assertTrue(e.getMessage().startsWith("r.json exists and does not look like a file enisim wrote"),
                e.getMessage());
        assertEquals("the user's notes", Files.readString(r));
        assertEquals(List.of("r.json"), names(work), "no temporary sibling left");
    }

    @Test
    void aUsersFileThatAppearsBeforeFilesWrittenTogetherAreMovedIsKeptAndNoneIsChanged() throws Exception {
        Files.createDirectories(work.resolve("bl"));
        String ours = "{\n  \"scenario\" : \"a\" }\n";
        Files.writeString(work.resolve("bl/a.json"), ours);
        userWritesMeanwhile(work.resolve("bl/b.json"), "the user's notes");
        OutputRefused e = assertThrows(OutputRefused.class, () -> SafeOutput.writeFilesTogether(List.of(
                new Planned(Path.of("bl/a.json"), BASELINE, text("{\n  \"scenario\" : \"a2\" }\n")),
                new Planned(Path.of("bl/b.json"), BASELINE, text("{\n  \"scenario\" : \"b\" }\n"))), work));
        assertTrue(e.getMessage().startsWith("bl/b.json exists and does not look like a file enisim wrote"),
                e.getMessage());
        assertEquals("the user's notes", Files.readString(work.resolve("bl/b.json")));
        assertEquals(List.of("a.json", "b.json"), names(work.resolve("bl")), "no temporary sibling left");
    }

    @Test
    void aUsersFileOnAFullDiskIsRefusedAsTheUsersNotForRoom() throws Exception {
        Files.writeString(work.resolve("r.json"), "the user's notes");
        dev.enisim.run.Disk.usableSpace = place -> 1;
        OutputRefused single = assertThrows(OutputRefused.class, () -> SafeOutput.writeMarkedFile(Path.of("r.json"),
                work, BASELINE, text("{\n  \"scenario\" : \"a\" }\n")));
        assertTrue(single.getMessage().startsWith("r.json exists and does not look like a file enisim wrote"),
                single.getMessage());
        OutputRefused together = assertThrows(OutputRefused.class, () -> SafeOutput.writeFilesTogether(List.of(
                new Planned(Path.of("r.json"), BASELINE, text("{\n  \"scenario\" : \"a\" }\n"))), work));
        assertTrue(together.getMessage().startsWith("r.json exists and does not look like a file enisim wrote"),
                together.getMessage());
        Files.createDirectories(work.resolve("out"));
        Files.writeString(work.resolve("out/thesis.tex"), "a year of work");
        OutputRefused folder = assertThrows(OutputRefused.class, () -> SafeOutput.stage(Path.of("out"), work, 100));
        assertTrue(folder.getMessage().startsWith("out is not a folder enisim wrote"), folder.getMessage());
        assertEquals(List.of("out", "r.json"), names(work));
    }

    /**
     * A write begun after the shutdown clean-up ran (SIGTERM: the main thread goes on during shutdown) fails once the
     * folders on its way are made, at its first step of its own: those folders are removed, not left empty.
     */
    @Test
    void aWriteRefusedAtShutdownLeavesNoneOfTheFoldersItMade() throws Exception {
        SafeOutput.cleanUp();
        IOException file = assertThrows(IOException.class, () -> SafeOutput.writeFile(Path.of("fresh/deeper/r.json"),
                work, null, text("{}")));
        assertTrue(file.getMessage().contains("enisim is shutting down"), file.getMessage());
        assertEquals(List.of(), names(work), "fresh/deeper/ made for the file, removed");
        IOException folder = assertThrows(IOException.class, () -> SafeOutput.stage(Path.of("fresh/deeper/out"),
                work));
        assertTrue(folder.getMessage().contains("enisim is shutting down"), folder.getMessage());
        assertEquals(List.of(), names(work), "fresh/deeper/ made for the folder, removed");
        IOException together = assertThrows(IOException.class, () -> SafeOutput.writeFilesTogether(List.of(
                new Planned(Path.of("fresh/a.json"), BASELINE, text("{\n  \"scenario\" : \"a\" }\n"))), work));
        assertTrue(together.getMessage().contains("enisim is shutting down"), together.getMessage());
        assertEquals(List.of(), names(work));
    }
}
