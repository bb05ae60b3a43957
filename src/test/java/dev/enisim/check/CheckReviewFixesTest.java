package dev.enisim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a CI team's review of check found: each case failed or passed wrongly before. */
class CheckReviewFixesTest {

    @TempDir
    Path dir;

    private Path scenario(String... expectations) throws Exception {
        return small(dir, "small", "10m", "", expectations);
    }

    /** One function at 5/s on a /28 (11 usable addresses; {@code subnetMore}: more of its fields) and an expect block. */
    static Path small(Path dir, String name, String duration, String subnetMore, String... expectations)
            throws Exception {
        StringBuilder b = new StringBuilder("name: " + name + "\nduration: " + duration + "\n"
                + "vpcs: [{id: vpc-c, securityGroups: [sg-c], subnets: [{id: subnet-c, cidr: 10.8.0.0/28, az: a"
                + subnetMore + "}]}]\n"
                + "functions: [{name: api, duration: 100ms, arrivals: {poisson: 5/s},"
                + " vpcConfig: {subnetIds: [subnet-c], securityGroupIds: [sg-c]}}]\nexpect:\n");
        for (String e : expectations) {
            b.append("  - \"").append(e).append("\"\n");
        }
        return Files.writeString(dir.resolve(name + ".yaml"), b.toString());
    }

    @Test
    void aTextMetricComparedWithANumberIsBadInputNotAPassThatAlwaysHolds() throws Exception {
        Path f = scenario("functions.api.finalState != 3", "functions.api.finalState == Active");
        ScenarioException x = assertThrows(ScenarioException.class, () -> Checker.check(f, List.of(), 1, 1));
        assertEquals("expect[0]: 'functions.api.finalState != 3': 'functions.api.finalState' is a text (a state, a"
                + " reason code), compare it with one, e.g. == Active", x.problems().get(0).toString());
        assertEquals(1, x.problems().size());
    }

    @Test
    void commasOnlyBetweenGroupsOfThreeDigits() {
        assertEquals(List.of("5327"), Expectation.parse("invocations.succeeded == 5,327").operands());
        assertEquals(List.of("1000000.5"), Expectation.parse("enis.peak < 1,000,000.5").operands());
        IllegalArgumentException x = assertThrows(IllegalArgumentException.class,
                () -> Expectation.parse("invocations.succeeded == 5,3,27"));
        assertTrue(x.getMessage().contains("commas only between groups of three digits"), x.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Expectation.parse("enis.peak between 1,0 and 3"));
    }

    @Test
    void aFailureWhoseFigurePrintsAsItsBoundShowsItInFull() throws Exception {
        String shown = Checker.check(scenario("averageConcurrentExecutions > 0"), List.of(), 1, 1).results().get(0)
                .actual();
        assertTrue(shown.length() <= 8, "six significant digits: " + shown);
        Checker.Result r = Checker.check(scenario("averageConcurrentExecutions == " + shown), List.of(), 1, 1)
                .results().get(0);
        assertFalse(r.passed(), "the mean has more digits than it shows");
        assertTrue(r.actual().length() > shown.length() && r.actual().startsWith(shown.substring(0, 4)),
                shown + " -> " + r.actual());
        Checker.Result ok = Checker.check(scenario("averageConcurrentExecutions < 1000"), List.of(), 1, 1).results()
                .get(0);
        assertEquals(shown, ok.actual(), "a pass keeps the short figure");
    }

    @Test
    void aReplicatedBaselinesInputsAreInputs() {
        assertTrue(new Baseline.Diff("metrics.subnets.subnet-a.otherUsedIps.mean", "3", "5").input());
        assertTrue(new Baseline.Diff("subnets.subnet-a.otherUsedIps", "3", "5").input());
        assertFalse(new Baseline.Diff("metrics.enis.peak.mean", "3", "5").input());
    }
}
