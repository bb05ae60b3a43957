package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product manager's review: a sweep whose smaller subnet left a function Failed (SubnetOutOfIPAddresses) and
 * refused hundreds of invocations said "2 points (0 failed)", its default metrics left the errors out, and the failing
 * size looked leaner (fewer ENIs). The default metrics have the invoke errors and the functions that ended Failed; the
 * terminal's first line, "What the sweep shows" and sweep.html name the point that ran with failures, apart from the
 * points that could not run; a sweep whose points all ran is exit 0, failures or not.
 */
class SweepFailuresShownTest {

    @TempDir
    Path dir;

    private static final String POINT = "vpcs[0].subnets[0].otherUsedIps (subnet-a) = 10";

    /** One /28 (11 usable addresses), two Active functions of their own security groups: 10 used by others leave one. */
    private Path scenario() throws Exception {
        return ReplicatedEndStatesTest.tight(dir.resolve("tight.yaml"), "5m", 0);
    }

    @Test
    void thePointThatRanWithFailuresIsNamedAndItsErrorsAreDefaultMetrics() throws Exception {
        Path out = dir.resolve("sw");
        Result r = CliTest.run("sweep", scenario().toString(), "--vary", "vpcs[0].subnets[0].otherUsedIps=0,10",
                "--out", out.toString(), "-q");
        assertEquals(0, r.code(), "points that ran with failures are results, not an error: " + r.out() + r.err());
        String first = r.out().lines().findFirst().orElseThrow();
        assertTrue(first.startsWith("2 points: 1 ran with failures (" + POINT + "), 0 could not run -> "), first);
        assertFalse(r.out().contains("failed)"), r.out());
        String csv = Files.readString(out.resolve("sweep.csv"));
        String header = csv.lines().findFirst().orElseThrow();
        assertTrue(header.contains(",invocations.invokeErrors.mean,") && header.contains(",functionsFailed.mean,"),
                header);
        // the failing point's row: its errors and its Failed function beside its leaner peak of ENIs
        String row = csv.lines().filter(l -> l.startsWith("10,")).findFirst().orElseThrow();
        String[] cells = row.split(",", -1);
        assertTrue(Double.parseDouble(cells[4]) > 0, row);
        assertEquals("1", cells[7], row);
        String clean = csv.lines().filter(l -> l.startsWith("0,")).findFirst().orElseThrow();
        assertEquals("0", clean.split(",", -1)[4], clean);
        String verdict = "1 of 2 points ran with failures: " + POINT + ": ";
        assertTrue(r.out().contains("=> " + verdict) && r.out().contains(" invoke errors, 1 function ended Failed."),
                r.out());
        String html = Files.readString(out.resolve("sweep.html"));
        assertTrue(html.contains("<li>" + verdict), html);
    }

    @Test
    void chosenMetricsWithoutTheErrorsStillNameThePoint() throws Exception {
        Path out = dir.resolve("chosen");
        Result r = CliTest.run("sweep", scenario().toString(), "--vary", "vpcs[0].subnets[0].otherUsedIps=0,10",
                "--metric", "enis.peak", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("2 points: 1 ran with failures (" + POINT + "), 0 could not run -> "), r.out());
        assertTrue(r.out().contains("=> 1 of 2 points ran with failures: " + POINT + ": "), r.out());
        assertFalse(Files.readString(out.resolve("sweep.csv")).contains("invokeErrors"), "the columns chosen only");
    }

    @Test
    void aPointThatCouldNotRunIsToldApartAndExitsOne() throws Exception {
        Path out = dir.resolve("bad");
        Result r = CliTest.run("sweep", scenario().toString(), "--vary", "vpcs[0].subnets[0].otherUsedIps=10,lots",
                "--out", out.toString(), "-q");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().startsWith("2 points: 1 ran with failures (" + POINT + "), 1 could not run -> "), r.out());
        assertTrue(r.err().contains("1 of 2 points could not run"), r.err());
    }
}
