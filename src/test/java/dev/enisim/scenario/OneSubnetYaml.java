package dev.enisim.scenario;

/** Test scenarios on the smallest network: VPC v, subnet-a (10.0.0.0/24, AZ a), security group sg. */
public final class OneSubnetYaml {

    private OneSubnetYaml() {
    }

    /**
     * {@code head} (the top-level fields: name, duration, ...), the network, then one function on subnet-a + [sg]
     * whose other fields are {@code function}'s lines (name, duration, arrivals, ...).
     */
    public static String of(String head, String function) {
        StringBuilder b = new StringBuilder(head.strip()).append("\nvpcs:\n  - id: v\n")
                .append("    subnets: [{ id: subnet-a, cidr: 10.0.0.0/24, az: a }]\n    securityGroups: [sg]\n")
                .append("functions:\n  - vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg] }\n");
        function.strip().lines().forEach(l -> b.append("    ").append(l.strip()).append('\n'));
        return b.toString();
    }

    /**
     * As {@link #of}, the function {@code f} (100 ms) arriving as the trace {@code traceFile} says (format counts,
     * one row a minute, relative to the scenario's folder): a scenario that reads a file besides itself.
     */
    public static String traced(String head, String traceFile) {
        return of(head, "name: f\nduration: 100ms\narrivals: { trace: { file: " + traceFile + ", format: counts,"
                + " interval: 1m } }");
    }

    /**
     * {@code small.yaml} in {@code dir}: ten minutes of the function {@code f} (100 ms) at 1/s, the sweep tests'
     * scenario.
     */
    public static java.nio.file.Path small(java.nio.file.Path dir) throws java.io.IOException {
        return java.nio.file.Files.writeString(dir.resolve("small.yaml"), of("name: small\nduration: 10m",
                "name: f\nduration: 100ms\narrivals: { poisson: 1/s }"));
    }
}
