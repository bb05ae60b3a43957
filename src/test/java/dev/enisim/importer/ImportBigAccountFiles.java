package dev.enisim.importer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * AWS CLI output of a made-up account of {@code n} VPC functions ({@code fn-000}, {@code fn-001}, ...) on one /20
 * subnet, each with its own security group and a Lambda ENI listed (so each starts Active), and CloudWatch
 * Invocations for {@code periods} one-minute periods from {@link #T0}: the counts of invoked functions vary from
 * period to period (no two neighbours equal, so each period is a phase); the functions {@code quiet} names have a
 * result with no data point (CloudWatch leaves out periods without invocations: none in the window).
 */
final class ImportBigAccountFiles {

    /** Epoch seconds of 2026-11-20 10:00 UTC. */
    static final long T0 = 1_795_168_800L;

    final Path subnets;
    final Path functions;
    final Path enis;
    final Path metrics;

    ImportBigAccountFiles(Path dir, int n, int periods, List<String> quiet, String runtime) throws IOException {
        subnets = Files.writeString(dir.resolve("subnets.json"), "{\"Subnets\": [{\"SubnetId\": \"subnet-a\","
                + " \"VpcId\": \"vpc-1\", \"CidrBlock\": \"10.0.0.0/20\", \"AvailabilityZone\": \"us-east-1a\","
                + " \"AvailableIpAddressCount\": " + (4091 - n) + ", \"State\": \"available\"}]}");
        List<String> fns = new ArrayList<>();
        List<String> lambdaEnis = new ArrayList<>();
        StringBuilder m = new StringBuilder("{\"MetricDataResults\": [");
        for (int i = 0; i < n; i++) {
            String name = name(i);
            String group = String.format("sg-%03d", i);
            fns.add("{\"FunctionName\": \"" + name + "\", \"MemorySize\": 512, \"Timeout\": 30"
                    + (runtime == null ? "" : ", \"Runtime\": \"" + runtime + "\"") + ", \"VpcConfig\": {\"SubnetIds\":"
                    + " [\"subnet-a\"], \"SecurityGroupIds\": [\"" + group + "\"], \"VpcId\": \"vpc-1\"}}");
            lambdaEnis.add("{\"NetworkInterfaceId\": \"eni-" + i + "\", \"SubnetId\": \"subnet-a\", \"VpcId\":"
                    + " \"vpc-1\", \"InterfaceType\": \"lambda\", \"Groups\": [{\"GroupId\": \"" + group + "\"}]}");
            m.append(i == 0 ? "" : ", ").append("{\"Id\": \"").append(name.replace('-', '_'))
                    .append("_invocations\", \"StatusCode\": \"Complete\", \"Timestamps\": [");
            boolean invoked = !quiet.contains(name);
            for (int p = 0; invoked && p < periods; p++) {
                m.append(p == 0 ? "" : ", ").append(T0 + 60L * p);
            }
            m.append("], \"Values\": [");
            for (int p = 0; invoked && p < periods; p++) {
                m.append(p == 0 ? "" : ", ").append((p * 7 + i) % 50 + 1).append(".0");
            }
            m.append("]}");
        }
        functions = Files.writeString(dir.resolve("functions.json"), "{\"Functions\": [" + String.join(", ", fns)
                + "]}");
        enis = Files.writeString(dir.resolve("enis.json"), "{\"NetworkInterfaces\": [" + String.join(", ", lambdaEnis)
                + "]}");
        metrics = Files.writeString(dir.resolve("metrics.json"), m.append("]}").toString());
    }

    static String name(int i) {
        return String.format("fn-%03d", i);
    }

    Importer.Inputs inputs() {
        return new Importer.Inputs(List.of(subnets), List.of(functions), List.of(enis), List.of(), List.of(metrics));
    }

    /** The import's command-line arguments for these files, writing {@code out}. */
    List<String> args(Path out) {
        return List.of("import", "--subnets", subnets.toString(), "--functions", functions.toString(), "--enis",
                enis.toString(), "--metrics", metrics.toString(), "-o", out.toString());
    }
}
