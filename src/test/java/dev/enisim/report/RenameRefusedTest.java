package dev.enisim.report;

import static dev.enisim.TestFiles.chattr;
import static dev.enisim.TestFiles.text;
import static dev.enisim.TestFiles.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.SafeOutput.Mark;
import dev.enisim.report.SafeOutput.Planned;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When the last step, the rename into place, is refused by the file system (here an immutable entry, {@code chattr
 * +i}; elsewhere a read-only bind mount or a security module), the write fails in one line and leaves nothing of
 * its own: a single file's temporary sibling is removed, a set says how many of its files were already in place
 * and removes the rest's, and an output folder moved aside is put back. Needs {@code chattr} and the right to use it
 * (root, a file system with attributes): skipped elsewhere.
 */
class RenameRefusedTest {

    @TempDir
    Path work;


    private static void immutable(Path p) {
        Assumptions.assumeTrue(chattr("+i", p), "chattr +i is not available here");
    }

    @Test
    void aSingleFileWhoseRenameIsRefusedLeavesNoTemporarySibling() throws Exception {
        Path r = Files.writeString(work.resolve("r.json"), "{\"enisim\": 1}");
        immutable(r);
        try {
            IOException e = assertThrows(IOException.class, () -> SafeOutput.writeFile(Path.of("r.json"), work,
                    "\"enisim\"", text("{\"enisim\": 2}")));
            assertTrue(e.getMessage().startsWith("cannot write r.json: Operation not permitted"), e.getMessage());
            assertEquals(List.of("r.json"), names(work), "no temporary sibling left");
            assertEquals("{\"enisim\": 1}", Files.readString(r));
        } finally {
            chattr("-i", r);
        }
    }

    @Test
    void aSetWhoseSecondRenameIsRefusedSaysHowManyWereInPlace() throws Exception {
        Mark mark = Mark.startingWith("{\n  \"scenario\"");
        Files.createDirectories(work.resolve("bl"));
        Path b = Files.writeString(work.resolve("bl/b.json"), "{\n  \"scenario\" : \"b\" }\n");
        immutable(b);
        try {
            IOException e = assertThrows(IOException.class, () -> SafeOutput.writeFilesTogether(List.of(
                    new Planned(Path.of("bl/a.json"), mark, text("{\n  \"scenario\" : \"a\" }\n")),
                    new Planned(Path.of("bl/b.json"), mark, text("{\n  \"scenario\" : \"b2\" }\n"))), work));
            assertTrue(e.getMessage().startsWith("cannot write bl/b.json: Operation not permitted"), e.getMessage());
            assertTrue(e.getMessage().endsWith("; 1 of the 2 file(s) were already in place"), e.getMessage());
            assertEquals(List.of("a.json", "b.json"), names(work.resolve("bl")), "b's temporary file removed");
            assertEquals("{\n  \"scenario\" : \"b\" }\n", Files.readString(b));
        } finally {
            chattr("-i", b);
        }
    }

    @Test
    void aReportMovedAsideIsPutBackWhenTheNewOneCannotTakeItsPlace() throws Exception {
        SafeOutput.writeFolder(Path.of("out"), work, Map.of("summary.json", text("{\"run\": 1}")));
        try (SafeOutput.Staging s = SafeOutput.stage(Path.of("out"), work)) {
            s.write("summary.json", text("{\"run\": 2}"));
            Path temp;
            try (Stream<Path> l = Files.list(work)) {
                temp = l.filter(p -> p.getFileName().toString().startsWith(".out.tmp-")).findFirst().orElseThrow();
            }
            immutable(temp);
            try {
                IOException e = assertThrows(IOException.class, s::commit);
                assertTrue(e.getMessage().startsWith("cannot write out: Operation not permitted"), e.getMessage());
            } finally {
                chattr("-i", temp);
            }
        }
        assertEquals("{\"run\": 1}", Files.readString(work.resolve("out/summary.json")), "the earlier report put back");
        assertEquals(List.of("out"), names(work), "nothing moved aside or temporary left");
    }
}
