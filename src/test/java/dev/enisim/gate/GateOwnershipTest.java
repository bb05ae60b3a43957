package dev.enisim.gate;

import static dev.enisim.gate.GateCommandTest.ONE_GROUP_FILES;
import static dev.enisim.gate.GateCommandTest.oneGroupInto;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.importer.ImportCommandTest.Result;
import dev.enisim.report.SafeOutput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the gate may overwrite ("never touch what enisim did not write"), as {@code SafeOutput} decides it for every
 * command: a folder is the gate's to replace only when its marker lists every file in it with the checksum of what it
 * holds; with {@code --force}, one of the gate's four files in a folder enisim wrote is replaced only when the marker
 * lists it with the checksum of what it holds now (or it ends with the gate's own checksum line). The gate asked
 * {@code SafeOutput} for the folder and read the marker itself for the files (its own parser and checksum, until
 * session 52): these pin the decisions that move had to keep.
 */
class GateOwnershipTest {

    @TempDir
    Path dir;

    private static Map<String, byte[]> contents(Path out) throws Exception {
        Map<String, byte[]> all = new TreeMap<>();
        try (var files = Files.list(out)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    all.put(f.getFileName().toString(), Files.readAllBytes(f));
                }
            }
        }
        return all;
    }

    private static void assertUnchanged(Map<String, byte[]> before, Path out) throws Exception {
        Map<String, byte[]> now = contents(out);
        assertEquals(before.keySet(), now.keySet(), "the same files in " + out);
        for (String f : before.keySet()) {
            assertArrayEquals(before.get(f), now.get(f), f + " left as it was");
        }
    }

    /** A folder the gate wrote (its marker lists its four files), the user's notes added beside them since. */
    private Path gatesFolderWithNotes() throws Exception {
        Path out = dir.resolve("reports");
        Result first = oneGroupInto(out);
        assertTrue(first.code() == 0 || first.code() == 1, first.out() + first.err());
        assertEquals(ONE_GROUP_FILES.stream().sorted().toList(),
                List.copyOf(SafeOutput.listedAsWritten(out, dir, ONE_GROUP_FILES).keySet()),
                "the marker lists the gate's four files as written");
        Files.writeString(out.resolve("notes.txt"), "mine\n");
        return out;
    }

    @Test
    void aFileTheGateDidNotWriteIsNeverOverwrittenNorAFolderNotItsOwnReplaced() throws Exception {
        Path out = gatesFolderWithNotes();
        Files.writeString(out.resolve("gate.md"), "my own gate.md, over the gate's\n"); // its listed checksum now wrong
        Map<String, byte[]> before = contents(out);

        Result plain = oneGroupInto(out);
        assertEquals(2, plain.code(), plain.out() + plain.err());
        assertTrue(plain.err().contains("is not a folder enisim wrote"), plain.err());
        assertUnchanged(before, out);

        Result forced = oneGroupInto(out, "--force");
        assertEquals(2, forced.code(), forced.out() + forced.err());
        assertTrue(forced.err().contains("--force would replace gate.md, which enisim did not write"), forced.err());
        // the user's gate.md and notes as they were; the gate's own junit.xml (listed, unchanged) now says the bad
        // input, as a refused gate --force leaves its own files, so that no stale verdict stands
        assertArrayEquals(before.get("gate.md"), Files.readAllBytes(out.resolve("gate.md")));
        assertEquals("mine\n", Files.readString(out.resolve("notes.txt")));
        assertTrue(Files.readString(out.resolve("junit.xml")).contains("BadInput"), Files.readString(out.resolve(
                "junit.xml")));

        // a link in a listed file's place, to a copy of what the gate wrote there: not the file the marker lists
        Files.delete(out.resolve("gate.md"));
        Path copy = Files.writeString(dir.resolve("elsewhere.md"), "the user's, linked\n");
        Files.createSymbolicLink(out.resolve("gate.md"), copy);
        Result linked = oneGroupInto(out, "--force");
        assertEquals(2, linked.code(), linked.out() + linked.err());
        assertTrue(linked.err().contains("symbolic link"), linked.err());
        assertEquals("the user's, linked\n", Files.readString(copy));
        assertTrue(Files.isSymbolicLink(out.resolve("gate.md")));
    }

    @Test
    void withForceTheFilesTheMarkerListsAsWrittenAreReplacedBesideTheUsers() throws Exception {
        Path out = gatesFolderWithNotes();
        Result forced = oneGroupInto(out, "--force");
        assertTrue(forced.code() == 0 || forced.code() == 1, forced.out() + forced.err());
        assertEquals("mine\n", Files.readString(out.resolve("notes.txt")));
        for (String f : ONE_GROUP_FILES) { // written again, each now ending with the gate's checksum line
            String text = Files.readString(out.resolve(f));
            assertTrue(text.strip().lines().reduce((a, b) -> b).orElseThrow().contains("enisim sha256 "), f + ": "
                    + text);
        }
        // the marker's checksums are of the files before: they are known by their own lines now, and replaced again
        assertTrue(SafeOutput.listedAsWritten(out, dir, ONE_GROUP_FILES).isEmpty());
        Result again = oneGroupInto(out, "--force");
        assertTrue(again.code() == 0 || again.code() == 1, again.out() + again.err());

        // one of them edited since: never replaced, even with --force
        String after = Files.readString(out.resolve("after.yaml"));
        int body = after.indexOf('\n') + 1; // a note below the opening line, above the checksum line
        Files.writeString(out.resolve("after.yaml"), after.substring(0, body) + "# my note\n" + after.substring(body));
        Map<String, byte[]> before = contents(out);
        Result edited = oneGroupInto(out, "--force");
        assertEquals(2, edited.code(), edited.out() + edited.err());
        assertTrue(edited.err().contains("--force would replace after.yaml, which enisim wrote but which was changed"
                + " since"), edited.err());
        assertArrayEquals(before.get("after.yaml"), Files.readAllBytes(out.resolve("after.yaml")));
        assertEquals("mine\n", Files.readString(out.resolve("notes.txt")));
        assertTrue(Files.readString(out.resolve("gate.md")).contains("## enisim gate: bad input"), "the gate's own"
                + " gate.md says the bad input");
    }

    @Test
    void aMarkerListingAFileWithAnotherChecksumDoesNotMakeItEnisims() throws Exception {
        Path out = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(out.resolve("gate.md"), "my notes\n");
        Files.writeString(out.resolve(SafeOutput.MARKER), SafeOutput.MARKER_HEADER + "0".repeat(64) + "  gate.md\n");
        assertTrue(SafeOutput.listedAsWritten(out, dir, ONE_GROUP_FILES).isEmpty());
        Map<String, byte[]> before = contents(out);
        Result forced = oneGroupInto(out, "--force");
        assertEquals(2, forced.code(), forced.out() + forced.err());
        assertUnchanged(before, out);
        // a marker without enisim's header lists nothing, whatever its checksums
        Files.writeString(out.resolve(SafeOutput.MARKER), "# mine\n" + sha256("my notes\n") + "  gate.md\n");
        assertTrue(SafeOutput.listedAsWritten(out, dir, ONE_GROUP_FILES).isEmpty());
        // with it, the right checksum, and gate.md one of the names asked for: listed (others the marker lists are not)
        Files.writeString(out.resolve(SafeOutput.MARKER), SafeOutput.MARKER_HEADER + sha256("my notes\n")
                + "  gate.md\n" + sha256("my notes\n") + "  notes.md\n");
        Files.writeString(out.resolve("notes.md"), "my notes\n");
        assertEquals(Map.of("gate.md", sha256("my notes\n")), SafeOutput.listedAsWritten(out, dir, ONE_GROUP_FILES));
    }

    private static String sha256(String text) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
