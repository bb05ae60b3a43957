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
}
