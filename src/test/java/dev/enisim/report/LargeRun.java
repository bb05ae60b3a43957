package dev.enisim.report;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;

/** A generated run of many functions (10 security groups, 2 subnets) for the tests that check size bounds. */
public final class LargeRun {

    private LargeRun() {
    }

    public static RunResult of(int functions) throws Exception {
        StringBuilder y = new StringBuilder("name: large\nseed: 3\nduration: 10m\nbucket: 1m\n"
                + "account: { concurrencyLimit: 10000, unreservedMinimum: 100 }\nvpcs:\n  - id: vpc-1\n    subnets:\n"
                + "      - { id: s-a, cidr: 10.20.0.0/18, az: us-east-1a }\n"
                + "      - { id: s-b, cidr: 10.20.64.0/18, az: us-east-1b }\n    securityGroups: [");
        for (int i = 0; i < 10; i++) {
            y.append(i == 0 ? "" : ", ").append("sg-").append(i);
        }
        y.append("]\nfunctions:\n");
        for (int i = 0; i < functions; i++) {
            y.append(String.format("  - { name: f-%05d, duration: 100ms, arrivals: { poisson: 2/m }, vpcConfig: "
                    + "{ subnetIds: [s-a, s-b], securityGroupIds: [sg-%d] } }%n", i, i % 10));
        }
        return new Simulation(ScenarioLoader.parse(y.toString(), "large.yaml"), 0).run();
    }
}
