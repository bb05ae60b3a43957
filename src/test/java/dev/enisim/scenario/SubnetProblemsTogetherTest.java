package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A teacher's review: a subnet whose CIDR had host bits set ('10.0.2.5/24') hid its otherUsedIps of 300 (more than
 * the /24's 251 usable addresses) until the CIDR was fixed. The prefix tells the size: both are said at once.
 */
class SubnetProblemsTogetherTest {

    private static final String YAML = """
            name: bad
            duration: 1h
            vpcs:
              - id: vpc-1
                subnets:
                  - { id: subnet-b, cidr: %s, az: us-east-1b, otherUsedIps: %d }
                securityGroups: [sg-app]
            functions:
              - name: web
                vpcConfig: { subnetIds: [subnet-b], securityGroupIds: [sg-app] }
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    @Test
    void hostBitsSetDoNotHideOtherUsedIpsOverTheSubnet() {
        List<Problem> problems = ScenarioValidationTest.problems(YAML.formatted("10.0.2.5/24", 300));
        assertEquals(2, problems.size(), problems.toString());
        assertEquals("vpcs[0].subnets[0].cidr", problems.get(0).path());
        assertTrue(problems.get(0).message().contains("has host bits set; did you mean 10.0.2.0/24?"),
                problems.toString());
        assertEquals(new Problem("vpcs[0].subnets[0].otherUsedIps", "expected a whole number from 0 to 251, got 300"),
                problems.get(1));
    }

    @Test
    void withinTheSizeOnlyTheCidrIsSaid() {
        List<Problem> problems = ScenarioValidationTest.problems(YAML.formatted("10.0.2.5/24", 251));
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("vpcs[0].subnets[0].cidr", problems.get(0).path());
    }
}
