package dev.enisim.report;

import static dev.enisim.TestFiles.text;
import static dev.enisim.TestFiles.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.SafeOutput.Mark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A refusal names the path as the user wrote it: a file on the way to an output ({@code notes.txt/x.json}) is shown as
 * {@code notes.txt}, not as an absolute path the user never typed; an existing file on the kernel's file system is
 * refused before a run; the folder the process runs in is never an output folder, whatever folder paths are resolved
 * against; an output folder that is a user's is refused when the write starts (nothing made) and, if one appears
 * there while the run goes on, when it ends (the user's file kept).
 */
class RefusalWordsTest {

    @TempDir
    Path work;

    @Test
    void aFileOnTheWayIsNamedAsTheUserWroteIt() throws Exception {
        Files.writeString(work.resolve("notes.txt"), "mine");
        assertEquals("notes.txt/x.json: notes.txt is a file, not a folder, so nothing can be written under it; give a"
                + " path in a folder", assertThrows(OutputRefused.class,
                () -> SafeOutput.checkFile(Path.of("notes.txt/x.json"), work, null)).getMessage());
        assertEquals("notes.txt/a/b/report: notes.txt is a file, not a folder, so nothing can be written under it;"
                + " give a path in a folder", assertThrows(OutputRefused.class,
                () -> SafeOutput.checkFolder(Path.of("notes.txt/a/b/report"), work)).getMessage());
        assertEquals("./notes.txt/x.json: ./notes.txt is a file, not a folder, so nothing can be written under it; give"
                + " a path in a folder", assertThrows(OutputRefused.class,
                () -> SafeOutput.checkFile(Path.of("./notes.txt/x.json"), work, null)).getMessage(),
                "spelt as the user spelt it");
        Path absolute = work.resolve("notes.txt/x.json");
        assertEquals(absolute + ": " + work.resolve("notes.txt") + " is a file, not a folder, so nothing can be "
                + "written under it; give a path in a folder", assertThrows(OutputRefused.class,
                () -> SafeOutput.checkFile(absolute, work, null)).getMessage());
        assertEquals("mine", Files.readString(work.resolve("notes.txt")));
    }

    @Test
    void anExistingFileOnTheKernelsFileSystemIsRefusedBeforeARun() throws Exception {
        Path version = Path.of("/proc/version");
        Assumptions.assumeTrue(Files.isRegularFile(version) && "proc".equals(Files.getFileStore(version).type()));
        assertEquals("/proc/version: /proc is on the kernel's proc file system, which takes no files; give a path in a"
                + " folder you may write", assertThrows(OutputRefused.class,
                () -> SafeOutput.checkFile(version, work, null)).getMessage());
    }

    @Test
    void theFolderTheProcessRunsInIsNeverAnOutputFolder() {
        Path here = Path.of("").toAbsolutePath();
        OutputRefused e = assertThrows(OutputRefused.class, () -> SafeOutput.checkFolder(here, work));
        assertTrue(e.getMessage().startsWith(here + " is the working folder or holds it"), e.getMessage());
    }

    @Test
    void aUsersFolderIsRefusedWhenTheWriteStartsAndNothingIsMade() throws Exception {
        Files.createDirectories(work.resolve("results"));
        Files.writeString(work.resolve("results/thesis.tex"), "a year of work");
        OutputRefused e = assertThrows(OutputRefused.class, () -> SafeOutput.stage(Path.of("results"), work));
        assertTrue(e.getMessage().startsWith("results is not a folder enisim wrote (no .enisim-output file"),
                e.getMessage());
        assertEquals(List.of("results"), names(work), "no temporary folder made");
    }

    @Test
    void aUsersFolderThatAppearsWhileTheRunGoesOnIsKept() throws Exception {
        try (SafeOutput.Staging s = SafeOutput.stage(Path.of("out"), work)) {
            s.write("summary.json", text("{}"));
            Files.createDirectories(work.resolve("out"));
            Files.writeString(work.resolve("out/notes.txt"), "made meanwhile");
            OutputRefused e = assertThrows(OutputRefused.class, s::commit);
            assertTrue(e.getMessage().startsWith("out is not a folder enisim wrote"), e.getMessage());
        }
        assertEquals("made meanwhile", Files.readString(work.resolve("out/notes.txt")));
        assertEquals(List.of("notes.txt"), names(work.resolve("out")));
        assertEquals(List.of("out"), names(work), "the temporary folder removed");
    }

    /** A mark of an opening and a word held near it: a file with the opening alone is not enisim's. */
    @Test
    void aMarkOfAnOpeningAndAWordNeedsBoth() throws Exception {
        Mark mark = Mark.startingWith("# enisim", "scenario:");
        Files.writeString(work.resolve("a.yaml"), "# enisim notes of mine\n");
        OutputRefused e = assertThrows(OutputRefused.class, () -> SafeOutput.checkMarkedFile(Path.of("a.yaml"), work,
                mark));
        assertEquals("a.yaml exists and does not look like a file enisim wrote (it does not begin as enisim's files of"
                + " this kind do); enisim will not overwrite it. Give a new file name, or remove it yourself",
                e.getMessage());
        Files.writeString(work.resolve("a.yaml"), "# enisim\nscenario: x\n");
        SafeOutput.checkMarkedFile(Path.of("a.yaml"), work, mark);
        SafeOutput.checkFile(Path.of("a.yaml"), work, null, true); // no signature: any file the user named
    }
}
