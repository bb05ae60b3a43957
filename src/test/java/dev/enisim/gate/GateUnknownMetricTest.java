package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.importer.ImportCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A rule naming a metric no run reports ({@code failedInvocatons > 0}) was bad input only after the gate had run the
 * account before and after the change, and said alone: it is now said before any run, with the other problems of the
 * gate's input, and with the metrics meant. A subnet's or function's key is checked against the account with the
 * change (its own subnets, the functions the change creates).
 */
class GateUnknownMetricTest {

    static final String DIR = GateCommandTest.DIR;

    @TempDir
    Path dir;

    private Result gate(String rulesFile, String... more) throws Exception {
        Path rules = Files.writeString(dir.resolve("rules.yml"), rulesFile);
        String[] args = {"gate", "--account", DIR + "/account.yaml", "--template", DIR + "/one-group.yaml", "--rules",
            rules.toString(), "--out", dir.resolve("g").toString()};
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return GateCommandTest.run(all);
    }

    @Test
    void anUnknownMetricIsBadInputBeforeAnyRunWithEveryOtherProblem() throws Exception {
        Result r = gate("gate:\n  - \"quota headroom >= 0\"\n  - \"failedInvocatons > 0\"\n"
                + "  - \"subnets.subnet-x.minAvailableIps > 3\"\n  - \"enis.orphand == 0\"\n  - \"enis.peak <= 100\"\n",
                "--traffic", "no-such-function=5/s");
        assertEquals(2, r.code(), r.out() + r.err());
        String rules = dir.resolve("rules.yml").toString();
        assertTrue(r.err().contains(rules + ":3: gate[1]: 'failedInvocatons > 0': unknown metric 'failedInvocatons'"),
                r.err());
        String subnet = r.err().lines().filter(l -> l.contains("'subnets.subnet-x.minAvailableIps > 3'"))
                .findFirst().orElse("");
        assertTrue(subnet.startsWith(rules + ":4: gate[2]: 'subnets.subnet-x.minAvailableIps > 3':"
                + " 'subnets.subnet-x.minAvailableIps' names subnet 'subnet-x', which the scenario does not have")
                && subnet.contains("(its subnets: subnet-0f1e2d3c4b5a69788, subnet-09a8b7c6d5e4f3a21)"),
                "the account's own subnets named: " + r.err());
        assertTrue(r.err().contains(rules + ":5: gate[3]: 'enis.orphand == 0': unknown metric 'enis.orphand' (did you mean:"
                + " enis.orphaned"), r.err());
        // said with the option's problem, not after it: every problem of the input at once
        assertTrue(r.err().contains("--traffic no-such-function=5/s: the change creates no function no-such-function"),
                r.err());
        assertFalse(r.err().contains("enis.peak <= 100"), "a metric the runs report is no problem: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertFalse(Files.exists(dir.resolve("g")), "bad input: nothing run, no folder made");
    }

    @Test
    void theChangesOwnFunctionsAndTheAccountsSubnetsAreKnownMetrics() throws Exception {
        Result r = gate("gate:\n  - \"functions.order-worker-01.finalState == Active\"\n"
                + "  - \"subnets.subnet-0f1e2d3c4b5a69788.minAvailableIps >= 0\"\n");
        assertTrue(r.code() == 0 || r.code() == 1, r.out() + r.err());
        assertFalse(r.err().contains("unknown metric 'functions.order-worker-01.finalState'"), r.err());
        assertFalse(r.err().contains("unknown metric 'subnets."), r.err());
    }

    /**
     * A rule said wrong and a metric misspelt, in one file: both said at once (the metric was said only once the
     * other rule was fixed), and the misspelt metric, close to no summary path, names the gate's own rules, where
     * "failing invocations <= N" is what {@code failedInvocatons > 0} meant.
     */
    @Test
    void aMisspeltMetricIsSaidWithARuleSaidWrongAndNamesTheGatesRules() throws Exception {
        Result r = gate("gate:\n  - \"failedInvocatons > 0\"\n  - \"failing invocation <= 0\"\n");
        assertEquals(2, r.code(), r.out() + r.err());
        String rules = dir.resolve("rules.yml").toString();
        assertTrue(r.err().contains("did you mean 'failing invocations <= 0'?"), r.err());
        String metric = r.err().lines().filter(l -> l.contains("'failedInvocatons > 0': unknown")).findFirst().orElse("");
        assertTrue(metric.startsWith(rules + ":2: gate[0]: 'failedInvocatons > 0': unknown metric 'failedInvocatons'"),
                r.err());
        assertTrue(metric.contains("; or one of the gate's own rules: ") && metric.contains("failing invocations <= N"),
                metric);
        assertFalse(Files.exists(dir.resolve("g")), "bad input: nothing run, no folder made");
    }
}
