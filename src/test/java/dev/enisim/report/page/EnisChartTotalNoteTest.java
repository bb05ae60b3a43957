package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.enisim.report.chart.Charts;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.title.TextTitle;
import org.junit.jupiter.api.Test;

/**
 * A teacher's review: the per-key ENI chart drew each key's line (flat at 1, on top of each other) under a line of
 * "vpc-main quota 500 (all keys)", and the total it compares with appeared nowhere. With every key drawn, the note
 * now gives all keys' most at once, on the page's chart and in the image.
 */
class EnisChartTotalNoteTest {

    private static RunResult threeKeys() throws Exception {
        StringBuilder y = new StringBuilder("""
                name: three-keys
                duration: 10m
                bucket: 1m
                vpcs:
                  - id: vpc-main
                    eniQuota: 500
                    subnets: [{ id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }]
                    securityGroups: [sg-0, sg-1, sg-2]
                functions:
                """);
        for (int i = 0; i < 3; i++) {
            y.append("  - { name: f").append(i).append(", existing: Active, duration: 100ms, arrivals: { constant:"
                    + " 1/s }, vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-").append(i).append("] } }\n");
        }
        return new Simulation(ScenarioLoader.parse(y.toString(), "three.yaml"), 0).run();
    }

    private static final String NOTE = "All 3 keys together: at most 3 ENIs at once (a VPC's quota counts all its keys)";

    @Test
    void thePagesChartSaysTheTotal() throws Exception {
        String note = null;
        for (JsonNode c : ChartData.build(threeKeys()).get("charts")) {
            if (c.get("id").asText().equals("enis")) {
                note = c.path("note").asText();
            }
        }
        assertTrue(note != null && note.startsWith(NOTE + ". Same values throughout"), note);
    }

    @Test
    void theImageSaysTheTotal() throws Exception {
        JFreeChart c = Charts.all(threeKeys()).stream().filter(x -> x.name().equals("enis")).findFirst()
                .orElseThrow().chart();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < c.getSubtitleCount(); i++) {
            if (c.getSubtitle(i) instanceof TextTitle t) {
                b.append(t.getText()).append('\n');
            }
        }
        assertTrue(b.toString().contains(NOTE), b.toString());
    }
}
