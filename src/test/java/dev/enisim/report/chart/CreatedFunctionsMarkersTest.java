package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Functions created one after another over a run are marked as the existing ones are (ExistingFunctions): more than
 * a handful within a tenth of the run, one marker "6 functions created over 2 min 30 s" where the first was created.
 * Sixty functions created 30 s apart drew sixty markers, their labels "f-001 created +1 more" over one another (600
 * functions over five hours: 600 markers, the page's 200 its first 200 creations). An action on a subnet the scenario
 * names says the name first, as the legends do: "Other tenants of private-a (subnet-0a1b…)", not the id alone.
 */
public class CreatedFunctionsMarkersTest {

    /** 60 functions created 30 s apart over half an hour, in named subnets; other tenants grow in one at 20m. */
    public static final String CREATED = created(60, "30m", "20m");

    /**
     * {@code n} functions created 30 s apart in a run of {@code duration}, in subnets with Name tags; other tenants
     * take 40 IPs of private-a at {@code tenantsAt}.
     */
    public static String created(int n, String duration, String tenantsAt) {
        StringBuilder b = new StringBuilder("""
                name: created
                duration: %s
                vpcs:
                  - id: vpc-0f0e0d0c0b0a09081
                    name: payments-vpc
                    subnets:
                      - { id: subnet-0a1b2c3d4e5f60789, cidr: 10.1.0.0/22, az: eu-west-1a, name: private-a }
                      - { id: subnet-0b1c2d3e4f5a60781, cidr: 10.1.4.0/22, az: eu-west-1b, name: private-b }
                    securityGroups: [sg-0aaaaaaaaaaaaaaa1]
                    securityGroupNames: [{ id: sg-0aaaaaaaaaaaaaaa1, name: api-lambda }]
                timeline:
                  - { at: %s, action: setOtherUsedIps, subnet: subnet-0a1b2c3d4e5f60789, otherUsedIps: 40 }
                functions:
                """.formatted(duration, tenantsAt));
        for (int i = 1; i <= n; i++) {
            b.append(String.format("""
                      - name: f-%03d
                        vpcConfig: { subnetIds: [subnet-0a1b2c3d4e5f60789, subnet-0b1c2d3e4f5a60781],
                                     securityGroupIds: [sg-0aaaaaaaaaaaaaaa1] }
                        duration: 50ms
                        arrivals: { poisson: 1/m }
                        createdAt: %ds
                    """, i, 30 * (i - 1)));
        }
        return b.toString();
    }

    @Test
    void functionsCreatedCloseInTimeAreOneMarkerAndANamedSubnetSaysItsName() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(CREATED, "created.yaml"), 0).run();
        List<String> labels = new ArrayList<>();
        for (RunSummary.Action a : ActionMarkers.of(r)) {
            labels.add(Palette.shortLabel(a.description()));
        }
        // a tenth of the run is 3 minutes: six creations each, where the first of them was
        assertEquals(11, labels.size(), labels.toString());
        assertEquals(10, labels.stream().filter("6 functions created over 2 min 30 s"::equals).count(),
                labels.toString());
        assertTrue(labels.contains("Other tenants of private-a (subnet-0a1b\u2026): 40 IPs"), labels.toString());
        RunSummary.Action first = ActionMarkers.of(r).get(0);
        assertEquals(0.0, first.atSeconds());
        assertEquals("6 functions created over 2 min 30 s: f-001, f-002, f-003, f-004, f-005 and 1 more",
                first.description());
        // the images: no label of a single creation, the groups' and the name first
        List<String> enis = svgTexts(r, "enis");
        assertTrue(enis.contains("6 functions created over 2 min 30 s"), enis.toString());
        assertTrue(enis.stream().noneMatch(t -> t.matches("f-[0-9]+ created.*")), enis.toString());
        assertTrue(enis.stream().anyMatch(t -> t.startsWith("Other tenants of private-a")), enis.toString());
        // the timeline's lanes say when each function starts: the groups are lines there, unlabelled
        assertTrue(svgTexts(r, "timeline").stream().noneMatch(t -> t.contains("functions created")));
    }

    @Test
    void aHandfulOrFewerCloseInTimeKeepAMarkerEach() {
        List<RunSummary.Action> five = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            five.add(new RunSummary.Action(i * 10, "CreateFunction f-" + i + " with subnets a and security groups []"));
        }
        five.add(new RunSummary.Action(55, "CreateFunction f-9 rejected: ResourceConflictException (it exists)"));
        assertEquals(five, ActionMarkers.alike(five, 60));
        // six within the window: one, the rejected creation still alone after it
        List<RunSummary.Action> six = new ArrayList<>(five);
        six.add(5, new RunSummary.Action(50, "CreateFunction f-5 with subnets a and security groups []"));
        List<RunSummary.Action> folded = ActionMarkers.alike(six, 60);
        assertEquals(2, folded.size(), folded.toString());
        assertEquals("6 functions created over 50 s: f-0, f-1, f-2, f-3, f-4 and 1 more",
                folded.get(0).description());
        assertEquals("CreateFunction f-9 rejected: ResourceConflictException (it exists)",
                folded.get(1).description());
        // the same six over more than the window: the first five and the sixth, each a marker
        assertEquals(six, ActionMarkers.alike(six, 50));
    }

    private static List<String> svgTexts(RunResult r, String chart) {
        byte[] svg = ChartFiles.render(r).get("charts/" + chart + ".svg");
        List<String> texts = new ArrayList<>();
        Matcher m = Pattern.compile("<text [^>]*>([^<]*)</text>").matcher(new String(svg, StandardCharsets.UTF_8));
        while (m.find()) {
            texts.add(m.group(1).replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&"));
        }
        return texts;
    }
}
