package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.metrics.RunSummary;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The terminal's line of a VPC against its quota (a planner's review, session 53): "peak 9 of quota 500, 5 ENIs
 * already in place" read as 9 of the quota used when 14 were. It now says the sum: Lambda's peak plus the ENIs
 * already in place. When the timeline changes those, the summary has them at the end only, so no sum is made.
 */
class QuotaUseLineTest {

    private static final String IN_PLACE = "ENIs already in place (other services', or Lambda's beyond those its"
            + " functions start with)";

    @Test
    void anImportedAccountsLineAddsTheEnisAlreadyInPlace() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/import-example/scenario.yaml"));
        assertEquals("peak 9 + 5 " + IN_PLACE + " = 14 of quota 500", TerminalSummary.quotaUse(s,
                "vpc-0a1b2c3d4e5f60718", new RunSummary.VpcSummary(500, 9, 3, 5), "quota"));
    }

    @Test
    void aHandWrittenScenariosOtherServicesEnisAreAddedTooAndNoneSaysNothing() throws Exception {
        String text = Files.readString(Path.of("scenarios/efs-shares-the-quota.yaml"));
        Scenario constant = ScenarioLoader.parse(text.replace(
                "  - { at: 1h, action: setOtherUsedEnis, vpc: vpc-data, otherUsedEnis: 498 }\n", "")
                .replace("timeline:\n", ""), "efs");
        assertEquals("peak 5 + 490 ENIs of other services = 495 of quota 500", TerminalSummary.quotaUse(constant,
                "vpc-data", new RunSummary.VpcSummary(500, 5, 5, 490), "quota"));
        assertEquals("peak 5 of quota 500", TerminalSummary.quotaUse(constant, "vpc-data",
                new RunSummary.VpcSummary(500, 5, 5, 0), "quota"));
    }

    @Test
    void whenTheTimelineChangesThemTheyAreSaidAtTheEndWithNoSum() throws Exception {
        Scenario changing = ScenarioLoader.load(Path.of("scenarios/efs-shares-the-quota.yaml"));
        assertEquals("peak 5 of quota 500, 498 ENIs of other services at the end of the run (the timeline changes"
                + " them)", TerminalSummary.quotaUse(changing, "vpc-data", new RunSummary.VpcSummary(500, 5, 5, 498),
                "quota"));
    }
}
