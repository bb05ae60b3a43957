package dev.enisim.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.run.Simulation;
import dev.enisim.scenario.Scenario;
import dev.enisim.scenario.ScenarioLoader;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each limit a run hits, in the words the plan's headroom says it ({@link Planner#limitsHit} and
 * {@link Planner#hitDetails}): who met it, AWS's name for it, how many of how many invocations, and what to do. One
 * small run (a minute or two) per limit.
 */
class PlanHitDetailsTest {

    private static RunSummary run(Scenario s) {
        return new Simulation(s, 0).run().summary();
    }

    /** Runs {@code s} and checks that it hits {@code limit} only, said as {@code detail}; returns the run. */
    private static RunSummary assertOnlyHit(Scenario s, String limit, String detail) {
        RunSummary r = run(s);
        assertEquals(List.of(limit), Planner.limitsHit(r, s));
        assertEquals(List.of(detail), Planner.hitDetails(r, s));
        return r;
    }

    private static Scenario scenario(String yaml) throws Exception {
        return ScenarioLoader.parse(yaml, "details");
    }

    /** Five connections per invocation, ten per ENI, one ENI at the start: the key's ENIs run out of ports. */
    @Test
    void enisOutOfPortsAreSaidAsConnectionsThatCouldNotOpen() throws Exception {
        Scenario s = scenario("""
                name: conn
                duration: 2m
                hyperplane: { connectionsPerEni: 10 }
                vpcs:
                  - id: v
                    subnets: [{ id: a, cidr: 10.0.0.0/24, az: a }]
                    securityGroups: [sg-1]
                functions:
                  - { name: chatty, existing: Active, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] },
                      initDuration: 0s, duration: 1s, connectionsPerInvocation: 5, arrivals: { poisson: 10/s } }
                """);
        assertOnlyHit(s, "connections",
                "connections: chatty: 706 of 1,192 invocations could not open their connections"
                + " (NoFreePortOnEni: no port left on their ENIs)");
    }

    /** EC2's bucket of one call, refilled hourly: the second function's ENI is refused and it ends Failed. */
    @Test
    void ec2sRequestLimitIsSaidWithTheFunctionThatEndsFailedAndTheAdvice() throws Exception {
        Scenario s = scenario("""
                name: ec2
                duration: 2m
                hyperplane: { ec2RequestLimit: { burst: 1, refill: 1/h } }
                vpcs:
                  - id: v
                    subnets: [{ id: a, cidr: 10.0.0.0/24, az: a }]
                    securityGroups: [sg-1, sg-2]
                functions:
                  - { name: first, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] }, duration: 50ms,
                      arrivals: { poisson: 1/s } }
                  - { name: second, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-2] }, duration: 50ms,
                      arrivals: { poisson: 1/s } }
                """);
        assertOnlyHit(s, Planner.EC2_REQUEST,
                "EC2-request-rate: second: 119 of 119 invocations failed (EC2ThrottledException), and it"
                + " ends Failed (EC2RequestLimitExceeded): EC2 refused Lambda's CreateNetworkInterface calls for their"
                + " rate (hyperplane.ec2RequestLimit), not for want of IPs or quota; stagger the deployment (create a"
                + " few functions, a few new subnet + security-group keys, at a time) or share security groups so"
                + " that fewer ENIs are created at once, and delete and recreate a function that ended Failed");
    }

    /** Two accounts: the throttles are said as the limit of the account they were in, with its figure. */
    @Test
    void aConcurrencyLimitIsSaidPerAccountWhenThereAreSeveral() throws Exception {
        Scenario s = scenario("""
                name: acct
                duration: 2m
                accounts:
                  - { id: "111111111111", concurrencyLimit: 100, unreservedMinimum: 0 }
                  - { id: "222222222222", concurrencyLimit: 1000 }
                functions:
                  - { name: tight, account: "111111111111", existing: Active, initDuration: 0s, duration: 1s,
                      arrivals: { poisson: 150/s } }
                  - { name: roomy, account: "222222222222", existing: Active, initDuration: 0s, duration: 10ms,
                      arrivals: { poisson: 1/s } }
                """);
        RunSummary r = assertOnlyHit(s, "concurrency",
                "concurrency: account 111111111111's concurrency limit (100): 5,974 of 17,858"
                + " invocations throttled (ConcurrentInvocationLimitExceeded)");
        assertEquals(List.of("concurrency: the account's concurrency limit: 5,974 of 17,858 invocations throttled"
                + " (ConcurrentInvocationLimitExceeded)"), Planner.hitDetails(r), "no scenario known: one account");
    }

    /** 3,000 two-second invocations a second from one warm environment: the environments cannot be added as fast. */
    @Test
    void throttlesForScalingAreTheScalingRate() throws Exception {
        Scenario s = scenario("""
                name: scal
                duration: 1m
                account: { concurrencyLimit: 10000, unreservedMinimum: 0 }
                functions:
                  - { name: surge, existing: Active, initDuration: 0s, duration: 2s, arrivals: { poisson: 3000/s } }
                """);
        assertOnlyHit(s, "scaling-rate",
                "scaling-rate: surge: 60,087 of 179,950 invocations throttled"
                + " (FunctionInvocationRateLimitExceeded)");
    }

    /**
     * A reserved concurrency of 10 caps its function's requests at 100 a second: its 200 a second are the request
     * rate, counted on its own invocations (the account's 1,000 would allow 10,000 a second).
     */
    @Test
    void theRequestRateOfAFunctionWithReservedConcurrencyIsItsOwn() throws Exception {
        Scenario s = scenario("""
                name: rsv
                duration: 1m
                account: { concurrencyLimit: 1000, unreservedMinimum: 0 }
                functions:
                  - { name: pixel, existing: Active, reservedConcurrency: 10, initDuration: 0s, duration: 0.5ms,
                      arrivals: { poisson: 200/s } }
                  - { name: other, existing: Active, initDuration: 0s, duration: 0.5ms, arrivals: { poisson: 200/s } }
                """);
        RunSummary r = assertOnlyHit(s, "request-rate",
                "request-rate: pixel: 5,842 of 11,941 invocations throttled (ReservedFunctionInvocationRateLimit"
                + "Exceeded: requests per second over 10 x its reserved concurrency of 10 = 100; raise its reserved"
                + " concurrency)");
        assertEquals("request-rate", Planner.rateLimit(null, r, "pixel"), "the run's record: no scenario needed");
        assertEquals("scaling-rate", Planner.rateLimit(s, r, "no-such-function"));
    }

    /** One call, at the start, into a /28 with no address left: the function ends Failed for want of one. */
    static final String ONE_CALL_INTO_A_FULL_SUBNET = """
            name: one
            duration: 1m
            bucket: 10s
            vpcs:
              - id: v
                subnets: [{ id: tiny, cidr: 10.0.0.0/28, az: a, otherUsedIps: 11 }]
                securityGroups: [sg-1]
            functions:
              - { name: lone, vpcConfig: { subnetIds: [tiny], securityGroupIds: [sg-1] }, duration: 50ms,
                  arrivals: { constant: 1/m } }
            """;

    /** One invocation, failed: "1 of 1 invocation", and the function ends Failed for want of an address. */
    @Test
    void aSingleInvocationIsSaidInTheSingular() throws Exception {
        Scenario s = scenario(ONE_CALL_INTO_A_FULL_SUBNET);
        assertOnlyHit(s, "IP",
                "IP: lone: 1 of 1 invocation failed (SubnetIPAddressLimitReachedException), and it ends"
                + " Failed");
    }

    /**
     * A function that ends Failed by the limit it hit is said so after its failed invocations, for the ENI quota and
     * the subnet's addresses alike ({@link PlanLimitsAfterWarmUpTest#FAILED_BY_LIMITS}: quota, ips and second each
     * end Failed by one limit).
     */
    @Test
    void aFunctionEndingFailedByTheLimitItHitIsSaidSo() throws Exception {
        RunSummary r = run(scenario(PlanLimitsAfterWarmUpTest.FAILED_BY_LIMITS));
        List<String> details = Planner.hitDetails(r);
        assertEquals("ENI: quota: 9 of 9 invocations failed (ENILimitReachedException), and it ends Failed",
                details.get(0), details.toString());
        assertEquals("IP: ips: 8 of 8 invocations failed (SubnetIPAddressLimitReachedException), and it ends Failed",
                details.get(1), details.toString());
    }

    /**
     * {@link PlanLimitsAfterWarmUpTest#FAILED_BY_LIMITS}'s three functions ending Failed by the ENI quota, the
     * subnet's addresses and EC2's request rate, with their calls replaced by {@code arrivals}.
     */
    private static Scenario failedBy(String arrivals) throws Exception {
        return scenario(PlanLimitsAfterWarmUpTest.FAILED_BY_LIMITS.replace("{ poisson: 1/s, until: 10s }", arrivals));
    }

    /**
     * A function that ends Failed by a limit has hit it though no call of it failed: here none is made (the calls
     * start after the run's 3 minutes), and the three limits are hit all the same, each said with its function and
     * its reason (not "0 of 0 invocations failed"), EC2's with its advice.
     */
    @Test
    void aFunctionEndingFailedByALimitHitsItWithoutAFailedCall() throws Exception {
        Scenario s = failedBy("{ constant: 1/s, from: 5m }");
        RunSummary r = run(s);
        assertEquals(0, r.invocations().total(), "the run this test is made of");
        assertEquals(List.of("ENI", "IP", "EC2-request-rate"), Planner.limitsHit(r, s));
        List<String> details = Planner.hitDetails(r, s);
        assertEquals(List.of("ENI: quota: no invocation made, and it ends Failed (EniLimitExceeded)",
                "IP: ips: no invocation made, and it ends Failed (SubnetOutOfIPAddresses)",
                "EC2-request-rate: second: no invocation made, and it ends Failed (EC2RequestLimitExceeded): "
                + Planner.ec2Advice(s)), details);
    }

    /**
     * Under a failed-fraction threshold (plan --max-failed-fraction 0.5) a limit that left a function Failed still
     * counts, though none of its calls failed.
     */
    @Test
    void aLimitThatLeftAFunctionFailedCountsUnderAFailedFractionThreshold() throws Exception {
        Scenario s = failedBy("{ constant: 1/s, from: 5m }");
        RunSummary r = run(s);
        List<String> hit = Planner.limitsHit(r, s);
        assertEquals(hit, Planner.material(hit, r, s, 0.5));
    }

    /** One call of the function EC2's request rate leaves Failed: "1 of 1 invocation". */
    @Test
    void oneCallRefusedForEc2sRequestRateIsSaidInTheSingular() throws Exception {
        Scenario s = failedBy("{ constant: 1/m, until: 1s }");
        List<String> details = Planner.hitDetails(run(s), s);
        assertTrue(details.get(2).startsWith("EC2-request-rate: second: 1 of 1 invocation failed"
                + " (EC2ThrottledException), and it ends Failed"), details.toString());
    }
    /**
     * One function's connections refused on its ENI (NoFreePortOnEni: 8 calls a second of 10,000 connections, one
     * ENI of 65,000 at the start, a second while it is made) and at its NAT gateway (ErrorPortAllocation: one
     * address, 55,000 connections to its database) are one limit, counted together: 134 + 326.
     */
    @Test
    void refusalsOnTheEniAndAtTheNatGatewayAreCountedTogether() throws Exception {
        Scenario s = scenario(NAT_AND_ENI);
        RunSummary r = assertOnlyHit(s, "connections",
                "connections: chatty: 460 of 957 invocations could not open their connections"
                + " (NoFreePortOnEni, 134: no port left on their ENIs; ErrorPortAllocation, 326: none at their NAT"
                + " gateway)");
        assertEquals(134, r.invocations().functionErrorCauses().get("NoFreePortOnEni"), "the run this test is made of");
        assertEquals(326, r.invocations().functionErrorCauses().get("ErrorPortAllocation"));
    }

    /** {@link #refusalsOnTheEniAndAtTheNatGatewayAreCountedTogether}'s run: 2 minutes, 957 calls. */
    static final String NAT_AND_ENI = """
            name: nat
            seed: 1
            duration: 2m
            bucket: 10s
            vpcs:
              - id: v
                subnets: [{ id: a, cidr: 10.0.0.0/24, az: a }]
                securityGroups: [sg-1]
                natGateways: [{ id: nat-a, az: a }]
            functions:
              - { name: chatty, existing: Active, vpcConfig: { subnetIds: [a], securityGroupIds: [sg-1] },
                  initDuration: 0s, duration: 1s, connectionsPerInvocation: 10000, arrivals: { poisson: 8/s },
                  egress: { destinations: [{ destination: db }] } }
            """;
}
