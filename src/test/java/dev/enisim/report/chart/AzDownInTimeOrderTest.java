package dev.enisim.report.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An Availability Zone's outages as the run has them ({@link StateTimeline#azDown}), which the page's verdict, the
 * topology player and the state timeline all draw from. The timeline lists each outage's end right after its start;
 * the run sets the zone down and up in time order, so two spells of one zone that overlap (1 to 5 min and 3 to 8 min)
 * are one outage from 1 to 5 min: the zone is up from 5 min on. Read in the listed order they were two outages, the
 * second (3 to 8 min) drawn and told over minutes the run had the zone up. (The same fault as `plan`'s outageOf,
 * session 42.)
 */
class AzDownInTimeOrderTest {

    private static RunResult run(String timeline) throws Exception {
        return new Simulation(ScenarioLoader.parse("""
                name: azs
                duration: 10m
                vpcs:
                  - id: v
                    subnets:
                      - { id: s1, cidr: 10.0.0.0/24, az: us-east-1a }
                      - { id: s2, cidr: 10.0.1.0/24, az: us-east-1b }
                    securityGroups: [sg]
                functions:
                  - { name: f, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg] }, duration: 1s,
                      arrivals: { poisson: 1/s } }
                timeline:
                """ + timeline, "azs"), 0).run();
    }

    private static String spells(RunResult r) {
        StringBuilder b = new StringBuilder();
        for (StateTimeline.AzDown d : StateTimeline.azDown(r)) {
            b.append(d.az()).append(' ').append(d.fromSeconds()).append('-').append(d.toSeconds()).append(';');
        }
        return b.toString();
    }

    private static long serviceExceptions(RunResult r) {
        return r.summary().functions().get("f").invocations().errors().getOrDefault("ServiceException", 0L);
    }

    @Test
    void overlappingSpellsOfOneZoneAreTheRunsOneOutage() throws Exception {
        RunResult r = run("""
                  - { at: 1m, action: azOutage, az: us-east-1a, until: 5m }
                  - { at: 3m, action: azOutage, az: us-east-1a, until: 8m }
                """);
        assertEquals("us-east-1a 60.0-300.0;", spells(r));
        // the run agrees: the same calls fail with ServiceException as under one outage from 1 to 5 min
        RunResult one = run("""
                  - { at: 1m, action: azOutage, az: us-east-1a, until: 5m }
                """);
        assertEquals(serviceExceptions(one), serviceExceptions(r));
        assertTrue(serviceExceptions(r) > 0, "the outage fails calls");
    }

    @Test
    void separateSpellsAndAnOpenOneAreEachTheirOwn() throws Exception {
        RunResult r = run("""
                  - { at: 6m, action: azOutage, az: us-east-1a }
                  - { at: 1m, action: azOutage, az: us-east-1a, until: 2m }
                  - { at: 3m, action: azOutage, az: us-east-1b, until: 4m }
                """);
        assertEquals(List.of("us-east-1a 60.0-120.0;", "us-east-1b 180.0-240.0;", "us-east-1a 360.0-600.0;"),
                List.of(spells(r).split("(?<=;)")));
    }
}
