package dev.enisim.importer;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Which files a later import may replace without --force: those whose last line is the seal of the lines above it,
 * on a line of its own ({@link ImportSeal#intact}). A file with no seal, or with the seal's text run into a line of
 * the user's, is the user's.
 */
class ImportSealLineTest {

    @Test
    void aFileWithoutTheSealIsNotTakenForAnImport() {
        assertFalse(ImportSeal.intact("name: mine\n"));
        assertFalse(ImportSeal.intact(""));
    }

    @Test
    void theSealAloneSealsAnEmptyBody() {
        assertTrue(ImportSeal.intact(ImportSeal.seal("")));
    }

    @Test
    void aSealRunIntoTheLineAboveIsNotOnALineOfItsOwn() {
        // the body "name: x" has no line break at its end: the seal text follows it on the same line
        String joined = ImportSeal.seal("name: x");
        assertFalse(ImportSeal.intact(joined), joined);
        assertTrue(ImportSeal.intact(ImportSeal.seal("name: x\n")));
        assertFalse(ImportSeal.intact(ImportSeal.seal("name: x\n").replace("name: x", "name: y")));
    }
}
