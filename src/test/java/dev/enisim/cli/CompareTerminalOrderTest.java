package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.experiment.Comparison;
import dev.enisim.experiment.MetricStats;
import dev.enisim.report.CompareRowOrderTest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last pass's leftover: compare's page sorts its significant rows by their change relative to A
 * ({@code CompareRowOrderTest}), but the terminal printed its table in the summary's order, so the two showed the
 * same comparison in two orders (az-outage's deciding ServiceException row fifth in the terminal, first on the page).
 */
class CompareTerminalOrderTest {

    @TempDir
    Path dir;

    /**
     * The metrics of the terminal's Differences table, in its order (the lines after its header, up to the first blank
     * one; the table "What changes for the account" before it is the page's headline, CompareAccountFirstTest's).
     */
    private static List<String> terminal(String out) {
        List<String> metrics = new ArrayList<>();
        boolean in = false;
        String heading = "Differences (significant first, the largest change relative to A first):";
        List<String> lines = out.lines().toList();
        for (String line : lines.subList(Math.max(0, lines.indexOf(heading)), lines.size())) {
            if (line.startsWith("metric ")) {
                in = true;
            } else if (in && line.isBlank()) {
                break;
            } else if (in) {
                metrics.add(line.substring(0, line.indexOf(' ')));
            }
        }
        return metrics;
    }

    /** The metrics of the page's differences table, in its order. */
    private static List<String> page(String html) {
        Matcher m = Pattern.compile("<tr><td>([^<]+)</td>").matcher(html.substring(html.indexOf(
                "<section id=\"differences\">")));
        List<String> metrics = new ArrayList<>();
        while (m.find()) {
            metrics.add(m.group(1));
        }
        return metrics;
    }

    @Test
    void theTerminalTableComesInThePagesOrder() {
        List<Comparison.Row> rows = new ArrayList<>(CompareRowOrderTest.MIXED);
        rows.add(new Comparison.Row("enis.peak", 3, 3, new MetricStats(5, 0, 0, 0, 0), Double.NaN, Double.NaN,
                false)); // no difference: only with --all
        StringWriter s = new StringWriter();
        CompareCommand.table(new PrintWriter(s, true), rows, false, true);
        assertEquals(CompareRowOrderTest.MIXED_IN_ORDER, terminal(s.toString() + "\n"), s.toString());
        StringWriter every = new StringWriter();
        CompareCommand.table(new PrintWriter(every, true), rows, true, true);
        assertEquals("enis.peak", terminal(every.toString() + "\n").get(6), every.toString());
    }

    @Test
    void aRealComparisonPrintsTheRowsOfItsPageInTheSameOrder() throws Exception {
        Path f = Files.writeString(dir.resolve("noise.yaml"), CompareMultiplicityTest.noise());
        Path html = dir.resolve("c.html");
        CliTest.Result r = CliTest.run("compare", f.toString(), "--set", "functions[f2].arrivals.poisson=6/s",
                "--replications", "3", "--html", html.toString());
        assertEquals(0, r.code(), r.err());
        List<String> terminal = terminal(r.out());
        List<String> page = page(Files.readString(html).replace("<wbr/>", "")); // the text, as a browser reads it
        assertTrue(terminal.size() > 3, r.out());
        assertEquals(page, terminal, r.out());
    }
}
