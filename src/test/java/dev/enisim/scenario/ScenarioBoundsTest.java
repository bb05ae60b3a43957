package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every range the loader enforces, at its edges: the limit itself is accepted, one step past it is a problem at
 * the field's path (the messages are the validation tests' business).
 */
class ScenarioBoundsTest {

    private static final String BASE = """
            name: bounds
            duration: 1h
            account: { concurrencyLimit: 100, unreservedMinimum: 10 }
            vpcs:
              - id: vpc-1
                subnets: [ { id: subnet-a, cidr: 10.0.0.0/24, az: us-east-1a } ]
                securityGroups: [sg-1]
            functions:
              - name: f
                vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-1] }
                duration: 100ms
                arrivals: { poisson: 1/s }
              - name: g
                duration: 100ms
                arrivals: { poisson: 1/s }
            """;

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The problem paths of BASE with {@code assignments} (empty when it loads). */
    private static List<String> problems(String... assignments) throws Exception {
        JsonNode tree = Overrides.apply(YAML.readTree(BASE), List.of(assignments), "bounds.yaml");
        try {
            ScenarioLoader.parseTree(tree, "bounds.yaml");
            return List.of();
        } catch (ScenarioException e) {
            return e.problems().stream().map(Problem::path).toList();
        }
    }

    @ParameterizedTest(name = "{0}: accepted {1}, refused {2}")
    @CsvSource(delimiter = '|', value = {
        "functions[f].memoryMb                    | 128         | 127",
        "functions[f].memoryMb                    | 10240       | 10241",
        "functions[f].timeout                     | 1s          | 999ms",
        "functions[f].timeout                     | 900s        | 901s",
        "vpcs[0].subnets[0].cidr                  | 10.0.0.0/16 | 10.0.0.0/15",
        "vpcs[0].subnets[0].cidr                  | 10.0.0.0/28 | 10.0.0.0/29",
        "vpcs[0].subnets[0].otherUsedIps          | 251         | 252",
        "vpcs[0].subnets[0].otherUsedIps          | 0           | -1",
        "vpcs[0].eniQuota                         | 1           | 0",
        "account.concurrencyLimit                 | 10          | 9",
        "account.unreservedMinimum                | 100         | 101",
        "functions[f].reservedConcurrency         | 90          | 101",
        "functions[f].connectionsPerInvocation    | 0           | -1",
        "functions[f].provisionedConcurrency      | 100         | 101",
        "hyperplane.connectionsPerEni             | 1           | 0",
        "hyperplane.idleReclaimAfter              | 1us         | 0s",
        "bucket                                   | 1h          | 61m",
        "bucket                                   | 1s          | 0s",
        "duration                                 | 1us         | 0s",
        "scaling.newEnvironmentsPer10s            | 1           | 0",
        "scaling.burst                            | 1           | 0",
        "scaling.burstIncreasePerMinute           | 0           | -1",
    })
    void eachRangeIsInclusiveAtItsEdges(String path, String accepted, String refused) throws Exception {
        String other = path.equals("duration") ? "bucket=1us" : "seed=1"; // a bucket no longer than the duration
        assertEquals(List.of(), problems(other, path + "=" + accepted), path + "=" + accepted);
        List<String> p = problems(other, path + "=" + refused);
        assertEquals(1, p.size(), path + "=" + refused + ": " + p);
        String where = p.get(0);
        // (a concurrency limit below the unreserved minimum is reported at the minimum)
        assertEquals(true, where.startsWith(path.replace("[f]", "[0]"))
                || path.startsWith("account") && where.startsWith("account"), path + " reported at " + where);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // reserved concurrency may take everything above the unreserved minimum, not one more
        "functions[f].reservedConcurrency=45 | functions[g].reservedConcurrency=45 | ",
        "functions[f].reservedConcurrency=45 | functions[g].reservedConcurrency=46 | functions",
        // provisioned concurrency within the function's own reservation
        "functions[f].reservedConcurrency=5  | functions[f].provisionedConcurrency=5 | ",
        "functions[f].reservedConcurrency=5  | functions[f].provisionedConcurrency=6 | functions[0].provisionedConcurrency",
    })
    void limitsThatAddUp(String first, String second, String problem) throws Exception {
        assertEquals(problem == null ? List.of() : List.of(problem), problems(first, second));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"2000000", "2000001"})
    void atMostTwoMillionBuckets(long buckets) throws Exception {
        List<String> p = problems("duration=" + buckets + "us", "bucket=1us");
        assertEquals(buckets <= 2_000_000 ? List.of() : List.of("bucket"), p);
    }

    @Test
    void theBaseLoads() throws Exception {
        assertEquals(List.of(), problems());
        assertEquals(2, ScenarioLoader.parse(BASE, "bounds.yaml").functions().size());
    }
}
