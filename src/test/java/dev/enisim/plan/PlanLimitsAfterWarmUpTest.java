package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.run.RunResult;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Which limits a run hit after the warm-up ({@link Planner#limitsAfterWarmUp}), limit by limit, each met either only
 * in the warm-up (the first 30 s of 3 min, buckets of 10 s: the traffic heavy for its first 20 s, then light) or
 * after it (light for 2 min, then heavy): the first is left out, the second kept, and a function that ends Failed by
 * a limit keeps it however early its errors were. Small runs of about a second each.
 */
class PlanLimitsAfterWarmUpTest {

    static final long WARM_UP = 30_000_000L;
    /** Heavy in the warm-up only. */
    static final String EARLY = "{ schedule: { phases: [ { rate: 20/s, for: 20s }, { rate: 2/s, for: 160s } ] } }";
    /** Heavy after the warm-up only. */
    static final String LATE = "{ schedule: { phases: [ { rate: 2/s, for: 120s }, { rate: 20/s, for: 60s } ] } }";

    /**
     * Four functions, three of which end Failed by a limit in their first 10 s: the VPC's ENI quota taken by other
     * services, a /28 with 11 addresses taken, EC2's one creation an hour taken by another function.
     */
    static final String FAILED_BY_LIMITS = """
            name: lim
            seed: 1
            duration: 3m
            bucket: 10s
            hyperplane: { ec2RequestLimit: { burst: 1, refill: 1/h } }
            vpcs:
              - id: full
                eniQuota: 1
                otherUsedEnis: 1
                subnets: [{ id: s1, cidr: 10.1.0.0/24, az: a }]
                securityGroups: [sg-1]
              - id: small
                subnets: [{ id: s2, cidr: 10.2.0.0/28, az: a, otherUsedIps: 11 }]
                securityGroups: [sg-2]
              - id: third
                subnets: [{ id: s3, cidr: 10.3.0.0/24, az: a }]
                securityGroups: [sg-3, sg-4]
            functions:
              - { name: quota, vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-1] }, duration: 100ms,
                  arrivals: { poisson: 1/s, until: 10s } }
              - { name: ips, vpcConfig: { subnetIds: [s2], securityGroupIds: [sg-2] }, duration: 100ms,
                  arrivals: { poisson: 1/s, until: 10s } }
              - { name: first, vpcConfig: { subnetIds: [s3], securityGroupIds: [sg-3] }, duration: 100ms,
                  arrivals: { poisson: 1/s, until: 10s } }
              - { name: second, vpcConfig: { subnetIds: [s3], securityGroupIds: [sg-4] }, duration: 100ms,
                  arrivals: { poisson: 1/s, until: 10s } }
            """;

    /**
     * One existing function in one VPC (ENIs of 10 connections), with {@code vpc} and {@code hyperplane} added (also
     * {@link PlanPeaksTest}'s burst).
     */
    static String vpcRun(String hyperplane, String vpc, String cidr, String arrivals) {
        return """
                name: lim
                seed: 1
                duration: 3m
                bucket: 10s
                hyperplane: { connectionsPerEni: 10, eniCreateTime: %s }
                vpcs:
                  - id: v
                    %s
                    subnets: [{ id: s1, cidr: %s, az: a }]
                    securityGroups: [sg-1]
                functions:
                  - name: f
                    existing: Active
                    vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-1] }
                    initDuration: 0s
                    duration: 1s
                    arrivals: %s
                """.formatted(hyperplane, vpc, cidr, arrivals);
    }

    /** The limits the run hit, then those after the warm-up. */
    private static List<List<String>> limits(String yaml) throws Exception {
        dev.enisim.scenario.Scenario s = ScenarioLoader.parse(yaml, "lim");
        RunResult res = new Simulation(s, 0).run();
        return List.of(Planner.limitsHit(res.summary(), s), Planner.limitsAfterWarmUp(res, WARM_UP));
    }

    /**
     * A VPC run whose {@code limits} are hit: all of them counted in the whole run, and after the warm-up only when
     * they come after it ({@link #LATE}), none when they all come within it ({@link #EARLY}).
     */
    private static void onlyAfterTheWarmUp(List<String> limits, String hyperplane, String vpc, String cidr)
            throws Exception {
        check(limits, List.of(), vpcRun(hyperplane, vpc, cidr, EARLY));
        check(limits, limits, vpcRun(hyperplane, vpc, cidr, LATE));
    }

    private static void check(List<String> all, List<String> after, String yaml) throws Exception {
        assertEquals(List.of(all, after), limits(yaml), yaml);
    }

    /** One function f, reserved concurrency 5, for 3 minutes; its arrivals {@code %s} (PlanVerdictFindingsTest too). */
    static final String RESERVED_FIVE = """
            name: lim
            seed: 1
            duration: 3m
            bucket: 10s
            functions:
              - name: f
                reservedConcurrency: 5
                initDuration: 0s
                duration: 100ms
                arrivals: %s
            """;

    @Test
    void concurrencyThrottlesCountOnlyAfterTheWarmUp() throws Exception {
        String yaml = RESERVED_FIVE;
        String early = "{ schedule: { phases: [ { rate: 100/s, for: 20s }, { rate: 1/s, for: 160s } ] } }";
        String late = "{ schedule: { phases: [ { rate: 1/s, for: 120s }, { rate: 100/s, for: 60s } ] } }";
        check(List.of("concurrency"), List.of(), yaml.formatted(early));
        check(List.of("concurrency"), List.of("concurrency"), yaml.formatted(late));
        // with no warm-up, every limit the run hit
        dev.enisim.scenario.Scenario s = ScenarioLoader.parse(yaml.formatted(early), "lim");
        assertEquals(List.of("concurrency"), Planner.limitsAfterWarmUp(new Simulation(s, 0).run(), 0));
    }

    /**
     * The scaling rate throttles an existing function whose environments must all be made (5 per 10 s): at the start
     * only, or when the traffic steps up after the warm-up. Beside concurrency throttles after the warm-up, the
     * warm-up's throttles are taken to be the scaling rate's (the series does not split them by reason).
     */
    @Test
    void scalingRateThrottlesCountOnlyAfterTheWarmUp() throws Exception {
        String yaml = """
                name: lim
                seed: 1
                duration: 3m
                bucket: 10s
                scaling: { newEnvironmentsPer10s: 5 }
                functions:
                  - name: f
                    existing: Active
                    %s
                    initDuration: 0s
                    duration: 1s
                    arrivals: %s
                """;
        check(List.of("scaling-rate"), List.of(), yaml.formatted("", "{ poisson: 10/s }"));
        check(List.of("scaling-rate"), List.of("scaling-rate"), yaml.formatted("", LATE));
        check(List.of("concurrency", "scaling-rate"), List.of("concurrency"), yaml.formatted(
                "reservedConcurrency: 12", "{ schedule: { phases: [ { rate: 10/s, for: 120s }, { rate: 20/s, for: 60s } ] } }"));
        // both after it: the step to 20/s meets the scaling rate, then the reserved concurrency (15)
        check(List.of("concurrency", "scaling-rate"), List.of("concurrency", "scaling-rate"),
                yaml.formatted("reservedConcurrency: 15", LATE));
        // a function with reserved concurrency: ReservedFunctionInvocationRateLimitExceeded
        check(List.of("scaling-rate"), List.of("scaling-rate"), yaml.formatted("reservedConcurrency: 100", LATE));
    }

    /** A key's scale-out refused by the VPC's ENI quota (1): ENILimitReachedException while the function stays Active. */
    @Test
    void theEniQuotaCountsOnlyAfterTheWarmUp() throws Exception {
        onlyAfterTheWarmUp(List.of("ENI"), "2s", "eniQuota: 1", "10.1.0.0/24");
    }

    /** A key's scale-out in a /28 with 10 addresses taken: SubnetIPAddressLimitReachedException, the function Active. */
    @Test
    void aFullSubnetCountsOnlyAfterTheWarmUp() throws Exception {
        onlyAfterTheWarmUp(List.of("IP"), "2s", "", "10.1.0.0/28, otherUsedIps: 10");
    }

    /** EC2 accepts one creation an hour: the scale-out's EC2ThrottledException (and its port refusals meanwhile). */
    @Test
    void ec2sRequestLimitCountsOnlyAfterTheWarmUp() throws Exception {
        onlyAfterTheWarmUp(List.of("connections", Planner.EC2_REQUEST), "2s, ec2RequestLimit: { burst: 1, refill: 1/h }",
                "", "10.1.0.0/24");
    }

    /** ENIs made in 20 s: the key's connections are refused (NoFreePortOnEni) while the next one is made. */
    @Test
    void portRefusalsCountOnlyAfterTheWarmUp() throws Exception {
        onlyAfterTheWarmUp(List.of("connections"), "20s", "", "10.1.0.0/24");
    }

    /**
     * A NAT gateway's ports to one destination (55,000 an address) run out after about 3.5 min of 250/s kept open:
     * ErrorPortAllocation, the other port refusal, after the warm-up.
     */
    @Test
    void natPortAllocationErrorsAfterTheWarmUpCount() throws Exception {
        check(List.of("connections"), List.of("connections"), """
                name: lim
                seed: 1
                duration: 5m
                bucket: 10s
                vpcs:
                  - id: v
                    subnets: [{ id: s1, cidr: 10.1.0.0/24, az: a }]
                    securityGroups: [sg-1]
                    natGateways:
                      - { id: nat-a, az: a }
                functions:
                  - name: f
                    existing: Active
                    vpcConfig: { subnetIds: [s1], securityGroupIds: [sg-1] }
                    initDuration: 0s
                    duration: 100ms
                    egress:
                      keepConnectionsOpen: true
                      destinations:
                        - { destination: "api.example:443/tcp" }
                    arrivals: { poisson: 250/s }
                """);
    }

    /**
     * A function's function errors after the warm-up that are not port refusals (time-outs) do not keep the port
     * refusals another function had in the warm-up.
     */
    @Test
    void timeOutsAfterTheWarmUpAreNotPortRefusals() throws Exception {
        String yaml = vpcRun("20s", "", "10.1.0.0/24", EARLY) + """
                  - name: slow
                    timeout: 1s
                    initDuration: 0s
                    duration: { dist: uniform, min: 500ms, max: 1500ms }
                    arrivals: { poisson: 2/s }
                """;
        check(List.of("connections"), List.of(), yaml);
    }

    /**
     * Functions that end Failed by a limit keep it after the warm-up, though their few invocations (in the first
     * 10 s) all failed in it: the VPC's ENI quota taken by other services, a /28 with 11 addresses taken, EC2's one
     * creation an hour taken by another function.
     */
    @Test
    void aFunctionEndingFailedKeepsItsLimit() throws Exception {
        check(List.of("ENI", "IP", Planner.EC2_REQUEST), List.of("ENI", "IP", Planner.EC2_REQUEST), FAILED_BY_LIMITS);
    }
}
