package dev.enisim.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.importer.ImportCommandTest;
import dev.enisim.importer.ImportCommandTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code enisim gate} as CI runs it: exit 0 passed, 1 a rule crossed, 2 bad input; never a user's file touched. */
class GateCommandTest {

    static final String DIR = "src/test/resources/gate";

    @TempDir
    Path dir;

    static Result run(String... args) {
        return ImportCommandTest.run(args);
    }

    @Test
    void exitCodesAndReports() throws Exception {
        Path out = dir.resolve("gate");
        Result failed = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/ten-groups.yaml",
                "--out", out.toString());
        assertEquals(1, failed.code(), failed.err());
        assertTrue(failed.out().startsWith("FAILED: 1 of 3 rule(s) crossed; " + out.resolve("gate.md")), failed.out());
        assertTrue(failed.out().contains("no function Failed: 4 Failed"), failed.out());
        for (String f : new String[] {"gate.md", "junit.xml", "gate.html", "after.yaml"}) {
            assertTrue(Files.isRegularFile(out.resolve(f)), f);
        }
        assertTrue(Files.readString(out.resolve("gate.html")).contains("Before and after, side by side"));
        assertTrue(Files.readString(out.resolve("junit.xml")).contains("failures=\"1\""));
        Result afterRuns = run("run", out.resolve("after.yaml").toString(), "--out", dir.resolve("r").toString());
        assertEquals(0, afterRuns.code(), "after.yaml is a scenario: " + afterRuns.err());

        Result passed = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/one-group.yaml",
                "--out", out.toString(), "--max-pending", "10m", "--min-free-ips", "5");
        assertEquals(0, passed.code(), passed.out() + passed.err());
        assertTrue(passed.out().startsWith("PASSED"), passed.out());

        Path rules = Files.writeString(dir.resolve("rules.yaml"), "gate:\n  - \"every subnet keeps 20% of its IPs at"
                + " the peak\"\n");
        Result strict = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/one-group.yaml",
                "--out", out.toString(), "--rules", rules.toString());
        assertEquals(1, strict.code(), strict.out());
        assertTrue(strict.out().contains("every subnet keeps 20% of its IPs at the peak: subnet-0f1e2d3c4b5a69788"
                + " (10.40.1.0/24): 5 of 251 IPs free"), strict.out());
    }

    @Test
    void badInputIsExitTwoWithFileAndPath() throws Exception {
        Path out = dir.resolve("gate");
        Result broken = run("gate", "--account", DIR + "/account.yaml", "--template",
                "src/test/resources/iac/broken-subnet.yaml", "--out", out.toString());
        assertEquals(2, broken.code());
        assertTrue(broken.err().startsWith("src/test/resources/iac/broken-subnet.yaml:"
                + " Resources.OrdersApi.Properties.VpcConfig.SubnetIds[1]: subnet 'subnet-123'"), broken.err());
        assertFalse(broken.err().contains("Exception"), broken.err());
        assertFalse(Files.exists(out), "nothing written on bad input");

        Path rules = Files.writeString(dir.resolve("rules.yaml"), "gate:\n  - \"no function Pending longer than"
                + " soon\"\n  - \"the subnets look fine\"\n");
        Result badRules = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/one-group.yaml",
                "--rules", rules.toString(), "--out", out.toString());
        assertEquals(2, badRules.code());
        assertTrue(badRules.err().startsWith(rules + ": gate[0]: 'no function Pending longer than soon': expected a"
                + " duration"), badRules.err());
        assertTrue(badRules.err().contains(rules + ": gate[1]: 'the subnets look fine' is not a gate rule (no"
                + " function Failed;"), badRules.err());

        Result none = run("gate", "--account", DIR + "/account.yaml");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("give the change: --template FILE and/or --plan FILE"), none.err());
    }

    @Test
    void aFolderEnisimDidNotMakeIsNotWrittenInto() throws Exception {
        Path mine = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(mine.resolve("gate.md"), "my notes\n");
        Result r = run("gate", "--account", DIR + "/account.yaml", "--template", DIR + "/one-group.yaml", "--out",
                mine.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("exists and was not made by enisim gate"), r.err());
        assertEquals("my notes\n", Files.readString(mine.resolve("gate.md")));
    }
}
