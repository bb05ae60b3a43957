package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * diurnal-week ("A week of daily peaks and troughs; ENIs stay put, environments follow the traffic") had the verdict
 * "334 of 9,667,035 invocations did not succeed (0.0035%); most: ResourceConflictException, 332 from 00:00:00 to
 * 00:01:02": requests sent while its functions were Pending at creation, a side effect, and nothing of its story. A
 * load that rose and fell again and again now leads the verdict, with what the ENIs did meanwhile; the failures follow.
 * Runs whose load rose once (a burst) keep their verdicts.
 */
class CyclesVerdictTest {

    @Test
    void aWeekOfPeaksAndTroughsLeadsWithTheLoadAndTheEnisThatStayedPut() throws Exception {
        String v = Verdicts.of("diurnal-week");
        String lead = "<p class=\"verdict warn\">A load that rose and fell 7 times in the 7d (2,686 to 27,194"
                + " invocations per 15m, execution environments 6.0 to 94.3 on average) ran on the same 4 Hyperplane"
                + " ENIs from the first 15m to the end (one per ENI key: none created for the load, none deleted);"
                + " the keys' connections rose and fell with it, at most 110 (0.17% of one ENI's 65,000). 573 of"
                + " 9,667,035 invocations did not succeed (0.0059%); most: ResourceConflictException, 571 from";
        assertTrue(v.startsWith(lead), v);
    }

    /**
     * Every other scenario: a burst rises once (quickstart, burst-scaling), a steady rate only wavers
     * (redeploy-new-subnets' 6,990 to 7,454 invocations a minute crossed its range's quarters 9 times).
     */
    @Test
    void noOtherScenarioLeadsWithALoadCycle() throws Exception {
        java.util.List<java.nio.file.Path> files;
        try (var l = java.nio.file.Files.list(java.nio.file.Path.of("scenarios"))) {
            files = l.filter(f -> f.toString().endsWith(".yaml") && !f.toString().endsWith("diurnal-week.yaml"))
                    .sorted().toList();
        }
        java.util.List<String> led = new java.util.ArrayList<>();
        for (java.nio.file.Path f : files) {
            String c = Headlines.cycles(new dev.enisim.run.Simulation(dev.enisim.scenario.ScenarioLoader.load(f), 0)
                    .run());
            if (!c.isEmpty()) {
                led.add(f.getFileName() + ": " + c);
            }
        }
        assertTrue(files.size() >= 20, files.toString());
        assertEquals(java.util.List.of(), led);
    }

    /**
     * The same week with its functions serving before the run ({@code existing: Active}): their 4 ENIs are in place
     * at the start ({@code enis.created} counts them, {@code enis.inPlaceAtStart} says so) and are still the same 4
     * at the end. The verdict counted them twice (created + in place against the peak) and said "had at most 4
     * Hyperplane ENIs (4 created, 0 deleted)", as if the load had made them.
     */
    @Test
    void enisInPlaceAtTheStartAreTheSameEnisToTheEnd() throws Exception {
        dev.enisim.scenario.Scenario s = ScenarioLoaderAccess.diurnalWeekExisting();
        dev.enisim.run.RunResult r = new dev.enisim.run.Simulation(s, 0).run();
        assertEquals(4, r.summary().enis().inPlaceAtStart(), r.summary().enis().toString());
        assertEquals(4, r.summary().enis().created(), r.summary().enis().toString());
        String c = Headlines.cycles(r);
        assertTrue(c.contains(" ran on the same 4 Hyperplane ENIs from the first 15m to the end (one per ENI key:"
                + " none created for the load, none deleted)"), c);
    }

    /** diurnal-week with every function {@code existing: Active}. */
    private static final class ScenarioLoaderAccess {
        static dev.enisim.scenario.Scenario diurnalWeekExisting() throws Exception {
            dev.enisim.scenario.Scenario s = dev.enisim.scenario.ScenarioLoader.load(
                    java.nio.file.Path.of("scenarios/diurnal-week.yaml"));
            java.util.List<dev.enisim.scenario.Scenario.Function> fns = new java.util.ArrayList<>();
            for (dev.enisim.scenario.Scenario.Function f : s.functions()) {
                fns.add(f.toBuilder().existing(dev.enisim.scenario.Scenario.Function.Existing.ACTIVE).build());
            }
            return s.withFunctions(fns);
        }
    }
}
