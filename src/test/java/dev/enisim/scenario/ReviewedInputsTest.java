package dev.enisim.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Inputs an adversarial review found mishandled: each is refused at load with the field's path and what was
 * expected (all problems at once), or loads and says what it does, never hangs or ends in a stack trace.
 */
class ReviewedInputsTest {

    private static List<String> problems(String yaml) {
        return problemsOf(yaml, "r.yaml");
    }

    private static List<String> problemsOf(String text, String source) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(text, source));
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static String one(String yaml) {
        return one(yaml, "r.yaml");
    }

    private static String one(String text, String source) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(text, source));
        List<String> p = e.problems().stream().map(Problem::toString).toList();
        assertEquals(1, p.size(), p.toString());
        return p.get(0);
    }

    /**
     * A repeating schedule of 2 us cycles over 10 days: validate hung in the expected count (one step a cycle, 4 x
     * 10^11 of them), and the run would step through every phase change. Refused, naming the cycle.
     */
    @Test
    void aScheduleOfMicrosecondPhasesRepeatedOverDaysIsRefusedAtOnce() {
        String p = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> one("""
                name: t
                duration: 10d
                functions:
                  - name: f1
                    duration: 100ms
                    arrivals: {schedule: {repeat: true, phases: [{quiet: 1us}, {rate: 1/d, for: 1us}]}}
                """));
        assertEquals("functions[0].arrivals.schedule.phases: the phases repeat every 2us: over the run's 10d that is"
                + " 8.64e+11 phase changes, above the limit of 1,000,000,000 (each costs the simulation a step):"
                + " write longer phases, or a shorter until", p);
    }

    /** Phases adding up past the long range made a negative cycle. */
    @Test
    void phasesAddingUpPastADurationsLimitAreRefused() {
        String phase = "{rate: 1/s, for: " + (Long.MAX_VALUE / 4) + "us}";
        assertEquals("functions[0].arrivals.schedule.phases: the phases add up to more than a duration can be (about"
                + " 73,000 years)", assertTimeoutPreemptively(Duration.ofSeconds(20), () -> one("""
                name: t
                duration: 10d
                functions:
                  - name: f1
                    duration: 100ms
                    arrivals: {schedule: {repeat: true, phases: [%s, %s, %s, %s, %s]}}
                """.formatted(phase, phase, phase, phase, phase))));
    }

    /** Short phases over a window that ends early are fine: only the run's part counts, and its estimate is quick. */
    @Test
    void aScheduleOfShortPhasesWithinTheLimitLoadsAndItsWarningsAreQuick() throws Exception {
        Scenario s = ScenarioLoader.parse("""
                name: t
                duration: 10d
                functions:
                  - name: f1
                    duration: 100ms
                    arrivals: {schedule: {repeat: true, phases: [{quiet: 1ms}, {rate: 1/s, for: 1ms}]}, until: 1d}
                """, "r.yaml");
        List<String> w = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> ScenarioLoader.warnings(s));
        assertEquals(List.of(), w);
        assertEquals(43_200, s.functions().get(0).arrivals().meanCount(0, s.durationMicros()), 1e-6);
    }

    /** A start so late that the run's end passes the year 9999: refused (the narrative threw DateTimeException). */
    @Test
    void aStartWhoseRunPassesTheYear9999IsRefused() throws Exception {
        String run = """
                name: t
                duration: 2d
                startsAt: "%s"
                functions:
                  - name: f1
                    duration: 100ms
                    arrivals: {poisson: 1/m}
                """;
        assertEquals("startsAt: '+999999999-12-31T23:59:59Z' plus the duration (2d) passes the latest date-time"
                + " 9999-12-31T23:59:59Z (the reports write years of four digits)",
                one(run.formatted("+999999999-12-31T23:59:59Z")));
        assertEquals("startsAt: '9999-12-30T00:00:01Z' plus the duration (2d) passes the latest date-time"
                + " 9999-12-31T23:59:59Z (the reports write years of four digits)",
                one(run.formatted("9999-12-30T00:00:01Z")));
        ScenarioLoader.parse(run.formatted("9999-12-29T23:59:59Z"), "r.yaml"); // ends at the bound exactly
    }

    /**
     * A function given a security group of another VPC than its subnets' loads (the run shows what Lambda does: the
     * function goes Failed, InvalidSecurityGroup; the gate relies on it to catch such a plan), with a warning naming
     * both VPCs.
     */
    @Test
    void aSecurityGroupOfAnotherVpcIsWarnedOfNamingBothVpcs() throws Exception {
        Scenario s = ScenarioLoader.parse("""
                name: t
                duration: 1h
                vpcs:
                  - id: vpc-a
                    subnets: [{id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a}]
                    securityGroups: [sg-a]
                  - id: vpc-b
                    subnets: [{id: subnet-b, cidr: 10.1.1.0/24, az: us-east-1a}]
                    securityGroups: [sg-b]
                functions:
                  - name: f1
                    vpcConfig: {subnetIds: [subnet-a], securityGroupIds: [sg-a, sg-b]}
                    duration: 100ms
                    arrivals: {poisson: 1/m}
                """, "r.yaml");
        assertEquals(List.of("r.yaml: functions[f1].vpcConfig.securityGroupIds[1]: 'sg-b' is a security group of"
                + " vpc-b, the function's subnets are in vpc-a: it goes Failed (InvalidSecurityGroup) when created, and"
                + " its invocations fail"), ScenarioLoader.warnings(s));
    }

    /**
     * {@code .nan} and {@code .inf} are floats in YAML 1.1: the parser refused the file as malformed, hiding every
     * other problem. Now the field says what it expected, with the other problems.
     */
    @Test
    void yamlSpecialFloatsAreTheirFieldsProblemAmongTheOthers() {
        assertEquals(List.of("seed: expected a whole number, got '.nan'", "bucket: must be > 0",
                "functions[0].timout: unknown key 'timout' (expected one of: "),
                problems("""
                        name: t
                        duration: 10m
                        bucket: 0s
                        seed: .nan
                        functions:
                          - name: f1
                            duration: 100ms
                            timout: 3s
                            arrivals: { poisson: 5/s }
                        """).stream().map(p -> p.contains("unknown key") ? p.substring(0, p.indexOf("one of: ") + 8)
                        : p).sorted((a, b) -> order(a) - order(b)).toList());
        for (String v : List.of(".inf", "-.Inf", ".NaN", "1e999999999")) {
            assertEquals("seed: expected a whole number, got '" + v + "'", one("""
                    name: t
                    duration: 10m
                    seed: %s
                    functions: [{name: f1, duration: 100ms, arrivals: {poisson: 5/s}}]
                    """.formatted(v)), v);
        }
        assertTrue(one("""
                name: t
                duration: 10m
                functions: [{name: f1, duration: 100ms, arrivals: {poisson: 5/s}}]
                prices: {perMillionRequests: .inf}
                """).startsWith("prices.perMillionRequests: "));
    }

    /** Two subnets with one IPv6 /64 gave their ENIs one address: refused, in one VPC or two, as written or not. */
    @Test
    void aSubnetsIpv6BlockIsItsOwn() {
        assertEquals(List.of("vpcs[1].subnets[0].ipv6Cidr: 2600:1f18:0:a::/64 is the /64 of subnet-a"
                + " (2600:1f18::a:0:0:0:0/64) too: each subnet has its own IPv6 /64",
                "vpcs[1].subnets[1].ipv6Cidr: 2600:1f18:0:a:0::/64 is the /64 of subnet-a (2600:1f18::a:0:0:0:0/64) too:"
                + " each subnet has its own IPv6 /64"), problems("""
                name: t
                duration: 1h
                vpcs:
                  - id: vpc-a
                    subnets:
                      - {id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a, ipv6Cidr: "2600:1f18::a:0:0:0:0/64"}
                      - {id: subnet-b, cidr: 10.0.2.0/24, az: us-east-1a, ipv6Cidr: "2600:1f18:0:b::/64"}
                  - id: vpc-b
                    subnets:
                      - {id: subnet-c, cidr: 10.0.1.0/24, az: us-east-1a, ipv6Cidr: "2600:1f18:0:a::/64"}
                      - {id: subnet-d, ipv6Only: true, az: us-east-1a, ipv6Cidr: "2600:1f18:0:a:0::/64"}
                functions: [{name: f1, duration: 100ms, arrivals: {poisson: 5/s}}]
                """));
    }

    /** A NAT gateway's id names its series and charts: two with one id are refused. */
    @Test
    void natGatewayIdsAreUnique() {
        assertEquals("vpcs[0].natGateways[1].id: duplicate NAT gateway id 'nat-a' (also vpcs[0].natGateways[0])", one("""
                name: t
                duration: 1h
                vpcs:
                  - id: vpc-a
                    subnets: [{id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a}]
                    natGateways: [{id: nat-a, az: us-east-1a}, {id: nat-a, az: us-east-1a}]
                functions: [{name: f1, duration: 100ms, arrivals: {poisson: 5/s}}]
                """));
    }

    /** A rate in exponent notation is positive: the message says how a rate is written and its range. */
    @Test
    void aRateInExponentNotationSaysHowARateIsWritten() {
        assertEquals("functions[0].arrivals.poisson: a rate is a decimal without an exponent, above 0 and at most"
                + " 1000000/s, with a unit, like 50/s, 3000/m or 0.001/d, got '1e-300/s'", one("""
                name: t
                duration: 1h
                functions: [{name: f1, duration: 100ms, arrivals: {poisson: 1e-300/s}}]
                """));
    }

    /** A complex key was named by SnakeYAML's event ("<org.yaml.snakeyaml.events.SequenceStartEvent(...)>"). */
    @Test
    void aComplexKeyIsSaidPlainly() {
        assertEquals("malformed YAML/JSON at line 2, column 4: a key must be a plain name, not a list or a map"
                + " (a '?' complex key)", one("name: t\n? [a, b]\n: z\n"));
    }

    /** Text after a JSON scenario's value was ignored: "{...} garbage" loaded as "{...}". */
    @Test
    void trailingTextAfterAJsonScenarioIsMalformed() {
        String valid = "{\"name\": \"t\", \"duration\": \"1h\", \"functions\": [{\"name\": \"f\", \"duration\":"
                + " \"1ms\", \"arrivals\": {\"poisson\": \"1/s\"}}]}";
        assertEquals("malformed JSON at line 1, column " + (valid.length() + 2) + ": text after the scenario's"
                + " value (a JSON file holds one value)", one(valid + " {}", "r.json"));
        assertTrue(one("{\"name\":\"t\"} garbage", "r.json").startsWith("malformed JSON at line 1, column 21:"));
    }

    /**
     * A JSON scenario's number too large for a double was read as Infinity and quoted so ("got \"Infinity\""); it is
     * quoted as written, as in YAML, each at its own field, the file's other problems beside it.
     */
    @Test
    void aJsonNumberBeyondADoubleIsQuotedAsWritten() {
        List<String> p = problemsOf("{\"name\": \"t\", \"duration\": \"1h\", \"seed\": 1e999999999, \"functions\": [{\"name\":"
                + " \"f\", \"duration\": \"1ms\", \"memoryMb\": -2E+400, \"timout\": 1.5, \"arrivals\": {\"poisson\":"
                + " \"1/s\"}}]}", "r.json");
        assertTrue(p.contains("seed: expected a whole number, got '1e999999999'"), p.toString());
        assertTrue(p.stream().anyMatch(m -> m.startsWith("functions[0].memoryMb: ") && m.contains("'-2E+400'")),
                p.toString());
        assertTrue(p.stream().anyMatch(m -> m.startsWith("functions[0].timout: unknown key")), p.toString());
        assertTrue(p.stream().noneMatch(m -> m.contains("Infinity")), p.toString());
    }

    /** A subnet id written twice is reported there; the known ids of an unknown reference list it once. */
    @Test
    void theKnownIdsOfAnUnknownReferenceAreEachListedOnce() {
        List<String> p = problems("""
                name: t
                duration: 1h
                vpcs:
                  - id: vpc-a
                    subnets:
                      - {id: subnet-a, cidr: 10.0.1.0/24, az: us-east-1a}
                      - {id: subnet-a, cidr: 10.0.2.0/24, az: us-east-1a}
                    securityGroups: [sg-a]
                functions:
                  - name: f1
                    vpcConfig: {subnetIds: [subnet-x], securityGroupIds: [sg-a]}
                    duration: 100ms
                    arrivals: {poisson: 5/s}
                """);
        assertTrue(p.contains("vpcs[0].subnets[1].id: duplicate subnet id 'subnet-a'"), p.toString());
        assertTrue(p.contains("functions[0].vpcConfig.subnetIds[0]: unknown subnet 'subnet-x' (known: subnet-a); did you mean 'subnet-a'?"),
                p.toString());
    }

    /** A NUL byte was placed "at line 1, column 1" wherever it was. */
    @Test
    void aSpecialCharacterIsPlacedWhereItIs() {
        assertEquals("malformed YAML/JSON at line 2, column 8 (U+0000): special characters are not allowed",
                one("name: t\nduratio\u0000n: 1h\n"));
    }

    private static int order(String problem) {
        return problem.startsWith("seed") ? 0 : problem.startsWith("bucket") ? 1 : 2;
    }
}
