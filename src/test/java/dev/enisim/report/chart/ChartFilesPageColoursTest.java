package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.run.RunResult;
import java.awt.Color;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/**
 * A function, an ENI key or a subnet has one colour in the chart files (PNG/SVG) and on the page. The chart files gave
 * each function or key past the palette's ten distinct colours the first colour left unused chart by chart, the page
 * one of its own for the whole page: shared-eni-65k's svc-06 was ochre in concurrency.png and blue on the page, svc-13
 * green and ochre, quota-500's svc-008 teal and purple; and the page drew every subnet blue where subnet-ips.png drew
 * each in a colour of its own (quickstart's subnet-b ochre).
 */
class ChartFilesPageColoursTest {

    private static String hex(Object paint) {
        return String.format("#%06X", ((Color) paint).getRGB() & 0xFFFFFF);
    }

    /** Each page chart's series by chart file name: "function/NAME", "eniKey/KEY", "subnet/ID" to its colour. */
    private static Map<String, Map<String, String>> page(RunResult r) throws Exception {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (JsonNode c : TeacherChartsTest.pageCharts(r).get("charts")) {
            String id = c.has("panelOf") ? c.get("panelOf").asText() : c.get("id").asText();
            String file = id.startsWith("subnet-") ? "subnet-ips" : id;
            for (JsonNode s : c.get("series")) {
                String scope = s.get("scope").asText();
                if (List.of("function", "eniKey", "subnet").contains(scope)) {
                    out.computeIfAbsent(file, k -> new LinkedHashMap<>()).put(scope + "/" + s.get("id").asText(),
                            s.get("color").asText().toUpperCase());
                }
            }
        }
        return out;
    }

    @Test
    void aFunctionAKeyAndASubnetHaveOneColourInTheFilesAndOnThePage() throws Exception {
        List<String> differ = new ArrayList<>();
        int compared = 0;
        for (String scenario : List.of("shared-eni-65k", "quota-500", "quickstart", "sqs-burst",
                "async-inactive-function", "redeploy-new-subnets")) {
            RunResult r = TeacherChartsTest.run(scenario);
            Map<String, Map<String, String>> page = page(r);
            Map<String, String> everywhere = new HashMap<>(); // a name's colour in the files and on the page
            for (Map<String, String> chart : page.values()) {
                chart.forEach((name, colour) -> {
                    String before = everywhere.putIfAbsent(name, colour);
                    if (before != null && !before.equals(colour)) {
                        differ.add(scenario + " page: " + name + " " + before + " and " + colour);
                    }
                });
            }
            for (Charts.Chart c : Charts.all(r)) {
                Map<String, String> onPage = page.getOrDefault(c.name(), Map.of());
                List<String> subnets = Charts.fullestFirst(r.summary());
                List<XYPlot> plots = TeacherChartsTest.panels(c.chart());
                for (int p = 0; p < plots.size(); p++) {
                    XYPlot plot = plots.get(p);
                    for (int i = 0; plot.getDataset() != null && i < plot.getDataset().getSeriesCount(); i++) {
                        String key = String.valueOf(plot.getDataset().getSeriesKey(i));
                        String colour = hex(plot.getRenderer().getSeriesPaint(i));
                        for (String name : c.name().equals("subnet-ips") ? List.of("subnet/" + subnets.get(p))
                                : List.of("function/" + key, "eniKey/" + key)) {
                            String there = onPage.get(name);
                            if (there != null) {
                                compared++;
                                if (!there.equals(colour)) {
                                    differ.add(scenario + " " + c.name() + ": " + name + " " + colour + " in the file, "
                                            + there + " on the page");
                                }
                            }
                            String before = everywhere.get(name);
                            if (before != null && !before.equals(colour) && !c.name().equals("subnet-ips")) {
                                differ.add(scenario + " " + c.name() + ": " + name + " " + colour + ", elsewhere "
                                        + before);
                            }
                        }
                    }
                }
            }
        }
        assertTrue(compared > 100, "series compared: " + compared);
        assertEquals(List.of(), differ);
    }

    /** The names past the ten distinct colours take one a chart file's other series do not have. */
    @Test
    void eachChartFilesNamedSeriesAreApart() throws Exception {
        List<String> clash = new ArrayList<>();
        for (String scenario : List.of("shared-eni-65k", "quota-500")) {
            RunResult r = TeacherChartsTest.run(scenario);
            for (Charts.Chart c : Charts.all(r)) {
                if (!List.of("latency-by-function", "concurrency", "environments", "cold-starts", "enis",
                        "connections").contains(c.name())) {
                    continue;
                }
                Map<String, String> seen = new HashMap<>();
                XYPlot plot = c.chart().getXYPlot();
                for (int i = 0; i < plot.getDataset().getSeriesCount(); i++) {
                    String key = String.valueOf(plot.getDataset().getSeriesKey(i));
                    if (key.startsWith("others (") || key.equals(Charts.ALL_KEYS) || key.equals("Account")
                            || key.startsWith("capacity ")) {
                        continue;
                    }
                    String before = seen.put(hex(plot.getRenderer().getSeriesPaint(i)), key);
                    if (before != null) {
                        clash.add(scenario + " " + c.name() + ": " + key + " and " + before);
                    }
                }
            }
        }
        assertEquals(List.of(), clash);
    }

    /**
     * The lines across a chart (the account limit, a function's reserved concurrency, a subnet's usable size) in the
     * page's colour: quickstart's "orders-api reserved" line was blue-grey (#90A4AE, 2.4:1 on white) in
     * concurrency.png and orders-api's blue on the page; the usable line #9E9E9E, the page's #949494.
     */
    @Test
    void theLinesAcrossAChartHaveThePagesColours() throws Exception {
        List<String> differ = new ArrayList<>();
        int compared = 0;
        List<String> seen = new ArrayList<>();
        for (String scenario : List.of("quickstart", "sqs-burst", "redeploy-new-subnets")) {
            RunResult r = TeacherChartsTest.run(scenario);
            Map<String, String> page = new HashMap<>(); // each line's label (no thousands separators) to its colour
            for (JsonNode c : TeacherChartsTest.pageCharts(r).get("charts")) {
                for (JsonNode l : c.get("lines")) {
                    page.put(l.get("label").asText().replace(",", ""), l.get("color").asText().toUpperCase());
                }
            }
            for (Charts.Chart c : Charts.all(r)) {
                for (XYPlot plot : TeacherChartsTest.panels(c.chart())) {
                    java.util.Collection<?> lines = plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND);
                    for (Object o : lines == null ? List.of() : lines) {
                        org.jfree.chart.plot.Marker m = (org.jfree.chart.plot.Marker) o;
                        String there = m.getLabel() == null ? null : page.get(m.getLabel().replace(",", ""));
                        if (there != null) {
                            compared++;
                            seen.add(m.getLabel());
                            if (!there.equals(hex(m.getPaint()))) {
                                differ.add(scenario + " " + c.name() + ": \"" + m.getLabel() + "\" " + hex(m.getPaint())
                                        + " in the file, " + there + " on the page");
                            }
                        }
                    }
                }
            }
        }
        assertTrue(seen.stream().anyMatch(l -> l.contains(" reserved ")), "a reserved line compared: " + seen);
        assertTrue(compared >= 4, "lines compared: " + seen);
        assertEquals(List.of(), differ);
    }
}
