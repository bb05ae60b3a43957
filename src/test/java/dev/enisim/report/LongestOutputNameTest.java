package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The longest output name enisim takes is one it can write: its hidden temporary sibling
 * {@code .NAME.tmp-PID-N} (N up to 10 digits) still fits the file system's 255 bytes. One byte more is refused
 * before anything is written, the message giving the limit in bytes (a name's UTF-8 bytes, not its characters).
 */
class LongestOutputNameTest {

    @TempDir
    Path work;

    /** 255 bytes less "." NAME ".tmp-" PID "-" and a 10-digit counter around the name. */
    private static final int LONGEST = 255 - (1 + ".tmp-".length() + String.valueOf(ProcessHandle.current().pid())
            .length() + 1 + 10);

    @Test
    void theLongestNameTakenIsWrittenAndOneByteMoreIsRefusedSayingTheLimit() throws Exception {
        String longest = "a".repeat(LONGEST - ".json".length()) + ".json";
        Path written = SafeOutput.writeFile(Path.of(longest), work, null, "{}".getBytes(StandardCharsets.UTF_8));
        assertEquals("{}", Files.readString(written));
        SafeOutput.writeFolder(Path.of("b".repeat(LONGEST)), work, Map.of("summary.json", "{}".getBytes(
                StandardCharsets.UTF_8)));
        assertTrue(Files.isRegularFile(work.resolve("b".repeat(LONGEST)).resolve("summary.json")));

        String tooLong = "c".repeat(LONGEST + 1);
        OutputRefused e = assertThrows(OutputRefused.class, () -> SafeOutput.writeFile(Path.of(tooLong), work, null,
                "{}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(e.getMessage().contains("a name of at most " + LONGEST + " bytes, please (it has " + (LONGEST + 1)
                + ")"), e.getMessage());
        try (var entries = Files.list(work)) {
            assertEquals(0, entries.filter(p -> p.getFileName().toString().contains(tooLong)).count(),
                    "nothing written for the refused name");
        }
    }

    /** A name's length is its bytes: "é" is two, so half as many of them fit. */
    @Test
    void aNameIsMeasuredInBytes() {
        // a path with "é" needs a UTF-8 file name encoding (LANG=C.UTF-8 or the like)
        Assumptions.assumeTrue(System.getProperty("sun.jnu.encoding", "").equalsIgnoreCase("UTF-8"));
        String accents = "é".repeat(LONGEST / 2 + 1);
        OutputRefused e = assertThrows(OutputRefused.class, () -> SafeOutput.checkFolder(Path.of(accents), work));
        assertTrue(e.getMessage().contains("(it has " + 2 * (LONGEST / 2 + 1) + ")"), e.getMessage());
        SafeOutput.checkFolder(Path.of("é".repeat(LONGEST / 2)), work);
    }
}
