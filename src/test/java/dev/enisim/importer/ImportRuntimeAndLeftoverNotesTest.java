package dev.enisim.importer;

import static dev.enisim.importer.ImporterTest.write;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * r8's faults 4 and 4b. A Runtime that is no Lambda runtime identifier (python9.99: a typo, an edited file) read as a
 * real runtime without a preset; it is told apart now, a note and not an error (AWS adds runtimes), and a deprecated
 * one (ruby2.5) is said to be. A leftover Lambda ENI (on a key no imported function starts with) was counted in
 * otherUsedEnis with an inline comment only, the NOTES silent; a note names it now.
 */
class ImportRuntimeAndLeftoverNotesTest {

    @TempDir
    Path dir;

    private String importing(String functions, String enis) throws Exception {
        return Importer.scenario(new Importer.Inputs(List.of(write(dir, "subnets.json",
                ScaledOutKeysImportTest.SUBNETS)), List.of(write(dir, "functions.json", functions)),
                enis == null ? List.of() : List.of(write(dir, "enis.json", enis)), List.of(), List.of()), "notes", 120);
    }

    /** The header's lines joined, so that a wrapped note reads as one line. */
    private static String unwrapped(String yaml) {
        return yaml.replaceAll("\n#\\s+", " ");
    }

    @Test
    void anUnknownRuntimeIsToldApartFromARealOneWithoutAPreset() throws Exception {
        String yaml = importing(ScaledOutKeysImportTest.FUNCTIONS.replace("python3.12", "python9.99"), null);
        assertTrue(yaml.contains("    # Runtime python9.99: not a Lambda runtime identifier I know (a typo, or one"
                + " newer than enisim); the default init time applies\n"), yaml);
        assertTrue(unwrapped(yaml).contains("Runtime python9.99 is not a Lambda runtime identifier enisim knows"), yaml);
        ScenarioLoader.parse(yaml, "notes");
        String ruby = importing(ScaledOutKeysImportTest.FUNCTIONS.replace("python3.12", "ruby2.5"), null);
        assertTrue(ruby.contains("    # Runtime ruby2.5 (deprecated by AWS): no measured preset"), ruby);
        assertFalse(ruby.contains("not a Lambda runtime identifier"), ruby);
    }

    @Test
    void aLeftoverLambdaEniIsNamedInTheNotes() throws Exception {
        String yaml = unwrapped(importing(ScaledOutKeysImportTest.FUNCTIONS, ScaledOutKeysImportTest.ENIS));
        assertTrue(yaml.contains("vpc-0ddd3333eeee4444f: otherUsedEnis also counts 1 leftover Lambda ENI(s): listed"
                + " (in-use or available) on keys no function imported starts with"), yaml);
    }
}
