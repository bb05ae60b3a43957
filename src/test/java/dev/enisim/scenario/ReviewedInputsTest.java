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
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.parse(yaml, "r.yaml"));
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static String one(String yaml) {
        List<String> p = problems(yaml);
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

    private static int order(String problem) {
        return problem.startsWith("seed") ? 0 : problem.startsWith("bucket") ? 1 : 2;
    }
}
