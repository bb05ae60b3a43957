package dev.enisim.report.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * The page's account of a function's VpcConfig history follows the run's own record of its updates, not the
 * timeline's requests: an update that ended Failed (no free IP in its subnet) left the function where it was. The page
 * named the failed update's subnet as the one the next update left, and the ENI left Deleting was in another subnet
 * (an audit's finding: the report re-derived the model's history).
 */
class FailedUpdateHistoryTest {

    private static final String SCENARIO = """
            name: update-after-failed-update
            seed: 1
            duration: 10m
            bucket: 1m
            hyperplane:
              eniCreateTime: 30s
            vpcs:
              - id: vpc-a
                subnets:
                  - { id: subnet-a, cidr: 10.0.0.0/24, az: eu-west-1a }
                  - { id: subnet-full, cidr: 10.0.1.0/28, az: eu-west-1a, otherUsedIps: 11 }
                  - { id: subnet-c, cidr: 10.0.2.0/24, az: eu-west-1b }
                securityGroups: [sg-a]
            functions:
              - name: f
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            timeline:
              - { at: 1m, action: updateVpcConfig, function: f,
                  vpcConfig: { subnetIds: [subnet-full], securityGroupIds: [sg-a] } }
              - { at: 3m, action: updateVpcConfig, function: f,
                  vpcConfig: { subnetIds: [subnet-c], securityGroupIds: [sg-a] } }
            """;

    @Test
    void aFailedUpdateLeavesTheFunctionOnItsOldConfigInThePagesHistory() throws Exception {
        RunResult r = new Simulation(ScenarioLoader.parse(SCENARIO, "update-after-failed-update"), 0).run();
        Headlines.Update u = Headlines.update(r, "f", 600_000_000L);
        assertTrue(u.toString().contains("subnet-a") && u.toString().contains("subnet-c"), u.toString());
        assertFalse(u.toString().contains("subnet-full"), u.toString());
        assertFalse(Headlines.madeAndNotFailed(r, "f", 60_000_000L), "the update to the full subnet failed");
        assertTrue(Headlines.madeAndNotFailed(r, "f", 180_000_000L), "the update to subnet-c was made");
        String page = Headlines.html(r);
        assertFalse(page.contains("subnet-full to subnet-c"), page);
        assertFalse(page.contains("subnet subnet-full, which it left"), page);
    }
}
