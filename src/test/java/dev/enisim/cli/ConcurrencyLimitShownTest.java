package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A product manager's review: run said "Peak ConcurrentExecutions 988" with no "of 1,000" (ENIs had "peak 14 of quota
 * 500"). Near the limit (80% or more) the terminal and the page's Capacity now say the limit beside the peak.
 */
class ConcurrencyLimitShownTest {

    @TempDir
    Path dir;

    private String scenario(int limit) {
        return """
                name: near-limit
                seed: 3
                duration: 10m
                bucket: 1m
                account:
                  concurrencyLimit: %d
                  unreservedMinimum: 0
                functions:
                  - name: f
                    timeout: 30s
                    duration: { dist: exponential, mean: 2s }
                    arrivals: { poisson: 22/s }
                """.formatted(limit);
    }

    @Test
    void aPeakNearTheAccountsLimitIsSaidAgainstIt() throws Exception {
        Path f = Files.writeString(dir.resolve("near.yaml"), scenario(50));
        CliTest.Result r = CliTest.run("run", f.toString(), "--out", dir.resolve("near").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("Peak ConcurrentExecutions 50 of 50 (100.0% of the account's concurrencyLimit)"),
                r.out());
        String page = Files.readString(dir.resolve("near").resolve("report.html"));
        assertTrue(page.contains("<h3>Capacity</h3>\n<p>Peak ConcurrentExecutions 50 of 50 (100.0% of the"
                + " account&#39;s concurrencyLimit).</p>") || page.contains("<h3>Capacity</h3>\n<p>Peak"
                + " ConcurrentExecutions 50 of 50 (100.0% of the account's concurrencyLimit).</p>"), "Capacity");
    }

    @Test
    void farBelowItThePeakStandsAlone() throws Exception {
        Path f = Files.writeString(dir.resolve("far.yaml"), scenario(1000));
        CliTest.Result r = CliTest.run("run", f.toString(), "--out", dir.resolve("far").toString());
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().lines().anyMatch(l -> l.matches("Peak ConcurrentExecutions [0-9,]+")), r.out());
    }
}
