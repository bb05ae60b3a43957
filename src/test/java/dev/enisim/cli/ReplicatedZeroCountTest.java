package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Erlang B with 17 servers at 5 Erlangs blocks 1.445e-5 of ~15,000 arrivals: 0.217 throttles expected per run, so
 * ten runs usually see none. `check` passed {@code ci(invocations.throttled) below 0.05} on the interval [0, 0];
 * with none seen, ten runs bound the mean at -ln(0.05)/10 = 0.2996 only, and the check must fail.
 */
class ReplicatedZeroCountTest {

    @TempDir
    Path dir;

    static final String ERLANG = """
            name: erl
            seed: 2024
            duration: 3000s
            bucket: 1m
            account:
              concurrencyLimit: 17
              unreservedMinimum: 0
            functions:
              - name: f
                timeout: 900s
                duration: { dist: exponential, mean: 1s }
                arrivals: { poisson: 5/s }
            """;

    @Test
    void tenRunsWithoutAThrottleDoNotProveThemRarerThanOneInTwenty() throws Exception {
        Path f = Files.writeString(dir.resolve("erl.yaml"), ERLANG
                + "expect:\n  - \"invocations.throttled == 0\"\n  - \"ci(invocations.throttled) below 0.05\"\n"
                + "  - \"ci(invocations.throttled) below 0.35\"\n");
        CliTest.Result r = CliTest.run("check", f.toString(), "--replications", "10");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("PASS  invocations.throttled == 0"), "none in ten runs: " + r.out());
        assertTrue(r.out().contains(": expect[1]: ci(invocations.throttled) below 0.05   (actual 95% CI [0, 0.299573])"),
                r.out());
        assertTrue(r.out().contains("PASS  ci(invocations.throttled) below 0.35"), r.out());

        CliTest.Result run = CliTest.run("run", f.toString(), "--replications", "10", "--out",
                dir.resolve("out").toString());
        assertEquals(0, run.code(), run.err());
        assertTrue(run.out().matches("(?s).*invocations\\.throttled +0\\.00  0 in all 10 replications; 95% upper bound"
                + " 0\\.2996 per replication \\(rule of three\\).*"), run.out());
        assertTrue(run.out().contains("-ln(0.05)/10"), "the rule said: " + run.out());
        String json = Files.readString(dir.resolve("out/summary.json"));
        assertTrue(json.contains("\"invocations.throttled\" : {\n      \"n\" : 10,\n      \"mean\" : 0.0,\n"
                + "      \"sd\" : 0.0,\n      \"ciLow\" : 0.0,\n      \"ciHigh\" : 0.29957"), json);
    }
}
