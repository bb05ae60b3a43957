package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A scenario written from a CloudFormation or SAM template names AWS's fields (MemorySize, Timeout,
 * ReservedConcurrentExecutions): each got only the long list of allowed keys (a writer's review, pass 61), the
 * edit distance finding nothing close. Now enisim's key of the same meaning is suggested, with what differs.
 */
class AwsFieldNamesTest {

    private static Map<String, String> byPath(String yaml) {
        List<Problem> ps = ScenarioValidationTest.problems(yaml);
        return ps.stream().collect(Collectors.toMap(Problem::path, Problem::message, (a, b) -> a + " | " + b));
    }

    @Test
    void awsNamesOfAFunctionsFieldsSuggestEnisimsKeys() {
        Map<String, String> p = byPath("""
                name: aws-names
                duration: 1m
                vpcs:
                  - id: vpc-a
                    subnets:
                      - { id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a }
                    securityGroups: [sg-a]
                functions:
                  - name: api
                    MemorySize: 512
                    Timeout: 30
                    ReservedConcurrentExecutions: 10
                    ProvisionedConcurrencyConfig: { ProvisionedConcurrentExecutions: 2 }
                    Architectures: [arm64]
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                  - name: web
                    memorySize: 256
                    vpcConfig: { subnetIds: [subnet-a], securityGroupIds: [sg-a] }
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                """);
        assertTrue(p.get("functions[0].MemorySize").endsWith("; did you mean 'memoryMb'? (AWS's MemorySize; the"
                + " same number of MB)"), p.toString());
        assertTrue(p.get("functions[0].Timeout").endsWith("; did you mean 'timeout'? (AWS's Timeout; a number of"
                + " seconds there, a duration here, e.g. 30s)"), p.toString());
        assertTrue(p.get("functions[0].ReservedConcurrentExecutions").endsWith("; did you mean 'reservedConcurrency'?"
                + " (AWS's ReservedConcurrentExecutions)"), p.toString());
        assertTrue(p.get("functions[0].ProvisionedConcurrencyConfig").contains("did you mean 'provisionedConcurrency'?"),
                p.toString());
        assertTrue(p.get("functions[0].Architectures").endsWith("; did you mean 'architecture'? (AWS's Architectures;"
                + " a list of one there, the value itself here: x86_64 or arm64)"), p.toString());
        assertTrue(p.get("functions[1].memorySize").endsWith("; did you mean 'memoryMb'? (AWS's MemorySize; the"
                + " same number of MB)"), "any case: " + p);
        assertTrue(p.get("functions[0].MemorySize").startsWith("unknown key 'MemorySize' (expected one of: "),
                "the allowed keys still listed: " + p);
    }

    @Test
    void anAwsNameSuggestsOnlyAKeyAllowedWhereItStands() {
        Map<String, String> p = byPath("""
                name: aws-subnet
                duration: 1m
                vpcs:
                  - id: vpc-a
                    subnets:
                      - { id: subnet-a, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a }
                    securityGroups: [sg-a]
                    MemorySize: 512
                functions:
                  - name: api
                    duration: 100ms
                    arrivals: { poisson: 1/s }
                """);
        assertTrue(p.get("vpcs[0].subnets[0].CidrBlock").endsWith("; did you mean 'cidr'? (AWS's CidrBlock)"),
                p.toString());
        assertTrue(p.get("vpcs[0].subnets[0].AvailabilityZone").endsWith("; did you mean 'az'? (AWS's"
                + " AvailabilityZone)"), p.toString());
        assertTrue(p.get("vpcs[0].MemorySize").endsWith(")"), "no memoryMb in a VPC: nothing suggested: " + p);
        assertEquals(-1, p.get("vpcs[0].MemorySize").indexOf("did you mean"), p.toString());
    }
}
