package dev.enisim.run;

import static dev.enisim.run.Scenarios.SEC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.enisim.metrics.RunSummary;
import dev.enisim.model.SimEvent;
import dev.enisim.scenario.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * SimulationProperties' random scenarios and timelines, spread over two or three accounts on the shared VPC and
 * with provisioned concurrency set, raised, lowered and removed at random times. The world's invariants run after
 * every event: among them, a function's keys are its account's (an ENI never serves two accounts), each account's
 * in-flight counts are its functions' and within its limit, and provisioned environments are conserved (never more
 * idle than allocated, never more allocated than requested).
 */
class AccountsAndProvisionedProperties {

    private static final List<String> IDS = List.of("111111111111", "222222222222", "333333333333");

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<int[]>> actions = Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(5)
                .list().ofMaxSize(8);
        Arbitrary<List<int[]>> provisioned = Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(3)
                .list().ofMaxSize(6);
        Arbitrary<Integer> accounts = Arbitraries.integers().between(2, 3);
        return Combinators.combine(Arbitraries.longs(), Arbitraries.integers().between(1, 8),
                Arbitraries.integers().between(1, 40), Arbitraries.integers().between(5, 200),
                Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(6).list().ofMinSize(1)
                        .ofMaxSize(6),
                Arbitraries.integers().between(0, 1 << 20).array(int[].class).ofSize(8), actions,
                Combinators.combine(provisioned, accounts).as((p, n) -> new Object[] {p, n}))
                .as((seed, quota, cap, limit, fns, shape, acts, extra) -> {
                    @SuppressWarnings("unchecked")
                    List<int[]> pcs = (List<int[]>) extra[0];
                    return scenario(SimulationProperties.scenario(seed, quota, cap, limit, fns, shape, acts), pcs,
                            (Integer) extra[1]);
                });
    }

    /** Function i goes to account i mod n (each with the base scenario's limit); PC actions {function, amount, at}. */
    private static Scenario scenario(Scenario base, List<int[]> pcs, int n) {
        List<Scenario.Account> accounts = new ArrayList<>();
        for (int a = 0; a < n; a++) {
            accounts.add(new Scenario.Account(base.account().concurrencyLimit(), 0, 5000, IDS.get(a)));
        }
        Map<String, String> byFunction = new LinkedHashMap<>();
        for (int i = 0; i < base.functions().size(); i++) {
            byFunction.put(base.functions().get(i).name(), IDS.get(i % n));
        }
        List<Scenario.At> timeline = new ArrayList<>(base.timeline());
        for (int[] p : pcs) {
            int f = p[0] % base.functions().size();
            int reserved = base.functions().get(f).reservedConcurrency().orElse(base.account().concurrencyLimit());
            timeline.add(new Scenario.At((p[2] % 900) * SEC, new SimEvent.PutProvisionedConcurrency(f,
                    p[1] % (reserved + 1))));
        }
        timeline.sort(java.util.Comparator.comparingLong(Scenario.At::atMicros));
        return base.withTimeline(timeline).withAccounts(new Scenario.Accounts(accounts, byFunction,
                Map.of("vpc-1", IDS.get(0))));
    }

    /**
     * The keys ("subnet+[groups]") account {@code account}'s functions may use, worked out from the scenario: each
     * function's VpcConfig and each UpdateVpcConfig of its timeline (subnet k is subnet-k, group k sg-k there).
     */
    private static Set<String> keysOf(Scenario scenario, String account) {
        Set<String> out = new java.util.TreeSet<>();
        List<Scenario.Function> fns = scenario.functions();
        for (Scenario.Function f : fns) {
            if (account.equals(scenario.accounts().byFunction().get(f.name()))) {
                addKeys(out, f.vpcConfig().subnetIds(), f.vpcConfig().securityGroupIds());
            }
        }
        for (Scenario.At at : scenario.timeline()) {
            if (at.action() instanceof SimEvent.UpdateVpcConfig u
                    && account.equals(scenario.accounts().byFunction().get(fns.get(u.function()).name()))) {
                addKeys(out, u.vpcConfig().subnets().stream().map(k -> "subnet-" + k).toList(),
                        u.vpcConfig().securityGroups().stream().map(k -> "sg-" + k).toList());
            }
        }
        return out;
    }

    private static void addKeys(Set<String> out, List<String> subnets, List<String> groups) {
        String g = String.join(",", new java.util.TreeSet<>(groups));
        for (String s : subnets) {
            out.add(s + "+[" + g + "]");
        }
    }

    @Property(tries = 60)
    void keysArePerAccountAndProvisionedEnvironmentsAreConserved(@ForAll("scenarios") Scenario scenario) {
        RunSummary r = new Simulation(scenario, 0).checkingInvariants().run().summary();
        long total = 0;
        for (Map.Entry<String, RunSummary.AccountSummary> e : r.accounts().entrySet()) {
            RunSummary.AccountSummary a = e.getValue();
            total += a.invocations();
            assertEquals(a.invocations(), a.succeeded() + a.throttled() + a.functionErrors() + a.invokeErrors());
            Set<String> allowed = keysOf(scenario, e.getKey());
            for (String key : a.eniKeys()) {
                assertTrue(key.startsWith(e.getKey() + ":"), key + " listed under account " + e.getKey());
                // the key's subnet and groups are those of a function of this account, as created or updated
                String rest = key.substring(e.getKey().length() + 1);
                rest = rest.substring(rest.indexOf('@') + 1); // a legacy key's owner ("fn@") left out
                assertTrue(allowed.contains(rest), key + " is not a subnet and group set of account " + e.getKey()
                        + "'s functions: " + allowed);
            }
            assertTrue(a.peakConcurrentExecutions() <= scenario.account().concurrencyLimit());
        }
        assertEquals(r.invocations().total(), total, "the accounts' invocations add up to the run's");
        for (String key : r.eniKeys().keySet()) {
            assertTrue(IDS.stream().anyMatch(id -> key.startsWith(id + ":")), "every key names its account: " + key);
        }
        if (r.provisionedConcurrency() != null) {
            for (RunSummary.ProvisionedSummary p : r.provisionedConcurrency().values()) {
                assertTrue(p.allocatedAtEnd() <= p.requested() && p.allocatedAtEnd() <= p.peakAllocated());
                assertTrue(p.invocations() >= 0 && p.spilloverInvocations() >= 0);
            }
        }
    }
}
