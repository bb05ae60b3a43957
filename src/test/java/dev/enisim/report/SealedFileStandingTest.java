package dev.enisim.report;

import static dev.enisim.TestFiles.text;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.SafeOutput.Mark;
import dev.enisim.report.SafeOutput.Seal;
import dev.enisim.report.SafeOutput.Standing;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How an existing file stands against a sealed mark ({@code gate} says from it what to do with each file in its
 * folder): enisim's as written, changed since (a seal's line whose checksum no longer matches), unsealed (an older
 * release's output, or text added below the seal), or not enisim's at all; and the seal's own edges: a file that is
 * nothing but its seal, a file larger than the 64 KiB read to recognise it, another tool's comment of the same shape.
 */
class SealedFileStandingTest {

    private static final Mark TABLE = Mark.startingWith("| case |").sealedBy(Seal.MARKDOWN);

    @TempDir
    Path work;

    private Standing standingOf(String content, Mark mark) throws Exception {
        Files.writeString(work.resolve("f.md"), content);
        return SafeOutput.standing(Path.of("f.md"), work, mark);
    }

    @Test
    void aFileIsEnisimsChangedUnsealedOrForeign() throws Exception {
        SafeOutput.writeMarkedFile(Path.of("f.md"), work, TABLE, text("| case | x |\n"));
        assertEquals(Standing.ENISIMS, SafeOutput.standing(Path.of("f.md"), work, TABLE));
        String sealed = Files.readString(work.resolve("f.md"));

        assertEquals(Standing.CHANGED, standingOf(sealed.replace("| x |", "| y |"), TABLE), "a cell edited by hand");
        assertEquals(Standing.UNSEALED, standingOf("| case | x |\n", TABLE), "an older release's, without a seal");
        assertEquals(Standing.UNSEALED, standingOf(sealed + "my notes\n", TABLE), "notes added below the seal");
        assertEquals(Standing.FOREIGN, standingOf("# my own table\n" + sealed, TABLE), "it does not open as ours");

        Files.writeString(work.resolve("f.md"), sealed);
        Files.createSymbolicLink(work.resolve("link.md"), work.resolve("f.md"));
        assertEquals(Standing.FOREIGN, SafeOutput.standing(Path.of("link.md"), work, TABLE),
                "a link to enisim's file is not enisim's file");
        Files.delete(work.resolve("f.md"));
        assertEquals(Standing.FOREIGN, SafeOutput.standing(Path.of("f.md"), work, TABLE), "nothing there");
        Files.createDirectories(work.resolve("f.md"));
        assertEquals(Standing.FOREIGN, SafeOutput.standing(Path.of("f.md"), work, TABLE), "a folder");
    }

    @Test
    void aMarkWithoutASealKnowsAFileByItsOpeningOnly() throws Exception {
        Mark opening = Mark.startingWith("| case |");
        assertEquals(Standing.ENISIMS, standingOf("| case | x |\nedited\n", opening));
        assertEquals(Standing.FOREIGN, standingOf("notes\n| case | x |\n", opening));
    }

    /** Only a last line of the seal's exact shape (its opening, 64 hex digits, its closing) makes a file "changed". */
    @Test
    void onlyALastLineOfTheSealsShapeIsAChangedSeal() throws Exception {
        Mark any = Mark.startingWith("").sealedBy(Seal.XML_COMMENT);
        String hex = "0".repeat(64);
        assertEquals(Standing.CHANGED, standingOf("<doc/>\n<!-- enisim sha256 " + hex + " -->\n", any));
        assertEquals(Standing.CHANGED, standingOf("<!-- enisim sha256 " + hex + " -->\n", any),
                "a file that is nothing but a seal's line, its checksum wrong");
        assertEquals(Standing.UNSEALED, standingOf("<doc/>\n<!-- enisim sha256 " + "g".repeat(64) + " -->\n", any),
                "not hex");
        assertEquals(Standing.UNSEALED, standingOf("<doc/>\n<!-- enisim sha256 " + "0".repeat(63) + " -->\n", any),
                "a digit short");
        assertEquals(Standing.UNSEALED, standingOf("<doc/>\n<!-- other  sha256 " + hex + " -->\n", any),
                "another tool's comment");
        assertEquals(Standing.UNSEALED, standingOf("<doc/>\n<!-- enisim sha256 " + hex + " --->", any),
                "another closing");
        assertEquals(Standing.UNSEALED, standingOf("-->\n", any), "shorter than a seal's line");
        assertEquals(Standing.UNSEALED, standingOf("", any), "empty");
    }

    /** Another tool's comment of the seal's length, holding the right checksum, is no seal of enisim's. */
    @Test
    void anotherToolsCommentWithTheRightChecksumIsNoSeal() {
        String sealed = new String(Seal.XML_COMMENT.apply(text("<doc/>\n")), StandardCharsets.UTF_8);
        assertTrue(Seal.XML_COMMENT.holds(text(sealed)));
        assertFalse(Seal.XML_COMMENT.holds(text(sealed.replace("<!-- enisim ", "<!-- others "))));
        assertFalse(Seal.XML_COMMENT.holds(text(sealed.replace(" -->\n", " --!\n"))));
    }

    /** An empty file sealed is its seal's line alone, and holds; an empty JSON object has no member to follow. */
    @Test
    void anEmptyFileIsSealedByItsLineAlone() {
        byte[] sealed = Seal.XML_COMMENT.apply(new byte[0]);
        assertTrue(new String(sealed, StandardCharsets.US_ASCII).startsWith("<!-- enisim sha256 "));
        assertEquals("<!-- enisim sha256 ".length() + 64 + " -->\n".length(), sealed.length);
        assertTrue(Seal.XML_COMMENT.holds(sealed));
        assertArrayEquals(Seal.XML_COMMENT.apply(text("<a/>\n")), Seal.XML_COMMENT.apply(text("<a/>")),
                "the seal on a line of its own either way");
    }

    /**
     * A JSON object without members has none for the seal's member to follow: sealing {@code "{ }"} made
     * {@code "{,"}, which no JSON reader takes (only {@code "{}"} was refused).
     */
    @Test
    void anEmptyJsonObjectIsRefusedWhateverItsSpacing() {
        for (String empty : new String[] {"{}", "{ }", "{\n}\n", "[1]"}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> Seal.JSON.apply(text(empty)), empty);
            assertEquals("not a JSON object with members", e.getMessage());
        }
        assertTrue(Seal.JSON.holds(Seal.JSON.apply(text("{\"a\":1}"))));
    }

    /** A sealed file larger than the 64 KiB read to recognise its opening is still known whole, and replaced. */
    @Test
    void aSealedFileLargerThanItsOpeningReadIsStillEnisims() throws Exception {
        String big = "| case | x |\n" + "| row | 0123456789abcdef0123456789abcdef |\n".repeat(3000); // ~120 KiB
        SafeOutput.writeMarkedFile(Path.of("big.md"), work, TABLE, text(big));
        assertEquals(Standing.ENISIMS, SafeOutput.standing(Path.of("big.md"), work, TABLE));
        SafeOutput.writeMarkedFile(Path.of("big.md"), work, TABLE, text(big + "| row | again |\n"));
        assertTrue(Files.readString(work.resolve("big.md")).contains("| row | again |\n\n<!-- enisim sha256 "),
                "enisim's own large file is replaced");
    }
}
