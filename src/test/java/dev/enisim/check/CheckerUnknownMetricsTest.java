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
        // quickstart: two subnets, and two functions created later in the run (audit at 50m, notifications at 1h)
        return unknownIn("scenarios/quickstart.yaml", sentences);
    }

    /** The committed scenario {@code path} with its expect: block replaced by {@code sentences}. */
    private List<Problem> unknownIn(String path, String... sentences) throws Exception {
        StringBuilder expect = new StringBuilder("expect:\n");
        for (String s : sentences) {
            expect.append("  - \"").append(s).append("\"\n");
        }
        String text = Files.readString(Path.of(path));
        Path f = Files.writeString(dir.resolve("s.yaml"), text.substring(0, text.indexOf("\nexpect:") + 1)
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
        assertTrue(p.get(0).message().startsWith("'functions.orders-apii.finalState' names function 'orders-apii',"
                + " which the scenario does not have (did you mean 'orders-api'?)"), p.get(0).message());
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

    /**
     * provisioned-billing enables provisioned concurrency at 7 minutes, past the first second the names are checked
     * against: its section's paths are known all the same (they were refused as unknown), a misspelt function in it
     * is not.
     */
    @Test
    void aProvisionedConcurrencyEnabledLaterInTheRunIsKnown() throws Exception {
        assertEquals(List.of(), unknownIn("scenarios/provisioned-billing.yaml",
                "provisionedConcurrency.checkout.spilloverInvocations > 1000"));
        List<Problem> p = unknownIn("scenarios/provisioned-billing.yaml",
                "provisionedConcurrency.checkot.spilloverInvocations > 1000");
        assertEquals(1, p.size(), p.toString());
        assertTrue(p.get(0).message().contains("provisionedConcurrency.checkout.spilloverInvocations"),
                p.get(0).message());
    }
}
