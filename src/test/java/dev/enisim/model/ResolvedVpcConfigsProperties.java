package dev.enisim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.enisim.model.eni.EniKey;
import dev.enisim.model.function.StateReasonCode;
import dev.enisim.model.network.Cidr;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * A shared VpcConfig is resolved once and kept (eighteenth pass: 10,000 functions share 500): every function's binding
 * is what resolving its VpcConfig afresh gives, by a plain reference that numbers each (VPC, subnet, sorted groups,
 * account) key at its first use; arrays of its own per binding; in several accounts as in one; resolved again during
 * the run (an update) as at the start. And an {@link EniKey}'s groups are the sorted distinct ones, unmodifiable.
 */
class ResolvedVpcConfigsProperties {

    private static final String[] SUBNETS = {"subnet-1", "subnet-2", "subnet-3", "subnet-4", "subnet-z"};
    private static final String[] AZS = {"az-1", "az-2", "az-1", "az-3", "az-1"};
    private static final String[] GROUPS = {"sg-a", "sg-b", "sg-c", "sg-z"};

    /** The plain resolution: keys numbered at first use over all functions so far. */
    private static final class Reference {
        final Map<EniKey, Integer> keys = new LinkedHashMap<>();

        Binding resolve(List<String> subnets, List<String> groups, String account) {
            if (subnets.isEmpty()) {
                return Binding.NONE;
            }
            String vpc = vpcOf(subnets.get(0));
            for (String s : subnets) {
                if (!vpcOf(s).equals(vpc)) {
                    return new Binding(subnets, groups, new int[0], new int[0][], EniFailure.INVALID_SUBNET.reason());
                }
            }
            for (String g : groups) {
                if (!(g.equals("sg-z") ? "vpc-2" : "vpc-1").equals(vpc)) {
                    return new Binding(subnets, groups, new int[0], new int[0][],
                            EniFailure.INVALID_SECURITY_GROUP.reason());
                }
            }
            List<Integer> ks = new ArrayList<>();
            Map<String, List<Integer>> byAz = new LinkedHashMap<>();
            for (String s : subnets) {
                int k = keys.computeIfAbsent(new EniKey(vpc, s, groups, "", account), x -> keys.size());
                if (!ks.contains(k)) {
                    ks.add(k);
                    byAz.computeIfAbsent(AZS[List.of(SUBNETS).indexOf(s)], a -> new ArrayList<>()).add(k);
                }
            }
            int[][] grouped = new int[byAz.size()][];
            int i = 0;
            for (List<Integer> l : byAz.values()) {
                grouped[i++] = l.stream().mapToInt(Integer::intValue).toArray();
            }
            return new Binding(subnets, groups, ks.stream().mapToInt(Integer::intValue).toArray(), grouped, null);
        }

        private static String vpcOf(String subnet) {
            return subnet.equals("subnet-z") ? "vpc-2" : "vpc-1";
        }
    }

    private static List<String> pick(SplittableRandom rng, String[] from, int max) {
        List<String> out = new ArrayList<>();
        for (int i = 0, n = rng.nextInt(max + 1); i < n; i++) {
            out.add(from[rng.nextInt(from.length)]); // repeats too
        }
        return out;
    }

    private static void assertSameBinding(Binding expected, Binding actual, String what) {
        assertEquals(expected.subnetIds(), actual.subnetIds(), what);
        assertEquals(expected.securityGroupIds(), actual.securityGroupIds(), what);
        assertArrayEquals(expected.keys(), actual.keys(), what);
        assertEquals(expected.keysByAz().length, actual.keysByAz().length, what);
        for (int i = 0; i < expected.keysByAz().length; i++) {
            assertArrayEquals(expected.keysByAz()[i], actual.keysByAz()[i], what);
        }
        StateReasonCode e = expected.configError();
        assertEquals(e, actual.configError(), what);
    }

