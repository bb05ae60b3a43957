package dev.enisim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.scenario.ScenarioLoader;
import org.junit.jupiter.api.Test;

/**
 * An SRE's review: the page's assumptions say they are written "in the scenario's own syntax", but a
 * {@code refill: 1/m} was written {@code 0.016667/s}, another rate. Rates are written in the largest unit that makes
 * them whole.
 */
class AssumptionsRateTest {

    @Test
    void aRateIsWrittenAsTheScenarioWritesIt() {
        assertEquals("1/m", Assumptions.rate(1 / 60.0));
        assertEquals("3/s", Assumptions.rate(3));
        assertEquals("2/h", Assumptions.rate(2 / 3600.0));
        assertEquals("18/m", Assumptions.rate(0.3));
        assertEquals("0.142857/s", Assumptions.rate(1 / 7.0), "no whole number in any unit: per second");
        assertEquals("90/m", Assumptions.rate(1.5));
    }

    @Test
    void theEc2RequestLimitRowShowsTheScenariosRefill() throws Exception {
        String yaml = """
                name: rate
                duration: 10m
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-a, cidr: 10.0.0.0/24, az: eu-west-1a }
                    securityGroups: [sg-1]
                hyperplane:
                  ec2RequestLimit: { burst: 3, refill: 1/m }
                functions:
                  - name: f
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                """;
        assertTrue(Assumptions.rows(ScenarioLoader.parse(yaml, "rate.yaml")).contains(
                new Assumptions.Row("hyperplane.ec2RequestLimit", "{burst: 3, refill: 1/m}")));
    }
}
