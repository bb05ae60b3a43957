package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.cli.CliTest.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * sweep's terminal printed sweep.csv itself: 16-digit decimals (33388.666666666664, 0.9985774245179969) in columns
 * that did not line up. It prints an aligned table, figures rounded for reading; sweep.csv keeps them in full.
 */
class SweepTerminalTableTest {

    @TempDir
    Path dir;

    @Test
    void theTerminalShowsAnAlignedTableOfRoundedFiguresAndTheCsvKeepsThemInFull() throws Exception {
        Path scenario = dev.enisim.scenario.OneSubnetYaml.small(dir);
        Path out = dir.resolve("sw");
        Result r = CliTest.run("sweep", scenario.toString(), "--vary", "traffic=1,3", "--replications", "3",
                "--metric", "invocations.succeeded", "--metric", "latencyMillis.p99", "--out", out.toString(), "-q");
        assertEquals(0, r.code(), r.out() + r.err());
        List<String> lines = r.out().lines().toList();
        int head = lines.indexOf(lines.stream().filter(l -> l.startsWith("traffic ")).findFirst().orElseThrow());
        String header = lines.get(head);
        assertTrue(header.matches("traffic +invocations\\.succeeded +95% CI +latencyMillis\\.p99 +95% CI"), header);
        List<String> rows = lines.subList(head + 1, head + 3);
        assertTrue(rows.get(0).startsWith("1 ") && rows.get(1).startsWith("3 "), r.out());
        for (String row : rows) {
            // each interval under its heading, each mean ending where the others do
            assertEquals(header.indexOf("95% CI"), row.indexOf('['), r.out());
            assertEquals(header.lastIndexOf("95% CI"), row.lastIndexOf('[') , r.out());
            assertEquals(rows.get(0).indexOf(" [") , row.indexOf(" ["), r.out());
        }
        Pattern longDecimal = Pattern.compile("\\d\\.\\d{5,}");
        assertFalse(longDecimal.matcher(r.out()).find(), "figures rounded for reading:\n" + r.out());
        assertFalse(r.out().contains("ciLow,"), "not the CSV:\n" + r.out());
        String csv = Files.readString(out.resolve("sweep.csv"));
        assertTrue(longDecimal.matcher(csv).find(), "the CSV keeps full precision:\n" + csv);
    }
}
