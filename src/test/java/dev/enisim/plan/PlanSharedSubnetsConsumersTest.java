package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.enisim.report.PlanReport;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who consumes each subnet of a shared VPC ({@code Planner.sharedSubnets}), at its edges, on plans of two minutes:
 * an account whose function was moved into a subnet by the timeline consumes it though no function of it is
 * configured there, and a scenario of one account has no such section at all.
 */
class PlanSharedSubnetsConsumersTest {

    /** {@code api} (account 222222222222) starts in subnet x of the network account's VPC, moved to y at 30 s. */
    private static final String MOVED = """
            name: moved
            duration: 2m
            %s
            vpcs:
              - id: v
                %s
                subnets:
                  - { id: x, cidr: 10.0.0.0/28, az: a }
                  - { id: y, cidr: 10.0.0.16/28, az: a }
                securityGroups: [sg-1]
            functions:
              - { name: api, %s existing: Active, duration: 100ms, arrivals: { poisson: 2/s },
                  vpcConfig: { subnetIds: [x], securityGroupIds: [sg-1] } }
            timeline:
              - { at: 30s, action: updateVpcConfig, function: api,
                  vpcConfig: { subnetIds: [y], securityGroupIds: [sg-1] } }
            """;

    private static Plan plan(String yaml) throws Exception {
        return new Planner(ScenarioLoader.parse(yaml, "moved"), 1, line -> { }).warmUp(0).plan();
    }

    @Test
    void anAccountWithKeysInASubnetButNoFunctionConfiguredThereConsumesIt() throws Exception {
        Plan p = plan(MOVED.formatted("accounts: [{ id: \"111111111111\" }, { id: \"222222222222\" }]",
                "owner: \"111111111111\"", "account: \"222222222222\","));
        assertEquals(2, p.sharedSubnets().size(), p.sharedSubnets().toString());
        assertEquals(List.of(new Plan.Consumer("222222222222", List.of("api"), List.of("222222222222:x+[sg-1]"), 1)),
                p.sharedSubnets().get(0).consumers(), "x: configured there from the start");
        assertEquals(List.of(new Plan.Consumer("222222222222", List.of(), List.of("222222222222:y+[sg-1]"), 1)),
                p.sharedSubnets().get(1).consumers(), "y: its key there, made after the move, though no function of the"
                + " account is configured in y");
    }

    @Test
    void oneAccountHasNoSharedSubnetsSection() throws Exception {
        Plan p = plan(MOVED.formatted("", "", ""));
        assertNull(p.sharedSubnets(), "null, not an empty list: the section is left out");
        assertFalse(PlanReport.text(p, List.of()).contains("who consumes each subnet"));
        assertFalse(PlanReport.json(p).contains("sharedSubnets"));
    }
}
