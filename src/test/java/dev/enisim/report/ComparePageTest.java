package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.experiment.Comparison;
import dev.enisim.model.NetworkModel;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Overrides;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

/** The compare and compare-network-models pages. */
public class ComparePageTest {

    /** quickstart against quickstart with subnet-a a /27: notifications no longer fails. */
    public static String quickstartVsBiggerSubnet() throws Exception {
        Path f = Path.of("scenarios/quickstart.yaml");
        Scenario a = ScenarioLoader.load(f);
        Scenario b = ScenarioLoader.parseTree(Overrides.apply(ScenarioLoader.readTree(f),
                List.of("vpcs[0].subnets[0].cidr=10.0.1.0/27"), f.toString()), f.toString());
        List<Comparison.Row> rows = Comparison.compare(a, b, 2, 1);
        return ComparePage.compare("quickstart.yaml", new Simulation(a, 0).run(), "/27 subnet-a",
                new Simulation(b, 0).run(), rows, 2, false);
    }

    @Test
    void theComparePageRanksSignificantDifferencesFirstWithTheirIntervals() throws Exception {
        String html = quickstartVsBiggerSubnet().replace("<wbr/>", ""); // the text as read
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertTrue(html.contains("differ significantly between A and B"), html.substring(0, 3000));
        int table = html.indexOf("<section id=\"differences\">");
        int first = html.indexOf("<tr><td>", table);
        // "not significant" is now written in every other row's cell: the first row's is a significant one's
        String row = html.substring(first, html.indexOf("</tr>", first));
        assertTrue(row.contains("(significant)") || row.contains(">significant"), "a significant difference first: "
                + row);
        assertTrue(html.contains("functions.notifications.invocations.errors.SubnetIPAddressLimitReachedException"));
        assertTrue(html.contains("95% interval of B - A"));
        assertTrue(html.contains("\"label\":\"B\""), "B's series on the same charts, named as its column");
    }

    /**
     * An experimenter's review: {@code compare --replications 1 --html} showed "[-289, -289]" as each difference's
     * "95% interval" and "No metric differs significantly ... over the 0 metrics ...", where the terminal says "none
     * (1 replication)" and that no difference can be called significant with one replication. The page now says the
     * same.
     */
    @Test
    void withOneReplicationThePageShowsNoIntervalAndSaysWhy() throws Exception {
        Path f = Path.of("scenarios/quickstart.yaml");
        Scenario a = ScenarioLoader.load(f);
        Scenario b = ScenarioLoader.parseTree(Overrides.apply(ScenarioLoader.readTree(f),
                List.of("vpcs[0].subnets[0].cidr=10.0.1.0/27"), f.toString()), f.toString());
        String html = ComparePage.compare("quickstart.yaml", new Simulation(a, 0).run(), "/27 subnet-a",
                new Simulation(b, 0).run(), Comparison.outcome(a, b, 1, 1), 1, false);
        assertTrue(html.contains("none (1 replication)"), "no interval from one run");
        assertTrue(!html.matches("(?s).*<td class=\"n\">\\[([^,<]+), \\1\\]</td>.*"), "no zero-width interval");
        assertTrue(html.contains("With one replication there is no confidence interval, so no difference can be"
                + " called significant"), "the verdict says why");
        assertTrue(!html.contains("No metric differs significantly"), "no claim of no difference");
    }

    /** A planner's review: figures below 1 were cut to three decimals ("0.001 0.003", "0.000 [-0.000, 0.000]"). */
    @Test
    void smallFiguresKeepFourSignificantDigits() {
        assertEquals("0.001417", ComparePage.number(0.00141712));
        assertEquals("0.002845", ComparePage.number(0.00284468));
        assertEquals("0.00001544", ComparePage.number(0.0000154398));
        assertEquals("0", ComparePage.number(-0.0));
        assertEquals("-0.0001", ComparePage.number(-0.0001));
        assertEquals("12.35", ComparePage.number(12.3456));
        assertEquals("1,234.6", ComparePage.number(1234.56));
        assertEquals("3,741", ComparePage.number(3741));
    }

    @Test
    void theNetworkModelsPageShowsBothModelsSideBySide() throws Exception {
        Scenario s = ScenarioLoader.load(Path.of("scenarios/quickstart.yaml"));
        RunResult h = new Simulation(s.withNetworkModel(NetworkModel.HYPERPLANE), 0).run();
        RunResult l = new Simulation(s.withNetworkModel(NetworkModel.LEGACY), 0).run();
        String html = ComparePage.networkModels(h, l);
        DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
        assertTrue(html.contains("<th scope=\"col\">hyperplane</th><th scope=\"col\">legacy</th>"));
        assertTrue(html.contains("<td>Peak ENIs</td><td class=\"n\">" + h.summary().enis().peak() + "</td>"), html);
        assertTrue(html.contains("\"label\":\"legacy\"") && html.contains("\"label\":\"hyperplane\""),
                "both models on the same charts");
    }
}
