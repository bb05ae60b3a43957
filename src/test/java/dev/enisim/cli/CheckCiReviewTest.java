package dev.enisim.cli;

import static dev.enisim.cli.Scratch.assertExit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/** What a CI team's review of {@code enisim check} found (rv31, the check findings): each case went wrong before. */
class CheckCiReviewTest extends InScratch {

    /** The scratch scenario named {@code name}, with {@code expectations} as its expect block. */
    private Path scenario(String file, String name, String... expectations) throws Exception {
        StringBuilder b = new StringBuilder(Scratch.SCENARIO.replace("name: scratch", "name: " + name));
        b.append("expect:\n");
        for (String e : expectations) {
            b.append("  - \"").append(e).append("\"\n");
        }
        Path f = s.work.resolve(file);
        Files.createDirectories(f.getParent());
        return Files.writeString(f, b.toString());
    }

    private static final String BROKEN = "name: b1\nduration: 1m\nbucket: 1m\nvpcs: []\nfunctions: []\nexpect:\n"
            + "  - \"enis.peak = 8\"\n";

    /**
     * Finding 1: an output that cannot be written (here under a regular file, which root cannot write under either)
     * was said alone; the scenario's problems, the missing baseline and the other refused outputs came one run each.
     */
    @Test
    void anOutputThatCannotBeWrittenIsSaidWithEveryOtherProblem() throws Exception {
        Files.writeString(s.work.resolve("afile"), "");
        Files.writeString(s.work.resolve("bad.yaml"), BROKEN);
        scenario("good.yaml", "good", "enis.peak >= 0");
        Scratch.Result r = s.run("check", "bad.yaml", "good.yaml", "--baseline", "base", "--junit", "afile/x.xml",
                "--step-summary", "afile/s.md", "--html", "afile/d.html");
        assertExit(2, r);
        assertEquals("", r.out(), "nothing ran");
        String err = r.err();
        String w = s.work + "/"; // the paths as the command line resolved them
        assertTrue(err.contains("enisim: --junit " + w + "afile/x.xml: " + w + "afile is a file, not a folder"), err);
        assertTrue(err.contains("enisim: --step-summary afile/s.md: " + w + "afile is a file, not a folder"), err);
        assertTrue(err.contains("enisim: --html " + w + "afile/d.html: " + w + "afile is a file, not a folder"), err);
        assertTrue(err.contains(w + "bad.yaml:7: expect[0]: expected 'METRIC OP VALUE'"), err);
        assertTrue(err.contains("enisim: no baseline " + w + "base/good.summary.json (create it with "
                + "--update-baseline)"), err);
        assertEquals("", Files.readString(s.work.resolve("afile")));
    }

    /**
     * Finding 2: a misspelt state or reason code was taken as any text, so {@code !=} passed whatever the run did;
     * {@code validate} said ok. Now it is bad input at validation, with the closest value.
     */
    @Test
    void aValueOutsideAClosedSetIsBadInputWithTheClosestOne() throws Exception {
        scenario("e4.yaml", "e4", "functions.api.finalState != Faild", "functions.api.finalReasonCode != "
                + "SubnetOutOfIPAdresses", "functions.api.finalState == active", "functions.api.finalState == Active");
        for (String command : new String[] {"validate", "check"}) {
            Scratch.Result r = s.run(command, "e4.yaml");
            assertExit(2, r);
            assertFalse(r.out().contains("PASS") || r.out().contains("FAIL"), "refused before any run: " + r.out());
            assertTrue(r.err().contains("e4.yaml:14: expect[0]: 'functions.api.finalState != Faild': 'Faild' is not a "
                    + "final state enisim reports (did you mean 'Failed'?); expected one of Pending, Active, Inactive,"
                    + " Failed, Deleted, NotCreated"), r.err());
            assertTrue(r.err().contains("expect[1]: 'functions.api.finalReasonCode != SubnetOutOfIPAdresses': "
                    + "'SubnetOutOfIPAdresses' is not a state reason code enisim reports (did you mean "
                    + "'SubnetOutOfIPAddresses'?)"), r.err());
            assertTrue(r.err().contains("expect[2]: 'functions.api.finalState == active': 'active' is not a final "
                    + "state enisim reports (did you mean 'Active'?)"), r.err());
            assertFalse(r.err().contains("expect[3]"), r.err());
        }
    }

