package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A gate folder is enisim's only by its {@code .enisim-output} marker: one named like an older gate folder, or a
 * user's folder holding a gate.md and a plan.json of their own, is refused and left as it is.
 */
class GateFolderTest {

    @TempDir
    Path tmp;

    @Test
    void gateFileNamesWithoutTheMarkerDoNotMakeAFolderEnisims() throws Exception {
        Path gate = Files.createDirectories(tmp.resolve("gate"));
        for (String f : new String[] {".enisim-gate", "gate.md", "junit.xml", "gate.html", "after.yaml"}) {
            Files.writeString(gate.resolve(f), "x\n");
        }
        assertThrows(OutputRefused.class, () -> SafeOutput.checkFolder(gate, tmp));
        Path unmarked = Files.createDirectories(tmp.resolve("docs"));
        Files.writeString(unmarked.resolve("gate.md"), "my notes\n");
        Files.writeString(unmarked.resolve("plan.json"), "{}\n");
        assertThrows(OutputRefused.class, () -> SafeOutput.checkFolder(unmarked, tmp),
                "gate's and plan's file names alone, without a marker, do not make a folder enisim's");
        assertEquals("my notes\n", Files.readString(unmarked.resolve("gate.md")));
        Path marked = Files.createDirectories(tmp.resolve("marked"));
        Files.writeString(marked.resolve(SafeOutput.MARKER), SafeOutput.markerText(java.util.Map.of("gate.md",
                "x\n".getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        Files.writeString(marked.resolve("gate.md"), "x\n");
        assertDoesNotThrow(() -> SafeOutput.checkFolder(marked, tmp), "the marker lists every file: ours");
    }
}
