package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A teacher's review: the story of functions present at the start never said that two of the same subnet +
 * security-group key share an ENI (a created one does: "X shares eni-0001"), so "the ENIs stay: other functions use
 * those keys" came from nowhere; and a function without VpcConfig was said to have "ENIs in place".
 */
class NarrativeExistingFunctionsTest {

    private static final String YAML = """
            name: existing-share
            duration: 2h
            vpcs:
              - id: vpc-1
                subnets: [{ id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }]
                securityGroups: [sg-web, sg-db]
            functions:
              - name: web
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-web, sg-db] }
                duration: 100ms
                arrivals: { poisson: 1/s }
              - name: report
                existing: Active
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-db, sg-web] }
                duration: 100ms
                arrivals: { poisson: 1/s, until: 1h }
              - name: novpc
                existing: Active
                duration: 100ms
                arrivals: { constant: 1/h }
            timeline:
              - { at: 1h, action: deleteFunction, function: report }
            """;

    private static List<String> story() throws Exception {
        return Narrative.lines(new Simulation(ScenarioLoader.parse(YAML, "share.yaml"), 0).run());
    }

    @Test
    void anExistingFunctionOnAnotherOnesKeySharesItsEni() throws Exception {
        List<String> lines = story();
        String all = String.join("\n", lines);
        assertTrue(lines.contains("00:00:00  report shares eni-0001 (subnet-a+[sg-db,sg-web] 10.0.1.254)"), all);
        assertTrue(all.contains("why: Hyperplane ENIs are shared by every function"), all);
        // the first one's ENI is in place, not shared
        assertFalse(all.contains("web shares"), all);
    }

    @Test
    void anExistingFunctionWithoutVpcConfigHasNoEnisInPlace() throws Exception {
        String all = String.join("\n", story());
        assertTrue(all.contains("novpc -> Active: existing function, no VpcConfig: no Hyperplane ENI"), all);
        assertFalse(all.contains("novpc -> Active: existing function, ENIs in place"), all);
        assertTrue(all.contains("web -> Active: existing function, ENIs in place"), all);
    }
}
