package dev.enisim.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.enisim.scenario.ScenarioLoader;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.UniqueElements;

/**
 * A key's ENI timings are common random numbers: over random sets of keys in random orders, a key's creation,
 * attach-existing and deletion times are the same whatever other keys the scenario has and whichever order their
 * functions come in (and so are created, attached to and deleted in).
 */
class EniTimingProperties {

    /** The candidate keys: six subnets (three AZs) times three security-group sets. */
    private static final int KEYS = 18;
    private static final List<String> GROUPS = List.of("[sg-1]", "[sg-2]", "[sg-1, sg-2]");

    @Property(tries = 30)
    void aKeysTimingsDependOnItsIdentityAlone(@ForAll @IntRange(max = KEYS - 1) int key,
            @ForAll @Size(max = 5) @UniqueElements List<@IntRange(max = KEYS - 1) Integer> others,
            @ForAll @Size(max = 5) @UniqueElements List<@IntRange(max = KEYS - 1) Integer> othersToo,
            @ForAll @IntRange(max = 5) int at, @ForAll @IntRange(max = 5) int atToo, @ForAll long seed)
            throws Exception {
        List<Long> one = timings(insert(others, key, at), seed).get(insert(others, key, at).indexOf(key));
        List<Integer> second = insert(othersToo, key, atToo);
        assertEquals(one, timings(second, seed).get(second.indexOf(key)), "key " + key + " among " + second);
    }

    private static long micros(double seconds) {
        return Math.round(seconds * 1e6);
    }

    /** {@code keys} with {@code key} in place {@code at} (or at the end), once. */
    private static List<Integer> insert(List<Integer> keys, int key, int at) {
        List<Integer> out = new ArrayList<>(keys);
        out.remove(Integer.valueOf(key));
        out.add(Math.min(at, out.size()), key);
        return out;
    }

    /**
     * Runs the keys in their order: the function of the n-th key is created at n minutes, a second function on it at
     * 30 + n minutes (it attaches to the key's ENI), both deleted at 60 + n minutes. For each key: its ENI's creation
     * time (ready - created), its deletion time (ended - requested), and its second function's Pending (its attach),
     * in microseconds.
     */
    private static List<List<Long>> timings(List<Integer> keys, long seed) throws Exception {
        StringBuilder y = new StringBuilder("name: keys\nduration: 2h\nbucket: 10m\nseed: " + seed + "\n"
                + "vpcs:\n  - id: vpc-1\n    securityGroups: [sg-1, sg-2]\n    subnets:\n");
        for (int s = 0; s < 6; s++) {
            y.append("      - { id: subnet-").append(s).append(", cidr: 10.0.").append(s).append(".0/24, az: us-east-1")
                    .append((char) ('a' + s % 3)).append(" }\n");
        }
        y.append("hyperplane:\n  eniCreateTime: { dist: lognormal, median: 75s, p99: 5m, cap: 20m }\n"
                + "  attachExistingTime: { dist: lognormal, median: 5s, p99: 30s }\nfunctions:\n");
        StringBuilder timeline = new StringBuilder("timeline:\n");
        for (int n = 0; n < keys.size(); n++) {
            int k = keys.get(n);
            for (String f : List.of("a", "b")) {
                String name = "f" + k + f;
                y.append("  - name: ").append(name).append("\n    vpcConfig: { subnetIds: [subnet-").append(k / 3)
                        .append("], securityGroupIds: ").append(GROUPS.get(k % 3)).append(" }\n    createdAt: ")
                        .append(f.equals("a") ? n : 30 + n).append("m\n    duration: 100ms\n")
                        .append("    arrivals: { constant: 1/m, until: ").append(60 + n).append("m }\n");
                timeline.append("  - { at: ").append(60 + n).append("m, action: deleteFunction, function: ")
                        .append(name).append(" }\n");
            }
        }
        RunResult r = new Simulation(ScenarioLoader.parse(y.append(timeline).toString(), "keys.yaml"), 0).run();
        List<List<Long>> out = new ArrayList<>();
        for (int k : keys) {
            String label = "subnet-" + k / 3 + "+" + GROUPS.get(k % 3).replace(" ", "");
            List<RunResult.EniLifetime> enis = r.enis().stream().filter(e -> e.key().equals(label)).toList();
            assertEquals(1, enis.size(), label + ": " + r.enis());
            RunResult.EniLifetime eni = enis.get(0);
            out.add(List.of(micros(eni.readySeconds().orElseThrow()) - micros(eni.createdSeconds()),
                    micros(eni.endedSeconds().orElseThrow()) - micros(eni.deletionRequestedSeconds().orElseThrow()),
                    micros(r.summary().functions().get("f" + k + "b").longestPendingSeconds())));
        }
        return out;
    }
}
