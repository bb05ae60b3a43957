package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

/**
 * charts/subnet-ips.png of a 600-function account said "top 10 of 15 by order" and left out the one subnet that ran
 * out (0 free), where the page's charts and Capacity table put the fullest first (session 48, h3's review).
 */
class SubnetChartFullestFirstTest {

    /** Twelve /24 subnets with room; the last, subnet-l, a /28 its other tenants fill (0 free from the start). */
    private static RunResult twelveSubnets() throws Exception {
        StringBuilder y = new StringBuilder("name: subnets\nduration: 2m\nvpcs:\n  - id: v\n    subnets:\n");
        for (int i = 0; i < 12; i++) {
            char c = (char) ('a' + i);
            y.append(i < 11 ? "      - { id: subnet-" + c + ", cidr: 10.0." + i + ".0/24, az: a }\n"
                    : "      - { id: subnet-" + c + ", cidr: 10.0.99.0/28, az: a, otherUsedIps: 11 }\n");
        }
        y.append("    securityGroups: [sg]\nfunctions:\n  - name: api\n    existing: Active\n"
                + "    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg] }\n    duration: 10ms\n"
                + "    arrivals: { poisson: 1/s }\n");
        return new Simulation(ScenarioLoader.parse(y.toString(), "subnets"), 0).run();
    }

    @Test
    void thePngDrawsTheFullestSubnetsFirstAsThePageDoes() throws Exception {
        RunResult r = twelveSubnets();
        List<String> ids = Charts.fullestFirst(r.summary());
        assertEquals("subnet-l", ids.get(0), ids.toString());
        assertEquals("subnet-l (10.0.99.0/28, 11 usable)", Charts.subnetDataset(r).getSeries(0).getKey());
        JFreeChart chart = Charts.subnets(r);
        List<String> panels = new ArrayList<>();
        for (Object p : ((CombinedDomainXYPlot) chart.getPlot()).getSubplots()) {
            XYPlot plot = (XYPlot) p;
            String key = String.valueOf(plot.getDataset().getSeriesKey(0));
            // each panel's usable line is its own subnet's
            String usable = ((ValueMarker) plot.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).iterator()
                    .next()).getLabel();
            assertTrue(key.endsWith(", " + usable + ")"), key + " beside " + usable);
            panels.add(key.substring(0, key.indexOf(' ')));
        }
        assertEquals(ids.subList(0, 10), panels);
        String note = "";
        for (int i = 0; i < chart.getSubtitleCount(); i++) {
            if (chart.getSubtitle(i) instanceof org.jfree.chart.title.TextTitle t) {
                note += t.getText();
            }
        }
        assertTrue(note.contains("top 10 of 12 by fill; 2 more in summary.json subnets"), note);
    }
}
