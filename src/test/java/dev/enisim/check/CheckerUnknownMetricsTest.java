package dev.enisim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Checker#unknownMetrics}: the metrics a scenario's runs never report, found before any run. */
class CheckerUnknownMetricsTest {

    @TempDir
    Path dir;

    private List<Problem> unknown(String... sentences) throws Exception {
        StringBuilder expect = new StringBuilder("expect:\n");
        for (String s : sentences) {
            expect.append("  - \"").append(s).append("\"\n");
        }
        // quickstart: two subnets, and two functions created later in the run (audit at 50m, notifications at 1h)
        String quickstart = Files.readString(Path.of("scenarios/quickstart.yaml"));
        Path f = Files.writeString(dir.resolve("s.yaml"), quickstart.substring(0, quickstart.indexOf("\nexpect:") + 1)
                + expect);
        Checker.Loaded loaded = Checker.load(f, List.of());
        return Checker.unknownMetrics(loaded.scenario(), loaded.expectations());
    }

    @Test
    void theScenariosOwnNamesAreKnownAndMisspeltOnesAreNot() throws Exception {
        assertEquals(List.of(), unknown("functions.orders-api.finalState == Active",
                "functions.notifications.finalState == Failed", "subnets.subnet-b.minAvailableIps >= 0",
                "eniKeys.subnet-a+[sg-app].peakEnis >= 0", "enis.peak >= 0", "mean(invocations.total) > 0"));
        List<Problem> p = unknown("enis.peak >= 0", "functions.orders-apii.finalState == Active",
                "functions.audit > 0", "eniKeys.subnet-a+[sg-ap].peakEnis >= 0");
        assertEquals(3, p.size(), p.toString());
        assertEquals("expect[1]", p.get(0).path());
        assertTrue(p.get(0).message().startsWith("unknown metric 'functions.orders-apii.finalState' (did you"
                + " mean: functions.orders-api.finalState"), p.get(0).message());
        assertTrue(p.get(1).message().startsWith("'functions.audit' is a group of metrics"), p.get(1).message());
        assertTrue(p.get(2).message().contains("eniKeys.subnet-a+[sg-app].peakEnis"), p.get(2).message());
    }

    /**
     * A list's element and a key the run names as it goes (a cold start's outcome, an ENI's id) may be in the whole
     * run only: left to the run, which says it if it is not there.
     */
    @Test
    void whatOnlyTheWholeRunCanHaveIsLeftToIt() throws Exception {
        assertEquals(List.of(), unknown("teardowns[0].waitSeconds < 5", "functions.audit.transitions[7].state =="
                + " Active", "coldStarts.byOutcome.Success > 0", "functions.audit.coldStarts.byOutcome.Anything > 0",
                "dualStack.subnet-a.eniIpv6Addresses.eni-0003 == x"));
    }
}
