package dev.enisim.report;

/**
 * The network of the report's assumption tests: vpc-1, its subnet-a (10.0.0.0/24, us-east-1a) and security group sg-1,
 * and a NAT gateway nat-a in us-east-1a when asked (a NAT gateway puts its prices and egress in force).
 */
final class Vpc1Yaml {

    private Vpc1Yaml() {
    }

    /** The {@code vpcs:} block, with nat-a when {@code nat}. */
    static String vpcs(boolean nat) {
        return """
                vpcs:
                  - id: vpc-1
                    subnets:
                      - { id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a }
                    securityGroups: [sg-1]
                """ + (nat ? """
                    natGateways:
                      - { id: nat-a, az: us-east-1a }
                """ : "");
    }

    /**
     * A ten-minute scenario named {@code name}: {@code top}'s lines (more top-level fields, each line ending in a
     * newline, or nothing), the network ({@link #vpcs}), then {@code functions:}, its entries to follow.
     */
    static String head(String name, String top, boolean nat) {
        return "name: " + name + "\nduration: 10m\n" + top + vpcs(nat) + "functions:\n";
    }
}
