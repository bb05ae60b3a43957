package dev.enisim.model;

/**
 * The scenarios of the tests of functions that exist when the run starts ({@code existing:}): ten minutes in
 * one-minute buckets on vpc-1, whose subnet-a (10.0.0.0/24, us-east-1a) has 10 addresses taken by others.
 */
public final class ExistingYaml {

    /** vpc-1's second subnet, full: a /28 (11 usable addresses) whose 11 are taken by others. */
    public static final String FULL = "      - { id: full, cidr: 10.0.1.0/28, az: us-east-1b, otherUsedIps: 11 }\n";

    private ExistingYaml() {
    }

    /**
     * The scenario {@code name} up to vpc-1's security groups {@code groups} ("[sg-1]"): subnet-a, then
     * {@code subnets} (more subnets' lines, each ending in a newline, or nothing); what follows is the scenario's.
     */
    public static String head(String name, String subnets, String groups) {
        return """
                name: NAME
                duration: 10m
                bucket: 1m
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a, otherUsedIps: 10 }
                """.replace("NAME", name) + subnets + "    securityGroups: " + groups + "\n";
    }

    /**
     * broke, a {@code functions:} entry: saved Failed for SubnetOutOfIPAddresses (its creation failed before the run)
     * on subnet-a + sg-1, 100 ms an invocation, arriving as {@code arrivals} ("{ constant: 1/s }").
     */
    public static String broke(String arrivals) {
        return """
                  - name: broke
                    existing: Failed
                    stateReasonCode: SubnetOutOfIPAddresses
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                    duration: 100ms
                    arrivals: ARRIVALS
                """.replace("ARRIVALS", arrivals);
    }
}
