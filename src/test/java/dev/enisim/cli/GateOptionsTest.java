package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gate's options are checked before anything runs, every problem named by the option as written. */
class GateOptionsTest {

    @TempDir
    Path dir;

    @Test
    void impossibleThresholdsAndRatesAreBadInputNamingTheirOptionAllAtOnce() {
        CliTest.Result r = CliTest.run("gate", "--account", "src/test/resources/gate/account.yaml", "--template",
                "src/test/resources/gate/one-group.yaml", "--min-free-ips-percent", "150", "--max-new-enis", "-3",
                "--traffic", "Api=abc", "--default-traffic", "0/s", "--replications", "0", "--out",
                dir.resolve("g").toString());
        assertEquals(2, r.code(), r.err());
        for (String s : new String[] {"--max-new-enis: expected a number >= 0, got -3",
            "--min-free-ips-percent: a subnet keeps at most 100% of its IPs, got 150.0",
            "--traffic Api=abc: expected a positive rate with a unit", "--default-traffic 0/s: a rate must be positive",
            "--replications: expected at least 1, got 0"}) {
            assertTrue(r.err().contains(s), s + " in " + r.err());
        }
        assertTrue(!r.err().contains("Exception"), r.err());
    }

    @Test
    void eachOptionsProblemIsSaidOnce() {
        // a hostile user's review: --min-quota-headroom -1 was said twice, in two wordings ("expected a number >= 0,
        // got -1" and "-1: expected a whole number of 0 or more"), and --min-free-ips-percent 150 too
        CliTest.Result r = CliTest.run("gate", "--account", "src/test/resources/gate/account.yaml", "--template",
                "src/test/resources/gate/one-group.yaml", "--min-quota-headroom", "-1", "--min-free-ips", "-2",
                "--max-new-enis", "-3", "--min-free-ips-percent", "150", "--out", dir.resolve("g").toString());
        assertEquals(2, r.code(), r.err());
        for (String option : new String[] {"--min-quota-headroom", "--min-free-ips:", "--max-new-enis",
            "--min-free-ips-percent"}) {
            assertEquals(1, r.err().lines().filter(l -> l.contains(option)).count(), option + " once: " + r.err());
        }
    }

    @Test
    void replicationsBeyondTheEventBudgetAreRefusedBeforeAnyRun() {
        // a hostile user's review: --replications 2147483647 ran for ever, saying nothing
        CliTest.Result r = CliTest.run("gate", "--account", "src/test/resources/gate/account.yaml", "--template",
                "src/test/resources/gate/one-group.yaml", "--replications", "2147483647", "--out",
                dir.resolve("g").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("before and after the change (4294967294 runs) would take ~")
                && r.err().contains("continue with --yes"), r.err());
        assertTrue(!java.nio.file.Files.exists(dir.resolve("g")), "nothing written");
    }

    @Test
    void aStepSummaryThatIsAFolderIsRefusedBeforeAnythingRunsOrIsWritten() throws Exception {
        java.nio.file.Files.createDirectories(dir.resolve("summary-dir"));
        CliTest.Result r = CliTest.run("gate", "--account", "src/test/resources/gate/account.yaml", "--template",
                "src/test/resources/gate/one-group.yaml", "--step-summary", dir.resolve("summary-dir").toString(),
                "--out", dir.resolve("g").toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.err().contains("--step-summary"), r.err());
        assertTrue(!java.nio.file.Files.exists(dir.resolve("g")), "no report left behind a refused run");
    }

    @Test
    void forceIsOfferedForAFolderOnlyAndAParametersFileIsCalledOne() throws Exception {
        Path mine = java.nio.file.Files.writeString(dir.resolve("notes.txt"), "mine\n");
        CliTest.Result file = CliTest.run("gate", "--account", "src/test/resources/gate/account.yaml", "--template",
                "src/test/resources/gate/one-group.yaml", "--out", mine.toString());
        assertEquals(2, file.code());
        assertTrue(!file.err().contains("--force"), "--force refuses a file too: " + file.err());
        java.nio.file.Files.createDirectories(dir.resolve("folder"));
        java.nio.file.Files.writeString(dir.resolve("folder/keep.txt"), "mine\n");
        CliTest.Result folder = CliTest.run("gate", "--account", "src/test/resources/gate/account.yaml",
                "--template", "src/test/resources/gate/one-group.yaml", "--out", dir.resolve("folder").toString());
        assertEquals(2, folder.code());
        assertTrue(folder.err().contains("or pass --force"), folder.err());
        Path text = java.nio.file.Files.writeString(dir.resolve("p.txt"), "Stage is prod\n");
        CliTest.Result p = CliTest.run("gate", "--account", "src/test/resources/gate/account.yaml", "--template",
                "src/test/resources/gate/one-group.yaml", "--parameters", text.toString(), "--out",
                dir.resolve("g2").toString());
        assertEquals(2, p.code());
        assertTrue(p.err().contains("expected template parameters: [{\"ParameterKey\""), p.err());
    }
}
