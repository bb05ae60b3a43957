package dev.enisim.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * README's quick start says how long the whole test suite takes ({@code mvn -B verify}, what {@code .ci/run} runs),
 * and the last clean-clone run that reports/perf/HISTORY.md records falls within it: a newcomer was told nothing and
 * waited 11 to 13 minutes (a new contributor's review).
 */
class SuiteDurationStatedTest {

    private static final Pattern STATED = Pattern.compile(
            "# 2\\. run the whole test suite \\(what CI runs: \\.ci/run\\); about (\\d+) to (\\d+) minutes on 2 cores\\n"
                    + "mvn -B verify\\n");
    private static final Pattern MEASURED = Pattern.compile("`\\.ci/run` \\**[\\d,]+ tests, [^`]{0,60}?\\b([\\d,]+) s\\b");

    /** The README's range in minutes, or null when it states none. */
    static int[] stated(String readme) {
        Matcher m = STATED.matcher(readme);
        return m.find() ? new int[] {Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))} : null;
    }

    /** The seconds of the last {@code .ci/run} HISTORY records ("`.ci/run` 3,823 tests, 0 failures, ..., 746 s"). */
    static int lastMeasured(String history) {
        Matcher m = MEASURED.matcher(history.replaceAll("\\s+", " "));
        int last = -1;
        while (m.find()) {
            last = Integer.parseInt(m.group(1).replace(",", ""));
        }
        return last;
    }

    @Test
    void theReadmeSaysHowLongTheSuiteTakesAsTheLastRunDid() throws IOException {
        int[] range = stated(Files.readString(Path.of("README.md")));
        assertTrue(range != null, "README's quick start says how long `mvn -B verify` takes");
        int seconds = lastMeasured(Files.readString(Path.of("reports/perf/HISTORY.md")));
        assertTrue(seconds > 0, "HISTORY records a .ci/run");
        assertTrue(range[0] * 60 <= seconds && seconds <= range[1] * 60, "the last .ci/run took " + seconds
                + " s; README says " + range[0] + " to " + range[1] + " minutes");
    }

    /** The readers above can fail: no range stated, and the last of two runs read with its thousands separator. */
    @Test
    void theReadersFindTheRangeAndTheLastRun() {
        assertEquals(null, stated("# 2. run the whole test suite (what CI runs: .ci/run)\nmvn -B verify\n"));
        assertEquals(1049, lastMeasured("`.ci/run` **3,823 tests, 0 failures**, 746 s. Then `.ci/run` 3,900 tests,"
                + " 0 failures,\n  SparkClusterIT 1, 1,049 s."));
    }
}
