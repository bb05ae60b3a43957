package dev.enisim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The bench names how the JVM holds object references (a 32-bit heap runs the simulator several per cent faster):
 * HotSpot's rule from the options, checked against the mode a real JVM logs for the same options.
 */
class HeapReferencesTest {

    private static final long GIB = 1L << 30;

    @Test
    void theRuleGivesEachModeAtItsBounds() {
        assertEquals("32-bit", HeapReferences.mode(true, 2 * GIB, 2 * GIB, 8), "a heap ending at 4 GiB");
        assertEquals("zero-based, shift 3", HeapReferences.mode(true, 2 * GIB + 1, 2 * GIB, 8), "one byte past it");
        assertEquals("32-bit", HeapReferences.mode(true, 3 * GIB, GIB, 8), "a lower base leaves room for more");
        assertEquals("zero-based, shift 3", HeapReferences.mode(true, 32 * GIB, 2 * GIB, 8));
        assertEquals("heap-based, shift 3", HeapReferences.mode(true, 32 * GIB + 1, 2 * GIB, 8));
        assertEquals("zero-based, shift 4", HeapReferences.mode(true, 40 * GIB, 2 * GIB, 16), "16-byte alignment");
        assertEquals("uncompressed", HeapReferences.mode(false, GIB, 2 * GIB, 8));
    }

    @Test
    void thisJvmsModeIsOneOfThem() {
        assertTrue(List.of("32-bit", "zero-based, shift 3", "uncompressed", "unknown").contains(HeapReferences.mode())
                || HeapReferences.mode().startsWith("heap-based"), HeapReferences.mode());
    }

    @Test
    void theRuleAgreesWithTheModeHotSpotLogs() throws Exception {
        for (String heap : List.of("-Xmx2g", "-Xmx3g", "-Xmx512m")) {
            String ours = run(heap, "-cp", System.getProperty("java.class.path"), Print.class.getName());
            String logged = run(heap, "-Xlog:gc+heap+coops=debug", "-version");
            Matcher m = Pattern.compile("Compressed Oops mode: ([^,\\n]+)(?:, Oop shift amount: (\\d+))?")
                    .matcher(logged);
            assertTrue(m.find(), logged);
            String hotspot = m.group(1).trim().equals("32-bit") ? "32-bit"
                    : m.group(1).trim().toLowerCase(java.util.Locale.ROOT).replace(' ', '-') + ", shift " + m.group(2);
            assertEquals(hotspot, ours.trim(), heap + ": " + logged);
        }
    }

    private static String run(String... args) throws IOException, InterruptedException {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }

    /** Prints this JVM's mode as the bench computes it. */
    public static final class Print {
        public static void main(String[] args) {
            System.out.println(HeapReferences.mode());
        }
    }
}
