package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Review 62 (r2, a lecturer grading students' scenarios with check): a submission that changed a model figure
 * ({@code hyperplane.idleReclaimAfter}), dropped its vpcConfig or a timeline action passed every assertion, as
 * summary.json held none of its inputs; the lecturer's assertions had no documented home outside the student's
 * file, failed at a line of the student's own expect:, and one on a function the student renamed was bad input
 * (exit 2); a class of one exercise's name, or with one malformed file, could not be checked in one run.
 */
class CheckGradingTest {

    @TempDir
    Path dir;

    /** The exercise as handed out: the student's own expect: asserts nothing the lecturer does. */
    private Path submission(String name, String extra) throws Exception {
        return Files.writeString(dir.resolve(name), CheckCommandTest.SMALL + extra + "expect:\n"
                + "  - \"enis.peak >= 0\"\n" // line 14
                + "  - \"enis.final >= 0\"\n"); // line 15
    }

    private Path lecturer(String... sentences) throws Exception {
        StringBuilder b = new StringBuilder("# the lecturer's assertions\nexpect:\n");
        for (String s : sentences) {
            b.append("  - \"").append(s).append("\"\n");
        }
        return Files.writeString(dir.resolve("grading.yaml"), b.toString());
    }

    @Test
    void summarySettingsPinTheInputsAndSayWhatWasOverridden() throws Exception {
        Path honest = submission("honest.yaml", "");
        Path sneaky = submission("sneaky.yaml", "hyperplane: { idleReclaimAfter: 100d }\n");
        Path rules = lecturer("settings.hyperplane.idleReclaimAfterSeconds == 1209600",
                "settings.overriddenCount == 0", "settings.functions.api.eniKeys[0] == subnet-a+[sg-app]",
                "settings.functions.api.vpcConfig.securityGroupIds[0] == sg-app", "settings.assumptions == field");
        Result ok = CliTest.run("check", honest.toString(), "--expect", rules.toString(), "--step-summary", "");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        Result r = CliTest.run("check", sneaky.toString(), "--expect", rules.toString(), "--step-summary", "");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("  FAIL  " + rules + ":3: expect[0]: settings.hyperplane.idleReclaimAfterSeconds"
                + " == 1209600   (actual 8640000)"), r.out());
        assertTrue(r.out().contains("  FAIL  " + rules + ":4: expect[1]: settings.overriddenCount == 0   (actual 1)"),
                r.out());
        Path out = dir.resolve("out");
        Result run = CliTest.run("run", sneaky.toString(), "--quiet", "--out", out.toString());
        assertEquals(0, run.code(), run.out() + run.err());
        String json = Files.readString(out.resolve("summary.json"));
        assertTrue(json.contains("\"overridden\" : [ \"hyperplane.idleReclaimAfter\" ]"), json);
        assertTrue(json.contains("\"timelineCount\" : 0"), json);
    }

    @Test
    void aMissingTimelineActionOrVpcConfigFailsTheGradersAssertion() throws Exception {
        String outage = "timeline:\n  - { at: 1m, action: azOutage, az: us-east-1a, until: 2m }\n";
        Path honest = submission("honest.yaml", outage);
        Path dropped = submission("dropped.yaml", "");
        Path rules = lecturer("settings.timelineCount == 2", "settings.timeline[0].action == azOutage",
                "settings.timeline[0].target == us-east-1a", "settings.timeline[1].atSeconds == 120");
        Result ok = CliTest.run("check", honest.toString(), "--expect", rules.toString(), "--step-summary", "");
        assertEquals(0, ok.code(), ok.out() + ok.err());
        Result r = CliTest.run("check", dropped.toString(), "--expect", rules.toString(), "--step-summary", "");
        assertEquals(1, r.code(), "an element the submission lacks is a failure, not bad input: " + r.out() + r.err());
        assertTrue(r.out().contains("FAIL  " + rules + ":4: expect[1]: settings.timeline[0].action == azOutage"),
                r.out());
        Path novpc = Files.writeString(dir.resolve("novpc.yaml"), CheckCommandTest.SMALL.replace(
                "    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-app] }\n", ""));
        Result v = CliTest.run("check", novpc.toString(), "--set",
                "expect=[\"settings.functions.api.eniKeys[0] == subnet-a+[sg-app]\"]", "--step-summary", "");
        assertEquals(1, v.code(), v.out() + v.err());
    }

    @Test
    void aGradersAssertionSaysWhereItCameFromEverywhere() throws Exception {
        Path f = submission("student.yaml", "");
        Path junit = dir.resolve("junit.xml");
        Result r = CliTest.run("check", f.toString(), "--set", "expect=[\"enis.peak >= 0\", \"enis.peak == 7\"]",
                "--github-annotations", "--junit", junit.toString(), "--step-summary", "");
        assertEquals(1, r.code(), r.out() + r.err());
        // line 15 of the student's file is its own expect[1], not this one
        assertTrue(r.out().contains("  FAIL  --set expect[1]: enis.peak == 7   (actual 1)"), r.out());
        assertFalse(r.out().contains(":15"), r.out());
        assertTrue(r.out().contains("title=enisim check::--set expect[1]: enis.peak == 7"), r.out());
        assertFalse(Files.readString(junit).contains("line=\"15\""), Files.readString(junit));
        Path rules = lecturer("enis.peak >= 0", "enis.peak == 7");
        Result g = CliTest.run("check", f.toString(), "--expect", rules.toString(), "--junit", junit.toString(),
                "--github-annotations", "--step-summary", "");
        assertEquals(1, g.code(), g.out() + g.err());
        assertTrue(g.out().contains("  FAIL  " + rules + ":4: expect[1]: enis.peak == 7   (actual 1)"), g.out());
        assertTrue(g.out().contains("::error file=" + rules.toString().replace(":", "%3A") + ",line=4,"), g.out());
        assertTrue(Files.readString(junit).contains("name=\"enis.peak == 7\" file=\"" + rules + "\" line=\"4\""),
                Files.readString(junit));
    }

    @Test
    void aFunctionTheSubmissionLacksFailsItWhileTheScenariosOwnTypoIsBadInput() throws Exception {
        Path renamed = Files.writeString(dir.resolve("renamed.yaml"), CheckCommandTest.SMALL.replace("name: api",
                "name: other"));
        Result r = CliTest.run("check", renamed.toString(), "--set", "expect=[\"functions.api.finalState == Active\"]",
                "--step-summary", "");
        assertEquals(1, r.code(), r.out() + r.err());
        assertTrue(r.out().contains("FAIL  --set expect[0]: functions.api.finalState == Active   (actual none ("
                + "'functions.api.finalState' names function 'api', which the scenario does not have"), r.out());
        Path own = Files.writeString(dir.resolve("own.yaml"), CheckCommandTest.SMALL.replace("name: api",
                "name: other") + "expect:\n  - \"functions.api.finalState == Active\"\n");
        Result bad = CliTest.run("check", own.toString(), "--step-summary", "");
        assertEquals(2, bad.code(), "the scenario's own assertion on a function it lacks stays bad input: "
                + bad.out() + bad.err());
        Result typo = CliTest.run("check", renamed.toString(), "--set", "expect=[\"enis.peek == 1\"]",
                "--step-summary", "");
        assertEquals(2, typo.code(), "the lecturer's typo stays bad input: " + typo.out() + typo.err());
    }

    @Test
    void aClassOfOneNameIsCheckedAndABadFileDoesNotStopTheOthersWithKeepGoing() throws Exception {
        Path rules = lecturer("enis.peak == 1");
        Path class1 = Files.createDirectory(dir.resolve("class"));
        Files.writeString(class1.resolve("alice.yaml"), CheckCommandTest.SMALL);
        Files.writeString(class1.resolve("bob.yaml"), CheckCommandTest.SMALL);
        Result r = CliTest.run("check", class1.toString(), "--expect", rules.toString(), "--step-summary", "");
        assertEquals(0, r.code(), "two submissions of scenario 'small': " + r.out() + r.err());
        assertTrue(r.out().contains("small (" + class1.resolve("alice.yaml") + ")"), r.out());
        assertTrue(r.out().contains("small (" + class1.resolve("bob.yaml") + ")"), r.out());
        Result junit = CliTest.run("check", class1.toString(), "--expect", rules.toString(), "--junit",
                dir.resolve("j.xml").toString(), "--step-summary", "");
        assertEquals(2, junit.code(), "a JUnit suite per name: still refused: " + junit.out() + junit.err());
        Files.writeString(class1.resolve("carol.yaml"), "name: small\nduration: [\n");
        Result stop = CliTest.run("check", class1.toString(), "--expect", rules.toString(), "--step-summary", "");
        assertEquals(2, stop.code(), stop.out() + stop.err());
        assertFalse(stop.out().contains("PASS"), "without --keep-going nothing runs: " + stop.out());
        Result go = CliTest.run("check", class1.toString(), "--expect", rules.toString(), "--keep-going",
                "--step-summary", "");
        assertEquals(2, go.code(), go.out() + go.err());
        assertEquals(2, go.out().lines().filter(l -> l.startsWith("  PASS  enis.peak == 1")).count(), go.out());
        assertTrue(go.err().contains("carol.yaml"), go.err());
        assertTrue(go.err().contains("1 scenario file(s) had bad input"), go.err());
    }
}
