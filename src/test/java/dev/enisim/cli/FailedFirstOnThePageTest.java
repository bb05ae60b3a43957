package dev.enisim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.enisim.report.HtmlReport;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The terminal lists a migration's failed VPC updates right after the Failed functions, with a line counting them
 * (TerminalFailedUpdatesTest); the run page's function table kept them among the others by requests, 1/s functions
 * under 45 busy ones, no count anywhere on the page, and the topology player (which draws the table's first 40)
 * left them out. The page now says what the terminal says: the same order, the count above the table.
 */
class FailedFirstOnThePageTest {

    private static final Pattern ROW = Pattern.compile("<tr><td>([^<]+)</td><td class=\"[a-z]*\">");

    @Test
    void thePagesFunctionTableListsFailedThenFailedUpdatesFirstCountedAsTheTerminalDoes() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(TerminalFailedUpdatesTest.migration(45), "migration"), 0)
                .run();
        String html = HtmlReport.render(r, Map.of(), "test");
        int table = html.indexOf("<table class=\"answers functions\">");
        assertTrue(table > 0, "the function table");
        String rows = html.substring(table, html.indexOf("</table>", table));
        List<String> names = new ArrayList<>();
        Matcher m = ROW.matcher(rows);
        while (m.find()) {
            names.add(m.group(1));
        }
        assertEquals(48, names.size(), rows);
        assertEquals("broke", names.get(0), names.toString());
        assertEquals(List.of("pay-a", "pay-b"), names.subList(1, 3).stream().sorted().toList(), names.toString());
        assertTrue(names.subList(3, 48).stream().allMatch(n -> n.startsWith("edge-")), names.toString());
        // the count, as the terminal's words, above the table
        String count = "<p id=\"functions-first\">Of 48 functions: 1 Failed, 2 with a failed VPC config update"
                + " (LastUpdateStatus Failed: each kept its old config). The table lists them first.</p>\n";
        int said = html.indexOf(count);
        assertTrue(said > 0 && said < table, "the count above the table");
        // the same order as the terminal's lines
        StringWriter out = new StringWriter();
        TerminalSummary.print(new PrintWriter(out), r);
        List<String> terminal = out.toString().lines().dropWhile(l -> !l.startsWith("Functions (")).skip(1)
                .takeWhile(l -> l.startsWith("  ") && !l.startsWith("  ...")).map(l -> l.trim().split(" +")[0])
                .toList();
        assertEquals(TerminalSummary.TOP, terminal.size(), out.toString());
        assertEquals(terminal, names.subList(0, terminal.size()));
        // the player draws the table's first 40: the failed updates among them, its note in the table's words
        String open = "<script type=\"application/json\" id=\"enisim-data\">";
        int data = html.indexOf(open) + open.length();
        JsonNode topo = new ObjectMapper().readTree(html.substring(data, html.indexOf("</script>", data)))
                .get("topology");
        List<String> drawn = new ArrayList<>();
        topo.get("functions").forEach(f -> drawn.add(f.get("name").asText()));
        assertEquals(names.subList(0, drawn.size()), drawn);
        assertTrue(drawn.contains("pay-a") && drawn.contains("pay-b"), drawn.toString());
        assertEquals("Failed, or Inactive/Pending for a network cause, first; then those with a failed VPC config"
                + " update; each by invocation requests", topo.get("leftOut").get("order").asText());
    }

    @Test
    void noCountWhenEveryFunctionServes() throws Exception {
        String yaml = """
                name: fine
                duration: 2m
                functions:
                  - { name: api, duration: 50ms, arrivals: { poisson: 5/s } }
                """;
        String html = HtmlReport.render(new Simulation(ScenarioLoader.parse(yaml, "fine"), 0).run(), Map.of(),
                "test");
        assertTrue(html.contains("<table class=\"answers functions\">"), "the table");
        assertTrue(!html.contains("functions-first") && !html.contains("The table lists them first"), "no count");
    }
}
