package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.report.Labels;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.ChartRenderingInfo;
import org.junit.jupiter.api.Test;

/**
 * The charts' PNG and SVG label a subnet, a security group and a key as the page's tables do (report.Labels), with a
 * scenario's names (imported Name tags): before, the terminal and the page said "private-a (subnet-0a1b...)" while
 * the legends of enis and connections, subnet-ips' series and the state timeline's ENI lanes said only the ids (a
 * planner with 15 subnets read 15 ids). In an image a label cannot wrap or have a tooltip: the name first, cut in its
 * middle past {@value Labels#CHART_NAME_MAX} characters, the id shortened, a key at most {@value
 * Labels#CHART_KEY_MAX} characters; fifteen subnets with long names keep every label inside the image and leave the
 * plots as much room as their ids did.
 */
public class NamedChartsTest {

    /** A VPC whose subnet private-a and security group api-lambda are named (the import's Name tags). */
    public static final String NAMED_VPC = """
            vpcs:
              - id: vpc-0f0e0d0c0b0a09081
                name: payments-vpc
                subnets:
                  - { id: subnet-0a1b2c3d4e5f60789, cidr: 10.1.1.0/24, az: eu-west-1a, name: private-a }
                  - { id: subnet-0b1c2d3e4f5a60781, cidr: 10.1.2.0/24, az: eu-west-1b }
                securityGroups: [sg-0aaaaaaaaaaaaaaa1, sg-0bbbbbbbbbbbbbbb2]
                securityGroupNames: [{ id: sg-0aaaaaaaaaaaaaaa1, name: api-lambda }]
            """;

    public static final String NAMED = """
            name: named
            duration: 2m
            """ + NAMED_VPC + """
            functions:
              - name: api
                vpcConfig: { subnetIds: [subnet-0a1b2c3d4e5f60789, subnet-0b1c2d3e4f5a60781],
                             securityGroupIds: [sg-0aaaaaaaaaaaaaaa1, sg-0bbbbbbbbbbbbbbb2] }
                duration: 50ms
                arrivals: { poisson: 5/s }
            """;

    @Test
    void theSvgChartsCarryTheNamesBesideTheIds() throws Exception {
        Map<String, List<String>> texts = svgTexts(new Simulation(ScenarioLoader.parse(NAMED, "named.yaml"), 0).run());
        // with the group's short id the key would be 69 characters: its groups by their names alone
        String named = "private-a (subnet-0a1b\u2026)+[api-lambda,sg-0bbbbbbbbbbbbbbb2]";
        String unnamed = "subnet-0b1c2d3e4f5a60781+[api-lambda,sg-0bbbbbbbbbbbbbbb2]";
        // the ENIs' legend, and the connections' legend
        assertTrue(texts.get("enis").contains(named), texts.get("enis").toString());
        assertTrue(texts.get("enis").contains(unnamed), "an unnamed subnet keeps its whole id: " + texts.get("enis"));
        // subnet-ips' series
        assertTrue(texts.get("subnet-ips").contains("private-a (subnet-0a1b\u2026) (10.1.1.0/24, 251 usable)"),
                texts.get("subnet-ips").toString());
        assertTrue(texts.get("subnet-ips").contains("subnet-0b1c2d3e4f5a60781 (10.1.2.0/24, 251 usable)"),
                texts.get("subnet-ips").toString());
        // the state timeline's ENI lanes
        assertTrue(texts.get("timeline").stream().anyMatch(t -> t.matches("eni-[0-9]+ " + Pattern.quote(named))),
                texts.get("timeline").toString());
        assertTrue(texts.get("timeline").stream().anyMatch(t -> t.matches("eni-[0-9]+ " + Pattern.quote(unnamed))),
                texts.get("timeline").toString());
    }

