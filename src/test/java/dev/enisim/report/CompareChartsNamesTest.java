package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * compare --html, a planner's review (az-outage against its single-AZ function given a second subnet): the charts'
 * legends and their "drawn on one another" notes named each side by its whole label, "scenarios/az-outage.yaml with
 * functions[reports-single-az].vpcConfig.subnetIds=[subnet-1a, subnet-1b]", two lines under every chart and past a
 * phone's width, where the tables say A and B; and nothing said the charts draw one replication of each while the
 * tables give means over all of them.
 */
class CompareChartsNamesTest {

    @Test
    void theChartsNameTheSidesAsTheTablesDoAndSayTheyDrawOneReplication() throws Exception {
        String html = ComparePageTest.quickstartVsBiggerSubnet();
        String data = html.substring(html.indexOf("<script type=\"application/json\" id=\"enisim-data\">"));
        assertTrue(data.contains("\"label\":\"A\"") && data.contains("\"label\":\"B\""), "series named A and B");
        assertFalse(data.contains("/27 subnet-a") || data.contains("quickstart.yaml"),
                "no side's whole label in the charts' data");
        assertTrue(data.contains("drawn on one another: B (orange) dashed over A (blue)"), "the notes say A and B");
        assertTrue(html.contains("A = quickstart.yaml, B = /27 subnet-a"), "what A and B are, under the heading");
        int charts = html.indexOf("<h2>Charts</h2>");
        assertTrue(charts > 0 && html.indexOf("Each chart draws one run of each side, replication 0 of the 2", charts)
                == charts + "<h2>Charts</h2>\n<p class=\"note\">".length(), "the charts' note, under their heading");
    }
}
