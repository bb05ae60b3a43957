package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import dev.enisim.plan.Planner;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plan}'s event budget counts the runs the plan can take as its progress lines do: the budget's line said
 * "quickstart (108 runs)" from a rough count while the progress lines said "run 1 of at most 149" ({@link
 * Planner#mostRuns}), and 94 ran. One number now, "at most" on both.
 */
class PlanBudgetCountTest {

    @TempDir
    Path dir;

    /** The count in the budget's line: "cli-test (at most 19 runs) would take ..." (old: "cli-test (39 runs)"). */
    private static long budgetCount(String err) {
        Matcher m = Pattern.compile("cli-test \\((?:at most )?(\\d+) runs?").matcher(err);
        assertTrue(m.find(), err);
        return Long.parseLong(m.group(1));
    }

    @Test
    void theBudgetsCountIsTheProgressLinesAtMost() throws Exception {
        Path f = dir.resolve("good.yaml");
        Files.writeString(f, CliTest.GOOD);
        Result refused = CliTest.run("plan", f.toString(), "--replications", "2", "--max-events", "1", "--out",
                dir.resolve("refused").toString());
        assertEquals(2, refused.code(), refused.err());
        Result ran = CliTest.run("plan", f.toString(), "--replications", "2", "--out", dir.resolve("plan").toString());
        assertEquals(0, ran.code(), ran.err());
        Matcher m = Pattern.compile("run 1 of at most (\\d+): ").matcher(ran.err());
        assertTrue(m.find(), ran.err());
        long progress = Long.parseLong(m.group(1));
        assertEquals(progress, budgetCount(refused.err()), "the budget's line and the progress lines: one count");
        assertEquals(Planner.mostRuns(ScenarioLoader.load(f), 2, false, 1), progress);
        assertTrue(refused.err().contains("cli-test (at most " + progress + " runs) would take"), refused.err());
    }

    /** Under both presets: the sum, and each preset's own count as its progress lines say it. */
    @Test
    void underBothPresetsTheSumAndEachPresetsCount() throws Exception {
        Path f = dir.resolve("good.yaml");
        Files.writeString(f, CliTest.GOOD);
        Result refused = CliTest.run("plan", f.toString(), "--assumptions", "both", "--replications", "2",
                "--max-events", "1", "--out", dir.resolve("refused").toString());
        assertEquals(2, refused.code(), refused.err());
        int documented = Planner.mostRuns(ScenarioLoader.load(f, List.of("assumptions=documented"), null), 2,
                false, 1);
        int field = Planner.mostRuns(ScenarioLoader.load(f, List.of("assumptions=field"), null), 2, false, 1);
        assertTrue(refused.err().contains("cli-test (at most " + (documented + field) + " runs: " + documented
                + " documented, " + field + " field) would take"), refused.err());
    }
}
