package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.workload.ArrivalSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trace files as tools write them (the formats in scenarios/README.md): a byte-order mark, quoted cells, headers,
 * long files, and the rate bound of 1,000,000 arrivals per second at its edge.
 */
class TraceRowsTest {

    private static final long SEC = 1_000_000L;

    @TempDir
    Path dir;

    private Path scenario(String content, String settings) throws Exception {
        Files.writeString(dir.resolve("t.csv"), content);
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "name: trace\nduration: 1h\nfunctions:\n  - name: f\n    duration: 10ms\n"
                + "    arrivals: {trace: {file: t.csv" + settings + "}}\n");
        return f;
    }

    private ArrivalSpec.Trace trace(String content, String settings) throws Exception {
        return (ArrivalSpec.Trace) ScenarioLoader.load(scenario(content, settings)).functions().get(0).arrivals();
    }

    private List<String> problems(String content, String settings) throws Exception {
        Path f = scenario(content, settings);
        return assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f)).problems().stream()
                .map(p -> p.path() + ": " + p.message()).toList();
    }

    private String at(int line) {
        return "functions[0].arrivals.trace.file: " + dir.resolve("t.csv") + " line " + line + ": ";
    }

    @Test
    void aByteOrderMarkDoesNotCostTheFirstRow() throws Exception {
        assertArrayEquals(new long[] {5 * SEC, 6 * SEC}, trace("\uFEFF5\n6\n", "").startsMicros());
        assertArrayEquals(new long[] {0, 60 * SEC}, trace("\uFEFF0,3\n60,4\n", ", format: counts").startsMicros());
    }

    @Test
    void quotedCellsAsSpreadsheetsWriteThem() throws Exception {
        ArrivalSpec.Trace t = trace("\"start\",\"count\"\n\"0\",\"3\"\n\" 60 \", \"4\"\n", ", format: counts");
        assertArrayEquals(new long[] {0, 60 * SEC}, t.startsMicros());
        assertArrayEquals(new long[] {3, 4}, t.counts());
        assertArrayEquals(new long[] {12_500_000}, trace("\"12.5\"\n", "").startsMicros(), "a quoted first row is data");
    }

    @Test
    void aFirstLineIsDataWhenItStartsLikeANumber() throws Exception {
        assertArrayEquals(new long[] {500_000, SEC}, trace(".5\n1\n", "").startsMicros());
        assertArrayEquals(new long[] {2 * SEC, 3 * SEC}, trace("+2\n3\n", "").startsMicros());
        assertArrayEquals(new long[] {SEC}, trace(",count\n1\n", "").startsMicros(), "a header with an empty first cell");
    }

    @Test
    void aLongTraceKeepsEveryRow() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            b.append(i).append(',').append(i % 7).append('\n');
        }
        ArrivalSpec.Trace t = trace(b.toString(), ", format: counts, interval: 1s");
        assertEquals(1_000, t.startsMicros().length);
        assertEquals(999 * SEC, t.startsMicros()[999]);
        assertEquals(999 % 7, t.counts()[999]);
        long sum = 0;
        for (int i = 0; i < 1_000; i++) {
            sum += i % 7;
        }
        assertEquals(sum, t.recorded());
    }

    /** Units.MAX_RATE_PER_SECOND: a row may hold 1,000,000 arrivals per second of its interval, not one more. */
    @Test
    void theRateBoundAtItsEdge() throws Exception {
        assertArrayEquals(new long[] {1_000_000}, trace("0,1000000\n", ", format: counts, interval: 1s").counts());
        assertArrayEquals(new long[] {500_000}, trace("0,500000\n", ", format: counts, interval: 500ms").counts());
        assertEquals(List.of(at(1) + "500001 arrivals in one interval of 0.5 s is above 1000000/s, not physically "
                + "meaningful for one function"), problems("0,500001\n", ", format: counts, interval: 500ms"));
    }

    @Test
    void rowsCloserThanAnIntervalSayHowClose() throws Exception {
        assertEquals(List.of(at(2) + "rows overlap: 0 s is less than one interval (60.0 s) after the previous row's "
                + "0.0 s"), problems("0,1\n0,1\n", ", format: counts"));
        assertEquals(List.of(at(3) + "rows overlap: 100 s is less than one interval (60.0 s) after the previous row's "
                + "60.0 s"), problems("0,1\n60,1\n100,1\n", ", format: counts"));
    }

    @Test
    void numbersJavaReadsButATraceDoesNot() throws Exception {
        // Double.parseDouble takes "5d" (a Java double literal) and "1." : neither is a time in seconds
        assertEquals(List.of(at(2) + "expected a time in seconds, got '5d'"), problems("1\n5d\n", ""));
        assertEquals(List.of(at(2) + "expected a time in seconds, got '1.'"), problems("1\n1.\n", ""));
    }

    @Test
    void aTraceInAnotherEncodingSaysSo() throws Exception {
        Path f = scenario("", "");
        Files.write(dir.resolve("t.csv"), new byte[] {'1', '\n', (byte) 0xFF, (byte) 0xFE, '\n'});
        assertEquals(List.of("functions[0].arrivals.trace.file: the trace " + dir.resolve("t.csv") + " is not UTF-8 "
                + "text (a binary file, or another encoding: save it as UTF-8 CSV)"), assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(f)).problems().stream().map(p -> p.path() + ": " + p.message()).toList());
    }

    @Test
    void aFolderIsNotATrace() throws Exception {
        Files.createDirectory(dir.resolve("folder.csv"));
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "name: trace\nduration: 1h\nfunctions:\n  - name: f\n    duration: 10ms\n"
                + "    arrivals: {trace: {file: folder.csv}}\n");
        assertEquals(List.of("functions[0].arrivals.trace.file: the trace " + dir.resolve("folder.csv")
                + " is not a regular file (a folder, a device or a pipe)"), assertThrows(ScenarioException.class,
                () -> ScenarioLoader.load(f)).problems().stream().map(p -> p.path() + ": " + p.message()).toList());
    }

    /**
     * A file without line ends is refused by its first 64 KiB (a 3 GiB one was read whole into one string and ran out
     * of memory, a stack trace); a long comment line under the bound is read as before.
     */
    @Test
    void aLineLongerThan64KiBIsRefusedWithoutReadingItWhole() throws Exception {
        assertEquals(List.of("functions[0].arrivals.trace.file: the trace " + dir.resolve("t.csv") + " has a line "
                + "longer than 64 KiB (a trace is a CSV of short rows: is this the right file?)"),
                problems("7".repeat(200 * 1024), ""));
        ArrivalSpec.Trace t = trace("# " + "x".repeat(60 * 1024) + "\r\n1\n2\n", "");
        assertEquals(2, t.startsMicros().length, "a long comment line under the bound, CRLF ends, then two rows");
    }
}
