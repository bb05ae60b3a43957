package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * With several accounts, the Region's network-interface quota that held a plan's demand down is an account's own
 * (each account has its quota): the sizing note names the account to raise it for, with its figure. Before, the
 * demand runs counted every account's ENIs against the first account's figure, so a second account's small quota
 * never held anything down, and the note (when there was one) named no account.
 */
class PlanRegionQuotaPerAccountTest {

    /** Accounts A (default quota) and B ({@code quota}); function one of A on sg-1, two of B on sg-2, subnet sn. */
    static Plan plan(int quota) throws Exception {
        return new Planner(ScenarioLoader.parse("""
                name: held
                duration: 20m
                accounts:
                  - { id: "111111111111" }
                  - { id: "222222222222", networkInterfacesPerRegion: %d, otherNetworkInterfaces: 1 }
                vpcs:
                  - id: vpc-p
                    subnets: [{ id: sn, cidr: 10.1.0.0/24, az: a }]
                    securityGroups: [sg-1, sg-2]
                functions:
                  - { name: one, account: "111111111111", vpcConfig: { subnetIds: [sn], securityGroupIds: [sg-1] },
                      duration: 100ms, arrivals: { poisson: 2/s } }
                  - { name: two, account: "222222222222", vpcConfig: { subnetIds: [sn], securityGroupIds: [sg-2] },
                      duration: 100ms, arrivals: { poisson: 2/s } }
                """.formatted(quota), "held.yaml"), 1, line -> { }).plan();
    }

    @Test
    void theNoteNamesTheAccountWhoseQuotaHeldTheDemandDown() throws Exception {
        assertEquals(List.of("the demand for IPs was measured while the network-interface quota of account"
                + " 222222222222 (accounts[1].networkInterfacesPerRegion, 1) refused ENIs (EniLimitExceeded, with"
                + " every subnet at /16 and no VPC quota; each account has its own quota): these sizes are for what"
                + " that quota let through; raise it and plan again"), plan(1).sizingNotes());
        assertEquals(List.of(), plan(2).sizingNotes(), "B's ENI and its other interface fit B's 2");
    }
}
