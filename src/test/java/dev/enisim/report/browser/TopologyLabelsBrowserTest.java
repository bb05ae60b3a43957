package dev.enisim.report.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A teacher's review (session 46), finding 3: with real AWS ids the topology's labels ran out of their boxes
 * ({@code subnet-0f1e2d3c4b5a69788 10.20.1.0/24 eu-wes} cut at the subnet box's edge, {@code [sg-0b22bb22bb22bb22b,
 * sg-0c33c} over the ENI column). Every label now ends inside its box, an ellipsis where it is cut, and the box's
 * tooltip gives it in full; at every step of the slider, and the legend draws Deleted as the boxes are drawn.
 */
class TopologyLabelsBrowserTest {

    @RegisterExtension
    static final Browser browser = new Browser(1400, 900);

    /** Each label that ends past its box, and each cut label whose box has no tooltip with it in full. */
    static final String OVERFLOWS = "var out = [];"
            + " document.querySelectorAll('#topology-svg g.node').forEach(function (g) {"
            + "  var r = g.querySelector('rect'), right = r.x.baseVal.value + r.width.baseVal.value;"
            + "  var tip = g.querySelector('title');"
            + "  g.querySelectorAll('text').forEach(function (t) {"
            + "   if (!t.textContent) { return; }"
            + "   var b = t.getBBox();"
            + "   if (b.x + b.width > right + 0.5) { out.push('past its box: ' + t.textContent); }"
            + "   if (t.textContent.endsWith('\\u2026') && !(tip && tip.textContent.indexOf(t.textContent.slice(0, -1))"
            + "       === 0 || tip && tip.textContent.indexOf('\\n' + t.textContent.slice(0, -1)) >= 0)) {"
            + "    out.push('cut with no tooltip: ' + t.textContent); }"
            + "  });"
            + " });"
            + " document.querySelectorAll('#topology-svg g.vpc-head').forEach(function (g) {"
            + "  var t = g.querySelector('text'), b = t.getBBox(), tip = g.querySelector('title');"
            + "  if (b.x + b.width > 10 + 260 + 0.5) { out.push('past its VPC: ' + t.textContent); }"
            + "  if (t.textContent.endsWith('\\u2026') && !tip) { out.push('cut with no tooltip: ' + t.textContent); }"
            + " });"
            + " var cut = document.querySelectorAll('#topology-svg g.node title').length;"
            + " return {problems: out, cut: cut};";

    @Test
    @SuppressWarnings("unchecked")
    void realAwsIdsStayInsideTheirBoxesAtEveryStep() throws Exception {
        for (String scenario : List.of("import-example/scenario", "orphaned-enis", "quickstart")) {
            browser.open(ChartsFitBrowserTest.report(scenario));
            assertEquals(List.of(), browser.consoleErrors(), scenario);
            int steps = Integer.parseInt(browser.driver.findElement(org.openqa.selenium.By.id("player-slider"))
                    .getAttribute("max"));
            long cutSeen = 0;
            for (int i : new int[] {0, steps / 2, steps}) {
                browser.driver.executeScript("var s = document.getElementById('player-slider'); s.value = arguments[0];"
                        + " s.dispatchEvent(new Event('input'));", i);
                Map<String, Object> r = (Map<String, Object>) browser.driver.executeScript(OVERFLOWS);
                assertEquals(List.of(), r.get("problems"), scenario + " at step " + i);
                cutSeen = Math.max(cutSeen, ((Number) r.get("cut")).longValue());
            }
            if (scenario.startsWith("import-example")) {
                browser.elementShot("#topology", "topology-labels-import-example");
                // a subnet: its Name tag and id on one line, its CIDR and AZ on the next (in full: the texts, or
                // the tooltip of a cut one)
                List<String> subnet = (List<String>) browser.driver.executeScript("var g = document.querySelector("
                        + "'#topology-svg g.node.subnet'), tip = g.querySelector('title');"
                        + " return tip ? tip.textContent.split('\\n') : Array.prototype.map.call("
                        + "g.querySelectorAll('text'), function (t) { return t.textContent; });");
                assertTrue(subnet.get(0).matches("private-a \\(subnet-[0-9a-f]{17}\\)"), subnet.toString());
                assertTrue(subnet.get(1).matches("10\\.20\\.[0-9]+\\.0/[0-9]+ eu-west-1[abc]"), subnet.toString());
                // a key of two 20-character security groups, with their names: cut, and in full in its tooltip
                assertTrue(cutSeen > 0, "a label is cut, with a tooltip");
                String tip = (String) browser.driver.executeScript("var tips = Array.prototype.map.call("
                        + "document.querySelectorAll('#topology-svg g.node.key title'), function (t) {"
                        + " return t.textContent; }).filter(function (t) { return t.indexOf('), ') > 0; });"
                        + " return tips.length ? tips[0] : '';");
                assertTrue(tip.matches("(?s)\\[[a-z-]+ \\(sg-[0-9a-f]{17}\\), [a-z-]+ \\(sg-[0-9a-f]{17}\\)]\n"
                        + "private-[ab] \u00b7 [0-9]+ ENIs?(\n.*)?"), tip);
                // the VPC's label (its id and 'N ENIs of quota 500'): cut, in full in its tooltip
                String vpc = (String) browser.driver.executeScript("var t = document.querySelector("
                        + "'#topology-svg g.vpc-head title'); return t ? t.textContent : '';");
                assertTrue(vpc.matches("vpc-[0-9a-f]{17}: [0-9]+ ENIs of quota 500"), vpc);
            }
        }
        String legend = (String) browser.driver.executeScript(
                "return document.querySelector('#topology .legend').textContent;");
        assertTrue(legend.contains("Deleted or not yet created (white, dashed)"), legend);
    }
}
