package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.importer.ImportCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review 54 (r6, C6): gate.md's "What the gate could not know" held notes that are not unknowns: the removal case
 * printed 13 "VpcConfig is unchanged" notes there. The unknowns stay under that heading; what is known goes to a
 * "Notes" list after it, and the functions updated with their VpcConfig as it was are one note.
 */
class GateNotesListTest {

    @TempDir
    Path dir;

    @Test
    void notesAreAListOfTheirOwnAndTheUnchangedUpdatesOneNote() throws Exception {
        String d = GateCommandTest.DIR;
        Result r = GateCommandTest.run("gate", "--account", d + "/payments-account.yaml", "--template",
                d + "/payments-remove.yaml", "--out", dir.resolve("g").toString(), "--step-summary", "");
        assertEquals(0, r.code(), r.out() + r.err());
        for (String page : new String[] {"gate.md", "gate.html"}) {
            String text = Files.readString(dir.resolve("g").resolve(page));
            String unknowns = page.equals("gate.md") ? "### What the gate could not know" : "<h2>What the gate could"
                    + " not know</h2>";
            String notes = page.equals("gate.md") ? "### Notes" : "<h2>Notes</h2>";
            int u = text.indexOf(unknowns);
            int n = text.indexOf(notes);
            assertTrue(u >= 0 && n > u, text);
            String could = text.substring(u, n);
            assertTrue(could.contains("removed functions cannot be seen without --base-template"), could);
            assertFalse(could.contains("VpcConfig is unchanged") || could.contains("Note"), could);
            String listed = text.substring(n);
            assertTrue(listed.contains("13 functions updated, each with its VpcConfig unchanged: no new ENI (pay-00,"
                    + " pay-01, pay-02, pay-03, pay-04, pay-05, pay-06, pay-07, pay-08, pay-09, pay-10, pay-11,"
                    + " pay-12)"), listed);
            assertEquals(1, listed.split("VpcConfig unchanged", -1).length - 1, listed);
        }
    }
}
