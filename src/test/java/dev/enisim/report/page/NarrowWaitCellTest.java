package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Session 43's teacher read at 420 px: "nothing to wait for" wrapped over three lines in the teardown table's narrow
 * "waited" column, beside times of 8 characters. A deletion that released no ENI now reads one word there, no wider
 * than a time, the longer phrase kept as the cell's title.
 */
class NarrowWaitCellTest {

    @Test
    void aDeletionThatReleasedNoEniReadsOneWord() throws Exception {
        String a = Headlines.html(new Simulation(ScenarioLoader.load(Path.of("scenarios/teardown.yaml")), 0).run());
        int at = a.indexOf("<tr><td>api</td><td>deleteFunction</td>");
        String row = a.substring(at, a.indexOf("</tr>", at));
        String waited = row.split("</td><td")[4];
        String text = waited.substring(waited.indexOf('>') + 1);
        assertFalse(text.contains(" "), "the waited cell wraps at a space: " + row);
        assertTrue(text.length() <= "00:00:00".length(), "wider than a time: " + row);
    }
}
