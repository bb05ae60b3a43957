package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A function with a problem of its own stays known to the timeline, and its problems come all at once: the
 * timeline said "unknown function 'report' (known: none)" and "unknown role 'report-role' (known: none)" of a
 * declared function whose duration lacked a unit, and its createdAt beside existing was told only once the rest
 * was fixed.
 */
class ProblemsOfAnUnreadFunctionTest {

    @Test
    void theTimelineKnowsADeclaredFunctionThatCouldNotBeRead() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse("""
                name: bad
                duration: 2h
                vpcs:
                  - id: vpc-a
                    subnets: [{ id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }]
                    securityGroups: [sg-a]
                functions:
                  - name: report
                    existing: Inactive
                    createdAt: 10m
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                    duration: 200
                    arrivals: { poisson: 5/s }
                timeline:
                  - { at: 30m, action: deleteFunction, function: reports }
                  - { at: 40m, action: deleteFunction, function: report }
                  - { at: 3h, action: deleteRole, role: report-role }
                """, "bad.yaml"));
        List<String> p = e.problems().stream().map(x -> x.path() + ": " + x.message()).toList();
        assertEquals(List.of(
                "functions[0].duration: expected a duration with a unit (us, ms, s, m, h, d), like 90s or 250ms, got 200",
                "functions[0].createdAt: an existing function is there from the start: leave createdAt out",
                "timeline[0].function: unknown function 'reports' (known: report); did you mean 'report'?"), p);
    }

    /**
     * A subnet id the reader takes as text (a number) was counted as a broken network, so the references to the
     * other subnets were dropped silently, then the function, then -- once the timeline knew declared functions --
     * its deleteFunction ran with no function: the fuzzer's `id: 0` crashed the run. Now each unknown reference is
     * said.
     */
    @Test
    void aNumberForASubnetIdIsAnIdAndTheUnknownSubnetIsSaid() {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse("""
                name: bad
                duration: 20m
                vpcs:
                  - id: vpc-a
                    subnets: [{ id: 0, cidr: 10.0.1.0/28, az: a }, { id: subnet-b, cidr: 10.0.2.0/24, az: b }]
                    securityGroups: [sg-a]
                functions:
                  - name: api
                    vpcConfig: { subnetIds: [subnet-a, subnet-b], securityGroupIds: [sg-a] }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                timeline:
                  - { at: 15m, action: deleteFunction, function: api }
                """, "bad.yaml"));
        List<String> p = e.problems().stream().map(x -> x.path() + ": " + x.message()).toList();
        assertEquals(List.of("functions[0].vpcConfig.subnetIds[0]: unknown subnet 'subnet-a' (known: 0, subnet-b);"
                + " did you mean 'subnet-b'?"), p);
    }
}
