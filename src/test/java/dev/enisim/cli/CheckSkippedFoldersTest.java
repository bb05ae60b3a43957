package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Review 54 (r6, B2): `check DIR` skipped subfolders of scenarios without a word: a note on stderr names them. */
class CheckSkippedFoldersTest {

    @TempDir
    Path dir;

    @Test
    void subfoldersHoldingScenariosAreNamed() throws Exception {
        String s = CheckCommandTest.SMALL + "expect:\n  - \"enis.peak == 1\"\n";
        Files.writeString(dir.resolve("top.yaml"), s);
        Files.writeString(Files.createDirectories(dir.resolve("payments")).resolve("p.yaml"), s.replace("small", "p"));
        Files.writeString(Files.createDirectories(dir.resolve("docs")).resolve("notes.txt"), "no scenario\n");
        Result r = CliTest.run("check", dir.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.err().contains("note: " + dir + ": its subfolders are not checked (a folder's own *.yaml and"
                + " *.yml files only); 1 of them hold some: " + dir.resolve("payments")), r.err());
        assertFalse(r.err().contains("docs"), r.err());
        assertFalse(r.out().contains("note:"), "stdout unchanged: " + r.out());
        Result both = CliTest.run("check", dir.toString(), dir.resolve("payments").toString());
        assertEquals(0, both.code(), both.out() + both.err());
        assertFalse(both.err().contains("note:"), "named too: " + both.err());
    }
}
