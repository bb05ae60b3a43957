package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.run.RunResult;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;

/**
 * Browser review (session 41), h3 finding 1: async-events.png's legend showed raw metric names
 * ("AsyncEventsReceived", "Sim.AsyncEventsQueued") summed over functions, and the page had no chart of the queued
 * events at all (async-inactive-function's events, sqs-burst's messages).
 */
class QueuedEventsChartsTest {

    @Test
    void asyncEventsImageDrawsEachFunctionInPanelsHeadedInAwsWords() throws Exception {
        RunResult r = TeacherChartsTest.run("async-inactive-function");
        JFreeChart c = TeacherChartsTest.png(r, "async-events");
        List<XYPlot> panels = TeacherChartsTest.panels(c);
        assertTrue(panels.size() >= 3, "received, waiting, age (and dropped): " + panels.size());
        Map<String, Double> received = new HashMap<>();
        for (XYPlot p : panels) {
            XYDataset d = p.getDataset();
            for (int i = 0; i < d.getSeriesCount(); i++) {
                String key = String.valueOf(d.getSeriesKey(i));
                assertTrue(r.summary().async().containsKey(key), "a line per async function, not a metric: " + key);
            }
        }
        XYDataset first = panels.get(0).getDataset();
        for (int i = 0; i < first.getSeriesCount(); i++) {
            double sum = 0;
            for (int j = 0; j < first.getItemCount(i); j++) {
                sum += first.getYValue(i, j);
            }
            received.put(String.valueOf(first.getSeriesKey(i)), sum);
        }
        assertEquals(Map.of("thumbnails", 600.0, "audit-log", 300.0), received, "events received per function");
        List<String> legend = new ArrayList<>();
        org.jfree.chart.LegendItemCollection items = c.getPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            legend.add(items.get(i).getLabel());
        }
        assertEquals(List.of("thumbnails", "audit-log"), legend);
        String heads = Charts.asyncPanels(r, "10 s").toString();
        assertTrue(heads.contains("Events received") && heads.contains("Events dropped")
                && heads.contains("Events waiting in Lambda's event queue"), heads);
        assertTrue(Charts.asyncSentence(r).contains("audit-log: 300 events received, 94 succeeded"),
                Charts.asyncSentence(r));
        assertTrue(Charts.asyncSentence(r).contains("206 sent to its DLQ"), Charts.asyncSentence(r));
    }

    @Test
    void thePageHasTheQueuedEventsChartAsTheImageHasIt() throws Exception {
        RunResult r = TeacherChartsTest.run("async-inactive-function");
        JsonNode charts = TeacherChartsTest.pageCharts(r);
        JsonNode main = TeacherChartsTest.pageChart(charts, "async-events");
        List<String> labels = new ArrayList<>();
        main.get("series").forEach(s -> labels.add(s.get("label").asText()));
        assertEquals(List.of("thumbnails", "audit-log"), labels);
        assertTrue(main.get("note").asText().contains("thumbnails: 600 events received"), main.get("note").asText());
        int panels = 0;
        for (JsonNode c : charts.get("charts")) {
            if (c.path("panelOf").asText().equals("async-events")) {
                panels++;
                assertFalse(c.get("title").asText().startsWith("Sim."), c.get("title").asText());
            }
        }
        assertEquals(Charts.asyncPanels(r, "x").size() - 1, panels);
    }

    @Test
    void sqsBurstHasItsQueueOnThePageAndInOneImage() throws Exception {
        RunResult r = TeacherChartsTest.run("sqs-burst");
        JsonNode main = TeacherChartsTest.pageChart(TeacherChartsTest.pageCharts(r), "sqs-queues");
        assertEquals("order-export", main.get("series").get(0).get("label").asText());
        assertTrue(main.get("title").asText().contains("Messages waiting"), main.get("title").asText());
        assertTrue(main.get("note").asText().contains("60,000 messages sent, 60,000 deleted"),
                main.get("note").asText());
        assertEquals(2, TeacherChartsTest.panels(TeacherChartsTest.png(r, "sqs-queues")).size());
    }
}