    /** The committed import example, as `enisim import` wrote it from Name tags and GroupNames. */
    @Test
    void theImportExamplesChartsSayItsNameTags() throws Exception {
        Map<String, List<String>> texts = svgTexts(new Simulation(ScenarioLoader.load(java.nio.file.Path.of(
                "scenarios/import-example/scenario.yaml")), 0).run());
        for (String chart : List.of("enis", "connections")) {
            assertTrue(texts.get(chart).contains("private-a (subnet-0f1e\u2026)+[checkout-lambda (sg-0a11\u2026)]"),
                    chart + ": " + texts.get(chart));
            assertTrue(texts.get(chart).contains("private-b (subnet-09a8\u2026)+[invoice-lambda,db-clients]"),
                    chart + ": " + texts.get(chart));
        }
        assertTrue(texts.get("subnet-ips").contains("shared-ecs-c (subnet-0c3b\u2026) (10.20.3.0/26, 59 usable)"),
                texts.get("subnet-ips").toString());
        assertTrue(texts.get("timeline").stream().anyMatch(t -> t.matches("eni-[0-9]+ shared-ecs-c \\(subnet-0c3b"
                + "\u2026\\)\\+\\[checkout-lambda \\(sg-0a11\u2026\\)]")), texts.get("timeline").toString());
    }

    @Test
    void withoutNamesTheChartsSayTheIds() throws Exception {
        String bare = NAMED.replace("    name: payments-vpc\n", "").replace(", name: private-a", "")
                .replace("    securityGroupNames: [{ id: sg-0aaaaaaaaaaaaaaa1, name: api-lambda }]\n", "");
        Map<String, List<String>> texts = svgTexts(new Simulation(ScenarioLoader.parse(bare, "bare.yaml"), 0).run());
        assertTrue(texts.get("enis").contains("subnet-0a1b2c3d4e5f60789+[sg-0aaaaaaaaaaaaaaa1,sg-0bbbbbbbbbbbbbbb2]"),
                texts.get("enis").toString());
        assertTrue(texts.get("subnet-ips").contains("subnet-0a1b2c3d4e5f60789 (10.1.1.0/24, 251 usable)"),
                texts.get("subnet-ips").toString());
    }

    /**
     * Fifteen subnets with names of 60 to 70 characters that differ only at their ends (as CloudFormation's do),
     * and two security groups with long names: every text of the key and subnet charts and the timeline ends inside
     * the 1,000 px image, the keys' labels are told apart, and the plots keep at least 90% of the room they have
     * with the ids alone (the legend and the lanes' labels take no more of it).
     */
    @Test
    void fifteenLongNamesStayInsideTheImage() throws Exception {
        RunResult named = new Simulation(ScenarioLoader.parse(fifteen(true), "fifteen.yaml"), 0).run();
        RunResult bare = new Simulation(ScenarioLoader.parse(fifteen(false), "fifteen.yaml"), 0).run();
        Map<String, byte[]> files = ChartFiles.render(named);
        for (String chart : List.of("enis", "connections", "subnet-ips", "timeline")) {
            String svg = new String(files.get("charts/" + chart + ".svg"), StandardCharsets.UTF_8);
            Matcher m = Pattern.compile("<text x='([-0-9.]+)'[^>]*font-size: ([0-9]+)px;[^>]*>([^<]*)</text>")
                    .matcher(svg);
            int n = 0;
            while (m.find()) {
                String text = unescape(m.group(3));
                double x = Double.parseDouble(m.group(1));
                double width = new Font("SansSerif", Font.PLAIN, Integer.parseInt(m.group(2))).getStringBounds(text,
                        new FontRenderContext(null, true, true)).getWidth();
                assertTrue(x >= 0 && x + width <= ChartFiles.WIDTH, chart + ": '" + text + "' at " + x + ", "
                        + Math.round(width) + " px wide");
                n++;
            }
            assertTrue(n > 10, chart + ": texts found");
        }
        List<String> legend = new ArrayList<>();
        org.jfree.chart.LegendItemCollection items = Charts.all(named).stream().filter(c -> c.name().equals("enis"))
                .findFirst().orElseThrow().chart().getXYPlot().getLegendItems();
        for (int i = 0; i < items.getItemCount(); i++) {
            legend.add(items.get(i).getLabel());
        }
        legend.removeIf(t -> !t.contains("+["));
        assertEquals(9, legend.size(), legend.toString());
        assertTrue(legend.stream().anyMatch(t -> t.startsWith("stack-prod\u2026amSubnet1 (subnet-0") || t.startsWith(
                "stack-prod\u2026amSubnet2 (subnet-0")), legend.toString());
        assertEquals(legend.size(), new HashSet<>(legend).size(), "each key told apart: " + legend);
        assertTrue(legend.stream().allMatch(t -> t.length() <= Labels.CHART_KEY_MAX), legend.toString());
        for (String chart : List.of("enis", "connections", "subnet-ips", "timeline")) {
            double[] withNames = dataArea(named, chart);
            double[] withIds = dataArea(bare, chart);
            assertTrue(withNames[0] >= 0.9 * withIds[0] && withNames[1] >= 0.9 * withIds[1], chart + ": plot "
                    + Math.round(withNames[0]) + " x " + Math.round(withNames[1]) + " px with names, "
                    + Math.round(withIds[0]) + " x " + Math.round(withIds[1]) + " with ids");
        }
    }

