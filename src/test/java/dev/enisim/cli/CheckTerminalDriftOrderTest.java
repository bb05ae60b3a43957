package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code check --baseline}'s terminal lists a baseline's differences in the drift page's order (inputs, failures,
 * other changes, then series that appeared from 0), not the summary's: an exception's count that went to 0 was
 * printed under the series that appeared from 0 once the function succeeded (session 44; the page was ranked so in
 * session 44, the terminal kept the summary's order).
 */
class CheckTerminalDriftOrderTest {

    @TempDir
    Path root;

    @Test
    void aFailureThatWentToZeroIsListedBeforeTheSeriesThatAppearedFromZero() throws Exception {
        Scratch s = new Scratch(root);
        Files.createDirectories(s.work.resolve("base"));
        Scratch.Result first = s.run("check", "scenario.yaml", "--baseline", "base", "--update-baseline");
        assertEquals(0, first.code(), first.all());
        Path file = s.work.resolve("base/scratch.summary.json");
        ObjectMapper m = new ObjectMapper();
        ObjectNode b = (ObjectNode) m.readTree(file.toFile());
        // the baseline as an earlier model gave it: no other event, no concurrency, and 7,190 ServiceExceptions
        ((ObjectNode) b.get("events")).put("other", 0);
        b.put("peakConcurrentExecutions", 0);
        ((ObjectNode) b.at("/functions/api/invocations/errors")).put("ServiceException", 7190);
        b.put("enisimSha256", "edited");
        m.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), b);

        Scratch.Result r = s.run("check", "scenario.yaml", "--baseline", "base");
        assertEquals(1, r.code(), r.all());
        List<String> lines = r.out().lines().filter(l -> l.startsWith("        ")).map(String::strip).toList();
        assertEquals(3, lines.size(), r.out());
        assertEquals("functions.api.invocations.errors.ServiceException: 7190 -> 0", lines.get(0), r.out());
        assertEquals(List.of("peakConcurrentExecutions: 0 -> ", "events.other: 0 -> "),
                lines.subList(1, 3).stream().map(l -> l.replaceAll("[0-9.]+$", "")).toList(),
                "then what appeared from 0, the largest now first: " + r.out());
    }
}
