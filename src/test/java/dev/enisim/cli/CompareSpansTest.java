package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migrating architect's review: {@code compare A --set duration=40m} against A's 2h called 283 counts
 * "significant" with no word that the runs' lengths differ. The terminal and the page now say so first.
 */
class CompareSpansTest {

    @TempDir
    Path dir;

    private static final String SCENARIO = """
            name: spans
            seed: 5
            duration: 4m
            bucket: 1m
            functions:
              - { name: f, duration: 50ms, arrivals: { poisson: 5/s } }
            """;

    @Test
    void differentDurationsAreWarnedOfOnTheTerminalAndThePage() throws Exception {
        Path f = Files.writeString(dir.resolve("spans.yaml"), SCENARIO);
        Path html = dir.resolve("c.html");
        CliTest.Result r = CliTest.run("compare", f.toString(), "--set", "duration=2m", "--replications", "2",
                "--html", html.toString());
        assertEquals(0, r.code(), r.err());
        String warning = "Warning: A and B count different spans (A 4m, B 2m): their counts (invocations, errors,"
                + " throttles, cold starts, events, cost) are not comparable, their rates, latencies and peaks are; to"
                + " compare counts, give B A's duration (--set duration=4m).";
        assertTrue(r.out().contains("\n" + warning + "\n"), r.out());
        assertTrue(r.out().indexOf(warning) < r.out().indexOf("metric "), "before the table: " + r.out());
        String page = Files.readString(html);
        assertTrue(page.contains("</header>\n<p class=\"verdict warn\">" + warning + "</p>"), page.substring(0,
                Math.min(page.length(), 4000)));
    }

    @Test
    void theSameSpanIsNotWarnedOf() throws Exception {
        Path f = Files.writeString(dir.resolve("spans.yaml"), SCENARIO);
        CliTest.Result r = CliTest.run("compare", f.toString(), "--set", "functions[f].arrivals.poisson=6/s",
                "--replications", "2", "--warm-up", "1m");
        assertEquals(0, r.code(), r.err());
        assertFalse(r.out().contains("different spans"), r.out());
    }
}
