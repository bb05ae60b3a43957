package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.workload.ArrivalSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Trace files row by row: what each row becomes, the edges of what is accepted, one problem per bad line. */
class TraceReaderTest {

    @TempDir
    Path dir;

    private Scenario load(String content, String settings) throws Exception {
        Files.writeString(dir.resolve("t.csv"), content.replace('|', '\n'));
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "name: trace\nduration: 1h\nfunctions:\n  - name: f\n    duration: 10ms\n"
                + "    arrivals: {trace: {file: t.csv" + settings + "}}\n");
        return ScenarioLoader.load(f);
    }

    private ArrivalSpec.Trace trace(String content, String settings) throws Exception {
        return (ArrivalSpec.Trace) load(content, settings).functions().get(0).arrivals();
    }

    @Test
    void countRowsKeepTheirStartsAndCounts() throws Exception {
        ArrivalSpec.Trace c = trace("start,count|0,2|60,0|120.5,4", ", format: counts, interval: 1m");
        assertArrayEquals(new long[] {0, 60_000_000, 120_500_000}, c.startsMicros());
        assertArrayEquals(new long[] {2, 0, 4}, c.counts());
        // the largest count in one row, over an interval long enough to stay under the 1,000,000/s rate bound
        ArrivalSpec.Trace largest = trace("start,count|0," + ArrivalSpec.Trace.MAX_COUNT,
                ", format: counts, interval: 1h");
        assertArrayEquals(new long[] {ArrivalSpec.Trace.MAX_COUNT}, largest.counts(), "the largest count");
        ArrivalSpec.Trace exactlyOneInterval = trace("0,1|60,1", ", format: counts, interval: 1m");
        assertArrayEquals(new long[] {0, 60_000_000}, exactlyOneInterval.startsMicros(), "adjacent rows");
    }

    @Test
    void timestampsRoundToTheMicrosecondAndTheFirstLineIsDataWhenItIsANumber() throws Exception {
        assertArrayEquals(new long[] {1, 500_000, 2_000_000}, trace("0.000001|.5|+2", "").startsMicros());
        assertArrayEquals(new long[] {0, 3_000_000}, trace("0|0|3", "").startsMicros());
        assertArrayEquals(new long[] {2, 1}, trace("0|0|3", "").counts());
        assertEquals(3, trace("#|0|0|3", "").recorded());
        assertArrayEquals(new long[] {9_000_000_000_000_000_000L}, trace("9000000000000", "").startsMicros(),
                "the longest time accepted: 9e12 s");
    }

    /** A file name that is no path at all (a NUL character) is a problem of the field, not a crash (exit 1). */
    @Test
    void aTraceFileNameThatIsNoPathIsReportedAtItsField() throws Exception {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, "name: trace\nduration: 1h\nfunctions:\n  - name: f\n    duration: 10ms\n"
                + "    arrivals: {trace: {file: \"t\\0.csv\"}}\n");
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(f));
        assertTrue(e.getMessage().contains("functions[0].arrivals.trace.file: not a valid path"), e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "1|2|soon; ; line 3: expected a time in seconds, got 'soon'",
        "time|1|5|3|2; ; line 4: times must not go back (3 s after 5.0 s) & line 5: times must not go back (2 s after 3.0 s)",
        "0,5|60,-2|120,-3; , format: counts; line 2: a count cannot be negative: -2 & line 3: a count cannot be negative: -3",
        "0,2147483649; , format: counts; line 1: a count above 2147483648 in one row: 2147483649",
        "-1|-2; ; line 1: a time must not be negative: -1 & line 2: a time must not be negative: -2",
        "1|9000000000001; ; line 2: a time is at most 9e12 seconds (it must fit in microseconds), got '9000000000001'",
        "1|0x10; ; line 2: expected a time in seconds, got '0x10'",
        "0,1.5; , format: counts; line 1: expected a whole count, got '1.5'",
        "0,1|60|70; , format: counts; line 2: expected 'seconds,count', got '60' & line 3: expected 'seconds,count', got '70'",
        "0,1|60,1,2; , format: counts; line 2: expected 'seconds,count', got '60,1,2'",
        "start,count|120,1|60,1; , format: counts; line 3: rows must be in time order (60 s after 120.0 s)",
        "0,1|59.999999,1; , format: counts, interval: 1m; line 2: rows overlap: 59.999999 s is less than one "
                + "interval (60.0 s) after the previous row's 0.0 s",
    })
    void aBadFileIsOneProblemForEachBadLine(String content, String settings, String messages) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> load(content, settings == null ? ""
                : settings));
        // every bad line, not the first alone (an SRE team's wish, session 49: a trace fixed one line per run)
        assertEquals(java.util.Arrays.stream(messages.split(" & ")).map(m -> new Problem(
                "functions[0].arrivals.trace.file", dir.resolve("t.csv") + " " + m)).toList(), e.problems());
    }

    /**
     * At most {@link TraceReader#SHOWN} bad lines are said one by one, the rest counted in one more line; a line or a
     * cell is quoted up to {@link TraceReader#QUOTED} characters (a one-line file of 50 KB was quoted whole).
     */
    @Test
    void manyBadLinesAreCountedAndALongLineIsNotQuotedWhole() {
        StringBuilder bad = new StringBuilder("1");
        for (int i = 0; i < 25; i++) {
            bad.append("|x").append(i);
        }
        ScenarioException e = assertThrows(ScenarioException.class, () -> load(bad.toString(), ""));
        assertEquals(TraceReader.SHOWN + 1, e.problems().size(), e.problems().toString());
        assertEquals(dir.resolve("t.csv") + " line 2: expected a time in seconds, got 'x0'",
                e.problems().get(0).message());
        assertEquals(dir.resolve("t.csv") + ": 15 more bad lines after these 10 (25 in all, the last at line 26)",
                e.problems().get(TraceReader.SHOWN).message());
        String longLine = "0;" + "a".repeat(50_000);
        ScenarioException one = assertThrows(ScenarioException.class, () -> load(longLine, ", format: counts"));
        assertEquals(List.of(new Problem("functions[0].arrivals.trace.file", dir.resolve("t.csv") + " line 1: "
                + "expected 'seconds,count', got '0;aa...' (50002 characters)")), one.problems());
        ScenarioException cell = assertThrows(ScenarioException.class, () -> load("1|" + "9".repeat(60) + "x", ""));
        assertTrue(cell.problems().get(0).message().endsWith("got '9999...' (61 characters)"),
                cell.problems().get(0).message());
    }
}
