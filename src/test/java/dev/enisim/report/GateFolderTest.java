package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A gate folder written before gate went through SafeOutput (marked .enisim-gate) is enisim's; with more, not. */
class GateFolderTest {

    @TempDir
    Path tmp;

    @Test
    void anOlderGateFolderMayBeReplacedButNotWithAFileOfTheUsers() throws Exception {
        Path gate = Files.createDirectories(tmp.resolve("gate"));
        for (String f : new String[] {".enisim-gate", "gate.md", "junit.xml", "gate.html", "after.yaml"}) {
            Files.writeString(gate.resolve(f), "x\n");
        }
        assertDoesNotThrow(() -> SafeOutput.checkFolder(gate, tmp));
        Files.writeString(gate.resolve("notes.md"), "mine\n");
        assertThrows(OutputRefused.class, () -> SafeOutput.checkFolder(gate, tmp));
        Path unmarked = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(unmarked.resolve("gate.md"), "my notes\n");
        assertThrows(OutputRefused.class, () -> SafeOutput.checkFolder(unmarked, tmp),
                "gate's file names alone, without a marker, do not make a folder enisim's");
    }
}
