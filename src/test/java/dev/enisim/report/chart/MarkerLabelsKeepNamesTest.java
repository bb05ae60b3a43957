package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Action markers' labels keep what tells them apart (session 52): cut at 32 characters, two functions of 62
 * characters that differ only at their end ("...-worker-eu1", "...-worker-eu2") had labels that differed nowhere,
 * an existing function's read "Existing function orders-reconc..." and a published version "PublishVersion api ->
 * version 1..." (which one?). Names are cut in their middle now, and the label says the verb after them.
 */
public class MarkerLabelsKeepNamesTest {

    static final String FN = "acme-production-payments-settlement-reconciliation-worker-eu";

    /** Two functions whose 62-character names differ in their last character; a version; other tenants. */
    public static final String LONG_NAMES = """
            name: long-names
            seed: 5
            duration: 1h
            vpcs:
              - id: vpc-a
                subnets:
                  - { id: subnet-0a1b2c3d4e5f60789, cidr: 10.1.0.0/22, az: eu-west-1a, name: private-payments-settlement-a }
                securityGroups: [sg-app]
            timeline:
              - { at: 40m, action: setOtherUsedIps, subnet: subnet-0a1b2c3d4e5f60789, otherUsedIps: 40 }
              - { at: 30m, action: publishVersion, function: %1$s1 }
            functions:
              - name: %1$s1
                existing: Active
                vpcConfig: { subnetIds: [subnet-0a1b2c3d4e5f60789], securityGroupIds: [sg-app] }
                duration: 50ms
                arrivals: { poisson: 1/s }
              - name: %1$s2
                vpcConfig: { subnetIds: [subnet-0a1b2c3d4e5f60789], securityGroupIds: [sg-app] }
                duration: 50ms
                arrivals: { poisson: 1/s }
                createdAt: 15m
            """.formatted(FN);

    @Test
    void longNamesAreCutInTheirMiddleAndKeepTheirEnd() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(LONG_NAMES, "long.yaml"), 0).run();
        List<String> labels = new ArrayList<>();
        for (RunSummary.Action a : ActionMarkers.of(r)) {
            labels.add(Palette.shortLabel(a.description()));
        }
        assertEquals(List.of("acme-production-pay\u2026ciliation-worker-eu1 existing",
                "acme-production-pay\u2026ciliation-worker-eu2 created",
                "acme-production-pay\u2026ciliation-worker-eu1:1 published",
                "Other tenants of private-pa\u2026tlement-a (subnet-0a1b\u2026): 40 IPs"), labels);
        assertEquals(labels.size(), labels.stream().distinct().count(), labels.toString());
    }

    @Test
    void aLabelOfAnotherKindIsCutInItsMiddle() {
        String d = "Deletion of eni-0001 cancelled: orders-settlement-reconciler took it back (subnet-a+[sg-app])";
        String label = Palette.shortLabel(d);
        assertEquals(Palette.MARKER_LABEL_MAX, label.length(), label);
        assertTrue(label.startsWith("Deletion of eni-0001 \u2026"), label);
        assertTrue(label.endsWith(" (subnet-a+[sg-app])"), label);
        assertEquals("orders-api created", Palette.shortLabel("CreateFunction orders-api with subnets a and b"));
        // the model says "1 orphaned ENI", "2 orphaned ENIs" (it said "ENI(s)": a teacher's review, C3)
        assertEquals("2 orphaned ENIs deleted by hand", Palette.shortLabel("DeleteNetworkInterface by hand: 2"
                + " orphaned ENIs in subnet-a"));
        assertEquals("1 orphaned ENI deleted by hand", Palette.shortLabel("DeleteNetworkInterface by hand: 1"
                + " orphaned ENI"));
        assertEquals("12 orphaned ENIs deleted by hand", Palette.shortLabel("DeleteNetworkInterface by hand: 12"
                + " orphaned ENIs"));
    }
}