    /**
     * Finding 5: on bad input found after the runs (an unknown metric), the job's summary got nothing and the JUnit
     * file only the error: the scenario that ran and failed was in neither. (A misspelt metric, {@code enis.peek}, is
     * found before any run since session 45: a list element the run does not have is still found after it.)
     */
    @Test
    void onBadInputTheVerdictsReachedStayInTheJUnitFileAndTheSummarySaysWhyItStopped() throws Exception {
        scenario("bad/bad2.yaml", "qbad2", "teardowns[5].waitSeconds == 8");
        scenario("s1/fail.yaml", "qfail", "enis.peak == 7000", "functions.api.finalState == Failed");
        Path summary = Files.writeString(s.work.resolve("ss2.md"), "");
        Scratch.Result r = s.run("check", "bad/bad2.yaml", "s1/fail.yaml", "--step-summary", "ss2.md", "--junit",
                "ss2.xml");
        assertExit(2, r);
        assertTrue(r.err().contains("unknown metric 'teardowns[5].waitSeconds'"), r.err());
        String md = Files.readString(summary);
        String w = s.work + "/";
        assertTrue(md.startsWith("<!-- enisim step summary -->\n### enisim check: stopped on bad input (exit 2)\n\n```\n" + w + "bad/bad2.yaml:14: "
                + "expect[0]: unknown metric 'teardowns[5].waitSeconds'"), md);
        assertTrue(md.contains("| qfail (" + w + "s1/fail.yaml) | `enis.peak == 7000` at " + w + "s1/fail.yaml:"), md);
        assertTrue(md.matches("(?s).*\\| qfail \\(" + java.util.regex.Pattern.quote(w + "s1/fail.yaml") + "\\) \\|"
                + " `functions.api.finalState == Failed` at [^|]*: expect\\[\\d+\\] \\| \\*\\*FAIL\\*\\* \\| Active \\|.*"), md);
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(s.work.resolve("ss2.xml").toFile());
        assertEquals("3", d.getDocumentElement().getAttribute("tests"));
        assertEquals("2", d.getDocumentElement().getAttribute("failures"));
        assertEquals("1", d.getDocumentElement().getAttribute("errors"));
        assertEquals(2, d.getElementsByTagName("failure").getLength());
        assertEquals("BadInput", ((org.w3c.dom.Element) d.getElementsByTagName("error").item(0)).getAttribute("type"));
    }

    /** Finding 5's addendum: on exit 2 the drift page of the earlier run stayed, saying every summary matched. */
    @Test
    void onBadInputTheDriftPageIsReplacedByOneSayingTheCheckStopped() throws Exception {
        scenario("bl/q.yaml", "q", "enis.peak >= 0");
        assertExit(0, s.run("check", "bl", "--baseline", "baselines", "--update-baseline"));
        assertExit(0, s.run("check", "bl/q.yaml", "--baseline", "baselines", "--html", "drift.html"));
        assertTrue(Files.readString(s.work.resolve("drift.html")).contains("Every summary matches its baseline."));
        scenario("bad/bad2.yaml", "qbad2", "enis.peek == 8");
        Files.copy(s.work.resolve("baselines/q.summary.json"), s.work.resolve("baselines/qbad2.summary.json"));
        Scratch.Result r = s.run("check", "bl/q.yaml", "bad/bad2.yaml", "--baseline", "baselines", "--html",
                "drift.html");
        assertExit(2, r);
        String page = Files.readString(s.work.resolve("drift.html"));
        assertFalse(page.contains("Every summary matches its baseline."), page);
        assertTrue(page.contains("The check stopped on bad input (exit 2): this page is no verdict."), page);
        assertTrue(page.contains("unknown metric &#39;enis.peek&#39;") || page.contains("unknown metric 'enis.peek'"),
                page);
    }

