package dev.enisim.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.scenario.ScenarioException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a saved AWS CLI output file is read ({@link CliJson}): the encodings a shell may have saved it in (UTF-8 with or
 * without a byte-order mark, UTF-16 as PowerShell writes it, with or without one), one document, several appended or
 * in one array (jq -s), and each field reader's checks, with paths that name the document in a file of several.
 */
class CliJsonTest {

    private static final String CMD = "aws ec2 describe-subnets";

    @TempDir
    Path dir;

    private Path bytes(String name, byte[] b) throws Exception {
        return Files.write(dir.resolve(name), b);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static final String DOC = "{\"Subnets\": [{\"SubnetId\": \"subnet-1\"}]}";

    @Test
    void everyEncodingAShellSavesIn() throws Exception {
        byte[] utf8 = DOC.getBytes(StandardCharsets.UTF_8);
        byte[] le = DOC.getBytes(StandardCharsets.UTF_16LE);
        byte[] be = DOC.getBytes(StandardCharsets.UTF_16BE);
        List<Path> files = List.of(bytes("plain", utf8),
                bytes("bom8", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, utf8)),
                bytes("bomle", concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, le)),
                bytes("bombe", concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, be)),
                bytes("le", le), bytes("be", be));
        for (Path f : files) {
            CliJson j = CliJson.read(f, CMD);
            assertEquals("subnet-1", j.list("Subnets", CMD).get(0).get("SubnetId").asText(), f.toString());
        }
    }

    @Test
    void aByteOrderMarkAloneIsAFileWithNoDocument() throws Exception {
        for (byte[] b : List.of(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, new byte[] {(byte) 0xFF,
                (byte) 0xFE}, new byte[] {(byte) 0xFE, (byte) 0xFF})) {
            Path f = bytes("bom" + b.length + (b[0] & 0xFF), b);
            assertEquals("expected the JSON object that `" + CMD + "` prints (saved with the default --output json),"
                    + " or several of them appended or in one array (jq -s); got no document", failure(f));
        }
        assertEquals("expected the JSON object that `" + CMD + "` prints (saved with the default --output json), or"
                + " several of them appended or in one array (jq -s); got no document", failure(bytes("ws", " \n"
                .getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void bytesThatAreNotTextAndFilesThatCannotBeRead() throws Exception {
        assertEquals("not text (neither UTF-8 nor UTF-16): expected the JSON that `" + CMD + "` prints",
                failure(bytes("bin", new byte[] {'{', (byte) 0xC3, (byte) 0x28, '}'})));
        assertEquals("file not found", failure(dir.resolve("missing.json")));
        assertEquals("is a folder; expected a file of saved AWS CLI output", failure(dir));
    }

    @Test
    void severalDocumentsAppendedOrInOneArrayEachWithItsIndexInPaths() throws Exception {
        Path appended = Files.writeString(dir.resolve("a.json"), DOC + "\n" + DOC.replace("subnet-1", "subnet-2"));
        Path array = Files.writeString(dir.resolve("b.json"), "[" + DOC + ", " + DOC.replace("subnet-1", "subnet-2")
                + "]");
        for (Path f : List.of(appended, array)) {
            List<CliJson> all = CliJson.readAll(f, CMD);
            assertEquals(2, all.size());
            assertEquals("subnet-2", all.get(1).list("Subnets", CMD).get(0).get("SubnetId").asText());
            assertEquals(f + " document [1]", all.get(1).where());
            assertEquals("[1].Subnets[0].VpcId", all.get(1).at("Subnets[0].VpcId"));
            assertEquals("[1][2]", all.get(1).at("[2]"));
            assertEquals("[1]", all.get(1).at(""));
        }
        CliJson one = CliJson.read(Files.writeString(dir.resolve("c.json"), DOC), CMD);
        assertEquals(dir.resolve("c.json").toString(), one.where());
        assertEquals("Subnets[0]", one.at("Subnets[0]"));
        assertEquals("", one.at(""));
    }

    @Test
    void aDocumentThatIsNotAnObjectOrNotJson() throws Exception {
        assertTrue(failure(Files.writeString(dir.resolve("n.json"), DOC + " 42")).endsWith("; got a number"));
        assertTrue(failure(Files.writeString(dir.resolve("s.json"), "[\"x\"]")).endsWith("; got a string"));
        String malformed = failure(Files.writeString(dir.resolve("m.json"), "{\"Subnets\": [\n}"));
        assertTrue(malformed.startsWith("malformed JSON at line 2, column 1: "), malformed);
        assertTrue(malformed.endsWith("(expected the output of `" + CMD + "`)"), malformed);
        String second = failure(Files.writeString(dir.resolve("m2.json"), DOC + "\n{\"a\": }"));
        assertTrue(second.startsWith("malformed JSON"), second);
    }

    @Test
    void fieldReadersCheckTypesAndRangesAndCollectEveryProblem() throws Exception {
        Path f = Files.writeString(dir.resolve("f.json"), "[{\"X\": []}, {\"N\": {\"s\": \"x\", \"i\": 5, \"big\": 99, \"f\":"
                + " 1.5, \"txt\": \"7\", \"l\": [\"a\", 2, \"c\"], \"notl\": \"a\", \"nul\": null}}]");
        CliJson doc = CliJson.readAll(f, CMD).get(1);
        assertEquals(List.of(), doc.list("N", CMD), "an object where a list is expected");
        JsonNode node = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().readTree(Files.readString(f))
                .get(1).get("N");
        assertEquals("x", doc.text(node, "N", "s", true));
        assertNull(doc.text(node, "N", "absent", false), "optional and absent: no problem");
        assertNull(doc.text(node, "N", "nul", false));
        assertNull(doc.text(node, "N", "absent", true));
        assertNull(doc.text(node, "N", "i", true));
        assertEquals(5L, doc.integer(node, "N", "i", true, 0, 10));
        assertEquals(5L, doc.integer(node, "N", "i", true, 5, 5), "5 is inside [5, 5]");
        assertNull(doc.integer(node, "N", "big", true, 0, 98));
        assertNull(doc.integer(node, "N", "f", true, 0, 10));
        assertNull(doc.integer(node, "N", "txt", true, 0, 10), "a number in a string is not a number");
        assertNull(doc.integer(node, "N", "absent", false, 0, 10));
        assertNull(doc.integer(node, "N", "absent", true, 0, 10));
        assertEquals(List.of("a", "c"), doc.strings(node, "N", "l"));
        assertEquals(List.of(), doc.strings(node, "N", "notl"));
        assertEquals(List.of(), doc.strings(node, "N", "absent"));
        assertEquals(List.of(), doc.strings(node, "N", "nul"));
        ScenarioException e = assertThrows(ScenarioException.class, doc::throwIfProblems);
        assertEquals(f.toString(), e.source());
        assertEquals(List.of(
                "[1].N: expected a list 'N', as `" + CMD + "` prints (is this the output of another command?)",
                "[1].N.absent: missing (expected a string)",
                "[1].N.i: expected a string, got 5",
                "[1].N.big: expected 0 to 98, got 99",
                "[1].N.f: expected a whole number, got 1.5",
                "[1].N.txt: expected a whole number, got \"7\"",
                "[1].N.absent: missing (expected a whole number)",
                "[1].N.l[1]: expected a string, got 2",
                "[1].N.notl: expected a list of strings, got \"a\""), e.problems().stream().map(Object::toString)
                .toList());
    }

    @Test
    void aPageOfALongerListingSaysWhichToken() throws Exception {
        assertEquals("NextToken", CliJson.read(Files.writeString(dir.resolve("p1.json"), "{\"NextToken\": \"abc\"}"),
                CMD).nextPage());
        assertEquals("NextMarker", CliJson.read(Files.writeString(dir.resolve("p2.json"), "{\"NextToken\": \"\","
                + " \"NextMarker\": \"m\"}"), CMD).nextPage());
        assertNull(CliJson.read(Files.writeString(dir.resolve("p3.json"), "{\"NextMarker\": \"\", \"NextToken\":"
                + " null}"), CMD).nextPage(), "an empty marker: the last page (list-functions prints one)");
        assertNull(CliJson.read(Files.writeString(dir.resolve("p4.json"), "{\"NextToken\": 3}"), CMD).nextPage());
    }

    private static String failure(Path f) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> CliJson.readAll(f, CMD));
        assertEquals(f.toString(), e.source());
        assertEquals(1, e.problems().size());
        return e.problems().get(0).message();
    }
}
