package dev.enisim.cli;

import static dev.enisim.cli.Scratch.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * A misspelt metric in an {@code expect:} block ({@code enis.orphand == 2}) was bad input only after every scenario of
 * the check had run (the scenarios before it printed their verdicts, then exit 2): it is now found before the first
 * run, with the scenario's own names (its subnets, its functions) as what was meant.
 */
class CheckUnknownMetricBeforeRunTest extends InScratch {

    @Test
    void anUnknownMetricIsBadInputBeforeAnyRun() throws Exception {
        Files.createDirectories(s.work.resolve("suite"));
        Files.writeString(s.work.resolve("suite/a-good.yaml"), Scratch.SCENARIO.replace("name: scratch", "name: good")
                + "expect:\n  - \"enis.peak >= 0\"\n");
        Files.writeString(s.work.resolve("suite/b-bad.yaml"), Scratch.SCENARIO.replace("name: scratch", "name: bad")
                + "expect:\n  - \"enis.orphand == 2\"\n  - \"subnets.subnet-x.minAvailableIps > 3\"\n"
                + "  - \"subnets.subnet-a.minAvailableIps >= 0\"\n  - \"functions.api.invocations.total > 0\"\n");
        Scratch.Result r = s.run("check", "suite", "--junit", "junit.xml");
        assertExit(2, r);
        String bad = s.work.resolve("suite/b-bad.yaml").toString();
        assertTrue(r.err().contains(bad + ":14: expect[0]: unknown metric 'enis.orphand' (did you mean: enis.orphaned"),
                r.err());
        assertTrue(r.err().contains(bad + ":15: expect[1]: 'subnets.subnet-x.minAvailableIps' names subnet 'subnet-x',"
                + " which the scenario does not have (did you mean 'subnet-a'?)"), r.err());
        assertFalse(r.err().contains("expect[2]") || r.err().contains("expect[3]"), "the scenario's own subnet and"
                + " function are known: " + r.err());
        assertFalse(r.err().contains("Exception"), r.err());
        assertEquals("", r.out(), "nothing ran: no scenario's verdicts");
        assertFalse(Files.readString(s.work.resolve("junit.xml")).contains("<testcase name=\"enis.peak >= 0\""),
                "no verdict reached: nothing ran");
    }
}
