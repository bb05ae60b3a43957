package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last CI review's (r6) polish of check's verdicts, as the terminal, the JUnit file and the job summary show them:
 * a sentence without spaces around its operator is read (C4), a null is said one way (C2), a failed {@code within}
 * shows the range it allowed and figures take thousands separators when the sentence writes its number with them
 * (C3), and the same sentence twice gets JUnit testcases of distinct names, with a warning (C5).
 */
class CheckVerdictWordingTest {

    @TempDir
    Path dir;

    private Path scenario(String... expect) throws Exception {
        return CheckCommandTest.small(dir, expect);
    }

    /** C4: enis.peak==1 was refused ("expected 'METRIC OP VALUE'"); a lone '=' is still refused, saying why. */
    @Test
    void anOperatorWithoutSpacesIsRead() throws Exception {
        Result ok = CliTest.run("check", scenario("enis.peak==1", "mean(enis.peak)<=1", "functions.api.finalState"
                + "!=Failed").toString());
        assertEquals(0, ok.code(), ok.out() + ok.err());
        assertTrue(ok.out().contains("  PASS  enis.peak==1   (actual 1)"), ok.out());
        assertTrue(ok.out().contains("  PASS  mean(enis.peak)<=1   (actual 1)"), ok.out());
        assertTrue(ok.out().contains("  PASS  functions.api.finalState!=Failed   (actual Active)"), ok.out());

        Result bad = CliTest.run("check", scenario("enis.peak = 1").toString());
        assertEquals(2, bad.code(), bad.out() + bad.err());
        assertTrue(bad.err().contains("expect[0]: expected 'METRIC OP VALUE' (OP: == != <= < >= > between within), "
                + "or mean(METRIC) / ci(METRIC) ..., got 'enis.peak = 1' ('=' alone is no comparison: write '==')"),
                bad.err());
    }

    /** C2: the same null was "actual null" beside a text and "actual none (...)" beside null. */
    @Test
    void aNullIsSaidOneWay() throws Exception {
        Path f = scenario("functions.api.finalReasonCode == SubnetOutOfIPAddresses",
                "functions.api.finalReasonCode != null");
        Result r = CliTest.run("check", f.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("expect[0]: functions.api.finalReasonCode == SubnetOutOfIPAddresses   (actual none"
                + " (the summary has null there))"), r.out());
        assertTrue(r.out().contains("expect[1]: functions.api.finalReasonCode != null   (actual none (the summary has"
                + " null there))"), r.out());
        assertTrue(!r.out().contains("actual null"), r.out());
    }

    /**
     * C3: a failed within says the range it allowed; a sentence that writes its number with thousands separators has
     * its figures shown with them (a sentence without keeps them plain), in the terminal, the JUnit file and the
     * job summary alike.
     */
    @Test
    void aFailedWithinShowsItsRangeAndFiguresFollowTheSentencesSeparators() throws Exception {
        Path f = scenario("invocations.total within 5% of 100", "invocations.total <= 1,000",
                "invocations.total within 10% of 10,000", "invocations.total <= 1000");
        Path junit = dir.resolve("j.xml");
        Path summary = dir.resolve("s.md");
        Result r = CliTest.run("check", f.toString(), "--junit", junit.toString(), "--step-summary",
                summary.toString());
        assertEquals(1, r.code(), r.out() + r.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("expect\\[0\\]: invocations.total within 5% of 100"
                + "   \\(allowed 95 to 105, actual ([0-9]+)\\)").matcher(r.out());
        assertTrue(m.find(), r.out());
        String plain = m.group(1);
        assertTrue(plain.length() == 4, "about 3,000 invocations: " + plain);
        String grouped = plain.charAt(0) + "," + plain.substring(1);
        assertTrue(r.out().contains("expect[1]: invocations.total <= 1,000   (actual " + grouped + ")"), r.out());
        assertTrue(r.out().contains("expect[2]: invocations.total within 10% of 10,000   (allowed 9,000 to 11,000,"
                + " actual " + grouped + ")"), r.out());
        assertTrue(r.out().contains("expect[3]: invocations.total <= 1000   (actual " + plain + ")"), r.out());

        String xml = Files.readString(junit);
        assertTrue(xml.contains("<failure message=\"expected invocations.total within 5% of 100 (allowed 95 to 105), "
                + "actual " + plain + "\""), xml);
        assertTrue(xml.contains("<failure message=\"expected invocations.total &lt;= 1,000, actual " + grouped + "\""),
                xml);
        String md = Files.readString(summary);
        assertTrue(md.contains("| **FAIL** | " + plain + " (allowed 95 to 105) |"), md);
        assertTrue(md.contains("`invocations.total <= 1,000` at " + f + ":15: expect[1] | **FAIL** | " + grouped
                + " |"), md);
    }

    /** C5: two identical sentences gave two testcases of one name, which some JUnit publishers merge. */
    @Test
    void theSameAssertionTwiceHasDistinctTestcaseNamesAndAWarning() throws Exception {
        Path f = scenario("enis.peak == 1", "enis.peak <= 5", "enis.peak == 1", "enis.peak == 1");
        Path junit = dir.resolve("j.xml");
        Result r = CliTest.run("check", f.toString(), "--junit", junit.toString());
        assertEquals(0, r.code(), r.out() + r.err());
        String xml = Files.readString(junit);
        assertTrue(xml.contains("name=\"enis.peak == 1\" file=\"" + f + "\" line=\"14\"/>"), xml);
        assertTrue(xml.contains("name=\"enis.peak == 1 (2)\" file=\"" + f + "\" line=\"16\"/>"), xml);
        assertTrue(xml.contains("name=\"enis.peak == 1 (3)\" file=\"" + f + "\" line=\"17\"/>"), xml);
        assertTrue(r.err().contains("warning: " + f + ":16: expect[2]: the same assertion as expect[0] ('enis.peak =="
                + " 1'): checked again; its JUnit testcase is named 'enis.peak == 1 (2)'"), r.err());
        assertTrue(r.err().contains("warning: " + f + ":17: expect[3]: the same assertion as expect[0] ('enis.peak =="
                + " 1'): checked again; its JUnit testcase is named 'enis.peak == 1 (3)'"), r.err());
    }
}