    @Property(tries = 300)
    void everyBindingIsItsVpcConfigResolvedAfresh(@ForAll long seed, @ForAll @IntRange(min = 1, max = 40) int functions,
            @ForAll boolean accounts) {
        SplittableRandom rng = new SplittableRandom(seed);
        WorldHarness h = new WorldHarness(1000, 65_000, 60 * WorldHarness.SEC, 5 * WorldHarness.SEC);
        h.build.addVpc("vpc-1", 500);
        h.build.addVpc("vpc-2", 500);
        for (String g : GROUPS) {
            h.build.addSecurityGroup(g.equals("sg-z") ? "vpc-2" : "vpc-1", g);
        }
        for (int s = 0; s < SUBNETS.length; s++) {
            h.build.addSubnet(s == 4 ? "vpc-2" : "vpc-1", SUBNETS[s], Cidr.parse("10.0." + s + ".0/24"), AZS[s], 0);
        }
        String[] accountIds = accounts ? new String[] {"111111111111", "222222222222"} : new String[] {""};
        if (accounts) {
            h.build.setFirstAccount(accountIds[0]);
            h.build.addAccount(accountIds[1], 100);
        }
        Reference ref = new Reference();
        List<Binding> expected = new ArrayList<>();
        List<String[]> configs = new ArrayList<>();
        for (int f = 0; f < functions; f++) {
            List<String> subnets = pick(rng, SUBNETS, 3);
            List<String> groups = pick(rng, GROUPS, 3);
            if (rng.nextInt(4) == 0) { // a config that was used before, with its groups in another order
                subnets = List.of("subnet-1", "subnet-2");
                groups = rng.nextBoolean() ? List.of("sg-b", "sg-a") : List.of("sg-a", "sg-b", "sg-a");
            }
            int account = rng.nextInt(accountIds.length);
            int i = h.build.addFunction(new TestFunction("fn-" + f, 128 << rng.nextInt(3), 900 * WorldHarness.SEC,
                    OptionalInt.empty(), 1, 0, 0, "role", subnets, groups),
                    new dev.enisim.random.RandomStreams(1, 0).stream("function/fn-" + f + "/subnet"), () -> 0L, account);
            assertEquals(f, i);
            expected.add(ref.resolve(subnets, groups, accountIds[account]));
            configs.add(new String[] {String.join(",", subnets), String.join(",", groups), accountIds[account]});
        }
        World w = h.world();
        for (int f = 0; f < functions; f++) {
            assertSameBinding(expected.get(f), w.function(f).binding(), "function " + f);
        }
        java.util.Set<Object> arrays = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        for (int f = 0; f < functions; f++) {
            Binding b = w.function(f).binding();
            if (b.keys().length > 0) { // each binding's arrays are its own, even of a config resolved before
                assertEquals(true, arrays.add(b.keys()), "function " + f + "'s keys");
                assertEquals(true, arrays.add(b.keysByAz()), "function " + f + "'s keys by AZ");
                for (int[] az : b.keysByAz()) {
                    assertEquals(true, arrays.add(az), "function " + f + "'s keys of an AZ");
                }
            }
        }
        EniFleet fleet = w.fleet();
        List<EniKey> keys = new ArrayList<>(ref.keys.keySet());
        assertEquals(keys.size(), fleet.pools.size());
        for (int k = 0; k < keys.size(); k++) {
            assertEquals(keys.get(k), fleet.pools.get(k).eniKey(), "key " + k);
        }
        // resolved again during the run (an update's VpcConfig): the same, whether resolved before or not
        for (int i = 0; i < 20; i++) {
            List<String> subnets = pick(rng, SUBNETS, 3);
            List<String> groups = pick(rng, GROUPS, 3);
            String account = accountIds[rng.nextInt(accountIds.length)];
            Binding b = fleet.resolveFor("later-" + i, account, 128, h.vpc(subnets, groups));
            assertSameBinding(ref.resolve(subnets, groups, account), b, "resolved during the run");
        }
    }

    @Property(tries = 500)
    void aKeysGroupsAreSortedAndDistinct(@ForAll long seed, @ForAll @IntRange(min = 0, max = 8) int n) {
        SplittableRandom rng = new SplittableRandom(seed);
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            groups.add("sg-" + (char) ('a' + rng.nextInt(5)));
        }
        EniKey k = new EniKey("vpc", "s", groups);
        List<String> expected = groups.stream().distinct().sorted().toList();
        assertEquals(expected, k.securityGroupIds());
        assertThrows(UnsupportedOperationException.class, () -> k.securityGroupIds().add("sg-x"));
        groups.add("sg-later");
        assertEquals(expected, k.securityGroupIds(), "a copy: later changes of the list do not show");
    }
}