    /**
     * Finding 8: a check that asserted nothing passed, exit 0, green. Nothing asserted in any scenario is bad input
     * ("nothing to check"); a scenario asserting nothing among others is a warning on stderr, in the JUnit report (a
     * skipped test) and in the job's summary.
     */
    @Test
    void aCheckThatAssertsNothingIsNotAPass() throws Exception {
        Files.createDirectories(s.work.resolve("noexp"));
        Files.writeString(s.work.resolve("noexp/n.yaml"), Scratch.SCENARIO.replace("name: scratch", "name: qnoexp"));
        Path md = Files.writeString(s.work.resolve("noexp.md"), "");
        Scratch.Result none = s.run("check", "noexp", "--junit", "noexp.xml", "--step-summary", "noexp.md");
        assertExit(2, none);
        assertTrue(none.err().contains("enisim: nothing to check: the scenario has no expectation (expect:), and no "
                + "--baseline DIR is given"), none.err());
        assertTrue(Files.readString(md).startsWith("<!-- enisim step summary -->\n### enisim check: stopped on bad input (exit 2)"),
                Files.readString(md));
        assertTrue(Files.readString(s.work.resolve("noexp.xml")).contains("type=\"BadInput\""));

        scenario("noexp/y.yaml", "qexp", "enis.peak >= 0");
        Files.writeString(md, "");
        Scratch.Result some = s.run("check", "noexp", "--junit", "noexp.xml", "--step-summary", "noexp.md");
        assertExit(0, some);
        // a line of its own, in the form every warning has ("enisim: warning: " here alone, before)
        assertTrue(some.err().lines().anyMatch(l -> l.equals("warning: 1 of 2 scenario(s) checked nothing (no expect:"
                + " block, and no --baseline compared): " + s.work.resolve("noexp/n.yaml"))), some.err());
        assertTrue(some.out().contains("  (no expectations: nothing checked)"), some.out());
        assertTrue(Files.readString(md).contains("**Warning:** nothing checked in `qnoexp` (" + s.work.resolve("noexp/n.yaml")
                + ")"),
                Files.readString(md));
        Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(s.work.resolve("noexp.xml").toFile());
        assertEquals("1", d.getDocumentElement().getAttribute("skipped"));
        assertEquals(1, d.getElementsByTagName("skipped").getLength());
    }

    /** Finding 9: a summary whose last line had no line end got the heading glued onto it (no heading then). */
    @Test
    void theSummaryBlockStartsOnALineOfItsOwn() throws Exception {
        scenario("q.yaml", "q", "enis.peak >= 0");
        Path md = Files.writeString(s.work.resolve("step_summary_nl"), "previous step text without newline");
        assertExit(0, s.run("check", "q.yaml", "--step-summary", "step_summary_nl"));
        assertTrue(Files.readString(md).startsWith("previous step text without newline\n\n<!-- enisim step summary -->\n### enisim check: passed\n"),
                Files.readString(md));
    }

    /** Finding 11: a folder's hidden files (.gitlab-ci.yml) were taken as scenarios, and the check stopped on them. */
    @Test
    void aFoldersHiddenFilesAreSkipped() throws Exception {
        scenario("hid/q.yaml", "qh", "enis.peak >= 0");
        Files.writeString(s.work.resolve("hid/.gitlab-ci.yml"), "stages: [test]\n");
        Scratch.Result r = s.run("check", "hid");
        assertExit(0, r);
        assertFalse(r.all().contains("gitlab"), r.all());
        Files.delete(s.work.resolve("hid/q.yaml"));
        Scratch.Result only = s.run("check", "hid");
        assertExit(2, only);
        assertTrue(only.err().contains("no scenario files (*.yaml, *.yml) in " + s.work.resolve("hid") + " (hidden "
                + "files, such as .gitlab-ci.yml, are skipped)"), only.err());
    }

