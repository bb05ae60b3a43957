package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.experiment.Comparison;
import dev.enisim.experiment.MetricStats;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A page reviewer's finding: compare's page put the significant metrics first but in the summary's order, so with
 * az-outage the deciding row (ServiceException, 0 in A) came fifth, after {@code events.total} and other counts that
 * moved by a few per cent. The significant rows now come by their change relative to A, largest first.
 */
public class CompareRowOrderTest {

    /** A row of {@code metric} from {@code a} to {@code b}, significant or not (p-values to match). */
    public static Comparison.Row row(String metric, double a, double b, boolean significant) {
        double d = b - a;
        return new Comparison.Row(metric, a, b, new MetricStats(5, d, 1, d - 1, d + 1), significant ? 0.001 : 0.5,
                significant ? 0.004 : 0.9, significant);
    }

    /** Significant and not, in the summary's order: a change from 0 (infinite), +50%, -2.2%, +2%, then the others. */
    public static final List<Comparison.Row> MIXED = List.of(
            row("events.total", 1_000_000, 1_020_000, true),           // +2%
            row("invocations.succeeded", 900_000, 880_000, true),     // -2.2%
            row("latency.p99", 300, 310, false),                       // not significant: after the others
            row("invocations.errors.ServiceException", 0, 6_000, true), // appears: first
            row("coldStarts", 100, 150, true),                         // +50%
            row("latency.p50", 100, 101, false));

    /** {@link #MIXED}'s metrics as the page orders them. */
    public static final List<String> MIXED_IN_ORDER = List.of("invocations.errors.ServiceException", "coldStarts",
            "invocations.succeeded", "events.total", "latency.p99", "latency.p50");

    private static List<String> order(String html) {
        int table = html.indexOf("<section id=\"differences\">");
        Matcher m = Pattern.compile("<tr><td>([^<]+)</td>").matcher(html.substring(table));
        List<String> metrics = new ArrayList<>();
        while (m.find()) {
            metrics.add(m.group(1));
        }
        return metrics;
    }

    @Test
    void theLargestSignificantChangeComesFirstThenTheOthersInTheSummarysOrder() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.load(Path.of("scenarios/quickstart.yaml")), 0).run();
        String html = ComparePage.compare("A", r, "B", r, MIXED, 5, false).replace("<wbr/>", ""); // the text read
        assertEquals(MIXED_IN_ORDER, order(html));
        assertTrue(html.contains("They come first in the Differences table, the largest change relative to A first."), html);
        assertTrue(html.indexOf("<section id=\"headline\">") < html.indexOf("<section id=\"differences\">"),
                "the account table sits between the verdict and Differences, so \"below\" alone pointed at it");
    }

    @Test
    void aRowsRelativeChangeIsAgainstA() {
        assertEquals(0.5, ComparePage.relativeChange(row("x", -100, -150, true)), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, ComparePage.relativeChange(row("x", 0, 3, true)));
        assertEquals(0, ComparePage.relativeChange(row("x", 0, 0, true)));
        assertEquals(0.02, ComparePage.relativeChange(row("x", 1000, 980, true)), 1e-12);
    }
}