    @Test
    void aChartLabelIsTheNameFirstAndTheIdShortened() throws Exception {
        Scenario s = ScenarioLoader.parse(NAMED.replace("name: private-a", "name: enisim-stack/Vpc/PrivateSubnet1")
                .replace("subnet-0b1c2d3e4f5a60781", "subnet-0a1b2c9d4e5f60781"), "named.yaml");
        // cut in its middle (the ends tell CloudFormation's names apart); the id as far as it is told from the
        // other subnet's, subnet-0a1b2c9...
        assertEquals("enisim-sta\u2026teSubnet1 (subnet-0a1b2c3\u2026)", Labels.chart(s, "subnet-0a1b2c3d4e5f60789"));
        assertEquals("subnet-0a1b2c9d4e5f60781", Labels.chart(s, "subnet-0a1b2c9d4e5f60781"), "unnamed: the id");
        assertEquals("payments-vpc (vpc-0f0e\u2026)", Labels.chart(s, "vpc-0f0e0d0c0b0a09081"));
        // a key past the budget: its groups by name alone; still past it, cut
        assertEquals("enisim-sta\u2026teSubnet1 (subnet-0a1b2c3\u2026)+[api-lambda (sg-0aaa\u2026)]",
                Labels.chartKey(s, "subnet-0a1b2c3d4e5f60789+[sg-0aaaaaaaaaaaaaaa1]"));
        assertEquals("enisim-sta\u2026teSubnet1 (subnet-0a1b2c3\u2026)+[api-lambda (sg-0aaa\u2026),sg-0c]",
                Labels.chartKey(s, "subnet-0a1b2c3d4e5f60789+[sg-0aaaaaaaaaaaaaaa1,sg-0c]"), "68: fits");
        assertEquals("enisim-sta\u2026teSubnet1 (subnet-0a1b2c3\u2026)+[api-lambda,sg-0cc]",
                Labels.chartKey(s, "subnet-0a1b2c3d4e5f60789+[sg-0aaaaaaaaaaaaaaa1,sg-0cc]"), "69: groups by name");
        String two = "enisim-sta\u2026teSubnet1 (subnet-0a1b2c3\u2026)+[api-lambda,sg-0bbbbbbbbbbbbbbb2]";
        assertEquals(two.substring(0, Labels.CHART_KEY_MAX - 1) + "\u2026",
                Labels.chartKey(s, "subnet-0a1b2c3d4e5f60789+[sg-0aaaaaaaaaaaaaaa1,sg-0bbbbbbbbbbbbbbb2]"));
        String many = "subnet-0a1b2c3d4e5f60789+[sg-0aaaaaaaaaaaaaaa1,sg-0bbbbbbbbbbbbbbb2,sg-0c,sg-0d,sg-0e]";
        assertEquals(Labels.CHART_KEY_MAX, Labels.chartKey(s, many).length(), Labels.chartKey(s, many));
        assertTrue(Labels.chartKey(s, many).endsWith("\u2026"), Labels.chartKey(s, many));
        // a key of nothing named stays itself, however long (the charts as before)
        String plain = "subnet-0a1b2c9d4e5f60781+[sg-0bbbbbbbbbbbbbbb2,sg-0c,sg-0d,sg-0e,sg-0f,sg-0123456789abcdef0]";
        assertEquals(plain, Labels.chartKey(s, plain));
    }

