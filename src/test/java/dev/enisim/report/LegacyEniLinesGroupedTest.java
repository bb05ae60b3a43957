package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The legacy model's ENIs are told in groups, as Hyperplane's are (a teacher's review, C7): legacy-vs-hyperplane's
 * story was 246 "ENI eni-0001 being created ..." lines and 246 "ready" ones, a line per ENI, since a legacy cold start
 * makes its own ENI microseconds after the last one; now one line per second and phase, with how many per function
 * and subnet and the ids in runs.
 */
class LegacyEniLinesGroupedTest {

    @Test
    void legacyEnisOfOneSecondAndPhaseAreOneLine() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/legacy-vs-hyperplane.yaml")), 0).run();
        List<String> lines = Narrative.lines(r);
        String all = String.join("\n", lines);
        assertTrue(lines.contains("00:00:00  56 ENIs being created (ingest@subnet-ingest-a+[sg-ingest] 31,"
                + " ingest@subnet-ingest-b+[sg-ingest] 25): eni-0001 to eni-0056"), all);
        assertTrue(lines.contains("00:00:18  ENI eni-0134 ready (ingest@subnet-ingest-a+[sg-ingest] 10.8.0.57)"), all);
        long eniLines = lines.stream().filter(l -> l.matches("\\S+  (ENI eni-|[0-9]+ ENIs ).*")).count();
        assertTrue(eniLines < 30, eniLines + " ENI lines\n" + all);
        // every ENI still counted: 246 created and 246 ready
        assertEquals(246, count(lines, "being created"), all);
        assertEquals(246, count(lines, "ready"), all);
        assertTrue(lines.size() < 40, lines.size() + " lines\n" + all);
    }

    private static int count(List<String> lines, String verb) {
        int n = 0;
        for (String l : lines) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\S+  ([0-9]+) ENIs " + verb + " \\(.*")
                    .matcher(l);
            if (m.matches()) {
                n += Integer.parseInt(m.group(1));
            } else if (l.matches("\\S+  ENI eni-[0-9]+ " + verb + " \\(.*")) {
                n++;
            }
        }
        return n;
    }

    @Test
    void idsAreToldInRunsAndCut() {
        assertEquals("eni-0001 to eni-0004, eni-0007", Narrative.idRuns(List.of("eni-0003", "eni-0001", "eni-0002",
                "eni-0007", "eni-0004"), 6));
        assertEquals("eni-0009, eni-0010, eni-0100", Narrative.idRuns(List.of("eni-0100", "eni-0010", "eni-0009"), 6));
        assertEquals("eni-1, eni-3 and 2 more (enis.csv lists each)", Narrative.idRuns(List.of("eni-1", "eni-3",
                "eni-5", "eni-7"), 2));
        assertEquals("eni-9999 to eni-10001", Narrative.idRuns(List.of("eni-10000", "eni-9999", "eni-10001"), 6));
    }
}
