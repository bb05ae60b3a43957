package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.Seconds;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.OneSubnetYaml;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * Session 49 (an SRE's review): the page's "Stuck Pending (longer than 00:06:00)" table showed 00:06:00 for a spell of
 * 360.049 s, as a clock cuts an instant to its second. A duration beside the bound it passed is now rounded up to the
 * second: 00:06:01.
 */
class StuckPendingRoundedUpTest {

    @Test
    void aSpellJustPastTheBoundReadsPastIt() throws Exception {
        // the function's ENI takes 6 min 0.4 s: it is Pending that long, one stuck spell just past the 6 min bound
        String page = Headlines.html(new Simulation(ScenarioLoader.parse(OneSubnetYaml.of("""
                name: stuck
                seed: 1
                duration: 10m
                hyperplane: { eniCreateTime: { dist: constant, value: 360400ms }, stuckPendingAfter: 6m }
                """, "name: slow\nduration: 100ms\narrivals: { constant: 1/s }"), "stuck.yaml"), 0).run());
        int at = page.indexOf("<h3>Stuck Pending (longer than 00:06:00)</h3>");
        assertTrue(at >= 0, page);
        String table = page.substring(at, page.indexOf("</table>", at));
        assertTrue(table.contains("<td>slow</td><td class=\"n bad\">00:06:01</td>"), table);
    }

    @Test
    void wholeSecondsAreRoundedUp() {
        assertEquals(361 * Seconds.MICROS, Headlines.wholeSecondsUp(360.049));
        assertEquals(360 * Seconds.MICROS, Headlines.wholeSecondsUp(360.0));
        assertEquals(386 * Seconds.MICROS, Headlines.wholeSecondsUp(385.75));
    }
}