    /** Fifteen subnets, each in a key of two groups and a key of one; named at length, or not at all. */
    private static String fifteen(boolean names) {
        StringBuilder y = new StringBuilder("name: fifteen\nduration: 3m\nvpcs:\n  - id: vpc-0f0e0d0c0b0a09081\n");
        if (names) {
            y.append("    name: payments-production-vpc-in-eu-west-1-of-the-checkout-team\n");
        }
        y.append("    subnets:\n");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String id = String.format("subnet-0%02da1b2c3d4e5f6078", i);
            ids.add(id);
            y.append("      - { id: ").append(id).append(", cidr: 10.1.").append(i).append(".0/24, az: eu-west-1")
                    .append("abc".charAt(i % 3)).append(names ? ", name: stack-production-payments/Vpc/Private"
                            + "ApplicationTierSubnetOfTheCheckoutTeam" + "Subnet" + (i % 2 + 1) : "").append(" }\n");
        }
        y.append("    securityGroups: [sg-0aaaaaaaaaaaaaaa1, sg-0bbbbbbbbbbbbbbb2]\n");
        if (names) {
            y.append("    securityGroupNames: [{ id: sg-0aaaaaaaaaaaaaaa1, name: api-lambda-egress-to-the-payments-"
                    + "database }, { id: sg-0bbbbbbbbbbbbbbb2, name: shared-default-of-the-checkout-team }]\n");
        }
        y.append("functions:\n  - name: api\n    vpcConfig: { subnetIds: [").append(String.join(", ", ids))
                .append("], securityGroupIds: [sg-0aaaaaaaaaaaaaaa1, sg-0bbbbbbbbbbbbbbb2] }\n    duration: 50ms\n"
                        + "    arrivals: { poisson: 5/s }\n  - name: worker\n    vpcConfig: { subnetIds: [")
                .append(String.join(", ", ids)).append("], securityGroupIds: [sg-0aaaaaaaaaaaaaaa1] }\n"
                        + "    duration: 50ms\n    arrivals: { poisson: 5/s }\n");
        return y.toString();
    }

    /** Each chart's SVG texts, by chart name. */
    private static Map<String, List<String>> svgTexts(RunResult r) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        ChartFiles.render(r).forEach((file, bytes) -> {
            if (file.endsWith(".svg")) {
                List<String> texts = new ArrayList<>();
                Matcher m = Pattern.compile("<text [^>]*>([^<]*)</text>").matcher(new String(bytes,
                        StandardCharsets.UTF_8));
                while (m.find()) {
                    texts.add(unescape(m.group(1)));
                }
                out.put(file.substring("charts/".length(), file.length() - ".svg".length()), texts);
            }
        });
        return out;
    }

    private static String unescape(String xml) {
        return xml.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&apos;", "'")
                .replace("&amp;", "&");
    }

    /** The width and height of the chart's plot area, drawn as the report draws it. */
    private static double[] dataArea(RunResult r, String name) {
        Charts.Chart c = Charts.all(r).stream().filter(x -> x.name().equals(name)).findFirst().orElseThrow();
        int height = ChartFiles.height(c, r);
        ChartFiles.roomForActionLabels(c.chart(), ChartFiles.WIDTH, height);
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(ChartFiles.WIDTH, height,
                java.awt.image.BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = image.createGraphics();
        ChartRenderingInfo info = new ChartRenderingInfo();
        c.chart().draw(g, new java.awt.geom.Rectangle2D.Double(0, 0, ChartFiles.WIDTH, height), info);
        g.dispose();
        java.awt.geom.Rectangle2D area = info.getPlotInfo().getDataArea();
        return new double[] {area.getWidth(), area.getHeight()};
    }
}
