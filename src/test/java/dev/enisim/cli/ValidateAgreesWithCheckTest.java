package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What check refuses before its first run, validate refuses too, in the same words (a writer's review, pass 61):
 * validate said "ok", exit 0, with a warning that check would say so "after the run", to an expect block check
 * refused at once with exit 2; and with a broken assertion beside them, a misspelt function's words became "unknown
 * metric".
 */
class ValidateAgreesWithCheckTest {

    @TempDir
    Path dir;

    /** CheckCommandTest's small scenario (function api, subnet-a) with these sentences: expect[0] at line 14. */
    private Path scenario(String extraFunctionField, String... sentences) throws Exception {
        Path f = CheckCommandTest.small(dir, sentences);
        return Files.writeString(f, Files.readString(f).replace("    duration: 100ms\n", extraFunctionField
                + "    duration: 100ms\n"));
    }

    @Test
    void aMetricNoRunReportsIsRefusedByValidateAsByCheck() throws Exception {
        Path f = scenario("", "enis.orphand == 0", "enis.peak >= 0");
        String line = f + ":14: expect[0]: unknown metric 'enis.orphand' (did you mean: enis.orphaned";
        CliTest.Result v = CliTest.run("validate", f.toString());
        assertEquals(2, v.code(), "check refuses it before any run: " + v.err());
        assertTrue(v.err().contains(line), v.err());
        assertFalse(v.err().contains("warning:") || v.err().contains("after the run"), "no warning: " + v.err());
        assertFalse(v.out().contains("ok ("), v.out());
        CliTest.Result c = CliTest.run("check", f.toString());
        assertEquals(2, c.code(), c.err());
        assertTrue(c.err().contains(line), "check's own words: " + c.err());
    }

    @Test
    void aRealWarningKeepsItsPrefixBesideARefusal() throws Exception {
        // created after the run's end: a warning (nothing arrives), not a problem
        Path f = scenario("    createdAt: 15m\n", "enis.orphand == 0");
        CliTest.Result v = CliTest.run("validate", f.toString());
        assertEquals(2, v.code(), v.err());
        for (String l : v.err().split("\n")) {
            if (l.contains("createdAt")) {
                assertTrue(l.startsWith("warning: "), "a warning says so: " + v.err());
            }
        }
        assertTrue(v.err().contains("warning: ") && v.err().contains("createdAt"), v.err());
    }

    @Test
    void aMisspeltFunctionKeepsItsWordsBesideABrokenAssertion() throws Exception {
        Path f = scenario("", "functions.apii.finalState == Active", "functions.api.finalState != Faild",
                "enis.orphand == 0");
        CliTest.Result v = CliTest.run("validate", f.toString());
        CliTest.Result c = CliTest.run("check", f.toString());
        assertEquals(2, v.code(), v.err());
        assertEquals(2, c.code(), c.err());
        String named = f + ":14: expect[0]: 'functions.apii.finalState' names function 'apii', which the"
                + " scenario does not have (did you mean 'api'?)";
        assertTrue(v.err().contains(named), v.err());
        assertTrue(c.err().contains(named), c.err());
        assertFalse(v.err().contains("unknown metric 'functions.apii"), v.err());
        assertTrue(v.err().contains("expect[1]") && v.err().contains("expect[2]: unknown metric 'enis.orphand'"),
                v.err());
    }

    @Test
    void aMisspeltFunctionAloneIsRefusedInCheckWordsToo() throws Exception {
        Path f = scenario("", "functions.apii.finalState == Active");
        CliTest.Result v = CliTest.run("validate", f.toString());
        CliTest.Result c = CliTest.run("check", f.toString());
        assertEquals(2, v.code(), v.err());
        String named = f + ":14: expect[0]: 'functions.apii.finalState' names function 'apii', which the"
                + " scenario does not have (did you mean 'api'?)";
        assertTrue(v.err().contains(named), v.err());
        assertTrue(c.err().contains(named), c.err());
        assertFalse(v.err().contains("check refuses it"), "said as check's refusal, not as a warning: " + v.err());
    }
}
