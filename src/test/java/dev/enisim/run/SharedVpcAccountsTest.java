package dev.enisim.run;

import static dev.enisim.run.Scenarios.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.scenario.Scenario;
import dev.enisim.workload.DistributionSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Several accounts on a shared VPC: "Each unique security group and subnet combination in your account requires a
 * different network interface. Functions in the account that share the same security group and subnet combination
 * use the same network interfaces" (https://docs.aws.amazon.com/lambda/latest/dg/foundation-networking.html).
 */
class SharedVpcAccountsTest {

    private static final String A = "111111111111";
    private static final String B = "222222222222";

    /** Three functions on one subnet and group: two of account A, one of B; B's concurrency limit is 5. */
    private static Scenario scenario(double bRate) {
        Scenarios s = new Scenarios();
        s.durationMicros = 1200 * SEC;
        s.vpc("vpc-1", 500, List.of(Scenarios.subnet("subnet-a", "10.0.0.0/24", "az-1", 0)), List.of("sg-1"));
        s.function("a1", List.of("subnet-a"), List.of("sg-1"), -1, new DistributionSpec.Constant(200_000), 1, 5, 0);
        s.function("a2", List.of("subnet-a"), List.of("sg-1"), -1, new DistributionSpec.Constant(200_000), 1, 5, 0);
        s.function("b1", List.of("subnet-a"), List.of("sg-1"), -1, new DistributionSpec.Constant(1_000_000), 1,
                bRate, 0);
        return s.build().withAccounts(new Scenario.Accounts(
                List.of(new Scenario.Account(1000, 0, 5000, A), new Scenario.Account(5, 0, 5000, B)),
                Map.of("a1", A, "a2", A, "b1", B), Map.of("vpc-1", A)));
    }

    /** Same subnet and group: one key (one ENI, one address) per account, never one ENI for two accounts. */
    @Test
    void eachAccountHasItsOwnEniOnASharedSubnet() {
        RunResult r = new Simulation(scenario(1), 0).checkingInvariants().run();
        RunSummary s = r.summary();
        assertEquals(List.of(A + ":subnet-a+[sg-1]", B + ":subnet-a+[sg-1]"), List.copyOf(s.eniKeys().keySet()));
        assertEquals(1, s.eniKeys().get(A + ":subnet-a+[sg-1]").peakEnis(), "a1 and a2 share theirs");
        assertEquals(1, s.eniKeys().get(B + ":subnet-a+[sg-1]").peakEnis());
        assertEquals(251 - 2, s.subnets().get("subnet-a").finalAvailableIps(), "two addresses, one per account");
        assertEquals(2, r.enis().stream().map(RunResult.EniLifetime::key).distinct().count());
        assertEquals(List.of("a1", "a2"), s.accounts().get(A).functions());
        assertEquals(1, s.accounts().get(A).peakEnis());
        assertEquals(List.of(B + ":subnet-a+[sg-1]"), s.accounts().get(B).eniKeys());
    }

    /**
     * Each account's concurrency limit is its own: b1 at 20/s of 1 s against B's limit of 5 is an Erlang loss
     * system, so Erlang B(5, 20) = (20^5/5!) / sum_{k<=5} 20^k/k! = 0.764 of its invocations that reach the
     * concurrency check (those after its creation) are throttled, and none of A's.
     */
    @Test
    void eachAccountHasItsOwnConcurrencyLimit() {
        RunSummary s = new Simulation(scenario(20), 0).checkingInvariants().run().summary();
        RunSummary.AccountSummary a = s.accounts().get(A);
        RunSummary.AccountSummary b = s.accounts().get(B);
        assertEquals(0, a.throttled());
        assertEquals(5, b.peakConcurrentExecutions(), "B's limit");
        double term = 1;
        double sum = 1;
        for (int k = 1; k <= 5; k++) {
            term *= 20.0 / k;
            sum += term;
        }
        assertEquals(term / sum, b.throttled() / (double) (b.invocations() - b.invokeErrors()), 0.02,
                "Erlang B(5, 20)");
        assertEquals(s.invocations().total(), a.invocations() + b.invocations(), "the accounts add up to the run");
        assertEquals(a.invocations(), a.succeeded() + a.throttled() + a.functionErrors() + a.invokeErrors());
    }

    /** A single-account scenario has no accounts section and no account in its keys. */
    @Test
    void aSingleAccountRunIsUnchanged() {
        Scenarios s = new Scenarios();
        s.vpc("vpc-1", 500, List.of(Scenarios.subnet("subnet-a", "10.0.0.0/24", "az-1", 0)), List.of("sg-1"));
        s.function("a1", List.of("subnet-a"), List.of("sg-1"), -1, new DistributionSpec.Constant(200_000), 1, 5, 0);
        RunSummary r = new Simulation(s.build(), 0).run().summary();
        assertNull(r.accounts());
        assertTrue(r.eniKeys().containsKey("subnet-a+[sg-1]"));
    }
}