    /** Finding 13: the refusal of a user's file quoted the JUnit file's two-line opening on two lines. */
    @Test
    void theRefusalOfAUsersJUnitFileIsOneLine() throws Exception {
        scenario("q.yaml", "q", "enis.peak >= 0");
        Files.writeString(s.work.resolve("mine.xml"), "<testsuites><!-- mine -->\n");
        Scratch.Result r = s.run("check", "q.yaml", "--junit", "mine.xml");
        assertExit(2, r);
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("mine.xml exists and does not look like a file enisim wrote (it does not begin as"
                + " enisim's files of this kind do)"), r.err());
        assertEquals("<testsuites><!-- mine -->\n", Files.readString(s.work.resolve("mine.xml")));
    }

    /**
     * Finding 14: a full disk part-way through --update-baseline left the baselines written before it new and the
     * rest old. A child JVM whose file-size limit (ulimit -f) takes the small scenario's summary but not the large
     * one's: every baseline stays as it was, and no temporary file is left.
     */
    @Test
    void aFullDiskPartWayThroughUpdateBaselineLeavesEveryOldBaseline() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/sh")), "a POSIX shell");
        scenario("bl/a.yaml", "a", "enis.peak >= 0");
        StringBuilder big = new StringBuilder(Scratch.SCENARIO.replace("name: scratch", "name: b"));
        for (int i = 0; i < 40; i++) {
            big.append("  - name: extra-").append(i).append("\n    vpcConfig: { subnetIds: [subnet-a], securityGroupIds:"
                    + " [sg-app] }\n    duration: 100ms\n    arrivals: { poisson: 1/s }\n");
        }
        Files.writeString(s.work.resolve("bl/b.yaml"), big + "expect:\n  - \"enis.peak >= 0\"\n");
        assertExit(0, s.run("check", "bl", "--baseline", "base", "--update-baseline"));
        Path base = s.work.resolve("base");
        String a = Files.readString(base.resolve("a.summary.json"));
        String b = Files.readString(base.resolve("b.summary.json"));
        long blocks = a.length() * 3L / 2 / 512 + 1; // dash's ulimit -f counts 512-byte blocks
        Assumptions.assumeTrue(b.length() > 2 * blocks * 512, "b's summary is beyond the limit: " + b.length());
        String jvm = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder("/bin/sh", "-c", "ulimit -f " + blocks + " && exec \"$0\" -XX:-UsePerfData -cp "
                + "\"$1\" dev.enisim.cli.Main check bl --baseline base --update-baseline --set seed=9", jvm,
                System.getProperty("java.class.path")).directory(s.work.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("none of the 2 file(s) was changed"), out);
        assertFalse(out.contains("baseline written"), out);
        assertEquals(a, Files.readString(base.resolve("a.summary.json")), "the old one, not seed 9's");
        assertEquals(b, Files.readString(base.resolve("b.summary.json")));
        try (Stream<Path> files = Files.list(base)) {
            assertEquals(List.of("a.summary.json", "b.summary.json"), files.map(f -> f.getFileName().toString())
                    .sorted().toList(), "no temporary file left");
        }
    }

    /** Finding 16: a bad $GITHUB_STEP_SUMMARY was told as --step-summary, an option the user never gave. */
    @Test
    void aBadStepSummaryFromTheEnvironmentNamesTheVariable() throws Exception {
        scenario("q.yaml", "q", "enis.peak >= 0");
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:-UsePerfData", "-cp", System.getProperty("java.class.path"), Main.class.getName(), "check",
                "q.yaml"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(s.work.toFile()).redirectErrorStream(true);
        Path missing = s.work.resolve("nodir/x.md");
        pb.environment().put("GITHUB_STEP_SUMMARY", missing.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(2, p.exitValue(), out);
        assertTrue(out.contains("enisim: $GITHUB_STEP_SUMMARY (" + missing + "): no such folder: "
                + missing.getParent() + " (enisim appends the check's verdicts to a file in a folder that exists)"),
                out);
        assertFalse(out.contains("--step-summary"), out);
    }
    /**
     * Left from rv31: a lone bad option ({@code --replications 0}, {@code --update-baseline} without a baseline) was
     * said before the rest, and hid the scenarios' problems and the missing baseline: now every one at once.
     */
    @Test
    void aBadOptionIsSaidWithEveryOtherProblem() throws Exception {
        Files.writeString(s.work.resolve("bad.yaml"), BROKEN);
        scenario("good.yaml", "good", "enis.peak >= 0");
        Scratch.Result r = s.run("check", "bad.yaml", "good.yaml", "--replications", "0", "--baseline", "base");
        assertExit(2, r);
        assertEquals("", r.out(), "nothing ran");
        String err = r.err();
        String w = s.work + "/";
        assertTrue(err.startsWith("enisim: --replications must be at least 1, got 0\n"), err);
        assertTrue(err.contains(w + "bad.yaml:7: expect[0]: expected 'METRIC OP VALUE'"), err);
        assertTrue(err.contains("enisim: no baseline " + w + "base/good.summary.json (create it with "
                + "--update-baseline)"), err);
        assertFalse(err.contains("replication(s), this check runs 0"), "the option's problem, said once: " + err);

        Scratch.Result u = s.run("check", "bad.yaml", "--update-baseline", "--tolerance", "-1");
        assertExit(2, u);
        assertTrue(u.err().startsWith("enisim: --tolerance must be a percentage >= 0, got -1.0\n"
                + "enisim: --update-baseline needs --baseline DIR\n"), u.err());
        assertTrue(u.err().contains(w + "bad.yaml:7: expect[0]: expected 'METRIC OP VALUE'"), u.err());
    }
}
