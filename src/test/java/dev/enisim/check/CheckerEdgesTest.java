package dev.enisim.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.scenario.Problem;
import dev.enisim.scenario.ScenarioException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Checker#check}'s edges: the validated scenario (with its {@code --set} changes) is shown before it runs,
 * and may be refused there; a confidence interval needs two replications at least.
 */
class CheckerEdgesTest {

    @TempDir
    Path dir;

    /** One function for one minute: cheap to run twice. */
    private Path scenario(String expectation) throws Exception {
        Path f = dir.resolve("tiny.yaml");
        Files.writeString(f, "name: tiny\nduration: 1m\nfunctions: [{name: api, duration: 100ms, arrivals: "
                + "{poisson: 5/s}}]\nexpect:\n  - \"" + expectation + "\"\n");
        return f;
    }

    @Test
    void theScenarioIsShownBeforeItRunsAndMayBeRefused() throws Exception {
        Path f = scenario("invocations.total >= 0");
        List<String> seen = new ArrayList<>();
        Checker.check(f, List.of("seed=7"), 1, 1, s -> seen.add(s.name() + " seed " + s.seed()));
        assertEquals(List.of("tiny seed 7"), seen);
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> Checker.check(f, List.of(), 1, 1, s -> {
                    throw new IllegalStateException("too big");
                }));
        assertEquals("too big", refused.getMessage());
    }

    @Test
    void aConfidenceIntervalNeedsTwoReplications() throws Exception {
        Path f = scenario("ci(invocations.total) above 0");
        ScenarioException one = assertThrows(ScenarioException.class, () -> Checker.check(f, List.of(), 1, 1));
        assertEquals(List.of(new Problem("expect[0]", "'ci(invocations.total) above 0': one replication has no "
                + "confidence interval; run check with --replications 2 or more")), one.problems());
        Checker.ScenarioCheck two = Checker.check(f, List.of(), 2, 1);
        assertEquals(List.of(true), two.results().stream().map(Checker.Result::passed).toList(),
                "about 300 invocations a minute in each replication: the interval is far above 0");
    }
}
